#ifndef WESDBG_CNCURSES_SHIM_H
#define WESDBG_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Swift cannot import curses' function-like and composite macros; these wrap them.
static inline WINDOW *wesdbg_stdscr(void) { return stdscr; }
static inline int wesdbg_lines(void) { return LINES; }
static inline int wesdbg_cols(void) { return COLS; }
static inline int wesdbg_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t wesdbg_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t wesdbg_a_normal(void) { return A_NORMAL; }
static inline attr_t wesdbg_a_bold(void) { return A_BOLD; }
static inline attr_t wesdbg_a_reverse(void) { return A_REVERSE; }
static inline attr_t wesdbg_a_underline(void) { return A_UNDERLINE; }
static inline attr_t wesdbg_a_dim(void) { return A_DIM; }
static inline mmask_t wesdbg_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int wesdbg_mouse_is_click(mmask_t s) { return (s & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int wesdbg_mouse_is_wheel_up(mmask_t s) { return (s & BUTTON4_PRESSED) != 0; }
static inline int wesdbg_mouse_is_wheel_down(mmask_t s) { return (s & BUTTON5_PRESSED) != 0; }
static inline FILE *wesdbg_stdout(void) { return stdout; }
static inline FILE *wesdbg_stdin(void) { return stdin; }
static inline const char *wesdbg_codeset(void) { return nl_langinfo(CODESET); }
#endif
