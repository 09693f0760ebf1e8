// DebuggerUI
