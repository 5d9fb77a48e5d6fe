/* The VAT settlement of a period (vat.h): the periods, the registers'
 * totals by rate and Natura, the figures of the quadro VP, the carried
 * debit and credit, the interest of a quarter, the F24 code and due date,
 * the acconto, and the due dates of the bollo and the ritenute. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fisc/vat.h"
#include "util/i18n.h"
#include "util/util.h"

/* ---- periods ---- */

static int
digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int
vat_period_parse(const char *text, struct vat_period *p, char *err)
{
	size_t n = strlen(text);

	if (n >= 6 && digits(text, 4) && text[4] != '\0') {
		const char *q = text + 4 + (text[4] == '-');

		p->year = atoi(text);
		if ((q[0] == 'Q' || q[0] == 'q') && q[1] >= '1' && q[1] <= '4' && q[2] == '\0') {
			p->kind = 'Q';
			p->n = q[1] - '0';
			return 0;
		}
		if (text[4] == '-' && n == 7 && digits(text + 5, 2) && atoi(text + 5) >= 1 &&
		    atoi(text + 5) <= 12) {
			p->kind = 'M';
			p->n = atoi(text + 5);
			return 0;
		}
	}
	return err_set(err, _("'%s' is not a period: a month as 2026-03 or a quarter as 2026Q1"),
		       text);
}

char *
vat_period_text(const struct vat_period *p, char *out)
{
	if (p->kind == 'Q')
		snprintf(out, VAT_PERIOD_TEXT, "%04uQ%u", (unsigned)p->year % 10000u,
			 (unsigned)p->n % 10u);
	else
		snprintf(out, VAT_PERIOD_TEXT, "%04u-%02u", (unsigned)p->year % 10000u,
			 (unsigned)p->n % 100u);
	return out;
}

static int
month_days(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : d[m - 1];
}

void
vat_period_months(const struct vat_period *p, int *first, int *last)
{
	*first = p->kind == 'Q' ? 3 * p->n - 2 : p->n;
	*last = p->kind == 'Q' ? 3 * p->n : p->n;
}

static void
date_of(int y, int m, int d, char *out)
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

void
vat_period_dates(const struct vat_period *p, char *from, char *to)
{
	int first, last;

	vat_period_months(p, &first, &last);
	date_of(p->year, first, 1, from);
	date_of(p->year, last, month_days(p->year, last), to);
}

int
vat_period_is_last(const struct vat_period *p)
{
	return p->n == (p->kind == 'Q' ? 4 : 12);
}

void
vat_period_prev(const struct vat_period *p, struct vat_period *out)
{
	*out = *p;
	if (--out->n == 0) {
		out->n = p->kind == 'Q' ? 4 : 12;
		out->year--;
	}
}

int
vat_periodicity_fits(char periodicity, const struct vat_period *p)
{
	return periodicity == VAT_MONTHLY ? p->kind == 'M'
	       : periodicity == VAT_QUARTERLY || periodicity == VAT_QUARTERLY_S ? p->kind == 'Q'
										: 0;
}

/* ---- the registers ---- */

static int
total_cmp(int rate, const char *natura, const struct vat_reg_total *t)
{
	if (rate != t->rate)
		return rate > t->rate ? -1 : 1;
	return strcmp(natura, t->natura);
}

int
vat_reg_add(struct vat_reg_total *t, size_t *n, size_t max, const struct vat_reg_block *b)
{
	size_t i = 0;
	int c = 1;

	while (i < *n && (c = total_cmp(b->rate, b->natura, &t[i])) > 0)
		i++;
	if (i == *n || c != 0) {
		if (*n == max)
			return -1;
		memmove(&t[i + 1], &t[i], (*n - i) * sizeof *t);
		memset(&t[i], 0, sizeof *t);
		t[i].rate = b->rate;
		str_copy(t[i].natura, b->natura, sizeof t[i].natura);
		(*n)++;
	}
	t[i].taxable += b->taxable;
	if (b->reverse) {
		/* owed whole in the sales register (nondeductible 0 there);
		 * in the purchases', deducted as the purchase it integrates */
		t[i].reverse_taxable += b->taxable;
		t[i].reverse_tax += b->tax - b->nondeductible;
		t[i].nondeductible_tax += b->nondeductible;
		t[i].reverse_nondeductible += b->nondeductible;
	} else if (b->split)
		t[i].split_tax += b->tax;
	else {
		t[i].tax += b->tax - b->nondeductible;
		t[i].nondeductible_tax += b->nondeductible;
	}
	return 0;
}

int64_t
vat_nondeductible(int64_t tax, int deductible)
{
	__int128 num = (__int128)(tax < 0 ? -tax : tax) * deductible;
	int64_t part = (int64_t)((num + 5000) / 10000);

	if (deductible >= 10000)
		return 0;
	if (deductible <= 0)
		return tax;
	return tax - (tax < 0 ? -part : part);
}

void
vat_sums_of(const struct vat_reg_total *sales, size_t ns, const struct vat_reg_total *purchases,
	    size_t np, struct vat_sums *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < ns; i++) {
		out->sales_taxable += sales[i].taxable - sales[i].reverse_taxable;
		out->sales_vat += sales[i].tax;
		out->split_vat += sales[i].split_tax;
		out->reverse_vat += sales[i].reverse_tax;
	}
	for (size_t i = 0; i < np; i++) {
		out->purchases_taxable += purchases[i].taxable - purchases[i].reverse_taxable;
		out->purchases_vat += purchases[i].tax;
		out->reverse_nondeductible += purchases[i].reverse_nondeductible;
	}
}

/* ---- the settlement ---- */

/* The F24 code and the legal due date of the VAT of period p. */
static void
code_and_due(char periodicity, const struct vat_period *p, struct vat_settlement *s)
{
	static const int qmonth[] = { 5, 8, 11 }, qday[] = { 16, 20, 16 };

	if (p->kind == 'M') {
		snprintf(s->code, sizeof s->code, "%u", 6000u + (unsigned)p->n % 100u);
		if (p->n == 12)
			date_of(p->year + 1, 1, 16, s->due);
		else
			date_of(p->year, p->n + 1, 16, s->due);
	} else if (p->n < 4) {
		snprintf(s->code, sizeof s->code, "%u", 6030u + (unsigned)p->n % 10u);
		date_of(p->year, qmonth[p->n - 1], qday[p->n - 1], s->due);
	} else if (periodicity == VAT_QUARTERLY_S) {
		str_copy(s->code, "6034", sizeof s->code);
		date_of(p->year + 1, 2, 16, s->due);
	} else {
		/* the fourth quarter with the annual return's balance */
		str_copy(s->code, "6099", sizeof s->code);
		date_of(p->year + 1, 3, 16, s->due);
	}
}

/* Whether an amount owed of €100 or less may wait for the next period:
 * it must be paid by 16 December, so not from November (paid on 16
 * December), December, the third quarter (its next is paid in March) or
 * the fourth. */
static int
may_carry(const struct vat_period *p)
{
	return p->kind == 'M' ? p->n <= 10 : p->n <= 2;
}

int
vat_settle(const struct vat_settle_in *in, struct vat_settlement *s, char *err)
{
	const struct vat_period *p = &in->period;
	int64_t vp6, net;

	memset(s, 0, sizeof *s);
	if (!vat_periodicity_fits(in->periodicity, p))
		return err_set(err, p->kind == 'Q'
					    ? _("the company settles its VAT monthly: give a month "
						"(2026-03), not a quarter")
					    : _("the company settles its VAT quarterly: give a quarter "
						"(2026Q1), not a month"));
	s->vp2 = in->sums.sales_taxable;
	s->vp3 = in->sums.purchases_taxable;
	s->vp4 = in->sums.sales_vat + in->sums.reverse_vat;
	s->vp5 = in->sums.purchases_vat + in->sums.reverse_vat - in->sums.reverse_nondeductible;
	vp6 = s->vp4 - s->vp5;
	s->vp6_debit = vp6 > 0 ? vp6 : 0;
	s->vp6_credit = vp6 < 0 ? -vp6 : 0;
	s->vp7 = in->debit_before;
	s->vp8 = in->credit_before;
	s->vp9 = in->credit_year;
	s->vp13 = vat_period_is_last(p) ? in->acconto : 0;
	s->before_acconto = vp6 + s->vp7 - s->vp8 - s->vp9;
	net = s->before_acconto - s->vp13;
	code_and_due(in->periodicity, p, s);
	if (net <= 0) {
		s->vp14_credit = -net;
		if (vat_period_is_last(p))
			s->credit_year_end = -net;
		else
			s->credit_next = -net;
		return 0;
	}
	if (net <= VAT_CARRY_LIMIT && may_carry(p)) {
		/* not paid: the next period owes it (its interest then, if any) */
		s->vp14_debit = net;
		s->carried = 1;
		s->debit_next = net;
		return 0;
	}
	if (p->kind == 'Q' && in->periodicity == VAT_QUARTERLY)
		s->vp12 = (net + 50) / 100; /* 1%, half up */
	s->vp14_debit = net + s->vp12;
	s->to_pay = s->vp14_debit;
	return 0;
}

int
vat_settle_year(char periodicity, const struct vat_period *upto, const struct vat_sums *sums,
		const int64_t *credit_year, int64_t acconto, struct vat_settlement *out, char *err)
{
	int64_t debit = 0, credit = 0;

	for (int i = 0; i < upto->n; i++) {
		struct vat_settle_in in = {
			.periodicity = periodicity,
			.period = { upto->year, upto->kind, i + 1 },
			.sums = sums[i],
			.debit_before = debit,
			.credit_before = credit,
			.credit_year = credit_year != NULL ? credit_year[i] : 0,
			.acconto = acconto,
		};

		if (vat_settle(&in, &out[i], err) < 0)
			return -1;
		debit = out[i].debit_next;
		credit = out[i].credit_next;
	}
	return 0;
}

/* ---- the acconto ---- */

int64_t
vat_acconto_historical(int64_t base)
{
	int64_t a;

	if (base <= 0)
		return 0;
	a = (base * 88 + 50) / 100;
	return a < VAT_ACCONTO_MIN ? 0 : a;
}

const char *
vat_acconto_code(char periodicity)
{
	return periodicity == VAT_MONTHLY ? "6013" : "6035";
}

void
vat_acconto_due(int year, char *due)
{
	date_of(year, 12, 27, due);
}

/* ---- the other taxes ---- */

void
vat_bollo_due(int year, int q, int64_t q1, int64_t q2, char *code, char *due)
{
	snprintf(code, 5, "%u", 2520u + (q >= 1 && q <= 4 ? (unsigned)q : 1u));
	if (q == 4) {
		date_of(year + 1, 2, month_days(year + 1, 2), due);
		return;
	}
	if (q == 3 || (q <= 2 && q1 + q2 <= VAT_BOLLO_DEFER_LIMIT))
		date_of(year, 11, 30, due);
	else if (q == 2 || q1 <= VAT_BOLLO_DEFER_LIMIT)
		date_of(year, 9, 30, due);
	else
		date_of(year, 5, 31, due);
}

void
vat_ritenute_due(const char *paid, char *due)
{
	int y = atoi(paid), m = atoi(paid + 5);

	if (m == 12)
		date_of(y + 1, 1, 16, due);
	else
		date_of(y, m + 1, 16, due);
}

/* The ritenuta withheld on the payments by the end of a month that add up
 * to paid. */
static int64_t
ritenuta_share(int64_t ritenuta, int64_t payable, int64_t paid)
{
	__int128 num;

	if (payable <= 0 || paid >= payable)
		return ritenuta;
	if (paid <= 0)
		return 0;
	num = (__int128)ritenuta * paid;
	return (int64_t)((2 * num + payable) / (2 * (__int128)payable));
}

int64_t
vat_ritenuta_withheld(int64_t ritenuta, int64_t payable, int64_t paid_before, int64_t paid_in)
{
	return ritenuta_share(ritenuta, payable, paid_before + paid_in) -
	       ritenuta_share(ritenuta, payable, paid_before);
}
