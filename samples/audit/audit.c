/*
 * audit: a batch of balances and a payload checksum, in loops clang vectorizes
 * (built -O2 -msimd128: the hot loops run on v128 values, 2 or 16 lanes at a time).
 *
 *   audit     {}                  sums the u64 balances in state `balances` (raw
 *                                 little-endian bytes, up to 512 of them) and
 *                                 checks the total against state `supply`
 *                                 (decimal); returns the total as decimal text
 *                                 (EXECUTION_FAILED when they differ, NOT_FOUND
 *                                 without `balances`)
 *   checksum  {"payload":TEXT}    returns {"bytes":N,"commas":C,"sum":S}: the
 *                                 payload's length, its commas and its byte sum
 */
#include "wes.h"

#define MAX_BALANCES 512

/* 16-byte aligned so the loads of whole v128 lanes start on a boundary. */
static uint64_t balances[MAX_BALANCES] __attribute__((aligned(16)));

/* The vectorized loop: clang keeps two i64x2 accumulators. */
static uint64_t sum_balances(const uint64_t *b, uint32_t n) {
    uint64_t total = 0;
    for (uint32_t i = 0; i < n; i++) total += b[i];
    return total;
}

WES_EXPORT("audit")
int32_t audit(void) {
    int32_t len = wes_state_get_len("balances", 8);
    if (len < 0) return WES_NOT_FOUND;
    if (len % 8 != 0 || len > (int32_t)sizeof balances) return WES_INVALID_PARAMS;
    wes_state_get("balances", 8, balances);
    uint64_t total = sum_balances(balances, (uint32_t)len / 8);

    char text[20];
    int32_t supply_len = wes_state_get_len("supply", 6);
    uint64_t supply;
    if (supply_len < 1 || supply_len > 20) return WES_NOT_FOUND;
    wes_state_get("supply", 6, text);
    if (!wes_dec_to_u64(text, (size_t)supply_len, &supply)) return WES_EXECUTION_FAILED;
    wes_return_u64(total);
    return total == supply ? WES_SUCCESS : WES_EXECUTION_FAILED;
}

/* Length, commas and byte sum in one pass: 16 bytes a step once vectorized. */
WES_EXPORT("checksum")
int32_t checksum(void) {
    wes_slice p, payload;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "payload", &payload)) return WES_INVALID_PARAMS;
    const uint8_t *bytes = (const uint8_t *)payload.ptr;
    uint32_t sum = 0, commas = 0;
    for (size_t i = 0; i < payload.len; i++) {
        sum += bytes[i];
        commas += bytes[i] == ',';
    }
    static char out[80];
    size_t n = 0;
    wes_puts(out, sizeof out, &n, "{\"bytes\":");
    wes_put_u64(out, sizeof out, &n, payload.len);
    wes_puts(out, sizeof out, &n, ",\"commas\":");
    wes_put_u64(out, sizeof out, &n, commas);
    wes_puts(out, sizeof out, &n, ",\"sum\":");
    wes_put_u64(out, sizeof out, &n, sum);
    wes_puts(out, sizeof out, &n, "}");
    wes_set_return_data(out, (int32_t)n);
    return WES_SUCCESS;
}
