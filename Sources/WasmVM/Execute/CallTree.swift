/// Fuel per distinct call stack, for folded stacks and flame graphs: one node per
/// stack, created on the first call that reaches it. Node 0 is a root above the
/// entry function. A value type, so checkpoints copy it lazily.
/// Bounded: a call deeper than `maxDepth`, or one that would need more than `maxNodes`
/// nodes, stays in its caller's node (its fuel is the caller's self fuel there), so deep
/// recursion costs neither quadratic memory nor a flame graph thousands of frames tall.
struct CallTree {
    static let maxDepth = 256
    static let maxNodes = 1 << 17
    /// Store function address of each node (-1 for the root).
    var function: [Int32] = [-1]
    var parent: [Int32] = [-1]
    var firstChild: [Int32] = [-1]
    var nextSibling: [Int32] = [-1]
    var selfFuel: [UInt64] = [0]
    var calls: [UInt64] = [0]
    /// The node of the running function.
    var current: Int32 = 0
    /// Depth of `current` (0 at the root).
    var depth = 0
    /// Calls running inside `current` that got no node of their own.
    var uncounted = 0
    /// Whether any call was folded into its caller's node.
    var truncated = false

    /// Moves to the child for a call of `address`, creating it on the first such call.
    mutating func enter(_ address: Int) {
        guard uncounted == 0, depth < Self.maxDepth else { return fold() }
        let f = Int32(truncatingIfNeeded: address)
        var child = firstChild[Int(current)]
        while child >= 0 && function[Int(child)] != f { child = nextSibling[Int(child)] }
        if child < 0 {
            guard function.count < Self.maxNodes else { return fold() }
            child = Int32(function.count)
            function.append(f)
            parent.append(current)
            firstChild.append(-1)
            nextSibling.append(firstChild[Int(current)])
            selfFuel.append(0)
            calls.append(0)
            firstChild[Int(current)] = child
        }
        calls[Int(child)] += 1
        current = child
        depth += 1
    }

    private mutating func fold() {
        uncounted += 1
        truncated = true
    }

    mutating func leave() {
        if uncounted > 0 {
            uncounted -= 1
        } else if current > 0 {
            current = parent[Int(current)]
            depth -= 1
        }
    }

    /// The stack of store addresses from the entry function down to `node`.
    func stack(_ node: Int) -> [Int] {
        var path: [Int] = []
        var n = node
        while n > 0 { path.append(Int(function[n])); n = Int(parent[n]) }
        return path.reversed()
    }
}
