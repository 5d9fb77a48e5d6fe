/* Issuing a document: its number taken in its series and year in one
 * transaction with the save, its content frozen from then on (what may
 * still change, and what is refused), the states after it (sent, paid),
 * and the warnings the law's deadlines and a dichiarazione d'intento's
 * plafond owe. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "book/documents-flow.h"
#include "book/record-store.h"
#include "book/vat-book.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

char *
document_number_text(int64_t seq, const char *series, const char *year, char *out, size_t size)
{
	if (series[0] != '\0')
		snprintf(out, size, "%" PRId64 "/%s/%s", seq, series, year);
	else
		snprintf(out, size, "%" PRId64 "/%s", seq, year);
	return out;
}

char *
document_name(const struct record *doc, char *out, size_t size)
{
	const char *number = record_get(doc, DOC_NUMBER);

	if (strcmp(record_get(doc, DOC_STATE), DOC_STATE_DRAFT) == 0 || number[0] == '\0')
		snprintf(out, size, _("%s draft %" PRId64), record_get(doc, DOC_KIND), doc->id);
	else
		snprintf(out, size, "%s %s", record_get(doc, DOC_KIND), number);
	return out;
}

/* ---- what an issued document may still change ---- */

static int
state_rank(const char *s)
{
	static const char order[] = "DISP";
	const char *p = s[0] != '\0' && s[1] == '\0' ? strchr(order, s[0]) : NULL;

	return p != NULL ? (int)(p - order) : -1;
}

/* Whether the rows of child c differ, but for the fields a non-draft may
 * change (a payment's paid date). */
static int
rows_differ(const struct record *a, const struct record *b, size_t c)
{
	const struct record_rows *ra = &a->rows[c], *rb = &b->rows[c];

	if (ra->n != rb->n)
		return 1;
	for (size_t i = 0; i < ra->n; i++) {
		const struct record_kind *k = ra->row[i]->kind;
		for (size_t f = 0; f < k->nfields; f++) {
			if (c == DOC_PAYMENTS && f == PAY_PAID)
				continue;
			if (k->fields[f].sql == NULL &&
			    strcmp(record_get(ra->row[i], f), record_get(rb->row[i], f)) != 0)
				return 1;
		}
	}
	return 0;
}

/* The refusal's message: an issued sale is corrected by a credit note; a
 * registered purchase keeps what its supplier sent. */
static int
frozen(const struct record *stored, char *err)
{
	char name[64];
	const char *number = record_get(stored, DOC_NUMBER);
	const struct doc_kind *k = doc_kind_find(record_get(stored, DOC_KIND));

	if (k != NULL && k->direction[0] == 'P' && (k->flags & DK_NUMBERED) == 0) {
		err_set(err, _("purchase invoice %s is registered: only its payments' paid dates "
			       "and its state may change"),
			number);
		return REC_INVALID;
	}
	str_copy(name, number[0] ? number : document_name(stored, name, sizeof name), sizeof name);
	if (k != NULL && (k->flags & DK_FISCAL) && strcmp(k->code, "NC") != 0 &&
	    (k->flags & DK_SELF) == 0)
		err_set(err, _("document %s is issued: it can't be changed; make a credit note"),
			name);
	else
		err_set(err, _("document %s is issued: it can't be changed"), name);
	return REC_INVALID;
}

int
document_correctable(const struct record *r)
{
	return strcmp(record_get(r, DOC_STATE), DOC_STATE_DRAFT) != 0 &&
	       strcmp(record_get(r, DOC_SDI_STATE), "R") == 0;
}

/* A correction of s, rejected by SdI, into w: anything but what names the
 * document (its kind, side, number, series, year and party), its date
 * kept in its number's year. 1, or REC_INVALID with the message. */
static int
correction_check(const struct record *s, const struct record *w, char *err)
{
	static const size_t fixed[] = { DOC_KIND, DOC_DIRECTION, DOC_TYPE, DOC_NUMBER,
					DOC_NUMBERING, DOC_SERIES, DOC_YEAR, DOC_SEQ, DOC_PARTY,
					DOC_FILE, DOC_FILE_BODY };
	const char *number = record_get(s, DOC_NUMBER);
	char msg[ERR_SIZE];

	for (size_t i = 0; i < ARRAY_LEN(fixed); i++)
		if (strcmp(record_get(s, fixed[i]), record_get(w, fixed[i])) != 0) {
			snprintf(msg, sizeof msg,
				 _("document %s, rejected by SdI, is corrected under the same "
				   "number: its lines and header may change, not this"),
				 number);
			return record_invalid(w, fixed[i], NULL, msg, err);
		}
	if (strncmp(record_get(w, DOC_DATE), record_get(s, DOC_YEAR), 4) != 0) {
		snprintf(msg, sizeof msg, _("document %s keeps its number: its date stays in %s"),
			 number, record_get(s, DOC_YEAR));
		return record_invalid(w, DOC_DATE, NULL, msg, err);
	}
	return 1;
}

int
document_change_check(struct book *b, const struct record *w, char *err)
{
	struct record *s = NULL;
	int rc, from, to;

	if ((rc = record_load(b, &documents_kind, w->id, &s, err)) < 0)
		return rc;
	from = state_rank(record_get(s, DOC_STATE));
	to = state_rank(record_get(w, DOC_STATE));
	if (from == 0) {
		const struct doc_kind *k = doc_kind_find(record_get(w, DOC_KIND));
		/* a numbered kind leaves the draft only by document_issue, which
		 * sets its sequence */
		rc = 1;
		if (to > 0 && k != NULL && (k->flags & DK_NUMBERED) && record_get(w, DOC_SEQ)[0] == '\0')
			rc = record_invalid(w, DOC_STATE, NULL,
					    _("a draft is issued by the Issue command, which "
					      "numbers it"),
					    err);
		record_free(s);
		return rc;
	}
	rc = 0;
	if (to < from) {
		rc = record_invalid(w, DOC_STATE, NULL,
				    to == 0 ? _("an issued document never goes back to draft")
					    : _("a document's state only moves on: issued, sent, "
						"paid"),
				    err);
		goto out;
	}
	/* the register and the settlement frozen by its F24 agree */
	if ((rc = vat_share_check(b, s, w, err)) < 0)
		goto out;
	if (document_correctable(s)) {
		rc = correction_check(s, w, err);
		goto out;
	}
	/* a purchase's deductible VAT is the buyer's own reckoning, set after
	 * it is registered (the command Deductible VAT) */
	for (size_t f = 0; f < DOC_NFIELDS && rc == 0; f++)
		if (f != DOC_STATE && documents_kind.fields[f].sql == NULL &&
		    (f != DOC_VAT_DEDUCTIBLE || strcmp(record_get(s, DOC_KIND), "FA") != 0) &&
		    strcmp(record_get(s, f), record_get(w, f)) != 0)
			rc = frozen(s, err);
	for (size_t c = 0; c < DOC_NCHILDREN && rc == 0; c++)
		if (rows_differ(s, w, c))
			rc = frozen(s, err);
out:
	record_free(s);
	return rc;
}

int
document_delete_check(struct book *b, const struct record *r, char *err)
{
	struct record *s = NULL;
	char name[64];
	int rc;

	if ((rc = record_load(b, &documents_kind, r->id, &s, err)) < 0)
		return rc;
	if (strcmp(record_get(s, DOC_STATE), DOC_STATE_DRAFT) != 0) {
		const char *number = record_get(s, DOC_NUMBER);
		err_set(err, _("document %s is issued: only a draft may be deleted"),
			number[0] ? number : document_name(s, name, sizeof name));
		rc = REC_INVALID;
	}
	record_free(s);
	return rc;
}

/* ---- dates ---- */

/* The 15th of the month after the month of iso, as YYYY-MM-DD. */
static void
fifteenth_next(const char *iso, char out[16])
{
	int y = atoi(iso), m = atoi(iso + 5) + 1;

	if (m > 12) {
		m = 1;
		y++;
	}
	snprintf(out, 16, "%04d-%02d-15", y % 10000, m % 100);
}

/* The earliest (latest 0) or latest (1) date of the DDTs doc came from, or
 * "" when none. */
static int
linked_ddt_date(struct book *b, int64_t id, int latest, char out[11], char *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (sqlite3_prepare_v2(book_db(b),
			       latest ? "SELECT max(d.date) FROM document_links l JOIN documents d "
					"ON d.id = l.from_id WHERE l.to_id = ?1 AND d.kind = 'DDT'"
				      : "SELECT min(d.date) FROM document_links l JOIN documents d "
					"ON d.id = l.from_id WHERE l.to_id = ?1 AND d.kind = 'DDT'",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		str_copy(out, (const char *)sqlite3_column_text(st, 0), 11);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

static void
warn_add(char *warn, const char *text)
{
	size_t n = strlen(warn);

	snprintf(warn + n, DOC_WARN_SIZE - n, "%s%s", n > 0 ? "\n" : "", text);
}

/* A self-invoice is not dated before the purchase it integrates; TD17,
 * TD18 and TD19 are issued by the 15th of the month after the purchase's
 * receipt (art. 17 c. 2 DPR 633/72, art. 47 DL 331/93): the book knows
 * the purchase's date, the receipt is on it or after, so the warning is
 * owed at least then. */
static int
self_dates(struct book *b, const struct record *d, char *warn, char *err)
{
	const char *date = record_get(d, DOC_DATE), *type = record_get(d, DOC_TYPE);
	char number[24], ref[11], due[16], msg[ERR_SIZE], d1[DATE_TEXT_SIZE], d2[DATE_TEXT_SIZE];
	int64_t purchase;
	int rc;

	if ((rc = document_integrated(b, d->id, &purchase, number, ref, err)) <= 0)
		return rc;
	if (strcmp(date, ref) < 0) {
		err_set(err, _("%s: %s is before the date of the invoice it integrates, %s of %s"),
			_(documents_kind.fields[DOC_DATE].label), date_text(date, d1), number,
			date_text(ref, d2));
		return REC_INVALID;
	}
	if (strcmp(type, "TD16") == 0)
		return 0;
	fifteenth_next(ref, due);
	if (strcmp(date, due) > 0) {
		snprintf(msg, sizeof msg,
			 _("a self-invoice %s is issued by the 15th of the month after the "
			   "purchase is received (%s for the invoice %s of %s): this one is dated %s"),
			 type, date_text(due, d1), number, date_text(ref, d2), date);
		warn_add(warn, msg);
	}
	return 0;
}

/* An immediate invoice within 12 days of its operation (its op_date, or
 * its latest DDT's date); a deferred one by the 15th of the month after
 * its DDTs' (the earliest DDT's month: each delivery's deadline binds);
 * a self-invoice's (self_dates). */
static int
date_warnings(struct book *b, const struct record *d, char *warn, char *err)
{
	const char *kind = record_get(d, DOC_KIND), *date = record_get(d, DOC_DATE);
	char ref[11], msg[ERR_SIZE];

	if (strcmp(kind, "AUT") == 0)
		return self_dates(b, d, warn, err);
	if (strcmp(kind, "FAT") == 0) {
		str_copy(ref, record_get(d, DOC_OP_DATE), sizeof ref);
		if (ref[0] == '\0' && linked_ddt_date(b, d->id, 1, ref, err) < 0)
			return REC_ERROR;
		if (ref[0] != '\0' && iso_day_number(date) - iso_day_number(ref) > 12) {
			snprintf(msg, sizeof msg,
				 _("an immediate invoice is issued within 12 days of its operation "
				   "(%s): this one is dated %s, %" PRId64 " days after"),
				 ref, date, iso_day_number(date) - iso_day_number(ref));
			warn_add(warn, msg);
		}
	} else if (strcmp(kind, "FTD") == 0) {
		char due[16];

		if (linked_ddt_date(b, d->id, 0, ref, err) < 0)
			return REC_ERROR;
		if (ref[0] == '\0')
			str_copy(ref, record_get(d, DOC_OP_DATE), sizeof ref);
		if (ref[0] == '\0')
			return 0;
		fifteenth_next(ref, due);
		if (strcmp(date, due) > 0) {
			snprintf(msg, sizeof msg,
				 _("a deferred invoice is issued by the 15th of the month after its "
				   "deliveries (%s for the DDT of %s): this one is dated %s"),
				 due, ref, date);
			warn_add(warn, msg);
		}
	}
	return 0;
}

/* ---- the dichiarazione d'intento ---- */

/* What a document carries under a dichiarazione d'intento: the taxable
 * amounts of its VAT summary with Natura N3.5 (non imponibili a seguito di
 * dichiarazioni d'intento). The summary is the fiscal core's, made at
 * issue; a document issued without one counts nothing. */
static int64_t
intent_amount(const struct record *d)
{
	const struct record_rows *vat = &d->rows[DOC_VAT];
	int64_t sum = 0;

	for (size_t i = 0; i < vat->n; i++)
		if (strcmp(record_get(vat->row[i], VAT_NATURA), "N3.5") == 0)
			sum += strtoll(record_get(vat->row[i], VAT_TAXABLE), NULL, 10);
	return sum;
}

/* The plafond of d's customer, when it has one: the N3.5 amounts of its
 * issued invoices and notes of d's year dated from the declaration on
 * (credit notes less), with d's, past the plafond warns. */
static int
intent_warning(struct book *b, const struct record *d, char *warn, char *err)
{
	int64_t own = intent_amount(d), plafond, used = 0;
	const char *date = record_get(d, DOC_DATE);
	char from[11] = "", msg[ERR_SIZE], m1[DEC_BUF], m2[DEC_BUF], year[5];
	sqlite3_stmt *st;
	int rc;

	if (own == 0)
		return 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT intent_plafond, intent_date FROM parties WHERE id = ?1", -1,
			       &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, record_get(d, DOC_PARTY), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		sqlite3_finalize(st);
		return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
	}
	plafond = sqlite3_column_int64(st, 0);
	str_copy(from, (const char *)sqlite3_column_text(st, 1), sizeof from);
	sqlite3_finalize(st);
	str_copy(year, date, sizeof year);
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT coalesce(sum(CASE WHEN d.type = 'TD04' THEN -v.taxable "
			       "ELSE v.taxable END), 0) FROM documents d JOIN document_vat v "
			       "ON v.document_id = d.id WHERE d.party_id = ?1 AND d.direction = 'S' "
			       "AND d.state <> 'D' AND d.type <> '' AND v.natura = 'N3.5' "
			       "AND substr(d.date, 1, 4) = ?2 AND d.date >= ?3 AND d.id <> ?4",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, record_get(d, DOC_PARTY), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, year, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, d->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		used = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	used += strcmp(record_get(d, DOC_TYPE), "TD04") == 0 ? -own : own;
	if (used > plafond) {
		snprintf(msg, sizeof msg,
			 _("the dichiarazione d'intento's plafond of %s is exceeded: %s invoiced "
			   "under it in %s with this document"),
			 cents_format_it(plafond, m1, sizeof m1), cents_format_it(used, m2, sizeof m2),
			 year);
		warn_add(warn, msg);
	}
	return 0;
}

/* A customer marked blocked (dunning: a late payer) warns on a new
 * document; it is issued all the same. */
static int
blocked_warning(struct book *b, const struct record *d, char *warn, char *err)
{
	char msg[ERR_SIZE];
	sqlite3_stmt *st;
	int rc;

	if (strcmp(record_get(d, DOC_DIRECTION), "S") != 0)
		return 0;
	if (sqlite3_prepare_v2(book_db(b), "SELECT name FROM parties WHERE id = ?1 AND blocked = 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, record_get(d, DOC_PARTY), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(msg, sizeof msg,
			 _("%s is blocked for new documents (a late payer, see its reminder "
			   "letters): this one is issued all the same"),
			 (const char *)sqlite3_column_text(st, 0));
		warn_add(warn, msg);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* ---- issuing ---- */

/* BEGIN IMMEDIATE, waiting for another writer longer than the busy
 * timeout when the machine is loaded: two sessions issuing at once queue
 * on the write lock, which makes reading the last number and writing the
 * next one atomic. */
static int
begin_write(struct book *b, char *err)
{
	for (int i = 0; i < 20; i++) {
		if (book_begin(b, err) == 0)
			return 0;
		if ((sqlite3_errcode(book_db(b)) & 0xff) != SQLITE_BUSY)
			return -1;
	}
	return -1;
}

/* The last number of d's sequence, its date and text: 1 when there is one,
 * 0 when d is the first, REC_ERROR. */
static int
last_number(struct book *b, const char *numbering, const char *series, const char *year,
	    int64_t *seq, char date[11], char number[24], char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT seq, date, number FROM documents WHERE numbering = ?1 "
			       "AND series = ?2 AND year = ?3 AND seq IS NOT NULL "
			       "ORDER BY seq DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, numbering, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, series, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, atoi(year));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int64(st, 0);
		str_copy(date, (const char *)sqlite3_column_text(st, 1), 11);
		str_copy(number, (const char *)sqlite3_column_text(st, 2), 24);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

static int
has_lines(const struct record *d)
{
	for (size_t i = 0; i < d->rows[DOC_LINES].n; i++)
		if (strcmp(record_get(d->rows[DOC_LINES].row[i], LINE_TYPE), "T") != 0)
			return 1;
	return 0;
}

/* Numbers d (loaded inside the transaction) and fills its warnings. */
static int
number_it(struct book *b, struct record *d, const struct doc_kind *k, char *warn, char *err)
{
	const char *date = record_get(d, DOC_DATE), *series = record_get(d, DOC_SERIES);
	char year[5], prev_date[11], prev_number[24], number[32], seqtext[24];
	int64_t seq = 0;
	int rc;

	str_copy(year, date, sizeof year);
	if ((rc = last_number(b, k->numbering, series, year, &seq, prev_date, prev_number, err)) < 0)
		return rc;
	if (rc == 1 && strcmp(prev_date, date) > 0) {
		err_set(err, _("%s: %s is before the date of %s (%s), the number before it in "
			       "its series: a number may not be dated before the one preceding "
			       "it"),
			_(documents_kind.fields[DOC_DATE].label), date, prev_number, prev_date);
		return REC_INVALID;
	}
	seq++;
	snprintf(seqtext, sizeof seqtext, "%" PRId64, seq);
	record_set(d, DOC_NUMBERING, k->numbering);
	record_set(d, DOC_YEAR, year);
	record_set(d, DOC_SEQ, seqtext);
	record_set(d, DOC_NUMBER, document_number_text(seq, series, year, number, sizeof number));
	record_set(d, DOC_STATE, DOC_STATE_ISSUED);
	if ((rc = date_warnings(b, d, warn, err)) < 0 || (rc = blocked_warning(b, d, warn, err)) < 0)
		return rc;
	return intent_warning(b, d, warn, err);
}

int
document_issue(struct book *b, int64_t id, doc_compute_fn compute, char *warn, char *err)
{
	const struct doc_kind *k;
	struct record *d = NULL;
	struct record_fault f;
	char name[64];
	int rc;

	warn[0] = '\0';
	if (begin_write(b, err) < 0)
		return REC_ERROR;
	if ((rc = record_load(b, &documents_kind, id, &d, err)) < 0) {
		if (rc == REC_GONE)
			err_set(err, _("there is no document number %" PRId64), id);
		goto out;
	}
	k = doc_kind_find(record_get(d, DOC_KIND));
	rc = REC_INVALID;
	if (strcmp(record_get(d, DOC_STATE), DOC_STATE_DRAFT) != 0)
		err_set(err, _("document %s is already issued"), record_get(d, DOC_NUMBER));
	else if (k == NULL || (k->flags & DK_NUMBERED) == 0)
		err_set(err, "%s", _("a purchase invoice keeps its supplier's number: it is "
				     "registered, not issued"));
	else if (!has_lines(d))
		err_set(err, _("%s has no lines: there is nothing to issue"),
			document_name(d, name, sizeof name));
	else if (compute != NULL && compute(d, err) < 0)
		rc = REC_INVALID;
	else if ((rc = number_it(b, d, k, warn, err)) == 0)
		rc = record_save_ex(b, d, &f, err);
out:
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0) {
		book_rollback(b);
		warn[0] = '\0';
	}
	record_free(d);
	return rc;
}

int
document_set_state(struct book *b, int64_t id, const char *state, char *err)
{
	struct record *d = NULL;
	struct record_fault f;
	int rc, from, to = state_rank(state);

	if (to < 2) {
		err_set(err, "%s", _("a document's state moves on to S (sent) or P (paid)"));
		return REC_INVALID;
	}
	if (begin_write(b, err) < 0)
		return REC_ERROR;
	if ((rc = record_load(b, &documents_kind, id, &d, err)) < 0) {
		if (rc == REC_GONE)
			err_set(err, _("there is no document number %" PRId64), id);
		goto out;
	}
	from = state_rank(record_get(d, DOC_STATE));
	rc = REC_INVALID;
	if (from == 0)
		err_set(err, "%s", _("a draft is issued first: it has no number yet"));
	else if (to == 2 && strcmp(record_get(d, DOC_DIRECTION), "P") == 0)
		err_set(err, "%s", _("a purchase is received, not sent: it may only be paid"));
	else if (to == 3 && strcmp(record_get(d, DOC_KIND), "AUT") == 0)
		err_set(err, "%s", _("a self-invoice is not paid to anyone: its VAT is owed and "
				     "deducted in the VAT settlement; the purchase is what is paid"));
	else if (to <= from)
		err_set(err, _("document %s is already %s"), record_get(d, DOC_NUMBER),
			from == 3 ? _("paid") : _("sent"));
	else {
		record_set(d, DOC_STATE, state);
		rc = record_save_ex(b, d, &f, err);
	}
out:
	if (rc == 0 && book_commit(b, err) < 0)
		rc = REC_ERROR;
	if (rc < 0)
		book_rollback(b);
	record_free(d);
	return rc;
}
