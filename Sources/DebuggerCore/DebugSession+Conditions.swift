import DebugInfo
import WasmVM

enum ConditionMode { case quiet, forward, scan }

/// A breakpoint's condition compiled for where it can stop, with what it counts.
final class ConditionProgram: @unchecked Sendable {
    let node: ConditionNode
    let text: String
    let usesHits: Bool
    /// Compiled once when the condition reads nothing that depends on the code location,
    /// or for the one location of a code breakpoint.
    var everywhere: ConditionCode?
    /// Compiled per code location (machine id): when set for code breakpoints, on the first
    /// arrival at a location for the others (host calls, watches, fuel).
    var byLocation: [Int: ConditionCode] = [:]
    /// Failure messages already said.
    var noted: Set<String> = []
    /// The same condition lowered for the machine, per code location (machine id) where every
    /// part of it is machine-evaluable: the machine then evaluates it in place, and wakes the
    /// session only when it holds or fails (ConditionLowering.swift).
    var machine: [Int: MachineCondition] = [:]

    init(node: ConditionNode, text: String) {
        self.node = node
        self.text = text
        usesHits = node.usesHits
    }
}

extension DebugSession {
    /// `token/token.c:83` where there is line info, else `transfer+0x12 (offset 0x44)`.
    func conditionPlace(function: Int, pc: Int) -> String {
        let offset = functionOffset(function, pc)
        if let row = sources.info?.line(at: offset), row.line > 0 { return sourcePosition(row) }
        let start = module.functions[function - module.importedFunctionCount].bodyRange.lowerBound
        return "\(module.displayName(ofFunction: function))+0x\(hex(UInt64(offset - start))) (offset 0x\(hex(UInt64(offset))))"
    }

    func conditionScope(_ kind: Breakpoint.Kind, at location: (function: Int, pc: Int)?) -> ConditionScope {
        var scope = ConditionScope(module: module, debugInfo: sources.info, globalCount: machine.globals(of: instance).count,
                                   memoryBytes: machine.memory(of: instance)?.byteCount)
        if let location, location.function >= module.importedFunctionCount {
            scope.location = ConditionScope.Location(function: location.function, pc: location.pc,
                                                     offset: functionOffset(location.function, location.pc),
                                                     description: conditionPlace(function: location.function, pc: location.pc))
        }
        if case .host(let name) = kind {
            let imports = name == "*" ? hostFunctionNames : [name]
            scope.hostArguments = Set(imports.flatMap { target.parameterNames(ofImport: $0) ?? [] })
            scope.anyHostCall = name == "*"
        }
        return scope
    }

    /// Parses and compiles a condition for a breakpoint. Code breakpoints compile at each of
    /// their locations (refused if it compiles at none: a name not in scope, a bad type);
    /// the others are checked now and compiled where they stop.
    func compileCondition(_ text: String, for bp: Breakpoint) throws(CommandError) -> ConditionProgram {
        let node = try ConditionNode.parse(text)
        let program = ConditionProgram(node: node, text: text)
        switch bp.kind {
        case .function, .offset, .line:
            var firstError: CommandError?
            var compiled = 0
            for location in bp.locations {
                let key = CodeLocationKey(function: location.function, pc: location.pc).machineID
                do throws(CommandError) {
                    let scope = conditionScope(bp.kind, at: location)
                    program.byLocation[key] = try ConditionCompiler(scope: scope).compile(node)
                    if let ops = ConditionLowering.lower(node, scope: scope) {
                        program.machine[key] = MachineCondition(ops, hits: bp.arrivals)
                    }
                    compiled += 1
                } catch {
                    // Another location (an inlined copy) may have the name: this one is false, with a note.
                    firstError = firstError ?? error
                    let message = Self.strippedColumn(error.message)
                    program.byLocation[key] = { frame in frame.failures.append(message); return false }
                }
            }
            if let firstError, compiled == 0 { throw firstError }
            if bp.locations.count == 1 { program.everywhere = program.byLocation.values.first }
        default:
            let scope = conditionScope(bp.kind, at: nil)
            let code = try ConditionCompiler(scope: scope).compile(node)
            if !node.needsLocation(fixed: scope.hostArguments) { program.everywhere = code }
        }
        return program
    }

    /// `condition: column 1: no symbol …` → `no symbol …` (for notes at a stop).
    static func strippedColumn(_ message: String) -> String {
        guard message.hasPrefix("condition: column "), let colon = message.dropFirst(18).firstIndex(of: ":") else { return message }
        return String(message[message.index(colon, offsetBy: 2)...])
    }

    /// The compiled condition for where execution stands (compiled now on a first arrival there).
    private func conditionCode(_ program: ConditionProgram, _ bp: Breakpoint, at known: Int?) -> ConditionCode? {
        if let everywhere = program.everywhere { return everywhere }
        if let known, let code = program.byLocation[known] { return code }
        guard let location = machine.location else { return nil }
        let key = CodeLocationKey(function: location.function, pc: location.pc).machineID
        if let code = program.byLocation[key] { return code }
        let code: ConditionCode
        do throws(CommandError) {
            code = try ConditionCompiler(scope: conditionScope(bp.kind, at: (location.function, location.pc))).compile(program.node)
        } catch {
            let message = Self.strippedColumn(error.message)
            code = { frame in frame.failures.append(message); return false }
        }
        program.byLocation[key] = code
        return code
    }

    /// Whether a breakpoint's condition holds at the current position. A condition that cannot
    /// be evaluated here is false, with a note the first time (said after the move).
    /// `key`: the machine id of where execution stands, when the caller has it.
    func conditionHolds(_ bp: Breakpoint, hostCall: PendingHostCall? = nil, at key: Int? = nil) -> Bool {
        if conditionMode == .forward { bp.arrivals.value += 1 }
        guard let program = bp.condition else { return true }
        sessionConditionChecks &+= 1
        guard let code = conditionCode(program, bp, at: key) else { return false }
        let frame = conditionFrame
        frame.reset(hits: bp.arrivals.value, hitsKnown: conditionMode != .scan, hostCall: hostCall)
        let holds = code(frame)
        if !frame.failures.isEmpty, conditionMode != .quiet {
            for message in frame.failures where !message.isEmpty && program.noted.insert(message).inserted {
                conditionNotes.append("note: breakpoint \(bp.id)'s condition: \(message) (taken as false; not repeated)")
            }
        }
        return holds
    }

    /// The machine conditions for machine breakpoint `id` (a code location): those of every enabled
    /// breakpoint there, or nil when one of them has none (it stops, or the session decides).
    func machineConditions(at id: Int) -> [MachineCondition]? {
        var all: [MachineCondition] = []
        for bp in breakpoints where bp.isEnabled {
            switch bp.kind {
            case .function, .offset, .line:
                guard bp.locations.contains(where: { CodeLocationKey(function: $0.function, pc: $0.pc).machineID == id }) else { continue }
                guard let condition = bp.condition?.machine[id] else { return nil }
                all.append(condition)
            default:
                continue
            }
        }
        return all.isEmpty ? nil : all
    }

    /// A restart begins the count of `hits` again (and says each note again).
    func resetConditionCounts() {
        for bp in breakpoints {
            bp.arrivals.value = 0
            bp.condition?.noted = []
        }
    }
}
