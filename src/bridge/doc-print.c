/* The print model of a document (doc-print.h): the record with what the
 * book and the fiscal core add to it for the printed page, gathered once;
 * the formatting the text and the PDF share; the PDF written whole or not
 * at all, and the documents kind's PDF command. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/company.h"
#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/parties.h"
#include "bridge/doc-print.h"
#include "bridge/docbridge.h"
#include "fisc/doc-rules.h"
#include "fisc/invoice.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

const char *
doc_money(int64_t cents, char *buf, size_t size)
{
	return cents_format_it(cents, buf, size);
}

int64_t
doc_cents(const struct record *r, size_t field)
{
	const char *v = record_get(r, field);

	return v[0] != '\0' ? strtoll(v, NULL, 10) : 0;
}

int64_t
doc_split_tax(const struct record *d)
{
	const struct record_rows *vat = d->rows != NULL ? &d->rows[DOC_VAT] : NULL;
	int64_t tax = 0;
	int said = 0;

	if (strcmp(record_get(d, DOC_SPLIT), "1") != 0)
		return 0;
	for (size_t i = 0; vat != NULL && i < vat->n; i++) {
		const char *esig = record_get(vat->row[i], VAT_ESIGIBILITA);

		said |= esig[0] != '\0';
		if (strcmp(esig, "S") == 0)
			tax += doc_cents(vat->row[i], VAT_TAX);
	}
	return said ? tax : doc_cents(d, DOC_TAX);
}

int64_t
doc_payable_difference(const struct record *d, const char **label)
{
	const struct record_rows *pay = d->rows != NULL ? &d->rows[DOC_PAYMENTS] : NULL;

	*label = pay != NULL && pay->n > 0 ? _("Difference per the payments (DatiPagamento)")
					   : _("Difference per the VAT summary");
	return doc_cents(d, DOC_PAYABLE) -
	       (doc_cents(d, DOC_TOTAL) - doc_cents(d, DOC_WITHHOLDING) - doc_split_tax(d));
}

const char *
doc_decimal_it(const char *v, char *buf, size_t size)
{
	struct dec d;
	char plain[DEC_BUF], out[2 * DEC_BUF], *dot, *p = out;
	size_t ilen, neg;

	if (v[0] == '\0' || dec_parse(v, DOC_DEC_MAX, &d, NULL) < 0) {
		str_copy(buf, v, size);
		return buf;
	}
	dec_format(d, 2, DOC_DEC_MAX, plain, sizeof plain);
	dot = strchr(plain, '.');
	ilen = dot != NULL ? (size_t)(dot - plain) : strlen(plain);
	neg = plain[0] == '-';
	if (neg)
		*p++ = '-';
	for (size_t i = neg; i < ilen; i++) {
		if (i > neg && (ilen - i) % 3 == 0)
			*p++ = '.';
		*p++ = plain[i];
	}
	if (dot != NULL) {
		*p++ = ',';
		p += str_copy(p, dot + 1, sizeof out - (size_t)(p - out));
	}
	*p = '\0';
	str_copy(buf, out, size);
	return buf;
}

const char *
doc_rate_text(const char *rate, const char *natura, char *buf, size_t size)
{
	long r = rate[0] != '\0' ? strtol(rate, NULL, 10) : 0;

	if (r == 0 && natura[0] != '\0')
		str_copy(buf, natura, size);
	else if (r % 100 == 0)
		snprintf(buf, size, "%ld%%", r / 100);
	else if (r % 10 == 0)
		snprintf(buf, size, "%ld,%ld%%", r / 100, r % 100 / 10);
	else
		snprintf(buf, size, "%ld,%02ld%%", r / 100, r % 100);
	return buf;
}

const char *
doc_date_it(const char *iso, char buf[DOC_DATE_BUF])
{
	if (strlen(iso) >= 10 && iso[4] == '-' && iso[7] == '-')
		snprintf(buf, DOC_DATE_BUF, "%.2s/%.2s/%.4s%.10s", iso + 8, iso + 5, iso, iso + 10);
	else
		str_copy(buf, iso, DOC_DATE_BUF);
	return buf;
}

static const char *
kind_label(const struct record *doc)
{
	const struct doc_kind *k = doc_kind_find(record_get(doc, DOC_KIND));

	return k != NULL ? _(k->label) : _("Document");
}

char *
doc_title(const struct record *doc)
{
	char date[DOC_DATE_BUF];

	doc_date_it(record_get(doc, DOC_DATE), date);
	if (strcmp(record_get(doc, DOC_STATE), DOC_STATE_DRAFT) == 0)
		return xasprintf(_("%s - DRAFT (not issued: no number) of %s"), kind_label(doc),
				 date);
	return xasprintf(_("%s %s of %s"), kind_label(doc), record_get(doc, DOC_NUMBER), date);
}

int
doc_priced(const struct record *doc)
{
	return strcmp(record_get(doc, DOC_KIND), "DDT") != 0 || doc_cents(doc, DOC_TOTAL) != 0;
}

const char *
doc_line_discount(const struct record *line, char *buf, size_t size)
{
	struct fpa_discount d[FPA_MAX_DISCOUNTS];
	int n = 0;

	buf[0] = '\0';
	if (record_get(line, LINE_DISCOUNTS)[0] == '\0')
		return buf;
	if (fpa_discounts_from_canon(record_get(line, LINE_DISCOUNTS), d, FPA_MAX_DISCOUNTS, &n,
				     NULL) < 0 ||
	    fpa_discounts_short(d, n, buf, size) == NULL)
		str_copy(buf, record_get(line, LINE_DISCOUNTS), size);
	return buf;
}

static void
push(char ***v, size_t *n, char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0) {
			free(s);
			return;
		}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = s;
}

/* The sentences the law asks for, from the fiscal core on the document as
 * it is (its summary as computed, its regime and flags); a document the
 * model cannot hold yet (a draft half typed) gets its blocks' norms. */
static void
legal_notes(const struct record *doc, struct doc_print *m)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);
	char err[ERR_SIZE], **v;
	size_t n = 0;
	const char *intent = record_get(doc, DOC_INTENT);

	if (doc->rows != NULL && docbridge_record_to_body(doc, b, err) == 0) {
		b->forfettario = strcmp(record_get(doc, DOC_REGIME), "RF19") == 0;
		/* A block kept without its norm says the Natura's usual one. */
		for (size_t i = 0; i < b->nvat; i++)
			if (b->vat[i].natura[0] != '\0' && b->vat[i].norm == NULL &&
			    fpa_natura_norm(b->vat[i].natura) != NULL)
				b->vat[i].norm = xstrdup(fpa_natura_norm(b->vat[i].natura));
		v = fpa_legal_notes(b, &n);
		for (size_t i = 0; i < n; i++)
			push(&m->notes, &m->nnotes, v[i]);
		free(v);
	} else if (doc->rows != NULL) {
		for (size_t i = 0; i < doc->rows[DOC_VAT].n; i++) {
			const char *norm = record_get(doc->rows[DOC_VAT].row[i], VAT_NORM);
			if (norm[0] != '\0')
				push(&m->notes, &m->nnotes, xstrdup(norm));
		}
	}
	if (intent[0] != '\0')
		push(&m->notes, &m->nnotes,
		     str_starts(intent, FPA_NOTE_INTENT_PREFIX)
			     ? xstrdup(intent)
			     : xasprintf(FPA_NOTE_INTENT_PREFIX "%s", intent));
	fpa_invoice_free(inv);
}

/* The documents doc came from and those made from it (the book's
 * document_links), as "From: Customer order 2/2026 of 03/01/2026". */
static int
links(struct book *b, const struct record *doc, struct doc_print *m, char *err)
{
	struct doc_link *l = NULL;
	size_t n = 0;

	if (b == NULL || doc->id <= 0)
		return 0;
	if (document_links(b, doc->id, &l, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct doc_kind *k = doc_kind_find(l[i].kind);
		char date[DOC_DATE_BUF];

		push(&m->links, &m->nlinks,
		     xasprintf(l[i].source ? _("From: %s %s of %s") : _("Made into: %s %s of %s"),
			       k != NULL ? _(k->label) : l[i].kind,
			       l[i].number[0] != '\0' ? l[i].number : _("(draft)"),
			       doc_date_it(l[i].date, date)));
	}
	free(l);
	return 0;
}

int
doc_print_build(struct book *b, const struct record *doc, struct doc_print *m, char *err)
{
	const char *party = record_get(doc, DOC_PARTY);
	int rc;

	memset(m, 0, sizeof *m);
	m->doc = doc;
	if (b != NULL) {
		if (company_load(b, &m->company, err) < 0)
			return -1;
		if (party[0] != '\0') {
			rc = record_load(b, &parties_kind, strtoll(party, NULL, 10), &m->party, err);
			if (rc == REC_GONE)
				m->party = NULL;
			else if (rc < 0) {
				doc_print_free(m);
				return -1;
			}
		}
	}
	if (links(b, doc, m, err) < 0) {
		doc_print_free(m);
		return -1;
	}
	legal_notes(doc, m);
	return 0;
}

int
doc_print_load(struct book *b, int64_t id, struct doc_print *m, char *err)
{
	struct record *doc;
	int rc = record_load(b, &documents_kind, id, &doc, err);

	memset(m, 0, sizeof *m);
	if (rc == REC_GONE)
		err_set(err, _("there is no document %" PRId64), id);
	if (rc < 0)
		return rc;
	if (doc_print_build(b, doc, m, err) < 0) {
		record_free(doc);
		return REC_ERROR;
	}
	m->owned_doc = doc;
	return 0;
}

void
doc_print_free(struct doc_print *m)
{
	if (m->company != NULL)
		record_free(m->company);
	if (m->party != NULL)
		record_free(m->party);
	fpa_notes_free(m->links, m->nlinks);
	fpa_notes_free(m->notes, m->nnotes);
	if (m->owned_doc != NULL)
		record_free(m->owned_doc);
	memset(m, 0, sizeof *m);
}

size_t
doc_print_text(const struct record *doc, char ***lines)
{
	struct doc_print m;
	size_t n;

	doc_print_build(NULL, doc, &m, NULL);
	n = doc_print_lines(&m, lines);
	doc_print_free(&m);
	return n;
}

size_t
document_print_lines(struct book *b, const struct record *doc, char ***lines, char *err)
{
	struct doc_print m;
	size_t n;

	if (doc_print_build(b, doc, &m, err) < 0)
		return (size_t)-1;
	n = doc_print_lines(&m, lines);
	doc_print_free(&m);
	return n;
}

static int
write_doc(FILE *out, void *m, char *err)
{
	return doc_pdf_write(m, out, err);
}

int
document_pdf_file(struct book *b, int64_t id, const char *path, int replace, char *err)
{
	struct doc_print m;
	int rc;

	if ((rc = doc_print_load(b, id, &m, err)) < 0)
		return rc;
	rc = file_write_whole(path, replace, write_doc, &m, err);
	doc_print_free(&m);
	return rc < 0 ? REC_ERROR : 0;
}

int
document_pdf_write(struct book *b, int64_t id, const char *path, char *err)
{
	return document_pdf_file(b, id, path, 0, err);
}

void
document_pdf_preset(struct book *b, const struct record *r, char *out)
{
	const struct doc_kind *k = doc_kind_find(record_get(r, DOC_KIND));
	const char *label = k != NULL ? k->label : "Document";
	char *name;

	(void)b;
	if (strcmp(record_get(r, DOC_STATE), DOC_STATE_DRAFT) == 0 ||
	    record_get(r, DOC_NUMBER)[0] == '\0')
		name = xasprintf("%s-draft-%" PRId64, label, r->id);
	else
		name = xasprintf("%s-%s", label, record_get(r, DOC_NUMBER));
	file_safe(name);
	snprintf(out, ERR_SIZE, "%.*s.pdf", ERR_SIZE - 5, name);
	free(name);
}

int
document_pdf_run(struct book *b, const struct record *r, const char *path, int64_t *open_id,
		 char *msg, char *err)
{
	int rc;

	(void)open_id;
	rc = document_pdf_write(b, r->id, path, err);
	if (rc == 0)
		snprintf(msg, ERR_SIZE, _("Written to %s"), path);
	return rc;
}
