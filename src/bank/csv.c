/* The CSV statement reader: the bytes made UTF-8 (iconv from Windows-1252
 * or Latin-1 when they are not), records split with quotes as RFC 4180 has
 * them, the separator and the header row found among the preamble lines,
 * then each row a movement, or the whole file refused with its line. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank/stmt-impl.h"
#include "util/i18n.h"
#include "util/util.h"

/* How far down a header row is looked for. */
#define CSV_HEADER_LINES 60

struct rec {
	char **f;
	size_t n;
	long line;
};

struct rows {
	struct rec *r;
	size_t n, cap;
};

static void
rec_free(struct rec *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->f[i]);
	free(r->f);
	memset(r, 0, sizeof *r);
}

static void
rows_free(struct rows *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		rec_free(&rs->r[i]);
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}

/* 1 when s[0..len) is well-formed UTF-8. */
static int
utf8_ok(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		size_t k = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2
				       : (c & 0xf8) == 0xf0 ? 3 : 9;

		if (k == 9 || (k == 1 && c < 0xc2) || (k == 3 && c > 0xf4) || i + k >= len)
			return 0;
		for (size_t j = 1; j <= k; j++)
			if ((s[i + j] & 0xc0) != 0x80)
				return 0;
		i += k + 1;
	}
	return 1;
}

/* data in charset, as new UTF-8 bytes; NULL when iconv cannot. */
static char *
to_utf8(const char *data, size_t len, const char *charset, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", charset);
	size_t cap = len * 3 + 1, left = cap - 1, inleft = len;
	char *out, *o, *in = (char *)data;

	if (cd == (iconv_t)-1)
		return NULL;
	out = o = xmalloc(cap);
	if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1) {
		free(out);
		out = NULL;
	} else {
		*o = '\0';
		*outlen = (size_t)(o - out);
	}
	iconv_close(cd);
	return out;
}

/* The file's text as UTF-8, new, its BOM dropped. */
static char *
decode(struct stmt_ctx *c, const char *data, size_t len, const char *charset, size_t *outlen)
{
	char *s;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (memchr(data, '\0', len)) {
		stmt_fail(c, 0, _("holds NUL bytes: not a CSV text file (UTF-16?)"));
		return NULL;
	}
	if (charset == NULL || *charset == '\0') {
		if (utf8_ok((const unsigned char *)data, len)) {
			*outlen = len;
			return xstrndup(data, len);
		}
		if ((s = to_utf8(data, len, "WINDOWS-1252", outlen)) != NULL)
			return s;
		charset = "ISO-8859-1";
	}
	if ((s = to_utf8(data, len, charset, outlen)) == NULL)
		stmt_fail(c, 0, _("cannot be read as %s text"), charset);
	return s;
}

/* One record from *p (quotes may hold separators and new lines). 1 when
 * read, 0 at the end, -1 refused (with a message when c is given). */
static int
next_rec(struct stmt_ctx *c, const char **p, const char *end, char sep, long *line, struct rec *r)
{
	struct buf f = { 0 };
	const char *s = *p;
	size_t cap = 0;
	long start = *line;

	memset(r, 0, sizeof *r);
	if (s >= end)
		return 0;
	r->line = *line;
	for (;;) {
		int quoted = s < end && *s == '"';

		buf_adds(&f, "");
		if (quoted) {
			for (s++;; s++) {
				if (s >= end) {
					buf_free(&f);
					rec_free(r);
					return c ? stmt_fail(c, start, _("a quoted field is not "
									"closed")) : -1;
				}
				if (*s == '"' && s + 1 < end && s[1] == '"')
					s++;
				else if (*s == '"')
					break;
				if (*s == '\n')
					(*line)++;
				buf_add(&f, s, 1);
			}
			s++;
			while (s < end && (*s == ' ' || *s == '\t') && *s != sep)
				s++;
			if (s < end && *s != sep && *s != '\n' && *s != '\r') {
				buf_free(&f);
				rec_free(r);
				return c ? stmt_fail(c, *line, _("text after a closing quote")) : -1;
			}
		} else {
			while (s < end && *s != sep && *s != '\n' && *s != '\r')
				buf_add(&f, s++, 1);
		}
		if (f.len > STMT_MAX_FIELD || r->n == CSV_MAX_COLS) {
			buf_free(&f);
			rec_free(r);
			return c ? stmt_fail(c, *line, f.len > STMT_MAX_FIELD ?
					     _("a field longer than %d bytes") :
					     _("more than %d fields"), f.len > STMT_MAX_FIELD ?
					     STMT_MAX_FIELD : CSV_MAX_COLS) : -1;
		}
		if (r->n == cap) {
			cap = cap ? cap * 2 : 8;
			r->f = xreallocarray(r->f, cap, sizeof *r->f);
		}
		r->f[r->n++] = f.data;
		memset(&f, 0, sizeof f);
		if (s < end && *s == sep) {
			s++;
			continue;
		}
		break;
	}
	if (s < end && *s == '\r')
		s++;
	if (s < end && *s == '\n')
		s++;
	(*line)++;
	*p = s;
	return 1;
}

static int
split(struct stmt_ctx *c, const char *text, size_t len, char sep, size_t max, struct rows *rs)
{
	const char *p = text, *end = text + len;
	long line = 1;
	struct rec r;
	int rc;

	memset(rs, 0, sizeof *rs);
	while (rs->n < max && (rc = next_rec(c, &p, end, sep, &line, &r)) != 0) {
		if (rc < 0 && c == NULL)
			break; /* finding the header: what came before will do */
		if (rc < 0) {
			rows_free(rs);
			return -1;
		}
		if (rs->n == rs->cap) {
			rs->cap = rs->cap ? rs->cap * 2 : 64;
			rs->r = xreallocarray(rs->r, rs->cap, sizeof *rs->r);
		}
		rs->r[rs->n++] = r;
	}
	return 0;
}

/* The index of the header row among the first records, or -1. */
static long
find_header(const struct rows *rs, const struct csv_map *map, enum csv_role *roles)
{
	for (size_t i = 0; i < rs->n && i < CSV_HEADER_LINES; i++)
		if (csv_header(map, rs->r[i].f, rs->r[i].n, roles))
			return (long)i;
	return -1;
}

/* The separator (the map's, else the first of ; , tab that yields a header
 * row), or 0. */
static char
find_sep(const char *text, size_t len, const struct csv_map *map)
{
	static const char seps[] = { ';', ',', '\t' };
	enum csv_role roles[CSV_MAX_COLS];

	for (size_t i = 0; i < ARRAY_LEN(seps); i++) {
		struct rows rs;
		long h;

		if (map && map->sep && map->sep != seps[i])
			continue;
		if (split(NULL, text, len, seps[i], CSV_HEADER_LINES, &rs) < 0)
			continue;
		h = find_header(&rs, map, roles);
		rows_free(&rs);
		if (h >= 0)
			return seps[i];
	}
	return 0;
}

struct layout {
	int col[CSV_ROLES]; /* the column of each single role, -1 for none */
	enum csv_role roles[CSV_MAX_COLS];
	size_t ncols;       /* the header's */
	int positional;     /* no header: the map's column numbers */
	long header_line;
	const char *names[CSV_MAX_COLS];
};

static int
all_empty(const struct rec *r)
{
	for (size_t i = 0; i < r->n; i++) {
		char *s = r->f[i];

		while (*s == ' ' || *s == '\t')
			s++;
		if (*s)
			return 0;
	}
	return 1;
}

/* A balance or total line ("Saldo iniziale", "Totale movimenti"): its
 * first cell that is not empty says so. */
static int
balance_line(const struct rec *r)
{
	static const char *const marks[] = { "saldo", "totale", "totali" };

	for (size_t i = 0; i < r->n; i++) {
		char b[16];

		str_copy(b, r->f[i], sizeof b);
		str_trim(b);
		if (*b == '\0')
			continue;
		for (char *p = b; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		for (size_t k = 0; k < ARRAY_LEN(marks); k++)
			if (str_starts(b, marks[k]))
				return 1;
		return 0;
	}
	return 0;
}

/* "Valuta" is the value date or the currency: the first row that fills it
 * tells which. */
static void
resolve_valuta(struct layout *l, const struct rows *rs, size_t first)
{
	int v = l->col[CSV_VALUTA];
	char iso[STMT_DATE_SIZE];

	if (v < 0)
		return;
	l->col[CSV_VALUTA] = -1;
	for (size_t i = first; i < rs->n; i++) {
		char s[32];

		if ((size_t)v >= rs->r[i].n)
			continue;
		str_copy(s, rs->r[i].f[v], sizeof s);
		str_trim(s);
		if (*s == '\0')
			continue;
		if (stmt_date(s, iso) == 0 && l->col[CSV_VALUE] < 0)
			l->col[CSV_VALUE] = v;
		else if (stmt_date(s, iso) < 0 && l->col[CSV_CURRENCY] < 0)
			l->col[CSV_CURRENCY] = v;
		return;
	}
}

static void
layout_of(struct layout *l, const struct rec *h, const enum csv_role *roles)
{
	memset(l, 0, sizeof *l);
	for (int r = 0; r < CSV_ROLES; r++)
		l->col[r] = -1;
	l->ncols = h->n;
	l->header_line = h->line;
	for (size_t i = 0; i < h->n; i++) {
		l->roles[i] = roles[i];
		l->names[i] = h->f[i];
		if (roles[i] != CSV_TEXT && roles[i] != CSV_CAUSALE && roles[i] != CSV_NONE &&
		    l->col[roles[i]] < 0)
			l->col[roles[i]] = (int)i;
	}
}

/* The trimmed cell of role r, into a buffer ("" when no such column). */
static void
cell(const struct layout *l, const struct rec *r, enum csv_role role, char *out, size_t size)
{
	out[0] = '\0';
	if (l->col[role] >= 0)
		str_copy(out, r->f[l->col[role]], size);
	str_trim(out);
}

static int
row_date(struct stmt_ctx *c, const struct layout *l, const struct rec *r, enum csv_role role,
	 char out[STMT_DATE_SIZE])
{
	char s[64];

	cell(l, r, role, s, sizeof s);
	out[0] = '\0';
	if (*s == '\0')
		return 0;
	if (stmt_date(s, out) < 0)
		return stmt_fail(c, r->line, _("'%s' in column '%s' is not a date (dd/mm/yyyy)"), s,
				 l->names[l->col[role]]);
	return 0;
}

/* The signed amount: one column, or Dare (out) / Avere (in). 1 when
 * there is one, 0 when the row has 0,00, -1 refused. */
static int
row_amount(struct stmt_ctx *c, const struct layout *l, const struct rec *r, int64_t *cents)
{
	static const enum csv_role which[] = { CSV_AMOUNT, CSV_DEBIT, CSV_CREDIT };
	char s[64], why[ERR_SIZE];
	int64_t v[3] = { 0 };
	int have[3] = { 0 };

	for (size_t k = 0; k < ARRAY_LEN(which); k++) {
		cell(l, r, which[k], s, sizeof s);
		if (*s == '\0')
			continue;
		if (stmt_amount(s, STMT_AMT_CSV, &v[k], why) < 0)
			return stmt_fail(c, r->line, _("column '%s': %s"),
					 l->names[l->col[which[k]]], why);
		have[k] = v[k] != 0;
	}
	if (have[1] && have[2])
		return stmt_fail(c, r->line, _("both '%s' and '%s' are filled"),
				 l->names[l->col[CSV_DEBIT]], l->names[l->col[CSV_CREDIT]]);
	if (l->col[CSV_AMOUNT] >= 0) {
		cell(l, r, CSV_AMOUNT, s, sizeof s);
		if (*s == '\0')
			return stmt_fail(c, r->line, _("no amount in column '%s'"),
					 l->names[l->col[CSV_AMOUNT]]);
		*cents = v[0];
	} else if (have[1] || have[2]) {
		*cents = have[1] ? -llabs(v[1]) : llabs(v[2]);
	} else {
		char d[64], a[64];
		int dc = l->col[CSV_DEBIT], cc = l->col[CSV_CREDIT];

		cell(l, r, CSV_DEBIT, d, sizeof d);
		cell(l, r, CSV_CREDIT, a, sizeof a);
		if (*d == '\0' && *a == '\0' && dc >= 0 && cc >= 0)
			return stmt_fail(c, r->line, _("no amount: neither '%s' nor '%s' is filled"),
					 l->names[dc], l->names[cc]);
		if (*d == '\0' && *a == '\0')
			return stmt_fail(c, r->line, _("no amount in column '%s'"),
					 l->names[dc >= 0 ? dc : cc]);
		*cents = 0;
	}
	return *cents != 0;
}

/* Causale then the text columns, in the header's order, joined with " - "
 * (a text equal to one before is left out). */
static char *
row_text(const struct layout *l, const struct rec *r)
{
	struct buf b = { 0 };
	static const enum csv_role order[] = { CSV_CAUSALE, CSV_TEXT };

	buf_adds(&b, "");
	for (size_t k = 0; k < ARRAY_LEN(order); k++)
		for (size_t i = 0; i < l->ncols; i++) {
			char *s;

			if (l->roles[i] != order[k])
				continue;
			s = stmt_squeeze(r->f[i]);
			if (*s == '\0' || strstr(b.data, s) != NULL)
				continue;
			if (b.len)
				buf_adds(&b, " - ");
			buf_adds(&b, s);
		}
	return b.data;
}

static int
read_row(struct stmt_ctx *c, const struct layout *l, const struct rec *r)
{
	struct stmt_movement m = { .line = r->line };
	char s[STMT_REF_SIZE];
	int rc, used = 0;

	for (size_t i = 0; i < l->ncols; i++)
		if (l->roles[i] != CSV_NONE)
			used = (int)i + 1;
	if (l->positional && r->n < (size_t)used)
		return stmt_fail(c, r->line, _("%zu fields where the map needs %d"), r->n, used);
	for (size_t i = l->ncols; i < r->n && !l->positional; i++)
		if (*stmt_squeeze(r->f[i]))
			return stmt_fail(c, r->line, _("%zu fields where the header (line %ld) has "
						       "%zu: a separator inside a text not quoted?"),
					 r->n, l->header_line, l->ncols);
	if (r->n < (size_t)used)
		return stmt_fail(c, r->line, _("%zu fields where the header (line %ld) has %zu"),
				 r->n, l->header_line, l->ncols);
	if (row_date(c, l, r, CSV_BOOKING, m.booking) < 0 ||
	    row_date(c, l, r, CSV_VALUE, m.value) < 0)
		return -1;
	if (m.booking[0] == '\0')
		memcpy(m.booking, m.value, sizeof m.booking);
	if (m.booking[0] == '\0')
		return stmt_fail(c, r->line, _("no date in column '%s'"),
				 l->names[l->col[l->col[CSV_BOOKING] >= 0 ? CSV_BOOKING : CSV_VALUE]]);
	if ((rc = row_amount(c, l, r, &m.cents)) <= 0) {
		c->st->skipped += rc == 0;
		return rc;
	}
	cell(l, r, CSV_CURRENCY, s, sizeof s);
	if (*s && strcmp(s, "EUR") != 0 && strcmp(s, "\xe2\x82\xac") != 0)
		return stmt_fail(c, r->line, _("the amount is in %s: only accounts in EUR are read"),
				 s);
	cell(l, r, CSV_REF, s, sizeof s);
	stmt_squeeze(s);
	if (strlen(s) >= STMT_REF_SIZE - 12) /* room for "ref:" and "#200000" */
		return stmt_fail(c, r->line, _("the reference '%s' is longer than %d characters"), s,
				 STMT_REF_SIZE - 13);
	if (*s)
		snprintf(m.ref, sizeof m.ref, "ref:%s", s);
	m.text = row_text(l, r);
	if (l->col[CSV_PARTY] >= 0)
		m.party = xstrdup(stmt_squeeze(r->f[l->col[CSV_PARTY]]));
	return stmt_add(c, &m);
}

/* A map by column numbers stands for the header: its cells the numbers. */
static void
layout_by_pos(struct layout *l, const struct csv_map *map, char names[][8])
{
	enum csv_role roles[CSV_MAX_COLS] = { CSV_NONE };
	char *cells[CSV_MAX_COLS];
	struct rec h = { cells, 0, 0 };

	for (size_t j = 0; j < map->n; j++) {
		roles[map->col[j].pos - 1] = map->col[j].role;
		if ((size_t)map->col[j].pos > h.n)
			h.n = (size_t)map->col[j].pos;
	}
	for (size_t i = 0; i < h.n; i++) {
		snprintf(names[i], 8, "#%zu", i + 1);
		cells[i] = names[i];
	}
	layout_of(l, &h, roles);
	l->positional = 1;
}

static int
read_rows(struct stmt_ctx *c, const struct rows *rs, const struct csv_map *map)
{
	enum csv_role roles[CSV_MAX_COLS];
	char names[CSV_MAX_COLS][8];
	struct layout l;
	long h;

	if (map && map->positional) {
		layout_by_pos(&l, map, names);
		h = map->skip - 1;
	} else {
		if ((h = find_header(rs, map, roles)) < 0)
			return stmt_fail(c, 0, _("no header row naming a date and an amount column "
						 "in the first %d lines"), CSV_HEADER_LINES);
		layout_of(&l, &rs->r[h], roles);
		resolve_valuta(&l, rs, (size_t)h + 1);
	}
	if (l.col[CSV_BOOKING] < 0 && l.col[CSV_VALUE] < 0)
		return stmt_fail(c, l.header_line, _("the header names no date column"));
	/* The preamble may name the account. */
	for (long i = 0; i < (map && map->positional ? h + 1 : h) && (size_t)i < rs->n &&
			 c->st->iban[0] == '\0'; i++)
		for (size_t k = 0; k < rs->r[i].n && c->st->iban[0] == '\0'; k++)
			stmt_find_iban(rs->r[i].f[k], c->st->iban);
	for (size_t i = (size_t)(h + 1); i < rs->n; i++) {
		if (all_empty(&rs->r[i]))
			continue;
		if (balance_line(&rs->r[i])) {
			c->st->skipped++;
			continue;
		}
		if (read_row(c, &l, &rs->r[i]) < 0)
			return -1;
	}
	return 0;
}

int
stmt_csv_read(struct stmt_ctx *c, const char *data, size_t len, const struct stmt_opts *o)
{
	struct csv_map map = { 0 };
	const char *charset = o->charset;
	struct rows rs;
	char *text, sep, err[ERR_SIZE];
	size_t tlen;
	int rc;

	c->st->format = STMT_CSV;
	if (o->colmap && csv_map_read(o->colmap, &map, err) < 0)
		return stmt_fail(c, 0, "%s", err);
	if ((charset == NULL || !*charset) && map.charset[0])
		charset = map.charset;
	text = decode(c, data, len, charset, &tlen);
	if (text == NULL) {
		csv_map_free(&map);
		return -1;
	}
	sep = map.positional ? map.sep : find_sep(text, tlen, o->colmap ? &map : NULL);
	if (sep == 0) {
		rc = o->colmap ? stmt_fail(c, 0, _("no row holds every column the map %s names"),
					  o->colmap)
			       : stmt_fail(c, 0, _("no header row naming a date and an amount "
						   "column in the first %d lines (a column map "
						   "can name them: see scrivano-statement(5))"),
					   CSV_HEADER_LINES);
	} else if ((rc = split(c, text, tlen, sep, (size_t)-1, &rs)) == 0) {
		rc = read_rows(c, &rs, o->colmap ? &map : NULL);
		rows_free(&rs);
	}
	free(text);
	csv_map_free(&map);
	return rc;
}
