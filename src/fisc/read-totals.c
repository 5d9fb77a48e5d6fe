/* The totals of a document read from a file, whose own figures are kept:
 * what its summary makes, whether the ImportoTotaleDocumento it declares
 * agrees with that (other programs add the bollo or not, write the
 * document's discount in DatiGeneraliDocumento as well as in the lines or
 * not), and what is payable: its payments when it has them, rather than
 * the ritenuta taken off a total that may be net of it already. */
#include "config.h"

#include <string.h>

#include "fisc/compute-impl.h"
#include "fisc/invoice.h"
#include "util/util.h"

/* Sums of a file's amounts, which may be past any invoice's: wrapped, never
 * undefined (a hostile file gets figures that mean nothing, not a crash). */
static int64_t
plus(int64_t a, int64_t b)
{
	int64_t r;

	(void)__builtin_add_overflow(a, b, &r);
	return r;
}

static int64_t
minus(int64_t a, int64_t b)
{
	int64_t r;

	(void)__builtin_sub_overflow(a, b, &r);
	return r;
}

int64_t
fpa_split_tax(const struct fpa_body *b)
{
	int64_t tax = 0;

	for (size_t i = 0; i < b->nvat; i++)
		if (b->vat[i].esig == 'S' && fpa_add_cents(&tax, b->vat[i].tax) < 0)
			return 0;
	return tax;
}

/* The bollo is charged as a line: one the core made, or a line of Natura
 * N1 (outside VAT, art. 15) of the bollo's amount. */
static int
bollo_is_line(const struct fpa_body *b)
{
	struct dec bollo = dec_from_cents(b->bollo);

	for (size_t i = 0; i < b->nlines; i++) {
		const struct fpa_line *l = &b->lines[i];

		if (fpa_line_role(l) == FPA_LINE_BOLLO ||
		    (strcmp(l->natura, "N1") == 0 && dec_cmp(l->total, bollo) == 0))
			return 1;
	}
	return 0;
}

/* base with the document's discounts in cascade, to the cent. */
static int
discounted(const struct fpa_body *b, int64_t base, int64_t *out)
{
	struct dec d = dec_from_cents(base), r;

	for (int i = 0; i < b->ndoc_disc; i++)
		if (fpa_discount_apply(&b->doc_disc[i], d, 2, &d) < 0)
			return -1;
	if (dec_round(d, 2, &r) < 0 || dec_to_cents(r, out) < 0)
		return -1;
	return 0;
}

int
fpa_summary_total(const struct fpa_body *b, int64_t *expected)
{
	int64_t base = 0, net, bollo = 0, with[4];

	for (size_t i = 0; i < b->nvat; i++)
		if (fpa_add_cents(&base, b->vat[i].taxable) < 0 ||
		    fpa_add_cents(&base, b->vat[i].tax) < 0)
			goto unknown;
	if (b->bollo_virtual && b->bollo > 0 && !bollo_is_line(b))
		bollo = b->bollo;
	if (discounted(b, base, &net) < 0)
		goto unknown;
	with[0] = plus(net, bollo);
	with[1] = net;
	with[2] = plus(base, bollo);
	with[3] = base;
	for (size_t i = 0; i < ARRAY_LEN(with); i++)
		if (b->has_doc_rounding && fpa_add_cents(&with[i], b->doc_rounding) < 0)
			goto unknown;
	*expected = with[0];
	if (!b->has_doc_total)
		return 1;
	for (size_t i = 0; i < ARRAY_LEN(with); i++)
		if (b->doc_total == with[i])
			return 1;
	return 0;
unknown: /* amounts past any invoice's: no judgement */
	*expected = b->has_doc_total ? b->doc_total : 0;
	return 1;
}

void
fpa_totals_from_summary(struct fpa_body *b)
{
	int64_t split_tax = fpa_split_tax(b), expected, paid = 0;
	int agrees = fpa_summary_total(b, &expected);

	memset(&b->tot, 0, sizeof b->tot);
	for (size_t i = 0; i < b->nvat; i++) {
		const struct fpa_vat *v = &b->vat[i];

		b->tot.taxable = plus(b->tot.taxable, v->taxable);
		b->tot.tax = plus(b->tot.tax, v->tax);
		if (v->natura[0] && fpa_natura_bollo(v->natura))
			b->tot.not_vat = plus(b->tot.not_vat, v->taxable);
	}
	for (int i = 0; i < b->nwh; i++)
		b->tot.withholding = plus(b->tot.withholding, b->wh[i].amount);
	for (size_t i = 0; i < b->ncassa; i++)
		b->tot.cassa = plus(b->tot.cassa, b->cassa[i].amount);
	b->tot.bollo = b->bollo_virtual ? b->bollo : 0;
	b->tot.total = b->has_doc_total ? b->doc_total : expected;
	for (size_t i = 0; i < b->npay; i++)
		paid = plus(paid, b->pay[i].amount);
	if (b->npay > 0)
		b->tot.payable = paid;
	else
		b->tot.payable = minus(minus(agrees ? b->tot.total : expected, b->tot.withholding),
				       split_tax);
}
