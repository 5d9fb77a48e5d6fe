/* The prima nota on a book of many entries (1,000,000 on 3 accounts over
 * 10 years by default): one account's list opened, its end, a description
 * searched, the balance at the end, an entry inserted 5 years back, a
 * year's period totals, through the record layer and primanota.h (the
 * running balance read from the per-day totals), each against the naive
 * query in the same run (SUM over the table for each balance, OFFSET
 * paging). Prints medians and ratios; asserts nothing.
 * Usage: primanota-bench [ROWS] [REPEAT] [BOOK] (BOOK kept when given). */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "book/primanota.h"
#include "book/record.h"
#include "util/util.h"
#include "bench.h"

#define PAGE 20

static struct book *book;
static int repeat = 20, rows = 1000000;

static double
measure(void (*fn)(void), int n)
{
	double *t = xcalloc((size_t)n, sizeof *t), m;

	for (int i = 0; i < n; i++) {
		double t0 = now_us();
		fn();
		t[i] = now_us() - t0;
	}
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	m = t[n / 2];
	free(t);
	return m;
}

/* rows entries on accounts 1-3 (Cassa, Banca, a third), in date order
 * from 2016, about 270 a day. */
static int
fill(char *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (book_exec(book, "INSERT INTO pn_accounts (name, type, opening) VALUES ('Carta', 'K', 0);"
			    "BEGIN", err) < 0)
		return -1;
	if (sqlite3_prepare_v2(book_db(book),
			       "INSERT INTO pn_entries (account_id, date, description, amount, "
			       "causale) VALUES (?1, date('2016-01-01', ?2), ?3, ?4, 'IC')",
			       -1, &st, NULL) != SQLITE_OK)
		return err_set(err, "%s", sqlite3_errmsg(book_db(book)));
	for (int i = 0; i < rows && rc == 0; i++) {
		char days[32], what[64];
		unsigned h = (unsigned)i * 2654435761u;
		snprintf(days, sizeof days, "+%d days", (int)((int64_t)i * 3650 / rows));
		snprintf(what, sizeof what, "Movimento %u fattura %u", h % 100000u, i);
		sqlite3_bind_int(st, 1, 1 + (int)(h % 3));
		sqlite3_bind_text(st, 2, days, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, what, -1, SQLITE_TRANSIENT);
		int64_t amount = (int64_t)(h % 200000u) - 99000;
		sqlite3_bind_int64(st, 4, amount != 0 ? amount : 1);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = err_set(err, "%s", sqlite3_errmsg(book_db(book)));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return book_exec(book, rc == 0 ? "COMMIT" : "ROLLBACK", err) < 0 ? -1 : rc;
}

/* ---- ours: the record layer, as the list calls it ---- */

static struct browse_filter on_banca = { ENTRY_ACCOUNT, BF_EQ, "2", NULL };
static struct browse_order banca = { ENTRY_DATE, 0, &on_banca, 1 };

static void
page(enum browse_dir dir)
{
	struct record *r[PAGE];
	size_t got = 0;
	char err[ERR_SIZE];

	if (record_browse_by(book, &primanota_kind, &banca, dir, NULL, 0, PAGE, r, &got, err) < 0)
		fprintf(stderr, "browse: %s\n", err);
	for (size_t i = 0; i < got; i++)
		record_free(r[i]);
}

static void ours_open(void) { page(BROWSE_AFTER); }
static void ours_end(void) { page(BROWSE_BEFORE); }

static struct browse_order by_description = { ENTRY_DESCRIPTION, 0, &on_banca, 1 };

static void
ours_search(void)
{
	struct record *r = NULL;
	char err[ERR_SIZE];

	record_find_by(book, &primanota_kind, &by_description, "fattura 999", NULL, 0, &r, err);
	record_free(r);
}

static void
ours_balance(void)
{
	int64_t v;
	char err[ERR_SIZE];

	pn_balance_at(book, 2, "9999-12-31", &v, err);
}

static void
ours_insert(void)
{
	struct pn_entry e = { .account_id = 2, .date = "2021-03-15", .description = "back-dated",
			      .amount = -1234, .causale = "SB" };
	char err[ERR_SIZE];
	int64_t id;

	if (pn_entry_add(book, &e, &id, err) < 0)
		fprintf(stderr, "insert: %s\n", err);
}

static void
ours_year(void)
{
	struct pn_period p;
	char err[ERR_SIZE];

	pn_period_totals(book, 2, "2020-01-01", "2020-12-31", &p, err);
}

/* ---- naive: a SUM over the table per row, OFFSET paging ---- */

static void
naive_sql(const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(book_db(book), sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "naive: %s\n", sqlite3_errmsg(book_db(book)));
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
}

#define NAIVE_ROW                                                                            \
	"SELECT e.*, (SELECT opening FROM pn_accounts WHERE id = 2) + (SELECT sum(amount) FROM " \
	"pn_entries x WHERE x.account_id = 2 AND (x.date < e.date OR (x.date = e.date AND "     \
	"x.id <= e.id))) FROM pn_entries e WHERE e.account_id = 2 ORDER BY e.date, e.id "

static void naive_open(void) { naive_sql(NAIVE_ROW "LIMIT 20 OFFSET 0"); }

static void
naive_end(void)
{
	naive_sql("SELECT count(*) FROM pn_entries WHERE account_id = 2");
	naive_sql(NAIVE_ROW "LIMIT 20 OFFSET (SELECT count(*) - 20 FROM pn_entries WHERE "
			    "account_id = 2)");
}

static void
naive_search(void)
{
	naive_sql("SELECT * FROM pn_entries WHERE account_id = 2 AND description LIKE "
		  "'%fattura 999%' ORDER BY description LIMIT 1");
}

static void
naive_balance(void)
{
	naive_sql("SELECT (SELECT opening FROM pn_accounts WHERE id = 2) + sum(amount) FROM "
		  "pn_entries WHERE account_id = 2");
}

static void
naive_insert(void)
{
	naive_sql("INSERT INTO pn_entries (account_id, date, description, amount) VALUES "
		  "(2, '2021-03-15', 'back-dated', -1234)");
	naive_balance();
}

static void
naive_year(void)
{
	naive_sql("SELECT sum(max(amount, 0)), sum(-min(amount, 0)) FROM pn_entries WHERE "
		  "account_id = 2 AND date BETWEEN '2020-01-01' AND '2020-12-31'");
	naive_balance();
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *what;
		void (*ours)(void), (*naive)(void);
		int n;
	} cases[] = {
		{ "open one account's list", ours_open, naive_open, 0 },
		{ "jump to its end", ours_end, naive_end, 0 },
		{ "search a description", ours_search, naive_search, 0 },
		{ "the balance at the end", ours_balance, naive_balance, 0 },
		{ "insert an entry 5 years back", ours_insert, naive_insert, 5 },
		{ "a year's period totals", ours_year, naive_year, 0 },
	};
	char tmpl[] = "/tmp/scrivano-pn-bench-XXXXXX", *path, err[ERR_SIZE];
	int keep = argc > 3;

	setlocale(LC_ALL, "C.UTF-8");
	if (argc > 1)
		rows = atoi(argv[1]);
	if (argc > 2)
		repeat = atoi(argv[2]);
	if (keep)
		path = xstrdup(argv[3]);
	else if (mkdtemp(tmpl) == NULL)
		return 1;
	else
		path = xasprintf("%s/book.sqlite", tmpl);
	if (book_open(path, &book, err) < 0 || fill(err) < 0) {
		fprintf(stderr, "primanota-bench: %s\n", err);
		return 1;
	}
	printf("%d entries on 3 accounts over 10 years; medians of %d runs\n", rows, repeat);
	printf("%-32s %12s %12s %8s\n", "", "scrivano ms", "naive ms", "ratio");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int n = cases[i].n ? cases[i].n : repeat;
		double a = measure(cases[i].ours, n), b = measure(cases[i].naive, n);
		printf("%-32s %12.3f %12.3f %8.1f\n", cases[i].what, a / 1000, b / 1000,
		       a > 0 ? b / a : 0);
	}
	book_close(book);
	if (!keep) {
		char *p;
		unlink(path);
		p = xasprintf("%s-wal", path), unlink(p), free(p);
		p = xasprintf("%s-shm", path), unlink(p), free(p);
		rmdir(tmpl);
	}
	free(path);
	return 0;
}
