import DebuggerCore

/// The operand stack, top first; `>` marks what the next instruction pops.
public enum StackPane {
    public static func title(_ snapshot: SessionSnapshot) -> String { "Stack (\(snapshot.stack.count))" }

    /// `width`: a v128 wider than it takes several rows (lanes are not cut).
    public static func lines(_ snapshot: SessionSnapshot, width: Int = .max) -> [StyledLine] {
        if snapshot.stack.isEmpty { return [StyledLine("(empty)", .dim)] }
        return snapshot.stack.flatMap { entry in
            Format.wrapped(entry.willPop ? "> " : "  ", entry.value, v128: snapshot.v128Shape, width: width).map {
                StyledLine($0, entry.willPop ? .willPop : .normal)
            }
        }
    }
}
