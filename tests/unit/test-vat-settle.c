/* The VAT settlement's arithmetic (src/fisc/vat-settle.c), every figure
 * against a hand computation written beside it: a quarter with sales at
 * 22% and 10%, a split-payment sale, a reverse-charge purchase and a
 * deductible one, with 1% interest; a credit carried from the quarter
 * before; €100 or less carried (and when it may not be); monthly codes and
 * due dates; the fourth quarter; the acconto; the bollo's and the
 * ritenute's due dates; periods. Cents throughout. */
#include "config.h"

#include <string.h>

#include "fisc/vat.h"
#include "tap.h"
#include "util/util.h"

static struct vat_reg_total sales[16], purchases[16];
static size_t ns, np;

static void
block_nd(struct vat_reg_total *t, size_t *n, int rate, const char *natura, int64_t taxable,
	 int64_t tax, int split, int reverse, int64_t nondeductible)
{
	struct vat_reg_block b = { .rate = rate, .taxable = taxable, .tax = tax, .split = split,
				     .reverse = reverse, .nondeductible = nondeductible };

	str_copy(b.natura, natura, sizeof b.natura);
	ok(vat_reg_add(t, n, 16, &b) == 0, "block %d%s %lld added", rate / 100, natura,
	   (long long)taxable);
}

static void
block(struct vat_reg_total *t, size_t *n, int rate, const char *natura, int64_t taxable,
      int64_t tax, int split, int reverse)
{
	block_nd(t, n, rate, natura, taxable, tax, split, reverse, 0);
}

static struct vat_period
Q(int year, int n)
{
	struct vat_period p = { year, 'Q', n };
	return p;
}

static struct vat_period
M(int year, int n)
{
	struct vat_period p = { year, 'M', n };
	return p;
}

/* Q1 2026 of a quarterly company (trimestrale per opzione):
 *   sales    FAT 1   22%  10,000.00  VAT 2,200.00
 *            FAT 2   10%   5,000.00  VAT   500.00
 *            FAT 3   22%   2,000.00  VAT   440.00  split payment (a PA's: not owed)
 *            NC 4    22%    -500.00  VAT  -110.00  a credit note of FAT 1
 *            AUT 1   22%   1,000.00  VAT   220.00  self-invoice of the purchase below
 *   purchases FA 1   22%   3,000.00  VAT   660.00  deductible
 *             FA 2   N6.7  1,000.00  VAT     0.00  reverse charge (subappalto edile)
 *             AUT 1  22%   1,000.00  VAT   220.00  its integration, in this register too
 * VP2 = 10,000 + 5,000 + 2,000 - 500              = 16,500.00 (the self-invoice not)
 * VP3 = 3,000 + 1,000                             =  4,000.00 (the integration not again)
 * VP4 = 2,200 + 500 - 110 + 220 (reverse, owed)   =  2,810.00 (the split payment's 440 not)
 * VP5 = 660 + 220 (reverse, deducted)             =    880.00
 * VP6 = 2,810 - 880                               =  1,930.00 owed
 * VP12 = 1% of 1,930.00                           =     19.30
 * VP14 = 1,930.00 + 19.30                         =  1,949.30: F24 6031, by 16 May 2026 */
static void
test_quarter(void)
{
	struct vat_settle_in in = { .periodicity = VAT_QUARTERLY, .period = Q(2026, 1) };
	struct vat_settlement s;
	char err[ERR_SIZE] = "";

	ns = np = 0;
	block(sales, &ns, 2200, "", 1000000, 220000, 0, 0);
	block(sales, &ns, 1000, "", 500000, 50000, 0, 0);
	block(sales, &ns, 2200, "", 200000, 44000, 1, 0);
	block(sales, &ns, 2200, "", -50000, -11000, 0, 0);
	block(sales, &ns, 2200, "", 100000, 22000, 0, 1);
	block(purchases, &np, 2200, "", 300000, 66000, 0, 0);
	block(purchases, &np, 0, "N6.7", 100000, 0, 0, 0);
	block(purchases, &np, 2200, "", 100000, 22000, 0, 1);
	/* the sales register's totals: 22% and 10%, the 22% in three columns */
	is_int(ns, 2, "sales: two rates");
	is_int(sales[0].rate, 2200, "22%% first");
	is_int(sales[0].taxable, 1000000 + 200000 - 50000 + 100000, "22%%: every block's taxable");
	is_int(sales[0].tax, 220000 - 11000, "22%%: the ordinary VAT, the credit note less");
	is_int(sales[0].split_tax, 44000, "22%%: split payment's column");
	is_int(sales[0].reverse_tax, 22000, "22%%: reverse charge's column");
	is_int(sales[1].rate, 1000, "10%% second");
	is_int(sales[1].tax, 50000, "10%%: VAT");
	is_int(np, 2, "purchases: 22%% and N6.7");
	is_str(purchases[1].natura, "N6.7", "the Natura after the rates");

	vat_sums_of(sales, ns, purchases, np, &in.sums);
	is_int(in.sums.sales_taxable, 1650000, "VP2's amount");
	is_int(in.sums.purchases_taxable, 400000, "VP3's amount");
	is_int(in.sums.split_vat, 44000, "split payment VAT, apart");
	ok(vat_settle(&in, &s, err) == 0, "settled %s", err);
	is_int(s.vp2, 1650000, "VP2 16,500.00");
	is_int(s.vp3, 400000, "VP3 4,000.00");
	is_int(s.vp4, 281000, "VP4 2,810.00");
	is_int(s.vp5, 88000, "VP5 880.00");
	is_int(s.vp6_debit, 193000, "VP6 1,930.00 owed");
	is_int(s.vp6_credit, 0, "VP6 no credit");
	is_int(s.vp12, 1930, "VP12 interest 19.30");
	is_int(s.vp14_debit, 194930, "VP14 1,949.30");
	is_int(s.to_pay, 194930, "the F24's amount");
	is_str(s.code, "6031", "code 6031");
	is_str(s.due, "2026-05-16", "by 16 May");
	ok(!s.carried && s.debit_next == 0 && s.credit_next == 0, "nothing carried");

	/* the same quarter monthly is refused */
	in.periodicity = VAT_MONTHLY;
	ok(vat_settle(&in, &s, err) < 0 && strstr(err, "monthly") != NULL, "refused: %s", err);
	/* trimestrale speciale: no interest */
	in.periodicity = VAT_QUARTERLY_S;
	ok(vat_settle(&in, &s, err) == 0 && s.vp12 == 0 && s.to_pay == 193000,
	   "speciale: 1,930.00, no interest");
}

/* A credit carried: Q1 owes 500.00 and deducts 800.00, a credit of 300.00;
 * Q2 owes 1,000.00 and deducts 200.00: VP6 800.00, VP8 300.00, 500.00 owed,
 * interest 5.00, 505.00 to pay (6032, by 20 August). */
static void
test_credit_carried(void)
{
	struct vat_sums sums[2] = { { .sales_vat = 50000, .purchases_vat = 80000 },
				    { .sales_vat = 100000, .purchases_vat = 20000 } };
	struct vat_settlement s[2];
	struct vat_period upto = Q(2026, 2);
	char err[ERR_SIZE] = "";

	ok(vat_settle_year(VAT_QUARTERLY, &upto, sums, NULL, 0, s, err) == 0, "year %s", err);
	is_int(s[0].vp6_credit, 30000, "Q1: VP6 credit 300.00");
	is_int(s[0].vp14_credit, 30000, "Q1: VP14 credit 300.00");
	is_int(s[0].to_pay, 0, "Q1: nothing to pay");
	is_int(s[0].credit_next, 30000, "Q1: 300.00 carried");
	is_int(s[1].vp8, 30000, "Q2: VP8 300.00");
	is_int(s[1].vp6_debit, 80000, "Q2: VP6 800.00");
	is_int(s[1].vp12, 500, "Q2: interest 5.00");
	is_int(s[1].to_pay, 50500, "Q2: 505.00");
	is_str(s[1].code, "6032", "Q2: 6032");
	is_str(s[1].due, "2026-08-20", "Q2: by 20 August");

	/* the year before's credit used in Q1 (VP9): 1,000.00 owed less 250.00 */
	{
		struct vat_sums one[1] = { { .sales_vat = 100000 } };
		int64_t used[1] = { 25000 };
		struct vat_period q1 = Q(2026, 1);

		ok(vat_settle_year(VAT_QUARTERLY, &q1, one, used, 0, s, err) == 0, "%s", err);
		is_int(s[0].vp9, 25000, "VP9 250.00");
		is_int(s[0].to_pay, 75000 + 750, "750.00 + 7.50 interest");
	}
}

/* €100 or less: Q1 owes 80.00 (no interest: not paid), carried into Q2,
 * which owes 1,000.00: VP7 80.00, 1,080.00, interest 10.80, 1,090.80.
 * Exactly 100.00 is carried, 100.01 is paid (with its 1.00 interest). The
 * third quarter's 50.00 is paid (its next is paid in March, after 16
 * December): 50.00 + 0.50. Monthly: October's 50.00 is carried, November's
 * paid. */
static void
test_carry(void)
{
	struct vat_sums sums[3] = { { .sales_vat = 8000 }, { .sales_vat = 100000 },
				    { .sales_vat = 5000 } };
	struct vat_settlement s[12];
	struct vat_period upto = Q(2026, 3);
	struct vat_settle_in in = { .periodicity = VAT_QUARTERLY, .period = Q(2026, 1) };
	char err[ERR_SIZE] = "";

	ok(vat_settle_year(VAT_QUARTERLY, &upto, sums, NULL, 0, s, err) == 0, "year %s", err);
	ok(s[0].carried && s[0].to_pay == 0 && s[0].vp12 == 0, "Q1: 80.00 carried, no interest");
	is_int(s[0].vp14_debit, 8000, "Q1: VP14 shows the 80.00");
	is_int(s[0].debit_next, 8000, "Q1: into the next");
	is_int(s[1].vp7, 8000, "Q2: VP7 80.00");
	is_int(s[1].vp12, 1080, "Q2: interest 10.80");
	is_int(s[1].to_pay, 109080, "Q2: 1,090.80");
	ok(!s[2].carried, "Q3: not carried");
	is_int(s[2].to_pay, 5050, "Q3: 50.00 + 0.50");

	in.sums.sales_vat = 10000;
	vat_settle(&in, &s[0], err);
	ok(s[0].carried && s[0].to_pay == 0, "100.00: carried");
	in.sums.sales_vat = 10001;
	vat_settle(&in, &s[0], err);
	ok(!s[0].carried && s[0].to_pay == 10101, "100.01: paid, 101.01 with interest");

	{
		struct vat_sums m[11] = { { 0 } };
		struct vat_period nov = M(2026, 11);

		m[9].sales_vat = 5000;
		m[10].sales_vat = 5000;
		ok(vat_settle_year(VAT_MONTHLY, &nov, m, NULL, 0, s, err) == 0, "months %s", err);
		ok(s[9].carried && s[9].to_pay == 0, "October's 50.00 carried");
		is_int(s[10].vp7, 5000, "November: VP7 50.00");
		ok(!s[10].carried && s[10].to_pay == 10000, "November's 100.00 paid");
		is_int(s[10].vp12, 0, "monthly: no interest");
		is_str(s[10].code, "6011", "November: 6011");
		is_str(s[10].due, "2026-12-16", "by 16 December");
	}
}

static void
test_codes(void)
{
	struct vat_settle_in in = { .periodicity = VAT_MONTHLY, .period = M(2026, 3),
				    .sums = { .sales_vat = 50000 } };
	struct vat_settlement s;
	char err[ERR_SIZE];

	vat_settle(&in, &s, err);
	is_str(s.code, "6003", "March: 6003");
	is_str(s.due, "2026-04-16", "March: by 16 April");
	in.period = M(2026, 12);
	vat_settle(&in, &s, err);
	is_str(s.code, "6012", "December: 6012");
	is_str(s.due, "2027-01-16", "December: by 16 January");
	in.periodicity = VAT_QUARTERLY;
	in.period = Q(2026, 3);
	vat_settle(&in, &s, err);
	is_str(s.code, "6033", "Q3: 6033");
	is_str(s.due, "2026-11-16", "Q3: by 16 November");
}

/* The fourth quarter: owes 6,000.00, the acconto paid 2,000.00: 4,000.00,
 * interest 40.00, 4,040.00 with the annual return (6099 by 16 March
 * 2027); the base of 2027's acconto is 6,000.00 (before the acconto), so
 * 88%: 5,280.00. An acconto larger than what is owed leaves a credit for
 * the annual return. A speciale pays 6034 by 16 February, no interest. */
static void
test_last_and_acconto(void)
{
	struct vat_settle_in in = { .periodicity = VAT_QUARTERLY, .period = Q(2026, 4),
				    .sums = { .sales_vat = 600000 }, .acconto = 200000 };
	struct vat_settlement s;
	char err[ERR_SIZE] = "", due[11];

	ok(vat_settle(&in, &s, err) == 0, "Q4 %s", err);
	is_int(s.vp13, 200000, "VP13 2,000.00");
	is_int(s.vp12, 4000, "interest 40.00");
	is_int(s.to_pay, 404000, "4,040.00");
	is_str(s.code, "6099", "with the annual return: 6099");
	is_str(s.due, "2027-03-16", "by 16 March");
	is_int(s.before_acconto, 600000, "before the acconto: 6,000.00");
	is_int(vat_acconto_historical(s.before_acconto), 528000, "2027's acconto 5,280.00");
	in.periodicity = VAT_QUARTERLY_S;
	vat_settle(&in, &s, err);
	ok(strcmp(s.code, "6034") == 0 && strcmp(s.due, "2027-02-16") == 0 && s.vp12 == 0 &&
		   s.to_pay == 400000,
	   "speciale: 6034 by 16 February, 4,000.00");
	in.periodicity = VAT_QUARTERLY;
	in.acconto = 700000;
	vat_settle(&in, &s, err);
	ok(s.to_pay == 0 && s.vp14_credit == 100000 && s.credit_year_end == 100000 &&
		   s.credit_next == 0,
	   "acconto over what is owed: 1,000.00 credit to the annual return");
	/* the acconto is deducted in the last period only */
	in.period = Q(2026, 3);
	vat_settle(&in, &s, err);
	is_int(s.vp13, 0, "Q3: no acconto");

	/* 88% half up; under 103.29 not due */
	is_int(vat_acconto_historical(11740), 10331, "117.40: 103.31");
	is_int(vat_acconto_historical(11736), 0, "117.36: 103.28 (103.2768), not due");
	is_int(vat_acconto_historical(11737), 10329, "117.37: 103.29 (103.2856), due");
	is_int(vat_acconto_historical(-5000), 0, "a credit: none");
	is_str(vat_acconto_code(VAT_MONTHLY), "6013", "monthly 6013");
	is_str(vat_acconto_code(VAT_QUARTERLY), "6035", "quarterly 6035");
	vat_acconto_due(2026, due);
	is_str(due, "2026-12-27", "by 27 December");
}

static void
test_bollo_ritenute(void)
{
	char code[5], due[11];

	/* Q1 4,000.00 (2,000 invoices): with the second quarter's */
	vat_bollo_due(2026, 1, 400000, 200000, code, due);
	is_str(code, "2521", "Q1 2521");
	is_str(due, "2026-09-30", "Q1 under 5,000: by 30 September");
	/* Q1 4,000 and Q2 500: together under 5,000, with the third's */
	vat_bollo_due(2026, 1, 400000, 50000, code, due);
	is_str(due, "2026-11-30", "Q1 + Q2 under 5,000: by 30 November");
	vat_bollo_due(2026, 2, 400000, 50000, code, due);
	ok(strcmp(code, "2522") == 0 && strcmp(due, "2026-11-30") == 0, "Q2 too: %s %s", code, due);
	vat_bollo_due(2026, 1, 600000, 0, code, due);
	is_str(due, "2026-05-31", "Q1 over 5,000: by 31 May");
	vat_bollo_due(2026, 2, 600000, 0, code, due);
	is_str(due, "2026-09-30", "Q2: by 30 September");
	vat_bollo_due(2026, 3, 0, 0, code, due);
	ok(strcmp(code, "2523") == 0 && strcmp(due, "2026-11-30") == 0, "Q3 2523 by 30 November");
	vat_bollo_due(2026, 4, 0, 0, code, due);
	ok(strcmp(code, "2524") == 0 && strcmp(due, "2027-02-28") == 0, "Q4 2524 by 28 February");
	vat_bollo_due(2027, 4, 0, 0, code, due);
	is_str(due, "2028-02-29", "Q4 2027: by 29 February 2028");

	vat_ritenute_due("2026-03-10", due);
	is_str(due, "2026-04-16", "paid 10 March: by 16 April");
	vat_ritenute_due("2026-12-31", due);
	is_str(due, "2027-01-16", "paid 31 December: by 16 January");

	/* a ritenuta of 200.00 on 1,020.00 payable, paid 340.00, 340.00 and
	 * 340.00 in three months: 66.666 each; by the end of each month 66.67,
	 * 133.33, 200.00 withheld: 66.67, 66.66, 66.67 */
	is_int(vat_ritenuta_withheld(20000, 102000, 0, 34000), 6667, "first third: 66.67");
	is_int(vat_ritenuta_withheld(20000, 102000, 34000, 34000), 6666, "second: 66.66");
	is_int(vat_ritenuta_withheld(20000, 102000, 68000, 34000), 6667, "third: 66.67");
	is_int(vat_ritenuta_withheld(20000, 102000, 0, 102000), 20000, "paid at once: all");
	is_int(vat_ritenuta_withheld(20000, 102000, 0, 51000), 10000, "half: 100.00");
	/* a half cent rounds up: a ritenuta of 0.01 on 0.02, half paid */
	is_int(vat_ritenuta_withheld(1, 2, 0, 1), 1, "half a cent rounds up");
	is_int(vat_ritenuta_withheld(20000, 102000, 102000, 0), 0, "nothing paid: none");

	/* non-deductible VAT: 271.61 at 40% deductible is 108.644, 108.64
	 * deducted and 162.97 not; a half cent deducted goes up: 10.01 at
	 * 50%, 5.01 and 5.00; a credit note's the same, negative */
	is_int(vat_nondeductible(27161, 4000), 16297, "40%% of 271.61: 162.97 not deductible");
	is_int(vat_nondeductible(1001, 5000), 500, "50%% of 10.01: 5.00 not deductible");
	is_int(vat_nondeductible(-1001, 5000), -500, "a credit note's: -5.00");
	is_int(vat_nondeductible(27161, 10000), 0, "100%%: none");
	is_int(vat_nondeductible(27161, 0), 27161, "0%%: all of it");
}

/* Reverse charge on a purchase 40% deductible (art. 19-bis1 DPR 633/72, a
 * car from an EU supplier): the purchase 1,000.00 at rate 0, its
 * self-invoice 1,000.00 at 22%, VAT 220.00, in both registers.
 *   sales register: 220.00 reverse charge, owed whole    VP4 = 220.00
 *   purchases register: 40% of 220.00 = 88.00 deducted   VP5 =  88.00
 *                       132.00 not deductible, apart
 * VP6 = 220.00 - 88.00 = 132.00 owed. At 100% the same self-invoice is
 * owed and deducted whole: VP4 = VP5 = 220.00. */
static void
test_reverse_share(void)
{
	struct vat_settle_in in = { .periodicity = VAT_MONTHLY, .period = M(2026, 5) };
	struct vat_settlement s;
	char err[ERR_SIZE] = "";

	ns = np = 0;
	block(sales, &ns, 2200, "", 100000, 22000, 0, 1);
	block(purchases, &np, 0, "N3.2", 100000, 0, 0, 0);
	block_nd(purchases, &np, 2200, "", 100000, 22000, 0, 1, vat_nondeductible(22000, 4000));
	is_int(sales[0].reverse_tax, 22000, "40%%: the sales register owes 220.00 whole");
	is_int(purchases[0].reverse_tax, 8800, "40%%: the purchases register deducts 88.00");
	is_int(purchases[0].nondeductible_tax, 13200, "and 132.00 not deductible, apart");
	is_int(purchases[0].tax, 0, "none in the ordinary column");
	vat_sums_of(sales, ns, purchases, np, &in.sums);
	is_int(in.sums.reverse_vat, 22000, "40%%: reverse charge VAT owed 220.00");
	is_int(in.sums.reverse_nondeductible, 13200, "of it not deductible 132.00");
	ok(vat_settle(&in, &s, err) == 0, "40%%: settled %s", err);
	is_int(s.vp4, 22000, "40%%: VP4 220.00");
	is_int(s.vp5, 8800, "40%%: VP5 88.00");
	is_int(s.vp6_debit, 13200, "40%%: VP6 132.00 owed");

	ns = np = 0;
	block(sales, &ns, 2200, "", 100000, 22000, 0, 1);
	block_nd(purchases, &np, 2200, "", 100000, 22000, 0, 1, vat_nondeductible(22000, 10000));
	vat_sums_of(sales, ns, purchases, np, &in.sums);
	ok(vat_settle(&in, &s, err) == 0 && s.vp4 == 22000 && s.vp5 == 22000 && s.vp6_debit == 0 &&
		   s.vp6_credit == 0,
	   "100%%: VP4 and VP5 220.00, nothing owed");
	is_int(purchases[0].nondeductible_tax, 0, "100%%: none not deductible");
}

static void
test_periods(void)
{
	static const char *const bad[] = { "2026-13", "2026Q5", "26Q1", "2026", "2026-3",
					   "2026Q1x", "", "2026-00", "2026/03" };
	struct vat_period p, prev;
	char err[ERR_SIZE] = "", text[VAT_PERIOD_TEXT], from[11], to[11];

	ok(vat_period_parse("2026Q1", &p, err) == 0 && p.kind == 'Q' && p.n == 1 &&
		   p.year == 2026,
	   "2026Q1");
	ok(vat_period_parse("2026-q2", &p, err) == 0 && p.kind == 'Q' && p.n == 2, "2026-q2");
	is_str(vat_period_text(&p, text), "2026Q2", "as 2026Q2");
	vat_period_dates(&p, from, to);
	ok(strcmp(from, "2026-04-01") == 0 && strcmp(to, "2026-06-30") == 0, "Q2 %s %s", from,
	   to);
	ok(vat_period_parse("2024-02", &p, err) == 0 && p.kind == 'M' && p.n == 2, "2024-02");
	vat_period_dates(&p, from, to);
	is_str(to, "2024-02-29", "a leap February");
	vat_period_prev(&p, &prev);
	vat_period_prev(&prev, &prev);
	is_str(vat_period_text(&prev, text), "2023-12", "two months before 2024-02");
	for (size_t i = 0; i < ARRAY_LEN(bad); i++)
		ok(vat_period_parse(bad[i], &p, err) < 0 && strstr(err, "not a period") != NULL,
		   "'%s' refused", bad[i]);
}

int
main(void)
{
	test_quarter();
	test_credit_carried();
	test_carry();
	test_codes();
	test_last_and_acconto();
	test_bollo_ritenute();
	test_periods();
	test_reverse_share();
	return tap_done();
}
