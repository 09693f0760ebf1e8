;; standard: balance and transfer with the standard import shapes of
;; HOST-ABI.md: addresses are always 42 bytes, and a token id (pointer,
;; length) follows; length 0 is the native coin, as here.
(module
  (import "env" "get_caller" (func $get_caller (param $out i32) (result i32)))
  ;; standard: (addr, token, token_len) -> unlocked balance
  (import "env" "query_utxo_balance"
    (func $query_utxo_balance (param $addr i32) (param $token i32) (param $token_len i32) (result i64)))
  ;; standard: (from, to, amount, token, token_len) -> 1 ok / 0 failed
  (import "env" "execute_utxo_transfer"
    (func $execute_utxo_transfer (param $from i32) (param $to i32) (param $amount i64)
                                 (param $token i32) (param $token_len i32) (result i32)))
  (import "env" "set_return_data" (func $set_return_data (param $ptr i32) (param $len i32)))
  (memory (export "memory") 1)
  ;; The caller's address is written at 0 (42 bytes).

  ;; The recipient of `transfer`: bob.
  (data (i32.const 64) "0xc1d73080c71c19539eb4f22cf2cb85cc820817a3")
  (data (i32.const 112) "ok")
  ;; How much `transfer` pays, in the native coin.
  (global $amount (mut i64) (i64.const 250))

  ;; return_decimal(v): writes v in decimal, right-aligned at 160..180, and
  ;; makes those digits the call's return data.
  (func $return_decimal (param $v i64)
    (local $p i32)
    (local.set $p (i32.const 180))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i64.store8 (local.get $p)
        (i64.add (i64.const 48) (i64.rem_u (local.get $v) (i64.const 10))))
      (local.set $v (i64.div_u (local.get $v) (i64.const 10)))
      (br_if $digit (i64.ne (local.get $v) (i64.const 0))))
    (call $set_return_data (local.get $p) (i32.sub (i32.const 180) (local.get $p))))

  ;; balance(): the caller's native-coin balance as decimal text.
  (func $balance (export "balance") (result i32)
    (drop (call $get_caller (i32.const 0)))
    (call $return_decimal (call $query_utxo_balance (i32.const 0) (i32.const 0) (i32.const 0)))
    (i32.const 0))                     ;; SUCCESS

  ;; transfer(): pays $amount of the caller's native coin to bob.
  (func $transfer (export "transfer") (result i32)
    (drop (call $get_caller (i32.const 0)))
    (if (i32.eqz (call $execute_utxo_transfer
                         (i32.const 0) (i32.const 64)
                         (global.get $amount)
                         (i32.const 0) (i32.const 0)))
      (then (return (i32.const 2))))   ;; INSUFFICIENT_BALANCE
    (call $set_return_data (i32.const 112) (i32.const 2))
    (i32.const 0))                     ;; SUCCESS
)
