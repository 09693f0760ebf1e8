import ArgumentParser
import ContractHost
import DebugInfo
import Foundation
import WasmVM

struct ProfileCommand: BufferedCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Execute a call at full speed and show where its fuel goes, by function and by call stack.",
        discussion: """
            The table gives each function's self fuel (its own instructions; host functions have their own rows), \
            total fuel (with callees; a recursive function counted once per stack), calls and share of the whole, \
            most self fuel first; the total line equals the fuel `run --json` reports.
            Exit status: 0 success, 1 failure or trap, 2 bad input (snapshot, module, ABI error, usage, an output that cannot be written).
            """)

    @OptionGroup var call: CallOptions

    @Option(help: ArgumentHelp("Write folded stacks (`a;b;c FUEL` lines, for flamegraph.pl, inferno, speedscope).", valueName: "OUT"))
    var folded: String?

    @Option(help: ArgumentHelp("Write an interactive flame graph (self-contained SVG).", valueName: "OUT.svg"))
    var svg: String?

    @Option(help: ArgumentHelp("Write a speedscope profile (JSON, speedscope's file format).", valueName: "OUT.json"))
    var speedscope: String?

    @Flag(help: "Also attribute self fuel to source lines (needs DWARF line info: build with -g; counts blocks as it runs: at most 1.5x `run`).")
    var lines = false

    func execute(output: inout String, errors: inout String) -> Int32 {
        let execution: ContractExecution
        var configuration = MachineConfiguration()
        configuration.countsBlocks = lines
        do { execution = try CallOptions.makeExecution(call.file, settings: call.settings, configuration: configuration) } catch {
            errors += hostInputErrorText(error)
            return 2
        }
        let outputs = [("--folded", folded), ("--svg", svg), ("--speedscope", speedscope)].compactMap { o in o.1.map { (o.0, $0) } }
        for (option, path) in outputs where execution.snapshot.isInput(path) {
            errors += "\(path): \(option) would overwrite an input of this run; choose another file\n"
            return 2
        }
        var lineInfo: DebugInfo?
        if lines {
            let (info, warning) = DebugInfo.read(moduleBytes: execution.module.bytes)
            guard let info, info.hasLines else {
                errors += "\(call.file): --lines needs DWARF line info (build the module with -g)\(warning.map { ": " + $0 } ?? "")\n"
                return 2
            }
            lineInfo = info
        }
        execution.machine.profilesFuel = true
        execution.machine.recordsCallStacks = !outputs.isEmpty
        let result: ExecutionResult
        if execution.snapshot.edits.isEmpty {
            result = execution.runToEnd()
        } else {
            // The snapshot's edits are made at their steps, as `run` makes them.
            do { result = try RunCommand.runApplyingEdits(execution) } catch {
                errors += hostInputErrorText(error)
                return 2
            }
        }
        let profile = FuelProfile(machine: execution.machine, module: execution.module, instance: execution.instance)
        output += profile.table()
        if let lineInfo {
            let lineProfile = LineProfile(execution.machine.fuelByInstruction, total: profile.total, lines: lineInfo)
            output += "\n" + lineProfile.table(shares: profile) + "\n"
        }
        if profile.stacksTruncated && !outputs.isEmpty {
            output += "stacks: calls deeper than \(FuelProfile.maxStackDepth) frames (or past \(FuelProfile.maxStacks) distinct stacks) count in their caller's frame\n"
        }
        output += result.text.split(separator: "\n").filter { $0.hasPrefix("status:") || $0.hasPrefix("trap:") || $0.hasPrefix("fuel:") || $0.hasPrefix("edits") }
            .map { $0 + "\n" }.joined()
        let title = "Fuel of \(execution.entryName): \(profile.total) (\(call.file))"
        for (option, path) in outputs {
            let text = switch option {
            case "--folded": FoldedStacks.text(profile)
            case "--svg": FlameGraph.svg(profile, title: title)
            default: Speedscope.text(profile, name: execution.entryName)
            }
            do { try OutputFile.write(text, to: path) } catch {
                errors += "\(error)\n"
                return 2
            }
        }
        return result.status == .success ? 0 : 1
    }
}
