// swift-tools-version:6.0
// libFuzzer targets and the fast-vs-exact differential runner. A package of its own so the
// main package's `swift build` / `swift test` never see the sanitizer flags (docs/harden.md;
// build and run with Fuzzing/run.sh and Fuzzing/differential.sh).
import PackageDescription

let package = Package(
    name: "Fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Named explicitly: a path dependency's identity is otherwise its directory name
        // (which is why this folder is not called Fuzz: a checkout named fuzz would clash).
        .package(name: "wesdbg", path: ".."),
    ],
    targets: [
        .target(name: "FuzzHarness", dependencies: [.product(name: "WasmVM", package: "wesdbg")]),
        .target(name: "CFuzzer"),
        // Each fuzz target's TARGET_main (SwiftPM's name for an executable's main) runs libFuzzer's
        // driver on its test function (built with -sanitize=fuzzer,address -parse-as-library,
        // one product at a time).
        .executableTarget(name: "FuzzModule", dependencies: ["CFuzzer", "FuzzHarness"]),
        .executableTarget(name: "FuzzSnapshot", dependencies: ["CFuzzer",
            .product(name: "ContractHost", package: "wesdbg"), .product(name: "WasmVM", package: "wesdbg")]),
        .executableTarget(name: "FuzzCommands", dependencies: ["CFuzzer",
            .product(name: "DebuggerCore", package: "wesdbg"), .product(name: "ContractHost", package: "wesdbg"),
            .product(name: "WasmVM", package: "wesdbg")]),
        .executableTarget(name: "FuzzKeymap", dependencies: ["CFuzzer", .product(name: "DebuggerUI", package: "wesdbg")]),
        // An ordinary executable (no sanitizers): wasm files in, fast vs exact disagreements out.
        .executableTarget(name: "Differential", dependencies: ["FuzzHarness"]),
    ]
)
