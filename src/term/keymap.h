/* Key maps: which keys do which action, read from key files (keymaps/NAME.keys)
 * in the syntax a user writes, and the reading of keys from the terminal,
 * with Esc-then-a-key as a two-key sequence (Esc 1 = F1, as in Midnight
 * Commander). Actions are numbers given by the caller, named by a table. */
#ifndef SCRIVANO_KEYMAP_H
#define SCRIVANO_KEYMAP_H

#include <curses.h>
#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

/* A key as scrivano reads it: a character (Unicode code point, control
 * characters included), an ncurses key code, or Esc followed by a
 * character. */
typedef uint32_t keycode;
#define KEYC_CURSES 0x1000000u
#define KEYC_ESC 0x2000000u
#define KEYC_VALUE 0x0FFFFFFu
#define KEYC_NONE 0u

/* How long to wait after Esc for the key that completes it. */
#define KEYMAP_ESC_WAIT_MS 1000

struct keymap;

/* A map for the actions names[0..n-1] (kept by pointer), with no keys. */
struct keymap *keymap_new(const char *const *names, size_t n);
void keymap_free(struct keymap *km);

/* Reads a key file's text. A line for an action replaces the keys an
 * earlier file gave it; a key the line names is taken away from any other
 * action. Every mistake is added to errs as "file:line: message\n" and the
 * rest is still read. Returns the number of mistakes. */
int keymap_parse(struct keymap *km, const char *file, const char *text, struct buf *errs);
/* Reads the file at path (a missing file is a mistake). */
int keymap_load(struct keymap *km, const char *path, struct buf *errs);

/* Reads the default.keys built into the program: what a session falls
 * back on when a key file it reads has a mistake. Returns the mistakes
 * (none: a test checks it). */
#define KEYMAP_BUILTIN_NAME "(built-in default.keys)"
int keymap_load_builtin(struct keymap *km, struct buf *errs);

/* After the terminal is set up: teaches ncurses the raw sequences the key
 * files name (define_key) and the numeric keypad's application-mode codes.
 * Problems are added to errs; returns their number. */
int keymap_install(struct keymap *km, struct buf *errs);

/* The action a key does, or -1. */
int keymap_action(const struct keymap *km, keycode k);
/* The first of an action's keys that this terminal has, as written in the
 * key file ("F2", "^O", "Esc-2"), or NULL when none. */
const char *keymap_label(const struct keymap *km, int action);
/* All of an action's keys, blank-separated, raw sequences left out. */
void keymap_describe(const struct keymap *km, int action, struct buf *out);

/* Reads one key from the window (blocking). Esc followed within
 * KEYMAP_ESC_WAIT_MS by a character makes an Esc-X key when Esc-X is bound;
 * otherwise Esc comes alone and the other key comes next. KEY_RESIZE comes
 * back as KEYC_CURSES|KEY_RESIZE. Returns 0, or -1 when input failed. */
int keymap_read_key(const struct keymap *km, WINDOW *win, keycode *out);

/* Parses one key name as key files write it, into up to 4 codes (raw
 * sequences give none here). Returns the number of codes, or -1 with a
 * message. For the parser and its tests. */
int keymap_parse_key(const char *name, keycode codes[4], char *err);

#endif
