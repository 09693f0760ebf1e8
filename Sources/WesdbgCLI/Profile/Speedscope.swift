import ContractHost

/// speedscope's file format (https://www.speedscope.app/file-format-schema.json): one
/// "sampled" profile whose samples are the distinct stacks and whose weights are their
/// self fuel (speedscope has no fuel unit, so the unit is "none").
enum Speedscope {
    static func text(_ profile: FuelProfile, name: String) -> String {
        var frames: [String] = []
        var index: [String: Int] = [:]
        var samples: [JSONValue] = []
        var weights: [JSONValue] = []
        for line in FoldedStacks.lines(profile) {
            let ids = line.stack.split(separator: ";", omittingEmptySubsequences: false).map { frame -> Int in
                let f = String(frame)
                if let i = index[f] { return i }
                frames.append(f)
                index[f] = frames.count - 1
                return frames.count - 1
            }
            samples.append(.array(ids.map { .integer($0) }))
            weights.append(.integer(line.fuel))
        }
        let document: JSONValue = .object([
            ("$schema", .string("https://www.speedscope.app/file-format-schema.json")),
            ("shared", .object([("frames", .array(frames.map { .object([("name", .string($0))]) }))])),
            ("profiles", .array([.object([
                ("type", .string("sampled")),
                ("name", .string("\(name) (fuel)")),
                ("unit", .string("none")),
                ("startValue", .integer(0)),
                ("endValue", .integer(profile.total)),
                ("samples", .array(samples)),
                ("weights", .array(weights)),
            ])])),
            ("name", .string("\(name) (fuel)")),
            ("activeProfileIndex", .integer(0)),
            ("exporter", .string("wesdbg")),
        ])
        return document.compactText + "\n"
    }
}
