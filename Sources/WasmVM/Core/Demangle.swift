/// Readable names for mangled symbols, as rustfilt and c++filt print them:
/// Rust legacy (`_ZN5vault12parse_amount17h…E` → `vault::parse_amount`, the
/// hash dropped), Rust v0 (`_RNv…`) and Itanium C++ (`_Z…`). Anything else, and
/// anything malformed, is not demangled: callers show the raw name.
///
/// Names come from untrusted modules, so every parse is bounded (symbol
/// length, recursion depth, total steps, output length): no input crashes it
/// or makes it hang.
public enum Demangle {
    /// `symbol` demangled, or `symbol` itself when it is not a mangled name understood here.
    public static func name(_ symbol: String) -> String { demangled(symbol) ?? symbol }

    /// `nil` when `symbol` is not a Rust or Itanium C++ mangled name, or is malformed.
    public static func demangled(_ symbol: String) -> String? {
        let bytes = Array(symbol.utf8)
        // Mangled names are printable ASCII; anything else is a plain name.
        guard bytes.count >= 3, bytes.count <= maxSymbolLength, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else { return nil }
        if let text = rustLegacy(bytes) { return text }
        let (body, suffix) = splitSuffix(bytes)
        if let v0 = stripPrefix(body, ["_R", "__R"]) {
            var demangler = RustV0Demangler(v0)
            return (try? demangler.symbol()).map { $0 + rustSuffix(suffix) }
        }
        if let itanium = stripPrefix(body, ["_Z", "__Z"]) {
            var demangler = ItaniumDemangler(itanium)
            return (try? demangler.symbol()).map { $0 + itaniumSuffix(suffix) }
        }
        return nil
    }

    static let maxSymbolLength = 4096
    static let maxDepth = 96
    static let maxSteps = 20_000
    static let maxOutput = 4096

    static func stripPrefix(_ bytes: ArraySlice<UInt8>, _ prefixes: [String]) -> ArraySlice<UInt8>? {
        for p in prefixes where bytes.starts(with: p.utf8) { return bytes.dropFirst(p.utf8.count) }
        return nil
    }

    /// A symbol and its vendor suffix (from the first `.`: `.llvm.123`, `.cold`).
    static func splitSuffix(_ bytes: [UInt8]) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 0 else { return (bytes[...], []) }
        return (bytes[..<dot], bytes[dot...])
    }

    /// LLVM's `.llvm.NNNN` (a ThinLTO rename) is noise to a reader, as rustfilt drops it.
    static func isLLVMSuffix(_ suffix: ArraySlice<UInt8>) -> Bool {
        guard suffix.starts(with: ".llvm.".utf8) else { return false }
        return suffix.dropFirst(6).allSatisfy { isHexDigit($0) || $0 == UInt8(ascii: "@") }
    }

    /// Rust keeps other suffixes verbatim (rustc-demangle).
    static func rustSuffix(_ suffix: ArraySlice<UInt8>) -> String {
        isLLVMSuffix(suffix) ? "" : String(decoding: suffix, as: UTF8.self)
    }

    /// c++filt's ` [clone .cold]`.
    static func itaniumSuffix(_ suffix: ArraySlice<UInt8>) -> String {
        suffix.isEmpty || isLLVMSuffix(suffix) ? "" : " [clone \(String(decoding: suffix, as: UTF8.self))]"
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    static func isLower(_ c: UInt8) -> Bool { c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") }
    static func isUpper(_ c: UInt8) -> Bool { c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") }
    static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) }
}

/// A mangled name this cannot read (the caller then shows the raw name).
struct DemangleError: Error {}

/// The byte cursor the grammars parse with; it carries the bounds every parse obeys.
struct ManglingCursor {
    let bytes: [UInt8]
    var pos = 0
    var depth = 0
    var steps = 0

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }

    var atEnd: Bool { pos >= bytes.count }
    var peek: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    mutating func next() throws(DemangleError) -> UInt8 {
        guard pos < bytes.count else { throw DemangleError() }
        defer { pos += 1 }
        return bytes[pos]
    }

    mutating func eat(_ c: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: c) else { return false }
        pos += 1
        return true
    }

    mutating func expect(_ c: Unicode.Scalar) throws(DemangleError) {
        guard eat(c) else { throw DemangleError() }
    }

    /// One more level of nesting: bounded depth, bounded total work.
    mutating func enter() throws(DemangleError) {
        depth += 1
        steps += 1
        guard depth <= Demangle.maxDepth, steps <= Demangle.maxSteps else { throw DemangleError() }
    }

    mutating func leave() { depth -= 1 }

    /// A decimal number (no leading zeros unless it is 0), small enough to be a length.
    mutating func decimal() throws(DemangleError) -> Int {
        guard let first = peek, Demangle.isDigit(first) else { throw DemangleError() }
        pos += 1
        var value = Int(first - UInt8(ascii: "0"))
        if value == 0 { return 0 }
        while let c = peek, Demangle.isDigit(c) {
            pos += 1
            value = value * 10 + Int(c - UInt8(ascii: "0"))
            guard value <= Demangle.maxSymbolLength else { throw DemangleError() }
        }
        return value
    }

    mutating func take(_ count: Int) throws(DemangleError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - pos else { throw DemangleError() }
        defer { pos += count }
        return bytes[pos ..< pos + count]
    }
}
