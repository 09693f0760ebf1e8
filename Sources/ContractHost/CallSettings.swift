import WasmVM

/// A call of a bare module over an empty chain, as given on the command line
/// (`--call`, `--params`, `--args`, `--caller`, `--fuel`, `--height`). Raw strings:
/// validation happens in `ChainSnapshot.bare`, which names the option in errors.
public struct CallSettings: Sendable, Equatable {
    public var function: String?
    public var params: String?
    public var args: [String]
    public var caller: String?
    public var fuel: UInt64?
    public var height: UInt64?

    public init(function: String? = nil, params: String? = nil, args: [String] = [], caller: String? = nil,
                fuel: UInt64? = nil, height: UInt64? = nil) {
        self.function = function; self.params = params; self.args = args; self.caller = caller; self.fuel = fuel; self.height = height
    }

    public var isEmpty: Bool { self == CallSettings() }
}

extension ChainSnapshot {
    /// A snapshot for running `module` (loaded from `modulePath`) over an empty chain.
    /// Without `--call`, the module's only exported function is called.
    public static func bare(modulePath: String, module: Module, settings: CallSettings) throws(InputError) -> ChainSnapshot {
        let function: String
        if let f = settings.function {
            function = f
        } else {
            let names = module.exports.filter { $0.kind == .function }.map(\.name)
            guard names.count == 1 else {
                throw InputError(file: modulePath, message: names.isEmpty ? "exports no function to call"
                    : "--call is required: the module exports \(names.count) functions (\(names.joined(separator: ", ")))")
            }
            function = names[0]
        }
        var call = Call(function: function, fuel: settings.fuel ?? defaultFuel)
        if let p = settings.params {
            do { call.params = try JSONValue.parse(p) } catch {
                throw InputError(file: "--params", place: error.place, message: "invalid JSON: \(error.message)")
            }
        }
        for a in settings.args { call.args.append(try CallSettings.argument(a)) }
        var caller = defaultCaller
        if let c = settings.caller {
            guard let a = Address(c) else { throw InputError(file: "--caller", message: "expected a 42-character 0x address") }
            caller = a
        }
        return ChainSnapshot(block: Block(height: settings.height ?? 1), code: .file(modulePath), caller: caller,
                             call: call, file: modulePath, baseDirectory: "")
    }
}

extension ChainSnapshot {
    /// The snapshot with command-line settings applied over its call (each option overrides one field).
    public func applying(_ settings: CallSettings) throws(InputError) -> ChainSnapshot {
        var s = self
        if let f = settings.function { s.call.function = f }
        if let p = settings.params {
            do { s.call.params = try JSONValue.parse(p) } catch {
                throw InputError(file: "--params", place: error.place, message: "invalid JSON: \(error.message)")
            }
        }
        if !settings.args.isEmpty {
            s.call.args = []
            for a in settings.args { s.call.args.append(try CallSettings.argument(a)) }
        }
        if let c = settings.caller {
            guard let a = Address(c) else { throw InputError(file: "--caller", message: "expected a 42-character 0x address") }
            s.caller = a
        }
        if let f = settings.fuel { s.call.fuel = f }
        if let h = settings.height { s.block.height = h }
        return s
    }
}

extension CallSettings {
    /// Accepted integer ranges of typed values: signed or unsigned, as wasm integers are both.
    static let integerRanges = ["i32": "-2147483648...4294967295", "i64": "-9223372036854775808...18446744073709551615"]

    /// One `--args` value; an integer out of its type's range says the range.
    static func argument(_ text: String) throws(InputError) -> Value {
        do throws(V128ParseError) {
            if let v = try Value.parseTyped(text) { return v }
        } catch { throw InputError(file: "--args", message: "\"\(text)\": \(error.message)") }
        if let colon = text.firstIndex(of: ":"), let range = integerRanges[String(text[..<colon])] {
            let body = text[text.index(after: colon)...].drop { $0 == "-" }
            let digits = body.hasPrefix("0x") ? body.dropFirst(2) : body
            if !digits.isEmpty, digits.allSatisfy(\.isHexDigit), body.hasPrefix("0x") || digits.allSatisfy(\.isNumber) {
                throw InputError(file: "--args", message: "\"\(text)\" is out of range: \(text[..<colon]) takes \(range)")
            }
        }
        throw InputError(file: "--args", message: "\"\(text)\" is not a typed value such as i32:5, i64:-1, f64:1.5 or v128:i32x4:1,2,3,4")
    }
}
