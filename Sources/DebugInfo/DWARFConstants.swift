/// The DWARF numbers this reader uses (DWARF 5 standard, section 7).
enum Tag {
    static let arrayType: UInt16 = 0x01, classType: UInt16 = 0x02, enumerationType: UInt16 = 0x04
    static let formalParameter: UInt16 = 0x05, lexicalBlock: UInt16 = 0x0b, member: UInt16 = 0x0d
    static let pointerType: UInt16 = 0x0f, referenceType: UInt16 = 0x10, compileUnit: UInt16 = 0x11
    static let structureType: UInt16 = 0x13, subroutineType: UInt16 = 0x15, typedef: UInt16 = 0x16
    static let unionType: UInt16 = 0x17, unspecifiedParameters: UInt16 = 0x18, variant: UInt16 = 0x19
    static let inlinedSubroutine: UInt16 = 0x1d, subrangeType: UInt16 = 0x21, baseType: UInt16 = 0x24
    static let constType: UInt16 = 0x26, enumerator: UInt16 = 0x28, subprogram: UInt16 = 0x2e
    static let templateTypeParameter: UInt16 = 0x2f, variable: UInt16 = 0x34, volatileType: UInt16 = 0x35
    static let restrictType: UInt16 = 0x37, namespace: UInt16 = 0x39, unspecifiedType: UInt16 = 0x3b
    static let partialUnit: UInt16 = 0x3c, rvalueReferenceType: UInt16 = 0x42, atomicType: UInt16 = 0x47
    static let variantPart: UInt16 = 0x33, skeletonUnit: UInt16 = 0x4a
}

enum Attribute {
    static let sibling: UInt16 = 0x01, location: UInt16 = 0x02, name: UInt16 = 0x03, byteSize: UInt16 = 0x0b
    static let stmtList: UInt16 = 0x10, lowPC: UInt16 = 0x11, highPC: UInt16 = 0x12, language: UInt16 = 0x13
    static let compDir: UInt16 = 0x1b, constValue: UInt16 = 0x1c, upperBound: UInt16 = 0x2f
    static let abstractOrigin: UInt16 = 0x31, producer: UInt16 = 0x25, count: UInt16 = 0x37
    static let dataMemberLocation: UInt16 = 0x38, declFile: UInt16 = 0x3a, declLine: UInt16 = 0x3b
    static let declaration: UInt16 = 0x3c, encoding: UInt16 = 0x3e, external: UInt16 = 0x3f
    static let frameBase: UInt16 = 0x40, specification: UInt16 = 0x47, type: UInt16 = 0x49
    static let ranges: UInt16 = 0x55, callFile: UInt16 = 0x58, callLine: UInt16 = 0x59, callColumn: UInt16 = 0x57
    static let discr: UInt16 = 0x15, discrValue: UInt16 = 0x16, lowerBound: UInt16 = 0x22
    static let linkageName: UInt16 = 0x6e, mipsLinkageName: UInt16 = 0x2007
    static let strOffsetsBase: UInt16 = 0x72, addrBase: UInt16 = 0x73, rnglistsBase: UInt16 = 0x74
    static let loclistsBase: UInt16 = 0x8c, dataBitOffset: UInt16 = 0x6b, bitSize: UInt16 = 0x0d
    static let artificial: UInt16 = 0x34
}

enum Form {
    static let addr: UInt64 = 0x01, block2: UInt64 = 0x03, block4: UInt64 = 0x04, data2: UInt64 = 0x05
    static let data4: UInt64 = 0x06, data8: UInt64 = 0x07, string: UInt64 = 0x08, block: UInt64 = 0x09
    static let block1: UInt64 = 0x0a, data1: UInt64 = 0x0b, flag: UInt64 = 0x0c, sdata: UInt64 = 0x0d
    static let strp: UInt64 = 0x0e, udata: UInt64 = 0x0f, refAddr: UInt64 = 0x10, ref1: UInt64 = 0x11
    static let ref2: UInt64 = 0x12, ref4: UInt64 = 0x13, ref8: UInt64 = 0x14, refUdata: UInt64 = 0x15
    static let indirect: UInt64 = 0x16, secOffset: UInt64 = 0x17, exprloc: UInt64 = 0x18
    static let flagPresent: UInt64 = 0x19, strx: UInt64 = 0x1a, addrx: UInt64 = 0x1b, refSup4: UInt64 = 0x1c
    static let strpSup: UInt64 = 0x1d, data16: UInt64 = 0x1e, lineStrp: UInt64 = 0x1f, refSig8: UInt64 = 0x20
    static let implicitConst: UInt64 = 0x21, loclistx: UInt64 = 0x22, rnglistx: UInt64 = 0x23
    static let refSup8: UInt64 = 0x24, strx1: UInt64 = 0x25, strx2: UInt64 = 0x26, strx3: UInt64 = 0x27
    static let strx4: UInt64 = 0x28, addrx1: UInt64 = 0x29, addrx2: UInt64 = 0x2a, addrx3: UInt64 = 0x2b
    static let addrx4: UInt64 = 0x2c
    static let gnuAddrIndex: UInt64 = 0x1f01, gnuStrIndex: UInt64 = 0x1f02
    static let gnuRefAlt: UInt64 = 0x1f20, gnuStrpAlt: UInt64 = 0x1f21
}

enum BaseEncoding {
    static let address: UInt64 = 0x01, boolean: UInt64 = 0x02, float: UInt64 = 0x04, signed: UInt64 = 0x05
    static let signedChar: UInt64 = 0x06, unsigned: UInt64 = 0x07, unsignedChar: UInt64 = 0x08
    static let utf: UInt64 = 0x10
}
