extension ExecutionResult {
    /// The human-readable report of `wesdbg run` without `--json`.
    public var text: String {
        var lines: [String] = []
        var status = "status: \(self.status.rawValue)"
        if let code { status += " (code \(code))" }
        lines.append(status)
        if !results.isEmpty { lines.append("results: " + results.map { $0.typedText(v128: v128Shape) }.joined(separator: ", ")) }
        if let trap {
            var t = "trap: \(trap.kind.rawValue): \(trap.message)"
            if let f = trapFunction { t += " in \(f)" }
            if let o = trap.offset { t += " at offset 0x\(String(o, radix: 16))" }
            lines.append(t)
        }
        lines.append("fuel: \(fuelUsed) used of \(fuelLimit)")
        lines.append("host calls: \(hostCalls)")
        lines.append("draft (\(committed ? "committed" : "discarded")):" + (draft.isEmpty ? " empty" : ""))
        if !draft.inputs.isEmpty { lines.append("  inputs:"); lines += draft.inputs.map { "    \($0)" } }
        if !draft.outputs.isEmpty {
            lines.append("  outputs:")
            lines += draft.outputs.indices.map { "    [\($0)] \(draft.outputSummary(at: $0))" }
        }
        if !draft.stateWrites.isEmpty {
            lines.append("  state writes:")
            lines += draft.stateWrites.map { "    \(displayBytes($0.key, digest: $0.keyDigest)) = \(displayBytes($0.value, digest: $0.valueDigest))" }
        }
        if !draft.events.isEmpty {
            lines.append("  events:")
            lines += draft.events.map { "    \(displayBytes($0.name, digest: $0.nameDigest)) \(displayBytes($0.data, digest: $0.dataDigest))" }
        }
        if let r = draft.returnData { lines.append("  return data: \(displayBytes(r, limit: 256, digest: draft.returnDataDigest))") }
        if let edits { lines += edits.lines }
        if let expected {
            let actual = Expectation(of: self)
            lines.append(expected.matches(actual) ? "expect: matches (\(expected.json.compactText))"
                         : "expect: DOES NOT MATCH: expected \(expected.json.compactText), got \(actual.json.compactText)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
