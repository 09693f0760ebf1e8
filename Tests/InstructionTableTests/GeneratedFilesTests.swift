import Foundation
import Testing
@testable import InstructionTable

/// The committed generated files are exactly what the instruction table generates, and the
/// generator turns one new row into every place an op needs.
@Suite struct GeneratedFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ path: String) -> String? { try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

    static let controlOps = read(Generator.controlOpsPath) ?? ""

    @Test func committedFilesAreCurrent() {
        #expect(!Self.controlOps.isEmpty, "cannot read \(Generator.controlOpsPath)")
        for output in Generator.outputs(controlOps: Self.controlOps) {
            let committed = Self.read(output.path)
            let current = output.text(replacingIn: committed) == committed
            #expect(current,
                    "\(output.path) is not what Sources/InstructionTable generates: run `\(Generator.command)` and commit the result")
        }
    }

    @Test func aRegionIsReplacedBetweenItsMarkers() {
        let region = Generated(path: "f", content: "new\n", markers: ("// BEGIN\n", "// END\n"))
        #expect(region.text(replacingIn: "a\n// BEGIN\nold\n// END\nb\n") == "a\n// BEGIN\nnew\n// END\nb\n")
        #expect(region.text(replacingIn: "no markers\n") == nil)
    }

    /// A new op is one row: its opcode, mnemonic, parser case, fuel, both loops' code and the
    /// compiler's tables all follow from it.
    @Test func oneRowReachesEveryOutput() {
        let row = Row("i32AddSat", "i32.add_sat", parser: .binary, [.i32, .i32], [.i32], fuel: .units(3),
                      .value("asSlot(asU32(x).addingReportingOverflow(asU32(y)).overflow ? .max : asU32(x) &+ asU32(y))"),
                      traps: [], fast: Table.commutative)
        let sections = Table.sections + [Section("Test", [row])]
        let outputs = Generator.outputs(controlOps: "case nop\n", rows: sections.flatMap(\.rows), sections: sections)
        func text(_ suffix: String) -> String { outputs.first { $0.path.hasSuffix(suffix) }!.content }
        #expect(text("OpCode.generated.swift").contains("    case i32AddSat\n}"))
        #expect(text("OpCode+Mnemonic.generated.swift").contains("case .i32AddSat: \"i32.add_sat\""))
        #expect(text("NumericSignature.generated.swift").contains(
            "case .i32AddSat: self.init(op: .i32AddSat, operand: .i32, arity: 2, result: .i32)"))
        #expect(text("FuelCosts.generated.swift").contains("case .i32AddSat: 3"))
        #expect(text("Machine+Numeric.generated.swift").contains(
            "case .i32AddSat: let x = sp[-2], y = sp[-1]; sp[-2] = asSlot(asU32(x).addingReportingOverflow"))
        #expect(text("FastOp.generated.swift").contains("    case i32AddSatSS\n    case i32AddSatSI\n"))
        #expect(text("FastOps.generated.h").contains("X(i32AddSatSS, "))   // its own handler in the C dispatch
        #expect(text("FastOp+Forms.generated.swift").contains("case .i32AddSat: (.i32AddSatSS, .i32AddSatSI, true)"))
        #expect(text("Machine+Fast.swift").contains("case .i32AddSatSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32;"))
    }

    /// A trapping op's guards: in order in the exact loop (each with its trap kind), as one
    /// guard that leaves the fast loop in the slot-slot form, none in the immediate form.
    @Test func trapGuardsInBothLoops() {
        let outputs = Generator.outputs(controlOps: "")
        func text(_ suffix: String) -> String { outputs.first { $0.path.hasSuffix(suffix) }!.content }
        #expect(text("Machine+Numeric.generated.swift").contains("""
                    case .i32DivS:
                        let x = sp[-2], y = sp[-1]
                        if asS32(y) == 0 { kind = .integerDivideByZero; return Machine.numericTrap }
                        if asS32(x) == .min && asS32(y) == -1 { kind = .integerOverflow; return Machine.numericTrap }
                        sp[-2] = asSlot(asS32(x) / asS32(y)); return 1
            """))
        let loop = text("Machine+Fast.swift")
        #expect(loop.contains("case .i32DivSSS: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = fp[Int(i.b >> 32)]; "
            + "guard !(asS32(y) == 0), !(asS32(x) == .min && asS32(y) == -1) else { return leave }; fp[Int(i.a)] = asSlot(asS32(x) / asS32(y))"))
        #expect(loop.contains("case .i32DivSSI: let x = fp[Int(UInt32(truncatingIfNeeded: i.b))], y = i.b >> 32; fp[Int(i.a)] = asSlot(asS32(x) / asS32(y))"))
        #expect(text("FastOp+Forms.generated.swift").contains(
            "case .i32DivS, .i32RemS: Int32(truncatingIfNeeded: v) != 0 && Int32(truncatingIfNeeded: v) != -1"))
    }
}
