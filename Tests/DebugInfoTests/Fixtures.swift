import Foundation
@testable import DebugInfo

/// The committed sample modules, read once per test process.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func bytes(_ sample: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: packageRoot + "/samples/" + sample) ?? Data())
    }

    static func read(_ sample: String) -> DebugInfo {
        let (info, warning) = DebugInfo.read(moduleBytes: bytes(sample))
        precondition(warning == nil, "\(sample): \(warning!)")
        return info!
    }

    static let debug = read("token/token.debug.wasm")
    static let dwarf5 = read("token/token.dwarf5.wasm")
    static let o1 = read("token/token.O1.wasm")
}
