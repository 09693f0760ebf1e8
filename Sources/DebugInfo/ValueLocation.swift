/// Where a variable's value is, once its location expression has been evaluated.
enum ValueLocation {
    /// In linear memory at this address.
    case memory(UInt64)
    /// The value itself (a wasm local, global or operand, a computed or constant value), little-endian bytes.
    case value([UInt8])
    /// Pieces of `size` bytes each (DW_OP_piece).
    case pieces([(location: ValueLocation, size: Int)])
    case optimizedOut

    /// The value's bytes, `count` of them, or nil when memory cannot be read.
    func read(_ count: Int, _ state: WasmStateReader) -> [UInt8]? {
        // No value this debugger prints is larger; a bigger size is malformed DWARF.
        guard count >= 0, count <= 1 << 20 else { return nil }
        switch self {
        case .memory(let address): return count == 0 ? [] : state.memory(address, count)
        case .value(let bytes):
            return Array((bytes + Array(repeating: 0, count: max(0, count - bytes.count))).prefix(count))
        case .pieces(let pieces):
            var result: [UInt8] = []
            for p in pieces where result.count < count {
                guard let part = p.location.read(p.size, state) else { return nil }
                result += part
            }
            // Bytes past the last piece are optimized out.
            return result.count >= count ? Array(result.prefix(count)) : nil
        case .optimizedOut: return nil
        }
    }

    var address: UInt64? {
        if case .memory(let a) = self { return a }
        return nil
    }
}

/// Evaluates DWARF location expressions over a wasm frame (DWARF 5 section 2.5 and
/// LLVM's DW_OP_WASM_location: 0 local, 1 global, 2 operand stack, 3 global with a u32 index).
struct LocationEvaluator {
    let bytes: [UInt8]
    let addressSize: Int
    let state: WasmStateReader
    /// The frame base (DW_AT_frame_base evaluated), for DW_OP_fbreg.
    var frameBase: UInt64?

    enum Failure: Error { case unsupported(UInt8), malformed, unavailable }

    func evaluate(_ range: Range<Int>) throws(Failure) -> ValueLocation {
        var c = ByteCursor(bytes, range, section: "location")
        var stack: [UInt64] = []
        var pieces: [(location: ValueLocation, size: Int)] = []
        // Set after DW_OP_WASM_location, DW_OP_stack_value, DW_OP_implicit_value: the top is the value itself.
        var isValue = false
        var implicit: [UInt8]?
        var steps = 0
        func pop() throws(Failure) -> UInt64 {
            guard let v = stack.popLast() else { throw .malformed }
            return v
        }
        func current() throws(Failure) -> ValueLocation? {
            if let implicit { return .value(implicit) }
            guard let top = stack.last else { return nil }
            return isValue ? .value(withUnsafeBytes(of: top.littleEndian, Array.init)) : .memory(top)
        }
        do {
            while !c.isAtEnd {
                steps += 1
                if steps > 10_000 { throw Failure.malformed }
                let op = try c.u8()
                switch op {
                case 0x03: stack.append(try c.unsigned(size: addressSize))                 // addr
                case 0x06:                                                                   // deref
                    let a = try pop()
                    guard let m = state.memory(a, addressSize) else { throw Failure.unavailable }
                    stack.append(m.reversed().reduce(0) { $0 << 8 | UInt64($1) })
                case 0x94:                                                                   // deref_size
                    let n = Int(try c.u8())
                    let a = try pop()
                    guard (1...8).contains(n), let m = state.memory(a, n) else { throw Failure.unavailable }
                    stack.append(m.reversed().reduce(0) { $0 << 8 | UInt64($1) })
                case 0x08: stack.append(UInt64(try c.u8()))
                case 0x09: stack.append(UInt64(bitPattern: Int64(Int8(bitPattern: try c.u8()))))
                case 0x0a: stack.append(UInt64(try c.u16()))
                case 0x0b: stack.append(UInt64(bitPattern: Int64(Int16(bitPattern: try c.u16()))))
                case 0x0c: stack.append(UInt64(try c.u32()))
                case 0x0d: stack.append(UInt64(bitPattern: Int64(Int32(bitPattern: try c.u32()))))
                case 0x0e, 0x0f: stack.append(try c.u64())
                case 0x10: stack.append(try c.uleb())
                case 0x11: stack.append(UInt64(bitPattern: try c.sleb()))
                case 0x12: stack.append(stack.last ?? 0); if stack.count == 1 { throw Failure.malformed }
                case 0x13: _ = try pop()
                case 0x14: guard stack.count >= 2 else { throw Failure.malformed }; stack.append(stack[stack.count - 2])
                case 0x15:
                    let i = Int(try c.u8())
                    guard i < stack.count else { throw Failure.malformed }
                    stack.append(stack[stack.count - 1 - i])
                case 0x16: guard stack.count >= 2 else { throw Failure.malformed }; stack.swapAt(stack.count - 1, stack.count - 2)
                case 0x17:
                    guard stack.count >= 3 else { throw Failure.malformed }
                    let top = stack.removeLast(); stack.insert(top, at: stack.count - 2)
                case 0x19: let v = Int64(bitPattern: try pop()); stack.append(UInt64(bitPattern: v < 0 ? 0 &- v : v))
                case 0x1f: stack.append(0 &- (try pop()))
                case 0x20: stack.append(~(try pop()))
                case 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x21, 0x22, 0x24, 0x25, 0x26, 0x27, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e:
                    let b = try pop(), a = try pop()
                    stack.append(try Self.binary(op, a, b))
                case 0x23: stack.append((try pop()) &+ (try c.uleb()))                       // plus_uconst
                case 0x2f:                                                                   // skip
                    let d = Int(Int16(bitPattern: try c.u16()))
                    c.offset += d
                    guard c.offset >= c.start, c.offset <= c.end else { throw Failure.malformed }
                case 0x28:                                                                   // bra
                    let d = Int(Int16(bitPattern: try c.u16()))
                    if try pop() != 0 {
                        c.offset += d
                        guard c.offset >= c.start, c.offset <= c.end else { throw Failure.malformed }
                    }
                case 0x30...0x4f: stack.append(UInt64(op - 0x30))                            // lit0-31
                case 0x91:                                                                   // fbreg
                    guard let base = frameBase else { throw Failure.unavailable }
                    stack.append(base &+ UInt64(bitPattern: try c.sleb()))
                case 0x93:                                                                   // piece
                    let size = try c.ulebInt()
                    pieces.append((try current() ?? .optimizedOut, size))
                    stack.removeAll()
                    isValue = false
                    implicit = nil
                case 0x96: break                                                             // nop
                case 0x9e:                                                                   // implicit_value
                    let n = try c.ulebInt()
                    try c.need(n)
                    implicit = Array(bytes[c.offset..<c.offset + n])
                    c.offset += n
                case 0x9f: isValue = true                                                    // stack_value
                case 0xed:                                                                   // WASM_location
                    let kind = try c.u8()
                    let index = kind == 3 ? UInt64(try c.u32()) : try c.uleb()
                    guard index <= UInt64(Int32.max) else { throw Failure.malformed }
                    let v: UInt64?
                    switch kind {
                    case 0: v = state.local(Int(index))
                    case 1, 3: v = state.global(Int(index))
                    case 2: v = state.operand(Int(index))
                    default: throw Failure.unsupported(op)
                    }
                    guard let v else { throw Failure.unavailable }
                    stack.append(v)
                    isValue = true
                default:
                    throw Failure.unsupported(op)
                }
                // An operation after DW_OP_WASM_location computes with its value (like DW_OP_bregN).
                if op != 0xed && op != 0x9f && op != 0x93 && isValue && implicit == nil { isValue = false }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .malformed
        }
        if !pieces.isEmpty {
            if let rest = try current() { pieces.append((rest, 8)) }
            return .pieces(pieces)
        }
        return try current() ?? .optimizedOut
    }

    private static func binary(_ op: UInt8, _ a: UInt64, _ b: UInt64) throws(Failure) -> UInt64 {
        switch op {
        case 0x1a: return a & b
        case 0x1b:
            guard b != 0 else { throw .malformed }
            let (x, y) = (Int64(bitPattern: a), Int64(bitPattern: b))
            return UInt64(bitPattern: x.dividedReportingOverflow(by: y).partialValue)
        case 0x1c: return a &- b
        case 0x1d: guard b != 0 else { throw .malformed }; return a % b
        case 0x1e: return a &* b
        case 0x21: return a | b
        case 0x22: return a &+ b
        case 0x24: return b >= 64 ? 0 : a << b
        case 0x25: return b >= 64 ? 0 : a >> b
        case 0x26: return UInt64(bitPattern: Int64(bitPattern: a) >> Int64(min(b, 63)))
        case 0x27: return a ^ b
        default:
            let (x, y) = (Int64(bitPattern: a), Int64(bitPattern: b))
            let r: Bool
            switch op {
            case 0x29: r = x == y
            case 0x2a: r = x >= y
            case 0x2b: r = x > y
            case 0x2c: r = x <= y
            case 0x2d: r = x < y
            default: r = x != y
            }
            return r ? 1 : 0
        }
    }
}
