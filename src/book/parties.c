/* Customers and suppliers: the fields of table parties, their checks, the
 * rules across fields that FatturaPA needs (names, tax ids, delivery by SDI
 * code or PEC, public administrations), and labels. Stored by the
 * one-table record storage, with contacts as child rows. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/dunning.h"
#include "book/parties.h"
#include "book/party-erase.h"
#include "book/riba.h"
#include "util/codelist.h"
#include "util/i18n.h"
#include "util/util.h"

int
check_party_role(const char *v, char *err)
{
	return check_one_of(v, "C S B", _("must be C (customer), S (supplier) or B (both)"), err);
}

int
check_party_kind(const char *v, char *err)
{
	return check_one_of(v, "C P", _("must be C (company) or P (natural person)"), err);
}

int
check_phone(const char *v, char *err)
{
	if (strspn(v, "0123456789 +-/.()") != strlen(v) || strpbrk(v, "0123456789") == NULL)
		return err_set(err, _("may hold only digits, blanks and + - / . ( )"));
	return 0;
}

/* IdCodice of an IdFiscaleIVA: letters and digits. */
static int
check_vat_code(const char *v, char *err)
{
	size_t n = strlen(v);

	if (!code_chars_ok(v, ""))
		return err_set(err, _("may hold only capital letters and digits"));
	return n >= 2 && n <= 28 ? 0 : err_set(err, _("must be 2 to 28 letters and digits"));
}

static int
check_yes_no(const char *v, char *err)
{
	return check_one_of(v, "1 0", _("must be 1 (yes) or 0 (no)"), err);
}

/* The Agenzia's protocol of a dichiarazione d'intento: digits, with the
 * '-' of its progressive ("21012345678901234-000001"). */
static int
check_intent_protocol(const char *v, char *err)
{
	if (strspn(v, "0123456789-") != strlen(v) || v[0] == '-')
		return err_set(err, _("must be the protocol number the Agenzia gave, digits and "
				      "'-' (21012345678901234-000001)"));
	return 0;
}

static int
check_plafond(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0 || v[0] == '-')
		return err_set(err, _("must be an amount in cents, 0 or more (500000 for "
				      "5000.00)"));
	return 0;
}

int
check_pa_office(const char *v, char *err)
{
	if (strlen(v) != 6 || !code_chars_ok(v, ""))
		return err_set(err, _("must be 6 capital letters or digits"));
	return 0;
}

static int
check_pay_terms(const char *v, char *err)
{
	int rc = code_listed(CODELIST_PAYMENT_TERMS, v, err);

	if (rc == 0)
		return err_set(err, _("must be TP01 (instalments), TP02 (in full) or TP03 "
				      "(advance)"));
	return rc > 0 ? 0 : -1;
}

static int
check_pay_method(const char *v, char *err)
{
	int rc = code_listed(CODELIST_PAYMENT_METHODS, v, err);

	if (rc == 0)
		return err_set(err, _("must be a code MP01 to MP23"));
	return rc > 0 ? 0 : -1;
}

static int
check_pay_days(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0 || v[0] == '-' || strlen(v) > 3 || atoi(v) > 365)
		return err_set(err, _("must be a number of days from 0 to 365"));
	return 0;
}

int
party_vat_check(const char *vc, const char *code, char *err)
{
	return strcmp(vc, "IT") == 0 ? check_partita_iva(code, err) : check_vat_code(code, err);
}

int
party_names_check(const struct record *r, const struct party_names *f, size_t *bad, char *err)
{
	char msg[ERR_SIZE];

	if (strcmp(record_get(r, f->kind), "P") == 0) {
		if (record_get(r, f->last)[0] == '\0')
			return record_invalid(r, f->last, bad, _("must not be empty"), err);
		if (record_get(r, f->first)[0] == '\0')
			return record_invalid(r, f->first, bad, _("must not be empty"), err);
		return 0;
	}
	if (record_get(r, f->name)[0] == '\0')
		return record_invalid(r, f->name, bad, _("must not be empty"), err);
	if (utf8_len(record_get(r, f->name)) > 80) {
		err_set(msg, _("is too long (at most %u characters)"), 80u);
		return record_invalid(r, f->name, bad, msg, err);
	}
	return 0;
}

void
party_names_derive(struct record *r, const struct party_names *f)
{
	char *name;

	if (strcmp(record_get(r, f->kind), "P") != 0)
		return;
	name = xasprintf("%s %s", record_get(r, f->last), record_get(r, f->first));
	record_set(r, f->name, name);
	free(name);
}

static const struct party_names names = { PARTY_KIND, PARTY_NAME, PARTY_FIRST_NAME,
					  PARTY_LAST_NAME };

/* IdFiscaleIVA and codice fiscale: an Italian party needs one of them, as
 * every FatturaPA names the CessionarioCommittente by one (and the
 * CedentePrestatore by its IdFiscaleIVA). Kept at save: a register of
 * parties that cannot be invoiced is a trap found at the first invoice. */
static int
check_tax_ids(const struct record *r, int check_digit, size_t *bad, char *err)
{
	const char *vc = record_get(r, PARTY_VAT_COUNTRY), *piva = record_get(r, PARTY_PIVA);
	char msg[ERR_SIZE];

	if (vc[0] == '\0')
		vc = record_get(r, PARTY_COUNTRY);
	if (!check_digit && strcmp(vc, "IT") == 0 && piva[0] != '\0' &&
	    (strlen(piva) != 11 || strspn(piva, "0123456789") != 11))
		return record_invalid(r, PARTY_PIVA, bad, _("must be 11 digits"), err);
	if (check_digit && piva[0] != '\0' && party_vat_check(vc, piva, msg) < 0)
		return record_invalid(r, PARTY_PIVA, bad, msg, err);
	if (strcmp(record_get(r, PARTY_COUNTRY), "IT") == 0 && piva[0] == '\0' &&
	    record_get(r, PARTY_CF)[0] == '\0')
		return record_invalid(r, PARTY_PIVA, bad,
				      _("type it or the codice fiscale: an invoice in Italy "
					"needs one"),
				      err);
	return 0;
}

/* A public administration is a customer invoiced to its office code. */
static int
check_public_admin(const struct record *r, size_t *bad, char *err)
{
	if (strcmp(record_get(r, PARTY_PA), "1") != 0) {
		if (record_get(r, PARTY_PA_OFFICE)[0] != '\0')
			return record_invalid(r, PARTY_PA_OFFICE, bad,
					      _("only for a public administration"), err);
		return 0;
	}
	if (strcmp(record_get(r, PARTY_ROLE), "S") == 0)
		return record_invalid(r, PARTY_PA, bad,
				      _("only a customer can be a public administration here"),
				      err);
	if (record_get(r, PARTY_PA_OFFICE)[0] == '\0')
		return record_invalid(r, PARTY_PA_OFFICE, bad,
				      _("a public administration needs its 6-character office "
					"code"),
				      err);
	if (record_get(r, PARTY_SDI)[0] != '\0')
		return record_invalid(r, PARTY_SDI, bad,
				      _("a public administration gets invoices at its office code: "
					"leave this empty"), err);
	if (record_get(r, PARTY_PEC)[0] != '\0')
		return record_invalid(r, PARTY_PEC, bad,
				      _("a public administration gets invoices at its office code: "
					"leave this empty"), err);
	return 0;
}

/* Delivery: a 7-character SDI code, or a PEC (with code 0000000 or none);
 * XXXXXXX is the code of parties abroad. */
static int
check_delivery(const struct record *r, size_t *bad, char *err)
{
	const char *sdi = record_get(r, PARTY_SDI);
	int abroad = strcmp(record_get(r, PARTY_COUNTRY), "IT") != 0;

	if (strcmp(sdi, "XXXXXXX") == 0 && !abroad)
		return record_invalid(r, PARTY_SDI, bad,
				      _("XXXXXXX is the code of parties abroad"), err);
	if (sdi[0] != '\0' && strcmp(sdi, "0000000") != 0 && strcmp(sdi, "XXXXXXX") != 0 &&
	    record_get(r, PARTY_PEC)[0] != '\0')
		return record_invalid(r, PARTY_PEC, bad,
				      _("give the SDI code or the PEC, not both: with a code the "
					"PEC is not used (leave the code empty or 0000000 to "
					"deliver to the PEC)"),
				      err);
	return 0;
}

/* A dichiarazione d'intento is its protocol and its date together; a
 * plafond needs the dichiarazione it belongs to. */
static int
check_intent(const struct record *r, size_t *bad, char *err)
{
	int protocol = record_get(r, PARTY_INTENT_PROTOCOL)[0] != '\0';

	if (protocol != (record_get(r, PARTY_INTENT_DATE)[0] != '\0'))
		return record_invalid(r, protocol ? PARTY_INTENT_DATE : PARTY_INTENT_PROTOCOL, bad,
				      _("a dichiarazione d'intento needs both its protocol "
					"number and its date"),
				      err);
	if (!protocol && record_get(r, PARTY_INTENT_PLAFOND)[0] != '\0')
		return record_invalid(r, PARTY_INTENT_PROTOCOL, bad,
				      _("a plafond belongs to a dichiarazione d'intento: give its "
					"protocol number and date"),
				      err);
	return 0;
}

static int
validate_with(const struct record *r, int check_digit, size_t *bad, char *err)
{
	if (party_names_check(r, &names, bad, err) < 0 ||
	    check_tax_ids(r, check_digit, bad, err) < 0 || check_public_admin(r, bad, err) < 0 ||
	    check_delivery(r, bad, err) < 0 || check_intent(r, bad, err) < 0)
		return REC_INVALID;
	return 0;
}

static int
party_validate(const struct record *r, size_t *bad, char *err)
{
	return validate_with(r, 1, bad, err);
}

static int
party_validate_received(const struct record *r, size_t *bad, char *err)
{
	return validate_with(r, 0, bad, err);
}

static int
party_insert(struct book *b, struct record *r, char *err)
{
	party_names_derive(r, &names);
	return record_table_insert(b, r, err);
}

static int
party_update(struct book *b, struct record *r, char *err)
{
	party_names_derive(r, &names);
	return record_table_update(b, r, err);
}

/* The code of an article whose usual supplier is party id, and how many
 * are: 0 when none, -1 when the book fails. */
static int
supplied_articles(struct book *b, int64_t id, char *code, size_t size)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT count(*), min(code) FROM articles WHERE supplier_id = ?", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		n = sqlite3_column_int(st, 0);
		if (n > 0)
			str_copy(code, (const char *)sqlite3_column_text(st, 1), size);
	}
	sqlite3_finalize(st);
	return n;
}

/* A party that is an article's usual supplier stays: the article says so. */
static int
party_remove(struct book *b, const struct record *r, char *err)
{
	char code[64];
	int n = supplied_articles(b, r->id, code, sizeof code);

	if (n < 0)
		return err_set(err, "%s", sqlite3_errmsg(book_db(b)));
	if (n == 1)
		return err_set(err, _("it is the usual supplier of article %s: choose another "
				      "there first; nothing was deleted"),
			       code);
	if (n > 1)
		return err_set(err, _("it is the usual supplier of %d articles (%s, ...): choose "
				      "another there first; nothing was deleted"),
			       n, code);
	return record_table_remove(b, r, err);
}

static const struct record_field party_fields[PARTY_NFIELDS] = {
	[PARTY_ROLE] = { "role", N_("Role"), 1, RECF_REQUIRED | RECF_SORT, "C", check_party_role },
	[PARTY_NAME] = { "name", N_("Name"), PARTY_NAME_CHARS, 0, NULL, NULL },
	[PARTY_PIVA] = { "piva", N_("Partita IVA"), 28, RECF_SORT, NULL, check_vat_code },
	[PARTY_CF] = { "cf", N_("Codice fiscale"), 16, 0, NULL, check_codice_fiscale },
	[PARTY_ADDRESS] = { "address", N_("Address"), 80, 0, NULL, NULL },
	[PARTY_CITY] = { "city", N_("City"), 60, RECF_SORT, NULL, NULL },
	[PARTY_CAP] = { "cap", N_("CAP"), 5, 0, NULL, check_cap },
	[PARTY_PROVINCE] = { "province", N_("Province"), 2, 0, NULL, check_province },
	[PARTY_COUNTRY] = { "country", N_("Country"), 2, RECF_REQUIRED, "IT", check_country },
	[PARTY_EMAIL] = { "email", N_("E-mail"), 254, 0, NULL, check_email },
	[PARTY_PEC] = { "pec", N_("PEC"), 254, 0, NULL, check_email },
	[PARTY_SDI] = { "sdi", N_("SDI code"), 7, 0, NULL, check_sdi_code },
	[PARTY_KIND] = { "kind", N_("Company or person"), 1, RECF_REQUIRED, "C",
			 check_party_kind },
	[PARTY_FIRST_NAME] = { "first_name", N_("First name"), 60, 0, NULL, NULL },
	[PARTY_LAST_NAME] = { "last_name", N_("Last name"), 60, 0, NULL, NULL },
	[PARTY_VAT_COUNTRY] = { "vat_country", N_("VAT country"), 2, 0, NULL, check_country },
	[PARTY_STREET_NO] = { "street_no", N_("Street number"), 8, 0, NULL, NULL },
	[PARTY_PHONE] = { "phone", N_("Telephone"), 30, 0, NULL, check_phone },
	[PARTY_PA] = { "public_admin", N_("Public administration"), 1, RECF_REQUIRED, "0",
		       check_yes_no },
	[PARTY_PA_OFFICE] = { "pa_office", N_("PA office code"), 6, 0, NULL, check_pa_office },
	[PARTY_PAY_TERMS] = { "pay_terms", N_("Payment terms"), 4, 0, NULL, check_pay_terms },
	[PARTY_PAY_METHOD] = { "pay_method", N_("Payment method"), 4, 0, NULL,
			       check_pay_method },
	[PARTY_PAY_DAYS] = { "pay_days", N_("Payment days"), 3, RECF_NULL, NULL,
			     check_pay_days },
	[PARTY_NOTES] = { "notes", N_("Notes"), 1000, 0, NULL, NULL },
	[PARTY_INTENT_PROTOCOL] = { "intent_protocol", N_("Dichiarazione d'intento"), 30, 0, NULL,
				    check_intent_protocol },
	[PARTY_INTENT_DATE] = { "intent_date", N_("Dichiarazione's date"), 10, 0, NULL,
				check_iso_date },
	[PARTY_INTENT_PLAFOND] = { "intent_plafond", N_("Plafond"), 15, RECF_NULL, NULL,
				   check_plafond },
	[PARTY_BANK_ABI] = { "bank_abi", N_("Bank ABI"), 5, 0, NULL, riba_check_bank_code },
	[PARTY_BANK_CAB] = { "bank_cab", N_("Bank CAB"), 5, 0, NULL, riba_check_bank_code },
	[PARTY_BLOCKED] = { "blocked", N_("Blocked"), 1, RECF_REQUIRED, "0", check_yes_no },
};

/* A customer's dunning (dunning.h), a person's erasure (party-erase.h). */
static const struct record_command party_commands[] = {
	DUNNING_COMMANDS(dunning_applies_party),
	PARTY_ERASE_COMMAND,
};

static const struct record_child party_children[] = {
	{ "contacts", &contacts_kind, "party_id", "position" },
};

#define PARTIES_KIND(validate_fn)                                                      \
	{                                                                              \
		.name = "parties", .table = "parties", .fields = party_fields,        \
		.nfields = PARTY_NFIELDS, .key_field = PARTY_NAME,                    \
		.children = party_children, .nchildren = ARRAY_LEN(party_children),   \
		.validate = validate_fn, .load = record_table_load,                   \
		.insert = party_insert, .update = party_update, .remove = party_remove, \
		.browse = record_table_browse, .find = record_table_find,             \
		.commands = party_commands, .ncommands = ARRAY_LEN(party_commands),  \
	}

const struct record_kind parties_kind = PARTIES_KIND(party_validate);
const struct record_kind parties_received_kind = PARTIES_KIND(party_validate_received);

int
party_find_by_tax_id(struct book *b, const char *key, int64_t *id, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT id FROM parties WHERE piva = ?1 OR (piva = '' AND cf = ?1) "
			       "ORDER BY id LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK) {
		err_set(err, _("book %s: %s"), book_path(b), sqlite3_errmsg(book_db(b)));
		return REC_ERROR;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	err_set(err, _("book %s: %s"), book_path(b), sqlite3_errmsg(book_db(b)));
	return REC_ERROR;
}
