/* A reminder letter's text (dunning.h): the file of its level, found as
 * the screens' are but with the user's and the data folder's copies
 * first, its placeholders filled from the letter, the company and the
 * customer; as lines of text (the pager, Print, the command line) and as
 * an A4 PDF on src/pdf. The dunning history as text. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/book.h"
#include "book/company.h"
#include "book/dunning.h"
#include "book/parties.h"
#include "util/late-interest.h"
#include "pdf/pdf.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

#define LETTER_MAX (64 * 1024)
#define COLUMNS 76
#define ITEMS_MARK "\001items" /* where the items' table goes */

char *
dunning_letter_file(struct book *b, int level, char *err)
{
	/* TRANSLATORS: the name of the letters' files in the session's language */
	char *name = xasprintf(_("dunning-%d.en.txt"), level);
	const char *book = book_path(b), *slash = strrchr(book, '/');
	char *dir = slash != NULL ? xstrndup(book, (size_t)(slash - book)) : xstrdup(".");
	char *stem = xstrdup(slash != NULL ? slash + 1 : book), *tries[3], *found = NULL;
	size_t len = strlen(stem);

	if (len > 7 && strcmp(stem + len - 7, ".sqlite") == 0)
		stem[len - 7] = '\0';
	file_safe(stem);
	tries[0] = xasprintf("%s/letters/%s/%s", dir, stem, name);
	tries[1] = xasprintf("%s/letters/%s", dir, name);
	tries[2] = xasprintf("%s/letters/%s", share_dir(), name);
	for (size_t i = 0; i < 3; i++)
		if (found == NULL && access(tries[i], R_OK) == 0)
			found = tries[i];
		else
			free(tries[i]);
	if (found == NULL)
		err_set(err, _("no reminder letter of level %d: %s is in neither letters/ folder"),
			level, name);
	free(name);
	free(dir);
	free(stem);
	return found;
}

/* ---- what the placeholders say ---- */

struct fill {
	const struct dunning_letter *l;
	/* names of 121 characters and addresses, of up to 4 bytes each */
	char company[1024], company_address[1024], party[1024], party_address[1024];
	char rates[1024];
};

static void
address(struct buf *o, const char *street, const char *no, const char *cap, const char *city,
	const char *prov)
{
	buf_printf(o, "%s%s%s", street, no[0] != '\0' ? " " : "", no);
	if (cap[0] != '\0' || city[0] != '\0')
		buf_printf(o, "%s%s%s%s", o->len > 0 ? ", " : "", cap, cap[0] != '\0' ? " " : "",
			   city);
	if (prov[0] != '\0')
		buf_printf(o, " (%s)", prov);
}

/* The rates of the half-years the letter's days fall in: "10,15% from
 * 01/07/2025". */
static void
rates_text(const struct dunning_letter *l, char *out, size_t size)
{
	struct mora_table t;
	char err[ERR_SIZE], first[11];
	struct buf o = { 0 };
	int y, h, ly, lh;

	out[0] = '\0';
	str_copy(first, l->date, sizeof first);
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->lines[i].due, first) < 0)
			str_copy(first, l->lines[i].due, sizeof first);
	if (mora_table_load_shared(&t, err) < 0)
		return;
	y = atoi(first);
	h = atoi(first + 5) <= 6 ? 1 : 2;
	ly = atoi(l->date);
	lh = atoi(l->date + 5) <= 6 ? 1 : 2;
	for (; y < ly || (y == ly && h <= lh); h == 2 ? (y++, h = 1) : (h = 2)) {
		char day[24], d[DATE_TEXT_SIZE];
		const struct mora_rate *r;
		snprintf(day, sizeof day, "%04d-%s", y % 10000, h == 1 ? "01-01" : "07-01");
		if (mora_rate_on(&t, day, &r, err) < 0)
			continue;
		buf_printf(&o, _("%s%d,%02d%% from %s"), o.len > 0 ? "; " : "", r->rate / 100,
			   r->rate % 100, date_text(day, d));
	}
	str_copy(out, o.data != NULL ? o.data : "", size);
	buf_free(&o);
	mora_table_free(&t);
}

static void
fill_init(struct book *b, const struct dunning_letter *l, struct fill *f)
{
	struct record *c = NULL, *p = NULL;
	char err[ERR_SIZE];
	struct buf o = { 0 };

	memset(f, 0, sizeof *f);
	f->l = l;
	str_copy(f->party, l->party, sizeof f->party);
	if (company_load(b, &c, err) == 0) {
		str_copy(f->company, record_get(c, COMPANY_NAME), sizeof f->company);
		address(&o, record_get(c, COMPANY_ADDRESS), record_get(c, COMPANY_STREET_NO),
			record_get(c, COMPANY_CAP), record_get(c, COMPANY_CITY),
			record_get(c, COMPANY_PROVINCE));
		str_copy(f->company_address, o.data != NULL ? o.data : "", sizeof f->company_address);
		buf_free(&o);
	}
	record_free(c);
	if (record_load(b, &parties_kind, l->party_id, &p, err) == 0) {
		address(&o, record_get(p, PARTY_ADDRESS), record_get(p, PARTY_STREET_NO),
			record_get(p, PARTY_CAP), record_get(p, PARTY_CITY),
			record_get(p, PARTY_PROVINCE));
		str_copy(f->party_address, o.data != NULL ? o.data : "", sizeof f->party_address);
		buf_free(&o);
	}
	record_free(p);
	rates_text(l, f->rates, sizeof f->rates);
}

/* The value of placeholder name (its length len) into out: 0, or -1 when
 * there is no such placeholder. */
static int
placeholder(const struct fill *f, const char *name, size_t len, char *out, size_t size)
{
	static const char *const names[] = { "company", "company_address", "party",
					     "party_address", "date", "level", "open",
					     "interest", "total", "rates" };
	char d[DATE_TEXT_SIZE];
	size_t i;

	for (i = 0; i < ARRAY_LEN(names); i++)
		if (strlen(names[i]) == len && strncmp(names[i], name, len) == 0)
			break;
	switch (i) {
	case 0: str_copy(out, f->company, size); return 0;
	case 1: str_copy(out, f->company_address, size); return 0;
	case 2: str_copy(out, f->party, size); return 0;
	case 3: str_copy(out, f->party_address, size); return 0;
	case 4: str_copy(out, date_text(f->l->date, d), size); return 0;
	case 5: snprintf(out, size, "%d", f->l->level); return 0;
	case 6: cents_format_it(f->l->open, out, size); return 0;
	case 7: cents_format_it(f->l->interest, out, size); return 0;
	case 8: cents_format_it(f->l->open + f->l->interest, out, size); return 0;
	case 9: str_copy(out, f->rates, size); return 0;
	}
	return -1;
}

/* Adds s, wrapped at blanks to COLUMNS (counted in characters). */
static void
add_wrapped(struct text_lines *o, const char *s)
{
	while (utf8_len(s) > COLUMNS) {
		size_t cut = utf8_prefix(s, COLUMNS), at = cut;
		char *line;
		while (at > 0 && s[at] != ' ')
			at--;
		if (at == 0)
			at = cut;
		line = xstrndup(s, at);
		text_lines_add(o, line);
		free(line);
		s += at;
		while (*s == ' ')
			s++;
	}
	text_lines_add(o, s);
}

/* The file's lines, comments left out, placeholders filled; a line that
 * is {items} alone becomes ITEMS_MARK. 0, or -1 with "file:line: ...". */
static int
render(struct book *b, const struct dunning_letter *l, struct text_lines *o, char *err)
{
	char *path = dunning_letter_file(b, l->level, err), *text;
	struct fill f;
	size_t len;
	int lineno = 0, rc = 0;

	if (path == NULL)
		return -1;
	if (file_read_all(path, LETTER_MAX, &text, &len, err) < 0) {
		free(path);
		return -1;
	}
	if (strlen(text) != len) { /* a NUL byte would cut the letter short */
		err_set(err, _("%s: not a text file"), path);
		free(text);
		free(path);
		return -1;
	}
	fill_init(b, l, &f);
	for (const char *p = text; rc == 0 && *p != '\0';) {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		char *src = xstrndup(p, n);
		struct buf line = { 0 };

		p += n + (nl != NULL);
		lineno++;
		if (n > 0 && src[n - 1] == '\r')
			src[n - 1] = '\0';
		for (char *t = src; *t != '\0'; t++)
			if (*t == '\t')
				*t = ' ';
		if (!utf8_valid_text(src)) { /* it reaches terminals and the PDF */
			err_set(err, _("%s:%d: not UTF-8 text, or a control character"), path,
				lineno);
			free(src);
			rc = -1;
			break;
		}
		if (src[0] == '#') {
			free(src);
			continue;
		}
		if (strcmp(src, "{items}") == 0) {
			text_lines_add(o, ITEMS_MARK);
			free(src);
			continue;
		}
		for (const char *q = src; *q != '\0'; q++) {
			const char *close;
			char value[1024];
			if (*q != '{') {
				buf_printf(&line, "%c", *q);
				continue;
			}
			close = strchr(q, '}');
			if (close == NULL || placeholder(&f, q + 1, (size_t)(close - q - 1), value,
							 sizeof value) < 0) {
				err_set(err, _("%s:%d: %.*s is not a placeholder of reminder letters "
					       "({company} {company_address} {party} {party_address} "
					       "{date} {level} {items} {open} {interest} {total} "
					       "{rates})"),
					path, lineno, close != NULL ? (int)(close - q + 1) : 20, q);
				rc = -1;
				break;
			}
			buf_printf(&line, "%s", value);
			q = close;
		}
		if (rc == 0)
			add_wrapped(o, line.data != NULL ? line.data : "");
		buf_free(&line);
		free(src);
	}
	free(text);
	free(path);
	return rc;
}

static void
lines_free(struct text_lines *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->v[i]);
	free(o->v);
	memset(o, 0, sizeof *o);
}

/* The items' table as text rows. */
static void
items_table(const struct dunning_letter *l, struct text_lines *o)
{
	char row[256], m1[32], m2[32], d[DATE_TEXT_SIZE], inst[16];

	snprintf(row, sizeof row, "%-18s %-7s %-10s %5s %14s %12s", _("Invoice"), _("Instal."),
		 _("Due on"), _("Days"), _("Still open"), _("Interest"));
	text_lines_add(o, row);
	for (size_t i = 0; i < l->n; i++) {
		const struct dunning_line *x = &l->lines[i];
		snprintf(inst, sizeof inst, "%d/%d", x->seq, x->of);
		snprintf(row, sizeof row, "%-18.18s %-7s %-10s %5" PRId64 " %14s %12s", x->doc, inst,
			 date_text(x->due, d), x->days, cents_format_it(x->open, m1, sizeof m1),
			 cents_format_it(x->interest, m2, sizeof m2));
		text_lines_add(o, row);
	}
	snprintf(row, sizeof row, "%-18s %-7s %-10s %5s %14s %12s", _("Total"), "", "", "",
		 cents_format_it(l->open, m1, sizeof m1), cents_format_it(l->interest, m2, sizeof m2));
	text_lines_add(o, row);
}

size_t
dunning_letter_text(struct book *b, const struct dunning_letter *l, char ***lines, char *err)
{
	struct text_lines r = { 0 }, o = { 0 };

	if (render(b, l, &r, err) < 0) {
		lines_free(&r);
		return (size_t)-1;
	}
	for (size_t i = 0; i < r.n; i++)
		if (strcmp(r.v[i], ITEMS_MARK) == 0)
			items_table(l, &o);
		else
			text_lines_add(&o, r.v[i]);
	lines_free(&r);
	*lines = o.v;
	return o.n;
}

size_t
dunning_history_text(const struct dunning_letter *v, size_t n, char ***lines)
{
	struct text_lines o = { 0 };
	char *row, m1[32], m2[32], d[DATE_TEXT_SIZE], d2[DATE_TEXT_SIZE];

	if (n == 0)
		text_lines_add(&o, _("No reminder letters sent."));
	for (size_t i = 0; i < n; i++) {
		/* whole: a row cut to a size could cut a name's character */
		row = xasprintf(_("%s  level %d  %s: open %s, interest %s"),
				date_text(v[i].date, d), v[i].level, v[i].party,
				cents_format_it(v[i].open, m1, sizeof m1),
				cents_format_it(v[i].interest, m2, sizeof m2));
		add_wrapped(&o, row);
		free(row);
		for (size_t k = 0; k < v[i].n; k++) {
			const struct dunning_line *x = &v[i].lines[k];
			row = xasprintf(_("    %s %d/%d due %s: %s, %" PRId64 " days, interest %s"),
					x->doc, x->seq, x->of, date_text(x->due, d2),
					cents_format_it(x->open, m1, sizeof m1), x->days,
					cents_format_it(x->interest, m2, sizeof m2));
			add_wrapped(&o, row);
			free(row);
		}
	}
	*lines = o.v;
	return o.n;
}

/* ---- the PDF ---- */

#define LEFT 150
#define WIDTH 1800
#define ROW 50
#define TOP 250
#define BOTTOM 2750

static const int widths[] = { 420, 200, 260, 160, 380, 380 };
#define NCOLS (sizeof widths / sizeof widths[0])

struct letter_pdf {
	struct pdf *p;
	const struct dunning_letter *l;
	struct text_lines text;
	int y;
};

static void
cell(struct pdf *p, size_t c, int y, enum pdf_align a, const char *text)
{
	int x = LEFT;

	for (size_t i = 0; i < c; i++)
		x += widths[i];
	pdf_cell_text(p, x, y, widths[c], ROW, a, text);
}

static void
room(struct letter_pdf *d)
{
	if (d->y + ROW <= BOTTOM)
		return;
	pdf_next_page(d->p);
	d->y = TOP;
}

static void
table(struct letter_pdf *d)
{
	const char *heads[NCOLS] = { _("Invoice"), _("Instal."), _("Due on"), _("Days"),
				     _("Still open"), _("Interest") };
	char m[32], t[32], day[DATE_TEXT_SIZE];

	room(d);
	pdf_fill(d->p, LEFT, d->y, WIDTH, ROW, 85);
	pdf_font(d->p, 80, 1);
	for (size_t c = 0; c < NCOLS; c++)
		cell(d->p, c, d->y, c >= 3 ? PDF_RIGHT : PDF_LEFT, heads[c]);
	pdf_font(d->p, 80, 0);
	d->y += ROW;
	for (size_t i = 0; i <= d->l->n; i++, d->y += ROW) {
		const struct dunning_line *x = i < d->l->n ? &d->l->lines[i] : NULL;
		room(d);
		if (x == NULL) {
			pdf_font(d->p, 80, 1);
			cell(d->p, 0, d->y, PDF_LEFT, _("Total"));
			cell(d->p, 4, d->y, PDF_RIGHT, cents_format_it(d->l->open, m, sizeof m));
			cell(d->p, 5, d->y, PDF_RIGHT, cents_format_it(d->l->interest, m, sizeof m));
			pdf_font(d->p, 80, 0);
			continue;
		}
		cell(d->p, 0, d->y, PDF_LEFT, x->doc);
		snprintf(t, sizeof t, "%d/%d", x->seq, x->of);
		cell(d->p, 1, d->y, PDF_LEFT, t);
		cell(d->p, 2, d->y, PDF_LEFT, date_text(x->due, day));
		snprintf(t, sizeof t, "%" PRId64, x->days);
		cell(d->p, 3, d->y, PDF_RIGHT, t);
		cell(d->p, 4, d->y, PDF_RIGHT, cents_format_it(x->open, m, sizeof m));
		cell(d->p, 5, d->y, PDF_RIGHT, cents_format_it(x->interest, m, sizeof m));
		pdf_line_width(d->p, 1);
		pdf_line(d->p, LEFT, d->y + ROW, LEFT + WIDTH, d->y + ROW);
		pdf_line_width(d->p, 3);
	}
}

static int
write_letter(FILE *out, void *ctx, char *err)
{
	struct letter_pdf *d = ctx;
	char *title = xasprintf(_("Reminder letter - %s"), d->l->party);

	d->p = pdf_new(out, title, err);
	free(title);
	if (d->p == NULL)
		return -1;
	d->y = TOP;
	pdf_font(d->p, 90, 0);
	for (size_t i = 0; i < d->text.n; i++) {
		if (strcmp(d->text.v[i], ITEMS_MARK) == 0) {
			table(d);
			continue;
		}
		room(d);
		pdf_text(d->p, LEFT, d->y + 38, PDF_LEFT, d->text.v[i]);
		d->y += ROW;
	}
	return pdf_finish(d->p, err);
}

int
dunning_letter_pdf(struct book *b, const struct dunning_letter *l, const char *path, int force,
		   char *err)
{
	struct letter_pdf d = { .l = l };
	int rc;

	if (render(b, l, &d.text, err) < 0) {
		lines_free(&d.text);
		return REC_INVALID;
	}
	rc = file_write_whole(path, force, write_letter, &d, err) < 0 ? REC_ERROR : 0;
	lines_free(&d.text);
	return rc;
}
