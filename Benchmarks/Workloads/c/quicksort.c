// Recursive quicksort of pseudo-random words: compares, swaps, recursion.
#include "common.h"

#ifndef SORT_N
#define SORT_N 1000000
#endif

static uint32_t values[SORT_N];

NOINLINE static void quicksort(uint32_t *v, int lo, int hi) {
    while (lo < hi) {
        uint32_t pivot = v[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                uint32_t t = v[i]; v[i] = v[j]; v[j] = t;
                i++; j--;
            }
        }
        // Recurse into the smaller half, loop on the larger.
        if (j - lo < hi - i) { quicksort(v, lo, j); lo = i; }
        else { quicksort(v, i, hi); hi = j; }
    }
}

EXPORT("run") uint32_t run(void) {
    uint32_t state = bench_seed;
    uint32_t n = SORT_N - (bench_seed == 0);
    for (uint32_t i = 0; i < n; i++) values[i] = lcg_next(&state);
    quicksort(values, 0, (int)n - 1);
    uint32_t checksum = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (i > 0 && values[i - 1] > values[i]) return 0; // not sorted
        checksum = checksum * 31u + values[i] * (i + 1);
    }
    return checksum;
}
