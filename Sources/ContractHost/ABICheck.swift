import WasmVM

/// How each import of a module binds to the host ABI, checked before execution.
public struct ABICheck: Sendable {
    public struct ImportBinding: Sendable {
        public var importIndex: Int
        public var `import`: Import
        /// The host function (and so the signature variant) the import matched.
        public var function: HostFunction?
        /// Why it matched nothing.
        public var error: String?
    }

    public var bindings: [ImportBinding]
    /// Errors not tied to one import (a module that imports host functions but exports no memory).
    public var moduleErrors: [String]

    public var isValid: Bool { moduleErrors.isEmpty && bindings.allSatisfy { $0.error == nil } }

    public init(module: Module) {
        bindings = []
        moduleErrors = []
        for (i, imp) in module.imports.enumerated() {
            var b = ImportBinding(importIndex: i, import: imp)
            let name = "\(imp.module).\(imp.name)"
            guard case .function(let typeIndex) = imp.descriptor else {
                b.error = "import \(name): the host offers no \(ABICheck.kindName(imp.descriptor)) imports (only functions in module \"env\")"
                bindings.append(b)
                continue
            }
            let declared = module.types[Int(typeIndex)]
            let offered = imp.module == HostFunction.importModule ? HostFunction.offered(named: imp.name) : []
            if let match = offered.first(where: { $0.type == declared }) {
                b.function = match
            } else if imp.module != HostFunction.importModule {
                b.error = "import \(name): unknown import module \"\(imp.module)\" (the host offers functions in \"env\"); the contract declares \(declared)"
            } else if offered.isEmpty {
                b.error = "import \(name): unknown host function; the contract declares \(declared)"
            } else {
                b.error = "import \(name): the contract declares \(declared), the host offers \(offered.map { "\($0.type)" }.joined(separator: " or "))"
            }
            bindings.append(b)
        }
        let importsHost = bindings.contains { $0.function != nil }
        if importsHost, !module.exports.contains(where: { $0.name == "memory" && $0.kind == .memory }) {
            moduleErrors.append("the module imports host functions but exports no memory named \"memory\"")
        }
    }

    /// All errors, one line each, in import order then module-level.
    public var errors: [String] { bindings.compactMap(\.error) + moduleErrors }

    static func kindName(_ d: ImportDescriptor) -> String {
        switch d {
        case .function: "function"
        case .table: "table"
        case .memory: "memory"
        case .global: "global"
        }
    }
}
