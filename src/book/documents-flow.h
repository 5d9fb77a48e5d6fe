/* A document's life in the book: issuing (its number taken, its content
 * frozen), the states after it, the flow from one kind to the next (quote,
 * order, DDT, invoice, credit note) with the links both ways, and the
 * stock its lines move. The fiscal arithmetic is the caller's: a compute
 * function passed in (the bridge's, over the fiscal core), never included
 * here. */
#ifndef SCRIVANO_DOCUMENTS_FLOW_H
#define SCRIVANO_DOCUMENTS_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "book/documents.h"

/* Room for the warnings document_issue returns (several may be owed). */
#define DOC_WARN_SIZE 1024

/* Computes a document's totals, VAT summary, withholdings and payments from
 * its header and lines, in memory: 0, or -1 with a message in err. */
typedef int (*doc_compute_fn)(struct record *doc, char *err);

/* "1/2026", or "3/A/2026" in series A: the number text of an issued
 * document, into out (at least 32 bytes). */
char *document_number_text(int64_t seq, const char *series, const char *year, char *out,
			   size_t size);
/* How messages name a document: "FAT 1/2026", or "FAT draft 12" (its
 * record number) before it is issued. */
char *document_name(const struct record *doc, char *out, size_t size);

/* ---- issuing and states (documents-issue.c) ---- */

/* Issues draft id in one transaction: loads it inside, computes it
 * (compute may be NULL: the totals stay as saved), takes the next number
 * of its kind's numbering group, series and year (the year of its date),
 * refusing a date before that of the number preceding it; sets state I
 * and saves it. Warnings that do not block (an invoice late for its
 * operation or its DDTs, a dichiarazione d'intento's plafond exceeded) go
 * to warn (DOC_WARN_SIZE bytes, "" when none). 0, or REC_INVALID,
 * REC_GONE, REC_ERROR with a message; a refusal writes nothing. */
int document_issue(struct book *b, int64_t id, doc_compute_fn compute, char *warn, char *err);
/* Moves an issued document on: S sent (sales only), P paid; never back,
 * never from a draft. 0, or REC_INVALID, REC_GONE, REC_ERROR. */
int document_set_state(struct book *b, int64_t id, const char *state, char *err);

/* Whether r, past its draft, was rejected by SdI (its sdi_state R): then
 * it is corrected under the same number (its lines and header, not its
 * kind, number, series, year or party) and exported again as a new file,
 * after which it is frozen again. 1 or 0. */
int document_correctable(const struct record *r);
/* For documents.c's storage, inside the write's transaction: whether w
 * (id != 0) may replace what the book holds. A draft may change freely,
 * and a rejected document as document_correctable says; another issued
 * document only its state (forward) and its payments' paid dates. 1 when
 * the stored one is a draft or a rejected one (its stock is then written
 * again), 0 when the change is allowed past it, REC_INVALID (with the
 * message) when not, REC_GONE, REC_ERROR. */
int document_change_check(struct book *b, const struct record *w, char *err);
/* Whether document r may be deleted: only a draft. 0 or REC_INVALID,
 * REC_GONE, REC_ERROR. */
int document_delete_check(struct book *b, const struct record *r, char *err);

/* ---- stock (documents-stock.c) ---- */

/* Rewrites the stock movements of document doc (saved, id != 0) from its
 * lines in memory, through the articles' records: a DDT and a sale invoice
 * with no DDT before it take goods out, a purchase invoice brings them in,
 * one movement a line that names an article. Inside the caller's
 * transaction. 0, or REC_INVALID (a quantity finer than the stock's 0.001)
 * or REC_ERROR with a message. */
int document_stock_write(struct book *b, const struct record *doc, char *err);
/* Removes document id's movements (the draft being deleted). */
int document_stock_remove(struct book *b, int64_t id, char *err);

/* ---- the flow (documents-flow.c) ---- */

struct doc_convert {
	const int64_t *from;  /* the source documents, issued, of one party */
	size_t nfrom;
	const char *kind;     /* the new draft's kind: ORD, DDT, FAT, FTD, NC, ND */
	const int64_t *lines; /* only these lines of the sources (document_lines ids);
			       * NULL: all */
	size_t nlines;
	const char *date;     /* the new draft's date; NULL: today */
	doc_compute_fn compute; /* may be NULL */
};

/* Makes a new draft of c->kind from the sources in one transaction: the
 * party and header terms copied, each source linked (document_links) and
 * each line (from_line), with only what the documents that followed each
 * source did not take yet (a quantity less what they took; a line fully
 * taken left out). Bollo and document-discount lines are never copied
 * (the fiscal core makes them again from the header). *new_id gets the
 * draft's id. 0, or REC_INVALID (a conversion not allowed, nothing left,
 * a source that is a draft or of another party), REC_GONE, REC_ERROR. */
int document_convert(struct book *b, const struct doc_convert *c, int64_t *new_id, char *err);

/* A document linked to another, either way. */
struct doc_link {
	int64_t id;
	char kind[4];
	char number[24]; /* "" for a draft */
	char date[11];
	char state[2];
	int source;      /* 1: the document asked about came from this one; 0: made from it */
};
/* The documents id came from and those made from it, by date: *out newly
 * allocated (free it), *n how many. 0 or REC_ERROR. */
int document_links(struct book *b, int64_t id, struct doc_link **out, size_t *n, char *err);
/* What is left of line line_id (document_lines id) for the documents that
 * follow its document's kind: its quantity less what their lines took,
 * into left as decimal text ("0.00" when all was taken; "" for a line with
 * no quantity, which is left whole or not at all); *whole 1 when nothing
 * took from it. 0, REC_GONE or REC_ERROR. */
int document_line_left(struct book *b, int64_t line_id, char *left, size_t size, int *whole,
		       char *err);

#endif
