/* CSV out of a list as it shows (export.c): for Export in a list and for
 * `scrivano export`. */
#ifndef SCRIVANO_EXPORT_H
#define SCRIVANO_EXPORT_H

#include <stdio.h>

#include "ui/csv.h"
#include "ui/ui.h"

/* How often, in rows, a long export reports its progress. */
#define EXPORT_PROGRESS_ROWS 500

/* A list column's heading: the heading texts over it, top row first,
 * translated, or its field's label where it has none; newly allocated. */
char *export_heading(const struct screen *scr, size_t column);
/* Writes the list to out as CSV in opts' style: the headings, then every
 * row it shows, in its order, each cell as its column's field type shows
 * it (Italian) or writes it plain. progress (or NULL) gets the rows
 * written so far every EXPORT_PROGRESS_ROWS. *rows gets their number. 0,
 * or -1 with a message. */
int export_list(struct book *book, const struct list_shown *list, const struct csv_opts *opts,
		FILE *out, void (*progress)(void *arg, size_t rows), void *arg, size_t *rows,
		char *err);
/* Export in a list: asks Italian or plain, writes a new file into the
 * book's export folder and names it in the status line. */
void export_shown(struct ui *ui, const struct list_shown *list);

#endif
