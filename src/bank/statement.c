/* Bank statements: the entry points (a file or bytes, camt.053 or CSV), and
 * what both readers share: refusals with their line, bank dates, amounts in
 * cents, the hash that stands for a missing reference. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank/stmt-impl.h"
#include "util/i18n.h"
#include "util/util.h"

int
stmt_fail(struct stmt_ctx *c, long line, const char *fmt, ...)
{
	char msg[ERR_SIZE];
	va_list ap;

	if (c->failed)
		return -1;
	c->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		err_set(c->err, "%s:%ld: %s", c->name, line, msg);
	else
		err_set(c->err, "%s: %s", c->name, msg);
	if (c->err != NULL)
		str_printable(c->err); /* it may quote the file's text */
	return -1;
}

int
stmt_add(struct stmt_ctx *c, struct stmt_movement *m)
{
	struct statement *st = c->st;

	if (m->text == NULL)
		m->text = xstrdup("");
	if (m->party == NULL)
		m->party = xstrdup("");
	if (st->n == STMT_MAX_MOVEMENTS) {
		free(m->text);
		free(m->party);
		return stmt_fail(c, m->line, _("more than %d movements in one file"),
				 STMT_MAX_MOVEMENTS);
	}
	if (st->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		st->mv = xreallocarray(st->mv, c->cap, sizeof *st->mv);
	}
	if (m->value[0] == '\0')
		memcpy(m->value, m->booking, sizeof m->value);
	st->mv[st->n++] = *m;
	return 0;
}

/* Up to max digits at *s (at least one); advances *s. -1 if none. */
static int
digits(const char **s, int max, int *out)
{
	int v = 0, n = 0;

	while (n < max && isdigit((unsigned char)**s)) {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	*out = v;
	return n ? n : -1;
}

static int
real_day(int y, int m, int d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

int
stmt_date(const char *s, char out[STMT_DATE_SIZE])
{
	int y, m, d, n;
	char sep;

	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-') {
		n = digits(&s, 4, &y);
		if (n != 4 || *s++ != '-' || digits(&s, 2, &m) != 2 || *s++ != '-' ||
		    digits(&s, 2, &d) != 2 || *s)
			return -1;
	} else {
		if (digits(&s, 2, &d) < 0)
			return -1;
		sep = *s;
		if (sep != '/' && sep != '-' && sep != '.')
			return -1;
		s++;
		if (digits(&s, 2, &m) < 0 || *s++ != sep)
			return -1;
		n = digits(&s, 4, &y);
		if (*s || (n != 4 && n != 2))
			return -1;
		if (n == 2)
			y += 2000;
	}
	if (!real_day(y, m, d))
		return -1;
	snprintf(out, STMT_DATE_SIZE, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	return 0;
}

/* Strips a "€" or "EUR" at either end, then white space. */
static void
strip_currency(char *s)
{
	static const char *const marks[] = { "\xe2\x82\xac", "EUR" };
	size_t len;

	str_trim(s);
	for (size_t i = 0; i < ARRAY_LEN(marks); i++) {
		size_t ml = strlen(marks[i]);

		if (strncmp(s, marks[i], ml) == 0)
			memmove(s, s + ml, strlen(s + ml) + 1);
		len = strlen(s);
		if (len >= ml && strcmp(s + len - ml, marks[i]) == 0)
			s[len - ml] = '\0';
		str_trim(s);
	}
}

/* Digits with '.' groups of three ("1.234.567"); 0 or -1. */
static int
grouped(const char *s, size_t len, int allow_groups, int64_t *v)
{
	size_t run = 0, groups = 0;

	*v = 0;
	if (len == 0)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '.' && allow_groups) {
			if (run == 0 || (groups > 0 && run != 3) || (groups == 0 && run > 3))
				return -1;
			groups++;
			run = 0;
			continue;
		}
		if (!isdigit((unsigned char)s[i]))
			return -1;
		if (*v > 99999999999999LL) /* 10^14: ample for a bank account */
			return -1;
		*v = *v * 10 + (s[i] - '0');
		run++;
	}
	return groups > 0 && run != 3 ? -1 : 0;
}

int
stmt_amount(const char *in, int mode, int64_t *cents, char *why)
{
	char s[64];
	int neg = 0;
	const char *dec;
	size_t len, ilen, flen;
	int64_t units, frac = 0;

	if (strlen(in) >= sizeof s)
		return err_set(why, _("'%s' is not an amount"), in);
	str_copy(s, in, sizeof s);
	if (mode == STMT_AMT_CSV) {
		strip_currency(s);
		len = strlen(s);
		if (len && (s[0] == '-' || s[0] == '+')) {
			neg = s[0] == '-';
			memmove(s, s + 1, len);
		} else if (len && (s[len - 1] == '-' || s[len - 1] == '+')) {
			neg = s[len - 1] == '-';
			s[len - 1] = '\0';
		}
		str_trim(s);
	}
	len = strlen(s);
	if (mode == STMT_AMT_CSV && strchr(s, ','))
		dec = strrchr(s, ',');
	else if (mode == STMT_AMT_CSV && strchr(s, '.') != strrchr(s, '.'))
		dec = NULL; /* "1.234.567": groups, no decimals */
	else
		dec = strrchr(s, '.');
	ilen = dec ? (size_t)(dec - s) : len;
	flen = dec ? len - ilen - 1 : 0;
	if (dec && flen > 2 && mode == STMT_AMT_PLAIN)
		return err_set(why, _("'%s' has more than two decimals"), in);
	if (dec && flen > 2 && *dec == ',')
		return err_set(why, _("'%s' has more than two decimals"), in);
	if (dec && flen == 3 && *dec == '.' && strchr(s, ',') == NULL)
		return err_set(why, _("'%s' has three decimals (or no decimals after a "
				      "thousands dot): write 1.234,00 or 1234.56"), in);
	if (grouped(s, ilen, mode == STMT_AMT_CSV && (!dec || *dec == ','), &units) < 0 ||
	    (dec && (flen == 0 || grouped(dec + 1, flen, 0, &frac) < 0)))
		return err_set(why, _("'%s' is not an amount"), in);
	if (flen == 1)
		frac *= 10;
	*cents = units * 100 + frac;
	if (neg)
		*cents = -*cents;
	return 0;
}

char *
stmt_squeeze(char *s)
{
	char *w = s;
	int space = 0;

	for (const char *r = s; *r; r++) {
		unsigned char ch = (unsigned char)*r;

		/* C1 controls (U+0080-U+009F: U+009B is a CSI to a UTF-8
		 * terminal) as C0 ones. */
		if (ch == 0xc2 && (unsigned char)r[1] >= 0x80 && (unsigned char)r[1] <= 0x9f) {
			r++;
			space = w != s;
			continue;
		}
		if (ch < 0x20 || ch == 0x7f || ch == ' ') {
			space = w != s;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

static uint64_t
fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	h ^= 0xff; /* a separator no UTF-8 text holds */
	return h * 1099511628211ULL;
}

static uint64_t
row_hash(const struct stmt_movement *m)
{
	char amt[32];
	uint64_t h = 14695981039346656037ULL;

	snprintf(amt, sizeof amt, "%lld", (long long)m->cents);
	h = fnv(h, m->booking);
	h = fnv(h, m->value);
	h = fnv(h, amt);
	h = fnv(h, m->text);
	return fnv(h, m->party);
}

/* ISO 13616: the first four characters moved to the end, letters as 10…35,
 * the number mod 97 is 1. */
static int
iban_ok(const char *v, size_t len)
{
	unsigned r = 0;

	for (size_t k = 0; k < len; k++) {
		char ch = v[(k + 4) % len];

		if (isdigit((unsigned char)ch))
			r = (r * 10 + (unsigned)(ch - '0')) % 97;
		else
			r = (r * 100 + (unsigned)(ch - 'A' + 10)) % 97;
	}
	return r == 1;
}

int
stmt_find_iban(const char *s, char out[STMT_IBAN_SIZE])
{
	for (const char *p = s; *p; p++) {
		char v[STMT_IBAN_SIZE];
		size_t n = 0;

		if (!(isupper((unsigned char)p[0]) && isupper((unsigned char)p[1]) &&
		      isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])) ||
		    (p > s && isalnum((unsigned char)p[-1])))
			continue;
		/* Letters and digits, single spaces between groups. */
		for (const char *q = p; *q && n < STMT_IBAN_SIZE - 1; q++) {
			if (*q == ' ' && isalnum((unsigned char)q[1]) && n >= 4)
				continue;
			if (!isupper((unsigned char)*q) && !isdigit((unsigned char)*q))
				break;
			v[n++] = *q;
		}
		/* An Italian (or San Marino) one is 27 long; another, the longest
		 * run that checks: a word may follow the IBAN. */
		if ((memcmp(v, "IT", 2) == 0 || memcmp(v, "SM", 2) == 0) && n >= 27)
			n = iban_ok(v, 27) ? 27 : 0;
		for (; n >= 15; n--)
			if (iban_ok(v, n)) {
				memcpy(out, v, n);
				out[n] = '\0';
				return 1;
			}
	}
	return 0;
}

static int
by_ref(const void *a, const void *b)
{
	const struct stmt_movement *const *x = a, *const *y = b;
	int c = strcmp((*x)->ref, (*y)->ref);

	return c ? c : *x < *y ? -1 : *x > *y;
}

void
stmt_hash_refs(struct statement *st)
{
	struct stmt_movement **v = xcalloc(st->n ? st->n : 1, sizeof *v);
	size_t *nth = xcalloc(st->n ? st->n : 1, sizeof *nth), same = 0;

	for (size_t i = 0; i < st->n; i++) {
		struct stmt_movement *m = &st->mv[i];

		if (m->ref[0] == '\0')
			snprintf(m->ref, sizeof m->ref, "hash:%016llx",
				 (unsigned long long)row_hash(m));
		v[i] = m;
	}
	/* A reference twice in one file (two identical rows, two fees of a
	 * day) is two movements: the second and later, in the file's order,
	 * are numbered, so each keeps its reference on the next import. */
	qsort(v, st->n, sizeof *v, by_ref);
	for (size_t k = 0; k < st->n; k++) {
		same = k > 0 && strcmp(v[k - 1]->ref, v[k]->ref) == 0 ? same + 1 : 1;
		nth[k] = same;
	}
	for (size_t k = 0; k < st->n; k++) {
		size_t len = strlen(v[k]->ref);

		if (nth[k] > 1)
			snprintf(v[k]->ref + len, sizeof v[k]->ref - len, "#%zu", nth[k]);
	}
	free(nth);
	free(v);
}

void
statement_free(struct statement *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < st->n; i++) {
		free(st->mv[i].text);
		free(st->mv[i].party);
	}
	free(st->mv);
	memset(st, 0, sizeof *st);
}

/* XML when the first thing after a BOM and white space is '<'. */
static enum stmt_format
sniff(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	return i < len && data[i] == '<' ? STMT_CAMT053 : STMT_CSV;
}

int
statement_read_memory(const char *data, size_t len, const char *name,
		      const struct stmt_opts *opts, struct statement *out, char *err)
{
	static const struct stmt_opts defaults = { 0 };
	struct stmt_ctx c = { name, err, 0, out, 0 };
	int rc;

	memset(out, 0, sizeof *out);
	if (opts == NULL)
		opts = &defaults;
	if (len > STMT_MAX_FILE)
		return stmt_fail(&c, 0, _("larger than %d bytes: not a bank statement"),
				 STMT_MAX_FILE);
	out->format = opts->format != STMT_AUTO ? opts->format : sniff(data, len);
	if (out->format == STMT_CAMT053)
		rc = stmt_camt_read(&c, data, len);
	else
		rc = stmt_csv_read(&c, data, len, opts);
	if (rc < 0) {
		statement_free(out);
		return -1;
	}
	stmt_hash_refs(out);
	return 0;
}

int
statement_read(const char *path, const struct stmt_opts *opts, struct statement *out,
	       char *err)
{
	char *data;
	size_t len;
	int rc;

	memset(out, 0, sizeof *out);
	if (file_read_all(path, STMT_MAX_FILE, &data, &len, err) < 0)
		return -1;
	rc = statement_read_memory(data, len, path, opts, out, err);
	free(data);
	return rc;
}
