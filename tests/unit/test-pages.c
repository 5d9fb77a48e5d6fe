/* Print layout (src/ui/pages.c): wrapping within a column, never cutting,
 * and pages with their header, "Page N of M" and headings repeated. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "ui/pages.h"
#include "util/util.h"

static int
wraps_to(const char *s, int width, const char *const *want, size_t nwant)
{
	char **lines;
	size_t n = text_wrap(s, width, &lines);
	int same = n == nwant;

	for (size_t i = 0; i < n; i++) {
		if (same && strcmp(lines[i], want[i]) != 0)
			same = 0;
		if (!same)
			printf("# line %zu: '%s'\n", i, lines[i]);
		free(lines[i]);
	}
	free(lines);
	return same;
}

#define WRAPS(s, w, ...)                                                      \
	wraps_to(s, w, (const char *const[]){ __VA_ARGS__ },                   \
		 sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *))

/* How many lines of text hold needle. */
static size_t
count_lines(const char *text, const char *needle)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* The line of text that starts at the n-th (from 0) line. */
static char *
line_of(const char *text, size_t n)
{
	const char *p = text;

	for (size_t i = 0; i < n && p != NULL; i++)
		if ((p = strchr(p, '\n')) != NULL)
			p++;
	if (p == NULL)
		return xstrdup("");
	return xstrndup(p, strcspn(p, "\n"));
}

static size_t
lines_in(const char *text)
{
	size_t n = 0;

	for (const char *p = text; *p != '\0'; p++)
		n += *p == '\n';
	return n;
}

static void
test_wrap(void)
{
	ok(WRAPS("the quick brown fox", 10, "the quick", "brown fox"), "wraps at blanks");
	ok(WRAPS("abcdefghij", 4, "abcd", "efgh", "ij"), "a word longer than the line is split");
	ok(WRAPS("Caffè Società", 6, "Caffè", "Societ", "à"),
	   "widths count characters, not bytes");
	ok(WRAPS("日本語テキスト", 5, "日本", "語テ", "キス", "ト"),
	   "double-width characters take two columns");
	ok(WRAPS("one\ntwo three", 20, "one", "two three"), "a newline starts a line");
	ok(WRAPS("", 10, ""), "an empty text is one empty line");
	ok(WRAPS("short", 10, "short"), "a short text stays one line");
	ok(WRAPS("a    b", 2, "a", "b"), "blanks at a break are dropped");
}

static void
test_pairs(void)
{
	struct doc *d = doc_new("Suppliers - Rossi Srl");
	struct pages p = { 0 };
	char *l;

	doc_pair(d, "Name", "Rossi Srl");
	doc_pair(d, "Notes", "Deliveries only in the morning, from Monday to Friday; the "
			     "back gate on Via Emilia is closed in August");
	doc_pages(d, "21/11/2026", 60, 60, &p);
	is_int(p.n, 1, "a short record is one page");
	l = line_of(p.page[0], 0);
	ok(str_starts(l, "Suppliers - Rossi Srl    21/11/2026") &&
		   strstr(l, "Page 1 of 1") != NULL && strlen(l) == 60,
	   "the header: title, date, and Page 1 of 1 against the right edge: '%s'", l);
	free(l);
	l = line_of(p.page[0], 2);
	is_str(l, "Name:   Rossi Srl", "label: value, values aligned after the longest label");
	free(l);
	l = line_of(p.page[0], 3);
	is_str(l, "Notes:  Deliveries only in the morning, from Monday to",
	       "a long value wraps at the page's width, at a blank");
	free(l);
	l = line_of(p.page[0], 4);
	is_str(l, "        Friday; the back gate on Via Emilia is closed in",
	       "and goes on under itself");
	free(l);
	l = line_of(p.page[0], 5);
	is_str(l, "        August", "nothing cut");
	free(l);
	pages_free(&p);
	doc_free(d);
}

static void
test_table(void)
{
	struct doc *d = doc_new("Contacts");
	struct pages p = { 0 };
	char *l;

	doc_table(d);
	doc_heading(d, "Name       Phone");
	doc_column(d, 0, 10, 0);
	doc_column(d, 11, 8, 1);
	doc_row(d, (const char *[]){ "Anna Maria Bianchi", "123" });
	doc_row(d, (const char *[]){ "Bruno", NULL });
	doc_pages(d, "d", 40, 60, &p);
	l = line_of(p.page[0], 2);
	is_str(l, "Name       Phone", "the table's heading");
	free(l);
	l = line_of(p.page[0], 3);
	is_str(l, "Anna Maria      123", "a long cell wraps in its column; numbers to the right");
	free(l);
	l = line_of(p.page[0], 4);
	is_str(l, "Bianchi", "its second line under it");
	free(l);
	l = line_of(p.page[0], 5);
	is_str(l, "Bruno", "then the next row; an empty cell is empty");
	free(l);
	pages_free(&p);
	doc_free(d);
}

static void
test_pages(void)
{
	struct doc *d = doc_new("Customers");
	struct pages p = { 0 };
	char cell[32], *all, *l;
	size_t rows = 0;

	doc_table(d);
	doc_heading(d, "Name");
	doc_column(d, 0, 30, 0);
	for (int i = 0; i < 150; i++) {
		snprintf(cell, sizeof cell, "Customer %03d", i);
		doc_row(d, (const char *[]){ cell });
	}
	doc_text(d, "150 records");
	doc_pages(d, "21/11/2026", 76, 60, &p);
	/* 57 lines a page under the header and its blank: the headings and 56
	 * rows on each */
	is_int(p.n, 3, "150 rows on pages of 60 lines are 3 pages");
	l = line_of(p.page[1], 0);
	ok(strstr(l, "Page 2 of 3") != NULL, "the second page says Page 2 of 3: '%s'", l);
	free(l);
	l = line_of(p.page[1], 2);
	is_str(l, "Name", "and repeats the table's headings");
	free(l);
	for (size_t i = 0; i < p.n; i++) {
		ok(lines_in(p.page[i]) <= 60, "page %zu has at most 60 lines (%zu)", i + 1,
		   lines_in(p.page[i]));
		rows += count_lines(p.page[i], "Customer ");
	}
	is_int(rows, 150, "every row is on a page, once");
	ok(strstr(p.page[2], "150 records") != NULL, "the note after the table is on the last");
	all = pages_join(&p);
	is_int(count_lines(all, "\f"), 2, "joined, a form feed between two pages");
	ok(strstr(all, "Customer 149\n") != NULL, "and nothing lost");
	free(all);
	pages_free(&p);
	doc_free(d);

	d = doc_new("Empty");
	doc_pages(d, "d", 76, 60, &p);
	ok(p.n == 1 && strstr(p.page[0], "Page 1 of 1") != NULL, "an empty document is one page");
	pages_free(&p);
	doc_free(d);
}

static void
test_long_title(void)
{
	struct doc *d = doc_new("Suppliers - by City, descending - only City <> Torino, "
				"Name contains Rossi, Role = S");
	struct pages p = { 0 };
	char *l0, *l1, *l2;

	doc_pages(d, "21/11/2026", 60, 60, &p);
	l0 = line_of(p.page[0], 0);
	l1 = line_of(p.page[0], 1);
	l2 = line_of(p.page[0], 2);
	ok(str_starts(l0, "Suppliers - by City") && strlen(l0) <= 60 &&
		   strstr(l1, "21/11/2026") != NULL,
	   "a long title wraps, with the date: '%s' '%s'", l0, l1);
	ok(strstr(l1, "Page 1 of 1") != NULL || strstr(l2, "Page 1 of 1") != NULL,
	   "and the page number is still there");
	free(l0);
	free(l1);
	free(l2);
	pages_free(&p);
	doc_free(d);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "en_US.UTF-8");
	test_wrap();
	test_pairs();
	test_table();
	test_pages();
	test_long_title();
	return tap_done();
}
