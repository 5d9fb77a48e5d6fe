/* The SQL pieces the record storage shares between a kind's own table
 * (record-table.c) and its child rows (record-rows.c): statements prepared
 * and stepped with the book's message, the column lists and parameters
 * built from a kind's constant field names, values bound and read back. */
#include "config.h"

#include <sqlite3.h>

#include "book/record-store.h"
#include "util/i18n.h"
#include "util/util.h"

int
record_db_error(struct book *b, char *err)
{
	err_set(err, _("book %s: %s"), book_path(b), sqlite3_errmsg(book_db(b)));
	return REC_ERROR;
}

int
record_prepare(struct book *b, struct buf *sql, sqlite3_stmt **st, char *err)
{
	int rc = sqlite3_prepare_v2(book_db(b), sql->data, -1, st, NULL);

	buf_free(sql);
	return rc == SQLITE_OK ? 0 : record_db_error(b, err);
}

int
record_step_done(struct book *b, sqlite3_stmt *st, char *err)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

void
record_sql_select(struct buf *sql, const struct record_kind *k)
{
	for (size_t i = 0; i < k->nfields; i++)
		if (k->fields[i].sql != NULL)
			buf_printf(sql, ", (%s)", k->fields[i].sql);
		else
			buf_printf(sql, ", %s", k->fields[i].name);
}

void
record_sql_insert(struct buf *sql, const struct record_kind *k, const char *names,
		  const char *values, int first)
{
	int n = first;

	buf_printf(sql, "INSERT INTO %s (%s", k->table, names);
	for (size_t i = 0; i < k->nfields; i++)
		if (k->fields[i].sql == NULL)
			buf_printf(sql, ", %s", k->fields[i].name);
	buf_printf(sql, ") VALUES (%s", values);
	for (size_t i = 0; i < k->nfields; i++)
		if (k->fields[i].sql == NULL)
			buf_printf(sql, ", ?%d", n++);
	buf_adds(sql, ")");
}

int
record_sql_assign(struct buf *sql, const struct record_kind *k, int first)
{
	int n = first;

	for (size_t i = 0; i < k->nfields; i++)
		if (k->fields[i].sql == NULL)
			buf_printf(sql, ", %s = ?%d", k->fields[i].name, n++);
	return n;
}

void
record_bind_value(sqlite3_stmt *st, int i, const struct record_field *f, const char *value)
{
	if ((f->flags & RECF_NULL) && value[0] == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, value, -1, SQLITE_TRANSIENT);
}

int
record_bind_values(sqlite3_stmt *st, const struct record *r, int first)
{
	int n = first;

	for (size_t i = 0; i < r->kind->nfields; i++)
		if (r->kind->fields[i].sql == NULL)
			record_bind_value(st, n++, &r->kind->fields[i], r->values[i]);
	return n;
}

void
record_read_values(sqlite3_stmt *st, int first, struct record *r)
{
	for (size_t i = 0; i < r->kind->nfields; i++) {
		const unsigned char *v = sqlite3_column_text(st, first + (int)i);
		record_set(r, i, v ? (const char *)v : "");
	}
}
