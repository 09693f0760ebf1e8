import Testing
@testable import ContractHost

/// Issue 10 item 7: payloads past 64 bytes (or characters) render as their first ones, `…`,
/// the length and an FNV-1a 64 hash kept with the payload, whatever their size.
@Suite struct PayloadPreviewTests {
    @Test func digestIsFNV1a64() {
        #expect(PayloadPreview.digest([]) == 0xcbf2_9ce4_8422_2325)
        #expect(PayloadPreview.digest(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(PayloadPreview.tail(count: 5, digest: 0xab) == " (5 bytes, fnv1a 00000000000000ab)")
    }

    @Test func shortPayloadsAreShownWhole() {
        #expect(displayBytes(Array("hello".utf8)) == #""hello""#)
        #expect(displayBytes([0x00, 0xff]) == "0x00ff")
        #expect(displayBytes(Array(repeating: 0x61, count: 64)) == "\"" + String(repeating: "a", count: 64) + "\"")
    }

    @Test func longPayloadsShowTheirHeadLengthAndHash() {
        #expect(displayBytes(Array(repeating: 0x61, count: 100))
            == "\"" + String(repeating: "a", count: 64) + "\"… (100 bytes, fnv1a 2885d0ac2e5a9d79)")
        #expect(displayBytes(Array(repeating: 0xff, count: 100))
            == "0x" + String(repeating: "ff", count: 64) + "… (100 bytes, fnv1a bee4ea21aed5ce71)")
        // Text counts characters: 64 of the 100 two-byte é.
        #expect(displayBytes(Array(String(repeating: "é", count: 100).utf8))
            == "\"" + String(repeating: "é", count: 64) + "\"… (200 bytes, fnv1a b1c912a8e533f4b5)")
        // A given digest is used as is (that is what keeps a 64 MiB payload O(1)).
        #expect(displayBytes(Array(repeating: 0xff, count: 65), digest: 7).hasSuffix("… (65 bytes, fnv1a 0000000000000007)"))
    }

    @Test func headNeverCutsAUTF8Character() {
        let text = Array(("a" + String(repeating: "é", count: 40)).utf8)   // é straddles byte 64
        #expect(PayloadPreview.head(text).count == 63)
        #expect(PayloadPreview.head(Array(repeating: 0xff, count: 100)).count == 64)
    }

    @Test func draftEntriesKeepTheirHashes() {
        var draft = TransactionDraft()
        let big = Array(repeating: UInt8(0x61), count: 1 << 20)
        draft.events = [.init(name: Array("Big".utf8), data: big)]
        draft.writeState(Array("k".utf8), [1])
        draft.writeState(Array("k".utf8), Array(repeating: 0xff, count: 1 << 20))
        draft.append(.state(id: Array("s".utf8), data: big))
        draft.returnData = big
        #expect(draft.events[0].dataDigest == 0x509a_9b97_ff72_2325)
        #expect(draft.stateWrites[0].valueDigest == 0xa87c_b5a6_c9f2_2325)
        #expect(draft.returnDataDigest == 0x509a_9b97_ff72_2325)
        let a64 = "\"" + String(repeating: "a", count: 64) + "\"… (1048576 bytes, fnv1a 509a9b97ff722325)"
        #expect(draft.outputSummary(at: 0) == "state \"s\" = " + a64)
        let r = ExecutionResult(status: .success, code: 0, results: [], trap: nil, trapFunction: nil,
                                fuelLimit: 1, fuelUsed: 1, draft: draft, hostCalls: 0, expected: nil)
        #expect(r.text.contains("  events:\n    \"Big\" " + a64 + "\n"))
        #expect(r.text.contains("  state writes:\n    \"k\" = 0x" + String(repeating: "ff", count: 64) + "… (1048576 bytes, fnv1a a87cb5a6c9f22325)\n"))
        #expect(r.text.contains("  return data: \"" + String(repeating: "a", count: 256) + "\"… (1048576 bytes, fnv1a 509a9b97ff722325)\n"))
    }
}
