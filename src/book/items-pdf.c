/* A party's statement of account as an A4 PDF (items.h), on src/pdf: the
 * company and the party, the table of documents, instalments (with what
 * is open and how late) and payments with the running balance, page after
 * page with the table's headings again and "Page 1 of 2", then the
 * balance, what of it is past due and the ageing. Written whole or not at
 * all (file_write_whole). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "book/items-impl.h"
#include "book/items.h"
#include "pdf/pdf.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

#define LEFT 150
#define WIDTH 1800
#define ROW 50
#define TOP 250     /* the table's top on a page after the first */
#define BOTTOM 2750 /* no row goes below */
#define FOOT 330    /* the balance and the ageing under the last row */

/* The table's columns: date, description, due, debit, credit, balance. */
static const int widths[] = { 220, 620, 220, 250, 250, 240 };
#define NCOLS (sizeof widths / sizeof widths[0])

struct stmt_pdf {
	struct pdf *p;
	const struct items_statement *s;
	char company[256];
	int page, pages;
};

static int
col_x(size_t c)
{
	int x = LEFT;

	for (size_t i = 0; i < c; i++)
		x += widths[i];
	return x;
}

static void
cell(struct pdf *p, size_t c, int y, enum pdf_align a, const char *text)
{
	pdf_cell_text(p, col_x(c), y, widths[c], ROW, a, text);
}

/* How many pages n lines take: write_stmt's loop, drawing nothing. */
static int
pages_of(size_t n)
{
	int pages = 1, y = 520 + ROW;
	size_t i = 0;

	for (;;) {
		for (; i < n && y + ROW <= BOTTOM; i++, y += ROW)
			;
		if (i == n && y + FOOT <= BOTTOM)
			break;
		pages++;
		y = i < n ? TOP + ROW : TOP;
		if (i == n)
			break;
	}
	return pages;
}

/* The table's headings at y: the y under them. */
static int
headings(struct stmt_pdf *d, int y)
{
	const char *names[NCOLS] = { _("Date"), _("Description"), _("Due on"),
				     d->s->side == ITEM_RECEIVABLE ? _("Dr") : _("Cr"),
				     d->s->side == ITEM_RECEIVABLE ? _("Cr") : _("Dr"),
				     _("Balance") };

	pdf_fill(d->p, LEFT, y, WIDTH, ROW, 85);
	pdf_font(d->p, 80, 1);
	for (size_t c = 0; c < NCOLS; c++)
		cell(d->p, c, y, c >= 3 ? PDF_RIGHT : PDF_LEFT, names[c]);
	pdf_line(d->p, LEFT, y + ROW, LEFT + WIDTH, y + ROW);
	pdf_font(d->p, 80, 0);
	return y + ROW;
}

static void
page_number(struct stmt_pdf *d)
{
	char t[64];

	snprintf(t, sizeof t, _("Page %d of %d"), d->page, d->pages);
	pdf_font(d->p, 70, 0);
	pdf_text(d->p, LEFT + WIDTH, 2870, PDF_RIGHT, t);
}

/* The first page's heading: the y of the table's top. */
static int
heading(struct stmt_pdf *d)
{
	char day[DATE_TEXT_SIZE], t[256];

	pdf_font(d->p, 110, 1);
	pdf_text(d->p, LEFT, 220, PDF_LEFT, d->company);
	pdf_font(d->p, 140, 1);
	pdf_text(d->p, LEFT, 330, PDF_LEFT, _("Statement of account"));
	pdf_font(d->p, 90, 0);
	snprintf(t, sizeof t, _("as of %s"), date_text(d->s->as_of, day));
	pdf_text(d->p, LEFT, 390, PDF_LEFT, t);
	pdf_box(d->p, 1100, 250, 850, 200, 0, 0, NULL);
	pdf_font(d->p, 100, 1);
	pdf_cell_text(d->p, 1100, 270, 850, 80, PDF_LEFT, d->s->party);
	pdf_font(d->p, 80, 0);
	pdf_cell_text(d->p, 1100, 350, 850, 60, PDF_LEFT, items_side_word(d->s->side));
	return 520;
}

static void
row(struct stmt_pdf *d, const struct items_stmt_line *l, int y)
{
	char day[DATE_TEXT_SIZE], m[32], text[192];
	int64_t a = l->money.amount;

	if (l->kind == STMT_LINE_ITEM) {
		if (l->open == 0)
			snprintf(text, sizeof text, "  %s: %s", l->text, _("paid"));
		else if (l->days > 0)
			snprintf(text, sizeof text, _("  %s: open %s, %d days late"), l->text,
				 cents_format_it(l->open, m, sizeof m), l->days);
		else
			snprintf(text, sizeof text, _("  %s: open %s"), l->text,
				 cents_format_it(l->open, m, sizeof m));
		pdf_font(d->p, 75, 0);
		cell(d->p, 1, y, PDF_LEFT, text);
		pdf_font(d->p, 80, 0);
		cell(d->p, 2, y, PDF_LEFT, date_text(l->date, day));
		return;
	}
	cell(d->p, 0, y, PDF_LEFT, date_text(l->date, day));
	cell(d->p, 1, y, PDF_LEFT, l->text);
	if (a > 0)
		cell(d->p, 3, y, PDF_RIGHT, cents_format_it(a, m, sizeof m));
	if (a < 0)
		cell(d->p, 4, y, PDF_RIGHT, cents_format_it(-a, m, sizeof m));
	cell(d->p, 5, y, PDF_RIGHT, cents_format_it(l->money.balance, m, sizeof m));
	pdf_line_width(d->p, 1);
	pdf_line(d->p, LEFT, y + ROW, LEFT + WIDTH, y + ROW);
	pdf_line_width(d->p, 3);
}

/* The balance, what of it is past due, and the ageing, from y. */
static void
foot(struct stmt_pdf *d, int y)
{
	static const char *const ages[ITEMS_NAGES] = { N_("Not due"), N_("0-30 days"),
						      N_("31-60 days"), N_("61-90 days"),
						      N_("Over 90 days") };
	char m1[32], m2[32], t[192];
	int w = WIDTH / ITEMS_NAGES;

	y += 60;
	pdf_font(d->p, 100, 1);
	snprintf(t, sizeof t, _("Balance %s, of which past due %s"),
		 cents_format_it(d->s->balance, m1, sizeof m1),
		 cents_format_it(d->s->overdue, m2, sizeof m2));
	pdf_text(d->p, LEFT, y + 40, PDF_LEFT, t);
	y += 90;
	for (int a = 0; a < ITEMS_NAGES; a++) {
		pdf_box(d->p, LEFT + a * w, y, w, 130, 55, 75, _(ages[a]));
		pdf_font(d->p, 100, 0);
		pdf_cell_text(d->p, LEFT + a * w, y + 55, w, 75, PDF_RIGHT,
			      cents_format_it(d->s->ages[a], m1, sizeof m1));
	}
}

static int
write_stmt(FILE *out, void *ctx, char *err)
{
	struct stmt_pdf *d = ctx;
	char *title = xasprintf("%s - %s", _("Statement of account"), d->s->party);
	size_t i = 0;
	int y;

	d->p = pdf_new(out, title, err);
	free(title);
	if (d->p == NULL)
		return -1;
	d->pages = pages_of(d->s->n);
	d->page = 1;
	y = headings(d, heading(d));
	for (;;) {
		for (; i < d->s->n && y + ROW <= BOTTOM; i++, y += ROW)
			row(d, &d->s->lines[i], y);
		if (i == d->s->n && y + FOOT <= BOTTOM)
			break;
		page_number(d);
		pdf_next_page(d->p);
		d->page++;
		y = i < d->s->n ? headings(d, TOP) : TOP;
		if (i == d->s->n)
			break;
	}
	foot(d, y);
	page_number(d);
	return pdf_finish(d->p, err);
}

int
items_statement_pdf(struct book *b, const struct items_statement *s, const char *path,
		    int force, char *err)
{
	struct stmt_pdf d = { .s = s };
	struct record *c = NULL;
	char msg[ERR_SIZE];

	if (company_load(b, &c, msg) == 0)
		str_copy(d.company, record_get(c, COMPANY_NAME), sizeof d.company);
	record_free(c);
	return file_write_whole(path, force, write_stmt, &d, err) < 0 ? REC_ERROR : 0;
}
