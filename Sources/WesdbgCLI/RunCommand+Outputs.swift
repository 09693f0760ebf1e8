import ContractHost

extension RunCommand {
    /// `--trace` or `--save-failure` naming the snapshot or the contract's module would
    /// overwrite the user's input; returns the one-line error for the first such option.
    func outputClobbersInput(_ snapshot: ChainSnapshot) -> String? {
        for (option, path) in [("--trace", trace), ("--save-failure", saveFailure)] {
            guard let path, snapshot.isInput(path) else { continue }
            return "\(path): \(option) would overwrite an input of this run; choose another file\n"
        }
        return nil
    }
}
