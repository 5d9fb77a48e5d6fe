/* The commands of an F24 (record.h: struct record_command): To pay (the
 * due date offered by the 16th rule from the latest period its rows refer
 * to), Copy (a new draft, each period one month on) and Template (kept to
 * be copied, never paid). Each writes through the record interface, in one
 * transaction (record_save_ex). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "book/f24.h"
#include "book/f24-impl.h"
#include "book/f24-pdf.h"
#include "util/i18n.h"
#include "util/util.h"

void
f24_today(char *out)
{
	util_today(out);
}

static int
is_template(const struct record *r)
{
	return strcmp(record_get(r, F24_TEMPLATE), "1") == 0;
}

/* ---- periods ---- */

/* The month of an IVA mensile code (6001 gennaio ... 6012 dicembre), or 0. */
static int
iva_month(const char *code)
{
	int n = atoi(code);

	return strlen(code) == 4 && n >= 6001 && n <= 6012 ? n - 6000 : 0;
}

/* The month a row's rate field gives as mese rif. (00MM), or 0. */
static int
rate_month(const char *rate)
{
	int m;

	if (strlen(rate) != 4 || strncmp(rate, "00", 2) != 0 || strspn(rate, "0123456789") != 4)
		return 0;
	m = atoi(rate + 2);
	return m >= 1 && m <= 12 ? m : 0;
}

/* mm/aaaa into *y, *m: 1, or 0 when empty or not so. */
static int
month_year(const char *v, int *y, int *m)
{
	if (strlen(v) != 7 || v[2] != '/' || sscanf(v, "%2d/%4d", m, y) != 2 || *m < 1 || *m > 12)
		return 0;
	return 1;
}

/* Where the rows of each section keep their code, rate, year and period. */
struct section_refs {
	int code, rate, year, from, to; /* field indexes, -1: none */
};

static const struct section_refs refs[F24_NSECTIONS] = {
	[F24_ERARIO] = { ERARIO_CODE, ERARIO_RATE, ERARIO_YEAR, -1, -1 },
	[F24_INPS] = { -1, -1, -1, INPS_FROM, INPS_TO },
	[F24_REGIONI] = { REGIONI_CODE, REGIONI_RATE, REGIONI_YEAR, -1, -1 },
	[F24_LOCALI] = { LOCALI_CODE, LOCALI_RATE, LOCALI_YEAR, -1, -1 },
	[F24_INAIL] = { -1, -1, -1, -1, -1 },
	[F24_ALTRI] = { -1, -1, -1, ALTRI_FROM, ALTRI_TO },
};

/* The month row refers to (year*12 + month-1), or -1. */
static int
row_period(const struct section_refs *s, const struct record *row)
{
	int y, m;

	if (s->year >= 0 && (y = atoi(record_get(row, (size_t)s->year))) > 0) {
		if ((m = rate_month(record_get(row, (size_t)s->rate))) > 0 ||
		    (m = iva_month(record_get(row, (size_t)s->code))) > 0)
			return y * 12 + m - 1;
	}
	if (s->to >= 0 && (month_year(record_get(row, (size_t)s->to), &y, &m) ||
			   month_year(record_get(row, (size_t)s->from), &y, &m)))
		return y * 12 + m - 1;
	return -1;
}

int
f24_latest_period(const struct record *f, int *y, int *m)
{
	int best = -1;

	for (size_t s = 0; s < F24_NSECTIONS && f->rows != NULL; s++)
		for (size_t i = 0; i < f->rows[s].n; i++) {
			int p = row_period(&refs[s], f->rows[s].row[i]);
			if (p > best)
				best = p;
		}
	if (best < 0)
		return 0;
	*y = best / 12;
	*m = best % 12 + 1;
	return 1;
}

void
f24_due_offer(const struct record *f, const char *today, char *out)
{
	int y, m, d;
	char work[11];

	if (!f24_latest_period(f, &y, &m)) {
		/* what a row does not date is taken as last month's */
		if (sscanf(today, "%4d-%2d-%2d", &y, &m, &d) != 3)
			y = 2000, m = 1;
		if (--m < 1) {
			m = 12;
			y--;
		}
	}
	f24_due_date(y, m, out);
	if (f24_working_day(today, work) == 0 && strcmp(out, work) < 0)
		str_copy(out, work, 11);
}

int
f24_date_parse(const char *typed, char *iso)
{
	int y, m, d, n = 0;
	char s[48];

	if (!((sscanf(typed, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && typed[n] == '\0' &&
	       strlen(typed) == 10) ||
	      (sscanf(typed, "%2d/%2d/%4d%n", &d, &m, &y, &n) == 3 && typed[n] == '\0' &&
	       y >= 1000)))
		return -1;
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
	if (check_iso_date(s, NULL) < 0)
		return -1;
	str_copy(iso, s, 11);
	return 0;
}

/* ---- To pay ---- */

int
f24_to_pay(struct book *b, const struct record *f, const char *due, const char *today,
	   char *err)
{
	struct record *w;
	struct record_fault fault;
	char shown[32];
	int rc;

	if (strcmp(record_get(f, F24_STATE), "D") != 0)
		return err_set(err, _("only a draft can be set to pay")), REC_INVALID;
	if (is_template(f))
		return err_set(err, _("a template is never paid: copy it, then set the copy to "
				      "pay")),
		       REC_INVALID;
	if (check_iso_date(due, NULL) < 0)
		return err_set(err, _("the due date must be a date, dd/mm/yyyy")), REC_INVALID;
	if (strcmp(due, today) < 0) {
		snprintf(shown, sizeof shown, "%.2s/%.2s/%.4s", due + 8, due + 5, due);
		return err_set(err, _("the due date %s is past: give today or a later day"),
			       shown),
		       REC_INVALID;
	}
	w = record_copy(f);
	record_set(w, F24_STATE, "T");
	record_set(w, F24_DUE_DATE, due);
	rc = record_save_ex(b, w, &fault, err);
	record_free(w);
	return rc;
}

/* ---- Copy ---- */

/* Month m of year y moved by one: into *y, *m. */
static void
month_on(int *y, int *m)
{
	if (++*m > 12) {
		*m = 1;
		++*y;
	}
}

static void
set_int(struct record *r, size_t field, const char *fmt, int v)
{
	char s[32];

	snprintf(s, sizeof s, fmt, v);
	record_set(r, field, s);
}

/* A period mm/aaaa one month on; empty stays empty. */
static void
period_on(struct record *row, int field)
{
	int y, m;
	char s[32];

	if (field < 0 || !month_year(record_get(row, (size_t)field), &y, &m))
		return;
	month_on(&y, &m);
	snprintf(s, sizeof s, "%02d/%04d", m, y);
	record_set(row, (size_t)field, s);
}

/* A row's references one month on: its mese rif. or IVA mensile code and
 * then its anno when December became January; a row that gives no month
 * takes the next year when the form's latest period did (new_year). */
static void
row_on(const struct section_refs *s, struct record *row, int new_year)
{
	int y = s->year >= 0 ? atoi(record_get(row, (size_t)s->year)) : 0, m;

	if (s->year >= 0) {
		if ((m = rate_month(record_get(row, (size_t)s->rate))) > 0) {
			if (m == 12 && y > 0)
				set_int(row, (size_t)s->year, "%04d", y + 1);
			set_int(row, (size_t)s->rate, "00%02d", m % 12 + 1);
		} else if ((m = iva_month(record_get(row, (size_t)s->code))) > 0) {
			if (m == 12 && y > 0)
				set_int(row, (size_t)s->year, "%04d", y + 1);
			set_int(row, (size_t)s->code, "%04d", 6000 + m % 12 + 1);
		} else if (new_year && y > 0)
			set_int(row, (size_t)s->year, "%04d", y + 1);
	}
	period_on(row, s->from);
	period_on(row, s->to);
}

int
f24_copy(struct book *b, const struct record *f, int64_t *id, char *err)
{
	struct record *c = record_new(&f24_kind);
	struct record_fault fault;
	int y, m, new_year, rc;

	new_year = f24_latest_period(f, &y, &m) && m == 12;
	for (size_t i = 0; i < F24_NFIELDS; i++)
		if (f24_kind.fields[i].sql == NULL)
			record_set(c, i, record_get(f, i));
	record_set(c, F24_STATE, "D");
	record_set(c, F24_DUE_DATE, "");
	record_set(c, F24_PAID_DATE, "");
	record_set(c, F24_TEMPLATE, "0");
	for (size_t s = 0; s < F24_NSECTIONS && f->rows != NULL; s++)
		for (size_t i = 0; i < f->rows[s].n; i++) {
			struct record *row = record_copy(f->rows[s].row[i]);
			row->id = 0;
			row->version = 0;
			row_on(&refs[s], row, new_year);
			record_rows_insert(&c->rows[s], c->rows[s].n, row);
		}
	if ((rc = record_save_ex(b, c, &fault, err)) == 0)
		*id = c->id;
	record_free(c);
	return rc;
}

/* ---- Template ---- */

int
f24_make_template(struct book *b, const struct record *f, char *err)
{
	struct record *w;
	struct record_fault fault;
	int rc;

	if (strcmp(record_get(f, F24_STATE), "D") != 0)
		return err_set(err, _("only a draft can become a template")), REC_INVALID;
	w = record_copy(f);
	record_set(w, F24_TEMPLATE, "1");
	rc = record_save_ex(b, w, &fault, err);
	record_free(w);
	return rc;
}

/* ---- the commands' table ---- */

static int
applies_to_pay(const struct record *r)
{
	return strcmp(record_get(r, F24_STATE), "D") == 0 && !is_template(r);
}

static int
applies_template(const struct record *r)
{
	return strcmp(record_get(r, F24_STATE), "D") == 0 && !is_template(r);
}

/* The due date offered, as the user types dates: dd/mm/yyyy. */
static void
preset_due(struct book *b, const struct record *r, char *out)
{
	char today[11], due[11];

	(void)b;
	f24_today(today);
	f24_due_offer(r, today, due);
	snprintf(out, ERR_SIZE, "%.2s/%.2s/%.4s", due + 8, due + 5, due);
}

static int
run_to_pay(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	   char *msg, char *err)
{
	char iso[11], today[11];
	int rc;

	(void)open_id;
	if (arg == NULL || f24_date_parse(arg, iso) < 0)
		return err_set(err, _("the due date must be a date, dd/mm/yyyy")), REC_INVALID;
	f24_today(today);
	if ((rc = f24_to_pay(b, r, iso, today, err)) == 0)
		err_set(msg, _("To pay by %.2s/%.2s/%.4s."), iso + 8, iso + 5, iso);
	return rc;
}

static int
run_copy(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	 char *err)
{
	int rc;

	(void)arg;
	if ((rc = f24_copy(b, r, open_id, err)) == 0)
		err_set(msg, "%s", _("Copied: a new draft, its periods one month on."));
	return rc;
}

static int
run_template(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	     char *msg, char *err)
{
	int rc;

	(void)arg;
	(void)open_id;
	if ((rc = f24_make_template(b, r, err)) == 0)
		err_set(msg, "%s", _("Now a template: Copy makes drafts of it."));
	return rc;
}

const struct record_command f24_commands[F24_NCOMMANDS] = {
	{ .name = "to-pay", .label = N_("To pay"),
	  .help = N_("set the draft to pay by a due date (offered by the 16th rule)"),
	  .applies = applies_to_pay, .ask = RECORD_ASK_TEXT,
	  .prompt = N_("Due date (dd/mm/yyyy):"), .preset = preset_due, .run = run_to_pay },
	{ .name = "copy", .label = N_("Copy"),
	  .help = N_("a new draft with the same rows, each period one month on"),
	  .ask = RECORD_ASK_NONE, .run = run_copy },
	{ .name = "template", .label = N_("Template"),
	  .help = N_("keep this draft as a template: listed, copied, never paid"),
	  .applies = applies_template, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Make this F24 a template (never paid, only copied)?"),
	  .run = run_template },
	/* paying (f24-pay.c) */
	{ .name = "pay", .label = N_("Pay"),
	  .help = N_("Pay: the date, account and bank reference, a receipt file; writes the "
		     "prima nota entry"),
	  .applies = f24_applies_pay, .screen = "f24_pay", .link_field = "f24_id",
	  .prepare = f24_prepare_pay },
	{ .name = "cancel", .label = N_("Cancel payment"),
	  .help = N_("Cancel the payment: writes the reversing prima nota entry, back to pay"),
	  .applies = f24_applies_paid, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Cancel this payment, writing the reversing prima nota entry today?"),
	  .run = f24_run_cancel },
	{ .name = "receipt", .label = N_("Attach receipt"),
	  .help = N_("Attach a receipt file (the bank's quietanza) of the book's import folder"),
	  .applies = f24_applies_paid, .ask = RECORD_ASK_FILE_IN,
	  .prompt = N_("Receipt file to attach:"), .run = f24_run_attach },
	{ .name = "receipt-export", .label = N_("Export receipt"),
	  .help = N_("Write the latest receipt file into the book's export folder"),
	  .applies = f24_applies_receipts, .ask = RECORD_ASK_FILE_OUT,
	  .prompt = N_("Export the receipt as:"), .preset = f24_preset_export,
	  .run = f24_run_export },
	/* out (f24-pdf.c) */
	F24_PDF_COMMAND,
};
