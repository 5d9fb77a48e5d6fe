/* The prima nota's summary of a year (pn-summary.h): one grouped query over
 * the year's entries, by index (pn_entries_by_account for one account,
 * pn_entries_by_date for all), gives at most a row per month, causale and
 * kind (transfer leg or not); those few rows make the months and the
 * causali. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/pn-summary.h"
#include "book/primanota.h"
#include "book/record.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/util.h"

/* ?1 the account (one account only), ?2 and ?3 the year's first and last
 * day. COLLATE NOCASE on the date lets the all-accounts query use the
 * date index (built so); dates are digits, the order is the same. */
#define SUMMARY_COLUMNS                                                                      \
	"SELECT CAST(substr(date, 6, 2) AS INTEGER), causale, pair_id IS NOT NULL,"          \
	" sum(max(amount, 0)), -sum(min(amount, 0)), count(*) FROM pn_entries "
#define SUMMARY_GROUP " GROUP BY 1, 2, 3"

static const char summary_one_sql[] =
	SUMMARY_COLUMNS "WHERE account_id = ?1 AND date BETWEEN ?2 AND ?3" SUMMARY_GROUP;
static const char summary_all_sql[] =
	SUMMARY_COLUMNS "WHERE date COLLATE NOCASE BETWEEN ?2 AND ?3" SUMMARY_GROUP;

static struct pn_causale_total *
causale_row(struct pn_summary *s, const char *code, int transfer)
{
	for (size_t i = 0; i < s->ncausali; i++)
		if (s->causali[i].transfer == transfer &&
		    (transfer || strcmp(s->causali[i].causale, code) == 0))
			return &s->causali[i];
	s->causali = xrealloc(s->causali, (s->ncausali + 1) * sizeof *s->causali);
	struct pn_causale_total *c = &s->causali[s->ncausali++];
	memset(c, 0, sizeof *c);
	str_copy(c->causale, transfer ? PN_CAUSALE_TRANSFER : code, sizeof c->causale);
	c->transfer = transfer;
	return c;
}

static void
add_group(struct pn_summary *s, sqlite3_stmt *st)
{
	int month = sqlite3_column_int(st, 0), transfer = sqlite3_column_int(st, 2);
	const char *code = (const char *)sqlite3_column_text(st, 1);
	int64_t in = sqlite3_column_int64(st, 3), out = sqlite3_column_int64(st, 4);
	struct pn_causale_total *c = causale_row(s, code != NULL ? code : "", transfer);

	c->in += in;
	c->out += out;
	c->count += sqlite3_column_int(st, 5);
	s->count += sqlite3_column_int(st, 5);
	if (transfer) {
		s->transfer_in += in;
		s->transfer_out += out;
	} else if (month >= 1 && month <= 12) {
		s->month_in[month - 1] += in;
		s->month_out[month - 1] += out;
		s->in += in;
		s->out += out;
	}
}

/* Codes in order, the transfers' row last. */
static int
causale_cmp(const void *a, const void *b)
{
	const struct pn_causale_total *x = a, *y = b;

	if (x->transfer != y->transfer)
		return x->transfer - y->transfer;
	return strcmp(x->causale, y->causale);
}

int
pn_summary_year(struct book *b, int64_t account, int year, struct pn_summary *out, char *err)
{
	char from[16], to[16];
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	out->year = year;
	out->account = account;
	if (year < 1000 || year > 9999)
		return err_set(err, _("the year must have four digits"));
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	if (sqlite3_prepare_v2(book_db(b), account != 0 ? summary_one_sql : summary_all_sql, -1,
			       &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	if (account != 0)
		sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_group(out, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return record_db_error(b, err);
	if (out->ncausali > 1)
		qsort(out->causali, out->ncausali, sizeof *out->causali, causale_cmp);
	return 0;
}

void
pn_summary_free(struct pn_summary *s)
{
	free(s->causali);
	s->causali = NULL;
	s->ncausali = 0;
}

int
pn_account_names(struct book *b, int64_t **ids, char ***names, size_t *n, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*ids = NULL;
	*names = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT id, name FROM pn_accounts ORDER BY name COLLATE NOCASE, id",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
		*names = xrealloc(*names, (*n + 1) * sizeof **names);
		(*ids)[*n] = sqlite3_column_int64(st, 0);
		(*names)[*n] = xstrdup((const char *)sqlite3_column_text(st, 1));
		(*n)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}
