/// Rust's v0 mangling (`_R…`, RFC 2603), printed as rustfilt and llvm-cxxfilt
/// print it: crate disambiguators and const type suffixes left out. Covers
/// paths, impls, generic arguments, basic and compound types, function
/// signatures, `dyn` bounds, lifetimes, integer/bool/char consts and
/// backrefs; punycode identifiers and structural consts are refused.
struct RustV0Demangler {
    var c: ManglingCursor
    var out = ""
    /// Off while reading the instantiating crate, which is not shown.
    var printing = true
    var boundLifetimes = 0

    init(_ bytes: ArraySlice<UInt8>) { c = ManglingCursor(bytes) }

    mutating func symbol() throws(DemangleError) -> String {
        // A leading decimal is a mangling version past 0: not ours.
        guard let first = c.peek, !Demangle.isDigit(first) else { throw DemangleError() }
        try path(inType: false)
        if !c.atEnd {
            printing = false
            try path(inType: false)
        }
        guard c.atEnd else { throw DemangleError() }
        return out
    }

    mutating func print(_ text: String) throws(DemangleError) {
        guard printing else { return }
        out += text
        guard out.utf8.count <= Demangle.maxOutput else { throw DemangleError() }
    }

    /// Returns true when it left a generic argument list open (`dyn Trait<Assoc = T>`).
    @discardableResult
    mutating func path(inType: Bool, leaveOpen: Bool = false) throws(DemangleError) -> Bool {
        try c.enter()
        defer { c.leave() }
        let start = c.pos
        switch try c.next() {
        case UInt8(ascii: "C"):
            try print(identifier().name)
        case UInt8(ascii: "M"):
            try implPath()
            try print("<")
            try type()
            try print(">")
        case UInt8(ascii: "X"):
            try implPath()
            try traitImpl()
        case UInt8(ascii: "Y"):
            try traitImpl()
        case UInt8(ascii: "N"):
            let namespace = try c.next()
            guard Demangle.isLower(namespace) || Demangle.isUpper(namespace) else { throw DemangleError() }
            try path(inType: inType)
            let (disambiguator, name) = try identifier()
            if Demangle.isUpper(namespace) {
                // Closures, shims and other compiler-made items: `{closure#0}`.
                let kind = switch namespace {
                case UInt8(ascii: "C"): "closure"
                case UInt8(ascii: "S"): "shim"
                default: String(Unicode.Scalar(namespace))
                }
                try print("::{\(kind)\(name.isEmpty ? "" : ":" + name)#\(disambiguator)}")
            } else if !name.isEmpty {
                try print("::" + name)
            }
        case UInt8(ascii: "I"):
            try path(inType: inType)
            try print(inType ? "<" : "::<")
            var count = 0
            while !c.eat("E") {
                if count > 0 { try print(", ") }
                try genericArgument()
                count += 1
            }
            if leaveOpen { return true }
            try print(">")
        case UInt8(ascii: "B"):
            let target = try backref(before: start)
            guard printing else { return false }
            let resume = c.pos
            c.pos = target
            let open = try path(inType: inType, leaveOpen: leaveOpen)
            c.pos = resume
            return open
        default:
            throw DemangleError()
        }
        return false
    }

    /// `<T as Trait>`
    mutating func traitImpl() throws(DemangleError) {
        try print("<")
        try type()
        try print(" as ")
        try path(inType: true)
        try print(">")
    }

    /// The impl's own path (where it is defined) is not shown, only its self type.
    mutating func implPath() throws(DemangleError) {
        let wasPrinting = printing
        printing = false
        defer { printing = wasPrinting }
        _ = try disambiguator()
        try path(inType: false)
    }

    mutating func genericArgument() throws(DemangleError) {
        if c.eat("L") {
            try lifetime(base62())
        } else if c.eat("K") {
            try constant()
        } else {
            try type()
        }
    }

    static let basicTypes: [UInt8: String] = [
        UInt8(ascii: "a"): "i8", UInt8(ascii: "b"): "bool", UInt8(ascii: "c"): "char", UInt8(ascii: "d"): "f64",
        UInt8(ascii: "e"): "str", UInt8(ascii: "f"): "f32", UInt8(ascii: "h"): "u8", UInt8(ascii: "i"): "isize",
        UInt8(ascii: "j"): "usize", UInt8(ascii: "l"): "i32", UInt8(ascii: "m"): "u32", UInt8(ascii: "n"): "i128",
        UInt8(ascii: "o"): "u128", UInt8(ascii: "s"): "i16", UInt8(ascii: "t"): "u16", UInt8(ascii: "u"): "()",
        UInt8(ascii: "v"): "...", UInt8(ascii: "x"): "i64", UInt8(ascii: "y"): "u64", UInt8(ascii: "z"): "!",
        UInt8(ascii: "p"): "_",
    ]

    mutating func type() throws(DemangleError) {
        try c.enter()
        defer { c.leave() }
        let start = c.pos
        let tag = try c.next()
        if let basic = Self.basicTypes[tag] { return try print(basic) }
        switch tag {
        case UInt8(ascii: "A"), UInt8(ascii: "S"):
            try print("[")
            try type()
            if tag == UInt8(ascii: "A") {
                try print("; ")
                try constant()
            }
            try print("]")
        case UInt8(ascii: "T"):
            try print("(")
            var count = 0
            while !c.eat("E") {
                if count > 0 { try print(", ") }
                try type()
                count += 1
            }
            try print(count == 1 ? ",)" : ")")
        case UInt8(ascii: "R"), UInt8(ascii: "Q"):
            try print("&")
            if c.eat("L") {
                let index = try base62()
                if index != 0 {
                    try lifetime(index)
                    try print(" ")
                }
            }
            if tag == UInt8(ascii: "Q") { try print("mut ") }
            try type()
        case UInt8(ascii: "P"):
            try print("*const ")
            try type()
        case UInt8(ascii: "O"):
            try print("*mut ")
            try type()
        case UInt8(ascii: "F"):
            try functionSignature()
        case UInt8(ascii: "D"):
            try dynBounds()
            try c.expect("L")
            let index = try base62()
            if index != 0 {
                try print(" + ")
                try lifetime(index)
            }
        case UInt8(ascii: "B"):
            let target = try backref(before: start)
            guard printing else { return }
            let resume = c.pos
            c.pos = target
            try type()
            c.pos = resume
        default:
            c.pos = start
            try path(inType: true)
        }
    }

    mutating func functionSignature() throws(DemangleError) {
        let outerLifetimes = boundLifetimes
        defer { boundLifetimes = outerLifetimes }
        try binder()
        if c.eat("U") { try print("unsafe ") }
        if c.eat("K") {
            if c.eat("C") {
                try print("extern \"C\" ")
            } else {
                let (punycode, name) = try undisambiguatedIdentifier()
                guard !punycode else { throw DemangleError() }
                try print("extern \"\(String(name.map { $0 == "_" ? "-" : $0 }))\" ")
            }
        }
        try print("fn(")
        var count = 0
        while !c.eat("E") {
            if count > 0 { try print(", ") }
            try type()
            count += 1
        }
        try print(")")
        if !c.eat("u") {
            try print(" -> ")
            try type()
        }
    }

    mutating func dynBounds() throws(DemangleError) {
        let outerLifetimes = boundLifetimes
        defer { boundLifetimes = outerLifetimes }
        try print("dyn ")
        try binder()
        var count = 0
        while !c.eat("E") {
            if count > 0 { try print(" + ") }
            var open = try path(inType: true, leaveOpen: true)
            while c.eat("p") {
                try print(open ? ", " : "<")
                open = true
                let (punycode, name) = try undisambiguatedIdentifier()
                guard !punycode else { throw DemangleError() }
                try print(name + " = ")
                try type()
            }
            if open { try print(">") }
            count += 1
        }
    }

    /// `for<'a, 'b> `
    mutating func binder() throws(DemangleError) {
        guard c.eat("G") else { return }
        let count = try base62() + 1
        guard count <= c.bytes.count else { throw DemangleError() }
        try print("for<")
        for i in 0 ..< count {
            boundLifetimes += 1
            if i > 0 { try print(", ") }
            try lifetime(1)
        }
        try print("> ")
    }

    /// 0 is the erased lifetime `'_`; others count back through the binders in scope.
    mutating func lifetime(_ index: Int) throws(DemangleError) {
        if index == 0 { return try print("'_") }
        guard index <= boundLifetimes else { throw DemangleError() }
        let depth = boundLifetimes - index
        if depth < 26 {
            try print("'" + String(Unicode.Scalar(UInt8(ascii: "a") + UInt8(depth))))
        } else {
            try print("'_\(depth)")
        }
    }

    mutating func constant() throws(DemangleError) {
        try c.enter()
        defer { c.leave() }
        let start = c.pos
        let tag = try c.next()
        switch tag {
        case UInt8(ascii: "p"):
            try print("_")
        case UInt8(ascii: "h"), UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "y"), UInt8(ascii: "o"), UInt8(ascii: "j"):
            try integerConstant()
        case UInt8(ascii: "a"), UInt8(ascii: "s"), UInt8(ascii: "l"), UInt8(ascii: "x"), UInt8(ascii: "n"), UInt8(ascii: "i"):
            if c.eat("n") { try print("-") }
            try integerConstant()
        case UInt8(ascii: "b"):
            let (value, digits) = try hexNumber()
            guard digits.count <= 1, value <= 1 else { throw DemangleError() }
            try print(value == 0 ? "false" : "true")
        case UInt8(ascii: "c"):
            let (value, digits) = try hexNumber()
            guard digits.count <= 6, let scalar = Unicode.Scalar(UInt32(value)) else { throw DemangleError() }
            try print(Self.charLiteral(scalar))
        case UInt8(ascii: "B"):
            let target = try backref(before: start)
            guard printing else { return }
            let resume = c.pos
            c.pos = target
            try constant()
            c.pos = resume
        default:
            throw DemangleError()
        }
    }

    static func charLiteral(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": return "'\\t'"
        case "\r": return "'\\r'"
        case "\n": return "'\\n'"
        case "\\": return "'\\\\'"
        case "'": return "'\\''"
        default:
            if scalar.value >= 0x20, scalar.value < 0x7f { return "'\(scalar)'" }
            return "'\\u{\(String(scalar.value, radix: 16))}'"
        }
    }

    /// Decimal when it fits 64 bits, else the hex digits as given.
    mutating func integerConstant() throws(DemangleError) {
        let (value, digits) = try hexNumber()
        try print(digits.count <= 16 ? String(value) : "0x" + digits)
    }

    /// Lowercase hex digits ending in `_`, no leading zero (`0_` is zero).
    mutating func hexNumber() throws(DemangleError) -> (UInt64, String) {
        var digits = ""
        if c.eat("0") {
            try c.expect("_")
            return (0, "0")
        }
        while !c.eat("_") {
            let d = try c.next()
            guard Demangle.isHexDigit(d) else { throw DemangleError() }
            digits.unicodeScalars.append(Unicode.Scalar(d))
            guard digits.count <= 32 else { throw DemangleError() }
        }
        return (UInt64(digits.suffix(16), radix: 16) ?? 0, digits.isEmpty ? "0" : digits)
    }

    /// The position a backref points at: strictly before the backref, so every loop
    /// through backrefs is cut by the depth bound.
    mutating func backref(before start: Int) throws(DemangleError) -> Int {
        let target = try base62()
        guard target < start else { throw DemangleError() }
        return target
    }

    mutating func disambiguator() throws(DemangleError) -> UInt64 {
        guard c.eat("s") else { return 0 }
        let value = try wideBase62()
        guard value < UInt64.max else { throw DemangleError() }
        return value + 1
    }

    mutating func identifier() throws(DemangleError) -> (disambiguator: UInt64, name: String) {
        let disambiguator = try disambiguator()
        let (punycode, name) = try undisambiguatedIdentifier()
        guard !punycode else { throw DemangleError() }
        return (disambiguator, name)
    }

    mutating func undisambiguatedIdentifier() throws(DemangleError) -> (punycode: Bool, name: String) {
        let punycode = c.eat("u")
        let length = try c.decimal()
        _ = c.eat("_")
        return (punycode, String(decoding: try c.take(length), as: UTF8.self))
    }

    /// A base-62 number small enough to be a position or a count.
    mutating func base62() throws(DemangleError) -> Int {
        let value = try wideBase62()
        guard value <= UInt64(Demangle.maxSymbolLength) else { throw DemangleError() }
        return Int(value)
    }

    /// `_` is 0; digits 0-9 a-z A-Z then `_` are the value plus one (disambiguators are 64-bit hashes).
    mutating func wideBase62() throws(DemangleError) -> UInt64 {
        if c.eat("_") { return 0 }
        var value: UInt64 = 0
        while !c.eat("_") {
            let ch = try c.next()
            let digit: UInt64
            if Demangle.isDigit(ch) { digit = UInt64(ch - UInt8(ascii: "0")) }
            else if Demangle.isLower(ch) { digit = UInt64(ch - UInt8(ascii: "a")) + 10 }
            else if Demangle.isUpper(ch) { digit = UInt64(ch - UInt8(ascii: "A")) + 36 }
            else { throw DemangleError() }
            let (times, o1) = value.multipliedReportingOverflow(by: 62)
            let (sum, o2) = times.addingReportingOverflow(digit)
            guard !o1, !o2 else { throw DemangleError() }
            value = sum
        }
        guard value < UInt64.max else { throw DemangleError() }
        return value + 1
    }
}
