import Foundation
import Testing
@testable import WesdbgCLI
import ContractHost
import DebuggerCore

/// v128 on the command line (issue 13 item 3): `--args v128:SHAPE:LANES`, `--v128 SHAPE` for
/// results and the trace, and a debug batch over a v128 call.
struct V128ArgsTests {
    static let wat = """
        (module
          (func (export "twice") (param $v v128) (result v128)
            local.get $v
            local.get $v
            i32x4.add))
        """

    func module() throws -> String {
        let dir = try CLIFixtures.temporaryDirectory()
        try CLIFixtures.write(Self.wat, to: dir + "/v.wat")
        return dir + "/v.wat"
    }

    @Test func argsTakeEveryShape() throws {
        let file = try module()
        let cases: [(String, String)] = [
            ("v128:i32x4:1,2,3,-4", "results: v128:0xfffffff8000000060000000400000002"),
            ("v128:i8x16:1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,255", "results: v128:0xfe1e1c1a18161412100e0c0a08060402"),
            ("v128:i16x8:0,1,2,3,4,5,6,-1", "results: v128:0xfffe000c000a00080006000400020000"),
            ("v128:i64x2:1,18446744073709551615", "results: v128:0xfffffffefffffffe0000000000000002"),
            ("v128:f32x4:1,0,0,0", "results: v128:0x0000000000000000000000007f000000"),
            ("v128:f64x2:0,0", "results: v128:0x00000000000000000000000000000000"),
            ("v128:hex:0x1", "results: v128:0x00000000000000000000000000000002"),
            ("v128:0x2", "results: v128:0x00000000000000000000000000000004"),
        ]
        for (arg, results) in cases {
            let r = try CLIFixtures.run([file, "--args", arg])
            #expect(r.status == 0, "\(arg): \(r.errors)")
            #expect(r.output.split(separator: "\n").dropFirst().first.map(String.init) == results, "\(arg)")
        }
    }

    @Test func badLanesAreOneLineErrors() throws {
        let file = try module()
        let cases: [(String, String)] = [
            ("v128:i32x4:1,2,3", "\"v128:i32x4:1,2,3\": i32x4 takes 4 lanes separated by commas, 3 given"),
            ("v128:i16x8:0,1,2,3,4,5,6,65536", "\"v128:i16x8:0,1,2,3,4,5,6,65536\": lane 7: 65536 is out of range: i16x8 lanes take -32768...65535"),
            ("v128:i8x16:-129,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", "\"v128:i8x16:-129,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\": lane 0: -129 is out of range: i8x16 lanes take -128...255"),
            ("v128:i32x4:1,2,3,99999999999999999999", "\"v128:i32x4:1,2,3,99999999999999999999\": lane 3: 99999999999999999999 is out of range: i32x4 lanes take -2147483648...4294967295"),
            ("v128:f32x4:1,2,three,4", "\"v128:f32x4:1,2,three,4\": lane 2: 'three' is not an f32 (1.5, -0, nan, inf)"),
            ("v128:i32x3:1,2,3", "\"v128:i32x3:1,2,3\": unknown lane shape 'i32x3' (i8x16|i16x8|i32x4|i64x2|f32x4|f64x2|hex)"),
            ("v128:0x1g", "\"v128:0x1g\": '0x1g' is not 0x and up to 32 hex digits (or SHAPE:LANES, shapes i8x16|i16x8|i32x4|i64x2|f32x4|f64x2|hex)"),
        ]
        for (arg, message) in cases {
            let r = try CLIFixtures.run([file, "--args", arg])
            #expect(r.status == 2, "\(arg)")
            #expect(r.errors == "--args: \(message)\n", "\(arg)")
        }
        let shape = try CLIFixtures.run([file, "--args", "v128:0x1", "--v128", "u8x16"])
        #expect(shape.status == 2)
        #expect(shape.errors == "--v128: unknown shape 'u8x16' (i8x16|i16x8|i32x4|i64x2|f32x4|f64x2|hex)\n")
    }

    @Test func resultsAndTraceInTheChosenShape() throws {
        let file = try module()
        let text = try CLIFixtures.run([file, "--args", "v128:i32x4:1,2,3,4", "--v128", "i32x4"])
        #expect(text.output.contains("results: v128:i32x4:2,4,6,8\n"))
        let json = try CLIFixtures.run([file, "--args", "v128:i32x4:1,2,3,4", "--v128", "f32x4", "--json"])
        #expect(json.output.contains(#""results": ["v128:f32x4:3e-45,6e-45,8e-45,1.1e-44"],"#))
        let trace = file + ".jsonl"
        let r = try CLIFixtures.run([file, "--args", "v128:i16x8:1,2,3,4,5,6,7,8", "--v128", "i16x8", "--trace", trace, "--trace-values"])
        #expect(r.status == 0, "\(r.errors)")
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines[2] == #"{"step":2,"function":"twice","offset":40,"opcode":"i32x4.add","fuel":3,"pop":["v128:i16x8:1,2,3,4,5,6,7,8","v128:i16x8:1,2,3,4,5,6,7,8"],"push":["v128:i16x8:2,4,6,8,10,12,14,16"]}"#)
        #expect(lines.last!.contains(#""results":["v128:i16x8:2,4,6,8,10,12,14,16"]"#))
        let hex = try CLIFixtures.run([file, "--args", "v128:i16x8:1,2,3,4,5,6,7,8", "--trace", trace, "--trace-values"])
        #expect(hex.status == 0)
        #expect(try String(contentsOfFile: trace, encoding: .utf8).contains(#""push":["v128:0x0010000e000c000a0008000600040002"]"#))
    }

    @Test func aDebugBatchShowsAndSetsLanes() throws {
        let file = try module()
        let command = try DebugCommand.parse([file, "--args", "v128:i32x4:1,2,3,4"])
        let session = try command.makeSession()
        var text = ""
        _ = DebugCommand.runBatch(session: session, commands: ["stepi 2", "stack", "set v128 i32x4", "stack", "set local 0 v128:i32x4:5,6,7,8", "locals"]) { text += $0 }
        #expect(text == """
            (wesdbg) stepi 2
            paused at twice+0x5 (offset 0x28), step 2
            => 0x28  i32x4.add
            (wesdbg) stack
            stack[0]  v128 0x00000004000000030000000200000001  <- popped next
            stack[1]  v128 0x00000004000000030000000200000001  <- popped next
            (wesdbg) set v128 i32x4
            v128 values show as i32x4 lanes, lane 0 first
            (wesdbg) stack
            stack[0]  i32x4 [1 2 3 4]  <- popped next
            stack[1]  i32x4 [1 2 3 4]  <- popped next
            (wesdbg) set local 0 v128:i32x4:5,6,7,8
            local.0 v = i32x4 [5 6 7 8]
            (wesdbg) locals
            local.0 v  i32x4 [5 6 7 8]

            """)
    }
}
