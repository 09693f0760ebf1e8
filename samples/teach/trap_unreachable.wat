;; trap_unreachable: an assertion compiled to `unreachable`, as C's
;; __builtin_trap() or Rust's panic in a contract end up.
(module
  (memory (export "memory") 1)

  ;; check(x) returns 0 when x is even; an odd x breaks the invariant.
  (func $assert_even (param $x i32)
    (if (i32.and (local.get $x) (i32.const 1))
      (then unreachable)))

  (func $check (export "check") (param $x i32) (result i32)
    (call $assert_even (local.get $x))
    (i32.const 0))
)
