import Foundation
import Testing
@testable import ContractHost

/// Outputs check `isInput` so they never overwrite the snapshot or its module.
@Suite struct BadInputOutputPathTests {
    @Test func inputsAreRecognisedThroughAnyPathSpelling() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let snapshot = try ChainSnapshot.load(path: root + "/samples/token/transfer.snapshot.json")
        #expect(snapshot.isInput(root + "/samples/token/transfer.snapshot.json"))
        #expect(snapshot.isInput(root + "/samples/nft/../token/token.wasm"))
        #expect(!snapshot.isInput(root + "/samples/token/transfer_zero.snapshot.json"))
        #expect(!snapshot.isInput(root + "/samples/token/not-there.json"))
    }
}
