/* The F24 as lines of text for print preview and `scrivano f24 print`: a
 * header (description, state and dates, the contribuente), then each
 * section that has rows as a small table with its totals and saldo, then
 * the saldo finale. Lines fit the printed page (F24_TEXT_WIDTH columns)
 * but for a contribuente's name or address longer than that. Pure: it
 * reads a loaded record (record_load of f24_kind), no book. */
#ifndef SCRIVANO_F24_TEXT_H
#define SCRIVANO_F24_TEXT_H

#include <stddef.h>

#include "book/record.h"

/* The printed page's width (ui/pages.h's PAGE_WIDTH). */
#define F24_TEXT_WIDTH 76

/* The lines (UTF-8, no '\n') of F24 f into *lines, newly allocated as the
 * array is; returns how many. */
size_t f24_text(const struct record *f, char ***lines);
/* Frees what f24_text gave. */
void f24_text_free(char **lines, size_t n);

#endif
