import DebuggerCore

/// The operand stack, top first; `>` marks what the next instruction pops.
public enum StackPane {
    public static func title(_ snapshot: SessionSnapshot) -> String { "Stack (\(snapshot.stack.count))" }

    public static func lines(_ snapshot: SessionSnapshot) -> [StyledLine] {
        if snapshot.stack.isEmpty { return [StyledLine("(empty)", .dim)] }
        return snapshot.stack.map { entry in
            StyledLine((entry.willPop ? "> " : "  ") + Format.typed(entry.value, v128: snapshot.v128Shape), entry.willPop ? .willPop : .normal)
        }
    }
}
