/* Field types of screen files: one parse, format and validate function per
 * type, in one table. */
#ifndef SCRIVANO_FIELDTYPE_H
#define SCRIVANO_FIELDTYPE_H

#include "util/util.h"

#define FT_UPPER 0x1u /* typed letters become capitals */

struct fieldtype {
	const char *name; /* as screen files write it */
	unsigned max;     /* most characters, when the screen does not say */
	unsigned flags;   /* FT_* */
	/* What the user typed into the value kept (blanks trimmed, case
	 * fixed...); newly allocated. Never fails: validate judges. */
	char *(*parse)(const char *typed);
	/* A kept value as the field shows it; newly allocated. */
	char *(*format)(const char *value);
	/* Checks a non-empty parsed value: 0, or -1 with a short message
	 * that does not name the field. */
	int (*validate)(const char *value, char *err);
};

const struct fieldtype *fieldtype_find(const char *name);
/* The names of every type, blank-separated (for messages). */
const char *fieldtype_names(void);

/* A UTF-8 string in capitals, newly allocated. */
char *utf8_upper(const char *s);

#endif
