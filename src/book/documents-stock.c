/* The stock a document moves: a DDT, or a sale invoice with no DDT before
 * it, takes its articles out; a purchase invoice brings them in. The
 * movements are the articles' child rows (articles.c), written through
 * the articles' records inside the document's transaction, one a line
 * that names an article, and rewritten each time the draft is saved. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/articles.h"
#include "book/documents-flow.h"
#include "book/record-store.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

/* One movement to write: its article and quantity at STOCK_QTY_SCALE. */
struct move {
	int64_t article;
	int64_t qty;
};

struct ids {
	int64_t *v;
	size_t n;
};

static void
ids_add(struct ids *s, int64_t id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == id)
			return;
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n++] = id;
}

/* Whether doc moves stock: its kind does, and a sale invoice only when no
 * DDT came before it (the DDT moved the goods already). 1, 0, REC_ERROR. */
static int
moves_stock(struct book *b, const struct record *doc, char *err)
{
	const struct doc_kind *k = doc_kind_find(record_get(doc, DOC_KIND));
	sqlite3_stmt *st;
	int rc;

	if (k == NULL || (k->flags & DK_STOCK) == 0)
		return 0;
	if (strcmp(k->code, "FAT") != 0)
		return 1;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT 1 FROM document_links l JOIN documents d ON d.id = l.from_id "
			       "WHERE l.to_id = ?1 AND d.kind = 'DDT'",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, doc->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : record_db_error(b, err);
}

/* The movements doc's lines make: out of stock for a sale, into it for a
 * purchase. A quantity the stock cannot hold (finer than 0.001) is
 * refused rather than rounded: the stock would drift from the documents
 * without anyone seeing it. */
static int
line_moves(const struct record *doc, struct move **out, size_t *n, char *err)
{
	const struct record_rows *lines = &doc->rows[DOC_LINES];
	int sale = strcmp(record_get(doc, DOC_DIRECTION), "S") == 0;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < lines->n; i++) {
		const struct record *l = lines->row[i];
		const char *art = record_get(l, LINE_ARTICLE), *qty = record_get(l, LINE_QTY);
		struct dec q, r;

		if (art[0] == '\0' || qty[0] == '\0' || record_get(l, LINE_TYPE)[0] != '\0')
			continue;
		if (dec_parse(qty, DOC_DEC_MAX, &q, NULL) < 0 ||
		    dec_round(q, STOCK_QTY_SCALE, &r) < 0 || dec_cmp(q, r) != 0) {
			err_set(err, _("Row %zu, %s: the stock of an article is kept to 0.001: %s "
				       "can't be moved, round it"),
				i + 1, _(document_lines_kind.fields[LINE_QTY].label), qty);
			free(*out);
			*out = NULL;
			return REC_INVALID;
		}
		if (r.v == 0)
			continue;
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[*n].article = strtoll(art, NULL, 10);
		(*out)[(*n)++].qty = sale ? -r.v : r.v;
	}
	return 0;
}

/* The articles that hold movements of document id. */
static int
articles_moved(struct book *b, int64_t id, struct ids *s, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT DISTINCT article_id FROM stock_moves WHERE document_id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ids_add(s, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* Article a's movements of document id replaced by those of m for it. */
static int
rewrite_article(struct book *b, int64_t a, int64_t id, const char *date, const char *reason,
		const struct move *m, size_t n, char *err)
{
	struct record *art = NULL;
	struct record_rows *rows;
	char idtext[24], qty[24], msg[ERR_SIZE];
	int rc;

	if ((rc = record_load(b, &articles_kind, a, &art, err)) < 0) {
		if (rc == REC_GONE) {
			err_set(err, _("there is no article number %" PRId64 " in the book"), a);
			rc = REC_INVALID;
		}
		return rc;
	}
	rows = &art->rows[0];
	snprintf(idtext, sizeof idtext, "%" PRId64, id);
	for (size_t i = rows->n; i-- > 0;)
		if (strcmp(record_get(rows->row[i], MOVE_DOCUMENT), idtext) == 0)
			record_rows_remove(rows, i);
	for (size_t i = 0; i < n; i++) {
		struct record *mv;
		if (m[i].article != a)
			continue;
		mv = record_new(&stock_moves_kind);
		snprintf(qty, sizeof qty, "%" PRId64, m[i].qty);
		record_set(mv, MOVE_DATE, date);
		record_set(mv, MOVE_QTY, qty);
		record_set(mv, MOVE_REASON, reason);
		record_set(mv, MOVE_DOCUMENT, idtext);
		record_rows_insert(rows, rows->n, mv);
	}
	rc = record_save_ex(b, art, NULL, msg);
	if (rc < 0)
		err_set(err, _("article %s: %s"), record_get(art, ARTICLE_CODE), msg);
	record_free(art);
	return rc;
}

static int
rewrite(struct book *b, int64_t id, const char *date, const char *reason, const struct move *m,
	size_t n, char *err)
{
	struct ids s = { 0 };
	int rc;

	if ((rc = articles_moved(b, id, &s, err)) == 0) {
		for (size_t i = 0; i < n; i++)
			ids_add(&s, m[i].article);
		for (size_t i = 0; i < s.n && rc == 0; i++)
			rc = rewrite_article(b, s.v[i], id, date, reason, m, n, err);
	}
	free(s.v);
	return rc;
}

int
document_stock_write(struct book *b, const struct record *doc, char *err)
{
	struct move *m = NULL;
	size_t n = 0;
	char reason[64];
	int rc = moves_stock(b, doc, err);

	if (rc < 0)
		return rc;
	if (rc == 1 && (rc = line_moves(doc, &m, &n, err)) < 0)
		return rc;
	rc = rewrite(b, doc->id, record_get(doc, DOC_DATE), document_name(doc, reason, sizeof reason),
		     m, n, err);
	free(m);
	return rc;
}

int
document_stock_remove(struct book *b, int64_t id, char *err)
{
	return rewrite(b, id, "", "", NULL, 0, err);
}
