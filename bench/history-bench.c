/* What the history and the durability setting cost a save (issue 17):
 * a form's save (a customer's city changed, one transaction, as F2 does)
 * and a 1,000-row import (1,000 prima nota entries through record_save
 * inside one outer transaction, as the bank import holds one), each with
 * the history's triggers and without them (dropped for the run), at
 * synchronous FULL and NORMAL, in the same run, each on a new book. Prints medians of REPEAT
 * runs and ratios; asserts nothing.
 * Usage: history-bench [SAVES] [REPEAT] (a temporary book). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "book/parties.h"
#include "book/primanota.h"
#include "book/record.h"
#include "util/util.h"
#include "bench.h"

static struct book *book;
static int saves = 200, repeat = 5;

static void
exec(const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(book_db(book), sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "history-bench: %s: %s\n", sql, msg);
		exit(1);
	}
}

/* Drops this connection's history triggers (book_open made them). */
static void
history_off(void)
{
	sqlite3_stmt *st;
	struct buf sql = { 0 };

	sqlite3_prepare_v2(book_db(book),
			   "SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND "
			   "name LIKE 'history\\_%' ESCAPE '\\'",
			   -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(&sql, "DROP TRIGGER temp.\"%s\";", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (sql.data != NULL)
		exec(sql.data);
	buf_free(&sql);
}

static void
remove_book(const char *path)
{
	for (size_t i = 0; i < 3; i++) {
		char *p = xasprintf("%s%s", path, (const char *[]){ "", "-wal", "-shm" }[i]);
		unlink(p);
		free(p);
	}
}

/* A new book for each run, so none measures a book the others grew. */
static void
reopen(const char *path, int history, const char *sync)
{
	char err[ERR_SIZE], sql[64];

	book_close(book);
	book = NULL;
	remove_book(path);
	if (book_open(path, &book, err) < 0) {
		fprintf(stderr, "history-bench: %s\n", err);
		exit(1);
	}
	if (!history)
		history_off();
	snprintf(sql, sizeof sql, "PRAGMA synchronous = %s", sync);
	exec(sql);
}

/* Microseconds a save of one customer (its city changed), the median of
 * `saves` saves. */
static double
form_save(struct record *r)
{
	double *t = xcalloc((size_t)saves, sizeof *t), med;
	char err[ERR_SIZE], city[32];

	for (int i = 0; i < saves; i++) {
		double t0 = now_us();
		snprintf(city, sizeof city, "Città %d", i);
		record_set(r, PARTY_CITY, city);
		if (record_save(book, r, NULL, err) < 0) {
			fprintf(stderr, "history-bench: %s\n", err);
			exit(1);
		}
		t[i] = now_us() - t0;
	}
	qsort(t, (size_t)saves, sizeof *t, cmp_double);
	med = t[saves / 2];
	free(t);
	return med;
}

/* Milliseconds for 1,000 prima nota entries in one transaction. */
static double
import_rows(int run)
{
	char err[ERR_SIZE], v[64];
	double t0 = now_us();

	if (book_begin(book, err) < 0)
		exit(1);
	for (int i = 0; i < 1000; i++) {
		struct record *e = record_new(&primanota_kind);
		snprintf(v, sizeof v, "2026-%02d-%02d", 1 + i % 12, 1 + i % 28);
		record_set(e, ENTRY_DATE, v);
		record_set(e, ENTRY_ACCOUNT, "2");
		snprintf(v, sizeof v, "Movimento %d/%d", run, i);
		record_set(e, ENTRY_DESCRIPTION, v);
		snprintf(v, sizeof v, "%d", 100 + i);
		record_set(e, i % 2 ? ENTRY_IN : ENTRY_OUT, v);
		if (record_save(book, e, NULL, err) < 0) {
			fprintf(stderr, "history-bench: %s\n", err);
			exit(1);
		}
		record_free(e);
	}
	if (book_commit(book, err) < 0)
		exit(1);
	return (now_us() - t0) / 1000;
}

int
main(int argc, char **argv)
{
	static const struct {
		int history;
		const char *sync;
		const char *what;
	} runs[] = {
		{ 0, "FULL", "no history, FULL  " },
		{ 1, "FULL", "history,    FULL  " },
		{ 0, "NORMAL", "no history, NORMAL" },
		{ 1, "NORMAL", "history,    NORMAL" },
	};
	double form[4], import[4];
	char dir[] = "/tmp/history-bench-XXXXXX", err[ERR_SIZE], *path;
	struct record *r;

	if (argc > 1)
		saves = atoi(argv[1]);
	if (argc > 2)
		repeat = atoi(argv[2]);
	if (saves < 1 || repeat < 1 || mkdtemp(dir) == NULL)
		return 2;
	path = xasprintf("%s/bench.sqlite", dir);
	for (size_t k = 0; k < ARRAY_LEN(runs); k++) {
		double *f = xcalloc((size_t)repeat, sizeof *f), *m = xcalloc((size_t)repeat, sizeof *m);
		reopen(path, runs[k].history, runs[k].sync);
		r = record_new(&parties_kind);
		record_set(r, PARTY_NAME, "Rossi Srl");
		record_set(r, PARTY_PIVA, "01234567897");
		record_save(book, r, NULL, err);
		for (int i = 0; i < repeat; i++) {
			f[i] = form_save(r);
			m[i] = import_rows((int)k * repeat + i);
		}
		qsort(f, (size_t)repeat, sizeof *f, cmp_double);
		qsort(m, (size_t)repeat, sizeof *m, cmp_double);
		form[k] = f[repeat / 2];
		import[k] = m[repeat / 2];
		printf("%s  a form save %8.0f us   1,000-row import %8.1f ms\n", runs[k].what,
		       form[k], import[k]);
		free(f);
		free(m);
		record_free(r);
	}
	printf("the history costs: a form save x%.2f (FULL), x%.2f (NORMAL); "
	       "an import x%.2f (FULL), x%.2f (NORMAL)\n",
	       form[1] / form[0], form[3] / form[2], import[1] / import[0], import[3] / import[2]);
	printf("FULL against NORMAL, with the history: a form save x%.2f, an import x%.2f\n",
	       form[1] / form[3], import[1] / import[3]);
	book_close(book);
	remove_book(path);
	rmdir(dir);
	free(path);
	return 0;
}
