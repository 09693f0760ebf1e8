import DebugInfo
import Foundation
import WasmVM

/// Where the debugger looks for source files: beside the module and under `--source-dir` directories.
public struct SourceOptions: Sendable {
    /// The module's path as given (its directory is searched for sources).
    public var modulePath: String?
    /// `--source-dir DIR`, in the order given.
    public var directories: [String]
    public init(modulePath: String? = nil, directories: [String] = []) {
        self.modulePath = modulePath; self.directories = directories
    }
}

/// The module's DWARF (read once, when the session opens) and the source files it
/// names, read on first use. A module without debug info gets an empty context:
/// everything source-level then answers "no debug info".
final class SourceContext {
    let info: DebugInfo?
    /// One line when the debug sections were malformed (the session still opens).
    let warning: String?
    let options: SourceOptions
    private var files: [String: SourceFile] = [:]
    /// Line rows of each function (by function index), sorted by offset.
    private var rowsByFunction: [Int: [LineRow]] = [:]

    init(module: Module, options: SourceOptions) {
        let read = DebugInfo.read(moduleBytes: module.bytes)
        info = read.info
        warning = read.warning
        self.options = options
    }

    var hasLines: Bool { info?.hasLines ?? false }

    /// The rows of a function's body, sorted by offset (cached).
    func rows(function: Int, in module: Module) -> [LineRow] {
        if let cached = rowsByFunction[function] { return cached }
        let defined = function - module.importedFunctionCount
        guard let info, defined >= 0, defined < module.functions.count else { return [] }
        let rows = info.lineRows(in: module.functions[defined].bodyRange)
        rowsByFunction[function] = rows
        return rows
    }

    /// `token.c` as recorded, without a leading `./`.
    static func displayPath(_ path: String) -> String { SourcePath.trimmed(path) }

    /// The file's lines, found at its recorded path, beside the module, then under each
    /// source directory (the path, then its last component); or the paths tried.
    func file(_ recorded: String) -> SourceFile {
        if let cached = files[recorded] { return cached }
        var candidates: [String] = []
        let name = Self.displayPath(recorded)
        let base = (name as NSString).lastPathComponent
        candidates.append(recorded)
        if !name.hasPrefix("/") {
            var dirs: [String] = []
            if let modulePath = options.modulePath {
                // The module's directory and two above it: a build that ran in `samples/` records
                // `include/wes.h` for a module written to `samples/token/`.
                var dir = (modulePath as NSString).deletingLastPathComponent
                for _ in 0 ..< 3 {
                    dirs.append(dir)
                    dir = dir.isEmpty || dir == "." ? ".." : (dir as NSString).appendingPathComponent("..")
                }
            }
            dirs += options.directories
            for dir in dirs {
                let d = dir.isEmpty ? "." : dir
                candidates.append((d as NSString).appendingPathComponent(name))
                if base != name { candidates.append((d as NSString).appendingPathComponent(base)) }
            }
        } else {
            for dir in options.directories { candidates.append((dir as NSString).appendingPathComponent(base)) }
        }
        var seen = Set<String>()
        candidates = candidates.filter { seen.insert($0).inserted }
        var found = SourceFile(recordedPath: recorded, foundAt: nil, lines: [], tried: candidates)
        for path in candidates {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            }
            if lines.last == "" { lines.removeLast() }
            found = SourceFile(recordedPath: recorded, foundAt: path, lines: lines, tried: candidates)
            break
        }
        files[recorded] = found
        return found
    }
}

/// A source file named by the debug info, with its text when found.
public struct SourceFile: Hashable, Sendable {
    public var recordedPath: String
    /// Where it was read from; nil when not found (`tried` lists the paths).
    public var foundAt: String?
    public var lines: [String]
    public var tried: [String]

    /// Line `n` (1-based), if the file has it.
    public func text(ofLine n: Int) -> String? { n >= 1 && n <= lines.count ? lines[n - 1] : nil }

    /// `cannot find token/token.c (tried token/token.c, samples/token/token.c)`
    public var notFoundMessage: String {
        "cannot find \(SourceContext.displayPath(recordedPath)) (tried \(tried.joined(separator: ", ")); use --source-dir DIR)"
    }
}
