/* Lists in any order with filters, read page by page (keyset pagination):
 * every sortable column of the parties, both ways, with pages that end in
 * the middle of ties, against the same rows sorted here in C; searches by
 * prefix and by text; filters; refusals; and a check that each order of
 * every record kind is served by an index (no sort of the whole table). */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book-fixtures.h"
#include "book/parties.h"
#include "book/record.h"
#include "tap.h"
#include "util/util.h"

#define NPARTIES 157

static struct book *book;

/* ---- the rows as the test knows them ---- */

struct row {
	int64_t id;
	char *v[PARTY_NFIELDS];
};

static struct row all[NPARTIES];
static size_t sort_field;
static int sort_desc;

/* SQLite's NOCASE: ASCII letters folded, other bytes as they are. */
static int
nocase_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y || x == 0)
			return x - y;
	}
}

static int
row_cmp(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int c = nocase_cmp(a->v[sort_field], b->v[sort_field]);

	if (c == 0)
		c = a->id < b->id ? -1 : a->id > b->id;
	return sort_desc ? -c : c;
}

static const char *const cities[] = { "Milano", "milano", "Roma", "", "Torino", "MILANO",
				      "Bari" };
static const char *const roles = "CSB";

static void
make_rows(void)
{
	char err[ERR_SIZE];

	book_begin(book, err);
	for (size_t i = 0; i < NPARTIES; i++) {
		struct record *r = record_new(&parties_kind);
		char name[32], piva[16];
		/* names in mixed case, some repeated: ties in the key too */
		snprintf(name, sizeof name, "%s %03zu", i % 4 == 0 ? "PARTY" : "Party", (i * 37) % 101);
		snprintf(piva, sizeof piva, i % 5 == 0 ? "" : "%011zu", (i * 7919) % 1000);
		record_set(r, PARTY_NAME, name);
		record_set(r, PARTY_CITY, cities[(i * 5) % ARRAY_LEN(cities)]);
		record_set(r, PARTY_ROLE, (char[]){ roles[(i * 7) % 3], '\0' });
		record_set(r, PARTY_PIVA, piva);
		if (i % 6 != 0) /* some with no days: they count 0 in a sum */
			record_set(r, PARTY_PAY_DAYS, (char[]){ (char)('0' + i % 10), '\0' });
		if (record_table_insert(book, r, err) < 0)
			ok(0, "insert: %s", err);
		all[i].id = r->id;
		for (size_t f = 0; f < PARTY_NFIELDS; f++)
			all[i].v[f] = xstrdup(record_get(r, f));
		record_free(r);
	}
	book_commit(book, err);
}

static void
free_rows(void)
{
	for (size_t i = 0; i < NPARTIES; i++)
		for (size_t f = 0; f < PARTY_NFIELDS; f++)
			free(all[i].v[f]);
}

static int
row_passes(const struct row *r, const struct browse_order *o)
{
	for (size_t i = 0; i < o->nfilters; i++) {
		const struct browse_filter *f = &o->filters[i];
		int c = nocase_cmp(r->v[f->field], f->value);
		int pass = f->op == BF_EQ ? c == 0 : f->op == BF_NE ? c != 0 : f->op == BF_GE ? c >= 0
			 : f->op == BF_LE ? c <= 0 : strcasestr(r->v[f->field], f->value) != NULL;
		if (!pass)
			return 0;
	}
	return 1;
}

/* The ids of the rows that pass o's filters, in o's order. */
static size_t
expected(const struct browse_order *o, int64_t *ids)
{
	struct row sorted[NPARTIES];
	size_t n = 0;

	memcpy(sorted, all, sizeof sorted);
	sort_field = o->field;
	sort_desc = o->descending;
	qsort(sorted, NPARTIES, sizeof *sorted, row_cmp);
	for (size_t i = 0; i < NPARTIES; i++)
		if (row_passes(&sorted[i], o))
			ids[n++] = sorted[i].id;
	return n;
}

/* ---- walking the list as the browse list does ---- */

/* Reads the whole list forwards (AFTER from the start) or backwards
 * (BEFORE from the end) in pages of size page; ids in list order. */
static size_t
walk(const struct browse_order *o, enum browse_dir dir, size_t page, int64_t *ids, int *failed)
{
	struct record *rows[16];
	char *key = NULL;
	int64_t id = 0;
	size_t n = 0, got;
	char err[ERR_SIZE];

	for (;;) {
		if (record_browse_by(book, &parties_kind, o, dir, key, id, page, rows, &got, err) < 0) {
			ok(0, "browse: %s", err);
			*failed = 1;
			break;
		}
		for (size_t i = 0; i < got && n < NPARTIES + 1; i++)
			ids[n++] = rows[i]->id;
		if (got > 0) {
			free(key);
			key = xstrdup(record_get(rows[got - 1], o->field));
			id = rows[got - 1]->id;
		}
		for (size_t i = 0; i < got; i++)
			record_free(rows[i]);
		if (got < page || n > NPARTIES)
			break;
	}
	free(key);
	if (dir == BROWSE_BEFORE)
		for (size_t i = 0; i < n / 2; i++) {
			int64_t t = ids[i];
			ids[i] = ids[n - 1 - i];
			ids[n - 1 - i] = t;
		}
	return n;
}

static int
same_ids(const int64_t *a, size_t na, const int64_t *b, size_t nb)
{
	return na == nb && memcmp(a, b, na * sizeof *a) == 0;
}

static void
check_order(const struct browse_order *o, const char *what)
{
	int64_t want[NPARTIES], fwd[NPARTIES + 1], back[NPARTIES + 1];
	size_t nw = expected(o, want);
	static const size_t pages[] = { 1, 7, 16 };

	for (size_t p = 0; p < ARRAY_LEN(pages); p++) {
		int failed = 0;
		size_t nf = walk(o, BROWSE_AFTER, pages[p], fwd, &failed);
		size_t nb = walk(o, BROWSE_BEFORE, pages[p], back, &failed);
		ok(!failed && same_ids(fwd, nf, want, nw),
		   "%s, pages of %zu, forwards: %zu rows in order (want %zu)", what, pages[p], nf, nw);
		ok(!failed && same_ids(back, nb, want, nw),
		   "%s, pages of %zu, backwards: %zu rows in order (want %zu)", what, pages[p], nb,
		   nw);
	}
}

static void
every_order(void)
{
	static const size_t fields[] = { PARTY_NAME, PARTY_CITY, PARTY_ROLE, PARTY_PIVA };

	for (size_t f = 0; f < ARRAY_LEN(fields); f++)
		for (int desc = 0; desc <= 1; desc++) {
			struct browse_order o = { .field = fields[f], .descending = desc };
			char *what = xasprintf("by %s%s", parties_kind.fields[fields[f]].name,
					       desc ? " descending" : "");
			check_order(&o, what);
			free(what);
		}
}

static void
filtered_orders(void)
{
	struct browse_filter milano = { PARTY_CITY, BF_EQ, "MILANO", NULL };
	struct browse_filter two[] = { { PARTY_ROLE, BF_NE, "s", NULL }, { PARTY_NAME, BF_CONTAINS, "y 0", NULL } };
	struct browse_filter range[] = { { PARTY_PIVA, BF_GE, "00000000300", NULL },
					 { PARTY_PIVA, BF_LE, "00000000700", NULL } };
	struct browse_filter none = { PARTY_CITY, BF_EQ, "Napoli", NULL };
	struct browse_order o;

	o = (struct browse_order){ PARTY_ROLE, 0, &milano, 1 };
	check_order(&o, "city = MILANO (any case), by role");
	o = (struct browse_order){ PARTY_CITY, 1, two, 2 };
	check_order(&o, "role <> s and name holds 'y 0', by city descending");
	o = (struct browse_order){ PARTY_NAME, 0, range, 2 };
	check_order(&o, "P.IVA from ...300 to ...700, by name");
	o = (struct browse_order){ PARTY_NAME, 1, &none, 1 };
	check_order(&o, "a filter nothing passes: an empty list");
}

/* ---- searches ---- */

/* Where typing a prefix should land: the first row, in o's order, whose
 * value starts with it, or else would come after it. */
static int64_t
seek_target(const struct browse_order *o, const char *prefix)
{
	int64_t want[NPARTIES];
	size_t n = expected(o, want);

	for (size_t i = 0; i < n; i++) {
		const char *v = NULL;
		for (size_t j = 0; j < NPARTIES; j++)
			if (all[j].id == want[i])
				v = all[j].v[o->field];
		int starts = strncasecmp(v, prefix, strlen(prefix)) == 0;
		int c = nocase_cmp(v, prefix);
		if (starts || (o->descending ? c < 0 : c > 0))
			return want[i];
	}
	return 0;
}

static void
seek_one(const struct browse_order *o, const char *prefix, const char *what)
{
	struct record *r[1];
	size_t got = 0;
	char err[ERR_SIZE];
	int64_t want = seek_target(o, prefix);

	ok(want != 0, "%s: the test's data has a row to land on", what);
	record_browse_by(book, &parties_kind, o, BROWSE_AFTER, prefix, INT64_MIN, 1, r, &got, err);
	ok(got == 1 && r[0]->id == want, "%s: lands on row %" PRId64 " (got %" PRId64 ", %s)", what,
	   want, got == 1 ? r[0]->id : 0, got == 1 ? record_get(r[0], o->field) : "none");
	if (got == 1)
		record_free(r[0]);
}

static void
prefix_seek(void)
{
	struct browse_order up = { .field = PARTY_CITY }, down = { .field = PARTY_CITY, .descending = 1 };
	struct browse_order name = { .field = PARTY_NAME, .descending = 1 };

	seek_one(&up, "mil", "by city, typing 'mil'");
	seek_one(&down, "mil", "by city descending, typing 'mil' (a Milano, not Bari)");
	seek_one(&down, "n", "by city descending, 'n' (no city starts so: the next down)");
	seek_one(&up, "n", "by city, 'n' (the next up, Roma)");
	seek_one(&name, "party 05", "by name descending, 'party 05'");
}

static void
find_text(void)
{
	struct browse_order o = { .field = PARTY_CITY, .descending = 1 };
	struct browse_filter sup = { PARTY_ROLE, BF_EQ, "S", NULL };
	struct record *f = NULL;
	char err[ERR_SIZE];

	is_int(record_find_by(book, &parties_kind, &o, "OMA", NULL, 0, &f, err), 0,
	       "find by city, descending");
	ok(f != NULL && strcmp(record_get(f, PARTY_CITY), "Roma") == 0, "finds a Roma");
	if (f != NULL) {
		/* descending: the first Roma is the one with the highest id */
		int64_t best = 0;
		for (size_t i = 0; i < NPARTIES; i++)
			if (strcmp(all[i].v[PARTY_CITY], "Roma") == 0 && all[i].id > best)
				best = all[i].id;
		is_int(f->id, best, "the first in the list's order");
		struct record *g = NULL;
		record_find_by(book, &parties_kind, &o, "oma", record_get(f, PARTY_CITY), f->id, &g,
			       err);
		ok(g != NULL && g->id < f->id && strcmp(record_get(g, PARTY_CITY), "Roma") == 0,
		   "finding again goes on from it");
		record_free(g);
	}
	record_free(f);
	f = NULL;
	o.filters = &sup;
	o.nfilters = 1;
	record_find_by(book, &parties_kind, &o, "oma", NULL, 0, &f, err);
	ok(f != NULL && strcmp(record_get(f, PARTY_ROLE), "S") == 0,
	   "find keeps to the filters");
	record_free(f);
}

static void
refusals(void)
{
	struct browse_order o = { .field = PARTY_EMAIL };
	struct browse_filter bad = { 99, BF_EQ, "x", NULL };
	struct record *r[1];
	size_t got = 9;
	char err[ERR_SIZE] = "";

	is_int(record_browse_by(book, &parties_kind, &o, BROWSE_AFTER, NULL, 0, 1, r, &got, err),
	       REC_ERROR, "an order by a column without an index is refused");
	ok(got == 0 && strstr(err, "cannot be sorted") != NULL, "saying so: %s", err);
	o.field = PARTY_NAME;
	o.filters = &bad;
	o.nfilters = 1;
	is_int(record_browse_by(book, &parties_kind, &o, BROWSE_AFTER, NULL, 0, 1, r, &got, err),
	       REC_ERROR, "a filter on no field is refused");
	bad = (struct browse_filter){ PARTY_NAME, BF_OP_COUNT, "x", NULL };
	is_int(record_browse_by(book, &parties_kind, &o, BROWSE_AFTER, NULL, 0, 1, r, &got, err),
	       REC_ERROR, "a filter with no operator is refused");
}

/* ---- every order an index seek ---- */

static char *last_sql;

static int
trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)ctx;
	(void)p;
	if (type == SQLITE_TRACE_STMT && strncmp(x, "SELECT id, version", 18) == 0) {
		free(last_sql);
		last_sql = xstrdup(x);
	}
	return 0;
}

/* The plan of the statement last traced: 1 when it seeks in an index
 * (SEARCH, not a SCAN from the start) and sorts nothing. */
static int
plan_uses_index(char *detail, size_t size)
{
	char *q = xasprintf("EXPLAIN QUERY PLAN %s", last_sql);
	sqlite3_stmt *st;
	int index = 0, sorts = 0;

	detail[0] = '\0';
	if (sqlite3_prepare_v2(book_db(book), q, -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(st, 3);
			index |= strstr(d, "SEARCH") != NULL && strstr(d, "INDEX") != NULL;
			/* the page's own sort (a computed field's subquery, as a
			 * document's links ordered by date, sorts its few rows) */
			sorts |= sqlite3_column_int(st, 1) == 0 && strstr(d, "TEMP B-TREE") != NULL;
			snprintf(detail + strlen(detail), size - strlen(detail), "%s; ", d);
		}
		sqlite3_finalize(st);
	}
	free(q);
	return index && !sorts;
}

static void
indexed_orders(void)
{
	char detail[512], err[ERR_SIZE];
	struct record *r[1];
	size_t got;

	sqlite3_trace_v2(book_db(book), SQLITE_TRACE_STMT, trace, NULL);
	for (size_t i = 0; record_kind_at(i) != NULL; i++) {
		const struct record_kind *k = record_kind_at(i);
		for (size_t f = 0; f < k->nfields; f++) {
			if (!record_sortable(k, f) || k->table == NULL)
				continue;
			for (int desc = 0; desc <= 1; desc++) {
				struct browse_order o = { .field = f, .descending = desc };
				free(last_sql);
				last_sql = NULL;
				if (record_browse_by(book, k, &o, BROWSE_AFTER, "x", 1, 1, r, &got, err) == 0)
					for (size_t j = 0; j < got; j++)
						record_free(r[j]);
				ok(last_sql != NULL && plan_uses_index(detail, sizeof detail),
				   "%s by %s%s: a page is an index seek, nothing sorted: %s", k->name,
				   k->fields[f].name, desc ? " descending" : "", detail);
			}
		}
	}
	sqlite3_trace_v2(book_db(book), 0, NULL, NULL);
	free(last_sql);
}

/* record_sum_by: a column summed over every row the filters pass, not a
 * page, against the same sum in C. */
static void
sums(void)
{
	static const struct browse_filter some[][2] = {
		{ { PARTY_ROLE, BF_EQ, "c", NULL }, { PARTY_CITY, BF_NE, "Roma", NULL } },
		{ { PARTY_NAME, BF_CONTAINS, "party 0", NULL }, { PARTY_ROLE, BF_NE, "x", NULL } },
	};
	char err[ERR_SIZE];
	int64_t sum = -1;

	for (size_t k = 0; k <= ARRAY_LEN(some); k++) {
		struct browse_order o = { .field = PARTY_NAME };
		int64_t want = 0;

		if (k > 0) {
			o.filters = some[k - 1];
			o.nfilters = 2;
		}
		for (size_t i = 0; i < NPARTIES; i++)
			if (row_passes(&all[i], &o))
				want += atoi(all[i].v[PARTY_PAY_DAYS]);
		is_int(record_sum_by(book, &parties_kind, &o, PARTY_PAY_DAYS, &sum, err), 0,
		       "a sum %s: %s", k == 0 ? "of every row" : "of the rows filtered", err);
		is_int(sum, want, "the sum of the days is %lld", (long long)want);
	}
	ok(sum > 0, "the filtered sums are not all nothing");
	struct browse_filter bad = { PARTY_NFIELDS + 3, BF_EQ, "x", NULL };
	struct browse_order o = { .field = PARTY_NAME, .filters = &bad, .nfilters = 1 };
	is_int(record_sum_by(book, &parties_kind, &o, PARTY_PAY_DAYS, &sum, err), REC_ERROR,
	       "a filter on no field is refused: %s", err);
}

int
main(void)
{
	struct temp_book tb;

	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	make_rows();
	every_order();
	filtered_orders();
	prefix_seek();
	find_text();
	refusals();
	sums();
	indexed_orders();
	free_rows();
	temp_book_close(&tb, book);
	return tap_done();
}
