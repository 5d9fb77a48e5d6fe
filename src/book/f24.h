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
	F24_PAY_ACCOUNT,   /* paid: pn_accounts.id it was paid from (set by Pay) */
	F24_PAY_REFERENCE, /* paid: the bank's reference, protocollo (set by Pay) */
	F24_PAY_ENTRY,     /* paid: the prima nota entry of the payment (set by Pay) */
	F24_RECEIPTS,      /* computed: how many receipt files it keeps */
	F24_TEMPLATE,      /* 1: a template, copied into drafts, never paid */
	/* computed: each section's saldo (debits - credits), cents, in enum
	 * f24_section's order */
	F24_SALDO_ERARIO,
	F24_SALDO_INPS,
	F24_SALDO_REGIONI,
	F24_SALDO_LOCALI,
	F24_SALDO_INAIL,
	F24_SALDO_ALTRI,
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
/* The kind's compute: the saldo finale and each section's saldo of f24
 * as its rows are in memory. */
void f24_compute(struct record *f24);

/* A new draft with the contribuente of the company profile: 0 or REC_ERROR. */
int f24_new(struct book *b, struct record **out, char *err);

/* ---- Paying: the quietanza (f24-pay.c) ----
 * An F24 to pay becomes paid by Pay: in one transaction its payment date,
 * account and bank reference are set and the prima nota entry written
 * (Uscite of the saldo finale on that account, causale F24, "F24
 * DESCRIPTION", linked both ways; none for a saldo of zero), and a receipt
 * file stored. A paid F24 is not changed or deleted, rows included; Cancel
 * payment writes the reversing entry (Entrate, linked too) and puts it
 * back to pay, keeping both entries and the receipts. */

/* The form of Pay (screens/f24-pay.scr): saving it pays the F24 it names. */
enum f24_payment_field {
	PAYMENT_F24,         /* the F24's id (the command's link) */
	PAYMENT_DATE,        /* YYYY-MM-DD, offered today */
	PAYMENT_ACCOUNT,     /* pn_accounts.id, offered the first open bank account */
	PAYMENT_REFERENCE,   /* the bank's reference, protocollo */
	PAYMENT_RECEIPT,     /* a file of the book's import folder, or empty */
	PAYMENT_DESCRIPTION, /* shown: the F24's description */
	PAYMENT_SALDO,       /* shown: the saldo finale, cents */
	PAYMENT_NFIELDS
};
extern const struct record_kind f24_payment_kind;

/* Most bytes of a receipt file. */
#define F24_RECEIPT_MAX (32u * 1024 * 1024)
/* The causale of the entries Pay and Cancel payment write. */
#define F24_CAUSALE "F24"

struct f24_pay {
	const char *date;      /* YYYY-MM-DD */
	int64_t account_id;    /* pn_accounts.id; 0 only with a saldo finale of 0 */
	const char *reference; /* the bank's reference, or NULL */
	const char *receipt;   /* a file to store (its path as given), or NULL */
};
/* Pays F24 id, in one transaction: 0 with the entry's id in *entry_id (0
 * for a saldo finale of 0; may be NULL); REC_INVALID (not to pay, not
 * valid, a closed account, a locked period, a receipt unreadable: nothing
 * written), REC_GONE (no such F24 or account), REC_ERROR, with err. */
int f24_pay(struct book *b, int64_t id, const struct f24_pay *p, int64_t *entry_id, char *err);
/* Cancels the payment of paid F24 id on date (NULL: today), in one
 * transaction: the reversing entry (Entrate of the payment's amount,
 * causale F24, naming the cancelled payment, linked to the F24) and the
 * F24 back to pay, its payment's date, account, reference and entry
 * cleared; the receipts stay. As f24_pay. */
int f24_cancel_payment(struct book *b, int64_t id, const char *date, int64_t *entry_id,
		       char *err);

/* A receipt file kept with an F24 (f24_receipts): as many as it has had. */
struct f24_receipt {
	int64_t id, size;
	char name[256];
	char sha256[65];
	char added[24];
};
/* Stores the file at path (its name without folders, bytes, SHA-256, size)
 * with paid F24 id, in one transaction: 0, REC_INVALID (not paid, the
 * file unreadable, empty or over F24_RECEIPT_MAX), REC_GONE, REC_ERROR. */
int f24_receipt_add(struct book *b, int64_t id, const char *path, char *err);
/* F24 id's receipts, oldest first, into *out (freed by the caller) and *n. */
int f24_receipt_list(struct book *b, int64_t id, struct f24_receipt **out, size_t *n,
		     char *err);
/* Writes the bytes of F24 id's latest receipt to path, a new file (0600)
 * unless force (then replaced): 0 with the receipt in *got (may be NULL);
 * REC_INVALID (no receipt, path exists), REC_ERROR. */
int f24_receipt_export(struct book *b, int64_t id, const char *path, int force,
		       struct f24_receipt *got, char *err);
/* The account Pay offers: the first open bank account, else the first
 * open one; 0 when none. */
int f24_default_account(struct book *b, int64_t *id, char *err);
/* The prima nota entries of F24 id (its payments and their cancels), in
 * order: ids, dates, amounts; *n of them. */
struct f24_entry {
	int64_t id, amount, account_id;
	char date[11];
};
int f24_entry_list(struct book *b, int64_t id, struct f24_entry **out, size_t *n, char *err);

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

/* f24-cmds.c: the commands of an F24 (record.h: struct record_command),
 * in the form's and list's Commands and for the command line. */
#define F24_NCOMMANDS 8
extern const struct record_command f24_commands[F24_NCOMMANDS];
/* The latest month its rows refer to (mese rif. 00MM with the anno, the
 * month of an IVA mensile code 6001-6012 with the anno, an INPS or other
 * period's "a", else "da"): 1 with *y and *m, 0 when no row says one. */
int f24_latest_period(const struct record *f24, int *y, int *m);
/* The due date to offer for f24 (YYYY-MM-DD, 11 bytes): by the 16th rule
 * from its latest period, or from last month when no row says one; not
 * before today's working day (today: YYYY-MM-DD). */
void f24_due_offer(const struct record *f24, const char *today, char *out);
/* A date as typed (dd/mm/yyyy, d/m/yyyy or YYYY-MM-DD) into ISO (11
 * bytes): 0, or -1 when it is not a date of the calendar. */
int f24_date_parse(const char *typed, char *iso);
/* Sets draft f24 (saved) to pay by due (YYYY-MM-DD, not before today):
 * state T through the record interface, one transaction. 0, or
 * REC_INVALID (not a draft, a template, a date in the past), REC_CONFLICT,
 * REC_GONE, REC_ERROR with a message. */
int f24_to_pay(struct book *b, const struct record *f24, const char *due, const char *today,
	       char *err);
/* A new draft with f24's contribuente and rows, each period one month on
 * (mese rif. 00MM, IVA mensile 6001-6012, INPS and other periods mm/aaaa;
 * December into January of the next year, and then the anno of the rows
 * that give no month too); saved, its id in *id. 0 or REC_* with err. */
int f24_copy(struct book *b, const struct record *f24, int64_t *id, char *err);
/* Marks saved draft f24 as a template. 0 or REC_* with err. */
int f24_make_template(struct book *b, const struct record *f24, char *err);
/* f24-due.c: the F24s to pay (state T, not templates) whose due date is
 * from today to today + days, the nearest of those, and the ones past
 * their due date (the oldest date): 0, or -1 with a message. */
struct f24_due {
	int due;         /* due from today to today + days */
	char next[11];   /* the nearest due date from today on, or "" */
	int overdue;     /* due before today */
	char oldest[11]; /* the oldest overdue date, or "" */
};
int f24_due_summary(struct book *b, const char *today, int days, struct f24_due *out,
		    char *err);

/* Today as YYYY-MM-DD (local time) into out (11 bytes). */
void f24_today(char *out);

#endif
