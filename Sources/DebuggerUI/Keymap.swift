/// A keymap file parsed into data: key sequences and their actions.
///
/// Format (one binding a line): `KEYS = ACTION`. KEYS is one key name or a
/// sequence of up to 3 separated by spaces (`C-c C-n`); ACTION is an action name
/// (`step`, `toggle-breakpoint`, ...), `focus PANE` or `command TEXT`. A line
/// whose first non-blank character is `#` is a comment, as is ` #...` after the
/// action. Blank lines are ignored. See docs/ui.md for the lists.
public struct Keymap: Hashable, Sendable {
    public struct Binding: Hashable, Sendable {
        public var keys: [Key]
        public var action: Action
        public var line: Int
    }

    public var name: String
    /// In file order (the help overlay lists them so).
    public var bindings: [Binding]

    public init(name: String, bindings: [Binding]) { self.name = name; self.bindings = bindings }

    public static let maximumSequence = 3

    /// Parses keymap text; `file` names it in errors (`FILE:LINE: message`).
    public init(parsing text: String, file: String, name: String? = nil) throws(KeymapError) {
        self.name = name ?? file
        bindings = []
        var lineNumber = 0
        // Swift reads "\r\n" as one Character, so CRLF files split on it too (and on a lone "\r" at a line end below).
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if let comment = words.firstIndex(where: { $0.hasPrefix("#") }), comment > 0 || words[0].hasPrefix("#") {
                // A lone `#` as the first word is a comment too; bind the key with `Hash`.
                words.removeSubrange(comment...)
            }
            if words.isEmpty { continue }
            func fail(_ message: String) -> KeymapError { KeymapError(file: file, line: lineNumber, message: message) }
            guard let equals = words.dropFirst().firstIndex(of: "=") else {
                throw fail("expected `KEY = ACTION`, got `\(line.trimmingSpaces)`")
            }
            let keyNames = words[..<equals], actionText = words[(equals + 1)...].joined(separator: " ")
            guard keyNames.count <= Keymap.maximumSequence else {
                throw fail("a key sequence has at most \(Keymap.maximumSequence) keys")
            }
            var keys: [Key] = []
            for keyName in keyNames {
                guard let key = Key(name: keyName) else { throw fail("unknown key `\(keyName)`") }
                keys.append(key)
            }
            guard !actionText.isEmpty else { throw fail("missing action after `=`") }
            guard let action = Action(text: actionText) else { throw fail("unknown action `\(actionText)`") }
            for other in bindings {
                if other.keys == keys {
                    throw fail("`\(keyNames.joined(separator: " "))` is already bound on line \(other.line)")
                }
                let shorter = min(other.keys.count, keys.count)
                if Array(other.keys.prefix(shorter)) == Array(keys.prefix(shorter)) {
                    throw fail("`\(keyNames.joined(separator: " "))` conflicts with the sequence on line \(other.line)")
                }
            }
            bindings.append(Binding(keys: keys, action: action, line: lineNumber))
        }
        if bindings.isEmpty {
            let lastLine = text.last == "\n" || text.last == "\r\n" ? lineNumber - 1 : lineNumber
            throw KeymapError(file: file, line: max(1, lastLine), message: "no bindings")
        }
    }

    public enum Match: Hashable, Sendable {
        case action(Action)
        /// The keys so far start a longer sequence.
        case prefix
        case none
    }

    /// What the keys typed so far (a sequence) mean.
    public func match(_ keys: [Key]) -> Match {
        var isPrefix = false
        for binding in bindings {
            if binding.keys == keys { return .action(binding.action) }
            if binding.keys.count > keys.count && Array(binding.keys.prefix(keys.count)) == keys { isPrefix = true }
        }
        return isPrefix ? .prefix : .none
    }

    /// The first key sequence bound to an action, spelled for display (`C-c C-n`).
    public func keys(for action: Action) -> String? {
        bindings.first { $0.action == action }.map { $0.keys.map(\.name).joined(separator: " ") }
    }
}

/// A keymap file that cannot be used: `FILE:LINE: message`.
public struct KeymapError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) { self.file = file; self.line = line; self.message = message }
    /// `FILE:LINE: message`, or `FILE: message` when no line applies (line 0).
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
