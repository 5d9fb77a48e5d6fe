/* Field types of screen files: one parse, format and validate function per
 * type, in one table. A value in a record is the type's canonical text
 * (money "123456" for 1.234,56; a date "2026-11-21"; a lookup the target's
 * id); the user sees and types the formatted text. */
#ifndef SCRIVANO_FIELDTYPE_H
#define SCRIVANO_FIELDTYPE_H

#include <stdint.h>

#include "book/book.h"
#include "book/record.h"
#include "util/codelist.h"
#include "util/util.h"

#define FT_UPPER 0x1u  /* typed letters become capitals */
#define FT_TEXT 0x2u   /* the kept value is the typed text: its length is the record's */
#define FT_NUMBER 0x4u /* shown right-aligned */
#define FT_LIST 0x8u   /* F4 chooses the value from a list (choice, lookup) */
#define FT_SECRET 0x10u /* shown and typed as '*'s, kept out of drafts (a password) */

/* What a type needs to know of its field beyond the type's name; a screen
 * field holds one (struct screen_field.params), grids and user-added fields
 * may fill their own. Zeroed params are the plain type. */
struct ft_params {
	unsigned max;                      /* text: most characters of the value */
	int scale;                         /* decimal: digits after the comma (0-12) */
	const struct codelist *choices;    /* choice: codes and their descriptions */
	const struct record_kind *lookup;  /* lookup: the target record kind */
	struct book *book;                 /* lookup: where the targets are; NULL:
					      the value is shown and typed as the id */
};

struct fieldtype {
	const char *name; /* as screen files write it */
	unsigned max;     /* most characters typed, when the screen does not say */
	unsigned flags;   /* FT_* */
	/* What the user typed into the canonical value (newly allocated in
	 * *value): 0, or -1 with a short message that does not name the field.
	 * Empty typed text gives an empty value. */
	int (*parse)(const struct ft_params *p, const char *typed, char **value, char *err);
	/* A canonical value as the field shows it; newly allocated. A value
	 * that is not canonical is shown as it is. */
	char *(*format)(const struct ft_params *p, const char *value);
	/* Checks a non-empty canonical value: 0, or -1 with a short message. */
	int (*validate)(const struct ft_params *p, const char *value, char *err);
	/* What an empty required field offers when the cursor enters it
	 * (a date: today), newly allocated canonical value; NULL: nothing. */
	char *(*offer)(const struct ft_params *p);
	/* The shipped list of a list type (province, country), under the share
	 * folder; NULL for the others. */
	const char *list;
	/* What the type takes, in words, translated (for F1): one or two
	 * sentences added to out. */
	void (*rule)(const struct ft_params *p, struct buf *out);
	/* A canonical value as plain CSV writes it (numbers 1234.56 without
	 * grouping, dates YYYY-MM-DD), newly allocated; NULL: as format
	 * shows it. */
	char *(*plain)(const struct ft_params *p, const char *value);
};

const struct fieldtype *fieldtype_find(const char *name);
/* The names of every type, blank-separated (for messages). */
const char *fieldtype_names(void);

/* The codes a field chooses from (F4): the field's choices, else its
 * type's shipped list; NULL (and a message) for types without a list and
 * for lookups, which list records. */
const struct codelist *fieldtype_choices(const struct fieldtype *t, const struct ft_params *p,
					 char *err);

/* The type's rule in words, translated, added to out (F1 on a field). */
void fieldtype_rule(const struct fieldtype *t, const struct ft_params *p, struct buf *out);

/* Typed text to a checked canonical value: parse, then (when not empty)
 * validate. 0 with *value newly allocated, or -1 with a message. */
int fieldtype_take(const struct fieldtype *t, const struct ft_params *p, const char *typed,
		   char **value, char *err);

/* "Today" for date fields: util_today's (SCRIVANO_TODAY, for tests and
 * demos, else the local date). */
void fieldtype_today(int *year, int *month, int *day);

/* Helpers the types are built from, for others to reuse. */
/* Italian number input into an integer scaled by 10^scale: a comma
 * separates decimals, dots group thousands ("1.234,56"); without a comma,
 * dots that group thousands (1.234, 12.345.678) are thousands, else a lone
 * dot is the decimal point (1234.5, 0.125). Blanks and a euro sign are
 * ignored, a leading - or + gives the sign. 0, or -1 with a message. */
int ft_number_parse(const char *typed, int scale, int64_t *out, char *err);
/* v / 10^scale the Italian way: 1.234,5 with at least min_dec decimals. */
char *ft_number_format(int64_t v, int scale, int min_dec, int group);
/* A date typed the Italian way (see scrivano-tui(1)) to YYYY-MM-DD in out
 * (11 bytes). 0, or -1 with a message. */
int ft_date_parse(const char *typed, char *out, char *err);

/* A UTF-8 string in capitals, newly allocated. */
char *utf8_upper(const char *s);

#endif
