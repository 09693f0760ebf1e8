import DebuggerCore

/// Each host call with decoded arguments and its result; new ones highlighted.
public enum HostCallsPane {
    public static func title(_ snapshot: SessionSnapshot) -> String { "Host calls (\(snapshot.hostCalls.count))" }

    public static func lines(_ snapshot: SessionSnapshot) -> [StyledLine] {
        if snapshot.hostCalls.isEmpty { return [StyledLine("(none yet)", .dim)] }
        return snapshot.hostCalls.map { entry in
            StyledLine((entry.isNew ? "+ " : "  ") + entry.text, entry.isNew ? .newEntry : .normal)
        }
    }
}
