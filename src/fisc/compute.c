/* The arithmetic by the SdI rules, in integers: line totals, the document
 * discount and the bollo's rivalsa as lines of their own, the cassa, the VAT
 * summary per (rate, Natura), the ritenute, the bollo, the rounding of the
 * total, what is payable and the automatic payments. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
static int
pct_of_cents(int64_t cents, int64_t rate, int64_t *out)
{
	struct dec r;

	if (dec_pct(dec_from_cents(cents), rate_dec(rate), 2, &r) < 0)
		return -1;
	*out = r.v;
	return 0;
}

int
fpa_line_expected(const struct fpa_line *l, struct dec *out)
{
	struct dec p = l->price, d, one = { 1, 0 };

	for (int i = 0; i < l->ndisc; i++) {
		const struct fpa_discount *s = &l->disc[i];
		int up = strcmp(s->kind, "MG") == 0;

		if (s->has_amount)
			d = s->amount;
		else if (s->has_pct) {
			if (dec_pct(p, s->pct, FPA_PRICE_SCALE, &d) < 0)
				return -1;
		} else
			continue;
		if ((up ? dec_add(p, d, &p) : dec_sub(p, d, &p)) < 0)
			return -1;
	}
	return dec_mul(l->has_qty ? l->qty : one, p, FPA_PRICE_SCALE, out);
}

enum fpa_line_role
fpa_line_role(const struct fpa_line *l)
{
	struct dec two = { FPA_BOLLO_AMOUNT, 2 };

	if (l->role != FPA_LINE_USER)
		return l->role;
	if (strcmp(l->natura, "N1") == 0 && l->descr && strcmp(l->descr, FPA_BOLLO_LINE_DESCR) == 0 &&
	    dec_cmp(l->price, two) == 0)
		return FPA_LINE_BOLLO;
	if (strcmp(l->kind, "SC") == 0 && l->descr && str_starts(l->descr, FPA_DISCOUNT_LINE_DESCR))
		return FPA_LINE_DISCOUNT;
	return FPA_LINE_USER;
}

static int
add_cents(int64_t *sum, int64_t x)
{
	return __builtin_add_overflow(*sum, x, sum) ? -1 : 0;
}

static int64_t
abs64(int64_t x)
{
	return x < 0 ? -x : x;
}

/* ---- the lines fpa_compute makes ---- */

/* Removes the lines made by an earlier computation (or copied with a body
 * that had them), so that computing again makes them afresh. */
static void
drop_made_lines(struct fpa_body *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->nlines; i++) {
		if (fpa_line_role(&b->lines[i]) != FPA_LINE_USER) {
			free(b->lines[i].descr);
			continue;
		}
		b->lines[n++] = b->lines[i];
	}
	b->nlines = n;
}

static struct fpa_line *
made_line(struct fpa_body *b, enum fpa_line_role role, const char *descr, int64_t cents,
	  int64_t rate, const char *natura, int ritenuta)
{
	int number = 0;
	struct fpa_line *l;

	for (size_t i = 0; i < b->nlines; i++)
		if (b->lines[i].number > number)
			number = b->lines[i].number;
	l = fpa_line_add(b);
	l->number = number + 1;
	l->role = role;
	l->descr = xstrdup(descr);
	l->price = dec_from_cents(cents);
	l->total = l->price;
	l->rate = rate;
	str_copy(l->natura, natura, sizeof l->natura);
	l->ritenuta = ritenuta;
	if (role == FPA_LINE_DISCOUNT)
		str_copy(l->kind, "SC", sizeof l->kind);
	return l;
}

/* ---- what the options allow ---- */

static int
check_withholdings(const struct fpa_body *b, char *err)
{
	for (int i = 0; i < b->nwh; i++) {
		const struct fpa_withholding *w = &b->wh[i];

		if (fpa_withholding_type_name(w->type) == NULL)
			return err_set(err, _("ritenuta %d: '%s' is not a TipoRitenuta (RT01 ... RT06)"),
				       i + 1, w->type);
		if (fpa_causale_name(w->causale) == NULL || strcmp(w->causale, "Z") == 0)
			return err_set(err, _("ritenuta %d: '%s' is not a CausalePagamento of the CU "
					      "model (A, B ... ZO; Z is no longer valid since 2021)"),
				       i + 1, w->causale);
		if (w->rate <= 0 || w->rate > 10000)
			return err_set(err, _("ritenuta %d: the rate must be above 0 and at most 100%%"),
				       i + 1);
		if (b->forfettario && (strcmp(w->type, "RT01") == 0 || strcmp(w->type, "RT02") == 0))
			return err_set(err, _("a forfettario's fees bear no ritenuta d'acconto (art. 1 "
					      "c. 67 L. 190/2014)"));
	}
	return 0;
}

static int
check_cassa(const struct fpa_body *b, char *err)
{
	for (size_t i = 0; i < b->ncassa; i++) {
		const struct fpa_cassa *c = &b->cassa[i];

		if (fpa_cassa_type_name(c->type) == NULL)
			return err_set(err, _("cassa %zu: '%s' is not a TipoCassa (TC01 ... TC22)"), i + 1,
				       c->type);
		if (c->al_cassa <= 0 || c->al_cassa > 10000)
			return err_set(err, _("cassa %zu: the rate must be above 0 and at most 100%%"),
				       i + 1);
		if (c->rate == 0 && c->natura[0] == '\0')
			return err_set(err, _("cassa %zu: VAT rate 0 needs a Natura (N1 ... N7)"), i + 1);
		if (c->rate != 0 && c->natura[0] != '\0')
			return err_set(err, _("cassa %zu: a Natura goes with VAT rate 0 only"), i + 1);
		if (b->forfettario && c->rate != 0)
			return err_set(err, _("cassa %zu: a forfettario charges no VAT (Natura N2.2)"),
				       i + 1);
		if (b->split_payment && fpa_natura_reverse(c->natura))
			return err_set(err, _("cassa %zu: split payment does not go with reverse charge "
					      "(Natura %s)"), i + 1, c->natura);
	}
	return 0;
}

static int
check_options(const struct fpa_body *b, char *err)
{
	struct dec hundred = { 10000, 2 }, pct;

	if (b->split_payment && b->deferred)
		return err_set(err, _("split payment and deferred VAT do not go together"));
	if (b->forfettario && b->split_payment)
		return err_set(err, _("a forfettario charges no VAT, so there is no split payment"));
	if (dec_round(b->disc_pct, 2, &pct) < 0 || dec_cmp(pct, b->disc_pct) != 0 ||
	    pct.v < 0 || dec_cmp(pct, hundred) > 0)
		return err_set(err, _("the document discount must be a percentage from 0 to 100 with "
				      "at most 2 decimals"));
	if (b->disc_amount < 0)
		return err_set(err, _("the document discount cannot be negative"));
	if (pct.v != 0 && b->disc_amount != 0)
		return err_set(err, _("the document discount is a percentage or an amount, not both"));
	if (b->round_step < 0 || b->round_step > 100)
		return err_set(err, _("the total is rounded to a step from 0.01 to 1.00"));
	if (b->round_step == 0 && b->has_doc_rounding && abs64(b->doc_rounding) >= 100)
		return err_set(err, _("the rounding of the total must be less than 1.00"));
	return check_withholdings(b, err) < 0 ? -1 : check_cassa(b, err);
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
		    add_cents(&sum, l->total.v) < 0)
			return err_set(err, _("line %d: the amounts are too large"), l->number);
	}
	return 0;
}

/* ---- the document discount ---- */

struct group {
	int64_t rate, total;
	const char *natura;
	int ritenuta;
};

/* The user's lines by (rate, Natura, Ritenuta), in order of first line. */
static size_t
line_groups(const struct fpa_body *b, struct group *g)
{
	size_t n = 0, k;

	for (size_t i = 0; i < b->nlines; i++) {
		const struct fpa_line *l = &b->lines[i];

		for (k = 0; k < n; k++)
			if (g[k].rate == l->rate && strcmp(g[k].natura, l->natura) == 0 &&
			    g[k].ritenuta == l->ritenuta)
				break;
		if (k == n)
			g[n++] = (struct group){ l->rate, 0, l->natura, l->ritenuta };
		g[k].total += l->total.v;
	}
	return n;
}

/* The document discount's percentage in hundredths (check_options made
 * sure it has at most 2 decimals). */
static int64_t
disc_rate(const struct fpa_body *b)
{
	struct dec r = { 0, 2 };

	dec_round(b->disc_pct, 2, &r);
	return r.v;
}

/* Each group's share of the discount, in cents (positive). */
static int
discount_shares(const struct fpa_body *b, const struct group *g, size_t n, int64_t *share,
		char *err)
{
	int64_t pos = 0, given = 0;
	size_t largest = 0;

	for (size_t k = 0; k < n; k++) {
		share[k] = 0;
		if (b->disc_pct.v != 0) {
			if (pct_of_cents(g[k].total, disc_rate(b), &share[k]) < 0)
				return err_set(err, _("the amounts are too large"));
			continue;
		}
		if (g[k].total > 0)
			pos += g[k].total;
		if (g[k].total > g[largest].total)
			largest = k;
	}
	if (b->disc_pct.v != 0)
		return 0;
	if (b->disc_amount > pos) {
		char a[DEC_BUF], t[DEC_BUF];

		return err_set(err, _("the document discount %s is more than the lines' total %s"),
			       cents_format_it(b->disc_amount, a, sizeof a),
			       cents_format_it(pos, t, sizeof t));
	}
	for (size_t k = 0; k < n; k++) {
		if (g[k].total <= 0)
			continue;
		share[k] = (int64_t)((__int128)b->disc_amount * g[k].total / pos);
		given += share[k];
	}
	share[largest] += b->disc_amount - given;
	return 0;
}

static int
add_doc_discount(struct fpa_body *b, char *err)
{
	struct group *g;
	int64_t *share;
	size_t n;
	char descr[64], pct[DEC_BUF];
	int rc = 0;

	if (b->disc_pct.v == 0 && b->disc_amount == 0)
		return 0;
	if (b->disc_pct.v != 0) {
		dec_format(b->disc_pct, 0, 2, pct, sizeof pct);
		for (char *p = pct; *p; p++)
			if (*p == '.')
				*p = ',';
		snprintf(descr, sizeof descr, "%s %s%%", FPA_DISCOUNT_LINE_DESCR, pct);
	} else
		str_copy(descr, FPA_DISCOUNT_LINE_DESCR, sizeof descr);
	g = xcalloc(b->nlines + 1, sizeof *g);
	share = xcalloc(b->nlines + 1, sizeof *share);
	n = line_groups(b, g);
	if (discount_shares(b, g, n, share, err) < 0)
		rc = -1;
	for (size_t k = 0; rc == 0 && k < n; k++) {
		/* made_line may move b->lines, where g[k].natura points. */
		char natura[5];

		if (share[k] == 0)
			continue;
		str_copy(natura, g[k].natura, sizeof natura);
		made_line(b, FPA_LINE_DISCOUNT, descr, -share[k], g[k].rate, natura, g[k].ritenuta);
	}
	free(g);
	free(share);
	return rc;
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
		if (pct_of_cents(c->base, c->al_cassa, &c->amount) < 0 ||
		    add_cents(&b->tot.cassa, c->amount) < 0)
			return err_set(err, _("cassa %zu: the amounts are too large"), i + 1);
	}
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

static char *
block_norm(const struct fpa_body *b, const char *natura)
{
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

		if (add_cents(&vat_block(b, l->rate, l->natura)->taxable, l->total.v) < 0)
			return err_set(err, _("line %d: the amounts are too large"), l->number);
		if (l->natura[0] && fpa_natura_bollo(l->natura) && l->role != FPA_LINE_BOLLO)
			b->tot.not_vat += l->total.v;
	}
	for (size_t i = 0; i < b->ncassa; i++) {
		const struct fpa_cassa *c = &b->cassa[i];

		if (add_cents(&vat_block(b, c->rate, c->natura)->taxable, c->amount) < 0)
			return err_set(err, _("cassa %zu: the amounts are too large"), i + 1);
		if (c->natura[0] && fpa_natura_bollo(c->natura))
			b->tot.not_vat += c->amount;
	}
	for (size_t i = 0; i < b->nvat; i++) {
		struct fpa_vat *v = &b->vat[i];

		if (pct_of_cents(v->taxable, v->rate, &v->tax) < 0)
			return err_set(err, _("the amounts are too large"));
		v->esig = 'I';
		if (v->rate > 0 && b->split_payment)
			v->esig = 'S';
		else if (v->rate > 0 && b->deferred)
			v->esig = 'D';
		if (v->natura[0])
			v->norm = block_norm(b, v->natura);
		if (add_cents(&b->tot.taxable, v->taxable) < 0 || add_cents(&b->tot.tax, v->tax) < 0)
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
		if (pct_of_cents(base, b->wh[i].rate, &b->wh[i].amount) < 0)
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
	b->tot.bollo = !b->bollo_off && abs64(b->tot.not_vat) > FPA_BOLLO_THRESHOLD ? FPA_BOLLO_AMOUNT
										   : 0;
	b->bollo_virtual = b->tot.bollo > 0;
	b->bollo = b->tot.bollo;
	if (b->tot.bollo == 0 || !b->bollo_charged || strcmp(b->type, "TD04") == 0)
		return 0;
	made_line(b, FPA_LINE_BOLLO, FPA_BOLLO_LINE_DESCR, FPA_BOLLO_AMOUNT, 0, "N1", 0);
	return 1;
}

/* The rounding that takes total to the nearest multiple of step, halves
 * away from zero. */
static int64_t
rounding_to(int64_t total, int step)
{
	int64_t r = abs64(total) % step, up = 2 * r >= step ? step - r : -r;

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
	drop_made_lines(b);
	free_vat(b);
	if (check_options(b, err) < 0 || compute_lines(b, err) < 0 ||
	    add_doc_discount(b, err) < 0 || compute_cassa(b, err) < 0 ||
	    compute_summary(b, err) < 0 || compute_withholding(b, err) < 0)
		return -1;
	if (compute_bollo(b) && compute_summary(b, err) < 0)
		return -1;
	for (size_t i = 0; i < b->nvat; i++)
		if (b->vat[i].esig == 'S')
			split_tax += b->vat[i].tax;
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

void
fpa_totals_from_summary(struct fpa_body *b)
{
	int64_t split_tax = 0;

	memset(&b->tot, 0, sizeof b->tot);
	for (size_t i = 0; i < b->nvat; i++) {
		const struct fpa_vat *v = &b->vat[i];

		b->tot.taxable += v->taxable;
		b->tot.tax += v->tax;
		if (v->esig == 'S')
			split_tax += v->tax;
		if (v->natura[0] && fpa_natura_bollo(v->natura))
			b->tot.not_vat += v->taxable;
	}
	for (int i = 0; i < b->nwh; i++)
		b->tot.withholding += b->wh[i].amount;
	for (size_t i = 0; i < b->ncassa; i++)
		b->tot.cassa += b->cassa[i].amount;
	b->tot.bollo = b->bollo_virtual ? b->bollo : 0;
	b->tot.total = b->has_doc_total ? b->doc_total : b->tot.taxable + b->tot.tax;
	b->tot.payable = b->tot.total - b->tot.withholding - split_tax;
}
