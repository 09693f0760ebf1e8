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
    write(d, "balance", snap("balance", {"owner": ALICE}, ok()))
    write(d, "balance_missing_owner", snap("balance", {}, fails(INVALID_PARAMS)))
    write(d, "transfer_overflow", snap("transfer", {"amount": 100000000, "debug_overflow": True, "to": BOB},
                                       traps("memory_out_of_bounds")))
    write(d, "transfer_bad_ptr", snap("transfer", {"amount": 250, "debug_bad_ptr": True, "to": BOB},
                                      traps("host_error")))
    write(d, "transfer_out_of_fuel", snap("transfer", {"amount": 250, "to": BOB}, traps("out_of_fuel"), fuel=300))


SECTIONS = [token]

if __name__ == "__main__":
    for section in SECTIONS:
        section()
    print("wrote %d snapshots" % len(written))
