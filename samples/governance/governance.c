/*
 * governance: proposals and votes, anchored on chain as state outputs.
 *
 *   propose  {"id":ID,"period":B,"title":T}  opens proposal ID (1..32 bytes of
 *            [a-z0-9-]) for B blocks (1..100000): state "proposal:ID" = end height
 *            (decimal); append_state_output("proposal:ID", title); ALREADY_EXISTS
 *   vote     {"choice":"yes"|"no","proposal":ID}  one vote per caller
 *            (state "voted:ID:ADDR"; ALREADY_EXISTS), counted in state "yes:ID" /
 *            "no:ID" (decimal); append_state_output("vote:ID:ADDR", choice);
 *            NOT_FOUND for an unknown proposal, EXECUTION_FAILED once it has ended
 *   attach   {"document":TEXT,"proposal":ID}  deploys TEXT as a `document` resource
 *            output (append_resource_output); {"kind":K} picks another kind, and
 *            the host refuses any but wasm, onnx and document (EXECUTION_FAILED)
 *   tally    {"proposal":ID}  returns {"digest":D,"no":N,"yes":N}; NOT_FOUND
 *            (D: a checksum of the counts, computed recursively)
 *
 * Deliberate bug for failing snapshots:
 *   tally "debug_recursive":true computes the digest with a recursion that
 *   never reaches its base case: call_stack_exhausted
 */
#include "wes.h"

#define ID_MAX 32
#define MAX_PERIOD 100000ULL

static int valid_id(wes_slice id) {
    if (id.len == 0 || id.len > ID_MAX) return 0;
    for (size_t i = 0; i < id.len; i++) {
        char c = id.ptr[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return 0;
    }
    return 1;
}

/* key = prefix + id (+ ":" + address when addr is not NULL); returns its length. */
static size_t make_key(char *key, const char *prefix, wes_slice id, const char *addr) {
    size_t n = 0, cap = 16 + ID_MAX + 1 + WES_ADDRESS_LEN;
    wes_puts(key, cap, &n, prefix);
    wes_put(key, cap, &n, id.ptr, id.len);
    if (addr) {
        wes_puts(key, cap, &n, ":");
        wes_put(key, cap, &n, addr, WES_ADDRESS_LEN);
    }
    return n;
}

#define KEY_CAP (16 + ID_MAX + 1 + WES_ADDRESS_LEN)

/* A decimal counter in state; absent is 0. */
static uint64_t read_count(const char *key, size_t key_len) {
    char buf[20];
    uint64_t v = 0;
    int32_t len = wes_state_get_len(key, (int32_t)key_len);
    if (len <= 0 || len > 20) return 0;
    wes_state_get(key, (int32_t)key_len, buf);
    if (!wes_dec_to_u64(buf, (size_t)len, &v)) return 0;
    return v;
}

static void write_count(const char *key, size_t key_len, uint64_t v) {
    char buf[20];
    wes_state_set(key, (int32_t)key_len, buf, (int32_t)wes_u64_to_dec(v, buf));
}

WES_EXPORT("propose")
int32_t propose(void) {
    wes_slice p, id, title;
    uint64_t period;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "id", &id) || !valid_id(id)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "title", &title) || title.len == 0) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "period", &period) || period == 0 || period > MAX_PERIOD) return WES_INVALID_PARAMS;

    char key[KEY_CAP];
    size_t key_len = make_key(key, "proposal:", id, NULL);
    if (wes_state_exists(key, (int32_t)key_len)) return WES_ALREADY_EXISTS;

    uint64_t end = (uint64_t)wes_get_block_height() + period;
    write_count(key, key_len, end);
    if (!wes_append_state_output(key, (int32_t)key_len, title.ptr, (int32_t)title.len)) return WES_EXECUTION_FAILED;
    wes_emit_event("Proposed", 8, id.ptr, (int32_t)id.len);
    wes_return_u64(end);
    return WES_SUCCESS;
}

WES_EXPORT("vote")
int32_t vote(void) {
    wes_slice p, id, choice;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "proposal", &id) || !valid_id(id)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "choice", &choice)) return WES_INVALID_PARAMS;
    int yes = wes_eq(choice.ptr, choice.len, "yes", 3);
    if (!yes && !wes_eq(choice.ptr, choice.len, "no", 2)) return WES_INVALID_PARAMS;

    char key[KEY_CAP];
    size_t key_len = make_key(key, "proposal:", id, NULL);
    if (!wes_state_exists(key, (int32_t)key_len)) return WES_NOT_FOUND;
    uint64_t end = read_count(key, key_len);
    if ((uint64_t)wes_get_block_height() >= end) return WES_EXECUTION_FAILED;

    char caller[WES_ADDRESS_LEN];
    wes_get_caller(caller);
    key_len = make_key(key, "voted:", id, caller);
    if (wes_state_exists(key, (int32_t)key_len)) return WES_ALREADY_EXISTS;
    wes_state_set(key, (int32_t)key_len, choice.ptr, (int32_t)choice.len);

    key_len = make_key(key, yes ? "yes:" : "no:", id, NULL);
    write_count(key, key_len, read_count(key, key_len) + 1);

    key_len = make_key(key, "vote:", id, caller);
    if (!wes_append_state_output(key, (int32_t)key_len, choice.ptr, (int32_t)choice.len)) return WES_EXECUTION_FAILED;
    wes_emit_event("Voted", 5, choice.ptr, (int32_t)choice.len);
    return WES_SUCCESS;
}

WES_EXPORT("attach")
int32_t attach(void) {
    wes_slice p, id, text, kind = {"document", 8};
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "proposal", &id) || !valid_id(id)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "document", &text) || text.len == 0) return WES_INVALID_PARAMS;
    wes_slice v;
    if (wes_json_find(p, "kind", &v) && !wes_json_as_str(v, &kind)) return WES_INVALID_PARAMS;

    char key[KEY_CAP];
    size_t key_len = make_key(key, "proposal:", id, NULL);
    if (!wes_state_exists(key, (int32_t)key_len)) return WES_NOT_FOUND;
    if (!wes_append_resource_output(kind.ptr, (int32_t)kind.len, text.ptr, (int32_t)text.len))
        return WES_EXECUTION_FAILED;
    wes_emit_event("Attached", 8, id.ptr, (int32_t)id.len);
    return WES_SUCCESS;
}

/* A digest of the counts from n down to 0 in steps of `step`, one frame per
 * step (the buggy path steps over 0 and never stops). */
__attribute__((noinline)) static uint64_t tally_digest(uint64_t n, uint64_t step) {
    if (n == 0) return 7;
    return tally_digest(n - step, step) * 31 + n;
}

WES_EXPORT("tally")
int32_t tally(void) {
    wes_slice p, id;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "proposal", &id) || !valid_id(id)) return WES_INVALID_PARAMS;
    char key[KEY_CAP];
    size_t key_len = make_key(key, "proposal:", id, NULL);
    if (!wes_state_exists(key, (int32_t)key_len)) return WES_NOT_FOUND;

    key_len = make_key(key, "yes:", id, NULL);
    uint64_t yes = read_count(key, key_len);
    key_len = make_key(key, "no:", id, NULL);
    uint64_t no = read_count(key, key_len);
    /* BUG (deliberate, "debug_recursive"): steps by 2 from an odd number, skipping 0. */
    uint64_t digest = wes_json_flag(p, "debug_recursive") ? tally_digest(yes * 2 + 1, 2)
                                                          : tally_digest(yes + no, 1);

    char out[96];
    size_t n = 0;
    wes_puts(out, sizeof out, &n, "{\"digest\":");
    wes_put_u64(out, sizeof out, &n, digest);
    wes_puts(out, sizeof out, &n, ",\"no\":");
    wes_put_u64(out, sizeof out, &n, no);
    wes_puts(out, sizeof out, &n, ",\"yes\":");
    wes_put_u64(out, sizeof out, &n, yes);
    wes_puts(out, sizeof out, &n, "}");
    wes_set_return_data(out, (int32_t)n);
    return WES_SUCCESS;
}
