/* The prima nota's accounts (cash, bank, card, petty cash: IBAN checked,
 * ABI and CAB read from it, closed ones kept but hidden from lookups, one
 * with entries never deleted), the balances read from the per-day totals
 * the book keeps (pn_days), and the period view's record. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "book/primanota.h"
#include "book/pn-impl.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/util.h"

static int
check_account_type(const char *v, char *err)
{
	return check_one_of(v, "C B K P",
			    _("must be C (cash), B (bank), K (card) or P (petty cash)"), err);
}

/* An opening balance: cents, and an overdrawn account opens below 0. */
static int
check_signed_cents(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0)
		return err_set(err, _("must be an amount"));
	return 0;
}

static int
account_validate(const struct record *r, size_t *bad, char *err)
{
	const char *type = record_get(r, ACCOUNT_TYPE);

	if (record_get(r, ACCOUNT_IBAN)[0] != '\0' && strcmp(type, "B") != 0 &&
	    strcmp(type, "K") != 0)
		return record_invalid(r, ACCOUNT_IBAN, bad,
				      _("an IBAN goes with a bank account or a card: clear it, or "
					"make the type B or K"),
				      err);
	return 0;
}

/* How many entries account id has: -1 when the book fails. */
static int
entry_count(struct book *b, int64_t id)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(book_db(b), "SELECT count(*) FROM pn_entries WHERE account_id = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* An account with entries stays: closing it hides it instead. */
static int
account_remove(struct book *b, const struct record *r, char *err)
{
	int n = entry_count(b, r->id);

	if (n < 0)
		return record_db_error(b, err);
	if (n > 0)
		return err_set(err,
			       ngettext("it has %d entry in the prima nota: close it instead "
					"(Closed: Y); nothing was deleted",
					"it has %d entries in the prima nota: close it instead "
					"(Closed: Y); nothing was deleted",
					(unsigned long)n),
			       n);
	return record_table_remove(b, r, err);
}

#define ITALIAN_IBAN "iban GLOB 'IT*' AND length(iban) = 27"

static const struct record_field account_fields[ACCOUNT_NFIELDS] = {
	[ACCOUNT_NAME] = { "name", N_("Name"), 60, RECF_REQUIRED, NULL, NULL },
	[ACCOUNT_TYPE] = { "type", N_("Type"), 1, RECF_REQUIRED | RECF_SORT, "B",
			   check_account_type },
	[ACCOUNT_IBAN] = { "iban", N_("IBAN"), 34, 0, NULL, check_iban },
	[ACCOUNT_BANK] = { "bank", N_("Bank"), 80, 0, NULL, NULL },
	[ACCOUNT_ABI] = { "abi", N_("ABI"), 0, 0, NULL, NULL,
			  "CASE WHEN " ITALIAN_IBAN " THEN substr(iban, 6, 5) ELSE '' END" },
	[ACCOUNT_CAB] = { "cab", N_("CAB"), 0, 0, NULL, NULL,
			  "CASE WHEN " ITALIAN_IBAN " THEN substr(iban, 11, 5) ELSE '' END" },
	[ACCOUNT_OPENING] = { "opening", N_("Opening balance"), 18, RECF_REQUIRED, "0",
			      check_signed_cents },
	[ACCOUNT_OPENING_DATE] = { "opening_date", N_("Opening date"), 10, RECF_NULL, NULL,
				   check_iso_date },
	[ACCOUNT_CLOSED] = { "closed", N_("Closed"), 1, RECF_REQUIRED, "0", pn_check_yes_no },
	[ACCOUNT_NOTES] = { "notes", N_("Notes"), 1000, 0, NULL, NULL },
	[ACCOUNT_BALANCE] = { "balance", N_("Balance"), 0, 0, NULL, NULL,
			      "opening + coalesce((SELECT d.cum_in + d.cum_out FROM pn_days d "
			      "WHERE d.account_id = pn_accounts.id ORDER BY d.date DESC LIMIT 1), 0)" },
};

const struct record_kind accounts_kind = {
	.name = "accounts",
	.table = "pn_accounts",
	.fields = account_fields,
	.nfields = ACCOUNT_NFIELDS,
	.key_field = ACCOUNT_NAME,
	.validate = account_validate,
	.load = record_table_load,
	.insert = record_table_insert,
	.update = record_table_update,
	.remove = account_remove,
	.browse = record_table_browse,
	.find = record_table_find,
};

/* ---- the accounts lookups offer: open ones only ---- */

#define MAX_OPEN_FILTERS 8

/* o with "closed = 0" added. */
static int
open_only(const struct browse_order *o, struct browse_order *out, struct browse_filter *f)
{
	if (o->nfilters + 1 > MAX_OPEN_FILTERS)
		return -1;
	if (o->nfilters > 0) /* (filters may be NULL when there are none) */
		memcpy(f, o->filters, o->nfilters * sizeof *f);
	f[o->nfilters] = (struct browse_filter){ ACCOUNT_CLOSED, BF_EQ, "0", NULL };
	*out = *o;
	out->filters = f;
	out->nfilters = o->nfilters + 1;
	return 0;
}

static int
open_browse(struct book *b, const struct record_kind *k, const struct browse_order *o,
	    enum browse_dir dir, const char *key, int64_t id, size_t n, struct record **rows,
	    size_t *got, char *err)
{
	struct browse_filter f[MAX_OPEN_FILTERS];
	struct browse_order oo;

	if (open_only(o, &oo, f) < 0)
		return err_set(err, _("a filter of the list of %s is not valid"), k->name);
	return record_table_browse(b, k, &oo, dir, key, id, n, rows, got, err);
}

static int
open_find(struct book *b, const struct record_kind *k, const struct browse_order *o,
	  const char *text, const char *key, int64_t id, struct record **out, char *err)
{
	struct browse_filter f[MAX_OPEN_FILTERS];
	struct browse_order oo;

	if (open_only(o, &oo, f) < 0)
		return err_set(err, _("a filter of the list of %s is not valid"), k->name);
	return record_table_find(b, k, &oo, text, key, id, out, err);
}

/* The same table and fields: a lookup names this kind, a form the other. */
const struct record_kind open_accounts_kind = {
	.name = "open_accounts",
	.table = "pn_accounts",
	.fields = account_fields,
	.nfields = ACCOUNT_NFIELDS,
	.key_field = ACCOUNT_NAME,
	.validate = account_validate,
	.load = record_table_load,
	.insert = record_table_insert,
	.update = record_table_update,
	.remove = account_remove,
	.browse = open_browse,
	.find = open_find,
};

/* ---- what the entries' rules read ---- */

int
pn_account_info(struct book *b, int64_t id, struct pn_account_info *a, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT name, coalesce(opening_date, ''), closed, iban FROM pn_accounts "
			       "WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		str_copy(a->name, (const char *)sqlite3_column_text(st, 0), sizeof a->name);
		str_copy(a->opening_date, (const char *)sqlite3_column_text(st, 1),
			 sizeof a->opening_date);
		a->closed = sqlite3_column_int(st, 2);
		str_copy(a->iban, (const char *)sqlite3_column_text(st, 3), sizeof a->iban);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return REC_GONE;
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

int
pn_lock_date(struct book *b, char *lock, char *err)
{
	sqlite3_stmt *st;
	int rc;

	lock[0] = '\0';
	if (sqlite3_prepare_v2(book_db(b), "SELECT coalesce(lock_date, '') FROM company", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		str_copy(lock, (const char *)sqlite3_column_text(st, 0), 11);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
pn_account_find(struct book *b, const char *name, int64_t *id, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT id FROM pn_accounts WHERE name = ?1 COLLATE NOCASE "
			       "ORDER BY id LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set(err, _("no account is called \"%s\""), name);
		return REC_GONE;
	}
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

/* ---- balances: a few seeks in pn_days, whatever the number of entries ---- */

/* Per account (or all): the opening, and the cumulative totals in and out
 * at the end of the last day before from and of the last day up to to. */
#define PERIOD_SQL                                                                           \
	"SELECT a.opening,"                                                                  \
	" coalesce((SELECT cum_in FROM pn_days d WHERE d.account_id = a.id AND d.date < ?2"  \
	"  ORDER BY d.date DESC LIMIT 1), 0),"                                               \
	" coalesce((SELECT cum_out FROM pn_days d WHERE d.account_id = a.id AND d.date < ?2" \
	"  ORDER BY d.date DESC LIMIT 1), 0),"                                               \
	" coalesce((SELECT cum_in FROM pn_days d WHERE d.account_id = a.id AND d.date <= ?3" \
	"  ORDER BY d.date DESC LIMIT 1), 0),"                                               \
	" coalesce((SELECT cum_out FROM pn_days d WHERE d.account_id = a.id AND d.date <= ?3" \
	"  ORDER BY d.date DESC LIMIT 1), 0)"                                                \
	" FROM pn_accounts a WHERE ?1 = 0 OR a.id = ?1"

int
pn_period_totals(struct book *b, int64_t account, const char *from, const char *to,
		 struct pn_period *out, char *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(book_db(b), PERIOD_SQL, -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t open = sqlite3_column_int64(st, 0), bi = sqlite3_column_int64(st, 1),
			bo = sqlite3_column_int64(st, 2), ei = sqlite3_column_int64(st, 3),
			eo = sqlite3_column_int64(st, 4);
		out->opening += open + bi + bo;
		out->in += ei - bi;
		out->out += bo - eo;
		out->closing += open + ei + eo;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
pn_balance_at(struct book *b, int64_t account, const char *date, int64_t *out, char *err)
{
	struct pn_period p;
	int rc = pn_period_totals(b, account, date, date, &p, err);

	*out = p.closing;
	return rc;
}

int
pn_span_dates(char span, const char *date, char *from, char *to)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, first, last, end;

	if (sscanf(date, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
		return -1;
	switch (span) {
	case 'M':
		first = last = m;
		break;
	case 'Q':
		first = (m - 1) / 3 * 3 + 1;
		last = first + 2;
		break;
	case 'Y':
		first = 1;
		last = 12;
		break;
	default:
		return -1;
	}
	end = days[last - 1] + (last == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	char buf[32];

	snprintf(buf, sizeof buf, "%04d-%02d-01", y, first);
	str_copy(from, buf, 11);
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, last, end);
	str_copy(to, buf, 11);
	return 0;
}

/* ---- the period view: a form whose save computes ---- */

static int
check_span(const char *v, char *err)
{
	return check_one_of(v, "M Q Y R",
			    _("must be M (month), Q (quarter), Y (year) or R (from-to)"), err);
}

static int
period_validate(const struct record *r, size_t *bad, char *err)
{
	const char *from = record_get(r, PERIOD_FROM), *to = record_get(r, PERIOD_TO);

	if (strcmp(record_get(r, PERIOD_SPAN), "R") != 0)
		return 0;
	if (from[0] == '\0')
		return record_invalid(r, PERIOD_FROM, bad, _("a from-to period needs its first day"),
				      err);
	if (to[0] == '\0')
		return record_invalid(r, PERIOD_TO, bad, _("a from-to period needs its last day"),
				      err);
	if (strcmp(from, to) > 0)
		return record_invalid(r, PERIOD_TO, bad, _("is before the first day"), err);
	return 0;
}

static void
set_cents(struct record *r, size_t f, int64_t v)
{
	char s[24];

	snprintf(s, sizeof s, "%lld", (long long)v);
	record_set(r, f, s);
}

/* Fills the results from the request's fields (an empty date: today). */
static int
period_compute(struct book *b, struct record *r, char *err)
{
	char from[11], to[11], today[11];
	const char *span = record_get(r, PERIOD_SPAN);
	struct pn_period p;
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	if (record_get(r, PERIOD_DATE)[0] == '\0')
		record_set(r, PERIOD_DATE, today);
	if (strcmp(span, "R") == 0) {
		str_copy(from, record_get(r, PERIOD_FROM), sizeof from);
		str_copy(to, record_get(r, PERIOD_TO), sizeof to);
	} else if (pn_span_dates(span[0], record_get(r, PERIOD_DATE), from, to) < 0) {
		return err_set(err, _("Period: must be M (month), Q (quarter), Y (year) or R "
				      "(from-to)"));
	}
	if (pn_period_totals(b, atoll(record_get(r, PERIOD_ACCOUNT)), from, to, &p, err) < 0)
		return REC_ERROR;
	record_set(r, PERIOD_START, from);
	record_set(r, PERIOD_END, to);
	set_cents(r, PERIOD_OPENING, p.opening);
	set_cents(r, PERIOD_IN, p.in);
	set_cents(r, PERIOD_OUTS, p.out);
	set_cents(r, PERIOD_CLOSING, p.closing);
	return 0;
}

static int
period_load(struct book *b, struct record *r, char *err)
{
	r->version = 1;
	return period_compute(b, r, err) < 0 ? REC_ERROR : 0;
}

static int
period_update(struct book *b, struct record *r, char *err)
{
	return period_compute(b, r, err) < 0 ? REC_ERROR : 0;
}

static int
period_refused(struct book *b, const struct record *r, char *err)
{
	(void)b;
	(void)r;
	return err_set(err, _("the period view is a question, not a record: F2 shows its "
			      "totals"));
}

static int
period_insert(struct book *b, struct record *r, char *err)
{
	return period_refused(b, r, err);
}

static int
period_browse(struct book *b, const struct record_kind *k, const struct browse_order *o,
	      enum browse_dir dir, const char *key, int64_t id, size_t n, struct record **rows,
	      size_t *got, char *err)
{
	(void)b, (void)k, (void)o, (void)dir, (void)key, (void)id, (void)n, (void)rows, (void)err;
	*got = 0;
	return 0;
}

static int
period_find(struct book *b, const struct record_kind *k, const struct browse_order *o,
	    const char *text, const char *key, int64_t id, struct record **out, char *err)
{
	(void)b, (void)k, (void)o, (void)text, (void)key, (void)id, (void)err;
	*out = NULL;
	return 0;
}

static const struct record_field period_fields[PERIOD_NFIELDS] = {
	[PERIOD_ACCOUNT] = { "account_id", N_("Account"), 19, RECF_NULL, NULL, pn_check_row_id },
	[PERIOD_SPAN] = { "span", N_("Period"), 1, RECF_REQUIRED, "M", check_span },
	[PERIOD_DATE] = { "date", N_("Day in the period"), 10, 0, NULL, check_iso_date },
	[PERIOD_FROM] = { "date_from", N_("From"), 10, 0, NULL, check_iso_date },
	[PERIOD_TO] = { "date_to", N_("To"), 10, 0, NULL, check_iso_date },
	[PERIOD_START] = { "start", N_("First day"), 10, 0, NULL, NULL },
	[PERIOD_END] = { "end", N_("Last day"), 10, 0, NULL, NULL },
	[PERIOD_OPENING] = { "opening", N_("Opening balance"), 0, 0, NULL, NULL },
	[PERIOD_IN] = { "total_in", N_("Total in"), 0, 0, NULL, NULL },
	[PERIOD_OUTS] = { "total_out", N_("Total out"), 0, 0, NULL, NULL },
	[PERIOD_CLOSING] = { "closing", N_("Closing balance"), 0, 0, NULL, NULL },
};

/* Kept nowhere: loading and saving compute the totals of the period asked. */
const struct record_kind pn_period_kind = {
	.name = "pn_period",
	.fields = period_fields,
	.nfields = PERIOD_NFIELDS,
	.key_field = PERIOD_SPAN,
	.single = 1,
	.validate = period_validate,
	.load = period_load,
	.insert = period_insert,
	.update = period_update,
	.remove = period_refused,
	.browse = period_browse,
	.find = period_find,
};
