/* The arithmetic by the SdI rules, in integers: line totals, the document
 * discount and the bollo's rivalsa as lines of their own, the cassa, the VAT
 * summary per (rate, Natura), the ritenute, the bollo, the rounding of the
 * total, what is payable and the automatic payments. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fisc/compute-impl.h"
#include "fisc/doc-rules.h"
#include "fisc/invoice.h"
#include "util/i18n.h"
#include "util/util.h"

static struct dec
rate_dec(int64_t rate)
{
	struct dec d = { rate, 2 };

	return d;
}

/* amount x rate / 100, rounded half away from zero to the cent. */
int
fpa_pct_of_cents(int64_t cents, int64_t rate, int64_t *out)
{
	struct dec r;

	if (dec_pct(dec_from_cents(cents), rate_dec(rate), 2, &r) < 0)
		return -1;
	*out = r.v;
	return 0;
}

int
fpa_add_cents(int64_t *sum, int64_t x)
{
	return __builtin_add_overflow(*sum, x, sum) ? -1 : 0;
}

int
fpa_line_expected(const struct fpa_line *l, struct dec *out)
{
	struct dec p = l->price, one = { 1, 0 };

	for (int i = 0; i < l->ndisc; i++)
		if (fpa_discount_apply(&l->disc[i], p, FPA_PRICE_SCALE, &p) < 0)
			return -1;
	return dec_mul(l->has_qty ? l->qty : one, p, FPA_PRICE_SCALE, out);
}

int
fpa_discount_apply(const struct fpa_discount *s, struct dec base, int scale, struct dec *out)
{
	struct dec d, pct = s->pct;

	/* Importo and Percentuale are sizes whatever their sign: Tipo gives
	 * the direction (a percentage follows the sign of what it is of). */
	if (s->has_amount) {
		d = s->amount;
		if (d.v < 0)
			d.v = -d.v;
	} else if (s->has_pct) {
		if (pct.v < 0)
			pct.v = -pct.v;
		if (dec_pct(base, pct, scale, &d) < 0)
			return -1;
	} else {
		*out = base;
		return 0;
	}
	return strcmp(s->kind, "MG") == 0 ? dec_add(base, d, out) : dec_sub(base, d, out);
}

/* ---- lines ---- */

static int
compute_lines(struct fpa_body *b, char *err)
{
	struct dec t;
	int64_t sum = 0;

	for (size_t i = 0; i < b->nlines; i++) {
		struct fpa_line *l = &b->lines[i];

		if (l->rate == 0 && l->natura[0] == '\0')
			return err_set(err, _("line %d: VAT rate 0 needs a Natura (N1 ... N7)"),
				       l->number);
		if (l->rate != 0 && l->natura[0] != '\0')
			return err_set(err, _("line %d: a Natura goes with VAT rate 0 only"),
				       l->number);
		if (b->forfettario && l->rate != 0)
			return err_set(err, _("line %d: a forfettario charges no VAT (Natura N2.2)"),
				       l->number);
		if (b->split_payment && fpa_natura_reverse(l->natura))
			return err_set(err, _("line %d: split payment does not go with reverse charge "
					      "(Natura %s)"), l->number, l->natura);
		if (fpa_line_expected(l, &t) < 0 || dec_round(t, 2, &l->total) < 0 ||
		    fpa_add_cents(&sum, l->total.v) < 0)
			return err_set(err, _("line %d: the amounts are too large"), l->number);
	}
	return 0;
}

/* ---- cassa, summary, ritenute ---- */

/* The summary block for (rate, natura), added at the end when new. */
static struct fpa_vat *
vat_block(struct fpa_body *b, int64_t rate, const char *natura)
{
	struct fpa_vat *v;

	for (size_t i = 0; i < b->nvat; i++)
		if (b->vat[i].rate == rate && strcmp(b->vat[i].natura, natura) == 0)
			return &b->vat[i];
	v = fpa_vat_add(b);
	v->rate = rate;
	str_copy(v->natura, natura, sizeof v->natura);
	return v;
}

static int
compute_cassa(struct fpa_body *b, char *err)
{
	int64_t base = 0;

	for (size_t i = 0; i < b->nlines; i++)
		if (strcmp(b->lines[i].natura, "N1") != 0)
			base += b->lines[i].total.v;
	for (size_t i = 0; i < b->ncassa; i++) {
		struct fpa_cassa *c = &b->cassa[i];

		if (!c->has_base) {
			c->base = base;
			c->has_base = 1;
		}
		if (fpa_pct_of_cents(c->base, c->al_cassa, &c->amount) < 0 ||
		    fpa_add_cents(&b->tot.cassa, c->amount) < 0)
			return err_set(err, _("cassa %zu: the amounts are too large"), i + 1);
	}
	return 0;
}

/* Whether list ("a; b") holds norm as one of its items. */
static int
norm_listed(const char *list, const char *norm)
{
	size_t n = strlen(norm);

	for (const char *p = list; (p = strstr(p, norm)) != NULL; p++)
		if ((p == list || (p >= list + 2 && p[-2] == ';' && p[-1] == ' ')) &&
		    (p[n] == '\0' || p[n] == ';'))
			return 1;
	return 0;
}

static void
free_vat(struct fpa_body *b)
{
	for (size_t i = 0; i < b->nvat; i++)
		free(b->vat[i].norm);
	free(b->vat);
	b->vat = NULL;
	b->nvat = 0;
}

/* A block's RiferimentoNormativo: the references its lines give (each
 * once, "; " between them, as many as fit the schema's 100 characters),
 * else the one the regime or the Natura implies. */
static char *
block_norm(const struct fpa_body *b, int64_t rate, const char *natura)
{
	char given[FPA_NORM_MAX + 1] = "";

	for (size_t i = 0; i < b->nlines; i++) {
		const struct fpa_line *l = &b->lines[i];
		size_t have = strlen(given), add;

		if (l->norm == NULL || l->norm[0] == '\0' || l->rate != rate ||
		    strcmp(l->natura, natura) != 0 || norm_listed(given, l->norm))
			continue;
		add = strlen(l->norm) + (have ? 2 : 0);
		if (have + add <= FPA_NORM_MAX)
			snprintf(given + have, sizeof given - have, "%s%s", have ? "; " : "",
				 l->norm);
	}
	if (given[0] != '\0')
		return xstrdup(given);
	if (b->forfettario && strcmp(natura, "N2.2") == 0)
		return xstrdup(FPA_FORFETTARIO_NORM);
	return fpa_natura_norm(natura) ? xstrdup(fpa_natura_norm(natura)) : NULL;
}

/* The summary from the lines and the cassa: ImponibileImporto, Imposta
 * rounded once per block, EsigibilitaIVA, the norm; the part not subject
 * to VAT that counts for the bollo (the bollo's own rivalsa does not). */
static int
compute_summary(struct fpa_body *b, char *err)
{
	free_vat(b);
	b->tot.taxable = b->tot.tax = b->tot.not_vat = 0;
	for (size_t i = 0; i < b->nlines; i++) {
		const struct fpa_line *l = &b->lines[i];

		if (fpa_add_cents(&vat_block(b, l->rate, l->natura)->taxable, l->total.v) < 0)
			return err_set(err, _("line %d: the amounts are too large"), l->number);
		if (l->natura[0] && fpa_natura_bollo(l->natura) && l->role != FPA_LINE_BOLLO)
			b->tot.not_vat += l->total.v;
	}
	for (size_t i = 0; i < b->ncassa; i++) {
		const struct fpa_cassa *c = &b->cassa[i];

		if (fpa_add_cents(&vat_block(b, c->rate, c->natura)->taxable, c->amount) < 0)
			return err_set(err, _("cassa %zu: the amounts are too large"), i + 1);
		if (c->natura[0] && fpa_natura_bollo(c->natura))
			b->tot.not_vat += c->amount;
	}
	for (size_t i = 0; i < b->nvat; i++) {
		struct fpa_vat *v = &b->vat[i];

		if (fpa_pct_of_cents(v->taxable, v->rate, &v->tax) < 0)
			return err_set(err, _("the amounts are too large"));
		v->esig = 'I';
		if (v->rate > 0 && b->split_payment)
			v->esig = 'S';
		else if (v->rate > 0 && b->deferred)
			v->esig = 'D';
		if (v->natura[0])
			v->norm = block_norm(b, v->rate, v->natura);
		if (fpa_add_cents(&b->tot.taxable, v->taxable) < 0 || fpa_add_cents(&b->tot.tax, v->tax) < 0)
			return err_set(err, _("the amounts are too large"));
	}
	return 0;
}

static int
compute_withholding(struct fpa_body *b, char *err)
{
	int64_t base = 0;
	int flagged = 0;

	for (size_t i = 0; i < b->nlines; i++)
		if (b->lines[i].ritenuta) {
			base += b->lines[i].total.v;
			flagged = 1;
		}
	for (size_t i = 0; i < b->ncassa; i++)
		if (b->cassa[i].ritenuta) {
			base += b->cassa[i].amount;
			flagged = 1;
		}
	if (flagged && b->nwh == 0)
		return err_set(err, _("lines are subject to ritenuta but the document has none"));
	if (!flagged && b->nwh > 0)
		return err_set(err, _("a ritenuta needs the lines subject to it (Ritenuta on the "
				      "line)"));
	b->tot.withholding = 0;
	for (int i = 0; i < b->nwh; i++) {
		if (fpa_pct_of_cents(base, b->wh[i].rate, &b->wh[i].amount) < 0)
			return err_set(err, _("the ritenuta is too large"));
		b->tot.withholding += b->wh[i].amount;
	}
	return 0;
}

/* ---- bollo, rounding, payments ---- */

/* The bollo on the amounts outside VAT; when charged, its line (not on a
 * credit note). Returns 1 when the line was added (the summary is to be
 * made again), else 0. */
static int
compute_bollo(struct fpa_body *b)
{
	b->tot.bollo = !b->bollo_off && fpa_abs64(b->tot.not_vat) > FPA_BOLLO_THRESHOLD ? FPA_BOLLO_AMOUNT
										   : 0;
	b->bollo_virtual = b->tot.bollo > 0;
	b->bollo = b->tot.bollo;
	if (b->tot.bollo == 0 || !b->bollo_charged || strcmp(b->type, "TD04") == 0)
		return 0;
	fpa_made_line(b, FPA_LINE_BOLLO, FPA_BOLLO_LINE_DESCR, FPA_BOLLO_AMOUNT, 0, "N1", 0);
	return 1;
}

/* The rounding that takes total to the nearest multiple of step, halves
 * away from zero. */
static int64_t
rounding_to(int64_t total, int step)
{
	int64_t r = fpa_abs64(total) % step, up = 2 * r >= step ? step - r : -r;

	return total < 0 ? -up : up;
}

/* Automatic payments share what remains after the fixed ones; the first
 * takes the odd cents. */
static void
compute_payments(struct fpa_body *b)
{
	int64_t rest = b->tot.payable, n = 0, share;

	for (size_t i = 0; i < b->npay; i++) {
		if (b->pay[i].automatic)
			n++;
		else
			rest -= b->pay[i].amount;
	}
	if (n == 0)
		return;
	share = rest / n;
	for (size_t i = 0, first = 1; i < b->npay; i++) {
		if (!b->pay[i].automatic)
			continue;
		b->pay[i].amount = share + (first ? rest - share * n : 0);
		first = 0;
	}
}

int
fpa_compute(struct fpa_body *b, char *err)
{
	int64_t split_tax = 0, raw;

	memset(&b->tot, 0, sizeof b->tot);
	fpa_drop_made_lines(b);
	free_vat(b);
	if (fpa_compute_check_options(b, err) < 0 || compute_lines(b, err) < 0 ||
	    fpa_add_doc_discount(b, err) < 0 || compute_cassa(b, err) < 0 ||
	    compute_summary(b, err) < 0 || compute_withholding(b, err) < 0)
		return -1;
	if (compute_bollo(b) && compute_summary(b, err) < 0)
		return -1;
	split_tax = fpa_split_tax(b);
	raw = b->tot.taxable + b->tot.tax;
	if (b->round_step > 0) {
		b->doc_rounding = rounding_to(raw, b->round_step);
		b->has_doc_rounding = b->doc_rounding != 0;
	}
	if (!b->has_doc_rounding)
		b->doc_rounding = 0;
	b->tot.total = raw + b->doc_rounding;
	b->doc_total = b->tot.total;
	b->has_doc_total = 1;
	b->tot.payable = b->tot.total - b->tot.withholding - split_tax;
	compute_payments(b);
	fpa_notes_apply(b);
	return 0;
}
