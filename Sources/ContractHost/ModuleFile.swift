import WasmVM

/// Loading contract code from files and bytes, with errors naming the file.
public enum ModuleFile {
    /// Whether a path names a module rather than a snapshot (by extension).
    public static func isModulePath(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".wasm") || lower.hasSuffix(".wat")
    }

    /// The file's bytes, or a one-line reason.
    public static func read(path: String) -> Result<[UInt8], InputError> { FilePaths.read(path) }

    /// Loads a `.wasm` (binary) or `.wat` (text) file; text is recognised by content too.
    public static func load(path: String) throws(InputError) -> Module {
        let bytes: [UInt8]
        switch FilePaths.read(path) {
        case .success(let b): bytes = b
        case .failure(let e): throw e
        }
        return try load(bytes: bytes, file: path)
    }

    public static func load(bytes: [UInt8], file: String) throws(InputError) -> Module {
        do throws(LoadError) {
            if bytes.starts(with: [0x00, 0x61, 0x73, 0x6D]) || !file.lowercased().hasSuffix(".wat") && !looksLikeText(bytes) {
                return try Module.load(binary: bytes)
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw LoadError(.malformed, "text module is not valid UTF-8")
            }
            return try Module.load(text: text)
        } catch {
            throw InputError(file: file, place: error.offset.map { "byte offset 0x\(String($0, radix: 16))" } ?? "",
                             message: "\(error.kind.rawValue) module: \(error.message)")
        }
    }

    private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "(")
            || bytes.starts(with: Array(";;".utf8))
    }
}

extension ChainSnapshot {
    /// Loads the snapshot's contract code (a file relative to the snapshot, or inline hex).
    public func loadModule() throws(InputError) -> Module { try loadModuleAndBytes().module }

    /// The module and its bytes; with a recorded `contract.sha256`, the bytes must match it.
    public func loadModuleAndBytes() throws(InputError) -> (module: Module, bytes: [UInt8]) {
        let bytes: [UInt8]
        let name: String
        switch code {
        case .file:
            // A missing or unreadable code file is the snapshot's error; a bad module is the module's.
            switch FilePaths.read(codePath!) {
            case .success(let b): bytes = b
            case .failure(let e): throw InputError(file: file, place: "contract.code", message: "\(e.file): \(e.message)")
            }
            name = codePath!
        case .inline(let b):
            bytes = b
            name = file
        }
        if let expected = codeSHA256 {
            let actual = SHA256.digest(bytes)
            guard actual == expected else {
                throw InputError(file: file, place: "contract.sha256",
                                 message: "the module's SHA-256 is \(Hex.encode(actual)), not the recorded \(Hex.encode(expected)): the module changed since this was saved")
            }
        }
        do { return (try ModuleFile.load(bytes: bytes, file: name), bytes) } catch {
            throw moduleError(error.place.isEmpty ? error.message : "\(error.place): \(error.message)")
        }
    }

    /// An error of the contract's module, naming the file given on the command line (HOST-ABI.md):
    /// a snapshot at `contract.code` (then the module file, if it is one), or the module itself.
    public func moduleError(_ message: String) -> InputError {
        if let path = codePath, path == file { return InputError(file: path, message: message) }
        return InputError(file: file, place: "contract.code", message: (codePath.map { "\($0): " } ?? "") + message)
    }
}
