import WasmVM

/// What the terminal UI drives. `DebugSession` conforms; UI tests may use a fake.
public protocol DebugSessionDriving: AnyObject {
    /// Runs one debugger command line (`step`, `break host *`, `x 0x100 32`, ...).
    func execute(_ command: String) -> CommandResult
    /// The panes' data at the current stop.
    var snapshot: SessionSnapshot { get }
    /// Memory 0 bytes for the memory pane (clamped to the memory's size).
    func memoryBytes(at address: UInt64, count: Int) -> [UInt8]
    /// Import names of the module's host functions (for "break on host call" prompts).
    var hostFunctionNames: [String] { get }
    /// Installs a check the session polls between chunks of a long run (about every
    /// million instructions); when it returns true the run pauses, reason "interrupted".
    func setInterruptCheck(_ check: (() -> Bool)?)
}

extension DebugSessionDriving {
    public func setInterruptCheck(_ check: (() -> Bool)?) {}
}
