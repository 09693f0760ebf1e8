/// Checkpoints for time travel: re-execution starts from the nearest one at or
/// before the target step. Taken every `interval` instructions while running
/// (run in `RunLimits.maxSteps` chunks) and at every stop. Memory is bounded:
/// at most `maxCount` checkpoints and `budget` bytes in total (each checkpoint's own
/// bytes plus the memory pages they share, each distinct page once); past that the
/// checkpoint whose removal leaves the smallest gap goes (never the first, step 0,
/// nor the newest), so older history thins out evenly instead of being lost.
public struct CheckpointHistory {
    /// Instructions between periodic checkpoints.
    static let interval: UInt64 = 1 << 20
    static let maxCount = 64
    /// `debug --history-budget` when not given: 256 MiB.
    public static let defaultBudget = 256 << 20
    /// The range `--history-budget` accepts: 1 MiB to 1 TiB.
    public static let budgetRange = (1 << 20) ... (1 << 40)

    let budget: Int

    private(set) var entries: [(step: UInt64, checkpoint: TargetCheckpoint)] = []
    /// The checkpoints' own bytes (`TargetCheckpoint.byteSize`), shared pages not included.
    private(set) var ownBytes = 0
    /// Steps whose checkpoint holds a debugger change: never thinned out.
    private(set) var pinned: Set<UInt64> = []

    init(budget: Int = CheckpointHistory.defaultBudget) { self.budget = budget }

    var count: Int { entries.count }

    /// Bytes held: own bytes plus the page copies alive for the machine's memories (held by
    /// these checkpoints, and by the session's first one and the live memory's image).
    var totalBytes: Int { ownBytes + (entries.last?.checkpoint.machine.sharedPageBytes ?? 0) }

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
            ownBytes += checkpoint.byteSize - entries[i].checkpoint.byteSize
            entries[i].checkpoint = checkpoint
        } else {
            let at = index(atOrBefore: step).map { $0 + 1 } ?? 0
            entries.insert((step, checkpoint), at: at)
            ownBytes += checkpoint.byteSize
        }
        thin(keeping: step)
    }

    /// Forgets checkpoints at or after `step` (a `set` changed the timeline there).
    mutating func removeAll(from step: UInt64) {
        while let last = entries.last, last.step >= step {
            ownBytes -= last.checkpoint.byteSize
            pinned.remove(last.step)
            entries.removeLast()
        }
    }

    /// Forgets every checkpoint but step 0 and those holding debugger changes (out of host memory).
    mutating func dropUnpinned() {
        entries.removeAll { $0.step != 0 && !pinned.contains($0.step) }
        ownBytes = entries.reduce(0) { $0 + $1.checkpoint.byteSize }
    }

    private mutating func thin(keeping kept: UInt64) {
        while entries.count > 2 && (entries.count > Self.maxCount || totalBytes > budget) {
            var best: Int?
            var bestGap = UInt64.max
            for i in 1 ..< entries.count - 1 where entries[i].step != kept && !pinned.contains(entries[i].step) {
                let gap = entries[i + 1].step - entries[i - 1].step
                if gap < bestGap { bestGap = gap; best = i }
            }
            guard let best else { return }
            ownBytes -= entries[best].checkpoint.byteSize
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
