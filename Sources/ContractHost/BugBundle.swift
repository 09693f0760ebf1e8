import Foundation

/// A bug bundle (`save --bundle DIR`, docs/host.md): everything needed to replay a debugging
/// session anywhere. `DIR/snapshot.json` is the snapshot with its `edits`, `expect` and the
/// module's `contract.sha256`; `DIR/module.wasm` (or `module.wat`) the module, copied;
/// `DIR/commands.txt` the commands typed in the session. `wesdbg run DIR` and `wesdbg debug DIR`
/// load `DIR/snapshot.json`.
public enum BugBundle {
    public static let snapshotName = "snapshot.json"
    public static let commandsName = "commands.txt"

    /// Whether `path` names a directory (a bundle, for `run` and `debug`).
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// `DIR/snapshot.json`
    public static func snapshotPath(in directory: String) -> String { FilePaths.join(directory, snapshotName) }

    /// Loads the snapshot of the bundle in `directory`.
    public static func load(directory: String) throws(InputError) -> ChainSnapshot {
        let path = snapshotPath(in: directory)
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: directory, message: "not a bug bundle: the directory has no \(snapshotName) (save --bundle DIR writes one)")
        }
        return try ChainSnapshot.load(path: path)
    }

    /// The module's file name in a bundle: `module.wasm`, or `module.wat` for text.
    static func moduleName(_ bytes: [UInt8]) -> String {
        bytes.starts(with: [0x00, 0x61, 0x73, 0x6D]) ? "module.wasm" : "module.wat"
    }

    /// Writes the bundle (creating `directory`; its parent must exist). Files in it are
    /// replaced through `OutputFile`; an input of the session is never overwritten.
    /// Returns the paths written, snapshot first.
    package static func write(directory: String, snapshot: ChainSnapshot, expect: Expectation?, edits: [SnapshotEdit],
                             commands: [String]) throws(OutputError) -> [String] {
        var bytes = snapshot.codeBytes
        if bytes == nil, case .inline(let b) = snapshot.code { bytes = b }
        if bytes == nil, let path = snapshot.codePath, case .success(let b) = FilePaths.read(path) { bytes = b }
        guard let bytes else { throw OutputError(path: directory, reason: "the module's bytes cannot be read") }
        let modulePath = FilePaths.join(directory, moduleName(bytes))
        let snapshotPath = FilePaths.join(directory, snapshotName)
        let commandsPath = FilePaths.join(directory, commandsName)
        for path in [snapshotPath, modulePath, commandsPath] where snapshot.isInput(path) {
            throw OutputError(path: path, reason: "it is an input of this session (snapshot or module); choose another directory")
        }
        try makeDirectory(directory)

        var bundled = snapshot
        bundled.code = .file(moduleName(bytes))
        bundled.baseDirectory = directory
        bundled.codeSHA256 = SHA256.digest(bytes)
        bundled.codeBytes = bytes
        let moduleFile = try OutputFile(path: modulePath)
        moduleFile.write(bytes)
        try moduleFile.close()
        try OutputFile.write(commandsText(commands), to: commandsPath)
        try OutputFile.write(bundled.json(savedAt: snapshotPath, expect: expect, edits: edits).prettyText + "\n", to: snapshotPath)
        return [snapshotPath, modulePath, commandsPath]
    }

    /// `commands.txt`: a `--batch` script of the session's commands. Refused commands and
    /// `save`s (which would write files again) are commented out.
    static func commandsText(_ commands: [String]) -> String {
        var text = """
            # The commands typed in the wesdbg session that saved this bundle, as a --batch script.
            # snapshot.json replays the session's changes by itself (its edits); this is for reading,
            # or for `wesdbg debug DIR --batch DIR/commands.txt`. Refused commands and saves are commented out.

            """
        for line in commands {
            let word = line.split(separator: " ").first.map(String.init) ?? ""
            text += (word == "save" && !line.hasPrefix("#") ? "# " : "") + line + "\n"
        }
        return text
    }

    private static func makeDirectory(_ path: String) throws(OutputError) {
        if isDirectory(path) { return }
        if mkdir(path, 0o777) != 0 {
            let code = errno
            if code == EEXIST { throw OutputError(path: path, reason: "it exists and is not a directory") }
            throw OutputError(path: path, reason: code == ENOENT ? "its parent directory does not exist" : OutputFile.reason(code))
        }
    }
}
