/* The F24 semplificato and the F24 Elide on the F24 register: their row
 * kinds, the model rules across the form's grids, their totals, and the
 * codice ente of local taxes checked against the comuni. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "book/f24-models.h"
#include "util/codelist.h"
#include "util/i18n.h"
#include "util/util.h"

/* ---- field checks ---- */

int
f24_check_model(const char *v, char *err)
{
	return check_one_of(v, "O S E",
			    _("must be O (ordinario), S (semplificato) or E (Elide)"), err);
}

int
f24_check_office(const char *v, char *err)
{
	if (strlen(v) != 3 || !code_chars_ok(v, ""))
		return err_set(err, _("must be the office's code: 3 letters or digits"));
	return 0;
}

int
f24_check_act(const char *v, char *err)
{
	if (strlen(v) != 11 || strspn(v, "0123456789") != 11)
		return err_set(err, _("must be the act's code: 11 digits"));
	return 0;
}

static int
check_section(const char *v, char *err)
{
	return check_one_of(v, "ER RG EL",
			    _("must be ER (Erario), RG (Regioni) or EL (IMU e altri tributi "
			      "locali)"),
			    err);
}

static int
check_tipo(const char *v, char *err)
{
	int rc = code_listed(CODELIST_F24_ELIDE_TIPI, v, err);

	if (rc == 0)
		return err_set(err, _("is not a tipo of data/f24-elide-tipi.txt"));
	return rc > 0 ? 0 : -1;
}

static int
check_elementi(const char *v, char *err)
{
	if (!code_chars_ok(v, ""))
		return err_set(err, _("must be capital letters and digits"));
	return 0;
}

/* ---- the codice ente of local taxes ---- */

/* Codes whose codice ente is the province's sigla, not a comune's code:
 * the diritto annuale camerale goes to the chamber of commerce. */
static const char *const province_codes[] = { "3850", "3851", "3852" };

int
f24_ente_validate(const struct record *r, size_t fente, size_t fcode, size_t *bad, char *err)
{
	const char *ente = record_get(r, fente), *code = record_get(r, fcode);
	char msg[ERR_SIZE];
	int rc;

	if (ente[0] == '\0')
		return record_invalid(r, fente, bad,
				      _("a local tax row needs the codice ente: the comune's "
					"codice catastale"),
				      err);
	for (size_t i = 0; i < ARRAY_LEN(province_codes); i++)
		if (strcmp(code, province_codes[i]) == 0) {
			if ((rc = code_listed(CODELIST_PROVINCES, ente, msg)) > 0)
				return 0;
			if (rc == 0)
				err_set(msg, _("codice tributo %s takes the province's sigla as "
					       "codice ente (rule: the diritto camerale goes to "
					       "the province's chamber of commerce)"),
					code);
			return record_invalid(r, fente, bad, msg, err);
		}
	if ((rc = code_listed(CODELIST_COMUNI, ente, msg)) > 0)
		return 0;
	if (rc == 0)
		err_set(msg, _("%s is not a comune's catastal code (rule: codice ente of %s; F4 "
			       "looks a comune up by name)"),
			ente, CODELIST_COMUNI);
	return record_invalid(r, fente, bad, msg, err);
}

/* ---- the rows ---- */

static int
semplificato_validate(const struct record *r, size_t *bad, char *err)
{
	const char *section = record_get(r, F24S_SECTION), *ente = record_get(r, F24S_ENTE);
	int rc = 0;

	if (strcmp(section, "EL") == 0)
		rc = f24_ente_validate(r, F24S_ENTE, F24S_CODE, bad, err);
	else if (strcmp(section, "RG") == 0) {
		char msg[ERR_SIZE];
		if (ente[0] == '\0')
			return record_invalid(r, F24S_ENTE, bad,
					      _("a Regioni row needs the codice regione as codice "
						"ente"),
					      err);
		if (f24_check_region(ente, msg) < 0)
			return record_invalid(r, F24S_ENTE, bad, msg, err);
	}
	if (rc < 0)
		return rc;
	return f24_tax_row_validate(r, section, F24S_CODE, F24S_RATE, F24S_YEAR, F24S_DEBIT,
				    F24S_CREDIT, bad, err);
}

static int
elide_validate(const struct record *r, size_t *bad, char *err)
{
	return f24_tax_row_validate(r, "ID", F24E_CODE, F24_NO_FIELD, F24E_YEAR, F24E_DEBIT,
				    F24_NO_FIELD, bad, err);
}

#define MONEY(name, label) { name, label, 13, RECF_NULL, NULL, f24_check_cents }

static const struct record_field semplificato_fields[F24S_NFIELDS] = {
	[F24S_SECTION] = { "section", N_("Sezione"), 2, RECF_REQUIRED, NULL, check_section },
	[F24S_CODE] = { "code", N_("Codice tributo"), 4, RECF_REQUIRED, NULL,
			f24_check_tax_code },
	[F24S_ENTE] = { "ente", N_("Codice ente"), 4, 0, NULL, NULL },
	[F24S_RAVV] = { "ravv", N_("Ravvedimento"), 1, 0, "0", f24_check_flag },
	[F24S_VARIATI] = { "variati", N_("Immobili variati"), 1, 0, "0", f24_check_flag },
	[F24S_ACCONTO] = { "acconto", N_("Acconto"), 1, 0, "0", f24_check_flag },
	[F24S_SALDO] = { "saldo", N_("Saldo"), 1, 0, "0", f24_check_flag },
	[F24S_NUMERO] = { "immobili", N_("Numero immobili"), 3, RECF_NULL, NULL, check_integer },
	[F24S_RATE] = { "rate", N_("Rateazione/mese rif."), 4, 0, NULL, f24_check_four },
	[F24S_YEAR] = { "year", N_("Anno di riferimento"), 4, 0, NULL, f24_check_year },
	[F24S_DETRAZIONE] = MONEY("detrazione", N_("Detrazione")),
	[F24S_DEBIT] = MONEY("debit", N_("Importo a debito")),
	[F24S_CREDIT] = MONEY("credit", N_("Importo a credito")),
};

static const struct record_field elide_fields[F24E_NFIELDS] = {
	[F24E_TIPO] = { "tipo", N_("Tipo"), 1, 0, NULL, check_tipo },
	[F24E_ELEMENTI] = { "elementi", N_("Elementi identificativi"), 17, 0, NULL,
			    check_elementi },
	[F24E_CODE] = { "code", N_("Codice tributo"), 4, RECF_REQUIRED, NULL,
			f24_check_tax_code },
	[F24E_YEAR] = { "year", N_("Anno di riferimento"), 4, 0, NULL, f24_check_year },
	[F24E_DEBIT] = MONEY("debit", N_("Importo a debito")),
};

/* Rows are stored with their F24 by record_save: no storage of their own. */
const struct record_kind f24_semplificato_kind = {
	.name = "f24_semplificato",
	.table = "f24_semplificato",
	.fields = semplificato_fields,
	.nfields = F24S_NFIELDS,
	.key_field = F24S_CODE,
	.validate = semplificato_validate,
};

const struct record_kind f24_elide_kind = {
	.name = "f24_elide",
	.table = "f24_elide",
	.fields = elide_fields,
	.nfields = F24E_NFIELDS,
	.key_field = F24E_CODE,
	.validate = elide_validate,
};

/* ---- the model rules ---- */

/* Each grid's name in messages, and the model that has it. */
static const struct {
	const char *name;
	char model;
} grids[F24_NCHILDREN] = {
	[F24_ERARIO] = { N_("Erario"), F24_MODEL_ORDINARIO },
	[F24_INPS] = { N_("INPS"), F24_MODEL_ORDINARIO },
	[F24_REGIONI] = { N_("Regioni"), F24_MODEL_ORDINARIO },
	[F24_LOCALI] = { N_("IMU e altri tributi locali"), F24_MODEL_ORDINARIO },
	[F24_INAIL] = { N_("INAIL"), F24_MODEL_ORDINARIO },
	[F24_ALTRI] = { N_("Altri enti previdenziali"), F24_MODEL_ORDINARIO },
	[F24_SEMPLIFICATO] = { N_("F24 semplificato"), F24_MODEL_SEMPLIFICATO },
	[F24_ELIDE] = { N_("Erario ed altro (Elide)"), F24_MODEL_ELIDE },
};

static const char *
model_name(char m)
{
	return m == F24_MODEL_SEMPLIFICATO ? _("an F24 semplificato")
	       : m == F24_MODEL_ELIDE	   ? _("an F24 Elide")
					   : _("an F24 ordinario");
}

int
f24_models_validate(const struct record *f, size_t *bad, char *err)
{
	char model = record_get(f, F24_MODEL)[0], msg[ERR_SIZE];

	for (size_t g = 0; g < F24_NCHILDREN && f->rows != NULL; g++)
		if (f->rows[g].n > 0 && grids[g].model != model) {
			err_set(msg, _("%s has no rows of %s (rule: the rows of a section only in "
				       "the model that has it)"),
				model_name(model), _(grids[g].name));
			return record_invalid(f, F24_MODEL, bad, msg, err);
		}
	if (model == F24_MODEL_SEMPLIFICATO && f->rows != NULL &&
	    f->rows[F24_SEMPLIFICATO].n > F24_SEMPLIFICATO_ROWS) {
		err_set(msg, _("an F24 semplificato holds at most %d rows, not %zu (rule: the "
			       "model's rows; make a second F24 for the rest)"),
			F24_SEMPLIFICATO_ROWS, f->rows[F24_SEMPLIFICATO].n);
		return record_invalid(f, F24_MODEL, bad, msg, err);
	}
	if (model != F24_MODEL_ELIDE) {
		if (record_get(f, F24_OFFICE)[0] != '\0')
			return record_invalid(f, F24_OFFICE, bad,
					      _("only an F24 Elide has a codice ufficio on the "
						"form"),
					      err);
		if (record_get(f, F24_ACT)[0] != '\0')
			return record_invalid(f, F24_ACT, bad,
					      _("only an F24 Elide has a codice atto on the form"),
					      err);
	}
	return 0;
}

/* ---- totals ---- */

void
f24_models_totals(const struct record *f, struct f24_totals *t)
{
	if (f->rows == NULL || f->kind->nchildren < F24_NCHILDREN)
		return;
	for (size_t i = 0; i < f->rows[F24_SEMPLIFICATO].n; i++) {
		const struct record *r = f->rows[F24_SEMPLIFICATO].row[i];
		const char *s = record_get(r, F24S_SECTION);
		int sec = strcmp(s, "RG") == 0 ? F24_REGIONI
			  : strcmp(s, "EL") == 0 ? F24_LOCALI
						 : F24_ERARIO;
		t->debit[sec] += f24_cents(record_get(r, F24S_DEBIT));
		t->credit[sec] += f24_cents(record_get(r, F24S_CREDIT));
	}
	for (size_t i = 0; i < f->rows[F24_ELIDE].n; i++)
		t->debit[F24_ERARIO] += f24_cents(record_get(f->rows[F24_ELIDE].row[i], F24E_DEBIT));
}
