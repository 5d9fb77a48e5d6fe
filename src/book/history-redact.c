/* A person's erased values taken out of the history (history.h,
 * history_erase): the older entries of the row and of its child rows get
 * "[erased]" in the place of every value and lose their state, and the
 * erasure's own entry, appended to the chain, names each entry redacted
 * with its hash as written (which the next entry's prev still links) and
 * the hash of its content now, which verify checks in its place. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/history.h"
#include "book/history-impl.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/util.h"

/* The entries of row rid of table t and of its child rows (whose ptbl is
 * the table, or the kind for a user-added field), but an earlier
 * erasure's, which holds no value and says what it redacted. */
#define ENTRIES_OF \
	"((tbl = ?1 AND rid = ?2) OR (ptbl IN (?1, ?3) AND pid = ?2)) AND op <> 'erase'"

/* An entry redacted: its seq, its hash as written, its content's now. */
struct redacted {
	int64_t seq;
	char *hash, *now;
};

/* The content hash of every entry of the row, by seq, into *v. */
static int
content_hashes(struct book *b, const struct htable *t, const char *rid, struct redacted **v,
	       size_t *n, char *err)
{
	struct buf s = { 0 };
	sqlite3_stmt *st;
	int rc;

	*v = NULL;
	*n = 0;
	buf_printf(&s, "SELECT seq, hash, %s FROM main.history WHERE " ENTRIES_OF " ORDER BY seq",
		   history_sql_entry_hash());
	if ((rc = record_prepare(b, &s, &st, err)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, rid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t->kind, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[*n].seq = sqlite3_column_int64(st, 0);
		(*v)[*n].hash = xstrdup((const char *)sqlite3_column_text(st, 1));
		(*v)[(*n)++].now = xstrdup((const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

static void
redacted_free(struct redacted *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].hash);
		free(v[i].now);
	}
	free(v);
}

/* Every value of the entries of the row and of its child rows becomes
 * the marker, and their state goes. */
static int
redact(struct book *b, const struct htable *t, const char *rid, char *err)
{
	struct buf s = { 0 };
	sqlite3_stmt *st;
	int rc;

	/* an empty value stays: it says no value was there */
	buf_printf(&s, "UPDATE main.history SET state = NULL, before = (SELECT "
		       "json_group_object(key, CASE WHEN value IS NULL OR value = '' THEN value "
		       "ELSE '%s' END) FROM json_each(before)), after = (SELECT "
		       "json_group_object(key, CASE WHEN value IS NULL OR value = '' THEN value "
		       "ELSE '%s' END) FROM json_each(after)) WHERE " ENTRIES_OF,
		   HISTORY_ERASED, HISTORY_ERASED);
	if ((rc = record_prepare(b, &s, &st, err)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, rid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t->kind, -1, SQLITE_STATIC);
	return record_step_done(b, st, err);
}

/* The erasure's entry: before what was erased, after the entries
 * redacted, the state the row's now (none when it is gone). */
static int
append_entry(struct book *b, const struct htable *t, const char *rid, const char *erased,
	     const char *after, char *err)
{
	struct buf s = { 0 };
	sqlite3_stmt *st;
	int rc, found = 0;

	for (int gone = 0; gone < 2 && !found; gone++) {
		buf_adds(&s, "SELECT history_entry(?3, ?1, 'erase', ?2, NULL, NULL, ");
		if (gone)
			buf_adds(&s, "NULL, ?4, ?5)");
		else {
			history_sql_state(&s, t, "t");
			buf_printf(&s, ", ?4, ?5) FROM main.\"%s\" AS t WHERE ", t->name);
			history_sql_is_row(&s, t, "t", "?2");
		}
		if ((rc = record_prepare(b, &s, &st, err)) < 0)
			return rc;
		sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, rid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, t->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, erased, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, after, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			found = 1;
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return record_db_error(b, err);
	}
	return 0;
}

struct erase_ctx {
	const char *tbl;
	int64_t id;
	const char *erased;
	int done;
	size_t count; /* entries redacted */
};

static int
erase_in(struct book *b, const struct htable *t, void *p, char *err)
{
	struct erase_ctx *c = p;
	struct redacted *was = NULL, *now = NULL;
	size_t nwas = 0, nnow = 0, count = 0;
	struct buf after = { 0 };
	char rid[32];
	int rc;

	if (strcmp(t->name, c->tbl) != 0)
		return 0;
	snprintf(rid, sizeof rid, "%" PRId64, c->id);
	rc = content_hashes(b, t, rid, &was, &nwas, err);
	if (rc == 0)
		rc = redact(b, t, rid, err);
	if (rc == 0)
		rc = content_hashes(b, t, rid, &now, &nnow, err);
	if (rc == 0 && nnow != nwas)
		rc = err_set(err, _("the history changed during the erasure"));
	buf_adds(&after, "{\"redacted\":[");
	for (size_t i = 0; rc == 0 && i < nnow; i++)
		if (strcmp(was[i].now, now[i].now) != 0)
			buf_printf(&after, "%s[%" PRId64 ",\"%s\",\"%s\"]", count++ ? "," : "",
				   now[i].seq, now[i].hash, now[i].now);
	buf_adds(&after, "]}");
	if (rc == 0)
		rc = append_entry(b, t, rid, c->erased, after.data, err);
	buf_free(&after);
	redacted_free(was, nwas);
	redacted_free(now, nnow);
	c->done = 1;
	c->count = count;
	return rc < 0 ? -1 : 0;
}

int
history_erase(struct book *b, const char *tbl, int64_t id, const char *erased, char *err)
{
	struct erase_ctx c = { tbl, id, erased, 0, 0 };

	if (history_each_table(b, erase_in, &c, err) < 0)
		return -1;
	if (!c.done)
		return err_set(err, _("table %s keeps no history"), tbl);
	return (int)(c.count < INT32_MAX ? c.count : INT32_MAX);
}
