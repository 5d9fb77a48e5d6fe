/* The payment schedule from the terms (src/fisc/schedule.c): due dates by
 * calendar days (DF) and to the month's end (FM, DFFM, FM+10), leap years,
 * at sight; amounts that add up to the payable, the odd cents on the
 * first; the refusals; and the schedule applied to a computed body, in
 * the XML, valid and clean for fpa_check. */
#include "config.h"

#include <string.h>

#include "fisc/doc-rules.h"
#include "fisc-fixtures.h"
#include "fisc-sdi.h"
#include "tap.h"
#include "util/util.h"

static struct fpa_instalment v[FPA_MAX_INSTALMENTS];
static size_t nv;

/* terms from date on amount: the due dates, comma-joined, must be want. */
static void
due(const char *terms, const char *date, const char *want)
{
	char err[ERR_SIZE] = "", got[200] = "";

	nv = 0;
	ok(fpa_schedule(terms, date, 10000, v, FPA_MAX_INSTALMENTS, &nv, err) == 0,
	   "'%s' from %s %s", terms, date, err);
	for (size_t i = 0; i < nv; i++) {
		if (i)
			strcat(got, ",");
		strcat(got, v[i].due);
	}
	is_str(got, want, "'%s' from %s: %s", terms, date, want);
}

static void
refused(const char *terms, const char *needle)
{
	char err[ERR_SIZE] = "";

	ok(fpa_schedule(terms, "2025-01-31", 10000, v, FPA_MAX_INSTALMENTS, &nv, err) < 0 &&
		   strstr(err, needle),
	   "'%s' refused: %s", terms, err);
}

static void
test_dates(void)
{
	/* Calendar days: 31/01 + 30 = 02/03 (January 31 days, then 28 of
	 * February, 2 more), + 60 = 01/04, + 90 = 01/05. */
	due("30/60/90", "2025-01-31", "2025-03-02,2025-04-01,2025-05-01");
	due("30-60-90 gg DF", "2025-01-31", "2025-03-02,2025-04-01,2025-05-01");
	/* End of month: 30, 60, 90 FM are the ends of the 1st, 2nd, 3rd
	 * months after: 28/02, 31/03, 30/04; in 2024 (leap) 29/02. */
	due("30/60/90 FM", "2025-01-31", "2025-02-28,2025-03-31,2025-04-30");
	due("30 DFFM", "2024-01-31", "2024-02-29");
	due("30 dffm", "2024-01-15", "2024-02-29");
	/* Not a multiple of 30: 45 calendar days (15/01 -> 01/03), then the
	 * month's end 31/03. */
	due("45 FM", "2025-01-15", "2025-03-31");
	/* FM+10: the end of the month, then 10 days: 10/03 and 10/04. */
	due("30/60 FM+10", "2025-01-20", "2025-03-10,2025-04-10");
	due("60 gg DFFM +10", "2025-11-30", "2026-02-10");
	/* Across the year's end: 30/11 + 30 FM = 31/12; + 60 FM = 31/01. */
	due("30/60 FM", "2025-11-30", "2025-12-31,2026-01-31");
	/* At sight. */
	due("", "2025-03-14", "2025-03-14");
	due("0", "2025-03-14", "2025-03-14");
	due("vista", "2025-03-14", "2025-03-14");
	due("0 FM", "2025-03-14", "2025-03-31");
}

/* 100.01 in three: 33.33 each is 99.99, the first takes the odd 0.02:
 * 33.35 + 33.33 + 33.33 = 100.01; -100.00 (a credit note) in three:
 * -33.34 - 33.33 - 33.33. */
static void
test_amounts(void)
{
	char err[ERR_SIZE] = "";

	ok(fpa_schedule("30/60/90", "2025-01-31", 10001, v, FPA_MAX_INSTALMENTS, &nv, err) == 0,
	   "100.01 in three %s", err);
	ok(nv == 3 && v[0].amount == 3335 && v[1].amount == 3333 && v[2].amount == 3333,
	   "33.35 + 33.33 + 33.33");
	ok(fpa_schedule("30/60/90", "2025-01-31", -10000, v, FPA_MAX_INSTALMENTS, &nv, err) == 0 &&
		   v[0].amount == -3334 && v[1].amount == -3333 && v[2].amount == -3333,
	   "-100.00: -33.34 - 33.33 - 33.33");
}

static void
test_refused(void)
{
	refused("30/", "missing");
	refused("60/30", "more than the one before");
	refused("30/30", "more than the one before");
	refused("1000", "999");
	refused("30 FX", "'FX'");
	refused("30 FM+40", "1 to 31");
	refused("30 FM+", "1 to 31");
	refused("30 DF+10", "'DF+10'");
	refused("gg", "missing");
	refused("vista 30", "write terms like");
	refused("10/20/30/40/50/60/70/80/90/100/110/120/130", "at most 12");
	ok(fpa_schedule("30", "2025-02-30", 100, v, FPA_MAX_INSTALMENTS, &nv, NULL) < 0,
	   "30/02 is no date");
}

/* Applied to an invoice of 14/03/2025: 1220.00 (1000.00 + 22%) less the
 * ritenuta 20% of 1000.00 = 1020.00 in two, 30/60 DFFM: 510.00 on
 * 30/04/2025 and 510.00 on 31/05/2025, MP05 with the IBAN, TP01. */
static void
test_apply(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];
	char err[ERR_SIZE] = "";

	fixture_line(b, "Parcella", NULL, "1000.00", 2200, NULL)->ritenuta = 1;
	str_copy(b->wh[0].type, "RT01", 5);
	b->wh[0].rate = 2000;
	str_copy(b->wh[0].causale, "A", 3);
	b->nwh = 1;
	ok(fpa_compute(b, err) == 0 && b->tot.payable == 102000, "payable 1020.00 %s", err);
	ok(fpa_schedule_apply(b, "30/60 DFFM", "MP05", "it60 x054 2811 1010 0000 0123 456", err) == 0,
	   "schedule applied %s", err);
	ok(b->npay == 2 && strcmp(b->pay[0].due, "2025-04-30") == 0 &&
		   strcmp(b->pay[1].due, "2025-05-31") == 0,
	   "due 30/04/2025 and 31/05/2025");
	ok(b->pay[0].amount == 51000 && b->pay[1].amount == 51000, "510.00 each");
	ok(strcmp(b->pay[0].terms, "TP01") == 0 && strcmp(b->pay[1].mode, "MP05") == 0 &&
		   strcmp(b->pay[1].iban, "IT60X0542811101000000123456") == 0,
	   "TP01, MP05, the IBAN without spaces: %s", b->pay[1].iban);
	sdi_clean(inv, "schedule 30/60 DFFM");
	b->lines[0].price = D("1000.01");
	ok(fpa_compute(b, err) == 0 && b->pay[0].amount + b->pay[1].amount == b->tot.payable,
	   "computed again on a new payable the instalments still add up (%lld)",
	   (long long)b->tot.payable);
	ok(fpa_schedule_apply(b, "", "MP01", "", err) == 0 && b->npay == 1 &&
		   strcmp(b->pay[0].terms, "TP02") == 0 && strcmp(b->pay[0].due, "2025-03-14") == 0,
	   "at sight: one payment TP02 on the document date %s", err);
	ok(fpa_schedule_apply(b, "30", "MP99", "", err) < 0 && strstr(err, "MP99") && b->npay == 1,
	   "MP99 refused, payments unchanged: %s", err);
	ok(fpa_schedule_apply(b, "30", "MP05", "IT60 X05", err) < 0 && strstr(err, "IBAN"),
	   "a short IBAN refused: %s", err);
	ok(fpa_schedule_apply(b, "30//60", "MP05", "", err) < 0 && b->npay == 1,
	   "bad terms refused, payments unchanged: %s", err);
	fpa_invoice_free(inv);
}

int
main(void)
{
	sdi_init();
	test_dates();
	test_amounts();
	test_refused();
	test_apply();
	sdi_done();
	return tap_done();
}
