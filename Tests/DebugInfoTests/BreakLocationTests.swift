import Testing
@testable import DebugInfo

/// `break token.c:LINE` against the is_stmt rows of `llvm-dwarfdump-14 --debug-line` (DWARF addresses).
@Suite struct BreakLocationTests {
    func locations(_ info: DebugInfo, _ file: String, _ line: Int) -> [String] {
        info.breakLocations(file: file, line: line).map { "0x\(String($0.moduleOffset - info.codeSectionStart, radix: 16)) \($0.file):\($0.line)" }
    }

    @Test func lineWithCode() {
        #expect(locations(Fixtures.debug, "token.c", 62) == ["0x25f token/token.c:62"])
        #expect(locations(Fixtures.dwarf5, "token.c", 62) == ["0x16f token/token.c:62"])
        // memo_checksum's loop: rows of line 54 from 0xc49 on, in one lexical block: one location.
        #expect(locations(Fixtures.debug, "token.c", 54) == ["0xc49 token/token.c:54"])
    }

    @Test func lineWithoutCodeMovesToTheNextOne() {
        // Line 60 declares variables only; 61 too; 62 is the first with code.
        #expect(locations(Fixtures.debug, "token.c", 60) == ["0x25f token/token.c:62"])
        // At -O1, line 62's wes_params call is inlined away from any is_stmt row: line 63 at 0x17d
        // (0x20e also has line 63 but in the same scope, so gdb places one location).
        #expect(locations(Fixtures.o1, "token.c", 62) == ["0x17d token/token.c:63"])
        // Line 88 is blank; transfer_from's first row is line 90 at 0x1ab0.
        #expect(locations(Fixtures.debug, "token.c", 88) == ["0x1ab0 token/token.c:90"])
    }

    @Test func fileMatchesBySuffixOnComponents() {
        #expect(locations(Fixtures.debug, "token/token.c", 62) == ["0x25f token/token.c:62"])
        #expect(locations(Fixtures.debug, "./token/token.c", 62) == ["0x25f token/token.c:62"])
        #expect(locations(Fixtures.debug, "en.c", 62) == [])
        #expect(locations(Fixtures.debug, "nothing.c", 62) == [])
        #expect(locations(Fixtures.debug, "token.c", 100_000) == [])
    }

    @Test func headerLinesAreFound() {
        // wes.h:306, first statement of wes_params after its prologue.
        #expect(locations(Fixtures.debug, "wes.h", 306) == ["0x59e include/wes.h:306"])
    }
}

/// A typed file name names a recorded path as a whole or by its last components.
@Suite struct SourcePathTests {
    @Test func namesOnComponentBoundaries() {
        #expect(SourcePath.path("/src/token/token.c", isNamedBy: "token.c"))
        #expect(SourcePath.path("/src/token/token.c", isNamedBy: "token/token.c"))
        #expect(SourcePath.path("./token.c", isNamedBy: "token.c"))
        #expect(SourcePath.path("token.c", isNamedBy: "./token.c"))
        #expect(!SourcePath.path("/src/token/token.c", isNamedBy: "ken.c"))
        #expect(!SourcePath.path("/src/token/token.c", isNamedBy: "oken/token.c"))
        #expect(SourcePath.trimmed("././a/b.c") == "a/b.c")
    }
}
