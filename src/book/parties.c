/* Customers and suppliers: the fields of table parties, their checks, and
 * labels. Stored by the one-table record storage. */
#include "config.h"

#include <string.h>

#include "book/parties.h"
#include "util/i18n.h"
#include "util/util.h"

int
check_party_role(const char *v, char *err)
{
	if (strlen(v) != 1 || strchr("CSB", v[0]) == NULL)
		return err_set(err, _("must be C (customer), S (supplier) or B (both)"));
	return 0;
}

static const struct record_field party_fields[PARTY_NFIELDS] = {
	[PARTY_ROLE] = { "role", N_("Role"), 1, RECF_REQUIRED | RECF_SORT, "C", check_party_role },
	[PARTY_NAME] = { "name", N_("Name"), 80, RECF_REQUIRED, NULL, NULL },
	[PARTY_PIVA] = { "piva", N_("Partita IVA"), 11, RECF_SORT, NULL, check_partita_iva },
	[PARTY_CF] = { "cf", N_("Codice fiscale"), 16, 0, NULL, check_codice_fiscale },
	[PARTY_ADDRESS] = { "address", N_("Address"), 80, 0, NULL, NULL },
	[PARTY_CITY] = { "city", N_("City"), 60, RECF_SORT, NULL, NULL },
	[PARTY_CAP] = { "cap", N_("CAP"), 5, 0, NULL, check_cap },
	[PARTY_PROVINCE] = { "province", N_("Province"), 2, 0, NULL, check_province },
	[PARTY_COUNTRY] = { "country", N_("Country"), 2, RECF_REQUIRED, "IT", check_country },
	[PARTY_EMAIL] = { "email", N_("E-mail"), 254, 0, NULL, check_email },
	[PARTY_PEC] = { "pec", N_("PEC"), 254, 0, NULL, check_email },
	[PARTY_SDI] = { "sdi", N_("SDI code"), 7, 0, NULL, check_sdi_code },
};

const struct record_kind parties_kind = {
	.name = "parties",
	.table = "parties",
	.fields = party_fields,
	.nfields = PARTY_NFIELDS,
	.key_field = PARTY_NAME,
	.validate = NULL,
	.load = record_table_load,
	.insert = record_table_insert,
	.update = record_table_update,
	.remove = record_table_remove,
	.browse = record_table_browse,
	.find = record_table_find,
};
