// FNV-1a (64-bit) over a pseudo-random buffer: byte loads, xor, i64 multiply.
#include "common.h"

#ifndef FNV_BYTES
#define FNV_BYTES 65536
#endif
#ifndef FNV_ROUNDS
#define FNV_ROUNDS 900
#endif

static uint8_t buffer[FNV_BYTES];

EXPORT("run") uint64_t run(void) {
    uint32_t state = bench_seed;
    for (uint32_t i = 0; i < FNV_BYTES; i++) buffer[i] = (uint8_t)(lcg_next(&state) >> 24);
    uint64_t hash = 0xcbf29ce484222325ull;
    for (uint32_t round = 0; round < FNV_ROUNDS; round++) {
        for (uint32_t i = 0; i < FNV_BYTES; i++) {
            hash ^= buffer[i];
            hash *= 0x100000001b3ull;
        }
        buffer[round % FNV_BYTES] ^= (uint8_t)hash;
    }
    return hash;
}
