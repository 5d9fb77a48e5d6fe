/* The screen-file parser's parts (screenfile.c, sf-*.c): the parser's
 * state and the functions one part calls in another. Not for other parts
 * of the tree: they use screenfile.h. */
#ifndef SCRIVANO_SF_IMPL_H
#define SCRIVANO_SF_IMPL_H

#include "ui/screenfile.h"

#include "util/i18n.h"

/* A line grid as read inside a layout: its lines, drawn as they appear
 * (headings, then one line of fields), and its totals. */
struct grid_block {
	char *child;
	int rows, line, page;
	size_t at;        /* the layout line where it starts */
	int fields_line;  /* the line of its fields, 0 before it */
	char **lines;     /* headings and the line of fields */
	int *linenos;
	size_t n;
	char **totals;
	int *total_lines;
	size_t ntotals;
};

/* A grid's column as described under fields ("contacts.phone text"). */
struct grid_field {
	char *grid;
	char *tag; /* f.tag, kept when f moves into its grid */
	char *record_name;
	int used;
	struct screen_field f;
};

/* A `view NAME "Title" where FIELD in VALUES` line, as written. */
struct view_line {
	char *name, *title, *field, *values;
	char *filter; /* its `filter "..."`, or NULL */
	int line;
};

/* A field's brackets as found in a drawn block. */
struct placed {
	char *tag;
	int page;
	int row, col, width;
	int line;
};

struct block {
	int start; /* line of the keyword; 0 when absent */
	int ended;
	char **lines;
	int *linenos;
	size_t n;
};

struct parser {
	const char *file;
	struct buf *errs;
	int errors;
	int lineno;
	struct screen *s;
	int screen_line, table_line;
	struct block layouts[SCREEN_MAX_PAGES], list;
	struct block other_list; /* a `list VIEW` block of another view, read past */
	int view_list_line;      /* the line of this view's own `list VIEW`, or 0 */
	int nlayouts;
	struct block *in; /* the drawn block being read, or NULL */
	int in_fields, fields_start;
	struct placed *placed, *cells; /* layout fields, list columns */
	size_t nplaced, ncells;
	struct grid_block *grids; /* line grids as read, in order */
	size_t ngrids;
	int in_grid;              /* reading the last grid's lines */
	struct grid_field *gfields; /* "grid.column" lines of fields */
	size_t ngfields;
	char **list_totals;       /* the list's `total COLUMN` lines, as written */
	int *list_total_lines;
	size_t nlist_totals;
	struct view_line *views;  /* the view lines, in order */
	size_t nviews;
	size_t want_view;         /* the view being parsed (1..), 0: the screen */
	/* The field the last line of fields described, which a line of its
	 * own `help "..."` goes on describing. */
	enum { SF_LAST_NONE, SF_LAST_REFUSED, SF_LAST_FIELD, SF_LAST_COLUMN } last_field;
	size_t last_index; /* in s->fields, or in gfields for a column */
};

/* The words of a line: blank-separated, "quoted text" as one word. */
struct words {
	char *v[32];
	int quoted[32];
	size_t n;
};

/* sf-lines.c */
void sf_error_at(struct parser *p, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Splits line (in place) into w; -1 after reporting a mistake. */
int sf_split(struct parser *p, char *line, struct words *w);
/* 1 when s is a name: a lower-case letter, then letters, digits and _. */
int sf_name_ok(const char *s);

/* sf-layout.c */
void sf_block_add(struct block *b, const char *line, int lineno);
void sf_block_free(struct block *b);
size_t sf_block_indent(const struct block *b);
void sf_scan_line(struct parser *p, const char *line, int row, int lineno,
		  struct screen_text **texts, size_t *ntexts, struct placed **placed,
		  size_t *nplaced, int *maxcol);
void sf_fit_texts(struct screen_text *t, size_t n, const struct placed *pl, size_t npl,
		  int cols);
void sf_read_layout(struct parser *p, int page);
void sf_read_list(struct parser *p);
void sf_free_texts(struct screen_text *t, size_t n);

/* sf-fields.c */
void sf_fields_line(struct parser *p, struct words *w);
size_t sf_field_attribute(struct parser *p, struct screen_field *f, struct words *w, size_t i,
			  char **record_name);

/* sf-grid.c */
int sf_grid_line(struct parser *p, const char *line, const char *t);
void sf_grid_fields_line(struct parser *p, struct words *w);
void sf_read_grids(struct parser *p);
void sf_check_grids(struct parser *p);
void sf_free_grid_parse(struct parser *p);
void sf_free_grids(struct screen *s);

/* sf-views.c */
void sf_top_view(struct parser *p, struct words *w);
void sf_read_views(struct parser *p);

/* sf-check.c */
void sf_check_type_params(struct parser *p, struct screen_field *f);
void sf_check_default(struct parser *p, struct screen_field *f);
void sf_finish(struct parser *p);

#endif
