/* What the documents' unit tests build on: a customer, an article with
 * stock, a draft of a kind with its lines, saved through the record
 * interface; and a document's stored figures read back. */
#ifndef SCRIVANO_DOC_FIXTURES_H
#define SCRIVANO_DOC_FIXTURES_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "book-fixtures.h"
#include "book/articles.h"
#include "book/company.h"
#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/parties.h"

/* A customer (role C) named name with partita IVA piva: its id, 0 after a
 * failing check. */
static inline int64_t
fx_customer(struct book *b, const char *name, const char *piva)
{
	struct record *p = record_new(&parties_kind);
	char err[ERR_SIZE];
	int64_t id = 0;

	record_set(p, PARTY_ROLE, "C");
	record_set(p, PARTY_NAME, name);
	record_set(p, PARTY_PIVA, piva);
	if (record_save(b, p, NULL, err) == 0)
		id = p->id;
	else
		ok(0, "customer %s saved: %s", name, err);
	record_free(p);
	return id;
}

/* An article of code code at 22% with stock (scale 3, "10000" = 10) moved
 * in on 2026-01-01: its id. */
static inline int64_t
fx_article(struct book *b, const char *code, const char *stock)
{
	struct record *a = record_new(&articles_kind), *m;
	char err[ERR_SIZE];
	int64_t id = 0;

	record_set(a, ARTICLE_CODE, code);
	record_set(a, ARTICLE_DESCRIPTION, code);
	record_set(a, ARTICLE_UNIT, "pz");
	if (stock != NULL) {
		m = record_new(&stock_moves_kind);
		record_set(m, MOVE_DATE, "2026-01-01");
		record_set(m, MOVE_QTY, stock);
		record_set(m, MOVE_REASON, "inventario");
		record_rows_insert(&a->rows[0], 0, m);
	}
	if (record_save_ex(b, a, NULL, err) == 0)
		id = a->id;
	else
		ok(0, "article %s saved: %s", code, err);
	record_free(a);
	return id;
}

/* A new draft sale of kind (its type from the kind) for party, dated date. */
static inline struct record *
fx_draft(const char *kind, int64_t party, const char *date)
{
	struct record *d = record_new(&documents_kind);
	const struct doc_kind *k = doc_kind_find(kind);
	char id[24];

	snprintf(id, sizeof id, "%" PRId64, party);
	record_set(d, DOC_KIND, kind);
	record_set(d, DOC_DIRECTION, k ? k->direction : "S");
	record_set(d, DOC_TYPE, k && k->type ? k->type : "");
	record_set(d, DOC_STATE, DOC_STATE_DRAFT);
	record_set(d, DOC_PARTY, id);
	record_set(d, DOC_DATE, date);
	return d;
}

/* A line of d: description, quantity ("" none), unit price, total, and
 * the article (0 none); VAT 22%. */
static inline struct record *
fx_line(struct record *d, const char *descr, const char *qty, const char *price,
	const char *total, int64_t article)
{
	struct record *l = record_new(&document_lines_kind);
	char no[16], art[24];

	snprintf(no, sizeof no, "%zu", d->rows[DOC_LINES].n + 1);
	record_set(l, LINE_NO, no);
	record_set(l, LINE_DESCRIPTION, descr);
	record_set(l, LINE_QTY, qty);
	record_set(l, LINE_PRICE, price);
	record_set(l, LINE_TOTAL, total);
	record_set(l, LINE_VAT_RATE, "2200");
	if (article != 0) {
		snprintf(art, sizeof art, "%" PRId64, article);
		record_set(l, LINE_ARTICLE, art);
	}
	record_rows_insert(&d->rows[DOC_LINES], d->rows[DOC_LINES].n, l);
	return l;
}

/* Saves d: its id, 0 after a failing check. */
static inline int64_t
fx_save(struct book *b, struct record *d)
{
	char err[ERR_SIZE];

	if (record_save_ex(b, d, NULL, err) == 0)
		return d->id;
	ok(0, "document saved: %s", err);
	return 0;
}

/* The first column of sql with %lld replaced by id, as book_query. */
static inline const char *
fx_query_id(struct book *b, const char *sql, int64_t id)
{
	char q[1024];

	snprintf(q, sizeof q, sql, (long long)id);
	return book_query(b, q);
}

/* A supplier (role S) of country, VAT country and partita IVA (or foreign
 * VAT code): its id, 0 after a failing check. */
static inline int64_t
fx_supplier(struct book *b, const char *name, const char *country, const char *vat_country,
	    const char *piva)
{
	struct record *p = record_new(&parties_kind);
	char err[ERR_SIZE];
	int64_t id = 0;

	record_set(p, PARTY_ROLE, "S");
	record_set(p, PARTY_NAME, name);
	record_set(p, PARTY_COUNTRY, country);
	record_set(p, PARTY_VAT_COUNTRY, vat_country);
	record_set(p, PARTY_PIVA, piva);
	if (record_save(b, p, NULL, err) == 0)
		id = p->id;
	else
		ok(0, "supplier %s saved: %s", name, err);
	record_free(p);
	return id;
}

/* A registered purchase invoice (FA, TD01) of party, its supplier's
 * number and date, as the import stores one (no lines yet). */
static inline struct record *
fx_purchase(int64_t party, const char *number, const char *date)
{
	struct record *d = fx_draft("FA", party, date);

	record_set(d, DOC_TYPE, "TD01");
	record_set(d, DOC_STATE, DOC_STATE_ISSUED);
	record_set(d, DOC_NUMBER, number);
	return d;
}

/* A line of d at VAT rate 0 of Natura natura, quantity 1 at total, with
 * unit unit ("" none). */
static inline struct record *
fx_line0(struct record *d, const char *descr, const char *unit, const char *total,
	 const char *natura)
{
	struct record *l = fx_line(d, descr, "1.00", total, total, 0);

	record_set(l, LINE_UNIT, unit);
	record_set(l, LINE_VAT_RATE, "0");
	record_set(l, LINE_NATURA, natura);
	return l;
}

/* The company profile: name, partita IVA, an address in Milano, its own
 * SDI code and PEC ("" none). */
static inline void
fx_company(struct book *b, const char *name, const char *piva, const char *sdi,
	   const char *pec)
{
	struct record *c = NULL;
	char err[ERR_SIZE];

	if (company_load(b, &c, err) < 0) {
		ok(0, "the company loads: %s", err);
		return;
	}
	record_set(c, COMPANY_NAME, name);
	record_set(c, COMPANY_PIVA, piva);
	record_set(c, COMPANY_ADDRESS, "Via Roma");
	record_set(c, COMPANY_CAP, "20100");
	record_set(c, COMPANY_CITY, "Milano");
	record_set(c, COMPANY_PROVINCE, "MI");
	record_set(c, COMPANY_SDI, sdi);
	record_set(c, COMPANY_PEC, pec);
	if (record_save(b, c, NULL, err) < 0)
		ok(0, "the company is saved: %s", err);
	record_free(c);
}

#endif
