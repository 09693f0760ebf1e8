import CFuzzer
import DebuggerUI

// Keymap files: any text parses or is refused with a KeymapError naming the file and line
// (never line 0 for text). A keymap that parses answers match and keys(for:) for its bindings.
private func fuzzKeymap(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: count), as: UTF8.self) else { return 0 }
    do {
        let keymap = try Keymap(parsing: text, file: "fuzz.keymap")
        for binding in keymap.bindings {
            _ = keymap.match(binding.keys)
            _ = keymap.match(Array(binding.keys.dropLast()))
            _ = keymap.keys(for: binding.action)
        }
    } catch {
        if error.file != "fuzz.keymap" || error.line < 1 || "\(error)".contains("\n") {
            fatalError("a bad keymap error: \(error.file) line \(error.line): \(error)")
        }
    }
    return 0
}

@_cdecl("FuzzKeymap_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { fuzzKeymap($0, $1) }
}
