/* The options and codes fpa_compute refuses before computing anything:
 * ritenute (codes, rates, none on a forfettario's fees), casse, split
 * payment with deferred VAT or a forfettario, the document discount and
 * the rounding out of range. */
#include "config.h"

#include <string.h>

#include "fisc/compute-impl.h"
#include "fisc/invoice.h"
#include "util/i18n.h"
#include "util/util.h"

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
uses_natura(const struct fpa_body *b, const char *natura)
{
	for (size_t i = 0; i < b->nlines; i++)
		if (strcmp(b->lines[i].natura, natura) == 0)
			return 1;
	for (size_t i = 0; i < b->ncassa; i++)
		if (strcmp(b->cassa[i].natura, natura) == 0)
			return 1;
	return 0;
}

static int
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* N3.5 (to an esportatore abituale) needs the dichiarazione d'intento the
 * buyer sent: the protocol of its receipt and its date. */
static int
check_intent(const struct fpa_body *b, char *err)
{
	const char *p = b->intent_prot, *d = b->intent_date;

	if (!uses_natura(b, "N3.5"))
		return 0;
	if (strlen(p) != 24 || !digits(p, 17) || p[17] != '-' || !digits(p + 18, 6) ||
	    strlen(d) != 10 || !digits(d, 4) || d[4] != '-' || !digits(d + 5, 2) || d[7] != '-' ||
	    !digits(d + 8, 2))
		return err_set(err, _("Natura N3.5 needs the dichiarazione d'intento: the protocol of "
				      "its receipt (17 digits, '-', 6 digits) and its date"));
	return 0;
}

int
fpa_compute_check_options(const struct fpa_body *b, char *err)
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
	if (b->round_step == 0 && b->has_doc_rounding && fpa_abs64(b->doc_rounding) >= 100)
		return err_set(err, _("the rounding of the total must be less than 1.00"));
	if (check_intent(b, err) < 0 || check_withholdings(b, err) < 0)
		return -1;
	return check_cassa(b, err);
}
