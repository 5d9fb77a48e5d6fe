/* The book's tables read out whole for its export (book-dump.h): found in
 * the schema as it is, so a table a later step adds is exported without
 * anyone listing it here. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book/book-dump.h"
#include "book/history-impl.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/util.h"

/* Not the user's entries: the drafts of forms not saved (each session's
 * own), the prima nota's running totals (kept by triggers from the
 * entries), and SQLite's own tables (sqlite_*). */
static const char *const internal[] = { "drafts", "draft_items", "pn_days" };

/* Never read out (pec.c keeps it only for the mail to log in with). */
static const struct {
	const char *table, *column;
} secrets[] = {
	{ "pec_settings", "password" },
};

/* The history's table and the columns that hold a row's fields as JSON
 * (history.h): a secret there is given as DUMP_SECRET_MARK. */
#define HISTORY_TABLE "history"
#define HISTORY_TABLE_COLUMN "tbl"
static const char *const history_json[] = { "before", "after" };

const char *
book_dump_table_of(const struct record_kind *k)
{
	return history_table_of(k);
}

static int
is_internal(const char *name)
{
	if (strncmp(name, "sqlite_", 7) == 0)
		return 1;
	for (size_t i = 0; i < ARRAY_LEN(internal); i++)
		if (strcmp(name, internal[i]) == 0)
			return 1;
	return 0;
}

static int
is_secret(const char *table, const char *column)
{
	for (size_t i = 0; i < ARRAY_LEN(secrets); i++)
		if (strcmp(secrets[i].table, table) == 0 && strcmp(secrets[i].column, column) == 0)
			return 1;
	return 0;
}

/* An SQL identifier, quoted, onto q. */
static void
quoted(struct buf *q, const char *name)
{
	buf_adds(q, "\"");
	for (const char *p = name; *p != '\0'; p++) {
		if (*p == '"')
			buf_add(q, p, 1); /* doubled */
		buf_add(q, p, 1);
	}
	buf_adds(q, "\"");
}

/* Whether table name has a rowid (a WITHOUT ROWID table refuses one). */
static int
has_rowid(struct book *b, const char *name)
{
	struct buf q = { 0 };
	sqlite3_stmt *st = NULL;
	int ok;

	buf_adds(&q, "SELECT rowid FROM ");
	quoted(&q, name);
	ok = sqlite3_prepare_v2(book_db(b), q.data, -1, &st, NULL) == SQLITE_OK;
	sqlite3_finalize(st);
	buf_free(&q);
	return ok;
}

/* t's columns, in the table's order. */
static int
columns(struct book *b, struct dump_table *t, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b), "SELECT name, type FROM pragma_table_info(?1) ORDER BY cid",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dump_column *c;
		const char *type = (const char *)sqlite3_column_text(st, 1);

		t->cols = xreallocarray(t->cols, t->ncols + 1, sizeof *t->cols);
		c = &t->cols[t->ncols++];
		c->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		c->blob = type != NULL && strcasecmp(type, "BLOB") == 0;
		c->secret = is_secret(t->name, c->name);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
book_dump_tables(struct book *b, struct dump_table **out, size_t *n, char *err)
{
	sqlite3_stmt *st;
	struct dump_table *v = NULL;
	size_t got = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		if (is_internal(name))
			continue;
		v = xreallocarray(v, got + 1, sizeof *v);
		v[got] = (struct dump_table){ xstrdup(name), NULL, 0, has_rowid(b, name) };
		if (columns(b, &v[got++], err) < 0) {
			rc = SQLITE_ABORT;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		if (rc != SQLITE_ABORT)
			record_db_error(b, err);
		book_dump_tables_free(v, got);
		return -1;
	}
	*out = v;
	*n = got;
	return 0;
}

void
book_dump_tables_free(struct dump_table *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t c = 0; c < t[i].ncols; c++)
			free(t[i].cols[c].name);
		free(t[i].cols);
		free(t[i].name);
	}
	free(t);
}

/* The history's JSON column col with each secret of its rows as the mark. */
static void
history_value(struct buf *q, const char *col)
{
	size_t open = 0;

	for (size_t i = 0; i < ARRAY_LEN(secrets); i++) {
		/* a secret changed to or from empty says no more than that */
		buf_printf(q, "CASE WHEN %s = '%s' AND coalesce(json_extract(", HISTORY_TABLE_COLUMN,
			   secrets[i].table);
		quoted(q, col);
		buf_printf(q, ", '$.%s'), '') <> '' THEN json_set(", secrets[i].column);
		quoted(q, col);
		buf_printf(q, ", '$.%s', '%s') ELSE ", secrets[i].column, DUMP_SECRET_MARK);
		open++;
	}
	quoted(q, col);
	while (open-- > 0)
		buf_adds(q, " END");
}

/* The SELECT of t's rows: rowid first (or 0), then each column: a blob's
 * length, a secret empty, the history's JSON with secrets marked. */
static char *
select_rows(struct book *b, const struct dump_table *t, char *err)
{
	struct buf q = { 0 };
	int history = strcmp(t->name, HISTORY_TABLE) == 0;
	sqlite3_stmt *st = NULL;
	int first = 1;

	buf_adds(&q, t->rowid ? "SELECT rowid" : "SELECT 0");
	for (size_t c = 0; c < t->ncols; c++) {
		const struct dump_column *col = &t->cols[c];
		int json = 0;

		for (size_t j = 0; history && j < ARRAY_LEN(history_json); j++)
			json |= strcmp(col->name, history_json[j]) == 0;
		buf_adds(&q, ", ");
		if (col->secret)
			buf_adds(&q, "''");
		else if (json)
			history_value(&q, col->name);
		else if (col->blob) {
			buf_adds(&q, "length(");
			quoted(&q, col->name);
			buf_adds(&q, ")");
		} else
			quoted(&q, col->name);
	}
	buf_adds(&q, " FROM ");
	quoted(&q, t->name);
	if (t->rowid)
		buf_adds(&q, " ORDER BY rowid");
	else {
		/* a table without rowid has a primary key: its order */
		if (sqlite3_prepare_v2(book_db(b),
				       "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk",
				       -1, &st, NULL) != SQLITE_OK) {
			record_db_error(b, err);
			buf_free(&q);
			return NULL;
		}
		sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			buf_adds(&q, first ? " ORDER BY " : ", ");
			quoted(&q, (const char *)sqlite3_column_text(st, 0));
			first = 0;
		}
		sqlite3_finalize(st);
	}
	return q.data;
}

int
book_dump_rows(struct book *b, const struct dump_table *t,
	       int (*row)(void *arg, const struct dump_row *r, char *err), void *arg, char *err)
{
	char *sql = select_rows(b, t, err);
	const char **text = xcalloc(t->ncols ? t->ncols : 1, sizeof *text);
	sqlite3_stmt *st = NULL;
	int rc = SQLITE_DONE, stopped = 0;

	if (sql == NULL || sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL) != SQLITE_OK)
		rc = sql == NULL ? SQLITE_ABORT : SQLITE_ERROR;
	while (rc == SQLITE_DONE && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dump_row r = { sqlite3_column_int64(st, 0), text };

		for (size_t c = 0; c < t->ncols; c++)
			text[c] = (const char *)sqlite3_column_text(st, (int)c + 1);
		if (row(arg, &r, err) < 0) {
			stopped = 1;
			break;
		}
		rc = SQLITE_DONE;
	}
	if (!stopped && rc != SQLITE_DONE && rc != SQLITE_ABORT)
		record_db_error(b, err);
	sqlite3_finalize(st);
	free(text);
	free(sql);
	return stopped || rc != SQLITE_DONE ? -1 : 0;
}

int
book_dump_blob(struct book *b, const struct dump_table *t, size_t col, int64_t rowid,
	       void **data, size_t *len, char *err)
{
	struct buf q = { 0 };
	sqlite3_stmt *st;
	int rc;

	*data = NULL;
	*len = 0;
	if (col >= t->ncols || !t->rowid)
		return err_set(err, _("%s: no such column of files"), t->name);
	buf_adds(&q, "SELECT ");
	quoted(&q, t->cols[col].name);
	buf_adds(&q, " FROM ");
	quoted(&q, t->name);
	buf_adds(&q, " WHERE rowid = ?1");
	rc = sqlite3_prepare_v2(book_db(b), q.data, -1, &st, NULL);
	buf_free(&q);
	if (rc != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, rowid);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		const void *p = sqlite3_column_blob(st, 0);

		*len = (size_t)sqlite3_column_bytes(st, 0);
		*data = xmalloc(*len ? *len : 1);
		if (*len > 0)
			memcpy(*data, p, *len);
	}
	if (rc == SQLITE_DONE)
		err_set(err, _("%s: no row %lld"), t->name, (long long)rowid);
	else if (rc != SQLITE_ROW)
		record_db_error(b, err);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}
