import WAT
import WasmVM

extension WastRunner {
    func assertReturn(_ execute: WASTExecute, _ expected: [WASTExpectValue]) throws -> Outcome {
        for value in expected { try WastValues.checkSupported(value) }
        let actual: [Value]
        switch execute {
        case .invoke(let call):
            switch try invoke(call) {
            case .returned(let values): actual = values
            case .trapped(let trap):
                throw Failed("expected \(WastValues.text(expected)), trapped: \(trap)")
            }
        case .get(let module, let name):
            actual = [try global(module, name)]
        case .wat(let wat):
            // Instantiation alone (its start function) must succeed.
            let module: Module
            do { module = try Module.load(binary: try binary(.text(wat))) } catch {
                throw Failed("module failed to load: \(Self.describe(error))")
            }
            do { _ = try machine.instantiate(module, imports: { self.resolve($0) }) } catch {
                throw Failed("module failed to instantiate: \(Self.describe(error))")
            }
            actual = []
        }
        guard WastValues.matches(actual, expected, canonicalMasks: canonicalMasks) else {
            throw Failed("expected \(WastValues.text(expected)), got \(WastValues.text(actual))")
        }
        return .passed
    }

    func assertTrap(_ execute: WASTExecute, _ message: String) throws -> Outcome {
        switch execute {
        case .invoke(let call):
            switch try invoke(call) {
            case .trapped(let trap) where WastTrapMessages.matches(trap, message): return .passed
            case .trapped(let trap): throw Failed("expected trap \"\(message)\", got \(trap)")
            case .returned(let values):
                throw Failed("expected trap \"\(message)\", returned \(WastValues.text(values))")
            }
        case .get:
            throw Failed("assert_trap on a global read cannot trap")
        case .wat(let wat):
            // The module must load, then trap while instantiating (a segment out of bounds or its
            // start function). The script's current module stays what it was.
            let module: Module
            do { module = try Module.load(binary: try binary(.text(wat))) } catch {
                throw Failed("module failed to load: \(Self.describe(error))")
            }
            do {
                _ = try machine.instantiate(module, imports: { self.resolve($0) })
            } catch let trap as Trap {
                guard WastTrapMessages.matches(trap, message) else {
                    throw Failed("expected trap \"\(message)\" while instantiating, got \(trap)")
                }
                return .passed
            } catch {
                throw Failed("expected trap \"\(message)\" while instantiating, got \(Self.describe(error))")
            }
            throw Failed("expected trap \"\(message)\" while instantiating, but it instantiated")
        }
    }

    /// `assert_invalid` and `assert_malformed`: the text must not encode, or the binary must not load.
    func assertRejected(_ directive: ModuleDirective, _ message: String, kind: String) throws -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try binary(directive.source)
        } catch {
            // The text parser refused the module: that is what malformed text means.
            if kind == "malformed" { return .passed }
            // WAT resolves indices while encoding, so it already refuses an index out of range:
            // the module is rejected for the reason the script gives ("unknown local 3", ...).
            if let e = error as? WatParserError, e.description.hasPrefix("Invalid "), e.description.contains(" index ") {
                if message.hasPrefix("unknown") { return .passed }
                // Another check is asked for, but WAT cannot even encode the module to test it.
                throw WastUnsupported(reason: "WAT cannot encode this invalid module: \(Self.describe(error))")
            }
            throw Failed("expected \(kind) module (\"\(message)\"), but WAT rejected its text: \(Self.describe(error))")
        }
        do {
            _ = try Module.load(binary: bytes)
        } catch {
            // The loader must also say which: decoding (malformed) or validation (invalid).
            guard error.kind.rawValue == kind, !strictMessages || error.message.contains(message) else {
                throw Failed("expected \(kind) module (\"\(message)\"), got \(error)")
            }
            return .passed
        }
        throw Failed("expected \(kind) module (\"\(message)\"), but it loaded")
    }

    func assertUnlinkable(_ wat: Wat, _ message: String) throws -> Outcome {
        let module: Module
        do { module = try Module.load(binary: try binary(.text(wat))) } catch {
            throw Failed("module failed to load: \(Self.describe(error))")
        }
        do {
            _ = try machine.instantiate(module, imports: { self.resolve($0) })
        } catch let error as LinkError {
            guard !strictMessages || error.message.contains(message) else {
                throw Failed("expected unlinkable (\"\(message)\"), got link error: \(error)")
            }
            return .passed
        } catch {
            throw Failed("expected unlinkable (\"\(message)\"), got \(Self.describe(error))")
        }
        throw Failed("expected unlinkable (\"\(message)\"), but it instantiated")
    }
}
