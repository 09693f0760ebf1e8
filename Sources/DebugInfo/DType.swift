/// A type as the formatter and the expression evaluator see it, built from its DIE.
/// Other types are named by `.debug_info` offset (`nil` is void), so recursive types stay finite.
struct DType {
    enum Kind: Equatable {
        case base, pointer, reference, array, structure, union, classType, enumeration, subroutine
        case typedef, const, volatile, restrict, atomic, void, unspecified
    }

    struct Member {
        var name: String?
        var type: Int?
        var offset: Int
        var bitSize: Int?
        var bitOffset: Int?
    }

    /// A Rust enum's variants (`DW_TAG_variant_part`): the discriminant member, and each variant's
    /// discriminant value (nil: the default variant) and its member.
    struct VariantPart {
        var discriminant: Member?
        var variants: [(value: UInt64?, member: Member)]
    }

    var kind: Kind
    var name: String?
    var size: Int?
    var encoding: UInt64 = 0
    /// Pointee, element, underlying or return type.
    var target: Int?
    var counts: [Int?] = []
    var members: [Member] = []
    var enumerators: [(name: String, value: Int64)] = []
    var parameters: [Int?] = []
    var variadic = false
    var variantPart: VariantPart?
    var isRust = false
    /// The DIE it was built from (nil for pointers made by `&x`).
    var offset: Int?

    static let void = DType(kind: .void, name: "void", size: 1)

    var isAggregate: Bool { kind == .structure || kind == .union || kind == .classType }
    var isQualifierOrTypedef: Bool { [.typedef, .const, .volatile, .restrict, .atomic].contains(kind) }
    var isPointerLike: Bool { kind == .pointer || kind == .reference }
    var isCharacter: Bool {
        kind == .base && size == 1
            && [BaseEncoding.signedChar, BaseEncoding.unsignedChar, BaseEncoding.utf].contains(encoding)
    }
    var isSigned: Bool { kind == .base && (encoding == BaseEncoding.signed || encoding == BaseEncoding.signedChar) }
}
