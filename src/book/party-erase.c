/* A person's erasure (party-erase.h): which records the law keeps name
 * the person, what the party's record keeps for them and what it loses,
 * the writes through the record interface in one transaction with the
 * history's redaction, the file rewritten, and the report. */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/documents.h"
#include "book/history.h"
#include "book/parties.h"
#include "book/party-erase.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/util.h"

/* What the record keeps while a kept record names the person: what those
 * records read through it (a document names its party by id and copies
 * neither its name nor its address; the FatturaPA made again from it
 * needs them), and a dichiarazione d'intento, a fiscal record the
 * invoices under it cite. */
static const char *const kept_fields[] = {
	"role", "kind", "name", "first_name", "last_name", "piva", "cf", "vat_country",
	"address", "street_no", "cap", "city", "province", "country", "public_admin",
	"pa_office", "intent_protocol", "intent_date", "intent_plafond",
};

/* The years the law keeps invoices and the books (art. 2220 codice
 * civile; art. 39 DPR 633/1972 for the VAT registers and invoices). */
#define KEPT_YEARS 10

/* A line of the report, formatted. */
static void
say(struct text_lines *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
say(struct text_lines *r, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		abort(); /* out of memory, as xasprintf */
	va_end(ap);
	text_lines_add(r, s);
	free(s);
}

static void
report_free(struct text_lines *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i]);
	free(r->v);
}

static int
is_kept(const char *field)
{
	for (size_t i = 0; i < ARRAY_LEN(kept_fields); i++)
		if (strcmp(kept_fields[i], field) == 0)
			return 1;
	return 0;
}

/* An ISO date as dd/mm/yyyy, years years on. */
static const char *
day(const char *iso, int years, char out[16])
{
	int y, m, d;

	if (iso == NULL || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return str_copy(out, iso != NULL ? iso : "", 16), out;
	snprintf(out, 16, "%02d/%02d/%04d", d, m, y + years);
	return out;
}

/* ---- the records that name the person ---- */

/* Whether table t is one of the party's own child rows (its contacts). */
static int
own_child(const char *t)
{
	for (size_t c = 0; c < parties_kind.nchildren; c++)
		if (strcmp(parties_kind.children[c].kind->table, t) == 0)
			return 1;
	return 0;
}

static int
documents_named(struct book *b, int64_t id, struct text_lines *r, char *err)
{
	sqlite3_stmt *st;
	char d[16], until[16];
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT kind, state, number, date FROM documents WHERE party_id = ?1 "
			       "ORDER BY date, id",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct doc_kind *k = doc_kind_find((const char *)sqlite3_column_text(st, 0));
		const char *label = k != NULL ? _(k->label) : (const char *)sqlite3_column_text(st, 0);
		const char *state = (const char *)sqlite3_column_text(st, 1);
		const char *date = (const char *)sqlite3_column_text(st, 3);

		day(date, 0, d);
		day(date, KEPT_YEARS, until);
		if (strcmp(state, "D") == 0)
		{
			say(r, _("  %s (draft) of %s: not issued, but it names the person:"), label, d);
			say(r, "%s", _("    delete it if it is not needed, then erase again"));
		} else
			say(r, _("  %s %s of %s: kept until %s"), label,
			    (const char *)sqlite3_column_text(st, 2), d, until);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

static int
entries_named(struct book *b, int64_t id, struct text_lines *r, char *err)
{
	sqlite3_stmt *st;
	char from[16], to[16], until[16];
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT count(*), min(date), max(date) FROM pn_entries WHERE "
			       "party_id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0)
		say(r, ngettext("  %d prima nota entry of %s to %s: kept until %s",
				"  %d prima nota entries of %s to %s: kept until %s",
				(unsigned long)sqlite3_column_int(st, 0)),
		    sqlite3_column_int(st, 0), day((const char *)sqlite3_column_text(st, 1), 0, from),
		    day((const char *)sqlite3_column_text(st, 2), 0, to),
		    day((const char *)sqlite3_column_text(st, 2), KEPT_YEARS, until));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

/* Rows of table t whose column c names the party, as one line. */
static int
rows_named(struct book *b, const char *t, const char *c, int64_t id, struct text_lines *r,
	   char *err)
{
	struct buf s = { 0 };
	sqlite3_stmt *st;
	int rc;

	buf_printf(&s, "SELECT count(*) FROM main.\"%s\" WHERE \"%s\" = ?1", t, c);
	if ((rc = record_prepare(b, &s, &st, err)) < 0)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0) {
		int k = sqlite3_column_int(st, 0);
		if (strcmp(t, "articles") == 0) {
			say(r, ngettext("  %d article names the person as its usual supplier",
					"  %d articles name the person as their usual supplier",
					(unsigned long)k),
			    k);
			say(r, "%s", _("  (choose another there, then erase again to delete the record)"));
		} else
			say(r, ngettext("  %d row of table %s", "  %d rows of table %s", (unsigned long)k),
			    k, t);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

/* The lines of every record that names party id (but its own child
 * rows), into r: how many lines were added, or REC_ERROR. */
static int
records_naming(struct book *b, int64_t id, struct text_lines *r, char *err)
{
	sqlite3_stmt *st;
	size_t before = r->n;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT m.name, f.\"from\" FROM main.sqlite_schema AS m, "
			       "pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table' AND "
			       "f.\"table\" = 'parties' ORDER BY m.name, f.\"from\"",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		const char *c = (const char *)sqlite3_column_text(st, 1);
		int done;

		if (own_child(t))
			continue;
		if (strcmp(t, "documents") == 0 && strcmp(c, "party_id") == 0)
			done = documents_named(b, id, r, err);
		else if (strcmp(t, "pn_entries") == 0 && strcmp(c, "party_id") == 0)
			done = entries_named(b, id, r, err);
		else
			done = rows_named(b, t, c, id, r, err);
		if (done < 0) {
			sqlite3_finalize(st);
			return REC_ERROR;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return record_db_error(b, err);
	return (int)(r->n - before);
}

/* ---- the erasure ---- */

/* The fields emptied, as the erasure's history entry names them:
 * {"field":"[erased]",...}. */
struct erased {
	struct buf json;
};

static void
erased_add(struct erased *e, const char *name)
{
	buf_printf(&e->json, "%s\"%s\":\"%s\"", e->json.len > 1 ? "," : "", name, HISTORY_ERASED);
}

/* Empties in p what the law does not keep (everything, when whole),
 * saying so in rep: a field that has a default (a customer blocked) goes
 * back to it, and one at its default holds nothing of the person. */
static void
empty_fields(struct record *p, int whole, struct erased *e, struct text_lines *rep)
{
	for (size_t i = 0; i < p->kind->nfields; i++) {
		const struct record_field *f = &p->kind->fields[i];
		const char *empty = f->dflt != NULL ? f->dflt : "";
		if (f->sql != NULL || strcmp(record_get(p, i), empty) == 0 ||
		    (!whole && is_kept(f->name)))
			continue;
		say(rep, _("  %s: erased"), _(f->label));
		erased_add(e, f->name);
		if (!whole)
			record_set(p, i, empty);
	}
	for (size_t i = 0; i < p->ncustom; i++)
		if (p->custom[i].value[0] != '\0') {
			say(rep, _("  %s (a field of your own): erased"), p->custom[i].name);
			record_custom_set(p, p->custom[i].name, "");
		}
	for (size_t c = 0; c < p->kind->nchildren; c++) {
		struct record_rows *rs = &p->rows[c];
		if (rs->n > 0)
			say(rep, ngettext("  %zu row of %s: deleted", "  %zu rows of %s: deleted", rs->n),
			    rs->n, p->kind->children[c].name);
		while (!whole && rs->n > 0)
			record_rows_remove(rs, rs->n - 1);
	}
}

/* The party's drafts (what a form holds unsaved): discarded. */
static int
drafts_discard(struct book *b, int64_t id, int *n, char *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(book_db(b),
			       "DELETE FROM drafts WHERE kind = 'parties' AND record_id = ?1", -1,
			       &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	*n = sqlite3_changes(book_db(b));
	return 0;
}

/* The writes, in one transaction. */
static int
erase_writes(struct book *b, struct record *p, int whole, struct erased *e, struct text_lines *rep,
	     char *err)
{
	int rc, drafts = 0;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	rc = whole ? record_delete(b, p, err) : record_save_ex(b, p, NULL, err);
	if (rc == 0)
		rc = drafts_discard(b, p->id, &drafts, err);
	/* every value of its older entries goes, a kept field's too: the
	 * record holds what is kept, and an old address or name is needed by
	 * no record the law keeps */
	if (rc == 0 &&
	    (rc = history_erase(b, "parties", p->id, e->json.data, err)) >= 0) {
		if (drafts > 0)
			say(rep, ngettext("  %d draft of the record, not saved: discarded",
					  "  %d drafts of the record, not saved: discarded",
					  (unsigned long)drafts),
			    drafts);
		say(rep, ngettext("  every value in its %d older history entry: replaced by %s",
				  "  every value in its %d older history entries: replaced by %s",
				  (unsigned long)rc),
		    rc, HISTORY_ERASED);
		rc = book_commit(b, err);
	}
	if (rc < 0) {
		book_rollback(b);
		return rc;
	}
	return 0;
}

/* Rewrites the file so that no free page or WAL frame keeps what was
 * erased: 0, or -1 with why not. */
static int
file_rewrite(struct book *b, char *why)
{
	sqlite3_stmt *st;
	int busy = 1;

	if (book_exec(b, "VACUUM", why) < 0)
		return -1;
	if (sqlite3_prepare_v2(book_db(b), "PRAGMA wal_checkpoint(TRUNCATE)", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		busy = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (busy)
		return err_set(why, _("another session has the book open"));
	return 0;
}

int
party_erase(struct book *b, int64_t id, char ***lines, size_t *n, char *err)
{
	struct text_lines rep = { 0 }, kept = { 0 };
	struct erased e = { 0 };
	struct record *p;
	char why[ERR_SIZE];
	int rc, naming, whole;
	size_t at;

	*lines = NULL;
	*n = 0;
	/* the lenient kind: a supplier's record from its own FatturaPA saves */
	if ((rc = record_load(b, &parties_received_kind, id, &p, err)) < 0) {
		if (rc == REC_GONE)
			err_set(err, _("there is no customer or supplier number %" PRId64), id);
		return rc;
	}
	if (strcmp(record_get(p, PARTY_KIND), "P") != 0) {
		err_set(err, _("%s (number %" PRId64 ") is a company: its data are not personal "
			       "data; nothing was erased"),
			record_get(p, PARTY_NAME), id);
		record_free(p);
		return REC_INVALID;
	}
	if ((naming = records_naming(b, id, &kept, err)) < 0) {
		record_free(p);
		return REC_ERROR;
	}
	whole = naming == 0;
	say(&rep, _("Erasure of the personal data of %s (number %" PRId64 ")"),
	    record_get(p, PARTY_NAME), id);
	say(&rep, "%s", "");
	say(&rep, "%s", _("Erased:"));
	buf_adds(&e.json, "{");
	if (whole)
		say(&rep, "%s", _("  the whole record, deleted: no record the law keeps names it"));
	at = rep.n;
	empty_fields(p, whole, &e, &rep);
	if (rep.n == at)
		say(&rep, "%s", _("  no field left to erase"));
	buf_adds(&e.json, "}");
	rc = erase_writes(b, p, whole, &e, &rep, err);
	if (rc == 0 && !whole) {
		say(&rep, "%s", "");
		say(&rep, "%s", _("Kept, because the law keeps the records that name the person"));
		say(&rep, "%s", _("(invoices and the books: ten years, art. 2220 codice civile):"));
		say(&rep, "%s", _("  the names, partita IVA, codice fiscale and address: those"));
		say(&rep, "%s", _("  records name the person through this record"));
		if (record_get(p, PARTY_INTENT_PROTOCOL)[0] != '\0')
			say(&rep, "%s", _("  the dichiarazione d'intento: the invoices under it cite it"));
		say(&rep, "%s", _("  the records:"));
		for (size_t i = 0; i < kept.n; i++)
			say(&rep, "  %s", kept.v[i]);
	}
	if (rc == 0) {
		say(&rep, "%s", "");
		if (file_rewrite(b, why) == 0)
			say(&rep, "%s", _("The file was rewritten (VACUUM): no free page keeps the "
					  "erased values."));
		else {
			say(&rep, _("The file could not be rewritten now (%s):"), why);
			say(&rep, _("its free pages may keep the values until `scrivano party "
				    "erase %" PRId64 "`"),
			    id);
			say(&rep, "%s", _("runs again with no session open."));
		}
		say(&rep, "%s", _("Backups made before keep them until their retention removes them."));
	}
	report_free(&kept);
	buf_free(&e.json);
	record_free(p);
	if (rc < 0) {
		report_free(&rep);
		return rc;
	}
	*lines = rep.v;
	*n = rep.n;
	return 0;
}

/* ---- the command ---- */

int
party_erase_applies(const struct record *r)
{
	return strcmp(record_get(r, PARTY_KIND), "P") == 0;
}

int
party_erase_report(struct book *b, const struct record *r, const char *arg, char ***lines,
	     size_t *n, char *err)
{
	(void)arg;
	return party_erase(b, r->id, lines, n, err);
}
