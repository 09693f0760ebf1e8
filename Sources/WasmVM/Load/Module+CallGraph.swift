extension Module {
    /// For each defined function, whether one of its activations can run inside another of its
    /// own: some call path leads from it back to it. Fuel by function counts only such functions'
    /// running activations (`FunctionTally.active`).
    ///
    /// A call through a table, or of an imported function for which `callsBack` (given its
    /// function index) holds, may reach any function that code outside this function's body can
    /// name: those exported, or referenced by an element segment or a global's initializer
    /// (`C.refs`, which `ref.func` needs too). Host functions never call back into wasm, and a
    /// new outermost call replaces the one before it.
    func reentrantFunctions(callsBack: (Int) -> Bool) -> [Bool] {
        let imported = importedFunctionCount, count = functions.count
        // Nodes: the defined functions, then one for everything outside them.
        let outside = count
        var named: [Int] = []
        func note(_ e: ConstExpression) { if case .refFunc(let i) = e, Int(i) >= imported { named.append(Int(i) - imported) } }
        for segment in elements { segment.items.forEach(note) }
        for global in globals { note(global.initializer) }
        for export in exports where export.kind == .function && Int(export.index) >= imported { named.append(Int(export.index) - imported) }
        var edges = [[Int]](repeating: [], count: count + 1)
        edges[outside] = named
        for (f, function) in functions.enumerated() {
            for instr in function.code {
                switch instr.op {
                case .call where Int(instr.a) >= imported: edges[f].append(Int(instr.a) - imported)
                case .call where callsBack(Int(instr.a)): edges[f].append(outside)
                case .callIndirect: edges[f].append(outside)
                default: continue
                }
            }
        }
        return CallGraph(edges: edges).onCycles.prefix(count).map { $0 }
    }
}

/// Which nodes of a directed graph lie on a cycle (Tarjan's strongly connected components,
/// iterative: a call chain thousands deep must not overflow the native stack).
struct CallGraph {
    let edges: [[Int]]

    var onCycles: [Bool] {
        let n = edges.count
        var index = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n), stack: [Int] = []
        var result = [Bool](repeating: false, count: n)
        var next = 0
        for root in 0 ..< n where index[root] < 0 {
            // Each entry: a node and how many of its edges were followed.
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let (v, e) = work.last {
                if e < edges[v].count {
                    work[work.count - 1].edge += 1
                    let w = edges[v][e]
                    if w == v { result[v] = true }
                    if index[w] < 0 {
                        index[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
                guard low[v] == index[v] else { continue }
                var component: [Int] = []
                while true {
                    let w = stack.removeLast()
                    onStack[w] = false
                    component.append(w)
                    if w == v { break }
                }
                if component.count > 1 { for w in component { result[w] = true } }
            }
        }
        return result
    }
}
