/// Values as gdb prints them: `65 'A'`, `(int *) 0x10a40`, `0x400 "GOLD"`, `{x = 1, y = 2}`,
/// `{0 <repeats 16 times>}`; Rust slices, strings and enums as `[1, 2, 3]`, `"text"`, `Some(5)`.
extension DebugInfo {
    /// gdb's default `print elements` limit and `repeats` threshold.
    static let elementLimit = 200
    static let repeatThreshold = 10

    func format(_ v: TypedValue, _ state: WasmStateReader, top: Bool = true, depth: Int = 0,
                budget: FormatBudget = FormatBudget()) -> String {
        // Depth and a total count bound what a malformed (or cyclic) type can make us print.
        guard depth < 16, budget.take() else { return "..." }
        if case .optimizedOut = v.location { return "<optimized out>" }
        let r = resolved(v.type)
        switch r.kind {
        case .base:
            guard let size = r.size, let b = v.location.read(size, state) else { return unreadable(v) }
            return scalar(r, b)
        case .enumeration:
            guard let size = r.size, let b = v.location.read(size, state) else { return unreadable(v) }
            let raw = b.littleEndianValue
            let value = signExtend(raw, size)
            if let e = r.enumerators.first(where: { $0.value == value || UInt64(bitPattern: $0.value) == raw }) { return e.name }
            return String(value)
        case .pointer, .reference:
            let size = r.size ?? 4
            guard let b = v.location.read(size, state) else { return unreadable(v) }
            let address = b.littleEndianValue
            let hex = "0x" + String(address, radix: 16)
            let target = resolved(type(r.target))
            if target.isCharacter, r.kind == .pointer {
                return address == 0 ? hex : hex + " " + quotedString(at: address, state)
            }
            if r.kind == .reference && r.isRust == false {
                return "@" + hex + ": " + format(TypedValue(type: type(r.target), location: .memory(address)), state, top: false, depth: depth + 1, budget: budget)
            }
            return top ? "(\(typeName(v.type))) \(hex)" : hex
        case .array:
            return array(v, r, state, depth: depth, budget: budget)
        case .structure, .union, .classType:
            if r.isRust, let special = rustValue(v, r, state, depth: depth, budget: budget) { return special }
            var parts: [String] = []
            for m in r.members {
                let text = member(v, m, state, depth: depth, budget: budget)
                if r.isRust {
                    parts.append((m.name.map { $0 + ": " } ?? "") + text)
                } else {
                    parts.append((m.name.map { $0 + " = " } ?? "") + text)
                }
            }
            if r.isRust {
                let name = r.name ?? ""
                if name.hasPrefix("(") { return "(" + parts.joined(separator: ", ") + ")" }
                if r.members.allSatisfy({ $0.name?.hasPrefix("__") == true }) {
                    return r.members.isEmpty ? shortName(name) : shortName(name) + "(" + r.members.map { member(v, $0, state, depth: depth, budget: budget) }.joined(separator: ", ") + ")"
                }
                return shortName(name) + " {" + parts.joined(separator: ", ") + "}"
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case .void: return "void"
        case .subroutine:
            return "{\(typeName(v.type))} " + (v.location.address.map { "0x" + String($0, radix: 16) } ?? "?")
        default:
            return "<unknown type>"
        }
    }

    func member(_ v: TypedValue, _ m: DType.Member, _ state: WasmStateReader, depth: Int, budget: FormatBudget) -> String {
        let t = type(m.type)
        if let bits = m.bitSize, let bitOffset = m.bitOffset, (1...64).contains(bits), bitOffset >= 0, bitOffset < 1 << 32 {
            let byte = bitOffset / 8
            let span = (bitOffset % 8 + bits + 7) / 8
            guard let b = TypedValue(type: t, location: v.part(byte, span, state)).location.read(span, state) else { return unreadable(v) }
            var raw = (b.littleEndianValue >> UInt64(bitOffset % 8))
            if bits < 64 { raw &= (1 << UInt64(bits)) - 1 }
            let r = resolved(t)
            if r.isSigned, bits < 64, raw & (1 << UInt64(bits - 1)) != 0 { return String(Int64(bitPattern: raw | ~((1 << UInt64(bits)) - 1))) }
            return r.kind == .base ? scalar(r, withUnsafeBytes(of: raw.littleEndian, Array.init).prefix(r.size ?? 8).map { $0 }) : String(raw)
        }
        return format(TypedValue(type: t, location: v.part(m.offset, size(of: t) ?? 0, state)), state, top: false,
                      depth: depth + 1, budget: budget)
    }

    func unreadable(_ v: TypedValue) -> String {
        if let a = v.location.address { return "<error: Cannot access memory at address 0x\(String(a, radix: 16))>" }
        return "<optimized out>"
    }

    func signExtend(_ raw: UInt64, _ size: Int) -> Int64 {
        guard size < 8, size > 0 else { return Int64(bitPattern: raw) }
        let shift = UInt64(64 - size * 8)
        return Int64(bitPattern: raw << shift) >> Int64(shift)
    }

    func scalar(_ t: DType, _ b: [UInt8]) -> String {
        let raw = b.littleEndianValue
        let size = b.count
        switch t.encoding {
        case BaseEncoding.boolean: return raw == 0 ? "false" : "true"
        case BaseEncoding.float:
            if size == 4 { return String(describing: Float(bitPattern: UInt32(truncatingIfNeeded: raw))) }
            if size == 8 { return String(describing: Double(bitPattern: raw)) }
            return "0x" + String(raw, radix: 16)
        case BaseEncoding.signedChar, BaseEncoding.unsignedChar:
            let n = t.encoding == BaseEncoding.signedChar ? String(signExtend(raw, size)) : String(raw)
            return size == 1 ? n + " '" + Self.escape(UInt8(truncatingIfNeeded: raw), quote: "'") + "'" : n
        case BaseEncoding.utf:
            if let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: raw)) {
                let c = raw < 0x80 ? Self.escape(UInt8(raw), quote: "'") : String(Character(scalar))
                return String(raw) + " '" + c + "'"
            }
            return String(raw)
        case BaseEncoding.signed: return String(signExtend(raw, size))
        default: return String(raw)
        }
    }

    static func escape(_ c: UInt8, quote: Character) -> String {
        switch c {
        case 0x0a: return "\\n"
        case 0x09: return "\\t"
        case 0x0d: return "\\r"
        case 0x5c: return "\\\\"
        case UInt8(ascii: "'") where quote == "'": return "\\'"
        case UInt8(ascii: "\"") where quote == "\"": return "\\\""
        case 0x20..<0x7f: return String(UnicodeScalar(c))
        default:
            let octal = String(c, radix: 8)
            return "\\" + String(repeating: "0", count: 3 - octal.count) + octal
        }
    }

    /// A NUL-terminated string in memory, quoted, at most `elementLimit` characters (then `...`).
    func quotedString(at address: UInt64, _ state: WasmStateReader) -> String {
        var chars: [UInt8] = []
        var a = address
        var ended = false
        while chars.count < Self.elementLimit {
            guard let c = state.memory(a, 1)?.first else {
                if chars.isEmpty { return "<error: Cannot access memory at address 0x\(String(address, radix: 16))>" }
                break
            }
            if c == 0 { ended = true; break }
            chars.append(c)
            a &+= 1
        }
        return "\"" + chars.map { Self.escape($0, quote: "\"") }.joined() + "\"" + (ended || chars.count < Self.elementLimit ? "" : "...")
    }

    private func array(_ v: TypedValue, _ r: DType, _ state: WasmStateReader, depth: Int, budget: FormatBudget) -> String {
        var element = type(r.target)
        if r.counts.count > 1 {
            element = DType(kind: .array, name: nil, size: nil, target: r.target, counts: Array(r.counts.dropFirst()))
        }
        guard let count = r.counts.first ?? nil else { return "0x" + String(v.location.address ?? 0, radix: 16) }
        let elementSize = size(of: element) ?? 0
        let shown = min(count, Self.elementLimit)
        let re = resolved(element)
        if re.isCharacter, elementSize == 1 {
            guard let b = v.location.read(shown, state) else { return unreadable(v) }
            // A final NUL is the string's terminator; more trailing NULs are printed, as repeats when many.
            let chars = count == shown && b.last == 0 ? Array(b.dropLast()) : b
            var end = chars.count
            while end > 0 && chars[end - 1] == 0 { end -= 1 }
            let zeros = chars.count - end
            var text = "\"" + chars.map { Self.escape($0, quote: "\"") }.joined() + "\""
            if zeros >= Self.repeatThreshold {
                let head = "\"" + chars[0..<end].map { Self.escape($0, quote: "\"") }.joined() + "\""
                text = (end == 0 ? "" : head + ", ") + "'\\000' <repeats \(zeros) times>"
            }
            return count > shown ? text + "..." : text
        }
        var items: [String] = []
        for i in 0..<shown {
            items.append(format(TypedValue(type: element, location: v.part(i * elementSize, elementSize, state)), state,
                                top: false, depth: depth + 1, budget: budget))
        }
        var grouped: [String] = []
        var i = 0
        while i < items.count {
            var j = i + 1
            while j < items.count && items[j] == items[i] { j += 1 }
            if j - i >= Self.repeatThreshold {
                grouped.append("\(items[i]) <repeats \(j - i) times>")
            } else {
                grouped += items[i..<j]
            }
            i = j
        }
        if r.isRust || re.isRust { return "[" + grouped.joined(separator: ", ") + (count > shown ? "..." : "") + "]" }
        return "{" + grouped.joined(separator: ", ") + (count > shown ? "..." : "") + "}"
    }

    /// The last path component of a Rust type name ("core::option::Option<i32>" -> "Option<i32>").
    func shortName(_ name: String) -> String {
        var depth = 0
        var lastSeparator: String.Index?
        var i = name.startIndex
        while i < name.endIndex {
            let c = name[i]
            if c == "<" { depth += 1 } else if c == ">" { depth -= 1 }
            if depth == 0, c == ":", name.index(after: i) < name.endIndex, name[name.index(after: i)] == ":" {
                lastSeparator = name.index(i, offsetBy: 2)
            }
            i = name.index(after: i)
        }
        return lastSeparator.map { String(name[$0...]) } ?? name
    }

    /// Rust slices (`&[T]`), strings (`&str`) and enums (a variant part).
    private func rustValue(_ v: TypedValue, _ r: DType, _ state: WasmStateReader, depth: Int, budget: FormatBudget) -> String? {
        let name = r.name ?? ""
        if let part = r.variantPart {
            var discriminant: UInt64?
            if let d = part.discriminant {
                let dt = resolved(type(d.type))
                if let size = dt.size, let b = v.part(d.offset, size, state).read(size, state) { discriminant = b.littleEndianValue }
            }
            let chosen = part.variants.first { $0.value != nil && $0.value == discriminant } ?? part.variants.first { $0.value == nil }
            guard let variant = chosen else { return "<invalid enum value>" }
            let t = resolved(type(variant.member.type))
            let inner = TypedValue(type: t, location: v.part(variant.member.offset, size(of: t) ?? 0, state))
            let fields = t.members.filter { $0.name != "<<variant>>" && $0.name?.hasPrefix("RUST$") != true }
            let variantName = variant.member.name ?? shortName(t.name ?? "?")
            if fields.isEmpty { return variantName }
            if fields.allSatisfy({ $0.name?.hasPrefix("__") == true }) {
                return variantName + "(" + fields.map { member(inner, $0, state, depth: depth, budget: budget) }.joined(separator: ", ") + ")"
            }
            return variantName + " {" + fields.map { ($0.name ?? "?") + ": " + member(inner, $0, state, depth: depth, budget: budget) }.joined(separator: ", ") + "}"
        }
        let isSlice = name.hasPrefix("&[") || name.hasPrefix("&mut [") || name.hasPrefix("*const [") || name.hasPrefix("*mut [")
        let isStr = name == "&str" || name == "&mut str"
        guard isSlice || isStr, let ptr = r.members.first(where: { $0.name == "data_ptr" }),
              let len = r.members.first(where: { $0.name == "length" }) else { return nil }
        let ptrType = resolved(type(ptr.type))
        guard let pb = v.part(ptr.offset, ptrType.size ?? 4, state).read(ptrType.size ?? 4, state),
              let lb = v.part(len.offset, resolved(type(len.type)).size ?? 4, state).read(resolved(type(len.type)).size ?? 4, state)
        else { return unreadable(v) }
        let address = pb.littleEndianValue
        let length = Int(clamping: lb.littleEndianValue)
        if isStr {
            let n = min(length, Self.elementLimit)
            guard let b = state.memory(address, n) else { return "<error: Cannot access memory at address 0x\(String(address, radix: 16))>" }
            return "\"" + String(decoding: b, as: UTF8.self).unicodeScalars.map { $0.isASCII ? Self.escape(UInt8($0.value), quote: "\"") : String($0) }.joined() + "\"" + (length > n ? "..." : "")
        }
        let element = type(ptrType.target)
        let elementSize = size(of: element) ?? 0
        let shown = min(length, Self.elementLimit)
        let items = (0..<shown).map {
            format(TypedValue(type: element, location: .memory(address &+ UInt64($0 * elementSize))), state, top: false,
                   depth: depth + 1, budget: budget)
        }
        return "[" + items.joined(separator: ", ") + (length > shown ? "..." : "") + "]"
    }
}

/// How many more values one `format` may print.
final class FormatBudget {
    var remaining = 20_000
    func take() -> Bool {
        remaining -= 1
        return remaining >= 0
    }
}
