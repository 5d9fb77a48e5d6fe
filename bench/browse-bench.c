/* The browse list on a book of many parties (100,000 by default): opening
 * the list, End, paging from the middle, typing a name, sorting by city,
 * a filter, through the record layer the list uses (keyset pagination),
 * each against the same answer got the naive way in the same run (OFFSET
 * and COUNT, as a list that knows its row numbers does, and every row read
 * into memory). Prints medians and ratios; asserts nothing.
 * Usage: browse-bench [ROWS] [REPEAT] [BOOK] (BOOK kept when given). */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "book/parties.h"
#include "book/record.h"
#include "util/util.h"
#include "bench.h"

#define PAGE 20

static struct book *book;
static int repeat = 50;

/* The median of repeat runs of fn, in microseconds. */
static double
measure(void (*fn)(void))
{
	double *t = xcalloc((size_t)repeat, sizeof *t), m;

	for (int i = 0; i < repeat; i++) {
		double t0 = now_us();
		fn();
		t[i] = now_us() - t0;
	}
	qsort(t, (size_t)repeat, sizeof *t, cmp_double);
	m = t[repeat / 2];
	free(t);
	return m;
}

static const char *const cities[] = { "Milano", "Roma", "Torino", "Napoli", "Bari", "Bologna",
				      "Firenze", "Genova", "Palermo", "Verona" };
static const char *const surnames[] = { "Rossi", "Bianchi", "Ferrari", "Esposito", "Romano",
					"Colombo", "Ricci", "Marino", "Greco", "Bruno" };

static int
fill(int rows, char *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (book_begin(book, err) < 0)
		return -1;
	if (sqlite3_prepare_v2(book_db(book),
			       "INSERT INTO parties (role, name, cf, city) VALUES (?1, ?2, ?3, ?4)",
			       -1, &st, NULL) != SQLITE_OK)
		return err_set(err, "%s", sqlite3_errmsg(book_db(book)));
	for (int i = 0; i < rows && rc == 0; i++) {
		char name[64];
		unsigned h = (unsigned)i * 2654435761u;
		snprintf(name, sizeof name, "%s %s %06u", surnames[h % 10],
			 surnames[(h / 10) % 10], h % 1000000u);
		sqlite3_bind_text(st, 1, i % 3 == 0 ? "S" : "C", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, "01234567897", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, cities[(h / 100) % 10], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = err_set(err, "%s", sqlite3_errmsg(book_db(book)));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc < 0) {
		book_rollback(book);
		return -1;
	}
	return book_commit(book, err);
}

/* ---- scrivano's way: the record layer, as the browse list calls it ---- */

static struct browse_order by_name = { PARTY_NAME, 0, NULL, 0 };
static struct browse_order by_city = { PARTY_CITY, 0, NULL, 0 };
static struct browse_filter only_torino = { PARTY_CITY, BF_EQ, "torino", NULL };
static struct browse_order filtered = { PARTY_NAME, 0, &only_torino, 1 };
static char *mid_key;
static int64_t mid_id;

static void
page(const struct browse_order *o, enum browse_dir dir, const char *key, int64_t id)
{
	struct record *rows[PAGE];
	size_t got = 0;
	char err[ERR_SIZE];

	if (record_browse_by(book, &parties_kind, o, dir, key, id, PAGE, rows, &got, err) < 0)
		fprintf(stderr, "browse: %s\n", err);
	for (size_t i = 0; i < got; i++)
		record_free(rows[i]);
}

static void
ours_open(void)
{
	page(&by_name, BROWSE_AFTER, NULL, 0);
}

static void
ours_end(void)
{
	page(&by_name, BROWSE_BEFORE, NULL, 0);
}

static void
ours_middle(void)
{
	page(&by_name, BROWSE_AFTER, mid_key, mid_id);
}

static void
ours_seek(void)
{
	page(&by_name, BROWSE_AFTER, "Romano Ricci", INT64_MIN);
}

static void
ours_city_end(void)
{
	page(&by_city, BROWSE_BEFORE, NULL, 0);
}

static void
ours_filter(void)
{
	page(&filtered, BROWSE_AFTER, NULL, 0);
}

static void
ours_find(void)
{
	struct record *r = NULL;
	char err[ERR_SIZE];

	record_find_by(book, &parties_kind, &by_name, "999999", NULL, 0, &r, err);
	record_free(r);
}

/* ---- the naive way: row numbers (COUNT and OFFSET), or all in memory ---- */

static void
run_sql(const char *sql, const char *text)
{
	sqlite3_stmt *st;
	int cols;

	if (sqlite3_prepare_v2(book_db(book), sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(book_db(book)));
		return;
	}
	if (text != NULL)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	cols = sqlite3_column_count(st);
	while (sqlite3_step(st) == SQLITE_ROW)
		for (int c = 0; c < cols; c++)
			(void)sqlite3_column_text(st, c);
	sqlite3_finalize(st);
}

#define COLS "id, version, role, name, piva, cf, address, city, cap, province, country"

static void
naive_open(void)
{
	run_sql("SELECT count(*) FROM parties", NULL);
	run_sql("SELECT " COLS " FROM parties ORDER BY name COLLATE NOCASE, id LIMIT 20", NULL);
}

static void
naive_end(void)
{
	run_sql("SELECT " COLS " FROM parties ORDER BY name COLLATE NOCASE, id LIMIT 20 "
		"OFFSET (SELECT count(*) - 20 FROM parties)",
		NULL);
}

static void
naive_middle(void)
{
	run_sql("SELECT " COLS " FROM parties ORDER BY name COLLATE NOCASE, id LIMIT 20 "
		"OFFSET (SELECT count(*) / 2 FROM parties)",
		NULL);
}

static void
naive_seek(void)
{
	run_sql("SELECT " COLS " FROM parties ORDER BY name COLLATE NOCASE, id LIMIT 20 OFFSET "
		"(SELECT count(*) FROM parties WHERE name < ?1 COLLATE NOCASE)",
		"Romano Ricci");
}

static void
naive_city_end(void)
{
	run_sql("SELECT " COLS " FROM parties ORDER BY city COLLATE NOCASE, id LIMIT 20 "
		"OFFSET (SELECT count(*) - 20 FROM parties)",
		NULL);
}

static void
naive_filter(void)
{
	run_sql("SELECT count(*) FROM parties WHERE city = 'torino' COLLATE NOCASE", NULL);
	run_sql("SELECT " COLS " FROM parties WHERE city = 'torino' COLLATE NOCASE "
		"ORDER BY name COLLATE NOCASE, id LIMIT 20",
		NULL);
}

static void
naive_find(void)
{
	run_sql("SELECT " COLS " FROM parties WHERE instr(lower(name), '999999') > 0 "
		"ORDER BY name COLLATE NOCASE, id LIMIT 1",
		NULL);
}

static void
all_in_memory(void)
{
	run_sql("SELECT " COLS " FROM parties ORDER BY name COLLATE NOCASE, id", NULL);
}

static void
set_middle(int rows)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(book_db(book),
			       "SELECT name, id FROM parties ORDER BY name COLLATE NOCASE, id "
			       "LIMIT 1 OFFSET ?1",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int(st, 1, rows / 2);
		if (sqlite3_step(st) == SQLITE_ROW) {
			mid_key = xstrdup((const char *)sqlite3_column_text(st, 0));
			mid_id = sqlite3_column_int64(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (mid_key == NULL)
		mid_key = xstrdup("");
}

static const struct {
	const char *what;
	void (*ours)(void), (*naive)(void);
} cases[] = {
	{ "open the list (first page)", ours_open, naive_open },
	{ "End (last page)", ours_end, naive_end },
	{ "a page from the middle", ours_middle, naive_middle },
	{ "type a name (\"Romano Ricci\")", ours_seek, naive_seek },
	{ "sorted by city, End", ours_city_end, naive_city_end },
	{ "filter city = torino", ours_filter, naive_filter },
	{ "Search: a name holding text", ours_find, naive_find },
};

int
main(int argc, char **argv)
{
	int rows = argc > 1 ? atoi(argv[1]) : 100000;
	char dir[] = "/tmp/scrivano-bench-XXXXXX", *path, err[ERR_SIZE];
	double t0, all, first;

	setlocale(LC_ALL, "C.UTF-8");
	repeat = argc > 2 ? atoi(argv[2]) : 50;
	if (rows < 100 || repeat < 1) {
		fprintf(stderr, "usage: browse-bench [ROWS (100 or more)] [REPEAT] [BOOK]\n");
		return 2;
	}
	if (argc > 3)
		path = xstrdup(argv[3]);
	else if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	} else
		path = xasprintf("%s/book.sqlite", dir);
	if (book_open(path, &book, err) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	t0 = now_us();
	if (fill(rows, err) < 0) {
		fprintf(stderr, "filling the book: %s\n", err);
		return 1;
	}
	printf("book of %d parties made in %.1f s; medians of %d runs, microseconds\n", rows,
	       (now_us() - t0) / 1e6, repeat);
	set_middle(rows);
	printf("%-34s %10s %12s %8s\n", "", "scrivano", "OFFSET/COUNT", "ratio");
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		double ours = measure(cases[i].ours), naive = measure(cases[i].naive);
		printf("%-34s %10.0f %12.0f %7.1fx\n", cases[i].what, ours, naive,
		       naive / (ours > 0 ? ours : 1));
	}
	first = measure(ours_open);
	repeat = repeat > 5 ? 5 : repeat;
	all = measure(all_in_memory);
	printf("%-34s %10.0f %12.0f %7.1fx  (peer: every row read, as a list held in "
	       "memory)\n",
	       "open the list", first, all, all / (first > 0 ? first : 1));
	book_close(book);
	if (argc <= 3) {
		for (const char *const *s = (const char *const[]){ "", "-wal", "-shm", NULL }; *s;
		     s++) {
			char *p = xasprintf("%s%s", path, *s);
			unlink(p);
			free(p);
		}
		rmdir(dir);
	}
	free(path);
	free(mid_key);
	return 0;
}
