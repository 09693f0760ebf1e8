// The dispatch lives in include/FastDispatch.h, static inline, so that ClangImporter compiles
// it into WasmVM together with the Swift op bodies. SwiftPM needs one source file per C target.
