import Testing
@testable import WasmVM

/// Refusals: kind, byte offset and reason; hostile bytes never crash.
@Suite struct LoadValidationTests {
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    static func error(text: String) -> LoadError? {
        do { _ = try Module.load(text: text); return nil } catch { return error }
    }

    static func error(binary: [UInt8]) -> LoadError? {
        do { _ = try Module.load(binary: binary); return nil } catch { return error }
    }

    @Test func typeMismatchAtTheEnd() throws {
        let e = try #require(Self.error(text: "(module (func (result i32) i64.const 1))"))
        #expect(e.kind == .invalid)
        #expect(e.offset == 0x1a)   // the function's `end`
        #expect(e.description == "at byte offset 0x1a: invalid module: type mismatch: expected i32, found i64")
    }

    @Test func indexAndAlignmentErrors() throws {
        // (func local.get 0 drop) in binary: WAT would refuse the text itself.
        let local = try #require(Self.error(binary: Self.header + [0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                                                                   0x0a, 0x07, 0x01, 0x05, 0x00, 0x20, 0x00, 0x1a, 0x0b]))
        #expect(local.kind == .invalid && local.offset == 0x17 && local.message == "unknown local 0")
        let align = try #require(Self.error(text: "(module (memory 1) (func i32.const 0 i32.load align=8 drop))"))
        #expect(align.message == "alignment must not be larger than natural")
        let noMemory = try #require(Self.error(text: "(module (func i32.const 0 i32.load drop))"))
        #expect(noMemory.message == "unknown memory 0")
        let label = try #require(Self.error(text: "(module (func br 1))"))
        #expect(label.message == "unknown label 1")
    }

    @Test func moduleLevelRules() throws {
        #expect(Self.error(text: "(module (memory 65537))")?.message == "memory size must be at most 65536 pages (4GiB)")
        #expect(Self.error(text: "(module (memory 2 1))")?.message == "size minimum must not be greater than maximum")
        #expect(Self.error(text: "(module (func) (export \"a\" (func 0)) (export \"a\" (func 0)))")?.message
                == "duplicate export name \"a\"")
        #expect(Self.error(text: "(module (func $f (param i32)) (start $f))")?.message == "start function must have type [] -> []")
        #expect(Self.error(text: "(module (func $f ref.func $f drop))")?.message == "undeclared function reference 0")
        #expect(Self.error(text: "(module (global $g (mut i32) (i32.const 0)) (global i32 (global.get $g)))") != nil)
        #expect(Self.error(text: "(module (global i32 (i32.add (i32.const 1) (i32.const 2))))") != nil)
        // Two memories (multi-memory is not WebAssembly 2.0).
        let twoMemories = try #require(Self.error(binary: Self.header + [0x05, 0x05, 0x02, 0x00, 0x01, 0x00, 0x01]))
        #expect(twoMemories.kind == .invalid && twoMemories.offset == 8)
        #expect(twoMemories.message == "multiple memories are not allowed in WebAssembly 2.0")
    }

    @Test func memoryInitNeedsTheDataCountSection() throws {
        let bytes = Self.header + [0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01,
                                   0x0a, 0x0e, 0x01, 0x0c, 0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x08, 0x00, 0x00, 0x0b,
                                   0x0b, 0x03, 0x01, 0x01, 0x00]
        let e = try #require(Self.error(binary: bytes))
        #expect(e.kind == .malformed && e.message == "data count section required" && e.offset == 0x22)
    }

    @Test func paddedPrefixedOpcodeDecodes() throws {
        // (func (param f32) (result i32) local.get 0 i32.trunc_sat_f32_s) with the sub-opcode as `80 00`.
        let bytes = Self.header + [0x01, 0x06, 0x01, 0x60, 0x01, 0x7d, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
                                   0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0xfc, 0x80, 0x00, 0x0b]
        let module = try Module.load(binary: bytes)
        #expect(module.bytes == bytes)
        #expect(module.functions[0].code.map(\.op) == [.localGet, .i32TruncSatF32S, .return])
        #expect(module.functions[0].offsets == [0x19, 0x1b, 0x1e])
    }

    @Test func elementSegmentFlagsAboveSevenAreMalformed() throws {
        // (table 1 funcref) (func) and one segment: flags, offset (i32.const 0), elemkind, [func 0];
        // WasmParser alone would read flags 8 as an active segment with an elemkind.
        func module(flags: UInt8) -> [UInt8] {
            Self.header + [0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x04, 0x04, 0x01, 0x70, 0x00, 0x01,
                           0x09, 0x08, 0x01, flags, 0x41, 0x00, 0x0b, 0x00, 0x01, 0x00,
                           0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b]
        }
        let e = try #require(Self.error(binary: module(flags: 8)))
        #expect(e.kind == .malformed && e.offset == 0x1b && e.message == "malformed elements segment kind 8")
    }

    @Test func localsAreBoundedBeforeExpansion() throws {
        // 100 bodies declaring 99,999 i32 locals each: 10 million locals from 900 bytes.
        let body: [UInt8] = [0x01, 0x9f, 0x8d, 0x06, 0x7f, 0x0b]
        let content: [UInt8] = [100] + (0..<100).flatMap { _ in [UInt8(body.count)] + body }   // 701 bytes
        let bytes = Self.header + [0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x65, 0x64]
            + [UInt8](repeating: 0, count: 100) + [0x0a, 0xbd, 0x05] + content
        let e = try #require(Self.error(binary: bytes))
        #expect(e.message == "too many locals (more than 4000000 in the module)")
    }

    @Test func relaxedSimdIsRefused() throws {
        // (func (drop (i8x16.relaxed_swizzle (v128.const 0) (v128.const 0)))): relaxed SIMD is not 2.0.
        let constant: [UInt8] = [0xfd, 0x0c] + [UInt8](repeating: 0, count: 16)
        let body: [UInt8] = [0x00] + constant + constant + [0xfd, 0x80, 0x02, 0x1a, 0x0b]
        let bytes = Self.header + [0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                                   0x0a, UInt8(body.count + 2), 0x01, UInt8(body.count)] + body
        let e = try #require(Self.error(binary: bytes))
        #expect(e.message.hasPrefix("illegal opcode: simd(WasmParser.Instruction.Simd.i8x16RelaxedSwizzle)"))
        #expect(e.offset == 0x3b)
    }

    @Test func malformedBytesGiveOffsets() throws {
        let magic = try #require(Self.error(binary: [0x00, 0x61, 0x73]))
        #expect(magic.kind == .malformed && magic.offset == 0)
        let section = try #require(Self.error(binary: Self.header + [0x0e, 0x00]))
        #expect(section.kind == .malformed && section.message == "malformed section id: 14")
        // Inside a body, decoding errors point at the instruction.
        let prefix = Self.header + [0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0a, 0x05, 0x01, 0x03, 0x00]
        let opcode = try #require(Self.error(binary: prefix + [0xff, 0x0b]))
        #expect(opcode.kind == .malformed && opcode.offset == 0x17 && opcode.message == "illegal opcode: [255]")
        let truncated = try #require(Self.error(binary: prefix + [0x02, 0x40]))
        #expect(truncated.kind == .malformed && truncated.offset == 0x19 && truncated.message == "unexpected end of byte sequence")
        let trailing = try #require(Self.error(binary: prefix + [0x0b, 0x0b]))
        #expect(trailing.message == "operators remaining after end of function" && trailing.offset == 0x18)
        #expect(Self.error(text: "(module\n  (func (result i32)\n    i32.konst 1))")?.message == "3:15: unknown instruction i32.konst")
        // WAT would overflow its stack on deep nesting: refused up front (strings and comments skipped).
        let deep = "(module ;; (((\n (; ((( (; ( ;) ;) (func " + String(repeating: "(block ", count: 1200)
            + String(repeating: ")", count: 1200) + "))"
        #expect(Self.error(text: deep)?.message == "2:7012: nesting deeper than 1000 levels")
        let fine = "(module (data \"((\\\"(\") (func " + String(repeating: "(block ", count: 900) + String(repeating: ")", count: 900) + "))"
        #expect(Self.error(text: fine) == nil)
    }

    /// Every truncation and thousands of deterministic corruptions of a real module:
    /// each loads or is refused with a LoadError (the test passing means no crash).
    @Test func truncatedAndCorruptedBytesNeverCrash() throws {
        let module = try Module.load(text: """
            (module
              (type $t (func (param i32) (result i32)))
              (import "env" "g" (global i32))
              (memory 1 2) (table 3 funcref) (global $m (mut i64) (i64.const 7))
              (func $f (type $t) (local i64 f64)
                block (result i32)
                  local.get 0
                  local.get 0
                  br_table 0 0
                end
                if (result i32) i32.const 1 else i32.const 2 end
                i32.const 0 i32.load offset=4
                i32.add)
              (func (export "run") (result i32) i32.const 3 call $f)
              (elem (i32.const 0) $f)
              (data (i32.const 8) "hello")
              (data "passive"))
            """)
        let bytes = module.bytes
        var refused = 0
        for length in 0..<bytes.count where Self.error(binary: Array(bytes[..<length])) != nil { refused += 1 }
        #expect(refused >= bytes.count - 8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state >> 1)
        }
        for _ in 0..<3000 {
            var copy = bytes
            for _ in 0...(random() % 3) { copy[8 + random() % (copy.count - 8)] = UInt8(truncatingIfNeeded: random()) }
            _ = Self.error(binary: copy)
        }
        for _ in 0..<500 {
            _ = Self.error(binary: Self.header + (0..<(random() % 64)).map { _ in UInt8(truncatingIfNeeded: random()) })
        }
    }
}
