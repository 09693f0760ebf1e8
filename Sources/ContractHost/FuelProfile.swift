import WasmVM

/// Fuel by function of one call, named for people: what `wesdbg profile` and the
/// debugger's `profile`/`fuel` print. Built from the machine's attribution
/// (`Machine.profilesFuel`), so it is exact at any stop and needs no re-execution.
public struct FuelProfile: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The function's display name; a host function's is `NAME (host)`.
        public var name: String
        public var isHost: Bool
        public var selfFuel: UInt64
        public var totalFuel: UInt64
        public var calls: UInt64
    }

    /// Most self fuel first (ties by name).
    public var rows: [Row]
    /// Self fuel per distinct call stack (entry function first), when call stacks were recorded.
    public var stacks: [(names: [String], fuel: UInt64)]
    /// Fuel used by the call: the sum of the rows' self fuel, and of the stacks' fuel.
    public var total: UInt64
    /// Whether some calls went too deep (or were too many distinct stacks) to get a stack of
    /// their own: their fuel is in their caller's stack.
    public var stacksTruncated: Bool
    public static let maxStackDepth = Machine.maxFuelStackDepth
    public static let maxStacks = Machine.maxFuelStacks

    public static func == (l: FuelProfile, r: FuelProfile) -> Bool {
        l.rows == r.rows && l.total == r.total && l.stacks.map(\.names) == r.stacks.map(\.names) && l.stacks.map(\.fuel) == r.stacks.map(\.fuel)
    }

    /// Names the machine's rows and stacks with `module`'s names (`instance` is its instance).
    public init(machine: Machine, module: Module, instance: Instance?) {
        var imports: [Int: Int] = [:]
        if let instance {
            for i in 0 ..< module.importedFunctionCount { imports[machine.functionAddress(instance, function: i)] = i }
        }
        func name(_ f: FunctionRef) -> String {
            if let index = f.function { return module.displayName(ofFunction: index) }
            let base = imports[f.address].map { module.displayName(ofFunction: $0) } ?? f.hostName ?? "host[\(f.address)]"
            return base + " (host)"
        }
        rows = machine.fuelByFunction.map { Row(name: name($0.function), isHost: $0.function.function == nil,
                                                 selfFuel: $0.selfFuel, totalFuel: $0.totalFuel, calls: $0.calls) }
            .sorted { $0.selfFuel != $1.selfFuel ? $0.selfFuel > $1.selfFuel : $0.name < $1.name }
        var names: [Int: String] = [:]
        stacks = machine.fuelStacks.map { s in
            (s.stack.map { f in
                if let n = names[f.address] { return n }
                let n = name(f)
                names[f.address] = n
                return n
            }, s.selfFuel)
        }
        total = machine.fuelUsed
        stacksTruncated = machine.fuelStacksTruncated
    }

    /// `12.3%` of the whole, rounded half up to a tenth (integer arithmetic: deterministic).
    public func share(_ fuel: UInt64) -> String {
        guard total > 0 else { return "0.0%" }
        // fuel * 2000 / total in full width (fuel <= total, so the quotient is at most 2000).
        let product = min(fuel, total).multipliedFullWidth(by: 2000)
        let halfPermille = total.dividingFullWidth((product.high, product.low)).quotient
        let permille = (halfPermille + 1) / 2
        return "\(permille / 10).\(permille % 10)%"
    }

    /// The table: function, self, share, total, calls; a total line whose self is `total`.
    /// `limit` keeps the first rows and says how many more there are.
    public func table(limit: Int? = nil) -> String {
        let shown = limit.map { Array(rows.prefix($0)) } ?? rows
        let nameWidth = max(8, shown.map(\.name.count).max() ?? 0)
        let fuelWidth = max(6, String(total).count)
        let columns = TextColumns(widths: [nameWidth, fuelWidth, 6, fuelWidth, 6])
        func line(_ cells: String...) -> String { columns.line(cells) }
        var lines = [line("function", "self", "share", "total", "calls")]
        for row in shown {
            lines.append(line(row.name, String(row.selfFuel), share(row.selfFuel), String(row.totalFuel), String(row.calls)))
        }
        if shown.count < rows.count { lines.append("... \(rows.count - shown.count) more (`profile` shows all)") }
        lines.append(line("total", String(total), share(total), "", ""))
        return lines.joined(separator: "\n") + "\n"
    }
}
