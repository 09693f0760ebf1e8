// Integer matrix multiply: i32 loads, multiply-add, nested loops.
#include "common.h"

#ifndef MAT_N
#define MAT_N 128
#endif
#ifndef MAT_ROUNDS
#define MAT_ROUNDS 25
#endif

static int32_t a[MAT_N][MAT_N], b[MAT_N][MAT_N], c[MAT_N][MAT_N];

EXPORT("run") uint32_t run(void) {
    uint32_t state = bench_seed;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            a[i][j] = (int32_t)(lcg_next(&state) >> 20) - 2048;
            b[i][j] = (int32_t)(lcg_next(&state) >> 20) - 2048;
        }
    uint32_t checksum = 0;
    for (int round = 0; round < MAT_ROUNDS; round++) {
        for (int i = 0; i < MAT_N; i++)
            for (int j = 0; j < MAT_N; j++) {
                int32_t sum = 0;
                for (int k = 0; k < MAT_N; k++) sum += a[i][k] * b[k][j];
                c[i][j] = sum;
            }
        for (int i = 0; i < MAT_N; i++)
            for (int j = 0; j < MAT_N; j++) checksum = checksum * 31u + (uint32_t)c[i][j];
        // Feed the result back so rounds differ.
        for (int i = 0; i < MAT_N; i++)
            for (int j = 0; j < MAT_N; j++) a[i][j] = c[i][j] >> 12;
    }
    return checksum;
}
