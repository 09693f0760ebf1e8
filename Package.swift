// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "wesdbg",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wesdbg", targets: ["wesdbg"]),
        .library(name: "WasmVM", targets: ["WasmVM"]),
        .library(name: "ContractHost", targets: ["ContractHost"]),
        .library(name: "DebuggerCore", targets: ["DebuggerCore"]),
        // For Fuzzing/ (the keymap fuzz target); nothing else outside this package uses it.
        .library(name: "DebuggerUI", targets: ["DebuggerUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftwasm/WasmKit", exact: "0.4.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(name: "wesdbg", dependencies: ["WesdbgCLI"]),
        .target(
            name: "WesdbgCLI",
            dependencies: [
                "WasmVM", "ContractHost", "DebugInfo", "DebuggerCore", "DebuggerUI", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "WAT", package: "WasmKit"),
            ]),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(name: "TerminalUI", dependencies: ["DebuggerUI", "CNcurses"]),
        .target(name: "DebuggerUI", dependencies: ["DebuggerCore"]),
        .target(name: "DebuggerCore", dependencies: ["ContractHost", "WasmVM", "DebugInfo"]),
        // DWARF reader: depends on nothing; DebuggerCore maps its code-section addresses to instructions.
        .target(name: "DebugInfo"),
        .target(name: "ContractHost", dependencies: ["WasmVM"]),
        // The instruction table and its generator (docs/interpreter.md): they write WasmVM's
        // generated files, WasmVM does not depend on them.
        .target(name: "InstructionTable"),
        .executableTarget(name: "generate-instructions", dependencies: ["InstructionTable"]),
        // The fast loop's threaded dispatch: C handlers that tail-call each other around WasmVM's op bodies.
        .target(name: "CFastDispatch"),
        .target(
            name: "WasmVM",
            dependencies: [
                "CFastDispatch",
                .product(name: "WasmParser", package: "WasmKit"),
                .product(name: "WAT", package: "WasmKit"),
            ],
            // SwiftPM builds with frame pointers (-Xcc -fno-omit-frame-pointer): the fast loop's handlers,
            // compiled by the Clang importer into this module, would push and pop one around every
            // instruction. They only tail-call, so as leaves they go without. (No frame pointers at all,
            // -mframe-pointer=none, crashed a debug build in V128.lanes.) LLVM's function merging would turn
            // handlers with equal bodies (i32.load8_u, i64.load8_u) into one more jump.
            swiftSettings: [.unsafeFlags(["-Xcc", "-momit-leaf-frame-pointer", "-Xfrontend", "-disable-llvm-merge-functions-pass"])]),
        // Differential/: wasm-tools smith modules that FastExactDifferentialTests runs through both loops.
        .testTarget(name: "WasmVMTests", dependencies: ["WasmVM", .product(name: "WAT", package: "WasmKit")],
                    exclude: ["Differential"]),
        .testTarget(name: "DebugInfoTests", dependencies: ["DebugInfo"]),
        .testTarget(name: "InstructionTableTests", dependencies: ["InstructionTable"]),
        .testTarget(name: "ContractHostTests", dependencies: ["ContractHost", "WasmVM"]),
        .testTarget(name: "DebuggerCoreTests", dependencies: ["DebuggerCore"]),
        .testTarget(name: "DebuggerUITests", dependencies: ["DebuggerUI", "DebuggerCore"], exclude: ["Golden"]),
        .testTarget(name: "WesdbgCLITests", dependencies: ["WesdbgCLI"]),
    ]
)
