/* The prima nota's summary of a year (src/book/pn-summary.c) against a
 * temporary book: random entries over two years on three accounts, some of
 * them transfers, and the totals by month and by causale of each account and
 * of all, compared with plain sums over the table; transfers' legs left out
 * of the months and counted apart; the query plans use an index. */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book-fixtures.h"
#include "book/pn-summary.h"
#include "book/primanota.h"
#include "book/record.h"
#include "tap.h"
#include "util/util.h"

static struct book *book;

/* One integer a query gives, with up to two text parameters. */
static int64_t
sum_of(const char *sql, int64_t account, const char *a, const char *b)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	if (sqlite3_prepare_v2(book_db(book), sql, -1, &st, NULL) != SQLITE_OK)
		return -2;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, a, -1, SQLITE_TRANSIENT);
	if (b != NULL)
		sqlite3_bind_text(st, 3, b, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static unsigned long rng = 4242;

static unsigned
rnd(unsigned n)
{
	rng = rng * 1103515245UL + 12345UL;
	return (unsigned)((rng >> 16) % n);
}

static void
set_id(struct record *r, size_t f, int64_t id)
{
	char v[24];

	snprintf(v, sizeof v, "%" PRId64, id);
	record_set(r, f, id != 0 ? v : "");
}

static const char *const causali[] = { "IC", "PF", "F24", "SB", "" };

/* n random entries on accounts 1..3 in 2025 and 2026, one in six a
 * transfer. */
static int
fill(int n)
{
	char err[ERR_SIZE], date[16], v[24];
	int saved = 0;

	for (int i = 0; i < n; i++) {
		struct record *r = record_new(&primanota_kind);
		int64_t account = 1 + rnd(3), amount = 1 + rnd(500000);
		int transfer = rnd(6) == 0, out = rnd(2);

		snprintf(date, sizeof date, "%d-%02u-%02u", 2025 + (int)rnd(2), 1 + rnd(12),
			 1 + rnd(28));
		set_id(r, ENTRY_ACCOUNT, account);
		record_set(r, ENTRY_DATE, date);
		record_set(r, ENTRY_DESCRIPTION, "movimento");
		snprintf(v, sizeof v, "%" PRId64, amount);
		record_set(r, out ? ENTRY_OUT : ENTRY_IN, v);
		if (transfer)
			set_id(r, ENTRY_TO_ACCOUNT, account % 3 + 1);
		else
			record_set(r, ENTRY_CAUSALE, causali[rnd(5)]);
		if (record_save(book, r, NULL, err) == 0)
			saved++;
		else
			printf("# entry %d: %s\n", i, err);
		record_free(r);
	}
	return saved;
}

#define ACCOUNT_WHERE " WHERE (?1 = 0 OR account_id = ?1) "

/* The summary of year for account, month by month and causale by causale,
 * against sums over the table. */
static void
check_year(int64_t account, int year)
{
	struct pn_summary s;
	char err[ERR_SIZE], from[16], to[16], month[16];
	int bad_months = 0, bad_causali = 0;
	int64_t cin = 0, cout = 0;
	long count = 0;

	snprintf(from, sizeof from, "%d-01-01", year);
	snprintf(to, sizeof to, "%d-12-31", year);
	is_int(pn_summary_year(book, account, year, &s, err), 0, "the summary of %d, account %" PRId64,
	       year, account);
	for (int m = 0; m < 12; m++) {
		snprintf(month, sizeof month, "%d-%02d", year, m + 1);
		int64_t in = sum_of("SELECT coalesce(sum(amount), 0) FROM pn_entries" ACCOUNT_WHERE
				    "AND substr(date, 1, 7) = ?2 AND amount > 0 AND pair_id IS NULL",
				    account, month, NULL),
			out = sum_of("SELECT coalesce(-sum(amount), 0) FROM pn_entries" ACCOUNT_WHERE
				     "AND substr(date, 1, 7) = ?2 AND amount < 0 AND pair_id IS NULL",
				     account, month, NULL);
		if (in != s.month_in[m] || out != s.month_out[m]) {
			printf("# %s: in %" PRId64 "/%" PRId64 " out %" PRId64 "/%" PRId64 "\n",
			       month, s.month_in[m], in, s.month_out[m], out);
			bad_months++;
		}
	}
	is_int(bad_months, 0, "each month's in and out, giroconti left out, are the table's sums");
	is_int(s.in, sum_of("SELECT coalesce(sum(amount), 0) FROM pn_entries" ACCOUNT_WHERE
			    "AND date BETWEEN ?2 AND ?3 AND amount > 0 AND pair_id IS NULL",
			    account, from, to),
	       "and the year's in");
	is_int(s.transfer_out,
	       sum_of("SELECT coalesce(-sum(amount), 0) FROM pn_entries" ACCOUNT_WHERE
		      "AND date BETWEEN ?2 AND ?3 AND amount < 0 AND pair_id IS NOT NULL",
		      account, from, to),
	       "the giroconti's legs out are counted apart");
	for (size_t i = 0; i < s.ncausali; i++) {
		const struct pn_causale_total *c = &s.causali[i];
		const char *q = c->transfer
			? "SELECT coalesce(sum(max(amount, 0)), 0) FROM pn_entries" ACCOUNT_WHERE
			  "AND date BETWEEN ?2 AND ?3 AND pair_id IS NOT NULL"
			: "SELECT coalesce(sum(max(amount, 0)), 0) FROM pn_entries" ACCOUNT_WHERE
			  "AND date BETWEEN ?2 AND ?3 AND pair_id IS NULL AND causale = ?4";
		sqlite3_stmt *st;
		int64_t in = -1;

		if (sqlite3_prepare_v2(book_db(book), q, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, account);
			sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, c->causale, -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				in = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
		if (in != c->in) {
			printf("# causale '%s'%s: in %" PRId64 " want %" PRId64 "\n", c->causale,
			       c->transfer ? " (transfers)" : "", c->in, in);
			bad_causali++;
		}
		cin += c->in;
		cout += c->out;
		count += c->count;
	}
	is_int(bad_causali, 0, "each causale's in is the table's sum (%zu causali)", s.ncausali);
	is_int(cin, s.in + s.transfer_in, "the causali add up to the months and the giroconti (in)");
	is_int(cout, s.out + s.transfer_out, "and out");
	is_int(count, sum_of("SELECT count(*) FROM pn_entries" ACCOUNT_WHERE
			     "AND date BETWEEN ?2 AND ?3", account, from, to),
	       "and count every entry of the year");
	pn_summary_free(&s);
}

/* The summary's queries read by index, never the whole table. */
static void
plans(void)
{
	const char *qs[] = {
		"EXPLAIN QUERY PLAN SELECT CAST(substr(date, 6, 2) AS INTEGER), causale, "
		"pair_id IS NOT NULL, sum(max(amount, 0)), -sum(min(amount, 0)), count(*) FROM "
		"pn_entries WHERE account_id = 1 AND date BETWEEN '2026-01-01' AND '2026-12-31' "
		"GROUP BY 1, 2, 3",
		"EXPLAIN QUERY PLAN SELECT CAST(substr(date, 6, 2) AS INTEGER), causale, "
		"pair_id IS NOT NULL, sum(max(amount, 0)), -sum(min(amount, 0)), count(*) FROM "
		"pn_entries WHERE date COLLATE NOCASE BETWEEN '2026-01-01' AND '2026-12-31' "
		"GROUP BY 1, 2, 3",
	};
	for (size_t i = 0; i < 2; i++) {
		sqlite3_stmt *st;
		int indexed = 0;

		if (sqlite3_prepare_v2(book_db(book), qs[i], -1, &st, NULL) == SQLITE_OK) {
			while (sqlite3_step(st) == SQLITE_ROW) {
				const char *d = (const char *)sqlite3_column_text(st, 3);
				printf("# %s\n", d);
				if (strstr(d, i == 0 ? "pn_entries_by_account" : "pn_entries_by_date"))
					indexed = 1;
			}
			sqlite3_finalize(st);
		}
		ok(indexed, "the %s query seeks its index", i == 0 ? "one account's" : "all accounts'");
	}
}

int
main(void)
{
	struct temp_book tb;
	struct pn_summary s;
	char err[ERR_SIZE];
	int64_t *ids;
	char **names;
	size_t n;

	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	is_int(pn_summary_year(book, 0, 2026, &s, err), 0, "an empty book's summary");
	is_int(s.in + s.out + (int64_t)s.ncausali, 0, "is all zeros");
	pn_summary_free(&s);
	ok(pn_summary_year(book, 0, 26, &s, err) < 0, "a year of two digits is refused");
	pn_summary_free(&s);
	{
		struct record *r = record_new(&accounts_kind);
		record_set(r, ACCOUNT_NAME, "Carta aziendale");
		record_set(r, ACCOUNT_TYPE, "K");
		is_int(record_save(book, r, NULL, err), 0, "a third account");
		record_free(r);
	}
	is_int(fill(400), 400, "400 random entries over 2025 and 2026");
	for (int64_t a = 0; a <= 3; a++) {
		check_year(a, 2026);
		check_year(a, 2025);
	}
	plans();
	is_int(pn_account_names(book, &ids, &names, &n, err), 0, "the accounts' names");
	is_int((int64_t)n, 3, "all three");
	if (n == 3)
		is_str(names[0], "Banca", "in name order");
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(ids);
	temp_book_close(&tb, book);
	return tap_done();
}
