extension ModuleDecoder {
    /// WasmParser reads an element segment's flags without checking their range, so
    /// a flag of 8 or more would decode as one of 0...7. This re-walks the section
    /// (already decoded once, so well formed up to such a flag) and refuses them.
    func checkElementFlags() throws(LoadError) {
        var reader = LEBReader(bytes: decodingBytes, position: sectionOffset + 1)
        _ = reader.read()                              // section size
        let count = reader.read()
        for _ in 0..<count {
            guard reader.position < decodingBytes.count else { return }
            let flagOffset = reader.position
            let flags = reader.read()
            guard flags <= 7 else {
                throw LoadError(.malformed, "malformed elements segment kind \(flags)", offset: flagOffset)
            }
            if flags & 1 == 0 {                        // active
                if flags & 2 != 0 { _ = reader.read() } // table index
                guard skipConstExpression(&reader) else { return }
            }
            let usesExpressions = flags & 4 != 0
            if flags != 0, flags != 4 { reader.position += 1 }   // elemkind or reftype
            let items = reader.read()
            for _ in 0..<items {
                guard reader.position < decodingBytes.count else { return }
                if usesExpressions {
                    guard skipConstExpression(&reader) else { return }
                } else {
                    _ = reader.read()
                }
            }
            guard reader.position <= decodingBytes.count else { return }
        }
    }

    /// Skips a constant expression made of the instructions constant expressions may hold;
    /// false at anything else (such a segment is refused by validation anyway).
    private func skipConstExpression(_ reader: inout LEBReader) -> Bool {
        while reader.position < decodingBytes.count {
            let opcode = decodingBytes[reader.position]
            reader.position += 1
            switch opcode {
            case 0x0B: return true
            case 0x41, 0x42, 0x23, 0xD2: _ = reader.read()
            case 0x43: reader.position += 4
            case 0x44: reader.position += 8
            case 0xD0: reader.position += 1
            default: return false
            }
        }
        return false
    }
}
