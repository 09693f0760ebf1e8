/// Itanium C++ ABI names (`_Z…`) for the common cases, printed as binutils'
/// c++filt prints them: nested and local names, constructors, destructors,
/// operators, ABI tags, builtin and compound types in parameters, `std::`
/// and back substitutions, templates with type and integer arguments,
/// template parameters, vtables and typeinfo. Expressions in template
/// arguments, lambdas and other rarities are refused (the raw name is shown).
struct ItaniumDemangler {
    struct Name {
        var text: String
        var endsWithTemplateArgs = false
        var isCtorDtorOrConversion = false
        /// A member function's own cv- and ref-qualifiers (` const`).
        var qualifiers = ""
        /// The last component without template arguments: what a constructor is named after.
        var baseName = ""
    }

    var c: ManglingCursor
    var substitutions: [ItaniumType] = []
    /// The template arguments of the function being named, for `T_`.
    var templateParameters: [ItaniumType] = []

    init(_ bytes: ArraySlice<UInt8>) { c = ManglingCursor(bytes) }

    mutating func symbol() throws(DemangleError) -> String {
        let text: String
        if c.eat("T") {
            if c.eat("h") {
                try callOffset()
                text = try "non-virtual thunk to " + encoding()
            } else if c.eat("v") {
                try callOffset()
                try callOffset()
                text = try "virtual thunk to " + encoding()
            } else {
                text = try specialName()
            }
        } else if c.eat("G") {
            if c.eat("T") {
                guard c.eat("t") || c.eat("n") else { throw DemangleError() }
                text = try "transaction clone for " + encoding()
            } else {
                try c.expect("V")
                text = try "guard variable for " + name(tagging: false).text
            }
        } else {
            text = try encoding()
        }
        guard c.atEnd else { throw DemangleError() }
        return text
    }

    /// A thunk's `[n]N_` adjustment, which c++filt does not print.
    mutating func callOffset() throws(DemangleError) {
        _ = c.eat("n")
        _ = try c.decimal()
        try c.expect("_")
    }

    mutating func specialName() throws(DemangleError) -> String {
            let kind = switch try c.next() {
            case UInt8(ascii: "V"): "vtable for "
            case UInt8(ascii: "I"): "typeinfo for "
            case UInt8(ascii: "S"): "typeinfo name for "
            case UInt8(ascii: "T"): "VTT for "
            default: throw DemangleError()
            }
            return try kind + type().text
    }

    /// A function (name and parameter types) or a data name.
    mutating func encoding() throws(DemangleError) -> String {
        try c.enter()
        defer { c.leave() }
        let name = try name(tagging: true)
        guard let next = c.peek, next != UInt8(ascii: "E") else { return name.text }
        var returns: ItaniumType?
        if name.endsWithTemplateArgs && !name.isCtorDtorOrConversion { returns = try type() }
        var parameters: [ItaniumType] = []
        while let next = c.peek, next != UInt8(ascii: "E") { parameters.append(try type()) }
        guard !parameters.isEmpty else { throw DemangleError() }
        let function = name.text + "(" + ItaniumType.parameterList(parameters) + ")" + name.qualifiers
        let text = returns.map { $0.text + " " + function } ?? function
        guard text.utf8.count <= Demangle.maxOutput else { throw DemangleError() }
        return text
    }

    /// `tagging`: this is the function's own name, whose template arguments `T_` refers to.
    mutating func name(tagging: Bool) throws(DemangleError) -> Name {
        try c.enter()
        defer { c.leave() }
        switch c.peek {
        case UInt8(ascii: "N"): return try nestedName(tagging: tagging)
        case UInt8(ascii: "Z"): return try localName()
        default: break
        }
        var name: Name
        if c.eat("S") {
            if c.eat("t") {
                name = try unqualifiedName()
                name.text = "std::" + name.text
            } else {
                c.pos -= 1
                name = Name(text: try substitution().text)
                guard c.peek == UInt8(ascii: "I") else { throw DemangleError() }
            }
        } else {
            _ = c.eat("L")  // internal linkage
            name = try unqualifiedName()
        }
        if c.peek == UInt8(ascii: "I") {
            substitutions.append(.name(name.text))
            name.text = try withTemplateArguments(name.text, tagging: tagging)
            name.endsWithTemplateArgs = true
        }
        return name
    }

    mutating func nestedName(tagging: Bool) throws(DemangleError) -> Name {
        try c.expect("N")
        var name = Name(text: "")
        name.qualifiers = cvQualifiers()
        if c.eat("R") { name.qualifiers += " &" } else if c.eat("O") { name.qualifiers += " &&" }
        var soFar: String?
        if c.eat("S") {
            if c.eat("t") {
                soFar = "std"
            } else {
                c.pos -= 1
                let text = try substitution().text
                soFar = text
                name.baseName = ItaniumType.baseName(of: text)
            }
        }
        while !c.eat("E") {
            try c.enter()
            defer { c.leave() }
            if c.peek == UInt8(ascii: "I") {
                // Template arguments complete the component before them (a constructor stays one).
                guard let prefix = soFar else { throw DemangleError() }
                soFar = try withTemplateArguments(prefix, tagging: tagging)
                name.endsWithTemplateArgs = true
                substitutions.append(.name(soFar ?? ""))
                continue
            }
            name.endsWithTemplateArgs = false
            name.isCtorDtorOrConversion = false
            switch c.peek {
            case UInt8(ascii: "T"):
                guard soFar == nil else { throw DemangleError() }
                let text = try templateParameter().text
                soFar = text
                name.baseName = ItaniumType.baseName(of: text)
            case UInt8(ascii: "C"), UInt8(ascii: "D"):
                guard let prefix = soFar else { throw DemangleError() }
                soFar = try prefix + "::" + constructorOrDestructor(of: name.baseName)
                name.isCtorDtorOrConversion = true
            default:
                let part = try unqualifiedName()
                soFar = soFar.map { $0 + "::" + part.text } ?? part.text
                name.baseName = part.baseName
                name.isCtorDtorOrConversion = part.isCtorDtorOrConversion
            }
            guard let text = soFar, text.utf8.count <= Demangle.maxOutput else { throw DemangleError() }
            substitutions.append(.name(text))
        }
        // The whole name is not a prefix of anything: it is no substitution candidate.
        guard let text = soFar, !substitutions.isEmpty else { throw DemangleError() }
        substitutions.removeLast()
        name.text = text
        return name
    }

    /// `Z encoding E entity`: a name local to a function, `f()::counter`.
    mutating func localName() throws(DemangleError) -> Name {
        try c.expect("Z")
        let function = try encoding()
        try c.expect("E")
        var entity: Name
        if c.eat("s") {
            entity = Name(text: "string literal")
        } else {
            entity = try name(tagging: false)
        }
        // The discriminator (`_N` or `__N_`) tells same-named locals apart; c++filt omits it.
        if c.eat("_") {
            if c.eat("_") {
                _ = try c.decimal()
                try c.expect("_")
            } else {
                _ = try c.decimal()
            }
        }
        entity.text = function + "::" + entity.text
        return entity
    }

    mutating func unqualifiedName() throws(DemangleError) -> Name {
        var name: Name
        guard let first = c.peek else { throw DemangleError() }
        if Demangle.isDigit(first) {
            let source = try sourceName()
            name = Name(text: source, baseName: source)
        } else if first == UInt8(ascii: "c"), c.bytes.dropFirst(c.pos + 1).first == UInt8(ascii: "v") {
            c.pos += 2
            name = Name(text: try "operator " + type().text, isCtorDtorOrConversion: true)
        } else if Demangle.isLower(first) {
            let code = String(decoding: try c.take(2), as: UTF8.self)
            guard let op = ItaniumType.operators[code] else { throw DemangleError() }
            let separator = op.first.map { $0.isLetter } == true ? " " : ""
            name = Name(text: "operator" + separator + op)
        } else {
            throw DemangleError()
        }
        while c.eat("B") { name.text += try "[abi:" + sourceName() + "]" }
        return name
    }

    mutating func sourceName() throws(DemangleError) -> String {
        let length = try c.decimal()
        guard length > 0 else { throw DemangleError() }
        let text = String(decoding: try c.take(length), as: UTF8.self)
        return text.hasPrefix("_GLOBAL__N") ? "(anonymous namespace)" : text
    }

    mutating func constructorOrDestructor(of baseName: String) throws(DemangleError) -> String {
        guard !baseName.isEmpty else { throw DemangleError() }
        let kind = try c.next()
        let variant = try c.next()
        if kind == UInt8(ascii: "C"), (UInt8(ascii: "1") ... UInt8(ascii: "5")).contains(variant) { return baseName }
        if kind == UInt8(ascii: "D"), (UInt8(ascii: "0") ... UInt8(ascii: "5")).contains(variant) { return "~" + baseName }
        throw DemangleError()
    }

    /// `r`, `V`, `K` in that order.
    mutating func cvQualifiers() -> String {
        var quals = ""
        if c.eat("r") { quals += " restrict" }
        if c.eat("V") { quals += " volatile" }
        if c.eat("K") { quals = " const" + quals }
        return quals
    }
}
