/*
 * loop: a long loop to step over by source lines (`next`, `finish`, `until`),
 * built -O0 -g. Not a contract: call it with `--call run --args i32:N`.
 */
#include <stdint.h>

struct totals {
    uint64_t sum;
    uint32_t count;
    uint32_t last[4];
};

static uint64_t square(uint32_t x) {
    return (uint64_t)x * x;
}

static void add(struct totals *t, uint32_t i) {
    t->sum += square(i);
    t->last[t->count % 4] = i;
    t->count++;
}

__attribute__((export_name("run")))
uint64_t run(uint32_t n) {
    struct totals t = { 0, 0, { 0, 0, 0, 0 } };
    for (uint32_t i = 1; i <= n; i++)
        add(&t, i);
    uint64_t result = t.sum % 1000003;
    return result + t.last[0];
}
