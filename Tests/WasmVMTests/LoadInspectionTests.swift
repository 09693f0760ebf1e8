import Testing
@testable import WasmVM

/// The debugger's static views: typed operand stack, pop counts, disassembly.
@Suite struct LoadInspectionTests {
    static let source = """
        (module
          (import "env" "f" (func $imp))
          (memory 1)
          (func $helper (param i32) (result i32) local.get 0)
          (func $main (param i32) (result i32) (local f32)
            local.get 0
            i32.load offset=8
            call $helper
            block (result i64)
              i64.const 1
              local.get 0
              br_if 0
              drop
              i64.const 2
            end
            drop))
        """

    @Test func operandTypesAndPopCounts() throws {
        let module = try Module.load(text: Self.source)
        #expect(module.functions[1].code.count == 10)
        let types = (0..<10).map { module.operandTypes(function: 2, pc: $0) }
        #expect(types == [[], [.i32], [.i32], [.i32], [.i32, .i64], [.i32, .i64, .i32], [.i32, .i64], [.i32],
                          [.i32, .i64], [.i32]])
        #expect((0..<10).map { module.popCount(function: 2, pc: $0) } == [0, 1, 1, 0, 0, 2, 1, 0, 1, 1])
        #expect(module.operandTypes(function: 0, pc: 0) == [])
        #expect(module.popCount(function: 0, pc: 0) == 0)
        #expect(module.operandTypes(function: 2, pc: 99) == [])
    }

    @Test func disassembly() throws {
        let module = try Module.load(text: Self.source)
        let lines = module.disassemble(function: 2)
        #expect(lines.map(\.text) == ["local.get 0", "i32.load offset=8 align=4", "call 1 <helper>", "block (result i64)",
                                      "i64.const 1", "local.get 0", "br_if 0", "drop", "i64.const 2", "end", "drop", "end"])
        #expect(lines.map(\.depth) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0])
        #expect(lines.map(\.pc) == [0, 1, 2, nil, 3, 4, 5, 6, 7, nil, 8, 9])
        let f = module.functions[1]
        #expect(lines[0].offset == f.bodyRange.lowerBound + 3)
        for line in lines { if let pc = line.pc { #expect(f.offsets[pc] == UInt32(line.offset)) } }
        #expect(module.disassemble(function: 0) == [])
    }

    @Test func popCountsOfCallsSelectAndBranchTables() throws {
        let module = try Module.load(text: """
            (module
              (table 1 funcref)
              (type $t (func (param i32 i64) (result i32)))
              (func (param i32) (result i32)
                block (result i32)
                  i32.const 1
                  i64.const 2
                  local.get 0
                  call_indirect (type $t)
                  i32.const 3
                  local.get 0
                  select
                  local.get 0
                  br_table 0 0
                end))
            """)
        #expect((0..<10).map { module.popCount(function: 0, pc: $0) } == [0, 0, 0, 3, 0, 0, 3, 0, 2, 1])
        #expect(module.operandTypes(function: 0, pc: 3) == [.i32, .i64, .i32])
        #expect(module.disassemble(function: 0).map(\.text)[4] == "call_indirect (type 0)")
    }
}
