extension ItaniumDemangler {
    /// A type; every one but builtins and plain substitutions becomes a substitution candidate.
    mutating func type() throws(DemangleError) -> ItaniumType {
        try c.enter()
        defer { c.leave() }
        guard let tag = c.peek else { throw DemangleError() }
        if let builtin = ItaniumType.builtins[tag] {
            c.pos += 1
            return .name(builtin)
        }
        let result: ItaniumType
        switch tag {
        case UInt8(ascii: "D"):
            c.pos += 1
            if c.eat("p") {
                result = .name(try type().text + "...")
            } else {
                guard let builtin = ItaniumType.extendedBuiltins[try c.next()] else { throw DemangleError() }
                return .name(builtin)
            }
        case UInt8(ascii: "u"):
            c.pos += 1
            result = .name(try sourceName())
        case UInt8(ascii: "P"):
            c.pos += 1
            result = .pointer(try type())
        case UInt8(ascii: "R"):
            c.pos += 1
            result = .lvalueReference(try type())
        case UInt8(ascii: "O"):
            c.pos += 1
            result = .rvalueReference(try type())
        case UInt8(ascii: "K"), UInt8(ascii: "V"), UInt8(ascii: "r"):
            let quals = cvQualifiers()
            result = .qualified(try type(), quals: quals)
        case UInt8(ascii: "F"):
            result = try functionType()
        case UInt8(ascii: "A"):
            c.pos += 1
            var dimension = ""
            if let d = c.peek, Demangle.isDigit(d) { dimension = String(try c.decimal()) }
            try c.expect("_")
            result = .array(try type(), dimension: dimension)
        case UInt8(ascii: "M"):
            c.pos += 1
            let owner = try type()
            result = .memberPointer(class: owner, member: try type())
        case UInt8(ascii: "T"):
            var parameter = try templateParameter()
            if c.peek == UInt8(ascii: "I") {
                substitutions.append(parameter)
                parameter = .name(try parameter.text + templateArguments(tagging: false))
            }
            result = parameter
        case UInt8(ascii: "S") where c.bytes.dropFirst(c.pos + 1).first != UInt8(ascii: "t"):
            let substituted = try substitution()
            guard c.peek == UInt8(ascii: "I") else { return substituted }
            result = .name(try substituted.text + templateArguments(tagging: false))
        default:
            result = .name(try name(tagging: false).text)
        }
        // Substitutions can double a type at each step: bound what any one may print.
        guard result.text.utf8.count <= Demangle.maxOutput else { throw DemangleError() }
        substitutions.append(result)
        return result
    }

    /// `F [Y] returns parameters [R|O] E`
    mutating func functionType() throws(DemangleError) -> ItaniumType {
        try c.expect("F")
        _ = c.eat("Y")  // extern "C"
        let returns = try type()
        var parameters: [ItaniumType] = []
        var trailing = ""
        while !c.eat("E") {
            // A ref-qualifier is `R` or `O` just before the end; elsewhere they are reference types.
            if c.bytes.dropFirst(c.pos + 1).first == UInt8(ascii: "E") {
                if c.eat("R") { trailing = " &" } else if c.eat("O") { trailing = " &&" }
            }
            if c.eat("E") { break }
            parameters.append(try type())
        }
        guard !parameters.isEmpty else { throw DemangleError() }
        return .function(returns: returns, parameters: parameters, trailing: trailing)
    }

    /// `S_`, `S0_`… (base 36), or a standard abbreviation (`Sa`, `Ss`).
    mutating func substitution() throws(DemangleError) -> ItaniumType {
        try c.expect("S")
        if c.eat("_") {
            guard let first = substitutions.first else { throw DemangleError() }
            return first
        }
        guard let next = c.peek else { throw DemangleError() }
        if let standard = ItaniumType.standardSubstitutions[next] {
            c.pos += 1
            return .name(standard)
        }
        let index = try seqID() + 1
        guard index < substitutions.count else { throw DemangleError() }
        return substitutions[index]
    }

    /// `T_` is the first template argument of the function named, `T0_` the second…
    mutating func templateParameter() throws(DemangleError) -> ItaniumType {
        try c.expect("T")
        let index = c.eat("_") ? 0 : try seqID() + 1
        guard index < templateParameters.count else { throw DemangleError() }
        return templateParameters[index]
    }

    /// Base-36 digits (0-9 A-Z) ending in `_`.
    mutating func seqID() throws(DemangleError) -> Int {
        var value = 0
        var digits = 0
        while !c.eat("_") {
            let ch = try c.next()
            let digit: Int
            if Demangle.isDigit(ch) { digit = Int(ch - UInt8(ascii: "0")) }
            else if Demangle.isUpper(ch) { digit = Int(ch - UInt8(ascii: "A")) + 10 }
            else { throw DemangleError() }
            value = value * 36 + digit
            digits += 1
            guard value < 1 << 32 else { throw DemangleError() }
        }
        guard digits > 0 else { throw DemangleError() }
        return value
    }

    /// `name<args>`; `operator<< <T>` keeps its operator apart from the arguments.
    mutating func withTemplateArguments(_ name: String, tagging: Bool) throws(DemangleError) -> String {
        try name + (name.hasSuffix("<") ? " " : "") + templateArguments(tagging: tagging)
    }

    /// `I args E` printed `<int, std::allocator<int> >` (c++filt keeps `> >` apart).
    mutating func templateArguments(tagging: Bool) throws(DemangleError) -> String {
        try c.expect("I")
        var arguments: [ItaniumType] = []
        while !c.eat("E") {
            try c.enter()
            defer { c.leave() }
            arguments.append(try templateArgument())
        }
        if tagging { templateParameters = arguments }
        let text = arguments.map(\.text).joined(separator: ", ")
        guard text.utf8.count <= Demangle.maxOutput else { throw DemangleError() }
        return "<" + text + (text.hasSuffix(">") ? " >" : ">")
    }

    mutating func templateArgument() throws(DemangleError) -> ItaniumType {
        if c.eat("L") { return .name(try literal()) }
        if c.eat("J") {
            var pack: [String] = []
            while !c.eat("E") { pack.append(try templateArgument().text) }
            return .name(pack.joined(separator: ", "))
        }
        return try type()
    }

    /// `L type value E`: `5`, `5u`, `true`, `(char)97`, or `L_Z encoding E`.
    mutating func literal() throws(DemangleError) -> String {
        if c.eat("_") {
            try c.expect("Z")
            let text = try encoding()
            try c.expect("E")
            return text
        }
        guard let tag = c.peek else { throw DemangleError() }
        // An enumerator or other class-typed value: `(__gnu_cxx::_Lock_policy)2`.
        let cast: String? = ItaniumType.builtins[tag] == nil ? try type().text : nil
        if cast == nil { c.pos += 1 }
        let negative = c.eat("n")
        var value = ""
        while let d = c.peek, Demangle.isDigit(d) {
            value.unicodeScalars.append(Unicode.Scalar(d))
            c.pos += 1
        }
        guard !value.isEmpty else { throw DemangleError() }
        try c.expect("E")
        let number = (negative ? "-" : "") + value
        if let cast { return "(\(cast))" + number }
        if tag == UInt8(ascii: "b") {
            guard !negative, value == "0" || value == "1" else { throw DemangleError() }
            return value == "1" ? "true" : "false"
        }
        if let suffix = ItaniumType.literalSuffixes[tag] { return number + suffix }
        if let cast = ItaniumType.castLiterals[tag] { return "(\(cast))" + number }
        throw DemangleError()
    }
}
