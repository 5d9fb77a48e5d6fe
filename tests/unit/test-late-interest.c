/* Late-payment interest (src/util/late-interest.c): by day across a rate
 * change on 1 July and on 1 January (into a leap year), rounded once, half
 * a cent up; no days when paid on time; a half-year missing from the table
 * refused, never guessed; a malformed table line refused with the file and
 * the line; the shipped table read. The figures are worked by hand in the
 * comments. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/late-interest.h"
#include "tap.h"
#include "util/util.h"

static const char table[] = "# test\n"
			    "2023H2  4.00  12.00\n"
			    "2024H1  4.50  12.50\n"
			    "\n"
			    "2025H1  3.15  11.15\n"
			    "2025H2  2.15  10.15\n"
			    "2026H1  2.15  10.15\n"
			    "2030H1  2.00  10.00\n";

static struct mora_table t;

static void
by_day(void)
{
	char err[ERR_SIZE] = "";
	int64_t in = -1, days = -1;

	/* 1 July: 21-30 June 2025 at 11.15%, 1-10 July at 10.15%, of 365:
	 * 100000 * (1115 * 10 + 1015 * 10) / (10000 * 365) = 583.56 -> 584 */
	ok(mora_interest(&t, 100000, "2025-06-20", "2025-07-10", &in, &days, err) == 0,
	   "across 1 July %s", err);
	is_int(days, 20, "20 days late, from the day after the due date to the payment's");
	is_int(in, 584, "across 1 July: 10 days at 11.15%% and 10 at 10.15%% on 1000,00");
	/* 1 January: 22-31 December 2023 at 12.00% of 365, 1-10 January 2024
	 * at 12.50% of 366 (a leap year): 328.767 + 341.530 = 670.297 -> 670
	 * (rounded once: each part rounded would be 329 + 342 = 671) */
	ok(mora_interest(&t, 100000, "2023-12-21", "2024-01-10", &in, &days, err) == 0,
	   "across 1 January %s", err);
	is_int(days, 20, "20 days across the year's end");
	is_int(in, 670, "across 1 January: the leap year's days over 366, the sum rounded once");
	/* rounding: 1825 cents one day at 10% of 365 is 0.5 cent, up; 1824
	 * is 0.4997, down */
	ok(mora_interest(&t, 1825, "2030-01-01", "2030-01-02", &in, &days, err) == 0, "half %s",
	   err);
	is_int(in, 1, "half a cent goes up");
	ok(mora_interest(&t, 1824, "2030-01-01", "2030-01-02", &in, NULL, err) == 0, "less %s",
	   err);
	is_int(in, 0, "less than half a cent goes down");
	/* on time */
	ok(mora_interest(&t, 100000, "2025-07-10", "2025-07-10", &in, &days, err) == 0, "on time");
	is_int(in + days, 0, "paid on the due date: no days, no interest");
	ok(mora_interest(&t, 100000, "2025-07-10", "2025-07-01", &in, &days, err) == 0, "early");
	is_int(in + days, 0, "paid before the due date: nothing");
}

static void
refused(void)
{
	char err[ERR_SIZE] = "";
	const struct mora_rate *r;
	int64_t in;

	ok(mora_interest(&t, 100000, "2026-06-20", "2026-07-05", &in, NULL, err) < 0,
	   "a half-year missing is refused");
	is_str(err, "no late-payment rate for the half-year from 01/07/2026 in data/interessi-mora.txt",
	       "the message names the half-year and the table");
	ok(mora_interest(&t, 100000, "2024-06-20", "2025-01-05", &in, NULL, err) < 0 &&
		   strstr(err, "01/07/2024") != NULL,
	   "a gap inside the span is refused too: %s", err);
	ok(mora_rate_on(&t, "2025-07-01", &r, err) == 0 && r->rate == 1015 && r->mro == 215,
	   "the rate on 1 July 2025 is 2025H2's");
	ok(mora_interest(&t, 100000, "2025-13-01", "2025-07-05", &in, NULL, err) < 0 &&
		   strstr(err, "2025-13-01") != NULL,
	   "a date that is not one is refused: %s", err);
	ok(mora_interest(&t, -5, "2025-06-01", "2025-07-05", &in, NULL, err) < 0,
	   "a negative amount is refused");
	{
		/* 10^18 cents for 181 days at 9008%: about 4.5 * 10^19, past int64 */
		struct mora_table h;
		in = 0;
		ok(mora_table_parse("2030H1 9000.00 9008.00\n", "rates.txt", &h, err) == 0,
		   "a table of a huge rate %s", err);
		ok(mora_interest(&h, INT64_C(1000000000000000000), "2029-12-31", "2030-06-30", &in,
				 NULL, err) < 0 &&
			   strstr(err, "too large") != NULL,
		   "interest past what int64 holds is refused, not wrapped: %s (%lld)", err,
		   (long long)in);
		mora_table_free(&h);
	}
	/* a day past its month's length is no date: not counted as the
	 * next month's first days */
	ok(mora_interest(&t, 100000, "2025-02-29", "2025-03-10", &in, NULL, err) < 0 &&
		   strstr(err, "'2025-02-29' is not a date") != NULL,
	   "a due date of 29/02 in a common year refused: %s", err);
	ok(mora_interest(&t, 100000, "2025-06-01", "2025-06-31", &in, NULL, err) < 0 &&
		   strstr(err, "'2025-06-31' is not a date") != NULL,
	   "a day 31 of June refused: %s", err);
	ok(mora_rate_on(&t, "2025-04-31", &r, err) < 0 && strstr(err, "is not a date") != NULL,
	   "no rate for 31/04: %s", err);
	/* the last day there is: no day after it to count to */
	ok(mora_interest(&t, 100000, "9999-07-01", "9999-12-31", &in, NULL, err) < 0 &&
		   strstr(err, "01/07/9999") != NULL,
	   "the year 9999's second half refused for its missing rate: %s", err);
}

static void
bad_line(const char *text, const char *want)
{
	struct mora_table b;
	char err[ERR_SIZE] = "";

	ok(mora_table_parse(text, "rates.txt", &b, err) < 0 && b.n == 0, "refused: %s", text);
	ok(strncmp(err, want, strlen(want)) == 0, "'%s' starts '%s'", err, want);
}

static void
malformed(void)
{
	bad_line("# x\n2025H2  2.15  10.25\n", "rates.txt:2: the late-payment rate must be the ECB "
					      "rate plus 8 points: 10.15");
	bad_line("2025H3  2.15  10.15\n", "rates.txt:1: '2025H3' is not a half-year");
	bad_line("\n\n2025H1  2,15  10,15\n", "rates.txt:3: a rate is a percent");
	bad_line("2025H1  2.15\n", "rates.txt:1: a line is a half-year");
	bad_line("2025H1 2.15 10.15\n2025H1 2.15 10.15\n", "rates.txt:2: 2025H1 is there twice");
}

static void
shipped(void)
{
	struct mora_table s;
	char err[ERR_SIZE] = "";
	const struct mora_rate *r;

	ok(mora_table_load_shared(&s, err) == 0, "the shipped table reads %s", err);
	ok(mora_rate_on(&s, "2013-03-01", &r, err) == 0 && r->rate == 875, "2013H1 8.75%%");
	ok(mora_rate_on(&s, "2020-10-01", &r, err) == 0 && r->rate == 800, "2020H2 8.00%%");
	ok(mora_rate_on(&s, "2026-06-30", &r, err) == 0 && r->rate == 1015, "2026H1 10.15%%");
	mora_table_free(&s);
}

int
main(void)
{
	char err[ERR_SIZE] = "";

	ok(mora_table_parse(table, MORA_TABLE, &t, err) == 0 && t.n == 6, "the table parses %s",
	   err);
	by_day();
	refused();
	malformed();
	shipped();
	mora_table_free(&t);
	return tap_done();
}
