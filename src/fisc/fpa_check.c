/* The checker: the SdI's own controls on the figures of an invoice (what
 * makes a file rejected with an 00xxx code), plus warnings for what is
 * suspicious but accepted. Tolerances as the SdI applies them: one cent on
 * Imposta and PrezzoTotale, one euro on ImponibileImporto. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fisc/fatturapa.h"
#include "util/idcheck.h"
#include "util/i18n.h"
#include "util/util.h"

#define TOL_TAX 1        /* 00421: cents */
#define TOL_TAXABLE 100  /* 00422: cents */

struct ctx {
	const struct fpa_invoice *inv;
	const struct fpa_body *b;
	size_t bi;           /* body number, from 1 */
	struct fpa_report *r;
};

static const char *
rate_str(int64_t rate, char *buf)
{
	return cents_format(rate, buf, DEC_BUF);
}

static int
has_digit(const char *s)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

static int
doc_type_in(const char *type, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(type, *list) == 0)
			return 1;
	return 0;
}

static int
natura_generic(const char *n)
{
	return strcmp(n, "N2") == 0 || strcmp(n, "N3") == 0 || strcmp(n, "N6") == 0;
}

/* 00400/00401, 00423, 00424, 00438, 00445 on one line. */
static void
check_line(struct ctx *c, const struct fpa_line *l)
{
	struct dec want, diff, tol = { 1, 2 };
	char a[DEC_BUF], b[DEC_BUF];
	int n = l->number;

	if (l->rate == 0 && l->natura[0] == '\0')
		fpa_report_add(c->r, 1, "00400", _("line %d has AliquotaIVA 0.00 and no Natura (body %zu)"),
			       n, c->bi);
	if (l->rate != 0 && l->natura[0] != '\0')
		fpa_report_add(c->r, 1, "00401", _("line %d has Natura %s with AliquotaIVA %s%% (body %zu)"),
			       n, l->natura, rate_str(l->rate, a), c->bi);
	if (l->rate > 0 && l->rate < 100)
		fpa_report_add(c->r, 1, "00424",
			       _("line %d: AliquotaIVA %s is not a percentage (body %zu)"), n,
			       rate_str(l->rate, a), c->bi);
	if (natura_generic(l->natura) && strcmp(c->b->date, "2021-01-01") >= 0)
		fpa_report_add(c->r, 1, "00445", _("line %d: Natura %s needs its sub-code (body %zu)"),
			       n, l->natura, c->bi);
	for (int i = 0; i < l->ndisc; i++)
		if (!l->disc[i].has_pct && !l->disc[i].has_amount)
			fpa_report_add(c->r, 1, "00438",
				       _("line %d: ScontoMaggiorazione without Percentuale or Importo (body %zu)"),
				       n, c->bi);
	if (fpa_line_expected(l, &want) < 0) {
		fpa_report_add(c->r, 1, "00423", _("line %d: the amounts are too large (body %zu)"), n,
			       c->bi);
		return;
	}
	if (dec_sub(l->total, want, &diff) == 0 && diff.v < 0)
		diff.v = -diff.v;
	if (dec_cmp(diff, tol) > 0)
		fpa_report_add(c->r, 1, "00423",
			       _("PrezzoTotale %s does not match Quantita x PrezzoUnitario = %s (body %zu, line %d)"),
			       dec_format(l->total, 2, 8, a, sizeof a), dec_format(want, 2, 8, b, sizeof b),
			       c->bi, n);
}

/* 00413/00414, 00415 and 00445 on the cassa. */
static void
check_cassa(struct ctx *c)
{
	char a[DEC_BUF];

	for (size_t i = 0; i < c->b->ncassa; i++) {
		const struct fpa_cassa *k = &c->b->cassa[i];

		if (k->rate == 0 && k->natura[0] == '\0')
			fpa_report_add(c->r, 1, "00413",
				       _("DatiCassaPrevidenziale %zu has AliquotaIVA 0.00 and no Natura (body %zu)"),
				       i + 1, c->bi);
		if (k->rate != 0 && k->natura[0] != '\0')
			fpa_report_add(c->r, 1, "00414",
				       _("DatiCassaPrevidenziale %zu has Natura %s with AliquotaIVA %s%% (body %zu)"),
				       i + 1, k->natura, rate_str(k->rate, a), c->bi);
		if (k->ritenuta && c->b->nwh == 0)
			fpa_report_add(c->r, 1, "00415",
				       _("DatiCassaPrevidenziale %zu has Ritenuta SI but there is no DatiRitenuta (body %zu)"),
				       i + 1, c->bi);
	}
}

/* 00200 (the file does not follow the schema) for codes outside its
 * lists: TipoRitenuta, CausalePagamento (Z only before 2021), TipoCassa. */
static void
check_codes(struct ctx *c)
{
	const struct fpa_body *b = c->b;

	for (int i = 0; i < b->nwh; i++) {
		if (fpa_withholding_type_name(b->wh[i].type) == NULL)
			fpa_report_add(c->r, 1, "00200",
				       _("DatiRitenuta %d: TipoRitenuta '%s' is not in the schema's list (body %zu)"),
				       i + 1, b->wh[i].type, c->bi);
		if (fpa_causale_name(b->wh[i].causale) == NULL ||
		    (strcmp(b->wh[i].causale, "Z") == 0 && strcmp(b->date, "2021-01-01") >= 0))
			fpa_report_add(c->r, 1, "00200",
				       _("DatiRitenuta %d: CausalePagamento '%s' is not in the schema's list for its date (body %zu)"),
				       i + 1, b->wh[i].causale, c->bi);
	}
	for (size_t i = 0; i < b->ncassa; i++)
		if (fpa_cassa_type_name(b->cassa[i].type) == NULL)
			fpa_report_add(c->r, 1, "00200",
				       _("DatiCassaPrevidenziale %zu: TipoCassa '%s' is not in the schema's list (body %zu)"),
				       i + 1, b->cassa[i].type, c->bi);
}

/* Sum of the lines and cassa of one (rate, Natura), at 8 decimals. */
static int
block_sum(const struct fpa_body *b, int64_t rate, const char *natura, struct dec *sum)
{
	*sum = (struct dec){ 0, 2 };
	for (size_t i = 0; i < b->nlines; i++)
		if (b->lines[i].rate == rate && strcmp(b->lines[i].natura, natura) == 0 &&
		    dec_add(*sum, b->lines[i].total, sum) < 0)
			return -1;
	for (size_t i = 0; i < b->ncassa; i++)
		if (b->cassa[i].rate == rate && strcmp(b->cassa[i].natura, natura) == 0 &&
		    dec_add(*sum, dec_from_cents(b->cassa[i].amount), sum) < 0)
			return -1;
	return 0;
}

static int
same_block(const struct fpa_vat *a, const struct fpa_vat *b)
{
	return a->rate == b->rate && strcmp(a->natura, b->natura) == 0;
}

/* 00421 on one block; 00422 on the blocks of one (rate, Natura) together,
 * once, at the first: several blocks (EsigibilitaIVA I and D, say) are one
 * summary for the SdI, their ImponibileImporto and Arrotondamento summed. */
static void
check_summary_amounts(struct ctx *c, size_t si, const struct fpa_vat *v)
{
	char a[DEC_BUF], b[DEC_BUF], r[DEC_BUF], d[DEC_BUF];
	struct dec sum, want, got, diff;
	int64_t tax, taxable = 0, rounding = 0;
	struct buf which = { 0 };
	size_t n = 0;

	if (dec_pct(dec_from_cents(v->taxable), (struct dec){ v->rate, 2 }, 2, &want) == 0) {
		tax = want.v - v->tax;
		if (tax > TOL_TAX || tax < -TOL_TAX)
			fpa_report_add(c->r, 1, "00421",
				       _("Imposta %s does not match %s%% of %s (body %zu, summary %zu)"),
				       cents_format(v->tax, a, sizeof a), rate_str(v->rate, r),
				       cents_format(v->taxable, b, sizeof b), c->bi, si);
	}
	for (size_t i = 0; i < si - 1; i++)
		if (same_block(&c->b->vat[i], v))
			return; /* judged with the first of its kind */
	for (size_t i = si - 1; i < c->b->nvat; i++) {
		const struct fpa_vat *x = &c->b->vat[i];

		if (!same_block(x, v))
			continue;
		if (__builtin_add_overflow(taxable, x->taxable, &taxable) ||
		    (x->has_rounding && __builtin_add_overflow(rounding, x->rounding, &rounding)))
			return;
		buf_printf(&which, "%s%zu", n++ ? ", " : "", i + 1);
	}
	if (block_sum(c->b, v->rate, v->natura, &sum) < 0 ||
	    dec_add(sum, dec_from_cents(rounding), &want) < 0)
		goto done;
	got = dec_from_cents(taxable);
	if (dec_sub(got, want, &diff) < 0)
		goto done;
	if (diff.v < 0)
		diff.v = -diff.v;
	if (dec_cmp(diff, dec_from_cents(TOL_TAXABLE)) <= 0)
		goto done;
	if (n == 1)
		fpa_report_add(c->r, 1, "00422",
			       _("ImponibileImporto %s is not the sum of its lines %s plus Arrotondamento %s (body %zu, summary %zu)"),
			       cents_format(taxable, a, sizeof a), dec_format(sum, 2, 8, b, sizeof b),
			       cents_format(rounding, d, sizeof d), c->bi, si);
	else {
		char key[DEC_BUF + 16];

		if (v->natura[0])
			snprintf(key, sizeof key, "Natura %s", v->natura);
		else
			snprintf(key, sizeof key, "AliquotaIVA %s%%", rate_str(v->rate, r));
		fpa_report_add(c->r, 1, "00422",
			       _("ImponibileImporto %s (summaries %s at %s) is not the sum of its lines %s plus Arrotondamento %s (body %zu)"),
			       cents_format(taxable, a, sizeof a), which.data, key,
			       dec_format(sum, 2, 8, b, sizeof b), cents_format(rounding, d, sizeof d),
			       c->bi);
	}
done:
	buf_free(&which);
}

static void
check_summary(struct ctx *c)
{
	char a[DEC_BUF];

	for (size_t i = 0; i < c->b->nvat; i++) {
		const struct fpa_vat *v = &c->b->vat[i];
		size_t si = i + 1;

		if (v->rate == 0 && v->natura[0] == '\0')
			fpa_report_add(c->r, 1, "00429",
				       _("DatiRiepilogo %zu has AliquotaIVA 0.00 and no Natura (body %zu)"),
				       si, c->bi);
		if (v->rate != 0 && v->natura[0] != '\0')
			fpa_report_add(c->r, 1, "00430",
				       _("DatiRiepilogo %zu has Natura %s with AliquotaIVA %s%% (body %zu)"),
				       si, v->natura, rate_str(v->rate, a), c->bi);
		if (fpa_natura_reverse(v->natura) && v->esig == 'S')
			fpa_report_add(c->r, 1, "00420",
				       _("DatiRiepilogo %zu: Natura %s (reverse charge) with EsigibilitaIVA S (split payment) (body %zu)"),
				       si, v->natura, c->bi);
		if (natura_generic(v->natura) && strcmp(c->b->date, "2021-01-01") >= 0)
			fpa_report_add(c->r, 1, "00445",
				       _("DatiRiepilogo %zu: Natura %s needs its sub-code (body %zu)"), si,
				       v->natura, c->bi);
		check_summary_amounts(c, si, v);
	}
}

static int
summary_has_rate(const struct fpa_body *b, int64_t rate)
{
	for (size_t i = 0; i < b->nvat; i++)
		if (b->vat[i].rate == rate)
			return 1;
	return 0;
}

static int
summary_has_natura(const struct fpa_body *b, const char *natura)
{
	for (size_t i = 0; i < b->nvat; i++)
		if (strcmp(b->vat[i].natura, natura) == 0)
			return 1;
	return 0;
}

static int
used_rate(const struct fpa_body *b, int64_t rate)
{
	for (size_t i = 0; i < b->nlines; i++)
		if (b->lines[i].rate == rate)
			return 1;
	for (size_t i = 0; i < b->ncassa; i++)
		if (b->cassa[i].rate == rate)
			return 1;
	return 0;
}

static int
used_natura(const struct fpa_body *b, const char *natura)
{
	for (size_t i = 0; i < b->nlines; i++)
		if (strcmp(b->lines[i].natura, natura) == 0)
			return 1;
	for (size_t i = 0; i < b->ncassa; i++)
		if (strcmp(b->cassa[i].natura, natura) == 0)
			return 1;
	return 0;
}

/* 00443 (rates) and 00444 (Natura): lines and cassa against the summary,
 * both ways. */
static void
check_correspondence(struct ctx *c)
{
	const struct fpa_body *b = c->b;
	char a[DEC_BUF];

	for (size_t i = 0; i < b->nlines; i++) {
		const struct fpa_line *l = &b->lines[i];

		if (!summary_has_rate(b, l->rate))
			fpa_report_add(c->r, 1, "00443",
				       _("AliquotaIVA %s%% of line %d is in no DatiRiepilogo (body %zu)"),
				       rate_str(l->rate, a), l->number, c->bi);
		if (l->natura[0] && !summary_has_natura(b, l->natura))
			fpa_report_add(c->r, 1, "00444",
				       _("Natura %s of line %d is in no DatiRiepilogo (body %zu)"),
				       l->natura, l->number, c->bi);
	}
	for (size_t i = 0; i < b->ncassa; i++) {
		if (!summary_has_rate(b, b->cassa[i].rate))
			fpa_report_add(c->r, 1, "00443",
				       _("AliquotaIVA %s%% of DatiCassaPrevidenziale %zu is in no DatiRiepilogo (body %zu)"),
				       rate_str(b->cassa[i].rate, a), i + 1, c->bi);
		if (b->cassa[i].natura[0] && !summary_has_natura(b, b->cassa[i].natura))
			fpa_report_add(c->r, 1, "00444",
				       _("Natura %s of DatiCassaPrevidenziale %zu is in no DatiRiepilogo (body %zu)"),
				       b->cassa[i].natura, i + 1, c->bi);
	}
	for (size_t i = 0; i < b->nvat; i++) {
		if (!used_rate(b, b->vat[i].rate))
			fpa_report_add(c->r, 1, "00443",
				       _("DatiRiepilogo %zu has AliquotaIVA %s%%, which no line has (body %zu)"),
				       i + 1, rate_str(b->vat[i].rate, a), c->bi);
		if (b->vat[i].natura[0] && !used_natura(b, b->vat[i].natura))
			fpa_report_add(c->r, 1, "00444",
				       _("DatiRiepilogo %zu has Natura %s, which no line has (body %zu)"),
				       i + 1, b->vat[i].natura, c->bi);
	}
}

static int
same_party(const struct fpa_party *a, const struct fpa_party *b)
{
	if (a->vat_id[0] && strcmp(a->vat_id, b->vat_id) == 0 &&
	    strcmp(a->vat_country, b->vat_country) == 0)
		return 1;
	return a->cf[0] && strcmp(a->cf, b->cf) == 0;
}

/* 00471, 00472, 00473: who may be on both sides of self-invoices. */
static void
check_parties_for_type(struct ctx *c)
{
	static const char *const differ[] = { "TD16", "TD17", "TD18", "TD19", "TD20", NULL };
	static const char *const equal[] = { "TD21", "TD27", NULL };
	static const char *const foreign[] = { "TD17", "TD18", "TD19", NULL };
	const char *t = c->b->type;
	int same = same_party(&c->inv->seller, &c->inv->buyer);

	if (doc_type_in(t, differ) && same)
		fpa_report_add(c->r, 1, "00471",
			       _("with TipoDocumento %s the seller cannot be the buyer (body %zu)"), t,
			       c->bi);
	if (doc_type_in(t, equal) && !same)
		fpa_report_add(c->r, 1, "00472",
			       _("with TipoDocumento %s the seller must be the buyer (body %zu)"), t,
			       c->bi);
	if (doc_type_in(t, foreign) && strcmp(c->inv->seller.vat_country, "IT") == 0)
		fpa_report_add(c->r, 1, "00473",
			       _("with TipoDocumento %s the seller cannot be Italian (IdPaese IT) (body %zu)"),
			       t, c->bi);
}

/* 00437 on the document's ScontoMaggiorazione; W020 when the declared
 * ImportoTotaleDocumento is none of what the summary makes (the SdI does
 * not check it, but a total net of the ritenuta, or with the bollo twice,
 * misleads whoever pays it). */
static void
check_doc_total(struct ctx *c)
{
	const struct fpa_body *b = c->b;
	char a[DEC_BUF], e[DEC_BUF];
	int64_t want;

	for (int i = 0; i < b->ndoc_disc; i++)
		if (!b->doc_disc[i].has_pct && !b->doc_disc[i].has_amount)
			fpa_report_add(c->r, 1, "00437",
				       _("DatiGeneraliDocumento: ScontoMaggiorazione %d without Percentuale or Importo (body %zu)"),
				       i + 1, c->bi);
	if (!fpa_summary_total(b, &want))
		fpa_report_add(c->r, 0, "W020",
			       _("ImportoTotaleDocumento %s is not the total the summaries make, %s (ImponibileImporto plus Imposta, plus the bollo not charged as a line, less the document's discounts, plus Arrotondamento) (body %zu)"),
			       cents_format(b->doc_total, a, sizeof a), cents_format(want, e, sizeof e),
			       c->bi);
}

static void
check_body(struct ctx *c)
{
	const struct fpa_body *b = c->b;
	int ritenuta_lines = 0;

	if (!has_digit(b->number))
		fpa_report_add(c->r, 1, "00425", _("Numero '%s' has no digit (body %zu)"), b->number,
			       c->bi);
	if (strcmp(b->type, "TD04") == 0 && b->rel_date[0] && strcmp(b->date, b->rel_date) < 0) {
		char d1[DATE_TEXT_SIZE], d2[DATE_TEXT_SIZE];
		fpa_report_add(c->r, 1, "00418",
			       _("the credit note's Data %s is before the invoice it corrects (%s) (body %zu)"),
			       date_text(b->date, d1), date_text(b->rel_date, d2), c->bi);
	}
	for (size_t i = 0; i < b->nlines; i++) {
		check_line(c, &b->lines[i]);
		ritenuta_lines += b->lines[i].ritenuta;
	}
	if (ritenuta_lines && b->nwh == 0)
		fpa_report_add(c->r, 1, "00411",
			       _("lines with Ritenuta SI but no DatiRitenuta (body %zu)"), c->bi);
	check_cassa(c);
	check_codes(c);
	check_summary(c);
	check_doc_total(c);
	check_correspondence(c);
	check_parties_for_type(c);
}

/* Warnings on the identifiers: a wrong check digit is worth a look, but
 * the SdI's registry, not the check digit, is what decides. */
static void
check_ids(const struct fpa_invoice *inv, struct fpa_report *r)
{
	const struct fpa_party *p[2] = { &inv->seller, &inv->buyer };
	const char *who[2] = { _("seller"), _("buyer") };
	char err[ERR_SIZE];

	for (int i = 0; i < 2; i++) {
		if (strcmp(p[i]->vat_country, "IT") == 0 && p[i]->vat_id[0]) {
			if (piva_check(p[i]->vat_id, err) < 0)
				fpa_report_add(r, 0, "W001", "%s: %s", who[i], err);
			else if (piva_office_unusual(p[i]->vat_id))
				fpa_report_add(r, 0, "W002",
					       _("%s: partita IVA %s has an unusual office code"),
					       who[i], p[i]->vat_id);
		}
		if (p[i]->cf[0] && cf_check(p[i]->cf, err) < 0)
			fpa_report_add(r, 0, "W003", "%s: %s", who[i], err);
	}
}

int
fpa_check(const struct fpa_invoice *inv, struct fpa_report *r)
{
	struct ctx c = { inv, NULL, 0, r };
	int before = r->errors;
	size_t dl = strlen(inv->dest);

	if (!inv->buyer.vat_id[0] && !inv->buyer.cf[0])
		fpa_report_add(r, 1, "00417",
			       _("the buyer has neither IdFiscaleIVA nor CodiceFiscale"));
	if ((inv->format == FPA_FPA12 && dl == 7) || (inv->format == FPA_FPR12 && dl == 6))
		fpa_report_add(r, 1, "00427",
			       _("CodiceDestinatario '%s' has %zu characters, which FormatoTrasmissione %s does not allow"),
			       inv->dest, dl, inv->format == FPA_FPA12 ? "FPA12" : "FPR12");
	check_ids(inv, r);
	for (size_t i = 0; i < inv->nbodies; i++) {
		c.b = &inv->bodies[i];
		c.bi = i + 1;
		check_body(&c);
	}
	return r->errors - before;
}
