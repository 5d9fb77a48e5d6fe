/* Open items, the scadenzario (table open_items, schema step "open items"):
 * each instalment of an issued invoice is an item receivable, of a
 * registered purchase an item payable, made when the document is issued or
 * registered; a credit note's is negative and offsets its invoice's. An
 * item is settled, wholly or in part, by links (item_links): a prima nota
 * entry (one payment may settle several items, an item take several
 * payments; deleting the entry reopens them), a credit note's item, or a
 * settlement outside the prima nota (an invoice marked Paid). Its state
 * follows: open, partly paid, paid, or presented to the bank (Ri.Ba.).
 * This header is the book's side for the screens' kind and for the modules
 * built on it (Ri.Ba., dunning): every write here is one transaction. The
 * arithmetic is items-calc.h's. */
#ifndef SCRIVANO_ITEMS_H
#define SCRIVANO_ITEMS_H

#include <stddef.h>
#include <stdint.h>

#include "book/items-calc.h"
#include "book/parties.h"
#include "book/record.h"

#define ITEM_RECEIVABLE 'R' /* a customer owes it */
#define ITEM_PAYABLE 'P'    /* owed to a supplier */

/* An item's state. */
#define ITEM_OPEN 'O'
#define ITEM_PARTLY 'A'     /* partly paid */
#define ITEM_PAID 'P'
#define ITEM_PRESENTED 'R'  /* presented to the bank (Ri.Ba.), not paid yet */

struct item {
	int64_t id, document_id, party_id;
	int seq, instalments;    /* this is instalment seq of instalments */
	char side, state;        /* ITEM_RECEIVABLE/PAYABLE, ITEM_OPEN ... */
	char due[11];            /* YYYY-MM-DD */
	char doc_date[11];
	char presented[11];      /* "" when not presented */
	int64_t amount, paid, open; /* cents, in the item's sign (a credit's < 0) */
	char mode[5];            /* MP05 ..., "" */
	char doc[64];            /* its document: "FAT 1/2026" */
	char party[PARTY_NAME_SIZE]; /* its party's name, whole */
};

/* Item id: 0, REC_GONE (with a message naming it), REC_ERROR. */
int items_get(struct book *b, int64_t id, struct item *out, char *err);
/* The items of party (0: every party) on side ('\0': both), only those
 * not paid when open_only, in order of due date: *out (free it) and *n.
 * 0 or REC_ERROR. */
int items_list(struct book *b, int64_t party, char side, int open_only, struct item **out,
	       size_t *n, char *err);

/* Whether any item is not paid yet: 1, 0, or REC_ERROR. */
int items_any_open(struct book *b, char *err);

/* A payment: the prima nota entry is of amount (cents, in the items'
 * sign: > 0 a customer paying, or the company paying a supplier), on
 * date, on account_id (cash or bank), causale IC (receivables) or PF
 * (payables), the party's, its description (NULL: "Payment of FAT
 * 1/2026 ...") and reference (NULL: none). */
struct item_payment {
	const char *date;
	int64_t amount;
	int64_t account_id;
	const char *description;
	const char *reference;
};
/* Pays the n items ids (one party, one side, not paid; at least one) with
 * a new prima nota entry, allocated over them by due date
 * (items_allocate), the entry and its links in one transaction: 0 with
 * the entry's id in *entry_id (may be NULL); REC_INVALID with the reason
 * (nothing written: more than is open, a locked period, a closed
 * account...), REC_GONE, REC_ERROR. */
int items_pay(struct book *b, const int64_t *ids, size_t n, const struct item_payment *p,
	      int64_t *entry_id, char *err);
/* An entry already in the prima nota (a bank statement's line) as the
 * payment of the n items ids, allocated as items_pay does: the links, and
 * the entry's party and causale (IC or PF) where it has none or was "da
 * classificare", in one transaction. The entry may not be linked to items
 * already, nor be a transfer or an F24's. Returns as items_pay. */
int items_settle_entry(struct book *b, int64_t entry, const int64_t *ids, size_t n, char *err);
/* What entry settles: the sum of its links (in the items' sign) into
 * *linked and how many items into *nitems. 0 or REC_ERROR. */
int items_entry_linked(struct book *b, int64_t entry, int64_t *linked, size_t *nitems,
		       char *err);

/* The open items a prima nota entry (a bank line) may pay, by amount,
 * party and the document's number in its text (items_match_score): the
 * best document's, one item or all of it, in due order, at most max ids
 * in ids[] and *n (0: none matches), and a line describing the offer into
 * text (ERR_SIZE bytes: "FAT 1/2026 (Rossi Srl), instalment 1 of 2 due
 * 19/04/2026: 610,00"). 0 or REC_ERROR. */
int items_match_entry(struct book *b, int64_t entry, int64_t *ids, size_t max, size_t *n,
		      char *text, char *err);

/* For Ri.Ba. (branch riba): item id presented to the bank on date, or no
 * longer (date NULL: an unpaid one, insoluto). Its state follows unless
 * it is paid. 0, REC_INVALID (not a receivable, or paid), REC_GONE,
 * REC_ERROR. */
int items_set_presented(struct book *b, int64_t id, const char *date, char *err);

/* Called by the documents' storage inside its save (documents.c): an
 * issued invoice or registered purchase doc (its id set, its payment rows
 * in memory) gets its items once; a credit note offsets its invoice's; a
 * document marked paid, or a payment row with its paid date, settles
 * what is open of its item outside the prima nota. 0 or REC_ERROR. */
int items_document_write(struct book *b, const struct record *doc, char *err);

/* The day the ageing is computed as of: set (YYYY-MM-DD) for this
 * process, or back to today (NULL or ""), and read (11 bytes). */
int items_set_as_of(const char *date);
void items_as_of(char *out);
/* The SQL functions the items' lists use (items_as_of(), items_days(due),
 * items_aged(due, open, bucket)), on b's connection: book_open calls it.
 * 0, or -1 with a message. */
int items_functions(struct book *b, char *err);

/* The kinds the screens use: the items (screens/items.scr, read through
 * the view items_list) and the Pay form's (screens/items-pay.scr). */
enum item_field {
	ITEM_DUE,
	ITEM_SIDE,
	ITEM_PARTY,
	ITEM_PARTY_NAME,
	ITEM_DOCUMENT,
	ITEM_DOC_TEXT,
	ITEM_DOC_DATE,
	ITEM_SEQ,
	ITEM_INSTALMENTS,
	ITEM_AMOUNT,
	ITEM_PAID_AMOUNT,
	ITEM_OPEN_AMOUNT,
	ITEM_STATE,
	ITEM_MODE,
	ITEM_PRESENTED_ON,
	ITEM_NOTES,
	ITEM_DAYS,      /* computed: days past due as of the ageing's day, "" when paid */
	ITEM_AGE_NOT_DUE, /* computed: the open amount in its bucket's column, "" in the others */
	ITEM_AGE_30,
	ITEM_AGE_60,
	ITEM_AGE_90,
	ITEM_AGE_OVER,
	ITEM_AS_OF,     /* computed: the ageing's day */
	ITEM_NFIELDS
};

enum item_pay_field {
	ITEMPAY_ITEM,   /* the item Pay was run on (the link field) */
	ITEMPAY_ITEMS,  /* the items paid, their numbers separated by blanks */
	ITEMPAY_PARTY,  /* shown: the party */
	ITEMPAY_OPEN,   /* shown: what is open of them, cents */
	ITEMPAY_DATE,
	ITEMPAY_AMOUNT, /* cents, > 0 */
	ITEMPAY_ACCOUNT,
	ITEMPAY_REFERENCE,
	ITEMPAY_DESCRIPTION,
	ITEMPAY_NFIELDS
};

extern const struct record_kind items_kind;
extern const struct record_kind item_payment_kind;

/* The prima nota entry's commands (primanota.c's kind): Settle open
 * items, the match of a bank line offered and accepted. */
#define ITEMS_PN_NCOMMANDS 1
extern const struct record_command items_pn_commands[ITEMS_PN_NCOMMANDS];

/* ---- A party's statement (estratto conto, items-stmt.c) ---- */

enum items_stmt_kind {
	STMT_LINE_DOCUMENT,  /* an invoice, a note, a purchase: its amount */
	STMT_LINE_ITEM,      /* one of its instalments: due date, open; no amount */
	STMT_LINE_PAYMENT,   /* a prima nota entry settling its items */
	STMT_LINE_SETTLED,   /* settled outside the prima nota (marked paid) */
};
struct items_stmt_line {
	enum items_stmt_kind kind;
	char date[11];       /* the document's, the entry's, the settlement's; an item's due */
	char text[96];       /* "FAT 1/2026", "instalment 1 of 2", the entry's description */
	int seq, of;         /* an item's instalment: seq of of */
	int64_t open;        /* an item's open amount */
	int days;            /* an item's days past due (> 0: overdue) */
	struct items_line money; /* amount and the balance after it */
};
struct items_statement {
	char party[PARTY_NAME_SIZE];
	char side;           /* ITEM_RECEIVABLE: a customer's; ITEM_PAYABLE: a supplier's */
	char as_of[11];
	struct items_stmt_line *lines;
	size_t n;
	int64_t balance;     /* what is open at the end (the last line's balance) */
	int64_t overdue;     /* of it, past due as of as_of */
	int64_t ages[ITEMS_NAGES];
};
/* The statement of party on side ('\0': the side it has items on,
 * receivables first) as of as_of (NULL: the ageing's day): its documents
 * in date order, each followed by its instalments, and the payments and
 * settlements on their dates, with the running balance. 0, REC_GONE (no
 * such party), REC_INVALID (it has no items), REC_ERROR. */
int items_statement(struct book *b, int64_t party, char side, const char *as_of,
		    struct items_statement *out, char *err);
void items_statement_free(struct items_statement *s);
/* The statement as lines of text of at most 76 columns (Print, the
 * pager, scrivano items statement): the number of lines in *lines (each
 * newly allocated, as the array is). */
size_t items_statement_text(struct book *b, const struct items_statement *s, char ***lines);
/* The statement as an A4 PDF written whole at path (an existing file
 * only with force): 0, REC_INVALID or REC_ERROR with a message. */
int items_statement_pdf(struct book *b, const struct items_statement *s, const char *path,
			int force, char *err);
/* The party whose name is name (any case; else the only one whose name
 * holds it) or whose number it is: 0 with *id, REC_GONE or REC_INVALID
 * (several) with a message, REC_ERROR. */
int items_party_find(struct book *b, const char *name, int64_t *id, char *err);

#endif
