/* The lines fpa_compute makes and the document's own figures
 * (src/fisc/compute.c, credit.c), against figures computed by hand: the
 * document discount (a percentage per group, an amount in proportion),
 * the bollo charged to the customer as a line of its own and stable, the
 * rounding of the total, a credit note made from an invoice; each written
 * as XML, valid and clean for fpa_check. */
#include "config.h"

#include <string.h>

#include "fisc/doc-rules.h"
#include "fisc-fixtures.h"
#include "fisc-sdi.h"
#include "tap.h"
#include "util/util.h"

static int
compute(struct fpa_body *b)
{
	char err[ERR_SIZE] = "";

	if (fpa_compute(b, err) < 0) {
		printf("# %s\n", err);
		return -1;
	}
	return 0;
}

static size_t
count_role(const struct fpa_body *b, enum fpa_line_role role)
{
	size_t n = 0;

	for (size_t i = 0; i < b->nlines; i++)
		n += fpa_line_role(&b->lines[i]) == role;
	return n;
}

/* The block of (rate, natura), or one of figures -1 when there is none. */
static const struct fpa_vat *
block(const struct fpa_body *b, int64_t rate, const char *natura)
{
	static const struct fpa_vat none = { .taxable = -1, .tax = -1 };

	for (size_t i = 0; i < b->nvat; i++)
		if (b->vat[i].rate == rate && strcmp(b->vat[i].natura, natura) == 0)
			return &b->vat[i];
	return &none;
}

/* The discount lines in the XML: TipoCessionePrestazione SC, read back
 * with it and recognised as the document discount's. */
static void
discount_lines_read_back(const struct fpa_invoice *inv)
{
	struct fpa_invoice *back = NULL;
	char err[ERR_SIZE] = "", *xml = NULL;
	size_t len = 0, n = 0;

	ok(fpa_to_xml(inv, &xml, &len, err) == 0 &&
		   strstr(xml, "<TipoCessionePrestazione>SC</TipoCessionePrestazione>"),
	   "the XML has TipoCessionePrestazione SC %s", err);
	if (xml && fpa_read_memory(xml, len, "discount", &back, NULL, err) == 0) {
		for (size_t i = 0; i < back->bodies[0].nlines; i++)
			n += fpa_line_role(&back->bodies[0].lines[i]) == FPA_LINE_DISCOUNT &&
			     strcmp(back->bodies[0].lines[i].kind, "SC") == 0;
		fpa_invoice_free(back);
	}
	is_int(n, 3, "read back: three lines SC recognised as the document discount's");
	free(xml);
}

/* 10% off the document, one line a group, rounded per group:
 *   22%: 100.00 + 33.33 = 133.33 -> -13.333 -> -13.33; block 120.00,
 *        VAT 26.40
 *   10%: 30.00 -> -3.00; block 27.00, VAT 2.70
 *   N4:  20.00 -> -2.00; block 18.00
 *   total 120.00 + 26.40 + 27.00 + 2.70 + 18.00 = 194.10 */
static void
test_discount_pct(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];

	fixture_line(b, "A", NULL, "100.00", 2200, NULL);
	fixture_line(b, "B", NULL, "30.00", 1000, NULL);
	fixture_line(b, "C", NULL, "33.33", 2200, NULL);
	fixture_line(b, "D", NULL, "20.00", 0, "N4");
	b->disc_pct = D("10");
	ok(compute(b) == 0, "10%% off the document");
	is_int(count_role(b, FPA_LINE_DISCOUNT), 3, "three discount lines, one a group");
	is_str(b->lines[4].descr, FPA_DISCOUNT_LINE_DESCR " 10%", "described '%s'", b->lines[4].descr);
	is_str(b->lines[4].kind, "SC", "TipoCessionePrestazione SC");
	is_int(b->lines[4].number, 5, "numbered after the lines");
	is_int(block(b, 2200, "")->taxable, 12000, "22%%: 133.33 - 13.33 = 120.00");
	is_int(block(b, 2200, "")->tax, 2640, "22%% VAT 26.40");
	is_int(block(b, 1000, "")->taxable, 2700, "10%%: 30.00 - 3.00 = 27.00");
	is_int(block(b, 0, "N4")->taxable, 1800, "N4: 20.00 - 2.00 = 18.00");
	is_int(b->tot.total, 19410, "total 194.10");
	ok(compute(b) == 0 && b->nlines == 7, "computing again makes the same lines, no more");
	is_int(b->tot.total, 19410, "and the same total");
	sdi_clean(inv, "10% document discount");
	discount_lines_read_back(inv);
	b->disc_pct = D("0");
	ok(compute(b) == 0 && b->nlines == 4, "no discount: its lines go");
	fpa_invoice_free(inv);
}

/* 10.00 off, in proportion to the groups, the odd cents to the largest:
 *   22% 100.00: 10.00 x 100/150 = 6.666 -> 6.66, + the odd 0.01 = 6.67
 *   10%  50.00: 10.00 x 50/150  = 3.333 -> 3.33
 *   22% block 93.33, VAT 20.5326 -> 20.53; 10% block 46.67, VAT 4.667 -> 4.67
 *   total 93.33 + 20.53 + 46.67 + 4.67 = 165.20
 * With Ritenuta lines a group of their own: 1000.00 SI and 200.00 at 22%,
 * 10%: -100.00 (SI) and -20.00; ritenuta 20% of 900.00 = 180.00. */
static void
test_discount_amount(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];
	char err[ERR_SIZE] = "";

	fixture_line(b, "A", NULL, "50.00", 1000, NULL);
	fixture_line(b, "B", NULL, "100.00", 2200, NULL);
	b->disc_amount = 1000;
	ok(compute(b) == 0, "10.00 off the document");
	is_int(b->lines[2].total.v, -333, "10%% group: -3.33");
	is_int(b->lines[3].total.v, -667, "22%% group, the largest: -6.67 with the odd cent");
	is_int(block(b, 2200, "")->tax, 2053, "22%% VAT on 93.33 = 20.53");
	is_int(block(b, 1000, "")->tax, 467, "10%% VAT on 46.67 = 4.67");
	is_int(b->tot.total, 16520, "total 165.20");
	sdi_clean(inv, "10.00 document discount");

	b->disc_amount = 15001;
	ok(fpa_compute(b, err) < 0 && strstr(err, "150,00"), "more than the lines refused: %s",
	   err);
	b->disc_amount = 100;
	b->disc_pct = D("5");
	ok(fpa_compute(b, err) < 0 && strstr(err, "not both"), "both refused: %s", err);
	b->disc_amount = 0;
	b->disc_pct = D("100.5");
	ok(fpa_compute(b, err) < 0 && strstr(err, "100"), "100.5%% refused: %s", err);
	fpa_invoice_free(inv);

	inv = fixture_invoice(FPA_FPR12, "RF01");
	b = &inv->bodies[0];
	fixture_line(b, "Parcella", NULL, "1000.00", 2200, NULL)->ritenuta = 1;
	fixture_line(b, "Rimborso", NULL, "200.00", 2200, NULL);
	str_copy(b->wh[0].type, "RT01", 5);
	b->wh[0].rate = 2000;
	str_copy(b->wh[0].causale, "A", 3);
	b->nwh = 1;
	b->disc_pct = D("10");
	ok(compute(b) == 0, "10%% off with a ritenuta");
	ok(b->lines[2].ritenuta && b->lines[2].total.v == -10000 && !b->lines[3].ritenuta &&
		   b->lines[3].total.v == -2000,
	   "the ritenuta's group gets its own discount line (-100.00 SI, -20.00)");
	is_int(b->wh[0].amount, 18000, "ritenuta 20%% of 900.00 = 180.00");
	sdi_clean(inv, "document discount with a ritenuta");
	fpa_invoice_free(inv);
}

/* The bollo charged: 100.00 N4 > 77.47, so 2.00, a line N1 of its own.
 *   total 100.00 + 2.00 = 102.00; outside VAT stays 100.00
 * Computed again (also with the role lost, as from the book's rows): one
 * line. Not charged any more: the line goes, DatiBollo stays. 77.00 N4
 * charged: no bollo (77.00 + a 2.00 line would be 79.00, but the rivalsa
 * never counts). */
static void
test_bollo_rivalsa(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];
	const struct fpa_line *l;

	fixture_line(b, "Prestazione sanitaria", NULL, "100.00", 0, "N4");
	b->bollo_charged = 1;
	ok(compute(b) == 0, "bollo charged");
	is_int(b->nlines, 2, "a line for the bollo");
	l = &b->lines[1];
	ok(l->role == FPA_LINE_BOLLO && strcmp(l->descr, FPA_BOLLO_LINE_DESCR) == 0 &&
		   strcmp(l->natura, "N1") == 0 && l->rate == 0 && l->total.v == 200,
	   "'%s', 2.00, N1", l->descr);
	is_int(b->tot.not_vat, 10000, "the rivalsa does not count towards 77.47");
	is_int(b->tot.total, 10200, "total 102.00");
	ok(b->bollo_virtual && b->bollo == 200, "DatiBollo 2.00");
	sdi_clean(inv, "bollo charged");
	ok(compute(b) == 0 && b->nlines == 2, "computed again: still one bollo line");
	b->lines[1].role = FPA_LINE_USER;
	ok(compute(b) == 0 && b->nlines == 2 && count_role(b, FPA_LINE_BOLLO) == 1,
	   "its role lost (rows of the book): recognised, still one");
	b->bollo_charged = 0;
	ok(compute(b) == 0 && b->nlines == 1, "not charged: the line goes");
	ok(b->bollo_virtual && b->bollo == 200 && b->tot.total == 10000,
	   "DatiBollo stays, total 100.00");
	sdi_clean(inv, "bollo not charged");

	b->lines[0].price = D("77.00");
	b->bollo_charged = 1;
	ok(compute(b) == 0 && b->tot.bollo == 0 && b->nlines == 1, "77.00 charged: no bollo");
	b->lines[0].price = D("77.48");
	b->bollo_off = 1;
	ok(compute(b) == 0 && b->tot.bollo == 0 && !b->bollo_virtual && b->nlines == 1,
	   "77.48 with the bollo turned off: none");
	fpa_invoice_free(inv);
}

/* Rounding of the total (Arrotondamento of ImportoTotaleDocumento):
 *   1 x 10.15 at 22%: 10.15 + 2.233 -> 2.23 = 12.38
 *   to 0.05: +0.02 -> 12.40; to 1.00: -0.38 -> 12.00
 *   10.10 + 2.222 -> 2.22 = 12.32: to 0.05 -0.02 -> 12.30; a half goes
 *   up: 10.12 + 2.2264 -> 2.23 = 12.35, to 0.10: +0.05 -> 12.40
 *   -12.38 (a negative line) to 0.05: -0.02 -> -12.40
 *   given by the user: +0.62 -> 13.00; 1.00 refused */
static void
test_rounding(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];
	char err[ERR_SIZE] = "";

	fixture_line(b, "Articolo", NULL, "10.15", 2200, NULL);
	b->round_step = 5;
	ok(compute(b) == 0 && b->doc_rounding == 2 && b->tot.total == 1240,
	   "12.38 to 0.05: +0.02, 12.40 (got %lld)", (long long)b->tot.total);
	is_int(b->tot.payable, 1240, "payable 12.40");
	sdi_clean(inv, "rounded to 0.05");
	b->round_step = 100;
	ok(compute(b) == 0 && b->doc_rounding == -38 && b->tot.total == 1200,
	   "12.38 to 1.00: -0.38, 12.00");
	b->lines[0].price = D("10.10");
	b->round_step = 5;
	ok(compute(b) == 0 && b->doc_rounding == -2 && b->tot.total == 1230,
	   "12.32 to 0.05: -0.02, 12.30");
	b->lines[0].price = D("10.12");
	b->round_step = 10;
	ok(compute(b) == 0 && b->doc_rounding == 5 && b->tot.total == 1240,
	   "12.35 to 0.10: a half goes up, 12.40");
	b->lines[0].price = D("-10.15");
	b->round_step = 5;
	ok(compute(b) == 0 && b->doc_rounding == -2 && b->tot.total == -1240,
	   "-12.38 to 0.05: -0.02, -12.40 (away from zero)");
	b->lines[0].price = D("10.15");
	b->round_step = 0;
	b->has_doc_rounding = 1;
	b->doc_rounding = 62;
	ok(compute(b) == 0 && b->tot.total == 1300, "the user's +0.62: 13.00");
	sdi_clean(inv, "rounding given");
	b->doc_rounding = 100;
	ok(fpa_compute(b, err) < 0 && strstr(err, "1.00"), "a rounding of 1.00 refused: %s", err);
	b->has_doc_rounding = 0;
	b->round_step = 101;
	ok(fpa_compute(b, err) < 0, "a step above 1.00 refused: %s", err);
	fpa_invoice_free(inv);
}

/* A credit note from an invoice that charged its bollo: the note has the
 * invoice's own line only (no rivalsa reversed, none charged), names the
 * invoice, and its own bollo: 150.00 N4 > 77.47, so 2.00, positive. */
static void
test_credit_note(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_invoice *cni = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0], *cn = &cni->bodies[0];

	fixture_line(b, "Corso di formazione", NULL, "150.00", 0, "N4");
	b->bollo_charged = 1;
	ok(compute(b) == 0 && b->nlines == 2 && b->tot.total == 15200, "invoice 150.00 + 2.00");
	fpa_credit_note_from(b, cn);
	is_int(cn->nlines, 1, "made from the invoice: its own line only, the rivalsa not copied");
	str_copy(cn->date, "2025-03-20", sizeof cn->date);
	str_copy(cn->number, "13/A", sizeof cn->number);
	ok(compute(cn) == 0, "the credit note computes");
	is_str(cn->type, "TD04", "TD04");
	ok(strcmp(cn->rel_id, "12/A") == 0 && strcmp(cn->rel_date, "2025-03-14") == 0,
	   "it names invoice 12/A of 14/03/2025");
	is_int(cn->nlines, 1, "the invoice's own line only, no rivalsa");
	is_int(cn->tot.total, 15000, "total 150.00");
	ok(cn->bollo_virtual && cn->bollo == 200, "its own bollo, 2.00, not reversed");
	sdi_clean(cni, "credit note from an invoice");
	fpa_invoice_free(inv);
	fpa_invoice_free(cni);
}

int
main(void)
{
	sdi_init();
	test_discount_pct();
	test_discount_amount();
	test_bollo_rivalsa();
	test_rounding();
	test_credit_note();
	sdi_done();
	return tap_done();
}
