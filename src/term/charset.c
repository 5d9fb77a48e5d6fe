/* Conversion between UTF-8 and the terminal's charset with iconv, streaming
 * (a read may end in the middle of a character). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "term/charset.h"
#include "util/i18n.h"

struct alias {
	const char *alias, *canonical;
};

static const char *const supported[] = {
	"UTF-8", "ISO-8859-1", "ISO-8859-15", "CP1252", "CP437",
	"CP850", "CP858",      "KOI8-R",      "CP866",  "CP1251", NULL,
};

/* Compared ignoring case, '-' and '_'. */
static const struct alias aliases[] = {
	{ "utf8", "UTF-8" },	     { "iso88591", "ISO-8859-1" }, { "latin1", "ISO-8859-1" },
	{ "l1", "ISO-8859-1" },	     { "iso885915", "ISO-8859-15" }, { "latin9", "ISO-8859-15" },
	{ "latin0", "ISO-8859-15" }, { "cp1252", "CP1252" },	   { "windows1252", "CP1252" },
	{ "cp437", "CP437" },	     { "ibm437", "CP437" },	   { "437", "CP437" },
	{ "cp850", "CP850" },	     { "ibm850", "CP850" },	   { "850", "CP850" },
	{ "cp858", "CP858" },	     { "ibm858", "CP858" },	   { "858", "CP858" },
	{ "koi8r", "KOI8-R" },	     { "cp866", "CP866" },	   { "ibm866", "CP866" },
	{ "866", "CP866" },	     { "cp1251", "CP1251" },	   { "windows1251", "CP1251" },
};

/* The charsets that have a euro sign; in the others it is written "EUR",
 * explicitly rather than by //TRANSLIT, whose result depends on the
 * locale and on the iconv at hand. */
static const char *const with_euro[] = {
	"UTF-8", "ISO-8859-15", "CP1252", "CP858", "CP1251",
};

#define EURO_UTF8 "\xe2\x82\xac"
#define PENDING_MAX 8

struct charset_conv {
	const char *name;
	int euro; /* the charset has the euro sign */
	iconv_t out, in; /* (iconv_t)-1 for UTF-8 */
	char pending[PENDING_MAX];
	size_t npending;
};

const char *const *
charset_list(void)
{
	return supported;
}

/* name without '-', '_' and spaces, lower-cased, into key. */
static void
squash(const char *name, char *key, size_t size)
{
	size_t n = 0;

	for (; *name != '\0' && n + 1 < size; name++)
		if (*name != '-' && *name != '_' && *name != ' ')
			key[n++] = (char)tolower((unsigned char)*name);
	key[n] = '\0';
}

const char *
charset_canonical(const char *name)
{
	char key[32];

	if (name == NULL || strlen(name) >= sizeof key)
		return NULL;
	squash(name, key, sizeof key);
	for (size_t i = 0; i < ARRAY_LEN(aliases); i++)
		if (strcmp(key, aliases[i].alias) == 0)
			return aliases[i].canonical;
	return NULL;
}

const char *
charset_from_locale(const char *locale)
{
	const char *dot, *at;
	char codeset[32];
	size_t n;

	if (locale == NULL || *locale == '\0')
		return NULL;
	dot = strchr(locale, '.');
	at = strchr(locale, '@');
	if (dot == NULL)
		return at != NULL && strcmp(at, "@euro") == 0 ? "ISO-8859-15" : NULL;
	n = at != NULL && at > dot ? (size_t)(at - dot - 1) : strlen(dot + 1);
	if (n >= sizeof codeset)
		return NULL;
	memcpy(codeset, dot + 1, n);
	codeset[n] = '\0';
	return charset_canonical(codeset);
}

int
charset_has_euro(const char *name)
{
	const char *canon = charset_canonical(name);

	for (size_t i = 0; canon != NULL && i < ARRAY_LEN(with_euro); i++)
		if (strcmp(canon, with_euro[i]) == 0)
			return 1;
	return 0;
}

const char *
charset_euro(const char *name)
{
	return charset_has_euro(name) ? EURO_UTF8 : "EUR";
}

/* Every euro sign in b written "EUR", in place. */
static void
spell_euro(struct buf *b)
{
	struct buf out = { 0 };
	const char *p = b->data, *end = b->data + b->len, *e;

	if (b->len == 0 || memmem(b->data, b->len, EURO_UTF8, 3) == NULL)
		return;
	while ((e = memmem(p, (size_t)(end - p), EURO_UTF8, 3)) != NULL) {
		buf_add(&out, p, (size_t)(e - p));
		buf_adds(&out, "EUR");
		p = e + 3;
	}
	buf_add(&out, p, (size_t)(end - p));
	buf_free(b);
	*b = out;
}

struct charset_conv *
charset_open(const char *name, char *err)
{
	const char *canon = charset_canonical(name);
	struct charset_conv *c;
	char to[48];

	if (canon == NULL) {
		err_set(err, _("unknown charset '%s'"), name);
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->name = canon;
	c->euro = charset_has_euro(canon);
	c->out = c->in = (iconv_t)-1;
	if (strcmp(canon, "UTF-8") == 0)
		return c;
	snprintf(to, sizeof to, "%s//TRANSLIT", canon);
	c->out = iconv_open(to, "UTF-8");
	c->in = iconv_open("UTF-8", canon);
	if (c->out == (iconv_t)-1 || c->in == (iconv_t)-1) {
		err_set(err, _("this system's iconv cannot convert %s"), canon);
		charset_close(c);
		return NULL;
	}
	return c;
}

void
charset_close(struct charset_conv *c)
{
	if (c == NULL)
		return;
	if (c->out != (iconv_t)-1)
		iconv_close(c->out);
	if (c->in != (iconv_t)-1)
		iconv_close(c->in);
	free(c);
}

int
charset_is_utf8(const struct charset_conv *c)
{
	return c->out == (iconv_t)-1;
}

/* Converts as much of *in as it can into out; returns what is left
 * unconverted because it is an incomplete sequence at the end. */
static size_t
convert(iconv_t cd, const char *in, size_t len, struct buf *out)
{
	char chunk[1024];

	while (len > 0) {
		char *src = (char *)in, *dst = chunk;
		size_t left = len, room = sizeof chunk;
		size_t rc = iconv(cd, &src, &left, &dst, &room);
		int e = errno;

		buf_add(out, chunk, (size_t)(dst - chunk));
		in = src;
		len = left;
		if (rc != (size_t)-1 || len == 0)
			break;
		if (e == E2BIG)
			continue;
		if (e == EINVAL)
			return len; /* incomplete: wait for the rest */
		/* EILSEQ: a byte that cannot be converted */
		buf_adds(out, "?");
		in++;
		len--;
	}
	return 0;
}

void
charset_out(struct charset_conv *c, const char *in, size_t len, struct buf *out)
{
	struct buf all = { 0 };
	size_t left;

	if (charset_is_utf8(c)) {
		buf_add(out, in, len);
		return;
	}
	buf_add(&all, c->pending, c->npending);
	buf_add(&all, in, len);
	if (!c->euro)
		spell_euro(&all); /* a euro cut between calls waits in pending */
	left = convert(c->out, all.data, all.len, out);
	if (left > PENDING_MAX) {
		/* Cannot be a character's start: give up on it. */
		buf_adds(out, "?");
		left = 0;
	}
	memcpy(c->pending, all.data + all.len - left, left);
	c->npending = left;
	buf_free(&all);
}

void
charset_in(struct charset_conv *c, const char *in, size_t len, struct buf *out)
{
	if (charset_is_utf8(c)) {
		buf_add(out, in, len);
		return;
	}
	/* Every supported 8-bit charset has one byte a character: nothing is
	 * ever left pending on input. */
	convert(c->in, in, len, out);
}
