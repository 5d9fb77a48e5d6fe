/* The VAT registers of a period (vat.h): the book's documents with their
 * VAT blocks, signed (a credit note less), split payment and reverse
 * charge marked, totalled by rate and Natura in the fiscal core; laid out
 * once as a table of lines, then written as text (the print preview, the
 * printer, the command line) or as an A4 PDF. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "bridge/vat.h"
#include "pdf/pdf.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

int
vat_register_make(struct book *b, char side, const struct vat_period *p, struct vat_register *out,
		  char *err)
{
	char from[11], to[11];

	memset(out, 0, sizeof *out);
	out->side = side;
	out->period = *p;
	vat_period_dates(p, from, to);
	if (vat_register_read(b, side, from, to, &out->doc, &out->ndocs, err) < 0)
		return REC_ERROR;
	for (size_t i = 0; i < out->ndocs; i++) {
		const struct vat_doc *d = &out->doc[i];

		for (size_t k = 0; k < d->nblocks; k++) {
			struct vat_reg_block blk = {
				.rate = d->block[k].rate,
				.taxable = d->sign * d->block[k].taxable,
				.tax = d->sign * d->block[k].tax,
				.split = d->split || d->block[k].esigibilita == 'S',
				.reverse = strcmp(d->kind, "AUT") == 0,
			};

			if (side == VAT_PURCHASES)
				blk.nondeductible = vat_nondeductible(blk.tax, d->deductible);

			str_copy(blk.natura, d->block[k].natura, sizeof blk.natura);
			if (vat_reg_add(out->total, &out->ntotals, VAT_MAX_TOTALS, &blk) < 0)
				return err_set(err, _("the register has more than %d rates and "
						      "Natura codes"),
					       VAT_MAX_TOTALS),
				       REC_ERROR;
		}
	}
	return 0;
}

void
vat_register_free(struct vat_register *r)
{
	vat_docs_free(r->doc, r->ndocs);
	memset(r, 0, sizeof *r);
}

/* ---- the layout: lines of cells, shared by text and PDF ---- */

struct col {
	const char *head; /* English msgid */
	int width;        /* characters */
	int right;
};

static const struct col sales_cols[] = {
	{ N_("Number"), 10, 0 }, { N_("Date"), 10, 0 }, { N_("Customer"), 18, 0 },
	{ N_("VAT"), 6, 0 },	 { N_("Taxable"), 12, 1 }, { N_("Tax"), 12, 1 },
	{ "", 2, 0 },
};
/* a purchase's Tax is its VAT, Non-ded. the part of it not deductible */
static const struct col purchase_cols[] = {
	{ N_("Prot."), 5, 1 },	 { N_("Date"), 10, 0 },	   { N_("Number"), 8, 0 },
	{ N_("Supplier"), 8, 0 }, { N_("VAT"), 5, 0 },	   { N_("Taxable"), 11, 1 },
	{ N_("Tax"), 10, 1 },	 { N_("Non-ded."), 9, 1 }, { "", 2, 0 },
};
static const struct col total_cols[] = {
	{ N_("VAT"), 8, 0 },	       { N_("Taxable"), 14, 1 },      { N_("Tax"), 14, 1 },
	{ N_("Split payment"), 14, 1 }, { N_("Reverse charge"), 14, 1 },
};
/* the purchases': the VAT deductible, and the VAT not deductible apart */
static const struct col purchase_total_cols[] = {
	{ N_("VAT"), 8, 0 },	      { N_("Taxable"), 13, 1 },	   { N_("Deductible"), 13, 1 },
	{ N_("Non-ded."), 11, 1 },   { N_("Split p."), 11, 1 },	   { N_("Reverse ch."), 11, 1 },
};

#define MAX_COLS 9

enum row_kind { ROW_TEXT, ROW_BOLD, ROW_CELLS, ROW_HEAD };

struct row {
	enum row_kind kind;
	const struct col *cols;
	size_t ncols;
	char *cell[MAX_COLS]; /* ROW_CELLS; ROW_TEXT and ROW_BOLD: cell[0] */
};

struct layout {
	char *title;       /* the register, the period */
	char *company;     /* name and partita IVA */
	struct row *row;
	size_t n, cap;
	const struct col *doc_cols;
	size_t ndoc_cols;
};

static struct row *
add_row(struct layout *l, enum row_kind kind, const struct col *cols, size_t ncols)
{
	struct row *r;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->row = xreallocarray(l->row, l->cap, sizeof *l->row);
	}
	r = &l->row[l->n++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->cols = cols;
	r->ncols = ncols;
	return r;
}

static void
add_text(struct layout *l, enum row_kind kind, char *text)
{
	add_row(l, kind, NULL, 0)->cell[0] = text;
}

static void
layout_free(struct layout *l)
{
	for (size_t i = 0; i < l->n; i++)
		for (size_t c = 0; c < MAX_COLS; c++)
			free(l->row[i].cell[c]);
	free(l->row);
	free(l->title);
	free(l->company);
}

static char *
money(int64_t cents)
{
	char buf[DEC_BUF];

	return xstrdup(cents_format_it(cents, buf, sizeof buf));
}

/* "22%", "5.5%", or the Natura at rate 0. */
static char *
rate_text(int rate, const char *natura)
{
	if (rate == 0 && natura[0] != '\0')
		return xstrdup(natura);
	if (rate % 100 == 0)
		return xasprintf("%d%%", rate / 100);
	if (rate % 10 == 0)
		return xasprintf("%d.%d%%", rate / 100, rate % 100 / 10);
	return xasprintf("%d.%02d%%", rate / 100, rate % 100);
}

static char *
date_it(const char *iso)
{
	char buf[DATE_TEXT_SIZE];

	return xstrdup(date_text(iso, buf));
}

static const char *
doc_tag(const struct vat_doc *d, const struct vat_doc_block *k)
{
	if (strcmp(d->kind, "AUT") == 0)
		return "RC";
	return d->split || k->esigibilita == 'S' ? "SP" : "";
}

/* A document's rows: its first block beside its number, date and party. */
static void
doc_rows(struct layout *l, char side, const struct vat_doc *d)
{
	size_t n = d->nblocks > 0 ? d->nblocks : 1;

	for (size_t k = 0; k < n; k++) {
		struct row *r = add_row(l, ROW_CELLS, l->doc_cols, l->ndoc_cols);
		const struct vat_doc_block *b = d->nblocks > 0 ? &d->block[k] : NULL;
		size_t c = 0;

		if (side == VAT_PURCHASES)
			r->cell[c++] = k == 0 ? xasprintf("%" PRId64, d->protocol) : NULL;
		if (side == VAT_PURCHASES) {
			r->cell[c++] = k == 0 ? date_it(d->date) : NULL;
			r->cell[c++] = k == 0 ? xstrdup(d->number) : NULL;
		} else {
			r->cell[c++] = k == 0 ? xstrdup(d->number) : NULL;
			r->cell[c++] = k == 0 ? date_it(d->date) : NULL;
		}
		r->cell[c++] = k == 0 ? xstrdup(d->party) : NULL;
		if (b == NULL)
			break;
		r->cell[c++] = rate_text(b->rate, b->natura);
		r->cell[c++] = money(d->sign * b->taxable);
		r->cell[c++] = money(d->sign * b->tax);
		if (side == VAT_PURCHASES)
			r->cell[c++] = money(vat_nondeductible(d->sign * b->tax, d->deductible));
		r->cell[c++] = xstrdup(doc_tag(d, b));
	}
}

static void
total_rows(struct layout *l, const struct vat_register *reg)
{
	int purchases = reg->side == VAT_PURCHASES;
	const struct col *cols = purchases ? purchase_total_cols : total_cols;
	size_t ncols = purchases ? ARRAY_LEN(purchase_total_cols) : ARRAY_LEN(total_cols), k;
	int64_t sum[5] = { 0 };
	struct row *r;

	add_text(l, ROW_TEXT, xstrdup(""));
	add_text(l, ROW_BOLD, xstrdup(_("Totals by rate and Natura")));
	add_row(l, ROW_HEAD, cols, ncols);
	for (size_t i = 0; i < reg->ntotals; i++) {
		const struct vat_reg_total *t = &reg->total[i];
		int64_t v[5] = { t->taxable, t->tax, t->nondeductible_tax, t->split_tax,
				 t->reverse_tax };

		r = add_row(l, ROW_CELLS, cols, ncols);
		r->cell[0] = rate_text(t->rate, t->natura);
		k = 1;
		for (int j = 0; j < 5; j++) {
			if (j == 2 && !purchases)
				continue;
			r->cell[k++] = money(v[j]);
			sum[j] += v[j];
		}
	}
	r = add_row(l, ROW_CELLS, cols, ncols);
	r->cell[0] = xstrdup(_("Total"));
	k = 1;
	for (int j = 0; j < 5; j++)
		if (j != 2 || purchases)
			r->cell[k++] = money(sum[j]);
	add_text(l, ROW_TEXT, xstrdup(""));
	add_text(l, ROW_TEXT,
		 xstrdup(_("SP split payment: the VAT is the buyer's to pay, not owed by the seller.")));
	add_text(l, ROW_TEXT,
		 xstrdup(_("RC reverse charge (self-invoice): owed, and deducted as its purchase "
			   "is.")));
	if (purchases)
		add_text(l, ROW_TEXT, xstrdup(_("Non-ded.: VAT not deductible (art. 19-bis1 DPR "
						"633/72), not settled.")));
	if (reg->side == VAT_SALES)
		add_text(l, ROW_TEXT, xstrdup(_("Credit notes are less (negative amounts).")));
}

static int
layout_make(struct book *b, char side, const struct vat_period *p, struct layout *l, char *err)
{
	struct vat_register reg;
	struct record *co = NULL;
	char period[VAT_PERIOD_TEXT], from[11], to[11], f[DATE_TEXT_SIZE], t[DATE_TEXT_SIZE];

	memset(l, 0, sizeof *l);
	if (vat_register_make(b, side, p, &reg, err) < 0) {
		vat_register_free(&reg);
		return REC_ERROR;
	}
	if (company_load(b, &co, err) < 0) {
		vat_register_free(&reg);
		return REC_ERROR;
	}
	vat_period_dates(p, from, to);
	vat_period_text(p, period);
	l->title = xasprintf(side == VAT_SALES ? _("VAT sales register %s (%s - %s)")
					       : _("VAT purchases register %s (%s - %s)"),
			     period, date_text(from, f), date_text(to, t));
	l->company = xasprintf("%s  %s %s", record_get(co, COMPANY_NAME), _("P.IVA"),
			       record_get(co, COMPANY_PIVA));
	record_free(co);
	l->doc_cols = side == VAT_SALES ? sales_cols : purchase_cols;
	l->ndoc_cols = side == VAT_SALES ? ARRAY_LEN(sales_cols) : ARRAY_LEN(purchase_cols);
	add_row(l, ROW_HEAD, l->doc_cols, l->ndoc_cols);
	for (size_t i = 0; i < reg.ndocs; i++)
		doc_rows(l, side, &reg.doc[i]);
	if (reg.ndocs == 0)
		add_text(l, ROW_TEXT, xstrdup(_("No documents in the period.")));
	total_rows(l, &reg);
	vat_register_free(&reg);
	return 0;
}

/* ---- text ---- */

/* s cut to w characters, then padded (left or right) to w. */
static void
put_cell(struct buf *o, const char *s, int w, int right)
{
	size_t n = 0, cl;
	int cols = 0;

	if (s == NULL)
		s = "";
	while (s[n] != '\0' && cols < w) {
		cols += utf8_char_width(s + n, &cl);
		n += cl;
	}
	if (right)
		for (int i = cols; i < w; i++)
			buf_adds(o, " ");
	buf_add(o, s, n);
	if (!right)
		for (int i = cols; i < w; i++)
			buf_adds(o, " ");
}

static void
text_row(struct text_lines *out, const struct row *r)
{
	struct buf o = { 0 };

	if (r->kind == ROW_TEXT || r->kind == ROW_BOLD) {
		text_lines_add(out, r->cell[0]);
		return;
	}
	for (size_t c = 0; c < r->ncols; c++) {
		if (c > 0)
			buf_adds(&o, " ");
		put_cell(&o, r->kind == ROW_HEAD ? _(r->cols[c].head) : r->cell[c],
			 r->cols[c].width, r->cols[c].right);
	}
	text_lines_add(out, o.data != NULL ? o.data : "");
	buf_free(&o);
}

size_t
vat_register_text(struct book *b, char side, const struct vat_period *p, char ***lines,
		  char *err)
{
	struct text_lines out = { 0 };
	struct layout l;

	if (layout_make(b, side, p, &l, err) < 0) {
		layout_free(&l);
		return (size_t)-1;
	}
	text_lines_add(&out, l.title);
	text_lines_add(&out, l.company);
	text_lines_add(&out, "");
	for (size_t i = 0; i < l.n; i++)
		text_row(&out, &l.row[i]);
	layout_free(&l);
	*lines = out.v;
	return out.n;
}

/* ---- PDF ---- */

#define PDF_MARGIN 150
#define PDF_CHAR 23   /* a column character, in tenths of a millimetre */
#define PDF_LINE 42   /* a line */
#define PDF_FONT 80   /* 8 pt */

struct pdf_job {
	struct layout l;
	int page, y;
	struct pdf *p;
};

static void
pdf_heading(struct pdf_job *j)
{
	char *page = xasprintf(_("Page %d"), ++j->page);

	pdf_font(j->p, 110, 1);
	pdf_text(j->p, PDF_MARGIN, PDF_MARGIN, PDF_LEFT, j->l.title);
	pdf_font(j->p, PDF_FONT, 0);
	pdf_text(j->p, PDF_MARGIN, PDF_MARGIN + 55, PDF_LEFT, j->l.company);
	pdf_text(j->p, PDF_A4_WIDTH - PDF_MARGIN, PDF_MARGIN + 55, PDF_RIGHT, page);
	free(page);
	j->y = PDF_MARGIN + 130;
}

static void
pdf_row(struct pdf_job *j, const struct row *r)
{
	int x = PDF_MARGIN;

	if (j->y > PDF_A4_HEIGHT - PDF_MARGIN) {
		pdf_next_page(j->p);
		pdf_heading(j);
	}
	pdf_font(j->p, PDF_FONT, r->kind == ROW_BOLD || r->kind == ROW_HEAD);
	if (r->kind == ROW_TEXT || r->kind == ROW_BOLD) {
		pdf_text(j->p, x, j->y, PDF_LEFT, r->cell[0]);
	} else {
		for (size_t c = 0; c < r->ncols; c++) {
			int w = r->cols[c].width * PDF_CHAR;
			const char *s = r->kind == ROW_HEAD ? _(r->cols[c].head) : r->cell[c];

			if (s != NULL)
				pdf_cell_text(j->p, x, j->y - PDF_LINE + 10, w, PDF_LINE,
					      r->cols[c].right ? PDF_RIGHT : PDF_LEFT, s);
			x += w + PDF_CHAR;
		}
		if (r->kind == ROW_HEAD)
			pdf_line(j->p, PDF_MARGIN, j->y + 12, x, j->y + 12);
	}
	j->y += PDF_LINE;
}

static int
write_pdf(FILE *out, void *ctx, char *err)
{
	struct pdf_job *j = ctx;

	if ((j->p = pdf_new(out, j->l.title, err)) == NULL)
		return -1;
	pdf_heading(j);
	for (size_t i = 0; i < j->l.n; i++)
		pdf_row(j, &j->l.row[i]);
	return pdf_finish(j->p, err);
}

int
vat_register_pdf(struct book *b, char side, const struct vat_period *p, const char *path,
		 int replace, char *err)
{
	struct pdf_job j = { 0 };
	int rc;

	if (layout_make(b, side, p, &j.l, err) < 0) {
		layout_free(&j.l);
		return REC_ERROR;
	}
	rc = file_write_whole(path, replace, write_pdf, &j, err);
	layout_free(&j.l);
	return rc < 0 ? REC_ERROR : 0;
}
