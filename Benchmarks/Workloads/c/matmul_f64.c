// Double-precision matrix multiply: f64 loads, mul, add.
#include "common.h"

#ifndef MAT_N
#define MAT_N 96
#endif
#ifndef MAT_ROUNDS
#define MAT_ROUNDS 40
#endif

static double a[MAT_N][MAT_N], b[MAT_N][MAT_N], c[MAT_N][MAT_N];

EXPORT("run") uint64_t run(void) {
    uint32_t state = bench_seed;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            a[i][j] = (double)(lcg_next(&state) >> 16) / 65536.0 - 0.5;
            b[i][j] = (double)(lcg_next(&state) >> 16) / 65536.0 - 0.5;
        }
    double total = 0;
    for (int round = 0; round < MAT_ROUNDS; round++) {
        for (int i = 0; i < MAT_N; i++)
            for (int j = 0; j < MAT_N; j++) {
                double sum = 0;
                for (int k = 0; k < MAT_N; k++) sum += a[i][k] * b[k][j];
                c[i][j] = sum;
            }
        for (int i = 0; i < MAT_N; i++)
            for (int j = 0; j < MAT_N; j++) {
                total += c[i][j] * (double)(i + 1) - c[i][j] * (double)j;
                a[i][j] = c[i][j] * 0.125;
            }
    }
    // Bit pattern of the result: any rounding difference shows.
    union { double d; uint64_t u; } bits = { total };
    return bits.u;
}
