// Sieve of Eratosthenes over a byte array: byte loads/stores and loops.
#include "common.h"

#ifndef SIEVE_N
#define SIEVE_N (1u << 20)
#endif
#ifndef SIEVE_ROUNDS
#define SIEVE_ROUNDS 20
#endif

static uint8_t composite[SIEVE_N];

EXPORT("run") uint32_t run(void) {
    uint32_t n = SIEVE_N - (bench_seed == 0);
    uint32_t total = 0;
    for (uint32_t round = 0; round < SIEVE_ROUNDS; round++) {
        for (uint32_t i = 0; i < n; i++) composite[i] = 0;
        uint32_t count = 0;
        for (uint32_t i = 2; i < n; i++) {
            if (composite[i]) continue;
            count++;
            for (uint32_t j = i + i; j < n; j += i) composite[j] = 1;
        }
        total = total * 31u + count;
    }
    return total;
}
