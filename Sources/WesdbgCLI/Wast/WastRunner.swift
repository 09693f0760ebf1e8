import Foundation
import WAT
import WasmVM

/// Runs the directives of one WebAssembly script (`.wast`) on a fresh Machine:
/// the `spectest` host module, the script's modules, and its assertions.
final class WastRunner {
    /// What one directive came to.
    enum Outcome: Hashable {
        case passed
        case failed(String)
        case skipped(String)
    }

    /// A directive that failed, with the reason (thrown inside the runner).
    struct Failed: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Instructions one invoke may execute before it is reported as hanging: 80 times what
    /// the hungriest 2.0 spec invoke needs (1,245,180), a few seconds of a runaway loop.
    static let defaultStepLimit: UInt64 = 100_000_000
    /// Fuel for a module's start function (which runs inside `instantiate`, out of reach of the step limit).
    static let defaultStartFunctionFuel: UInt64 = 100_000_000

    let machine: Machine
    let stepLimit: UInt64?
    /// Also require load and link errors to contain the script's expected message text.
    var strictMessages = false
    /// The directive's float lane patterns: which NaN lanes must be canonical (WastNaNLanes).
    var canonicalMasks: [UInt8] = []
    /// Module names that imports resolve against: `spectest` and `register`ed instances.
    private var registry: [String: Registered] = [:]
    /// Instances named `$id` by their module directive.
    private var namedInstances: [String: Instance] = [:]
    private var definitions: [String: Module] = [:]
    private var lastDefinition: Module?
    /// The most recent module directive's instance, which unnamed invokes use.
    private var current: Instance?

    private enum Registered {
        case host([String: ExternalValue])
        case instance(Instance)
    }

    /// - Parameters:
    ///   - stepLimit: instructions per invoke before it counts as hanging (nil: no limit).
    ///   - startFunctionFuel: fuel for each module's start function.
    ///   - exact: run every instruction in the exact (stepping) loop instead of fast code.
    init(stepLimit: UInt64? = WastRunner.defaultStepLimit, startFunctionFuel: UInt64 = WastRunner.defaultStartFunctionFuel,
         exact: Bool = false) {
        var configuration = MachineConfiguration()
        configuration.startFunctionFuel = startFunctionFuel
        configuration.usesFastCode = !exact
        self.machine = Machine(configuration: configuration)
        self.stepLimit = stepLimit
        registry["spectest"] = .host(WastSpectest.install(in: machine))
    }

    // MARK: Scripts and files

    /// Runs every directive of `script`.
    func run(script: String) -> WastResult {
        var result = WastResult()
        var lines: [Substring]?
        // parseWAST itself only sets up the lexer; errors come per directive.
        guard var wast = try? parseWAST(script) else { return result }
        while let (parsed, location) = wast.nextDirectiveResult() {
            let outcome: Outcome
            switch parsed {
            case .success(let directive):
                canonicalMasks = []
                if case .assertReturn(_, let expected) = directive, WastNaNLanes.wantsNaNLanes(expected) {
                    if lines == nil { lines = script.split(separator: "\n", omittingEmptySubsequences: false) }
                    let position = location.computeLineAndColumn()
                    canonicalMasks = WastNaNLanes.canonicalMasks(lines!, line: position.line, column: position.column)
                }
                outcome = run(directive)
            case .failure(let error):
                if lines == nil { lines = script.split(separator: "\n", omittingEmptySubsequences: false) }
                outcome = parseFailure(error, at: location, lines: lines!)
            }
            switch outcome {
            case .passed:
                result.passed += 1
            case .failed(let message):
                result.failed += 1
                result.failures.append(.init(line: location.computeLineAndColumn().line, message: message))
            case .skipped(let reason):
                result.skipped += 1
                result.skips.append(.init(line: location.computeLineAndColumn().line, reason: reason))
            }
        }
        // WAT's script parser stops quietly at text outside any directive.
        if let stray = WastDirectiveCounter.scan(script).stray {
            result.failed += 1
            result.failures.append(.init(
                line: stray.line, message: "unexpected \"\(stray.text)\" outside any directive; the script ends here"))
        }
        return result
    }

    /// Reads and runs a script file.
    static func run(file path: String, stepLimit: UInt64? = defaultStepLimit,
                    strictMessages: Bool = false, exact: Bool = false) throws(UserError) -> WastResult {
        let script = try read(path)
        let runner = WastRunner(stepLimit: stepLimit, exact: exact)
        runner.strictMessages = strictMessages
        return runner.run(script: script)
    }

    static func read(_ path: String) throws(UserError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UserError(file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw UserError(file: path, "is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError(file: path, "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UserError(file: path, "not UTF-8 text")
        }
        return text
    }

    // MARK: Directives

    private func run(_ directive: WASTDirective) -> Outcome {
        do {
            return try execute(directive)
        } catch let error as Failed {
            return .failed(error.message)
        } catch let error as WastUnsupported {
            return .skipped(error.reason)
        } catch {
            return .failed(Self.describe(error))
        }
    }

    private func execute(_ directive: WASTDirective) throws -> Outcome {
        switch directive {
        case .module(let directive):
            if !directive.isDefinition { current = nil }
            let module = try load(directive.source, what: "module")
            if directive.isDefinition {
                lastDefinition = module
                if let id = directive.id { definitions[id] = module }
                return .passed
            }
            let instance = try instantiate(module)
            if let id = directive.id { namedInstances[id] = instance }
            current = instance
            return .passed

        case .moduleInstance(let instanceID, let moduleID):
            current = nil
            guard let module = moduleID.map({ definitions[$0] }) ?? lastDefinition else {
                throw Failed("no module definition \(moduleID ?? "")")
            }
            let instance = try instantiate(module)
            if let instanceID { namedInstances[instanceID] = instance }
            current = instance
            return .passed

        case .register(let name, let moduleID):
            registry[name] = .instance(try instance(moduleID))
            return .passed

        case .invoke(let call):
            switch try invoke(call) {
            case .returned: return .passed
            case .trapped(let trap): throw Failed("unexpected trap: \(trap)")
            }

        case .assertReturn(let execute, let expected):
            return try assertReturn(execute, expected)
        case .assertTrap(let execute, let message):
            return try assertTrap(execute, message)
        case .assertExhaustion(let call, let message):
            switch try invoke(call) {
            case .trapped(let trap) where trap.kind == .callStackExhausted: return .passed
            case .trapped(let trap): throw Failed("expected trap \"\(message)\", got \(trap)")
            case .returned(let values): throw Failed("expected trap \"\(message)\", returned \(WastValues.text(values))")
            }
        case .assertInvalid(let module, let message):
            return try assertRejected(module, message, kind: "invalid")
        case .assertMalformed(let module, let message):
            return try assertRejected(module, message, kind: "malformed")
        case .assertUnlinkable(let wat, let message):
            return try assertUnlinkable(wat, message)
        case .assertException:
            throw WastUnsupported(reason: "assert_exception needs exception handling (not in WebAssembly 2.0)")
        case .assertFuel, .assertOutOfFuel:
            throw WastUnsupported(reason: "WasmKit's fuel assertions are not part of the spec")
        }
    }

    // MARK: Modules

    /// Binary of a module directive: text is encoded by WAT, quoted text parsed by WAT first.
    func binary(_ source: ModuleSource) throws -> [UInt8] {
        switch source {
        case .text(let wat): return try wat.encode()
        case .binary(let bytes): return bytes
        case .quote(let text): return try wat2wasm(String(decoding: text, as: UTF8.self))
        }
    }

    private func load(_ source: ModuleSource, what: String) throws -> Module {
        let bytes: [UInt8]
        do { bytes = try binary(source) } catch { throw Failed("\(what) text rejected: \(Self.describe(error))") }
        do { return try Module.load(binary: bytes) } catch { throw Failed("\(what) failed to load: \(error)") }
    }

    private func instantiate(_ module: Module) throws -> Instance {
        do {
            return try machine.instantiate(module, imports: { self.resolve($0) })
        } catch {
            throw Failed("module failed to instantiate: \(Self.describe(error))")
        }
    }

    func resolve(_ item: Import) -> ExternalValue? {
        switch registry[item.module] {
        case .host(let exports)?: exports[item.name]
        case .instance(let instance)?: machine.export(instance, named: item.name)
        case nil: nil
        }
    }

    /// The instance `$id` names, or the current one.
    func instance(_ id: String?) throws -> Instance {
        if let id {
            guard let instance = namedInstances[id] else { throw Failed("no module named \(id)") }
            return instance
        }
        guard let current else { throw Failed("no current module (the last one failed)") }
        return current
    }

    // MARK: Calls

    enum CallResult {
        case returned([Value])
        case trapped(Trap)
    }

    func invoke(_ call: WASTInvoke) throws -> CallResult {
        var arguments: [Value] = []
        for argument in call.args { arguments.append(try WastValues.argument(argument)) }
        let instance = try instance(call.module)
        guard case .function(let address)? = machine.export(instance, named: call.name) else {
            throw Failed("no exported function \"\(call.name)\"")
        }
        guard let stepLimit else {
            switch machine.invoke(function: address, arguments: arguments) {
            case .returned(let values): return .returned(values)
            case .trapped(let trap): return .trapped(trap)
            case let event: throw Failed("\"\(call.name)\" paused unexpectedly: \(event)")
            }
        }
        do {
            try machine.startCall(function: address, arguments: arguments, fuel: .max)
        } catch {
            throw Failed("cannot call \"\(call.name)\" with \(WastValues.text(arguments)): \(error)")
        }
        switch machine.run(RunLimits(maxSteps: stepLimit)) {
        case .returned(let values): return .returned(values)
        case .trapped(let trap): return .trapped(trap)
        case .stepLimit: throw Failed("\"\(call.name)\" did not finish within \(stepLimit) instructions")
        case let event: throw Failed("\"\(call.name)\" paused unexpectedly: \(event)")
        }
    }

    func global(_ module: String?, _ name: String) throws -> Value {
        guard case .global(let address)? = machine.export(try instance(module), named: name) else {
            throw Failed("no exported global \"\(name)\"")
        }
        return machine.globalValue(address: address)
    }

    // MARK: Errors

    /// One line for any error the runner meets.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let e as WatParserError:
            let (place, message) = UserError.split(e)
            return UserError.oneLine(place.map { "\(message) (\($0) of the module text)" } ?? message)
        case let e as Failed: return e.message
        default: return UserError.oneLine(String(describing: error))
        }
    }

    /// A directive WAT could not parse. A malformed module that the text parser rejects is what
    /// `assert_malformed` asks for; anything else is a failure.
    private func parseFailure(_ error: WASTDirectiveError, at location: Location, lines: [Substring]) -> Outcome {
        if error.module != nil { current = nil }
        let (line, column) = location.computeLineAndColumn()
        // WAT's column counts from the newline, so it is 0-based on line 1 only.
        let start = line == 1 ? column : column - 1
        let keyword = line - 1 < lines.count
            ? String(lines[line - 1].unicodeScalars.dropFirst(start).drop { $0 == "(" || $0 == " " }
                .prefix { $0 == "_" || ("a"..."z").contains($0) })
            : ""
        if keyword == "assert_malformed" { return .passed }
        return .failed("cannot parse \(keyword.isEmpty ? "directive" : keyword): \(Self.describe(error.error))")
    }
}
