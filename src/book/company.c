/* The company profile: the fields of the one row of table company (the
 * CedentePrestatore of the invoices: names, tax ids, regime fiscale, sede,
 * REA data, bank, invoice numbering), their checks and the rules across
 * them. It is made with the book and is never added or deleted. */
#include "config.h"

#include <string.h>

#include "book/company.h"
#include "book/riba.h"
#include "book/parties.h"
#include "util/codelist.h"
#include "util/i18n.h"
#include "util/util.h"

static int
check_regime(const char *v, char *err)
{
	int rc = code_listed(CODELIST_REGIME, v, err);

	if (rc == 0)
		return err_set(err, _("must be a regime fiscale RF01 to RF20 (RF03 no longer "
				      "exists)"));
	return rc > 0 ? 0 : -1;
}

static int
check_amount(const char *v, char *err)
{
	if (v[0] == '-' || check_integer(v, NULL) < 0)
		return err_set(err, _("must be an amount in cents, not negative"));
	return 0;
}

static int
check_sole_member(const char *v, char *err)
{
	return check_one_of(v, "SU SM", _("must be SU (one member) or SM (more members)"), err);
}

static int
check_liquidation(const char *v, char *err)
{
	return check_one_of(v, "LS LN",
			    _("must be LS (in liquidation) or LN (not in liquidation)"), err);
}

static int
check_periodicity(const char *v, char *err)
{
	return check_one_of(v, "M T S",
			    _("must be M (monthly), T (quarterly) or S (quarterly, art. 74 c.4)"),
			    err);
}

static int
check_numbering(const char *v, char *err)
{
	return check_one_of(v, "Y C", _("must be Y (restart each year) or C (continuous)"), err);
}

/* A series goes into the invoice number ("12/A"), which holds at most 20
 * characters: letters, digits and - / _ in the series. */
static int
check_series(const char *v, char *err)
{
	if (!code_chars_ok(v, "-/_"))
		return err_set(err, _("may hold only capital letters, digits and - / _"));
	return 0;
}

static const struct party_names names = { COMPANY_KIND, COMPANY_NAME, COMPANY_FIRST_NAME,
					  COMPANY_LAST_NAME };

/* IscrizioneREA: when any of it is given, office, number and the state of
 * liquidation are due. */
static int
check_rea(const struct record *r, size_t *bad, char *err)
{
	static const size_t due[] = { COMPANY_REA_OFFICE, COMPANY_REA_NUMBER,
				      COMPANY_LIQUIDATION };
	int any = 0;

	for (size_t f = COMPANY_REA_OFFICE; f <= COMPANY_LIQUIDATION; f++)
		any |= record_get(r, f)[0] != '\0';
	if (!any)
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(due); i++)
		if (record_get(r, due[i])[0] == '\0')
			return record_invalid(r, due[i], bad,
					      _("the REA registration needs office, number and "
						"state of liquidation"),
					      err);
	return 0;
}

static int
company_validate(const struct record *r, size_t *bad, char *err)
{
	char msg[ERR_SIZE];

	if (party_names_check(r, &names, bad, err) < 0)
		return REC_INVALID;
	if (record_get(r, COMPANY_PIVA)[0] == '\0')
		return record_invalid(r, COMPANY_PIVA, bad, _("must not be empty"), err);
	if (party_vat_check(record_get(r, COMPANY_COUNTRY), record_get(r, COMPANY_PIVA), msg) < 0)
		return record_invalid(r, COMPANY_PIVA, bad, msg, err);
	return check_rea(r, bad, err);
}

static int
company_insert(struct book *b, struct record *r, char *err)
{
	(void)b;
	(void)r;
	err_set(err, _("the company profile exists once in a book: open it from the menu"));
	return REC_ERROR;
}

static int
company_update(struct book *b, struct record *r, char *err)
{
	party_names_derive(r, &names);
	return record_table_update(b, r, err);
}

static int
company_remove(struct book *b, const struct record *r, char *err)
{
	(void)b;
	(void)r;
	err_set(err, _("the company profile cannot be deleted"));
	return REC_ERROR;
}

int
company_load(struct book *b, struct record **out, char *err)
{
	return record_load(b, &company_kind, 1, out, err) < 0 ? REC_ERROR : 0;
}

static const struct record_field company_fields[COMPANY_NFIELDS] = {
	[COMPANY_KIND] = { "kind", N_("Company or person"), 1, RECF_REQUIRED, "C",
			   check_party_kind },
	[COMPANY_NAME] = { "name", N_("Name"), 121, 0, NULL, NULL },
	[COMPANY_FIRST_NAME] = { "first_name", N_("First name"), 60, 0, NULL, NULL },
	[COMPANY_LAST_NAME] = { "last_name", N_("Last name"), 60, 0, NULL, NULL },
	[COMPANY_PIVA] = { "piva", N_("Partita IVA"), 28, 0, NULL, NULL },
	[COMPANY_CF] = { "cf", N_("Codice fiscale"), 16, 0, NULL, check_codice_fiscale },
	[COMPANY_REGIME] = { "regime", N_("Regime fiscale"), 4, RECF_REQUIRED, "RF01",
			     check_regime },
	[COMPANY_ADDRESS] = { "address", N_("Address"), 60, 0, NULL, NULL },
	[COMPANY_STREET_NO] = { "street_no", N_("Street number"), 8, 0, NULL, NULL },
	[COMPANY_CAP] = { "cap", N_("CAP"), 5, 0, NULL, check_cap },
	[COMPANY_CITY] = { "city", N_("City"), 60, 0, NULL, NULL },
	[COMPANY_PROVINCE] = { "province", N_("Province"), 2, 0, NULL, check_province },
	[COMPANY_COUNTRY] = { "country", N_("Country"), 2, RECF_REQUIRED, "IT", check_country },
	[COMPANY_PHONE] = { "phone", N_("Telephone"), 30, 0, NULL, check_phone },
	[COMPANY_EMAIL] = { "email", N_("E-mail"), 254, 0, NULL, check_email },
	[COMPANY_PEC] = { "pec", N_("PEC"), 254, 0, NULL, check_email },
	[COMPANY_REA_OFFICE] = { "rea_office", N_("REA office"), 2, 0, NULL, check_province },
	[COMPANY_REA_NUMBER] = { "rea_number", N_("REA number"), 20, 0, NULL, NULL },
	[COMPANY_SHARE_CAPITAL] = { "share_capital", N_("Share capital"), 15, RECF_NULL, NULL,
				    check_amount },
	[COMPANY_SOLE_MEMBER] = { "sole_member", N_("Members"), 2, 0, NULL, check_sole_member },
	[COMPANY_LIQUIDATION] = { "liquidation", N_("Liquidation"), 2, 0, NULL,
				  check_liquidation },
	[COMPANY_IBAN] = { "iban", N_("IBAN"), 34, 0, NULL, check_iban },
	[COMPANY_BANK] = { "bank", N_("Bank"), 80, 0, NULL, NULL },
	[COMPANY_SERIES] = { "invoice_series", N_("Invoice series"), 10, 0, NULL, check_series },
	[COMPANY_NUMBERING] = { "numbering", N_("Numbering"), 1, RECF_REQUIRED, "Y",
				check_numbering },
	[COMPANY_LOCK_DATE] = { "lock_date", N_("Lock date"), 10, RECF_NULL, NULL,
				check_iso_date },
	[COMPANY_SDI] = { "sdi", N_("SDI code"), 7, 0, NULL, check_sdi_code },
	[COMPANY_VAT_PERIODICITY] = { "vat_periodicity", N_("VAT settlement"), 1, RECF_REQUIRED,
				      "M", check_periodicity },
	[COMPANY_SIA] = { "sia", N_("SIA code"), 5, 0, NULL, riba_check_sia },
};

const struct record_kind company_kind = {
	.name = "company",
	.table = "company",
	.fields = company_fields,
	.nfields = COMPANY_NFIELDS,
	.key_field = COMPANY_NAME,
	.single = 1,
	.validate = company_validate,
	.load = record_table_load,
	.insert = company_insert,
	.update = company_update,
	.remove = company_remove,
	.browse = record_table_browse,
	.find = record_table_find,
};
