/* A book opened the way a book shared with another account is (book.c's
 * book_open_as): read-only, every write path is refused with "this book is
 * shared with you read-only" and the file is not changed by a byte, even a
 * statement run straight on the connection; nothing is created in the
 * owner's name; a book that needs a migration is refused read-only; and
 * read-write, the history names the account that wrote. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book-fixtures.h"
#include "book/drafts.h"
#include "book/history.h"
#include "book/parties.h"
#include "book/record.h"
#include "tap.h"
#include "util/sha256.h"
#include "util/util.h"

#define READ_ONLY_MSG "this book is shared with you read-only"

static struct temp_book tb;

/* The SHA-256 of the whole file, as text. */
static char *
file_hash(const char *path)
{
	char *data = NULL, err[ERR_SIZE], hex[65] = "?";
	size_t n = 0;

	if (file_read_all(path, 64 * 1024 * 1024, &data, &n, err) == 0)
		sha256_hex(data, n, hex);
	free(data);
	return xstrdup(hex);
}

static int64_t
add_customer(struct book *b)
{
	struct record *r = record_new(&parties_kind);
	char err[ERR_SIZE];
	size_t bad;
	int64_t id;

	record_set(r, PARTY_ROLE, "C");
	record_set(r, PARTY_NAME, "Rossi Condiviso Srl");
	record_set(r, PARTY_PIVA, "01234567897");
	record_set(r, PARTY_CITY, "Bologna");
	if (record_save(b, r, &bad, err) != 0)
		ok(0, "the owner saves a customer: %s", err);
	id = r->id;
	record_free(r);
	return id;
}

static void
read_only(int64_t id)
{
	struct book *b;
	struct record *r = NULL;
	struct draft *d;
	char err[ERR_SIZE], *before, *after;
	size_t bad;
	int rc;

	before = file_hash(tb.path);
	err[0] = '\0';
	rc = book_open_as(tb.path, BOOK_OPEN_EXISTING | BOOK_OPEN_READ_ONLY, &b, err);
	is_int(rc, 0, "the owner's book opens read-only (%s)", err);
	if (rc < 0) {
		free(before);
		return;
	}
	ok(book_read_only(b), "and says it is read-only");
	rc = record_load(b, &parties_kind, id, &r, err);
	is_int(rc, 0, "a customer is read");
	is_str(rc == 0 ? record_get(r, PARTY_CITY) : "", "Bologna", "as the owner saved it");
	if (rc < 0) {
		book_close(b);
		free(before);
		return;
	}
	record_set(r, PARTY_CITY, "Milano");
	err[0] = '\0';
	is_int(record_save(b, r, &bad, err), REC_ERROR, "a save is refused");
	is_str(err, READ_ONLY_MSG, "with the book layer's message");
	record_set(r, PARTY_PIVA, "123");
	err[0] = '\0';
	is_int(record_save(b, r, &bad, err), REC_ERROR,
	       "a save with a bad value is refused the same way");
	is_str(err, READ_ONLY_MSG, "read-only first, before the value's check");
	err[0] = '\0';
	is_int(record_delete(b, r, err), REC_ERROR, "a delete is refused");
	is_str(err, READ_ONLY_MSG, "with the same message");
	r->id = 0;
	err[0] = '\0';
	is_int(record_save(b, r, &bad, err), REC_ERROR, "a new record is refused");
	is_str(err, READ_ONLY_MSG, "with the same message");
	err[0] = '\0';
	is_int(book_begin(b, err), -1, "no write transaction begins (every command's path)");
	is_str(err, READ_ONLY_MSG, "with the same message");
	ok(book_exec(b, "UPDATE parties SET city = 'Napoli'", err) < 0 &&
		   sqlite3_extended_errcode(book_db(b)) == SQLITE_READONLY,
	   "a statement run straight on the connection is refused by SQLite (%s)", err);
	d = draft_new("customers", "Customers - Edit", r);
	is_int(draft_write(b, d, err), 0, "a draft is not an error");
	is_str(book_query(b, "SELECT count(*) FROM drafts"), "0", "but none is kept");
	draft_free(d);
	record_free(r);
	book_close(b);
	after = file_hash(tb.path);
	is_str(after, before, "the book's file is unchanged, byte for byte");
	free(before);
	free(after);
}

static void
not_created(void)
{
	char *path = xasprintf("%s/nobody.sqlite", tb.dir), err[ERR_SIZE];
	struct book *b = NULL;
	struct stat st;

	ok(book_open_as(path, BOOK_OPEN_EXISTING | BOOK_OPEN_READ_ONLY, &b, err) < 0 &&
		   strstr(err, "there is no book") != NULL,
	   "a shared book that is not there is refused, read-only (%s)", err);
	ok(book_open_as(path, BOOK_OPEN_EXISTING, &b, err) < 0 &&
		   strstr(err, "there is no book") != NULL,
	   "and read-write (%s)", err);
	ok(stat(path, &st) < 0, "and nothing is created in the owner's name");
	free(path);
}

static void
old_schema(void)
{
	char *path = xasprintf("%s/old.sqlite", tb.dir), err[ERR_SIZE], *sql;
	struct book *b = NULL;
	sqlite3 *db;

	/* a book one step behind this scrivano */
	sqlite3_open(path, &db);
	sql = xasprintf("PRAGMA user_version = %d", book_schema_version() - 1);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	free(sql);
	ok(book_open_as(path, BOOK_OPEN_EXISTING | BOOK_OPEN_READ_ONLY, &b, err) < 0 &&
		   strstr(err, "when its owner next opens it") != NULL,
	   "a book that needs a migration is refused read-only (%s)", err);
	sqlite3_open(path, &db);
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	is_int(v, book_schema_version() - 1, "and is left as it was");
	book_files_remove(tb.dir, "old.sqlite");
	free(path);
	path = xasprintf("%s/old.sqlite-lock", tb.dir);
	unlink(path);
	free(path);
}

static void
read_write(int64_t id)
{
	struct book *b;
	struct record *r = NULL;
	char err[ERR_SIZE];
	size_t bad;
	int rc;

	history_set_account("studio");
	err[0] = '\0';
	rc = book_open_as(tb.path, BOOK_OPEN_EXISTING, &b, err);
	is_int(rc, 0, "the owner's book opens read-write for another account (%s)", err);
	if (rc < 0)
		return;
	ok(!book_read_only(b), "not read-only");
	if (record_load(b, &parties_kind, id, &r, err) == 0) {
		record_set(r, PARTY_CITY, "Milano");
		is_int(record_save(b, r, &bad, err), 0, "the other account's save goes through (%s)",
		       err);
		record_free(r);
	}
	is_str(book_query(b, "SELECT account || ' ' || op FROM history WHERE tbl = 'parties' "
			     "ORDER BY seq DESC LIMIT 1"),
	       "studio change", "the history names the account that changed it");
	book_close(b);
}

int
main(void)
{
	struct book *owner;
	char *lock;
	int64_t id;

	setlocale(LC_ALL, "C.UTF-8");
	history_set_account("anna");
	if ((owner = temp_book_open(&tb)) == NULL)
		return tap_done();
	id = add_customer(owner);
	book_close(owner);
	if (id == 0)
		return tap_done();
	read_only(id);
	not_created();
	old_schema();
	read_write(id);
	/* the files temp_book_close removes, and the lock file */
	lock = xasprintf("%s-lock", tb.path);
	unlink(lock);
	free(lock);
	book_files_remove(tb.dir, "book.sqlite");
	free(tb.path);
	rmdir(tb.dir);
	return tap_done();
}
