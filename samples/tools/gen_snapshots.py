#!/usr/bin/env python3
"""Writes every samples/*/*.snapshot.json (the format of HOST-ABI.md "Snapshot file").

The committed snapshots are the product; this script only keeps their
addresses, UTXO ids and hashes consistent. Run it from anywhere:
    python3 samples/tools/gen_snapshots.py
Deterministic: the same script writes the same bytes.
"""
import hashlib
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def address(name):
    """A stable, realistic address per persona: 0x + 40 lowercase hex."""
    return "0x" + hashlib.sha256(("wes-sample:" + name).encode()).hexdigest()[:40]


def txid(label):
    return "0x" + hashlib.sha256(("wes-sample-tx:" + label).encode()).hexdigest()


def block_hash(height):
    return "0x" + hashlib.sha256(("wes-sample-block:%d" % height).encode()).hexdigest()


ALICE, BOB, CAROL, DAVE = (address(n) for n in ("alice", "bob", "carol", "dave"))
VALIDATOR = address("validator")
CONTRACT = {n: address(n) for n in ("token", "registry", "nft", "staking", "governance", "teach")}

HEIGHT = 1024

# arith.wat's sum alone, without a name section (wat2wasm output), for an inline-code snapshot.
SUM_HEX = "0061736d0100000001060160017f017f030201000707010373756d00000a25012301027f02400340200120004f0d01200141016a2101200220016a21020c000b0b20020b"
TIMESTAMP = 1764000000


def block(height=HEIGHT, timestamp=TIMESTAMP, hashes=(HEIGHT - 1,)):
    return {"height": height, "timestamp": timestamp,
            "hashes": {str(h): block_hash(h) for h in hashes}}


def utxo(label, index, owner, amount, token="", lock=None, issuer=None):
    u = {"id": "%s:%d" % (txid(label), index), "owner": owner, "amount": amount, "token": token, "lock": lock}
    if issuer is not None:
        u["issuer"] = issuer
    return u


def height_lock(until):
    return {"type": "height", "until": until}


def snapshot(contract, code, caller, function, params=None, utxos=(), state=None, fuel=10_000_000,
             expect=None, args=(), blk=None):
    s = {"version": 1, "block": blk or block(),
         "contract": {"address": CONTRACT[contract], "code": code},
         "caller": caller, "utxos": list(utxos), "state": state or {},
         "call": {"function": function, "params": params or {}, "args": list(args), "fuel": fuel}}
    if expect is not None:
        s["expect"] = expect
    return s


def ok():
    return {"status": "success", "code": 0}


def fails(code):
    return {"status": "failure", "code": code}


def traps(kind):
    return {"status": "trap", "trap": kind}


INVALID_PARAMS, INSUFFICIENT_BALANCE, UNAUTHORIZED, NOT_FOUND, ALREADY_EXISTS, EXECUTION_FAILED = range(1, 7)

written = []


def write(directory, name, snap):
    path = os.path.join(ROOT, directory, name + ".snapshot.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(snap, indent=2, ensure_ascii=False) + "\n")
    written.append(os.path.relpath(path, ROOT))


# ---------------------------------------------------------------- token

def token_utxos():
    """Alice holds 600 + 400 GOLD and 1000 + 500 native; 5000 GOLD of hers are
    locked until height 2048; the contract's treasury holds 10000 GOLD."""
    t = CONTRACT["token"]
    return [
        utxo("token-mint-1", 0, ALICE, 600, "GOLD", issuer=t),
        utxo("token-mint-1", 1, ALICE, 400, "GOLD", issuer=t),
        utxo("genesis-alice", 0, ALICE, 1000),
        utxo("genesis-alice", 1, ALICE, 500),
        utxo("token-vest-1", 0, ALICE, 5000, "GOLD", lock=height_lock(2048), issuer=t),
        utxo("genesis-bob", 0, BOB, 750),
        utxo("token-treasury", 0, t, 10000, "GOLD", issuer=t),
    ]


def token():
    d, code = "token", "token.wasm"

    def snap(function, params, expect, caller=ALICE, fuel=10_000_000):
        return snapshot("token", code, caller, function, params, token_utxos(), fuel=fuel, expect=expect)

    write(d, "transfer", snap("transfer", {"amount": 250, "to": BOB}, ok()))
    write(d, "transfer_native", snap("transfer", {"amount": 1200, "native": True, "to": CAROL}, ok()))
    write(d, "transfer_insufficient", snap("transfer", {"amount": 1500, "to": BOB}, fails(INSUFFICIENT_BALANCE)))
    write(d, "transfer_bad_address", snap("transfer", {"amount": 250, "to": BOB.upper().replace("0X", "0x")},
                                          fails(INVALID_PARAMS)))
    write(d, "transfer_zero", snap("transfer", {"amount": 0, "to": BOB}, fails(INVALID_PARAMS)))
    write(d, "transfer_from_unauthorized", snap("transfer_from", {"amount": 100, "from": BOB, "to": CAROL},
                                                fails(UNAUTHORIZED)))
    write(d, "transfer_from_treasury", snap("transfer_from", {"amount": 2500, "from": CONTRACT["token"], "to": CAROL},
                                            ok()))
    write(d, "transfer_batch", snap("transfer_batch", {"amount": 300, "recipients": [BOB, CAROL, DAVE]}, ok()))
    write(d, "transfer_batch_insufficient", snap("transfer_batch", {"amount": 300,
                                                                    "recipients": [BOB, CAROL, DAVE, BOB]},
                                                 fails(INSUFFICIENT_BALANCE)))
    write(d, "balance", snap("balance", {"owner": ALICE}, ok()))
    write(d, "balance_missing_owner", snap("balance", {}, fails(INVALID_PARAMS)))
    write(d, "transfer_overflow", snap("transfer", {"amount": 100000000, "debug_overflow": True, "to": BOB},
                                       traps("memory_out_of_bounds")))
    write(d, "transfer_bad_ptr", snap("transfer", {"amount": 250, "debug_bad_ptr": True, "to": BOB},
                                      traps("host_error")))
    write(d, "transfer_out_of_fuel", snap("transfer", {"amount": 250, "to": BOB}, traps("out_of_fuel"), fuel=300))


# ---------------------------------------------------------------- registry

def registry():
    d, code = "registry", "registry.wasm"
    names = {"name:alice": ALICE, "names": {"hex": "01000000"}}

    def snap(function, params, expect, state=None, caller=ALICE, fuel=10_000_000):
        return snapshot("registry", code, caller, function, params, state=state, fuel=fuel, expect=expect)

    write(d, "increment", snap("increment", {}, ok(), state={"counter": "41"}))
    write(d, "increment_first", snap("increment", {"by": 5}, ok()))
    write(d, "increment_times", snap("increment", {"by": 2, "times": 3}, ok(), state={"counter": "100"}))
    write(d, "increment_zero", snap("increment", {"by": 0}, fails(INVALID_PARAMS), state={"counter": "41"}))
    write(d, "increment_corrupt", snap("increment", {}, traps("unreachable"), state={"counter": "4l"}))
    write(d, "increment_out_of_fuel", snap("increment", {"times": 1000000000}, traps("out_of_fuel"),
                                           state={"counter": "0"}, fuel=20000))
    write(d, "register", snap("register", {"name": "bob"}, ok(), state=dict(names), caller=BOB))
    write(d, "register_taken", snap("register", {"name": "alice"}, fails(ALREADY_EXISTS), state=dict(names),
                                    caller=BOB))
    write(d, "register_bad_name", snap("register", {"name": "Bob Smith"}, fails(INVALID_PARAMS), state=dict(names),
                                       caller=BOB))
    write(d, "register_overflow", snap("register", {"debug_overflow": True, "name": "carol"},
                                       traps("memory_out_of_bounds"),
                                       state={"name:alice": ALICE, "names": {"hex": "00000100"}}, caller=CAROL))
    write(d, "resolve", snap("resolve", {"name": "alice"}, ok(), state=dict(names), caller=DAVE))
    write(d, "resolve_missing", snap("resolve", {"name": "zed"}, fails(NOT_FOUND), state=dict(names), caller=DAVE))
    write(d, "transfer_name", snap("transfer_name", {"name": "alice", "to": CAROL}, ok(), state=dict(names)))
    write(d, "transfer_name_unauthorized", snap("transfer_name", {"name": "alice", "to": BOB},
                                                fails(UNAUTHORIZED), state=dict(names), caller=BOB))


# ---------------------------------------------------------------- nft

def nft():
    d, code = "nft", "nft.wasm"
    n = CONTRACT["nft"]
    admin = {"admin": ALICE, "owner:1": BOB}
    owned = [utxo("nft-mint-1", 0, BOB, 1, "PUNK#1", issuer=n), utxo("genesis-alice", 0, ALICE, 1000)]

    def snap(function, params, expect, state=None, caller=ALICE, fuel=10_000_000):
        return snapshot("nft", code, caller, function, params, utxos=owned,
                        state=admin if state is None else state, fuel=fuel, expect=expect)

    write(d, "mint", snap("mint", {"id": 7, "to": CAROL}, ok()))
    write(d, "mint_no_hash", dict(snap("mint", {"id": 7, "to": CAROL}, fails(EXECUTION_FAILED)),
                                  block=block(hashes=())))
    write(d, "mint_duplicate", snap("mint", {"id": 1, "to": CAROL}, fails(ALREADY_EXISTS)))
    write(d, "mint_unauthorized", snap("mint", {"id": 8, "to": BOB}, fails(UNAUTHORIZED), caller=BOB))
    write(d, "mint_no_admin", snap("mint", {"id": 8, "to": BOB}, fails(UNAUTHORIZED), state={}))
    write(d, "owner_of", snap("owner_of", {"id": 1}, ok(), caller=DAVE))
    write(d, "owner_of_missing", snap("owner_of", {"id": 99}, fails(NOT_FOUND), caller=DAVE))
    drop = {"amount": 500, "recipients": [BOB, CAROL, DAVE], "token": "DROP"}
    write(d, "airdrop", snap("airdrop", drop, ok()))
    write(d, "airdrop_unauthorized", snap("airdrop", drop, fails(UNAUTHORIZED), caller=CAROL))
    write(d, "airdrop_bad_recipient", snap("airdrop", dict(drop, recipients=[BOB, "0x1234"]), fails(INVALID_PARAMS)))
    write(d, "airdrop_empty", snap("airdrop", dict(drop, recipients=[]), fails(INVALID_PARAMS)))
    write(d, "airdrop_bad_count", snap("airdrop", dict(drop, debug_count=5), fails(EXECUTION_FAILED)))
    write(d, "airdrop_double_free", snap("airdrop", dict(drop, debug_double_free=True), traps("host_error")))


# ---------------------------------------------------------------- staking

def staking():
    d, code = "staking", "staking.wasm"
    coins = [
        utxo("genesis-alice", 0, ALICE, 1000),
        utxo("genesis-alice", 1, ALICE, 500),
        utxo("stake-alice-1", 0, ALICE, 2000, lock=height_lock(1500)),
        utxo("stake-alice-2", 0, ALICE, 400, lock={"type": "time", "until": TIMESTAMP + 3600}),
        utxo("genesis-bob", 0, BOB, 750),
        utxo("delegate-bob-1", 0, BOB, 1000, lock={"type": "delegation", "to": VALIDATOR}),
    ]
    stakes = {"stake:" + ALICE: {"hex": "d007000000000000"}}

    def snap(function, params, expect, caller=ALICE, fuel=10_000_000):
        return snapshot("staking", code, caller, function, params, utxos=coins, state=stakes, fuel=fuel,
                        expect=expect)

    write(d, "stake", snap("stake", {"amount": 1200, "blocks": 100}, ok()))
    write(d, "stake_time", snap("stake", {"amount": 300, "seconds": 86400}, ok()))
    write(d, "stake_insufficient", snap("stake", {"amount": 2000, "blocks": 100}, fails(INSUFFICIENT_BALANCE)))
    write(d, "stake_too_long", snap("stake", {"amount": 100, "blocks": 1000000}, fails(INVALID_PARAMS)))
    write(d, "stake_no_span", snap("stake", {"amount": 100}, fails(INVALID_PARAMS)))
    write(d, "delegate", snap("delegate", {"amount": 700, "validator": VALIDATOR}, ok(), caller=BOB))
    write(d, "staked", snap("staked", {"owner": ALICE}, ok(), caller=DAVE))
    write(d, "staked_none", snap("staked", {"owner": BOB}, fails(NOT_FOUND), caller=DAVE))
    write(d, "reward", snap("reward", {"amount": 100000, "blocks": 2000}, ok()))
    write(d, "reward_zero_blocks", snap("reward", {"amount": 100000, "blocks": 0}, traps("integer_divide_by_zero")))
    write(d, "stake_out_of_fuel", snap("stake", {"amount": 1200, "blocks": 100}, traps("out_of_fuel"), fuel=400))


# ---------------------------------------------------------------- governance

def governance():
    d, code = "governance", "governance.wasm"
    open_state = {
        "proposal:fee-cut": "1100",
        "yes:fee-cut": "2",
        "no:fee-cut": "1",
        "voted:fee-cut:" + BOB: "yes",
        "voted:fee-cut:" + CAROL: "yes",
        "voted:fee-cut:" + DAVE: "no",
        "proposal:old-idea": "900",
        "yes:old-idea": "5000",
    }

    def snap(function, params, expect, caller=ALICE, fuel=10_000_000):
        return snapshot("governance", code, caller, function, params, state=open_state, fuel=fuel, expect=expect)

    write(d, "propose", snap("propose", {"id": "burn-1", "period": 500, "title": "Burn 1% of the fees"}, ok()))
    write(d, "propose_duplicate", snap("propose", {"id": "fee-cut", "period": 500, "title": "Again"},
                                       fails(ALREADY_EXISTS)))
    write(d, "propose_bad_id", snap("propose", {"id": "Fee Cut!", "period": 500, "title": "x"},
                                    fails(INVALID_PARAMS)))
    write(d, "vote", snap("vote", {"choice": "yes", "proposal": "fee-cut"}, ok()))
    write(d, "vote_twice", snap("vote", {"choice": "no", "proposal": "fee-cut"}, fails(ALREADY_EXISTS), caller=BOB))
    write(d, "vote_unknown", snap("vote", {"choice": "yes", "proposal": "nope"}, fails(NOT_FOUND)))
    write(d, "vote_closed", snap("vote", {"choice": "yes", "proposal": "old-idea"}, fails(EXECUTION_FAILED)))
    write(d, "vote_bad_choice", snap("vote", {"choice": "maybe", "proposal": "fee-cut"}, fails(INVALID_PARAMS)))
    doc = "Fees drop from 0.3% to 0.2% of each transfer from height 1100."
    write(d, "attach", snap("attach", {"document": doc, "proposal": "fee-cut"}, ok()))
    write(d, "attach_bad_kind", snap("attach", {"document": doc, "kind": "pdf", "proposal": "fee-cut"},
                                     fails(EXECUTION_FAILED)))
    write(d, "tally", snap("tally", {"proposal": "fee-cut"}, ok(), caller=DAVE))
    write(d, "tally_recursive", snap("tally", {"debug_recursive": True, "proposal": "old-idea"},
                                     traps("call_stack_exhausted"), caller=DAVE))

# ---------------------------------------------------------------- teach

def teach():
    d = "teach"
    coins = [utxo("genesis-alice", 0, ALICE, 1000), utxo("genesis-alice", 1, ALICE, 500),
             utxo("teach-faucet", 0, ALICE, 100, lock=height_lock(4096)), utxo("genesis-bob", 0, BOB, 750)]
    poor = [utxo("teach-faucet", 1, DAVE, 100)]

    def snap(code, function, expect, args=(), caller=ALICE, utxos=(), fuel=10_000_000):
        return snapshot("teach", code, caller, function, utxos=utxos, args=args, fuel=fuel, expect=expect)

    done = {"status": "success"}
    write(d, "sum", snap("arith.wat", "sum", done, args=["i32:10"]))
    write(d, "factorial", snap("arith.wat", "factorial", done, args=["i64:20"]))
    write(d, "factorial_deep", snap("arith.wat", "factorial", traps("call_stack_exhausted"), args=["i64:1000000"]))
    write(d, "divide", snap("arith.wat", "divide", done, args=["i32:84", "i32:2"]))
    write(d, "divide_by_zero", snap("arith.wat", "divide", traps("integer_divide_by_zero"), args=["i32:84", "i32:0"]))
    write(d, "divide_overflow", snap("arith.wat", "divide", traps("integer_overflow"),
                                     args=["i32:-2147483648", "i32:-1"]))
    for variant in ("seed", "standard"):
        code = variant + ".wat"
        write(d, variant + "_balance", snap(code, "balance", ok(), utxos=coins))
        write(d, variant + "_transfer", snap(code, "transfer", ok(), utxos=coins))
        write(d, variant + "_transfer_insufficient", snap(code, "transfer", fails(INSUFFICIENT_BALANCE),
                                                          caller=DAVE, utxos=poor))
    # The code given inline as { "hex": … } instead of a file path.
    inline = snap({"hex": SUM_HEX}, "sum", done, args=["i32:100"])
    write(d, "sum_inline", inline)
    write(d, "trap_unreachable", snap("trap_unreachable.wat", "check", traps("unreachable"), args=["i32:7"]))
    write(d, "trap_memory", snap("trap_memory.wat", "strlen", traps("memory_out_of_bounds"), args=["i32:65520"]))
    write(d, "trap_loop", snap("trap_loop.wat", "spin", traps("out_of_fuel"), fuel=5000))
    write(d, "trap_host", snap("trap_host.wat", "whoami", traps("host_error")))


# ---------------------------------------------------------------- debug builds

def debug_builds():
    """One success snapshot per `-g` build (build.sh): the same call as its -O2
    twin with `contract.code` pointing at the debug module, for source-level
    debugging. Fuel differs between builds; the outcome does not."""
    variants = [("token", "transfer", ("debug", "dwarf5", "O1")),
                ("registry", "increment", ("debug",)), ("nft", "mint", ("debug",)),
                ("staking", "stake", ("debug",)), ("governance", "propose", ("debug",))]
    for contract, name, builds in variants:
        with open(os.path.join(ROOT, contract, name + ".snapshot.json"), encoding="utf-8") as f:
            base = json.load(f)
        for build in builds:
            snap = json.loads(json.dumps(base))
            snap["contract"]["code"] = "%s.%s.wasm" % (contract, build)
            write(contract, "%s.%s" % (name, build), snap)


SECTIONS = [token, registry, nft, staking, governance, teach, debug_builds]

# ---------------------------------------------------------------- vault (Rust)

def vault():
    """Alice has 100 in the vault and 1000 + 500 native of her own; the contract
    holds the 600 its depositors put in; bob has no account."""
    d, code = "vault", "vault.wasm"
    CONTRACT["vault"] = address("vault")
    coins = [utxo("genesis-alice", 0, ALICE, 1000), utxo("genesis-alice", 1, ALICE, 500),
             utxo("vault-deposits", 0, CONTRACT["vault"], 600)]
    accounts = {"vault:" + ALICE: "100", "vault:" + CAROL: "500"}

    def snap(function, params, expect, caller=ALICE, state=accounts):
        return snapshot("vault", code, caller, function, params, coins, state=state, expect=expect)

    write(d, "deposit", snap("deposit", {"amount": 250}, ok()))
    # The same deposit against the -C opt-level=2 build (no debug info, 34 functions).
    write(d, "deposit_O2", snapshot("vault", "vault.O2.wasm", ALICE, "deposit", {"amount": 250}, coins,
                                    state=accounts, expect=ok()))
    write(d, "deposit_insufficient", snap("deposit", {"amount": 2000}, fails(INSUFFICIENT_BALANCE)))
    write(d, "deposit_bad_amount", snap("deposit", {"amount": "lots"}, fails(INVALID_PARAMS)))
    write(d, "withdraw", snap("withdraw", {"amount": 40}, ok()))
    write(d, "withdraw_too_much", snap("withdraw", {"amount": 150}, fails(INSUFFICIENT_BALANCE)))
    write(d, "balance", snap("balance", {"owner": CAROL}, ok(), caller=BOB))
    # A balance in state that is not a decimal breaks the contract's invariant: its panic traps.
    write(d, "withdraw_corrupt", snap("withdraw", {"amount": 40}, traps("unreachable"),
                                      state={"vault:" + ALICE: "1x0"}))


SECTIONS.append(vault)

# ---------------------------------------------------------------- audit (-msimd128)

# 45 balances: the 4x-unrolled i64x2 loop takes 40, the one-vector loop 4, the scalar tail 1;
# some pass 2^32, so a lane that dropped its high half would show.
AUDIT_BALANCES = [1000 * (i + 1) + 7 * i * i + (5_000_000_000 if i % 9 == 4 else 0) for i in range(45)]


def audit():
    d, code = "audit", "audit.wasm"
    CONTRACT["audit"] = address("audit")
    raw = b"".join(b.to_bytes(8, "little") for b in AUDIT_BALANCES).hex()
    total = sum(AUDIT_BALANCES)

    def snap(function, params, expect, state):
        return snapshot("audit", code, DAVE, function, params, state=state, expect=expect)

    write(d, "audit", snap("audit", {}, ok(), {"balances": {"hex": raw}, "supply": str(total)}))
    write(d, "audit_mismatch", snap("audit", {}, fails(EXECUTION_FAILED),
                                    {"balances": {"hex": raw}, "supply": str(total + 1)}))
    write(d, "audit_missing", snap("audit", {}, fails(NOT_FOUND), {"supply": "0"}))
    payload = "alice:250,bob:1200,carol:40,dave:7,erin:99999,frank:3,grace:18,heidi:650"
    write(d, "checksum", snap("checksum", {"payload": payload}, ok(), {}))


SECTIONS.append(audit)

if __name__ == "__main__":
    for section in SECTIONS:
        section()
    print("wrote %d snapshots" % len(written))
