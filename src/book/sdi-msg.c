/* SdI's messages in the book: the transitions, storing a message against
 * the file it answers, reading its errors back. See sdi-msg.h. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/record-store.h"
#include "book/sdi-msg.h"
#include "book/sdi.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/util.h"

/* ---- the transitions ---- */

/* A state's rank: answered states only go up; 3 is final. */
static int
rank(char s)
{
	switch (s) {
	case SDI_MADE:
	case SDI_SENT:
		return 0;
	case SDI_UNDELIVERED:
		return 1;
	case SDI_DELIVERED:
		return 2;
	default: /* R A F T, and anything unknown: never moved */
		return 3;
	}
}

char
sdi_state_after(char from, const char *kind, const char *esito)
{
	char to;

	if (strcmp(kind, "RC") == 0)
		to = SDI_DELIVERED;
	else if (strcmp(kind, "MC") == 0 || strcmp(kind, "AT") == 0)
		to = SDI_UNDELIVERED;
	else if (strcmp(kind, "NE") == 0 && strcmp(esito, "EC01") == 0)
		to = SDI_ACCEPTED;
	else if (strcmp(kind, "NE") == 0 && strcmp(esito, "EC02") == 0)
		to = SDI_REFUSED;
	else if (strcmp(kind, "DT") == 0)
		to = SDI_ELAPSED;
	else if (strcmp(kind, "NS") == 0)
		/* rejected before anything else */
		return rank(from) == 0 ? SDI_REJECTED : from;
	else
		return from;
	return rank(to) > rank(from) ? to : from;
}

/* ---- storing ---- */

/* The message already stored under name: 1 with what it did in res, 0
 * none, REC_ERROR. */
static int
seen(struct book *b, const char *name, struct sdi_message_done *res, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT m.id, m.kind, m.sdi_file, f.document, f.name, m.sdi_id, "
			       "m.state_from, m.state_to FROM sdi_messages m JOIN sdi_files f ON "
			       "f.id = m.sdi_file WHERE m.file_name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		res->already_seen = 1;
		res->id = sqlite3_column_int64(st, 0);
		str_copy(res->kind, (const char *)sqlite3_column_text(st, 1), sizeof res->kind);
		res->file = sqlite3_column_int64(st, 2);
		res->document = sqlite3_column_int64(st, 3);
		str_copy(res->file_name, (const char *)sqlite3_column_text(st, 4),
			 sizeof res->file_name);
		str_copy(res->sdi_id, (const char *)sqlite3_column_text(st, 5), sizeof res->sdi_id);
		str_copy(res->from, (const char *)sqlite3_column_text(st, 6), sizeof res->from);
		str_copy(res->to, (const char *)sqlite3_column_text(st, 7), sizeof res->to);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* The file of the book with IdentificativoSdI sdi_id: 1 with it, 0, REC_ERROR. */
static int
file_by_sdi_id(struct book *b, const char *sdi_id, struct sdi_file *f, char *err)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT id FROM sdi_files WHERE sdi_id = ?1 AND sdi_id <> '' "
			       "ORDER BY id DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, sdi_id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return record_db_error(b, err);
	if (id == 0)
		return 0;
	return sdi_file_get(b, id, 0, f, err) < 0 ? REC_ERROR : 1;
}

/* The file m answers: by its name (or that name less a signature's .p7m),
 * else by the IdentificativoSdI. 1, 0 none, REC_ERROR. */
static int
answered_file(struct book *b, const struct sdi_message_in *m, struct sdi_file *f, char *err)
{
	size_t n = strlen(m->answers);
	char name[128];
	int rc;

	str_copy(name, m->answers, sizeof name);
	for (int pass = 0; pass < 2; pass++) {
		rc = sdi_file_by_name(b, name, 0, f, err);
		if (rc == 0)
			return 1;
		if (rc != REC_GONE)
			return REC_ERROR;
		if (n <= 4 || strcmp(name + n - 4, ".p7m") != 0)
			break;
		name[n - 4] = '\0';
	}
	return file_by_sdi_id(b, m->sdi_id, f, err);
}

static int
insert_message(struct book *b, const struct sdi_message_in *m, const struct sdi_message_done *res,
	       int64_t *id, char *err)
{
	sqlite3_stmt *st;
	char hex[65];

	sha256_hex(m->data, m->len, hex);
	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT INTO sdi_messages (file_name, content, sha256, signed, "
			       "signature_ok, signer, kind, sdi_file, sdi_id, answers, message_id, "
			       "received, delivered, esito, description, state_from, state_to) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
			       "?15, ?16, ?17)",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, m->file_name, -1, SQLITE_STATIC);
	sqlite3_bind_blob64(st, 2, m->data, m->len, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hex, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, m->is_signed != 0);
	sqlite3_bind_int(st, 5, m->signature_ok != 0);
	sqlite3_bind_text(st, 6, m->signer ? m->signer : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, m->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, res->file);
	sqlite3_bind_text(st, 9, m->sdi_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, m->answers, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, m->message_id ? m->message_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, m->received ? m->received : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, m->delivered ? m->delivered : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, m->esito ? m->esito : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, m->text ? m->text : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, res->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, res->to, -1, SQLITE_STATIC);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	*id = sqlite3_last_insert_rowid(book_db(b));
	for (size_t i = 0; i < m->nerrors; i++) {
		const struct sdi_message_error_in *e = &m->errors[i];

		if (sqlite3_prepare_v2(book_db(b),
				       "INSERT INTO sdi_message_errors (message, position, code, "
				       "description, hint) VALUES (?1, ?2, ?3, ?4, ?5)",
				       -1, &st, NULL) != SQLITE_OK)
			return record_db_error(b, err);
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int64(st, 2, (int64_t)i + 1);
		sqlite3_bind_text(st, 3, e->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, e->text ? e->text : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, e->hint ? e->hint : "", -1, SQLITE_STATIC);
		if (record_step_done(b, st, err) < 0)
			return REC_ERROR;
	}
	return 0;
}

/* The file's new state and (the first time) SdI's id, the document's
 * sdi_state when the file is its newest, and the document sent. */
static int
move_file(struct book *b, const struct sdi_file *f, const struct sdi_message_done *res,
	  char *err)
{
	struct sdi_file newest;
	struct record *d = NULL;
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "UPDATE sdi_files SET state = ?1, sdi_id = CASE sdi_id WHEN '' THEN "
			       "?2 ELSE sdi_id END WHERE id = ?3",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, res->to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, res->sdi_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, f->id);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	if (strcmp(res->from, res->to) == 0)
		return 0;
	if ((rc = sdi_file_newest(b, f->document, 0, &newest, err)) < 0)
		return rc;
	if (newest.id == f->id && document_sdi_state(b, f->document, res->to, err) < 0)
		return REC_ERROR;
	if (res->to[0] == SDI_REJECTED)
		return 0;
	if ((rc = record_load(b, &documents_kind, f->document, &d, err)) < 0)
		return rc;
	if (strcmp(record_get(d, DOC_STATE), DOC_STATE_ISSUED) == 0)
		rc = document_set_state(b, f->document, DOC_STATE_SENT, err);
	record_free(d);
	return rc;
}

static int
store(struct book *b, const struct sdi_message_in *m, struct sdi_message_done *res, char *err)
{
	struct sdi_file f;
	int rc;

	if ((rc = seen(b, m->file_name, res, err)) != 0)
		return rc < 0 ? rc : 0;
	if ((rc = answered_file(b, m, &f, err)) < 0)
		return rc;
	if (rc == 0) {
		err_set(err, _("%s answers %s (IdentificativoSdI %s), which is no file of this "
			       "book: nothing was imported"),
			m->file_name, m->answers, m->sdi_id);
		return REC_INVALID;
	}
	res->file = f.id;
	res->document = f.document;
	str_copy(res->kind, m->kind, sizeof res->kind);
	str_copy(res->file_name, f.name, sizeof res->file_name);
	str_copy(res->sdi_id, m->sdi_id, sizeof res->sdi_id);
	res->from[0] = f.state[0];
	res->other_transmission = f.sdi_id[0] != '\0' && strcmp(f.sdi_id, m->sdi_id) != 0;
	res->to[0] = res->other_transmission ? f.state[0]
					     : sdi_state_after(f.state[0], m->kind,
							       m->esito ? m->esito : "");
	if (!res->other_transmission && (rc = move_file(b, &f, res, err)) < 0)
		return rc;
	return insert_message(b, m, res, &res->id, err);
}

int
sdi_message_store(struct book *b, const struct sdi_message_in *m,
		  struct sdi_message_done *res, char *err)
{
	int rc;

	memset(res, 0, sizeof *res);
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	rc = store(b, m, res, err);
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	return rc;
}

/* ---- reading ---- */

static char *
column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return xstrdup(t != NULL ? (const char *)t : "");
}

int
sdi_message_errors(struct book *b, int64_t message, struct sdi_message_error_row **out,
		   size_t *n, char *err)
{
	struct sdi_message_error_row *v = NULL;
	sqlite3_stmt *st;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT code, description, hint FROM sdi_message_errors WHERE "
			       "message = ?1 ORDER BY position",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, message);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		str_copy(v[k].code, (const char *)sqlite3_column_text(st, 0), sizeof v[k].code);
		v[k].text = column_dup(st, 1);
		v[k].hint = column_dup(st, 2);
		k++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sdi_message_errors_free(v, k);
		return record_db_error(b, err);
	}
	*out = v;
	*n = k;
	return 0;
}

void
sdi_message_errors_free(struct sdi_message_error_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].text);
		free(rows[i].hint);
	}
	free(rows);
}
