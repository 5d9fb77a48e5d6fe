/* The charset edge: everything inside scrivano is UTF-8; the bytes to and
 * from a terminal are converted here, with transliteration where the
 * terminal's charset has no glyph (the euro sign becomes "EUR"). */
#ifndef SCRIVANO_CHARSET_H
#define SCRIVANO_CHARSET_H

#include <stddef.h>

#include "util/util.h"

struct charset_conv;

/* The canonical name of a supported charset ("UTF-8", "ISO-8859-15",
 * "CP850", "KOI8-R" …) given a name or alias as people write it ("latin9",
 * "utf8", "ibm850", "koi8r"), or NULL when it is not supported. */
const char *charset_canonical(const char *name);
/* The charset a locale name implies ("it_IT.ISO-8859-15" → "ISO-8859-15",
 * "it_IT@euro" → "ISO-8859-15", "ru_RU.KOI8-R" → "KOI8-R"), or NULL when it
 * names none we support. */
const char *charset_from_locale(const char *locale);
/* The list of supported charsets, NULL-terminated. */
const char *const *charset_list(void);

/* 1 when the charset has the euro sign (UTF-8, ISO-8859-15, CP1252, CP858,
 * CP1251); in the others charset_out writes it "EUR". */
int charset_has_euro(const char *name);
/* How a text for that charset writes the euro: "€" or "EUR" (for the UI,
 * which must know the width it draws). */
const char *charset_euro(const char *name);

/* A converter for one terminal. UTF-8 converts nothing. */
struct charset_conv *charset_open(const char *name, char *err);
void charset_close(struct charset_conv *c);
int charset_is_utf8(const struct charset_conv *c);
/* Appends to out the conversion of in: UTF-8 to the terminal's charset
 * (output) or the terminal's bytes to UTF-8 (input). An incomplete UTF-8
 * sequence at the end of in is kept for the next call; an invalid byte
 * becomes '?'. */
void charset_out(struct charset_conv *c, const char *in, size_t len, struct buf *out);
void charset_in(struct charset_conv *c, const char *in, size_t len, struct buf *out);

#endif
