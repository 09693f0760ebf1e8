// A vectorized ledger audit (built with -msimd128; clang turns the loops into
// v128 code): per round, a price-weighted sum, the largest and smallest
// amount and a count over a threshold of 64 Ki u32 amounts (i32x4 mul/add,
// min_u/max_u, compare), byte sums of 64 KiB of memos (i8x16 loads widened to
// i32x4 lanes), and an f32x4 smoothing pass over 16 Ki rates.
#include "common.h"

#ifndef AUDIT_N
#define AUDIT_N 65536
#endif
#ifndef AUDIT_ROUNDS
#define AUDIT_ROUNDS 20
#endif
#define RATES (AUDIT_N / 4)

static uint32_t amount[AUDIT_N], price[AUDIT_N];
static uint8_t memo[AUDIT_N];
static float rate[RATES], target[RATES];

// NOINLINE so each loop is one function to find in a profile or a disassembly.
NOINLINE static uint32_t weighted(void) {
    uint32_t sum = 0;
    for (uint32_t i = 0; i < AUDIT_N; i++) sum += amount[i] * price[i];
    return sum;
}

NOINLINE static uint32_t extremes(uint32_t threshold) {
    uint32_t hi = 0, lo = 0xffffffffu, over = 0;
    for (uint32_t i = 0; i < AUDIT_N; i++) {
        uint32_t a = amount[i];
        hi = a > hi ? a : hi;
        lo = a < lo ? a : lo;
        over += a > threshold;
    }
    return hi ^ (lo << 7) ^ (over * 2654435761u);
}

NOINLINE static uint32_t memo_sum(void) {
    uint32_t sum = 0;
    for (uint32_t i = 0; i < AUDIT_N; i++) sum += memo[i];
    return sum;
}

// Element-wise, so it vectorizes without -ffast-math; rates stay in [0, 2).
NOINLINE static void smooth(void) {
    for (uint32_t i = 0; i < RATES; i++) rate[i] = rate[i] * 0.75f + target[i] * 0.25f;
}

EXPORT("run") uint32_t run(void) {
    uint32_t state = bench_seed;
    for (uint32_t i = 0; i < AUDIT_N; i++) {
        amount[i] = lcg_next(&state) >> 8;
        price[i] = lcg_next(&state) >> 20;
        memo[i] = (uint8_t)(lcg_next(&state) >> 24);
    }
    for (uint32_t i = 0; i < RATES; i++) {
        rate[i] = (float)(lcg_next(&state) >> 9) * (1.0f / 8388608.0f);
        target[i] = (float)(lcg_next(&state) >> 9) * (1.0f / 4194304.0f);
    }
    uint32_t hash = 0x811c9dc5u;
    for (uint32_t round = 0; round < AUDIT_ROUNDS; round++) {
        hash = (hash ^ weighted()) * 16777619u;
        hash = (hash ^ extremes(hash >> 8)) * 16777619u;
        hash = (hash ^ memo_sum()) * 16777619u;
        smooth();
        union { float f; uint32_t u; } r = { rate[round % RATES] };
        hash = (hash ^ r.u) * 16777619u;
        // Feed the hash back so rounds differ.
        amount[round % AUDIT_N] ^= hash;
        memo[hash % AUDIT_N] += (uint8_t)hash;
    }
    return hash;
}
