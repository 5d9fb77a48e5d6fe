/* Storage for record kinds kept in one SQL table: the columns are named as
 * the kind's fields, plus id, version (optimistic concurrency) and modified.
 * The statements are built from the kind's constant field names, never from
 * user input; the browse list reads pages by key (keyset pagination). */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "book/record.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/util.h"

/* Whether row id exists: 1, 0, or REC_ERROR. */
static int
row_exists(struct book *b, const struct record_kind *k, int64_t id, char *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	buf_printf(&sql, "SELECT 1 FROM %s WHERE id = ?1", k->table);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return record_db_error(b, err);
	return rc == SQLITE_ROW;
}

/* Why an update or delete of (id, version) touched no row. */
static int
refused(struct book *b, const struct record *r, char *err)
{
	int exists = row_exists(b, r->kind, r->id, err);

	if (exists < 0)
		return exists;
	if (exists) {
		err_set(err, _("changed by someone else since you opened it: nothing was "
			       "written"));
		return REC_CONFLICT;
	}
	err_set(err, _("deleted by someone else since you opened it: nothing was written"));
	return REC_GONE;
}

int
record_table_load(struct book *b, struct record *r, char *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	buf_adds(&sql, "SELECT version");
	record_sql_select(&sql, r->kind);
	buf_printf(&sql, " FROM %s WHERE id = ?1", r->kind->table);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, r->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->version = sqlite3_column_int64(st, 0);
		record_read_values(st, 1, r);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set(err, _("no longer in the book (deleted by someone else?)"));
		return REC_GONE;
	}
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

int
record_key_text(struct book *b, const struct record_kind *k, int64_t id, char **out, char *err)
{
	const struct record_field *f = &k->fields[k->key_field];
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	if (k->table == NULL) {
		err_set(err, _("%s cannot be looked up"), k->name);
		return REC_ERROR;
	}
	if (f->sql != NULL)
		buf_printf(&sql, "SELECT (%s) FROM %s WHERE id = ?1", f->sql, k->table);
	else
		buf_printf(&sql, "SELECT %s FROM %s WHERE id = ?1", f->name, k->table);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		*out = xstrdup(t != NULL ? (const char *)t : "");
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set(err, _("no longer in the book (deleted by someone else?)"));
		return REC_GONE;
	}
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

int
record_table_insert(struct book *b, struct record *r, char *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;

	record_sql_insert(&sql, r->kind, "version", "1", 1);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	record_bind_values(st, r, 1);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	r->id = sqlite3_last_insert_rowid(book_db(b));
	r->version = 1;
	return 0;
}

int
record_table_update(struct book *b, struct record *r, char *err)
{
	const struct record_kind *k = r->kind;
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int n;

	buf_printf(&sql, "UPDATE %s SET version = version + 1, "
			 "modified = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')",
		   k->table);
	n = record_sql_assign(&sql, k, 1);
	buf_printf(&sql, " WHERE id = ?%d AND version = ?%d", n, n + 1);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	record_bind_values(st, r, 1);
	sqlite3_bind_int64(st, n, r->id);
	sqlite3_bind_int64(st, n + 1, r->version);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	if (sqlite3_changes(book_db(b)) == 0)
		return refused(b, r, err);
	r->version++;
	return 0;
}

int
record_table_remove(struct book *b, const struct record *r, char *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;

	buf_printf(&sql, "DELETE FROM %s WHERE id = ?1 AND version = ?2", r->kind->table);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, r->version);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	return sqlite3_changes(book_db(b)) == 0 ? refused(b, r, err) : 0;
}

/* SELECT id, version, fields FROM table, for the browse list. */
static void
select_rows(struct buf *sql, const struct record_kind *k)
{
	buf_adds(sql, "SELECT id, version");
	record_sql_select(sql, k);
	buf_printf(sql, " FROM %s", k->table);
}

/* Steps st and collects up to n records. */
static int
collect(struct book *b, const struct record_kind *k, sqlite3_stmt *st, size_t n,
	struct record **rows, size_t *got, char *err)
{
	int rc = SQLITE_DONE;

	*got = 0;
	while (*got < n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct record *r = record_new(k);
		r->id = sqlite3_column_int64(st, 0);
		r->version = sqlite3_column_int64(st, 1);
		record_read_values(st, 2, r);
		rows[(*got)++] = r;
	}
	if (*got < n && rc != SQLITE_DONE) {
		for (size_t i = 0; i < *got; i++)
			record_free(rows[i]);
		*got = 0;
		return record_db_error(b, err);
	}
	return 0;
}

/* A list's order: which way the index is read for a page, and the
 * keyset condition that starts the page after its anchor. */
struct page_sql {
	const char *col; /* the sort column */
	int up;          /* read the index upwards */
};

static void
add_order(struct buf *sql, const struct page_sql *ps)
{
	buf_printf(sql, " ORDER BY %s COLLATE NOCASE%s, id%s", ps->col, ps->up ? "" : " DESC",
		   ps->up ? "" : " DESC");
}

/* The filters' conditions, their values bound from ?first on. */
static void
add_filters(struct buf *sql, const struct record_kind *k, const struct browse_order *o,
	    int first)
{
	static const char *const ops[BF_OP_COUNT] = {
		[BF_EQ] = "%s = ?%d COLLATE NOCASE",
		[BF_CONTAINS] = "instr(lower(%s), lower(?%d)) > 0",
		[BF_GE] = "%s >= ?%d COLLATE NOCASE",
		[BF_LE] = "%s <= ?%d COLLATE NOCASE",
		[BF_NE] = "%s <> ?%d COLLATE NOCASE",
	};

	for (size_t i = 0; i < o->nfilters; i++) {
		char *col = NULL;
		buf_adds(sql, " AND ");
		/* a user-added field: its value in custom_values, '' when none */
		if (o->filters[i].custom != NULL)
			col = sqlite3_mprintf("coalesce((SELECT value FROM custom_values c WHERE "
					      "c.kind = %Q AND c.record_id = %s.id AND c.name = %Q), '')",
					      k->name, k->table, o->filters[i].custom);
		const char *c = col != NULL ? col : k->fields[o->filters[i].field].name;
		if (o->filters[i].op == BF_IN)
			buf_printf(sql, "instr(char(10) || lower(?%d) || char(10), char(10) || "
				   "lower(%s) || char(10)) > 0", first + (int)i, c);
		else
			buf_printf(sql, ops[o->filters[i].op], c, first + (int)i);
		sqlite3_free(col);
	}
}

static void
bind_filters(sqlite3_stmt *st, const struct browse_order *o, int first)
{
	for (size_t i = 0; i < o->nfilters; i++)
		sqlite3_bind_text(st, first + (int)i, o->filters[i].value, -1, SQLITE_STATIC);
}

/* SELECT ... WHERE [keyset] [cond] [filters] ORDER BY ...: the anchor is
 * ?1, ?2 (none when key is NULL), cond may use ?3, filters from ?4. */
static void
page_query(struct buf *sql, const struct record_kind *k, const struct browse_order *o,
	   const struct page_sql *ps, int anchored, const char *cond)
{
	select_rows(sql, k);
	buf_adds(sql, " WHERE 1");
	/* the collation on the right: with it on the column, SQLite would
	 * scan the index from its start instead of seeking */
	if (anchored)
		buf_printf(sql, " AND (%s, id) %s (?1 COLLATE NOCASE, ?2)", ps->col,
			   ps->up ? ">" : "<");
	if (cond != NULL)
		buf_printf(sql, " AND %s", cond);
	add_filters(sql, k, o, 4);
	add_order(sql, ps);
}

/* The anchor of a page, bound as ?1, ?2. A search by prefix (id
 * INT64_MIN) read downwards starts after every value the prefix begins:
 * the prefix and the highest character, and the highest id. */
static void
bind_anchor(sqlite3_stmt *st, const struct page_sql *ps, const char *key, int64_t id)
{
	if (id == INT64_MIN && !ps->up) {
		char *past = xasprintf("%s\xf4\x8f\xbf\xbf", key);
		sqlite3_bind_text(st, 1, past, -1, free);
		sqlite3_bind_int64(st, 2, INT64_MAX);
		return;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
}

int
record_table_browse(struct book *b, const struct record_kind *k, const struct browse_order *o,
		    enum browse_dir dir, const char *key, int64_t id, size_t n,
		    struct record **rows, size_t *got, char *err)
{
	struct page_sql ps = { k->fields[o->field].name, (dir == BROWSE_AFTER) != !!o->descending };
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	page_query(&sql, k, o, &ps, key != NULL, NULL);
	buf_adds(&sql, " LIMIT ?3");
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	if (key != NULL)
		bind_anchor(st, &ps, key, id);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)n);
	bind_filters(st, o, 4);
	rc = collect(b, k, st, n, rows, got, err);
	sqlite3_finalize(st);
	return rc;
}

int
record_table_find(struct book *b, const struct record_kind *k, const struct browse_order *o,
		  const char *text, const char *key, int64_t id, struct record **out, char *err)
{
	struct page_sql ps = { k->fields[o->field].name, !o->descending };
	struct buf sql = { 0 }, cond = { 0 };
	sqlite3_stmt *st;
	size_t got;
	int rc;

	buf_printf(&cond, "instr(lower(%s), lower(?3)) > 0", ps.col);
	page_query(&sql, k, o, &ps, key != NULL, cond.data);
	buf_free(&cond);
	buf_adds(&sql, " LIMIT 1");
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	if (key != NULL)
		bind_anchor(st, &ps, key, id);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	bind_filters(st, o, 4);
	rc = collect(b, k, st, 1, out, &got, err);
	sqlite3_finalize(st);
	return rc;
}

/* SELECT sum(field) FROM table WHERE filters: SQLite's sum() is exact on
 * integers and says "integer overflow" past int64. */
int
record_table_sum(struct book *b, const struct record_kind *k, const struct browse_order *o,
		 size_t field, int64_t *sum, char *err)
{
	const struct record_field *f = &k->fields[field];
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	*sum = 0;
	if (f->sql != NULL)
		buf_printf(&sql, "SELECT sum(CAST((%s) AS INTEGER)) FROM %s WHERE 1", f->sql,
			   k->table);
	else
		buf_printf(&sql, "SELECT sum(CAST(%s AS INTEGER)) FROM %s WHERE 1", f->name,
			   k->table);
	add_filters(&sql, k, o, 1);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	bind_filters(st, o, 1);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*sum = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

int
record_none_browse(struct book *b, const struct record_kind *k, const struct browse_order *o,
		   enum browse_dir dir, const char *key, int64_t id, size_t n, struct record **rows,
		   size_t *got, char *err)
{
	(void)b, (void)k, (void)o, (void)dir, (void)key, (void)id, (void)n, (void)rows, (void)err;
	*got = 0;
	return 0;
}

int
record_none_find(struct book *b, const struct record_kind *k, const struct browse_order *o,
		 const char *text, const char *key, int64_t id, struct record **out, char *err)
{
	(void)b, (void)k, (void)o, (void)text, (void)key, (void)id, (void)err;
	*out = NULL;
	return 0;
}
