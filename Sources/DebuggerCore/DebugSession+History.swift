/// Checkpoints that cannot be allocated: time travel then replays from the start instead
/// of failing the session.
extension DebugSession {
    /// A checkpoint of here; when the host is out of memory, drops the history (but step 0)
    /// and tries once more, noting it for the next stop.
    func takeCheckpoint() -> TargetCheckpoint? {
        if let checkpoint = target.checkpoint() { return checkpoint }
        history.dropUnpinned()
        historyNote = "note: out of host memory for checkpoints: time-travel history dropped (going back replays from the start)"
        return target.checkpoint()
    }

    /// Adds a checkpoint of here to the history, if one can be allocated.
    func recordCheckpoint() {
        if let checkpoint = takeCheckpoint() { history.insert(step: machine.steps, checkpoint: checkpoint) }
    }
}
