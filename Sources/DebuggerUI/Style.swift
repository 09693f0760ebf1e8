/// What a cell means, not how it looks: the terminal adapter maps each role to a
/// colour pair and attributes (bold/reverse/underline) so monochrome stays usable.
public enum Style: UInt8, Hashable, Sendable, CaseIterable {
    case normal
    case dim
    case border
    case focusedBorder
    case title
    case focusedTitle
    case currentLine
    case breakpoint
    case cursor
    case willPop
    case read
    case write
    case pendingHost
    case newEntry
    case error
    case modified
    case statusBar
    case hint
    case tab
    case activeTab
    case overlay
    case input

    /// One letter per role for golden screens (`.` is normal).
    public var code: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .border: "-"
        case .focusedBorder: "="
        case .title: "t"
        case .focusedTitle: "T"
        case .currentLine: "C"
        case .breakpoint: "B"
        case .cursor: "U"
        case .willPop: "P"
        case .read: "R"
        case .write: "W"
        case .pendingHost: "H"
        case .newEntry: "N"
        case .error: "E"
        case .modified: "M"
        case .statusBar: "S"
        case .hint: "h"
        case .tab: "a"
        case .activeTab: "A"
        case .overlay: "o"
        case .input: "I"
        }
    }
}
