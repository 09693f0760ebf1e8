// swift-tools-version:6.0
// The benchmark suite lives in its own package so that WasmKit's execution
// engine (the peer we compare against) never enters wesdbg's own build.
import PackageDescription

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Named explicitly: a path dependency's identity is otherwise its
        // directory name, which differs between checkouts and worktrees.
        .package(name: "wesdbg", path: ".."),
        .package(url: "https://github.com/swiftwasm/WasmKit", exact: "0.4.2"),
    ],
    targets: [
        .executableTarget(
            name: "WesdbgBench",
            dependencies: [
                .product(name: "WasmVM", package: "wesdbg"),
                .product(name: "WasmKit", package: "WasmKit"),
            ]),
    ]
)
