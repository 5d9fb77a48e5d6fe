/* Screen files (screens/NAME.scr): a form drawn as it appears, a browse list
 * drawn the same way, and the fields' attributes. Parsed into plain structs
 * at start-up; mistakes are reported as "file:line: message". */
#ifndef SCRIVANO_SCREENFILE_H
#define SCRIVANO_SCREENFILE_H

#include <stddef.h>

#include "book/record.h"
#include "ui/fieldtype.h"
#include "util/util.h"

/* The largest layout that fits an 80x24 terminal inside the form's box, and
 * the widest list. */
#define SCREEN_MAX_COLS 76
#define SCREEN_MAX_ROWS 17
#define SCREEN_MAX_LIST_COLS 76

#define SF_REQUIRED 0x1u
#define SF_UPPER 0x2u
#define SF_READONLY 0x4u /* shown, never edited: the cursor skips it */
#define SF_CUSTOM 0x8u   /* a user-added field: kept in the book's custom_values */

/* Most pages (layout sections) a form may have. */
#define SCREEN_MAX_PAGES 9

/* A piece of fixed text: a label in the layout or a list heading. */
struct screen_text {
	int page; /* the layout section it is drawn in, from 0 */
	int row, col;
	int width; /* columns it may use: up to the next thing on its row */
	char *text; /* English; translated when drawn */
};

struct screen_field {
	char *tag;            /* the name in its brackets */
	int page;             /* the layout section it is drawn in, from 0 */
	int row, col, width;  /* where it sits in the layout (inside the brackets) */
	const struct fieldtype *type;
	struct ft_params params; /* the type's scale, choices, lookup; max */
	struct codelist *own_choices; /* inline choices, freed with the screen */
	size_t record_field;  /* index in the screen's record kind */
	char *label;          /* English, names the field in messages */
	char *help;           /* English, what it holds (F1), or NULL */
	unsigned max;         /* most characters */
	unsigned flags;       /* SF_* */
	char *dflt;           /* value of a new record as typed (parsed when a new
				 record opens; "+0" is today for a date), or NULL */
	int line;             /* where the fields section describes it */
	char *custom;         /* a user-added field's name (SF_CUSTOM), or NULL */
};

struct screen_column {
	size_t field; /* index in screen.fields */
	int col, width;
};

/* A line grid inside a form: one child's rows of the record (contacts,
 * stock movements, document lines), drawn as a table with headings, a
 * number of lines shown at once and, under it, the totals of numeric
 * columns. */
struct screen_grid {
	char *child;                    /* the child's name in the record kind */
	size_t child_index;             /* in kind->children */
	const struct record_kind *kind; /* the rows' kind */
	int page, row, col, width;      /* its top-left in the layout, its columns */
	int rows;                       /* lines shown at once */
	int height;                     /* rows it takes: headings, lines, totals */
	struct screen_field *fields;    /* its columns, left to right (record_field
					   of kind; row: the first line's) */
	size_t nfields;
	struct screen_text *headings;   /* rows from 0 at the grid's top */
	size_t nheadings;
	int heading_rows;
	size_t *totals;                 /* columns (index in fields) summed */
	size_t ntotals;
	size_t before;                  /* form fields the cursor visits before it */
	int line;                       /* where the grid starts */
};

struct screen {
	char *file;
	char *name;  /* as the menu and other screens name it */
	char *title; /* English */
	const struct record_kind *kind;
	struct screen_field *fields; /* in the order the cursor visits them */
	size_t nfields;
	struct screen_text *texts;
	size_t ntexts;
	int rows, cols; /* the layout's size (the largest page's) */
	int npages;     /* layout sections: PgDn and PgUp move between them */
	struct screen_column *columns; /* the browse list's, left to right */
	size_t ncolumns;
	size_t *list_totals; /* columns (index in columns) summed under the list */
	size_t nlist_totals;
	struct screen_text *headings;
	size_t nheadings;
	int heading_rows;
	struct screen_grid *grids; /* the form's line grids, in cursor order */
	size_t ngrids;
	/* The file's `view NAME "Title" where FIELD in V1,V2` lines: the
	 * same screen under another name, showing only some records.
	 * screen_parse_view parses the file as its view number 1..nviews. */
	size_t nviews;
	/* A view's condition: the list shows only records whose field
	 * where_field (index in fields) is one of where_in's canonical values
	 * (one a line, as BF_IN takes them); a new record takes the first.
	 * where_in is NULL on a screen that is not a view. */
	size_t where_field;
	char *where_in;
	/* The record field of the condition (a view may name a field of the
	 * table the screen does not show: a documents' kind; where_field is
	 * then SCREEN_NO_FIELD), and the user-added field's name, or NULL. */
	size_t where_record;
	const char *where_custom;
	/* A view's `filter "..."`: conditions written as the list's Filter
	 * takes them (due <= +15), applied when its list opens, as if typed
	 * there (Filter changes or clears them); NULL for none. */
	char *filter;
};

/* A view's where_field when the field is not on the screen. */
#define SCREEN_NO_FIELD ((size_t)-1)

/* The fields of a new record of screen s, before its kind's init (which
 * they may steer: a view of credit notes makes credit notes): the screen
 * fields' defaults, then the view's first value; after init, call it
 * again with view_only set, so that init does not undo the view's. */
void screen_preset(const struct screen *s, struct book *b, struct record *r, int view_only);

/* Parses a screen file's text; file names it in messages. Every mistake is
 * added to errs as "file:line: message\n". Returns the number of mistakes;
 * *out is set (to a screen the caller frees) only when there are none. */
int screen_parse(const char *file, const char *text, struct screen **out, struct buf *errs);
/* Reads and parses the file at path. */
int screen_load(const char *path, struct screen **out, struct buf *errs);
/* The text parsed as its view number view (1..nviews of the screen it
 * holds): that view's name, title and condition, and the condition's
 * field defaulting to its first value. As screen_parse. */
int screen_parse_view(const char *file, const char *text, size_t view, struct screen **out,
		      struct buf *errs);
/* The file's screen and then each of its views: *out gets *n screens the
 * caller frees (none when there are mistakes). Returns the mistakes. */
int screen_load_all(const char *path, struct screen ***out, size_t *n, struct buf *errs);
void screen_free(struct screen *s);

/* The field's params with the book its lookups read (params.book). */
struct ft_params screen_field_params(const struct screen_field *f, struct book *b);
/* Typed text of a field to its checked canonical value: the field's
 * upper, required, and its type's parse and validate. 0 with *value newly
 * allocated, or -1 with a message that does not name the field. */
int screen_field_take(const struct screen_field *f, struct book *b, const char *typed,
		      char **value, char *err);
/* A canonical value as the field shows it; newly allocated. */
char *screen_field_show(const struct screen_field *f, struct book *b, const char *value);
/* The same as plain CSV writes it (the type's plain, else as shown). */
char *screen_field_plain(const struct screen_field *f, struct book *b, const char *value);

/* Index of the field with this tag, or -1. */
int screen_field_index(const struct screen *s, const char *tag);

/* A field's canonical value in a record, and storing one: the record's
 * field, or for a `custom` field the user-added value of that name. */
const char *screen_field_value(const struct screen_field *f, const struct record *r);
void screen_field_store(const struct screen_field *f, struct record *r, const char *value);

#endif
