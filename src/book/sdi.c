/* The FatturaPA files made for the documents (sdi_files): their
 * progressivo, storing one as validated, reading them back, and their
 * being sent. See sdi.h. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/record-store.h"
#include "book/sdi.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/util.h"

void
sdi_file_clear(struct sdi_file *f)
{
	free(f->xml);
	f->xml = NULL;
	f->len = 0;
}

int
sdi_progressivo(int64_t id, char out[SDI_PROGRESSIVO_LEN + 1])
{
	static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	int64_t v = id;

	if (id < 1 || id > 60466175) /* 36^5 - 1 */
		return -1;
	for (int i = SDI_PROGRESSIVO_LEN - 1; i >= 0; i--) {
		out[i] = digits[v % 36];
		v /= 36;
	}
	out[SDI_PROGRESSIVO_LEN] = '\0';
	return 0;
}

/* Now, local time, as sdi_files keeps it. */
static void
sdi_now(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

int
sdi_file_next_id(struct book *b, int64_t *id, char *err)
{
	sqlite3_stmt *st;
	int rc;

	/* AUTOINCREMENT keeps the highest id ever used in sqlite_sequence,
	 * so an id of a file deleted is never given again */
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = "
			       "'sdi_files'), 0), coalesce((SELECT max(id) FROM sdi_files), 0))",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0) + 1;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

static void
text_col(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	str_copy(out, t ? (const char *)t : "", size);
}

int
sdi_document_check(struct book *b, int64_t doc, char *err)
{
	const struct doc_kind *k = NULL;
	sqlite3_stmt *st;
	char name[64] = "", state[2] = "", dir[2] = "";
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT kind, direction, state, CASE number WHEN '' THEN kind || ' #' "
			       "|| id ELSE kind || ' ' || number END FROM documents WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, doc);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		k = doc_kind_find((const char *)sqlite3_column_text(st, 0));
		text_col(st, 1, dir, sizeof dir);
		text_col(st, 2, state, sizeof state);
		text_col(st, 3, name, sizeof name);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set(err, _("there is no document number %" PRId64), doc);
		return REC_GONE;
	}
	if (rc != SQLITE_ROW)
		return record_db_error(b, err);
	if (k == NULL || !(k->flags & DK_FISCAL) || strcmp(dir, "S") != 0)
		rc = err_set(err, _("%s does not go to SdI: only issued invoices, notes, "
				    "parcelle and acconti do"),
			     name);
	else if (strcmp(state, DOC_STATE_DRAFT) == 0)
		rc = err_set(err, _("%s is a draft: issue it first"), name);
	else
		rc = 0;
	return rc < 0 ? REC_INVALID : 0;
}

/* Sets documents.sdi_state of doc to state (a column no record writes). */
int
document_sdi_state(struct book *b, int64_t doc, const char *state, char *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(book_db(b), "UPDATE documents SET sdi_state = ?1 WHERE id = ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, doc);
	return record_step_done(b, st, err);
}

static int
store_row(struct book *b, const struct sdi_file_new *f, char *err)
{
	sqlite3_stmt *st;
	char hex[65], made[20];
	int64_t next;
	int rc;

	if ((rc = sdi_document_check(b, f->document, err)) < 0)
		return rc;
	if (sdi_file_next_id(b, &next, err) < 0)
		return REC_ERROR;
	if (f->id != next) {
		err_set(err, _("file number %" PRId64 " is not the next one (%" PRId64 ")"), f->id,
			next);
		return REC_INVALID;
	}
	sha256_hex(f->xml, f->len, hex);
	sdi_now(made);
	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT INTO sdi_files (id, document, name, xml, sha256, made) "
			       "SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM "
			       "sdi_files WHERE name = ?3)",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, f->id);
	sqlite3_bind_int64(st, 2, f->document);
	sqlite3_bind_text(st, 3, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_blob64(st, 4, f->xml, f->len, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, hex, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, made, -1, SQLITE_STATIC);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	if (sqlite3_changes(book_db(b)) == 0) {
		err_set(err, _("the book has a file named %s already"), f->name);
		return REC_INVALID;
	}
	return document_sdi_state(b, f->document, "X", err);
}

int
sdi_file_store(struct book *b, const struct sdi_file_new *f, char *err)
{
	int rc;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	rc = store_row(b, f, err);
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	return rc;
}

#define SDI_COLUMNS "id, document, name, sha256, made, sent, message_id, sdi_id, state"

/* Reads the row st stands on (SDI_COLUMNS, then xml when with_xml). */
static void
read_row(sqlite3_stmt *st, int with_xml, struct sdi_file *f)
{
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->document = sqlite3_column_int64(st, 1);
	text_col(st, 2, f->name, sizeof f->name);
	text_col(st, 3, f->sha256, sizeof f->sha256);
	text_col(st, 4, f->made, sizeof f->made);
	text_col(st, 5, f->sent, sizeof f->sent);
	text_col(st, 6, f->message_id, sizeof f->message_id);
	text_col(st, 7, f->sdi_id, sizeof f->sdi_id);
	text_col(st, 8, f->state, sizeof f->state);
	if (with_xml) {
		const void *x = sqlite3_column_blob(st, 9);
		f->len = (size_t)sqlite3_column_bytes(st, 9);
		f->xml = xmalloc(f->len + 1);
		if (f->len > 0)
			memcpy(f->xml, x, f->len);
		f->xml[f->len] = '\0';
	}
}

/* The one row of the query "SELECT SDI_COLUMNS[, xml] FROM sdi_files
 * WHERE where" with ?1 bound to id (or to text when not NULL): 1, 0 none,
 * REC_ERROR. */
static int
query_one(struct book *b, const char *where, int64_t id, const char *text, int with_xml,
	  struct sdi_file *f, char *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	buf_printf(&sql, "SELECT " SDI_COLUMNS "%s FROM sdi_files WHERE %s",
		   with_xml ? ", xml" : "", where);
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	if (text != NULL)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, with_xml, f);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
sdi_file_get(struct book *b, int64_t id, int with_xml, struct sdi_file *f, char *err)
{
	int rc = query_one(b, "id = ?1", id, NULL, with_xml, f, err);

	if (rc == 0) {
		err_set(err, _("there is no SdI file number %" PRId64), id);
		return REC_GONE;
	}
	return rc < 0 ? rc : 0;
}

int
sdi_file_by_name(struct book *b, const char *name, int with_xml, struct sdi_file *f,
		 char *err)
{
	int rc = query_one(b, "name = ?1", 0, name, with_xml, f, err);

	if (rc == 0) {
		err_set(err, _("there is no SdI file named %s"), name);
		return REC_GONE;
	}
	return rc < 0 ? rc : 0;
}

int
sdi_file_newest(struct book *b, int64_t doc_id, int with_xml, struct sdi_file *f, char *err)
{
	return query_one(b, "document = ?1 ORDER BY id DESC LIMIT 1", doc_id, NULL, with_xml, f,
			 err);
}

/* The ids sql gives (column 0, with ?1 from and ?2 to bound), those whose
 * column 1 is a kind that goes to SdI when it has one. */
static int
ids_of_period(struct book *b, const char *sql, const char *from, const char *to,
	      int64_t **ids, size_t *got, char *err)
{
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;
	int64_t *v = NULL;
	int rc;

	*ids = NULL;
	*got = 0;
	if (sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_count(st) > 1) {
			const struct doc_kind *k =
				doc_kind_find((const char *)sqlite3_column_text(st, 1));
			if (k == NULL || !(k->flags & DK_FISCAL))
				continue;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return record_db_error(b, err);
	}
	*ids = v;
	*got = n;
	return 0;
}

int
sdi_files_of_period(struct book *b, const char *from, const char *to, int64_t **ids,
		    size_t *got, char *err)
{
	return ids_of_period(b,
			     "SELECT (SELECT max(f.id) FROM sdi_files f WHERE f.document = d.id) "
			     "AS newest FROM documents d WHERE d.direction = 'S' AND d.date "
			     "BETWEEN ?1 AND ?2 AND newest IS NOT NULL ORDER BY d.date, d.year, "
			     "d.seq, d.id",
			     from, to, ids, got, err);
}

int
sdi_documents_of_period(struct book *b, const char *from, const char *to, int64_t **ids,
			size_t *got, char *err)
{
	return ids_of_period(b,
			     "SELECT id, kind FROM documents WHERE direction = 'S' AND state <> "
			     "'D' AND date BETWEEN ?1 AND ?2 ORDER BY date, year, seq, id",
			     from, to, ids, got, err);
}

int
sdi_documents_unfiled(struct book *b, int64_t **ids, size_t *got, char *err)
{
	/* every date: ids_of_period binds the bounds, which this query leaves alone */
	return ids_of_period(b,
			     "SELECT id, kind FROM documents d WHERE direction = 'S' AND state <> "
			     "'D' AND coalesce(?1, ?2) IS NULL AND NOT EXISTS (SELECT 1 FROM "
			     "sdi_files f WHERE f.document = d.id) ORDER BY date, year, seq, id",
			     NULL, NULL, ids, got, err);
}

static int
mark_sent(struct book *b, int64_t file_id, const char *message_id, const char *when,
	  char *err)
{
	struct sdi_file f, newest;
	struct record *d = NULL;
	sqlite3_stmt *st;
	char now[20];
	int rc;

	if ((rc = sdi_file_get(b, file_id, 0, &f, err)) < 0)
		return rc;
	if (f.state[0] != SDI_MADE) {
		const char *l = sdi_state_label(f.state[0]);
		err_set(err, _("file %s is %s already: a file is sent once (a correction is a "
			       "new file)"),
			f.name, l ? _(l) : f.state);
		return REC_INVALID;
	}
	if (when == NULL) {
		sdi_now(now);
		when = now;
	}
	if (sqlite3_prepare_v2(book_db(b),
			       "UPDATE sdi_files SET state = 'S', sent = ?1, message_id = ?2 "
			       "WHERE id = ?3",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, when, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, message_id ? message_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, file_id);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	if ((rc = sdi_file_newest(b, f.document, 0, &newest, err)) < 0)
		return rc;
	if (newest.id == f.id && document_sdi_state(b, f.document, "S", err) < 0)
		return REC_ERROR;
	if ((rc = record_load(b, &documents_kind, f.document, &d, err)) < 0)
		return rc;
	if (strcmp(record_get(d, DOC_STATE), DOC_STATE_ISSUED) == 0)
		rc = document_set_state(b, f.document, DOC_STATE_SENT, err);
	record_free(d);
	return rc;
}

int
sdi_file_mark_sent(struct book *b, int64_t file_id, const char *message_id, const char *when,
		   char *err)
{
	int rc;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	rc = mark_sent(b, file_id, message_id, when, err);
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	return rc;
}

const char *
sdi_state_label(char c)
{
	switch (c) {
	case SDI_MADE: return N_("made");
	case SDI_SENT: return N_("sent");
	case SDI_DELIVERED: return N_("delivered");
	case SDI_UNDELIVERED: return N_("not delivered");
	case SDI_REJECTED: return N_("rejected");
	case SDI_ACCEPTED: return N_("accepted");
	case SDI_REFUSED: return N_("refused");
	case SDI_ELAPSED: return N_("terms elapsed");
	default: return NULL;
	}
}
