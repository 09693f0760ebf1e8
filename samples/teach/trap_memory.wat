;; trap_memory: reading past the end of the contract's memory (one 64 KiB
;; page): a loop scanning for a 0 byte that is never there.
(module
  (memory (export "memory") 1)
  ;; 16 non-zero bytes at 65520, the last 16 of the page
  (data (i32.const 65520) "no terminator!!!")

  ;; strlen(ptr): counts bytes up to the first 0; from 65520 it runs off the end.
  (func $strlen (export "strlen") (param $ptr i32) (result i32)
    (local $p i32)
    (local.set $p (local.get $ptr))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (i32.sub (local.get $p) (local.get $ptr)))
)
