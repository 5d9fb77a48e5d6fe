/* The VAT settlements kept (table vat_settlements) as a record kind for
 * the screens and the command line: a period typed, its figures computed
 * from the book (shown as typed, recomputed on every save, so they are
 * never what a screen says); once its F24 draft is made it is frozen, and
 * deleting the draft frees it. Its commands make the F24 drafts (the
 * settlement's, the acconto's, the bollo's, the ritenute's) and show or
 * write the period's registers. */
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
check_period(const char *v, char *err)
{
	struct vat_period p;
	char text[VAT_PERIOD_TEXT];

	if (vat_period_parse(v, &p, err) < 0)
		return -1;
	if (strcmp(vat_period_text(&p, text), v) != 0)
		return err_set(err, _("write it as %s"), text);
	return 0;
}

static int
check_cents(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0)
		return err_set(err, "%s", _("must be an amount in cents"));
	return 0;
}

static int
check_credit(const char *v, char *err)
{
	if (v[0] == '-' || check_integer(v, NULL) < 0)
		return err_set(err, "%s", _("must be an amount in cents, not negative"));
	return 0;
}

static int
check_id(const char *v, char *err)
{
	if (v[0] == '-' || v[0] == '0' || check_integer(v, NULL) < 0)
		return err_set(err, "%s", _("must be a record's number"));
	return 0;
}

#define CENTS(name, label) { name, label, 20, RECF_REQUIRED, "0", check_cents, NULL }

static const struct record_field fields[VS_NFIELDS] = {
	[VS_PERIOD] = { "period", N_("Period"), 7, RECF_REQUIRED, NULL, check_period, NULL },
	[VS_PERIODICITY] = { "periodicity", N_("VAT settlement"), 1, RECF_REQUIRED, "M", NULL,
			     NULL },
	[VS_VP2] = CENTS("vp2", N_("VP2 active operations")),
	[VS_VP3] = CENTS("vp3", N_("VP3 passive operations")),
	[VS_VP4] = CENTS("vp4", N_("VP4 VAT owed")),
	[VS_VP5] = CENTS("vp5", N_("VP5 VAT deducted")),
	[VS_VP6_DEBIT] = CENTS("vp6_debit", N_("VP6 owed")),
	[VS_VP6_CREDIT] = CENTS("vp6_credit", N_("VP6 credit")),
	[VS_VP7] = CENTS("vp7", N_("VP7 debit carried")),
	[VS_VP8] = CENTS("vp8", N_("VP8 credit of the period before")),
	[VS_VP9] = { "vp9", N_("VP9 credit of the year before"), 20, RECF_REQUIRED, "0",
		     check_credit, NULL },
	[VS_VP12] = CENTS("vp12", N_("VP12 interest")),
	[VS_VP13] = CENTS("vp13", N_("VP13 acconto")),
	[VS_VP14_DEBIT] = CENTS("vp14_debit", N_("VP14 to pay")),
	[VS_VP14_CREDIT] = CENTS("vp14_credit", N_("VP14 credit")),
	[VS_SPLIT_VAT] = CENTS("split_vat", N_("Split payment VAT")),
	[VS_REVERSE_VAT] = CENTS("reverse_vat", N_("Reverse charge VAT")),
	[VS_TO_PAY] = CENTS("to_pay", N_("To pay")),
	[VS_CARRIED] = { "carried", N_("Carried forward"), 1, RECF_REQUIRED, "0", NULL, NULL },
	[VS_CODE] = { "code", N_("Codice tributo"), 4, 0, NULL, NULL, NULL },
	[VS_DUE] = { "due", N_("Due date"), 10, 0, NULL, check_iso_date, NULL },
	[VS_F24] = { "f24_id", N_("F24"), 20, RECF_NULL, NULL, check_id, NULL },
	[VS_NOTES] = { "notes", N_("Notes"), 1000, 0, NULL, NULL, NULL },
	[VS_REVERSE_NONDED] = CENTS("reverse_nondeductible",
				    N_("Reverse charge VAT not deductible")),
};

static void
set_cents(struct record *r, size_t f, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	record_set(r, f, buf);
}

/* r's figures from the book, for its period and VP9 as typed. */
static int
compute_into(struct book *b, struct record *r, struct vat_result *res, char *err)
{
	struct vat_period p;
	char per[2] = "";
	char sub[ERR_SIZE];
	int rc;

	if (vat_period_parse(record_get(r, VS_PERIOD), &p, sub) < 0)
		return record_invalid(r, VS_PERIOD, NULL, sub, err);
	rc = vat_compute(b, &p, strtoll(record_get(r, VS_VP9), NULL, 10), res, sub);
	if (rc == REC_INVALID)
		return record_invalid(r, VS_PERIOD, NULL, sub, err);
	if (rc < 0)
		return err_set(err, "%s", sub), REC_ERROR;
	per[0] = res->periodicity;
	record_set(r, VS_PERIODICITY, per);
	set_cents(r, VS_VP2, res->s.vp2);
	set_cents(r, VS_VP3, res->s.vp3);
	set_cents(r, VS_VP4, res->s.vp4);
	set_cents(r, VS_VP5, res->s.vp5);
	set_cents(r, VS_VP6_DEBIT, res->s.vp6_debit);
	set_cents(r, VS_VP6_CREDIT, res->s.vp6_credit);
	set_cents(r, VS_VP7, res->s.vp7);
	set_cents(r, VS_VP8, res->s.vp8);
	set_cents(r, VS_VP12, res->s.vp12);
	set_cents(r, VS_VP13, res->s.vp13);
	set_cents(r, VS_VP14_DEBIT, res->s.vp14_debit);
	set_cents(r, VS_VP14_CREDIT, res->s.vp14_credit);
	set_cents(r, VS_SPLIT_VAT, res->sums.split_vat);
	set_cents(r, VS_REVERSE_VAT, res->sums.reverse_vat);
	set_cents(r, VS_REVERSE_NONDED, res->sums.reverse_nondeductible);
	set_cents(r, VS_TO_PAY, res->s.to_pay);
	record_set(r, VS_CARRIED, res->s.carried ? "1" : "0");
	record_set(r, VS_CODE, res->s.code);
	record_set(r, VS_DUE, res->due);
	return 0;
}

static int
vs_insert(struct book *b, struct record *r, char *err)
{
	struct vat_result res;
	int64_t id;
	int rc;

	if (vat_settlement_find(b, record_get(r, VS_PERIOD), &id, err) < 0)
		return REC_ERROR;
	if (id != 0)
		return record_invalid(r, VS_PERIOD, NULL,
				      _("this period's settlement is kept already: open it from "
					"the list"),
				      err);
	record_set(r, VS_F24, "");
	if ((rc = compute_into(b, r, &res, err)) < 0)
		return rc;
	return record_table_insert(b, r, err);
}

/* A settlement with its F24 draft is not recomputed: the draft holds its
 * figures (vat_settlement_f24 saves the link with the figures it made
 * the draft of). */
static int
vs_update(struct book *b, struct record *r, char *err)
{
	struct record *kept = NULL;
	struct vat_result res;
	int64_t id;
	int rc;

	if ((rc = record_load(b, r->kind, r->id, &kept, err)) < 0)
		return rc;
	if (record_get(kept, VS_F24)[0] != '\0') {
		rc = record_invalid(r, VS_PERIOD, NULL,
				    _("its F24 draft is made: delete the draft to settle the period "
				      "again"),
				    err);
		record_free(kept);
		return rc;
	}
	record_free(kept);
	if (vat_settlement_find(b, record_get(r, VS_PERIOD), &id, err) < 0)
		return REC_ERROR;
	if (id != 0 && id != r->id)
		return record_invalid(r, VS_PERIOD, NULL,
				      _("this period's settlement is kept already: open it from "
					"the list"),
				      err);
	if ((rc = compute_into(b, r, &res, err)) < 0)
		return rc;
	return record_table_update(b, r, err);
}

/* After the period or VP9 is typed: the figures as they would be saved. */
static int
vs_fill(struct book *b, struct record *r, size_t child, size_t row, size_t field, char *err)
{
	struct vat_result res;
	char sub[ERR_SIZE];

	(void)row;
	if (child != RECORD_PARENT || (field != VS_PERIOD && field != VS_VP9))
		return 0;
	if (check_period(record_get(r, VS_PERIOD), sub) < 0)
		return 0; /* the field's own check says so */
	if (compute_into(b, r, &res, sub) < 0) {
		const char *colon = strstr(sub, ": ");
		return err_set(err, "%s", colon != NULL ? colon + 2 : sub);
	}
	return 0;
}

/* The period before the one today is in, as the company settles. */
static int
vs_init(struct book *b, struct record *r, char *err)
{
	struct vat_period p;
	char today[11], per, text[VAT_PERIOD_TEXT];

	if (vat_periodicity(b, &per, err) < 0)
		return -1;
	util_today(today);
	p.year = atoi(today);
	p.kind = per == VAT_MONTHLY ? 'M' : 'Q';
	p.n = per == VAT_MONTHLY ? atoi(today + 5) : (atoi(today + 5) + 2) / 3;
	vat_period_prev(&p, &p);
	record_set(r, VS_PERIOD, vat_period_text(&p, text));
	return vs_fill(b, r, RECORD_PARENT, 0, VS_PERIOD, err) < 0 ? -1 : 0;
}

static int
vs_frozen(const struct record *r, char *caption, char *why)
{
	if (record_get(r, VS_F24)[0] == '\0')
		return 0;
	err_set(caption, _("%s, F24 made"), record_get(r, VS_PERIOD));
	err_set(why, _("The settlement of %s has its F24 draft (number %s): delete the draft to "
		       "settle the period again."),
		record_get(r, VS_PERIOD), record_get(r, VS_F24));
	return 1;
}

/* ---- print: the quadro VP as kept ---- */

static void
result_of(const struct record *r, struct vat_result *res)
{
	memset(res, 0, sizeof *res);
	vat_period_parse(record_get(r, VS_PERIOD), &res->period, NULL);
	res->periodicity = record_get(r, VS_PERIODICITY)[0];
#define C(f) strtoll(record_get(r, f), NULL, 10)
	res->s.vp2 = C(VS_VP2);
	res->s.vp3 = C(VS_VP3);
	res->s.vp4 = C(VS_VP4);
	res->s.vp5 = C(VS_VP5);
	res->s.vp6_debit = C(VS_VP6_DEBIT);
	res->s.vp6_credit = C(VS_VP6_CREDIT);
	res->s.vp7 = C(VS_VP7);
	res->s.vp8 = C(VS_VP8);
	res->s.vp9 = C(VS_VP9);
	res->s.vp12 = C(VS_VP12);
	res->s.vp13 = C(VS_VP13);
	res->s.vp14_debit = C(VS_VP14_DEBIT);
	res->s.vp14_credit = C(VS_VP14_CREDIT);
	res->s.to_pay = C(VS_TO_PAY);
	res->sums.split_vat = C(VS_SPLIT_VAT);
	res->sums.reverse_vat = C(VS_REVERSE_VAT);
	res->sums.reverse_nondeductible = C(VS_REVERSE_NONDED);
#undef C
	res->s.carried = record_get(r, VS_CARRIED)[0] == '1';
	if (res->s.vp14_credit > 0) {
		if (vat_period_is_last(&res->period))
			res->s.credit_year_end = res->s.vp14_credit;
		else
			res->s.credit_next = res->s.vp14_credit;
	}
	str_copy(res->s.code, record_get(r, VS_CODE), sizeof res->s.code);
	str_copy(res->due, record_get(r, VS_DUE), sizeof res->due);
}

static size_t
vs_print(const struct record *r, char ***lines)
{
	struct vat_result res;

	result_of(r, &res);
	return vat_result_text(&res, lines);
}

/* ---- commands ---- */

int
vat_settlement_save(struct book *b, const struct vat_period *p, int64_t credit_year, int64_t *id,
		    char *err)
{
	struct record_fault fault;
	struct record *r = NULL;
	char text[VAT_PERIOD_TEXT];
	int rc;

	vat_period_text(p, text);
	if (vat_settlement_find(b, text, id, err) < 0)
		return REC_ERROR;
	if (*id != 0) {
		if ((rc = record_load(b, vat_settlements_kind(), *id, &r, err)) < 0)
			return rc;
	} else {
		r = record_new(vat_settlements_kind());
		record_set(r, VS_PERIOD, text);
	}
	if (credit_year >= 0)
		set_cents(r, VS_VP9, credit_year);
	rc = record_save_ex(b, r, &fault, err);
	*id = r->id;
	record_free(r);
	return rc;
}

int
vat_settlement_f24(struct book *b, int64_t id, int64_t *f24, char *err)
{
	struct record_fault fault;
	struct vat_result res;
	struct record *r = NULL;
	char sub[ERR_SIZE], buf[32];
	int rc;

	if ((rc = record_load(b, vat_settlements_kind(), id, &r, err)) < 0)
		return rc;
	if (record_get(r, VS_F24)[0] != '\0') {
		err_set(err, _("the settlement of %s has its F24 already (number %s)"),
			record_get(r, VS_PERIOD), record_get(r, VS_F24));
		record_free(r);
		return REC_INVALID;
	}
	if (book_begin(b, err) < 0) {
		record_free(r);
		return REC_ERROR;
	}
	/* the figures as of now, saved with the draft made of them and its
	 * link (the kind's update recomputes the same) */
	if ((rc = compute_into(b, r, &res, sub)) < 0 ||
	    (rc = vat_f24_settlement(b, &res, f24, sub)) < 0) {
		book_rollback(b);
		record_free(r);
		return err_set(err, "%s", sub), rc;
	}
	snprintf(buf, sizeof buf, "%" PRId64, *f24);
	record_set(r, VS_F24, buf);
	rc = record_save_ex(b, r, &fault, sub);
	record_free(r);
	if (rc < 0) {
		book_rollback(b);
		return err_set(err, "%s", sub), rc;
	}
	return book_commit(b, err) < 0 ? REC_ERROR : 0;
}

static int
applies_f24(const struct record *r)
{
	return record_get(r, VS_F24)[0] == '\0' && strtoll(record_get(r, VS_TO_PAY), NULL, 10) > 0;
}

static int
run_f24(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	char *err)
{
	struct record *f = NULL;
	char m[DEC_BUF], d[DATE_TEXT_SIZE];
	int64_t id;
	int rc;

	(void)arg;
	(void)open_id;
	if ((rc = vat_settlement_f24(b, r->id, &id, err)) < 0)
		return rc;
	if (record_load(b, &f24_kind, id, &f, err) == 0)
		err_set(msg, _("F24 draft %" PRId64 " made: %s, %s, due %s."), id,
			record_get(f, F24_DESCRIPTION),
			cents_format_it(strtoll(record_get(f, F24_SALDO), NULL, 10), m, sizeof m),
			date_text(record_get(f, F24_DUE_DATE), d));
	record_free(f);
	return 0;
}

static int
period_of(const struct record *r, struct vat_period *p)
{
	return vat_period_parse(record_get(r, VS_PERIOD), p, NULL);
}

static size_t
show_register(struct book *b, const struct record *r, char side, char ***lines, char *err)
{
	struct vat_period p;

	if (period_of(r, &p) < 0)
		return err_set(err, "%s", _("the period is not valid")), (size_t)-1;
	return vat_register_text(b, side, &p, lines, err);
}

static size_t
show_sales(struct book *b, const struct record *r, char ***lines, char *err)
{
	return show_register(b, r, VAT_SALES, lines, err);
}

static size_t
show_purchases(struct book *b, const struct record *r, char ***lines, char *err)
{
	return show_register(b, r, VAT_PURCHASES, lines, err);
}

static void
preset_pdf(const struct record *r, const char *what, char *out)
{
	snprintf(out, ERR_SIZE, "%s-%s.pdf", what, record_get(r, VS_PERIOD));
}

static void
preset_sales(struct book *b, const struct record *r, char *out)
{
	(void)b;
	preset_pdf(r, "registro-iva-vendite", out);
}

static void
preset_purchases(struct book *b, const struct record *r, char *out)
{
	(void)b;
	preset_pdf(r, "registro-iva-acquisti", out);
}

static int
register_pdf(struct book *b, const struct record *r, char side, const char *path, char *msg,
	     char *err)
{
	struct vat_period p;
	int rc;

	if (period_of(r, &p) < 0)
		return err_set(err, "%s", _("the period is not valid")), REC_INVALID;
	if ((rc = vat_register_pdf(b, side, &p, path, 0, err)) == 0)
		snprintf(msg, ERR_SIZE, _("Written to %s"), path);
	return rc;
}

static int
run_sales_pdf(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	      char *msg, char *err)
{
	(void)open_id;
	return register_pdf(b, r, VAT_SALES, arg, msg, err);
}

static int
run_purchases_pdf(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		  char *msg, char *err)
{
	(void)open_id;
	return register_pdf(b, r, VAT_PURCHASES, arg, msg, err);
}

static void
made(char *msg, int64_t id, const char *what, int64_t amount)
{
	char m[DEC_BUF];

	err_set(msg, _("F24 draft %" PRId64 " made: %s, %s."), id, what,
		cents_format_it(amount, m, sizeof m));
}

static int
run_acconto(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	    char *msg, char *err)
{
	struct vat_period p;
	struct vat_tax t;
	int rc;

	(void)arg;
	(void)open_id;
	period_of(r, &p);
	if ((rc = vat_acconto(b, p.year, 1, &t, err)) == 0)
		made(msg, t.f24, _("VAT acconto"), t.amount);
	return rc;
}

/* A quarter, or a month that ends one: the bollo of that quarter. */
static int
bollo_quarter(const struct record *r, struct vat_period *q)
{
	if (period_of(r, q) < 0 || (q->kind == 'M' && q->n % 3 != 0))
		return 0;
	if (q->kind == 'M') {
		q->kind = 'Q';
		q->n /= 3;
	}
	return 1;
}

static int
applies_bollo(const struct record *r)
{
	struct vat_period q;

	return bollo_quarter(r, &q);
}

static int
run_bollo(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	  char *err)
{
	struct vat_period q;
	struct vat_tax t;
	int rc;

	(void)arg;
	(void)open_id;
	bollo_quarter(r, &q);
	if ((rc = vat_bollo(b, &q, 1, &t, err)) == 0)
		made(msg, t.f24, _("bollo"), t.amount);
	return rc;
}

/* The ritenute of each month of the period with any, a draft a month. */
static int
run_ritenute(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	     char *msg, char *err)
{
	struct vat_period p;
	int first, last, drafts = 0;
	int64_t id = 0, total = 0;
	struct vat_tax t;
	char m[DEC_BUF], sub[ERR_SIZE] = "";

	(void)arg;
	(void)open_id;
	period_of(r, &p);
	vat_period_months(&p, &first, &last);
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	for (int mo = first; mo <= last; mo++) {
		struct vat_period month = { p.year, 'M', mo };
		int rc = vat_ritenute(b, &month, 1, &t, sub);

		if (rc == REC_INVALID)
			continue; /* none that month */
		if (rc < 0) {
			book_rollback(b);
			return err_set(err, "%s", sub), rc;
		}
		drafts++;
		id = t.f24;
		total += t.amount;
	}
	if (drafts == 0) {
		book_rollback(b);
		return err_set(err, "%s", sub), REC_INVALID;
	}
	if (book_commit(b, err) < 0)
		return REC_ERROR;
	cents_format_it(total, m, sizeof m);
	if (drafts == 1)
		made(msg, id, _("ritenute"), total);
	else
		err_set(msg, _("%d F24 drafts of ritenute made, %s in all."), drafts, m);
	return 0;
}

static const struct record_command commands[] = {
	{ .name = "f24", .label = N_("F24 draft"),
	  .help = N_("make the F24 draft of the VAT to pay (6001-6012, 6031-6034, 6099)"),
	  .applies = applies_f24, .ask = RECORD_ASK_NONE, .run = run_f24 },
	{ .name = "sales-register", .label = N_("Sales register"),
	  .help = N_("the period's VAT sales register, with its totals by rate and Natura"),
	  .show = show_sales },
	{ .name = "purchases-register", .label = N_("Purchases register"),
	  .help = N_("the period's VAT purchases register, by protocol, with its totals"),
	  .show = show_purchases },
	{ .name = "sales-pdf", .label = N_("Sales register PDF"),
	  .help = N_("write the period's VAT sales register as a PDF in the export folder"),
	  .ask = RECORD_ASK_FILE_OUT, .prompt = N_("PDF file:"), .preset = preset_sales,
	  .run = run_sales_pdf },
	{ .name = "purchases-pdf", .label = N_("Purchases register PDF"),
	  .help = N_("write the period's VAT purchases register as a PDF in the export folder"),
	  .ask = RECORD_ASK_FILE_OUT, .prompt = N_("PDF file:"), .preset = preset_purchases,
	  .run = run_purchases_pdf },
	{ .name = "acconto", .label = N_("Acconto F24"),
	  .help = N_("the F24 draft of this year's December acconto, by the historical method"),
	  .ask = RECORD_ASK_CONFIRM, .prompt = N_("Make the F24 draft of the VAT acconto?"),
	  .run = run_acconto },
	{ .name = "bollo", .label = N_("Bollo F24"),
	  .help = N_("the F24 draft of the bollo on the quarter's electronic invoices"),
	  .applies = applies_bollo, .ask = RECORD_ASK_NONE, .run = run_bollo },
	{ .name = "ritenute", .label = N_("Ritenute F24"),
	  .help = N_("the F24 drafts (1040) of the ritenute on the purchases paid in the period"),
	  .ask = RECORD_ASK_NONE, .run = run_ritenute },
};

static const struct record_kind kind = {
	.name = "vat_settlements",
	.table = "vat_settlements",
	.fields = fields,
	.nfields = VS_NFIELDS,
	.key_field = VS_PERIOD,
	.load = record_table_load,
	.insert = vs_insert,
	.update = vs_update,
	.remove = record_table_remove,
	.browse = record_table_browse,
	.find = record_table_find,
	.commands = commands,
	.ncommands = ARRAY_LEN(commands),
	.init = vs_init,
	.fill = vs_fill,
	.frozen = vs_frozen,
	.print_text = vs_print,
};

const struct record_kind *
vat_settlements_kind(void)
{
	return &kind;
}

void
vat_kind_register(void)
{
	record_kind_register(&kind);
}
