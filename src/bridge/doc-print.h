/* A document as the printed page: the "print model" (the document record
 * with the company profile, the party, its links and the sentences the law
 * asks for, gathered from the book once), rendered as lines of text (the
 * print preview, the terminal printer, `scrivano document print`) and as
 * an A4 PDF on src/pdf (`scrivano document pdf`, the form's PDF command).
 * The renderers read only the model: no book, no SQL. */
#ifndef SCRIVANO_DOC_PRINT_H
#define SCRIVANO_DOC_PRINT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "book/record.h"

/* Everything a printed document shows. */
struct doc_print {
	const struct record *doc;     /* of documents_kind, with its rows */
	struct record *company;       /* the company profile, or NULL */
	struct record *party;         /* the customer or supplier, or NULL */
	char **links;                 /* "From: Customer order 2/2026 of 03/01/2026",
				       * "Made into: Invoice 1/2026 of 07/01/2026" */
	size_t nlinks;
	char **notes;                 /* the legal notes (Italian), in print order */
	size_t nnotes;
	struct record *owned_doc;     /* doc when the model loaded it itself */
};

/* Fills m for doc (a record of documents_kind with its rows, as
 * record_load gives it; kept, not copied: it must outlive m): the company
 * profile, the party and the links (document_links) from b, the legal
 * notes from the fiscal core. b may be NULL: then only what doc holds (no
 * company, no party, no links).
 * 0, or -1 with a message (the book's error). */
int doc_print_build(struct book *b, const struct record *doc, struct doc_print *m, char *err);
/* Loads document id through the record interface and builds its model:
 * 0, REC_GONE ("there is no document ID"), or REC_ERROR with a message. */
int doc_print_load(struct book *b, int64_t id, struct doc_print *m, char *err);
void doc_print_free(struct doc_print *m);

/* Lines of text (UTF-8, no '\n', at most DOC_TEXT_WIDTH columns each, as
 * record.h's print_text): into *lines, each newly allocated as the array
 * is; returns how many. doc_print_lines_free frees them. */
#define DOC_TEXT_WIDTH 76
size_t doc_print_lines(const struct doc_print *m, char ***lines);
void doc_print_lines_free(char **lines, size_t n);
/* The same for a record alone (a kind's print_text, which gets no book):
 * what the record holds, without the company's and party's details. */
size_t doc_print_text(const struct record *doc, char ***lines);
/* The whole text of doc with what the book adds (the form's Print and
 * `scrivano document print`): the number of lines, or (size_t)-1 with a
 * message. */
size_t document_print_lines(struct book *b, const struct record *doc, char ***lines,
			    char *err);

/* The PDF: A4, the company's header, the party where a DL envelope's
 * window shows it, the lines (carried forward across pages), the VAT
 * summary, the totals, the payment data and the notes at the foot.
 * doc_pdf_pages is how many pages it takes. 0, or -1 with a message. */
int doc_pdf_write(const struct doc_print *m, FILE *out, char *err);
int doc_pdf_pages(const struct doc_print *m);
/* Loads document id and writes its PDF to path, whole or not at all (a
 * file beside it, then linked or renamed into place); an existing path is
 * refused unless replace. 0, REC_GONE (no such document) or REC_ERROR,
 * with a message in err. */
int document_pdf_file(struct book *b, int64_t id, const char *path, int replace, char *err);
/* For the documents kind's PDF command (record.h, RECORD_ASK_FILE_OUT):
 * document_pdf_file without replacing. */
int document_pdf_write(struct book *b, int64_t id, const char *path, char *err);
/* The name the PDF command offers: "Invoice-1-2026.pdf", a draft's
 * "Invoice-draft-ID.pdf" (letters, digits, '-' and '_' only), into out
 * (ERR_SIZE bytes); and the command's run, writing to path. */
void document_pdf_preset(struct book *b, const struct record *r, char *out);
int document_pdf_run(struct book *b, const struct record *r, const char *path, int64_t *open_id,
		     char *msg, char *err);

/* Shared by the renderers (doc-print.c). */
/* Cents as "1.234,56". */
const char *doc_money(int64_t cents, char *buf, size_t size);
/* A field's cents ("" as 0). */
int64_t doc_cents(const struct record *r, size_t field);
/* Under split payment, the VAT of the summary rows with EsigibilitaIVA S
 * (all the taxed ones of a document the core computed; an imported one may
 * have others), or DOC_TAX when no row says; 0 otherwise. */
int64_t doc_split_tax(const struct record *d);
/* What the payable differs by from the total less the ritenute and the
 * split VAT: 0 but for a document imported whose payable is its payments'
 * (or its summary's, the declared total disagreeing), which *label names. */
int64_t doc_payable_difference(const struct record *d, const char **label);
/* A decimal text ("1234.50000") as "1.234,50": at least 2 decimals, the
 * significant ones up to 8; "" as "". */
const char *doc_decimal_it(const char *v, char *buf, size_t size);
/* A rate in hundredths of a percent as "22%", "5,5%"; a Natura instead
 * when the rate is 0 and one is given. */
const char *doc_rate_text(const char *rate, const char *natura, char *buf, size_t size);
/* An ISO date as dd/mm/yyyy (with the time that follows it: "03/03/2026
 * 08:30"), anything else as it is (cut to DOC_DATE_BUF - 1 bytes). */
#define DOC_DATE_BUF 24
const char *doc_date_it(const char *iso, char buf[DOC_DATE_BUF]);
/* The document's title: "Invoice 1/2026 of 07/01/2026", a draft's
 * "Invoice - DRAFT (not issued: no number) of 07/01/2026". */
char *doc_title(const struct record *doc);
/* 0 for a delivery note without prices (its total 0): its lines show no
 * price, VAT nor total, and it has no summary nor totals; else 1. */
int doc_priced(const struct record *doc);
/* A line's discounts as typed ("10+5"), from the book's "SC 10.00%; SC 5.00%". */
const char *doc_line_discount(const struct record *line, char *buf, size_t size);

#endif
