/* What the VAT registers and settlement read from the book (issue 16): the
 * protocol numbers of the purchases register, the documents of a register
 * with their VAT blocks, the bollo of the electronic invoices issued, the
 * ritenute withheld on the purchases paid, the acconto already in the
 * F24s, and the credit of the year before used in the settlements kept.
 * The arithmetic is the fiscal core's (src/fisc/vat.h), joined by the
 * bridge (src/bridge/vat-*.c). Amounts in cents, rates in hundredths. */
#ifndef SCRIVANO_VAT_BOOK_H
#define SCRIVANO_VAT_BOOK_H

#include <stddef.h>
#include <stdint.h>

#include "book/record.h"

/* ---- the protocol (vat-protocol.c) ---- */

/* Whether a document of kind (FA a purchase invoice, AUT a self-invoice of
 * reverse charge) in state goes into the purchases register. */
int vat_protocol_due(const char *kind, const char *state);
/* Gives saved document doc its protocol number in the purchases register
 * when it is registered there and has none yet: the next of its date's
 * year. Runs in the caller's transaction (documents.c's insert and update):
 * 0 or REC_ERROR. */
int vat_protocol_take(struct book *b, const struct record *doc, char *err);
/* The protocol of document id: 1 with *year and *number, 0 when it has
 * none, REC_ERROR. */
int vat_protocol_of(struct book *b, int64_t id, int *year, int64_t *number, char *err);

/* ---- the registers (vat-registers.c) ---- */

/* One block of a document's VAT summary as the book keeps it (unsigned:
 * the document's sign is apart). */
struct vat_doc_block {
	int rate;
	char natura[6];
	int64_t taxable, tax;
	char esigibilita; /* I, D, S, or 0 */
};

/* A document of a register. */
struct vat_doc {
	int64_t id;
	char kind[4], type[5], number[21], date[11];
	char party[81], piva[29];
	int protocol_year;   /* the purchases register's protocol (0 in the sales') */
	int64_t protocol;
	int sign;            /* -1 a credit note (TD04, TD08), else 1 */
	int split;           /* split payment (the document's flag) */
	int deductible;      /* of its VAT, the part deductible: hundredths of a
	                      * per cent, 10000 all (a sale's: 10000; a
	                      * self-invoice's in the purchases register: its
	                      * purchase's) */
	int64_t total;       /* ImportoTotaleDocumento, unsigned */
	struct vat_doc_block *block;
	size_t nblocks;
};

/* The registers' sides. */
#define VAT_SALES 'S'
#define VAT_PURCHASES 'P'

/* The documents of register side dated from..to (YYYY-MM-DD, both
 * included), not drafts: for the sales, the invoices and notes issued
 * (FAT FTD ACC NC ND PAR) by number, then the self-invoices of reverse
 * charge (AUT) by theirs; for the purchases, the purchase invoices and the
 * self-invoices by protocol. Into *out (vat_docs_free), *n of them. 0 or
 * REC_ERROR. */
int vat_register_read(struct book *b, char side, const char *from, const char *to,
		      struct vat_doc **out, size_t *n, char *err);
void vat_docs_free(struct vat_doc *d, size_t n);

/* The bollo of the invoices and notes issued from..to that carry it
 * (bollo virtuale): the sum in *cents, how many in *count. 0 or REC_ERROR. */
int vat_bollo_sum(struct book *b, const char *from, const char *to, int64_t *cents,
		  int64_t *count, char *err);

/* A ritenuta withheld on a registered purchase (TipoRitenuta RT01 or RT02,
 * not an agent's commission: CausalePagamento Q R S T go with 1038), and
 * what its open items say of the payments to the supplier. */
struct vat_ritenuta {
	int64_t id;            /* the document */
	char number[21], date[11], party[81];
	char paid[11];         /* the latest payment in the period */
	int64_t amount;        /* the ritenuta, the whole of it */
	int64_t payable;       /* what the supplier is owed: its items, added up */
	int64_t paid_before;   /* of it, paid before the period */
	int64_t paid_in;       /* and in it */
};
/* The ritenute of the purchases paid from..to, in part or in full: the
 * payments are the links of their open items (item_links), each on its
 * prima nota entry's date or, settled outside the prima nota, on the
 * link's own; a credit note's offset is no payment. A purchase not paid
 * yet is not among them; neither is one with no items, having nothing
 * payable (every registered purchase gets its items: the open items' step
 * for those already in a book, the documents' save after). By the latest
 * payment, then id. Into *out (free), *n. 0 or REC_ERROR. */
int vat_ritenute_read(struct book *b, const char *from, const char *to, struct vat_ritenuta **out,
		      size_t *n, char *err);

/* The acconto for year in the F24s (not templates): the debits of the
 * Erario rows with code and the year as anno. 0 or REC_ERROR. */
int vat_acconto_in_f24(struct book *b, const char *code, int year, int64_t *cents, char *err);

/* The company's periodicity (M, T, S) into *out. 0 or REC_ERROR. */
int vat_periodicity(struct book *b, char *out, char *err);

/* ---- the settlements kept (table vat_settlements) ---- */

enum vat_settlement_field {
	VS_PERIOD,       /* the key: "2026Q1", "2026-03" */
	VS_PERIODICITY,  /* M T S, the company's when computed */
	VS_VP2, VS_VP3, VS_VP4, VS_VP5, VS_VP6_DEBIT, VS_VP6_CREDIT, VS_VP7, VS_VP8,
	VS_VP9,          /* typed: of the year before's credit, what is used here */
	VS_VP12, VS_VP13, VS_VP14_DEBIT, VS_VP14_CREDIT,
	VS_SPLIT_VAT,    /* the split-payment sales' VAT, not owed */
	VS_REVERSE_VAT,  /* the reverse charge's VAT, owed (deducted as its purchase is) */
	VS_TO_PAY,       /* what the F24 holds */
	VS_CARRIED,      /* 1: €100 or less, carried to the next period */
	VS_CODE,         /* codice tributo */
	VS_DUE,          /* the due date, a holiday moving it to the next working day */
	VS_F24,          /* f24.id of the draft made, or empty */
	VS_NOTES,
	VS_REVERSE_NONDED, /* of VS_REVERSE_VAT, what is not deducted (its purchases' share) */
	VS_NFIELDS
};

/* The VP9 of each period of the year's settlements kept, of kind 'M' (12)
 * or 'Q' (4): credit[n - 1] for period n, 0 where none is kept. */
int vat_credit_used(struct book *b, int year, char kind, int64_t *credit, char *err);
/* The id of the settlement of period (text), or 0 when none is kept. */
int vat_settlement_find(struct book *b, const char *period, int64_t *id, char *err);
/* The documents' update check of a registered purchase's deductible
 * share (stored as kept, w as saved): it may no longer change once a
 * settlement kept with its F24 (frozen, vat-kind.c) covers the period of
 * its date or of one of its self-invoices', or a later period of that
 * year, which the change would reach through the credit or debit
 * carried. 0 when it may (or is not changed), REC_INVALID with the
 * period, its F24 and what to do instead, REC_ERROR. */
int vat_share_check(struct book *b, const struct record *stored, const struct record *w,
		    char *err);

#endif
