/* Customers and suppliers (table parties, with their contacts in
 * party_contacts): the record kinds screens use, and the rules about
 * names and tax ids that the company profile shares. */
#ifndef SCRIVANO_PARTIES_H
#define SCRIVANO_PARTIES_H

#include "book/record.h"

/* A party's name: 121 characters at most (a person's surname, a space and
 * first name of 60 each), of up to 4 bytes each; a buffer for it whole. */
#define PARTY_NAME_CHARS 121
#define PARTY_NAME_SIZE (PARTY_NAME_CHARS * 4 + 1)

/* Field order of parties_kind, for code that reads records directly. The
 * first twelve are those of the first schema; the rest came with the
 * register of issue 5. */
enum party_field {
	PARTY_ROLE,
	PARTY_NAME,
	PARTY_PIVA,
	PARTY_CF,
	PARTY_ADDRESS,
	PARTY_CITY,
	PARTY_CAP,
	PARTY_PROVINCE,
	PARTY_COUNTRY,
	PARTY_EMAIL,
	PARTY_PEC,
	PARTY_SDI,
	PARTY_KIND,        /* C company, P natural person */
	PARTY_FIRST_NAME,  /* nome, of a person */
	PARTY_LAST_NAME,   /* cognome, of a person */
	PARTY_VAT_COUNTRY, /* IdFiscaleIVA/IdPaese; empty: the country's */
	PARTY_STREET_NO,   /* numero civico */
	PARTY_PHONE,
	PARTY_PA,          /* 1: a public administration (invoiced by office code) */
	PARTY_PA_OFFICE,   /* codice univoco ufficio, 6 characters */
	PARTY_PAY_TERMS,   /* TP01..TP03 */
	PARTY_PAY_METHOD,  /* MP01..MP23 */
	PARTY_PAY_DAYS,    /* days to payment, 0..365 */
	PARTY_NOTES,
	/* From schema step 13: a customer's dichiarazione d'intento. */
	PARTY_INTENT_PROTOCOL, /* the Agenzia's protocol number */
	PARTY_INTENT_DATE,     /* its date */
	PARTY_INTENT_PLAFOND,  /* cents: what may be invoiced under it, or empty */
	/* From the Ri.Ba. step: a customer's bank, where its receipts go. */
	PARTY_BANK_ABI,        /* 5 digits, or empty */
	PARTY_BANK_CAB,        /* 5 digits, or empty */
	/* From the dunning step: 1 when new documents for it warn (dunning). */
	PARTY_BLOCKED,
	PARTY_NFIELDS
};

enum contact_field {
	CONTACT_NAME,
	CONTACT_ROLE,
	CONTACT_PHONE,
	CONTACT_EMAIL,
	CONTACT_NOTES,
	CONTACT_NFIELDS
};

extern const struct record_kind parties_kind;
extern const struct record_kind contacts_kind;
/* The same register, with the same fields, storage and rules, for a party
 * taken from a FatturaPA file it sent (the cedente of a purchase): every
 * rule but the check digit of an Italian partita IVA, which must still be
 * 11 digits. The file is the supplier's own word, that the SdI checked
 * against the tax register; the fiscal core's check reports a wrong check
 * digit as a warning (W001), and the official samples carry one. */
extern const struct record_kind parties_received_kind;

/* The first party (by id) whose partita IVA is key, or with no partita
 * IVA whose codice fiscale is: 1 with its id, 0 when none, REC_ERROR. */
int party_find_by_tax_id(struct book *b, const char *key, int64_t *id, char *err);

/* A role: C customer, S supplier, B both. */
int check_party_role(const char *v, char *err);
/* C company, P natural person. */
int check_party_kind(const char *v, char *err);
/* A telephone number: digits, blanks and + - / . ( ). */
int check_phone(const char *v, char *err);
/* A PA's codice univoco ufficio: 6 capital letters or digits. */
int check_pa_office(const char *v, char *err);

/* Where the name fields of a kind are (parties, company). */
struct party_names {
	size_t kind, name, first, last;
};
/* A company needs its name (at most 80 characters), a person nome and
 * cognome. 0, or REC_INVALID with the field and message. */
int party_names_check(const struct record *r, const struct party_names *f, size_t *bad,
		      char *err);
/* A person's name in the register: "Cognome Nome". */
void party_names_derive(struct record *r, const struct party_names *f);
/* The partita IVA of an IdFiscaleIVA of country vc ("IT": the Italian
 * check digit; elsewhere 2 to 28 letters and digits). */
int party_vat_check(const char *vc, const char *code, char *err);

#endif
