/* A list's Filter line read into conditions on its records (browse.c's
 * Filter; browse-filter.c). */
#ifndef SCRIVANO_BROWSE_FILTER_H
#define SCRIVANO_BROWSE_FILTER_H

#include <stddef.h>

#include "book/record.h"
#include "ui/ui.h"

/* Conditions separated by ';', each "column op value" (op one of = <> !=
 * >= <= ~) or a bare text the sort column must hold, into out (at most
 * max): 0 with *n of them, their values newly allocated; or -1 with a
 * message in err and none. */
int browse_filters_parse(const struct screen *scr, struct book *book, size_t sort_field,
			 const char *line, struct browse_filter *out, size_t max, size_t *n,
			 char *err);
/* The screen's field a filter or a sort calls name (any case): its tag,
 * the record's field, its label, or the list's heading above it; NULL. */
const struct screen_field *browse_filter_column(const struct screen *scr, const char *name);
/* Frees the values of n conditions. */
void browse_filters_free(struct browse_filter *v, size_t n);
/* The operator's text as typed: "=", "<>", ... */
const char *browse_op_text(int op);

#endif
