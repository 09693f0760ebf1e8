/// Checkpoints for time travel: re-execution starts from the nearest one at or
/// before the target step. Taken every `interval` instructions while running
/// (run in `RunLimits.maxSteps` chunks) and at every stop. Memory is bounded:
/// at most `maxCount` checkpoints and `maxBytes` in total; past that the
/// checkpoint whose removal leaves the smallest gap goes (never the first, step 0,
/// nor the newest), so older history thins out evenly instead of being lost.
struct CheckpointHistory {
    /// Instructions between periodic checkpoints.
    static let interval: UInt64 = 1 << 20
    static let maxCount = 64
    static let maxBytes = 256 << 20

    private(set) var entries: [(step: UInt64, checkpoint: TargetCheckpoint)] = []
    private(set) var totalBytes = 0
    /// Steps whose checkpoint holds a debugger change: never thinned out.
    private(set) var pinned: Set<UInt64> = []

    var count: Int { entries.count }

    /// The next periodic checkpoint step after `step`.
    static func nextPeriodicStep(after step: UInt64) -> UInt64 { (step / interval + 1) * interval }

    func contains(step: UInt64) -> Bool { index(atOrBefore: step).map { entries[$0].step == step } ?? false }

    /// The checkpoint to replay from for `step`.
    func nearest(atOrBefore step: UInt64) -> (step: UInt64, checkpoint: TargetCheckpoint)? {
        index(atOrBefore: step).map { entries[$0] }
    }

    /// Steps of the checkpoints before `step`, newest first (reverse-continue walks them).
    func steps(before step: UInt64) -> [UInt64] { entries.map(\.step).filter { $0 < step }.reversed() }

    mutating func insert(step: UInt64, checkpoint: TargetCheckpoint, pinned pin: Bool = false) {
        if pin { pinned.insert(step) }
        if let i = index(atOrBefore: step), entries[i].step == step {
            totalBytes += checkpoint.byteSize - entries[i].checkpoint.byteSize
            entries[i].checkpoint = checkpoint
        } else {
            let at = index(atOrBefore: step).map { $0 + 1 } ?? 0
            entries.insert((step, checkpoint), at: at)
            totalBytes += checkpoint.byteSize
        }
        thin(keeping: step)
    }

    /// Forgets checkpoints at or after `step` (a `set` changed the timeline there).
    mutating func removeAll(from step: UInt64) {
        while let last = entries.last, last.step >= step {
            totalBytes -= last.checkpoint.byteSize
            pinned.remove(last.step)
            entries.removeLast()
        }
    }

    private mutating func thin(keeping kept: UInt64) {
        while entries.count > 2 && (entries.count > Self.maxCount || totalBytes > Self.maxBytes) {
            var best: Int?
            var bestGap = UInt64.max
            for i in 1 ..< entries.count - 1 where entries[i].step != kept && !pinned.contains(entries[i].step) {
                let gap = entries[i + 1].step - entries[i - 1].step
                if gap < bestGap { bestGap = gap; best = i }
            }
            guard let best else { return }
            totalBytes -= entries[best].checkpoint.byteSize
            entries.remove(at: best)
        }
    }

    private func index(atOrBefore step: UInt64) -> Int? {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].step <= step { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }
}
