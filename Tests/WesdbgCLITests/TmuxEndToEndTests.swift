import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

private let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// The real binary in a real terminal: tmux runs `wesdbg debug` on the token
/// sample, keys go in with `send-keys`, the screen comes out with `capture-pane`.
/// Skipped (not failed) when tmux is not installed.
@Suite(.serialized, .enabled(if: tmuxPath != nil, "tmux is not installed"))
struct TmuxEndToEndTests {
    static var tmux: String? { tmuxPath }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The wesdbg built next to this test bundle.
    static var binary: String? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [directory, directory.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("wesdbg").path }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A private tmux server (its own socket) so nothing else is touched.
    final class Server {
        let socket = "wesdbg-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        let target = "e2e"

        /// Runs a tmux client command and returns what it printed. posix_spawn and a
        /// file rather than Process and a pipe: the server tmux forks would inherit a
        /// pipe and keep it open forever.
        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            // The test runner blocks signals in its threads; the tmux server and wesdbg
            // under it would inherit that mask (and never see SIGTERM), so reset it.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var noSignals = sigset_t(), allSignals = sigset_t()
            sigemptyset(&noSignals)
            sigfillset(&allSignals)
            posix_spawnattr_setsigmask(&attributes, &noSignals)
            posix_spawnattr_setsigdefault(&attributes, &allSignals)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            let argv = [TmuxEndToEndTests.tmux!, "-L", socket, "-f", "/dev/null"] + arguments
            var cArguments = argv.map { strdup($0) } + [nil]
            defer { for pointer in cArguments { free(pointer) } }
            var pid: pid_t = 0
            let status = posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, environ)
            guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
            var exitStatus: Int32 = 0
            while waitpid(pid, &exitStatus, 0) == -1 && errno == EINTR {}
            return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }

        func screen() throws -> String { try run(["capture-pane", "-p", "-t", target]) }

        func keys(_ keys: String...) throws { try run(["send-keys", "-t", target] + keys) }

        /// Polls the screen until `condition` holds; a hung UI fails instead of blocking the suite.
        func waitFor(_ what: String, seconds: Double = 30, _ condition: (String) -> Bool,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < deadline {
                last = try screen()
                if condition(last) { return last }
                Thread.sleep(forTimeInterval: 0.1)
            }
            Issue.record("timed out waiting for \(what); screen:\n\(last)", sourceLocation: sourceLocation)
            return last
        }

        deinit {
            _ = try? run(["kill-session", "-t", target])
            _ = try? run(["kill-server"])
        }
    }

    @Test func debugTokenTransfer() throws {
        let binary = try #require(Self.binary, "build wesdbg first (swift build)")
        let sample = Self.root.appendingPathComponent("samples/token/transfer.snapshot.json").path
        try #require(FileManager.default.fileExists(atPath: sample))
        let server = Server()
        // The shell stays after wesdbg exits so we can check it is usable.
        let command = "'\(binary)' debug '\(sample)'; echo WESDBG_EXIT=$?; exec sh"
        try server.run(["new-session", "-d", "-s", server.target, "-x", "120", "-y", "40", "env", "-u", "NO_COLOR", "sh", "-c", command])

        let start = try server.waitFor("the panes") { $0.contains(" start at transfer") && $0.contains("Console") }
        for title in ["Code:", "Stack", "Locals / Globals", "Memory @", "Call stack", "Fuel", "Draft", "Host calls", "Console"] {
            #expect(start.contains(title), "pane \(title) missing")
        }
        #expect(start.contains("step 0"))

        try server.keys("s")
        let stepped = try server.waitFor("a step") { $0.contains("step 1 ") || $0.contains("step 1\n") }
        #expect(stepped != start)

        // Break on the transfer; the status line says why it stopped.
        try server.keys("h")
        _ = try server.waitFor("the host-call prompt") { $0.contains("Break before calls of host function") }
        try server.keys("execute_utxo", "Enter")
        _ = try server.waitFor("the breakpoint") { $0.contains("breakpoint 1: host call execute_utxo_transfer") }
        try server.keys("c")
        let atCall = try server.waitFor("the host-call stop") { $0.contains(" breakpoint 1 (host call execute_utxo_transfer) at ") }
        #expect(atCall.contains("step 10395"))
        // The pending call (the last entry of the Host calls pane) opens in a detail view with every argument.
        try server.keys("8", "End", "Enter")
        let detail = try server.waitFor("the detail view") { $0.contains("Host call pending") }
        #expect(detail.contains("amount    = 250"), "\(detail)")
        #expect(detail.contains("token     = 1156  i32  \"GOLD\""), "\(detail)")
        #expect(detail.contains("token_len = 4"))
        #expect(detail.contains("memory read"))
        try server.keys("Escape")
        _ = try server.waitFor("the detail view to close") { !$0.contains("Host call pending") }

        try server.keys("c")
        let finished = try server.waitFor("finished: success") { $0.contains("finished: success") }
        // Over: the hints offer restart and going back, not stepping on.
        #expect(finished.contains("r restart"))
        #expect(!finished.contains("s step"))
        #expect(finished.contains("outputs (2)"))
        #expect(finished.contains("asset 250 \"GOLD\""))

        try server.run(["resize-window", "-t", server.target, "-x", "80", "-y", "24"])
        let small = try server.waitFor("the 80x24 layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.contains { $0.hasPrefix(" Code   Stack") } && lines.contains { $0.contains("finished: success") }
        }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })

        try server.keys("q")
        _ = try server.waitFor("wesdbg to exit 0") { $0.contains("WESDBG_EXIT=0") }
        try server.keys("echo shell-ok-$((40+2))", "Enter")
        let shell = try server.waitFor("a usable shell") { $0.contains("shell-ok-42") }
        #expect(!shell.contains("start at transfer"))
    }

    /// NO_COLOR: no colour escapes at all, roles still told apart by reverse and bold.
    @Test func noColorUsesAttributesOnly() throws {
        let binary = try #require(Self.binary, "build wesdbg first (swift build)")
        let sample = Self.root.appendingPathComponent("samples/token/transfer.snapshot.json").path
        let server = Server()
        let command = "NO_COLOR=1 '\(binary)' debug '\(sample)'; echo WESDBG_EXIT=$?; exec sh"
        try server.run(["new-session", "-d", "-s", server.target, "-x", "100", "-y", "30", "sh", "-c", command])
        _ = try server.waitFor("the panes") { $0.contains(" start at transfer") }
        try server.keys("s")
        _ = try server.waitFor("a step") { $0.contains("step 1 ") }
        let escaped = try server.run(["capture-pane", "-e", "-p", "-t", server.target])
        let colours = ["\u{1b}[3", "\u{1b}[4", "38;5;", "48;5;"].filter { code in
            // 39/49 reset to the default colour, which is not a colour.
            escaped.components(separatedBy: code).dropFirst().contains { !$0.hasPrefix("9m") && !$0.hasPrefix("9;") }
        }
        #expect(colours.isEmpty, "colour escapes with NO_COLOR: \(colours)")
        #expect(escaped.contains("\u{1b}[7m"), "reverse video marks the status line and current line")
        #expect(escaped.contains("\u{1b}[1m"), "bold marks titles")
        try server.keys("q")
        _ = try server.waitFor("wesdbg to exit 0") { $0.contains("WESDBG_EXIT=0") }
    }
}

/// Without a terminal the UI refuses and points at batch mode.
@Suite struct NoTerminalTests {
    @Test func refusesWithoutATerminal() throws {
        let binary = try #require(TmuxEndToEndTests.binary, "build wesdbg first (swift build)")
        let sample = TmuxEndToEndTests.root.appendingPathComponent("samples/token/transfer.snapshot.json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["debug", sample]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(String(decoding: data, as: UTF8.self) == "wesdbg: no terminal (TERM unset or not a tty); use --batch SCRIPT or -x CMD\n")
    }
}
