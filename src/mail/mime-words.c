/* The words of a mail's header: fields unfolded, RFC 2047 encoded words,
 * parameters with RFC 2231's charset and continuations, quoted-printable,
 * charsets into UTF-8. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mail/mime-impl.h"
#include "util/base64.h"

/* A decoded parameter or word longer than this is cut (a name is kept to
 * MIME_MAX_NAME later; this bounds the work on a hostile header). */
#define WORDS_MAX 4096
/* The most numbered pieces of one RFC 2231 parameter read. */
#define PIECES_MAX 64

char *
mime_field(const char *h, size_t n, const char *name)
{
	size_t nl = strlen(name);
	const char *p = h, *end = h + n;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol != NULL ? eol + 1 : end;

		if ((size_t)(end - p) > nl && strncasecmp(p, name, nl) == 0 &&
		    (p[nl] == ':' || p[nl] == ' ' || p[nl] == '\t')) {
			const char *v = p + nl;
			struct buf b = { 0 };

			while (v < next && (*v == ' ' || *v == '\t'))
				v++;
			if (v >= next || *v != ':') {
				p = next;
				continue;
			}
			v++;
			for (;;) { /* this line, then each that begins with a blank */
				const char *stop = eol != NULL ? eol : end;
				while (stop > v && (stop[-1] == '\r'))
					stop--;
				buf_add(&b, v, (size_t)(stop - v));
				if (next >= end || (*next != ' ' && *next != '\t'))
					break;
				v = next;
				eol = memchr(v, '\n', (size_t)(end - v));
				next = eol != NULL ? eol + 1 : end;
			}
			buf_add(&b, "", 0);
			str_trim(b.data);
			return b.data;
		}
		p = next;
	}
	return NULL;
}

char *
mime_token(const char *value)
{
	size_t n = 0;

	while (value[n] == ' ' || value[n] == '\t')
		value++;
	while (value[n] != '\0' && value[n] != ';' && value[n] != ' ' && value[n] != '\t' &&
	       value[n] != '(')
		n++;
	char *t = xstrndup(value, n);
	for (char *c = t; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return t;
}

char *
mime_to_utf8(const char *charset, const char *s, size_t n)
{
	struct buf out = { 0 };
	iconv_t cd = (iconv_t)-1;

	if (charset != NULL && charset[0] != '\0' && strcasecmp(charset, "utf-8") != 0 &&
	    strcasecmp(charset, "us-ascii") != 0)
		cd = iconv_open("UTF-8", charset);
	if (cd != (iconv_t)-1) {
		char *in = (char *)s;
		size_t left = n;
		while (left > 0) {
			char chunk[256], *o = chunk;
			size_t room = sizeof chunk;
			size_t rc = iconv(cd, &in, &left, &o, &room);
			buf_add(&out, chunk, (size_t)(o - chunk));
			if (rc == (size_t)-1 && errno != E2BIG) {
				buf_adds(&out, "?"); /* a byte of no character: skipped */
				in++;
				left--;
			}
		}
		iconv_close(cd);
		buf_add(&out, "", 0);
		return out.data;
	}
	buf_add(&out, s, n);
	buf_add(&out, "", 0);
	for (size_t i = 0; i < out.len; i++)
		if (out.data[i] == '\0')
			out.data[i] = '?';
	if (!utf8_valid_text(out.data))
		for (size_t i = 0; i < out.len; i++)
			if ((unsigned char)out.data[i] >= 0x80)
				out.data[i] = '?';
	return out.data;
}

void
mime_qp_decode(const char *s, size_t n, int header, struct buf *out)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int hi, lo;

		if (c == '=' && i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
			i++; /* a soft line break */
			if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
				i++;
			continue;
		}
		if (c == '=' && i + 2 < n && (hi = hex_digit((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hex_digit((unsigned char)s[i + 2])) >= 0) {
			char byte = (char)(hi << 4 | lo);
			buf_add(out, &byte, 1);
			i += 2;
			continue;
		}
		if (c == '_' && header)
			c = ' ';
		buf_add(out, &c, 1);
	}
}

/* One encoded word at s ("=?charset?B?text?="): its UTF-8 appended to out
 * and its length returned, or 0 when s does not start one. */
static size_t
encoded_word(const char *s, struct buf *out)
{
	const char *cs, *q1, *q2, *end;
	struct buf raw = { 0 };

	if (s[0] != '=' || s[1] != '?')
		return 0;
	cs = s + 2;
	/* bounded searches: a header full of "=?" stays linear */
	for (q1 = cs; *q1 != '\0' && *q1 != '?' && q1 - cs < 64; q1++)
		;
	if (*q1 != '?' || q1 == cs || q1[1] == '\0' || q1[2] != '?')
		return 0;
	q2 = q1 + 2;
	for (end = q2 + 1; *end != '\0' && !(end[0] == '?' && end[1] == '='); end++)
		if (end - s > WORDS_MAX)
			return 0;
	if (*end == '\0')
		return 0;
	char *charset = xstrndup(cs, (size_t)(q1 - cs));
	char *star = strchr(charset, '*'); /* RFC 2231's language: dropped */
	if (star != NULL)
		*star = '\0';
	if (q1[1] == 'B' || q1[1] == 'b')
		base64_decode(q2 + 1, (size_t)(end - q2 - 1), &raw);
	else if (q1[1] == 'Q' || q1[1] == 'q')
		mime_qp_decode(q2 + 1, (size_t)(end - q2 - 1), 1, &raw);
	else {
		free(charset);
		return 0;
	}
	char *text = mime_to_utf8(charset, raw.data != NULL ? raw.data : "", raw.len);
	buf_adds(out, text);
	free(text);
	free(charset);
	buf_free(&raw);
	return (size_t)(end + 2 - s);
}

char *
mime_words_decode(const char *s)
{
	struct buf out = { 0 };
	int after_word = 0;

	buf_add(&out, "", 0);
	while (*s != '\0') {
		size_t n = encoded_word(s, &out), blanks = 0;

		if (n > 0) {
			s += n;
			after_word = 1;
			continue;
		}
		while (s[blanks] == ' ' || s[blanks] == '\t' || s[blanks] == '\r' ||
		       s[blanks] == '\n')
			blanks++;
		if (blanks > 0) {
			/* blanks between two encoded words are not text */
			struct buf probe = { 0 };
			int word_next = after_word && encoded_word(s + blanks, &probe) > 0;
			buf_free(&probe);
			if (!word_next)
				buf_add(&out, " ", 1);
			s += blanks;
			continue;
		}
		buf_add(&out, s, 1);
		s++;
		after_word = 0;
	}
	return out.data;
}

/* ---- parameters ---- */

/* The parameters of a value, after its first word: each attribute and
 * its value (unquoted, backslashes undone), in order, into names and
 * values; returns how many (at most max). */
struct param {
	char *name, *value;
};

static size_t
params_split(const char *v, struct param *ps, size_t max)
{
	size_t n = 0;
	const char *p = strchr(v, ';');

	while (p != NULL && *p == ';' && n < max) {
		const char *a = p + 1, *e;
		struct buf val = { 0 };

		while (*a == ' ' || *a == '\t')
			a++;
		for (e = a; *e != '\0' && *e != '=' && *e != ';'; e++)
			;
		if (*e != '=') {
			p = *e == ';' ? e : NULL;
			continue;
		}
		const char *an = e;
		while (an > a && (an[-1] == ' ' || an[-1] == '\t'))
			an--;
		e++;
		while (*e == ' ' || *e == '\t')
			e++;
		if (*e == '"') {
			for (e++; *e != '\0' && *e != '"'; e++) {
				if (*e == '\\' && e[1] != '\0')
					e++;
				buf_add(&val, e, 1);
			}
			if (*e == '"')
				e++;
			while (*e != '\0' && *e != ';')
				e++;
		} else {
			const char *s = e;
			while (*e != '\0' && *e != ';')
				e++;
			const char *t = e;
			while (t > s && (t[-1] == ' ' || t[-1] == '\t'))
				t--;
			buf_add(&val, s, (size_t)(t - s));
		}
		buf_add(&val, "", 0);
		ps[n].name = xstrndup(a, (size_t)(an - a));
		ps[n].value = val.data;
		n++;
		p = *e == ';' ? e : NULL;
	}
	return n;
}

/* %XX escapes of an RFC 2231 value undone, appended to out. */
static void
pct_decode(const char *s, struct buf *out)
{
	for (; *s != '\0'; s++) {
		int hi, lo;
		if (*s == '%' && (hi = hex_digit((unsigned char)s[1])) >= 0 &&
		    (lo = hex_digit((unsigned char)s[2])) >= 0) {
			char c = (char)(hi << 4 | lo);
			buf_add(out, &c, 1);
			s += 2;
		} else
			buf_add(out, s, 1);
	}
}

char *
mime_param(const char *value, const char *name, int words)
{
	struct param ps[PIECES_MAX * 2];
	size_t np = params_split(value, ps, ARRAY_LEN(ps)), nl = strlen(name);
	char *result = NULL, *charset = NULL;
	struct buf raw = { 0 };
	int found = 0;

	/* RFC 2231: name*=, or name*0(*)=, name*1(*)=... in any order */
	for (int piece = -1; piece < PIECES_MAX && raw.len < WORDS_MAX; piece++) {
		int got = 0;
		for (size_t i = 0; i < np && !got; i++) {
			const char *a = ps[i].name;
			char want[32];
			int ext;

			if (strncasecmp(a, name, nl) != 0 || a[nl] != '*')
				continue;
			if (piece < 0) {
				if (a[nl + 1] != '\0')
					continue;
				ext = 1;
			} else {
				snprintf(want, sizeof want, "%d", piece);
				size_t wl = strlen(want);
				if (strncmp(a + nl + 1, want, wl) != 0 ||
				    (a[nl + 1 + wl] != '\0' && strcmp(a + nl + 1 + wl, "*") != 0))
					continue;
				ext = a[nl + 1 + wl] == '*';
			}
			const char *v = ps[i].value;
			if (ext && (piece <= 0) && charset == NULL) {
				/* charset'language'text on the first piece */
				const char *q1 = strchr(v, '\''), *q2 = q1 ? strchr(q1 + 1, '\'') : NULL;
				if (q2 != NULL) {
					charset = xstrndup(v, (size_t)(q1 - v));
					v = q2 + 1;
				}
			}
			if (ext)
				pct_decode(v, &raw);
			else
				buf_adds(&raw, v);
			got = found = 1;
		}
		if (!got && piece >= 0)
			break; /* the pieces go 0, 1, 2... without a gap */
		if (got && piece < 0)
			break; /* name*= is whole */
	}
	if (found)
		result = mime_to_utf8(charset, raw.data != NULL ? raw.data : "", raw.len);
	else
		for (size_t i = 0; i < np && result == NULL; i++)
			if (strcasecmp(ps[i].name, name) == 0)
				/* many mailers put RFC 2047 words in a quoted
				 * name, which RFC 2047 forbids: read them too */
				result = words ? mime_words_decode(ps[i].value) :
						 xstrdup(ps[i].value);
	for (size_t i = 0; i < np; i++) {
		free(ps[i].name);
		free(ps[i].value);
	}
	free(charset);
	buf_free(&raw);
	return result;
}
