/* CSV text as spreadsheets read it (RFC 4180): the Italian style (';',
 * numbers 1.234,56, dates dd/mm/yyyy) or the plain one (',', 1234.56, ISO
 * dates); an optional UTF-8 byte order mark; text cells that a spreadsheet
 * would take for a formula are defused. Pure: rows in, bytes out. */
#ifndef SCRIVANO_CSV_H
#define SCRIVANO_CSV_H

#include <stddef.h>

#include "util/util.h"

enum csv_style { CSV_ITALIAN, CSV_PLAIN };

struct csv_opts {
	enum csv_style style;
	int bom; /* begin with the UTF-8 byte order mark (EF BB BF) */
};

/* The separator of a style: ';' Italian, ',' plain. */
char csv_separator(enum csv_style style);
/* What the file begins with: the byte order mark when o->bom. */
void csv_begin(struct buf *out, const struct csv_opts *o);
/* One cell into out, after the separator unless first: quoted (with its
 * quotes doubled) when it holds the separator, a quote, CR or LF, or
 * begins or ends with a blank; a text cell (number 0) beginning with '=',
 * '+', '-', '@', a tab or CR gets an apostrophe before it and is quoted,
 * so that no spreadsheet runs it as a formula. Numbers are written as
 * they are. */
void csv_cell(struct buf *out, const struct csv_opts *o, const char *s, int number, int first);
/* The end of a row: CRLF, as RFC 4180 has it. */
void csv_end_row(struct buf *out);
/* A whole row of n cells; numeric[i] marks number cells (NULL: none). */
void csv_row(struct buf *out, const struct csv_opts *o, const char *const *cells,
	     const int *numeric, size_t n);

#endif
