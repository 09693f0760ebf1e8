import Foundation
import Testing
import WAT
@testable import WasmVM

/// The spec suite's validation half, no executor needed: every `module` loads,
/// every `assert_invalid`/`assert_malformed` module is refused.
@Suite struct LoadSpecConformanceTests {
    static func specSuiteDirectory() -> URL? {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let candidates = [root.appendingPathComponent("../shared/spec-testsuite"),
                          root.appendingPathComponent("../../shared/spec-testsuite"),
                          URL(fileURLWithPath: "/work/shared/spec-testsuite")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }?.standardizedFileURL
    }

    static func wastFiles() -> [URL] {
        guard let directory = specSuiteDirectory(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".wast") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Loads a module as written in a script; text that WAT refuses counts as refused.
    static func load(_ source: ModuleSource) throws -> Module {
        switch source {
        case .binary(let bytes): return try Module.load(binary: bytes)
        case .quote(let text): return try Module.load(text: String(decoding: text, as: UTF8.self))
        case .text(let wat):
            let bytes: [UInt8]
            do { bytes = try wat.encode() } catch { throw LoadError(.malformed, "\(error)") }
            return try Module.load(binary: bytes)
        }
    }

    static func check(file: URL) throws -> (checked: Int, failures: [String]) {
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var wast = try parseWAST(text, features: webAssembly2Features)
        var failures: [String] = []
        var checked = 0
        let name = file.lastPathComponent
        while let (result, location) = wast.nextDirectiveResult() {
            // Line numbers cost a scan of the file: computed only when needed.
            func fail(_ why: String) { failures.append("\(name):\(location.computeLineAndColumn().line): \(why)") }
            func mustLoad(_ load: () throws -> Module) {
                checked += 1
                do { _ = try load() } catch { fail("module must load: \(error)") }
            }
            func mustRefuse(_ module: ModuleDirective, _ message: String) {
                checked += 1
                if (try? load(module.source)) != nil { fail("module must be refused (\(message))") }
            }
            switch result {
            case .success(.module(let module)): mustLoad { try load(module.source) }
            case .success(.assertInvalid(let module, let message)): mustRefuse(module, message)
            case .success(.assertMalformed(let module, let message)): mustRefuse(module, message)
            case .success(.assertUnlinkable(let wat, _)): mustLoad { try Module.load(binary: wat.encode()) }
            case .success(.assertTrap(.wat(let wat), _)), .success(.assertReturn(.wat(let wat), _)):
                mustLoad { try Module.load(binary: wat.encode()) }
            case .success:
                break
            case .failure(let error):
                // The text parser refused the directive: fine for a malformed/invalid
                // assertion, a failure for a module that must load.
                let line = location.computeLineAndColumn().line
                let source = line - 1 < lines.count ? lines[line - 1].drop { $0 == " " || $0 == "\t" } : ""
                if error.module != nil || source.hasPrefix("(module") {
                    checked += 1
                    fail("module text not parsed: \(error.error)")
                } else if source.hasPrefix("(assert_malformed") || source.hasPrefix("(assert_invalid") {
                    checked += 1
                }
            }
        }
        return (checked, failures)
    }

    @Test func specSuiteValidation() throws {
        let files = Self.wastFiles()
        try #require(!files.isEmpty, "spec suite not found")
        var failures: [String] = []
        var checked = 0
        for file in files {
            let result = try Self.check(file: file)
            checked += result.checked
            failures += result.failures
        }
        for failure in failures { print("FAIL", failure) }
        print("spec validation: \(checked) modules checked, \(failures.count) failures")
        #expect(failures.isEmpty)
        #expect(checked > 1000)
    }
}
