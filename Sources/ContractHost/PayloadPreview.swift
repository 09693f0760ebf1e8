/// Bounded previews of draft and host-call payloads (issue 10 item 7): a payload longer
/// than `limit` shows its first bytes, its length and a hash, so a 64 MiB event costs the
/// draft pane and `draft` a few hundred bytes. The hash is computed once, when the host
/// stores the payload (it has just read every byte anyway); previews only format it.
public enum PayloadPreview {
    /// Bytes (of hex, or characters of text) shown before `…`.
    public static let limit = 64

    /// FNV-1a 64 of the bytes.
    public static func digest(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        return h
    }

    /// What follows `…` in a truncated preview: ` (67108864 bytes, fnv1a 0123456789abcdef)`.
    public static func tail(count: Int, digest: UInt64) -> String {
        let hex = String(digest, radix: 16)
        return " (\(count) bytes, fnv1a \(String(repeating: "0", count: 16 - hex.count) + hex))"
    }

    /// The first `count` bytes, shortened by up to 3 more so UTF-8 text is not cut inside a character.
    public static func head(_ bytes: [UInt8], count: Int = limit) -> ArraySlice<UInt8> {
        let head = bytes.prefix(count)
        guard head.count < bytes.count else { return head }
        for cut in 0 ... 3 where cut < head.count {
            let candidate = head.dropLast(cut)
            if String(validating: candidate, as: UTF8.self) != nil { return candidate }
        }
        return head
    }
}
