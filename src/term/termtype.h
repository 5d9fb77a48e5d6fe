/* Which terminal a session talks to: whether the terminal library knows its
 * TERM (an unknown one works as a vt100), and which key file its keys come
 * from (keymaps/TERM.keys, else the file of its family: xterm-256color
 * reads xterm.keys). */
#ifndef SCRIVANO_TERMTYPE_H
#define SCRIVANO_TERMTYPE_H

#include "term/keymap.h"
#include "util/util.h"

/* The TERM a session works as when the client's is unknown. */
#define TERM_FALLBACK "vt100"

/* 1 when term is a plain name (letters, digits, '.', '_', '+', '-', not
 * starting with '.') that the terminfo database has an entry for. */
int term_known(const char *term);

/* The family whose key file serves term ("xterm" for "xterm-256color",
 * "putty" for "putty-256color", "xterm" for "screen" and "tmux",
 * "vt220" for "vt320", "wy60" for "wy50"…), or NULL when none. */
const char *term_family(const char *term);

/* The key file read after default.keys for term: share/keymaps/TERM.keys
 * when it exists, else the family's file when it exists; NULL when
 * neither (or term is not a plain name). Newly allocated. */
char *term_keys_file(const char *term);

/* Loads default.keys, then term_keys_file(term), then user_file when not
 * NULL. Mistakes in the shipped files go to errs (and count in the
 * result); those in the user's own file go to user_errs (and count there),
 * so that a broken personal file never stops a session. */
int keymap_load_term(struct keymap *km, const char *term, const char *user_file,
		     struct buf *errs, struct buf *user_errs);

#endif
