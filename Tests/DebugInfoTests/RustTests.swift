import Testing
@testable import DebugInfo

/// samples/debuginfo/shapes.wasm (Debian rustc 1.63, -O0): figures from
/// `llvm-dwarfdump-14 --debug-info samples/debuginfo/shapes.wasm`. In `run`: data (u8[4]) at
/// DW_OP_fbreg +44, found and missing (Option<usize>) at +232 and +240, o (Point) at +256;
/// in `describe`: name (&str) at +24, color (Color) at +39, maybe (Option<u32>) at +8.
@Suite struct RustTests {
    static let info = Fixtures.read("debuginfo/shapes.wasm")
    static let frameBase: UInt64 = 0x1000

    static var state: FakeState {
        var s = FakeState()
        // Whichever local holds the frame base, it holds 0x1000.
        for i in 0..<16 { s.locals[i] = frameBase }
        s.store(frameBase + 44, 0x0403_0201, size: 4)
        s.store(frameBase + 232, 1, size: 4)
        s.store(frameBase + 236, 2, size: 4)
        s.store(frameBase + 240, 0, size: 4)
        s.store(frameBase + 256, 3, size: 4)
        s.store(frameBase + 260, 0xffff_fffe, size: 4)
        s.store(frameBase + 24, 0x400, size: 4)
        s.store(frameBase + 28, 4, size: 4)
        s.store(0x400, "gold")
        s.store(frameBase + 39, 2, size: 1)
        s.store(frameBase + 8, 1, size: 4)
        s.store(frameBase + 12, 7, size: 4)
        return s
    }

    func print(_ e: String, at: Int) -> String {
        do { return try Self.info.evaluate(e, at: at, state: Self.state) } catch { return "error: \(error.description)" }
    }

    @Test func unitAndNames() throws {
        #expect(Self.info.compileUnits.first?.language == "Rust")
        #expect(Self.info.compileUnits.first?.producer == "clang LLVM (rustc version 1.63.0)")
        let describe = try #require(Self.info.functions(named: "describe").first)
        #expect(describe.qualifiedName == "shapes::describe")
        #expect(describe.linkageName == "_ZN6shapes8describe17h2a537e4212acbc4fE")
        #expect(describe.declFile == "shapes.rs")
        #expect(Self.info.functions(named: "shapes::geometry::area").map(\.name) == ["area"])
    }

    @Test func valuesInRun() throws {
        let run = try #require(Self.info.functions(named: "run").first)
        let end = run.ranges[0].upperBound - 4
        #expect(print("data", at: end) == "[1, 2, 3, 4]")
        #expect(print("data[2]", at: end) == "3")
        #expect(print("found", at: end) == "Some(2)")
        #expect(print("missing", at: end) == "None")
        #expect(print("o", at: end) == "Point {x: 3, y: -2}")
        #expect(print("o.y", at: end) == "-2")
        let types = Dictionary(uniqueKeysWithValues: Self.info.variables(at: end, state: Self.state).map { ($0.name, $0.typeName) })
        #expect(types["data"] == "[u8; 4]")
        #expect(types["found"] == "Option<usize>")
        #expect(types["shapes"] == "[Shape; 3]")
        #expect(try Self.info.typeDescription(of: "o", at: end, state: Self.state) == "type = struct Point {\n    x: i32,\n    y: i32,\n}")
        #expect(try Self.info.typeDescription(of: "found", at: end, state: Self.state) == "type = enum Option<usize> {\n    None,\n    Some(usize),\n}")
    }

    @Test func strEnumAndOptionParameters() throws {
        let describe = try #require(Self.info.functions(named: "describe").first)
        let vars = Self.info.variables(at: describe.ranges[0].lowerBound + 0x60, state: Self.state)
        #expect(vars.filter(\.isParameter).map { "\($0.name): \($0.typeName) = \($0.value)" }
                == ["name: &str = \"gold\"", "color: Color = Blue", "maybe: Option<u32> = Some(7)"])
    }
}
