/* The documents' record kinds (src/book/documents.c, documents-lines.c):
 * the values' canonical forms, the party checked in the book, a document
 * saved and loaded with its rows, rows moved keeping their ids (schema step
 * 9), a duplicate refused, the original file inside the caller's
 * transaction, and a book of schema 8 whose rows step 12 copies. */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-fixtures.h"
#include "book/documents.h"
#include "book/parties.h"
#include "book/schema.h"
#include "tap.h"
#include "util/util.h"

static struct book *book;
static struct temp_book tb;

static char *
query(struct book *b, const char *sql)
{
	static char out[512];
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL) != SQLITE_OK)
		return strcpy(out, sqlite3_errmsg(book_db(b)));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		str_copy(out, (const char *)sqlite3_column_text(st, 0), sizeof out);
	sqlite3_finalize(st);
	return out;
}

static void
values(void)
{
	static const struct {
		int (*check)(const char *, char *);
		const char *v;
		int good;
	} cases[] = {
		{ check_doc_decimal, "5.00", 1 },
		{ check_doc_decimal, "0.00886292", 1 },
		{ check_doc_decimal, "-10.50", 1 },
		{ check_doc_decimal, "5.0", 0 },
		{ check_doc_decimal, "5", 0 },
		{ check_doc_decimal, "05.00", 0 },
		{ check_doc_decimal, "5.10000000", 0 },
		{ check_doc_decimal, "1.123456789", 0 },
		{ check_doc_decimal, "1,50", 0 },
		{ check_doc_cents, "12345", 1 },
		{ check_doc_cents, "-500", 1 },
		{ check_doc_cents, "123.45", 0 },
		{ check_doc_cents, "007", 0 },
		{ check_doc_rate, "2200", 1 },
		{ check_doc_rate, "10001", 0 },
		{ check_doc_rate, "-1", 0 },
	};
	char err[ERR_SIZE];

	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		is_int(cases[i].check(cases[i].v, err) == 0, cases[i].good, "%s is %s", cases[i].v,
		       cases[i].good ? "taken" : "refused");
}

static int64_t
new_party(void)
{
	struct record *p = record_new(&parties_kind);
	char err[ERR_SIZE];
	int64_t id;

	record_set(p, PARTY_ROLE, "S");
	record_set(p, PARTY_NAME, "Fornitore Srl");
	record_set(p, PARTY_PIVA, "01234567897");
	is_int(record_save(book, p, NULL, err), 0, "a supplier is saved: %s", err);
	id = p->id;
	record_free(p);
	return id;
}

static struct record *
line(const char *no, const char *descr, const char *qty, const char *price)
{
	struct record *l = record_new(&document_lines_kind);

	record_set(l, LINE_NO, no);
	record_set(l, LINE_DESCRIPTION, descr);
	record_set(l, LINE_QTY, qty);
	record_set(l, LINE_PRICE, price);
	record_set(l, LINE_TOTAL, price);
	record_set(l, LINE_VAT_RATE, "2200");
	return l;
}

static struct record *
document(const char *party, const char *number)
{
	struct record *d = record_new(&documents_kind);

	record_set(d, DOC_PARTY, party);
	/* a purchase invoice typed in, still a draft: a registered one may not
	 * change (documents-issue.c), and these tests change it */
	record_set(d, DOC_STATE, DOC_STATE_DRAFT);
	record_set(d, DOC_NUMBER, number);
	record_set(d, DOC_DATE, "2026-11-30");
	record_set(d, DOC_TOTAL, "1220");
	record_set(d, DOC_CAUSALE, "PRIMA RIGA\nSECONDA RIGA");
	record_rows_insert(&d->rows[DOC_LINES], 0, line("1", "Carta", "2.00", "3.00"));
	record_rows_insert(&d->rows[DOC_LINES], 1, line("2", "Toner", "1.00", "7.00"));
	return d;
}

static void
refusals(int64_t party)
{
	char id[32], err[ERR_SIZE];
	struct record_fault f;
	struct record *d;

	d = document("999", "1");
	is_int(record_save_ex(book, d, &f, err), REC_INVALID, "a document of no party is refused");
	is_str(err, "Customer or supplier: there is no such customer or supplier in the book",
	       "naming the field");
	record_free(d);
	snprintf(id, sizeof id, "%lld", (long long)party);
	d = document(id, "1");
	record_set(d->rows[DOC_LINES].row[1], LINE_QTY, "1.0");
	is_int(record_save_ex(book, d, &f, err), REC_INVALID, "a quantity 1.0 is refused");
	ok(f.child == DOC_LINES && f.row == 1 && f.field == LINE_QTY,
	   "at row 2 of the lines, its quantity: %s", err);
	record_set(d->rows[DOC_LINES].row[1], LINE_QTY, "1.00");
	record_set(d, DOC_DATE, "2026-02-30");
	is_int(record_save_ex(book, d, &f, err), REC_INVALID, "30 February is refused: %s", err);
	record_set(d, DOC_DATE, "2026-11-30");
	record_set(d, DOC_CAUSALE, "UNA\tRIGA");
	is_int(record_save_ex(book, d, &f, err), REC_INVALID,
	       "a tab in the causale is refused (a line break is not): %s", err);
	record_free(d);
	is_str(query(book, "SELECT count(*) FROM documents"), "0", "and nothing was written");
	is_str(query(book, "SELECT count(*) FROM document_lines"), "0", "no line either");
}

static void
saved_and_moved(int64_t party)
{
	struct record *d, *back = NULL, *again = NULL;
	char id[32], err[ERR_SIZE];
	int64_t first, second, existing = 0;

	snprintf(id, sizeof id, "%lld", (long long)party);
	d = document(id, "7/A");
	is_int(record_save_ex(book, d, NULL, err), 0, "a document with two lines is saved: %s",
	       err);
	if (record_load(book, &documents_kind, d->id, &back, err) != 0) {
		ok(0, "it loads: %s", err);
		record_free(d);
		return;
	}
	is_int((int)back->rows[DOC_LINES].n, 2, "it loads with its two lines");
	is_str(record_get(back, DOC_CAUSALE), "PRIMA RIGA\nSECONDA RIGA",
	       "and its causale's two lines");
	is_str(record_get(back->rows[DOC_LINES].row[1], LINE_DESCRIPTION), "Toner",
	       "in their order");
	first = back->rows[DOC_LINES].row[0]->id;
	second = back->rows[DOC_LINES].row[1]->id;
	record_rows_swap(&back->rows[DOC_LINES], 0, 1);
	is_int(record_save_ex(book, back, NULL, err), 0,
	       "the lines swapped are saved (seq is no longer unique while renumbered): %s", err);
	record_load(book, &documents_kind, d->id, &again, err);
	ok(again != NULL && again->rows[DOC_LINES].n == 2 &&
		   again->rows[DOC_LINES].row[0]->id == second &&
		   again->rows[DOC_LINES].row[1]->id == first &&
		   strcmp(record_get(again->rows[DOC_LINES].row[0], LINE_DESCRIPTION), "Toner") == 0,
	   "each line keeps its id in its new place");
	is_int(document_find(book, "P", party, "7/A", "2026-11-30", &existing, err), 1,
	       "document_find finds it");
	ok(existing == d->id, "by direction, party, number and date");
	record_free(again);
	record_free(back);
	record_free(d);
	d = document(id, "7/A");
	is_int(record_save_ex(book, d, NULL, err), REC_INVALID, "the same number and date again "
	       "is refused: %s", err);
	record_free(d);
}

static void
file_in_transaction(void)
{
	struct document_file f = { "a.xml", "<x/>", 4, 1, 0, "Mario Rossi" };
	char err[ERR_SIZE];
	int64_t id = 0;

	book_begin(book, err);
	is_int(document_file_store(book, &f, &id, err), 0, "a file is stored: %s", err);
	book_rollback(book);
	is_str(query(book, "SELECT count(*) FROM document_files"), "0",
	       "and goes when the caller's transaction is rolled back");
	is_int(document_file_store(book, &f, &id, err), 0, "stored on its own");
	is_str(query(book, "SELECT name || ' ' || sha256 || ' ' || signed || signature_ok || ' ' "
			   "|| signer || ' ' || length(content) FROM document_files"),
	       "a.xml 2a31f44da4bd7decbbd3ddfd1a37ae04d02ec665e2c2688816ccc65631586ed1 10 Mario "
	       "Rossi 4",
	       "with its SHA-256 (as sha256sum writes it), signature and bytes");
}

/* A book of schema 8 with rows in the old tables: step 9 copies them. */
static void
migrated(void)
{
	char *path = xasprintf("%s/old.sqlite", tb.dir), err[ERR_SIZE];
	struct record *d = NULL;
	struct book *b;
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK) {
		ok(0, "an old book is made");
		free(path);
		return;
	}
	for (int i = 1; i <= 8; i++)
		sqlite3_exec(db, schema_step(i), NULL, NULL, NULL);
	sqlite3_exec(db, "PRAGMA user_version = 8;"
			 "INSERT INTO parties (role, name, piva) VALUES ('S', 'Vecchio', '01234567897');"
			 "INSERT INTO documents (direction, party_id, type, number, date) "
			 "VALUES ('P', 1, 'TD01', '5', '2020-01-31');"
			 "INSERT INTO document_lines (document_id, seq, line_no, description, "
			 "unit_price, total, vat_rate) VALUES (1, 2, 2, 'Seconda', '2.00', '2.00', 2200),"
			 "(1, 1, 1, 'Prima', '1.00', '1.00', 2200);"
			 "INSERT INTO document_payments (document_id, seq, amount, paid) "
			 "VALUES (1, 1, 366, '2020-02-01');",
		     NULL, NULL, NULL);
	sqlite3_close(db);
	is_int(book_open(path, &b, err), 0, "a book of schema 8 opens: %s", err);
	if (b != NULL) {
		is_int(atoi(query(b, "PRAGMA user_version")), schema_step_count(), "and is migrated");
		is_int(record_load(b, &documents_kind, 1, &d, err), 0, "its document loads: %s", err);
		ok(d != NULL && d->rows[DOC_LINES].n == 2 &&
			   strcmp(record_get(d->rows[DOC_LINES].row[0], LINE_DESCRIPTION), "Prima") == 0 &&
			   d->rows[DOC_PAYMENTS].n == 1 &&
			   strcmp(record_get(d->rows[DOC_PAYMENTS].row[0], PAY_PAID), "2020-02-01") == 0,
		   "with its lines in their order and its payment, paid");
		is_str(query(b, "SELECT group_concat(id || ':' || seq, ' ') FROM (SELECT id, seq FROM "
				"document_lines ORDER BY id)"),
		       "1:1 2:2", "the lines have ids of their own, given in their order");
		record_free(d);
		book_close(b);
	}
	book_files_remove(tb.dir, "old.sqlite");
	free(path);
}

int
main(void)
{
	int64_t party;

	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	values();
	party = new_party();
	refusals(party);
	saved_and_moved(party);
	file_in_transaction();
	migrated();
	temp_book_close(&tb, book);
	return tap_done();
}
