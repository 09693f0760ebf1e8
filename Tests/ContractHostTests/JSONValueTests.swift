import Testing
@testable import ContractHost

@Suite struct JSONValueTests {
    @Test func canonicalFormSortsKeysWithoutSpacesAndKeepsRawUTF8() throws {
        let v = try JSONValue.parse(#"{ "to": "0xab", "amount": 10, "memo": "h\u00e9llo ✓", "nested": {"b": [1, 2.5e3, -0], "a": null}, "t": true }"#)
        #expect(v.canonical.compactText == #"{"amount":10,"memo":"héllo ✓","nested":{"a":null,"b":[1,2.5e3,-0]},"t":true,"to":"0xab"}"#)
    }

    @Test func integersKeepTheirExactText() throws {
        #expect(try JSONValue.parse("18446744073709551615") == .number("18446744073709551615"))
        #expect(try JSONValue.parse("[-9223372036854775808]") == .array([.number("-9223372036854775808")]))
    }

    @Test func stringsEscapeControlCharactersOnly() throws {
        let v = try JSONValue.parse(#""a\"b\\c\n\u0001\ud83d\ude00/""#)
        #expect(v == .string("a\"b\\c\n\u{01}😀/"))
        #expect(v.compactText == #""a\"b\\c\n\u0001😀/""#)
    }

    @Test func syntaxErrorsHaveLineAndColumn() {
        #expect(throws: JSONSyntaxError(line: 2, column: 3, message: "leading zeros are not allowed")) { try JSONValue.parse("[\n  01]") }
        #expect(throws: JSONSyntaxError(line: 1, column: 8, message: "duplicate key \"a\"")) { try JSONValue.parse(#"{"a":1,"a":2}"#) }
        #expect(throws: JSONSyntaxError(line: 1, column: 3, message: "unexpected text after the JSON value")) { try JSONValue.parse("1 2") }
        #expect(throws: JSONSyntaxError(line: 1, column: 1, message: "unterminated string")) { try JSONValue.parse("\"abc") }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(String(repeating: "[", count: 100_000)) }
    }

    @Test func byteStringsAddTextOnlyForUTF8() {
        #expect(JSONValue.byteString(Array("110".utf8)).compactText == #"{"hex":"313130","text":"110"}"#)
        #expect(JSONValue.byteString([0xff, 0x00]).compactText == #"{"hex":"ff00"}"#)
        #expect(JSONValue.byteString([]).compactText == #"{"hex":"","text":""}"#)
    }
}
