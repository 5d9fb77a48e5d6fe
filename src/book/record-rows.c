/* The parts of a record kept outside its own row: child rows (a table per
 * child, with the parent's id and a position) and user-added fields (table
 * custom_values). Statements are built from the kinds' constant names. */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "book/record-store.h"
#include "book/record.h"
#include "util/util.h"

/* ---- child rows ---- */

static int
load_child(struct book *b, struct record *r, size_t c, char *err)
{
	const struct record_child *ch = &r->kind->children[c];
	const struct record_kind *k = ch->kind;
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	buf_adds(&sql, "SELECT id");
	record_sql_select(&sql, k);
	buf_printf(&sql, " FROM %s WHERE %s = ?1 ORDER BY %s, id", k->table, ch->parent_column,
		   ch->position_column);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, r->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct record *row = record_new(k);
		record_rows_insert(&r->rows[c], r->rows[c].n, row);
		row->id = sqlite3_column_int64(st, 0);
		row->version = 1;
		record_read_values(st, 1, row);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
record_rows_load(struct book *b, struct record *r, char *err)
{
	for (size_t c = 0; c < r->kind->nchildren; c++)
		if (load_child(b, r, c, err) < 0)
			return REC_ERROR;
	return 0;
}

/* Deletes the parent's rows whose ids are not among those in memory. */
static int
delete_dropped(struct book *b, const struct record *r, size_t c, char *err)
{
	const struct record_child *ch = &r->kind->children[c];
	const struct record_rows *rows = &r->rows[c];
	struct buf sql = { 0 }, ids = { 0 };
	sqlite3_stmt *st;

	buf_printf(&sql, "DELETE FROM %s WHERE %s = ?1 AND id NOT IN (SELECT value FROM "
			 "json_each(?2))",
		   ch->kind->table, ch->parent_column);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	buf_adds(&ids, "[");
	for (size_t i = 0; i < rows->n; i++)
		if (rows->row[i]->id != 0)
			buf_printf(&ids, "%s%lld", ids.len > 1 ? "," : "",
				   (long long)rows->row[i]->id);
	buf_adds(&ids, "]");
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_text(st, 2, ids.data, -1, SQLITE_TRANSIENT);
	buf_free(&ids);
	return record_step_done(b, st, err);
}

/* Binds the row's stored fields as ?3, ?4...; ?1 is the parent, ?2 the
 * position. */
static void
bind_row(sqlite3_stmt *st, const struct record *row, int64_t parent, size_t pos)
{
	sqlite3_bind_int64(st, 1, parent);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)pos);
	record_bind_values(st, row, 3);
}

/* An update of a row that is not the parent's (a row id from elsewhere)
 * changes nothing: the row is inserted instead. */
static int
update_row(struct book *b, const struct record_child *ch, struct record *row, int64_t parent,
	   size_t pos, char *err)
{
	const struct record_kind *k = ch->kind;
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int n;

	buf_printf(&sql, "UPDATE %s SET %s = ?2", k->table, ch->position_column);
	n = record_sql_assign(&sql, k, 3);
	buf_printf(&sql, " WHERE %s = ?1 AND id = ?%d", ch->parent_column, n);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	bind_row(st, row, parent, pos);
	sqlite3_bind_int64(st, n, row->id);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	if (sqlite3_changes(book_db(b)) == 0)
		row->id = 0;
	return 0;
}

static int
insert_row(struct book *b, const struct record_child *ch, struct record *row, int64_t parent,
	   size_t pos, char *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	char *names = xasprintf("%s, %s", ch->parent_column, ch->position_column);

	record_sql_insert(&sql, ch->kind, names, "?1, ?2", 3);
	free(names);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	bind_row(st, row, parent, pos);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	row->id = sqlite3_last_insert_rowid(book_db(b));
	row->version = 1;
	return 0;
}

int
record_rows_save(struct book *b, struct record *r, char *err)
{
	for (size_t c = 0; c < r->kind->nchildren; c++) {
		const struct record_child *ch = &r->kind->children[c];
		struct record_rows *rows = &r->rows[c];

		if (delete_dropped(b, r, c, err) < 0)
			return REC_ERROR;
		for (size_t i = 0; i < rows->n; i++) {
			struct record *row = rows->row[i];
			if (row->id != 0 && update_row(b, ch, row, r->id, i + 1, err) < 0)
				return REC_ERROR;
			if (row->id == 0 && insert_row(b, ch, row, r->id, i + 1, err) < 0)
				return REC_ERROR;
		}
	}
	return 0;
}

/* ---- user-added fields ---- */

int
record_custom_load(struct book *b, struct record *r, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT name, value FROM custom_values WHERE kind = ?1 AND "
			       "record_id = ?2 ORDER BY name",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, r->kind->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, r->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		record_custom_set(r, (const char *)sqlite3_column_text(st, 0),
				  (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* An empty value is no row: the book keeps only what was typed. */
int
record_custom_save(struct book *b, const struct record *r, char *err)
{
	for (size_t i = 0; i < r->ncustom; i++) {
		const char *v = r->custom[i].value;
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(book_db(b),
				       v[0] != '\0'
					       ? "INSERT INTO custom_values (kind, record_id, name, "
						 "value) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO "
						 "UPDATE SET value = excluded.value"
					       : "DELETE FROM custom_values WHERE kind = ?1 AND "
						 "record_id = ?2 AND name = ?3",
				       -1, &st, NULL) != SQLITE_OK)
			return record_db_error(b, err);
		sqlite3_bind_text(st, 1, r->kind->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, r->id);
		sqlite3_bind_text(st, 3, r->custom[i].name, -1, SQLITE_STATIC);
		if (v[0] != '\0')
			sqlite3_bind_text(st, 4, v, -1, SQLITE_STATIC);
		if (record_step_done(b, st, err) < 0)
			return REC_ERROR;
	}
	return 0;
}

int
record_custom_delete(struct book *b, const struct record *r, char *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(book_db(b),
			       "DELETE FROM custom_values WHERE kind = ?1 AND record_id = ?2", -1,
			       &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, r->kind->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, r->id);
	return record_step_done(b, st, err);
}

int
record_custom_load_rows(struct book *b, const struct record_kind *k, struct record **rows,
			size_t n, char *err)
{
	struct buf ids = { 0 };
	sqlite3_stmt *st;
	int rc;

	if (n == 0)
		return 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT record_id, name, value FROM custom_values WHERE kind = ?1 "
			       "AND record_id IN (SELECT value FROM json_each(?2))",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	buf_adds(&ids, "[");
	for (size_t i = 0; i < n; i++)
		buf_printf(&ids, "%s%lld", i ? "," : "", (long long)rows[i]->id);
	buf_adds(&ids, "]");
	sqlite3_bind_text(st, 1, k->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ids.data, -1, SQLITE_TRANSIENT);
	buf_free(&ids);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < n; i++)
			if (rows[i]->id == id)
				record_custom_set(rows[i], (const char *)sqlite3_column_text(st, 1),
						  (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}
