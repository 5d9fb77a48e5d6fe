/* The purchases register's protocol numbers and the registers as the book
 * reads them (src/book/vat-protocol.c, vat-registers.c): a book made
 * before the registers, its registered purchases numbered by the migration
 * in date order, per year; then each purchase registered takes the next
 * number of its year, a draft none until it is registered; the register
 * read by protocol, the sales by number, drafts in neither. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "book/history.h"
#include "book/schema.h"
#include "book/vat-book.h"
#include "doc-fixtures.h"

static struct temp_book tb;

/* The protocols, "id:year/number" by id. */
static const char *
protocols(struct book *b)
{
	return book_query(b, "SELECT group_concat(x, ' ') FROM (SELECT document_id || ':' || year "
			     "|| '/' || number AS x FROM vat_protocols ORDER BY document_id)");
}

/* The step that made the registers, found by what it makes: the steps may
 * be renumbered when branches are merged. */
static int
registers_step(void)
{
	for (int i = 1; i <= schema_step_count(); i++)
		if (strstr(schema_step(i), "CREATE TABLE vat_protocols") != NULL)
			return i;
	return 0;
}

static struct book *
old_book(const char *path)
{
	int step = registers_step();
	char err[ERR_SIZE] = "", *v;
	struct book *b = NULL;
	sqlite3 *db;

	ok(step > 0, "the registers' step is there");
	if (step == 0 || sqlite3_open(path, &db) != SQLITE_OK)
		return NULL;
	for (int i = 1; i < step; i++)
		sqlite3_exec(db, schema_step(i), NULL, NULL, NULL);
	v = xasprintf("PRAGMA user_version = %d;", step - 1);
	sqlite3_exec(db, v, NULL, NULL, NULL);
	free(v);
	/* 1 March, 10 January, 20 December 2025, a draft, a self-invoice of
	 * 15 February, a sale */
	sqlite3_exec(db,
		     "INSERT INTO parties (id, role, name, piva) VALUES (1, 'S', 'Alfa', "
		     "'02468135799'), (2, 'C', 'Rossi', '12345678903');"
		     "INSERT INTO documents (id, direction, kind, state, party_id, type, number, "
		     "date) VALUES (1, 'P', 'FA', 'I', 1, 'TD01', 'A1', '2026-03-01'),"
		     "(2, 'P', 'FA', 'I', 1, 'TD01', 'A2', '2026-01-10'),"
		     "(3, 'P', 'FA', 'I', 1, 'TD01', 'A3', '2025-12-20'),"
		     "(4, 'P', 'FA', 'D', 1, 'TD01', 'A4', '2026-02-01'),"
		     "(5, 'S', 'AUT', 'I', 1, 'TD16', '1/2026', '2026-02-15'),"
		     "(6, 'S', 'FAT', 'I', 2, 'TD01', '1/2026', '2026-01-20');",
		     NULL, NULL, NULL);
	sqlite3_close(db);
	ok(book_open(path, &b, err) == 0, "the old book opens and is migrated: %s", err);
	return b;
}

static void
test_migration_and_after(void)
{
	char *path = xasprintf("%s/old.sqlite", tb.dir), err[ERR_SIZE] = "";
	struct vat_doc *docs = NULL;
	struct record *d = NULL;
	struct book *b = old_book(path);
	size_t n = 0;
	int64_t id;

	if (b == NULL) {
		free(path);
		return;
	}
	is_str(protocols(b), "1:2026/3 2:2026/1 3:2025/1 5:2026/2",
	       "the registered purchases and the self-invoice numbered by date, per year; the "
	       "draft and the sale not");
	is_str(book_query(b, "SELECT vat_periodicity FROM company"), "M",
	       "the company settles monthly until it says otherwise");

	/* registered now, dated before the others: the next number all the same */
	d = fx_purchase(1, "A5", "2026-01-05");
	id = fx_save(b, d);
	record_free(d);
	is_str(fx_query_id(b, "SELECT year || '/' || number FROM vat_protocols WHERE document_id = "
			      "%lld",
			   id),
	       "2026/4", "a purchase registered takes the next number of its year");
	/* the draft, registered */
	ok(record_load(b, &documents_kind, 4, &d, err) == 0, "the draft loads: %s", err);
	record_set(d, DOC_STATE, DOC_STATE_ISSUED);
	ok(record_save_ex(b, d, NULL, err) == 0, "and is registered: %s", err);
	record_free(d);
	is_str(fx_query_id(b, "SELECT year || '/' || number FROM vat_protocols WHERE document_id = "
			      "%lld",
			   4),
	       "2026/5", "when it is registered");
	d = fx_purchase(1, "A6", "2025-12-30");
	id = fx_save(b, d);
	record_free(d);
	is_str(fx_query_id(b, "SELECT year || '/' || number FROM vat_protocols WHERE document_id = "
			      "%lld",
			   id),
	       "2025/2", "one of 2025 goes on 2025's numbers");
	d = fx_purchase(1, "A7", "2026-04-01");
	record_set(d, DOC_STATE, DOC_STATE_DRAFT);
	id = fx_save(b, d);
	record_free(d);
	is_str(fx_query_id(b, "SELECT count(*) FROM vat_protocols WHERE document_id = %lld", id),
	       "0", "a draft has none");
	/* saved again (its state moving on): the number stays */
	ok(record_load(b, &documents_kind, 1, &d, err) == 0, "a registered one loads");
	record_set(d, DOC_STATE, DOC_STATE_PAID);
	ok(record_save_ex(b, d, NULL, err) == 0, "and is paid: %s", err);
	record_free(d);
	is_str(fx_query_id(b, "SELECT year || '/' || number FROM vat_protocols WHERE document_id = "
			      "%lld",
			   1),
	       "2026/3", "its number stays");
	ok(book_query(b, "SELECT count(*) FROM (SELECT year, group_concat(number) g, count(*) c, "
			 "max(number) m FROM vat_protocols GROUP BY year) WHERE c <> m")[0] == '0',
	   "no gaps in any year");

	/* the purchases register of Q1 2026, by protocol */
	ok(vat_register_read(b, VAT_PURCHASES, "2026-01-01", "2026-03-31", &docs, &n, err) == 0,
	   "the purchases register reads: %s", err);
	{
		char got[128] = "";

		for (size_t i = 0; i < n; i++)
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%lld:%s", i ? " " : "",
				 (long long)docs[i].protocol, docs[i].number);
		is_str(got, "1:A2 2:1/2026 3:A1 4:A5 5:A4", "by protocol");
	}
	vat_docs_free(docs, n);
	ok(vat_register_read(b, VAT_SALES, "2026-01-01", "2026-03-31", &docs, &n, err) == 0 &&
		   n == 2 && strcmp(docs[0].kind, "FAT") == 0 && strcmp(docs[1].kind, "AUT") == 0,
	   "the sales register: the invoice, then the self-invoice");
	vat_docs_free(docs, n);
	{
		FILE *null = fopen("/dev/null", "w");

		ok(null != NULL && history_verify(b, null, err) == 0,
		   "the history verifies after the migration and the saves %s", err);
		if (null != NULL)
			fclose(null);
	}
	book_close(b);
	book_files_remove(tb.dir, "old.sqlite");
	free(path);
}

int
main(void)
{
	struct book *b;

	setlocale(LC_ALL, "C.UTF-8");
	/* a folder of its own (with a new book, unused), for the old book */
	if ((b = temp_book_open(&tb)) == NULL)
		return tap_done();
	test_migration_and_after();
	temp_book_close(&tb, b);
	return tap_done();
}
