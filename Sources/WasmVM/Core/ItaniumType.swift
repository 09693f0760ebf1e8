/// A C++ type read from an Itanium mangled name, kept structured until printed
/// because C++ declarators nest inside out (`void (*)(int)`, `int (&) [10]`).
indirect enum ItaniumType: Sendable {
    case name(String)
    /// `quals` is " const", " volatile"… as c++filt places them: after what they qualify.
    case qualified(ItaniumType, quals: String)
    case pointer(ItaniumType)
    case lvalueReference(ItaniumType)
    case rvalueReference(ItaniumType)
    /// `trailing`: a function type's own cv- and ref-qualifiers.
    case function(returns: ItaniumType, parameters: [ItaniumType], trailing: String)
    case array(ItaniumType, dimension: String)
    case memberPointer(class: ItaniumType, member: ItaniumType)

    var text: String { rendered(around: "") }

    /// The type with `inner` (a declarator: `*`, `(&)`, a name) placed where C++ puts it.
    func rendered(around inner: String) -> String {
        switch self {
        case .name(let name):
            return name + inner
        case .qualified(.function(let r, let p, let t), let quals):
            return ItaniumType.function(returns: r, parameters: p, trailing: t + quals).rendered(around: inner)
        case .qualified(let base, let quals):
            return base.rendered(around: quals + inner)
        case .pointer(let base):
            return base.rendered(around: base.parenthesized("*" + inner))
        case .lvalueReference(let base):
            return base.rendered(around: base.parenthesized("&" + inner))
        case .rvalueReference(let base):
            return base.rendered(around: base.parenthesized("&&" + inner))
        case .function(let returns, let parameters, let trailing):
            return returns.text + " " + inner + "(" + Self.parameterList(parameters) + ")" + trailing
        case .array(let element, let dimension):
            return element.text + " " + (inner.isEmpty ? "" : inner + " ") + "[" + dimension + "]"
        case .memberPointer(let owner, let member):
            switch member {
            case .function, .qualified(.function, _): return member.rendered(around: "(" + owner.text + "::*" + inner + ")")
            default: break
            }
            return member.rendered(around: " " + owner.text + "::*" + inner)
        }
    }

    /// A pointer or reference to a function or an array needs parentheses.
    private func parenthesized(_ declarator: String) -> String {
        switch self {
        case .function, .array, .qualified(.function, _): return "(" + declarator + ")"
        default: return declarator
        }
    }

    /// `(void)` is printed `()`.
    static func parameterList(_ parameters: [ItaniumType]) -> String {
        if parameters.count == 1, case .name("void") = parameters[0] { return "" }
        return parameters.map(\.text).joined(separator: ", ")
    }

    static let builtins: [UInt8: String] = [
        UInt8(ascii: "v"): "void", UInt8(ascii: "w"): "wchar_t", UInt8(ascii: "b"): "bool", UInt8(ascii: "c"): "char",
        UInt8(ascii: "a"): "signed char", UInt8(ascii: "h"): "unsigned char", UInt8(ascii: "s"): "short",
        UInt8(ascii: "t"): "unsigned short", UInt8(ascii: "i"): "int", UInt8(ascii: "j"): "unsigned int",
        UInt8(ascii: "l"): "long", UInt8(ascii: "m"): "unsigned long", UInt8(ascii: "x"): "long long",
        UInt8(ascii: "y"): "unsigned long long", UInt8(ascii: "n"): "__int128", UInt8(ascii: "o"): "unsigned __int128",
        UInt8(ascii: "f"): "float", UInt8(ascii: "d"): "double", UInt8(ascii: "e"): "long double",
        UInt8(ascii: "g"): "__float128", UInt8(ascii: "z"): "...",
    ]

    /// `D` + letter.
    static let extendedBuiltins: [UInt8: String] = [
        UInt8(ascii: "n"): "decltype(nullptr)", UInt8(ascii: "a"): "auto", UInt8(ascii: "c"): "decltype(auto)",
        UInt8(ascii: "i"): "char32_t", UInt8(ascii: "s"): "char16_t", UInt8(ascii: "u"): "char8_t",
        UInt8(ascii: "h"): "half", UInt8(ascii: "f"): "decimal32", UInt8(ascii: "d"): "decimal64",
        UInt8(ascii: "e"): "decimal128",
    ]

    /// `Sa`, `Ss`…: the abbreviations every compiler uses for the standard library,
    /// expanded as c++filt does.
    static let standardSubstitutions: [UInt8: String] = [
        UInt8(ascii: "a"): "std::allocator",
        UInt8(ascii: "b"): "std::basic_string",
        UInt8(ascii: "s"): "std::basic_string<char, std::char_traits<char>, std::allocator<char> >",
        UInt8(ascii: "i"): "std::basic_istream<char, std::char_traits<char> >",
        UInt8(ascii: "o"): "std::basic_ostream<char, std::char_traits<char> >",
        UInt8(ascii: "d"): "std::basic_iostream<char, std::char_traits<char> >",
    ]

    /// What a constructor of `name` is called: its last component without template arguments.
    static func baseName(of name: String) -> String {
        var text = Substring(name)
        if text.hasSuffix(">") {
            var depth = 0
            for i in text.indices.reversed() {
                if text[i] == ">" { depth += 1 } else if text[i] == "<" { depth -= 1 }
                if depth == 0 { text = text[..<i]; break }
            }
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: true)
        return parts.last.map(String.init) ?? String(text)
    }

    static let operators: [String: String] = [
        "nw": "new", "na": "new[]", "dl": "delete", "da": "delete[]", "ps": "+", "ng": "-", "ad": "&", "de": "*",
        "co": "~", "pl": "+", "mi": "-", "ml": "*", "dv": "/", "rm": "%", "an": "&", "or": "|", "eo": "^",
        "aS": "=", "pL": "+=", "mI": "-=", "mL": "*=", "dV": "/=", "rM": "%=", "aN": "&=", "oR": "|=", "eO": "^=",
        "ls": "<<", "rs": ">>", "lS": "<<=", "rS": ">>=", "eq": "==", "ne": "!=", "lt": "<", "gt": ">",
        "le": "<=", "ge": ">=", "ss": "<=>", "nt": "!", "aa": "&&", "oo": "||", "pp": "++", "mm": "--",
        "cm": ",", "pm": "->*", "pt": "->", "cl": "()", "ix": "[]", "qu": "?",
    ]

    /// Integer literal suffixes of template arguments (`5u`, `5ul`).
    static let literalSuffixes: [UInt8: String] = [
        UInt8(ascii: "i"): "", UInt8(ascii: "j"): "u", UInt8(ascii: "l"): "l", UInt8(ascii: "m"): "ul",
        UInt8(ascii: "x"): "ll", UInt8(ascii: "y"): "ull",
    ]

    /// Literals of the other integer types are printed as casts: `(char)97`.
    static let castLiterals: [UInt8: String] = [
        UInt8(ascii: "c"): "char", UInt8(ascii: "a"): "signed char", UInt8(ascii: "h"): "unsigned char",
        UInt8(ascii: "s"): "short", UInt8(ascii: "t"): "unsigned short", UInt8(ascii: "w"): "wchar_t",
    ]
}
