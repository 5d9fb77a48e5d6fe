/* Contacts: a small address book per customer or supplier, kept as child
 * rows of the party (table party_contacts). */
#include "config.h"

#include "book/parties.h"
#include "util/i18n.h"
#include "util/util.h"

static const struct record_field contact_fields[CONTACT_NFIELDS] = {
	[CONTACT_NAME] = { "name", N_("Name"), 60, RECF_REQUIRED, NULL, NULL },
	[CONTACT_ROLE] = { "role", N_("Role"), 40, 0, NULL, NULL },
	[CONTACT_PHONE] = { "phone", N_("Telephone"), 30, 0, NULL, check_phone },
	[CONTACT_EMAIL] = { "email", N_("E-mail"), 254, 0, NULL, check_email },
	[CONTACT_NOTES] = { "notes", N_("Notes"), 200, 0, NULL, NULL },
};

/* Stored with their party by record_save: no storage of their own. */
const struct record_kind contacts_kind = {
	.name = "contacts",
	.table = "party_contacts",
	.fields = contact_fields,
	.nfields = CONTACT_NFIELDS,
	.key_field = CONTACT_NAME,
};
