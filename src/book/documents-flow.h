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
/* The numbers (line_no) of document id's lines made from lines of
 * document from (a deferred invoice's, of one of its DDTs), in order:
 * *lines newly allocated (free it), *n how many. 0 or REC_ERROR. */
int document_lines_from(struct book *b, int64_t id, int64_t from, int **lines, size_t *n,
			char *err);
/* What is left of line line_id (document_lines id) for the documents that
 * follow its document's kind: its quantity less what their lines took,
 * into left as decimal text ("0.00" when all was taken; "" for a line with
 * no quantity, which is left whole or not at all); *whole 1 when nothing
 * took from it. 0, REC_GONE or REC_ERROR. */
int document_line_left(struct book *b, int64_t line_id, char *left, size_t size, int *whole,
		       char *err);

/* Links document from to document to (document_links), inside the
 * caller's transaction. 0 or REC_ERROR. */
int document_link_add(struct book *b, int64_t from, int64_t to, char *err);

/* ---- self-invoices of reverse charge (documents-integrate.c) ---- */

/* The lines of a purchase a self-invoice integrates, as an SQL condition
 * on its line l and its supplier p (parties): goods or services, not text,
 * bollo or discount lines; Natura N6.x (inversione contabile) from anyone,
 * or at VAT rate 0 (but N1, anticipated expenses) from a supplier outside
 * Italy (its IdPaese, else its country); not yet on a self-invoice. The
 * computed field DOC_TO_INTEGRATE counts them, document_integrate takes
 * them: one rule. */
#define DOC_TO_INTEGRATE_WHERE                                                          \
	"l.line_type = '' AND (l.natura LIKE 'N6.%' OR (coalesce(nullif(p.vat_country, " \
	"''), p.country) <> 'IT' AND l.vat_rate = 0 AND l.natura <> 'N1')) AND NOT "     \
	"EXISTS (SELECT 1 FROM document_lines m JOIN documents s ON s.id = "              \
	"m.document_id WHERE m.from_line = l.id AND s.kind = 'AUT')"

/* The VAT rate a self-invoice's line bears when its purchase line names
 * no article with a rate of its own: 22%, the ordinary rate. */
#define DOC_SELF_RATE 2200

struct doc_integrate {
	int64_t purchase;     /* the purchase invoice (FA), registered */
	const char *type;     /* TD16 ... TD19; NULL: chosen from the purchase */
	int64_t rate;         /* the lines' VAT rate where no article gives one
			       * (hundredths of a percent); < 0: DOC_SELF_RATE */
	const char *date;     /* the draft's date; NULL: today */
	doc_compute_fn compute; /* may be NULL */
};

/* Makes the self-invoice draft (kind AUT) of a registered purchase's
 * lines to integrate (DOC_TO_INTEGRATE_WHERE) in one transaction: the
 * supplier as its party, each line's taxable amounts at its VAT rate
 * (the article's own, else c->rate) with no Natura, linked to its line
 * (from_line) and the draft to the purchase; its TipoDocumento TD16 for
 * an Italian supplier, else TD17 for services, TD18 for goods from the
 * European Union, TD19 for goods from outside it (c->type instead when
 * given). A foreign purchase of goods and services makes one self-invoice
 * of the goods' lines, then one of the services'. The SDI code it goes to
 * is the company's own (0000000 with its PEC when it has none), its
 * causale names the supplier's invoice. *new_id gets its id. 0, or
 * REC_INVALID (not a registered purchase, nothing left to integrate: the
 * self-invoice that took it named), REC_GONE, REC_ERROR. */
int document_integrate(struct book *b, const struct doc_integrate *c, int64_t *new_id,
		       char *err);

/* A VAT rate as typed for a self-invoice's lines ("22", "10,5", "4%") in
 * hundredths of a percent, above 0 and at most 100: 0, or -1 with a
 * message naming it. */
int document_self_rate_parse(const char *typed, int64_t *rate, char *err);

/* A self-invoice's header from the book: where SdI delivers it (the
 * company's own SDI code, or 0000000 and the company's PEC), no split
 * payment, office code nor dichiarazione d'intento; with its party, the
 * cedente's regime (RF01 Italian, RF18 abroad) and a type that fits it
 * (TD16 for an Italian supplier; TD17 in the place of TD16 abroad). 0 or
 * REC_ERROR. */
int document_self_fill(struct book *b, struct record *d, char *err);

/* For documents.c's storage: a self-invoice's supplier fits its
 * TipoDocumento, as SdI checks the cedente (TD16 Italian; TD17, TD18, TD19
 * not, error 00473; TD18 of the European Union) and is not the company
 * itself (00471). 0 (also for any other kind), REC_INVALID, REC_ERROR. */
int document_self_check(struct book *b, const struct record *r, char *err);

/* The purchase invoice a self-invoice integrates (its link): 1 with its
 * id, number and date (YYYY-MM-DD), 0 when it has none, REC_ERROR. */
int document_integrated(struct book *b, int64_t id, int64_t *purchase, char number[24],
			char date[11], char *err);

#endif
