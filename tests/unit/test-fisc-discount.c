/* Discounts as people type them and as the book keeps them
 * (src/fisc/discount.c): each form of the typed text, the short way back,
 * the canonical "SC 10.00%; MG 1.50" both ways (as the book's
 * document_lines.discounts and the bridge write it), the refusals with
 * what is wrong, and a typed cascade through fpa_compute. */
#include "config.h"

#include <string.h>

#include "fisc/doc-rules.h"
#include "fisc-fixtures.h"
#include "tap.h"
#include "util/util.h"

static struct fpa_discount d[FPA_MAX_DISCOUNTS];
static int nd;

/* Parses text and gives back its short and canonical forms. */
static void
typed(const char *text, const char *want_short, const char *want_canon)
{
	char err[ERR_SIZE] = "", s[FPA_DISCOUNT_TEXT], c[FPA_DISCOUNT_TEXT];

	nd = -1;
	ok(fpa_discounts_parse(text, d, FPA_MAX_DISCOUNTS, &nd, err) == 0, "'%s' parses %s", text,
	   err);
	is_str(fpa_discounts_short(d, nd, s, sizeof s), want_short, "'%s' back the short way",
	       text);
	is_str(fpa_discounts_canon(d, nd, c, sizeof c), want_canon, "'%s' as the book keeps it",
	       text);
}

static void
refused(const char *text, const char *needle)
{
	char err[ERR_SIZE] = "";

	ok(fpa_discounts_parse(text, d, FPA_MAX_DISCOUNTS, &nd, err) < 0 && strstr(err, needle),
	   "'%s' refused: %s", text, err);
}

static void
test_typed(void)
{
	typed("10+5", "10+5", "SC 10.00%; SC 5.00%");
	typed("10%+5%", "10+5", "SC 10.00%; SC 5.00%");
	typed(" 10 % + 5 ", "10+5", "SC 10.00%; SC 5.00%");
	typed("10,5+3", "10,5+3", "SC 10.50%; SC 3.00%");
	typed("10.5", "10,5", "SC 10.50%");
	typed("3,50€", "€3,50", "SC 3.50");
	typed("€3.50", "€3,50", "SC 3.50");
	typed("EUR 0,12345678", "€0,12345678", "SC 0.12345678");
	typed("3.5 eur", "€3,50", "SC 3.50");
	typed("M5", "M5", "MG 5.00%");
	typed("10+m€2", "10+M€2,00", "SC 10.00%; MG 2.00");
	typed("100", "100", "SC 100.00%");
	typed("", "", "");
	typed("   ", "", "");
	is_int(nd, 0, "blank is no discount");
}

static void
test_refused(void)
{
	refused("10++5", "discount 2 is empty");
	refused("10+", "discount 2 is empty");
	refused("+5", "discount 1 is empty");
	refused("1x", "'x' is not part of a number");
	refused("10,555", "at most 2 decimals");
	refused("€0,123456789", "at most 8 decimals");
	refused("1.000,50€", "thousands");
	refused("0", "above 0");
	refused("100,01", "at most 100");
	refused("-5", "'-'");
	refused("5%€", "not both");
	refused("€0", "zero");
	refused("M", "no number");
	refused(",5", "each side");
	refused("1+2+3+4+5+6+7+8+9", "at most 8");
}

/* The canonical text as the bridge writes it, and back to the same. */
static void
test_canon(void)
{
	char err[ERR_SIZE] = "", c[FPA_DISCOUNT_TEXT];

	ok(fpa_discounts_from_canon("SC 10.00%; MG 1.50", d, FPA_MAX_DISCOUNTS, &nd, err) == 0,
	   "canonical text reads %s", err);
	ok(nd == 2 && strcmp(d[0].kind, "SC") == 0 && d[0].has_pct && d[0].pct.v == 1000 &&
		   strcmp(d[1].kind, "MG") == 0 && d[1].has_amount && !d[1].has_pct,
	   "SC 10%% then MG 1.50 a unit");
	is_str(fpa_discounts_canon(d, nd, c, sizeof c), "SC 10.00%; MG 1.50", "and writes the same");
	ok(fpa_discounts_from_canon("SC 0.12345678;MG 2.00%", d, FPA_MAX_DISCOUNTS, &nd, err) == 0 &&
		   nd == 2,
	   "no space after ';' tolerated %s", err);
	ok(fpa_discounts_from_canon("", d, FPA_MAX_DISCOUNTS, &nd, err) == 0 && nd == 0,
	   "empty: none");
	ok(fpa_discounts_from_canon("10%", d, FPA_MAX_DISCOUNTS, &nd, err) < 0 && strstr(err, "SC"),
	   "'10%%' is not canonical: %s", err);
	ok(fpa_discounts_from_canon("SC x%", d, FPA_MAX_DISCOUNTS, &nd, err) < 0,
	   "'SC x%%' refused: %s", err);

	/* As a file from elsewhere has them: an SC of Importo -2.00 (Tipo is
	 * the direction, the sign nothing), a block with both Percentuale and
	 * Importo (the line's arithmetic uses Importo). */
	memset(d, 0, sizeof d);
	str_copy(d[0].kind, "SC", sizeof d[0].kind);
	d[0].has_amount = 1;
	d[0].amount = (struct dec){ -200, 2 };
	str_copy(d[1].kind, "MG", sizeof d[1].kind);
	d[1].has_pct = d[1].has_amount = 1;
	d[1].pct = (struct dec){ 1000, 2 };
	d[1].amount = (struct dec){ 300, 2 };
	is_str(fpa_discounts_canon(d, 2, c, sizeof c), "SC 2.00; MG 3.00",
	       "a negative Importo kept by its size, Importo before Percentuale");
	is_str(fpa_discounts_short(d, 2, c, sizeof c), "\xe2\x82\xac" "2,00+M\xe2\x82\xac" "3,00",
	       "and so the short way");
}

/* Typed "10+5" on 200.00 x 2 at 22%: 200 - 10% = 180, - 5% = 171.00 a
 * unit, 342.00 the line (not 200 x 85% = 170.00). "M10+€1" on 10.00: 11.00
 * then 10.00 a unit. */
static void
test_compute(void)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);
	struct fpa_line *l = fixture_line(b, "Articolo", "2", "200.00", 2200, NULL), *m;
	char err[ERR_SIZE] = "";

	ok(fpa_discounts_parse("10+5", l->disc, FPA_MAX_DISCOUNTS, &l->ndisc, err) == 0,
	   "typed into the line %s", err);
	m = fixture_line(b, "Articolo", NULL, "10.00", 2200, NULL);
	ok(fpa_discounts_parse("M10+€1", m->disc, FPA_MAX_DISCOUNTS, &m->ndisc, err) == 0,
	   "a maggiorazione then an amount %s", err);
	ok(fpa_compute(b, err) == 0, "computes %s", err);
	ok(dec_cmp(b->lines[0].total, D("342.00")) == 0, "10+5 in cascade: 2 x 171.00 = 342.00");
	ok(dec_cmp(b->lines[1].total, D("10.00")) == 0, "M10+€1: 10.00 + 10%% - 1.00 = 10.00");
	fpa_invoice_free(inv);
}

int
main(void)
{
	test_typed();
	test_refused();
	test_canon();
	test_compute();
	return tap_done();
}
