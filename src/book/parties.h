/* Customers and suppliers (table parties): the record kind screens use. */
#ifndef SCRIVANO_PARTIES_H
#define SCRIVANO_PARTIES_H

#include "book/record.h"

/* Field order of parties_kind, for code that reads records directly. */
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
	PARTY_NFIELDS
};

extern const struct record_kind parties_kind;

/* A role: C customer, S supplier, B both. */
int check_party_role(const char *v, char *err);

#endif
