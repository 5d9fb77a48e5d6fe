/* Ri.Ba. (ricevuta bancaria), issue 16: open receivables presented to the
 * company's bank in a CBI "Ri.Ba." file, and an unpaid one (insoluto)
 * taken back. The writer (riba-cbi.c) is pure: a creditor and its
 * receipts in, the fixed-length text out (records of 120 characters, CR
 * LF after each, in the CBI character set). The book's side (riba.c)
 * gathers the items, their customers and the creditor's data (the company
 * profile's name, fiscal code and SIA code; the bank account's Italian
 * IBAN for its ABI, CAB and account number), writes the file into the
 * book's export folder and marks the items presented, in one
 * transaction. */
#ifndef SCRIVANO_RIBA_H
#define SCRIVANO_RIBA_H

#include <stddef.h>
#include <stdint.h>

#include "book/record.h"
#include "util/util.h"

#define RIBA_RECORD 120          /* characters of a record, before its CR LF */
#define RIBA_RECORDS_PER_RECEIPT 7 /* 14, 20, 30, 40, 50, 51, 70 */

struct riba_creditor {
	char sia[6];          /* the SIA code, 5 letters or digits */
	char abi[6], cab[6];  /* the bank account's (banca assuntrice) */
	char account[13];     /* its account number, 12 characters */
	char name[128];
	char address[128];    /* street and number */
	char place[96];       /* "CAP City PR" */
	char fiscal[17];      /* partita IVA, else codice fiscale */
};

struct riba_receipt {
	int64_t number;       /* the receipt's number: the item's id */
	char due[11];         /* YYYY-MM-DD */
	int64_t amount;       /* cents, > 0 */
	char abi[6], cab[6];  /* the debtor's bank (banca domiciliataria) */
	int64_t debtor_code;  /* the customer's number in the book */
	char debtor[128];
	char fiscal[17];      /* its codice fiscale, else partita IVA */
	char address[128], cap[6], city[64], province[3];
	char doc[64];         /* the invoice, "FAT 1/2026" */
	char doc_date[11];
	int seq, of;          /* instalment seq of of */
};

/* text (UTF-8) in the CBI character set, width characters exactly (cut,
 * or padded with blanks) into out (width + 1 bytes): upper case letters,
 * digits, blank and . , - / ' ( ) + : ?; accented letters lose their
 * accent (À -> A, ç -> C), the euro sign becomes EUR, anything else a
 * blank. */
void riba_cbi_text(const char *text, size_t width, char *out);
/* Whether c is of the CBI character set as riba_cbi_text writes it. */
int riba_cbi_char(int c);

/* The file for the n receipts (at least one) of creditor c, made on
 * created (YYYY-MM-DD) under the name (nome supporto, up to 20
 * characters, unique for the day), appended to out: IB, each receipt's
 * seven records, EF with the count of receipts, their total and the
 * count of records. 0, or -1 with a message naming what is wrong (a
 * missing SIA, ABI, CAB, an amount not > 0, a bad date). */
int riba_cbi_write(const struct riba_creditor *c, const char *created, const char *name,
		   const struct riba_receipt *r, size_t n, struct buf *out, char *err);

/* The fields' checks: a SIA code (5 letters or digits, empty allowed) and
 * an ABI or CAB (5 digits, empty allowed). */
int riba_check_sia(const char *v, char *err);
int riba_check_bank_code(const char *v, char *err);

/* What a presentation made. */
struct riba_result {
	size_t count;
	int64_t total;        /* cents */
	char *path;           /* the file written (free it) */
};
/* The customers' open items (not paid, not presented) due from..to
 * (YYYY-MM-DD, both in), presented on date (NULL: today) through bank
 * account account_id (0: the first open bank account with an Italian
 * IBAN): the file in the book's export folder and the items presented,
 * in one transaction. Refused, nothing written, when an item's customer
 * lacks its bank's ABI or CAB (naming it), the company its SIA code, the
 * account an Italian IBAN, or none is due in the range. 0, REC_INVALID,
 * REC_ERROR. */
int riba_present_range(struct book *b, const char *from, const char *to, int64_t account_id,
		       const char *date, struct riba_result *res, char *err);
/* The same for the items ids (n), each a customer's, open and not
 * presented. */
int riba_present(struct book *b, const int64_t *ids, size_t n, int64_t account_id,
		 const char *date, struct riba_result *res, char *err);
/* Presented item id came back unpaid (insoluto): open again (its notes
 * say so) and, when fee > 0 (cents), the bank's fee a prima nota entry
 * out of the account it was presented through (causale SB, the
 * customer's, on date; NULL: today), its id in *entry (0 when no fee; may
 * be NULL). One transaction. 0, REC_INVALID, REC_GONE, REC_ERROR. */
int riba_unpaid(struct book *b, int64_t id, int64_t fee, const char *date, int64_t *entry,
		char *err);

/* The items' commands (items-kind.c's table): Present by Ri.Ba. (the
 * range of due dates asked, from this item's due date to the end of its
 * month offered) and Ri.Ba. unpaid (the fee asked). */
int riba_cmd_applies_present(const struct record *r);
int riba_cmd_applies_unpaid(const struct record *r);
void riba_cmd_preset_present(struct book *b, const struct record *r, char *out);
int riba_cmd_present(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		     char *msg, char *err);
void riba_cmd_preset_unpaid(struct book *b, const struct record *r, char *out);
int riba_cmd_unpaid(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		    char *msg, char *err);
/* An amount as typed, "2,50" or "2.50" (no grouping), into cents: 0 or
 * -1. */
int riba_amount_parse(const char *s, int64_t *cents);

#endif
