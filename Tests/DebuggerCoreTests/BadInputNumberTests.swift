import Testing
import WasmVM
@testable import DebuggerCore

/// Every number a command reads is range-checked with a one-line error naming the
/// accepted range; none reaches arithmetic that could overflow (issue 10, items 1 and 13).
@Suite struct BadInputNumberTests {
    /// Failed before: `step 18446744073709551615` after one step trapped on `machine.steps + count`.
    @Test func theLargestStepCountRunsToTheEnd() throws {
        let session = try makeSession()
        session.must("step")
        #expect(session.must("step 18446744073709551615").hasPrefix("finished: success"))
        session.must("goto 1")
        #expect(session.must("reverse-step 18446744073709551615").hasPrefix("paused at main+0x3 (offset 0x85), step 0"))
        #expect(session.snapshot.step == 0)
        #expect(session.must("goto 18446744073709551615").hasPrefix("the call ends at step 25"))
    }

    @Test(arguments: [
        ("step 18446744073709551616", "step: N must be 1...18446744073709551615, not '18446744073709551616'"),
        ("step -1", "step: N must be 1...18446744073709551615, not '-1'"),
        ("step 0", "step: N must be 1...18446744073709551615, not '0'"),
        ("reverse-step 1e3", "reverse-step: N must be 1...18446744073709551615, not '1e3'"),
        ("goto -1", "goto: STEP must be 0...18446744073709551615, not '-1'"),
        ("frame 99999999999999999999", "frame: N must be 0...0, not '99999999999999999999'"),
        ("set fuel 18446744073709551616", "set fuel: N must be 0...18446744073709551615, not '18446744073709551616'"),
        ("break fuel -5", "break fuel: N must be 0...18446744073709551615, not '-5'"),
        ("break 0xffffffffffffffff", "break: OFFSET must be 0x0...0xffffffff, not '0xffffffffffffffff'"),
        ("set mem 0x100000000 00", "set mem: ADDR must be 0x0...0xffffffff, not '0x100000000'"),
        ("set local 99999999999 1", "set local: N must be 0...4294967295, not '99999999999'"),
        ("set local 0 4294967296", "'4294967296' is not an i32 (-2147483648...4294967295)"),
        ("x 0xffffffffffffffff", "x: ADDR must be 0x0...0xffff (memory is 65536 bytes), not '0xffffffffffffffff'"),
        ("x 0 65537", "x: LEN must be 1...65536, not '65537'"),
        ("x -1", "x: ADDR must be 0x0...0xffff (memory is 65536 bytes), not '-1'"),
    ])
    func outOfRangeNumbersAreRefused(command: String, message: String) throws {
        let session = try makeSession()
        let result = session.execute(command)
        #expect(result.isError)
        #expect(result.output == message)
        #expect(session.snapshot.step == 0)
    }

    /// Failed before: a watch past the end of memory was accepted and could never fire.
    @Test func watchesOutsideMemoryAreRefused() throws {
        let session = try makeSession()
        #expect(session.execute("watch mem 0x10000 4").output == "watch mem: ADDR must be 0x0...0xffff (memory is 65536 bytes), not '0x10000'")
        #expect(session.execute("watch mem 0xfffe 4").output == "watch mem: LEN must be 1...2 (memory is 65536 bytes), not '4'")
        #expect(session.execute("watch mem 0 0").output == "watch mem: LEN must be 1...65536 (memory is 65536 bytes), not '0'")
        #expect(session.must("watch mem 0xfffc 4") == "watch 1: memory 0xfffc..0x10000 (4 bytes) written")
    }

    /// Failed before: `x` near the end printed fewer bytes without saying so.
    @Test func dumpsNearTheEndSayHowManyBytesExist() throws {
        let session = try makeSession()
        let lines = session.must("x 0xfff8 64").split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("0x0000fff8  00 00 00 00 00 00 00 00  "))
        #expect(lines[1] == "(8 of 64 bytes: memory ends at 0x10000)")
        #expect(session.must("x 0xfff0 16").split(separator: "\n").count == 1)
    }
}
