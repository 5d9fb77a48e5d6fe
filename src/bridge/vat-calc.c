/* The VAT settlement of a period from the book (vat.h): each period of the
 * year up to it read from the registers and chained by the fiscal core;
 * its quadro VP as text; and the F24 drafts of the VAT, its acconto, the
 * bollo of the electronic invoices and the ritenute withheld. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/f24.h"
#include "bridge/vat.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

static int
period_sums(struct book *b, const struct vat_period *p, struct vat_sums *out, char *err)
{
	struct vat_register s, q;
	int rc;

	memset(&q, 0, sizeof q);
	if ((rc = vat_register_make(b, VAT_SALES, p, &s, err)) == 0 &&
	    (rc = vat_register_make(b, VAT_PURCHASES, p, &q, err)) == 0)
		vat_sums_of(s.total, s.ntotals, q.total, q.ntotals, out);
	vat_register_free(&s);
	vat_register_free(&q);
	return rc;
}

int
vat_compute(struct book *b, const struct vat_period *p, int64_t credit_year,
	    struct vat_result *out, char *err)
{
	struct vat_sums sums[12];
	struct vat_settlement s[12];
	int64_t used[12], acconto = 0;

	memset(out, 0, sizeof *out);
	memset(sums, 0, sizeof sums);
	out->period = *p;
	if (vat_periodicity(b, &out->periodicity, err) < 0)
		return REC_ERROR;
	if (!vat_periodicity_fits(out->periodicity, p)) {
		struct vat_settle_in in = { .periodicity = out->periodicity, .period = *p };
		vat_settle(&in, &out->s, err);
		return REC_INVALID;
	}
	for (int i = 0; i < p->n; i++) {
		struct vat_period q = { p->year, p->kind, i + 1 };

		if (period_sums(b, &q, &sums[i], err) < 0)
			return REC_ERROR;
	}
	if (vat_credit_used(b, p->year, p->kind, used, err) < 0)
		return REC_ERROR;
	if (credit_year >= 0)
		used[p->n - 1] = credit_year;
	if (vat_period_is_last(p) &&
	    vat_acconto_in_f24(b, vat_acconto_code(out->periodicity), p->year, &acconto, err) < 0)
		return REC_ERROR;
	if (vat_settle_year(out->periodicity, p, sums, used, acconto, s, err) < 0)
		return REC_INVALID;
	out->sums = sums[p->n - 1];
	out->s = s[p->n - 1];
	if (f24_working_day(out->s.due, out->due) < 0)
		str_copy(out->due, out->s.due, sizeof out->due);
	return 0;
}

/* ---- the quadro VP as text ---- */

static void
vp_line(struct text_lines *o, const char *row, const char *label, int64_t a, int64_t c,
	int two)
{
	char m1[DEC_BUF], m2[DEC_BUF], *line;

	cents_format_it(a, m1, sizeof m1);
	cents_format_it(c, m2, sizeof m2);
	if (two == 2) /* a credit only */
		line = xasprintf("%-5s %-42.42s %12s %12s", row, label, "", m2);
	else if (two)
		line = xasprintf("%-5s %-42.42s %12s %12s", row, label, m1, m2);
	else
		line = xasprintf("%-5s %-42.42s %12s", row, label, m1);
	text_lines_add(o, line);
	free(line);
}

static const char *
periodicity_word(char p)
{
	return p == VAT_MONTHLY	      ? _("monthly")
	       : p == VAT_QUARTERLY_S ? _("quarterly, art. 74 c.4")
				      : _("quarterly");
}

size_t
vat_result_text(const struct vat_result *r, char ***lines)
{
	const struct vat_settlement *s = &r->s;
	struct text_lines o = { 0 };
	char period[VAT_PERIOD_TEXT], m[DEC_BUF], day[DATE_TEXT_SIZE], *line;

	line = xasprintf(_("VAT settlement %s (%s)"), vat_period_text(&r->period, period),
			 periodicity_word(r->periodicity));
	text_lines_add(&o, line);
	free(line);
	line = xasprintf("%-5s %-42s %12s %12s", "", _("Quadro VP"), _("debit"), _("credit"));
	text_lines_add(&o, line);
	free(line);
	vp_line(&o, "VP2", _("Total active operations"), s->vp2, 0, 0);
	vp_line(&o, "VP3", _("Total passive operations"), s->vp3, 0, 0);
	vp_line(&o, "VP4", _("VAT owed"), s->vp4, 0, 0);
	vp_line(&o, "VP5", _("VAT deducted"), s->vp5, 0, 0);
	vp_line(&o, "VP6", _("VAT owed or credit"), s->vp6_debit, s->vp6_credit, 1);
	vp_line(&o, "VP7", _("Debit of the period before, 100 or less"), s->vp7, 0, 0);
	vp_line(&o, "VP8", _("Credit of the period before"), 0, s->vp8, 2);
	vp_line(&o, "VP9", _("Credit of the year before"), 0, s->vp9, 2);
	vp_line(&o, "VP12", _("Interest of the quarter, 1%"), s->vp12, 0, 0);
	vp_line(&o, "VP13", _("Acconto"), 0, s->vp13, 2);
	vp_line(&o, "VP14", _("VAT to pay or credit"), s->vp14_debit, s->vp14_credit, 1);
	vp_line(&o, "", _("Split payment VAT, not owed"), r->sums.split_vat, 0, 0);
	/* owed whole, deducted as its purchase is */
	vp_line(&o, "", _("Reverse charge VAT, owed"), r->sums.reverse_vat, 0, 0);
	if (r->sums.reverse_nondeductible != 0)
		vp_line(&o, "", _("of which not deductible, not in VP5"),
			r->sums.reverse_nondeductible, 0, 0);
	if (s->to_pay > 0)
		line = xasprintf(_("To pay: %s with code %s, year %d, by %s."),
				 cents_format_it(s->to_pay, m, sizeof m), s->code, r->period.year,
				 date_text(r->due, day));
	else if (s->carried)
		line = xasprintf(_("%s owed, 100 or less: not paid now, carried into the next "
				   "period."),
				 cents_format_it(s->vp14_debit, m, sizeof m));
	else if (s->credit_next > 0)
		line = xasprintf(_("A credit of %s, carried into the next period."),
				 cents_format_it(s->credit_next, m, sizeof m));
	else if (s->credit_year_end > 0)
		line = xasprintf(_("A credit of %s at the year's end, for the annual return."),
				 cents_format_it(s->credit_year_end, m, sizeof m));
	else
		line = xstrdup(_("Nothing to pay."));
	text_lines_add(&o, line);
	free(line);
	*lines = o.v;
	return o.n;
}

/* ---- F24 drafts ---- */

struct f24_line {
	const char *code;
	int year;
	int64_t debit;
};

static int
f24_draft(struct book *b, const char *description, const char *notes, const char *due,
	  const struct f24_line *rows, size_t n, int64_t *id, char *err)
{
	struct record_fault fault;
	struct record *f;
	char day[11], v[32];
	int rc;

	if (f24_new(b, &f, err) < 0)
		return REC_ERROR;
	record_set(f, F24_DESCRIPTION, description);
	record_set(f, F24_NOTES, notes);
	if (f24_working_day(due, day) < 0)
		str_copy(day, due, sizeof day);
	record_set(f, F24_DUE_DATE, day);
	for (size_t i = 0; i < n; i++) {
		struct record *r = record_new(&f24_erario_kind);

		record_set(r, ERARIO_CODE, rows[i].code);
		snprintf(v, sizeof v, "%d", rows[i].year);
		record_set(r, ERARIO_YEAR, v);
		snprintf(v, sizeof v, "%" PRId64, rows[i].debit);
		record_set(r, ERARIO_DEBIT, v);
		record_rows_insert(&f->rows[F24_ERARIO], f->rows[F24_ERARIO].n, r);
	}
	rc = record_save_ex(b, f, &fault, err);
	if (rc == 0)
		*id = f->id;
	record_free(f);
	return rc;
}

int
vat_f24_settlement(struct book *b, const struct vat_result *r, int64_t *id, char *err)
{
	const struct vat_settlement *s = &r->s;
	struct f24_line row = { s->code, r->period.year, s->to_pay };
	char period[VAT_PERIOD_TEXT], m1[DEC_BUF], m2[DEC_BUF], *desc, *notes;
	int rc;

	vat_period_text(&r->period, period);
	if (s->to_pay <= 0) {
		if (s->carried)
			err_set(err, _("%s: %s owed, 100 or less, is carried into the next period: "
				       "no F24"),
				period, cents_format_it(s->vp14_debit, m1, sizeof m1));
		else
			err_set(err, _("%s: nothing to pay (a credit of %s): no F24"), period,
				cents_format_it(s->vp14_credit, m1, sizeof m1));
		return REC_INVALID;
	}
	desc = xasprintf(_("VAT %s"), period);
	notes = xasprintf(_("VAT settlement %s: VP14 %s, of which interest %s."), period,
			  cents_format_it(s->vp14_debit, m1, sizeof m1),
			  cents_format_it(s->vp12, m2, sizeof m2));
	rc = f24_draft(b, desc, notes, s->due, &row, 1, id, err);
	free(desc);
	free(notes);
	return rc;
}

/* t's draft when make: 0, or REC_* with err. */
static int
tax_draft(struct book *b, int make, struct vat_tax *t, const char *desc, const char *notes,
	  char *err)
{
	struct f24_line row = { t->code, t->year, t->amount };

	t->f24 = 0;
	return make ? f24_draft(b, desc, notes, t->due, &row, 1, &t->f24, err) : 0;
}

static void
working_day(char *due)
{
	char day[11];

	if (f24_working_day(due, day) == 0)
		str_copy(due, day, 11);
}

int
vat_acconto(struct book *b, int year, int make, struct vat_tax *t, char *err)
{
	struct vat_period last = { year - 1, 'M', 12 };
	struct vat_result r;
	char period[VAT_PERIOD_TEXT], m1[DEC_BUF], m2[DEC_BUF], *desc, *notes, per;
	int rc;

	memset(t, 0, sizeof *t);
	if (vat_periodicity(b, &per, err) < 0)
		return REC_ERROR;
	if (per != VAT_MONTHLY) {
		last.kind = 'Q';
		last.n = 4;
	}
	if ((rc = vat_compute(b, &last, -1, &r, err)) < 0)
		return rc;
	vat_period_text(&last, period);
	str_copy(t->code, vat_acconto_code(per), sizeof t->code);
	t->year = year;
	t->base = r.s.before_acconto;
	t->amount = vat_acconto_historical(t->base);
	vat_acconto_due(year, t->due);
	working_day(t->due);
	if (t->amount == 0)
		return err_set(err, _("no acconto is due for %d: 88%% of the VAT owed for %s (%s) is "
				      "under 103,29"),
			       year, period, cents_format_it(t->base, m1, sizeof m1)),
		       REC_INVALID;
	desc = xasprintf(_("VAT acconto %d"), year);
	notes = xasprintf(_("Historical method: 88%% of %s, the VAT owed for %s before its "
			    "acconto: %s."),
			  cents_format_it(t->base, m1, sizeof m1), period,
			  cents_format_it(t->amount, m2, sizeof m2));
	rc = tax_draft(b, make, t, desc, notes, err);
	free(desc);
	free(notes);
	return rc;
}

static int
bollo_of(struct book *b, int year, int q, int64_t *cents, int64_t *count, char *err)
{
	struct vat_period p = { year, 'Q', q };
	char from[11], to[11];

	vat_period_dates(&p, from, to);
	return vat_bollo_sum(b, from, to, cents, count, err);
}

int
vat_bollo(struct book *b, const struct vat_period *q, int make, struct vat_tax *t, char *err)
{
	int64_t q1 = 0, q2 = 0, n;
	char period[VAT_PERIOD_TEXT], m[DEC_BUF], *desc, *notes;
	int rc;

	memset(t, 0, sizeof *t);
	vat_period_text(q, period);
	if (q->kind != 'Q')
		return err_set(err, _("the bollo is paid by the quarter: give a quarter (2026Q1), "
				      "not %s"),
			       period),
		       REC_INVALID;
	if (bollo_of(b, q->year, q->n, &t->amount, &t->base, err) < 0 ||
	    (q->n <= 2 && (bollo_of(b, q->year, 1, &q1, &n, err) < 0 ||
			   bollo_of(b, q->year, 2, &q2, &n, err) < 0)))
		return REC_ERROR;
	t->year = q->year;
	vat_bollo_due(q->year, q->n, q1, q2, t->code, t->due);
	working_day(t->due);
	if (t->amount == 0)
		return err_set(err, _("%s: no invoice issued in the quarter carries the bollo"),
			       period),
		       REC_INVALID;
	desc = xasprintf(_("Bollo on e-invoices %s"), period);
	notes = xasprintf(ngettext("%" PRId64 " invoice with the bollo, %s.",
				   "%" PRId64 " invoices with the bollo, %s.", (unsigned long)t->base),
			  t->base, cents_format_it(t->amount, m, sizeof m));
	rc = tax_draft(b, make, t, desc, notes, err);
	free(desc);
	free(notes);
	return rc;
}

int
vat_ritenute(struct book *b, const struct vat_period *mp, int make, struct vat_tax *t, char *err)
{
	struct vat_ritenuta *w = NULL;
	struct buf notes = { 0 };
	char period[VAT_PERIOD_TEXT], from[11], to[11], m[DEC_BUF], d[DATE_TEXT_SIZE], *desc;
	size_t n;
	int rc;

	memset(t, 0, sizeof *t);
	vat_period_text(mp, period);
	if (mp->kind != 'M')
		return err_set(err, _("the ritenute are paid by the month after the payment: give a "
				      "month (2026-03), not %s"),
			       period),
		       REC_INVALID;
	vat_period_dates(mp, from, to);
	str_copy(t->code, VAT_RITENUTE_CODE, sizeof t->code);
	t->year = mp->year;
	vat_ritenute_due(from, t->due);
	working_day(t->due);
	if (vat_ritenute_read(b, from, to, &w, &n, err) < 0)
		return REC_ERROR;
	buf_printf(&notes, "%s", _("Ritenute withheld on:"));
	for (size_t i = 0; i < n; i++) {
		int64_t part = vat_ritenuta_withheld(w[i].amount, w[i].payable, w[i].paid_before,
						     w[i].paid_in);
		char whole[DEC_BUF];

		if (part == 0)
			continue;
		t->amount += part;
		t->base++;
		if (notes.len >= 900)
			continue;
		if (part == w[i].amount)
			buf_printf(&notes, _(" %s %s, %s paid %s;"), w[i].number, w[i].party,
				   cents_format_it(part, m, sizeof m), date_text(w[i].paid, d));
		else
			buf_printf(&notes, _(" %s %s, %s of %s, paid in part on %s;"), w[i].number,
				   w[i].party, cents_format_it(part, m, sizeof m),
				   cents_format_it(w[i].amount, whole, sizeof whole),
				   date_text(w[i].paid, d));
	}
	free(w);
	if (t->base == 0) {
		buf_free(&notes);
		return err_set(err, _("%s: no purchase with a ritenuta was paid in the month"),
			       period),
		       REC_INVALID;
	}
	desc = xasprintf(_("Ritenute %s"), period);
	rc = tax_draft(b, make, t, desc, notes.data, err);
	free(desc);
	buf_free(&notes);
	return rc;
}
