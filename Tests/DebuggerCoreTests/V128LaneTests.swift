@testable import DebuggerCore
import Testing
import WasmVM

/// v128 values as lanes (issue 13 item 3): `set v128 SHAPE`, the stack, locals and globals
/// commands, `set local N v128:…`, and lane accesses in conditions.
struct V128LaneTests {
    static let wat = """
        (module
          (global $g (mut v128) (v128.const i32x4 10 20 30 40))
          (func (export "main") (param $p v128) (result v128)
            (local $v v128)
            v128.const i32x4 1 2 3 4
            local.set $v
            i32.const 7
            v128.const f32x4 1.5 -0 nan inf
            local.get $v
            drop
            drop
            drop
            local.get $v
            local.get $p
            i32x4.add))
        """

    /// Paused with the stack (top first) i32x4 [1 2 3 4], f32x4 [1.5 -0 nan inf], i32 7.
    func paused() throws -> DebugSession {
        let session = try makeSession(arguments: [.v128(V128(low: 0xff, high: 0x8000_0000_0000_0000))], wat: Self.wat)
        _ = session.must("stepi 5")
        return session
    }

    @Test func hexByDefaultThenEveryShape() throws {
        let session = try paused()
        #expect(session.must("stack") == """
            stack[0]  v128 0x00000004000000030000000200000001  <- popped next
            stack[1]  v128 0x7f8000007fc00000800000003fc00000
            stack[2]  i32 0x00000007  7
            """)
        #expect(session.must("set v128 i32x4") == "v128 values show as i32x4 lanes, lane 0 first")
        #expect(session.must("stack").split(separator: "\n").first == "stack[0]  i32x4 [1 2 3 4]  <- popped next")
        #expect(session.snapshot.v128Shape == .i32x4)
        _ = session.must("set v128 f32x4")
        #expect(session.must("stack").split(separator: "\n")[1] == "stack[1]  f32x4 [1.5 -0.0 nan inf]")
        _ = session.must("set v128 i8x16")
        #expect(session.must("locals") == """
            local.0 p  i8x16 [-1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -128]
            local.1 v  i8x16 [1 0 0 0 2 0 0 0 3 0 0 0 4 0 0 0]
            """)
        _ = session.must("set v128 i16x8")
        #expect(session.must("globals") == "global.0 g  i16x8 [10 0 20 0 30 0 40 0]")
        _ = session.must("set v128 i64x2")
        #expect(session.must("globals") == "global.0 g  i64x2 [85899345930 171798691870]")
        _ = session.must("set v128 f64x2")
        #expect(session.must("locals").hasPrefix("local.0 p  f64x2 [1.26e-321 -0.0]"))
        _ = session.must("set v128 hex")
        #expect(session.must("globals") == "global.0 g  v128 0x000000280000001e000000140000000a")
    }

    @Test func nextCyclesTheShapesAndBadShapesAreRefused() throws {
        let session = try paused()
        var seen: [String] = []
        for _ in 0 ..< 7 { seen.append(session.must("set v128 next")) }
        #expect(seen.map { $0.split(separator: " ")[4] } == ["i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2", "hex"])
        #expect(session.execute("set v128 i32x5").output == "set v128: unknown shape 'i32x5' (i8x16|i16x8|i32x4|i64x2|f32x4|f64x2|hex, or next)")
        #expect(session.execute("set v128").output == "usage: set v128 i8x16|i16x8|i32x4|i64x2|f32x4|f64x2|hex|next")
        #expect(session.execute("set v128 hex hex").isError)
        #expect(session.must("help set").contains("set v128 SHAPE"))
    }

    @Test func setLocalTakesLanesRangeChecked() throws {
        let session = try paused()
        #expect(session.must("set local 1 v128:i32x4:-1,2,0x10,4294967295") == "local.1 v = v128 0xffffffff0000001000000002ffffffff")
        _ = session.must("set v128 i32x4")
        #expect(session.must("locals").split(separator: "\n")[1] == "local.1 v  i32x4 [-1 2 16 -1]")
        #expect(session.must("set local 1 v128:f32x4:1.5,-0,nan,-inf") == "local.1 v = i32x4 [1069547520 -2147483648 2143289344 -8388608]")
        #expect(session.must("set local 0 v128:hex:0x1") == "local.0 p = i32x4 [1 0 0 0]")
        #expect(session.must("set local 0 i16x8:1,2,3,4,5,6,7,-32768") == "local.0 p = i32x4 [131073 262147 393221 -2147483641]")
        #expect(session.snapshot.debuggerChanges.last == "step 5: set local 0 v128:0x80000007000600050004000300020001")
        #expect(session.execute("set local 1 v128:i8x16:1,2,300,4,5,6,7,8,9,10,11,12,13,14,15,16").output
                == "'v128:i8x16:1,2,300,4,5,6,7,8,9,10,11,12,13,14,15,16': lane 2: 300 is out of range: i8x16 lanes take -128...255")
        #expect(session.execute("set local 1 v128:i32x4:1,2,3").output == "'v128:i32x4:1,2,3': i32x4 takes 4 lanes separated by commas, 3 given")
        #expect(session.execute("set local 1 v128:i64x2:1,-9223372036854775809").output
                == "'v128:i64x2:1,-9223372036854775809': lane 1: -9223372036854775809 is out of range: i64x2 lanes take -9223372036854775808...18446744073709551615")
        #expect(session.execute("set local 1 v128:f64x2:1,x").output == "'v128:f64x2:1,x': lane 1: 'x' is not an f64 (1.5, -0, nan, inf)")
        #expect(session.execute("set local 1 v128:u8x16:1").output == "'v128:u8x16:1': unknown lane shape 'u8x16' (i8x16|i16x8|i32x4|i64x2|f32x4|f64x2|hex)")
        #expect(session.execute("set local 1 x").output == "'x' is not a v128 (v128:i32x4:1,2,3,4, v128:0x…; shapes i8x16|i16x8|i32x4|i64x2|f32x4|f64x2|hex)")
    }

    @Test func printShowsWasmValuesAndLanes() throws {
        let session = try paused()
        #expect(session.must("print stack[0]") == "$1 = v128 0x00000004000000030000000200000001")
        #expect(session.must("print stack[0].i32x4") == "$2 = i32x4 [1 2 3 4]")
        #expect(session.must("print stack[0].i32x4[2]") == "$3 = 3")
        #expect(session.must("print stack[1].f32x4[2]") == "$4 = nan")
        #expect(session.must("print stack[2]") == "$5 = i32 0x00000007  7")
        #expect(session.must("print local[1].i16x8") == "$6 = i16x8 [1 0 2 0 3 0 4 0]")
        #expect(session.must("print $v.i8x16[12]") == "$7 = 4")
        #expect(session.must("print global.0.i32x4[3]") == "$8 = 40")
        _ = session.must("set v128 i64x2")
        #expect(session.must("print $g") == "$9 = i64x2 [85899345930 171798691870]")
        #expect(session.execute("print stack[0].i32x4[4]").output == "print: stack[0].i32x4[K] must be 0...3, not '4'")
        #expect(session.execute("print stack[2].i32x4").output == "print: stack[2] is i32, not v128: it has no lanes")
        #expect(session.execute("print stack[0].u8x16").output == "print: unknown lane shape 'u8x16' (i8x16|i16x8|i32x4|i64x2|f32x4|f64x2|hex)")
        #expect(session.execute("print stack[3]").output == "print: stack[K] must be 0...2, not '3'")
        #expect(session.execute("print local.9").output == "print: local N must be 0...1, not '9'")
        #expect(session.execute("print $nope").output == "print: no wasm local or global named $nope")
        #expect(session.must("print stack[0]") == "$10 = i64x2 [8589934593 17179869187]")
    }

    @Test func lanesInConditions() throws {
        let session = try paused()
        #expect(try session.evaluate("stack[0].i32x4[2] == 3").holds)
        #expect(try session.evaluate("stack[0].i32x4[3] == 4 && stack[2] == 7").holds)
        #expect(try session.evaluate("local[1].i8x16[12] == 4").holds)
        #expect(try session.evaluate("local.0.i8x16[15] == -128 && local.0.i8x16[0] == -1").holds)
        #expect(try session.evaluate("local.0.i64x2[1] < 0").holds)
        #expect(try session.evaluate("global.0.i16x8[4] == 30 && $g.i32x4[3] == 40").holds)
        #expect(try session.evaluate("stack[0].i32x4[0] + stack[0].i32x4[1] == 3").holds)
        // Float lanes compare as floats: 1.5, -0 equals 0, NaN equals nothing, inf is above any number.
        #expect(try session.evaluate("stack[1].f32x4[0] == 1.5").holds)
        #expect(try session.evaluate("stack[1].f32x4[0] > 1 && stack[1].f32x4[0] < 2").holds)
        #expect(try session.evaluate("stack[1].f32x4[1] == 0").holds)
        #expect(try !session.evaluate("stack[1].f32x4[2] == stack[1].f32x4[2]").holds)
        #expect(try session.evaluate("stack[1].f32x4[2] != 0").holds)
        #expect(try session.evaluate("stack[1].f32x4[3] > 18446744073709551615").holds)
        #expect(try session.evaluate("-stack[1].f32x4[0] == -1.5").holds)
        #expect(try session.evaluate("local.0.f64x2[1] == -0.0").holds)
        // Refused when set: the column of the lane or the base.
        #expect(session.refusal("stack[0].i32x4[4] == 0") == "condition: column 16: stack[0].i32x4[4]: the lane must be 0...3")
        #expect(session.refusal("local.1.i8x16[16] == 0") == "condition: column 15: local.1.i8x16[16]: the lane must be 0...15")
        #expect(session.refusal("stack[0].f64x2[hits] == 0") == "condition: column 16: stack[0].f64x2[…]: the lane is a number, 0...1")
        #expect(session.refusal("stack[2].i32x4[0] == 7") == "condition: column 1: stack[2] is i32, not v128: lanes (.i32x4[K], …) read a v128")
        #expect(session.refusal("stack[3].i32x4[0] == 7").hasPrefix("condition: column 1: stack[3]: the operand stack holds 3 values at "))
        #expect(session.refusal("stack[1].f32x4[0] + 1 == 2") == "condition: column 15: stack[1].f32x4[…] is a float: conditions compute with integers; compare it (==, !=, <, <=, >, >=)")
        #expect(session.refusal("1.5 == 1.5") == "accepted")
    }

    @Test func aConditionalBreakpointOnALaneStops() throws {
        let session = try makeSession(arguments: [.v128(.zero)], wat: Self.wat)
        // 0x65: the local.get after the f32x4 constant (step 4).
        _ = session.must("break 0x65 if stack[0].f32x4[0] == 2")
        #expect(session.must("continue").hasPrefix("finished: success"))
        _ = session.must("delete 1")
        _ = session.must("run")
        _ = session.must("break 0x65 if stack[0].f32x4[0] == 1.5 && stack[1] == 7")
        #expect(session.must("continue").contains("breakpoint 2"))
        #expect(session.snapshot.step == 4)
    }
}
