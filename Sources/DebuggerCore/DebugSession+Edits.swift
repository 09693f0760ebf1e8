import ContractHost
import WasmVM

/// A change in effect: what `set`, `return`, `mock` and `unmock` did, at the step they did it.
struct Change {
    var step: UInt64
    /// `set local 0 i32:10` (the `debuggerChanges` line after `step N: `).
    var text: String
    var isFuel: Bool
    /// How a snapshot replays it (`save` writes these as `edits`).
    var edit: SnapshotEdit
    /// The index of the snapshot edit this change applied, if it came from one.
    var scheduled: Int?
}

/// How replaying a snapshot's edits went (`wesdbg run`, and `wesdbg debug` checking them first).
public struct EditReplayReport: Sendable, Equatable {
    /// Edits applied at their steps.
    public var applied: Int
    /// Edits whose step the call never reached.
    public var unreached: [EditReport.Unreached]
    /// The first edit that could not be applied: `edits[2].set` and why.
    public var failure: (place: String, message: String)?
    /// The step the call ended at.
    public var endStep: UInt64

    public static func == (a: Self, b: Self) -> Bool {
        a.applied == b.applied && a.unreached == b.unreached && a.endStep == b.endStep
            && a.failure?.place == b.failure?.place && a.failure?.message == b.failure?.message
    }

    public var report: EditReport { EditReport(applied: applied, unreached: unreached, endStep: endStep) }
}

/// A snapshot's `edits`: applied when execution reaches their steps, by every way of getting
/// there (forward moves, `goto`, `restart`, `save`'s run to the end), so the session shows
/// what the session that saved them showed. An applied edit is a change like a `set`: going
/// back before it undoes it, and it is applied again when execution passes its step again.
extension DebugSession {
    func isApplied(_ index: Int) -> Bool { changes.contains { $0.scheduled == index } }

    /// The first scheduled edit not in effect (and not refused) at or after the current step.
    func nextPendingEdit() -> (index: Int, edit: SnapshotEdit)? {
        if scheduledEdits.isEmpty { return nil }
        let here = machine.steps
        for (i, edit) in scheduledEdits.enumerated() where edit.step >= here && editFailures[i] == nil && !isApplied(i) {
            return (i, edit)
        }
        return nil
    }

    /// The first scheduled edit not in effect at or before `step` (a `goto` past it applies it on the way).
    func firstPendingEdit(atOrBefore step: UInt64) -> (index: Int, edit: SnapshotEdit)? {
        for (i, edit) in scheduledEdits.enumerated() where edit.step <= step && editFailures[i] == nil && !isApplied(i) {
            return (i, edit)
        }
        return nil
    }

    func hasPendingEdit(at step: UInt64) -> Bool { nextPendingEdit().map { $0.edit.step == step } ?? false }

    /// Applies the scheduled edits of the current step (paused there, before its instruction runs).
    func applyDueEdits() {
        guard !scheduledEdits.isEmpty, isRunning else { return }
        while let (index, edit) = nextPendingEdit(), edit.step == machine.steps {
            applyingEdit = index
            do throws(CommandError) {
                try apply(edit)
                editNotes.append("edits[\(index)] applied: \(edit.text)")
            } catch {
                // The place (`edits[2].return`) names the command: drop its `return: ` prefix.
                var message = Substring(error.message)
                for verb in ["return: ", "mock: ", "unmock: "] where message.hasPrefix(verb) { message = message.dropFirst(verb.count) }
                editFailures[index] = String(message)
                editNotes.append("edits[\(index)] not applied: \(edit.text): \(message)")
            }
            applyingEdit = nil
        }
    }

    /// Makes one edit's change, as its command would.
    func apply(_ edit: SnapshotEdit) throws(CommandError) {
        switch edit.action {
        case .set(let text):
            let words = text.split(separator: " ").map(String.init)
            let selected = selectedFrame
            defer { selectedFrame = selected }
            if let frame = edit.frame {
                guard frame < frames.count else { throw CommandError("no frame \(frame) (the call has \(frames.count))") }
                selectedFrame = frame
            }
            _ = try setCommand(words)
        case .fuel(let limit):
            _ = try setCommand(["fuel", String(limit)])
        case .returnValues(let words):
            _ = try prepareReturn(words)
        case .mock(let text):
            _ = try mockCommand(["host"] + text.split(separator: " ").map(String.init))
        case .unmock(let name):
            _ = try unmockCommand([name])
        }
    }

    /// Where a failing edit is named: `edits[2].set`.
    func editPlace(_ index: Int) -> String {
        let key: String
        switch scheduledEdits[index].action {
        case .set: key = "set"
        case .fuel: key = "fuel"
        case .returnValues: key = "return"
        case .mock: key = "mock"
        case .unmock: key = "unmock"
        }
        return "edits[\(index)].\(key)"
    }

    /// The edits that reproduce this session: the changes in effect, then the snapshot's
    /// edits still ahead (not yet reached).
    var effectiveEdits: [SnapshotEdit] {
        let ahead = scheduledEdits.enumerated().filter { editFailures[$0.offset] == nil && !isApplied($0.offset) }.map(\.element)
        return changes.map(\.edit) + ahead.filter { isRunning && $0.step > machine.steps }
    }

    // MARK: Running out

    /// Runs to the end from here with nothing armed, applying scheduled edits on the way.
    func runOutApplyingEdits() -> ExecutionEvent {
        configureMachine(armed: false)
        while true {
            applyDueEdits()
            var limits = RunLimits()
            if let next = nextPendingEdit()?.edit.step, next > machine.steps { limits.maxSteps = next }
            let event = machine.run(limits)
            switch event {
            case .returned, .trapped: return event
            default: continue
            }
        }
    }

    /// Runs `body` (which may run the machine and apply edits) and puts the session back as it was.
    /// Nil when there is no host memory for the checkpoint to come back to.
    func onTheSide<T>(_ body: () -> T) -> T? {
        guard let here = takeCheckpoint() else { return nil }
        let saved = (state, lastAccesses, lastCost, lastStepExact, history, changes, timeline, editFailures, editNotes,
                     selectedFrame, mustStepBeforeRun, results, pendingWatchHits)
        let value = body()
        target.restore(here)
        (state, lastAccesses, lastCost, lastStepExact, history, changes, timeline, editFailures, editNotes,
         selectedFrame, mustStepBeforeRun, results, pendingWatchHits) = saved
        invalidate()
        return value
    }

    /// The report of the edits once the call has ended.
    func editReport() -> EditReplayReport {
        var unreached: [EditReport.Unreached] = []
        for (i, edit) in scheduledEdits.enumerated() where editFailures[i] == nil && !isApplied(i) {
            unreached.append(EditReport.Unreached(index: i, step: edit.step))
        }
        let failure = editFailures.keys.min().map { (place: editPlace($0), message: editFailures[$0]!) }
        return EditReplayReport(applied: scheduledEdits.indices.filter(isApplied).count, unreached: unreached, failure: failure,
                                endStep: machine.steps)
    }

    /// Replays the call to its end with the snapshot's edits (`wesdbg run`): the session is left there.
    public func runApplyingEdits() -> EditReplayReport {
        if isRunning {
            let event = runOutApplyingEdits()
            switch event {
            case .returned(let values): finish(values)
            case .trapped(let trap): state = .trapped(trap)
            default: break
            }
        }
        invalidate()
        return editReport()
    }

    /// Checks the snapshot's edits by running the call out on the side (`wesdbg debug` before it
    /// opens): which apply, which are never reached. The session stays where it is.
    public func checkEdits() -> EditReplayReport {
        if scheduledEdits.isEmpty { return EditReplayReport(applied: 0, unreached: [], failure: nil, endStep: machine.steps) }
        return onTheSide { () -> EditReplayReport in
            _ = runApplyingEdits()
            return editReport()
        } ?? editReport()
    }

    /// `info edits`: the snapshot's edits and the changes made in this session.
    func editsText() -> String {
        var lines: [String] = []
        if !scheduledEdits.isEmpty {
            lines.append("edits of the snapshot:")
            for (i, edit) in scheduledEdits.enumerated() {
                let status = editFailures[i].map { "not applied: \($0)" } ?? (isApplied(i) ? "applied" : "ahead")
                lines.append("  edits[\(i)] \(edit.text)  [\(status)]")
            }
        }
        let own = changes.filter { $0.scheduled == nil }
        if !own.isEmpty {
            lines.append("changes made in this session:")
            lines += own.map { "  \($0.edit.text)" }
        }
        return lines.isEmpty ? "no edits (the snapshot has none, and nothing was changed here)" : lines.joined(separator: "\n")
    }
}
