/* The book's history (see history.h): which tables are recorded, the SQL
 * that encodes a row and appends an entry, the temporary triggers that run
 * it on every write of this connection, and the baseline a migration
 * writes. Reading and verifying the chain are in history-verify.c. */
#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "book/drafts.h"
#include "book/history.h"
#include "book/history-impl.h"
#include "book/record-store.h"
#include "util/sha256.h"
#include "util/util.h"

/* Tables that hold no saved record: what a form has not saved yet, and
 * the prima nota's running totals, which triggers derive from the
 * entries. */
static const char *const untracked[] = { "history", "drafts", "draft_items", "pn_days" };

/* Columns every save changes by itself. */
static const char *const unrecorded_columns[] = { "version", "modified" };

/* Rows that belong to another table's record but are no record kind's
 * child: the parent's table, or the column that holds its kind's name
 * (for a user-added field, whose kinds are kept in tables of their names),
 * and the column holding the parent's id. */
static const struct {
	const char *table, *parent, *parent_in, *column;
} extra_parents[] = {
	{ "custom_values", NULL, "kind", "record_id" },
	{ "f24_receipts", "f24", NULL, "f24_id" },
	{ "document_links", "documents", NULL, "from_id" },
};

/* A kind kept in a view is recorded by the view's table. */
static const struct {
	const char *view, *table;
} views[] = {
	{ "pn_list", "pn_entries" },
	{ "items_list", "open_items" },
};

static char account[128];

/* The columns that hash an entry, in order. */
#define ENTRY_COLUMNS \
	"seq, time, account, session, kind, tbl, rid, ptbl, pid, op, before, after, state, prev"


void
history_set_account(const char *name)
{
	str_copy(account, name != NULL ? name : "", sizeof account);
}

static const char *
account_self(void)
{
	if (account[0] == '\0') {
		struct passwd *pw = getpwuid(geteuid());
		if (pw != NULL)
			str_copy(account, pw->pw_name, sizeof account);
		else
			snprintf(account, sizeof account, "uid %ld", (long)geteuid());
	}
	return account;
}

const char *
history_table_of(const struct record_kind *k)
{
	if (k == NULL || k->table == NULL)
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(views); i++)
		if (strcmp(views[i].view, k->table) == 0)
			return views[i].table;
	return k->table;
}

/* ---- the SQL functions ---- */

static void
fn_sha256(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char hex[65];
	const void *p;
	int n;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	if (sqlite3_value_type(argv[0]) == SQLITE_BLOB)
		p = sqlite3_value_blob(argv[0]);
	else
		p = sqlite3_value_text(argv[0]);
	n = sqlite3_value_bytes(argv[0]);
	sha256_hex(p != NULL ? p : "", (size_t)n, hex);
	sqlite3_result_text(cx, hex, 64, SQLITE_TRANSIENT);
}

/* A value as JSON onto b: null, an integer, a string, a BLOB's
 * "sha256:HEX"; a REAL (none is kept) as the string of its text. */
static void
value_json(struct buf *b, sqlite3_value *v)
{
	char hex[65];
	const unsigned char *s;

	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		buf_adds(b, "null");
		return;
	case SQLITE_INTEGER:
		buf_printf(b, "%lld", (long long)sqlite3_value_int64(v));
		return;
	case SQLITE_BLOB:
		sha256_hex(sqlite3_value_blob(v) ? sqlite3_value_blob(v) : "",
			   (size_t)sqlite3_value_bytes(v), hex);
		buf_printf(b, "\"sha256:%s\"", hex);
		return;
	}
	s = sqlite3_value_text(v);
	buf_adds(b, "\"");
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if (*s == '\n')
			buf_adds(b, "\\n");
		else if (*s < 0x20)
			buf_printf(b, "\\u%04x", *s);
		else
			buf_add(b, s, 1);
	}
	buf_adds(b, "\"");
}

static void
result_buf(sqlite3_context *cx, struct buf *b)
{
	sqlite3_result_text(cx, b->data != NULL ? b->data : "", (int)b->len, SQLITE_TRANSIENT);
	buf_free(b);
}

/* history_members(name, value, ...): ',"name":value' for each value not
 * NULL and not ''. */
static void
fn_members(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct buf b = { 0 };

	for (int i = 0; i + 1 < argc; i += 2) {
		sqlite3_value *v = argv[i + 1];
		if (sqlite3_value_type(v) == SQLITE_NULL ||
		    (sqlite3_value_type(v) == SQLITE_TEXT && sqlite3_value_bytes(v) == 0))
			continue;
		buf_printf(&b, ",\"%s\":", (const char *)sqlite3_value_text(argv[i]));
		value_json(&b, v);
	}
	result_buf(cx, &b);
}

/* Whether two values differ, as SQL's IS NOT. */
static int
differ(sqlite3_value *a, sqlite3_value *b)
{
	int t = sqlite3_value_type(a);

	if (t != sqlite3_value_type(b))
		return 1;
	switch (t) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
		return sqlite3_value_int64(a) != sqlite3_value_int64(b);
	case SQLITE_BLOB:
		return sqlite3_value_bytes(a) != sqlite3_value_bytes(b) ||
		       (sqlite3_value_bytes(a) > 0 &&
			memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b),
			       (size_t)sqlite3_value_bytes(a)) != 0);
	default: {
		const unsigned char *x = sqlite3_value_text(a), *y = sqlite3_value_text(b);
		return strcmp(x ? (const char *)x : "", y ? (const char *)y : "") != 0 ||
		       sqlite3_value_bytes(a) != sqlite3_value_bytes(b);
	}
	}
}

/* history_changed(side, name, old, new, ...): ',"name":value' for each
 * column whose old and new differ, value the old (side 0) or the new. */
static void
fn_changed(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct buf b = { 0 };
	int side = argc > 0 ? sqlite3_value_int(argv[0]) : 0;

	for (int i = 1; i + 2 < argc; i += 3)
		if (differ(argv[i + 1], argv[i + 2])) {
			buf_printf(&b, ",\"%s\":", (const char *)sqlite3_value_text(argv[i]));
			value_json(&b, argv[i + 1 + (side != 0)]);
		}
	result_buf(cx, &b);
}

/* The INSERT history_entry runs, prepared once a connection. */
struct appender {
	sqlite3_stmt *insert;
};

static void
appender_free(void *p)
{
	struct appender *a = p;

	sqlite3_finalize(a->insert);
	free(a);
}

/* history_entry(kind, tbl, op, rid, ptbl, pid, row, before, after): appends
 * the entry for op on a row whose whole encoding is row (NULL for a row
 * gone); before and after are a change's changed fields, or what an
 * erasure's entry records (NULL otherwise: an insert's and a baseline's
 * after is row, a delete's before). */
static void
fn_entry(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct appender *a = sqlite3_user_data(cx);
	sqlite3 *db = sqlite3_context_db_handle(cx);
	const char *op = (const char *)sqlite3_value_text(argv[2]);
	const char *row = (const char *)sqlite3_value_text(argv[6]);
	int del = op != NULL && strcmp(op, "delete") == 0;
	/* an erasure's entry gives its own before and after, as a change */
	int change = op && (!strcmp(op, "change") || !strcmp(op, "erase"));
	char state[65];
	sqlite3_stmt *st;
	int rc;

	(void)argc;
	if (a->insert == NULL &&
	    sqlite3_prepare_v3(db,
			       "INSERT INTO main.history (" ENTRY_COLUMNS ", hash) SELECT "
			       ENTRY_COLUMNS ", history_sha256(json_array(" ENTRY_COLUMNS ")) "
			       "FROM (SELECT (SELECT coalesce(max(seq), 0) + 1 FROM main.history) "
			       "AS seq, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS time, ?1 AS "
			       "account, ?2 AS session, ?3 AS kind, ?4 AS tbl, ?5 AS rid, ?6 AS ptbl, "
			       "?7 AS pid, ?8 AS op, ?9 AS before, ?10 AS after, ?11 AS state, "
			       "coalesce((SELECT hash FROM main.history ORDER BY seq DESC LIMIT 1), "
			       "'') AS prev)",
			       -1, SQLITE_PREPARE_PERSISTENT, &a->insert, NULL) != SQLITE_OK) {
		sqlite3_result_error(cx, sqlite3_errmsg(db), -1);
		return;
	}
	st = a->insert;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, account_self(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, draft_owner_self(), -1, SQLITE_STATIC);
	sqlite3_bind_value(st, 3, argv[0]); /* kind */
	sqlite3_bind_value(st, 4, argv[1]); /* tbl */
	sqlite3_bind_value(st, 5, argv[3]); /* rid */
	sqlite3_bind_value(st, 6, argv[4]); /* ptbl */
	sqlite3_bind_value(st, 7, argv[5]); /* pid */
	sqlite3_bind_value(st, 8, argv[2]); /* op */
	if (change) {
		sqlite3_bind_value(st, 9, argv[7]);
		sqlite3_bind_value(st, 10, argv[8]);
	} else {
		sqlite3_bind_text(st, 9, del && row ? row : "{}", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 10, !del && row ? row : "{}", -1, SQLITE_TRANSIENT);
	}
	if (row != NULL && !del) {
		sha256_hex(row, strlen(row), state);
		sqlite3_bind_text(st, 11, state, 64, SQLITE_TRANSIENT);
	} else
		sqlite3_bind_null(st, 11);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		sqlite3_result_error(cx, sqlite3_errmsg(db), -1);
	else
		sqlite3_result_null(cx);
}

static void
fn_account(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(cx, account_self(), -1, SQLITE_TRANSIENT);
}

static void
fn_session(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(cx, draft_owner_self(), -1, SQLITE_TRANSIENT);
}

int
history_functions(struct book *b, char *err)
{
	sqlite3 *db = book_db(b);
	int det = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (sqlite3_create_function(db, "history_sha256", 1, det, NULL, fn_sha256, NULL, NULL) ||
	    sqlite3_create_function(db, "history_members", -1, det, NULL, fn_members, NULL,
				    NULL) ||
	    sqlite3_create_function(db, "history_changed", -1, det, NULL, fn_changed, NULL,
				    NULL) ||
	    sqlite3_create_function_v2(db, "history_entry", 9, SQLITE_UTF8 | SQLITE_DIRECTONLY,
				       xcalloc(1, sizeof(struct appender)), fn_entry, NULL, NULL,
				       appender_free) ||
	    sqlite3_create_function(db, "history_account", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
				    NULL, fn_account, NULL, NULL) ||
	    sqlite3_create_function(db, "history_session", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
				    NULL, fn_session, NULL, NULL))
		return record_db_error(b, err);
	return 0;
}

void
history_detach(struct book *b)
{
	/* deleting the function finalizes its INSERT, so the book can close */
	sqlite3_create_function_v2(book_db(b), "history_entry", 9, SQLITE_UTF8, NULL, NULL, NULL,
				   NULL, NULL);
}

/* ---- the tables recorded ---- */

static int
listed(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

/* The kind that keeps table t, itself or as a child (then *parent is the
 * parent kind and *child its child entry), or NULL. */
static const struct record_kind *
kind_of_table(const char *t, const struct record_kind **parent, const struct record_child **child)
{
	const struct record_kind *k;

	*parent = NULL;
	*child = NULL;
	for (size_t i = 0; (k = record_kind_at(i)) != NULL; i++)
		if (history_table_of(k) != NULL && strcmp(history_table_of(k), t) == 0)
			return k;
	for (size_t i = 0; (k = record_kind_at(i)) != NULL; i++)
		for (size_t c = 0; c < k->nchildren; c++)
			if (k->children[c].kind->table != NULL &&
			    strcmp(k->children[c].kind->table, t) == 0 && history_table_of(k)) {
				*parent = k;
				*child = &k->children[c];
				return k->children[c].kind;
			}
	return NULL;
}

static void
table_free(struct htable *t)
{
	free(t->name);
	free(t->kind);
	free(t->parent);
	free(t->parent_in);
	free(t->parent_column);
	for (size_t i = 0; i < t->ncols; i++)
		free(t->col[i]);
	for (size_t i = 0; i < t->npk; i++)
		free(t->pk[i]);
	free(t->col);
	free(t->pk);
}

void
history_tables_free(struct htable *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		table_free(&t[i]);
	free(t);
}

static void
add_name(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

/* Columns, primary key and whether it has a rowid, from the book. */
static int
table_read(struct book *b, struct htable *t, char *err)
{
	sqlite3_stmt *st;
	char *pk[16] = { 0 };
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		int k = sqlite3_column_int(st, 1);
		if (!listed(c, unrecorded_columns, ARRAY_LEN(unrecorded_columns)))
			add_name(&t->col, &t->ncols, c);
		if (k > 0 && k <= 16)
			pk[k - 1] = xstrdup(c);
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < 16 && pk[i] != NULL; i++) {
		t->pk = xreallocarray(t->pk, t->npk + 1, sizeof *t->pk);
		t->pk[t->npk++] = pk[i];
	}
	if (rc != SQLITE_DONE)
		return record_db_error(b, err);
	if (sqlite3_prepare_v2(book_db(b), "SELECT wr FROM pragma_table_list(?1)", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	t->rowid = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
	sqlite3_finalize(st);
	return 0;
}

static void
table_parent(struct htable *t)
{
	const struct record_kind *parent;
	const struct record_child *child;
	const struct record_kind *k = kind_of_table(t->name, &parent, &child);

	t->kind = xstrdup(k != NULL ? k->name : t->name);
	if (child != NULL) {
		t->parent = xstrdup(history_table_of(parent));
		t->parent_column = xstrdup(child->parent_column);
	}
	for (size_t i = 0; i < ARRAY_LEN(extra_parents) && t->parent_column == NULL; i++)
		if (strcmp(extra_parents[i].table, t->name) == 0) {
			if (extra_parents[i].parent != NULL)
				t->parent = xstrdup(extra_parents[i].parent);
			else
				t->parent_in = xstrdup(extra_parents[i].parent_in);
			t->parent_column = xstrdup(extra_parents[i].column);
		}
}

int
history_tables(struct book *b, struct htable **out, size_t *n, char *err)
{
	sqlite3_stmt *st;
	struct htable *v = NULL;
	size_t nv = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND "
			       "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (listed(name, untracked, ARRAY_LEN(untracked)))
			continue;
		v = xreallocarray(v, nv + 1, sizeof *v);
		memset(&v[nv], 0, sizeof *v);
		v[nv++].name = xstrdup(name);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		history_tables_free(v, nv);
		return record_db_error(b, err);
	}
	for (size_t i = 0; i < nv; i++) {
		if (table_read(b, &v[i], err) < 0) {
			history_tables_free(v, nv);
			return REC_ERROR;
		}
		table_parent(&v[i]);
	}
	*out = v;
	*n = nv;
	return 0;
}

/* ---- the SQL of an entry ---- */

/* The row's key as text, from row p (NEW, OLD, or an alias). */
void
history_sql_rid(struct buf *s, const struct htable *t, const char *p)
{
	if (t->rowid) {
		buf_printf(s, "CAST(%s.rowid AS TEXT)", p);
		return;
	}
	buf_adds(s, "json_array(");
	for (size_t i = 0; i < t->npk; i++)
		buf_printf(s, "%s%s.\"%s\"", i ? ", " : "", p, t->pk[i]);
	buf_adds(s, ")");
}

/* Whether row p is the one whose key is the text expression rid. */
void
history_sql_is_row(struct buf *s, const struct htable *t, const char *p, const char *rid)
{
	if (t->rowid) {
		buf_printf(s, "%s.rowid = CAST(%s AS INTEGER)", p, rid);
		return;
	}
	for (size_t i = 0; i < t->npk; i++)
		buf_printf(s, "%s%s.\"%s\" = json_extract(%s, '$[%zu]')", i ? " AND " : "", p,
			   t->pk[i], rid, i);
}

/* Columns a call of the encoding functions takes (SQLite allows 127
 * arguments). */
#define CHUNK 40

/* The whole encoding of row p: its non-empty columns. */
void
history_sql_state(struct buf *s, const struct htable *t, const char *p)
{
	buf_adds(s, "('{' || substr(''");
	for (size_t i = 0; i < t->ncols; i++)
		buf_printf(s, "%s'%s', %s.\"%s\"%s", i % CHUNK == 0 ? " || history_members(" : ", ",
			   t->col[i], p, t->col[i], i % CHUNK == CHUNK - 1 || i + 1 == t->ncols ? ")" : "");
	buf_adds(s, ", 2) || '}')");
}

/* The columns where OLD and NEW differ, with the values of side. */
static void
sql_changed(struct buf *s, const struct htable *t, const char *side)
{
	int n = strcmp(side, "NEW") == 0;

	buf_adds(s, "('{' || substr(''");
	for (size_t i = 0; i < t->ncols; i++) {
		if (i % CHUNK == 0)
			buf_printf(s, " || history_changed(%d", n);
		buf_printf(s, ", '%s', OLD.\"%s\", NEW.\"%s\"%s", t->col[i], t->col[i], t->col[i],
			   i % CHUNK == CHUNK - 1 || i + 1 == t->ncols ? ")" : "");
	}
	buf_adds(s, ", 2) || '}')");
}

const char *
history_sql_entry_hash(void)
{
	return "history_sha256(json_array(" ENTRY_COLUMNS "))";
}

/* The statement appending an entry for op on row p (NEW, OLD, or t of
 * FROM table t WHERE its key is ?1 for a baseline): a call of
 * history_entry, which holds the INSERT prepared (a trigger's program is
 * compiled into every statement that may fire it: kept small, it costs a
 * save little). */
static void
sql_entry(struct buf *s, const struct htable *t, const char *op, const char *p)
{
	buf_printf(s, "SELECT history_entry('%s', '%s', '%s', ", t->kind, t->name, op);
	history_sql_rid(s, t, p);
	if (t->parent_column == NULL)
		buf_adds(s, ", NULL, NULL, ");
	else {
		if (t->parent != NULL)
			buf_printf(s, ", '%s'", t->parent);
		else
			buf_printf(s, ", %s.\"%s\"", p, t->parent_in);
		buf_printf(s, ", CAST(%s.\"%s\" AS TEXT), ", p, t->parent_column);
	}
	history_sql_state(s, t, p);
	if (strcmp(op, "change") == 0) {
		buf_adds(s, ", ");
		sql_changed(s, t, "OLD");
		buf_adds(s, ", ");
		sql_changed(s, t, "NEW");
	} else
		buf_adds(s, ", NULL, NULL");
	buf_adds(s, ")");
	if (strcmp(p, "t") == 0) {
		buf_printf(s, " FROM main.\"%s\" AS t WHERE ", t->name);
		history_sql_is_row(s, t, "t", "?1");
	}
}

/* ---- the triggers ---- */

static int
attach_table(struct book *b, const struct htable *t, char *err)
{
	struct buf s = { 0 };
	int rc;

	buf_printf(&s, "DROP TRIGGER IF EXISTS temp.\"history_%s_i\";"
		       "DROP TRIGGER IF EXISTS temp.\"history_%s_u\";"
		       "DROP TRIGGER IF EXISTS temp.\"history_%s_d\";",
		   t->name, t->name, t->name);
	buf_printf(&s, "CREATE TEMP TRIGGER \"history_%s_i\" AFTER INSERT ON main.\"%s\" BEGIN ",
		   t->name, t->name);
	sql_entry(&s, t, "insert", "NEW");
	buf_printf(&s, "; END; CREATE TEMP TRIGGER \"history_%s_d\" AFTER DELETE ON main.\"%s\" "
		       "BEGIN ",
		   t->name, t->name);
	sql_entry(&s, t, "delete", "OLD");
	buf_printf(&s, "; END; CREATE TEMP TRIGGER \"history_%s_u\" AFTER UPDATE ON main.\"%s\" "
		       "WHEN 0",
		   t->name, t->name);
	for (size_t i = 0; i < t->ncols; i++)
		buf_printf(&s, " OR OLD.\"%s\" IS NOT NEW.\"%s\"", t->col[i], t->col[i]);
	buf_adds(&s, " BEGIN ");
	sql_entry(&s, t, "change", "NEW");
	buf_adds(&s, "; END;");
	rc = book_exec(b, s.data, err);
	buf_free(&s);
	return rc;
}

static int
has_history(struct book *b)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND "
			       "name = 'history'",
			       -1, &st, NULL) == SQLITE_OK)
		found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

int
history_each_table(struct book *b, int (*fn)(struct book *b, const struct htable *t, void *ctx,
					       char *err),
		   void *ctx, char *err)
{
	struct htable *t;
	size_t n;
	int rc = 0;

	if (!has_history(b))
		return 0;
	if (history_tables(b, &t, &n, err) < 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++)
		if (t[i].ncols > 0)
			rc = fn(b, &t[i], ctx, err);
	history_tables_free(t, n);
	return rc < 0 ? -1 : 0;
}

static int
attach_one(struct book *b, const struct htable *t, void *ctx, char *err)
{
	(void)ctx;
	return attach_table(b, t, err);
}

int
history_attach(struct book *b, char *err)
{
	return history_each_table(b, attach_one, NULL, err);
}

/* ---- the baseline ---- */

/* Calls found(rid, gone) for each row of t that differs from its last
 * entry or has none (gone 0), and for each row whose last entry keeps it
 * but is no longer there (gone 1). 0, or REC_ERROR. */
int
history_scan(struct book *b, const struct htable *t,
	     int (*found)(void *ctx, const struct htable *t, const char *rid, int64_t last,
			  int gone),
	     void *ctx, char *err)
{
	struct buf s = { 0 };
	sqlite3_stmt *st;
	int rc;

	/* rows unlike their last entry */
	buf_adds(&s, "SELECT r, h.seq FROM (SELECT ");
	history_sql_rid(&s, t, "t");
	buf_adds(&s, " AS r, history_sha256(");
	history_sql_state(&s, t, "t");
	buf_printf(&s, ") AS st FROM main.\"%s\" AS t) LEFT JOIN main.history AS h ON h.seq = "
		       "(SELECT max(seq) FROM main.history WHERE tbl = '%s' AND rid = r) "
		       "WHERE h.state IS NOT st",
		   t->name, t->name);
	if ((rc = record_prepare(b, &s, &st, err)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (found(ctx, t, (const char *)sqlite3_column_text(st, 0),
			  sqlite3_column_int64(st, 1), 0) < 0)
			break;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? REC_ERROR : record_db_error(b, err);
	/* rows gone */
	buf_printf(&s, "SELECT h.rid, h.seq FROM main.history AS h WHERE h.tbl = '%s' AND "
		       "h.state IS NOT NULL AND h.seq = (SELECT max(seq) FROM main.history "
		       "WHERE tbl = h.tbl AND rid = h.rid) AND NOT EXISTS (SELECT 1 FROM "
		       "main.\"%s\" AS t WHERE ",
		   t->name, t->name);
	history_sql_is_row(&s, t, "t", "h.rid");
	buf_adds(&s, ")");
	if ((rc = record_prepare(b, &s, &st, err)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (found(ctx, t, (const char *)sqlite3_column_text(st, 0),
			  sqlite3_column_int64(st, 1), 1) < 0)
			break;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? REC_ERROR : record_db_error(b, err);
	return 0;
}

struct pending {
	char **rid;
	int *gone;
	size_t n;
};

static int
collect(void *ctx, const struct htable *t, const char *rid, int64_t last, int gone)
{
	struct pending *p = ctx;

	(void)t;
	(void)last;
	p->rid = xreallocarray(p->rid, p->n + 1, sizeof *p->rid);
	p->gone = xreallocarray(p->gone, p->n + 1, sizeof *p->gone);
	p->gone[p->n] = gone;
	p->rid[p->n++] = xstrdup(rid);
	return 0;
}

/* The baseline entries of table t. */
static int
rebase_table(struct book *b, const struct htable *t, char *err)
{
	struct pending p = { 0 };
	struct buf s = { 0 };
	sqlite3_stmt *row = NULL, *gone = NULL;
	int rc = history_scan(b, t, collect, &p, err);

	if (rc == 0 && p.n > 0) {
		sql_entry(&s, t, "baseline", "t");
		rc = record_prepare(b, &s, &row, err);
		/* a row gone: a baseline that keeps nothing */
		buf_adds(&s, "SELECT history_entry(kind, tbl, 'baseline', rid, ptbl, pid, NULL, "
			     "NULL, NULL) FROM main.history WHERE tbl = ?2 AND rid = ?1 "
			     "ORDER BY seq DESC LIMIT 1");
		if (rc == 0)
			rc = record_prepare(b, &s, &gone, err);
	}
	for (size_t i = 0; i < p.n && rc == 0; i++) {
		sqlite3_stmt *st = p.gone[i] ? gone : row;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, p.rid[i], -1, SQLITE_STATIC);
		if (p.gone[i])
			sqlite3_bind_text(st, 2, t->name, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		rc = rc == SQLITE_DONE ? 0 : record_db_error(b, err);
	}
	sqlite3_finalize(row);
	sqlite3_finalize(gone);
	for (size_t i = 0; i < p.n; i++)
		free(p.rid[i]);
	free(p.rid);
	free(p.gone);
	return rc;
}

static int
rebase_one(struct book *b, const struct htable *t, void *ctx, char *err)
{
	(void)ctx;
	return rebase_table(b, t, err);
}

int
history_rebase(struct book *b, char *err)
{
	return history_each_table(b, rebase_one, NULL, err);
}
