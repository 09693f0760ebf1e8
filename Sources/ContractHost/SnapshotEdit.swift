import WasmVM

/// One debugger change a snapshot replays (`edits`, docs/host.md): at `step` (instructions
/// executed, the debugger's `goto` number) the change is made before the instruction there
/// runs. `wesdbg run` and `wesdbg debug` apply them at the same steps, so a saved session
/// reproduces what the user saw.
public struct SnapshotEdit: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        /// `set` without the word: `local 0 i32:10`, `global 1 5`, `mem 0x100 0a0b`.
        case set(String)
        /// The new fuel limit (`set fuel N`).
        case fuel(UInt64)
        /// `return`'s words: results (`i32:0`, `7`), or `fail` and an optional code.
        case returnValues([String])
        /// `mock host`'s words after `host`: `NAME RESULT…` or `NAME fail [CODE]`.
        case mock(String)
        /// `NAME` or `all`.
        case unmock(String)
    }

    public var step: UInt64
    public var action: Action
    /// The frame a `set local` applies to (0 the innermost; nil the same).
    public var frame: Int?

    public init(step: UInt64, action: Action, frame: Int? = nil) {
        self.step = step; self.action = action; self.frame = frame
    }

    /// The debugger command that makes the change (`set local 0 i32:10`, `mock host NAME i32:1`).
    public var command: String {
        switch action {
        case .set(let text): return "set " + text
        case .fuel(let limit): return "set fuel \(limit)"
        case .returnValues(let words): return (["return"] + words).joined(separator: " ")
        case .mock(let text): return "mock host " + text
        case .unmock(let text): return "unmock " + text
        }
    }

    /// `step 12: set local 0 i32:10 (frame 1)`
    public var text: String { "step \(step): \(command)" + (frame.map { " (frame \($0))" } ?? "") }

    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("step", .integer(step))]
        switch action {
        case .set(let text): members.append(("set", .string(text)))
        case .fuel(let limit): members.append(("fuel", .integer(limit)))
        case .returnValues(let words): members.append(("return", .array(words.map(JSONValue.string))))
        case .mock(let text): members.append(("mock", .string(text)))
        case .unmock(let text): members.append(("unmock", .string(text)))
        }
        if let frame { members.append(("frame", .integer(frame))) }
        return .object(members)
    }

    static let verbs = ["set", "fuel", "return", "mock", "unmock"]

    /// Parses `edits`: each entry `{"step": N, VERB: …}` with exactly one verb, in step order.
    /// Only the shape is checked here; what a change means at its step (a local that exists,
    /// a value of the right type) is checked when it is replayed, naming the same path.
    static func parseList(_ reader: JSONReader) throws(PathError) -> [SnapshotEdit] {
        var edits: [SnapshotEdit] = []
        for entry in try reader.asArray() {
            try entry.requireObject()
            try entry.rejectUnknown(Set(verbs + ["step", "frame"]))
            let step = try entry.required("step").asUInt64()
            if let previous = edits.last, step < previous.step {
                throw entry.fail("\(step) is before the previous edit's step \(previous.step) (edits are in step order)", at: "step")
            }
            let given = verbs.filter { entry.value[$0] != nil }
            guard given.count == 1 else {
                if given.isEmpty { throw entry.fail("expected one change: \(verbs.joined(separator: ", "))") }
                throw entry.fail("one change per edit (found \(given.joined(separator: " and ")))")
            }
            let verb = try entry.required(given[0])
            let action: Action
            switch given[0] {
            case "set":
                let text = try verb.asString()
                let words = text.split(separator: " ").map(String.init)
                switch (words.first, words.count) {
                case ("local", 3), ("global", 3), ("mem", 3), ("memory", 3):
                    action = .set(words.joined(separator: " "))
                case ("fuel", 2):
                    guard let n = UInt64(words[1]) else { throw verb.fail("expected a fuel limit from 0 to 18446744073709551615") }
                    action = .fuel(n)
                default:
                    throw verb.fail("expected \"local N VALUE\", \"global N|NAME VALUE\" or \"mem ADDR HEX\"")
                }
            case "fuel":
                action = .fuel(try verb.asUInt64())
            case "return":
                let words = try verb.asArray().map { (r: JSONReader) throws(PathError) in try r.asString() }
                for (i, word) in words.enumerated() where !(i == 0 && word == "fail") && !(i == 1 && words[0] == "fail") && !isValueText(word) {
                    throw JSONReader(.string(word), path: "\(verb.path)[\(i)]").fail("expected a value such as \"i32:0\" or an integer, or \"fail\"")
                }
                if words.first == "fail" && words.count > 2 { throw verb.fail("expected [\"fail\"] or [\"fail\", CODE]") }
                action = .returnValues(words)
            case "mock":
                let text = try verb.asString()
                let words = text.split(separator: " ").map(String.init)
                guard let name = words.first, !name.isEmpty else { throw verb.fail("expected \"NAME RESULT…\" or \"NAME fail [CODE]\"") }
                action = .mock(words.joined(separator: " "))
            default:
                let text = try verb.asString()
                guard !text.isEmpty, !text.contains(" ") else { throw verb.fail("expected an import name or \"all\"") }
                action = .unmock(text)
            }
            var frame: Int?
            if let f = entry.optional("frame") {
                guard case .set(let text) = action, text.hasPrefix("local ") else { throw f.fail("only a \"set\" of a local has a frame") }
                guard case .number(let text) = f.value, let n = UInt32(text) else { throw f.fail("expected a frame number from 0 to 4294967295") }
                frame = Int(n)
            }
            edits.append(SnapshotEdit(step: step, action: action, frame: frame))
        }
        return edits
    }

    /// `i32:0`, `-1`, `0x2a`, `1.5`: a result value as `return` takes it.
    static func isValueText(_ text: String) -> Bool {
        if text.contains(":") { return (try? Value.parseTyped(text)) != nil }
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        if body.hasPrefix("0x") { return !body.dropFirst(2).isEmpty && UInt64(body.dropFirst(2), radix: 16) != nil }
        return UInt64(body) != nil || Double(text) != nil
    }
}
