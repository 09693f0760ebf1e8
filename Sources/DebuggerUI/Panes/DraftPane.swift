import DebuggerCore

/// The transaction draft by section; entries added by the last command highlighted.
public enum DraftPane {
    public static func title(_ snapshot: SessionSnapshot) -> String {
        snapshot.draft.discarded ? "Draft (discarded)" : "Draft"
    }

    public static func lines(_ snapshot: SessionSnapshot) -> [StyledLine] {
        var lines: [StyledLine] = []
        if snapshot.draft.discarded { lines.append(StyledLine("discarded: the call failed", .error)) }
        for section in snapshot.draft.sections {
            lines.append(StyledLine("\(section.title) (\(section.entries.count))", .title))
            for entry in section.entries {
                lines.append(StyledLine((entry.isNew ? "+ " : "  ") + entry.text, entry.isNew ? .newEntry : .normal))
            }
        }
        return lines
    }

    /// The section title and entry shown at `line` of `lines`, nil for a title line.
    public static func entry(_ snapshot: SessionSnapshot, line: Int) -> (String, ListEntry)? {
        var index = snapshot.draft.discarded ? 1 : 0
        for section in snapshot.draft.sections {
            index += 1
            if line < index + section.entries.count { return line >= index ? (section.title, section.entries[line - index]) : nil }
            index += section.entries.count
        }
        return nil
    }
}
