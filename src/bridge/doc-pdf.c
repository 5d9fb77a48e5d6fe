/* A document as an A4 PDF (doc-print.h) on the drawing layer: the two
 * passes (the first counts the pages, for "Page 1 of 2"), the page's order
 * of blocks (doc-pdf-blocks.c draws them), and the lines' table, which goes
 * on to further pages: each page ends "Carried forward (continues)" with
 * the total of the lines so far, the next starts "Brought forward" with it
 * under a short heading and the table's headings again. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "book/documents.h"
#include "bridge/doc-pdf-impl.h"
#include "bridge/doc-print.h"
#include "pdf/pdf.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

static void
piece_add(struct pieces *pc, const char *s, size_t len)
{
	pc->v = xreallocarray(pc->v, pc->n + 1, sizeof *pc->v);
	pc->v[pc->n++] = xstrndup(s, len);
}

void
dp_wrap(struct pdf *p, const char *text, int width, struct pieces *pc)
{
	const char *s = text;

	memset(pc, 0, sizeof *pc);
	while (*s != '\0') {
		size_t end = 0, best = 0, nl = strcspn(s, "\n");

		for (;;) {
			size_t next = end;
			char *cand;
			int w;

			while (next < nl && s[next] == ' ')
				next++;
			while (next < nl && s[next] != ' ')
				next++;
			cand = xstrndup(s, next);
			w = pdf_text_width(p, cand);
			free(cand);
			if (best > 0 && w > width)
				break;
			best = next;
			if (next >= nl)
				break;
			end = next;
		}
		piece_add(pc, s, best);
		s += best;
		while (*s == ' ')
			s++;
		if (*s == '\n')
			s++;
	}
	if (pc->n == 0)
		piece_add(pc, "", 0);
}

void
dp_pieces_free(struct pieces *pc)
{
	for (size_t i = 0; i < pc->n; i++)
		free(pc->v[i]);
	free(pc->v);
}

/* Wrapped text from x, width w, at size; returns the y under it. */
int
dp_para(struct lay *l, int x, int y, int w, int size, int bold, const char *text)
{
	struct pieces pc;
	int lh = size * 254 / 720 * 12 / 10 + 4; /* 1.2 lines, in tenths of a mm */

	if (text[0] == '\0')
		return y;
	pdf_font(l->p, size, bold);
	dp_wrap(l->p, text, w, &pc);
	for (size_t i = 0; i < pc.n; i++) {
		y += lh;
		pdf_text(l->p, x, y, PDF_LEFT, pc.v[i]);
	}
	dp_pieces_free(&pc);
	return y;
}

void
dp_page_number(struct lay *l)
{
	char *s;

	if (l->pages == 0)
		return;
	s = xasprintf(_("Page %d of %d"), l->page, l->pages);
	pdf_font(l->p, 70, 0);
	pdf_text(l->p, RIGHT, PAGE_NO_Y, PDF_RIGHT, s);
	free(s);
}

/* A page after the first: a short heading, the document's title. */
int
dp_next_page(struct lay *l)
{
	char *t = doc_title(l->m->doc);
	int y;

	pdf_next_page(l->p);
	l->page++;
	dp_page_number(l);
	if (l->m->company != NULL) {
		pdf_font(l->p, 85, 1);
		pdf_text(l->p, LEFT, 150, PDF_LEFT, record_get(l->m->company, COMPANY_NAME));
	}
	y = dp_para(l, LEFT, 170, WIDTH, 110, 1, t);
	free(t);
	return y + 30;
}

/* A block of h that must sit whole on a page: the y it starts at. */
int
dp_room(struct lay *l, int y, int h)
{
	if (y + h <= BOTTOM)
		return y;
	return dp_next_page(l);
}

/* The lines' columns. */
enum { C_CODE, C_DESCR, C_QTY, C_UNIT, C_PRICE, C_DISC, C_VAT, C_TOTAL, NCOLS };
static const int col_w[NCOLS] = { 200, 660, 150, 100, 250, 140, 100, 200 };
static const enum pdf_align col_align[NCOLS] = { PDF_LEFT,  PDF_LEFT,  PDF_RIGHT, PDF_CENTER,
						 PDF_RIGHT, PDF_RIGHT, PDF_RIGHT, PDF_RIGHT };

static int
col_x(int c)
{
	int x = LEFT;

	for (int i = 0; i < c; i++)
		x += col_w[i];
	return x;
}

static int
table_head(struct lay *l, int y)
{
	const char *h[NCOLS] = { _("Code"),  _("Description"), _("Qty"), _("Unit"),
				 _("Price"), _("Disc."),	_("VAT"), _("Total") };

	pdf_fill(l->p, LEFT, y, WIDTH, HEAD_H, 85);
	pdf_rect(l->p, LEFT, y, WIDTH, HEAD_H);
	pdf_font(l->p, 75, 1);
	for (int c = 0; c < NCOLS; c++)
		pdf_cell_text(l->p, col_x(c), y, col_w[c], HEAD_H,
			      col_align[c] == PDF_CENTER ? PDF_CENTER : col_align[c], h[c]);
	return y + HEAD_H;
}

/* A line's cents, from its total's decimal text. */
static int64_t
line_cents(const struct record *line)
{
	struct dec d;
	int64_t c = 0;

	if (dec_parse(record_get(line, LINE_TOTAL), DOC_DEC_MAX, &d, NULL) == 0)
		dec_to_cents(d, &c);
	return c;
}

/* "Carried forward" / "Brought forward" with the amount, right. */
static int
carried(struct lay *l, int y, const char *label, int64_t cents)
{
	char a[40];

	pdf_font(l->p, 85, 1);
	pdf_text(l->p, col_x(C_TOTAL) - 30, y + 38, PDF_RIGHT, label);
	pdf_rect(l->p, col_x(C_TOTAL), y, col_w[C_TOTAL], 55);
	pdf_cell_text(l->p, col_x(C_TOTAL), y, col_w[C_TOTAL], 55, PDF_RIGHT,
		      doc_money(cents, a, sizeof a));
	return y + 55;
}

static int
line_row(struct lay *l, const struct record *line, int y, int64_t *sum, int64_t *carry)
{
	char qty[40], price[40], disc[256], vat[16], tot[40];
	const char *v[NCOLS];
	struct pieces pc;
	int text = strcmp(record_get(line, LINE_TYPE), "T") == 0;
	int dw = text ? WIDTH - col_w[C_CODE] - 20 : col_w[C_DESCR] - 20, h;

	pdf_font(l->p, 85, 0);
	dp_wrap(l->p, record_get(line, LINE_DESCRIPTION), dw, &pc);
	h = (int)pc.n * LINE_H + 15;
	if (y + h > BOTTOM - 70) {
		pdf_line(l->p, LEFT, y, RIGHT, y);
		carried(l, y + 10, _("Carried forward (continues)"), *sum);
		y = dp_next_page(l);
		y = carried(l, y, _("Brought forward"), *sum) + 20;
		y = table_head(l, y);
		*carry = *sum;
		pdf_font(l->p, 85, 0);
	}
	v[C_CODE] = record_get(line, LINE_CODE);
	v[C_DESCR] = "";
	v[C_QTY] = text ? "" : doc_decimal_it(record_get(line, LINE_QTY), qty, sizeof qty);
	v[C_UNIT] = text ? "" : record_get(line, LINE_UNIT);
	v[C_PRICE] = text ? "" : doc_decimal_it(record_get(line, LINE_PRICE), price, sizeof price);
	v[C_DISC] = text ? "" : doc_line_discount(line, disc, sizeof disc);
	v[C_VAT] = text ? ""
			: doc_rate_text(record_get(line, LINE_VAT_RATE),
					record_get(line, LINE_NATURA), vat, sizeof vat);
	v[C_TOTAL] = text ? "" : doc_decimal_it(record_get(line, LINE_TOTAL), tot, sizeof tot);
	if (!doc_priced(l->m->doc))
		v[C_PRICE] = v[C_DISC] = v[C_VAT] = v[C_TOTAL] = "";
	for (int c = 0; c < NCOLS; c++)
		if (c != C_DESCR)
			pdf_cell_text(l->p, col_x(c), y + 5, col_w[c], LINE_H, col_align[c], v[c]);
	/* Each line in its cell: a word wider than the column shrinks, then is
	 * clipped, never drawn over the next column. */
	for (size_t i = 0; i < pc.n; i++)
		pdf_cell_text(l->p, col_x(C_DESCR), y + 5 + (int)i * LINE_H, dw + 20, LINE_H,
			      PDF_LEFT, pc.v[i]);
	if (strcmp(record_get(line, LINE_RITENUTA), "1") == 0)
		pdf_text(l->p, col_x(C_VAT) - 5, y + 33, PDF_RIGHT, "*");
	dp_pieces_free(&pc);
	if (!text)
		*sum += line_cents(line);
	return y + h;
}

static int
lines_table(struct lay *l, int y)
{
	const struct record_rows *rs = l->m->doc->rows != NULL ? &l->m->doc->rows[DOC_LINES] : NULL;
	int64_t sum = 0, carry = 0;
	int withheld = 0;

	y = table_head(l, y);
	for (size_t i = 0; rs != NULL && i < rs->n; i++) {
		withheld |= strcmp(record_get(rs->row[i], LINE_RITENUTA), "1") == 0;
		y = line_row(l, rs->row[i], y, &sum, &carry);
	}
	pdf_line(l->p, LEFT, y, RIGHT, y);
	if (withheld)
		y = dp_para(l, LEFT, y, WIDTH, 70, 0, _("* subject to withholding tax"));
	return y + 30;
}

/* One pass over the document; the number of pages it took. */
static int
layout(struct pdf *p, const struct doc_print *m, int pages)
{
	struct lay l = { p, m, 1, pages, 0 };
	int y;

	dp_page_number(&l);
	dp_company(&l);
	dp_party(&l);
	y = dp_title(&l, WINDOW_Y + WINDOW_H + 40);
	y = dp_transport(&l, y);
	y = lines_table(&l, y);
	y = dp_room(&l, y, dp_totals_height(m->doc) + 190);
	{
		int ys = dp_summary(&l, y), yt = dp_totals(&l, y);
		y = (ys > yt ? ys : yt) + 30;
	}
	y = dp_room(&l, y, dp_payment_height(m->doc));
	y = dp_payment(&l, y);
	y = dp_signatures(&l, y);
	dp_foot(&l, y);
	return l.page;
}

int
doc_pdf_pages(const struct doc_print *m)
{
	FILE *null = fopen("/dev/null", "wb");
	struct pdf *p;
	char err[ERR_SIZE];
	int pages;

	if (null == NULL)
		return -1;
	p = pdf_new(null, NULL, err);
	if (p == NULL) {
		fclose(null);
		return -1;
	}
	pages = layout(p, m, 0);
	pdf_finish(p, err);
	fclose(null);
	return pages;
}

int
doc_pdf_write(const struct doc_print *m, FILE *out, char *err)
{
	char *t = doc_title(m->doc);
	int pages = doc_pdf_pages(m);
	struct pdf *p;

	if (pages < 0) {
		free(t);
		return err_set(err, "%s", _("the PDF's pages could not be counted"));
	}
	p = pdf_new(out, t, err);
	free(t);
	if (p == NULL)
		return -1;
	layout(p, m, pages);
	return pdf_finish(p, err);
}
