// Generated from keymaps/default, vim and emacs so the binary needs no files;
// KeymapTests checks these texts equal the shipped files byte for byte.
extension Keymap {
    /// The shipped keymaps by name, in `--keymap` order.
    public static let builtinTexts: [(name: String, text: String)] = [
        ("default", #"""
# wesdbg keymap "default": single keys, as in DEBUGGER.md.
#
# Format: one binding a line, `KEYS = ACTION`.
#   KEYS    one key, or a sequence of up to 3 keys separated by spaces (`C-x o`).
#           A key is a printable character (s ? :), Ctrl-x or C-x, F1..F12, Tab,
#           Shift-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Enter, Esc,
#           Backspace, Delete, Space, Hash (for #) or Equals (for =).
#   ACTION  step next finish continue reverse-step reverse-continue restart
#           toggle-breakpoint break-host goto-address focus-next focus-previous
#           scroll-up scroll-down page-up page-down top bottom console help quit
#           redraw zoom v128-shape; `focus PANE` (code stack locals calls memory fuel draft host
#           console); or `command TEXT` (any debugger command line).
# `#` starts a comment at the start of a line or after a space. A key bound
# twice, or a key that is also the start of a sequence, is an error.
# Ctrl-c quits unless a keymap binds it. Use your own file with --keymap PATH.

# Running
s = step
n = next
f = finish
c = continue
S = reverse-step
C = reverse-continue
r = restart

# Breakpoints and memory
b = toggle-breakpoint       # on the code line under the cursor
h = break-host              # asks which host function (or *)
g = goto-address            # memory pane

# Moving around
Tab = focus-next
Shift-Tab = focus-previous
Up = scroll-up
Down = scroll-down
PgUp = page-up
PgDn = page-down
Home = top
End = bottom
1 = focus code
2 = focus stack
3 = focus locals
4 = focus calls
5 = focus memory
6 = focus fuel
7 = focus draft
8 = focus host

# The rest
: = console
? = help
q = quit
Ctrl-l = redraw
z = zoom                    # the focused pane fills the screen
v = v128-shape              # v128 values: hex, i8x16 … f64x2 in turn
"""# + "\n"),
        ("vim", #"""
# wesdbg keymap "vim": hjkl-style movement, the running keys of default.
#
# Format: one binding a line, `KEYS = ACTION`.
#   KEYS    one key, or a sequence of up to 3 keys separated by spaces (`C-x o`).
#           A key is a printable character (s ? :), Ctrl-x or C-x, F1..F12, Tab,
#           Shift-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Enter, Esc,
#           Backspace, Delete, Space, Hash (for #) or Equals (for =).
#   ACTION  step next finish continue reverse-step reverse-continue restart
#           toggle-breakpoint break-host goto-address focus-next focus-previous
#           scroll-up scroll-down page-up page-down top bottom console help quit
#           redraw zoom v128-shape; `focus PANE` (code stack locals calls memory fuel draft host
#           console); or `command TEXT` (any debugger command line).
# `#` starts a comment at the start of a line or after a space. A key bound
# twice, or a key that is also the start of a sequence, is an error.
# Ctrl-c quits unless a keymap binds it. Use your own file with --keymap PATH.

# Running
s = step
n = next
f = finish
c = continue
S = reverse-step
C = reverse-continue
r = restart

# Breakpoints and memory
b = toggle-breakpoint
B = break-host
g m = goto-address

# Moving around
j = scroll-down
k = scroll-up
Down = scroll-down
Up = scroll-up
Ctrl-d = page-down
Ctrl-u = page-up
Ctrl-f = page-down
Ctrl-b = page-up
PgDn = page-down
PgUp = page-up
g g = top
G = bottom
l = focus-next
h = focus-previous
Tab = focus-next
Shift-Tab = focus-previous
Ctrl-w w = focus-next
Ctrl-w p = focus-previous

# The rest
: = console
? = help
q = quit
Ctrl-l = redraw
z = zoom
v = v128-shape              # v128 values: hex, i8x16 … f64x2 in turn
"""# + "\n"),
        ("emacs", #"""
# wesdbg keymap "emacs": chords after Emacs gud (C-x C-a prefix).
#
# Format: one binding a line, `KEYS = ACTION`.
#   KEYS    one key, or a sequence of up to 3 keys separated by spaces (`C-x o`).
#           A key is a printable character (s ? :), Ctrl-x or C-x, F1..F12, Tab,
#           Shift-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Enter, Esc,
#           Backspace, Delete, Space, Hash (for #) or Equals (for =).
#   ACTION  step next finish continue reverse-step reverse-continue restart
#           toggle-breakpoint break-host goto-address focus-next focus-previous
#           scroll-up scroll-down page-up page-down top bottom console help quit
#           redraw zoom v128-shape; `focus PANE` (code stack locals calls memory fuel draft host
#           console); or `command TEXT` (any debugger command line).
# `#` starts a comment at the start of a line or after a space. A key bound
# twice, or a key that is also the start of a sequence, is an error.
# Ctrl-c quits unless a keymap binds it. Use your own file with --keymap PATH.

# Running (gud: C-x C-a C-s step, C-n next, C-f finish, C-r continue)
C-x C-a C-s = step
C-x C-a C-n = next
C-x C-a C-f = finish
C-x C-a C-r = continue
C-x C-a s = reverse-step
C-x C-a r = reverse-continue
C-x C-a C-k = restart

# Breakpoints and memory
C-x C-a C-b = toggle-breakpoint
C-x C-a C-h = break-host
C-x C-a g = goto-address

# Moving around
C-n = scroll-down
C-p = scroll-up
Down = scroll-down
Up = scroll-up
C-v = page-down
PgDn = page-down
PgUp = page-up
Home = top
End = bottom
C-x o = focus-next
Tab = focus-next
Shift-Tab = focus-previous

# The rest
C-x C-e = console
: = console
C-h = help
? = help
C-x C-c = quit
C-l = redraw
C-x 1 = zoom
C-x C-a v = v128-shape              # v128 values: hex, i8x16 … f64x2 in turn
"""# + "\n"),
    ]
}
