import DebuggerCore

/// Each host call with decoded arguments and its result; new ones highlighted.
public enum HostCallsPane {
    public static func title(_ snapshot: SessionSnapshot) -> String { "Host calls (\(snapshot.hostCalls.count))" }

    public static func lines(_ snapshot: SessionSnapshot) -> [StyledLine] {
        if snapshot.hostCalls.isEmpty { return [StyledLine(snapshot.state.isOver ? "(none)" : "(none yet)", .dim)] }
        return snapshot.hostCalls.map { call in
            StyledLine((call.isNew ? "+ " : "  ") + call.text + (call.pending ? " pending" : ""), call.isNew ? .newEntry : .normal)
        }
    }
}
