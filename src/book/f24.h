/* The F24 ordinario: the tax and contributions payment form (table f24),
 * its rows by section (Erario, INPS, Regioni, IMU e altri tributi locali,
 * INAIL, altri enti previdenziali: one child table each), the contribuente
 * taken from the company profile, its states (draft, to pay by a due date,
 * paid), the checks the bank would make, the totals per section and the
 * saldo finale, and the due date by the 16th rule. Amounts are cents. */
#ifndef SCRIVANO_F24_H
#define SCRIVANO_F24_H

#include <stdint.h>

#include "book/record.h"

/* The code lists of data/ the F24 reads (format in each file's header). */
#define CODELIST_F24_CODES "data/f24-codici.txt"
#define CODELIST_F24_REGIONS "data/f24-regioni.txt"
#define CODELIST_F24_INPS "data/f24-causali-inps.txt"

/* States. */
#define F24_DRAFT 'D'  /* bozza: changes freely */
#define F24_TO_PAY 'T' /* da pagare: has a due date */
#define F24_PAID 'P'   /* pagato: has a payment date */

enum f24_field {
	F24_DESCRIPTION, /* the key: "Ritenute marzo", ... */
	F24_STATE,       /* D T P */
	F24_DUE_DATE,    /* YYYY-MM-DD, required from T on */
	F24_PAID_DATE,   /* YYYY-MM-DD, required with P */
	F24_CF,          /* the contribuente: codice fiscale (or 11-digit P.IVA) */
	F24_NAME,        /* cognome, denominazione o ragione sociale */
	F24_FIRST_NAME,  /* nome (a natural person) */
	F24_ADDRESS,     /* domicilio fiscale */
	F24_CITY,
	F24_PROVINCE,
	F24_COOBLIGATO_CF, /* codice fiscale del coobbligato, erede, genitore... */
	F24_ID_CODE,       /* its codice identificativo, two digits */
	F24_DETRAZIONE,    /* IMU section's detrazione, cents */
	F24_NOTES,
	F24_MODEL,         /* O ordinario, S semplificato, E Elide (f24-models.h) */
	F24_OFFICE,        /* Elide: codice ufficio */
	F24_ACT,           /* Elide: codice atto */
	F24_SALDO,         /* computed: the saldo finale, cents */
	F24_NFIELDS
};

/* The sections of the ordinario, in the form's order (child index too). */
enum f24_section {
	F24_ERARIO,
	F24_INPS,
	F24_REGIONI,
	F24_LOCALI,
	F24_INAIL,
	F24_ALTRI,
	F24_NSECTIONS
};

enum f24_erario_field {
	ERARIO_CODE, ERARIO_RATE, ERARIO_YEAR, ERARIO_DEBIT, ERARIO_CREDIT,
	ERARIO_OFFICE, ERARIO_ACT, ERARIO_NFIELDS
};
enum f24_inps_field {
	INPS_SEDE, INPS_CAUSALE, INPS_MATRICOLA, INPS_FROM, INPS_TO, INPS_DEBIT, INPS_CREDIT,
	INPS_NFIELDS
};
enum f24_regioni_field {
	REGIONI_REGION, REGIONI_CODE, REGIONI_RATE, REGIONI_YEAR, REGIONI_DEBIT, REGIONI_CREDIT,
	REGIONI_NFIELDS
};
enum f24_locali_field {
	LOCALI_ENTE, LOCALI_RAVV, LOCALI_VARIATI, LOCALI_ACCONTO, LOCALI_SALDO, LOCALI_NUMERO,
	LOCALI_CODE, LOCALI_RATE, LOCALI_YEAR, LOCALI_DEBIT, LOCALI_CREDIT, LOCALI_OPERATION,
	LOCALI_NFIELDS
};
enum f24_inail_field {
	INAIL_SEDE, INAIL_DITTA, INAIL_CC, INAIL_REF, INAIL_CAUSALE, INAIL_DEBIT, INAIL_CREDIT,
	INAIL_NFIELDS
};
enum f24_altri_field {
	ALTRI_ENTE, ALTRI_SEDE, ALTRI_CAUSALE, ALTRI_POSITION, ALTRI_FROM, ALTRI_TO, ALTRI_DEBIT,
	ALTRI_CREDIT, ALTRI_NFIELDS
};

extern const struct record_kind f24_kind;
extern const struct record_kind f24_erario_kind, f24_inps_kind, f24_regioni_kind,
	f24_locali_kind, f24_inail_kind, f24_altri_kind;

/* A codice tributo of data/f24-codici.txt. */
#define F24_REF_YEAR 0x1u      /* anno di riferimento required */
#define F24_REF_RATE 0x2u      /* rateazione NNRR required */
#define F24_REF_RATE_OK 0x4u   /* rateazione NNRR allowed */
#define F24_REF_MONTH 0x8u     /* mese di riferimento 00MM required */
struct f24_code {
	char section[3]; /* ER RG EL ID */
	unsigned refs;   /* F24_REF_* */
	int credit;      /* a credit may be offset with it */
	const char *text;
};
/* Reads the attributes of a line's description ("ER Ar C IVA annuale"):
 * 0, or -1 with a message. */
int f24_code_parse(const char *description, struct f24_code *out, char *err);
/* The code's attributes from the shipped list: 1, 0 when it is not
 * listed, -1 with a message when the list cannot be read. */
int f24_code_find(const char *code, struct f24_code *out, char *err);

/* Debits, credits and saldo of each section, and of the form. */
struct f24_totals {
	int64_t debit[F24_NSECTIONS], credit[F24_NSECTIONS], saldo[F24_NSECTIONS];
	int64_t debit_total, credit_total, saldo_finale;
};
void f24_totals(const struct record *f24, struct f24_totals *t);

/* A new draft with the contribuente of the company profile: 0 or REC_ERROR. */
int f24_new(struct book *b, struct record **out, char *err);

/* Dates. Easter Sunday of year (Gregorian). */
void f24_easter(int year, int *month, int *day);
/* Whether y-m-d is a Saturday, a Sunday or an Italian national holiday. */
int f24_holiday(int y, int m, int d);
/* The first working day on or after iso (YYYY-MM-DD) into out (11 bytes);
 * the August suspension (1-20 August moves to the 20th) applied. 0 or -1. */
int f24_working_day(const char *iso, char *out);
/* The due date of what refers to month m of year y: the 16th of the next
 * month, moved by f24_working_day. */
void f24_due_date(int y, int m, char *out);

#endif
