import WasmVM

/// Maps the reference interpreter's trap messages (what `assert_trap` names) to our trap kinds.
enum WastTrapMessages {
    /// Message prefixes, longest first so that a more specific one wins.
    private static let table: [(prefix: String, kinds: Set<TrapKind>)] = [
        ("out of bounds memory access", [.memoryOutOfBounds]),
        ("out of bounds table access", [.tableOutOfBounds]),
        ("indirect call type mismatch", [.indirectCallTypeMismatch]),
        ("invalid conversion to integer", [.invalidConversion]),
        ("integer divide by zero", [.integerDivideByZero]),
        ("uninitialized element", [.uninitializedElement]),
        // 2.0: `call_indirect` with an index past the end of the table.
        ("undefined element", [.tableOutOfBounds]),
        ("call stack exhausted", [.callStackExhausted]),
        ("null function reference", [.nullReference, .uninitializedElement]),
        ("null reference", [.nullReference]),
        ("integer overflow", [.integerOverflow]),
        ("unreachable", [.unreachable]),
        ("out of fuel", [.outOfFuel]),
    ]

    /// The trap kinds that satisfy a spec message, or nil for a message we do not know.
    static func kinds(for message: String) -> Set<TrapKind>? {
        table.first { message.hasPrefix($0.prefix) }?.kinds
    }

    /// Whether `trap` is what `message` expects. Unknown messages fall back to comparing text.
    static func matches(_ trap: Trap, _ message: String) -> Bool {
        if let kinds = kinds(for: message) { return kinds.contains(trap.kind) }
        return trap.message.hasPrefix(message)
    }
}
