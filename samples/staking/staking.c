/*
 * staking: locks the caller's native coin with create_asset_output_with_lock.
 *
 *   stake     {"amount":N,"blocks":B}     locks N for B blocks (1..100000):
 *                                         {"type":"height","until":HEIGHT+B}
 *             {"amount":N,"seconds":S}    or for S seconds (1..31536000):
 *                                         {"type":"time","until":TIMESTAMP+S}
 *   delegate  {"amount":N,"validator":ADDR}  locks N delegated to a validator:
 *                                         {"type":"delegation","to":ADDR}
 *   staked    {"owner":ADDR}              total staked by ADDR (state "stake:ADDR")
 *   reward    {"amount":N,"blocks":B}     projected reward "TOTAL/PER_BLOCK": N * 5% per 1000 blocks
 *
 * The locked output belongs to the caller (delegation names the validator) and is
 * funded from the caller's unlocked UTXOs; the contract records the total in
 * state and emits "Staked".
 *
 * Deliberate bug for failing snapshots:
 *   reward divides by `blocks` before checking it: "blocks":0 traps with
 *   integer_divide_by_zero
 */
#include "wes.h"

#define MAX_BLOCKS 100000ULL
#define MAX_SECONDS 31536000ULL

/* State key "stake:ADDR". */
static void stake_key(const char *addr, char out[6 + WES_ADDRESS_LEN]) {
    memcpy(out, "stake:", 6);
    memcpy(out + 6, addr, WES_ADDRESS_LEN);
}

static int32_t add_stake(const char *addr, uint64_t amount) {
    char key[6 + WES_ADDRESS_LEN];
    uint64_t total = 0;
    stake_key(addr, key);
    if (wes_state_get_len(key, sizeof key) == 8) wes_state_get(key, sizeof key, &total);
    if (total > 18446744073709551615ULL - amount) return 0;
    total += amount;
    return wes_state_set(key, sizeof key, &total, 8);
}

/* Locks `amount` of the caller's native coin into an output for `owner`. */
static int32_t lock_funds(const char *owner, uint64_t amount, const char *lock, size_t lock_len) {
    char caller[WES_ADDRESS_LEN];
    wes_get_caller(caller);
    if (!wes_create_asset_output_with_lock(owner, amount, NULL, 0, lock, (int32_t)lock_len)) {
        uint64_t have = (uint64_t)wes_query_utxo_balance(caller, NULL, 0);
        return have < amount ? WES_INSUFFICIENT_BALANCE : WES_EXECUTION_FAILED;
    }
    if (!add_stake(caller, amount)) return WES_EXECUTION_FAILED;
    wes_emit_event("Staked", 6, lock, (int32_t)lock_len);
    wes_set_return_data(lock, (int32_t)lock_len);
    return WES_SUCCESS;
}

WES_EXPORT("stake")
int32_t stake(void) {
    wes_slice p, v;
    uint64_t amount, span;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "amount", &amount) || amount == 0) return WES_INVALID_PARAMS;

    char lock[64];
    size_t n = 0;
    if (wes_json_find(p, "blocks", &v)) {
        if (!wes_json_as_u64(v, &span) || span == 0 || span > MAX_BLOCKS) return WES_INVALID_PARAMS;
        wes_puts(lock, sizeof lock, &n, "{\"type\":\"height\",\"until\":");
        wes_put_u64(lock, sizeof lock, &n, (uint64_t)wes_get_block_height() + span);
    } else if (wes_json_find(p, "seconds", &v)) {
        if (!wes_json_as_u64(v, &span) || span == 0 || span > MAX_SECONDS) return WES_INVALID_PARAMS;
        wes_puts(lock, sizeof lock, &n, "{\"type\":\"time\",\"until\":");
        wes_put_u64(lock, sizeof lock, &n, (uint64_t)wes_get_timestamp() + span);
    } else {
        return WES_INVALID_PARAMS;
    }
    wes_puts(lock, sizeof lock, &n, "}");

    char caller[WES_ADDRESS_LEN];
    wes_get_caller(caller);
    return lock_funds(caller, amount, lock, n);
}

WES_EXPORT("delegate")
int32_t delegate(void) {
    wes_slice p, validator;
    uint64_t amount;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "amount", &amount) || amount == 0) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "validator", &validator) || !wes_is_address(validator.ptr, validator.len))
        return WES_INVALID_PARAMS;

    char lock[96];
    size_t n = 0;
    wes_puts(lock, sizeof lock, &n, "{\"type\":\"delegation\",\"to\":\"");
    wes_put(lock, sizeof lock, &n, validator.ptr, WES_ADDRESS_LEN);
    wes_puts(lock, sizeof lock, &n, "\"}");
    char caller[WES_ADDRESS_LEN];
    wes_get_caller(caller);
    return lock_funds(caller, amount, lock, n);
}

WES_EXPORT("staked")
int32_t staked(void) {
    wes_slice p, owner;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "owner", &owner) || !wes_is_address(owner.ptr, owner.len)) return WES_INVALID_PARAMS;
    char key[6 + WES_ADDRESS_LEN];
    uint64_t total;
    stake_key(owner.ptr, key);
    if (wes_state_get_len(key, sizeof key) != 8) return WES_NOT_FOUND;
    wes_state_get(key, sizeof key, &total);
    wes_return_u64(total);
    return WES_SUCCESS;
}

WES_EXPORT("reward")
int32_t reward(void) {
    wes_slice p;
    uint64_t amount, blocks;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "amount", &amount) || !wes_json_u64(p, "blocks", &blocks)) return WES_INVALID_PARAMS;
    /* 5% per 1000 blocks; also the average per block. */
    uint64_t total = amount * 5 / 100 * blocks / 1000;
    /* BUG (deliberate): divides by `blocks`, and logs the quote, before checking it. */
    uint64_t per_block = total / blocks;
    wes_emit_event("Quote", 5, &per_block, 8);
    if (blocks == 0 || blocks > MAX_BLOCKS) return WES_INVALID_PARAMS;
    char out[48];
    size_t n = 0;
    wes_put_u64(out, sizeof out, &n, total);
    wes_puts(out, sizeof out, &n, "/");
    wes_put_u64(out, sizeof out, &n, per_block);
    wes_set_return_data(out, (int32_t)n);
    return WES_SUCCESS;
}
