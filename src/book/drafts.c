/* The drafts of forms (see drafts.h): table drafts holds one row a draft
 * (who keeps it, the screen, the record's id and version, where the cursor
 * was), draft_items its values, one row each: the record's fields
 * ('value'), its user-added fields ('custom'), the fields' texts as typed
 * ('typed') and its child rows' fields ('row', by child, line and the
 * row's id). A write replaces the items whole. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "book/drafts.h"
#include "book/record-store.h"
#include "util/util.h"

/* ---- owners: a process, with its start time and the machine's boot ---- */

/* The start time of process pid in clock ticks since boot (field 22 of
 * /proc/PID/stat), or 0 where that is not known. */
static unsigned long long
start_time(long pid)
{
	char path[64], line[1024], *p;
	unsigned long long t = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	if (fgets(line, sizeof line, f) != NULL && (p = strrchr(line, ')')) != NULL) {
		/* after the command's name: state is field 3, start time 22 */
		int field = 2;
		for (p++; *p != '\0' && field < 22; p++)
			if (*p == ' ')
				field++;
		if (field == 22)
			t = strtoull(p, NULL, 10);
	}
	fclose(f);
	return t;
}

static void
boot_id(char *out, size_t size)
{
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");

	out[0] = '\0';
	if (f == NULL)
		return;
	if (fgets(out, (int)size, f) != NULL)
		out[strcspn(out, "\n")] = '\0';
	fclose(f);
}

const char *
draft_owner_self(void)
{
	static char self[128];
	char boot[64];

	if (self[0] == '\0') {
		boot_id(boot, sizeof boot);
		snprintf(self, sizeof self, "%ld:%llu:%s", (long)getpid(),
			 start_time((long)getpid()), boot);
	}
	return self;
}

int
draft_owner_alive(const char *owner)
{
	char boot[64], *end;
	long pid = strtol(owner, &end, 10);
	unsigned long long start;

	if (end == owner || *end != ':' || pid <= 0)
		return 0;
	start = strtoull(end + 1, &end, 10);
	if (*end != ':')
		return 0;
	boot_id(boot, sizeof boot);
	if (boot[0] != '\0' && strcmp(end + 1, boot) != 0)
		return 0; /* written before the machine started again */
	if (kill((pid_t)pid, 0) < 0 && errno == ESRCH)
		return 0;
	/* another process that has the same number now */
	return start == 0 || start_time(pid) == 0 || start_time(pid) == start;
}

/* ---- in memory ---- */

struct draft *
draft_new(const char *screen, const char *title, const struct record *r)
{
	struct draft *d = xcalloc(1, sizeof *d);

	d->owner = xstrdup(draft_owner_self());
	d->screen = xstrdup(screen);
	d->title = xstrdup(title);
	d->image = record_copy(r);
	return d;
}

void
draft_clear_typed(struct draft *d)
{
	for (size_t i = 0; i < d->ntyped; i++) {
		free(d->typed[i].name);
		free(d->typed[i].text);
	}
	free(d->typed);
	d->typed = NULL;
	d->ntyped = 0;
}

void
draft_free(struct draft *d)
{
	if (d == NULL)
		return;
	draft_clear_typed(d);
	free(d->owner);
	free(d->screen);
	free(d->title);
	free(d->cell);
	record_free(d->image);
	free(d);
}

void
draft_set_typed(struct draft *d, const char *name, const char *text)
{
	for (size_t i = 0; i < d->ntyped; i++)
		if (strcmp(d->typed[i].name, name) == 0) {
			free(d->typed[i].text);
			d->typed[i].text = xstrdup(text);
			return;
		}
	d->typed = xreallocarray(d->typed, d->ntyped + 1, sizeof *d->typed);
	d->typed[d->ntyped].name = xstrdup(name);
	d->typed[d->ntyped++].text = xstrdup(text);
}

const char *
draft_get_typed(const struct draft *d, const char *name)
{
	for (size_t i = 0; i < d->ntyped; i++)
		if (strcmp(d->typed[i].name, name) == 0)
			return d->typed[i].text;
	return NULL;
}

void
draft_list_free(struct draft **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		draft_free(list[i]);
	free(list);
}

/* ---- writing ---- */

static int
prepare(struct book *b, const char *sql, sqlite3_stmt **st, char *err)
{
	struct buf s = { 0 };

	buf_adds(&s, sql);
	return record_prepare(b, &s, st, err);
}

static int
put_item(struct book *b, sqlite3_stmt *st, const char *part, const char *child, size_t line,
	 int64_t row_id, const char *name, const char *value, char *err)
{
	sqlite3_reset(st);
	sqlite3_bind_text(st, 2, part, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, child, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)line);
	sqlite3_bind_int64(st, 5, row_id);
	sqlite3_bind_text(st, 6, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, value, -1, SQLITE_STATIC);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* The values of record r (stored fields only) under part, child and line. */
static int
put_values(struct book *b, sqlite3_stmt *st, const char *part, const char *child, size_t line,
	   const struct record *r, char *err)
{
	for (size_t f = 0; f < r->kind->nfields; f++)
		if (r->kind->fields[f].sql == NULL &&
		    put_item(b, st, part, child, line, r->id, r->kind->fields[f].name,
			     record_get(r, f), err) < 0)
			return -1;
	return 0;
}

static int
put_items(struct book *b, const struct draft *d, char *err)
{
	const struct record *r = d->image;
	sqlite3_stmt *st;
	int rc = 0;

	if (prepare(b, "INSERT INTO draft_items (draft_id, part, child, line, row_id, name, value)"
		       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, d->id);
	rc = put_values(b, st, "value", "", 0, r, err);
	for (size_t i = 0; rc == 0 && i < r->ncustom; i++)
		rc = put_item(b, st, "custom", "", 0, 0, r->custom[i].name, r->custom[i].value, err);
	for (size_t i = 0; rc == 0 && i < d->ntyped; i++)
		rc = put_item(b, st, "typed", "", 0, 0, d->typed[i].name, d->typed[i].text, err);
	for (size_t c = 0; rc == 0 && r->rows != NULL && c < r->kind->nchildren; c++)
		for (size_t i = 0; rc == 0 && i < r->rows[c].n; i++)
			rc = put_values(b, st, "row", r->kind->children[c].name, i, r->rows[c].row[i],
					err);
	sqlite3_finalize(st);
	return rc;
}

static int
put_head(struct book *b, struct draft *d, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare(b, d->id == 0
			       ? "INSERT INTO drafts (owner, screen, title, kind, record_id,"
				 " record_version, saved_at, stop, line, col, pos, cell)"
				 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
			       : "UPDATE drafts SET owner = ?1, screen = ?2, title = ?3, kind = ?4,"
				 " record_id = ?5, record_version = ?6, saved_at = ?7, stop = ?8,"
				 " line = ?9, col = ?10, pos = ?11, cell = ?12 WHERE id = ?13",
		    &st, err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, d->owner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->screen, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->image->kind->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, d->image->id);
	sqlite3_bind_int64(st, 6, d->image->version);
	sqlite3_bind_int64(st, 7, d->saved_at);
	sqlite3_bind_int(st, 8, d->stop);
	sqlite3_bind_int(st, 9, d->line);
	sqlite3_bind_int(st, 10, d->col);
	sqlite3_bind_int64(st, 11, (sqlite3_int64)d->pos);
	if (d->cell != NULL)
		sqlite3_bind_text(st, 12, d->cell, -1, SQLITE_STATIC);
	if (d->id != 0)
		sqlite3_bind_int64(st, 13, d->id);
	rc = record_step_done(b, st, err);
	if (rc == 0 && d->id == 0)
		d->id = sqlite3_last_insert_rowid(book_db(b));
	else if (rc == 0 && sqlite3_changes(book_db(b)) == 0) {
		/* discarded meanwhile (by this session's other form, say): anew */
		d->id = 0;
		return put_head(b, d, err);
	}
	return rc;
}

static int
drop_items(struct book *b, int64_t id, char *err)
{
	sqlite3_stmt *st;

	if (prepare(b, "DELETE FROM draft_items WHERE draft_id = ?1", &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return record_step_done(b, st, err);
}

int
draft_write(struct book *b, struct draft *d, char *err)
{
	int64_t was = d->id;

	/* A read-only book keeps no drafts: what is typed there can never be
	 * saved, and a draft is a write like any other. */
	if (book_read_only(b))
		return 0;
	d->saved_at = (int64_t)time(NULL);
	if (book_begin(b, err) < 0)
		return -1;
	if (put_head(b, d, err) < 0 || (was != 0 && drop_items(b, d->id, err) < 0) ||
	    put_items(b, d, err) < 0) {
		book_rollback(b);
		d->id = was;
		return -1;
	}
	if (book_commit(b, err) < 0) {
		d->id = was;
		return -1;
	}
	return 0;
}

int
draft_discard(struct book *b, int64_t id, char *err)
{
	sqlite3_stmt *st;

	if (id == 0)
		return 0;
	/* the items go with it (ON DELETE CASCADE) */
	if (prepare(b, "DELETE FROM drafts WHERE id = ?1", &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return record_step_done(b, st, err);
}

int
draft_claim(struct book *b, struct draft *d, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare(b, "UPDATE drafts SET owner = ?1 WHERE id = ?2 AND owner = ?3", &st, err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, draft_owner_self(), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, d->id);
	sqlite3_bind_text(st, 3, d->owner, -1, SQLITE_STATIC);
	if ((rc = record_step_done(b, st, err)) < 0)
		return -1;
	if (sqlite3_changes(book_db(b)) == 0)
		return 0;
	free(d->owner);
	d->owner = xstrdup(draft_owner_self());
	return 1;
}

/* ---- reading ---- */

static const char *
text_at(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

/* Sets field name of r, when its kind has it (a field since dropped from
 * the kind is left out). */
static void
set_named(struct record *r, const char *name, const char *value)
{
	int f = record_field_index(r->kind, name);

	if (f >= 0 && r->kind->fields[f].sql == NULL)
		record_set(r, (size_t)f, value);
}

static void
read_item(struct draft *d, sqlite3_stmt *st, int64_t *line_of, size_t nchildren)
{
	struct record *r = d->image;
	const char *part = text_at(st, 0), *name = text_at(st, 4), *value = text_at(st, 5);
	int c;

	if (strcmp(part, "value") == 0)
		set_named(r, name, value);
	else if (strcmp(part, "custom") == 0)
		record_custom_set(r, name, value);
	else if (strcmp(part, "typed") == 0)
		draft_set_typed(d, name, value);
	else if (strcmp(part, "row") == 0 && r->rows != NULL &&
		 (c = record_child_index(r->kind, text_at(st, 1))) >= 0 && (size_t)c < nchildren) {
		int64_t line = sqlite3_column_int64(st, 2);
		struct record_rows *rs = &r->rows[c];
		if (rs->n == 0 || line_of[c] != line) {
			struct record *row = record_new(r->kind->children[c].kind);
			row->id = sqlite3_column_int64(st, 3);
			row->version = 1;
			record_rows_insert(rs, rs->n, row);
			line_of[c] = line;
		}
		set_named(rs->row[rs->n - 1], name, value);
	}
}

static int
read_items(struct book *b, struct draft *d, char *err)
{
	size_t nchildren = d->image->kind->nchildren;
	int64_t *line_of = xcalloc(nchildren + 1, sizeof *line_of);
	sqlite3_stmt *st;
	int rc;

	if (prepare(b, "SELECT part, child, line, row_id, name, value FROM draft_items"
		       " WHERE draft_id = ?1 ORDER BY part, child, line, rowid", &st, err) < 0) {
		free(line_of);
		return -1;
	}
	sqlite3_bind_int64(st, 1, d->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_item(d, st, line_of, nchildren);
	sqlite3_finalize(st);
	free(line_of);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* The draft of the current row of a SELECT over drafts, its items read;
 * NULL when its kind is not known to this build. */
static struct draft *
read_head(struct book *b, sqlite3_stmt *st, char *err, int *failed)
{
	const struct record_kind *k = record_kind_find(text_at(st, 4));
	struct record *r;
	struct draft *d;

	*failed = 0;
	if (k == NULL)
		return NULL;
	r = record_new(k);
	r->id = sqlite3_column_int64(st, 5);
	r->version = sqlite3_column_int64(st, 6);
	d = draft_new(text_at(st, 2), text_at(st, 3), r);
	record_free(r);
	d->id = sqlite3_column_int64(st, 0);
	free(d->owner);
	d->owner = xstrdup(text_at(st, 1));
	d->saved_at = sqlite3_column_int64(st, 7);
	d->stop = sqlite3_column_int(st, 8);
	d->line = sqlite3_column_int(st, 9);
	d->col = sqlite3_column_int(st, 10);
	d->pos = (size_t)sqlite3_column_int64(st, 11);
	if (sqlite3_column_type(st, 12) != SQLITE_NULL)
		d->cell = xstrdup(text_at(st, 12));
	if (read_items(b, d, err) < 0) {
		draft_free(d);
		*failed = 1;
		return NULL;
	}
	return d;
}

int
draft_orphans(struct book *b, struct draft ***out, size_t *n, char *err)
{
	struct draft **list = NULL, *d;
	sqlite3_stmt *st;
	size_t got = 0;
	int rc, failed = 0;

	*out = NULL;
	*n = 0;
	if (book_read_only(b)) /* none can be claimed: a claim writes */
		return 0;
	if (prepare(b, "SELECT id, owner, screen, title, kind, record_id, record_version, saved_at,"
		       " stop, line, col, pos, cell FROM drafts ORDER BY saved_at DESC, id DESC",
		    &st, err) < 0)
		return -1;
	while (!failed && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (draft_owner_alive(text_at(st, 1)))
			continue;
		if ((d = read_head(b, st, err, &failed)) == NULL)
			continue;
		list = xreallocarray(list, got + 1, sizeof *list);
		list[got++] = d;
	}
	if (!failed && rc != SQLITE_DONE)
		failed = record_db_error(b, err) < 0;
	sqlite3_finalize(st);
	if (failed) {
		draft_list_free(list, got);
		return -1;
	}
	*out = list;
	*n = got;
	return 0;
}
