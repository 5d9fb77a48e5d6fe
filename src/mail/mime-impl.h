/* What the MIME reader's files share (mime.c, mime-words.c); not for
 * other parts, which use mime.h. */
#ifndef SCRIVANO_MIME_IMPL_H
#define SCRIVANO_MIME_IMPL_H

#include "mail/mime.h"

/* The value of header field name (any case) in the header block h (n
 * bytes, lines ending LF or CR LF), its folded lines joined, newly
 * allocated; NULL when absent. */
char *mime_field(const char *h, size_t n, const char *name);
/* RFC 2047 encoded words of a header value decoded into UTF-8 (the
 * blanks between two adjacent words dropped), newly allocated. */
char *mime_words_decode(const char *s);
/* A parameter of a Content-Type or Content-Disposition value: plain or
 * quoted, or RFC 2231's name*=charset'lang'%XX and its numbered pieces
 * name*0, name*1*...; in UTF-8, newly allocated; NULL when absent. With
 * words, RFC 2047 words in a plain value are decoded too (mailers write
 * file names so; a boundary is taken as it is). */
char *mime_param(const char *value, const char *name, int words);
/* The value's first word ("multipart/mixed", "base64"), in lower case,
 * newly allocated. */
char *mime_token(const char *value);
/* Bytes in charset as UTF-8, newly allocated: through iconv; an unknown
 * charset keeps bytes that are UTF-8 already, and any other non-ASCII
 * byte becomes '?'. */
char *mime_to_utf8(const char *charset, const char *s, size_t n);
/* Quoted-printable decoded (RFC 2045; for a header's Q words, with
 * header set, '_' is a blank), appended to out. */
void mime_qp_decode(const char *s, size_t n, int header, struct buf *out);

#endif
