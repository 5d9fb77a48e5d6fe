/* The company profile: the user's own business, the one that issues the
 * invoices. One row (id 1) in table company, made with the book. */
#ifndef SCRIVANO_COMPANY_H
#define SCRIVANO_COMPANY_H

#include "book/record.h"

enum company_field {
	COMPANY_KIND, /* C company, P natural person (a sole trader) */
	COMPANY_NAME,
	COMPANY_FIRST_NAME,
	COMPANY_LAST_NAME,
	COMPANY_PIVA,
	COMPANY_CF,
	COMPANY_REGIME, /* RF01..RF20 */
	COMPANY_ADDRESS,
	COMPANY_STREET_NO,
	COMPANY_CAP,
	COMPANY_CITY,
	COMPANY_PROVINCE,
	COMPANY_COUNTRY,
	COMPANY_PHONE,
	COMPANY_EMAIL,
	COMPANY_PEC,
	COMPANY_REA_OFFICE,    /* province of the REA office */
	COMPANY_REA_NUMBER,
	COMPANY_SHARE_CAPITAL, /* cents */
	COMPANY_SOLE_MEMBER,   /* SU one member, SM more */
	COMPANY_LIQUIDATION,   /* LS in liquidation, LN not */
	COMPANY_IBAN,
	COMPANY_BANK,
	COMPANY_SERIES,        /* invoice series, e.g. "A" in 12/A; empty: none */
	COMPANY_NUMBERING,     /* Y: restart each year, C: continuous */
	COMPANY_LOCK_DATE,     /* prima nota entries on or before it are locked; empty: none */
	COMPANY_SDI,           /* its own codice destinatario, where SdI delivers the
				* invoices it receives and its self-invoices; empty: by PEC */
	COMPANY_VAT_PERIODICITY, /* how it settles its VAT: M monthly, T quarterly,
				  * S quarterly under art. 74 c.4 (src/fisc/vat.h) */
	COMPANY_SIA,           /* its SIA code, the CBI sender of its Ri.Ba. files; empty: none */
	COMPANY_NFIELDS
};

extern const struct record_kind company_kind;

/* Loads the one company profile. 0 or REC_ERROR. */
int company_load(struct book *b, struct record **out, char *err);

#endif
