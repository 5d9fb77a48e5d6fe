/* A small drawing layer for A4 forms in PDF (the F24, later documents and
 * statements): pages, boxes with a heading, text at a place in a size,
 * right-aligned amounts, grids of cells. Lengths are tenths of a
 * millimetre from the page's top-left corner (x right, y down), font sizes
 * tenths of a point: integers, so no caller works in floating point. Text
 * is UTF-8; the font (DejaVu Sans, from fontconfig) is embedded as a
 * subset, so the file reads the same on a machine without fonts. */
#ifndef SCRIVANO_PDF_H
#define SCRIVANO_PDF_H

#include <stddef.h>
#include <stdio.h>

/* A4 portrait, in tenths of a millimetre. */
#define PDF_A4_WIDTH 2100
#define PDF_A4_HEIGHT 2970

struct pdf;

enum pdf_align { PDF_LEFT, PDF_RIGHT, PDF_CENTER };

/* A document writing to out (left open: the caller closes it), on its
 * first page; NULL with a message in err (ERR_SIZE). */
struct pdf *pdf_new(FILE *out, const char *title, char *err);
/* Ends the page and starts the next one. */
void pdf_next_page(struct pdf *p);
/* Ends the document and frees p: 0, or -1 with a message (what the
 * library or the writes to out reported). */
int pdf_finish(struct pdf *p, char *err);

/* The font of the following text: size in tenths of a point, bold or not. */
void pdf_font(struct pdf *p, int size, int bold);
/* Text with its baseline at y, starting at x (PDF_LEFT), ending at x
 * (PDF_RIGHT) or centred on x. */
void pdf_text(struct pdf *p, int x, int y, enum pdf_align align, const char *text);
/* Text in the cell x, y, w, h: centred vertically, aligned within a
 * margin of 1 mm, made smaller (to 60% of the font) when it does not fit
 * and clipped past that; each '\n' begins a line. */
void pdf_cell_text(struct pdf *p, int x, int y, int w, int h, enum pdf_align align,
		   const char *text);
/* The width text takes in the current font, in tenths of a millimetre. */
int pdf_text_width(struct pdf *p, const char *text);

/* Lines in tenths of a point wide (default 3: 0.3 pt). */
void pdf_line_width(struct pdf *p, int width);
void pdf_line(struct pdf *p, int x1, int y1, int x2, int y2);
void pdf_rect(struct pdf *p, int x, int y, int w, int h);
/* A rectangle filled in grey (0 black .. 100 white), no outline. */
void pdf_fill(struct pdf *p, int x, int y, int w, int h, int grey);
/* A box with a heading band of height hh across its top: the band grey,
 * its text bold at size, left-aligned. */
void pdf_box(struct pdf *p, int x, int y, int w, int h, int hh, int size, const char *heading);
/* A grid of nrows rows of height rh under a top edge at y, its columns of
 * the widths given from x: every cell outlined. */
void pdf_grid(struct pdf *p, int x, int y, const int *widths, size_t ncols, int rh,
	      size_t nrows);

#endif
