/*
 * token: moves the contract's token GOLD (or the native coin) between UTXO owners.
 *
 *   transfer       {"amount":N,"to":ADDR}            caller pays `to` N GOLD
 *                  {"amount":N,"native":true,"to":ADDR} ... in the native coin
 *   transfer_from  {"amount":N,"from":ADDR,"to":ADDR} spends `from`'s UTXOs: only
 *                  the caller or the contract itself may be `from` (else UNAUTHORIZED)
 *   transfer_batch {"amount":N,"recipients":[ADDR,…]}  pays each recipient N GOLD in turn
 *                  (up to 16); later payments spend the change of earlier ones
 *                  (draft inputs "draft:K"); any failure fails the whole call
 *   balance        {"owner":ADDR}                     returns the unlocked balance as decimal text
 *
 * Deliberate bugs, reachable from params, for failing snapshots:
 *   "debug_overflow":true  the memo checksum reads `amount` bytes of the params
 *                          buffer instead of its length: memory_out_of_bounds
 *   "debug_bad_ptr":true   passes a wild pointer as `to`: host_error
 */
#include "wes.h"

static const char TOKEN[] = "GOLD";
#define TOKEN_LEN 4

/* Token of this call: the contract's token unless params say "native":true. */
static int32_t token_len_for(wes_slice p) {
    return wes_json_flag(p, "native") ? 0 : TOKEN_LEN;
}

/* Event and return data: {"amount":N,"from":"0x…","to":"0x…","token":"GOLD"} */
static void report_transfer(const char *from, const char *to, uint64_t amount, int32_t token_len) {
    static char out[192];
    size_t n = 0;
    wes_puts(out, sizeof out, &n, "{\"amount\":");
    wes_put_u64(out, sizeof out, &n, amount);
    wes_puts(out, sizeof out, &n, ",\"from\":\"");
    wes_put(out, sizeof out, &n, from, WES_ADDRESS_LEN);
    wes_puts(out, sizeof out, &n, "\",\"to\":\"");
    wes_put(out, sizeof out, &n, to, WES_ADDRESS_LEN);
    wes_puts(out, sizeof out, &n, "\",\"token\":\"");
    wes_put(out, sizeof out, &n, TOKEN, (size_t)token_len);
    wes_puts(out, sizeof out, &n, "\"}");
    wes_emit_event("Transfer", 8, out, (int32_t)n);
    wes_set_return_data(out, (int32_t)n);
}

/* Why a transfer from `from` failed, as a status code. */
static int32_t transfer_failure(const char *from, uint64_t amount, int32_t token_len) {
    uint64_t have = (uint64_t)wes_query_utxo_balance(from, TOKEN, token_len);
    return have < amount ? WES_INSUFFICIENT_BALANCE : WES_EXECUTION_FAILED;
}

/* A checksum of the memo, logged with the transfer (only on the buggy path). */
static uint32_t memo_checksum(const uint8_t *bytes, uint64_t count) {
    uint32_t sum = 0;
    for (uint64_t i = 0; i < count; i++) sum = sum * 31 + bytes[i];
    return sum;
}

WES_EXPORT("transfer")
int32_t transfer(void) {
    wes_slice p, to;
    uint64_t amount;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "to", &to) || !wes_is_address(to.ptr, to.len)) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "amount", &amount) || amount == 0) return WES_INVALID_PARAMS;
    int32_t token_len = token_len_for(p);

    /* The draft this call writes to; the host never hands out 0. */
    if (wes_get_current_transaction() == 0) return WES_EXECUTION_FAILED;
    char caller[WES_ADDRESS_LEN];
    wes_get_caller(caller);

    if (wes_json_flag(p, "debug_overflow")) {
        /* BUG (deliberate): `amount` where `p.len` was meant. */
        uint32_t sum = memo_checksum((const uint8_t *)p.ptr, amount);
        wes_emit_event("Memo", 4, &sum, 4);
    }
    const char *to_ptr = to.ptr;
    if (wes_json_flag(p, "debug_bad_ptr")) {
        /* BUG (deliberate): a pointer past the end of memory. */
        to_ptr = (const char *)0x7ffffff0;
    }

    if (!wes_execute_utxo_transfer(caller, to_ptr, amount, TOKEN, token_len))
        return transfer_failure(caller, amount, token_len);
    report_transfer(caller, to.ptr, amount, token_len);
    return WES_SUCCESS;
}

WES_EXPORT("transfer_from")
int32_t transfer_from(void) {
    wes_slice p, from, to;
    uint64_t amount;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "from", &from) || !wes_is_address(from.ptr, from.len)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "to", &to) || !wes_is_address(to.ptr, to.len)) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "amount", &amount) || amount == 0) return WES_INVALID_PARAMS;
    int32_t token_len = token_len_for(p);

    char caller[WES_ADDRESS_LEN], self[WES_ADDRESS_LEN];
    wes_get_caller(caller);
    wes_get_contract_address(self);

    /* The host decides who may spend; the contract only explains a refusal. */
    if (!wes_execute_utxo_transfer(from.ptr, to.ptr, amount, TOKEN, token_len)) {
        if (memcmp(from.ptr, caller, WES_ADDRESS_LEN) != 0 && memcmp(from.ptr, self, WES_ADDRESS_LEN) != 0)
            return WES_UNAUTHORIZED;
        return transfer_failure(from.ptr, amount, token_len);
    }
    report_transfer(from.ptr, to.ptr, amount, token_len);
    return WES_SUCCESS;
}

WES_EXPORT("transfer_batch")
int32_t transfer_batch(void) {
    wes_slice p, recipients, elem, to;
    uint64_t amount;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "amount", &amount) || amount == 0) return WES_INVALID_PARAMS;
    if (!wes_json_find(p, "recipients", &recipients)) return WES_INVALID_PARAMS;

    char caller[WES_ADDRESS_LEN];
    wes_get_caller(caller);
    size_t pos = 0;
    uint64_t paid = 0;
    while (wes_json_array_next(recipients, &pos, &elem)) {
        if (paid == 16 || !wes_json_as_str(elem, &to) || !wes_is_address(to.ptr, to.len)) return WES_INVALID_PARAMS;
        /* Returning a failure discards the payments already in the draft. */
        if (!wes_execute_utxo_transfer(caller, to.ptr, amount, TOKEN, TOKEN_LEN))
            return transfer_failure(caller, amount, TOKEN_LEN);
        report_transfer(caller, to.ptr, amount, TOKEN_LEN);
        paid++;
    }
    if (paid == 0) return WES_INVALID_PARAMS;
    wes_return_u64(paid);
    return WES_SUCCESS;
}

WES_EXPORT("balance")
int32_t balance(void) {
    wes_slice p, owner;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "owner", &owner) || !wes_is_address(owner.ptr, owner.len)) return WES_INVALID_PARAMS;
    int64_t have = wes_query_utxo_balance(owner.ptr, TOKEN, token_len_for(p));
    wes_return_u64((uint64_t)have);
    return WES_SUCCESS;
}
