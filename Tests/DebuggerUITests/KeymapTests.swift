import DebuggerUI
import Foundation
import Testing

@Suite struct KeymapTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary embeds the shipped keymaps; they must not drift from keymaps/.
    @Test(arguments: ["default", "vim", "emacs"]) func builtinMatchesShippedFile(_ name: String) throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("keymaps/\(name)"), encoding: .utf8)
        #expect(Keymap.builtinTexts.first { $0.name == name }?.text == file)
        let keymap = try #require(Keymap.builtin(name))
        #expect(keymap.name == name)
    }

    @Test func defaultKeysAreThoseOfDebuggerMd() throws {
        let keymap = Keymap.default
        let expected: [(Key, Action)] = [
            (.character("s"), .step), (.character("n"), .next), (.character("f"), .finish), (.character("c"), .continue),
            (.character("S"), .reverseStep), (.character("C"), .reverseContinue), (.character("r"), .restart),
            (.character("b"), .toggleBreakpoint), (.character("h"), .breakHost), (.character("g"), .gotoAddress),
            (.tab, .focusNext), (.backTab, .focusPrevious), (.up, .scrollUp), (.down, .scrollDown),
            (.pageUp, .pageUp), (.pageDown, .pageDown), (.character(":"), .console), (.character("?"), .help),
            (.character("q"), .quit),
        ]
        for (key, action) in expected { #expect(keymap.match([key]) == .action(action), "\(key.name)") }
        #expect(keymap.bindings.count == 32)
    }

    @Test func vimUsesSequences() throws {
        let vim = try #require(Keymap.builtin("vim"))
        #expect(vim.match([.character("j")]) == .action(.scrollDown))
        #expect(vim.match([.character("g")]) == .prefix)
        #expect(vim.match([.character("g"), .character("g")]) == .action(.top))
        #expect(vim.match([.character("g"), .character("m")]) == .action(.gotoAddress))
        #expect(vim.match([.character("B")]) == .action(.breakHost))
        #expect(vim.bindings.count == 34)
    }

    @Test func emacsUsesGudChords() throws {
        let emacs = try #require(Keymap.builtin("emacs"))
        #expect(emacs.match([.control("x"), .control("a"), .control("s")]) == .action(.step))
        #expect(emacs.match([.control("x"), .control("a")]) == .prefix)
        #expect(emacs.match([.control("x"), .character("o")]) == .action(.focusNext))
        #expect(emacs.match([.character("s")]) == .none)
        #expect(emacs.keys(for: .next) == "Ctrl-x Ctrl-a Ctrl-n")
        #expect(emacs.bindings.count == 30)
    }

    @Test func formatDetails() throws {
        let text = """
            # comment
              # indented comment

            Hash = help   # trailing comment
            Equals = command info breakpoints
            F5 = continue
            Space = step
            C-x 2 = focus memory
            """
        let keymap = try Keymap(parsing: text, file: "mine")
        #expect(keymap.match([.character("#")]) == .action(.help))
        #expect(keymap.match([.character("=")]) == .action(.command("info breakpoints")))
        #expect(keymap.match([.function(5)]) == .action(.continue))
        #expect(keymap.match([.character(" ")]) == .action(.step))
        #expect(keymap.match([.control("x"), .character("2")]) == .action(.focus(.memory)))
        #expect(keymap.bindings.map(\.line) == [4, 5, 6, 7, 8])
    }

    @Test(arguments: [
        ("s = step\nx step\n", "km:2: expected `KEY = ACTION`, got `x step`"),
        ("s = step\nFoo = step\n", "km:2: unknown key `Foo`"),
        ("s = stepp\n", "km:1: unknown action `stepp`"),
        ("s =\n", "km:1: missing action after `=`"),
        ("s = step\n\ns = next\n", "km:3: `s` is already bound on line 1"),
        ("C-x = step\nC-x o = focus-next\n", "km:2: `C-x o` conflicts with the sequence on line 1"),
        ("a b c d = step\n", "km:1: a key sequence has at most 3 keys"),
        ("s = focus nowhere\n", "km:1: unknown action `focus nowhere`"),
        ("# only comments\n", "km:1: no bindings"),
    ]) func badFilesAreRefusedWithLineNumbers(_ text: String, _ message: String) {
        #expect(throws: KeymapError.self) { try Keymap(parsing: text, file: "km") }
        do { _ = try Keymap(parsing: text, file: "km") } catch { #expect(error.description == message) }
    }

    @Test func loadByNameOrPath() throws {
        #expect(try Keymap.load("vim").name == "vim")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wesdbg-keymap-\(getpid())").path
        try "q = quit\nx = frob\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { _ = try Keymap.load(path); Issue.record("bad file accepted") } catch {
            #expect(error.description == "\(path):2: unknown action `frob`")
        }
        do { _ = try Keymap.load("nosuch"); Issue.record("unknown name accepted") } catch {
            #expect(error.description == "nosuch: no such keymap (shipped: default, vim, emacs; or give a file path)")
        }
    }

    /// Failed before: "FILE:1: no bindings" (Swift reads "\r\n" as one Character, so nothing split).
    @Test func crlfLineEndsAreAccepted() throws {
        let vim = try String(contentsOf: Self.root.appendingPathComponent("keymaps/vim"), encoding: .utf8)
        let crlf = try Keymap(parsing: vim.replacingOccurrences(of: "\n", with: "\r\n"), file: "vim.crlf")
        #expect(crlf.bindings == Keymap.builtin("vim")!.bindings)
        do { _ = try Keymap(parsing: "q = quit\r\nx = frob\r\n", file: "k"); Issue.record("bad line accepted") } catch {
            #expect(error.description == "k:2: unknown action `frob`")
        }
        do { _ = try Keymap(parsing: "# only\r\n\r\n", file: "k"); Issue.record("empty keymap accepted") } catch {
            #expect(error.description == "k:2: no bindings")
        }
    }

    /// Failed before: a directory or a device was "no such keymap".
    @Test func directoriesAndDevicesAreNamedForWhatTheyAre() throws {
        let cases = [(FileManager.default.temporaryDirectory.path, "a directory"), ("/dev/null", "a character device")]
        for (path, kind) in cases {
            do { _ = try Keymap.load(path); Issue.record("\(path) accepted") } catch {
                #expect(error.description == "\(path): is \(kind), not a keymap file")
            }
        }
    }

    @Test(arguments: ["s", "?", "Ctrl-x", "F5", "Tab", "Shift-Tab", "PgUp", "PgDn", "Space", "Enter", "Esc"])
    func keyNamesRoundTrip(_ name: String) throws {
        #expect(try #require(Key(name: name)).name == name)
    }
}
