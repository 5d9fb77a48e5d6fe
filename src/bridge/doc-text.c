/* A document as lines of text (doc-print.h): the company and the party,
 * the title, references and transport, the lines as a table whose cells
 * wrap in their columns, the VAT summary, the totals, the payment
 * schedule, the links and the notes, never wider than DOC_TEXT_WIDTH. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "book/documents.h"
#include "book/parties.h"
#include "bridge/doc-print.h"
#include "fisc/doc-rules.h"
#include "fisc/invoice.h"
#include "util/i18n.h"
#include "util/util.h"

#define W DOC_TEXT_WIDTH
#define PARTY_COL 40  /* the party's block, where an envelope's window is */
#define TOTALS_COL 24 /* the totals' labels */
#define AMOUNT_W 14   /* a total's amount, right-aligned at W */


static void
blank(struct text_lines *o)
{
	if (o->n > 0 && o->v[o->n - 1][0] != '\0')
		text_lines_add(o, "");
}

/* Display columns of s. */
static size_t
columns(const char *s)
{
	size_t n = 0, len;

	while (*s != '\0') {
		n += (size_t)utf8_char_width(s, &len);
		s += len;
	}
	return n;
}

/* The pieces of s at most width columns each: broken at blanks, a word
 * longer than width cut, each '\n' a break of its own. */
struct pieces {
	char **v;
	size_t n;
};

static void
piece_add(struct pieces *p, const char *s, size_t len)
{
	p->v = xreallocarray(p->v, p->n + 1, sizeof *p->v);
	p->v[p->n++] = xstrndup(s, len);
}

static void
wrap(const char *s, size_t width, struct pieces *p)
{
	memset(p, 0, sizeof *p);
	if (width == 0)
		width = 1;
	for (;;) {
		const char *start = s, *at = s, *brk = NULL;
		size_t cols = 0, len;

		while (*at != '\0' && *at != '\n') {
			int cw = utf8_char_width(at, &len);
			if (cols + (size_t)cw > width)
				break;
			if (*at == ' ')
				brk = at;
			cols += (size_t)cw;
			at += len;
		}
		if (*at == '\0' || *at == '\n') {
			piece_add(p, start, (size_t)(at - start));
			if (*at == '\0')
				return;
			s = at + 1;
			continue;
		}
		/* Too long: break at the last blank, or cut the word. */
		if (*at != ' ' && brk != NULL && brk > start)
			at = brk;
		else if (at == start) { /* one character wider than width */
			utf8_char_width(at, &len);
			at += len;
		}
		piece_add(p, start, (size_t)(at - start));
		s = at;
		while (*s == ' ')
			s++;
		if (*s == '\0')
			return;
	}
}

static void
pieces_free(struct pieces *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

/* s wrapped at width, each line starting at column indent; nothing for "". */
static void
emit_wrapped(struct text_lines *o, size_t indent, const char *s)
{
	struct pieces p;
	struct buf b = { 0 };

	if (s[0] == '\0')
		return;
	wrap(s, W - indent, &p);
	for (size_t i = 0; i < p.n; i++) {
		b.len = 0;
		buf_printf(&b, "%*s%s", (int)indent, "", p.v[i]);
		text_lines_add(o, b.data);
	}
	pieces_free(&p);
	buf_free(&b);
}

/* "Label: value" wrapped, when value is not empty. */
static void
labelled(struct text_lines *o, size_t indent, const char *label, const char *value)
{
	char *s;

	if (value == NULL || value[0] == '\0')
		return;
	s = xasprintf("%s: %s", label, value);
	emit_wrapped(o, indent, s);
	free(s);
}

/* Pads b with blanks to column col (its display width so far in *used). */
static void
pad_to(struct buf *b, size_t *used, size_t col)
{
	for (; *used < col; (*used)++)
		buf_add(b, " ", 1);
}

/* One table row: each cell wrapped in its column (width w[c], one blank
 * between columns, right-aligned where right[c]); as many lines as its
 * tallest cell. */
static void
row(struct text_lines *o, size_t indent, const char *const *cells, const size_t *w, const int *right,
    size_t ncols)
{
	struct pieces p[8];
	size_t lines = 1;
	struct buf b = { 0 };

	for (size_t c = 0; c < ncols; c++) {
		wrap(cells[c] != NULL ? cells[c] : "", w[c], &p[c]);
		if (p[c].n > lines)
			lines = p[c].n;
	}
	for (size_t l = 0; l < lines; l++) {
		size_t used = 0, col = indent;

		b.len = 0;
		for (size_t c = 0; c < ncols; c++) {
			const char *s = l < p[c].n ? p[c].v[l] : "";
			size_t sw = columns(s);

			pad_to(&b, &used, right[c] ? col + w[c] - sw : col);
			buf_adds(&b, s);
			used += sw;
			col += w[c] + 1;
		}
		text_lines_add(o, b.len > 0 ? b.data : "");
	}
	for (size_t c = 0; c < ncols; c++)
		pieces_free(&p[c]);
	buf_free(&b);
}

/* A total: its label from TOTALS_COL, its amount ending at W. */
static void
total(struct text_lines *o, const char *label, int64_t cents)
{
	static const size_t w[2] = { W - TOTALS_COL - AMOUNT_W - 1, AMOUNT_W };
	static const int right[2] = { 0, 1 };
	char a[40];
	const char *cells[2] = { label, doc_money(cents, a, sizeof a) };

	row(o, TOTALS_COL, cells, w, right, 2);
}

/* "20100 Milano (MI)", and the country when not Italy. */
static char *
city_line(const char *cap, const char *city, const char *prov, const char *country)
{
	struct buf b = { 0 };
	char *s;

	buf_adds(&b, "");
	if (cap[0] != '\0')
		buf_printf(&b, "%s ", cap);
	buf_adds(&b, city);
	if (prov[0] != '\0')
		buf_printf(&b, " (%s)", prov);
	if (country[0] != '\0' && strcmp(country, "IT") != 0)
		buf_printf(&b, " %s", country);
	s = xstrdup(b.data);
	buf_free(&b);
	return s;
}

static char *
street_line(const char *address, const char *no)
{
	return no[0] != '\0' ? xasprintf("%s %s", address, no) : xstrdup(address);
}

/* "P.IVA IT01234567890  C.F. RSSMRA80A01F205X" (the C.F. when it differs). */
static char *
ids_line(const char *vat_country, const char *piva, const char *cf)
{
	struct buf b = { 0 };
	char *s;

	buf_adds(&b, "");
	if (piva[0] != '\0')
		buf_printf(&b, "%s %s%s", _("VAT no."), vat_country[0] ? vat_country : "IT", piva);
	if (cf[0] != '\0' && strcmp(cf, piva) != 0)
		buf_printf(&b, "%s%s %s", b.len > 0 ? "  " : "", _("Tax code"), cf);
	s = xstrdup(b.data);
	buf_free(&b);
	return s;
}

static void
company_block(struct text_lines *o, const struct doc_print *m)
{
	const struct record *c = m->company;
	const char *regime = record_get(m->doc, DOC_REGIME);
	char *s;

	if (c == NULL)
		return;
	if (regime[0] == '\0')
		regime = record_get(c, COMPANY_REGIME);
	emit_wrapped(o, 0, record_get(c, COMPANY_NAME));
	s = street_line(record_get(c, COMPANY_ADDRESS), record_get(c, COMPANY_STREET_NO));
	emit_wrapped(o, 0, s);
	free(s);
	s = city_line(record_get(c, COMPANY_CAP), record_get(c, COMPANY_CITY),
		      record_get(c, COMPANY_PROVINCE), record_get(c, COMPANY_COUNTRY));
	emit_wrapped(o, 0, s);
	free(s);
	s = ids_line("IT", record_get(c, COMPANY_PIVA), record_get(c, COMPANY_CF));
	emit_wrapped(o, 0, s);
	free(s);
	if (regime[0] != '\0') {
		const char *name = fpa_regime_name(regime);
		s = name != NULL ? xasprintf("%s %s", regime, name) : xstrdup(regime);
		labelled(o, 0, _("Tax regime"), s);
		free(s);
	}
	if (record_get(c, COMPANY_REA_NUMBER)[0] != '\0') {
		s = xasprintf("%s-%s", record_get(c, COMPANY_REA_OFFICE),
			      record_get(c, COMPANY_REA_NUMBER));
		labelled(o, 0, _("REA"), s);
		free(s);
	}
	labelled(o, 0, _("Phone"), record_get(c, COMPANY_PHONE));
	labelled(o, 0, _("E-mail"), record_get(c, COMPANY_EMAIL));
	labelled(o, 0, _("PEC"), record_get(c, COMPANY_PEC));
}

static void
party_block(struct text_lines *o, const struct doc_print *m)
{
	const struct record *d = m->doc, *p = m->party;
	const char *head = strcmp(record_get(d, DOC_DIRECTION), "P") == 0 ? _("Supplier")
									: _("Customer");
	char *s;

	blank(o);
	emit_wrapped(o, PARTY_COL, head);
	if (p != NULL) {
		emit_wrapped(o, PARTY_COL, record_get(p, PARTY_NAME));
		s = street_line(record_get(p, PARTY_ADDRESS), record_get(p, PARTY_STREET_NO));
		emit_wrapped(o, PARTY_COL, s);
		free(s);
		s = city_line(record_get(p, PARTY_CAP), record_get(p, PARTY_CITY),
			      record_get(p, PARTY_PROVINCE), record_get(p, PARTY_COUNTRY));
		emit_wrapped(o, PARTY_COL, s);
		free(s);
		s = ids_line(record_get(p, PARTY_VAT_COUNTRY), record_get(p, PARTY_PIVA),
			     record_get(p, PARTY_CF));
		emit_wrapped(o, PARTY_COL, s);
		free(s);
	} else if (record_get(d, DOC_PARTY)[0] != '\0') {
		s = xasprintf(_("no. %s of the register"), record_get(d, DOC_PARTY));
		emit_wrapped(o, PARTY_COL, s);
		free(s);
	}
	labelled(o, PARTY_COL, _("PA office"), record_get(d, DOC_PA_OFFICE));
	labelled(o, PARTY_COL, _("SDI code"), record_get(d, DOC_SDI));
	labelled(o, PARTY_COL, _("PEC"), record_get(d, DOC_PEC));
}

static void
title_block(struct text_lines *o, const struct record *d)
{
	char *t = doc_title(d), date[DOC_DATE_BUF];
	const char *type = record_get(d, DOC_TYPE), *tname = fpa_doc_type_name(type);

	blank(o);
	emit_wrapped(o, 0, t);
	free(t);
	if (strcmp(record_get(d, DOC_STATE), DOC_STATE_DRAFT) == 0)
		emit_wrapped(o, 0, _("DRAFT: not a valid document until issued"));
	if (type[0] != '\0' && tname != NULL) {
		t = xasprintf("%s %s", type, tname);
		labelled(o, 0, _("Document type"), t);
		free(t);
	}
	if (record_get(d, DOC_OP_DATE)[0] != '\0' &&
	    strcmp(record_get(d, DOC_OP_DATE), record_get(d, DOC_DATE)) != 0)
		labelled(o, 0, _("Operation date"), doc_date_it(record_get(d, DOC_OP_DATE), date));
	labelled(o, 0, _("Order"), record_get(d, DOC_ORDER_REF));
	labelled(o, 0, _("Contract"), record_get(d, DOC_CONTRACT_REF));
	labelled(o, 0, _("CIG"), record_get(d, DOC_CIG));
	labelled(o, 0, _("CUP"), record_get(d, DOC_CUP));
}

static void
transport_block(struct text_lines *o, const struct record *d)
{
	static const struct {
		int field;
		const char *label;
	} f[] = {
		{ DOC_CARRIER, N_("Carrier") },
		{ DOC_GOODS_ASPECT, N_("Aspect of the goods") },
		{ DOC_PACKAGES, N_("Packages") },
		{ DOC_WEIGHT, N_("Weight (kg)") },
		{ DOC_PORTO, N_("Porto") },
		{ DOC_TRANSPORT_REASON, N_("Reason for transport") },
		{ DOC_TRANSPORT_START, N_("Transport started") },
	};
	int any = strcmp(record_get(d, DOC_KIND), "DDT") == 0;
	char buf[DOC_DATE_BUF];

	for (size_t i = 0; i < ARRAY_LEN(f); i++)
		any |= record_get(d, (size_t)f[i].field)[0] != '\0';
	if (!any)
		return;
	blank(o);
	text_lines_add(o, _("Transport"));
	for (size_t i = 0; i < ARRAY_LEN(f); i++) {
		const char *v = record_get(d, (size_t)f[i].field);

		if (f[i].field == DOC_WEIGHT)
			v = doc_decimal_it(v, buf, sizeof buf);
		else if (f[i].field == DOC_TRANSPORT_START)
			v = doc_date_it(v, buf);
		labelled(o, 2, _(f[i].label), v);
	}
}

/* The lines' columns: description (with the code), quantity, unit,
 * price, discount, VAT, total. */
static const size_t line_w[7] = { 27, 8, 4, 11, 6, 4, 10 };
static const int line_right[7] = { 0, 1, 0, 1, 1, 1, 1 };

static int
lines_block(struct text_lines *o, const struct record *d)
{
	const char *head[7] = { _("Description"), _("Qty"), _("Unit"), _("Price"),
				_("Disc."), _("VAT"), _("Total") };
	const struct record_rows *rs = d->rows != NULL ? &d->rows[DOC_LINES] : NULL;
	int withheld = 0;
	char rule[W + 1];

	blank(o);
	row(o, 0, head, line_w, line_right, 7);
	memset(rule, '-', W);
	rule[W] = '\0';
	text_lines_add(o, rule);
	for (size_t i = 0; rs != NULL && i < rs->n; i++) {
		const struct record *l = rs->row[i];
		char qty[40], price[40], disc[FPA_DISCOUNT_TEXT], vat[16], tot[40];
		const char *cells[7];
		char *descr;

		if (strcmp(record_get(l, LINE_TYPE), "T") == 0) {
			emit_wrapped(o, 0, record_get(l, LINE_DESCRIPTION));
			continue;
		}
		withheld |= strcmp(record_get(l, LINE_RITENUTA), "1") == 0;
		descr = xasprintf("%s%s%s%s", record_get(l, LINE_CODE),
				  record_get(l, LINE_CODE)[0] != '\0' ? " " : "",
				  record_get(l, LINE_DESCRIPTION),
				  strcmp(record_get(l, LINE_RITENUTA), "1") == 0 ? " (*)" : "");
		cells[0] = descr;
		cells[1] = doc_decimal_it(record_get(l, LINE_QTY), qty, sizeof qty);
		cells[2] = record_get(l, LINE_UNIT);
		cells[3] = doc_decimal_it(record_get(l, LINE_PRICE), price, sizeof price);
		cells[4] = doc_line_discount(l, disc, sizeof disc);
		cells[5] = doc_rate_text(record_get(l, LINE_VAT_RATE), record_get(l, LINE_NATURA), vat,
					 sizeof vat);
		cells[6] = doc_decimal_it(record_get(l, LINE_TOTAL), tot, sizeof tot);
		if (!doc_priced(d))
			cells[3] = cells[4] = cells[5] = cells[6] = "";
		row(o, 0, cells, line_w, line_right, 7);
		free(descr);
	}
	text_lines_add(o, rule);
	if (withheld)
		emit_wrapped(o, 0, _("(*) subject to withholding tax"));
	return withheld;
}

static void
summary_block(struct text_lines *o, const struct record *d)
{
	static const size_t w[4] = { 6, 13, 13, W - 6 - 13 - 13 - 3 };
	static const int right[4] = { 0, 1, 1, 0 };
	const char *head[4] = { _("VAT"), _("Taxable"), _("Tax"), _("Natura, norm") };
	const struct record_rows *rs = d->rows != NULL ? &d->rows[DOC_VAT] : NULL;

	if (rs == NULL || rs->n == 0 || !doc_priced(d))
		return;
	blank(o);
	text_lines_add(o, _("VAT summary"));
	row(o, 0, head, w, right, 4);
	for (size_t i = 0; i < rs->n; i++) {
		const struct record *v = rs->row[i];
		const char *natura = record_get(v, VAT_NATURA), *norm = record_get(v, VAT_NORM);
		char rate[16], a[40], b[40];
		const char *cells[4];
		char *why = NULL;

		if (natura[0] != '\0') {
			const char *name = fpa_natura_name(natura);
			why = norm[0] != '\0' ? xstrdup(norm)
					      : xstrdup(name != NULL ? name : "");
		}
		cells[0] = doc_rate_text(record_get(v, VAT_RATE), natura, rate, sizeof rate);
		cells[1] = doc_money(doc_cents(v, VAT_TAXABLE), a, sizeof a);
		cells[2] = doc_money(doc_cents(v, VAT_TAX), b, sizeof b);
		cells[3] = why != NULL ? why : "";
		row(o, 0, cells, w, right, 4);
		free(why);
	}
}

static void
totals_block(struct text_lines *o, const struct record *d)
{
	const struct record_rows *wh = d->rows != NULL ? &d->rows[DOC_WITHHOLDINGS] : NULL;
	const char *label;
	char rate[16], *s;

	if (!doc_priced(d))
		return;
	blank(o);
	if (record_get(d, DOC_CASSA_TYPE)[0] != '\0') {
		s = xasprintf("%s %s %s", _("Cassa"), record_get(d, DOC_CASSA_TYPE),
			      doc_rate_text(record_get(d, DOC_CASSA_RATE), "", rate, sizeof rate));
		total(o, s, doc_cents(d, DOC_CASSA));
		free(s);
	}
	total(o, _("Taxable amount"), doc_cents(d, DOC_TAXABLE));
	total(o, _("VAT"), doc_cents(d, DOC_TAX));
	if (doc_cents(d, DOC_ROUNDING) != 0)
		total(o, _("Rounding"), doc_cents(d, DOC_ROUNDING));
	total(o, _("Document total"), doc_cents(d, DOC_TOTAL));
	if (doc_cents(d, DOC_BOLLO) != 0)
		total(o, strcmp(record_get(d, DOC_BOLLO_CHARGED), "1") == 0
				 ? _("of which stamp duty charged")
				 : _("Virtual stamp duty (not charged)"),
		      doc_cents(d, DOC_BOLLO));
	for (size_t i = 0; wh != NULL && i < wh->n; i++) {
		const struct record *w = wh->row[i];
		s = xasprintf("%s %s %s", _("Withholding"), record_get(w, WH_TYPE),
			      doc_rate_text(record_get(w, WH_RATE), "", rate, sizeof rate));
		total(o, s, -doc_cents(w, WH_AMOUNT));
		free(s);
	}
	if ((wh == NULL || wh->n == 0) && doc_cents(d, DOC_WITHHOLDING) != 0)
		total(o, _("Withholding"), -doc_cents(d, DOC_WITHHOLDING));
	if (strcmp(record_get(d, DOC_SPLIT), "1") == 0)
		total(o, _("VAT under split payment"), -doc_split_tax(d));
	if (doc_payable_difference(d, &label) != 0)
		total(o, label, doc_payable_difference(d, &label));
	total(o, _("Amount payable"), doc_cents(d, DOC_PAYABLE));
}

static void
payment_block(struct text_lines *o, const struct record *d)
{
	static const size_t w[4] = { 10, 14, 8, W - 10 - 14 - 8 - 3 };
	static const int right[4] = { 0, 1, 0, 0 };
	const char *head[4] = { _("Due date"), _("Amount"), _("Method"), _("IBAN") };
	const struct record_rows *rs = d->rows != NULL ? &d->rows[DOC_PAYMENTS] : NULL;
	const char *mode = record_get(d, DOC_PAY_METHOD), *mname = fpa_payment_mode_name(mode);
	char *s;

	if (mode[0] == '\0' && record_get(d, DOC_PAY_TERMS)[0] == '\0' &&
	    record_get(d, DOC_IBAN)[0] == '\0' && (rs == NULL || rs->n == 0))
		return;
	blank(o);
	text_lines_add(o, _("Payment"));
	if (mode[0] != '\0') {
		s = mname != NULL ? xasprintf("%s %s", mode, mname) : xstrdup(mode);
		labelled(o, 2, _("Method"), s);
		free(s);
	}
	labelled(o, 2, _("Terms"), record_get(d, DOC_PAY_TERMS));
	labelled(o, 2, _("IBAN"), record_get(d, DOC_IBAN));
	if (rs == NULL || rs->n == 0)
		return;
	row(o, 0, head, w, right, 4);
	for (size_t i = 0; i < rs->n; i++) {
		const struct record *p = rs->row[i];
		char due[DOC_DATE_BUF], a[40];
		const char *cells[4] = { doc_date_it(record_get(p, PAY_DUE), due),
					 doc_money(doc_cents(p, PAY_AMOUNT), a, sizeof a),
					 record_get(p, PAY_MODE), record_get(p, PAY_IBAN) };
		row(o, 0, cells, w, right, 4);
	}
}

static int
is_note(const struct doc_print *m, const char *s)
{
	for (size_t i = 0; i < m->nnotes; i++)
		if (strcmp(m->notes[i], s) == 0)
			return 1;
	return 0;
}

static void
foot_block(struct text_lines *o, const struct doc_print *m)
{
	const char *c = record_get(m->doc, DOC_CAUSALE);
	int head = 0;

	if (m->nlinks > 0) {
		blank(o);
		text_lines_add(o, _("Linked documents"));
		for (size_t i = 0; i < m->nlinks; i++)
			emit_wrapped(o, 2, m->links[i]);
	}
	/* The causale's own lines: the fiscal core puts the legal notes there
	 * too, and they are printed once, below. */
	while (*c != '\0') {
		size_t len = strcspn(c, "\n");
		char *line = xstrndup(c, len);

		if (len > 0 && !is_note(m, line)) {
			if (!head) {
				blank(o);
				text_lines_add(o, _("Causale"));
				head = 1;
			}
			emit_wrapped(o, 2, line);
		}
		free(line);
		c += len + (c[len] == '\n');
	}
	if (record_get(m->doc, DOC_NOTES)[0] != '\0') {
		blank(o);
		text_lines_add(o, _("Notes"));
		emit_wrapped(o, 2, record_get(m->doc, DOC_NOTES));
	}
	if (m->nnotes > 0) {
		blank(o);
		for (size_t i = 0; i < m->nnotes; i++)
			emit_wrapped(o, 0, m->notes[i]);
	}
}

size_t
doc_print_lines(const struct doc_print *m, char ***lines)
{
	struct text_lines o = { 0 };
	const struct record *d = m->doc;

	company_block(&o, m);
	party_block(&o, m);
	title_block(&o, d);
	transport_block(&o, d);
	lines_block(&o, d);
	summary_block(&o, d);
	totals_block(&o, d);
	payment_block(&o, d);
	foot_block(&o, m);
	*lines = o.v;
	return o.n;
}

void
doc_print_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
