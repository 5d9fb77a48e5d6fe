/* What the two halves of a document's PDF share (doc-pdf.c: the passes,
 * pages and the lines' table carried across them; doc-pdf-blocks.c: the
 * fixed blocks, from the company's header to the signatures): the page's
 * measures in tenths of a millimetre, the layout's state, wrapped text. */
#ifndef SCRIVANO_DOC_PDF_IMPL_H
#define SCRIVANO_DOC_PDF_IMPL_H

#include <stddef.h>

#include "book/record.h"
#include "bridge/doc-print.h"
#include "pdf/pdf.h"

/* The page, in tenths of a millimetre. */
#define LEFT 150
#define WIDTH 1800
#define RIGHT (LEFT + WIDTH)
#define WINDOW_X 1100 /* the DL envelope's window */
#define WINDOW_Y 500
#define WINDOW_W 850
#define WINDOW_H 400
#define BOTTOM 2700   /* where the lines stop and "continues" goes */
#define PAGE_NO_Y 2880
#define LINE_H 40     /* a line of 8.5 pt text */
#define HEAD_H 50     /* a table's heading band */
#define PAD 12

struct lay {
	struct pdf *p;
	const struct doc_print *m;
	int page, pages; /* pages 0 in the counting pass */
	int y;
};

/* The pieces of text fitting width at the current font, broken at blanks
 * (a word too long for width is left whole: pdf_cell_text shrinks it). */
struct pieces {
	char **v;
	size_t n;
};

/* doc-pdf.c */
/* text's pieces that fit width at the current font (dp_pieces_free frees them) */
void dp_wrap(struct pdf *p, const char *text, int width, struct pieces *pc);
void dp_pieces_free(struct pieces *pc);
/* text wrapped from x in w at size, bold or not, under y: the y under it */
int dp_para(struct lay *l, int x, int y, int w, int size, int bold, const char *text);
/* "Page 1 of 2" (not in the counting pass) */
void dp_page_number(struct lay *l);
/* ends the page, starts the next with a short heading: the y to go on at */
int dp_next_page(struct lay *l);
/* y when a block of height h fits under it on this page, else the next page's */
int dp_room(struct lay *l, int y, int h);
/* doc-pdf-blocks.c: each draws its block from y and returns the y under it */
void dp_company(struct lay *l);
void dp_party(struct lay *l);
int dp_title(struct lay *l, int y);
int dp_transport(struct lay *l, int y);
int dp_summary(struct lay *l, int y);
int dp_totals(struct lay *l, int y);
int dp_totals_height(const struct record *d);
int dp_payment_height(const struct record *d);
int dp_payment(struct lay *l, int y);
void dp_foot(struct lay *l, int y);
int dp_signatures(struct lay *l, int y);

#endif
