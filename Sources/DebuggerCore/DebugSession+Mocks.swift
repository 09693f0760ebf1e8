import ContractHost
import WasmVM

/// Mocked host calls: `return` (gdb's: skip the pending host call with these results),
/// `mock host NAME …` / `unmock` (every later call of an import), `info mocks`. A mock lives
/// in the host state, so checkpoints and time travel replay it; it is recorded like `set`.
extension DebugSession {
    /// The type of the function import `name` (nil if the module imports no such function).
    func importType(named name: String) -> FunctionType? {
        for imp in module.imports where imp.name == name {
            if case .function(let index) = imp.descriptor, Int(index) < module.types.count { return module.types[Int(index)] }
        }
        return nil
    }

    /// Results for a mock of `name`: values typed as its results (`i32:0`, or plain numbers), or
    /// `fail [CODE]` for a function with one integer result (CODE, default 0, is what it returns).
    func mockResults(_ words: [String], for name: String, type: FunctionType, _ command: String) throws(CommandError) -> (values: [Value], fails: Bool) {
        let results = type.results
        let signature = "(\(results.map(\.description).joined(separator: ", ")))"
        if words.first == "fail" {
            guard results.count == 1, results[0] == .i32 || results[0] == .i64 else {
                throw CommandError("\(command): \(name) returns \(results.isEmpty ? "nothing" : signature): only a call with one integer result can fail")
            }
            guard words.count <= 2 else { throw CommandError("\(command): fail takes at most one CODE (what \(name) returns)") }
            let code = words.count == 2 ? try typedResult(words[1], as: results[0], command) : Value.zero(results[0])
            return ([code], true)
        }
        guard words.count == results.count else {
            if results.isEmpty { throw CommandError("\(command): \(name) returns nothing: give no values") }
            let example = results.map { "\($0):0" }.joined(separator: " ")
            throw CommandError("\(command): \(name) returns \(signature): give \(results.count) value\(results.count == 1 ? "" : "s") (e.g. \(example)), or fail [CODE]")
        }
        var values: [Value] = []
        for (word, type) in zip(words, results) { values.append(try typedResult(word, as: type, command)) }
        return (values, false)
    }

    private func typedResult(_ text: String, as type: ValueType, _ command: String) throws(CommandError) -> Value {
        do throws(CommandError) { return try parseValue(text, as: type) } catch {
            throw CommandError("\(command): \(error.message)")
        }
    }

    /// Installs the pending host call's mock (`return`'s change, and a snapshot's `return` edit).
    func prepareReturn(_ words: [String]) throws(CommandError) -> HostMock {
        if let why = target.mockingUnsupported { throw CommandError("return: \(why)") }
        try requireRunning()
        guard let call = machine.pendingHostCall else {
            throw CommandError("return: not stopped before a host call (break host NAME stops before one); return skips host calls only")
        }
        guard let type = importType(named: call.importName) else { throw CommandError("return: \(call.importName) is not an import of the module") }
        let (values, fails) = try mockResults(words, for: call.importName, type: type, "return")
        let mock = HostMock(importName: call.importName, results: values, fails: fails, step: machine.steps)
        target.mockNextCall(mock)
        let canonical = fails ? ["fail"] + (words.count == 2 ? [values[0].description] : []) : values.map(\.description)
        record((["return"] + canonical).joined(separator: " "), edit: .returnValues(canonical))
        return mock
    }

    /// `return [VALUE…|fail [CODE]]`: skips the pending host call, then shows where that leaves the call.
    func returnCommand(_ args: [String]) throws(CommandError) -> String {
        let mock = try prepareReturn(args)
        let what = mock.fails ? "failing with \(mock.results[0].description)"
            : mock.results.isEmpty ? "returning nothing" : "returning " + mock.results.map(\.description).joined(separator: ", ")
        return "host call \(mock.importName) skipped, \(what)\n" + move { instructionSteps(1) }
    }

    /// `mock host NAME RESULT…|fail [CODE]`
    func mockCommand(_ args: [String]) throws(CommandError) -> String {
        let usage = "usage: mock host NAME RESULT…|fail [CODE]"
        guard args.count >= 2, args[0] == "host" else { throw CommandError(usage) }
        if let why = target.mockingUnsupported { throw CommandError("mock: \(why)") }
        let name = args[1]
        guard let type = importType(named: name) else {
            let names = target.hostFunctionNames
            throw CommandError("mock: the module imports no host function '\(name)' (it imports: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
        }
        try requireRunning()
        let words = Array(args.dropFirst(2))
        let (values, fails) = try mockResults(words, for: name, type: type, "mock")
        target.setMock(HostMock(importName: name, results: values, fails: fails, step: machine.steps))
        let canonical = [name] + (fails ? ["fail"] + (words.count == 2 ? [values[0].description] : []) : values.map(\.description))
        record("mock host " + canonical.joined(separator: " "), edit: .mock(canonical.joined(separator: " ")))
        let results = values.isEmpty ? "nothing" : values.map(\.description).joined(separator: ", ")
        var text = "mocked \(name): every later call \(fails ? "fails, returning" : "returns") \(results), running nothing"
        if machine.pendingHostCall?.importName == name { text += " (the next instruction is one)" }
        return text
    }

    /// `unmock NAME|all`
    func unmockCommand(_ args: [String]) throws(CommandError) -> String {
        guard args.count == 1 else { throw CommandError("usage: unmock NAME|all") }
        if let why = target.mockingUnsupported { throw CommandError("unmock: \(why)") }
        try requireRunning()
        let name = args[0] == "all" ? nil : args[0]
        let removed = target.removeMocks(name)
        guard removed > 0 else {
            throw CommandError(name.map { "unmock: \($0) is not mocked (info mocks lists the mocks)" } ?? "unmock: nothing is mocked")
        }
        record("unmock \(args[0])", edit: .unmock(args[0]))
        return name.map { "unmocked \($0)" } ?? "unmocked \(removed) import\(removed == 1 ? "" : "s")"
    }

    /// `info mocks`
    func mocksText() -> String {
        let (standing, next) = target.mocks
        var lines = standing.map { "\($0.importName) \($0.text) (since step \($0.step))" }
        if let next { lines.append("next call (return): \(next.importName) \(next.text)") }
        return lines.isEmpty ? "no mocks (mock host NAME RESULT… sets one)" : lines.joined(separator: "\n")
    }
}
