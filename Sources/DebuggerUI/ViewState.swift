import DebuggerCore

/// Everything about the screen that is not the session's: focus, scrolling,
/// the memory address, the console and any overlay. Pure data; the input
/// handler changes it and the screen renders from it.
public struct ViewState: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case normal
        /// Typing a command line at the console.
        case console
        case prompt(Prompt)
        /// The key list overlay, scrolled by `helpScroll`.
        case help
        /// The detail view of one entry of the Host calls, Draft or State pane.
        case detail(Detail)
    }

    /// Which entry a detail view shows (a line of its pane) and how it is scrolled.
    public struct Detail: Hashable, Sendable {
        public var pane: Pane
        /// Index into the pane's lines.
        public var line: Int
        public var scroll = 0
        public var column = 0
        public init(pane: Pane, line: Int) { self.pane = pane; self.line = line }
    }

    public var size: Size
    public var focus: Pane = .code
    /// The pane shown at small sizes (never the console, which is always visible).
    public var activeTab: Pane = .code
    /// First visible line per pane; for the console, lines up from the newest.
    public var scroll: [Pane: Int] = [:]
    /// First visible column per pane (Left/Right scroll long lines).
    public var column: [Pane: Int] = [:]
    /// The selected line of the Host calls, Draft and State panes (Enter opens its detail view).
    public var selection: [Pane: Int] = [:]
    /// The code line under the cursor (`b` toggles its breakpoint).
    public var codeCursor: Int?
    /// First byte shown in the memory pane (a multiple of 16).
    public var memoryAddress: UInt64 = 0
    /// The memory pane follows the last access until `g` pins an address.
    public var memoryFollows = true
    public var console = ConsoleState()
    public var mode: Mode = .normal
    public var helpScroll = 0
    /// Keys of an unfinished sequence (`C-x` of `C-x o`).
    public var pendingKeys: [Key] = []
    /// The stop last synchronised with (to move the cursor after a step).
    public var syncedStep: UInt64?
    public var syncedFunction: Int?
    public var syncedState: StopState?
    /// Code lines at the last sync (for mouse clicks on the code pane).
    public var syncedLineCount: Int?

    public init(size: Size) { self.size = size }

    /// The focused pane fills the screen (`z`).
    public var zoomed = false

    public var layout: Layout { Layout(size: size, activeTab: activeTab, zoomed: zoomed ? focus : nil, hasSource: hasSource) }

    /// The session shows source (synced from the snapshot): the Source pane exists.
    public var hasSource = false
    /// The source line under the cursor, 0-based (`b` toggles a breakpoint on it).
    public var sourceCursor: Int?

    /// Focuses a pane; at small sizes a tabbed pane also becomes the visible tab.
    public mutating func focus(_ pane: Pane) {
        focus = pane
        if pane != .console { activeTab = pane }
    }
}

/// A question in an overlay: which host function to break on, which address to show.
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case hostBreakpoint, memoryAddress }
    public var kind: Kind
    public var text = ""
    /// Choices (host function names, `*` first); `selection` indexes `matches`.
    public var options: [String] = []
    public var selection = 0
    public init(kind: Kind, options: [String] = []) { self.kind = kind; self.options = options }

    public var question: String {
        switch kind {
        case .hostBreakpoint: "Break before calls of host function:"
        case .memoryAddress: "Go to memory address (0x hex or decimal; empty follows accesses):"
        }
    }

    /// Options containing the typed text.
    public var matches: [String] {
        text.isEmpty ? options : options.filter { $0.lowercased().contains(text.lowercased()) }
    }
}

/// The console's output, input line and history.
public struct ConsoleState: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var text: String
        public var style: Style
        public init(_ text: String, _ style: Style = .normal) { self.text = text; self.style = style }
    }
    public static let maximumLines = 2000
    public var output: [Line] = []
    public var input = ""
    public var history: [String] = []
    /// Position while browsing history with Up/Down; nil when editing a new line.
    public var historyIndex: Int?
    public init() {}

    public mutating func append(_ text: String, style: Style = .normal) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            output.append(Line(String(line), style))
        }
        if output.count > ConsoleState.maximumLines { output.removeFirst(output.count - ConsoleState.maximumLines) }
    }
}
