/// The one fuel cost table. Every executed instruction is charged before it runs,
/// all or nothing: an instruction that cannot be paid for charges nothing and
/// stops execution with `out_of_fuel`. Documented in the README; changing a number
/// here moves pinned test figures, so say why in the commit.
public enum FuelCosts {
    /// Any instruction not listed below.
    public static let instruction: UInt64 = 1
    /// `call` and `call_indirect` to a wasm function (in place of `instruction`).
    public static let call: UInt64 = 5
    /// A call of a host function (in place of `call`); hosts may add their own cost.
    public static let hostCall: UInt64 = 50
    /// `memory.grow`: `instruction` plus this per page requested (charged even if growth fails).
    public static let memoryGrowPerPage: UInt64 = 1024
    /// `table.grow`: `instruction` plus this per element requested.
    public static let tableGrowPerElement: UInt64 = 1
    /// Bulk memory and table instructions (`memory.fill/copy/init`, `table.fill/copy/init`):
    /// `instruction` plus one per started 8 bytes or elements.
    public static func bulk(_ count: UInt64) -> UInt64 { instruction + (count + 7) / 8 }

    // Which ops cost `call` or vary (`base`, `isVariable`): the instruction table's fuel
    // column, FuelCosts.generated.swift.
}
