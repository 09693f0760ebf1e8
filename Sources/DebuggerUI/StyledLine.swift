import DebuggerCore
import WasmVM

/// One line of pane content: styled spans, optionally on a full-width highlight.
public struct StyledLine: Hashable, Sendable {
    public struct Span: Hashable, Sendable {
        public var text: String
        public var style: Style
    }
    public var spans: [Span] = []
    /// Highlights the whole row; spans in `.normal` take this style.
    public var background: Style?

    public init(_ text: String = "", _ style: Style = .normal, background: Style? = nil) {
        if !text.isEmpty { spans = [Span(text: text, style: style)] }
        self.background = background
    }

    public mutating func append(_ text: String, _ style: Style = .normal) {
        spans.append(Span(text: text, style: style))
    }

    public var plainText: String { spans.map(\.text).joined() }

    /// The line without its first `count` characters (panning a long line).
    public func droppingColumns(_ count: Int) -> StyledLine {
        var line = StyledLine(background: background)
        var left = count
        for span in spans {
            if left >= span.text.count { left -= span.text.count; continue }
            line.spans.append(Span(text: String(span.text.dropFirst(left)), style: span.style))
            left = 0
        }
        return line
    }

    /// Draws into one row of a canvas, clipped to `width` columns.
    func draw(on canvas: inout Canvas, column: Int, row: Int, width: Int) {
        let base = background ?? .normal
        canvas.fill(Rect(x: column, y: row, width: width, height: 1), with: Cell(" ", base))
        var x = column
        for span in spans {
            x = canvas.put(span.text, column: x, row: row, style: span.style == .normal ? base : span.style,
                           limit: column + width - x)
        }
    }
}

/// Fixed-width text helpers shared by the panes.
enum Format {
    static func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let s = String(value, radix: 16)
        return s.count >= digits ? s : String(repeating: "0", count: digits - s.count) + s
    }

    static func padded(_ text: String, _ width: Int) -> String {
        let cells = DisplayText.width(text)
        return cells >= width ? text : text + String(repeating: " ", count: width - cells)
    }

    /// The end of `text` that takes at most `cells` cells once escaped (wide characters count two).
    static func suffix(_ text: String, cells: Int) -> String {
        var out = "", used = 0
        for ch in text.reversed() {
            let w = DisplayText.width(String(ch))
            if used + w > cells { break }
            out.insert(ch, at: out.startIndex); used += w
        }
        return out
    }

    /// The start of `text` that takes at most `cells` cells once escaped.
    static func prefix(_ text: String, cells: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let w = DisplayText.width(String(ch))
            if used + w > cells { break }
            out.append(ch); used += w
        }
        return out
    }

    static func rightAligned(_ text: String, _ width: Int) -> String {
        let cells = DisplayText.width(text)
        return cells >= width ? text : String(repeating: " ", count: width - cells) + text
    }

    /// `i32 42`: type and readable value.
    static func readable(_ value: Value) -> String {
        switch value {
        case .i32(let v): "i32 \(Int32(bitPattern: v))"
        case .i64(let v): "i64 \(Int64(bitPattern: v))"
        case .f32(let v): "f32 \(Float(bitPattern: v))"
        case .f64(let v): "f64 \(Double(bitPattern: v))"
        case .funcref(let a): "funcref \(a.map(String.init) ?? "null")"
        case .externref(let a): "externref \(a.map(String.init) ?? "null")"
        case .v128(let v): "v128 \(v)"
        }
    }

    /// `0x0000002a`: the raw bits of a number, nil for references.
    static func bits(_ value: Value) -> String? {
        switch value {
        case .i32(let v), .f32(let v): "0x\(hex(v, digits: 8))"
        case .i64(let v), .f64(let v): "0x\(hex(v, digits: 16))"
        case .funcref, .externref: nil
        case .v128(let v): "\(v)"
        }
    }

    /// `i32 0x0000002a  42`: type, raw bits, then the readable value.
    static func typed(_ value: Value) -> String {
        switch value {
        case .i32(let v): "i32 0x\(hex(v, digits: 8))  \(Int32(bitPattern: v))"
        case .i64(let v): "i64 0x\(hex(v, digits: 16))  \(Int64(bitPattern: v))"
        case .f32(let v): "f32 0x\(hex(v, digits: 8))  \(Float(bitPattern: v))"
        case .f64(let v): "f64 0x\(hex(v, digits: 16))  \(Double(bitPattern: v))"
        case .funcref(let a): "funcref \(a.map(String.init) ?? "null")"
        case .externref(let a): "externref \(a.map(String.init) ?? "null")"
        case .v128(let v): "v128 \(v)"
        }
    }
}
