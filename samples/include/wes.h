/*
 * wes.h: the WES contract host ABI for freestanding C (clang --target=wasm32).
 *
 * Every host import of /work/shared/HOST-ABI.md (module "env"), the contract
 * status codes, and the few helpers a contract needs without a libc: memory
 * and string routines, u64 <-> decimal, a small reader for the call's params
 * (canonical JSON: keys sorted, no spaces, integers as plain decimals).
 *
 * A contract is one .c file that includes this header; samples/build.sh
 * compiles it with -nostdlib, so everything here is header-only.
 */
#ifndef WES_H
#define WES_H

typedef unsigned char uint8_t;
typedef unsigned int uint32_t;
typedef int int32_t;
typedef unsigned long long uint64_t;
typedef long long int64_t;
typedef unsigned long size_t;

#define NULL ((void *)0)

/* ---- status codes returned by `() -> i32` entry points ---- */
#define WES_SUCCESS 0
#define WES_INVALID_PARAMS 1
#define WES_INSUFFICIENT_BALANCE 2
#define WES_UNAUTHORIZED 3
#define WES_NOT_FOUND 4
#define WES_ALREADY_EXISTS 5
#define WES_EXECUTION_FAILED 6

/* An address is always 42 ASCII bytes: "0x" + 40 lowercase hex digits. */
#define WES_ADDRESS_LEN 42

/* Marks an exported entry point (keeps its C name in the name section). */
#define WES_EXPORT(name) __attribute__((export_name(name)))

#define WES_IMPORT(name) __attribute__((import_module("env"), import_name(name)))

/* ---- context ---- */
WES_IMPORT("get_current_transaction") int32_t wes_get_current_transaction(void);
WES_IMPORT("get_caller") int32_t wes_get_caller(char *out42);
WES_IMPORT("get_contract_address") int32_t wes_get_contract_address(char *out42);
WES_IMPORT("get_contract_params_len") int32_t wes_get_contract_params_len(void);
WES_IMPORT("get_contract_params") int32_t wes_get_contract_params(char *out);
WES_IMPORT("set_return_data") void wes_set_return_data(const void *ptr, int32_t len);
WES_IMPORT("emit_event") void wes_emit_event(const char *name, int32_t name_len,
                                             const void *data, int32_t data_len);

/* ---- chain ---- */
WES_IMPORT("get_block_height") int64_t wes_get_block_height(void);
WES_IMPORT("get_timestamp") int64_t wes_get_timestamp(void);
WES_IMPORT("get_block_hash") int32_t wes_get_block_hash(int64_t height, uint8_t *out32);

/* ---- UTXO (token_len 0 = the native coin) ---- */
WES_IMPORT("query_utxo_balance") int64_t wes_query_utxo_balance(const char *addr42,
                                                                const char *token, int32_t token_len);
WES_IMPORT("execute_utxo_transfer") int32_t wes_execute_utxo_transfer(const char *from42, const char *to42,
                                                                      uint64_t amount, const char *token,
                                                                      int32_t token_len);
/* `token` is NUL-terminated; the native coin (0) fails: contracts never mint it. */
WES_IMPORT("create_utxo_output") int32_t wes_create_utxo_output(const char *addr42, uint64_t amount,
                                                                const char *token_nul);
WES_IMPORT("create_asset_output_with_lock") int32_t wes_create_asset_output_with_lock(
    const char *addr42, uint64_t amount, const char *token, int32_t token_len,
    const char *lock_json, int32_t lock_len);
/* `items`: `count` records of 42-byte address, u64 LE amount, u32 LE token_len, token bytes. */
WES_IMPORT("batch_create_outputs") int32_t wes_batch_create_outputs(const void *items, int32_t count);

/* ---- state ---- */
WES_IMPORT("state_get") int32_t wes_state_get(const char *key, int32_t key_len, void *out);
WES_IMPORT("state_get_len") int32_t wes_state_get_len(const char *key, int32_t key_len);
WES_IMPORT("state_set") int32_t wes_state_set(const char *key, int32_t key_len,
                                              const void *val, int32_t val_len);
WES_IMPORT("state_exists") int32_t wes_state_exists(const char *key, int32_t key_len);
WES_IMPORT("append_state_output") int32_t wes_append_state_output(const char *id, int32_t id_len,
                                                                  const void *data, int32_t data_len);
WES_IMPORT("append_resource_output") int32_t wes_append_resource_output(const char *kind, int32_t kind_len,
                                                                        const void *data, int32_t data_len);

/* ---- host-managed memory ---- */
WES_IMPORT("malloc") void *wes_malloc(int32_t size);
WES_IMPORT("free") void wes_free(void *ptr);

/* ---- memory and strings ----
 * clang lowers struct copies and loops to calls of these, so they must exist
 * with their libc names; weak so two inclusions never clash. */
__attribute__((weak)) void *memcpy(void *dst, const void *src, size_t n) {
    uint8_t *d = dst;
    const uint8_t *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

__attribute__((weak)) void *memmove(void *dst, const void *src, size_t n) {
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (d < s) {
        while (n--) *d++ = *s++;
    } else {
        while (n--) d[n] = s[n];
    }
    return dst;
}

__attribute__((weak)) void *memset(void *dst, int c, size_t n) {
    uint8_t *d = dst;
    while (n--) *d++ = (uint8_t)c;
    return dst;
}

__attribute__((weak)) int memcmp(const void *a, const void *b, size_t n) {
    const uint8_t *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y) return *x - *y;
    return 0;
}

static inline size_t wes_strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* Equal lengths and bytes. */
static inline int wes_eq(const char *a, size_t a_len, const char *b, size_t b_len) {
    return a_len == b_len && memcmp(a, b, a_len) == 0;
}

/* Appends `n` bytes to out[*pos], never past `cap`; returns 0 when it would overflow. */
static inline int wes_put(char *out, size_t cap, size_t *pos, const char *s, size_t n) {
    if (*pos + n > cap) return 0;
    memcpy(out + *pos, s, n);
    *pos += n;
    return 1;
}

static inline int wes_puts(char *out, size_t cap, size_t *pos, const char *s) {
    return wes_put(out, cap, pos, s, wes_strlen(s));
}

/* Writes v in decimal (no NUL) to out (at least 20 bytes); returns the length. */
static inline size_t wes_u64_to_dec(uint64_t v, char *out) {
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

static inline int wes_put_u64(char *out, size_t cap, size_t *pos, uint64_t v) {
    char d[20];
    return wes_put(out, cap, pos, d, wes_u64_to_dec(v, d));
}

/* Parses a plain decimal (1..20 digits, no sign); 0 on junk or u64 overflow. */
static inline int wes_dec_to_u64(const char *s, size_t n, uint64_t *out) {
    if (n == 0 || n > 20) return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        uint64_t d = (uint64_t)(s[i] - '0');
        if (v > (18446744073709551615ULL - d) / 10) return 0;
        v = v * 10 + d;
    }
    *out = v;
    return 1;
}

/* "0x" + 40 lowercase hex digits. */
static inline int wes_is_address(const char *s, size_t n) {
    if (n != WES_ADDRESS_LEN || s[0] != '0' || s[1] != 'x') return 0;
    for (size_t i = 2; i < n; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return 0;
    }
    return 1;
}

/* ---- params: canonical JSON ----
 * A slice is a pointer and a length into the params buffer; nothing is copied.
 * The reader only walks what it needs and refuses anything malformed. */
typedef struct {
    const char *ptr;
    size_t len;
} wes_slice;

/* Skips one JSON value starting at s[*i]; 0 when malformed. */
static inline int wes_json_skip(const char *s, size_t n, size_t *i) {
    size_t depth = 0;
    do {
        if (*i >= n) return 0;
        char c = s[*i];
        if (c == '"') {
            for ((*i)++;; (*i)++) {
                if (*i >= n) return 0;
                if (s[*i] == '\\') (*i)++;
                else if (s[*i] == '"') break;
            }
            (*i)++;
        } else if (c == '{' || c == '[') {
            depth++;
            (*i)++;
        } else if (c == '}' || c == ']') {
            if (depth == 0) return 0;
            depth--;
            (*i)++;
        } else if (c == ',' || c == ':') {
            if (depth == 0) return 0;
            (*i)++;
        } else {
            /* number, true, false, null */
            size_t start = *i;
            while (*i < n && s[*i] != ',' && s[*i] != '}' && s[*i] != ']' && s[*i] != ':') (*i)++;
            if (*i == start) return 0;
        }
    } while (depth > 0);
    return 1;
}

/* Finds `key` among the top-level members of the object `json`; the value
 * (raw JSON text) goes to *value. Returns 0 when absent or malformed. */
static inline int wes_json_find(wes_slice json, const char *key, wes_slice *value) {
    const char *s = json.ptr;
    size_t n = json.len, i = 1, key_len = wes_strlen(key);
    if (n < 2 || s[0] != '{') return 0;
    if (s[1] == '}') return 0;
    while (i < n) {
        if (s[i] != '"') return 0;
        size_t k = i + 1;
        if (!wes_json_skip(s, n, &i)) return 0;
        size_t k_len = i - 1 - k;
        if (i >= n || s[i] != ':') return 0;
        i++;
        size_t v = i;
        if (!wes_json_skip(s, n, &i)) return 0;
        if (wes_eq(s + k, k_len, key, key_len)) {
            value->ptr = s + v;
            value->len = i - v;
            return 1;
        }
        if (i < n && s[i] == ',') i++;
        else return 0;
    }
    return 0;
}

/* A JSON string without escapes: its contents. */
static inline int wes_json_as_str(wes_slice v, wes_slice *out) {
    if (v.len < 2 || v.ptr[0] != '"' || v.ptr[v.len - 1] != '"') return 0;
    for (size_t i = 1; i + 1 < v.len; i++)
        if (v.ptr[i] == '\\') return 0;
    out->ptr = v.ptr + 1;
    out->len = v.len - 2;
    return 1;
}

static inline int wes_json_as_u64(wes_slice v, uint64_t *out) {
    return wes_dec_to_u64(v.ptr, v.len, out);
}

static inline int wes_json_str(wes_slice json, const char *key, wes_slice *out) {
    wes_slice v;
    return wes_json_find(json, key, &v) && wes_json_as_str(v, out);
}

static inline int wes_json_u64(wes_slice json, const char *key, uint64_t *out) {
    wes_slice v;
    return wes_json_find(json, key, &v) && wes_json_as_u64(v, out);
}

/* true only for the literal `true`; absent or anything else is false. */
static inline int wes_json_flag(wes_slice json, const char *key) {
    wes_slice v;
    return wes_json_find(json, key, &v) && wes_eq(v.ptr, v.len, "true", 4);
}

/* Iterates an array: start with *pos = 0; each call yields the next element. */
static inline int wes_json_array_next(wes_slice array, size_t *pos, wes_slice *elem) {
    const char *s = array.ptr;
    size_t n = array.len;
    if (n < 2 || s[0] != '[') return 0;
    size_t i = *pos == 0 ? 1 : *pos;
    if (i >= n || s[i] == ']') return 0;
    size_t start = i;
    if (!wes_json_skip(s, n, &i)) return 0;
    elem->ptr = s + start;
    elem->len = i - start;
    if (i < n && s[i] == ',') i++;
    *pos = i;
    return 1;
}

/* ---- params buffer ---- */
#ifndef WES_PARAMS_CAP
#define WES_PARAMS_CAP 4096
#endif
static char wes_params_buf[WES_PARAMS_CAP];

/* Reads the call's params into a static buffer; 0 when they do not fit. */
static inline int wes_params(wes_slice *out) {
    int32_t n = wes_get_contract_params_len();
    if (n < 0 || n > WES_PARAMS_CAP) return 0;
    wes_get_contract_params(wes_params_buf);
    out->ptr = wes_params_buf;
    out->len = (size_t)n;
    return 1;
}

/* Returns `text` (NUL-terminated) as the call's return data. */
static inline void wes_return_text(const char *text) {
    wes_set_return_data(text, (int32_t)wes_strlen(text));
}

static inline void wes_return_u64(uint64_t v) {
    char d[20];
    wes_set_return_data(d, (int32_t)wes_u64_to_dec(v, d));
}

#endif /* WES_H */
