/* A person's erasure (book/party-erase.h) and the history's redaction
 * (history_erase): a person a prima nota entry names keeps names and
 * codice fiscale, loses telephone, notes, contacts, a field of one's own
 * and unsaved drafts; every older value of the record and its contacts
 * leaves the history, old values too, while the chain verifies and a
 * change behind the program's back is still found; the History shows the
 * erasure; an article's usual supplier is kept with the article named; a
 * company and an unknown number change nothing; another session holding
 * the book open is said in the report; a book whose history predates the
 * erasure's schema step migrates with every entry, and verifies. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-fixtures.h"
#include "book/articles.h"
#include "book/drafts.h"
#include "book/history.h"
#include "book/parties.h"
#include "book/party-erase.h"
#include "book/primanota.h"
#include "book/schema.h"

static struct temp_book tb;
static struct book *book;

/* The report as one text, lines ending in '\n'; the lines freed. */
static char *
joined(char **lines, size_t n)
{
	struct buf b = { 0 };

	for (size_t i = 0; i < n; i++) {
		buf_printf(&b, "%s\n", lines[i]);
		printf("# | %s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	return b.data != NULL ? b.data : xstrdup("");
}

static struct record *
person(const char *last, const char *first, const char *cf)
{
	struct record *r = record_new(&parties_kind);

	record_set(r, PARTY_KIND, "P");
	record_set(r, PARTY_LAST_NAME, last);
	record_set(r, PARTY_FIRST_NAME, first);
	record_set(r, PARTY_CF, cf);
	return r;
}

static void
behind(const char *sql)
{
	sqlite3 *db;

	if (sqlite3_open(tb.path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, NULL))
		ok(0, "sqlite3: %s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

static const char *
count(const char *sql)
{
	return book_query(book, sql);
}

/* Whether the book's file or its WAL holds text anywhere in their bytes,
 * free pages and old frames included (the book still open). */
static int
file_holds(const char *text)
{
	int found = 0;

	for (int w = 0; w < 2 && !found; w++) {
		char *path = xasprintf("%s%s", tb.path, w ? "-wal" : "");
		FILE *f = fopen(path, "rb");
		char *data = NULL;
		size_t n = 0, cap = 0, got;

		free(path);
		if (f == NULL)
			continue;
		do {
			if (n + 65536 > cap)
				data = xrealloc(data, cap = n + 65536);
			n += got = fread(data + n, 1, cap - n, f);
		} while (got > 0);
		fclose(f);
		found = memmem(data, n, text, strlen(text)) != NULL;
		free(data);
	}
	return found;
}

static void
kept_person(void)
{
	struct record *p = person("Neri", "Carlo", "NRECRL70A01F205E"),
		      *c = record_new(&contacts_kind);
	struct pn_entry e = { 0 };
	struct history_entry *h = NULL;
	struct draft *d;
	const char *report;
	char err[ERR_SIZE], **lines, *text, *sql;
	size_t n = 0, nh = 0;
	int64_t bank;

	/* freed space keeps its bytes (Debian's SQLite zeroes it by default,
	 * others do not), and the WAL its old frames while the book is open:
	 * the erasure must rewrite both */
	book_exec(book, "PRAGMA secure_delete = OFF", err);
	record_set(p, PARTY_PHONE, "051 5550101");
	record_set(p, PARTY_NOTES, "Vedova, due figli");
	record_custom_set(p, "hobby", "scacchi al circolo");
	record_set(c, CONTACT_NAME, "Lucia Neri");
	record_set(c, CONTACT_PHONE, "333 5550102");
	record_rows_insert(&p->rows[0], 0, c);
	is_int(record_save_ex(book, p, NULL, err), 0, "a person with a contact and a field of one's own");
	record_set(p, PARTY_PHONE, "051 5550103");
	record_set(p, PARTY_CITY, "Ferrara");
	is_int(record_save(book, p, NULL, err), 0, "a new telephone (the old one in the history)");
	pn_account_find(book, "Banca", &bank, err);
	e.account_id = bank;
	e.date = "2026-03-02";
	e.description = "Incasso parcella";
	e.amount = 25000;
	e.party_id = p->id;
	is_int(pn_entry_add(book, &e, NULL, err), 0, "a prima nota entry names the person");
	d = draft_new("customers", "Customers", p);
	is_int(draft_write(book, d, err), 0, "a draft of the record, not saved");
	draft_free(d);
	is_int(history_verify_text(book, &report), 0, "the book verifies clean before");
	ok(file_holds("051 5550101") && file_holds("Vedova"), "the file's bytes hold the values");

	is_int(party_erase(book, p->id, &lines, &n, err), 0, "the person's data are erased");
	text = joined(lines, n);
	ok(strstr(text, "  Telephone: erased\n") && strstr(text, "  Notes: erased\n"),
	   "the report names telephone and notes");
	ok(strstr(text, "  hobby (a field of your own): erased\n") != NULL, "and the field of one's own");
	ok(strstr(text, "  1 row of contacts: deleted\n") != NULL, "and the contact");
	ok(strstr(text, "  1 draft of the record, not saved: discarded\n") != NULL, "and the draft");
	ok(strstr(text, "1 prima nota entry of 02/03/2026 to 02/03/2026: kept until 02/03/2036") !=
		   NULL,
	   "it keeps the names for the prima nota entry, ten years");
	ok(strstr(text, "City: erased") == NULL && strstr(text, "Codice fiscale: erased") == NULL,
	   "the address and codice fiscale are not erased");
	free(text);

	sql = xasprintf("SELECT name || '|' || cf || '|' || city || '|' || phone || '|' || notes "
			"FROM parties WHERE id = %" PRId64, p->id);
	is_str(count(sql), "Neri Carlo|NRECRL70A01F205E|Ferrara||", "the record as kept");
	free(sql);
	is_str(count("SELECT (SELECT count(*) FROM party_contacts) || (SELECT count(*) FROM "
		     "custom_values) || (SELECT count(*) FROM drafts)"),
	       "000", "no contact, field of one's own or draft is left");
	is_str(count("SELECT count(*) FROM history WHERE before || after || coalesce(state, '') "
		     "GLOB '*555010[123]*' OR before || after GLOB '*scacchi*' OR before || "
		     "after GLOB '*Lucia*' OR before || after GLOB '*Vedova*'"),
	       "0", "no history entry holds the values, old ones included");
	is_str(count("SELECT count(*) FROM history WHERE tbl = 'party_contacts' AND before || "
		     "after GLOB '*\"name\":\"[[]erased]\"*'"),
	       "2", "the contact's entries (its insert, its delete) are redacted");
	is_int(history_verify_text(book, &report), 0, "the history verifies after the erasure");
	if (report[0] != '\0')
		printf("# %s", report);
	ok(!file_holds("051 5550101") && !file_holds("051 5550103") && !file_holds("Vedova") &&
		   !file_holds("scacchi") && !file_holds("Lucia Neri") && !file_holds("333 5550102"),
	   "no byte of the file or its WAL holds them, the book still open");

	ok(history_of(book, &parties_kind, p->id, &h, &nh, err) == 0 && nh > 0 &&
		   strcmp(h[nh - 1].op, "erase") == 0,
	   "the record's history ends with the erasure");
	if (nh > 0) {
		int phone = 0;
		for (size_t i = 0; i < h[nh - 1].nchange; i++)
			phone |= strcmp(h[nh - 1].change[i].field, "phone") == 0 &&
				 strcmp(h[nh - 1].change[i].before, "(erased)") == 0;
		ok(phone, "which shows the telephone as (erased)");
		ok(strcmp(h[0].op, "insert") == 0 && h[0].nchange > 0 &&
			   strcmp(h[0].change[0].after, "(erased)") == 0,
		   "and the first entry's values as (erased)");
	}
	history_entries_free(h, nh);

	sql = xasprintf("UPDATE history SET after = replace(after, '[erased]', 'Lucia Neri') "
			"WHERE ptbl = 'parties' AND pid = '%" PRId64 "' AND op = 'insert'",
			p->id);
	behind(sql);
	free(sql);
	is_int(history_verify_text(book, &report), 1, "a redacted entry changed behind the program's back is found");
	ok(strstr(report, "its hash does not match its content") != NULL, "as a changed entry: %s",
	   report);
	sql = xasprintf("UPDATE history SET after = replace(after, 'Lucia Neri', '[erased]') "
			"WHERE ptbl = 'parties' AND pid = '%" PRId64 "' AND op = 'insert'",
			p->id);
	behind(sql);
	free(sql);
	is_int(history_verify_text(book, &report), 0, "put back: clean");
	record_free(p);
}

static void
supplier_and_refusals(void)
{
	struct record *p = person("Rosa", "Elena", "RSOLNE80A41F205P"), *a = record_new(&articles_kind);
	struct record *firm = record_new(&parties_kind);
	char err[ERR_SIZE], **lines, *text, id[32], *before;
	const char *report;
	size_t n;

	record_set(p, PARTY_ROLE, "S");
	record_set(p, PARTY_PHONE, "045 5550104");
	is_int(record_save(book, p, NULL, err), 0, "a person who supplies an article");
	snprintf(id, sizeof id, "%" PRId64, p->id);
	record_set(a, ARTICLE_CODE, "MIELE");
	record_set(a, ARTICLE_DESCRIPTION, "Miele di acacia");
	record_set(a, ARTICLE_VAT_RATE, "1000");
	record_set(a, ARTICLE_SUPPLIER, id);
	is_int(record_save(book, a, NULL, err), 0, "the article names her its usual supplier");
	is_int(party_erase(book, p->id, &lines, &n, err), 0, "her data are erased");
	text = joined(lines, n);
	ok(strstr(text, "  1 article names the person as its usual supplier") != NULL,
	   "the record is kept for the article, and the report says so");
	free(text);
	is_str(count("SELECT count(*) || phone FROM parties WHERE last_name = 'Rosa'"), "1",
	       "kept, without the telephone");

	record_set(firm, PARTY_NAME, "Blu Trasporti Srl");
	record_set(firm, PARTY_PIVA, "01234567897");
	record_set(firm, PARTY_PHONE, "02 5550105");
	record_save(book, firm, NULL, err);
	before = xstrdup(count("SELECT count(*) || '/' || max(seq) FROM history"));
	is_int(party_erase(book, firm->id, &lines, &n, err), REC_INVALID, "a company is refused");
	ok(strstr(err, "is a company: its data are not personal data") != NULL, "saying why: %s", err);
	is_int(party_erase(book, 9999, &lines, &n, err), REC_GONE, "an unknown number is refused");
	ok(strstr(err, "there is no customer or supplier number 9999") != NULL, "saying so: %s", err);
	is_str(count("SELECT count(*) || '/' || max(seq) FROM history"), before,
	       "neither wrote anything");
	is_str(count("SELECT phone FROM parties WHERE name = 'Blu Trasporti Srl'"), "02 5550105",
	       "the company's data are as they were");
	free(before);
	is_int(history_verify_text(book, &report), 0, "the book verifies");
	record_free(p);
	record_free(a);
	record_free(firm);
}

/* A reader in another session: the file cannot be emptied of the WAL. */
static void
session_open(void)
{
	struct record *p = person("Viola", "Marta", "VLIMRT85A41F205B");
	sqlite3 *other;
	sqlite3_stmt *st = NULL;
	char err[ERR_SIZE], **lines, *text;
	size_t n;

	record_set(p, PARTY_PHONE, "049 5550106");
	record_save(book, p, NULL, err);
	sqlite3_open(tb.path, &other);
	sqlite3_exec(other, "BEGIN", NULL, NULL, NULL);
	sqlite3_prepare_v2(other, "SELECT count(*) FROM parties", -1, &st, NULL);
	sqlite3_step(st);
	is_int(party_erase(book, p->id, &lines, &n, err), 0, "erased while another session reads");
	text = joined(lines, n);
	ok(strstr(text, "The file could not be rewritten now (another session has the book open)") !=
		   NULL,
	   "the report says the file could not be rewritten");
	free(text);
	sqlite3_finalize(st);
	sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(other);
	record_free(p);
}

/* A book whose history was written before the step that lets it hold an
 * erasure: the step rebuilds the table with every entry as it was, and
 * the chain verifies. */
static void
migrated(void)
{
	struct temp_book t;
	struct book *b;
	struct record *p = person("Grigi", "Anna", "GRGNNA80A41F205X");
	const char *report;
	char err[ERR_SIZE], *was, **lines;
	size_t n;
	int step = 0;

	if ((b = temp_book_open(&t)) == NULL)
		return;
	for (int s = 1; s <= schema_step_count(); s++)
		if (strstr(schema_step(s), "'baseline','erase'") != NULL)
			step = s;
	ok(step > 0, "the step of the erasure's op is found (%d)", step);
	record_set(p, PARTY_PHONE, "011 5550107");
	is_int(record_save(b, p, NULL, err), 0, "a person saved, with its history");
	was = xstrdup(book_query(b, "SELECT group_concat(seq || op || hash) FROM history"));
	book_close(b);
	{
		/* the table as the step before left it: the old CHECK */
		sqlite3 *db;
		char *q = xasprintf("CREATE TABLE h AS SELECT * FROM history; DROP TABLE history; "
				    "CREATE TABLE history (seq INTEGER PRIMARY KEY, time TEXT NOT "
				    "NULL, account TEXT NOT NULL, session TEXT NOT NULL, kind TEXT "
				    "NOT NULL, tbl TEXT NOT NULL, rid TEXT NOT NULL, ptbl TEXT, pid "
				    "TEXT, op TEXT NOT NULL CHECK (op IN ('insert','change','delete',"
				    "'baseline')), before TEXT NOT NULL, after TEXT NOT NULL, state "
				    "TEXT, prev TEXT NOT NULL, hash TEXT NOT NULL); INSERT INTO history "
				    "SELECT * FROM h; DROP TABLE h; CREATE INDEX history_by_row ON "
				    "history (tbl, rid, seq); CREATE INDEX history_by_parent ON "
				    "history (ptbl, pid, seq) WHERE ptbl IS NOT NULL");
		/* the history's table put back as it was before the step, which
		 * then runs on it as a migration runs it (the steps after it,
		 * already done, cannot run twice) */
		ok(sqlite3_open(t.path, &db) == SQLITE_OK &&
			   sqlite3_exec(db, q, NULL, NULL, NULL) == SQLITE_OK &&
			   sqlite3_exec(db, schema_step(step), NULL, NULL, NULL) == SQLITE_OK,
		   "the book put back before the step, and the step run");
		sqlite3_close(db);
		free(q);
	}
	if (book_open(t.path, &b, err) < 0) {
		ok(0, "it opens after the step: %s", err);
		free(was);
		record_free(p);
		return;
	}
	is_str(book_query(b, "SELECT group_concat(seq || op || hash) FROM history"), was,
	       "the migration keeps every entry as it was");
	is_int(history_verify_text(b, &report), 0, "and the chain verifies");
	is_int(party_erase(b, p->id, &lines, &n, err), 0, "an erasure is recorded after it");
	free(joined(lines, n));
	is_int(history_verify_text(b, &report), 0, "and verifies");
	free(was);
	record_free(p);
	temp_book_close(&t, b);
}

int
main(void)
{
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	history_set_account("anna");
	kept_person();
	supplier_and_refusals();
	session_open();
	temp_book_close(&tb, book);
	migrated();
	return tap_done();
}
