/* The VAT settlement from a book (src/bridge/vat-calc.c, vat-kind.c): a
 * quarterly company's 2026, its documents saved through the record
 * interface, settled quarter by quarter against hand computations; the F24
 * drafts of the settlement (6031), of the acconto, of the bollo and of the
 * ritenute, read back from the F24 register; the settlement kept, frozen
 * by its F24 and freed when the draft is deleted. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "book/documents-flow.h"
#include "book/f24.h"
#include "book/items.h"
#include "book/primanota.h"
#include "bridge/vat.h"
#include "doc-fixtures.h"

static struct temp_book tb;
static struct book *book;
static int64_t rossi, comune, alfa, edile, studio;

/* A registered document (an import's: state I, no sequence of ours) of
 * kind, party, TipoDocumento, number and date, with one VAT block of rate
 * (hundredths) or Natura, taxable and tax in cents; split payment and the
 * bollo (cents) as given. Its id. */
static int64_t doc_ded(const char *kind, int64_t party, const char *type, const char *number,
		       const char *date, int rate, const char *natura, int64_t taxable,
		       int64_t tax, int split, int64_t bollo, const char *deductible);

static int64_t
doc(const char *kind, int64_t party, const char *type, const char *number, const char *date,
    int rate, const char *natura, int64_t taxable, int64_t tax, int split, int64_t bollo)
{
	return doc_ded(kind, party, type, number, date, rate, natura, taxable, tax, split, bollo,
		       "10000");
}

/* The same, of which deductible (hundredths of a per cent) of the VAT may
 * be deducted. */
static int64_t
doc_ded(const char *kind, int64_t party, const char *type, const char *number, const char *date,
	int rate, const char *natura, int64_t taxable, int64_t tax, int split, int64_t bollo,
	const char *deductible)
{
	struct record *d = fx_draft(kind, party, date);
	char r[16], t1[32], t2[32], tot[32], b[32];
	int64_t id;

	snprintf(r, sizeof r, "%d", rate);
	snprintf(t1, sizeof t1, "%lld", (long long)taxable);
	snprintf(t2, sizeof t2, "%lld", (long long)tax);
	snprintf(tot, sizeof tot, "%lld", (long long)(taxable + tax));
	snprintf(b, sizeof b, "%lld", (long long)bollo);
	record_set(d, DOC_TYPE, type);
	record_set(d, DOC_STATE, DOC_STATE_ISSUED);
	record_set(d, DOC_NUMBER, number);
	record_set(d, DOC_TAXABLE, t1);
	record_set(d, DOC_TAX, t2);
	record_set(d, DOC_TOTAL, tot);
	record_set(d, DOC_SPLIT, split ? "1" : "0");
	record_set(d, DOC_BOLLO, b);
	record_set(d, DOC_VAT_DEDUCTIBLE, deductible);
	record_row_add(d, DOC_VAT, "vat_rate", r, "natura", natura, "taxable", t1, "tax", t2,
		       "esigibilita", split ? "S" : "I", NULL);
	id = fx_save(book, d);
	record_free(d);
	return id;
}

/* A professional's invoice with a ritenuta (type, causale, amount) and
 * one payment row due on due, paid on paid ("" not yet). */
static int64_t
parcella(const char *number, const char *date, const char *wh_type, const char *causale,
	 const char *amount, const char *due, const char *paid)
{
	struct record *d = fx_purchase(studio, number, date);
	int64_t id;

	record_set(d, DOC_TYPE, "TD06");
	record_set(d, DOC_TAXABLE, "100000");
	record_set(d, DOC_TAX, "22000");
	record_set(d, DOC_TOTAL, "122000");
	record_row_add(d, DOC_VAT, "vat_rate", "2200", "taxable", "100000", "tax", "22000", NULL);
	record_row_add(d, DOC_WITHHOLDINGS, "type", wh_type, "rate", "2000", "amount", amount,
		       "causale", causale, NULL);
	record_row_add(d, DOC_PAYMENTS, "due", due, "amount", "102000", "paid", paid, NULL);
	id = fx_save(book, d);
	record_free(d);
	return id;
}

static void
set_quarterly(void)
{
	struct record *c = NULL;
	char err[ERR_SIZE] = "";

	fx_company(book, "Studio Bianchi Srl", "01234567897", "", "");
	company_load(book, &c, err);
	record_set(c, COMPANY_VAT_PERIODICITY, "T");
	ok(record_save(book, c, NULL, err) == 0, "the company settles quarterly: %s", err);
	record_free(c);
}

static struct vat_period
P(const char *text)
{
	struct vat_period p = { 0, 'M', 1 };

	vat_period_parse(text, &p, NULL);
	return p;
}

/* The F24 id's Erario rows as "code year debit; ...", its due date and
 * saldo. */
static const char *
f24_rows(int64_t id)
{
	return fx_query_id(book,
			   "SELECT group_concat(code || ' ' || year || ' ' || debit, '; ') || ' | ' "
			   "|| (SELECT due_date FROM f24 WHERE id = %1$lld) FROM f24_erario WHERE "
			   "f24_id = %1$lld",
			   id);
}

/* The documents of the quarter, as the hand computation in
 * tests/unit/test-vat-settle.c (test_quarter) has them:
 *   FAT 1 22% 10,000.00 / 2,200.00   FAT 2 10% 5,000.00 / 500.00
 *   FAT 3 22% 2,000.00 / 440.00, split payment (a comune)
 *   NC 4 (TD04) 22% 500.00 / 110.00, stored unsigned: the register less
 *   AUT 1 (TD16) 22% 1,000.00 / 220.00: the self-invoice of FA B-3
 *   FA A-7 22% 3,000.00 / 660.00; FA B-3 N6.7 1,000.00 / 0
 * VP4 2,810.00, VP5 880.00, VP6 1,930.00, interest 19.30: 1,949.30 with
 * 6031, by 16 May 2026, a Saturday: Monday 18 May. Outside it: a sale of
 * 31/12/2025 and a purchase of 1/4/2026. */
static void
test_quarter(void)
{
	struct vat_period q1 = P("2026Q1");
	struct vat_result r;
	struct vat_register reg;
	char err[ERR_SIZE] = "";
	int64_t f24 = 0, id = 0, sid;

	doc("FAT", rossi, "TD01", "9/2025", "2025-12-31", 2200, "", 90000, 19800, 0, 0);
	doc("FAT", rossi, "TD01", "1/2026", "2026-01-15", 2200, "", 1000000, 220000, 0, 200);
	doc("FAT", rossi, "TD01", "2/2026", "2026-02-10", 1000, "", 500000, 50000, 0, 200);
	doc("FAT", comune, "TD01", "3/2026", "2026-03-05", 2200, "", 200000, 44000, 1, 0);
	doc("NC", rossi, "TD04", "4/2026", "2026-03-20", 2200, "", 50000, 11000, 0, 0);
	doc("AUT", edile, "TD16", "1/2026", "2026-03-10", 2200, "", 100000, 22000, 0, 0);
	doc("FA", alfa, "TD01", "A-7", "2026-02-20", 2200, "", 300000, 66000, 0, 0);
	doc("FA", edile, "TD01", "B-3", "2026-03-08", 0, "N6.7", 100000, 0, 0, 0);

	/* the registers */
	ok(vat_register_make(book, VAT_SALES, &q1, &reg, err) == 0, "sales register %s", err);
	is_int(reg.ndocs, 5, "sales register: 4 invoices and notes of Q1, then the self-invoice");
	is_str(reg.ndocs == 5 ? reg.doc[4].kind : "", "AUT", "the self-invoice last");
	is_int(reg.ntotals, 2, "two rates");
	is_int(reg.total[0].tax, 220000 - 11000, "22%%: VAT, the credit note less");
	is_int(reg.total[0].split_tax, 44000, "22%%: split payment apart");
	is_int(reg.total[0].reverse_tax, 22000, "22%%: reverse charge apart");
	vat_register_free(&reg);
	ok(vat_register_make(book, VAT_PURCHASES, &q1, &reg, err) == 0, "purchases %s", err);
	is_int(reg.ndocs, 3, "purchases register: two invoices and the self-invoice");
	ok(reg.ndocs == 3 && reg.doc[0].protocol == 1 && reg.doc[1].protocol == 2 &&
		   reg.doc[2].protocol == 3 && strcmp(reg.doc[0].kind, "AUT") == 0 &&
		   strcmp(reg.doc[1].number, "A-7") == 0,
	   "by protocol, 1 2 3, in the order registered");
	vat_register_free(&reg);

	ok(vat_compute(book, &q1, -1, &r, err) == 0, "Q1 settled: %s", err);
	is_int(r.s.vp2, 1650000, "VP2 16,500.00");
	is_int(r.s.vp3, 400000, "VP3 4,000.00");
	is_int(r.s.vp4, 281000, "VP4 2,810.00");
	is_int(r.s.vp5, 88000, "VP5 880.00");
	is_int(r.s.vp6_debit, 193000, "VP6 1,930.00");
	is_int(r.s.vp12, 1930, "VP12 19.30");
	is_int(r.s.to_pay, 194930, "to pay 1,949.30");
	is_str(r.due, "2026-05-18", "16 May is a Saturday: by Monday 18 May");

	/* kept, and its F24 draft: 6031 2026 1,949.30 */
	ok(vat_settlement_save(book, &q1, -1, &id, err) == 0 && id > 0, "kept: %s", err);
	is_str(fx_query_id(book, "SELECT vp14_debit || ' ' || code FROM vat_settlements WHERE id = "
				 "%lld",
			   id),
	       "194930 6031", "with its figures");
	ok(vat_settlement_f24(book, id, &f24, err) == 0 && f24 > 0, "its F24 draft: %s", err);
	is_str(f24_rows(f24), "6031 2026 194930 | 2026-05-18", "the draft holds 6031 2026 1,949.30");
	is_str(fx_query_id(book, "SELECT f24_id = %lld FROM vat_settlements WHERE period = '2026Q1'",
			   f24),
	       "1", "linked to the settlement");
	is_str(fx_query_id(book, "SELECT state || ' ' || description FROM f24 WHERE id = %lld", f24),
	       "D VAT 2026Q1", "a draft, named after the period");
	ok(vat_settlement_f24(book, id, &f24, err) == REC_INVALID && strstr(err, "already"),
	   "a second is refused: %s", err);
	ok(vat_settlement_save(book, &q1, 0, &sid, err) == REC_INVALID && strstr(err, "delete"),
	   "saved again: refused while its F24 is there: %s", err);
}

/* Q2: FA 1/4 22% 5,000.00 / 1,100.00 and four parcelle of 1,000.00 /
 * 220.00 with ritenute (below): VP5 1,980.00, a credit of 1,980.00 carried.
 * Q3: FAT 22% 10,000.00 / 2,200.00: VP6 2,200.00 less VP8 1,980.00 =
 * 220.00, interest 2.20: 222.20 with 6033 by 16 November (a Monday). */
static void
test_credit(void)
{
	struct vat_period q2 = P("2026Q2"), q3 = P("2026Q3");
	struct vat_result r;
	char err[ERR_SIZE] = "";
	int64_t id;

	doc("FA", alfa, "TD01", "A-9", "2026-04-01", 2200, "", 500000, 110000, 0, 0);
	ok(vat_compute(book, &q2, -1, &r, err) == 0, "Q2: %s", err);
	is_int(r.s.vp5, 198000, "Q2: VP5 1,980.00");
	is_int(r.s.vp14_credit, 198000, "Q2: a credit of 1,980.00");
	ok(vat_settlement_save(book, &q2, -1, &id, err) == 0, "Q2 kept: %s", err);
	ok(vat_settlement_f24(book, id, &id, err) == REC_INVALID && strstr(err, "nothing to pay"),
	   "Q2: no F24: %s", err);
	doc("FAT", rossi, "TD01", "5/2026", "2026-07-10", 2200, "", 1000000, 220000, 0, 0);
	ok(vat_compute(book, &q3, -1, &r, err) == 0, "Q3: %s", err);
	is_int(r.s.vp8, 198000, "Q3: VP8 1,980.00 from Q2");
	is_int(r.s.vp12, 220, "Q3: interest 2.20");
	is_int(r.s.to_pay, 22220, "Q3: 222.20");
	is_str(r.s.code, "6033", "Q3: 6033");
	is_str(r.due, "2026-11-16", "Q3: by 16 November");
	/* the year before's credit typed in Q3: 220.00 less 100.00 */
	ok(vat_compute(book, &q3, 10000, &r, err) == 0 && r.s.vp9 == 10000 && r.s.to_pay == 12120,
	   "Q3 with VP9 100.00: 120.00 + 1.20");
}

/* €100 or less: 2027Q1 owes 88.00 (a sale of 400.00 at 22%): carried, no
 * F24. A month asked of a quarterly company is refused. */
static void
test_carried(void)
{
	struct vat_period q = P("2027Q1"), m = P("2027-01");
	struct vat_result r;
	char err[ERR_SIZE] = "";
	int64_t f24;

	doc("FAT", rossi, "TD01", "1/2027", "2027-02-01", 2200, "", 40000, 8800, 0, 0);
	ok(vat_compute(book, &q, -1, &r, err) == 0 && r.s.carried && r.s.to_pay == 0 &&
		   r.s.debit_next == 8800,
	   "2027Q1: 88.00 carried");
	ok(vat_f24_settlement(book, &r, &f24, err) == REC_INVALID && strstr(err, "carried"),
	   "no F24: %s", err);
	ok(vat_compute(book, &m, -1, &r, err) == REC_INVALID && strstr(err, "quarterly"),
	   "a month refused: %s", err);
}

/* The acconto: 2026Q4 owes 4,400.00 (a sale of 20,000.00 at 22%); the
 * acconto of 1,000.00 already in an F24 (6035 2026) is deducted: 3,400.00
 * + 34.00 = 3,434.00, 6099 by 16 March 2027. 2027's acconto: 88% of
 * 4,400.00 (before the acconto) = 3,872.00, 6035 2027, by 27 December
 * 2027. 2026's: 88% of the 198.00 of 2025Q4, 174.24; 2025's: nothing in
 * 2024Q4, none due. */
static void
test_acconto(void)
{
	struct vat_period q4 = P("2026Q4");
	struct vat_result r;
	struct vat_tax t;
	struct record *f = NULL;
	char err[ERR_SIZE] = "";

	doc("FAT", rossi, "TD01", "6/2026", "2026-11-10", 2200, "", 2000000, 440000, 0, 0);
	f24_new(book, &f, err);
	record_set(f, F24_DESCRIPTION, "Acconto IVA 2026");
	record_row_add(f, F24_ERARIO, "code", "6035", "year", "2026", "debit", "100000", NULL);
	ok(record_save_ex(book, f, NULL, err) == 0, "an acconto paid: %s", err);
	record_free(f);
	ok(vat_compute(book, &q4, -1, &r, err) == 0, "Q4: %s", err);
	is_int(r.s.vp13, 100000, "VP13 1,000.00 from the F24");
	is_int(r.s.to_pay, 343400, "3,434.00");
	is_str(r.s.code, "6099", "with the annual return: 6099");
	is_str(r.due, "2027-03-16", "by 16 March 2027");
	ok(vat_acconto(book, 2027, 1, &t, err) == 0, "2027's acconto: %s", err);
	is_int(t.base, 440000, "its base 4,400.00, before the acconto");
	is_int(t.amount, 387200, "88%%: 3,872.00");
	is_str(f24_rows(t.f24), "6035 2027 387200 | 2027-12-27", "its draft: 6035 2027 by 27/12");
	/* 2026's: 88% of 2025Q4's 198.00 (the sale of 31/12/2025) */
	ok(vat_acconto(book, 2026, 0, &t, err) == 0 && t.amount == 17424 && t.f24 == 0,
	   "2026's acconto 174.24, no draft asked: %s", err);
	ok(vat_acconto(book, 2025, 1, &t, err) == REC_INVALID && strstr(err, "no acconto") &&
		   t.f24 == 0,
	   "2025: none due: %s", err);
}

/* The bollo: FAT 1 and 2 of Q1 carry 2.00 each: 4.00, 2521 2026; the
 * first quarter's and the second's under 5,000.00: with the third's, by
 * 30 November 2026. Q2 has none. */
static void
test_bollo(void)
{
	struct vat_period q1 = P("2026Q1"), q2 = P("2026Q2"), m = P("2026-03");
	struct vat_tax t;
	char err[ERR_SIZE] = "";

	ok(vat_bollo(book, &q1, 1, &t, err) == 0, "Q1's bollo: %s", err);
	is_int(t.amount, 400, "4.00");
	is_int(t.base, 2, "of two invoices");
	is_str(f24_rows(t.f24), "2521 2026 400 | 2026-11-30", "its draft: 2521 2026 by 30/11");
	ok(vat_bollo(book, &q2, 1, &t, err) == REC_INVALID && t.f24 == 0, "Q2: none: %s", err);
	ok(vat_bollo(book, &m, 0, &t, err) == REC_INVALID && strstr(err, "quarter"),
	   "a month refused: %s", err);
}

/* The supplier of purchase id paid amount (cents) on date through the
 * prima nota (items_pay), on its first open item. */
static void
pay_purchase(int64_t id, int64_t amount, const char *date)
{
	struct item_payment p = { .date = date, .amount = amount };
	char err[ERR_SIZE] = "";
	int64_t item = atoll(fx_query_id(book,
					 "SELECT min(id) FROM open_items WHERE document_id = %lld "
					 "AND paid < amount",
					 id));

	pn_account_find(book, "Banca", &p.account_id, err);
	ok(items_pay(book, &item, 1, &p, NULL, err) == 0, "%s paid on %s: %s",
	   fx_query_id(book, "SELECT number FROM documents WHERE id = %lld", id), date, err);
}

/* The ritenute, by the payments to the supplier (the open items' links):
 * P-1 due 31 March, its schedule's row paid 5 April (settled outside the
 * prima nota that day: 200.00 April's); P-2 due 30 April, not paid: none
 * yet; P-3 an agent's (causale R: 1038, not here), P-4 an INPS
 * contribution (RT03); P-5 (ritenuta 200.00, 1,020.00 payable) paid
 * 340.00 on 20 April and 680.00 on 10 May through the prima nota: April
 * withholds 200.00 x 340/1020 = 66.666... = 66.67, May the rest, 133.33.
 * April's draft holds 1040 2026 266.67 by 16 May (a Saturday: 18 May),
 * May's 133.33 by 16 June. March has none; June none (P-5 is paid). */
static void
test_ritenute(void)
{
	struct vat_period apr = P("2026-04"), may = P("2026-05"), jun = P("2026-06"),
			  mar = P("2026-03"), q = P("2026Q2");
	struct vat_tax t;
	char err[ERR_SIZE] = "";
	/* made here, after Q2's settlement is kept */
	int64_t p5 = parcella("P-5", "2026-04-15", "RT01", "A", "20000", "2026-05-31", "");

	pay_purchase(p5, 34000, "2026-04-20");
	pay_purchase(p5, 68000, "2026-05-10");
	ok(vat_ritenute(book, &apr, 1, &t, err) == 0, "April's ritenute: %s", err);
	is_int(t.amount, 26667, "266.67: P-1's 200.00 and P-5's 66.67");
	is_int(t.base, 2, "of two purchases");
	is_str(f24_rows(t.f24), "1040 2026 26667 | 2026-05-18", "its draft: 1040 2026 by 18/05");
	ok(strstr(fx_query_id(book, "SELECT notes FROM f24 WHERE id = %lld", t.f24),
		  "P-5 Studio Verdi, 66,67 of 200,00, paid in part on 2026-04-20") != NULL,
	   "its notes say P-5 was paid in part: %s",
	   fx_query_id(book, "SELECT notes FROM f24 WHERE id = %lld", t.f24));
	ok(vat_ritenute(book, &may, 1, &t, err) == 0, "May's ritenute: %s", err);
	is_int(t.amount, 13333, "133.33: the rest of P-5's");
	is_int(t.base, 1, "of one purchase");
	is_str(f24_rows(t.f24), "1040 2026 13333 | 2026-06-16", "its draft: 1040 2026 by 16/06");
	ok(vat_ritenute(book, &jun, 0, &t, err) == REC_INVALID, "June: none: %s", err);
	ok(vat_ritenute(book, &mar, 0, &t, err) == REC_INVALID, "March: none: %s", err);
	ok(vat_ritenute(book, &q, 0, &t, err) == REC_INVALID && strstr(err, "month"),
	   "a quarter refused: %s", err);
}

/* The documents' commands (src/bridge/doc-cmds.c, as doc-kind.c names
 * them). */
extern const struct record_command doc_commands[];
extern const size_t doc_ncommands;

/* The documents' command Deductible VAT run on document id with typed. */
static int
deductible(int64_t id, const char *typed, char *err)
{
	struct record *r = NULL;
	char msg[ERR_SIZE] = "";
	int64_t open_id = 0;
	int rc = REC_ERROR;

	if (record_load(book, &documents_kind, id, &r, err) < 0)
		return REC_ERROR;
	for (size_t i = 0; i < doc_ncommands; i++)
		if (strcmp(doc_commands[i].name, "deductible") == 0 && doc_commands[i].applies(r))
			rc = doc_commands[i].run(book, r, typed, &open_id, msg, err);
	record_free(r);
	return rc;
}

/* Whether one of the n lines begins with start ("" any) and holds each
 * of the words that follow, up to NULL. */
static int
line_has(char *const *lines, size_t n, const char *start, ...)
{
	for (size_t i = 0; n != (size_t)-1 && i < n; i++) {
		const char *w;
		int all = strncmp(lines[i], start, strlen(start)) == 0;
		va_list ap;

		va_start(ap, start);
		while ((w = va_arg(ap, const char *)) != NULL)
			all = all && strstr(lines[i], w) != NULL;
		va_end(ap);
		if (all)
			return 1;
	}
	return 0;
}

static void
lines_free(char **lines, size_t n)
{
	for (size_t i = 0; n != (size_t)-1 && i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Non-deductible VAT (art. 19-bis1 DPR 633/72): in 2028Q1 a sale at 22%
 * 10,000.00 / 2,200.00 and the purchase of a car, 22% 1,234.57 / 271.61,
 * registered, then set 40% deductible by its command (140% refused): 271.61 x 40% = 108.644, 108.64 deducted, 162.97 not.
 * VP4 2,200.00, VP5 108.64, VP6 2,091.36, interest 1% 20.9136 = 20.91:
 * 2,112.27. The register: the car's row shows its VAT, 271.61, and 162.97
 * apart; the 22% total 108.64 deductible and 162.97 not. */
static void
test_nondeductible(void)
{
	struct vat_period q = P("2028Q1");
	struct vat_register reg;
	struct vat_result r;
	char **lines = NULL, err[ERR_SIZE] = "";
	size_t n;

	doc("FAT", rossi, "TD01", "1/2028", "2028-01-20", 2200, "", 1000000, 220000, 0, 0);
	int64_t car = doc("FA", alfa, "TD01", "AUTO-1", "2028-02-10", 2200, "", 123457, 27161, 0, 0);

	ok(deductible(car, "140", err) == REC_INVALID && strstr(err, "'140'") != NULL,
	   "140%% refused: %s", err);
	ok(deductible(car, "40 %", err) == 0, "the registered car's purchase: 40%% deductible, "
					      "by its command: %s", err);
	is_str(fx_query_id(book, "SELECT vat_deductible FROM documents WHERE id = %lld", car), "4000",
	       "kept as 4000");
	ok(vat_compute(book, &q, -1, &r, err) == 0, "2028Q1: %s", err);
	is_int(r.s.vp4, 220000, "VP4 2,200.00");
	is_int(r.s.vp5, 10864, "VP5 108.64: 40%% of the car's VAT");
	is_int(r.s.vp6_debit, 209136, "VP6 2,091.36");
	is_int(r.s.vp12, 2091, "interest 20.91");
	is_int(r.s.to_pay, 211227, "2,112.27 to pay");
	ok(vat_register_make(book, VAT_PURCHASES, &q, &reg, err) == 0, "its register: %s", err);
	is_int(reg.ntotals, 1, "one rate");
	is_int(reg.ntotals == 1 ? reg.total[0].tax : -1, 10864, "22%%: 108.64 deductible");
	is_int(reg.ntotals == 1 ? reg.total[0].nondeductible_tax : -1, 16297,
	       "and 162.97 not, apart");
	vat_register_free(&reg);
	n = vat_register_text(book, VAT_PURCHASES, &q, &lines, err);
	ok(line_has(lines, n, "", "AUTO-1", "271,61", "162,97", NULL),
	   "the register's row: its VAT 271,61 and 162,97 non-deductible");
	ok(line_has(lines, n, "22%", "108,64", "162,97", NULL),
	   "the 22%% total: 108,64 deductible, 162,97 not");
	lines_free(lines, n);
}

/* Reverse charge on a purchase 40% deductible (art. 19 and 19-bis1 DPR
 * 633/72): in 2029Q1 FA R-1 of Edile, N6.7 1,000.00 with no VAT, set 40%
 * deductible by its command, integrated by AUT 1/2029 (TD16) 22% 1,000.00
 * / 220.00, linked to it. The sales register owes the 220.00 whole, the
 * purchases register deducts 40%: 88.00, and 132.00 not, in its Non-ded.
 * column. VP4 220.00, VP5 88.00, VP6 132.00, interest 1.32: 133.32. In
 * 2029Q2 the same at 100%: VP4 = VP5 = 220.00, nothing owed. */
static void
test_reverse_share(void)
{
	struct vat_period q1 = P("2029Q1"), q2 = P("2029Q2");
	struct vat_register reg;
	struct vat_result r;
	char **lines = NULL, err[ERR_SIZE] = "";
	struct record *kept = NULL;
	int64_t fa, aut, id;
	size_t n;

	fa = doc("FA", edile, "TD01", "R-1", "2029-02-05", 0, "N6.7", 100000, 0, 0, 0);
	aut = doc("AUT", edile, "TD16", "1/2029", "2029-02-06", 2200, "", 100000, 22000, 0, 0);
	ok(document_link_add(book, fa, aut, err) == 0, "AUT 1/2029 integrates R-1: %s", err);
	ok(deductible(fa, "40", err) == 0, "R-1 40%% deductible: %s", err);
	ok(vat_compute(book, &q1, -1, &r, err) == 0, "2029Q1: %s", err);
	is_int(r.s.vp4, 22000, "VP4 220.00: the self-invoice's VAT owed whole");
	is_int(r.s.vp5, 8800, "VP5 88.00: 40%% of it deducted");
	is_int(r.s.vp6_debit, 13200, "VP6 132.00");
	is_int(r.s.to_pay, 13332, "133.32 to pay with 1.32 interest");
	is_int(r.sums.reverse_nondeductible, 13200, "132.00 not deductible");
	ok(vat_register_make(book, VAT_SALES, &q1, &reg, err) == 0 && reg.ntotals == 1 &&
		   reg.total[0].reverse_tax == 22000 && reg.total[0].nondeductible_tax == 0,
	   "the sales register: 220.00 reverse charge, all of it owed");
	vat_register_free(&reg);
	ok(vat_register_make(book, VAT_PURCHASES, &q1, &reg, err) == 0, "purchases: %s", err);
	is_int(reg.ntotals, 2, "22%% and N6.7");
	is_int(reg.ntotals == 2 ? reg.total[0].reverse_tax : -1, 8800,
	       "22%%: reverse charge 88.00 deducted");
	is_int(reg.ntotals == 2 ? reg.total[0].nondeductible_tax : -1, 13200,
	       "and 132.00 not deductible, apart");
	vat_register_free(&reg);
	n = vat_register_text(book, VAT_PURCHASES, &q1, &lines, err);
	ok(line_has(lines, n, "", "1/2029", "220,00", "132,00", "RC", NULL),
	   "the self-invoice's row: its VAT 220,00 and 132,00 non-deductible");
	ok(line_has(lines, n, "22%", "132,00", "88,00", NULL),
	   "the 22%% total: 132,00 non-deductible, 88,00 reverse charge deducted");
	lines_free(lines, n);
	n = vat_result_text(&r, &lines);
	ok(line_has(lines, n, "", "not deductible", "132,00", NULL),
	   "the quadro VP says 132,00 of the reverse charge is not deductible");
	lines_free(lines, n);
	ok(vat_settlement_save(book, &q1, -1, &id, err) == 0, "2029Q1 kept: %s", err);
	is_str(fx_query_id(book, "SELECT vp5 || ' ' || reverse_vat || ' ' || reverse_nondeductible "
				 "FROM vat_settlements WHERE id = %lld",
			   id),
	       "8800 22000 13200", "kept with VP5 88.00 and 132.00 of 220.00 not deductible");
	ok(record_load(book, vat_settlements_kind(), id, &kept, err) == 0, "loaded: %s", err);
	n = kept != NULL ? vat_settlements_kind()->print_text(kept, &lines) : 0;
	ok(line_has(lines, n, "", "not deductible", "132,00", NULL),
	   "its print says so too");
	lines_free(lines, n);
	record_free(kept);

	fa = doc("FA", edile, "TD01", "R-2", "2029-05-05", 0, "N6.7", 100000, 0, 0, 0);
	aut = doc("AUT", edile, "TD16", "2/2029", "2029-05-06", 2200, "", 100000, 22000, 0, 0);
	ok(document_link_add(book, fa, aut, err) == 0, "AUT 2/2029 integrates R-2: %s", err);
	ok(vat_compute(book, &q2, -1, &r, err) == 0, "2029Q2: %s", err);
	ok(r.s.vp4 == 22000 && r.s.vp5 == 22000 && r.s.vp6_debit == 0 && r.s.vp6_credit == 0,
	   "100%%: VP4 and VP5 220.00, nothing owed (%lld %lld)", (long long)r.s.vp4,
	   (long long)r.s.vp5);
}

/* The deductible share of a purchase whose period is settled with its F24
 * (2026Q1, frozen by test_quarter) is refused, naming the period and the
 * F24, and nothing changes: FA A-7 of February; FA Z-1 of December 2025,
 * whose self-invoice of January 2026 is in 2026Q1. FA A-9 of April (2026Q2,
 * kept with no F24) may change. In 2030, FA X-1 of Q1 settled with no F24
 * but Q2 with its F24: refused too (Q1's change would reach Q2 through
 * what it carries); once Q2's draft is deleted, taken. */
static void
test_share_frozen(void)
{
	struct vat_period q2 = P("2030Q2");
	struct record *f = NULL;
	char err[ERR_SIZE] = "", f24s[32];
	int64_t a7 = atoll(book_query(book, "SELECT id FROM documents WHERE number = 'A-7'")),
		a9 = atoll(book_query(book, "SELECT id FROM documents WHERE number = 'A-9'")),
		z1, aut, x1, id, f24 = atoll(book_query(book, "SELECT f24_id FROM vat_settlements "
								"WHERE period = '2026Q1'"));

	snprintf(f24s, sizeof f24s, "F24 number %lld", (long long)f24);
	ok(deductible(a7, "40", err) == REC_INVALID && strstr(err, "2026Q1") != NULL &&
		   strstr(err, f24s) != NULL && strstr(err, "later period") != NULL,
	   "A-7 in 2026Q1, settled with its F24: refused: %s", err);
	is_str(fx_query_id(book, "SELECT vat_deductible FROM documents WHERE id = %lld", a7),
	       "10000", "A-7 still all deductible");
	z1 = doc("FA", edile, "TD01", "Z-1", "2025-12-20", 0, "N6.7", 50000, 0, 0, 0);
	aut = doc("AUT", edile, "TD16", "9/2026", "2026-01-10", 2200, "", 50000, 11000, 0, 0);
	ok(document_link_add(book, z1, aut, err) == 0, "AUT 9/2026 integrates Z-1: %s", err);
	ok(deductible(z1, "40", err) == REC_INVALID && strstr(err, "2026Q1") != NULL,
	   "Z-1 of 2025, its self-invoice in 2026Q1: refused: %s", err);
	ok(deductible(a9, "50", err) == 0 && deductible(a9, "100", err) == 0,
	   "A-9 in 2026Q2, kept with no F24: taken: %s", err);

	x1 = doc("FA", alfa, "TD01", "X-1", "2030-02-01", 2200, "", 100000, 22000, 0, 0);
	doc("FAT", rossi, "TD01", "1/2030", "2030-05-01", 2200, "", 1000000, 220000, 0, 0);
	ok(vat_settlement_save(book, &q2, -1, &id, err) == 0 &&
		   vat_settlement_f24(book, id, &f24, err) == 0,
	   "2030Q2 settled with its F24: %s", err);
	snprintf(f24s, sizeof f24s, "F24 number %lld", (long long)f24);
	ok(deductible(x1, "40", err) == REC_INVALID && strstr(err, "2030Q2") != NULL &&
		   strstr(err, f24s) != NULL,
	   "X-1 of 2030Q1: refused, a later period's F24 made: %s", err);
	ok(record_load(book, &f24_kind, f24, &f, err) == 0 && record_delete(book, f, err) == 0,
	   "2030Q2's draft deleted: %s", err);
	record_free(f);
	ok(deductible(x1, "40", err) == 0, "then taken: %s", err);
	is_str(fx_query_id(book, "SELECT vat_deductible FROM documents WHERE id = %lld", x1), "4000",
	       "X-1 40%% deductible");
}

/* Deleting the settlement's F24 draft frees it: saved again, recomputed. */
static void
test_unfrozen(void)
{
	struct vat_period q1 = P("2026Q1");
	struct record *f = NULL;
	char err[ERR_SIZE] = "";
	int64_t id, f24 = atoll(book_query(book, "SELECT f24_id FROM vat_settlements WHERE "
						 "period = '2026Q1'"));

	ok(record_load(book, &f24_kind, f24, &f, err) == 0 && record_delete(book, f, err) == 0,
	   "the draft deleted: %s", err);
	record_free(f);
	is_str(book_query(book, "SELECT coalesce(f24_id, 'none') FROM vat_settlements WHERE period "
				"= '2026Q1'"),
	       "none", "the link is gone");
	ok(vat_settlement_save(book, &q1, 0, &id, err) == 0, "saved again: %s", err);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	vat_kind_register();
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	set_quarterly();
	rossi = fx_customer(book, "Rossi Spa", "12345678903");
	comune = fx_customer(book, "Comune di Milano", "09876543217");
	alfa = fx_supplier(book, "Alfa Srl", "IT", "", "02468135799");
	edile = fx_supplier(book, "Edile Srl", "IT", "", "01111111116");
	studio = fx_supplier(book, "Studio Verdi", "IT", "", "01357924685");
	test_quarter();
	parcella("P-1", "2026-04-01", "RT01", "A", "20000", "2026-03-31", "2026-04-05");
	parcella("P-2", "2026-04-10", "RT01", "A", "10000", "2026-04-30", "");
	parcella("P-3", "2026-04-11", "RT01", "R", "5000", "2026-04-30", "2026-04-20");
	parcella("P-4", "2026-04-12", "RT03", "A", "4000", "2026-04-30", "2026-04-20");
	test_credit();
	test_carried();
	test_acconto();
	test_bollo();
	test_ritenute();
	test_share_frozen();
	test_unfrozen();
	test_nondeductible();
	test_reverse_share();
	temp_book_close(&tb, book);
	return tap_done();
}
