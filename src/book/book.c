/* Opening a book: SQLite in WAL mode with foreign keys, migrated on open. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book/book.h"
#include "book/history.h"
#include "book/items.h"
#include "book/schema.h"
#include "util/i18n.h"
#include "util/util.h"

struct book {
	sqlite3 *db;
	char *path;
	int depth;       /* book_begin calls not yet committed or rolled back */
	int commit_gone; /* the last book_commit, inside another, failed and rolled back */
	int lock_fd;     /* the session lock, held shared while open */
	int read_only;   /* opened SQLITE_OPEN_READONLY (book_open_as) */
};

int
book_schema_version(void)
{
	return schema_step_count();
}

sqlite3 *
book_db(struct book *b)
{
	return b->db;
}

const char *
book_path(const struct book *b)
{
	return b->path;
}

int
book_read_only(const struct book *b)
{
	return b->read_only;
}

int
book_writable(const struct book *b, char *err)
{
	if (b->read_only)
		return err_set(err, "%s", _("this book is shared with you read-only"));
	return 0;
}

int
book_exec(struct book *b, const char *sql, char *err)
{
	char *msg = NULL;

	if (sqlite3_exec(b->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, _("book %s: %s"), b->path, msg ? msg : sqlite3_errmsg(b->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* The outermost begin is BEGIN IMMEDIATE; one inside it is a SAVEPOINT, so
 * that a caller may hold one transaction around functions that hold their
 * own (the bank import around record_save): an inner rollback undoes its
 * own part only, and nothing is written until the outermost commit. */
int
book_begin(struct book *b, char *err)
{
	char sql[48];

	/* every write is a transaction begun here: on a read-only book none
	 * starts (SQLite would refuse its first write anyway) */
	if (book_writable(b, err) < 0)
		return -1;
	b->commit_gone = 0;
	if (b->depth > 0 && sqlite3_get_autocommit(b->db))
		b->depth = 0; /* SQLite rolled the transaction back by itself (an I/O error) */
	if (b->depth == 0)
		snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
	else
		snprintf(sql, sizeof sql, "SAVEPOINT book_%d", b->depth);
	if (book_exec(b, sql, err) < 0)
		return -1;
	b->depth++;
	return 0;
}

int
book_commit(struct book *b, char *err)
{
	char sql[48];

	if (b->depth <= 1)
		snprintf(sql, sizeof sql, "COMMIT");
	else
		snprintf(sql, sizeof sql, "RELEASE book_%d", b->depth - 1);
	if (book_exec(b, sql, err) < 0) {
		int inner = b->depth > 1;

		book_rollback(b);
		/* an outer one leaves no transaction, where a second rollback
		 * does nothing anyway; an inner one must not undo its parent */
		b->commit_gone = inner;
		return -1;
	}
	if (b->depth > 0)
		b->depth--;
	b->commit_gone = 0;
	return 0;
}

void
book_rollback(struct book *b)
{
	char sql[80];

	/* the callers' usual "commit failed, roll back": done already */
	if (b->commit_gone) {
		b->commit_gone = 0;
		return;
	}
	if (b->depth > 1 && !sqlite3_get_autocommit(b->db)) {
		b->depth--;
		snprintf(sql, sizeof sql, "ROLLBACK TO book_%d; RELEASE book_%d", b->depth,
			 b->depth);
		sqlite3_exec(b->db, sql, NULL, NULL, NULL);
		return;
	}
	b->depth = 0;
	if (!sqlite3_get_autocommit(b->db))
		sqlite3_exec(b->db, "ROLLBACK", NULL, NULL, NULL);
}

int
book_read_begin(struct book *b, char *err)
{
	/* the first read fixes the snapshot (WAL): a count of the schema's rows */
	if (b->depth > 0)
		return err_set(err, _("book %s: a read inside a transaction"), b->path);
	if (book_exec(b, "BEGIN DEFERRED; SELECT count(*) FROM sqlite_master", err) < 0) {
		book_rollback(b);
		return -1;
	}
	b->depth = 1;
	return 0;
}

void
book_read_end(struct book *b)
{
	b->depth = 0;
	if (!sqlite3_get_autocommit(b->db))
		sqlite3_exec(b->db, "ROLLBACK", NULL, NULL, NULL);
}

static int
user_version(struct book *b, int *out, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(b->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return err_set(err, _("book %s: %s"), b->path, sqlite3_errmsg(b->db));
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return err_set(err, _("book %s: %s"), b->path, sqlite3_errmsg(b->db));
	return 0;
}

/* After the steps ran with the foreign keys off: no row names a row that
 * is not there. 0, or -1 with the first table at fault. */
static int
foreign_keys_hold(struct book *b, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(b->db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return err_set(err, _("cannot migrate book %s: %s"), b->path,
			       sqlite3_errmsg(b->db));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		err_set(err, _("cannot migrate book %s: a row of table %s names a row of %s "
			       "that is not there"),
			b->path, (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 2));
	else if (rc != SQLITE_DONE)
		err_set(err, _("cannot migrate book %s: %s"), b->path, sqlite3_errmsg(b->db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs every step past the book's version in one transaction, so a book is
 * never left half-migrated. The foreign keys are off meanwhile (SQLite
 * cannot turn them off inside a transaction, and a step that rebuilds a
 * table must not cascade its DROP into the rows that name it); they are
 * checked before the commit. */
static int
migrate(struct book *b, char *err)
{
	int have, want = schema_step_count();
	char sql[64];

	if (user_version(b, &have, err) < 0)
		return -1;
	if (have > want)
		return err_set(err, _("book %s has schema version %d; this scrivano knows up to %d: "
				      "use a newer scrivano"), b->path, have, want);
	if (have == want)
		return 0;
	if (b->read_only)
		return err_set(err, _("book %s has schema version %d, older than this scrivano's "
				      "%d, and is shared with you read-only: it is brought up to "
				      "date when its owner next opens it"), b->path, have, want);
	if (book_begin(b, err) < 0)
		return -1;
	if (user_version(b, &have, err) < 0)
		goto fail;
	for (int n = have + 1; n <= want; n++)
		if (book_exec(b, schema_step(n), err) < 0)
			goto fail;
	if (foreign_keys_hold(b, err) < 0 || history_rebase(b, err) < 0)
		goto fail;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", want);
	if (book_exec(b, sql, err) < 0)
		goto fail;
	return book_commit(b, err);
fail:
	book_rollback(b);
	return -1;
}

int
book_open_as(const char *path, unsigned flags, struct book **out, char *err)
{
	struct book *b = xcalloc(1, sizeof *b);
	int oflags = SQLITE_OPEN_NOFOLLOW, busy;
	struct stat st;

	b->path = xstrdup(path);
	b->read_only = (flags & BOOK_OPEN_READ_ONLY) != 0;
	oflags |= b->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (!(flags & BOOK_OPEN_EXISTING))
		oflags |= SQLITE_OPEN_CREATE;
	else if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
		err_set(err, _("there is no book %s"), path);
		book_close(b);
		return -1;
	}
	if ((b->lock_fd = book_lock(path, 0, &busy, err)) < 0) {
		book_close(b);
		return -1;
	}
	if (sqlite3_open_v2(path, &b->db, oflags, NULL) != SQLITE_OK) {
		err_set(err, _("cannot open book %s: %s"), path,
			b->db ? sqlite3_errmsg(b->db) : "out of memory");
		book_close(b);
		return -1;
	}
	sqlite3_extended_result_codes(b->db, 1);
	sqlite3_busy_timeout(b->db, 5000);
	/* Read-only, the journal mode is the book's own (WAL: it sets it at
	 * its first opening); SQLite makes the -shm it needs, as the service
	 * user owns the folder. */
	if ((!b->read_only && book_exec(b, "PRAGMA journal_mode = WAL", err) < 0) ||
	    book_exec(b, "PRAGMA synchronous = FULL", err) < 0 ||
	    history_functions(b, err) < 0 || items_functions(b, err) < 0 || migrate(b, err) < 0 ||
	    history_attach(b, err) < 0 || book_exec(b, "PRAGMA foreign_keys = ON", err) < 0) {
		book_close(b);
		return -1;
	}
	*out = b;
	return 0;
}

int
book_open(const char *path, struct book **out, char *err)
{
	return book_open_as(path, 0, out, err);
}

int
book_finish(struct book *b, int rc, char *err)
{
	if (rc == 0 && book_commit(b, err) < 0)
		rc = -1;
	if (rc < 0)
		book_rollback(b);
	return rc;
}

void
book_close(struct book *b)
{
	if (b == NULL)
		return;
	if (b->db != NULL)
		history_detach(b);
	sqlite3_close_v2(b->db);
	if (b->lock_fd >= 0)
		close(b->lock_fd);
	free(b->path);
	free(b);
}

static int
make_private_dir(const char *path, char *err)
{
	if (mkdir(path, 0700) < 0 && errno != EEXIST)
		return err_set(err, "%s: %s", path, strerror(errno));
	return 0;
}

char *
book_folder(const char *book, const char *top_name, char *err)
{
	const char *slash = strrchr(book, '/'), *base = slash != NULL ? slash + 1 : book;
	char *dir = path_folder(book);
	char *real = realpath(dir, NULL), *stem = xstrdup(base), *top = NULL, *out = NULL;
	size_t len = strlen(stem);

	if (len > 7 && strcmp(stem + len - 7, ".sqlite") == 0)
		stem[len - 7] = '\0';
	file_safe(stem);
	if (real == NULL)
		err_set(err, "%s: %s", dir, strerror(errno));
	else {
		top = xasprintf("%s/%s", strcmp(real, "/") == 0 ? "" : real, top_name);
		out = xasprintf("%s/%s", top, stem);
		if (make_private_dir(top, err) < 0 || make_private_dir(out, err) < 0) {
			free(out);
			out = NULL;
		}
	}
	free(top);
	free(stem);
	free(real);
	free(dir);
	return out;
}

int
book_folder_holds(struct book *b, const char *top, const char *path, char *err)
{
	const char *slash = strrchr(path, '/');
	char *dir = book_folder(book_path(b), top, err);
	int rc = 0;

	if (dir == NULL)
		return -1;
	if (slash == NULL || (size_t)(slash - path) != strlen(dir) ||
	    strncmp(path, dir, strlen(dir)) != 0 || slash[1] == '\0' || slash[1] == '.') {
		err_set(err, _("%s: a file of %s only (nothing was written)"), path, dir);
		rc = 1;
	}
	free(dir);
	return rc;
}
