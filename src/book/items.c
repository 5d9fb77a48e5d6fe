/* Open items (items.h): reading them, the day their ageing is computed as
 * of and the SQL functions the lists call, the items an issued or
 * registered document gets (documents.c calls items_document_write in its
 * save), a credit note's offset, Ri.Ba.'s presented mark, and the kind
 * the screens list them by (the view items_list). Paying is items-pay.c's. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/documents.h"
#include "book/items-impl.h"
#include "book/items.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/util.h"

/* ---- reading ---- */

#define ITEM_COLUMNS                                                                          \
	"id, document_id, party_id, seq, instalments, side, state, due, doc_date, "             \
	"coalesce(presented, ''), amount, paid, open, mode, doc_text, party_name"

const char *
items_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t != NULL ? (const char *)t : "";
}

static void
item_read(sqlite3_stmt *st, struct item *it)
{
	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	it->document_id = sqlite3_column_int64(st, 1);
	it->party_id = sqlite3_column_int64(st, 2);
	it->seq = sqlite3_column_int(st, 3);
	it->instalments = sqlite3_column_int(st, 4);
	it->side = items_col_text(st, 5)[0];
	it->state = items_col_text(st, 6)[0];
	str_copy(it->due, items_col_text(st, 7), sizeof it->due);
	str_copy(it->doc_date, items_col_text(st, 8), sizeof it->doc_date);
	str_copy(it->presented, items_col_text(st, 9), sizeof it->presented);
	it->amount = sqlite3_column_int64(st, 10);
	it->paid = sqlite3_column_int64(st, 11);
	it->open = sqlite3_column_int64(st, 12);
	str_copy(it->mode, items_col_text(st, 13), sizeof it->mode);
	str_copy(it->doc, items_col_text(st, 14), sizeof it->doc);
	str_copy(it->party, items_col_text(st, 15), sizeof it->party);
}

int
items_query(struct book *b, const char *where, const int64_t *args, size_t nargs,
	    struct item **out, size_t *n, char *err)
{
	sqlite3_stmt *st;
	struct item *rows = NULL;
	char *sql = xasprintf("SELECT " ITEM_COLUMNS " FROM items_list WHERE %s", where);
	int rc;

	*out = NULL;
	*n = 0;
	rc = sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return record_db_error(b, err);
	for (size_t i = 0; i < nargs; i++)
		sqlite3_bind_int64(st, (int)i + 1, args[i]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = xreallocarray(rows, *n + 1, sizeof *rows);
		item_read(st, &rows[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(rows);
		*n = 0;
		return record_db_error(b, err);
	}
	*out = rows;
	return 0;
}

int
items_get(struct book *b, int64_t id, struct item *out, char *err)
{
	struct item *rows;
	size_t n;

	if (items_query(b, "id = ?1", &id, 1, &rows, &n, err) < 0)
		return REC_ERROR;
	if (n == 0) {
		err_set(err, _("there is no open item number %" PRId64), id);
		return REC_GONE;
	}
	*out = rows[0];
	free(rows);
	return 0;
}

int
items_list(struct book *b, int64_t party, char side, int open_only, struct item **out,
	   size_t *n, char *err)
{
	int64_t args[2] = { party, side };
	char where[256];

	snprintf(where, sizeof where, "(?1 = 0 OR party_id = ?1) AND (?2 = 0 OR side = char(?2))%s "
		 "ORDER BY due, id", open_only ? " AND state <> 'P'" : "");
	return items_query(b, where, args, 2, out, n, err);
}

int
items_any_open(struct book *b, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b), "SELECT 1 FROM open_items WHERE state <> 'P' LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
items_exec(struct book *b, const char *sql, const int64_t *args, size_t nargs, const char *text,
	   char *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	for (size_t i = 0; i < nargs; i++)
		sqlite3_bind_int64(st, (int)i + 1, args[i]);
	if (text != NULL)
		sqlite3_bind_text(st, (int)nargs + 1, text, -1, SQLITE_TRANSIENT);
	return record_step_done(b, st, err);
}

int
items_link_add(struct book *b, int64_t item, int64_t entry, int64_t credit, int64_t amount,
	       const char *date, char *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT INTO item_links (item_id, entry_id, credit_id, amount, date) "
			       "VALUES (?1, ?2, ?3, ?4, ?5)",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, item);
	if (entry != 0)
		sqlite3_bind_int64(st, 2, entry);
	if (credit != 0)
		sqlite3_bind_int64(st, 3, credit);
	sqlite3_bind_int64(st, 4, amount);
	if (date != NULL)
		sqlite3_bind_text(st, 5, date, -1, SQLITE_TRANSIENT);
	return record_step_done(b, st, err);
}

/* ---- the day of the ageing, and the lists' SQL functions ---- */

static char as_of_day[11];

int
items_set_as_of(const char *date)
{
	if (date == NULL || date[0] == '\0') {
		as_of_day[0] = '\0';
		return 0;
	}
	if (check_iso_date(date, NULL) < 0)
		return -1;
	str_copy(as_of_day, date, sizeof as_of_day);
	return 0;
}

void
items_as_of(char *out)
{
	if (as_of_day[0] != '\0')
		str_copy(out, as_of_day, 11);
	else
		util_today(out);
}

static void
fn_as_of(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char day[11];

	(void)argc, (void)argv;
	items_as_of(day);
	sqlite3_result_text(cx, day, -1, SQLITE_TRANSIENT);
}

/* items_days(due, open): days past due as of the ageing's day; NULL when
 * nothing is open. */
static void
fn_days(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *due = sqlite3_value_text(argv[0]);
	char day[11];

	(void)argc;
	if (due == NULL || sqlite3_value_int64(argv[1]) == 0) {
		sqlite3_result_null(cx);
		return;
	}
	items_as_of(day);
	sqlite3_result_int64(cx, items_days_late((const char *)due, day));
}

/* items_aged(due, open, bucket): open when it falls in that bucket (enum
 * items_age) as of the ageing's day, else NULL. */
static void
fn_aged(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *due = sqlite3_value_text(argv[0]);
	int64_t open = sqlite3_value_int64(argv[1]);
	char day[11];

	(void)argc;
	items_as_of(day);
	if (due == NULL || open == 0 ||
	    (int)items_age_of(items_days_late((const char *)due, day)) != sqlite3_value_int(argv[2]))
		sqlite3_result_null(cx);
	else
		sqlite3_result_int64(cx, open);
}

int
items_functions(struct book *b, char *err)
{
	sqlite3 *db = book_db(b);

	if (sqlite3_create_function(db, "items_as_of", 0, SQLITE_UTF8, NULL, fn_as_of, NULL,
				    NULL) != SQLITE_OK ||
	    sqlite3_create_function(db, "items_days", 2, SQLITE_UTF8, NULL, fn_days, NULL, NULL) !=
		    SQLITE_OK ||
	    sqlite3_create_function(db, "items_aged", 3, SQLITE_UTF8, NULL, fn_aged, NULL, NULL) !=
		    SQLITE_OK)
		return err_set(err, "%s", sqlite3_errmsg(db));
	return 0;
}

/* ---- the items a document gets ---- */

/* What a document of this kind and type is to its party: 1 a debit
 * (instalments to pay), -1 a credit (a credit note), 0 nothing (a quote, a
 * DDT, a self-invoice). */
static int
doc_sign(const struct record *doc)
{
	static const char *const debits[] = { "FAT", "FTD", "ACC", "ND", "PAR" };
	const char *kind = record_get(doc, DOC_KIND);

	if (strcmp(kind, "NC") == 0)
		return -1;
	if (strcmp(kind, "FA") == 0)
		return strcmp(record_get(doc, DOC_TYPE), "TD04") == 0 ? -1 : 1;
	for (size_t i = 0; i < ARRAY_LEN(debits); i++)
		if (strcmp(kind, debits[i]) == 0)
			return 1;
	return 0;
}

static int64_t
cents_of(const char *v)
{
	return v[0] != '\0' ? strtoll(v, NULL, 10) : 0;
}

static int64_t
abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

/* An item to be: its due date, amount (signed) and method. */
struct item_plan {
	char due[11];
	int64_t amount;
	char mode[5];
};

/* The items doc's schedule makes: one a payment row, or one of what is
 * payable when it has none; a credit note's is one, of its whole amount. */
static size_t
plan_items(const struct record *doc, int sign, struct item_plan **out)
{
	const struct record_rows *rows = doc->rows != NULL ? &doc->rows[DOC_PAYMENTS] : NULL;
	const char *date = record_get(doc, DOC_DATE), *method = record_get(doc, DOC_PAY_METHOD);
	struct item_plan *p = NULL;
	int64_t whole = abs64(cents_of(record_get(doc, DOC_PAYABLE)));
	size_t n = 0;

	if (whole == 0)
		whole = abs64(cents_of(record_get(doc, DOC_TOTAL)));
	for (size_t i = 0; rows != NULL && i < rows->n && sign > 0; i++) {
		const struct record *r = rows->row[i];
		int64_t a = abs64(cents_of(record_get(r, PAY_AMOUNT)));
		if (a == 0)
			continue;
		p = xreallocarray(p, n + 1, sizeof *p);
		str_copy(p[n].due, record_get(r, PAY_DUE)[0] ? record_get(r, PAY_DUE) : date,
			 sizeof p[n].due);
		p[n].amount = a;
		str_copy(p[n].mode, record_get(r, PAY_MODE)[0] ? record_get(r, PAY_MODE) : method,
			 sizeof p[n].mode);
		n++;
	}
	if (sign < 0 && rows != NULL && rows->n > 0) {
		int64_t sum = 0;
		for (size_t i = 0; i < rows->n; i++)
			sum += abs64(cents_of(record_get(rows->row[i], PAY_AMOUNT)));
		if (sum != 0)
			whole = sum;
	}
	if (n == 0 && whole != 0) {
		p = xmalloc(sizeof *p);
		str_copy(p[0].due, date, sizeof p[0].due);
		p[0].amount = whole;
		str_copy(p[0].mode, method, sizeof p[0].mode);
		n = 1;
	}
	for (size_t i = 0; i < n; i++)
		p[i].amount *= sign;
	*out = p;
	return n;
}

static int
plan_insert(struct book *b, const struct record *doc, const struct item_plan *p, size_t n,
	    char *err)
{
	const char *side = strcmp(record_get(doc, DOC_DIRECTION), "S") == 0 ? "R" : "P";
	sqlite3_stmt *st;
	int rc = 0;

	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT INTO open_items (document_id, seq, side, party_id, due, "
			       "amount, mode) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	for (size_t i = 0; i < n && rc == 0; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, doc->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 3, side, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, cents_of(record_get(doc, DOC_PARTY)));
		sqlite3_bind_text(st, 5, p[i].due, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 6, p[i].amount);
		sqlite3_bind_text(st, 7, p[i].mode, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = record_db_error(b, err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Whether the stored items are the plan: 1, 0. */
static int
plan_same(const struct item *have, size_t nhave, const struct item_plan *p, size_t n)
{
	if (nhave != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(have[i].due, p[i].due) != 0 || have[i].amount != p[i].amount)
			return 0;
	return 1;
}

/* A credit note's item c offsets the open items of the invoices it was
 * made from, the latest due first (what is still to come is what it
 * reduces); what is left is the customer's credit, open on its own. */
static int
credit_offset(struct book *b, const struct record *doc, const struct item *c, char *err)
{
	struct item *inv;
	size_t n;
	int64_t *open, *alloc, want = -c->open, have = 0;
	int rc;

	if (want <= 0)
		return 0;
	if (items_query(b,
			"state <> 'P' AND amount > 0 AND document_id IN (SELECT from_id FROM "
			"document_links WHERE to_id = ?1) ORDER BY due DESC, id DESC",
			&doc->id, 1, &inv, &n, err) < 0)
		return REC_ERROR;
	open = xcalloc(n + 1, sizeof *open);
	alloc = xcalloc(n + 1, sizeof *alloc);
	for (size_t i = 0; i < n; i++)
		have += open[i] = inv[i].open;
	rc = 0;
	if (have > 0 && items_allocate(open, n, want < have ? want : have, alloc) == 0)
		for (size_t i = 0; i < n && rc == 0; i++)
			if (alloc[i] != 0)
				rc = items_link_add(b, inv[i].id, 0, c->id, alloc[i],
						    record_get(doc, DOC_DATE), err);
	free(open);
	free(alloc);
	free(inv);
	return rc;
}

/* What is open of doc's items settled outside the prima nota: all of it
 * for a document marked paid, else each whose payment row has its paid
 * date. */
static int
settle_marked(struct book *b, const struct record *doc, const struct item *it, size_t n,
	      char *err)
{
	const struct record_rows *rows = doc->rows != NULL ? &doc->rows[DOC_PAYMENTS] : NULL;
	int all = strcmp(record_get(doc, DOC_STATE), DOC_STATE_PAID) == 0;
	char today[11];

	util_today(today);
	for (size_t i = 0; i < n; i++) {
		const char *paid = "";
		int k = 0;
		/* instalment seq is the seq-th payment row of an amount */
		for (size_t r = 0; rows != NULL && r < rows->n && paid[0] == '\0'; r++)
			if (cents_of(record_get(rows->row[r], PAY_AMOUNT)) != 0 && ++k == it[i].seq)
				paid = record_get(rows->row[r], PAY_PAID);
		if (it[i].open == 0 || it[i].amount < 0 || (!all && paid[0] == '\0'))
			continue;
		if (items_link_add(b, it[i].id, 0, 0, it[i].open, paid[0] ? paid : today, err) < 0)
			return REC_ERROR;
	}
	return 0;
}

int
items_document_write(struct book *b, const struct record *doc, char *err)
{
	int sign = doc_sign(doc);
	struct item_plan *plan = NULL;
	struct item *have = NULL;
	size_t nplan, nhave;
	int64_t links = 0;
	int rc;

	if (sign == 0 || strcmp(record_get(doc, DOC_STATE), DOC_STATE_DRAFT) == 0)
		return 0;
	if (items_query(b, "document_id = ?1 ORDER BY seq", &doc->id, 1, &have, &nhave, err) < 0)
		return REC_ERROR;
	nplan = plan_items(doc, sign, &plan);
	for (size_t i = 0; i < nhave; i++)
		links += have[i].paid != 0 || have[i].presented[0] != '\0';
	rc = 0;
	/* made once; made again only while nothing settles them and none is
	 * at the bank (a rejected invoice corrected under its number) */
	if (!plan_same(have, nhave, plan, nplan) && links == 0) {
		if (nhave > 0)
			rc = items_exec(b, "DELETE FROM open_items WHERE document_id = ?1", &doc->id, 1,
					NULL, err);
		if (rc == 0)
			rc = plan_insert(b, doc, plan, nplan, err);
		free(have);
		have = NULL;
		if (rc == 0)
			rc = items_query(b, "document_id = ?1 ORDER BY seq", &doc->id, 1, &have,
					 &nhave, err);
		if (rc == 0 && sign < 0 && nhave == 1)
			rc = credit_offset(b, doc, &have[0], err);
		if (rc == 0) {
			free(have);
			have = NULL;
			rc = items_query(b, "document_id = ?1 ORDER BY seq", &doc->id, 1, &have,
					 &nhave, err);
		}
	}
	if (rc == 0 && sign > 0)
		rc = settle_marked(b, doc, have, nhave, err);
	free(plan);
	free(have);
	return rc < 0 ? REC_ERROR : 0;
}

/* ---- Ri.Ba.'s mark ---- */

int
items_set_presented(struct book *b, int64_t id, const char *date, char *err)
{
	struct item it;
	int rc;

	if (date != NULL && check_iso_date(date, NULL) < 0) {
		err_set(err, _("the day presented must be a date, YYYY-MM-DD"));
		return REC_INVALID;
	}
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if ((rc = items_get(b, id, &it, err)) == 0) {
		if (it.side != ITEM_RECEIVABLE || it.amount < 0) {
			err_set(err, _("item %" PRId64 " is not a customer's instalment: only those "
				       "are presented to the bank"),
				id);
			rc = REC_INVALID;
		} else if (it.state == ITEM_PAID) {
			err_set(err, _("item %" PRId64 " is paid (nothing was written)"), id);
			rc = REC_INVALID;
		} else
			rc = items_exec(b, "UPDATE open_items SET presented = ?2 WHERE id = ?1", &id,
					1, date, err);
	}
	return book_finish(b, rc, err);
}
