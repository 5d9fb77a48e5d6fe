/* Inside the prima nota (primanota.c, pn-accounts.c): what the entries'
 * rules read of accounts and of the company profile, and the checks both
 * files use. Not for the screens. */
#ifndef SCRIVANO_PN_IMPL_H
#define SCRIVANO_PN_IMPL_H

#include "book/record.h"

struct pn_account_info {
	char name[128];
	char opening_date[11]; /* "" when none */
	char iban[35];         /* as stored (no blanks, upper case), "" when none */
	int closed;
};

/* Account id: 0, REC_GONE, REC_ERROR. */
int pn_account_info(struct book *b, int64_t id, struct pn_account_info *a, char *err);
/* The company profile's lock date into lock (11 bytes, "" when none). */
int pn_lock_date(struct book *b, char *lock, char *err);
/* REC_INVALID ("Date: the period up to ... is locked") when date is on or
 * before the lock date, naming a field of r. */
int pn_lock_check(struct book *b, const struct record *r, const char *date, char *err);

int pn_check_causale(const char *v, char *err);
int pn_check_yes_no(const char *v, char *err);
int pn_check_row_id(const char *v, char *err);

#endif
