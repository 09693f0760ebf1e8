import Foundation
import Testing
@testable import WesdbgCLI

/// `wesdbg profile --svg` opened in a real browser: headless Chromium renders it to a PNG
/// and its DOM (after the inline script ran, zoomed and searched) has the frames labelled.
/// Skipped with a message when Chromium is not installed (`apt-get install chromium`).
@Suite struct FlameGraphBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium): the flame graph is not rendered"))
    func theFlameGraphRendersWithItsFramesLabelled() throws {
        let dir = try CLIFixtures.temporaryDirectory()
        let svg = dir + "/fuel.svg", png = dir + "/fuel.png"
        let r = try ProfileCommandTests.profile([CLIFixtures.sample("token/transfer.snapshot.json"), "--svg", svg])
        #expect(r.status == 0)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLIFixtures.packageRoot + "/Scripts/check-flamegraph.sh", svg, png, "wes_json_find", "skip"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        // A real PNG of the whole graph.
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(image.count > 5_000)

        // Labels as rendered: the visible frames after zooming into wes_json_find.
        let frames = dom.components(separatedBy: "<g class=\"frame\"").dropFirst()
        let visible = frames.filter { !$0.prefix { $0 != ">" }.contains("display: none") }
        let labels = visible.flatMap { Self.matches(#"<text x="[0-9.]+" y="[0-9]+">([^<]+)</text>"#, in: $0) }
        // memcmp's frame is visible but 27 px wide: too narrow for three characters, so unlabelled.
        #expect(labels == ["all", "transfer", "wes_json_find", "wes_json_skip"])
        #expect(visible.contains { $0.hasPrefix(#" data-name="memcmp""#) && $0.contains(#"width="27.07""#) })
        let hidden = frames.filter { $0.prefix { $0 != ">" }.contains("display: none") }.flatMap { Self.matches(#"^ data-name="([^"]+)""#, in: $0) }
        #expect(hidden.contains("report_transfer") && hidden.contains("memcpy") && !hidden.contains("wes_json_skip"))
        // Hover text of every frame, the search's share and the zoom's reset button.
        #expect(dom.contains("<title>wes_json_skip (6763 fuel, 52.2%)</title>"))
        #expect(dom.contains("<title>all (12945 fuel, 100.0%)</title>"))
        #expect(dom.contains(">Matched: 52.2%</text>"))
        #expect(dom.contains(#"<text id="reset" class="button" "#))
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
