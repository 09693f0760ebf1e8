import Testing
@testable import WasmVM

/// Exact translations of small functions: the contract with the executor.
@Suite struct LoadTranslationTests {
    static func function(_ body: String, _ index: Int = 0) throws -> (Module, CompiledFunction) {
        let module = try Module.load(text: "(module \(body))")
        return (module, module.functions[index])
    }

    static func render(_ f: CompiledFunction) -> [String] {
        f.code.map { i in
            switch i.op {
            case .br, .brIf: "\(i.op) \(i.a) arity=\(i.branchArity) height=\(i.branchHeight)"
            default: i.b == 0 ? "\(i.op) \(i.a)" : "\(i.op) \(i.a) \(i.b)"
            }
        }
    }

    @Test func straightLine() throws {
        let (_, f) = try Self.function("(func (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)")
        #expect(Self.render(f) == ["localGet 0", "localGet 1", "i32Add 0", "return 1"])
        #expect(f.maxHeight == 4)
        // Header 8 bytes, type section 9, function section 4, code section id/size/count, body size.
        #expect(f.offsets == [0x1a, 0x1c, 0x1e, 0x1f])
        #expect(f.bodyRange == 0x19..<0x20)
        #expect(f.localTypes == [])
    }

    @Test func blockBranchIf() throws {
        let (_, f) = try Self.function("""
            (func (param i32) (result i32) (local i64)
              block (result i32)
                i32.const 7
                local.get 0
                br_if 0
                drop
                i32.const 8
              end)
            """)
        #expect(Self.render(f) == ["i32Const 0 7", "localGet 0", "brIf 5 arity=1 height=2", "drop 0", "i32Const 0 8", "return 1"])
        #expect(f.localTypes == [.i64])
        #expect(f.maxHeight == 4)
    }

    @Test func loopBranchesBackWithItsParams() throws {
        let (_, f) = try Self.function("""
            (type $t (func (param i32) (result i32)))
            (func (param i32) (result i32)
              local.get 0
              loop (type $t)
                i32.const 1
                i32.sub
                local.tee 0
                local.get 0
                br_if 0
              end)
            """)
        #expect(Self.render(f) == ["localGet 0", "i32Const 0 1", "i32Sub 0", "localTee 0", "localGet 0",
                                   "brIf 1 arity=1 height=1", "return 1"])
    }

    @Test func ifElse() throws {
        let (_, f) = try Self.function("""
            (func (param i32) (result i32)
              local.get 0
              if (result i32)
                i32.const 1
              else
                i32.const 2
              end)
            """)
        #expect(Self.render(f) == ["localGet 0", "jumpIfZero 4", "i32Const 0 1", "jump 5", "i32Const 0 2", "return 1"])
    }

    @Test func ifWithoutElseJumpsToEnd() throws {
        let (_, f) = try Self.function("(func (param i32) local.get 0 if nop end)")
        #expect(Self.render(f) == ["localGet 0", "jumpIfZero 2", "return 0"])
    }

    @Test func branchTable() throws {
        let (_, f) = try Self.function("""
            (func (param i32) (result i32)
              block
                block
                  local.get 0
                  br_table 0 1 0
                end
                i32.const 10
                return
              end
              i32.const 20)
            """)
        #expect(Self.render(f) == ["localGet 0", "brTable 0 3", "i32Const 0 10", "return 1", "i32Const 0 20", "return 1"])
        #expect(f.branchTables == [BranchTarget(pc: 2, arity: 0, height: 1), BranchTarget(pc: 4, arity: 0, height: 1),
                                   BranchTarget(pc: 2, arity: 0, height: 1)])
    }

    @Test func branchesToTheFunctionLabel() throws {
        let (_, f) = try Self.function("""
            (func (param i32) (result i32)
              i32.const 5
              local.get 0
              br_if 0
              drop
              i32.const 6
              br 0)
            """)
        #expect(Self.render(f) == ["i32Const 0 5", "localGet 0", "brIf 6 arity=1 height=1", "drop 0", "i32Const 0 6",
                                   "return 1", "return 1"])
    }

    @Test func deadCodeIsValidatedNotEmitted() throws {
        let (_, f) = try Self.function("(func (result i32) i32.const 1 return i32.const 2 drop)")
        #expect(Self.render(f) == ["i32Const 0 1", "return 1", "return 1"])
        #expect(throws: LoadError.self) { try Module.load(text: "(module (func (result i32) i32.const 1 return i64.const 2 i32.add))") }
    }

    @Test func immediates() throws {
        let (_, f) = try Self.function("""
            (memory 1) (table 2 funcref) (global (mut i64) (i64.const 0))
            (type $v (func))
            (func $f (param f32)
              i32.const 4 i32.load offset=8 align=2 drop
              i32.const 0 i64.const -1 i64.store8 offset=3
              f64.const 1.5 drop
              i32.const 0 call_indirect (type $v)
              ref.null extern drop
              ref.func $f drop
              global.get 0 global.set 0
              f32.const 0 call $f)
            (elem declare func $f)
            """)
        #expect(Self.render(f) == [
            "i32Const 0 4", "i32Load 8 1", "drop 0",
            "i32Const 0", "i64Const 0 18446744073709551615", "i64Store8 3",
            "f64Const 0 4609434218613702656", "drop 0",
            "i32Const 0", "callIndirect 0",
            "refNull 5", "drop 0",
            "refFunc 0", "drop 0",
            "globalGet 0", "globalSet 0",
            "f32Const 0", "call 0", "return 0",
        ])
    }

    @Test func multiValueBlockAndBranchTableTargets() throws {
        let (_, f) = try Self.function("""
            (type $pair (func (param i32 i64) (result i32 i64)))
            (func (param i32) (result i32 i64) (local f64)
              i32.const 1
              i64.const 2
              block (type $pair)
                local.get 0
                br_table 0 1 0
              end)
            """)
        // The block's params start at height 2 (1 param + 1 local): both labels carry 2 values.
        #expect(Self.render(f) == ["i32Const 0 1", "i64Const 0 2", "localGet 0", "brTable 0 3", "return 2"])
        #expect(f.branchTables == [BranchTarget(pc: 4, arity: 2, height: 2), BranchTarget(pc: 4, arity: 2, height: 2),
                                   BranchTarget(pc: 4, arity: 2, height: 2)])
        #expect(f.maxHeight == 5)
    }

    @Test func typedSelectAndReferenceOps() throws {
        let (_, f) = try Self.function("""
            (table 1 externref)
            (func (param externref) (result i32)
              local.get 0
              ref.null extern
              i32.const 1
              select (result externref)
              ref.is_null
              ref.null extern
              i32.const 2
              table.grow 0
              drop)
            """)
        #expect(Self.render(f) == ["localGet 0", "refNull 5", "i32Const 0 1", "select 0", "refIsNull 0",
                                   "refNull 5", "i32Const 0 2", "tableGrow 0", "drop 0", "return 1"])
    }
}
