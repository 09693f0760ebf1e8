// Threaded dispatch for the fast loop (docs/interpreter-speed.md). One handler per FastOp
// runs that op's Swift body (FastLoop.step with the op as a constant, so its switch folds
// to one case; rare paths go to one general handler) and tail-calls the next instruction's
// handler, whose address that instruction holds (direct threading): every op ends in its own
// indirect jump, and the instruction pointer, frame pointer, memory base and size and the
// fuel used stay in registers from op to op. Swift cannot promise a tail call; that is all
// this C does. ClangImporter emits these static inline functions into WasmVM's own LLVM
// module, where the Swift body is inlined into each of them. Calls and returns have a second,
// tallied handler each (FastLoop.step told so by its op argument), which fast code uses while fuel by function is on,
// and the return of a function never nested a third (it need not count activations: FunctionCode.isUnnested).
#ifndef WESDBG_FAST_DISPATCH_H
#define WESDBG_FAST_DISPATCH_H

#include <stdbool.h>
#include <stdint.h>
#include "FastOps.generated.h"

#define WESDBG_SWIFTCALL __attribute__((swiftcall))
#define WESDBG_SWIFT_CONTEXT __attribute__((swift_context))
// Handlers keep no register for their caller: a handler needing a fourth scratch register
// would otherwise push and pop one (two instructions in every compare and store; ten in a call).
#if defined(__has_attribute) && __has_attribute(preserve_none)
#  define WESDBG_HANDLER_CC __attribute__((preserve_none))
#else
#  define WESDBG_HANDLER_CC
#endif
// Every handler starts a cache line: where each began by the size of the ones before it, adding
// or changing one op moved whole workloads by 10-50% (the CPU's decoded-op cache and branch
// predictors see the handlers' bytes by line).
#define WESDBG_HANDLER_ALIGN __attribute__((aligned(64)))
#if defined(__clang__) && __clang_major__ >= 16
#  define WESDBG_INLINE_CALL [[clang::always_inline]]
#else
#  define WESDBG_INLINE_CALL
#endif

typedef WESDBG_HANDLER_CC void (*wesdbg_fast_handler)(void *ip, uint64_t *fp, void *memBase, uint64_t memSize, uint64_t fuel, void *loop);

/// What the Swift op bodies return (FastLoop.next, .leave, .slow): go on with the instruction at ip, leave fast code at ip,
/// or run the instruction at ip in the general handler (a slow path, which may call functions).
enum { WESDBG_FAST_NEXT = 0, WESDBG_FAST_LEAVE = 1, WESDBG_FAST_SLOW = 2 };

/// FastLoop.step (Swift): runs the instruction at *ip, whose op is `op` (its low 16 bits).
WESDBG_SWIFTCALL uintptr_t wesdbg_fast_step(uintptr_t op, void **ip, uint64_t **fp, void **memBase, uint64_t *memSize,
                                            uint64_t *fuel, WESDBG_SWIFT_CONTEXT void *loop);
/// Which of an op's handlers `wesdbg_fast_step` runs, above the op's 16 bits: the plain one, the
/// one keeping fuel by function (WESDBG_FAST_TALLIED_OPS) or an unnested function's (WESDBG_FAST_UNNESTED_OPS).
enum { WESDBG_FAST_PLAIN = 0, WESDBG_FAST_TALLIED = 1 << 16, WESDBG_FAST_TALLIED_UNNESTED = 2 << 16 };
/// FastLoop.stepGeneral (Swift): runs the instruction at *ip, whatever its op, slow paths included.
WESDBG_SWIFTCALL uintptr_t wesdbg_fast_step_general(void **ip, uint64_t **fp, void **memBase, uint64_t *memSize,
                                                    uint64_t *fuel, WESDBG_SWIFT_CONTEXT void *loop);
/// FastLoop.keepRegisters (Swift): keeps the registers where fast code left.
WESDBG_SWIFTCALL void wesdbg_fast_leave(void *ip, uint64_t *fp, uint64_t fuel, WESDBG_SWIFT_CONTEXT void *loop);

#define WESDBG_DECLARE(name, op) \
    WESDBG_HANDLER_CC WESDBG_HANDLER_ALIGN static void wesdbg_fast_##name(void *ip, uint64_t *fp, void *memBase, uint64_t memSize, uint64_t fuel, void *loop);
WESDBG_FAST_OPS(WESDBG_DECLARE)
#undef WESDBG_DECLARE
#define WESDBG_DECLARE_TALLIED(name, op) \
    WESDBG_HANDLER_CC WESDBG_HANDLER_ALIGN static void wesdbg_fast_tallied_##name(void *ip, uint64_t *fp, void *memBase, uint64_t memSize, uint64_t fuel, void *loop);
WESDBG_FAST_TALLIED_OPS(WESDBG_DECLARE_TALLIED)
#undef WESDBG_DECLARE_TALLIED
#define WESDBG_DECLARE_UNNESTED(name, op) \
    WESDBG_HANDLER_CC WESDBG_HANDLER_ALIGN static void wesdbg_fast_unnested_##name(void *ip, uint64_t *fp, void *memBase, uint64_t memSize, uint64_t fuel, void *loop);
WESDBG_FAST_UNNESTED_OPS(WESDBG_DECLARE_UNNESTED)
#undef WESDBG_DECLARE_UNNESTED

static const wesdbg_fast_handler wesdbg_fast_handlers[WESDBG_FAST_OP_COUNT] = {
#define WESDBG_ENTRY(name, op) [op] = wesdbg_fast_##name,
    WESDBG_FAST_OPS(WESDBG_ENTRY)
#undef WESDBG_ENTRY
};

/// The tallied ops' second handlers, by op (null for the others).
static const wesdbg_fast_handler wesdbg_fast_tallied_handlers[WESDBG_FAST_OP_COUNT] = {
#define WESDBG_ENTRY(name, op) [op] = wesdbg_fast_tallied_##name,
    WESDBG_FAST_TALLIED_OPS(WESDBG_ENTRY)
#undef WESDBG_ENTRY
};

/// Their unnested functions' handlers, by op (null for the others).
static const wesdbg_fast_handler wesdbg_fast_unnested_handlers[WESDBG_FAST_OP_COUNT] = {
#define WESDBG_ENTRY(name, op) [op] = wesdbg_fast_unnested_##name,
    WESDBG_FAST_UNNESTED_OPS(WESDBG_ENTRY)
#undef WESDBG_ENTRY
};

/// The handler of the instruction at ip: FastInstr.handler, at offset 16 (FastInstr.swift).
#define WESDBG_HANDLER(ip) (*(const wesdbg_fast_handler *)((const char *)(ip) + 16))

/// For FastInstr.handler(_:), by FastOp's raw value.
static inline const wesdbg_fast_handler *wesdbg_fast_handler_table(void) { return wesdbg_fast_handlers; }
static inline const wesdbg_fast_handler *wesdbg_fast_tallied_handler_table(void) { return wesdbg_fast_tallied_handlers; }
static inline const wesdbg_fast_handler *wesdbg_fast_unnested_handler_table(void) { return wesdbg_fast_unnested_handlers; }

WESDBG_HANDLER_CC WESDBG_HANDLER_ALIGN static void wesdbg_fast_general(void *ip, uint64_t *fp, void *memBase, uint64_t memSize, uint64_t fuel, void *loop) {
    if (wesdbg_fast_step_general(&ip, &fp, &memBase, &memSize, &fuel, loop) != WESDBG_FAST_NEXT) {
        wesdbg_fast_leave(ip, fp, fuel, loop);
        return;
    }
    __attribute__((musttail)) return WESDBG_HANDLER(ip)(ip, fp, memBase, memSize, fuel, loop);
}

#define WESDBG_DEFINE_HANDLER(handler, op)                                                                       \
    WESDBG_HANDLER_CC WESDBG_HANDLER_ALIGN static void handler(void *ip, uint64_t *fp, void *memBase,           \
                                                               uint64_t memSize, uint64_t fuel, void *loop) {    \
        uintptr_t result;                                                                                        \
        WESDBG_INLINE_CALL result = wesdbg_fast_step(op, &ip, &fp, &memBase, &memSize, &fuel, loop);            \
        if (__builtin_expect(result != WESDBG_FAST_NEXT, 0)) {                                                   \
            if (result == WESDBG_FAST_SLOW)                                                                      \
                __attribute__((musttail)) return wesdbg_fast_general(ip, fp, memBase, memSize, fuel, loop);      \
            wesdbg_fast_leave(ip, fp, fuel, loop);                                                               \
            return;                                                                                              \
        }                                                                                                        \
        __attribute__((musttail)) return WESDBG_HANDLER(ip)(ip, fp, memBase, memSize, fuel, loop);               \
    }
#define WESDBG_DEFINE(name, op) WESDBG_DEFINE_HANDLER(wesdbg_fast_##name, op | WESDBG_FAST_PLAIN)
WESDBG_FAST_OPS(WESDBG_DEFINE)
#undef WESDBG_DEFINE
#define WESDBG_DEFINE_TALLIED(name, op) WESDBG_DEFINE_HANDLER(wesdbg_fast_tallied_##name, op | WESDBG_FAST_TALLIED)
WESDBG_FAST_TALLIED_OPS(WESDBG_DEFINE_TALLIED)
#undef WESDBG_DEFINE_TALLIED
#define WESDBG_DEFINE_UNNESTED(name, op) WESDBG_DEFINE_HANDLER(wesdbg_fast_unnested_##name, op | WESDBG_FAST_TALLIED_UNNESTED)
WESDBG_FAST_UNNESTED_OPS(WESDBG_DEFINE_UNNESTED)
#undef WESDBG_DEFINE_UNNESTED
#undef WESDBG_DEFINE_HANDLER

/// Runs fast code from ip until an op leaves (its registers are then in the loop's state).
/// In C, not Swift: Swift's call of a C function pointer may not keep its convention
/// (WasmKit's note on swiftlang/swift#69264).
static inline void wesdbg_fast_run(void *ip, uint64_t *fp, void *memBase, uint64_t memSize, uint64_t fuel, void *loop) {
    WESDBG_HANDLER(ip)(ip, fp, memBase, memSize, fuel, loop);
}

#endif
