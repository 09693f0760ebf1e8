// Writes everything the instruction table generates into the source tree:
// `swift run generate-instructions` from anywhere in the package, then commit.
import Foundation
import InstructionTable

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func read(_ path: String) -> String? { try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("generate-instructions: \(message)\n".utf8))
    exit(2)
}

guard let controlOps = read(Generator.controlOpsPath) else { fail("cannot read \(Generator.controlOpsPath)") }
var updated = 0
for output in Generator.outputs(controlOps: controlOps) {
    let existing = read(output.path)
    guard let text = output.text(replacingIn: existing) else { fail("\(output.path) lacks the GENERATED markers") }
    guard text != existing else { continue }
    do { try text.write(to: root.appendingPathComponent(output.path), atomically: true, encoding: .utf8) } catch {
        fail("cannot write \(output.path): \(error)")
    }
    print("updated \(output.path)")
    updated += 1
}
print(updated == 0 ? "all generated files are current" : "\(updated) file(s) updated")
