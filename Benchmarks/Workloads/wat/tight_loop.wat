;; A tight loop of locals and i32 arithmetic: measures raw dispatch cost.
(module
  (memory (export "memory") 1)
  (global $iterations (mut i32) (i32.const 80000000))
  (func (export "run") (result i32)
    (local $i i32) (local $x i32) (local $y i32)
    (local.set $i (global.get $iterations))
    (local.set $y (i32.const 7))
    (loop $next
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 31)) (local.get $i)))
      (local.set $y (i32.xor (local.get $y) (i32.shr_u (local.get $x) (i32.const 7))))
      (br_if $next (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (i32.add (local.get $x) (local.get $y)))
  ;; Never called: the debug-mode rows set breakpoints inside it.
  (func (export "idle") (param $n i32) (result i32)
    (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (i32.store (i32.const 64) (local.get $acc))
        (br $next)))
    (local.get $acc)))
