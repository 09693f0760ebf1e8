import DebuggerCore
@testable import DebuggerUI
import Testing

/// Cells text takes on the canvas: wide characters two, control characters escaped.
struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayText.width("abc") == 3)
        #expect(DisplayText.width("金币") == 4)
        #expect(DisplayText.width("トークン") == 8)
        #expect(DisplayText.width("한국") == 4)
        #expect(DisplayText.width("ＡＢ") == 4)
        #expect(DisplayText.width("é") == 1)
        #expect(DisplayText.width("e\u{301}") == 1)
        #expect(DisplayText.width("🚀") == 2)
        #expect(DisplayText.width("→…│") == 3)
        // Escaped characters count as their escapes.
        #expect(DisplayText.width("a\tb") == 4)
        #expect(DisplayText.width("\u{1b}[2J") == 7)
    }

    @Test func escaping() {
        #expect(DisplayText.escaped("plain → text 金") == "plain → text 金")
        #expect(DisplayText.escaped("a\tb\nc\r\0") == "a\\tb\\nc\\r\\0")
        #expect(DisplayText.escaped("\u{1b}[31mred") == "\\x1b[31mred")
        #expect(DisplayText.escaped("\u{7f}\u{85}") == "\\x7f\\x85")
        #expect(DisplayText.escaped("zero\u{200b}width") == "zero\\u{200b}width")
        #expect(DisplayText.escaped("\u{301}") == "\\u{301}")
        #expect(DisplayText.escaped("\r\n") == "\\r\\n")
    }

    @Test func wideCharactersTakeTwoCellsAndShiftNothing() {
        var canvas = Canvas(width: 12, height: 3)
        let end = canvas.put("金币x", column: 1, row: 0)
        #expect(end == 6)
        #expect(canvas[1, 0].character == "金")
        #expect(canvas[2, 0].character == Cell.wideTail)
        #expect(canvas[5, 0].character == "x")
        // Columns after a padded wide name line up with an ASCII one.
        canvas.put(Format.padded("金币", 6) + "|", column: 0, row: 1)
        canvas.put(Format.padded("gold", 6) + "|", column: 0, row: 2)
        #expect(canvas[6, 1].character == "|")
        #expect(canvas[6, 2].character == "|")
        #expect(canvas.text == " 金币x\n金币  |\ngold  |\n")
    }

    @Test func aWideCharacterThatDoesNotFitLeavesASpace() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("ab金", column: 0, row: 0, limit: 3)
        #expect(canvas.text == "ab\n")
        canvas.put("金", column: 3, row: 0)
        #expect(canvas[3, 0].character == " ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("金币", column: 0, row: 0)
        canvas.put("x", column: 1, row: 0)
        #expect(canvas.text == " x币\n")
        canvas.put("y", column: 2, row: 0)
        #expect(canvas.text == " xy\n")
    }

    @Test func controlCharactersAreShownEscaped() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.put("a\u{1b}[2Jb\tc", column: 0, row: 0)
        #expect(canvas.text == "a\\x1b[2Jb\\tc\n")
    }

    @Test func consoleInputKeepsItsEndInView() {
        #expect(Format.suffix("abc金币", cells: 5) == "c金币")
        #expect(Format.suffix("abc金币", cells: 4) == "金币")
        #expect(Format.suffix("a\tb", cells: 3) == "\tb")
        #expect(Format.suffix("ab", cells: 9) == "ab")
        #expect(Format.prefix("金币abc", cells: 3) == "金")
        #expect(Format.prefix("a\u{1b}b", cells: 4) == "a")
        #expect(Format.prefix("a\u{1b}b", cells: 5) == "a\u{1b}")
    }

    @Test func changesSendAWideCharacterOnce() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("a金b", column: 0, row: 0)
        let runs = canvas.changes(from: nil)
        #expect(runs.map(\.text).joined() == "a金b  ")
        var next = canvas
        next.put("币", column: 1, row: 0)
        #expect(next.changes(from: canvas).map(\.text) == ["币"])
    }
}
