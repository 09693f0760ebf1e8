;; trap_loop: a loop whose exit condition can never hold; only the fuel limit
;; stops it (out_of_fuel).
(module
  (memory (export "memory") 1)

  ;; spin() counts $i down by 2 until it is 0, but $i starts odd (11):
  ;; it goes 11, 9, ..., 1, -1, ... and never hits 0.
  (func $spin (export "spin") (result i32)
    (local $i i32)
    (local.set $i (i32.const 11))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $i)))
        (local.set $i (i32.sub (local.get $i) (i32.const 2)))
        (br $next)))
    (i32.const 0))
)
