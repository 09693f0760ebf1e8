/// A debugging information entry as stored after a unit is parsed: its values are
/// `Unit.values[valueStart ..< valueStart + abbreviation's attribute count]`.
struct DIE {
    /// `.debug_info` offset.
    var offset: Int
    var tag: UInt16
    var abbreviation: Int32
    var valueStart: Int32
    var parent: Int32
    /// Index just past this DIE's last descendant.
    var subtreeEnd: Int32
}
