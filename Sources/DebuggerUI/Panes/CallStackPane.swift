import DebuggerCore

/// Frames, innermost first; host frames while a host call is under way.
public enum CallStackPane {
    public static func lines(_ snapshot: SessionSnapshot) -> [StyledLine] {
        if snapshot.frames.isEmpty { return [StyledLine("(no frames)", .dim)] }
        return snapshot.frames.enumerated().map { index, frame in
            var line = StyledLine("#\(index) ")
            line.append(frame.name, frame.isHost ? .pendingHost : .normal)
            if let offset = frame.offset { line.append("  (offset 0x\(Format.hex(offset, digits: 1)))", .dim) }
            return line
        }
    }
}
