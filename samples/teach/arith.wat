;; arith: a first contract to step through. No host calls, only arithmetic,
;; a loop, a recursion and the traps integer arithmetic can raise.
;; Entry points take wasm arguments (snapshot "args"), so they return plain
;; values, not status codes.
(module
  (memory (export "memory") 1)

  ;; sum(n) = 1 + 2 + ... + n, with a loop counting $i up to $n.
  (func $sum (export "sum") (param $n i32) (result i32)
    (local $i i32)
    (local $acc i32)
    (block $done
      (loop $next
        ;; stop once $i has reached $n
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $acc (i32.add (local.get $acc) (local.get $i)))
        (br $next)))
    (local.get $acc))

  ;; factorial(n) = n * factorial(n - 1): one call frame per step, so a large
  ;; n exhausts the call stack (call_stack_exhausted).
  (func $factorial (export "factorial") (param $n i64) (result i64)
    (if (result i64) (i64.le_u (local.get $n) (i64.const 1))
      (then (i64.const 1))
      (else
        (i64.mul (local.get $n)
                 (call $factorial (i64.sub (local.get $n) (i64.const 1)))))))

  ;; divide(a, b) = a / b, signed: b = 0 traps integer_divide_by_zero,
  ;; -2147483648 / -1 traps integer_overflow.
  (func $divide (export "divide") (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b)))
)
