/*
 * nft: mints contract tokens: one-of-a-kind NFTs and airdrops.
 *
 *   mint     {"id":N,"to":ADDR}      mints token "PUNK#N" (amount 1) to ADDR with
 *                                    create_utxo_output; only the admin (state "admin")
 *                                    may mint (UNAUTHORIZED), each id once (ALREADY_EXISTS);
 *                                    its rarity comes from the previous block's hash
 *                                    (EXECUTION_FAILED when the snapshot lacks it)
 *   airdrop  {"amount":N,"recipients":[ADDR,…],"token":T}
 *                                    mints N of token T to every recipient in one
 *                                    batch_create_outputs call (records built in a
 *                                    host malloc'd buffer); admin only; 1..16 recipients
 *   owner_of {"id":N}                returns the owner recorded at mint; NOT_FOUND
 *
 * Deliberate bugs for failing snapshots:
 *   airdrop "debug_double_free":true  frees the record buffer twice: host_error
 *   airdrop "debug_count":K           passes K instead of the number of records
 *                                     to batch_create_outputs: it reads past the
 *                                     buffer, finds no valid address there, fails
 */
#include "wes.h"

#define MAX_RECIPIENTS 16
#define RECORD_MAX (WES_ADDRESS_LEN + 8 + 4 + 64)

static int caller_is_admin(void) {
    char admin[WES_ADDRESS_LEN], caller[WES_ADDRESS_LEN];
    if (wes_state_get_len("admin", 5) != WES_ADDRESS_LEN) return 0;
    wes_state_get("admin", 5, admin);
    wes_get_caller(caller);
    return memcmp(admin, caller, WES_ADDRESS_LEN) == 0;
}

/* State key "owner:N" for NFT id N. */
static size_t owner_key(uint64_t id, char out[32]) {
    memcpy(out, "owner:", 6);
    return 6 + wes_u64_to_dec(id, out + 6);
}

WES_EXPORT("mint")
int32_t mint(void) {
    wes_slice p, to;
    uint64_t id;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "id", &id)) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "to", &to) || !wes_is_address(to.ptr, to.len)) return WES_INVALID_PARAMS;
    if (!caller_is_admin()) return WES_UNAUTHORIZED;

    char key[32];
    size_t key_len = owner_key(id, key);
    if (wes_state_exists(key, (int32_t)key_len)) return WES_ALREADY_EXISTS;

    /* Token id "PUNK#N", NUL-terminated as create_utxo_output wants. */
    char token[32];
    memcpy(token, "PUNK#", 5);
    size_t n = 5 + wes_u64_to_dec(id, token + 5);
    token[n] = 0;
    if (!wes_create_utxo_output(to.ptr, 1, token)) return WES_EXECUTION_FAILED;

    wes_state_set(key, (int32_t)key_len, to.ptr, WES_ADDRESS_LEN);

    /* Rarity 0..99 from the previous block's hash: deterministic, known to all. */
    uint8_t hash[32];
    if (wes_get_block_hash(wes_get_block_height() - 1, hash) != 32) return WES_EXECUTION_FAILED;
    char event[48];
    size_t e = 0;
    wes_put(event, sizeof event, &e, token, n);
    wes_puts(event, sizeof event, &e, " rarity=");
    wes_put_u64(event, sizeof event, &e, hash[0] % 100);
    wes_emit_event("Minted", 6, event, (int32_t)e);
    wes_set_return_data(token, (int32_t)n);
    return WES_SUCCESS;
}

static void put_u32_le(uint8_t *out, uint32_t v) {
    for (int i = 0; i < 4; i++) out[i] = (uint8_t)(v >> (8 * i));
}

static void put_u64_le(uint8_t *out, uint64_t v) {
    for (int i = 0; i < 8; i++) out[i] = (uint8_t)(v >> (8 * i));
}

WES_EXPORT("airdrop")
int32_t airdrop(void) {
    wes_slice p, recipients, token, elem, addr;
    uint64_t amount;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "amount", &amount) || amount == 0) return WES_INVALID_PARAMS;
    if (!wes_json_str(p, "token", &token) || token.len == 0 || token.len > 64) return WES_INVALID_PARAMS;
    if (!wes_json_find(p, "recipients", &recipients)) return WES_INVALID_PARAMS;
    if (!caller_is_admin()) return WES_UNAUTHORIZED;

    uint8_t *items = wes_malloc(MAX_RECIPIENTS * RECORD_MAX);
    if (!items) return WES_EXECUTION_FAILED;
    size_t pos = 0, used = 0;
    int32_t count = 0;
    while (wes_json_array_next(recipients, &pos, &elem)) {
        if (count == MAX_RECIPIENTS || !wes_json_as_str(elem, &addr) || !wes_is_address(addr.ptr, addr.len)) {
            wes_free(items);
            return WES_INVALID_PARAMS;
        }
        uint8_t *rec = items + used;
        memcpy(rec, addr.ptr, WES_ADDRESS_LEN);
        put_u64_le(rec + WES_ADDRESS_LEN, amount);
        put_u32_le(rec + WES_ADDRESS_LEN + 8, (uint32_t)token.len);
        memcpy(rec + WES_ADDRESS_LEN + 12, token.ptr, token.len);
        used += WES_ADDRESS_LEN + 12 + token.len;
        count++;
    }
    if (count == 0) {
        wes_free(items);
        return WES_INVALID_PARAMS;
    }

    uint64_t debug_count;
    int32_t passed = count;
    if (wes_json_u64(p, "debug_count", &debug_count)) passed = (int32_t)debug_count; /* BUG (deliberate) */
    int32_t ok = wes_batch_create_outputs(items, passed);
    wes_free(items);
    if (wes_json_flag(p, "debug_double_free")) wes_free(items); /* BUG (deliberate) */
    if (!ok) return WES_EXECUTION_FAILED;

    char summary[20];
    size_t n = wes_u64_to_dec((uint64_t)count, summary);
    wes_emit_event("Airdropped", 10, summary, (int32_t)n);
    wes_set_return_data(summary, (int32_t)n);
    return WES_SUCCESS;
}

WES_EXPORT("owner_of")
int32_t owner_of(void) {
    wes_slice p;
    uint64_t id;
    if (!wes_params(&p)) return WES_INVALID_PARAMS;
    if (!wes_json_u64(p, "id", &id)) return WES_INVALID_PARAMS;
    char key[32], owner[WES_ADDRESS_LEN];
    size_t key_len = owner_key(id, key);
    if (wes_state_get_len(key, (int32_t)key_len) != WES_ADDRESS_LEN) return WES_NOT_FOUND;
    wes_state_get(key, (int32_t)key_len, owner);
    wes_set_return_data(owner, WES_ADDRESS_LEN);
    return WES_SUCCESS;
}
