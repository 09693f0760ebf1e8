/*
 * registry: a counter and a name registry kept in contract state.
 *
 *   increment  {"by":N}               adds N (default 1) to state "counter" (decimal text),
 *                                     returns the new value; {"times":K} repeats it K times
 *   register   {"name":NAME}          state "name:NAME" = caller; ALREADY_EXISTS if taken
 *   resolve    {"name":NAME}          returns the owner; NOT_FOUND if unregistered
 *   transfer_name {"name":NAME,"to":ADDR}  only the owner may (else UNAUTHORIZED)
 *
 * NAME is 1..32 bytes of [a-z0-9-]; anything else is INVALID_PARAMS.
 *
 * Deliberate bugs for failing snapshots:
 *   a "counter" value in state that is not a decimal hits an assertion: unreachable
 *   {"times":K} with a huge K loops until the fuel runs out: out_of_fuel
 *   "debug_overflow":true in register copies the name into a 32-byte slot
 *   indexed by a length read from state without a bound: memory_out_of_bounds
 */
#include "wes.h"

#define NAME_MAX 32

static const char COUNTER_KEY[] = "counter";

/* An assertion: a broken invariant stops the call with a trap, never silently. */
#define wes_assert(cond) \
    do {                 \
        if (!(cond)) __builtin_trap(); \
    } while (0)

static uint64_t read_counter(void) {
    char buf[24];
    int32_t len = wes_state_get_len(COUNTER_KEY, sizeof COUNTER_KEY - 1);
    if (len < 0) return 0;
    wes_assert(len > 0 && len <= 20);
    wes_state_get(COUNTER_KEY, sizeof COUNTER_KEY - 1, buf);
    uint64_t value;
    wes_assert(wes_dec_to_u64(buf, (size_t)len, &value));
    return value;
}

static void write_counter(uint64_t value) {
    char buf[20];
    size_t n = wes_u64_to_dec(value, buf);
    wes_state_set(COUNTER_KEY, sizeof COUNTER_KEY - 1, buf, (int32_t)n);
}

WES_EXPORT("increment")
int32_t increment(void) {
    wes_slice p;
    uint64_t by = 1, times = 1;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    wes_slice v;
    if (wes_json_find(p, "by", &v) && (!wes_json_as_u64(v, &by) || by == 0)) return WES_INVALID_PARAMS;
    if (wes_json_find(p, "times", &v) && !wes_json_as_u64(v, &times)) return WES_INVALID_PARAMS;

    uint64_t value = read_counter();
    for (uint64_t i = 0; i < times; i++) {
        if (value > 18446744073709551615ULL - by) return WES_EXECUTION_FAILED;
        value += by;
        write_counter(value);
    }
    wes_emit_event("Incremented", 11, &value, 8);
    wes_return_u64(value);
    return WES_SUCCESS;
}

/* Reads and checks params.name; builds the state key "name:NAME" into key. */
static int name_key(wes_slice p, char key[5 + NAME_MAX], size_t *key_len, wes_slice *name) {
    if (!wes_json_str(p, "name", name) || name->len == 0 || name->len > NAME_MAX) return 0;
    for (size_t i = 0; i < name->len; i++) {
        char c = name->ptr[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return 0;
    }
    memcpy(key, "name:", 5);
    memcpy(key + 5, name->ptr, name->len);
    *key_len = 5 + name->len;
    return 1;
}

/* The names registered, in order, as 32-byte zero-padded slots (a ring of
 * 64); state "names" holds the count as a u32 (little-endian bytes). */
static char name_log[64][NAME_MAX];

WES_EXPORT("register")
int32_t register_name(void) {
    wes_slice p, name;
    char key[5 + NAME_MAX];
    size_t key_len;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!name_key(p, key, &key_len, &name)) return WES_INVALID_PARAMS;
    if (wes_state_exists(key, (int32_t)key_len)) return WES_ALREADY_EXISTS;

    char caller[WES_ADDRESS_LEN];
    wes_get_caller(caller);
    wes_state_set(key, (int32_t)key_len, caller, WES_ADDRESS_LEN);

    /* The count of names is kept as a u32 in state "names". */
    uint32_t count = 0;
    if (wes_state_get_len("names", 5) == 4) wes_state_get("names", 5, &count);
    /* BUG (deliberate, "debug_overflow"): the slot index is not bounded by the log's 64 slots. */
    char *slot = wes_json_flag(p, "debug_overflow") ? name_log[count] : name_log[count % 64];
    memset(slot, 0, NAME_MAX);
    memcpy(slot, name.ptr, name.len);
    count++;
    wes_state_set("names", 5, &count, 4);

    /* The event carries the name padded to its 32-byte slot. */
    wes_emit_event("Registered", 10, slot, NAME_MAX);
    wes_return_text("registered");
    return WES_SUCCESS;
}

WES_EXPORT("resolve")
int32_t resolve(void) {
    wes_slice p, name;
    char key[5 + NAME_MAX];
    size_t key_len;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!name_key(p, key, &key_len, &name)) return WES_INVALID_PARAMS;
    char owner[WES_ADDRESS_LEN];
    if (wes_state_get_len(key, (int32_t)key_len) != WES_ADDRESS_LEN) return WES_NOT_FOUND;
    wes_state_get(key, (int32_t)key_len, owner);
    wes_set_return_data(owner, WES_ADDRESS_LEN);
    return WES_SUCCESS;
}

WES_EXPORT("transfer_name")
int32_t transfer_name(void) {
    wes_slice p, name, to;
    char key[5 + NAME_MAX];
    size_t key_len;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!name_key(p, key, &key_len, &name)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "to", &to) || !wes_is_address(to.ptr, to.len)) return WES_INVALID_PARAMS;

    char owner[WES_ADDRESS_LEN], caller[WES_ADDRESS_LEN];
    if (wes_state_get_len(key, (int32_t)key_len) != WES_ADDRESS_LEN) return WES_NOT_FOUND;
    wes_state_get(key, (int32_t)key_len, owner);
    wes_get_caller(caller);
    if (memcmp(owner, caller, WES_ADDRESS_LEN) != 0) return WES_UNAUTHORIZED;
    wes_state_set(key, (int32_t)key_len, to.ptr, WES_ADDRESS_LEN);
    wes_emit_event("NameTransferred", 15, to.ptr, WES_ADDRESS_LEN);
    return WES_SUCCESS;
}
