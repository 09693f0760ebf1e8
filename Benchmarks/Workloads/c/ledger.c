// A UTXO-style ledger: wallets of unspent outputs, transactions that spend
// inputs and create outputs, a free list of output slots, and a final audit
// that the total supply equals the genesis amount minus the fees.
#include "common.h"

#ifndef ACCOUNTS
#define ACCOUNTS 256
#endif
#ifndef WALLET_CAP
#define WALLET_CAP 32
#endif
#ifndef TRANSACTIONS
#define TRANSACTIONS 26000000
#endif
#define SLOTS (ACCOUNTS * WALLET_CAP)
#define GENESIS_PER_ACCOUNT 1000000ull
#define FEE 3ull

static uint64_t amount[SLOTS];
static uint32_t owner[SLOTS];
static uint32_t free_slots[SLOTS];
static uint32_t free_count;
static uint32_t wallet[ACCOUNTS][WALLET_CAP];
static uint32_t wallet_count[ACCOUNTS];

static uint32_t mint(uint32_t account, uint64_t value) {
    uint32_t slot = free_slots[--free_count];
    amount[slot] = value;
    owner[slot] = account;
    wallet[account][wallet_count[account]++] = slot;
    return slot;
}

static uint64_t spend(uint32_t account, uint32_t index) {
    uint32_t slot = wallet[account][index];
    uint64_t value = amount[slot];
    wallet[account][index] = wallet[account][--wallet_count[account]];
    amount[slot] = 0;
    owner[slot] = ~0u;
    free_slots[free_count++] = slot;
    return value;
}

EXPORT("run") uint64_t run(void) {
    uint32_t state = bench_seed;
    free_count = 0;
    for (uint32_t s = SLOTS; s-- > 0;) free_slots[free_count++] = s;
    for (uint32_t a = 0; a < ACCOUNTS; a++) { wallet_count[a] = 0; mint(a, GENESIS_PER_ACCOUNT); }

    uint64_t fees = 0, digest = 0xcbf29ce484222325ull;
    uint32_t rejected = 0;
    for (uint32_t tx = 0; tx < TRANSACTIONS; tx++) {
        uint32_t from = lcg_next(&state) % ACCOUNTS;
        uint32_t to = lcg_next(&state) % ACCOUNTS;
        // A transaction needs room for the payment and the change.
        if (wallet_count[from] == 0 || wallet_count[to] >= WALLET_CAP - 1 ||
            wallet_count[from] >= WALLET_CAP - 1) { rejected++; continue; }
        uint32_t inputs = 1 + (lcg_next(&state) >> 30); // 1...4: wallets neither fill nor drain
        if (inputs > wallet_count[from]) inputs = wallet_count[from];
        uint64_t in = 0;
        for (uint32_t i = 0; i < inputs; i++)
            in += spend(from, lcg_next(&state) % wallet_count[from]);
        if (in <= FEE) { fees += in; continue; }
        uint64_t pay = (in - FEE) * (lcg_next(&state) >> 24) / 256;
        uint64_t change = in - FEE - pay;
        fees += FEE;
        uint32_t paid = mint(to, pay);
        uint32_t kept = mint(from, change);
        digest = (digest ^ (pay + paid)) * 0x100000001b3ull;
        digest = (digest ^ (change + kept + tx)) * 0x100000001b3ull;
    }

    uint64_t supply = 0;
    for (uint32_t a = 0; a < ACCOUNTS; a++)
        for (uint32_t i = 0; i < wallet_count[a]; i++) {
            uint32_t slot = wallet[a][i];
            if (owner[slot] != a) return 0; // corrupted ledger
            supply += amount[slot];
        }
    if (supply + fees != GENESIS_PER_ACCOUNT * ACCOUNTS) return 0;
    return digest ^ ((uint64_t)rejected << 32) ^ supply;
}
