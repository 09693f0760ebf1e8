import ContractHost

/// A self-contained interactive flame graph (SVG with an inline script, no external
/// scripts or fonts): one frame per distinct stack prefix, widths by fuel, the entry
/// function on the bottom row under `all`. Hover shows name, fuel and share; click
/// zooms; Search highlights by regular expression. Deterministic byte for byte.
enum FlameGraph {
    static let width = 1200
    static let frameHeight = 16
    static let top = 56
    static let bottom = 28
    static let pad = 10
    /// Monospace at 12px: about 7.2 px per character (labels are cut to fit).
    static let charWidth = 7.2

    final class Node {
        let name: String
        var fuel: UInt64 = 0
        var children: [String: Node] = [:]
        init(_ name: String) { self.name = name }
    }

    struct Frame {
        var name: String
        var depth: Int
        /// Fuel before this frame on its row, and its own width in fuel.
        var start: UInt64
        var fuel: UInt64
        var isHost: Bool
    }

    /// Frames in drawing order: depth-first, children by name (as flamegraph.pl sorts them).
    static func frames(_ profile: FuelProfile) -> [Frame] {
        let root = Node("all")
        for line in FoldedStacks.lines(profile) {
            root.fuel += line.fuel
            var node = root
            for name in line.stack.split(separator: ";", omittingEmptySubsequences: false).map(String.init) {
                let child = node.children[name] ?? Node(name)
                node.children[name] = child
                child.fuel += line.fuel
                node = child
            }
        }
        var out: [Frame] = []
        func visit(_ node: Node, depth: Int, start: UInt64) {
            out.append(Frame(name: node.name, depth: depth, start: start, fuel: node.fuel, isHost: node.name.hasSuffix(" (host)")))
            var x = start
            for child in node.children.values.sorted(by: { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }) {
                visit(child, depth: depth + 1, start: x)
                x += child.fuel
            }
        }
        visit(root, depth: 0, start: 0)
        return out
    }

    static func svg(_ profile: FuelProfile, title: String) -> String {
        let frames = frames(profile)
        let total = max(profile.total, 1)
        let depth = (frames.map(\.depth).max() ?? 0) + 1
        let height = top + depth * frameHeight + bottom
        let inner = width - 2 * pad
        var s = """
        <?xml version="1.0" standalone="no"?>
        <svg version="1.1" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" xmlns="http://www.w3.org/2000/svg" \
        data-total="\(profile.total)" data-inner="\(inner)" data-pad="\(pad)" data-char="\(charWidth)">
        <style>
        text { font-family: monospace; font-size: 12px; fill: rgb(0,0,0); }
        #title { font-size: 17px; text-anchor: middle; }
        .button { cursor: pointer; fill: rgb(0,0,160); }
        .button.hidden { display: none; }
        g.frame { cursor: pointer; }
        g.frame:hover rect { stroke: rgb(0,0,0); stroke-width: 0.5; }
        g.frame text { pointer-events: none; }
        </style>
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="rgb(248,248,240)"/>
        <text id="title" x="\(width / 2)" y="24">\(xml(title))</text>
        <text id="reset" class="button hidden" x="\(pad)" y="24">Reset Zoom</text>
        <text id="search" class="button" x="\(width - pad - 120)" y="24">Search</text>
        <text id="matched" x="\(width - pad - 120)" y="\(height - 10)"></text>
        <text id="details" x="\(pad)" y="\(height - 10)"> </text>
        <g id="frames">

        """
        for f in frames {
            let x = pad * 100 + scaled(f.start, total, inner), w = scaled(f.fuel, total, inner)
            guard w >= 10 else { continue }   // narrower than 0.1 px: not drawn (as flamegraph.pl's minwidth)
            let y = top + (depth - 1 - f.depth) * frameHeight
            let share = profile.share(f.fuel)
            let label = self.label(f.name, widthHundredths: w)
            s += "<g class=\"frame\" data-name=\"\(xml(f.name))\" data-fuel=\"\(f.fuel)\" data-start=\"\(f.start)\" data-depth=\"\(f.depth)\">"
            s += "<title>\(xml(f.name)) (\(f.fuel) fuel, \(share))</title>"
            s += "<rect x=\"\(hundredths(x))\" y=\"\(y)\" width=\"\(hundredths(w))\" height=\"\(frameHeight - 1)\" rx=\"2\" ry=\"2\" fill=\"\(color(f))\"/>"
            s += "<text x=\"\(hundredths(x + 300))\" y=\"\(y + frameHeight - 4)\">\(xml(label))</text></g>\n"
        }
        s += "</g>\n<script type=\"text/ecmascript\"><![CDATA[\n" + script + "]]></script>\n</svg>\n"
        return s
    }

    /// `fuel / total` of `inner` pixels, in hundredths of a pixel (integer arithmetic).
    static func scaled(_ fuel: UInt64, _ total: UInt64, _ inner: Int) -> Int {
        let product = min(fuel, total).multipliedFullWidth(by: UInt64(inner) * 100)
        return Int(total.dividingFullWidth((product.high, product.low)).quotient)
    }

    static func hundredths(_ v: Int) -> String {
        let fraction = v % 100
        return "\(v / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The name cut to the frame's width (`..` marks a cut), empty when under three characters fit.
    static func label(_ name: String, widthHundredths: Int) -> String {
        let fits = Int((Double(widthHundredths) / 100 - 6) / charWidth)
        if fits < 3 { return "" }
        if name.count <= fits { return name }
        return String(name.prefix(fits - 2)) + ".."
    }

    /// flamegraph.pl's "hot" palette, keyed by the name's bytes (not random: deterministic);
    /// host functions in blues, `all` in grey.
    static func color(_ f: Frame) -> String {
        if f.depth == 0 { return "rgb(200,200,200)" }
        var hash: UInt32 = 2_166_136_261
        for b in f.name.utf8 { hash = (hash ^ UInt32(b)) &* 16_777_619 }
        let v1 = Int(hash % 1000), v2 = Int((hash / 1000) % 1000)
        if f.isHost { return "rgb(\(80 + v2 * 50 / 1000),\(140 + v1 * 60 / 1000),230)" }
        return "rgb(\(205 + v1 * 50 / 1000),\(v2 * 230 / 1000),\(v1 * 55 / 1000))"
    }

    static func xml(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}
