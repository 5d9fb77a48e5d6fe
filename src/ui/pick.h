/* The list a field chooses its value from (F4): the codes of a choice,
 * province or country field, or the records of a lookup's table, read a
 * page at a time, with incremental search. */
#ifndef SCRIVANO_PICK_H
#define SCRIVANO_PICK_H

#include "ui/ui.h"

/* Runs the list over the form for field f; start is searched first (the
 * field's text; may be ""). 1 with the chosen canonical value in *value
 * (newly allocated), 0 when the user leaves without choosing, -1 with a
 * message when the field has no list. */
int pick_run(struct ui *ui, const struct screen_field *f, const char *start, char **value,
	     char *err);

#endif
