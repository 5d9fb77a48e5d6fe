/* The prima nota: the cash and bank journal. Accounts (table pn_accounts:
 * cash, bank, card, petty cash) and their entries (table pn_entries, one
 * signed amount in cents each; a transfer is two entries, one a leg, in one
 * transaction), the running balance kept per account and day (table
 * pn_days, maintained by the book's triggers), the period lock of the
 * company profile, and the period view. The screens reach them through the
 * record kinds below; other modules (the bank-statement importer) through
 * the functions at the end. */
#ifndef SCRIVANO_PRIMANOTA_H
#define SCRIVANO_PRIMANOTA_H

#include <stddef.h>
#include <stdint.h>

#include "book/record.h"

/* Account types. */
#define PN_CASH 'C'  /* cassa */
#define PN_BANK 'B'  /* conto corrente */
#define PN_CARD 'K'  /* carta */
#define PN_PETTY 'P' /* piccola cassa */

/* The causale of transfers, and of the movements an import could not
 * match (data/causali.txt). */
#define PN_CAUSALE_TRANSFER "GC"
#define PN_CAUSALE_UNSORTED "DC"
#define CODELIST_CAUSALI "data/causali.txt"

enum account_field {
	ACCOUNT_NAME,
	ACCOUNT_TYPE,         /* C B K P */
	ACCOUNT_IBAN,
	ACCOUNT_BANK,
	ACCOUNT_ABI,          /* computed from an Italian IBAN */
	ACCOUNT_CAB,          /* computed from an Italian IBAN */
	ACCOUNT_OPENING,      /* opening balance, cents (may be negative) */
	ACCOUNT_OPENING_DATE, /* YYYY-MM-DD or empty: entries may not be dated before it */
	ACCOUNT_CLOSED,       /* 1: kept, hidden from lookups, no new entries */
	ACCOUNT_NOTES,
	ACCOUNT_BALANCE,      /* computed: the balance after the last entry, cents */
	ACCOUNT_NFIELDS
};

enum entry_field {
	ENTRY_DATE,        /* the key: lists are in date order, then by id */
	ENTRY_VALUE_DATE,  /* the bank's value date, or empty */
	ENTRY_DESCRIPTION,
	ENTRY_ACCOUNT,     /* pn_accounts.id */
	ENTRY_IN,          /* Entrate: cents > 0, or empty */
	ENTRY_OUT,         /* Uscite: cents > 0, or empty (stored as amount < 0) */
	ENTRY_CAUSALE,     /* a code of data/causali.txt, or empty */
	ENTRY_PARTY,       /* parties.id, or empty */
	ENTRY_DOC_REF,     /* the document's number, a free reference */
	ENTRY_PAY_METHOD,  /* MP01..MP23, or empty */
	ENTRY_RECONCILED,  /* 1 or 0 */
	ENTRY_NOTES,
	ENTRY_TO_ACCOUNT,  /* a transfer's other account (its other leg's), or empty */
	ENTRY_BALANCE,     /* computed: the account's balance after this entry, cents */
	ENTRY_IMPORT_REF,  /* the bank's id of the movement (struct pn_entry), not shown */
	ENTRY_F24,         /* the F24 whose payment (or its cancel) this is, or empty:
			    * set by the F24's Pay and Cancel payment, read-only */
	ENTRY_NFIELDS
};

enum period_field {
	PERIOD_ACCOUNT, /* pn_accounts.id, or empty: all accounts */
	PERIOD_SPAN,    /* M month, Q quarter, Y year (of PERIOD_DATE), R from-to */
	PERIOD_DATE,    /* a day of the month, quarter or year */
	PERIOD_FROM,    /* with R */
	PERIOD_TO,      /* with R */
	PERIOD_START,   /* the rest are results, filled when the form is saved */
	PERIOD_END,
	PERIOD_OPENING, /* balance at the start (before the first day) */
	PERIOD_IN,      /* total in */
	PERIOD_OUTS,    /* total out, positive */
	PERIOD_CLOSING, /* balance at the end */
	PERIOD_NFIELDS
};

extern const struct record_kind accounts_kind;      /* screens/accounts.scr */
extern const struct record_kind open_accounts_kind; /* lookups: closed ones hidden */
extern const struct record_kind primanota_kind;     /* screens/primanota.scr */
extern const struct record_kind pn_period_kind;     /* screens/pn-period.scr */

/* ---- For other modules (the bank-statement importer) ----
 * Every write goes through record_save/record_delete, the one write path:
 * each function here is one transaction and checks what a form's save
 * checks (period lock, closed account, opening date, causale). */

/* An entry to add: strings may be NULL (empty); dates YYYY-MM-DD. */
struct pn_entry {
	int64_t account_id;
	const char *date;
	const char *value_date;
	const char *description; /* required */
	int64_t amount;          /* cents: > 0 in, < 0 out, never 0 */
	const char *causale;     /* NULL: PN_CAUSALE_UNSORTED */
	int64_t party_id;        /* 0: none */
	const char *doc_ref;
	const char *pay_method;
	int reconciled;
	const char *notes;
	/* the bank's own id of the movement (or a digest of its line): an
	 * import that finds it already in the account adds nothing */
	const char *import_ref;
	int64_t f24_id; /* the F24 it pays (or whose payment it reverses), 0: none */
};

/* The id of the account named name (any case; closed ones too), in *id.
 * 0, REC_GONE when no account has that name, REC_ERROR. */
int pn_account_find(struct book *b, const char *name, int64_t *id, char *err);
/* Adds e: 0 with its id in *id (may be NULL), REC_INVALID with the reason
 * in err (nothing written), REC_ERROR. */
int pn_entry_add(struct book *b, const struct pn_entry *e, int64_t *id, char *err);
/* The unreconciled entry of account with exactly amount whose date is
 * within days of date (either side), the nearest in date first, then the
 * lowest id; transfers' legs count. 0 with *id (0 when none), REC_ERROR. */
int pn_find_unreconciled(struct book *b, int64_t account, int64_t amount, const char *date,
			 int days, int64_t *id, char *err);
/* Marks entry id reconciled, keeping import_ref on it (may be NULL). 0,
 * REC_INVALID (locked period: nothing written), REC_GONE, REC_ERROR. */
int pn_mark_reconciled(struct book *b, int64_t id, const char *import_ref, char *err);
/* Whether an entry of account holds import_ref: 1 yes, 0 no, REC_ERROR. */
int pn_import_ref_seen(struct book *b, int64_t account, const char *import_ref, char *err);

/* Imports a bank statement (bank/statement.h) into the account called
 * account_name (any case), in one transaction: each movement already in
 * (its reference seen on the account), matched to an unreconciled entry of
 * the same amount within STMT_MATCH_DAYS (marked reconciled, keeping the
 * reference), or added reconciled with causale PN_CAUSALE_UNSORTED, the
 * bank's reference, and the movement's text (else its counterparty, else
 * its reference) as description. A file naming another IBAN than the
 * account's, a closed account, or any movement refused (a locked period, a
 * date before the account's opening) adds nothing: REC_INVALID or
 * REC_GONE (no such account) or REC_ERROR with err filled ("line N (DATE,
 * FORMAT): why" for a movement). progress (may be NULL) is called every
 * few hundred movements with how many are done of how many. 0 with the
 * counts in *counts (all 0 on failure). */
struct statement;
struct stmt_counts;
int pn_import(struct book *b, const char *account_name, const struct statement *st,
	      void (*progress)(void *arg, size_t done, size_t total), void *arg,
	      struct stmt_counts *counts, char *err);

/* ---- Balances (cents) ---- */

/* The balance of account (0: all accounts) at the end of day date
 * ("9999-12-31": now), the opening balance included. 0 or REC_ERROR. */
int pn_balance_at(struct book *b, int64_t account, const char *date, int64_t *out, char *err);
/* The period from..to (inclusive) of account (0: all): the balance before
 * from, totals in (>= 0) and out (>= 0), the balance at the end of to. */
struct pn_period {
	int64_t opening, in, out, closing;
};
int pn_period_totals(struct book *b, int64_t account, const char *from, const char *to,
		     struct pn_period *out, char *err);
/* The first and last day of the month (M), quarter (Q) or year (Y) of
 * date, into from and to (11 bytes each). 0, or -1 for another span. */
int pn_span_dates(char span, const char *date, char *from, char *to);

#endif
