/* A document as an A4 PDF (doc-print.h) on the drawing layer: the
 * company's header, the party where a DL envelope's right window shows it
 * (110 mm from the left, 50 mm from the top), the title, references and
 * transport, the lines as a table that goes on to further pages (each
 * page ending "continues" with the amount carried forward, the next
 * starting with it), then the VAT summary, the totals, the payment box and
 * the notes. Laid out twice: the first pass counts the pages, for "Page 1
 * of 2". */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "book/documents.h"
#include "book/parties.h"
#include "bridge/doc-print.h"
#include "fisc/invoice.h"
#include "pdf/pdf.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

/* The page, in tenths of a millimetre. */
#define LEFT 150
#define WIDTH 1800
#define RIGHT (LEFT + WIDTH)
#define WINDOW_X 1100 /* the DL envelope's window */
#define WINDOW_Y 500
#define WINDOW_W 850
#define WINDOW_H 400
#define BOTTOM 2700   /* where the lines stop and "continues" goes */
#define PAGE_NO_Y 2880
#define LINE_H 40     /* a line of 8.5 pt text */
#define HEAD_H 50     /* a table's heading band */
#define PAD 12

struct lay {
	struct pdf *p;
	const struct doc_print *m;
	int page, pages; /* pages 0 in the counting pass */
	int y;
};

/* The pieces of text fitting width at the current font, broken at blanks
 * (a word too long for width is left whole: pdf_cell_text shrinks it). */
struct pieces {
	char **v;
	size_t n;
};

static void
piece_add(struct pieces *pc, const char *s, size_t len)
{
	pc->v = xreallocarray(pc->v, pc->n + 1, sizeof *pc->v);
	pc->v[pc->n++] = xstrndup(s, len);
}

static void
wrap(struct pdf *p, const char *text, int width, struct pieces *pc)
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

static void
pieces_free(struct pieces *pc)
{
	for (size_t i = 0; i < pc->n; i++)
		free(pc->v[i]);
	free(pc->v);
}

/* Wrapped text from x, width w, at size; returns the y under it. */
static int
para(struct lay *l, int x, int y, int w, int size, int bold, const char *text)
{
	struct pieces pc;
	int lh = size * 254 / 720 * 12 / 10 + 4; /* 1.2 lines, in tenths of a mm */

	pdf_font(l->p, size, bold);
	wrap(l->p, text, w, &pc);
	for (size_t i = 0; i < pc.n; i++) {
		y += lh;
		pdf_text(l->p, x, y, PDF_LEFT, pc.v[i]);
	}
	pieces_free(&pc);
	return y;
}

static char *
street(const char *address, const char *no)
{
	return no[0] != '\0' ? xasprintf("%s %s", address, no) : xstrdup(address);
}

static char *
city(const char *cap, const char *c, const char *prov, const char *country)
{
	return xasprintf("%s%s%s%s%s%s%s", cap, cap[0] ? " " : "", c, prov[0] ? " (" : "", prov,
			 prov[0] ? ")" : "",
			 country[0] && strcmp(country, "IT") != 0 ? country : "");
}

static char *
ids(const char *vc, const char *piva, const char *cf)
{
	struct buf b = { 0 };
	char *s;

	buf_adds(&b, "");
	if (piva[0] != '\0')
		buf_printf(&b, "%s %s%s", _("VAT no."), vc[0] ? vc : "IT", piva);
	if (cf[0] != '\0' && strcmp(cf, piva) != 0)
		buf_printf(&b, "%s%s %s", b.len ? "   " : "", _("Tax code"), cf);
	s = xstrdup(b.data);
	buf_free(&b);
	return s;
}

static void
company(struct lay *l)
{
	const struct record *c = l->m->company;
	const char *regime = record_get(l->m->doc, DOC_REGIME);
	int y = 120;
	char *s;

	if (c == NULL)
		return;
	if (regime[0] == '\0')
		regime = record_get(c, COMPANY_REGIME);
	y = para(l, LEFT, y, 900, 140, 1, record_get(c, COMPANY_NAME));
	s = street(record_get(c, COMPANY_ADDRESS), record_get(c, COMPANY_STREET_NO));
	y = para(l, LEFT, y + 10, 900, 85, 0, s);
	free(s);
	s = city(record_get(c, COMPANY_CAP), record_get(c, COMPANY_CITY),
		 record_get(c, COMPANY_PROVINCE), record_get(c, COMPANY_COUNTRY));
	y = para(l, LEFT, y, 900, 85, 0, s);
	free(s);
	s = ids("IT", record_get(c, COMPANY_PIVA), record_get(c, COMPANY_CF));
	y = para(l, LEFT, y, 900, 85, 0, s);
	free(s);
	if (regime[0] != '\0') {
		const char *name = fpa_regime_name(regime);
		s = xasprintf("%s: %s %s", _("Tax regime"), regime, name != NULL ? name : "");
		y = para(l, LEFT, y, 900, 75, 0, s);
		free(s);
	}
	if (record_get(c, COMPANY_REA_NUMBER)[0] != '\0') {
		s = xasprintf("%s %s-%s", _("REA"), record_get(c, COMPANY_REA_OFFICE),
			      record_get(c, COMPANY_REA_NUMBER));
		y = para(l, LEFT, y, 900, 75, 0, s);
		free(s);
	}
	s = xasprintf("%s%s%s%s%s", record_get(c, COMPANY_PHONE),
		      record_get(c, COMPANY_PHONE)[0] && record_get(c, COMPANY_EMAIL)[0] ? "   " : "",
		      record_get(c, COMPANY_EMAIL),
		      record_get(c, COMPANY_PEC)[0] ? "   PEC " : "", record_get(c, COMPANY_PEC));
	if (s[0] != '\0')
		para(l, LEFT, y, 900, 75, 0, s);
	free(s);
}

/* The party, inside the envelope's window. */
static void
party(struct lay *l)
{
	const struct record *d = l->m->doc, *p = l->m->party;
	int x = WINDOW_X + 40, w = WINDOW_W - 80, y = WINDOW_Y + 20;
	char *s;

	pdf_font(l->p, 70, 0);
	pdf_text(l->p, WINDOW_X + 40, WINDOW_Y + 40, PDF_LEFT,
		 strcmp(record_get(d, DOC_DIRECTION), "P") == 0 ? _("Supplier") : _("Customer"));
	y += 30;
	if (p != NULL) {
		y = para(l, x, y, w, 100, 1, record_get(p, PARTY_NAME));
		s = street(record_get(p, PARTY_ADDRESS), record_get(p, PARTY_STREET_NO));
		y = para(l, x, y, w, 90, 0, s);
		free(s);
		s = city(record_get(p, PARTY_CAP), record_get(p, PARTY_CITY),
			 record_get(p, PARTY_PROVINCE), record_get(p, PARTY_COUNTRY));
		y = para(l, x, y, w, 90, 0, s);
		free(s);
		s = ids(record_get(p, PARTY_VAT_COUNTRY), record_get(p, PARTY_PIVA),
			record_get(p, PARTY_CF));
		y = para(l, x, y + 10, w, 75, 0, s);
		free(s);
	}
	if (record_get(d, DOC_PA_OFFICE)[0] != '\0') {
		s = xasprintf("%s: %s", _("PA office"), record_get(d, DOC_PA_OFFICE));
		y = para(l, x, y, w, 75, 0, s);
		free(s);
	}
	if (record_get(d, DOC_SDI)[0] != '\0') {
		s = xasprintf("%s: %s", _("SDI code"), record_get(d, DOC_SDI));
		y = para(l, x, y, w, 75, 0, s);
		free(s);
	}
	if (record_get(d, DOC_PEC)[0] != '\0') {
		s = xasprintf("%s: %s", _("PEC"), record_get(d, DOC_PEC));
		para(l, x, y, w, 75, 0, s);
		free(s);
	}
}

/* "Label: value" items set one after another, wrapped; the y under them. */
static int
items(struct lay *l, int x, int y, const char *const *labels, const char *const *values,
      size_t n)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	for (size_t i = 0; i < n; i++)
		if (values[i] != NULL && values[i][0] != '\0')
			buf_printf(&b, "%s%s: %s", b.len ? "    " : "", labels[i], values[i]);
	if (b.len > 0)
		y = para(l, x, y, RIGHT - x - (x - LEFT), 80, 0, b.data);
	buf_free(&b);
	return y;
}

static int
title(struct lay *l, int y)
{
	const struct record *d = l->m->doc;
	const char *type = record_get(d, DOC_TYPE), *tname = fpa_doc_type_name(type);
	char *t = doc_title(d), *ty, date[DOC_DATE_BUF];
	const char *labels[6] = { _("Document type"), _("Operation date"), _("Order"),
				  _("Contract"), _("CIG"), _("CUP") };
	const char *values[6];

	y = para(l, LEFT, y, WIDTH, 150, 1, t);
	free(t);
	if (strcmp(record_get(d, DOC_STATE), DOC_STATE_DRAFT) == 0) {
		pdf_fill(l->p, LEFT, y + 15, WIDTH, 60, 85);
		pdf_font(l->p, 100, 1);
		pdf_cell_text(l->p, LEFT, y + 15, WIDTH, 60, PDF_CENTER,
			      _("DRAFT: not a valid document until issued"));
		y += 80;
	}
	ty = type[0] != '\0' && tname != NULL ? xasprintf("%s %s", type, tname) : xstrdup("");
	values[0] = ty;
	values[1] = record_get(d, DOC_OP_DATE)[0] != '\0' &&
				    strcmp(record_get(d, DOC_OP_DATE), record_get(d, DOC_DATE)) != 0
			    ? doc_date_it(record_get(d, DOC_OP_DATE), date)
			    : "";
	values[2] = record_get(d, DOC_ORDER_REF);
	values[3] = record_get(d, DOC_CONTRACT_REF);
	values[4] = record_get(d, DOC_CIG);
	values[5] = record_get(d, DOC_CUP);
	y = items(l, LEFT, y + 10, labels, values, 6);
	free(ty);
	return y + 20;
}

static int
transport(struct lay *l, int y)
{
	const struct record *d = l->m->doc;
	const char *labels[7] = { _("Carrier"), _("Aspect of the goods"), _("Packages"),
				  _("Weight (kg)"), _("Porto"), _("Reason for transport"),
				  _("Transport started") };
	static const int f[7] = { DOC_CARRIER, DOC_GOODS_ASPECT, DOC_PACKAGES, DOC_WEIGHT,
				  DOC_PORTO, DOC_TRANSPORT_REASON, DOC_TRANSPORT_START };
	const char *values[7];
	char w[40], start[DOC_DATE_BUF];
	int any = strcmp(record_get(d, DOC_KIND), "DDT") == 0, top = y;

	for (int i = 0; i < 7; i++) {
		values[i] = record_get(d, (size_t)f[i]);
		any |= values[i][0] != '\0';
	}
	if (!any)
		return y;
	values[3] = doc_decimal_it(values[3], w, sizeof w);
	values[6] = doc_date_it(values[6], start);
	pdf_box(l->p, LEFT, y, WIDTH, HEAD_H, HEAD_H, 80, _("Transport"));
	y = items(l, LEFT + 20, y + HEAD_H, labels, values, 7) + PAD;
	pdf_rect(l->p, LEFT, top, WIDTH, y - top);
	return y + 20;
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

static void
page_number(struct lay *l)
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
static int
next_page(struct lay *l)
{
	char *t = doc_title(l->m->doc);
	int y;

	pdf_next_page(l->p);
	l->page++;
	page_number(l);
	if (l->m->company != NULL) {
		pdf_font(l->p, 85, 1);
		pdf_text(l->p, LEFT, 150, PDF_LEFT, record_get(l->m->company, COMPANY_NAME));
	}
	y = para(l, LEFT, 170, WIDTH, 110, 1, t);
	free(t);
	return y + 30;
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
	wrap(l->p, record_get(line, LINE_DESCRIPTION), dw, &pc);
	h = (int)pc.n * LINE_H + 15;
	if (y + h > BOTTOM - 70) {
		pdf_line(l->p, LEFT, y, RIGHT, y);
		carried(l, y + 10, _("Carried forward (continues)"), *sum);
		y = next_page(l);
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
	pieces_free(&pc);
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
		y = para(l, LEFT, y, WIDTH, 70, 0, _("* subject to withholding tax"));
	return y + 30;
}

/* A block of h that must sit whole on a page: the y it starts at. */
static int
room(struct lay *l, int y, int h)
{
	if (y + h <= BOTTOM)
		return y;
	return next_page(l);
}

static int
summary(struct lay *l, int y)
{
	const struct record_rows *rs = l->m->doc->rows != NULL ? &l->m->doc->rows[DOC_VAT] : NULL;
	static const int w[4] = { 150, 250, 250, 400 };
	int x[4] = { LEFT, LEFT + 150, LEFT + 400, LEFT + 650 };
	const char *h[4] = { _("VAT"), _("Taxable"), _("Tax"), _("Natura, norm") };

	if (rs == NULL || rs->n == 0 || !doc_priced(l->m->doc))
		return y;
	pdf_font(l->p, 75, 1);
	pdf_text(l->p, LEFT, y + 30, PDF_LEFT, _("VAT summary"));
	y += 40;
	pdf_fill(l->p, LEFT, y, 1050, HEAD_H, 85);
	pdf_rect(l->p, LEFT, y, 1050, HEAD_H);
	for (int c = 0; c < 4; c++)
		pdf_cell_text(l->p, x[c], y, w[c], HEAD_H, c == 0 || c == 3 ? PDF_LEFT : PDF_RIGHT,
			      h[c]);
	y += HEAD_H;
	for (size_t i = 0; i < rs->n; i++) {
		const struct record *v = rs->row[i];
		const char *natura = record_get(v, VAT_NATURA), *norm = record_get(v, VAT_NORM);
		const char *name = natura[0] ? fpa_natura_name(natura) : NULL;
		char rate[16], a[40], b[40];
		int bottom;

		pdf_font(l->p, 80, 0);
		pdf_cell_text(l->p, x[0], y, w[0], LINE_H,
			      PDF_LEFT, doc_rate_text(record_get(v, VAT_RATE), natura, rate, sizeof rate));
		pdf_cell_text(l->p, x[1], y, w[1], LINE_H, PDF_RIGHT,
			      doc_money(doc_cents(v, VAT_TAXABLE), a, sizeof a));
		pdf_cell_text(l->p, x[2], y, w[2], LINE_H, PDF_RIGHT,
			      doc_money(doc_cents(v, VAT_TAX), b, sizeof b));
		bottom = para(l, x[3] + 10, y - 8, w[3] - 20, 65, 0,
			      norm[0] ? norm : name != NULL ? name : "");
		y = (bottom + 12 > y + LINE_H ? bottom + 12 : y + LINE_H);
	}
	pdf_line(l->p, LEFT, y, LEFT + 1050, y);
	return y + 20;
}

/* The totals, a box on the right: label and amount a row. */
struct total_row {
	char *label;
	int64_t cents;
	int bold;
};

static size_t
total_rows(const struct record *d, struct total_row *t)
{
	const struct record_rows *wh = d->rows != NULL ? &d->rows[DOC_WITHHOLDINGS] : NULL;
	char rate[16];
	size_t n = 0;

	if (record_get(d, DOC_CASSA_TYPE)[0] != '\0')
		t[n++] = (struct total_row){ xasprintf("%s %s %s", _("Cassa"),
						       record_get(d, DOC_CASSA_TYPE),
						       doc_rate_text(record_get(d, DOC_CASSA_RATE),
								     "", rate, sizeof rate)),
					     doc_cents(d, DOC_CASSA), 0 };
	t[n++] = (struct total_row){ xstrdup(_("Taxable amount")), doc_cents(d, DOC_TAXABLE), 0 };
	t[n++] = (struct total_row){ xstrdup(_("VAT")), doc_cents(d, DOC_TAX), 0 };
	if (doc_cents(d, DOC_ROUNDING) != 0)
		t[n++] = (struct total_row){ xstrdup(_("Rounding")), doc_cents(d, DOC_ROUNDING), 0 };
	t[n++] = (struct total_row){ xstrdup(_("Document total")), doc_cents(d, DOC_TOTAL), 1 };
	if (doc_cents(d, DOC_BOLLO) != 0)
		t[n++] = (struct total_row){
			xstrdup(strcmp(record_get(d, DOC_BOLLO_CHARGED), "1") == 0
					? _("of which stamp duty charged")
					: _("Virtual stamp duty (not charged)")),
			doc_cents(d, DOC_BOLLO), 0
		};
	for (size_t i = 0; wh != NULL && i < wh->n && n < 12; i++)
		t[n++] = (struct total_row){
			xasprintf("%s %s %s", _("Withholding"), record_get(wh->row[i], WH_TYPE),
				  doc_rate_text(record_get(wh->row[i], WH_RATE), "", rate,
						sizeof rate)),
			-doc_cents(wh->row[i], WH_AMOUNT), 0
		};
	if ((wh == NULL || wh->n == 0) && doc_cents(d, DOC_WITHHOLDING) != 0)
		t[n++] = (struct total_row){ xstrdup(_("Withholding")),
					     -doc_cents(d, DOC_WITHHOLDING), 0 };
	if (strcmp(record_get(d, DOC_SPLIT), "1") == 0)
		t[n++] = (struct total_row){ xstrdup(_("VAT under split payment")),
					     -doc_cents(d, DOC_TAX), 0 };
	t[n++] = (struct total_row){ xstrdup(_("Amount payable")), doc_cents(d, DOC_PAYABLE), 1 };
	return n;
}

static int
totals(struct lay *l, int y)
{
	struct total_row t[16];
	size_t n = total_rows(l->m->doc, t);
	int x = LEFT + 1100, w = WIDTH - 1100, rh = 48;
	char a[40];

	if (!doc_priced(l->m->doc)) {
		for (size_t i = 0; i < n; i++)
			free(t[i].label);
		return y;
	}
	pdf_rect(l->p, x, y, w, (int)n * rh + 10);
	for (size_t i = 0; i < n; i++) {
		int ry = y + 5 + (int)i * rh;

		if (t[i].bold)
			pdf_fill(l->p, x + 2, ry, w - 4, rh, 92);
		pdf_font(l->p, t[i].bold ? 90 : 80, t[i].bold);
		pdf_cell_text(l->p, x, ry, w - 250, rh, PDF_LEFT, t[i].label);
		pdf_cell_text(l->p, x + w - 260, ry, 260, rh, PDF_RIGHT,
			      doc_money(t[i].cents, a, sizeof a));
		free(t[i].label);
	}
	return y + (int)n * rh + 10;
}

static int
payment_height(const struct record *d)
{
	const struct record_rows *rs = d->rows != NULL ? &d->rows[DOC_PAYMENTS] : NULL;

	return HEAD_H + 2 * LINE_H + (rs != NULL ? (int)rs->n + 1 : 0) * LINE_H + 2 * PAD;
}

static int
payment(struct lay *l, int y)
{
	const struct record *d = l->m->doc;
	const struct record_rows *rs = d->rows != NULL ? &d->rows[DOC_PAYMENTS] : NULL;
	const char *mode = record_get(d, DOC_PAY_METHOD), *mname = fpa_payment_mode_name(mode);
	const char *labels[3] = { _("Method"), _("Terms"), _("IBAN") };
	const char *values[3];
	static const int w[4] = { 300, 300, 250, 950 };
	char *m = mode[0] && mname != NULL ? xasprintf("%s %s", mode, mname) : xstrdup(mode);
	int top = y;

	if (mode[0] == '\0' && record_get(d, DOC_PAY_TERMS)[0] == '\0' &&
	    record_get(d, DOC_IBAN)[0] == '\0' && (rs == NULL || rs->n == 0)) {
		free(m);
		return y;
	}
	values[0] = m;
	values[1] = record_get(d, DOC_PAY_TERMS);
	values[2] = record_get(d, DOC_IBAN);
	pdf_box(l->p, LEFT, y, WIDTH, HEAD_H, HEAD_H, 80, _("Payment"));
	y = items(l, LEFT + 20, y + HEAD_H, labels, values, 3) + PAD;
	free(m);
	if (rs != NULL && rs->n > 0) {
		const char *h[4] = { _("Due date"), _("Amount"), _("Method"), _("IBAN") };
		int x = LEFT + 10;

		pdf_font(l->p, 75, 1);
		for (int c = 0; c < 4; x += w[c], c++)
			pdf_cell_text(l->p, x, y, w[c], LINE_H, c == 1 ? PDF_RIGHT : PDF_LEFT, h[c]);
		y += LINE_H;
		pdf_font(l->p, 80, 0);
		for (size_t i = 0; i < rs->n; i++, y += LINE_H) {
			const struct record *p = rs->row[i];
			char due[DOC_DATE_BUF], a[40];
			const char *v[4] = { doc_date_it(record_get(p, PAY_DUE), due),
					     doc_money(doc_cents(p, PAY_AMOUNT), a, sizeof a),
					     record_get(p, PAY_MODE), record_get(p, PAY_IBAN) };
			x = LEFT + 10;
			for (int c = 0; c < 4; x += w[c], c++)
				pdf_cell_text(l->p, x, y, w[c], LINE_H,
					      c == 1 ? PDF_RIGHT : PDF_LEFT, v[c]);
		}
	}
	y += PAD;
	pdf_rect(l->p, LEFT, top, WIDTH, y - top);
	return y + 20;
}

/* The links, the causale's own lines, the notes and the legal notes. */
static char *
foot_text(const struct doc_print *m)
{
	struct buf b = { 0 };
	const char *c = record_get(m->doc, DOC_CAUSALE);
	char *s;

	buf_adds(&b, "");
	for (size_t i = 0; i < m->nlinks; i++)
		buf_printf(&b, "%s\n", m->links[i]);
	while (*c != '\0') {
		size_t len = strcspn(c, "\n");
		char *line = xstrndup(c, len);
		int note = 0;

		for (size_t i = 0; i < m->nnotes; i++)
			note |= strcmp(m->notes[i], line) == 0;
		if (len > 0 && !note)
			buf_printf(&b, "%s\n", line);
		free(line);
		c += len + (c[len] == '\n');
	}
	if (record_get(m->doc, DOC_NOTES)[0] != '\0')
		buf_printf(&b, "%s\n", record_get(m->doc, DOC_NOTES));
	for (size_t i = 0; i < m->nnotes; i++)
		buf_printf(&b, "%s\n", m->notes[i]);
	if (b.len > 0)
		b.data[--b.len] = '\0';
	s = xstrdup(b.data);
	buf_free(&b);
	return s;
}

static void
foot(struct lay *l, int y)
{
	char *text = foot_text(l->m);
	struct pieces pc;
	int h;

	if (text[0] != '\0') {
		pdf_font(l->p, 75, 0);
		wrap(l->p, text, WIDTH, &pc);
		h = (int)pc.n * 36 + 20;
		pieces_free(&pc);
		y = room(l, y, h);
		para(l, LEFT, y, WIDTH, 75, 0, text);
	}
	free(text);
}

/* A delivery note's signatures: the carrier's and the recipient's. */
static int
signatures(struct lay *l, int y)
{
	const char *who[3] = { _("Driver's signature"), _("Carrier's signature"),
			       _("Recipient's signature") };
	int w = WIDTH / 3;

	if (strcmp(record_get(l->m->doc, DOC_KIND), "DDT") != 0)
		return y;
	y = room(l, y, 180);
	for (int i = 0; i < 3; i++) {
		pdf_font(l->p, 70, 0);
		pdf_text(l->p, LEFT + i * w + 10, y + 30, PDF_LEFT, who[i]);
		pdf_line(l->p, LEFT + i * w + 10, y + 140, LEFT + (i + 1) * w - 40, y + 140);
	}
	return y + 170;
}

/* One pass over the document; the number of pages it took. */
static int
layout(struct pdf *p, const struct doc_print *m, int pages)
{
	struct lay l = { p, m, 1, pages, 0 };
	struct total_row t[16];
	size_t nt = total_rows(m->doc, t);
	int y;

	for (size_t i = 0; i < nt; i++)
		free(t[i].label);
	page_number(&l);
	company(&l);
	party(&l);
	y = title(&l, WINDOW_Y + WINDOW_H + 40);
	y = transport(&l, y);
	y = lines_table(&l, y);
	y = room(&l, y, (int)nt * 48 + 200);
	{
		int ys = summary(&l, y), yt = totals(&l, y);
		y = (ys > yt ? ys : yt) + 30;
	}
	y = room(&l, y, payment_height(m->doc));
	y = payment(&l, y);
	y = signatures(&l, y);
	foot(&l, y);
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
