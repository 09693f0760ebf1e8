extension Machine {
    /// Writes global `index` (the instance's global index space) without checking
    /// mutability: the debugger's `set global`, which refuses immutable ones itself.
    public func setGlobal(of instance: Instance, index: Int, _ value: Value) {
        setGlobalValue(address: instances[instance.id].globalAddresses[index], value)
    }
}
