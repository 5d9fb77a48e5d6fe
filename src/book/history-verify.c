/* The history read back (see history.h): a record's entries for the form's
 * History, and the check of the chain and of every row against its last
 * entry that `scrivano book verify` runs. */
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

/* ---- verify ---- */

struct findings {
	FILE *out;
	int n;
};

static int
report_row(void *ctx, const struct htable *t, const char *rid, int64_t last, int gone)
{
	struct findings *f = ctx;

	f->n++;
	if (gone)
		fprintf(f->out, _("%s %s: deleted outside scrivano (history entry %" PRId64
				  " keeps it)\n"),
			t->name, rid, last);
	else if (last == 0)
		fprintf(f->out, _("%s %s: not in the history: written outside scrivano\n"),
			t->name, rid);
	else
		fprintf(f->out, _("%s %s: differs from its last history entry (%" PRId64
				  "): changed outside scrivano\n"),
			t->name, rid, last);
	return 0;
}

/* An entry an erasure redacted (history_erase): its seq, its hash as
 * written and its content's since, as the erasure's entry (by) says. */
struct redaction {
	int64_t seq, by;
	char *hash, *now;
};

struct redactions {
	struct redaction *v;
	size_t n, at;
};

static void redactions_free(struct redactions *r);

/* What every erasure's entry says it redacted, by seq, then by erasure
 * (a later one redacts an entry again). */
static int
redactions_read(struct book *b, struct redactions *r, char *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(r, 0, sizeof *r);
	if (sqlite3_prepare_v2(book_db(b),
			       /* an entry changed into no JSON, or another, is no
				* error here: its hash says it was changed */
			       "SELECT seq, by, json_extract(v, '$[1]'), json_extract(v, '$[2]') "
			       "FROM (SELECT h.seq AS by, CASE WHEN x.type = 'array' THEN x.value "
			       "ELSE '[]' END AS v, CASE WHEN x.type = 'array' THEN "
			       "json_extract(x.value, '$[0]') END AS seq FROM main.history AS h, "
			       "json_each(CASE WHEN json_valid(h.after) AND json_type(h.after, "
			       "'$.redacted') = 'array' THEN h.after ELSE '{\"redacted\":[]}' END, "
			       "'$.redacted') AS x WHERE h.op = 'erase') WHERE seq IS NOT NULL "
			       "ORDER BY 1, 2",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *hash = (const char *)sqlite3_column_text(st, 2);
		const char *now = (const char *)sqlite3_column_text(st, 3);
		r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
		r->v[r->n].seq = sqlite3_column_int64(st, 0);
		r->v[r->n].by = sqlite3_column_int64(st, 1);
		r->v[r->n].hash = xstrdup(hash != NULL ? hash : "");
		r->v[r->n++].now = xstrdup(now != NULL ? now : "");
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	redactions_free(r);
	return record_db_error(b, err);
}

static void
redactions_free(struct redactions *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].hash);
		free(r->v[i].now);
	}
	free(r->v);
}

/* Whether entry seq, whose content hashes to want, is one an erasure
 * after it redacted, its hash as written being hash: seqs come in order. */
static int
redacted_ok(struct redactions *r, int64_t seq, const char *hash, const char *want)
{
	const struct redaction *last = NULL;

	while (r->at < r->n && r->v[r->at].seq < seq)
		r->at++;
	for (size_t i = r->at; i < r->n && r->v[i].seq == seq; i++)
		if (r->v[i].by > seq)
			last = &r->v[i];
	return last != NULL && strcmp(last->hash, hash) == 0 && strcmp(last->now, want) == 0;
}

/* The chain: each entry's hash is its content's (or, for an entry an
 * erasure redacted, its content's is the one the erasure's entry
 * recorded, and its hash the one it had), and it names the hash of the
 * one before; the first that does not is reported. */
static int
verify_chain(struct book *b, struct findings *f, char *err)
{
	struct buf s = { 0 };
	struct redactions red;
	sqlite3_stmt *st;
	char *last;
	int64_t prev_seq = 0;
	int rc;

	if (redactions_read(b, &red, err) < 0)
		return -1;
	buf_printf(&s, "SELECT seq, prev, hash, %s FROM main.history ORDER BY seq",
		   history_sql_entry_hash());
	if ((rc = record_prepare(b, &s, &st, err)) < 0) {
		redactions_free(&red);
		return rc;
	}
	last = xstrdup("");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t seq = sqlite3_column_int64(st, 0);
		const char *prev = (const char *)sqlite3_column_text(st, 1);
		const char *hash = (const char *)sqlite3_column_text(st, 2);
		const char *want = (const char *)sqlite3_column_text(st, 3);

		if (hash == NULL || want == NULL ||
		    (strcmp(hash, want) != 0 && !redacted_ok(&red, seq, hash, want))) {
			fprintf(f->out, _("history entry %" PRId64 ": its hash does not match its "
					  "content: the entry was changed\n"),
				seq);
			f->n++;
			break;
		}
		if (prev == NULL || strcmp(prev, last) != 0 || seq != prev_seq + 1) {
			if (prev_seq == 0)
				fprintf(f->out, _("history entry %" PRId64 ": is not the first of "
						  "the chain: entries before it are missing\n"),
					seq);
			else
				fprintf(f->out, _("history entry %" PRId64 ": does not follow entry "
						  "%" PRId64 ": an entry was removed or changed\n"),
					seq, prev_seq);
			f->n++;
			break;
		}
		free(last);
		last = xstrdup(hash);
		prev_seq = seq;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		rc = record_db_error(b, err);
	else
		rc = 0;
	sqlite3_finalize(st);
	free(last);
	redactions_free(&red);
	return rc;
}

static int
scan_one(struct book *b, const struct htable *t, void *ctx, char *err)
{
	return history_scan(b, t, report_row, ctx, err);
}

int
history_verify(struct book *b, FILE *out, char *err)
{
	struct findings f = { out, 0 };

	if (verify_chain(b, &f, err) < 0 || history_each_table(b, scan_one, &f, err) < 0)
		return -1;
	return f.n > 0;
}

/* ---- a record's entries ---- */

/* JSON object text's members in order, as text ("" for null). */
static int
members(struct book *b, const char *json, char ***key, char ***val, size_t *n, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*key = NULL;
	*val = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b), "SELECT key, value FROM json_each(?1)", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, json != NULL ? json : "{}", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 1);
		*key = xreallocarray(*key, *n + 1, sizeof **key);
		*val = xreallocarray(*val, *n + 1, sizeof **val);
		(*key)[*n] = xstrdup((const char *)sqlite3_column_text(st, 0));
		(*val)[(*n)++] = xstrdup(v != NULL ? v : "");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

static void
strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
add_change(struct history_entry *e, const struct record_kind *k, const char *field,
	   const char *before, const char *after)
{
	struct history_change *c;
	int i = k != NULL ? record_field_index(k, field) : -1;

	e->change = xreallocarray(e->change, e->nchange + 1, sizeof *e->change);
	c = &e->change[e->nchange++];
	c->field = xstrdup(field);
	c->label = i >= 0 ? k->fields[i].label : NULL;
	c->before = xstrdup(strcmp(before, HISTORY_ERASED) == 0 ? _("(erased)") : before);
	c->after = xstrdup(strcmp(after, HISTORY_ERASED) == 0 ? _("(erased)") : after);
}

/* Pairs the before and after members: those of before in order, then
 * those only after has. */
static int
entry_changes(struct book *b, struct history_entry *e, const struct record_kind *k,
	      const char *before, const char *after, char *err)
{
	char **bk, **bv, **ak, **av;
	size_t nb, na;

	if (members(b, before, &bk, &bv, &nb, err) < 0)
		return -1;
	if (members(b, after, &ak, &av, &na, err) < 0) {
		strings_free(bk, nb);
		strings_free(bv, nb);
		return -1;
	}
	for (size_t i = 0; i < nb; i++) {
		const char *to = "";
		for (size_t j = 0; j < na; j++)
			if (strcmp(ak[j], bk[i]) == 0)
				to = av[j];
		add_change(e, k, bk[i], bv[i], to);
	}
	for (size_t j = 0; j < na; j++) {
		int seen = 0;
		for (size_t i = 0; i < nb && !seen; i++)
			seen = strcmp(ak[j], bk[i]) == 0;
		if (!seen)
			add_change(e, k, ak[j], "", av[j]);
	}
	strings_free(bk, nb);
	strings_free(bv, nb);
	strings_free(ak, na);
	strings_free(av, na);
	return 0;
}

/* The kind of the rows of table tbl among k and its children. */
static const struct record_kind *
row_kind(const struct record_kind *k, const char *tbl, const char **child_label)
{
	*child_label = NULL;
	if (history_table_of(k) != NULL && strcmp(history_table_of(k), tbl) == 0)
		return k;
	for (size_t c = 0; c < k->nchildren; c++)
		if (k->children[c].kind->table != NULL &&
		    strcmp(k->children[c].kind->table, tbl) == 0) {
			*child_label = k->children[c].name;
			return k->children[c].kind;
		}
	return NULL;
}

static char *
column_dup(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	return xstrdup(v != NULL ? v : "");
}

int
history_of(struct book *b, const struct record_kind *k, int64_t id, struct history_entry **out,
	   size_t *n, char *err)
{
	const char *table = history_table_of(k);
	struct history_entry *v = NULL;
	size_t nv = 0;
	sqlite3_stmt *st;
	char rid[32];
	int rc;

	*out = NULL;
	*n = 0;
	if (table == NULL)
		return err_set(err, _("%s keep no history of their own"), k->name);
	snprintf(rid, sizeof rid, "%" PRId64, id);
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT seq, time, account, session, kind, tbl, rid, op, before, "
			       "after, ptbl IS NOT NULL FROM main.history WHERE (tbl = ?1 AND "
			       "rid = ?3) OR (ptbl IN (?1, ?2) AND pid = ?3) ORDER BY seq",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, k->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct history_entry *e;
		const struct record_kind *rk;

		v = xreallocarray(v, nv + 1, sizeof *v);
		e = &v[nv++];
		memset(e, 0, sizeof *e);
		e->seq = sqlite3_column_int64(st, 0);
		e->time = column_dup(st, 1);
		e->account = column_dup(st, 2);
		e->session = column_dup(st, 3);
		e->kind = column_dup(st, 4);
		e->tbl = column_dup(st, 5);
		e->rid = column_dup(st, 6);
		e->op = column_dup(st, 7);
		e->child = strcmp(e->tbl, table) != 0 || sqlite3_column_int(st, 10);
		rk = row_kind(k, e->tbl, &e->child_label);
		/* an erasure's after is the entries it redacted, not fields */
		if (entry_changes(b, e, rk, (const char *)sqlite3_column_text(st, 8),
				  strcmp(e->op, "erase") == 0
					  ? "{}"
					  : (const char *)sqlite3_column_text(st, 9),
				  err) < 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		if (rc != SQLITE_ROW)
			record_db_error(b, err);
		history_entries_free(v, nv);
		return -1;
	}
	*out = v;
	*n = nv;
	return 0;
}

void
history_entries_free(struct history_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].time);
		free(e[i].account);
		free(e[i].session);
		free(e[i].kind);
		free(e[i].tbl);
		free(e[i].rid);
		free(e[i].op);
		for (size_t c = 0; c < e[i].nchange; c++) {
			free(e[i].change[c].field);
			free(e[i].change[c].before);
			free(e[i].change[c].after);
		}
		free(e[i].change);
	}
	free(e);
}
