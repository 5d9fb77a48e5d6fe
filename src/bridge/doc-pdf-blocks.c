/* The fixed blocks of a document's PDF (doc-pdf-impl.h): the company's
 * header, the party in a DL envelope's window, the title and references,
 * a DDT's transport and signatures, the VAT summary, the totals' box, the
 * payment box and the notes at the foot. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "book/documents.h"
#include "book/parties.h"
#include "bridge/doc-pdf-impl.h"
#include "bridge/doc-print.h"
#include "fisc/invoice.h"
#include "pdf/pdf.h"
#include "util/i18n.h"
#include "util/util.h"

/* "Label: value" items set one after another, wrapped; the y under them. */
static int
dp_items(struct lay *l, int x, int y, const char *const *labels, const char *const *values,
      size_t n)
{
	struct buf b = { 0 };

	buf_adds(&b, "");
	for (size_t i = 0; i < n; i++)
		if (values[i] != NULL && values[i][0] != '\0')
			buf_printf(&b, "%s%s: %s", b.len ? "    " : "", labels[i], values[i]);
	if (b.len > 0)
		y = dp_para(l, x, y, RIGHT - x - (x - LEFT), 80, 0, b.data);
	buf_free(&b);
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

void
dp_company(struct lay *l)
{
	const struct record *c = l->m->company;
	const char *regime = record_get(l->m->doc, DOC_REGIME);
	int y = 120;
	char *s;

	if (c == NULL)
		return;
	if (regime[0] == '\0')
		regime = record_get(c, COMPANY_REGIME);
	y = dp_para(l, LEFT, y, 900, 140, 1, record_get(c, COMPANY_NAME));
	s = street(record_get(c, COMPANY_ADDRESS), record_get(c, COMPANY_STREET_NO));
	y = dp_para(l, LEFT, y + 10, 900, 85, 0, s);
	free(s);
	s = city(record_get(c, COMPANY_CAP), record_get(c, COMPANY_CITY),
		 record_get(c, COMPANY_PROVINCE), record_get(c, COMPANY_COUNTRY));
	y = dp_para(l, LEFT, y, 900, 85, 0, s);
	free(s);
	s = ids("IT", record_get(c, COMPANY_PIVA), record_get(c, COMPANY_CF));
	y = dp_para(l, LEFT, y, 900, 85, 0, s);
	free(s);
	if (regime[0] != '\0') {
		const char *name = fpa_regime_name(regime);
		s = xasprintf("%s: %s %s", _("Tax regime"), regime, name != NULL ? name : "");
		y = dp_para(l, LEFT, y, 900, 75, 0, s);
		free(s);
	}
	if (record_get(c, COMPANY_REA_NUMBER)[0] != '\0') {
		s = xasprintf("%s %s-%s", _("REA"), record_get(c, COMPANY_REA_OFFICE),
			      record_get(c, COMPANY_REA_NUMBER));
		y = dp_para(l, LEFT, y, 900, 75, 0, s);
		free(s);
	}
	s = xasprintf("%s%s%s%s%s", record_get(c, COMPANY_PHONE),
		      record_get(c, COMPANY_PHONE)[0] && record_get(c, COMPANY_EMAIL)[0] ? "   " : "",
		      record_get(c, COMPANY_EMAIL),
		      record_get(c, COMPANY_PEC)[0] ? "   PEC " : "", record_get(c, COMPANY_PEC));
	if (s[0] != '\0')
		dp_para(l, LEFT, y, 900, 75, 0, s);
	free(s);
}

/* The party, inside the envelope's window. */
void
dp_party(struct lay *l)
{
	const struct record *d = l->m->doc, *p = l->m->party;
	int x = WINDOW_X + 40, w = WINDOW_W - 80, y = WINDOW_Y + 20;
	char *s;

	pdf_font(l->p, 70, 0);
	pdf_text(l->p, WINDOW_X + 40, WINDOW_Y + 40, PDF_LEFT,
		 strcmp(record_get(d, DOC_DIRECTION), "P") == 0 ? _("Supplier") : _("Customer"));
	y += 30;
	if (p != NULL) {
		y = dp_para(l, x, y, w, 100, 1, record_get(p, PARTY_NAME));
		s = street(record_get(p, PARTY_ADDRESS), record_get(p, PARTY_STREET_NO));
		y = dp_para(l, x, y, w, 90, 0, s);
		free(s);
		s = city(record_get(p, PARTY_CAP), record_get(p, PARTY_CITY),
			 record_get(p, PARTY_PROVINCE), record_get(p, PARTY_COUNTRY));
		y = dp_para(l, x, y, w, 90, 0, s);
		free(s);
		s = ids(record_get(p, PARTY_VAT_COUNTRY), record_get(p, PARTY_PIVA),
			record_get(p, PARTY_CF));
		y = dp_para(l, x, y + 10, w, 75, 0, s);
		free(s);
	}
	if (record_get(d, DOC_PA_OFFICE)[0] != '\0') {
		s = xasprintf("%s: %s", _("PA office"), record_get(d, DOC_PA_OFFICE));
		y = dp_para(l, x, y, w, 75, 0, s);
		free(s);
	}
	if (record_get(d, DOC_SDI)[0] != '\0') {
		s = xasprintf("%s: %s", _("SDI code"), record_get(d, DOC_SDI));
		y = dp_para(l, x, y, w, 75, 0, s);
		free(s);
	}
	if (record_get(d, DOC_PEC)[0] != '\0') {
		s = xasprintf("%s: %s", _("PEC"), record_get(d, DOC_PEC));
		dp_para(l, x, y, w, 75, 0, s);
		free(s);
	}
}

int
dp_title(struct lay *l, int y)
{
	const struct record *d = l->m->doc;
	const char *type = record_get(d, DOC_TYPE), *tname = fpa_doc_type_name(type);
	char *t = doc_title(d), *ty, date[DOC_DATE_BUF];
	const char *labels[6] = { _("Document type"), _("Operation date"), _("Order"),
				  _("Contract"), _("CIG"), _("CUP") };
	const char *values[6];

	y = dp_para(l, LEFT, y, WIDTH, 150, 1, t);
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
	y = dp_items(l, LEFT, y + 10, labels, values, 6);
	free(ty);
	return y + 20;
}

int
dp_transport(struct lay *l, int y)
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
	y = dp_items(l, LEFT + 20, y + HEAD_H, labels, values, 7) + PAD;
	pdf_rect(l->p, LEFT, top, WIDTH, y - top);
	return y + 20;
}

int
dp_summary(struct lay *l, int y)
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
		bottom = dp_para(l, x[3] + 10, y - 8, w[3] - 20, 65, 0,
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
	const char *label;
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
					     -doc_split_tax(d), 0 };
	if (doc_payable_difference(d, &label) != 0)
		t[n++] = (struct total_row){ xstrdup(label), doc_payable_difference(d, &label), 0 };
	t[n++] = (struct total_row){ xstrdup(_("Amount payable")), doc_cents(d, DOC_PAYABLE), 1 };
	return n;
}

int
dp_totals(struct lay *l, int y)
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

int
dp_payment_height(const struct record *d)
{
	const struct record_rows *rs = d->rows != NULL ? &d->rows[DOC_PAYMENTS] : NULL;

	return HEAD_H + 2 * LINE_H + (rs != NULL ? (int)rs->n + 1 : 0) * LINE_H + 2 * PAD;
}

int
dp_payment(struct lay *l, int y)
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
	y = dp_items(l, LEFT + 20, y + HEAD_H, labels, values, 3) + PAD;
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

void
dp_foot(struct lay *l, int y)
{
	char *text = foot_text(l->m);
	struct pieces pc;
	int h;

	if (text[0] != '\0') {
		pdf_font(l->p, 75, 0);
		dp_wrap(l->p, text, WIDTH, &pc);
		h = (int)pc.n * 36 + 20;
		dp_pieces_free(&pc);
		y = dp_room(l, y, h);
		dp_para(l, LEFT, y, WIDTH, 75, 0, text);
	}
	free(text);
}

/* A delivery note's signatures: the carrier's and the recipient's. */
int
dp_signatures(struct lay *l, int y)
{
	const char *who[3] = { _("Driver's signature"), _("Carrier's signature"),
			       _("Recipient's signature") };
	int w = WIDTH / 3;

	if (strcmp(record_get(l->m->doc, DOC_KIND), "DDT") != 0)
		return y;
	y = dp_room(l, y, 180);
	for (int i = 0; i < 3; i++) {
		pdf_font(l->p, 70, 0);
		pdf_text(l->p, LEFT + i * w + 10, y + 30, PDF_LEFT, who[i]);
		pdf_line(l->p, LEFT + i * w + 10, y + 140, LEFT + (i + 1) * w - 40, y + 140);
	}
	return y + 170;
}

int
dp_totals_height(const struct record *d)
{
	struct total_row t[16];
	size_t n = total_rows(d, t);

	for (size_t i = 0; i < n; i++)
		free(t[i].label);
	return doc_priced(d) ? (int)n * 48 + 10 : 0;
}
