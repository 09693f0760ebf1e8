import Testing
@testable import DebugInfo

/// Truncated and corrupted debug sections: `read` gives one warning line and what it could read,
/// and no query crashes or hangs.
@Suite struct MalformedSectionTests {
    /// The module's sections as (id, payload), to rebuild it with one section changed.
    static func sections(_ bytes: [UInt8]) -> [(id: UInt8, payload: [UInt8])] {
        var result: [(UInt8, [UInt8])] = []
        var i = 8
        while i < bytes.count {
            let id = bytes[i]
            var size = 0, shift = 0
            i += 1
            while true {
                let b = bytes[i]
                i += 1
                size |= Int(b & 0x7f) << shift
                shift += 7
                if b < 0x80 { break }
            }
            result.append((id, Array(bytes[i..<i + size])))
            i += size
        }
        return result
    }

    static func module(_ sections: [(id: UInt8, payload: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
        for s in sections {
            out.append(s.id)
            var n = s.payload.count
            repeat {
                var b = UInt8(n & 0x7f)
                n >>= 7
                if n != 0 { b |= 0x80 }
                out.append(b)
            } while n != 0
            out += s.payload
        }
        return out
    }

    static func customName(_ payload: [UInt8]) -> String? {
        guard let n = payload.first, Int(n) < payload.count else { return nil }
        return String(decoding: payload[1...Int(n)], as: UTF8.self)
    }

    /// Runs every query once; only crashing or hanging would fail.
    static func exercise(_ info: DebugInfo) {
        var s = FakeState()
        for i in 0..<8 { s.locals[i] = 0x1000 }
        s.operands = [1, 2, 3]
        let start = info.codeSectionStart
        for offset in stride(from: start, to: start + 0x3400, by: 0x3a7) {
            _ = info.line(at: offset)
            _ = info.function(containing: offset)
            _ = info.inlinedFrames(at: offset)
            _ = info.variables(at: offset, state: s)
            for e in ["p.len", "*p.ptr", "caller[3]", "&amount"] {
                _ = try? info.evaluate(e, at: offset, state: s)
                _ = try? info.typeDescription(of: e, at: offset, state: s)
            }
        }
        _ = info.breakLocations(file: "token.c", line: 62)
        _ = info.functions(named: "transfer")
        _ = info.lineRows(in: start..<start + 0x1000)
        _ = info.sourceFiles
    }

    static let debugSections = [".debug_info", ".debug_abbrev", ".debug_line", ".debug_str", ".debug_loc",
                                ".debug_ranges", ".debug_rnglists", ".debug_addr", ".debug_str_offsets", ".debug_line_str"]

    @Test(arguments: ["token/token.debug.wasm", "token/token.dwarf5.wasm", "token/token.O1.wasm"])
    func truncatedSections(_ sample: String) {
        let original = Self.sections(Fixtures.bytes(sample))
        for (index, section) in original.enumerated() where section.id == 0 {
            guard let name = Self.customName(section.payload), Self.debugSections.contains(name) else { continue }
            let header = 1 + name.utf8.count
            let body = section.payload.count - header
            for keep in [0, 1, 3, 7, 11, 12, 20, body / 3, body / 2, body - 1] where keep >= 0 && keep < body {
                var changed = original
                changed[index].payload = Array(section.payload.prefix(header + keep))
                let (info, _) = DebugInfo.read(moduleBytes: Self.module(changed))
                if let info { Self.exercise(info) }
            }
        }
    }

    @Test(arguments: ["token/token.debug.wasm", "token/token.dwarf5.wasm", "token/token.O1.wasm"])
    func corruptedBytes(_ sample: String) {
        let original = Self.sections(Fixtures.bytes(sample))
        var seed: UInt64 = 0x5eed
        func random(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(max(1, n)))
        }
        for (index, section) in original.enumerated() where section.id == 0 {
            guard let name = Self.customName(section.payload), Self.debugSections.contains(name) else { continue }
            let header = 1 + name.utf8.count
            for _ in 0..<8 {
                var changed = original
                for _ in 0..<(1 + random(4)) {
                    let at = header + random(section.payload.count - header)
                    changed[index].payload[at] = [0x00, 0xff, 0x80, 0x7f, UInt8(random(256))][random(5)]
                }
                let (info, _) = DebugInfo.read(moduleBytes: Self.module(changed))
                if let info { Self.exercise(info) }
            }
        }
    }

    @Test func warningIsOneLine() throws {
        var changed = Self.sections(Fixtures.bytes("token/token.debug.wasm"))
        let index = try #require(changed.firstIndex { Self.customName($0.payload) == ".debug_line" })
        changed[index].payload = Array(changed[index].payload.prefix(1 + 11 + 40))
        let (info, warning) = DebugInfo.read(moduleBytes: Self.module(changed))
        #expect(warning == "debug info: .debug_line+0x4: truncated; source-level debugging may be incomplete")
        // The DIEs are intact: functions are still known, lines are not.
        #expect(info?.hasLines == false)
        #expect(info?.functions(named: "transfer").count == 1)
    }

    @Test func modulesWithoutDebugInfo() {
        #expect(DebugInfo.read(moduleBytes: Fixtures.bytes("token/token.wasm")).info == nil)
        #expect(DebugInfo.read(moduleBytes: Fixtures.bytes("token/token.wasm")).warning == nil)
        #expect(DebugInfo.read(moduleBytes: []).info == nil)
        #expect(DebugInfo.read(moduleBytes: [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x00, 0x7f]).info == nil)
    }
}
