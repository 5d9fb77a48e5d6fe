/* Unit tests of the fixed-point decimals: strict parsing, rounding half away
 * from zero, products, percentages and formatting. */
#include "config.h"

#include "util/decimal.h"
#include "fisc-fixtures.h"
#include "tap.h"
#include "util/util.h"

static const char *
fmt(struct dec d, int min, int max)
{
	static char buf[DEC_BUF];

	return dec_format(d, min, max, buf, sizeof buf);
}

static void
test_parse(void)
{
	static const char *bad[] = { "", "-", ".5", "5.", "1,50", " 1.5", "1.5 ", "+1", "1e3",
				     "1.123456789", "99999999999999999999", "1..2", "0x10" };
	struct dec d;
	char err[ERR_SIZE];

	ok(dec_parse("1234.56", 8, &d, err) == 0 && d.v == 123456 && d.scale == 2, "parses 1234.56");
	ok(dec_parse("-0.00000001", 8, &d, err) == 0 && d.v == -1 && d.scale == 8, "parses 8 decimals");
	ok(dec_parse("007", 8, &d, err) == 0 && d.v == 7 && d.scale == 0, "leading zeros");
	for (size_t i = 0; i < ARRAY_LEN(bad); i++)
		ok(dec_parse(bad[i], 8, &d, err) < 0, "refuses '%s' (%s)", bad[i], err);
	ok(dec_parse("1.234", 2, &d, err) < 0, "refuses more decimals than allowed");
}

static void
test_round(void)
{
	struct dec r;

	ok(dec_round(D("2.345"), 2, &r) == 0 && r.v == 235, "2.345 -> 2.35 (half up)");
	ok(dec_round(D("-2.345"), 2, &r) == 0 && r.v == -235, "-2.345 -> -2.35 (half away from zero)");
	ok(dec_round(D("2.3449999"), 2, &r) == 0 && r.v == 234, "2.3449999 -> 2.34");
	ok(dec_round(D("-0.005"), 2, &r) == 0 && r.v == -1, "-0.005 -> -0.01");
	ok(dec_round(D("0.004"), 2, &r) == 0 && r.v == 0, "0.004 -> 0.00");
	ok(dec_round(D("1.5"), 4, &r) == 0 && r.v == 15000 && r.scale == 4, "extends the scale");
	ok(dec_round(D("9223372036854775807"), 2, &r) < 0, "overflow when extending is refused");
}

static void
test_mul(void)
{
	struct dec r;

	ok(dec_mul(D("3"), D("0.33333333"), 2, &r) == 0 && r.v == 100, "3 x 0.33333333 = 1.00");
	ok(dec_mul(D("1000"), D("0.00886292"), 8, &r) == 0 && dec_cmp(r, D("8.86292")) == 0,
	   "unit prices keep 8 decimals (1000 x 0.00886292 = 8.86292)");
	ok(dec_mul(D("12.5"), D("1.01"), 2, &r) == 0 && r.v == 1263, "12.5 x 1.01 = 12.625 -> 12.63");
	ok(dec_mul(D("-12.5"), D("1.01"), 2, &r) == 0 && r.v == -1263, "negative product rounds away");
	ok(dec_pct(D("5.00"), D("22.00"), 2, &r) == 0 && r.v == 110, "22%% of 5.00 = 1.10");
	ok(dec_pct(D("0.25"), D("22.00"), 2, &r) == 0 && r.v == 6, "22%% of 0.25 = 0.055 -> 0.06");
	ok(dec_pct(D("99999999999.99"), D("22.00"), 2, &r) == 0 && r.v == 2200000000000LL,
	   "22%% of the largest amount: 21999999999.9978 -> 22000000000.00");
	ok(dec_mul(D("9999999999.99999999"), D("9999999999.99999999"), 2, &r) < 0,
	   "a product too large is refused");
}

static void
test_add_cmp(void)
{
	struct dec r;

	ok(dec_add(D("1.5"), D("0.25"), &r) == 0 && r.v == 175 && r.scale == 2, "1.5 + 0.25");
	ok(dec_sub(D("1"), D("0.00000001"), &r) == 0 && r.v == 99999999, "1 - 0.00000001");
	ok(dec_cmp(D("1.50"), D("1.5")) == 0, "1.50 == 1.5");
	ok(dec_cmp(D("-1"), D("0.5")) < 0, "-1 < 0.5");
	ok(dec_add(D("9223372036854775807"), D("1"), &r) < 0, "sum overflow refused");
}

static void
test_format(void)
{
	char buf[DEC_BUF];
	int64_t c;
	char err[ERR_SIZE];

	is_str(fmt(D("1.5"), 2, 8), "1.50", "at least two decimals");
	is_str(fmt(D("1.12345678"), 2, 8), "1.12345678", "up to eight");
	is_str(fmt(D("1.10000000"), 2, 8), "1.10", "trailing zeros dropped");
	is_str(fmt(D("-0.005"), 2, 2), "-0.01", "rounds when formatting");
	is_str(fmt(D("7"), 0, 0), "7", "integer");
	is_str(cents_format(-123456, buf, sizeof buf), "-1234.56", "cents");
	is_str(cents_format(5, buf, sizeof buf), "0.05", "small cents");
	is_str(cents_format_it(123456789, buf, sizeof buf), "1.234.567,89", "Italian grouping");
	is_str(cents_format_it(-7747, buf, sizeof buf), "-77,47", "Italian negative");
	ok(cents_parse("77.48", &c, err) == 0 && c == 7748, "cents_parse");
	ok(cents_parse("77.481", &c, err) < 0, "cents_parse refuses three decimals");
}

int
main(void)
{
	test_parse();
	test_round();
	test_mul();
	test_add_cmp();
	test_format();
	return tap_done();
}
