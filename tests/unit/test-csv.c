/* The CSV writer (src/ui/csv.c): RFC 4180 quoting (separator, quotes, CR
 * and LF inside), both styles' separators, the byte order mark, and the
 * apostrophe that keeps a text cell from becoming a spreadsheet formula. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "ui/csv.h"
#include "util/util.h"

static const struct csv_opts italian = { CSV_ITALIAN, 1 }, plain = { CSV_PLAIN, 0 };

/* One row as text (NUL-terminated). */
static char *
row(const struct csv_opts *o, const char *const *cells, const int *numeric, size_t n)
{
	struct buf b = { 0 };

	csv_row(&b, o, cells, numeric, n);
	buf_add(&b, "", 1);
	return b.data;
}

static void
is_row(const struct csv_opts *o, const char *const *cells, const int *numeric, size_t n,
       const char *want, const char *what)
{
	char *got = row(o, cells, numeric, n);

	is_str(got, want, "%s", what);
	free(got);
}

static void
test_separators(void)
{
	const char *cells[] = { "Rossi Srl", "Milano", "1.234,56" };
	const char *pcells[] = { "Rossi Srl", "Milano", "1234.56" };
	const int num[] = { 0, 0, 1 };

	is_row(&italian, cells, num, 3, "Rossi Srl;Milano;1.234,56\r\n",
	       "Italian: ';' between cells, CRLF at the end");
	is_row(&plain, pcells, num, 3, "Rossi Srl,Milano,1234.56\r\n",
	       "plain: ',' between cells");
	is_int(csv_separator(CSV_ITALIAN), ';', "the Italian separator is ';'");
	is_int(csv_separator(CSV_PLAIN), ',', "the plain one ','");
}

static void
test_quoting(void)
{
	const char *semi[] = { "Alfa; Beta", "Gamma, Delta" };
	const char *quote[] = { "Bar \"Da Gino\"" };
	const char *lines[] = { "via Roma 1\r\n20100 Milano", "a\nb" };
	const char *blank[] = { " lead", "trail ", "" };

	is_row(&italian, semi, NULL, 2, "\"Alfa; Beta\";Gamma, Delta\r\n",
	       "Italian: a ';' inside is quoted, a ',' is not");
	is_row(&plain, semi, NULL, 2, "Alfa; Beta,\"Gamma, Delta\"\r\n",
	       "plain: a ',' inside is quoted, a ';' is not");
	is_row(&plain, quote, NULL, 1, "\"Bar \"\"Da Gino\"\"\"\r\n",
	       "a quote inside is doubled, the cell quoted");
	is_row(&italian, lines, NULL, 2, "\"via Roma 1\r\n20100 Milano\";\"a\nb\"\r\n",
	       "CR and LF inside are kept, the cell quoted");
	is_row(&plain, blank, NULL, 3, "\" lead\",\"trail \",\r\n",
	       "blanks at an edge are quoted (kept), an empty cell is empty");
}

static void
test_formula(void)
{
	const char *f[] = { "=1+1", "+39 02 123456", "-x", "@SUM(A1)", "\tTAB", "a=b" };
	const char *num[] = { "-12,50", "-3" };
	const int isnum[] = { 1, 1 };
	const char *hostile[] = { "=HYPERLINK(\"http://x\";\"y\")" };

	is_row(&italian, f, NULL, 6,
	       "\"'=1+1\";\"'+39 02 123456\";\"'-x\";\"'@SUM(A1)\";\"'\tTAB\";a=b\r\n",
	       "a text cell starting with = + - @ or a tab gets an apostrophe, quoted");
	is_row(&italian, num, isnum, 2, "-12,50;-3\r\n",
	       "a number cell's minus sign is left alone");
	is_row(&plain, hostile, NULL, 1, "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"\r\n",
	       "a formula with quotes: apostrophe, and its quotes doubled");
}

static void
test_bom(void)
{
	struct buf b = { 0 };

	csv_begin(&b, &italian);
	ok(b.len == 3 && memcmp(b.data, "\xef\xbb\xbf", 3) == 0,
	   "with bom set, the file begins with EF BB BF");
	buf_free(&b);
	csv_begin(&b, &plain);
	is_int(b.len, 0, "without it, nothing");
	buf_free(&b);
}

int
main(void)
{
	test_separators();
	test_quoting();
	test_formula();
	test_bom();
	return tap_done();
}
