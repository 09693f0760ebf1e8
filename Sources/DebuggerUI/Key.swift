/// A key press or terminal event, independent of ncurses.
public enum Key: Hashable, Sendable {
    /// A printable character (including space).
    case character(Character)
    /// Ctrl with a lowercase letter (`Ctrl-n` is `.control("n")`).
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    case function(Int)
    /// The terminal now has this size.
    case resize(Size)
    case mouse(MouseEvent)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var column: Int
    public var row: Int
    public init(_ kind: Kind, column: Int, row: Int) { self.kind = kind; self.column = column; self.row = row }
}

extension Key {
    private static let named: [(String, Key)] = [
        ("Tab", .tab), ("Shift-Tab", .backTab), ("BackTab", .backTab),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("PageUp", .pageUp), ("PageDown", .pageDown),
        ("Home", .home), ("End", .end), ("Enter", .enter), ("Return", .enter),
        ("Esc", .escape), ("Escape", .escape), ("Backspace", .backspace), ("Delete", .delete),
        ("Space", .character(" ")), ("Hash", .character("#")), ("Equals", .character("=")),
    ]

    /// Parses a keymap key name: a single printable character (`s`, `?`, `:`),
    /// `Ctrl-x` or `C-x`, `F1`..`F12`, or a name (`Tab`, `Shift-Tab`, `Up`, `PgDn`,
    /// `Enter`, `Esc`, `Space`, `Hash` for `#`, `Equals` for `=`; case-insensitive).
    public init?(name: String) {
        if name.count == 1, let ch = name.first, ch != " " {
            self = .character(ch); return
        }
        for prefix in ["Ctrl-", "C-"] where name.hasPrefix(prefix) && name.count == prefix.count + 1 {
            let ch = Character(name.last!.lowercased())
            guard ch.isLetter, ch.isASCII else { return nil }
            self = .control(ch); return
        }
        if name.count >= 2, name.first == "F" || name.first == "f", let n = Int(name.dropFirst()), (1...12).contains(n) {
            self = .function(n); return
        }
        guard let found = Key.named.first(where: { $0.0.lowercased() == name.lowercased() }) else { return nil }
        self = found.1
    }

    /// The name the help overlay and status hints show (parses back with `init(name:)`).
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let ch): String(ch)
        case .control(let ch): "Ctrl-\(ch)"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .function(let n): "F\(n)"
        case .resize(let s): "<resize \(s.width)x\(s.height)>"
        case .mouse(let m): "<mouse \(m.column),\(m.row)>"
        }
    }
}
