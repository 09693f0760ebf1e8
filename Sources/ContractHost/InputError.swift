/// Bad input refused before execution: a snapshot, a module, an ABI mismatch or a
/// command-line value. `description` is the one line users see:
/// `token.snapshot.json: utxos[2].owner: expected a 42-character 0x address`.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it (or an option such as `--params`).
    public var file: String
    /// A JSON path, `byte offset 0x1a`, `line 3, column 7` or `import env.malloc`; empty when the whole file is meant.
    public var place: String
    public var message: String

    public init(file: String, place: String = "", message: String) {
        self.file = file; self.place = place; self.message = message
    }

    public var description: String {
        place.isEmpty ? "\(file): \(message)" : "\(file): \(place): \(message)"
    }
}
