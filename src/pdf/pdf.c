/* The drawing layer on cairo's PDF surface (pdf.h): integer tenths of a
 * millimetre and of a point outside, cairo's doubles in points inside. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "pdf/pdf.h"
#include "util/util.h"

#define FONT_FAMILY "DejaVu Sans"

struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	FILE *out;
	int write_failed;
	int size, bold; /* the current font */
};

/* Tenths of a millimetre to points. */
static double
pt(int tenths)
{
	return tenths * 72.0 / 254.0;
}

static cairo_status_t
write_out(void *arg, const unsigned char *data, unsigned int n)
{
	struct pdf *p = arg;

	if (fwrite(data, 1, n, p->out) != n) {
		p->write_failed = errno != 0 ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

struct pdf *
pdf_new(FILE *out, const char *title, char *err)
{
	struct pdf *p = xcalloc(1, sizeof *p);

	p->out = out;
	p->surface = cairo_pdf_surface_create_for_stream(write_out, p, pt(PDF_A4_WIDTH),
							 pt(PDF_A4_HEIGHT));
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS) {
		err_set(err, "PDF: %s", cairo_status_to_string(cairo_surface_status(p->surface)));
		cairo_surface_destroy(p->surface);
		free(p);
		return NULL;
	}
	if (title != NULL)
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "scrivano");
	p->cr = cairo_create(p->surface);
	cairo_set_line_cap(p->cr, CAIRO_LINE_CAP_SQUARE);
	pdf_line_width(p, 3);
	pdf_font(p, 90, 0);
	return p;
}

void
pdf_next_page(struct pdf *p)
{
	cairo_show_page(p->cr);
}

int
pdf_finish(struct pdf *p, char *err)
{
	cairo_status_t st;
	int rc = 0;

	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	st = cairo_surface_status(p->surface);
	if (p->write_failed)
		rc = err_set(err, "%s", strerror(p->write_failed));
	else if (st != CAIRO_STATUS_SUCCESS)
		rc = err_set(err, "PDF: %s", cairo_status_to_string(st));
	cairo_surface_destroy(p->surface);
	free(p);
	/* cairo and fontconfig keep their font caches for the process's life;
	 * given back after each document (none is open now), a leak check
	 * sees only what is ours, for the cost of re-reading fontconfig's
	 * cache at the next document. */
	cairo_debug_reset_static_data();
	FcFini();
	return rc;
}

static void
set_font(struct pdf *p, int size, int bold)
{
	cairo_select_font_face(p->cr, FONT_FAMILY, CAIRO_FONT_SLANT_NORMAL,
			       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(p->cr, size / 10.0);
}

void
pdf_font(struct pdf *p, int size, int bold)
{
	p->size = size;
	p->bold = bold;
	set_font(p, size, bold);
}

static double
advance(struct pdf *p, const char *text)
{
	cairo_text_extents_t e;

	cairo_text_extents(p->cr, text, &e);
	return e.x_advance;
}

int
pdf_text_width(struct pdf *p, const char *text)
{
	return (int)(advance(p, text) * 254.0 / 72.0 + 0.5);
}

static void
show_at(struct pdf *p, double x, double y, enum pdf_align align, const char *text)
{
	double w = align == PDF_LEFT ? 0 : advance(p, text);

	cairo_move_to(p->cr, align == PDF_RIGHT ? x - w : align == PDF_CENTER ? x - w / 2 : x,
		      y);
	cairo_show_text(p->cr, text);
}

void
pdf_text(struct pdf *p, int x, int y, enum pdf_align align, const char *text)
{
	if (text != NULL && text[0] != '\0')
		show_at(p, pt(x), pt(y), align, text);
}

/* One line of a cell's text at baseline base, aligned within x..x+w. */
static void
cell_line(struct pdf *p, int x, int w, double base, enum pdf_align align, const char *text)
{
	double room = pt(w - 20), size = p->size / 10.0, tw = advance(p, text), tx;

	if (tw > room) {
		size = size * room / tw < size * 0.6 ? size * 0.6 : size * room / tw;
		cairo_set_font_size(p->cr, size);
		tw = advance(p, text);
	}
	tx = align == PDF_RIGHT	   ? pt(x + w - 10) - tw
	     : align == PDF_CENTER ? pt(x) + (pt(w) - tw) / 2
				   : pt(x + 10);
	show_at(p, tx, base, PDF_LEFT, text);
	set_font(p, p->size, p->bold);
}

void
pdf_cell_text(struct pdf *p, int x, int y, int w, int h, enum pdf_align align,
	      const char *text)
{
	cairo_font_extents_t fe;
	double lh, top;
	size_t nlines = 1;
	char *copy, *line, *next;

	if (text == NULL || text[0] == '\0' || w <= 20)
		return;
	for (const char *s = text; *s != '\0'; s++)
		nlines += *s == '\n';
	cairo_font_extents(p->cr, &fe);
	lh = p->size / 10.0 * 1.1;
	top = pt(y) + (pt(h) - lh * (double)nlines) / 2;
	cairo_save(p->cr);
	cairo_rectangle(p->cr, pt(x), pt(y), pt(w), pt(h));
	cairo_clip(p->cr);
	copy = xstrdup(text);
	line = copy;
	for (size_t i = 0; line != NULL; i++, line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		cell_line(p, x, w, top + lh * (double)i + (lh + fe.ascent - fe.descent) / 2, align,
			  line);
	}
	free(copy);
	cairo_restore(p->cr);
}

void
pdf_line_width(struct pdf *p, int width)
{
	cairo_set_line_width(p->cr, width / 10.0);
}

void
pdf_line(struct pdf *p, int x1, int y1, int x2, int y2)
{
	cairo_move_to(p->cr, pt(x1), pt(y1));
	cairo_line_to(p->cr, pt(x2), pt(y2));
	cairo_stroke(p->cr);
}

void
pdf_rect(struct pdf *p, int x, int y, int w, int h)
{
	cairo_rectangle(p->cr, pt(x), pt(y), pt(w), pt(h));
	cairo_stroke(p->cr);
}

void
pdf_fill(struct pdf *p, int x, int y, int w, int h, int grey)
{
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, grey / 100.0, grey / 100.0, grey / 100.0);
	cairo_rectangle(p->cr, pt(x), pt(y), pt(w), pt(h));
	cairo_fill(p->cr);
	cairo_restore(p->cr);
}

void
pdf_box(struct pdf *p, int x, int y, int w, int h, int hh, int size, const char *heading)
{
	int osize = p->size, obold = p->bold;

	if (hh > 0) {
		pdf_fill(p, x, y, w, hh, 85);
		pdf_line(p, x, y + hh, x + w, y + hh);
		pdf_font(p, size, 1);
		pdf_cell_text(p, x, y, w, hh, PDF_LEFT, heading);
		pdf_font(p, osize, obold);
	}
	pdf_rect(p, x, y, w, h);
}

void
pdf_grid(struct pdf *p, int x, int y, const int *widths, size_t ncols, int rh, size_t nrows)
{
	int total = 0, cx = x;

	for (size_t c = 0; c < ncols; c++)
		total += widths[c];
	for (size_t r = 0; r <= nrows; r++)
		pdf_line(p, x, y + (int)r * rh, x + total, y + (int)r * rh);
	for (size_t c = 0; c <= ncols; c++) {
		pdf_line(p, cx, y, cx, y + (int)nrows * rh);
		if (c < ncols)
			cx += widths[c];
	}
}
