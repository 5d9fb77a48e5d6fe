/* The documents kind the screens use: the book's documents_kind with its
 * totals computed through the fiscal core (a draft's only: an issued
 * document's are frozen), a new document's defaults, the header filled
 * from the customer and a line from its article, an issued document read
 * only, the printed page (doc-print.c) and the commands (doc-cmds.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/articles.h"
#include "book/company.h"
#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/parties.h"
#include "bridge/doc-kind.h"
#include "bridge/doc-received.h"
#include "bridge/doc-print.h"
#include "bridge/docbridge.h"
#include "fisc/doc-rules.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

extern const struct record_command doc_commands[];
extern const size_t doc_ncommands;

static int
is_draft(const struct record *r)
{
	return strcmp(record_get(r, DOC_STATE), DOC_STATE_DRAFT) == 0;
}

/* A draft, or a document SdI rejected, being corrected: computed as typed. */
static int
is_open(const struct record *r)
{
	return is_draft(r) || document_correctable(r);
}

/* Lines the fiscal core makes (the bollo charged, the document discount). */
static int
made_line(const struct record *line)
{
	const char *t = record_get(line, LINE_TYPE);

	return strcmp(t, "B") == 0 || strcmp(t, "SC") == 0;
}

static void
set_cents(struct record *r, size_t field, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	record_set(r, field, buf);
}

/* A copy of r the model can read while it is being typed: a price or a
 * total not typed yet counts as 0, a text line has no amounts; the
 * computed rows (summary, withholdings, payments) are left out, as the
 * header's settings say what they will be. */
static struct record *
readable_copy(const struct record *r)
{
	struct record *c = record_copy(r);
	struct record_rows *lines = &c->rows[DOC_LINES];

	for (size_t i = 0; i < lines->n; i++) {
		struct record *l = lines->row[i];
		char no[24];

		snprintf(no, sizeof no, "%zu", i + 1);
		record_set(l, LINE_NO, no);
		/* a line with no price yet (being typed) counts as text */
		if (record_get(l, LINE_TYPE)[0] == '\0' && record_get(l, LINE_PRICE)[0] == '\0')
			record_set(l, LINE_TYPE, "T");
		if (strcmp(record_get(l, LINE_TYPE), "T") == 0) {
			record_set(l, LINE_QTY, "");
			record_set(l, LINE_PRICE, "0.00");
			record_set(l, LINE_DISCOUNTS, "");
		}
		if (record_get(l, LINE_PRICE)[0] == '\0')
			record_set(l, LINE_PRICE, "0.00");
		if (record_get(l, LINE_TOTAL)[0] == '\0')
			record_set(l, LINE_TOTAL, "0.00");
	}
	for (size_t c2 = DOC_VAT; c2 < DOC_NCHILDREN; c2++)
		while (c->rows[c2].n > 0)
			record_rows_remove(&c->rows[c2], c->rows[c2].n - 1);
	return c;
}

/* Moves child c's rows from src to dst (dst's freed). */
static void
take_rows(struct record *dst, struct record *src, size_t c)
{
	struct record_rows t = dst->rows[c];

	dst->rows[c] = src->rows[c];
	src->rows[c] = t;
}

/* The computed body back into r: header totals, each line's number and
 * total, the summary, withholdings and payments; with rows, the lines the
 * core made replace r's of type B and SC. */
static void
write_back(const struct fpa_body *b, struct record *r, int rows)
{
	struct record *scratch = record_new(r->kind);
	struct record_rows *lines = &r->rows[DOC_LINES];
	size_t j = 0;
	char buf[DEC_BUF], no[24];

	set_cents(r, DOC_TAXABLE, b->tot.taxable);
	set_cents(r, DOC_TAX, b->tot.tax);
	set_cents(r, DOC_TOTAL, b->tot.total);
	set_cents(r, DOC_WITHHOLDING, b->tot.withholding);
	set_cents(r, DOC_BOLLO, b->tot.bollo);
	set_cents(r, DOC_PAYABLE, b->tot.payable);
	set_cents(r, DOC_CASSA, b->tot.cassa);
	for (size_t i = 0; i < lines->n; i++) {
		struct record *l = lines->row[i];

		if (made_line(l))
			continue;
		while (j < b->nlines && fpa_line_role(&b->lines[j]) != FPA_LINE_USER)
			j++;
		if (j == b->nlines)
			break;
		if (strcmp(record_get(l, LINE_TYPE), "T") == 0) {
			record_set(l, LINE_PRICE, "0.00");
			record_set(l, LINE_TOTAL, "0.00");
		} else
			record_set(l, LINE_TOTAL,
				   dec_format(b->lines[j].total, DOC_DEC_MIN, DOC_DEC_MAX, buf,
					      sizeof buf));
		j++;
	}
	docbridge_body_to_record(b, scratch);
	take_rows(r, scratch, DOC_VAT);
	take_rows(r, scratch, DOC_WITHHOLDINGS);
	take_rows(r, scratch, DOC_PAYMENTS);
	if (rows) {
		for (size_t i = lines->n; i-- > 0;)
			if (made_line(lines->row[i]))
				record_rows_remove(lines, i);
		for (size_t i = 0; i < b->nlines; i++)
			if (fpa_line_role(&b->lines[i]) != FPA_LINE_USER) {
				struct record *l = docbridge_line_to_record(&b->lines[i]);

				snprintf(no, sizeof no, "%zu", lines->n + 1);
				record_set(l, LINE_NO, no);
				record_rows_insert(lines, lines->n, l);
			}
	}
	record_free(scratch);
}

/* When the core refuses the document as it stands (a line at rate 0
 * with its Natura not typed yet): each line's own total at least, its
 * quantity times its price with its discounts, to the cent. */
static void
line_totals(const struct fpa_body *b, struct record *r)
{
	struct record_rows *lines = &r->rows[DOC_LINES];
	char buf[DEC_BUF];
	size_t j = 0;
	struct dec d;

	for (size_t i = 0; i < lines->n; i++) {
		struct record *l = lines->row[i];

		if (made_line(l))
			continue;
		while (j < b->nlines && fpa_line_role(&b->lines[j]) != FPA_LINE_USER)
			j++;
		if (j == b->nlines)
			return;
		if (strcmp(record_get(l, LINE_TYPE), "T") != 0 &&
		    record_get(l, LINE_PRICE)[0] != '\0' &&
		    fpa_line_expected(&b->lines[j], &d) == 0 && dec_round(d, 2, &d) == 0)
			record_set(l, LINE_TOTAL,
				   dec_format(d, DOC_DEC_MIN, DOC_DEC_MAX, buf, sizeof buf));
		j++;
	}
}

/* Each line's number, its place: a line is checked by the book as soon as
 * the cursor leaves it, whether the core takes the document yet or not (a
 * forfettario's line before its Natura N2.2 is typed). */
static void
number_lines(struct record *r)
{
	struct record_rows *lines = &r->rows[DOC_LINES];
	char no[24];

	for (size_t i = 0; i < lines->n; i++) {
		snprintf(no, sizeof no, "%zu", i + 1);
		record_set(lines->row[i], LINE_NO, no);
	}
}

/* r's body through the fiscal core, written back: 0, or -1 with its
 * message (then only the lines' own totals are written). */
static int
compute(struct record *r, int rows, char *err)
{
	struct fpa_invoice *inv;
	struct fpa_body *b;
	struct record *c;
	const char *terms = record_get(r, DOC_PAY_TERMS), *mode = record_get(r, DOC_PAY_METHOD);
	int rc;

	if (!is_open(r))
		return 0;
	number_lines(r);
	inv = fpa_invoice_new();
	b = fpa_body_add(inv);
	c = readable_copy(r);
	rc = docbridge_record_to_body(c, b, err);
	record_free(c);
	if (rc == 0)
		rc = fpa_compute(b, err);
	if (rc == 0 && (terms[0] != '\0' || mode[0] != '\0')) {
		if (fpa_schedule_apply(b, terms, mode, record_get(r, DOC_IBAN), err) < 0)
			rc = -1;
	}
	if (rc == 0)
		write_back(b, r, rows);
	else
		line_totals(b, r);
	fpa_invoice_free(inv);
	return rc;
}

void
doc_compute(struct record *r)
{
	char err[ERR_SIZE];

	(void)compute(r, 0, err);
}

int
doc_compute_rows(struct record *r, char *err)
{
	return compute(r, 1, err);
}

/* ---- the kind ---- */

/* The book's rules, then, for a draft, the fiscal core's: a draft it
 * cannot compute is not saved, with its message. */
static int
doc_validate(const struct record *r, size_t *bad, char *err)
{
	struct record *c;
	int rc;

	if (documents_kind.validate != NULL && (rc = documents_kind.validate(r, bad, err)) < 0)
		return rc;
	if (!is_open(r) || r->rows == NULL)
		return 0;
	c = record_copy(r);
	rc = compute(c, 1, err);
	record_free(c);
	if (rc < 0) {
		char msg[ERR_SIZE];

		str_copy(msg, err, sizeof msg);
		return record_invalid(r, DOC_TOTAL, bad, msg, err);
	}
	return 0;
}

/* A draft is saved as computed, the core's lines made rows. */
static int
doc_insert(struct book *b, struct record *r, char *err)
{
	if (doc_compute_rows(r, err) < 0)
		return REC_INVALID;
	return documents_kind.insert(b, r, err);
}

static int
doc_update(struct book *b, struct record *r, char *err)
{
	if (doc_compute_rows(r, err) < 0)
		return REC_INVALID;
	return documents_kind.update(b, r, err);
}

/* A new document: a draft of the kind set (by the view) or of its
 * default, on the kind's side and TipoDocumento, dated today, with the
 * company's regime and IBAN. */
static int
doc_init(struct book *b, struct record *r, char *err)
{
	const struct doc_kind *k = doc_kind_find(record_get(r, DOC_KIND));
	struct record *c;
	char today[11];

	if (k == NULL)
		k = doc_kind_find("FAT");
	record_set(r, DOC_KIND, k->code);
	record_set(r, DOC_DIRECTION, k->direction);
	if (k->type != NULL)
		record_set(r, DOC_TYPE, k->type);
	record_set(r, DOC_STATE, DOC_STATE_DRAFT);
	util_today(today);
	record_set(r, DOC_DATE, today);
	if (company_load(b, &c, err) < 0)
		return -1;
	if (k->direction[0] == 'S' && (k->flags & DK_SELF) == 0) {
		record_set(r, DOC_REGIME, record_get(c, COMPANY_REGIME));
		record_set(r, DOC_IBAN, record_get(c, COMPANY_IBAN));
	}
	record_free(c);
	/* a self-invoice goes to the company itself, from its supplier */
	return (k->flags & DK_SELF) ? document_self_fill(b, r, err) : 0;
}

/* The customer chosen: whether it is blocked for new documents (the form
 * shows it at once); its SDI code, PEC and office code (its own, so
 * they follow a change of customer; a sale's only), split payment for a public
 * administration (art. 17-ter DPR 633/72 applies to most: the user turns
 * it off for one that is not), its dichiarazione d'intento; its payment
 * days and method when the document has none yet. */
static int
fill_party(struct book *b, struct record *r, char *err)
{
	const struct doc_kind *k = doc_kind_find(record_get(r, DOC_KIND));
	struct record *p;
	const char *days, *proto;
	int sale = k != NULL && k->direction[0] == 'S';
	int64_t id;

	/* a sale's customer blocked for new documents (dunning) shows it */
	record_set(r, DOC_PARTY_BLOCKED, "");
	if (record_get(r, DOC_PARTY)[0] == '\0')
		return 0;
	/* a self-invoice's supplier is its cedente: it goes to the company */
	if (k != NULL && (k->flags & DK_SELF))
		return document_self_fill(b, r, err);
	id = strtoll(record_get(r, DOC_PARTY), NULL, 10);
	if (record_load(b, &parties_kind, id, &p, err) < 0)
		return -1;
	/* where a sale goes; a purchase comes to us */
	if (sale) {
		record_set(r, DOC_SDI, record_get(p, PARTY_SDI));
		record_set(r, DOC_PEC, record_get(p, PARTY_PEC));
		record_set(r, DOC_PA_OFFICE, record_get(p, PARTY_PA_OFFICE));
	}
	if (sale && (k->flags & DK_FISCAL))
		record_set(r, DOC_SPLIT, strcmp(record_get(p, PARTY_PA), "1") == 0 ? "1" : "0");
	days = record_get(p, PARTY_PAY_DAYS);
	if (record_get(r, DOC_PAY_TERMS)[0] == '\0' && days[0] != '\0')
		record_set(r, DOC_PAY_TERMS, days);
	if (record_get(r, DOC_PAY_METHOD)[0] == '\0')
		record_set(r, DOC_PAY_METHOD, record_get(p, PARTY_PAY_METHOD));
	if (sale && strcmp(record_get(p, PARTY_BLOCKED), "1") == 0)
		record_set(r, DOC_PARTY_BLOCKED, "1");
	proto = record_get(p, PARTY_INTENT_PROTOCOL);
	if (proto[0] != '\0' && sale) {
		char it[11], *text;

		text = xasprintf("%s del %s", proto,
				 fpa_date_it(record_get(p, PARTY_INTENT_DATE), it));
		record_set(r, DOC_INTENT, text);
		free(text);
	} else
		record_set(r, DOC_INTENT, "");
	record_free(p);
	return 0;
}

/* The article chosen on a line: its code, description, unit, price and
 * VAT (each can be changed after), a quantity of 1 when none is typed;
 * under a dichiarazione d'intento the line is non-imponibile (N3.5). */
static int
fill_article(struct book *b, const struct record *doc, struct record *line, char *err)
{
	struct record *a;
	const char *price;
	char buf[DEC_BUF];
	struct dec d;

	if (record_get(line, LINE_ARTICLE)[0] == '\0')
		return 0;
	if (record_load(b, &articles_kind, strtoll(record_get(line, LINE_ARTICLE), NULL, 10), &a,
			err) < 0)
		return -1;
	record_set(line, LINE_CODE, record_get(a, ARTICLE_CODE));
	record_set(line, LINE_DESCRIPTION, record_get(a, ARTICLE_DESCRIPTION));
	record_set(line, LINE_UNIT, record_get(a, ARTICLE_UNIT));
	/* the article's price is an integer at scale 8 ("1250000000": 12.50) */
	price = record_get(a, ARTICLE_PRICE);
	if (price[0] != '\0' && dec_parse(price, 0, &d, NULL) == 0) {
		d.scale = ARTICLE_PRICE_SCALE;
		record_set(line, LINE_PRICE, dec_format(d, DOC_DEC_MIN, DOC_DEC_MAX, buf, sizeof buf));
	}
	if (record_get(doc, DOC_INTENT)[0] != '\0') {
		record_set(line, LINE_VAT_RATE, "0");
		record_set(line, LINE_NATURA, "N3.5");
	} else {
		record_set(line, LINE_VAT_RATE,
			   record_get(a, ARTICLE_VAT_RATE)[0] ? record_get(a, ARTICLE_VAT_RATE) : "0");
		record_set(line, LINE_NATURA, record_get(a, ARTICLE_NATURA));
	}
	if (record_get(line, LINE_QTY)[0] == '\0')
		record_set(line, LINE_QTY, "1.00");
	record_free(a);
	return 0;
}

static int
doc_fill(struct book *b, struct record *r, size_t child, size_t row, size_t field, char *err)
{
	if (child == RECORD_PARENT)
		return field == DOC_PARTY ? fill_party(b, r, err) : 0;
	if (child == DOC_LINES && row < r->rows[DOC_LINES].n && field == LINE_ARTICLE)
		return fill_article(b, r, r->rows[DOC_LINES].row[row], err);
	return 0;
}

static const char *
state_word(const struct record *r)
{
	switch (record_get(r, DOC_STATE)[0]) {
	case 'I':
		/* a purchase is registered, as its supplier sent it */
		return record_get(r, DOC_DIRECTION)[0] == 'P' ? _("registered") : _("issued");
	case 'S':
		return _("sent");
	case 'P':
		return _("paid");
	default:
		return _("draft");
	}
}

/* A document past the draft is never changed: a credit note corrects
 * an invoice; but one SdI rejected is corrected under its number. */
static int
doc_frozen(const struct record *r, char *caption, char *why)
{
	const struct doc_kind *k = doc_kind_find(record_get(r, DOC_KIND));
	const char *label = k != NULL ? _(k->label) : _("Document");

	if (is_open(r) || r->id == 0)
		return 0;
	err_set(caption, "%s %s, %s", label, record_get(r, DOC_NUMBER),
		state_word(r));
	if (k != NULL && (k->flags & DK_FISCAL) && k->direction[0] == 'S' &&
	    (k->flags & DK_SELF) == 0)
		err_set(why, _("%s %s is no longer a draft (%s): it is never changed; a credit note "
			  "corrects it."),
			label, record_get(r, DOC_NUMBER), state_word(r));
	else
		err_set(why, _("%s %s is no longer a draft (%s): it is never changed."), label,
			record_get(r, DOC_NUMBER), state_word(r));
	return 1;
}

static struct record_kind kind;
static struct record_field fields[DOC_NFIELDS];

const struct record_kind *
documents_ui_kind(void)
{
	if (kind.name == NULL) {
		kind = documents_kind;
		/* a new record of the screens is a sale invoice's draft (the
		 * book's default is what an import makes: a registered purchase) */
		memcpy(fields, documents_kind.fields, sizeof fields);
		fields[DOC_KIND].dflt = "FAT";
		fields[DOC_DIRECTION].dflt = "S";
		fields[DOC_STATE].dflt = DOC_STATE_DRAFT;
		kind.fields = fields;
		kind.validate = doc_validate;
		kind.insert = doc_insert;
		kind.update = doc_update;
		kind.compute = doc_compute;
		kind.init = doc_init;
		kind.fill = doc_fill;
		kind.frozen = doc_frozen;
		kind.commands = doc_commands;
		kind.ncommands = doc_ncommands;
		/* the list's Import: supplier invoices of the import folder */
		kind.import = doc_import_folder;
		/* Print: the printed page, with the company and the party */
		kind.print_text = doc_print_text;
		kind.print_book = document_print_lines;
	}
	return &kind;
}

void
doc_kind_register(void)
{
	record_kind_register(documents_ui_kind());
}
