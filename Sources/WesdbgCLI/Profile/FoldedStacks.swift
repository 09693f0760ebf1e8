import ContractHost

/// Brendan Gregg's folded stacks: `transfer;wes_json_find;wes_json_skip 6763`, one line
/// per distinct stack, counts = self fuel, sorted by stack (as `flamegraph.pl` and
/// inferno read them; speedscope imports them too).
enum FoldedStacks {
    /// A frame name safe inside a folded line (`;` separates frames, a line ends the record).
    static func frame(_ name: String) -> String {
        String(name.map { $0 == ";" ? ":" : $0.isNewline ? " " : $0 })
    }

    /// Stacks as folded keys with their fuel, merged and sorted (byte order: deterministic).
    static func lines(_ profile: FuelProfile) -> [(stack: String, fuel: UInt64)] {
        var merged: [String: UInt64] = [:]
        for s in profile.stacks where s.fuel > 0 { merged[s.names.map(frame).joined(separator: ";"), default: 0] += s.fuel }
        return merged.map { ($0.key, $0.value) }.sorted { Array($0.stack.utf8).lexicographicallyPrecedes(Array($1.stack.utf8)) }
    }

    static func text(_ profile: FuelProfile) -> String {
        lines(profile).map { "\($0.stack) \($0.fuel)\n" }.joined()
    }
}
