/// How a file name a user types names a source path recorded in the debug info.
public enum SourcePath {
    /// The path without leading `./` (as compilers record paths relative to their directory).
    public static func trimmed(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        return String(p)
    }

    /// `token.c` and `token/token.c` name `/src/token/token.c`: the same path, or a suffix of it
    /// on a path-component boundary (so `ken.c` does not).
    public static func path(_ path: String, isNamedBy name: String) -> Bool {
        let name = trimmed(name)
        return trimmed(path) == name || path.hasSuffix("/" + name)
    }
}
