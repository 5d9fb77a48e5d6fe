/* Small helpers every part uses: allocation that cannot fail, error
 * messages for the user, and string utilities. */
#ifndef SCRIVANO_UTIL_H
#define SCRIVANO_UTIL_H

#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

/* Size of an error-message buffer. Functions that can fail return 0 or a
 * negative value and, where a message is owed to the user, fill one. */
#define ERR_SIZE 256

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Fills err (ERR_SIZE bytes) and returns -1, so callers can write
 * `return err_set(err, ...)`. err may be NULL. */
int err_set(char *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Today as YYYY-MM-DD into out (11 bytes): the environment variable
 * SCRIVANO_TODAY (YYYY-MM-DD, for tests and demos) when set and a date of
 * the calendar, else the local date. Read here and nowhere else. */
void util_today(char *out);
/* Days from 1970-01-01 to the ISO date (YYYY-MM-DD, civil calendar; the
 * day count the documents' deadlines and the open items' ageing use), or
 * INT64_MIN when iso is not written so or is no day of the calendar
 * (31/04, 29/02 of a common year). */
int64_t iso_day_number(const char *iso);

/* Copies at most size-1 bytes, always terminating, never cutting a UTF-8
 * character in two (a cut backs off to the start of the character it
 * would split); returns strlen(src). */
size_t str_copy(char *dst, const char *src, size_t size);
/* Trims ASCII white space at both ends, in place; returns s. */
char *str_trim(char *s);
int str_starts(const char *s, const char *prefix);
/* The value of a hexadecimal digit (0-9, a-f, A-F), or -1. */
int hex_digit(int c);
/* Milliseconds of the monotonic clock (for intervals, not dates). */
int64_t mono_ms(void);
/* Display columns of the UTF-8 character at s (1 for a malformed byte or
 * one without a width), its bytes in *len. */
int utf8_char_width(const char *s, size_t *len);
/* Number of characters (not bytes) of a UTF-8 string. */
size_t utf8_len(const char *s);
/* The bytes of the first chars characters of UTF-8 s (all of it when it
 * has fewer). */
size_t utf8_prefix(const char *s, size_t chars);
/* s fitted to a column of exactly cols display columns in out (size
 * bytes): cut at a character's boundary where it is wider, padded with
 * spaces where narrower (a table's cell; printf's %-24.24s counts bytes
 * and cuts a character in two). Returns out. */
char *utf8_cell(char *out, size_t size, const char *s, size_t cols);
/* 1 when s is well-formed UTF-8 with no control characters. */
int utf8_valid_text(const char *s);
/* Makes s safe to print on a terminal, in place: each control character
 * (C0, DEL, C1) and each byte of a malformed UTF-8 sequence becomes '?', so
 * that text from a file or a peer can never send an escape sequence.
 * Returns s. */
char *str_printable(char *s);

/* A growing buffer of bytes, always NUL-terminated. */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);

/* Lines of text being made (a record's print rendering), each newly
 * allocated as the array is. */
struct text_lines {
	char **v;
	size_t n;
};
/* Appends a copy of s without its trailing blanks. */
void text_lines_add(struct text_lines *o, const char *s);

/* Keeps only letters, digits, '-' and '_' of a name for a file name, in
 * place. */
void file_safe(char *s);

/* The folder of path, newly allocated: "." for a bare name, "/" for a
 * name right under the root. */
char *path_folder(const char *path);
/* A new empty file beside path (path.XXXXXX, mode 0600) to be filled and
 * then file_install'ed: its descriptor, its name in *tmp (newly
 * allocated); -1 with a message. */
int file_temp_beside(const char *path, char **tmp, char *err);
/* Removes the temporary tmp (file_temp_beside's) and forgets it. */
void file_temp_remove(const char *tmp);
/* The temporaries of file_temp_beside, removed (with an SQLite journal
 * beside them) when SIGINT, SIGTERM or SIGHUP, at their default action,
 * ends the program before file_install or file_temp_remove
 * (temp-guard.c). block/unblock hold those signals off meanwhile. */
void temp_guard_add(const char *path);
void temp_guard_forget(const char *path);
void temp_guard_block(sigset_t *old);
void temp_guard_unblock(const sigset_t *old);
/* The filled temporary tmp takes path's name: fsync'ed, renamed over path
 * (replace) or linked (an existing path refused, even one made meanwhile)
 * and unlinked, then the folder fsync'ed. 0, or -1 with a message, tmp
 * then left for the caller to remove. */
int file_install(const char *tmp, const char *path, int replace, char *err);
/* Writes path whole or not at all: write(out, ctx, err) fills a temporary
 * file beside it, which then takes path's name; an existing path is
 * refused unless replace (link() refuses one made meanwhile, rename()
 * replaces). 0, or -1 with a message (write's own, or the file's). */
int file_write_whole(const char *path, int replace,
		     int (*write)(FILE *out, void *ctx, char *err), void *ctx, char *err);

/* Reads a whole file (at most max bytes) into a NUL-terminated string. */
int file_read_all(const char *path, size_t max, char **out, size_t *len, char *err);
/* The same for the data-file parsers, which collect their mistakes: a file
 * that cannot be read is reported as a line appended to errs. */
int file_read_reporting(const char *path, size_t max, char **out, struct buf *errs);



/* Where screens/, keymaps/ and data/ are read from: $SCRIVANO_SHARE (the
 * source tree, when running uninstalled), else the installed pkgdatadir. */
const char *share_dir(void);
/* share_dir()/rel, newly allocated. */
char *share_path(const char *rel);

/* In a sanitizer build (./configure --enable-debug), reports the memory
 * this process has lost, as LeakSanitizer does at exit: for a process
 * that ends with _exit (a connection's), which skips that check. Nothing
 * in other builds. */
void leak_check(void);
#endif
