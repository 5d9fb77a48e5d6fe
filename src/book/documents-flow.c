/* The flow of documents: a quote becomes an order or an invoice, an order
 * a DDT or an invoice, a DDT an invoice, several DDTs one deferred
 * invoice, an invoice a credit or debit note. Each new draft is linked to
 * its sources and each of its lines to the line it came from, so that
 * what was already ordered, delivered, invoiced or credited is not offered
 * again, and both documents show the link. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "book/documents-flow.h"
#include "book/record-store.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

/* What each kind may become, and the word for what the new kind does to
 * its source's lines. A debit note adds to its invoice and takes nothing
 * from it. */
static const struct conversion {
	const char *from, *to;
	int takes;
} conversions[] = {
	{ "PRE", "ORD", 1 }, { "PRE", "FAT", 1 }, { "ORD", "DDT", 1 }, { "ORD", "FAT", 1 },
	{ "DDT", "FAT", 1 }, { "DDT", "FTD", 1 }, { "FAT", "NC", 1 },  { "FTD", "NC", 1 },
	{ "FAT", "ND", 0 },
};

static const struct conversion *
conversion_find(const char *from, const char *to)
{
	for (size_t i = 0; i < ARRAY_LEN(conversions); i++)
		if (strcmp(conversions[i].from, from) == 0 && strcmp(conversions[i].to, to) == 0)
			return &conversions[i];
	return NULL;
}

/* "ORD, FAT": what from may become ("" when nothing). */
static void
targets(const char *from, char *out, size_t size)
{
	out[0] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(conversions); i++)
		if (strcmp(conversions[i].from, from) == 0) {
			size_t n = strlen(out);
			snprintf(out + n, size - n, "%s%s", n ? ", " : "", conversions[i].to);
		}
}

/* What the documents of kind to do to their sources, for "everything of
 * X was already ...". */
static const char *
taken_word(const char *to)
{
	if (strcmp(to, "ORD") == 0)
		return _("ordered");
	if (strcmp(to, "DDT") == 0)
		return _("delivered");
	if (strcmp(to, "NC") == 0)
		return _("credited");
	return _("invoiced");
}

/* ---- what is left of a line ---- */

/* The quantity the lines of the kinds that follow from_kind took from
 * line id, and how many lines took from it. */
static int
line_taken(struct book *b, int64_t id, const char *from_kind, struct dec *taken, int *count,
	   char *err)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc, first = 1;

	*taken = (struct dec){ 0, DOC_DEC_MAX };
	*count = 0;
	buf_adds(&sql, "SELECT m.quantity FROM document_lines m JOIN documents d "
		       "ON d.id = m.document_id WHERE m.from_line = ?1 AND d.kind IN (");
	for (size_t i = 0; i < ARRAY_LEN(conversions); i++)
		if (strcmp(conversions[i].from, from_kind) == 0 && conversions[i].takes) {
			buf_printf(&sql, "%s'%s'", first ? "" : ", ", conversions[i].to);
			first = 0;
		}
	if (first) {
		buf_free(&sql);
		return 0;
	}
	buf_adds(&sql, ")");
	if (record_prepare(b, &sql, &st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *q = (const char *)sqlite3_column_text(st, 0);
		struct dec d;
		(*count)++;
		if (q != NULL && q[0] != '\0' && dec_parse(q, DOC_DEC_MAX, &d, NULL) == 0)
			dec_add(*taken, d, taken);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* What is left of line l of a document of kind kind: 1 with its quantity
 * in left ("" for a line with no quantity), 0 when nothing is. */
static int
left_of(struct book *b, const struct record *l, const char *kind, char *left, size_t size,
	int *whole, char *err)
{
	const char *qty = record_get(l, LINE_QTY);
	struct dec q, t, rest;
	int count, rc;

	if ((rc = line_taken(b, l->id, kind, &t, &count, err)) < 0)
		return rc;
	*whole = count == 0;
	left[0] = '\0';
	if (qty[0] == '\0' || dec_parse(qty, DOC_DEC_MAX, &q, NULL) < 0)
		return count == 0;
	if (count == 0) {
		str_copy(left, qty, size);
		return 1;
	}
	if (dec_sub(q, t, &rest) < 0 || dec_cmp(rest, (struct dec){ 0, 0 }) <= 0) {
		str_copy(left, "0.00", size);
		return 0;
	}
	dec_format(rest, DOC_DEC_MIN, DOC_DEC_MAX, left, size);
	return 1;
}

int
document_line_left(struct book *b, int64_t line_id, char *left, size_t size, int *whole,
		   char *err)
{
	struct record *l = record_new(&document_lines_kind);
	char kind[4] = "";
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT l.quantity, d.kind FROM document_lines l JOIN documents d "
			       "ON d.id = l.document_id WHERE l.id = ?1",
			       -1, &st, NULL) != SQLITE_OK) {
		record_free(l);
		return record_db_error(b, err);
	}
	sqlite3_bind_int64(st, 1, line_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		record_set(l, LINE_QTY, (const char *)sqlite3_column_text(st, 0));
		str_copy(kind, (const char *)sqlite3_column_text(st, 1), sizeof kind);
	}
	sqlite3_finalize(st);
	l->id = line_id;
	if (rc != SQLITE_ROW) {
		record_free(l);
		if (rc == SQLITE_DONE)
			err_set(err, _("there is no document line number %" PRId64), line_id);
		return rc == SQLITE_DONE ? REC_GONE : record_db_error(b, err);
	}
	rc = left_of(b, l, kind, left, size, whole, err);
	record_free(l);
	return rc < 0 ? rc : 0;
}

/* The line total for part of a line's quantity: total x left / qty, at
 * 8 decimals, half away from zero (the fiscal core computes it again when
 * the caller's compute runs). */
static void
scaled_total(const char *total, const char *qty, const char *left, char *out, size_t size)
{
	struct dec t, q, l;
	__int128 num, den, r;

	if (dec_parse(total, DOC_DEC_MAX, &t, NULL) < 0 || dec_parse(qty, DOC_DEC_MAX, &q, NULL) < 0 ||
	    dec_parse(left, DOC_DEC_MAX, &l, NULL) < 0 || dec_round(t, DOC_DEC_MAX, &t) < 0 ||
	    dec_round(q, DOC_DEC_MAX, &q) < 0 || dec_round(l, DOC_DEC_MAX, &l) < 0 || q.v == 0) {
		str_copy(out, total, size);
		return;
	}
	num = (__int128)t.v * l.v;
	den = q.v;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	r = (num >= 0 ? num + den / 2 : num - den / 2) / den;
	dec_format((struct dec){ (int64_t)r, DOC_DEC_MAX }, DOC_DEC_MIN, DOC_DEC_MAX, out, size);
}

/* ---- the new draft ---- */

/* The header the new draft takes from its first source: the party's
 * terms and references. Not the transport (a DDT's own), the totals, the
 * causale or notes; the series only within the same numbering group. */
static const size_t copied[] = {
	DOC_PARTY,	  DOC_CURRENCY,	    DOC_SPLIT,	      DOC_PAY_TERMS,  DOC_PAY_METHOD,
	DOC_IBAN,	  DOC_SDI,	    DOC_PEC,	      DOC_PA_OFFICE,  DOC_ORDER_REF,
	DOC_CONTRACT_REF, DOC_CIG,	    DOC_CUP,	      DOC_WH_TYPE,    DOC_WH_RATE,
	DOC_WH_CAUSALE,	  DOC_CASSA_TYPE,   DOC_CASSA_RATE,   DOC_CASSA_VAT_RATE,
	DOC_CASSA_NATURA, DOC_CASSA_RITENUTA, DOC_BOLLO_AUTO, DOC_REGIME,     DOC_INTENT,
};

static void
header_from(struct record *d, const struct record *src, const struct doc_kind *k,
	    const char *date)
{
	const struct doc_kind *sk = doc_kind_find(record_get(src, DOC_KIND));
	int credit = strcmp(k->code, "NC") == 0;

	for (size_t i = 0; i < ARRAY_LEN(copied); i++)
		record_set(d, copied[i], record_get(src, copied[i]));
	record_set(d, DOC_KIND, k->code);
	record_set(d, DOC_DIRECTION, k->direction);
	record_set(d, DOC_TYPE, k->type);
	record_set(d, DOC_STATE, DOC_STATE_DRAFT);
	record_set(d, DOC_DATE, date);
	if (sk != NULL && strcmp(sk->numbering, k->numbering) == 0)
		record_set(d, DOC_SERIES, record_get(src, DOC_SERIES));
	/* a credit note never gives back the invoice's bollo, nor its
	 * discount on the whole (it credits the lines it names) */
	if (!credit) {
		record_set(d, DOC_DISCOUNT, record_get(src, DOC_DISCOUNT));
		record_set(d, DOC_BOLLO_CHARGED, record_get(src, DOC_BOLLO_CHARGED));
	}
}

static int
wanted(const struct doc_convert *c, int64_t line)
{
	if (c->lines == NULL)
		return 1;
	for (size_t i = 0; i < c->nlines; i++)
		if (c->lines[i] == line)
			return 1;
	return 0;
}

/* Source src's lines, what is left of each, into d. */
static int
lines_from(struct book *b, struct record *d, const struct record *src,
	   const struct conversion *cv, const struct doc_convert *c, char *err)
{
	const struct record_rows *lines = &src->rows[DOC_LINES];
	struct record_rows *out = &d->rows[DOC_LINES];
	char left[DEC_BUF], total[DEC_BUF], no[16], from[24];
	int whole, rc;

	for (size_t i = 0; i < lines->n; i++) {
		const struct record *l = lines->row[i];
		const char *type = record_get(l, LINE_TYPE);
		struct record *n;

		/* the bollo's and the document discount's lines are the fiscal
		 * core's, made again from the header */
		if (strcmp(type, "B") == 0 || strcmp(type, "SC") == 0 || !wanted(c, l->id))
			continue;
		if (!cv->takes) {
			str_copy(left, record_get(l, LINE_QTY), sizeof left);
			whole = 1;
		} else if ((rc = left_of(b, l, cv->from, left, sizeof left, &whole, err)) < 0)
			return rc;
		else if (rc == 0)
			continue;
		n = record_copy(l);
		n->id = 0;
		n->version = 0;
		snprintf(no, sizeof no, "%zu", out->n + 1);
		snprintf(from, sizeof from, "%" PRId64, l->id);
		record_set(n, LINE_NO, no);
		record_set(n, LINE_FROM, from);
		if (!whole) {
			scaled_total(record_get(l, LINE_TOTAL), record_get(l, LINE_QTY), left, total,
				     sizeof total);
			record_set(n, LINE_QTY, left);
			record_set(n, LINE_TOTAL, total);
		}
		record_rows_insert(out, out->n, n);
	}
	return 0;
}

int
document_link_add(struct book *b, int64_t from, int64_t to, char *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT OR IGNORE INTO document_links (from_id, to_id) VALUES (?1, ?2)",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	return record_step_done(b, st, err);
}

/* The sources, loaded and checked: issued, of one customer, each of a
 * kind that may become k. */
static int
sources_load(struct book *b, const struct doc_convert *c, const struct doc_kind *k,
	     struct record **src, char *err)
{
	char name[64], list[64];
	int rc;

	for (size_t i = 0; i < c->nfrom; i++) {
		for (size_t j = 0; j < i; j++)
			if (c->from[j] == c->from[i]) {
				err_set(err, _("document %" PRId64 " is named twice"), c->from[i]);
				return REC_INVALID;
			}
		if ((rc = record_load(b, &documents_kind, c->from[i], &src[i], err)) < 0) {
			if (rc == REC_GONE)
				err_set(err, _("there is no document number %" PRId64), c->from[i]);
			return rc;
		}
		document_name(src[i], name, sizeof name);
		if (conversion_find(record_get(src[i], DOC_KIND), k->code) == NULL) {
			targets(record_get(src[i], DOC_KIND), list, sizeof list);
			if (list[0] == '\0')
				err_set(err, _("%s can't be converted: it is the end of its flow"),
					name);
			else
				err_set(err, _("%s can't become %s: it may become %s"), name, k->code,
					list);
			return REC_INVALID;
		}
		if (strcmp(record_get(src[i], DOC_STATE), DOC_STATE_DRAFT) == 0) {
			err_set(err, _("%s is a draft: issue it first, so that it has its number and "
				       "can't change after"),
				name);
			return REC_INVALID;
		}
		if (i > 0 && strcmp(record_get(src[i], DOC_PARTY), record_get(src[0], DOC_PARTY)) != 0) {
			err_set(err, _("%s is of another customer: one document is made from "
				       "documents of the same customer"),
				name);
			return REC_INVALID;
		}
	}
	return 0;
}

/* Every line named is a line of a source. */
static int
lines_named_ok(const struct doc_convert *c, struct record **src, char *err)
{
	for (size_t i = 0; i < c->nlines; i++) {
		int found = 0;
		for (size_t s = 0; s < c->nfrom && !found; s++)
			for (size_t j = 0; j < src[s]->rows[DOC_LINES].n && !found; j++)
				found = src[s]->rows[DOC_LINES].row[j]->id == c->lines[i];
		if (!found) {
			err_set(err, _("line %" PRId64 " is not a line of the document converted"),
				c->lines[i]);
			return REC_INVALID;
		}
	}
	return 0;
}

static void
today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static int
convert_in(struct book *b, const struct doc_convert *c, const struct doc_kind *k,
	   struct record **src, struct record **out, char *err)
{
	const struct conversion *cv;
	struct record *d;
	struct record_fault f;
	char date[11], name[64];
	int rc;

	if ((rc = sources_load(b, c, k, src, err)) < 0 || (rc = lines_named_ok(c, src, err)) < 0)
		return rc;
	if (c->date != NULL)
		str_copy(date, c->date, sizeof date);
	else
		today(date);
	*out = d = record_new(&documents_kind);
	header_from(d, src[0], k, date);
	for (size_t i = 0; i < c->nfrom; i++) {
		cv = conversion_find(record_get(src[i], DOC_KIND), k->code);
		if ((rc = lines_from(b, d, src[i], cv, c, err)) < 0)
			return rc;
	}
	if (d->rows[DOC_LINES].n == 0) {
		err_set(err, _("everything of %s was already %s"), document_name(src[0], name, sizeof name),
			taken_word(k->code));
		return REC_INVALID;
	}
	if (c->compute != NULL && c->compute(d, err) < 0)
		return REC_INVALID;
	if ((rc = record_save_ex(b, d, &f, err)) < 0)
		return rc;
	for (size_t i = 0; i < c->nfrom; i++)
		if ((rc = document_link_add(b, src[i]->id, d->id, err)) < 0)
			return rc;
	/* now that it is linked: an invoice after a DDT moves no stock */
	return document_stock_write(b, d, err);
}

int
document_convert(struct book *b, const struct doc_convert *c, int64_t *new_id, char *err)
{
	const struct doc_kind *k = c->kind != NULL ? doc_kind_find(c->kind) : NULL;
	struct record **src, *d = NULL;
	int rc;

	if (k == NULL || strcmp(k->direction, "S") != 0) {
		err_set(err, _("%s is not a kind a document may be converted to: ORD, DDT, FAT, "
			       "FTD, NC or ND"),
			c->kind != NULL ? c->kind : "");
		return REC_INVALID;
	}
	if (c->nfrom == 0 || (c->nfrom > 1 && strcmp(k->code, "FTD") != 0)) {
		err_set(err, "%s", c->nfrom == 0 ? _("name the document to convert")
						  : _("only a deferred invoice (FTD) is made from "
						      "several documents, its DDTs"));
		return REC_INVALID;
	}
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	src = xcalloc(c->nfrom, sizeof *src);
	rc = convert_in(b, c, k, src, &d, err);
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	else
		*new_id = d->id;
	for (size_t i = 0; i < c->nfrom; i++)
		record_free(src[i]);
	free(src);
	record_free(d);
	return rc;
}

/* ---- links ---- */

int
document_links(struct book *b, int64_t id, struct doc_link **out, size_t *n, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT d.id, d.kind, d.number, d.date, d.state, 1 FROM document_links "
			       "l JOIN documents d ON d.id = l.from_id WHERE l.to_id = ?1 "
			       "UNION ALL SELECT d.id, d.kind, d.number, d.date, d.state, 0 FROM "
			       "document_links l JOIN documents d ON d.id = l.to_id WHERE "
			       "l.from_id = ?1 ORDER BY 4, 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct doc_link *l;
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		l = &(*out)[(*n)++];
		l->id = sqlite3_column_int64(st, 0);
		str_copy(l->kind, (const char *)sqlite3_column_text(st, 1), sizeof l->kind);
		str_copy(l->number, (const char *)sqlite3_column_text(st, 2), sizeof l->number);
		str_copy(l->date, (const char *)sqlite3_column_text(st, 3), sizeof l->date);
		str_copy(l->state, (const char *)sqlite3_column_text(st, 4), sizeof l->state);
		l->source = sqlite3_column_int(st, 5);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	free(*out);
	*out = NULL;
	*n = 0;
	return record_db_error(b, err);
}

int
document_lines_from(struct book *b, int64_t id, int64_t from, int **lines, size_t *n, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*lines = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT l.line_no FROM document_lines l JOIN document_lines f ON "
			       "f.id = l.from_line WHERE l.document_id = ?1 AND f.document_id = ?2 "
			       "ORDER BY l.line_no",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, from);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
		(*lines)[(*n)++] = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	free(*lines);
	*lines = NULL;
	*n = 0;
	return record_db_error(b, err);
}
