/* The F24 ordinario: its record kinds (the form and one grid per section),
 * the checks the bank would make on each row and on the whole (each naming
 * its rule), the totals and saldo finale in cents, and the due date. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "book/f24-text.h"
#include "book/f24.h"
#include "book/f24-impl.h"
#include "book/pn-impl.h"
#include "book/f24-models.h"
#include "util/codelist.h"
#include "util/i18n.h"
#include "util/util.h"

/* ---- the code list ---- */

int
f24_code_parse(const char *d, struct f24_code *out, char *err)
{
	const char *p = d;
	size_t n;

	memset(out, 0, sizeof *out);
	n = strcspn(p, " ");
	if (n != 2 || (strncmp(p, "ER", 2) && strncmp(p, "RG", 2) && strncmp(p, "EL", 2) &&
		       strncmp(p, "ID", 2)))
		return err_set(err, _("the description starts with the section: ER, RG, EL or ID"));
	memcpy(out->section, p, 2);
	p += n + strspn(p + n, " ");
	n = strcspn(p, " ");
	if (n == 0 || (n == 1 && *p == '-'))
		;
	else if (strspn(p, "ARrM") < n)
		return err_set(err, _("after the section come the reference fields: A, R, r, M "
				      "or -"));
	for (size_t i = 0; i < n; i++)
		out->refs |= p[i] == 'A'   ? F24_REF_YEAR
			     : p[i] == 'R' ? F24_REF_RATE
			     : p[i] == 'r' ? F24_REF_RATE_OK
			     : p[i] == 'M' ? F24_REF_MONTH
					   : 0;
	p += n + strspn(p + n, " ");
	n = strcspn(p, " ");
	if (n != 1 || (*p != 'C' && *p != '-'))
		return err_set(err, _("after the reference fields comes C (a credit may be offset) "
				      "or -"));
	out->credit = *p == 'C';
	p += n + strspn(p + n, " ");
	if (*p == '\0')
		return err_set(err, _("the code has no description after its attributes"));
	out->text = p;
	return 0;
}

int
f24_code_find(const char *code, struct f24_code *out, char *err)
{
	const struct codelist *l = codelist_shared(CODELIST_F24_CODES, err);
	const struct code_entry *e;
	char msg[ERR_SIZE];

	if (l == NULL)
		return -1;
	if ((e = codelist_find(l, code)) == NULL)
		return 0;
	if (f24_code_parse(e->text, out, msg) < 0) {
		err_set(err, "%s, %s: %s", CODELIST_F24_CODES, code, msg);
		return -1;
	}
	return 1;
}

static const char *
section_name(const char *code)
{
	static const struct { const char *code, *name; } names[] = {
		{ "ER", N_("Erario") },
		{ "RG", N_("Regioni") },
		{ "EL", N_("IMU e altri tributi locali") },
		{ "ID", N_("Elide") },
	};
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strcmp(names[i].code, code) == 0)
			return _(names[i].name);
	return code;
}

/* ---- field checks ---- */

static int
all_digits(const char *v, size_t n)
{
	return strlen(v) == n && strspn(v, "0123456789") == n;
}

static int
check_cents(const char *v, char *err)
{
	if (v[0] == '-' || check_integer(v, NULL) < 0 || strlen(v) > 13)
		return err_set(err, _("must be an amount in cents, not negative"));
	return 0;
}

static int
check_year(const char *v, char *err)
{
	if (!all_digits(v, 4) || v[0] < '1' || v[0] > '2')
		return err_set(err, _("must be a year, AAAA (rule: anno di riferimento in four "
				      "digits)"));
	return 0;
}

/* Rateazione, or the month in 00MM: four digits (their form is the code's). */
static int
check_four(const char *v, char *err)
{
	if (!all_digits(v, 4))
		return err_set(err, _("must be four digits: NNRR (rata NN of RR) or 00MM"));
	return 0;
}

static int
check_tax_code(const char *v, char *err)
{
	if (!code_chars_ok(v, "") || strlen(v) != 4)
		return err_set(err, _("must be a codice tributo of four characters"));
	return 0;
}

/* mm/aaaa, a month that exists. */
static int
check_month_year(const char *v, char *err)
{
	if (strlen(v) != 7 || v[2] != '/' || !all_digits((char[]){ v[0], v[1], 0 }, 2) ||
	    !all_digits(v + 3, 4) || atoi(v) < 1 || atoi(v) > 12)
		return err_set(err, _("must be a period as mm/aaaa"));
	return 0;
}

static int
check_flag(const char *v, char *err)
{
	return check_one_of(v, "0 1", _("must be 1 (marked) or 0"), err);
}

static int
check_state(const char *v, char *err)
{
	return check_one_of(v, "D T P", _("must be D (draft), T (to pay) or P (paid)"), err);
}

static int
check_region(const char *v, char *err)
{
	int rc = code_listed(CODELIST_F24_REGIONS, v, err);

	if (rc == 0)
		return err_set(err, _("must be a codice regione from 01 to 21"));
	return rc > 0 ? 0 : -1;
}

static int
check_inps_causale(const char *v, char *err)
{
	int rc = code_listed(CODELIST_F24_INPS, v, err);

	if (rc == 0)
		return err_set(err, _("is not an INPS causale of data/f24-causali-inps.txt"));
	return rc > 0 ? 0 : -1;
}

static int
check_id_code(const char *v, char *err)
{
	return all_digits(v, 2) ? 0 : err_set(err, _("must be two digits"));
}

/* ---- the checks across a row's fields ---- */

static int64_t
cents(const char *v)
{
	return v[0] == '\0' ? 0 : strtoll(v, NULL, 10);
}

/* NNRR with 1 <= NN <= RR. */
static int
rate_ok(const char *v)
{
	int nn, rr;

	if (!all_digits(v, 4))
		return 0;
	nn = (v[0] - '0') * 10 + (v[1] - '0');
	rr = (v[2] - '0') * 10 + (v[3] - '0');
	return nn >= 1 && nn <= rr;
}

static int
month_ok(const char *v)
{
	return all_digits(v, 4) && v[0] == '0' && v[1] == '0' && atoi(v + 2) >= 1 &&
	       atoi(v + 2) <= 12;
}

/* A field of a row, or "" for F24_NO_FIELD (a model without it). */
static const char *
field_or_empty(const struct record *r, size_t f)
{
	return f == F24_NO_FIELD ? "" : record_get(r, f);
}

/* A row with a codice tributo: its section, reference fields and credit,
 * from data/f24-codici.txt. */
static int
tax_row_validate(const struct record *r, const char *section, size_t fcode, size_t frate,
		 size_t fyear, size_t fdebit, size_t fcredit, size_t *bad, char *err)
{
	const char *code = record_get(r, fcode), *rate = field_or_empty(r, frate);
	struct f24_code c;
	char msg[ERR_SIZE];
	int rc = f24_code_find(code, &c, msg);

	if (rc < 0)
		return record_invalid(r, fcode, bad, msg, err);
	if (rc == 0) {
		err_set(msg, _("codice tributo %s is not in %s (rule: only listed codes; add it "
			       "there)"),
			code, CODELIST_F24_CODES);
		return record_invalid(r, fcode, bad, msg, err);
	}
	if (strcmp(c.section, section) != 0) {
		err_set(msg, _("codice tributo %s goes in the %s section, not in %s (rule: each "
			       "code in its own section)"),
			code, section_name(c.section), section_name(section));
		return record_invalid(r, fcode, bad, msg, err);
	}
	if ((c.refs & F24_REF_YEAR) && field_or_empty(r, fyear)[0] == '\0') {
		err_set(msg, _("codice tributo %s needs the anno di riferimento (rule: anno "
			       "required)"),
			code);
		return record_invalid(r, fyear, bad, msg, err);
	}
	if ((c.refs & F24_REF_RATE) && rate[0] == '\0') {
		err_set(msg, _("codice tributo %s needs the rateazione as NNRR, 0101 for one "
			       "payment (rule: rateazione required)"),
			code);
		return record_invalid(r, frate, bad, msg, err);
	}
	if ((c.refs & F24_REF_MONTH) && !month_ok(rate)) {
		err_set(msg, _("codice tributo %s needs the mese di riferimento as 00MM (rule: "
			       "mese rif. required)"),
			code);
		return record_invalid(r, frate, bad, msg, err);
	}
	if ((c.refs & (F24_REF_RATE | F24_REF_RATE_OK)) && rate[0] != '\0' && !rate_ok(rate))
		return record_invalid(r, frate, bad,
				      _("must be NNRR, rata NN of RR with 01 <= NN <= RR (rule: "
					"rateazione NNRR)"),
				      err);
	if (!(c.refs & (F24_REF_RATE | F24_REF_RATE_OK | F24_REF_MONTH)) && rate[0] != '\0') {
		err_set(msg, _("codice tributo %s takes no rateazione or mese rif. (rule: only "
			       "the fields the code asks for)"),
			code);
		return record_invalid(r, frate, bad, msg, err);
	}
	if (cents(field_or_empty(r, fcredit)) > 0 && !c.credit) {
		err_set(msg, _("codice tributo %s allows no credit to be offset (rule: credit "
			       "only where the code allows it)"),
			code);
		return record_invalid(r, fcredit, bad, msg, err);
	}
	if (cents(record_get(r, fdebit)) == 0 && cents(field_or_empty(r, fcredit)) == 0)
		return record_invalid(r, fdebit, bad, _("a row needs a debit or a credit"), err);
	return 0;
}

static int
erario_validate(const struct record *r, size_t *bad, char *err)
{
	return tax_row_validate(r, "ER", ERARIO_CODE, ERARIO_RATE, ERARIO_YEAR, ERARIO_DEBIT,
				ERARIO_CREDIT, bad, err);
}

static int
regioni_validate(const struct record *r, size_t *bad, char *err)
{
	return tax_row_validate(r, "RG", REGIONI_CODE, REGIONI_RATE, REGIONI_YEAR, REGIONI_DEBIT,
				REGIONI_CREDIT, bad, err);
}

static int
locali_validate(const struct record *r, size_t *bad, char *err)
{
	int rc = f24_ente_validate(r, LOCALI_ENTE, LOCALI_CODE, bad, err);

	return rc < 0 ? rc
		      : tax_row_validate(r, "EL", LOCALI_CODE, LOCALI_RATE, LOCALI_YEAR,
					 LOCALI_DEBIT, LOCALI_CREDIT, bad, err);
}

/* mm/aaaa as aaaamm, to compare. */
static int
period_key(const char *v)
{
	return atoi(v + 3) * 100 + atoi(v);
}

/* A period da - a: "a" needs "da", and "da" not after "a". */
static int
period_validate(const struct record *r, size_t ffrom, size_t fto, size_t *bad, char *err)
{
	const char *from = record_get(r, ffrom), *to = record_get(r, fto);

	if (from[0] == '\0' && to[0] != '\0')
		return record_invalid(r, ffrom, bad, _("a period \"a\" needs its \"da\""), err);
	if (from[0] != '\0' && to[0] != '\0' && period_key(from) > period_key(to))
		return record_invalid(r, fto, bad,
				      _("the period ends before it starts (rule: \"da\" not after "
					"\"a\")"),
				      err);
	return 0;
}

static int
amounts_validate(const struct record *r, size_t fdebit, size_t fcredit, size_t *bad, char *err)
{
	if (cents(record_get(r, fdebit)) == 0 && cents(record_get(r, fcredit)) == 0)
		return record_invalid(r, fdebit, bad, _("a row needs a debit or a credit"), err);
	return 0;
}

static int
inps_validate(const struct record *r, size_t *bad, char *err)
{
	int rc = period_validate(r, INPS_FROM, INPS_TO, bad, err);

	return rc < 0 ? rc : amounts_validate(r, INPS_DEBIT, INPS_CREDIT, bad, err);
}

static int
inail_validate(const struct record *r, size_t *bad, char *err)
{
	return amounts_validate(r, INAIL_DEBIT, INAIL_CREDIT, bad, err);
}

static int
altri_validate(const struct record *r, size_t *bad, char *err)
{
	int rc = period_validate(r, ALTRI_FROM, ALTRI_TO, bad, err);

	return rc < 0 ? rc : amounts_validate(r, ALTRI_DEBIT, ALTRI_CREDIT, bad, err);
}

/* ---- totals ---- */

/* Where each section keeps its debit and credit. */
static const size_t section_amounts[F24_NSECTIONS][2] = {
	[F24_ERARIO] = { ERARIO_DEBIT, ERARIO_CREDIT },
	[F24_INPS] = { INPS_DEBIT, INPS_CREDIT },
	[F24_REGIONI] = { REGIONI_DEBIT, REGIONI_CREDIT },
	[F24_LOCALI] = { LOCALI_DEBIT, LOCALI_CREDIT },
	[F24_INAIL] = { INAIL_DEBIT, INAIL_CREDIT },
	[F24_ALTRI] = { ALTRI_DEBIT, ALTRI_CREDIT },
};

void
f24_totals(const struct record *f, struct f24_totals *t)
{
	memset(t, 0, sizeof *t);
	for (size_t s = 0; s < F24_NSECTIONS && f->rows != NULL; s++)
		for (size_t i = 0; i < f->rows[s].n; i++) {
			t->debit[s] += cents(record_get(f->rows[s].row[i], section_amounts[s][0]));
			t->credit[s] += cents(record_get(f->rows[s].row[i], section_amounts[s][1]));
		}
	f24_models_totals(f, t); /* the semplificato's and Elide's rows */
	for (size_t s = 0; s < F24_NSECTIONS; s++) {
		t->saldo[s] = t->debit[s] - t->credit[s];
		t->debit_total += t->debit[s];
		t->credit_total += t->credit[s];
	}
	t->saldo_finale = t->debit_total - t->credit_total;
}

void
f24_compute(struct record *f)
{
	struct f24_totals t;
	char v[32];

	f24_totals(f, &t);
	snprintf(v, sizeof v, "%lld", (long long)t.saldo_finale);
	record_set(f, F24_SALDO, v);
	for (size_t s = 0; s < F24_NSECTIONS; s++) {
		snprintf(v, sizeof v, "%lld", (long long)t.saldo[s]);
		record_set(f, F24_SALDO_ERARIO + s, v);
	}
}

/* The form: its state's dates, and a saldo finale not below zero (one
 * section's credit may offset another's debits). */
static int
f24_validate(const struct record *r, size_t *bad, char *err)
{
	const char *state = record_get(r, F24_STATE);
	struct f24_totals t;
	char msg[ERR_SIZE];

	if (strcmp(state, "D") != 0 && record_get(r, F24_DUE_DATE)[0] == '\0')
		return record_invalid(r, F24_DUE_DATE, bad,
				      _("an F24 to pay or paid needs its due date"), err);
	if (strcmp(state, "P") == 0 && record_get(r, F24_PAID_DATE)[0] == '\0')
		return record_invalid(r, F24_PAID_DATE, bad, _("a paid F24 needs its payment date"),
				      err);
	if (strcmp(state, "P") != 0 && record_get(r, F24_PAID_DATE)[0] != '\0')
		return record_invalid(r, F24_PAID_DATE, bad,
				      _("only a paid F24 has a payment date"), err);
	if (strcmp(record_get(r, F24_TEMPLATE), "1") == 0 && strcmp(state, "D") != 0)
		return record_invalid(r, F24_TEMPLATE, bad,
				      _("a template stays a draft: copy it to pay (rule: templates "
					"are never paid)"),
				      err);
	if (record_get(r, F24_ID_CODE)[0] != '\0' && record_get(r, F24_COOBLIGATO_CF)[0] == '\0')
		return record_invalid(r, F24_COOBLIGATO_CF, bad,
				      _("a codice identificativo goes with the coobbligato's codice "
					"fiscale"),
				      err);
	if (f24_models_validate(r, bad, err) < 0)
		return REC_INVALID;
	f24_totals(r, &t);
	if (t.saldo_finale < 0) {
		err_set(msg, _("the saldo finale would be below zero: credits %lld,%02lld, debits "
			       "%lld,%02lld (rule: credits offset debits only up to them)"),
			(long long)(t.credit_total / 100), (long long)(t.credit_total % 100),
			(long long)(t.debit_total / 100), (long long)(t.debit_total % 100));
		return record_invalid(r, F24_SALDO, bad, msg, err);
	}
	return 0;
}

/* ---- the kinds ---- */

static int f24_init(struct book *b, struct record *r, char *err);

#define MONEY(name, label) { name, label, 13, RECF_NULL, NULL, check_cents }

static const struct record_field erario_fields[ERARIO_NFIELDS] = {
	[ERARIO_CODE] = { "code", N_("Codice tributo"), 4, RECF_REQUIRED, NULL, check_tax_code },
	[ERARIO_RATE] = { "rate", N_("Rateazione/mese rif."), 4, 0, NULL, check_four },
	[ERARIO_YEAR] = { "year", N_("Anno di riferimento"), 4, 0, NULL, check_year },
	[ERARIO_DEBIT] = MONEY("debit", N_("Importo a debito")),
	[ERARIO_CREDIT] = MONEY("credit", N_("Importo a credito")),
	[ERARIO_OFFICE] = { "office", N_("Codice ufficio"), 3, 0, NULL, NULL },
	[ERARIO_ACT] = { "act", N_("Codice atto"), 11, 0, NULL, NULL },
};

static const struct record_field inps_fields[INPS_NFIELDS] = {
	[INPS_SEDE] = { "sede", N_("Codice sede"), 4, RECF_REQUIRED, NULL, NULL },
	[INPS_CAUSALE] = { "causale", N_("Causale contributo"), 4, RECF_REQUIRED, NULL,
			   check_inps_causale },
	[INPS_MATRICOLA] = { "matricola", N_("Matricola INPS"), 17, 0, NULL, NULL },
	[INPS_FROM] = { "period_from", N_("Periodo da"), 7, 0, NULL, check_month_year },
	[INPS_TO] = { "period_to", N_("Periodo a"), 7, 0, NULL, check_month_year },
	[INPS_DEBIT] = MONEY("debit", N_("Importo a debito")),
	[INPS_CREDIT] = MONEY("credit", N_("Importo a credito")),
};

static const struct record_field regioni_fields[REGIONI_NFIELDS] = {
	[REGIONI_REGION] = { "region", N_("Codice regione"), 2, RECF_REQUIRED, NULL,
			     check_region },
	[REGIONI_CODE] = { "code", N_("Codice tributo"), 4, RECF_REQUIRED, NULL, check_tax_code },
	[REGIONI_RATE] = { "rate", N_("Rateazione/mese rif."), 4, 0, NULL, check_four },
	[REGIONI_YEAR] = { "year", N_("Anno di riferimento"), 4, 0, NULL, check_year },
	[REGIONI_DEBIT] = MONEY("debit", N_("Importo a debito")),
	[REGIONI_CREDIT] = MONEY("credit", N_("Importo a credito")),
};

static const struct record_field locali_fields[LOCALI_NFIELDS] = {
	[LOCALI_ENTE] = { "ente", N_("Codice ente/comune"), 4, RECF_REQUIRED, NULL, NULL },
	[LOCALI_RAVV] = { "ravv", N_("Ravvedimento"), 1, 0, "0", check_flag },
	[LOCALI_VARIATI] = { "variati", N_("Immobili variati"), 1, 0, "0", check_flag },
	[LOCALI_ACCONTO] = { "acconto", N_("Acconto"), 1, 0, "0", check_flag },
	[LOCALI_SALDO] = { "saldo", N_("Saldo"), 1, 0, "0", check_flag },
	[LOCALI_NUMERO] = { "immobili", N_("Numero immobili"), 3, RECF_NULL, NULL,
			    check_integer },
	[LOCALI_CODE] = { "code", N_("Codice tributo"), 4, RECF_REQUIRED, NULL, check_tax_code },
	[LOCALI_RATE] = { "rate", N_("Rateazione/mese rif."), 4, 0, NULL, check_four },
	[LOCALI_YEAR] = { "year", N_("Anno di riferimento"), 4, 0, NULL, check_year },
	[LOCALI_DEBIT] = MONEY("debit", N_("Importo a debito")),
	[LOCALI_CREDIT] = MONEY("credit", N_("Importo a credito")),
	[LOCALI_OPERATION] = { "operation", N_("Identificativo operazione"), 18, 0, NULL, NULL },
};

static const struct record_field inail_fields[INAIL_NFIELDS] = {
	[INAIL_SEDE] = { "sede", N_("Codice sede"), 5, RECF_REQUIRED, NULL, NULL },
	[INAIL_DITTA] = { "ditta", N_("Codice ditta"), 8, 0, NULL, NULL },
	[INAIL_CC] = { "cc", N_("C.c."), 2, 0, NULL, NULL },
	[INAIL_REF] = { "reference", N_("Numero di riferimento"), 6, 0, NULL, NULL },
	[INAIL_CAUSALE] = { "causale", N_("Causale"), 1, 0, NULL, NULL },
	[INAIL_DEBIT] = MONEY("debit", N_("Importo a debito")),
	[INAIL_CREDIT] = MONEY("credit", N_("Importo a credito")),
};

static const struct record_field altri_fields[ALTRI_NFIELDS] = {
	[ALTRI_ENTE] = { "ente", N_("Codice ente"), 4, RECF_REQUIRED, NULL, NULL },
	[ALTRI_SEDE] = { "sede", N_("Codice sede"), 5, 0, NULL, NULL },
	[ALTRI_CAUSALE] = { "causale", N_("Causale contributo"), 4, RECF_REQUIRED, NULL, NULL },
	[ALTRI_POSITION] = { "position_code", N_("Codice posizione"), 9, 0, NULL, NULL },
	[ALTRI_FROM] = { "period_from", N_("Periodo da"), 7, 0, NULL, check_month_year },
	[ALTRI_TO] = { "period_to", N_("Periodo a"), 7, 0, NULL, check_month_year },
	[ALTRI_DEBIT] = MONEY("debit", N_("Importo a debito")),
	[ALTRI_CREDIT] = MONEY("credit", N_("Importo a credito")),
};

/* Rows are stored with their F24 by record_save: no storage of their own. */
#define ROW_KIND(var, nm, flds, nf, key, val)                                              \
	const struct record_kind var = { .name = nm, .table = nm, .fields = flds,           \
					 .nfields = nf, .key_field = key, .validate = val }

ROW_KIND(f24_erario_kind, "f24_erario", erario_fields, ERARIO_NFIELDS, ERARIO_CODE,
	 erario_validate);
ROW_KIND(f24_inps_kind, "f24_inps", inps_fields, INPS_NFIELDS, INPS_CAUSALE, inps_validate);
ROW_KIND(f24_regioni_kind, "f24_regioni", regioni_fields, REGIONI_NFIELDS, REGIONI_CODE,
	 regioni_validate);
ROW_KIND(f24_locali_kind, "f24_locali", locali_fields, LOCALI_NFIELDS, LOCALI_CODE,
	 locali_validate);
ROW_KIND(f24_inail_kind, "f24_inail", inail_fields, INAIL_NFIELDS, INAIL_SEDE, inail_validate);
ROW_KIND(f24_altri_kind, "f24_altri", altri_fields, ALTRI_NFIELDS, ALTRI_ENTE, altri_validate);

/* A section's saldo, computed by the book from its rows. */
#define SECTION_SALDO(name, label, table)                                                   \
	{ name, label, 0, 0, NULL, NULL,                                                    \
	  "SELECT coalesce(sum(coalesce(debit, 0) - coalesce(credit, 0)), 0) FROM " table     \
	  " WHERE f24_id = f24.id" }

static const struct record_field f24_fields[F24_NFIELDS] = {
	[F24_DESCRIPTION] = { "description", N_("Description"), 80, RECF_REQUIRED, NULL, NULL },
	[F24_STATE] = { "state", N_("State"), 1, RECF_REQUIRED | RECF_SORT, "D", check_state },
	[F24_DUE_DATE] = { "due_date", N_("Due date"), 10, RECF_SORT, NULL, check_iso_date },
	[F24_PAID_DATE] = { "paid_date", N_("Payment date"), 10, 0, NULL, check_iso_date },
	[F24_CF] = { "cf", N_("Codice fiscale"), 16, RECF_REQUIRED, NULL, check_codice_fiscale },
	[F24_NAME] = { "name", N_("Name"), 121, RECF_REQUIRED, NULL, NULL },
	[F24_FIRST_NAME] = { "first_name", N_("First name"), 60, 0, NULL, NULL },
	[F24_ADDRESS] = { "address", N_("Address"), 60, 0, NULL, NULL },
	[F24_CITY] = { "city", N_("City"), 60, 0, NULL, NULL },
	[F24_PROVINCE] = { "province", N_("Province"), 2, 0, NULL, check_province },
	[F24_COOBLIGATO_CF] = { "coobligato_cf", N_("Coobbligato's codice fiscale"), 16, 0, NULL,
				check_codice_fiscale },
	[F24_ID_CODE] = { "id_code", N_("Codice identificativo"), 2, 0, NULL, check_id_code },
	[F24_DETRAZIONE] = MONEY("detrazione", N_("Detrazione")),
	[F24_NOTES] = { "notes", N_("Notes"), 1000, 0, NULL, NULL },
	[F24_MODEL] = { "model", N_("Model"), 1, RECF_REQUIRED | RECF_SORT, "O",
			f24_check_model },
	[F24_OFFICE] = { "office", N_("Codice ufficio"), 3, 0, NULL, f24_check_office },
	[F24_ACT] = { "act", N_("Codice atto"), 11, 0, NULL, f24_check_act },
	[F24_SALDO] = { "saldo", N_("Saldo finale"), 0, 0, NULL, NULL,
			"SELECT coalesce(sum(t), 0) FROM ("
			"SELECT coalesce(debit, 0) - coalesce(credit, 0) AS t FROM f24_erario "
			"WHERE f24_id = f24.id UNION ALL "
			"SELECT coalesce(debit, 0) - coalesce(credit, 0) FROM f24_inps "
			"WHERE f24_id = f24.id UNION ALL "
			"SELECT coalesce(debit, 0) - coalesce(credit, 0) FROM f24_regioni "
			"WHERE f24_id = f24.id UNION ALL "
			"SELECT coalesce(debit, 0) - coalesce(credit, 0) FROM f24_locali "
			"WHERE f24_id = f24.id UNION ALL "
			"SELECT coalesce(debit, 0) - coalesce(credit, 0) FROM f24_inail "
			"WHERE f24_id = f24.id UNION ALL "
			"SELECT coalesce(debit, 0) - coalesce(credit, 0) FROM f24_altri "
			"WHERE f24_id = f24.id UNION ALL "
			"SELECT coalesce(debit, 0) - coalesce(credit, 0) FROM f24_semplificato "
			"WHERE f24_id = f24.id UNION ALL "
			"SELECT coalesce(debit, 0) FROM f24_elide WHERE f24_id = f24.id)" },
	[F24_PAY_ACCOUNT] = { "pay_account_id", N_("Paid from"), 19, RECF_NULL, NULL,
			      pn_check_row_id },
	[F24_PAY_REFERENCE] = { "pay_reference", N_("Bank reference"), 40, 0, NULL, NULL },
	[F24_PAY_ENTRY] = { "pay_entry_id", N_("Prima nota entry"), 19, RECF_NULL, NULL,
			    pn_check_row_id },
	[F24_RECEIPTS] = { "receipts", N_("Receipts"), 0, 0, NULL, NULL,
			   "SELECT count(*) FROM f24_receipts WHERE f24_id = f24.id" },
	[F24_TEMPLATE] = { "template", N_("Template"), 1, 0, "0", check_flag },
	[F24_SALDO_ERARIO] = SECTION_SALDO("saldo_erario", N_("Saldo Erario"), "f24_erario"),
	[F24_SALDO_INPS] = SECTION_SALDO("saldo_inps", N_("Saldo INPS"), "f24_inps"),
	[F24_SALDO_REGIONI] = SECTION_SALDO("saldo_regioni", N_("Saldo Regioni"), "f24_regioni"),
	[F24_SALDO_LOCALI] = SECTION_SALDO("saldo_locali", N_("Saldo IMU e tributi locali"),
					   "f24_locali"),
	[F24_SALDO_INAIL] = SECTION_SALDO("saldo_inail", N_("Saldo INAIL"), "f24_inail"),
	[F24_SALDO_ALTRI] = SECTION_SALDO("saldo_altri", N_("Saldo altri enti"), "f24_altri"),
};

/* In enum f24_section's order, then the other models' grids. */
static const struct record_child f24_children[F24_NCHILDREN] = {
	[F24_ERARIO] = { "erario", &f24_erario_kind, "f24_id", "position" },
	[F24_INPS] = { "inps", &f24_inps_kind, "f24_id", "position" },
	[F24_REGIONI] = { "regioni", &f24_regioni_kind, "f24_id", "position" },
	[F24_LOCALI] = { "locali", &f24_locali_kind, "f24_id", "position" },
	[F24_INAIL] = { "inail", &f24_inail_kind, "f24_id", "position" },
	[F24_ALTRI] = { "altri", &f24_altri_kind, "f24_id", "position" },
	[F24_SEMPLIFICATO] = { "semplificato", &f24_semplificato_kind, "f24_id", "position" },
	[F24_ELIDE] = { "elide", &f24_elide_kind, "f24_id", "position" },
};

const struct record_kind f24_kind = {
	.name = "f24",
	.table = "f24",
	.fields = f24_fields,
	.nfields = F24_NFIELDS,
	.key_field = F24_DESCRIPTION,
	.children = f24_children,
	.nchildren = ARRAY_LEN(f24_children),
	.validate = f24_validate,
	.load = record_table_load,
	.insert = f24_insert,
	.update = f24_update,
	.remove = f24_remove,
	.browse = record_table_browse,
	.find = record_table_find,
	.commands = f24_commands,
	.ncommands = F24_NCOMMANDS,
	.compute = f24_compute,
	.init = f24_init,
	.print_text = f24_text,
};

/* The kind's init: the contribuente of the company profile. */
static int
f24_init(struct book *b, struct record *r, char *err)
{
	static const size_t from[][2] = {
		{ F24_CF, COMPANY_CF },		{ F24_ADDRESS, COMPANY_ADDRESS },
		{ F24_CITY, COMPANY_CITY },	{ F24_PROVINCE, COMPANY_PROVINCE },
		{ F24_FIRST_NAME, COMPANY_FIRST_NAME },
	};
	struct record *c;

	if (company_load(b, &c, err) < 0)
		return -1;
	for (size_t i = 0; i < ARRAY_LEN(from); i++)
		record_set(r, from[i][0], record_get(c, from[i][1]));
	/* a company's codice fiscale is its partita IVA when it has none other */
	if (record_get(r, F24_CF)[0] == '\0')
		record_set(r, F24_CF, record_get(c, COMPANY_PIVA));
	record_set(r, F24_NAME,
		   record_get(c, strcmp(record_get(c, COMPANY_KIND), "P") == 0 ? COMPANY_LAST_NAME
									  : COMPANY_NAME));
	record_free(c);
	return 0;
}

int
f24_new(struct book *b, struct record **out, char *err)
{
	struct record *r = record_new(&f24_kind);

	if (f24_init(b, r, err) < 0) {
		record_free(r);
		return REC_ERROR;
	}
	*out = r;
	return 0;
}

/* ---- dates ---- */

/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
void
f24_easter(int y, int *month, int *day)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
	int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;

	*month = (h + l - 7 * m + 114) / 31;
	*day = (h + l - 7 * m + 114) % 31 + 1;
}

static int
days_in_month(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : n[m - 1];
}

/* 0 Sunday ... 6 Saturday (Sakamoto). */
static int
weekday(int y, int m, int d)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	y -= m < 3;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static void
next_day(int *y, int *m, int *d)
{
	if (++*d > days_in_month(*y, *m)) {
		*d = 1;
		if (++*m > 12) {
			*m = 1;
			++*y;
		}
	}
}

int
f24_holiday(int y, int m, int d)
{
	/* the national holidays of L. 260/1949 as amended; 4 October again
	 * from 2026 (L. 151/2025) */
	static const int fixed[][2] = { { 1, 1 },  { 1, 6 },   { 4, 25 },  { 5, 1 },
					{ 6, 2 },  { 8, 15 },  { 11, 1 },  { 12, 8 },
					{ 12, 25 }, { 12, 26 } };
	int em, ed, wd = weekday(y, m, d);

	if (wd == 0 || wd == 6)
		return 1;
	for (size_t i = 0; i < ARRAY_LEN(fixed); i++)
		if (fixed[i][0] == m && fixed[i][1] == d)
			return 1;
	if (y >= 2026 && m == 10 && d == 4)
		return 1;
	f24_easter(y, &em, &ed);
	next_day(&y, &em, &ed); /* Easter Monday */
	return em == m && ed == d;
}

int
f24_working_day(const char *iso, char *out)
{
	int y, m, d;
	char day[48];

	if (check_iso_date(iso, NULL) < 0 || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	/* payments due from 1 to 20 August may be made by the 20th (DL 16/2012,
	 * art. 3-quater) */
	if (m == 8 && d < 20)
		d = 20;
	while (f24_holiday(y, m, d))
		next_day(&y, &m, &d);
	snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
	str_copy(out, day, 11);
	return 0;
}

void
f24_due_date(int y, int m, char *out)
{
	char iso[48];

	if (++m > 12) {
		m = 1;
		y++;
	}
	snprintf(iso, sizeof iso, "%04d-%02d-16", y, m);
	if (f24_working_day(iso, out) < 0)
		out[0] = '\0';
}

/* ---- for the other models (f24-models.c): the ordinario's checks ---- */

int
f24_tax_row_validate(const struct record *r, const char *section, size_t fcode, size_t frate,
		     size_t fyear, size_t fdebit, size_t fcredit, size_t *bad, char *err)
{
	return tax_row_validate(r, section, fcode, frate, fyear, fdebit, fcredit, bad, err);
}

int f24_check_cents(const char *v, char *err) { return check_cents(v, err); }
int f24_check_year(const char *v, char *err) { return check_year(v, err); }
int f24_check_four(const char *v, char *err) { return check_four(v, err); }
int f24_check_tax_code(const char *v, char *err) { return check_tax_code(v, err); }
int f24_check_flag(const char *v, char *err) { return check_flag(v, err); }
int f24_check_region(const char *v, char *err) { return check_region(v, err); }
int64_t f24_cents(const char *v) { return cents(v); }
