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
