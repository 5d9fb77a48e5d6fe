/* The VAT registers as the book holds them (vat-book.h): the documents of
 * a period with their VAT blocks, by number (sales) or protocol
 * (purchases); the bollo of the invoices issued, the ritenute of the
 * purchases paid, the acconto already in the F24s, the company's
 * periodicity and the settlements kept; and whether a purchase's deductible
 * share may still change against the settlements frozen by their F24.
 * Reads only. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/documents-flow.h"
#include "book/record-store.h"
#include "book/vat-book.h"
#include "util/i18n.h"
#include "util/util.h"

/* The invoices and notes a company issues (doc-kinds.c), in SQL. */
#define SALES_KINDS "('FAT', 'FTD', 'ACC', 'NC', 'ND', 'PAR')"

static const char sales_sql[] =
	"SELECT d.id, d.kind, d.type, d.number, d.date, p.name, p.piva, coalesce(v.year, 0), "
	"coalesce(v.number, 0), d.split_payment, d.total, 10000 FROM documents d JOIN parties "
	"p ON p.id = d.party_id LEFT JOIN vat_protocols v ON v.document_id = d.id WHERE d.kind IN "
	"('FAT', 'FTD', 'ACC', 'NC', 'ND', 'PAR', 'AUT') AND d.state <> 'D' AND d.date BETWEEN "
	"?1 AND ?2 ORDER BY d.kind = 'AUT', d.numbering, d.series, d.year, d.seq, d.date, d.id";
/* A purchase's deductible share is its own; a self-invoice's, the share of
 * the purchase it integrates (its link from the purchase), all when it
 * integrates none in the book. */
static const char purchases_sql[] =
	"SELECT d.id, d.kind, d.type, d.number, d.date, p.name, p.piva, coalesce(v.year, 0), "
	"coalesce(v.number, 0), d.split_payment, d.total, CASE d.kind WHEN 'FA' THEN "
	"d.vat_deductible ELSE coalesce((SELECT f.vat_deductible FROM document_links k JOIN "
	"documents f ON f.id = k.from_id WHERE k.to_id = d.id AND f.kind = 'FA' ORDER BY f.id "
	"LIMIT 1), 10000) END FROM documents d JOIN parties p ON "
	"p.id = d.party_id LEFT JOIN vat_protocols v ON v.document_id = d.id WHERE d.kind IN "
	"('FA', 'AUT') AND d.state <> 'D' AND d.date BETWEEN ?1 AND ?2 ORDER BY v.year, "
	"v.number, d.date, d.id";

static void
column_text(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	str_copy(out, t != NULL ? (const char *)t : "", size);
}

static int
read_blocks(struct book *b, sqlite3_stmt *st, struct vat_doc *d, char *err)
{
	size_t cap = 0;
	int rc;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, d->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct vat_doc_block *k;
		char esig[4];

		if (d->nblocks == cap) {
			cap = cap ? 2 * cap : 4;
			d->block = xreallocarray(d->block, cap, sizeof *d->block);
		}
		k = &d->block[d->nblocks++];
		k->rate = sqlite3_column_int(st, 0);
		column_text(st, 1, k->natura, sizeof k->natura);
		k->taxable = sqlite3_column_int64(st, 2);
		k->tax = sqlite3_column_int64(st, 3);
		column_text(st, 4, esig, sizeof esig);
		k->esigibilita = esig[0];
	}
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

static void
read_doc(sqlite3_stmt *st, struct vat_doc *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, 0);
	column_text(st, 1, d->kind, sizeof d->kind);
	column_text(st, 2, d->type, sizeof d->type);
	column_text(st, 3, d->number, sizeof d->number);
	column_text(st, 4, d->date, sizeof d->date);
	column_text(st, 5, d->party, sizeof d->party);
	column_text(st, 6, d->piva, sizeof d->piva);
	d->protocol_year = sqlite3_column_int(st, 7);
	d->protocol = sqlite3_column_int64(st, 8);
	d->split = sqlite3_column_int(st, 9) != 0;
	d->total = sqlite3_column_int64(st, 10);
	d->deductible = sqlite3_column_int(st, 11);
	d->sign = strcmp(d->type, "TD04") == 0 || strcmp(d->type, "TD08") == 0 ? -1 : 1;
}

int
vat_register_read(struct book *b, char side, const char *from, const char *to,
		  struct vat_doc **out, size_t *n, char *err)
{
	sqlite3_stmt *st = NULL, *bl = NULL;
	struct vat_doc *v = NULL;
	size_t nv = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b), side == VAT_SALES ? sales_sql : purchases_sql, -1, &st,
			       NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(book_db(b),
			       "SELECT vat_rate, natura, taxable, tax, esigibilita FROM document_vat "
			       "WHERE document_id = ?1 ORDER BY seq",
			       -1, &bl, NULL) != SQLITE_OK) {
		rc = record_db_error(b, err);
		goto out;
	}
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nv == cap) {
			cap = cap ? 2 * cap : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		read_doc(st, &v[nv]);
		nv++;
		if (read_blocks(b, bl, &v[nv - 1], err) < 0) {
			rc = REC_ERROR;
			goto out;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : record_db_error(b, err);
out:
	sqlite3_finalize(st);
	sqlite3_finalize(bl);
	if (rc < 0) {
		vat_docs_free(v, nv);
		return rc;
	}
	*out = v;
	*n = nv;
	return 0;
}

void
vat_docs_free(struct vat_doc *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(d[i].block);
	free(d);
}

int
vat_bollo_sum(struct book *b, const char *from, const char *to, int64_t *cents, int64_t *count,
	      char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT coalesce(sum(bollo), 0), count(*) FROM documents WHERE kind IN "
			       SALES_KINDS " AND state <> 'D' AND bollo > 0 AND date BETWEEN ?1 AND ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*cents = sqlite3_column_int64(st, 0);
		*count = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

/* The payments of purchase d's items between two dates (?1 and ?2): on the
 * prima nota entry's date, or the link's for a settlement outside it;
 * credit notes' offsets are not payments. */
#define PAID_LINKS(what, when)                                                              \
	"(SELECT " what " FROM item_links l JOIN open_items i ON i.id = l.item_id LEFT JOIN " \
	"pn_entries e ON e.id = l.entry_id WHERE i.document_id = d.id AND l.credit_id IS "     \
	"NULL AND coalesce(e.date, l.date) " when ")"
#define PAID_SUM "coalesce(sum(l.amount), 0)"
#define IN_PERIOD "BETWEEN ?1 AND ?2"

static const char ritenute_sql[] =
	"SELECT * FROM (SELECT d.id, d.number, d.date, p.name, w.amount, (SELECT "
	"coalesce(sum(amount), 0) FROM open_items WHERE document_id = d.id), "
	PAID_LINKS(PAID_SUM, "< ?1") ", "
	PAID_LINKS(PAID_SUM, IN_PERIOD) " AS paid_in, "
	PAID_LINKS("max(coalesce(e.date, l.date))", IN_PERIOD) " AS last "
	"FROM documents d JOIN parties p ON p.id = d.party_id JOIN document_withholdings w ON "
	"w.document_id = d.id WHERE d.kind = 'FA' AND d.state <> 'D' AND w.type IN ('RT01', "
	"'RT02') AND w.causale NOT IN ('Q', 'R', 'S', 'T') AND w.amount > 0) WHERE paid_in <> 0 "
	"ORDER BY last, id";

int
vat_ritenute_read(struct book *b, const char *from, const char *to, struct vat_ritenuta **out,
		  size_t *n, char *err)
{
	sqlite3_stmt *st;
	struct vat_ritenuta *v = NULL;
	size_t nv = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b), ritenute_sql, -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct vat_ritenuta *r;

		if (nv == cap) {
			cap = cap ? 2 * cap : 8;
			v = xreallocarray(v, cap, sizeof *v);
		}
		r = &v[nv++];
		r->id = sqlite3_column_int64(st, 0);
		column_text(st, 1, r->number, sizeof r->number);
		column_text(st, 2, r->date, sizeof r->date);
		column_text(st, 3, r->party, sizeof r->party);
		r->amount = sqlite3_column_int64(st, 4);
		r->payable = sqlite3_column_int64(st, 5);
		r->paid_before = sqlite3_column_int64(st, 6);
		r->paid_in = sqlite3_column_int64(st, 7);
		column_text(st, 8, r->paid, sizeof r->paid);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return record_db_error(b, err);
	}
	*out = v;
	*n = nv;
	return 0;
}

int
vat_acconto_in_f24(struct book *b, const char *code, int year, int64_t *cents, char *err)
{
	sqlite3_stmt *st;
	char y[16];
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT coalesce(sum(debit), 0) FROM (SELECT e.debit FROM f24_erario e "
			       "JOIN f24 f ON f.id = e.f24_id WHERE f.template = 0 AND e.code = ?1 "
			       "AND e.year = ?2 UNION ALL SELECT s.debit FROM f24_semplificato s JOIN "
			       "f24 f ON f.id = s.f24_id WHERE f.template = 0 AND s.section = 'ER' AND "
			       "s.code = ?1 AND s.year = ?2)",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	snprintf(y, sizeof y, "%d", year);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, y, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*cents = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

int
vat_periodicity(struct book *b, char *out, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b), "SELECT vat_periodicity FROM company WHERE id = 1", -1,
			       &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		*out = t != NULL && t[0] ? (char)t[0] : 'M';
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

int
vat_credit_used(struct book *b, int year, char kind, int64_t *credit, char *err)
{
	sqlite3_stmt *st;
	char pattern[16];
	int max = kind == 'Q' ? 4 : 12, rc;

	memset(credit, 0, (size_t)max * sizeof *credit);
	snprintf(pattern, sizeof pattern, kind == 'Q' ? "%04dQ[1-4]" : "%04d-[01][0-9]",
		 year % 10000);
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT period, vp9 FROM vat_settlements WHERE period GLOB ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, pattern, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);
		int n = atoi(p + 5);

		if (n >= 1 && n <= max)
			credit[n - 1] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
vat_settlement_find(struct book *b, const char *period, int64_t *id, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if (sqlite3_prepare_v2(book_db(b), "SELECT id FROM vat_settlements WHERE period = ?1", -1,
			       &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, period, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* The first settlement with its F24 of a period that the VAT of purchase
 * ?1 reaches: the period of its date or of one of its self-invoices'
 * (registered), or a later one of the same year (the periods are chained
 * from the year's first). A period's last month: a quarter's 3n, a
 * month's own. */
static const char share_settled_sql[] =
	"WITH dates(date) AS (SELECT date FROM documents WHERE id = ?1 UNION SELECT d.date FROM "
	"document_links k JOIN documents d ON d.id = k.to_id WHERE k.from_id = ?1 AND d.kind = "
	"'AUT' AND d.state <> 'D') SELECT s.period, s.f24_id FROM vat_settlements s JOIN dates "
	"ON substr(s.period, 1, 4) = substr(dates.date, 1, 4) WHERE s.f24_id IS NOT NULL AND "
	"CASE WHEN substr(s.period, 5, 1) = 'Q' THEN 3 * CAST(substr(s.period, 6, 1) AS "
	"INTEGER) ELSE CAST(substr(s.period, 6, 2) AS INTEGER) END >= CAST(substr(dates.date, 6, "
	"2) AS INTEGER) ORDER BY s.period LIMIT 1";

static int
share_settled(struct book *b, int64_t id, const char *name, char *why, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b), share_settled_sql, -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char period[16];

		column_text(st, 0, period, sizeof period);
		err_set(why,
			_("the VAT of %s is settled in %s with F24 number %lld: its deductible "
			  "share stays. Correct it in a later period or the annual return, as the "
			  "law allows, or delete that F24 draft to settle %s again."),
			name, period, (long long)sqlite3_column_int64(st, 1), period);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
vat_share_check(struct book *b, const struct record *stored, const struct record *w, char *err)
{
	char why[ERR_SIZE], name[64];
	int rc;

	if (strcmp(record_get(stored, DOC_KIND), "FA") != 0 ||
	    strcmp(record_get(stored, DOC_VAT_DEDUCTIBLE), record_get(w, DOC_VAT_DEDUCTIBLE)) == 0)
		return 0;
	document_name(stored, name, sizeof name);
	if ((rc = share_settled(b, stored->id, name, why, err)) <= 0)
		return rc;
	return record_invalid(w, DOC_VAT_DEDUCTIBLE, NULL, why, err);
}
