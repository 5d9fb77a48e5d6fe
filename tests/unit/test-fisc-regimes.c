/* fpa_compute (src/fisc/compute.c) regime by regime against figures
 * computed by hand (the arithmetic is in each case's comments): ritenuta
 * RT01/RT02, cassa previdenziale, split payment, reverse charge N6.1-N6.9,
 * forfettario RF19, negative amounts; and each case written as XML, valid
 * against the schema and clean for fpa_check. Then what is refused. */
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

static void
ritenuta(struct fpa_body *b, const char *type, int64_t rate, const char *causale)
{
	struct fpa_withholding *w = &b->wh[b->nwh++];

	str_copy(w->type, type, sizeof w->type);
	w->rate = rate;
	str_copy(w->causale, causale, sizeof w->causale);
}

static struct fpa_cassa *
cassa(struct fpa_body *b, const char *type, int64_t al, int64_t rate, const char *natura)
{
	struct fpa_cassa *c = fpa_cassa_add(b);

	str_copy(c->type, type, sizeof c->type);
	c->al_cassa = al;
	c->rate = rate;
	str_copy(c->natura, natura ? natura : "", sizeof c->natura);
	return c;
}

/* A professional (RT01 20%, causale A) with cassa TC04 4%, and an
 * anticipated expense N1 that neither the cassa nor the ritenuta touch:
 *   fee 1000.00 at 22%, Ritenuta SI;  expense 50.00 N1
 *   cassa 4% of 1000.00 (N1 is no fee)            =   40.00, at 22%
 *   22% block 1000.00 + 40.00 = 1040.00, VAT 22%  =  228.80
 *   ritenuta 20% of 1000.00 (the cassa is not flagged) = 200.00
 *   total 1040.00 + 228.80 + 50.00 = 1318.80; payable - 200.00 = 1118.80
 *   outside VAT 50.00 <= 77.47: no bollo */
static void
test_professional(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];
	struct fpa_cassa *c;

	str_copy(b->type, "TD06", sizeof b->type);
	fixture_line(b, "Progettazione", NULL, "1000.00", 2200, NULL)->ritenuta = 1;
	fixture_line(b, "Spese anticipate in nome e per conto", NULL, "50.00", 0, "N1");
	c = cassa(b, "TC04", 400, 2200, NULL);
	ritenuta(b, "RT01", 2000, "A");
	ok(compute(b) == 0, "professional: computes");
	is_int(c->base, 100000, "cassa base: the fees, 1000.00 (not the N1 expense)");
	is_int(c->amount, 4000, "cassa 4%% = 40.00");
	is_int(b->nvat, 2, "two blocks: 22%% and N1");
	is_int(b->vat[0].taxable, 104000, "22%% block 1040.00 with the cassa");
	is_int(b->vat[0].tax, 22880, "VAT 228.80");
	is_int(b->wh[0].amount, 20000, "ritenuta 20%% of the fee only: 200.00");
	is_int(b->tot.total, 131880, "total 1318.80");
	is_int(b->tot.payable, 111880, "payable 1118.80");
	is_int(b->tot.bollo, 0, "no bollo at 50.00 outside VAT");
	sdi_clean(inv, "professional");
	fpa_invoice_free(inv);
}

/* INPS gestione separata (TC22 4%) is a fee itself: Ritenuta SI on it.
 *   fee 500.00 at 22%, SI; cassa 4% = 20.00 at 22%, SI
 *   ritenuta RT02 20% of (500.00 + 20.00) = 104.00
 *   VAT 22% of 520.00 = 114.40; total 634.40; payable 530.40
 * A cassa on a given base: ImponibileCassa 300.00 at 2% = 6.00. */
static void
test_cassa_inps(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];
	struct fpa_cassa *c;

	fixture_line(b, "Consulenza", NULL, "500.00", 2200, NULL)->ritenuta = 1;
	cassa(b, "TC22", 400, 2200, NULL)->ritenuta = 1;
	ritenuta(b, "RT02", 2000, "A");
	ok(compute(b) == 0, "INPS cassa: computes");
	is_int(b->cassa[0].amount, 2000, "cassa 4%% of 500.00 = 20.00");
	is_int(b->wh[0].amount, 10400, "ritenuta 20%% of 520.00 = 104.00");
	is_int(b->vat[0].tax, 11440, "VAT 22%% of 520.00 = 114.40");
	is_int(b->tot.total, 63440, "total 634.40");
	is_int(b->tot.payable, 53040, "payable 530.40");
	sdi_clean(inv, "INPS cassa with ritenuta");

	c = &b->cassa[0];
	c->has_base = 1;
	c->base = 30000;
	c->al_cassa = 200;
	ok(compute(b) == 0, "a cassa on a given base");
	is_int(c->base, 30000, "the base given is kept");
	is_int(c->amount, 600, "2%% of 300.00 = 6.00");
	fpa_invoice_free(inv);
}

/* Split payment (PA): 22% on 333.33 = 73.3326 -> 73.33; 10% on 45.45 =
 * 4.545 -> 4.55 (half away from zero). Total 333.33 + 73.33 + 45.45 +
 * 4.55 = 456.66; payable without the VAT: 378.78. */
static void
test_split(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPA12, "RF01");
	struct fpa_body *b = &inv->bodies[0];

	fixture_line(b, "Servizio", "3.00", "111.11", 2200, NULL);
	fixture_line(b, "Pasti", NULL, "45.45", 1000, NULL);
	b->split_payment = 1;
	ok(compute(b) == 0, "split payment: computes");
	ok(b->vat[0].esig == 'S' && b->vat[1].esig == 'S', "EsigibilitaIVA S on both blocks");
	is_int(b->vat[0].tax, 7333, "22%% of 333.33 = 73.33");
	is_int(b->vat[1].tax, 455, "10%% of 45.45 = 4.545 -> 4.55");
	is_int(b->tot.total, 45666, "total 456.66");
	is_int(b->tot.payable, 37878, "payable excludes the VAT: 378.78");
	sdi_clean(inv, "split payment");
	fpa_invoice_free(inv);
}

/* Reverse charge, each sub-code: rate 0, no VAT, no bollo even on
 * 5000.00, the article of its sub-code as RiferimentoNormativo. */
static void
test_reverse_charge(void)
{
	static const struct {
		const char *natura, *article;
	} rc[] = {
		{ "N6.1", "art. 74 c.7-8" },      { "N6.2", "art. 17 c.5" },
		{ "N6.3", "art. 17 c.6 lett. a " }, { "N6.4", "art. 17 c.6 lett. a-bis" },
		{ "N6.5", "art. 17 c.6 lett. b" }, { "N6.6", "art. 17 c.6 lett. c" },
		{ "N6.7", "art. 17 c.6 lett. a-ter" }, { "N6.8", "lett. d-bis, d-ter" },
		{ "N6.9", "art. 17 DPR 633/72" },
	};

	for (size_t i = 0; i < ARRAY_LEN(rc); i++) {
		struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
		struct fpa_body *b = &inv->bodies[0];
		char name[32];

		snprintf(name, sizeof name, "reverse charge %s", rc[i].natura);
		fixture_line(b, "Cessione", NULL, "5000.00", 0, rc[i].natura);
		ok(compute(b) == 0, "%s: computes", name);
		is_int(b->tot.tax, 0, "%s: no VAT", name);
		is_int(b->tot.bollo, 0, "%s: no bollo on 5000.00 of reverse charge", name);
		ok(b->vat[0].norm && strstr(b->vat[0].norm, "Inversione contabile") &&
			   strstr(b->vat[0].norm, rc[i].article),
		   "%s: RiferimentoNormativo '%s' names %s", name, b->vat[0].norm ? b->vat[0].norm : "",
		   rc[i].article);
		is_int(b->tot.payable, 500000, "%s: payable 5000.00", name);
		if (i == 2)
			sdi_clean(inv, name);
		fpa_invoice_free(inv);
	}
}

/* Forfettario RF19: a fee 100.00 N2.2 and the INPS rivalsa 4% = 4.00 N2.2
 * (the cassa at rate 0 with its Natura): 104.00 outside VAT > 77.47, so
 * the bollo is due; charged to the customer, it is a line of 2.00 N1.
 * Total 104.00 + 2.00 = 106.00, payable the same (no ritenuta). */
static void
test_forfettario(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF19");
	struct fpa_body *b = &inv->bodies[0];
	char err[ERR_SIZE] = "";

	b->forfettario = 1;
	b->bollo_charged = 1;
	fixture_line(b, "Consulenza", NULL, "100.00", 0, "N2.2");
	cassa(b, "TC22", 400, 0, "N2.2");
	ok(compute(b) == 0, "forfettario: computes");
	is_int(b->tot.tax, 0, "no VAT");
	is_int(b->tot.not_vat, 10400, "104.00 outside VAT (the rivalsa not counted)");
	is_int(b->tot.bollo, 200, "bollo 2.00");
	is_int(b->nlines, 2, "the rivalsa is a line of its own");
	is_int(b->tot.total, 10600, "total 106.00");
	is_int(b->tot.payable, 10600, "payable 106.00");
	is_str(b->vat[0].norm, FPA_FORFETTARIO_NORM, "N2.2 block: the forfettario's norm");
	sdi_clean(inv, "forfettario");

	ritenuta(b, "RT01", 2000, "A");
	b->lines[0].ritenuta = 1;
	ok(fpa_compute(b, err) < 0 && strstr(err, "c. 67 L. 190/2014"),
	   "forfettario with a ritenuta d'acconto refused: %s", err);
	b->nwh = 0;
	b->lines[0].ritenuta = 0;
	b->lines[0].rate = 2200;
	b->lines[0].natura[0] = '\0';
	ok(fpa_compute(b, err) < 0 && strstr(err, "forfettario"),
	   "forfettario with VAT refused: %s", err);
	b->lines[0].rate = 0;
	str_copy(b->lines[0].natura, "N2.2", sizeof b->lines[0].natura);
	b->split_payment = 1;
	ok(fpa_compute(b, err) < 0 && strstr(err, "forfettario"),
	   "forfettario with split payment refused: %s", err);
	fpa_invoice_free(inv);

	/* Not a forfettario: N2.2 carries no forfettario sentence. */
	inv = fixture_invoice(FPA_FPR12, "RF01");
	b = &inv->bodies[0];
	fixture_line(b, "Operazione non soggetta", NULL, "10.00", 0, "N2.2");
	ok(compute(b) == 0 && b->vat[0].norm && !strstr(b->vat[0].norm, "190/2014"),
	   "N2.2 of an ordinary seller: '%s'", b->vat[0].norm ? b->vat[0].norm : "");
	fpa_invoice_free(inv);
}

/* Negative amounts (a credit note written with minus signs) round half
 * away from zero:
 *   -0.25 at 10%: VAT -0.025 -> -0.03 (half up would give -0.02)
 *   3 x -0.10 at 22%: block -0.30, VAT -0.066 -> -0.07 once per block
 *   -100.00 N4: outside VAT |-100.00| > 77.47: bollo +2.00 (never negative)
 *   total -0.25 - 0.03 - 0.30 - 0.07 - 100.00 = -100.65 */
static void
test_negative(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];

	str_copy(b->type, "TD04", sizeof b->type);
	fixture_line(b, "Storno", NULL, "-0.25", 1000, NULL);
	for (int i = 0; i < 3; i++)
		fixture_line(b, "Storno", NULL, "-0.10", 2200, NULL);
	fixture_line(b, "Storno esente", NULL, "-100.00", 0, "N4");
	b->bollo_charged = 1;
	ok(compute(b) == 0, "negative amounts: computes");
	is_int(b->vat[0].tax, -3, "10%% of -0.25 = -0.025 -> -0.03");
	is_int(b->vat[1].taxable, -30, "22%% block -0.30");
	is_int(b->vat[1].tax, -7, "22%% of -0.30 = -0.066 -> -0.07");
	is_int(b->tot.bollo, 200, "bollo 2.00 on |-100.00|");
	is_int(b->nlines, 5, "a credit note charges no bollo: no rivalsa line");
	is_int(b->tot.total, -10065, "total -100.65");
	sdi_clean(inv, "negative credit note");
	fpa_invoice_free(inv);
}

static void
expect_refused(struct fpa_body *b, const char *what, const char *needle)
{
	char err[ERR_SIZE] = "";

	ok(fpa_compute(b, err) < 0 && strstr(err, needle) != NULL, "%s refused: %s", what, err);
}

static void
test_refusals(void)
{
	struct fpa_invoice *inv = fixture_invoice(FPA_FPR12, "RF01");
	struct fpa_body *b = &inv->bodies[0];

	fixture_line(b, "Fee", NULL, "100.00", 2200, NULL)->ritenuta = 1;
	expect_refused(b, "lines subject to ritenuta without one", "ritenuta");
	ritenuta(b, "RT09", 2000, "A");
	expect_refused(b, "TipoRitenuta RT09", "RT09");
	str_copy(b->wh[0].type, "RT01", 5);
	str_copy(b->wh[0].causale, "Z", 3);
	expect_refused(b, "CausalePagamento Z since 2021", "ZO");
	str_copy(b->wh[0].causale, "K", 3);
	expect_refused(b, "CausalePagamento K", "'K'");
	str_copy(b->wh[0].causale, "A", 3);
	b->wh[0].rate = 0;
	expect_refused(b, "a ritenuta at 0%", "rate");
	b->wh[0].rate = 2000;
	b->lines[0].ritenuta = 0;
	expect_refused(b, "a ritenuta with no line subject to it", "subject to it");
	b->lines[0].ritenuta = 1;
	ok(compute(b) == 0, "the same, right, computes");
	cassa(b, "TC23", 400, 2200, NULL);
	expect_refused(b, "TipoCassa TC23", "TC23");
	str_copy(b->cassa[0].type, "TC01", 5);
	b->cassa[0].rate = 0;
	expect_refused(b, "a cassa at rate 0 without Natura", "Natura");
	b->ncassa = 0;
	fixture_line(b, "Subappalto", NULL, "10.00", 0, "N6.3");
	b->split_payment = 1;
	expect_refused(b, "split payment with reverse charge", "N6.3");
	b->nlines = 1;
	free(b->lines[1].descr);
	b->deferred = 1;
	expect_refused(b, "split payment with deferred VAT", "deferred");
	fpa_invoice_free(inv);
}

int
main(void)
{
	sdi_init();
	test_professional();
	test_cassa_inps();
	test_split();
	test_reverse_charge();
	test_forfettario();
	test_negative();
	test_refusals();
	sdi_done();
	return tap_done();
}
