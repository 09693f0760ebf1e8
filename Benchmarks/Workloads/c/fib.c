// Recursive Fibonacci: call/return and small-integer arithmetic.
#include "common.h"

#ifndef FIB_N
#define FIB_N 37
#endif

NOINLINE static uint32_t fib(uint32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

EXPORT("run") uint32_t run(void) {
    return fib(FIB_N + (bench_seed == 0));
}
