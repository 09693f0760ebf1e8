;; A loop of calls: direct calls two deep and an indirect call through a
;; table, each with small bodies: measures call and return overhead.
(module
  (memory (export "memory") 1)
  (type $binary (func (param i32 i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $mix $add $sub $mix)
  (global $iterations (mut i32) (i32.const 7500000))
  (func $add (type $binary) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $binary) (i32.sub (local.get 0) (local.get 1)))
  (func $mix (type $binary)
    (i32.xor (i32.mul (local.get 0) (i32.const 16777619)) (local.get 1)))
  (func $step (param $x i32) (param $i i32) (result i32)
    (call $add (call $mix (local.get $x) (local.get $i)) (i32.const 1)))
  (func (export "run") (result i32)
    (local $i i32) (local $x i32)
    (local.set $i (global.get $iterations))
    (loop $next
      (local.set $x (call $step (local.get $x) (local.get $i)))
      (local.set $x
        (call_indirect (type $binary)
          (local.get $x) (local.get $i) (i32.and (local.get $i) (i32.const 3))))
      (br_if $next (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (local.get $x))
  ;; Never called: the debug-mode rows set breakpoints inside it.
  (func (export "idle") (param $n i32) (result i32)
    (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (call $mix (local.get $acc) (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (i32.store (i32.const 64) (local.get $acc))
        (br $next)))
    (local.get $acc)))
