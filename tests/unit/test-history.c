/* The book's history (book/history.h): an insert, a change, a delete and a
 * child row each append an entry in the same transaction; the chain
 * verifies; a row changed with sqlite3 behind the program's back and an
 * entry tampered with are reported (clean before); a migrated book gets a
 * baseline and verifies clean. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-fixtures.h"
#include "book/history.h"
#include "book/parties.h"
#include "book/schema.h"

static struct book *book;

static struct record *
party(const char *name)
{
	struct record *r = record_new(&parties_kind);

	record_set(r, PARTY_NAME, name);
	record_set(r, PARTY_PIVA, "01234567897");
	return r;
}

static const struct history_change *
change_of(const struct history_entry *e, const char *field)
{
	for (size_t i = 0; i < e->nchange; i++)
		if (strcmp(e->change[i].field, field) == 0)
			return &e->change[i];
	return NULL;
}

static void
entries(void)
{
	struct record *r = party("Rossi Srl"), *c = record_new(&contacts_kind);
	struct history_entry *e = NULL;
	const struct history_change *ch;
	const char *report;
	char err[ERR_SIZE];
	size_t n = 0;

	history_set_account("anna");
	is_int(history_verify_text(book, &report), 0, "a new book verifies clean");
	record_set(c, CONTACT_NAME, "Anna");
	record_rows_insert(&r->rows[0], 0, c);
	is_int(record_save(book, r, NULL, err), 0, "a party with a contact saves");
	ok(history_of(book, &parties_kind, r->id, &e, &n, err) == 0, "its history reads");
	is_int((int)n, 2, "an entry for the party, one for its contact");
	if (n == 2) {
		is_str(e[0].op, "insert", "the party's is an insert");
		is_str(e[0].account, "anna", "by the session's account");
		ok(e[0].session[0] != '\0', "with its session");
		ok(strlen(e[0].time) == 24 && e[0].time[23] == 'Z', "and the time (%s)", e[0].time);
		ch = change_of(&e[0], "name");
		is_str(ch ? ch->after : "", "Rossi Srl", "it holds the name");
		is_str(ch && ch->label ? ch->label : "", "Name", "labelled as the field is");
		ok(change_of(&e[0], "version") == NULL, "but not the version");
		ok(e[1].child && strcmp(e[1].tbl, "party_contacts") == 0, "the contact's is a child row");
		is_str(e[1].child_label ? e[1].child_label : "", "contacts", "named as its grid");
	}
	history_entries_free(e, n);

	record_set(r, PARTY_CITY, "Milano");
	record_set(r->rows[0].row[0], CONTACT_PHONE, "051 1234");
	is_int(record_save(book, r, NULL, err), 0, "a change saves");
	history_of(book, &parties_kind, r->id, &e, &n, err);
	is_int((int)n, 4, "two more entries: the party's and the contact's");
	if (n == 4) {
		is_str(e[2].op, "change", "a change");
		is_int((int)e[2].nchange, 1, "of the one field that changed");
		ch = change_of(&e[2], "city");
		is_str(ch ? ch->before : "x", "", "from empty");
		is_str(ch ? ch->after : "", "Milano", "to Milano");
		ch = change_of(&e[3], "phone");
		ok(e[3].child && ch != NULL && strcmp(ch->after, "051 1234") == 0,
		   "the contact's phone, as a child row's change");
	}
	history_entries_free(e, n);

	is_int(record_save(book, r, NULL, err), 0, "a save changing nothing");
	history_of(book, &parties_kind, r->id, &e, &n, err);
	is_int((int)n, 4, "writes no entry");
	history_entries_free(e, n);

	is_int(record_delete(book, r, err), 0, "the party is deleted");
	history_of(book, &parties_kind, r->id, &e, &n, err);
	ok(n >= 5 && strcmp(e[n - 1].op, "delete") == 0, "a delete entry");
	ok(n >= 5 && change_of(&e[n - 1], "city") != NULL &&
	   strcmp(change_of(&e[n - 1], "city")->before, "Milano") == 0,
	   "keeping what the row held");
	history_entries_free(e, n);
	is_int(history_verify_text(book, &report), 0, "the book verifies clean");
	is_str(report, "", "and says nothing");
	is_str(book_query(book, "SELECT count(*) FROM history h JOIN history p ON p.seq = h.seq - 1 "
				"WHERE h.prev <> p.hash"),
	       "0", "each entry names the hash of the one before");

	/* a write of the program's own SQL, outside the record interface */
	book_exec(book, "UPDATE pn_accounts SET notes = 'by SQL' WHERE name = 'Cassa'", err);
	is_str(book_query(book, "SELECT after FROM history ORDER BY seq DESC LIMIT 1"),
	       "{\"notes\":\"by SQL\"}", "the program's own SQL is recorded too");
	record_free(r);
}

/* A second connection with no triggers: sqlite3 behind the program's back. */
static void
behind(const char *path, const char *sql)
{
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, NULL))
		ok(0, "sqlite3: %s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

static void
outside(const char *path)
{
	struct record *a = party("Alfa Spa"), *b = party("Beta Spa");
	char err[ERR_SIZE], *sql;
	const char *report;
	int64_t seq;

	record_save(book, a, NULL, err);
	record_save(book, b, NULL, err);
	is_int(history_verify_text(book, &report), 0, "before any change behind its back, clean");
	sql = xasprintf("UPDATE parties SET city = 'Roma' WHERE id = %" PRId64, b->id);
	behind(path, sql);
	free(sql);
	is_int(history_verify_text(book, &report), 1, "a row changed with sqlite3 is found");
	sql = xasprintf("parties %" PRId64 ": differs from its last history entry", b->id);
	ok(strstr(report, sql) != NULL, "verify names it: %s", report);
	free(sql);
	ok(strstr(report, "history entry") == NULL || strstr(report, "parties") == report,
	   "and not the chain");
	behind(path, "INSERT INTO parties (name, piva) VALUES ('Gamma', '01234567897')");
	history_verify_text(book, &report);
	ok(strstr(report, "not in the history") != NULL, "a row inserted behind its back is found");
	behind(path, "DELETE FROM parties WHERE name = 'Gamma'");
	sql = xasprintf("UPDATE parties SET city = '' WHERE id = %" PRId64, b->id);
	behind(path, sql);
	free(sql);
	is_int(history_verify_text(book, &report), 0, "put back as it was: clean again");

	seq = strtoll(book_query(book, "SELECT max(seq) - 1 FROM history"), NULL, 10);
	sql = xasprintf("UPDATE history SET account = 'mallory' WHERE seq = %" PRId64 ";"
			"UPDATE history SET account = 'mallory' WHERE seq = %" PRId64,
			seq, seq + 1);
	behind(path, sql);
	free(sql);
	is_int(history_verify_text(book, &report), 1, "entries tampered with are found");
	sql = xasprintf("history entry %" PRId64 ": its hash does not match", seq);
	ok(strncmp(report, sql, strlen(sql)) == 0, "the first broken one is named: %s", report);
	free(sql);
	record_free(a);
	record_free(b);
}

/* A book made before the history, with rows: the migration writes a
 * baseline for each, and the book verifies clean. */
static void
migrated(void)
{
	struct temp_book t;
	struct book *b;
	sqlite3 *db;
	const char *report;
	char err[ERR_SIZE], *path, sql[64];
	int before = 0;

	str_copy(t.dir, TEMP_DIR_TEMPLATE, sizeof t.dir);
	if (mkdtemp(t.dir) == NULL)
		return;
	path = xasprintf("%s/book.sqlite", t.dir);
	for (int s = 1; s <= schema_step_count() && before == 0; s++)
		if (strstr(schema_step(s), "CREATE TABLE history (") != NULL)
			before = s - 1;
	sqlite3_open(path, &db);
	for (int s = 1; s <= before; s++)
		sqlite3_exec(db, schema_step(s), NULL, NULL, NULL);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", before);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_exec(db, "INSERT INTO parties (name, piva, city) VALUES ('Vecchia Srl', "
			 "'01234567897', 'Bari')",
		     NULL, NULL, NULL);
	sqlite3_close(db);
	ok(book_open(path, &b, err) == 0, "a book from before the history migrates");
	if (b != NULL) {
		is_str(book_query(b, "SELECT op || ' ' || json_extract(after, '$.name') FROM history "
				     "WHERE tbl = 'parties'"),
		       "baseline Vecchia Srl", "its row gets a baseline entry");
		is_int(history_verify_text(b, &report), 0, "and it verifies clean");
		book_close(b);
	}
	book_files_remove(t.dir, "book.sqlite");
	rmdir(t.dir);
	free(path);
}

int
main(void)
{
	struct temp_book t;

	if ((book = temp_book_open(&t)) == NULL)
		return tap_done();
	entries();
	outside(t.path);
	migrated();
	temp_book_close(&t, book);
	return tap_done();
}
