import ArgumentParser
import WAT
import WasmVM

import Foundation

/// Bad input of any kind, as the one line users see: `FILE: place: message`.
/// Commands print it on stderr and exit with status 2 (`withUserErrors`).
struct UserError: Error, Hashable, CustomStringConvertible {
    /// The file as given on the command line.
    var file: String
    /// Where in the file: `line 3:5`, `byte offset 0x1a`, `$.params[2]`; nil when the whole file is meant.
    var place: String?
    var message: String

    init(file: String, place: String? = nil, _ message: String) {
        self.file = file; self.place = place; self.message = message
    }

    /// Turns the errors of loading, text parsing and linking into place and message.
    init(file: String, describing error: any Error) {
        switch error {
        case let e as UserError:
            self = e
        case let e as LoadError:
            self.init(file: file, place: e.offset.map { "byte offset 0x\(String($0, radix: 16))" },
                      "\(e.kind.rawValue) module: \(e.message)")
        case let e as WatParserError:
            let (place, message) = Self.split(e)
            self.init(file: file, place: place, message)
        case let e as LinkError:
            self.init(file: file, "cannot link: \(e.message)")
        case let e as Trap:
            self.init(file: file, place: e.offset.map { "byte offset 0x\(String($0, radix: 16))" },
                      "trap \(e.kind.rawValue): \(e.message)")
        default:
            self.init(file: file, Self.oneLine(String(describing: error)))
        }
    }

    var description: String {
        ([file] + (place.map { [$0] } ?? []) + [Self.oneLine(message)]).joined(separator: ": ")
    }

    /// WatParserError keeps its message package-private; its description is "MESSAGE at Location(line: L, column: C)".
    static func split(_ error: WatParserError) -> (place: String?, message: String) {
        guard let location = error.location else { return (nil, error.description) }
        let (line, column) = location.computeLineAndColumn()
        let suffix = " at \(location)"
        var message = error.description
        if message.hasSuffix(suffix) { message.removeLast(suffix.count) }
        // WAT's column counts from the preceding newline: 0-based on line 1, 1-based after.
        return ("line \(line):\(line == 1 ? column + 1 : column)", message)
    }

    /// Error texts must stay on one line, and names quoted from a module must not reach the terminal as escapes.
    static func oneLine(_ text: String) -> String {
        Module.printable(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// Prints the line on stderr.
    func print() {
        FileHandle.standardError.write(Data((description + "\n").utf8))
    }
}

/// Runs a command's body; a `UserError` (or any non-ArgumentParser error, described
/// against `file`) is printed as one line on stderr and ends the command with status 2.
func withUserErrors<T>(file: String = "wesdbg", _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        UserError(file: file, describing: error).print()
        throw ExitCode(2)
    }
}
