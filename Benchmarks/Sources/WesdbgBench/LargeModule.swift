/// Generates a valid module of about `targetBytes` bytes: many functions of
/// straight-line arithmetic, blocks, loops, if/else, loads, stores and calls,
/// the mix a compiled contract has. It is only loaded, never run.
enum LargeModule {
    static func make(targetBytes: Int = 1 << 20) -> (bytes: [UInt8], functions: Int) {
        let body = functionBody(callee: nil)
        let functionCount = max(1, targetBytes / (body.count + 3))
        var code: [UInt8] = []
        uleb(UInt64(functionCount), into: &code)
        for index in 0..<functionCount {
            let body = functionBody(callee: index > 0 ? index - 1 : nil)
            uleb(UInt64(body.count), into: &code)
            code += body
        }

        var module: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
        // Type 0: (i32, i32) -> i32.
        section(1, [0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f], into: &module)
        var functions: [UInt8] = []
        uleb(UInt64(functionCount), into: &functions)
        functions += [UInt8](repeating: 0x00, count: functionCount)
        section(3, functions, into: &module)
        section(5, [0x01, 0x00, 0x01], into: &module)  // one memory, min 1 page
        // Exports: "memory" and "run" (the last function).
        var exports: [UInt8] = [0x02]
        name("memory", into: &exports); exports += [0x02, 0x00]
        name("run", into: &exports); exports.append(0x00); uleb(UInt64(functionCount - 1), into: &exports)
        section(7, exports, into: &module)
        section(10, code, into: &module)
        return (module, functionCount)
    }

    /// One function of type (i32, i32) -> i32 with two extra i32 locals.
    private static func functionBody(callee: Int?) -> [UInt8] {
        var b: [UInt8] = [0x01, 0x02, 0x7f]  // locals: 2 x i32
        for round in 0..<12 {
            let c = UInt64(round * 37 + 5)
            // local2 = local0 + local1 * c
            b += [0x20, 0x00, 0x20, 0x01, 0x41]; sleb(Int64(c), into: &b); b += [0x6c, 0x6a, 0x21, 0x02]
            // block: if local2 > c then break; local0 = local0 * 3 ^ local2
            b += [0x02, 0x40, 0x20, 0x02, 0x41]; sleb(Int64(c), into: &b)
            b += [0x4a, 0x0d, 0x00, 0x20, 0x00, 0x41, 0x03, 0x6c, 0x20, 0x02, 0x73, 0x21, 0x00, 0x0b]
            // loop: local3 = local3 + 1; continue while local3 < round
            b += [0x03, 0x40, 0x20, 0x03, 0x41, 0x01, 0x6a, 0x22, 0x03, 0x41]; sleb(Int64(round), into: &b)
            b += [0x48, 0x0d, 0x00, 0x0b]
            // store local2 at 16 * round, load it back into local1
            b += [0x41]; sleb(Int64(16 * round), into: &b); b += [0x20, 0x02, 0x36, 0x02, 0x00]
            b += [0x41]; sleb(Int64(16 * round), into: &b); b += [0x28, 0x02, 0x00, 0x21, 0x01]
            // if local1 & 1 then local0 = local0 - 1 else local0 = local0 rotl 5
            b += [0x20, 0x01, 0x41, 0x01, 0x71, 0x04, 0x40]
            b += [0x20, 0x00, 0x41, 0x01, 0x6b, 0x21, 0x00, 0x05]
            b += [0x20, 0x00, 0x41, 0x05, 0x77, 0x21, 0x00, 0x0b]
            if let callee, round % 4 == 0 {
                // local0 = callee(local0, local1)
                b += [0x20, 0x00, 0x20, 0x01, 0x10]; uleb(UInt64(callee), into: &b); b += [0x21, 0x00]
            }
        }
        b += [0x20, 0x00, 0x20, 0x03, 0x6a, 0x0b]  // local0 + local3; end
        return b
    }

    private static func section(_ id: UInt8, _ payload: [UInt8], into out: inout [UInt8]) {
        out.append(id); uleb(UInt64(payload.count), into: &out); out += payload
    }

    private static func name(_ s: String, into out: inout [UInt8]) {
        uleb(UInt64(s.utf8.count), into: &out); out += Array(s.utf8)
    }

    private static func uleb(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        repeat {
            var byte = UInt8(v & 0x7f); v >>= 7
            if v != 0 { byte |= 0x80 }
            out.append(byte)
        } while v != 0
    }

    private static func sleb(_ value: Int64, into out: inout [UInt8]) {
        var v = value
        while true {
            let byte = UInt8(v & 0x7f); v >>= 7
            if (v == 0 && byte & 0x40 == 0) || (v == -1 && byte & 0x40 != 0) { out.append(byte); return }
            out.append(byte | 0x80)
        }
    }
}
