/* A received document's original file and attachments read back, and the
 * attachments stored (document-files.h); the original file is stored by
 * documents.c's document_file_store. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/document-files.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/util.h"

static char *
column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return xstrdup(t != NULL ? (const char *)t : "");
}

/* A BLOB column's bytes, NUL-terminated beyond *len. */
static char *
column_blob(sqlite3_stmt *st, int i, size_t *len)
{
	const void *p = sqlite3_column_blob(st, i);
	char *out;

	*len = (size_t)sqlite3_column_bytes(st, i);
	out = xmalloc(*len + 1);
	if (*len > 0)
		memcpy(out, p, *len);
	out[*len] = '\0';
	return out;
}

int
document_file_load(struct book *b, int64_t id, struct document_file_kept *out, char *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT name, sha256, signed, signature_ok, signer, content "
			       "FROM document_files WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = id;
		out->name = column_text(st, 0);
		str_copy(out->sha256, (const char *)sqlite3_column_text(st, 1), sizeof out->sha256);
		out->is_signed = sqlite3_column_int(st, 2);
		out->signature_ok = sqlite3_column_int(st, 3);
		out->signer = column_text(st, 4);
		out->data = column_blob(st, 5, &out->len);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		err_set(err, _("there is no original file %lld in the book"), (long long)id);
		rc = REC_GONE;
	} else
		rc = record_db_error(b, err);
	sqlite3_finalize(st);
	return rc;
}

void
document_file_kept_free(struct document_file_kept *f)
{
	free(f->name);
	free(f->signer);
	free(f->data);
	memset(f, 0, sizeof *f);
}

int
document_attachment_store(struct book *b, int64_t doc, int seq,
			  const struct document_attachment *a, char *err)
{
	sqlite3_stmt *st;
	char hex[65];
	int rc;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	sha256_hex(a->data, a->len, hex);
	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT INTO document_attachments (document_id, seq, name, format, "
			       "description, compression, sha256, content) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = record_db_error(b, err);
		book_rollback(b);
		return rc;
	}
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int(st, 2, seq);
	sqlite3_bind_text(st, 3, a->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a->format ? a->format : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->description ? a->description : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, a->compression ? a->compression : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, hex, -1, SQLITE_STATIC);
	sqlite3_bind_blob64(st, 8, a->len > 0 ? a->data : "", a->len, SQLITE_STATIC);
	if (record_step_done(b, st, err) < 0) {
		book_rollback(b);
		return REC_ERROR;
	}
	return book_commit(b, err) < 0 ? REC_ERROR : 0;
}

int
document_attachments_load(struct book *b, int64_t doc, struct document_attachment **out,
			  size_t *n, char *err)
{
	struct document_attachment *v = NULL;
	sqlite3_stmt *st;
	size_t got = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT seq, name, format, description, compression, sha256, content "
			       "FROM document_attachments WHERE document_id = ?1 ORDER BY seq",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, doc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct document_attachment *a;

		v = xreallocarray(v, got + 1, sizeof *v);
		a = &v[got++];
		a->seq = sqlite3_column_int(st, 0);
		a->name = column_text(st, 1);
		a->format = column_text(st, 2);
		a->description = column_text(st, 3);
		a->compression = column_text(st, 4);
		str_copy(a->sha256, (const char *)sqlite3_column_text(st, 5), sizeof a->sha256);
		a->data = column_blob(st, 6, &a->len);
	}
	if (rc != SQLITE_DONE) {
		rc = record_db_error(b, err);
		sqlite3_finalize(st);
		document_attachments_free(v, got);
		return rc;
	}
	sqlite3_finalize(st);
	*out = v;
	*n = got;
	return 0;
}

void
document_attachments_free(struct document_attachment *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(a[i].name);
		free(a[i].format);
		free(a[i].description);
		free(a[i].compression);
		free(a[i].data);
	}
	free(a);
}
