/* The bridge between document records and the invoice model, both ways:
 * parties of the register, document headers, and their rows (lines, VAT
 * summary, withholdings, payments). Values cross as the book writes them:
 * cents and rates as integers, quantities and prices as decimal text. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/documents.h"
#include "book/parties.h"
#include "bridge/docbridge.h"
#include "fisc/doc-rules.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

static const char *
nz(const char *s)
{
	return s ? s : "";
}

static void
set_int(struct record *r, size_t field, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	record_set(r, field, buf);
}

static void
set_dec(struct record *r, size_t field, struct dec d)
{
	char buf[DEC_BUF];

	record_set(r, field, dec_format(d, DOC_DEC_MIN, DOC_DEC_MAX, buf, sizeof buf));
}

/* ---- parties ---- */

void
docbridge_party_to_record(const struct fpa_party *p, struct record *r)
{
	int person = p->name == NULL || p->name[0] == '\0';

	record_set(r, PARTY_KIND, person ? "P" : "C");
	if (person) {
		char *name = xasprintf("%s %s", nz(p->last), nz(p->first));

		record_set(r, PARTY_NAME, name);
		free(name);
	} else
		record_set(r, PARTY_NAME, p->name);
	record_set(r, PARTY_LAST_NAME, person ? nz(p->last) : "");
	record_set(r, PARTY_FIRST_NAME, person ? nz(p->first) : "");
	record_set(r, PARTY_VAT_COUNTRY, p->vat_country);
	record_set(r, PARTY_PIVA, p->vat_id);
	record_set(r, PARTY_CF, p->cf);
	record_set(r, PARTY_ADDRESS, nz(p->addr.street));
	record_set(r, PARTY_STREET_NO, p->addr.civic);
	record_set(r, PARTY_CITY, nz(p->addr.city));
	record_set(r, PARTY_CAP, p->addr.cap);
	record_set(r, PARTY_PROVINCE, p->addr.province);
	record_set(r, PARTY_COUNTRY, p->addr.country[0] ? p->addr.country : "IT");
}

static char *
dup_or_null(const char *s)
{
	return s[0] != '\0' ? xstrdup(s) : NULL;
}

void
docbridge_party_from_record(const struct record *r, struct fpa_party *p)
{
	int person = strcmp(record_get(r, PARTY_KIND), "P") == 0;

	memset(p, 0, sizeof *p);
	str_copy(p->vat_country, record_get(r, PARTY_VAT_COUNTRY), sizeof p->vat_country);
	if (p->vat_country[0] == '\0' && record_get(r, PARTY_PIVA)[0] != '\0')
		str_copy(p->vat_country, record_get(r, PARTY_COUNTRY), sizeof p->vat_country);
	str_copy(p->vat_id, record_get(r, PARTY_PIVA), sizeof p->vat_id);
	str_copy(p->cf, record_get(r, PARTY_CF), sizeof p->cf);
	if (person) {
		p->first = dup_or_null(record_get(r, PARTY_FIRST_NAME));
		p->last = dup_or_null(record_get(r, PARTY_LAST_NAME));
	} else
		p->name = dup_or_null(record_get(r, PARTY_NAME));
	p->addr.street = dup_or_null(record_get(r, PARTY_ADDRESS));
	str_copy(p->addr.civic, record_get(r, PARTY_STREET_NO), sizeof p->addr.civic);
	p->addr.city = dup_or_null(record_get(r, PARTY_CITY));
	str_copy(p->addr.cap, record_get(r, PARTY_CAP), sizeof p->addr.cap);
	str_copy(p->addr.province, record_get(r, PARTY_PROVINCE), sizeof p->addr.province);
	str_copy(p->addr.country, record_get(r, PARTY_COUNTRY), sizeof p->addr.country);
}

/* ---- a body into a record ---- */

struct record *
docbridge_line_to_record(const struct fpa_line *l)
{
	struct record *r = record_new(&document_lines_kind);
	char disc[FPA_DISCOUNT_TEXT];

	set_int(r, LINE_NO, l->number);
	record_set(r, LINE_DESCRIPTION, nz(l->descr));
	if (l->has_qty)
		set_dec(r, LINE_QTY, l->qty);
	record_set(r, LINE_UNIT, l->unit);
	set_dec(r, LINE_PRICE, l->price);
	/* "SC 10.00%; MG 1.50": the fiscal core's canonical text. */
	record_set(r, LINE_DISCOUNTS, fpa_discounts_canon(l->disc, l->ndisc, disc, sizeof disc));
	set_dec(r, LINE_TOTAL, l->total);
	set_int(r, LINE_VAT_RATE, l->rate);
	record_set(r, LINE_NATURA, l->natura);
	record_set(r, LINE_NORM, nz(l->norm));
	set_int(r, LINE_RITENUTA, l->ritenuta != 0);
	switch (fpa_line_role(l)) {
	case FPA_LINE_BOLLO:
		record_set(r, LINE_TYPE, "B");
		break;
	case FPA_LINE_DISCOUNT:
		record_set(r, LINE_TYPE, "SC");
		break;
	default:
		break;
	}
	return r;
}

static struct record *
vat_record(const struct fpa_vat *v)
{
	struct record *r = record_new(&document_vat_kind);
	char esig[2] = { v->esig, '\0' };

	set_int(r, VAT_RATE, v->rate);
	record_set(r, VAT_NATURA, v->natura);
	set_int(r, VAT_TAXABLE, v->taxable);
	set_int(r, VAT_TAX, v->tax);
	set_int(r, VAT_ROUNDING, v->rounding);
	record_set(r, VAT_ESIGIBILITA, esig);
	record_set(r, VAT_NORM, nz(v->norm));
	return r;
}

static struct record *
wh_record(const struct fpa_withholding *w)
{
	struct record *r = record_new(&document_withholdings_kind);

	record_set(r, WH_TYPE, w->type);
	set_int(r, WH_RATE, w->rate);
	set_int(r, WH_AMOUNT, w->amount);
	record_set(r, WH_CAUSALE, w->causale);
	return r;
}

static struct record *
pay_record(const struct fpa_payment *p)
{
	struct record *r = record_new(&document_payments_kind);

	record_set(r, PAY_TERMS, p->terms);
	record_set(r, PAY_MODE, p->mode);
	record_set(r, PAY_DUE, p->due);
	set_int(r, PAY_AMOUNT, p->amount);
	record_set(r, PAY_IBAN, p->iban);
	return r;
}

/* The header's settings the body carries: the first cassa previdenziale,
 * the first ritenuta's type, rate and causale, the rounding, whether the
 * bollo is charged (a rivalsa line), the dichiarazione d'intento. */
static void
settings_to_record(const struct fpa_body *b, struct record *doc)
{
	int charged = 0;

	if (b->ncassa > 0) {
		const struct fpa_cassa *c = &b->cassa[0];

		record_set(doc, DOC_CASSA_TYPE, c->type);
		set_int(doc, DOC_CASSA_RATE, c->al_cassa);
		set_int(doc, DOC_CASSA_VAT_RATE, c->rate);
		record_set(doc, DOC_CASSA_NATURA, c->natura);
		set_int(doc, DOC_CASSA_RITENUTA, c->ritenuta != 0);
	}
	set_int(doc, DOC_CASSA, b->tot.cassa);
	if (b->nwh > 0) {
		record_set(doc, DOC_WH_TYPE, b->wh[0].type);
		set_int(doc, DOC_WH_RATE, b->wh[0].rate);
		record_set(doc, DOC_WH_CAUSALE, b->wh[0].causale);
	}
	set_int(doc, DOC_ROUNDING, b->has_doc_rounding ? b->doc_rounding : 0);
	for (size_t i = 0; i < b->nlines; i++)
		charged |= fpa_line_role(&b->lines[i]) == FPA_LINE_BOLLO;
	set_int(doc, DOC_BOLLO_CHARGED, charged);
	if (b->intent_prot[0] != '\0') {
		char it[11], *text;

		text = xasprintf("%s del %s", b->intent_prot, fpa_date_it(b->intent_date, it));
		record_set(doc, DOC_INTENT, text);
		free(text);
	}
}

/* The customer's order and the contract, and the CIG and CUP of either
 * (the contract's first). */
static void
refs_to_record(const struct fpa_body *b, struct record *doc)
{
	const struct fpa_docref *c = &b->contract, *o = &b->order;

	record_set(doc, DOC_ORDER_REF, o->id);
	record_set(doc, DOC_CONTRACT_REF, c->id);
	record_set(doc, DOC_CIG, c->cig[0] ? c->cig : o->cig);
	record_set(doc, DOC_CUP, c->cup[0] ? c->cup : o->cup);
}

static void
clear_rows(struct record_rows *rs)
{
	while (rs->n > 0)
		record_rows_remove(rs, rs->n - 1);
}

void
docbridge_body_to_record(const struct fpa_body *b, struct record *doc)
{
	struct buf causale = { 0 };
	int split = 0;

	record_set(doc, DOC_TYPE, b->type);
	record_set(doc, DOC_NUMBER, b->number);
	record_set(doc, DOC_DATE, b->date);
	record_set(doc, DOC_CURRENCY, b->currency[0] ? b->currency : "EUR");
	set_int(doc, DOC_TAXABLE, b->tot.taxable);
	set_int(doc, DOC_TAX, b->tot.tax);
	set_int(doc, DOC_TOTAL, b->tot.total);
	set_int(doc, DOC_WITHHOLDING, b->tot.withholding);
	set_int(doc, DOC_BOLLO, b->tot.bollo);
	set_int(doc, DOC_PAYABLE, b->tot.payable);
	for (size_t i = 0; i < b->nvat; i++)
		split |= b->vat[i].esig == 'S';
	set_int(doc, DOC_SPLIT, split);
	for (size_t i = 0; i < b->ncausale; i++) {
		buf_adds(&causale, i ? "\n" : "");
		buf_adds(&causale, b->causale[i]);
	}
	record_set(doc, DOC_CAUSALE, causale.data ? causale.data : "");
	buf_free(&causale);
	refs_to_record(b, doc);
	settings_to_record(b, doc);
	for (size_t c = 0; c < DOC_NCHILDREN; c++)
		clear_rows(&doc->rows[c]);
	for (size_t i = 0; i < b->nlines; i++)
		record_rows_insert(&doc->rows[DOC_LINES], i, docbridge_line_to_record(&b->lines[i]));
	for (size_t i = 0; i < b->nvat; i++)
		record_rows_insert(&doc->rows[DOC_VAT], i, vat_record(&b->vat[i]));
	for (int i = 0; i < b->nwh; i++)
		record_rows_insert(&doc->rows[DOC_WITHHOLDINGS], (size_t)i, wh_record(&b->wh[i]));
	for (size_t i = 0; i < b->npay; i++)
		record_rows_insert(&doc->rows[DOC_PAYMENTS], i, pay_record(&b->pay[i]));
}

/* ---- a record into a body ---- */

/* Where a value was read, for messages: the row (0: the header). */
struct reading {
	const struct record *r;
	size_t row;
	char *err;
	int bad;
};

static int
unreadable(struct reading *rd, size_t field)
{
	if (!rd->bad) {
		if (rd->row > 0)
			err_set(rd->err, _("Row %zu, %s: cannot be read: %s"), rd->row,
				_(rd->r->kind->fields[field].label), record_get(rd->r, field));
		else
			err_set(rd->err, _("%s: cannot be read: %s"),
				_(rd->r->kind->fields[field].label), record_get(rd->r, field));
	}
	rd->bad = 1;
	return -1;
}

static int64_t
get_int(struct reading *rd, size_t field)
{
	const char *v = record_get(rd->r, field);
	char *end;
	long long n;

	if (v[0] == '\0')
		return 0;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0')
		unreadable(rd, field);
	return n;
}

static struct dec
get_dec(struct reading *rd, size_t field)
{
	struct dec d = { 0, 0 };

	if (dec_parse(record_get(rd->r, field), DOC_DEC_MAX, &d, NULL) < 0)
		unreadable(rd, field);
	return d;
}

static void
copy(char *dst, size_t size, struct reading *rd, size_t field)
{
	if (strlen(record_get(rd->r, field)) >= size)
		unreadable(rd, field);
	str_copy(dst, record_get(rd->r, field), size);
}

/* "SC 10.00%; MG 1.50" back into the line's discounts. */
static void
read_discounts(struct reading *rd, struct fpa_line *l)
{
	if (fpa_discounts_from_canon(record_get(rd->r, LINE_DISCOUNTS), l->disc, FPA_MAX_DISCOUNTS,
				     &l->ndisc, NULL) < 0)
		unreadable(rd, LINE_DISCOUNTS);
}

static void
read_line(struct reading *rd, struct fpa_line *l)
{
	l->number = (int)get_int(rd, LINE_NO);
	l->descr = xstrdup(record_get(rd->r, LINE_DESCRIPTION));
	l->has_qty = record_get(rd->r, LINE_QTY)[0] != '\0';
	l->qty = l->has_qty ? get_dec(rd, LINE_QTY) : (struct dec){ 1, 0 };
	copy(l->unit, sizeof l->unit, rd, LINE_UNIT);
	l->price = get_dec(rd, LINE_PRICE);
	read_discounts(rd, l);
	l->total = get_dec(rd, LINE_TOTAL);
	l->rate = get_int(rd, LINE_VAT_RATE);
	copy(l->natura, sizeof l->natura, rd, LINE_NATURA);
	if (record_get(rd->r, LINE_NORM)[0] != '\0')
		l->norm = xstrdup(record_get(rd->r, LINE_NORM));
	l->ritenuta = get_int(rd, LINE_RITENUTA) != 0;
	if (strcmp(record_get(rd->r, LINE_TYPE), "B") == 0)
		l->role = FPA_LINE_BOLLO;
	else if (strcmp(record_get(rd->r, LINE_TYPE), "SC") == 0) {
		l->role = FPA_LINE_DISCOUNT;
		str_copy(l->kind, "SC", sizeof l->kind);
	}
}

/* A line of text only (type T) carries no amount; the SdI still wants a
 * rate or a Natura on it, so it takes those of the first line that has
 * amounts (22% when there is none), and adds nothing to their block. */
static void
text_line_rate(const struct record_rows *lines, size_t self, struct fpa_line *l)
{
	l->rate = 2200;
	l->natura[0] = '\0';
	for (size_t i = 0; i < lines->n; i++) {
		const struct record *r = lines->row[i];
		const char *type = record_get(r, LINE_TYPE);

		if (i == self || type[0] != '\0')
			continue;
		l->rate = strtoll(record_get(r, LINE_VAT_RATE), NULL, 10);
		str_copy(l->natura, record_get(r, LINE_NATURA), sizeof l->natura);
		return;
	}
}

static void
read_vat(struct reading *rd, struct fpa_vat *v)
{
	const char *norm = record_get(rd->r, VAT_NORM);

	v->rate = get_int(rd, VAT_RATE);
	copy(v->natura, sizeof v->natura, rd, VAT_NATURA);
	v->taxable = get_int(rd, VAT_TAXABLE);
	v->tax = get_int(rd, VAT_TAX);
	v->rounding = get_int(rd, VAT_ROUNDING);
	v->has_rounding = v->rounding != 0;
	v->esig = record_get(rd->r, VAT_ESIGIBILITA)[0];
	v->norm = norm[0] != '\0' ? xstrdup(norm) : NULL;
}

static void
read_wh(struct reading *rd, struct fpa_withholding *w)
{
	copy(w->type, sizeof w->type, rd, WH_TYPE);
	w->rate = get_int(rd, WH_RATE);
	w->amount = get_int(rd, WH_AMOUNT);
	copy(w->causale, sizeof w->causale, rd, WH_CAUSALE);
}

static void
read_pay(struct reading *rd, struct fpa_payment *p)
{
	copy(p->terms, sizeof p->terms, rd, PAY_TERMS);
	copy(p->mode, sizeof p->mode, rd, PAY_MODE);
	copy(p->due, sizeof p->due, rd, PAY_DUE);
	p->amount = get_int(rd, PAY_AMOUNT);
	copy(p->iban, sizeof p->iban, rd, PAY_IBAN);
}

/* "PROTOCOL del DD/MM/YYYY" (as settings_to_record writes it) into the
 * protocol and the ISO date; a text of another shape is all protocol. */
static void
read_intent(const char *text, struct fpa_body *b)
{
	const char *del = NULL;
	int d, m, y;
	char tail;

	for (const char *p = strstr(text, " del "); p != NULL; p = strstr(p + 1, " del "))
		del = p;
	if (del != NULL && sscanf(del + 5, "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3 &&
	    (size_t)(del - text) < sizeof b->intent_prot) {
		str_copy(b->intent_prot, text, (size_t)(del - text) + 1);
		snprintf(b->intent_date, sizeof b->intent_date, "%04d-%02d-%02d", y, m, d);
	} else
		str_copy(b->intent_prot, text, sizeof b->intent_prot);
}

/* The document's own discount, "5%" or "12.50". */
static void
read_discount(struct reading *rd, struct fpa_body *b)
{
	const char *v = record_get(rd->r, DOC_DISCOUNT);
	size_t n = strlen(v);
	char num[DEC_BUF];
	struct dec d;

	if (n == 0)
		return;
	if (n >= sizeof num) {
		unreadable(rd, DOC_DISCOUNT);
		return;
	}
	str_copy(num, v, sizeof num);
	if (num[n - 1] == '%')
		num[n - 1] = '\0';
	if (dec_parse(num, DOC_DEC_MAX, &d, NULL) < 0) {
		unreadable(rd, DOC_DISCOUNT);
		return;
	}
	if (v[n - 1] == '%')
		b->disc_pct = d;
	else if (dec_to_cents(d, &b->disc_amount) < 0)
		unreadable(rd, DOC_DISCOUNT);
}

/* The header's settings for fpa_compute: the cassa previdenziale, the
 * ritenuta asked (when there are no withholding rows, as in a draft), the
 * document discount, the rounding, the bollo's two flags, the regime
 * forfettario, the dichiarazione d'intento. */
static void
read_settings(struct reading *rd, struct fpa_body *b)
{
	const struct record *r = rd->r;

	if (record_get(r, DOC_CASSA_TYPE)[0] != '\0') {
		struct fpa_cassa *c = fpa_cassa_add(b);

		copy(c->type, sizeof c->type, rd, DOC_CASSA_TYPE);
		c->al_cassa = get_int(rd, DOC_CASSA_RATE);
		c->rate = get_int(rd, DOC_CASSA_VAT_RATE);
		copy(c->natura, sizeof c->natura, rd, DOC_CASSA_NATURA);
		c->ritenuta = get_int(rd, DOC_CASSA_RITENUTA) != 0;
		c->amount = get_int(rd, DOC_CASSA);
	}
	if (r->rows[DOC_WITHHOLDINGS].n == 0 && record_get(r, DOC_WH_TYPE)[0] != '\0') {
		struct fpa_withholding *w = &b->wh[b->nwh++];

		copy(w->type, sizeof w->type, rd, DOC_WH_TYPE);
		w->rate = get_int(rd, DOC_WH_RATE);
		copy(w->causale, sizeof w->causale, rd, DOC_WH_CAUSALE);
	}
	read_discount(rd, b);
	b->doc_rounding = get_int(rd, DOC_ROUNDING);
	b->has_doc_rounding = b->doc_rounding != 0;
	b->bollo_off = strcmp(record_get(r, DOC_BOLLO_AUTO), "0") == 0;
	b->bollo_charged = strcmp(record_get(r, DOC_BOLLO_CHARGED), "1") == 0;
	b->forfettario = strcmp(record_get(r, DOC_REGIME), "RF19") == 0;
	read_intent(record_get(r, DOC_INTENT), b);
}

/* The customer's order (DatiOrdineAcquisto) and the contract
 * (DatiContratto); the CIG and CUP go with the contract when there is one,
 * else with the order (the export refuses them with neither). */
static void
read_refs(struct reading *rd, struct fpa_body *b)
{
	struct fpa_docref *to;

	copy(b->order.id, sizeof b->order.id, rd, DOC_ORDER_REF);
	copy(b->contract.id, sizeof b->contract.id, rd, DOC_CONTRACT_REF);
	to = b->contract.id[0] != '\0' ? &b->contract : &b->order;
	copy(to->cig, sizeof to->cig, rd, DOC_CIG);
	copy(to->cup, sizeof to->cup, rd, DOC_CUP);
}

static void
read_header(struct reading *rd, struct fpa_body *b)
{
	const char *c = record_get(rd->r, DOC_CAUSALE);

	copy(b->type, sizeof b->type, rd, DOC_TYPE);
	copy(b->number, sizeof b->number, rd, DOC_NUMBER);
	copy(b->date, sizeof b->date, rd, DOC_DATE);
	copy(b->currency, sizeof b->currency, rd, DOC_CURRENCY);
	b->tot.taxable = get_int(rd, DOC_TAXABLE);
	b->tot.tax = get_int(rd, DOC_TAX);
	b->tot.total = get_int(rd, DOC_TOTAL);
	b->tot.withholding = get_int(rd, DOC_WITHHOLDING);
	b->tot.bollo = get_int(rd, DOC_BOLLO);
	b->tot.payable = get_int(rd, DOC_PAYABLE);
	b->split_payment = get_int(rd, DOC_SPLIT) != 0;
	b->bollo = b->tot.bollo;
	b->bollo_virtual = b->bollo > 0;
	b->has_doc_total = 1;
	b->doc_total = b->tot.total;
	read_settings(rd, b);
	read_refs(rd, b);
	while (*c != '\0') {
		size_t n = strcspn(c, "\n");
		char *line = xstrndup(c, n);

		fpa_causale_add(b, line);
		free(line);
		c += n + (c[n] == '\n');
	}
}

int
docbridge_record_to_body(const struct record *doc, struct fpa_body *b, char *err)
{
	const struct record_rows *rows = doc->rows;
	struct reading rd = { doc, 0, err, 0 };

	read_header(&rd, b);
	if (rd.bad)
		return -1;
	if ((size_t)rows[DOC_WITHHOLDINGS].n > FPA_MAX_WITHHOLDINGS)
		return err_set(err, _("a document holds at most %d withholdings"),
			       FPA_MAX_WITHHOLDINGS);
	for (size_t i = 0; i < rows[DOC_LINES].n && !rd.bad; i++) {
		struct fpa_line *l = fpa_line_add(b);

		rd = (struct reading){ rows[DOC_LINES].row[i], i + 1, err, 0 };
		read_line(&rd, l);
		if (strcmp(record_get(rd.r, LINE_TYPE), "T") == 0)
			text_line_rate(&rows[DOC_LINES], i, l);
	}
	for (size_t i = 0; i < rows[DOC_VAT].n && !rd.bad; i++) {
		rd = (struct reading){ rows[DOC_VAT].row[i], i + 1, err, 0 };
		read_vat(&rd, fpa_vat_add(b));
		b->deferred |= b->vat[i].esig == 'D';
	}
	for (size_t i = 0; i < rows[DOC_WITHHOLDINGS].n && !rd.bad; i++) {
		rd = (struct reading){ rows[DOC_WITHHOLDINGS].row[i], i + 1, err, 0 };
		read_wh(&rd, &b->wh[b->nwh++]);
	}
	for (size_t i = 0; i < rows[DOC_PAYMENTS].n && !rd.bad; i++) {
		rd = (struct reading){ rows[DOC_PAYMENTS].row[i], i + 1, err, 0 };
		read_pay(&rd, fpa_payment_add(b));
	}
	return rd.bad ? -1 : 0;
}
