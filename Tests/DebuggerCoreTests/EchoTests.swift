import DebuggerCore
import Testing

/// `echo` (batch scripts, the console) shows control characters escaped.
struct EchoTests {
    @Test func controlCharactersAreEscaped() throws {
        let session = try makeSession()
        #expect(session.must("echo a\u{1b}[2Jb\tc") == "a\\x1b[2Jb\\tc")
        #expect(session.must("echo 金币 plain") == "金币 plain")
    }
}
