/* Unit tests of the invoice arithmetic: line totals with 8-decimal prices
 * and discounts, the VAT summary rounded per block, split payment, cassa,
 * ritenuta, the bollo threshold, reverse charge and payment schedules. */
#include "config.h"

#include <string.h>

#include "fisc/invoice.h"
#include "fisc-fixtures.h"
#include "tap.h"
#include "util/util.h"

static int
compute(struct fpa_body *b)
{
	char err[ERR_SIZE];

	if (fpa_compute(b, err) < 0) {
		printf("# %s\n", err);
		return -1;
	}
	return 0;
}

static void
test_block_rounding(void)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);

	for (int i = 0; i < 3; i++)
		fixture_line(b, "item", "1.00", "0.10", 2200, NULL);
	ok(compute(b) == 0, "three lines of 0.10 at 22%%");
	is_int(b->nvat, 1, "one summary block");
	is_int(b->vat[0].taxable, 30, "taxable 0.30");
	is_int(b->vat[0].tax, 7, "VAT rounded once per block: 0.066 -> 0.07 (per line would give 0.06)");
	is_int(b->tot.total, 37, "total 0.37");
	fpa_invoice_free(inv);
}

static void
test_prices_and_discounts(void)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);
	struct fpa_line *l;

	fixture_line(b, "item", "1000.00", "0.00886292", 2200, NULL);
	l = fixture_line(b, "item", "2.00", "100.00", 2200, NULL);
	str_copy(l->disc[0].kind, "SC", 3);
	l->disc[0].has_pct = 1;
	l->disc[0].pct = D("10.00");
	str_copy(l->disc[1].kind, "SC", 3);
	l->disc[1].has_amount = 1;
	l->disc[1].amount = D("5.00");
	str_copy(l->disc[2].kind, "MG", 3);
	l->disc[2].has_pct = 1;
	l->disc[2].pct = D("10.00");
	l->ndisc = 3;
	fixture_line(b, "item", NULL, "19.99", 1000, NULL);
	ok(compute(b) == 0, "prices with 8 decimals and discounts");
	ok(dec_cmp(b->lines[0].total, D("8.86")) == 0, "1000 x 0.00886292 = 8.86 (not 9.00)");
	ok(dec_cmp(b->lines[1].total, D("187.00")) == 0,
	   "2 x ((100 - 10%% - 5) + 10%%) = 187.00 in cascade");
	ok(dec_cmp(b->lines[2].total, D("19.99")) == 0, "no quantity means one");
	is_int(b->nvat, 2, "two blocks: 22%% and 10%%");
	is_int(b->vat[0].taxable, 19586, "22%% taxable 195.86");
	is_int(b->vat[0].tax, 4309, "22%% of 195.86 = 43.0892 -> 43.09");
	is_int(b->vat[1].tax, 200, "10%% of 19.99 = 1.999 -> 2.00");
	fpa_invoice_free(inv);
}

static void
test_split_payment(void)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);
	struct fpa_payment *p;

	fixture_line(b, "item", "1.00", "100.00", 2200, NULL);
	fixture_line(b, "item", "5.00", "10.00", 1000, NULL);
	b->split_payment = 1;
	p = fpa_payment_add(b);
	p->automatic = 1;
	ok(compute(b) == 0, "split payment with two rates");
	ok(b->vat[0].esig == 'S' && b->vat[1].esig == 'S', "both blocks EsigibilitaIVA S");
	is_int(b->tot.tax, 2700, "VAT 22.00 + 5.00");
	is_int(b->tot.total, 17700, "document total includes VAT");
	is_int(b->tot.payable, 15000, "payable excludes VAT");
	is_int(b->pay[0].amount, 15000, "the payment is the amount payable");
	fpa_invoice_free(inv);
}

static void
test_bollo(const char *price, int64_t want, int off)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);

	fixture_line(b, "item", NULL, price, 0, "N2.2");
	b->bollo_off = off;
	ok(compute(b) == 0, "forfettario at %s", price);
	is_int(b->tot.not_vat, b->vat[0].taxable, "the whole amount is outside VAT");
	is_int(b->tot.bollo, want, "bollo at %s%s", price, off ? " (turned off)" : "");
	is_int(b->bollo_virtual, want > 0, "BolloVirtuale %s", want ? "SI" : "absent");
	is_int(b->tot.tax, 0, "no VAT");
	fpa_invoice_free(inv);
}

static void
test_ritenuta_cassa(void)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);
	struct fpa_cassa *c;

	fixture_line(b, "item", NULL, "1000.00", 2200, NULL)->ritenuta = 1;
	c = fpa_cassa_add(b);
	str_copy(c->type, "TC22", sizeof c->type);
	c->al_cassa = 400;
	c->rate = 2200;
	str_copy(b->wh[0].type, "RT01", 5);
	b->wh[0].rate = 2000;
	str_copy(b->wh[0].causale, "A", 3);
	b->nwh = 1;
	ok(compute(b) == 0, "professional with cassa 4%% and ritenuta 20%%");
	is_int(c->amount, 4000, "cassa 40.00");
	is_int(b->vat[0].taxable, 104000, "cassa joins the 22%% block: 1040.00");
	is_int(b->vat[0].tax, 22880, "VAT 228.80");
	is_int(b->wh[0].amount, 20000, "ritenuta 20%% of the fee: 200.00");
	is_int(b->tot.total, 126880, "total 1268.80");
	is_int(b->tot.payable, 106880, "payable 1068.80");
	fpa_invoice_free(inv);
}

static void
test_reverse_charge(void)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);

	fixture_line(b, "item", NULL, "5000.00", 0, "N6.7");
	ok(compute(b) == 0, "reverse charge N6.7");
	is_int(b->tot.tax, 0, "no VAT");
	is_int(b->tot.bollo, 0, "no bollo on reverse charge");
	ok(b->vat[0].esig == 'I' && b->vat[0].norm != NULL, "esigibilita I with a norm");
	fpa_invoice_free(inv);
}

/* The legal reference typed on the lines is their block's
 * RiferimentoNormativo: each once, as many as the schema's 100 characters
 * take; a block whose lines give none has the Natura's own. */
static void
test_norms(void)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);
	const char *n18 = "Esente art. 10 n. 18 DPR 633/72", *n20 = "Esente art. 10 n. 20 DPR 633/72";
	char want[256];

	fixture_line(b, "visita", NULL, "100.00", 0, "N4")->norm = xstrdup(n18);
	fixture_line(b, "corso", NULL, "50.00", 0, "N4")->norm = xstrdup(n20);
	fixture_line(b, "visita", NULL, "30.00", 0, "N4")->norm = xstrdup(n18);
	fixture_line(b, "materiale", NULL, "10.00", 0, "N2.2");
	fixture_line(b, "lungo", NULL, "10.00", 0, "N3.6")->norm = xstrdup(
		"Non imponibile art. 8 c. 1 lett. c DPR 633/72, dichiarazione d'intento n. 12345");
	fixture_line(b, "lungo", NULL, "10.00", 0, "N3.6")->norm = xstrdup(
		"Non imponibile art. 8 c. 1 lett. c DPR 633/72, dichiarazione d'intento n. 67890");
	ok(compute(b) == 0, "three blocks outside VAT");
	snprintf(want, sizeof want, "%s; %s", n18, n20);
	is_int(b->nvat, 3, "N4, N2.2, N3.6");
	is_str(b->vat[0].norm, want, "N4: the references of its lines, each once");
	is_str(b->vat[1].norm, "Operazione non soggetta ad IVA", "N2.2: none typed, the Natura's");
	is_str(b->vat[2].norm,
	       "Non imponibile art. 8 c. 1 lett. c DPR 633/72, dichiarazione d'intento n. 12345",
	       "N3.6: the first, the second would pass 100 characters");
	fpa_invoice_free(inv);
}

static void
test_errors_and_schedule(void)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);
	char err[ERR_SIZE];

	fixture_line(b, "item", NULL, "10.00", 0, NULL);
	ok(fpa_compute(b, err) < 0 && strstr(err, "Natura"), "rate 0 without Natura refused: %s", err);
	b->lines[0].rate = 2200;
	str_copy(b->lines[0].natura, "N4", 5);
	ok(fpa_compute(b, err) < 0, "a Natura with a rate refused: %s", err);
	b->lines[0].natura[0] = '\0';
	b->lines[0].price = D("81.97");
	for (int i = 0; i < 3; i++)
		fpa_payment_add(b)->automatic = 1;
	ok(compute(b) == 0, "three installments");
	is_int(b->tot.payable, 10000, "81.97 + 18.03 = 100.00");
	ok(b->pay[0].amount == 3334 && b->pay[1].amount == 3333 && b->pay[2].amount == 3333,
	   "100.00 in three: 33.34 + 33.33 + 33.33");
	fpa_invoice_free(inv);
}

int
main(void)
{
	test_block_rounding();
	test_prices_and_discounts();
	test_split_payment();
	test_bollo("77.47", 0, 0);
	test_bollo("77.48", 200, 0);
	test_bollo("500.00", 0, 1);
	test_ritenuta_cassa();
	test_reverse_charge();
	test_norms();
	test_errors_and_schedule();
	return tap_done();
}
