/* Base64 (RFC 4648's alphabet, with padding), both ways: a printer job
 * wrapped for the relay, a mail's attachment out and in. */
#ifndef SCRIVANO_BASE64_H
#define SCRIVANO_BASE64_H

#include <stddef.h>

#include "util/util.h"

/* Appends the base64 of len bytes at p to out; with line > 0, a CR LF
 * after every line characters (and after the last, shorter line), as a
 * mail's body is written (RFC 2045: at most 76). */
void base64_encode(const void *p, size_t len, size_t line, struct buf *out);
/* The value (0-63) of a character of the alphabet, -1 for any other. */
int base64_value(int c);
/* Appends the bytes that the base64 text s (len bytes) stands for to out,
 * as a mail reader decodes: characters outside the alphabet (line breaks,
 * blanks) are skipped, and decoding stops at the first '='. Returns 0, or
 * -1 when the text leaves a lone character (not a whole byte) at its end. */
int base64_decode(const char *s, size_t len, struct buf *out);

#endif
