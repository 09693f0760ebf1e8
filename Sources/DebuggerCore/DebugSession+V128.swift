import ContractHost
import WasmVM

/// `set v128 SHAPE|next`: how v128 values show in the stack, locals and globals (commands
/// and panes). A display setting like `set print demangle`: the execution is unchanged.
extension DebugSession {
    static let v128Usage = "usage: set v128 \(V128Shape.usage)|next"

    func setV128(_ args: [String]) throws(CommandError) -> String {
        guard args.count == 1 else { throw CommandError(Self.v128Usage) }
        if args[0] == "next" {
            v128Shape = v128Shape.next
        } else {
            guard let shape = V128Shape(rawValue: args[0]) else {
                throw CommandError("set v128: unknown shape '\(args[0])' (\(V128Shape.usage), or next)")
            }
            v128Shape = shape
        }
        invalidate()
        return "v128 values show as \(v128Shape == .hex ? "hex (v128 0x…, lane 15's byte first)" : "\(v128Shape) lanes, lane 0 first")"
    }
}

/// `print stack[K]`, `print local.N`, `print global.N`, `print $name`, optionally with a shape
/// (`print stack[0].i32x4`) or one lane (`print local.1.f32x4[2]`): wasm values, with or
/// without debug info (a source expression never starts so).
extension DebugSession {
    static func isWasmTerm(_ text: String) -> Bool {
        ["stack[", "local.", "local[", "global.", "global[", "$"].contains { text.hasPrefix($0) }
    }

    func printWasmValue(_ text: String) throws(CommandError) -> String {
        guard let frame = selectedFrameInfo else { throw CommandError("print: the call is not under way") }
        // The base ends at the first '.' after its index (`local.1.i32x4[2]`: after `local.1`).
        var base = Substring(text), rest = Substring("")
        let start = text.hasPrefix("$") ? text.index(after: text.startIndex)
            : text.index(text.firstIndex { $0 == "." || $0 == "[" }!, offsetBy: 1)
        if let dot = text[start...].firstIndex(of: ".") { base = text[..<dot]; rest = text[text.index(after: dot)...] }
        let value = try wasmValue(String(base), frame)
        guard !rest.isEmpty else { printCount += 1; return "$\(printCount) = \(value.paneText(v128: v128Shape))" }
        var shapeName = rest, lane: Substring?
        if let open = rest.firstIndex(of: "["), rest.hasSuffix("]") {
            shapeName = rest[..<open]; lane = rest[rest.index(after: open) ..< rest.index(before: rest.endIndex)]
        }
        guard let shape = V128Shape(rawValue: String(shapeName)) else {
            throw CommandError("print: unknown lane shape '\(shapeName)' (\(V128Shape.usage))")
        }
        guard case .v128(let v) = value else { throw CommandError("print: \(base) is \(value.type), not v128: it has no lanes") }
        printCount += 1
        guard let lane else { return "$\(printCount) = \(v.text(shape))" }
        guard shape != .hex else { printCount -= 1; throw CommandError("print: hex has no lanes (\(V128Shape.usage))") }
        let k: UInt64
        do throws(CommandError) { k = try UserNumber.parse(String(lane), "print: \(base).\(shape)[K]", in: 0 ... UInt64(shape.laneCount - 1)) } catch {
            printCount -= 1
            throw error
        }
        return "$\(printCount) = \(v.laneText(Int(k), shape))"
    }

    private func wasmValue(_ base: String, _ frame: FrameInfo) throws(CommandError) -> Value {
        func index(_ prefix: Int, _ what: String, _ count: Int) throws(CommandError) -> Int {
            var body = base.dropFirst(prefix)
            if base.dropFirst(prefix - 1).hasPrefix("[") {
                guard body.hasSuffix("]") else { throw CommandError("print: expected ']' in \(base)") }
                body = body.dropLast()
            }
            guard count > 0 else { throw CommandError("print: \(what) has none here") }
            return Int(try UserNumber.parse(String(body), "print: \(what)", in: 0 ... UInt64(count - 1)))
        }
        if base.hasPrefix("stack[") {
            let k = try index(6, "stack[K]", frame.operands.count)
            return frame.operands[frame.operands.count - 1 - k]
        }
        if base.hasPrefix("local") { return frame.locals[try index(6, "local N", frame.locals.count)] }
        let globals = machine.globals(of: instance)
        if base.hasPrefix("global") { return globals[try index(7, "global N", globals.count)] }
        let name = String(base.dropFirst())
        if let i = module.localNames[UInt32(frame.location.function)]?.first(where: { $0.value == name })?.key, Int(i) < frame.locals.count {
            return frame.locals[Int(i)]
        }
        if let i = resolveGlobal(base) { return globals[i] }
        throw CommandError("print: no wasm local or global named \(base)")
    }
}
