// Shared by every C workload: freestanding (no libc, no host imports), and
// helpers that keep clang from folding a workload into a constant.
#pragma once
#include <stdint.h>
#include <stddef.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define NOINLINE __attribute__((noinline))

// The scale is read through a volatile so the optimiser cannot precompute `run`.
static volatile uint32_t bench_seed = 0x9E3779B9u;

static inline uint32_t lcg_next(uint32_t *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

// clang may lower loops to these; we have no libc.
void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}
void *memcpy(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

// Never called: the benchmark's debug-mode rows set breakpoints inside it.
EXPORT("idle") NOINLINE uint32_t idle(uint32_t x) {
    uint32_t acc = 0;
    for (uint32_t i = 0; i < x; i++) acc = acc * 31u + (i ^ (acc >> 7));
    return acc;
}
