import Foundation
import Testing
import DebuggerUI

/// Golden screens live in Golden/NAME.txt next to this file. Set
/// WESDBG_UPDATE_GOLDEN=1 to (re)write them, then review the diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent("\(name).txt")
        let actual = canvas.golden
        if ProcessInfo.processInfo.environment["WESDBG_UPDATE_GOLDEN"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; run with WESDBG_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "golden \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
    }
}
