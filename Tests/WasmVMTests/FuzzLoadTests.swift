import Foundation
import Testing
@testable import WasmVM

/// Mutated modules must be refused with a LoadError or LinkError, or run to a
/// Trap or a result: never crash the process, never hang (fuel bounds every run).
@Suite struct FuzzLoadTests {
    /// SplitMix64: the same seed gives the same mutations on every platform.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let sample: [UInt8] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? [UInt8](Data(contentsOf: root.appendingPathComponent("samples/token/token.wasm")))) ?? []
    }()

    /// Truncation, byte overwrites, bit flips, insertions, deletions and LEB128 extremes.
    static func mutate(_ bytes: [UInt8], _ rng: inout Generator) -> [UInt8] {
        var b = bytes
        let at = Int.random(in: 0 ..< b.count, using: &rng)
        switch Int.random(in: 0 ..< 6, using: &rng) {
        case 0: b.removeSubrange(at...)
        case 1:
            for _ in 0 ..< Int.random(in: 1 ... 4, using: &rng) { b[Int.random(in: 0 ..< b.count, using: &rng)] = UInt8.random(in: 0 ... 255, using: &rng) }
        case 2: b[at] ^= 1 << UInt8.random(in: 0 ..< 8, using: &rng)
        case 3: b.insert(contentsOf: (0 ..< Int.random(in: 1 ... 8, using: &rng)).map { _ in UInt8.random(in: 0 ... 255, using: &rng) }, at: at)
        case 4: b.removeSubrange(at ..< min(b.count, at + Int.random(in: 1 ... 16, using: &rng)))
        default:
            let extremes: [[UInt8]] = [[0xff, 0xff, 0xff, 0xff, 0x0f], [0x80, 0x80, 0x80, 0x80, 0x80], [0xff, 0xff, 0xff, 0xff, 0x7f], [0x00]]
            b.replaceSubrange(at ..< min(b.count, at + 5), with: extremes[Int.random(in: 0 ..< extremes.count, using: &rng)])
        }
        return b
    }

    /// Outcome counts, so the test also pins that the mutations reach every stage.
    struct Tally: Equatable { var refused = 0, unlinked = 0, ran = 0 }

    static func exercise(_ bytes: [UInt8], _ tally: inout Tally) {
        let module: Module
        do { module = try Module.load(binary: bytes) } catch { tally.refused += 1; return }
        var configuration = MachineConfiguration()
        configuration.startFunctionFuel = 20_000
        let machine = Machine(configuration: configuration)
        let instance: Instance
        do {
            // Every function import answers zeros, so the code past host calls runs too.
            instance = try machine.instantiate(module) { imp in
                guard case .function(let typeIndex) = imp.descriptor else { return nil }
                let type = module.types[Int(typeIndex)]
                return machine.addHostFunction(module: imp.module, name: imp.name, type: type) { _ in
                    type.results.map { Value(slot: 0, type: $0) }
                }
            }
        } catch { tally.unlinked += 1; return }
        for export in module.exports where export.kind == .function {
            let address = machine.functionAddress(instance, function: Int(export.index))
            let parameters = machine.functionType(address: address).parameters
            _ = machine.invoke(function: address, arguments: parameters.map { Value(slot: 0, type: $0) }, fuel: 20_000)
        }
        tally.ran += 1
    }

    @Test func mutatedSampleNeverCrashes() {
        #expect(Self.sample.count == 7411)
        var rng = Generator(state: 20_261_125)
        var tally = Tally()
        for _ in 0 ..< 400 { Self.exercise(Self.mutate(Self.sample, &rng), &tally) }
        // Changes only if the loader starts accepting or refusing differently.
        #expect(tally == Tally(refused: 370, unlinked: 0, ran: 30))
    }
}
