/* The screen-file parser: top-level lines (screen, table), the drawn blocks
 * (layout, list) and the fields section, then the checks that tie them
 * together. Keeps going after a mistake so that all are reported at once. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

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
	struct view_line *views;  /* the view lines, in order */
	size_t nviews;
	size_t want_view;         /* the view being parsed (1..), 0: the screen */
};

static void
error_at(struct parser *p, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
error_at(struct parser *p, int line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	buf_printf(p->errs, "%s:%d: %s\n", p->file, line, msg ? msg : "?");
	free(msg);
	p->errors++;
}

/* ---- words of a line: blank-separated, "quoted text" as one word ---- */

struct words {
	char *v[32];
	int quoted[32];
	size_t n;
};

static int
split(struct parser *p, char *line, struct words *w)
{
	char *s = line;

	w->n = 0;
	for (;;) {
		while (*s == ' ')
			s++;
		if (*s == '\0' || *s == '#')
			return 0;
		if (w->n == ARRAY_LEN(w->v)) {
			error_at(p, p->lineno, _("too many words on one line"));
			return -1;
		}
		w->quoted[w->n] = *s == '"';
		if (*s == '"') {
			char *end = strchr(s + 1, '"');
			if (end == NULL) {
				error_at(p, p->lineno, _("a quote is not closed"));
				return -1;
			}
			*end = '\0';
			w->v[w->n++] = s + 1;
			s = end + 1;
			if (*s != ' ' && *s != '\0') {
				error_at(p, p->lineno, _("put a blank after a closing quote"));
				return -1;
			}
			continue;
		}
		w->v[w->n++] = s;
		while (*s != ' ' && *s != '\0')
			s++;
		if (*s != '\0')
			*s++ = '\0';
	}
}

static int
name_ok(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || isdigit((unsigned char)*s) || *s == '_'))
			return 0;
	return 1;
}

/* ---- drawn blocks ---- */

static void
block_add(struct block *b, const char *line, int lineno)
{
	b->lines = xreallocarray(b->lines, b->n + 1, sizeof *b->lines);
	b->linenos = xreallocarray(b->linenos, b->n + 1, sizeof *b->linenos);
	b->lines[b->n] = xstrdup(line);
	b->linenos[b->n++] = lineno;
}

static void
block_free(struct block *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->lines[i]);
	free(b->lines);
	free(b->linenos);
}

/* Columns of leading blanks common to the block's non-blank lines. */
static size_t
block_indent(const struct block *b)
{
	size_t indent = (size_t)-1;

	for (size_t i = 0; i < b->n; i++) {
		size_t n = strspn(b->lines[i], " ");
		if (b->lines[i][n] != '\0' && n < indent)
			indent = n;
	}
	return indent == (size_t)-1 ? 0 : indent;
}

/* Display width of one character at s (its byte length in *len). */
static int
char_width(const char *s, size_t *len)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int w;

	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, strlen(s), &st);
	if (n == 0 || n == (size_t)-1 || n == (size_t)-2) {
		*len = 1;
		return 1;
	}
	*len = n;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

static void
add_text(struct screen_text **v, size_t *n, int row, int col, const char *start, size_t len)
{
	struct screen_text *t;

	*v = xreallocarray(*v, *n + 1, sizeof **v);
	t = &(*v)[(*n)++];
	t->row = row;
	t->col = col;
	t->width = 0;
	t->text = xstrndup(start, len);
	/* a label ends at its last non-blank */
	for (size_t l = strlen(t->text); l > 0 && t->text[l - 1] == ' '; l--)
		t->text[l - 1] = '\0';
}

static void
add_placed(struct placed **v, size_t *n, const char *tag, int row, int col, int width, int line)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n] = (struct placed){ xstrdup(tag), 0, row, col, width, line };
	(*n)++;
}

/* Reads the field in brackets starting at s (just after '['); returns the
 * byte length up to and including ']', or 0 after reporting a mistake. */
static size_t
scan_field(struct parser *p, const char *s, int line, char *tag, size_t tagsize, int *width)
{
	const char *end = strchr(s, ']');
	const char *open = strchr(s, '[');
	size_t n;

	if (end == NULL || (open != NULL && open < end)) {
		error_at(p, line, _("'[' without its ']'"));
		return 0;
	}
	n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
	if (n == 0 || n >= tagsize || strspn(s + n, " ") != (size_t)(end - s) - n ||
	    !name_ok((char[]){ s[0], '\0' })) {
		error_at(p, line, _("brackets hold a field's name and blanks, as [name    ]"));
		return 0;
	}
	memcpy(tag, s, n);
	tag[n] = '\0';
	*width = (int)(end - s);
	return (size_t)(end - s) + 1;
}

/* One line of a drawn block: fields in brackets, text between them (a run
 * of words with single blanks between them is one label). */
static void
scan_line(struct parser *p, const char *line, int row, int lineno, struct screen_text **texts,
	  size_t *ntexts, struct placed **placed, size_t *nplaced, int *maxcol)
{
	const char *s = line, *run = NULL;
	int col = 0, run_col = 0;

	while (*s != '\0') {
		size_t len;
		int w;

		if (*s == '[') {
			char tag[64];
			int width;
			size_t n;

			if (run != NULL)
				add_text(texts, ntexts, row, run_col, run, (size_t)(s - run));
			run = NULL;
			if ((n = scan_field(p, s + 1, lineno, tag, sizeof tag, &width)) == 0)
				return;
			add_placed(placed, nplaced, tag, row, col + 1, width, lineno);
			s += n + 1;
			col += width + 2;
			continue;
		}
		if (*s == ']') {
			error_at(p, lineno, _("']' without its '['"));
			return;
		}
		if (*s == ' ' && run != NULL && (s[1] == ' ' || s[1] == '\0' || s[1] == '[')) {
			add_text(texts, ntexts, row, run_col, run, (size_t)(s - run));
			run = NULL;
		} else if (*s != ' ' && run == NULL) {
			run = s;
			run_col = col;
		}
		w = char_width(s, &len);
		s += len;
		col += w;
	}
	if (run != NULL)
		add_text(texts, ntexts, row, run_col, run, (size_t)(s - run));
	if (col > *maxcol)
		*maxcol = col;
}

/* Gives each text the columns up to the next thing on its row. */
static void
fit_texts(struct screen_text *t, size_t n, const struct placed *pl, size_t npl, int cols)
{
	for (size_t i = 0; i < n; i++) {
		int limit = cols;
		for (size_t j = 0; j < n; j++)
			if (t[j].row == t[i].row && t[j].col > t[i].col && t[j].col - 1 < limit)
				limit = t[j].col - 1;
		for (size_t j = 0; j < npl; j++)
			if (pl[j].row == t[i].row && pl[j].col > t[i].col && pl[j].col - 2 < limit)
				limit = pl[j].col - 2;
		t[i].width = limit - t[i].col;
	}
}

/* Marks what the page's lines added (texts and fields from index t0, p0). */
static void
set_page(struct parser *p, int page, size_t t0, size_t p0)
{
	for (size_t i = t0; i < p->s->ntexts; i++)
		p->s->texts[i].page = page;
	for (size_t i = p0; i < p->nplaced; i++)
		p->placed[i].page = page;
}

static void
read_layout(struct parser *p, int page)
{
	struct block *b = &p->layouts[page];
	size_t indent = block_indent(b), t0 = p->s->ntexts, p0 = p->nplaced;
	struct screen *s = p->s;
	int maxcol = 0, rows;

	for (size_t i = 0; i < b->n; i++) {
		const char *line = b->lines[i];
		line += strspn(line, " ") < indent ? strspn(line, " ") : indent;
		scan_line(p, line, (int)i, b->linenos[i], &s->texts, &s->ntexts, &p->placed,
			  &p->nplaced, &maxcol);
	}
	set_page(p, page, t0, p0);
	while (b->n > 0 && b->lines[b->n - 1][strspn(b->lines[b->n - 1], " ")] == '\0')
		free(b->lines[--b->n]);
	rows = (int)b->n;
	if (rows > s->rows)
		s->rows = rows;
	if (maxcol > s->cols)
		s->cols = maxcol;
	if (s->ntexts > t0) /* (no arithmetic on a NULL array) */
		fit_texts(s->texts + t0, s->ntexts - t0, p->nplaced > p0 ? p->placed + p0 : NULL,
			  p->nplaced - p0, maxcol);
	if (rows == 0)
		error_at(p, b->start, _("the layout is empty"));
	if (maxcol > SCREEN_MAX_COLS)
		error_at(p, b->start, _("the layout is %d columns wide; at most %d fit"), maxcol,
			 SCREEN_MAX_COLS);
	if (rows > SCREEN_MAX_ROWS)
		error_at(p, b->start,
			 _("the layout is %d lines tall; at most %d fit (put the rest in "
			   "another layout section: a second page)"),
			 rows, SCREEN_MAX_ROWS);
}

/* The list block: heading lines, and one line of brackets, one per column. */
static void
read_list(struct parser *p)
{
	struct block *b = &p->list;
	size_t indent = block_indent(b);
	struct screen *s = p->s;
	int maxcol = 0, row_line = 0;

	for (size_t i = 0; i < b->n; i++) {
		const char *line = b->lines[i];
		line += strspn(line, " ") < indent ? strspn(line, " ") : indent;
		if (strchr(line, '[') != NULL) {
			struct screen_text *junk = NULL;
			size_t njunk = 0;
			if (row_line != 0) {
				error_at(p, b->linenos[i], _("a list has one line of fields (the "
							     "first is on line %d)"),
					 row_line);
				continue;
			}
			row_line = b->linenos[i];
			scan_line(p, line, 0, row_line, &junk, &njunk, &p->cells, &p->ncells,
				  &maxcol);
			if (njunk > 0)
				error_at(p, row_line,
					 _("a list's line of fields holds only fields; put "
					   "headings above it"));
			for (size_t j = 0; j < njunk; j++)
				free(junk[j].text);
			free(junk);
		} else if (row_line != 0) {
			if (line[0] != '\0')
				error_at(p, b->linenos[i],
					 _("headings go above the list's line of fields"));
		} else {
			scan_line(p, line, (int)i, b->linenos[i], &s->headings, &s->nheadings,
				  &p->cells, &p->ncells, &maxcol);
			s->heading_rows = (int)i + 1;
		}
	}
	if (row_line == 0)
		error_at(p, b->start, _("the list has no line of fields in brackets"));
	fit_texts(s->headings, s->nheadings, NULL, 0, maxcol);
	if (maxcol > SCREEN_MAX_LIST_COLS)
		error_at(p, b->start, _("the list is %d columns wide; at most %d fit"), maxcol,
			 SCREEN_MAX_LIST_COLS);
}

/* ---- top-level lines and the fields section ---- */

static void
top_screen(struct parser *p, struct words *w)
{
	if (p->screen_line != 0) {
		error_at(p, p->lineno, _("'screen' is already given on line %d"), p->screen_line);
		return;
	}
	p->screen_line = p->lineno;
	if (w->n != 3 || w->quoted[1] || !w->quoted[2] || !name_ok(w->v[1]) ||
	    w->v[2][0] == '\0') {
		error_at(p, p->lineno, _("write: screen NAME \"Title\" (NAME in lower case)"));
		return;
	}
	p->s->name = xstrdup(w->v[1]);
	p->s->title = xstrdup(w->v[2]);
}

static void
top_table(struct parser *p, struct words *w)
{
	if (p->table_line != 0) {
		error_at(p, p->lineno, _("'table' is already given on line %d"), p->table_line);
		return;
	}
	p->table_line = p->lineno;
	if (w->n != 2) {
		error_at(p, p->lineno, _("write: table NAME"));
		return;
	}
	if ((p->s->kind = record_kind_find(w->v[1])) == NULL)
		error_at(p, p->lineno, _("unknown table '%s'"), w->v[1]);
}

static void
top_block(struct parser *p, struct words *w, struct block *b)
{
	if (w->n != 1) {
		error_at(p, p->lineno, _("nothing may follow '%s' on its line"), w->v[0]);
		return;
	}
	if (b->start != 0) {
		error_at(p, p->lineno, _("'%s' is already given on line %d"), w->v[0], b->start);
		return;
	}
	b->start = p->lineno;
	p->in = b;
}

/* Each layout section is a page of the form. */
static void
top_layout(struct parser *p, struct words *w)
{
	if (p->nlayouts == SCREEN_MAX_PAGES) {
		error_at(p, p->lineno, _("a form has at most %d pages (layout sections)"),
			 SCREEN_MAX_PAGES);
		return;
	}
	top_block(p, w, &p->layouts[p->nlayouts]);
	if (p->in == &p->layouts[p->nlayouts])
		p->nlayouts++;
}

/* Looks up the field being described by tag, adding it. */
static struct screen_field *
new_field(struct parser *p, const char *tag)
{
	struct screen *s = p->s;
	struct screen_field *f;

	for (size_t i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].tag, tag) == 0) {
			error_at(p, p->lineno, _("field '%s' is already described on line %d"), tag,
				 s->fields[i].line);
			return NULL;
		}
	s->fields = xreallocarray(s->fields, s->nfields + 1, sizeof *s->fields);
	f = &s->fields[s->nfields++];
	memset(f, 0, sizeof *f);
	f->tag = xstrdup(tag);
	f->line = p->lineno;
	f->row = -1;
	f->record_field = (size_t)-1;
	f->params.scale = -1; /* not given */
	return f;
}

static int
parse_max(struct parser *p, const char *v, unsigned *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 1 || n > 1000) {
		error_at(p, p->lineno, _("'max' needs a number from 1 to 1000"));
		return -1;
	}
	*out = (unsigned)n;
	return 0;
}

static int
parse_scale(struct parser *p, const char *v, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 0 || n > 12) {
		error_at(p, p->lineno, _("'scale' needs a number from 0 to 12"));
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* choices FILE (a data file under the share folder) or "C=Customer,...". */
static int
parse_choices(struct parser *p, struct screen_field *f, const char *v, int quoted)
{
	char err[ERR_SIZE];

	codelist_free(f->own_choices);
	f->own_choices = NULL;
	if (quoted || strchr(v, '=') != NULL) {
		if (codelist_inline(v, &f->own_choices, err) < 0) {
			error_at(p, p->lineno, "%s", err);
			return -1;
		}
		f->params.choices = f->own_choices;
	} else if ((f->params.choices = codelist_shared(v, err)) == NULL) {
		error_at(p, p->lineno, _("choices %s: %s"), v, err);
		return -1;
	}
	return 0;
}

static int
parse_lookup_attr(struct parser *p, struct screen_field *f, const char *v)
{
	if ((f->params.lookup = record_kind_find(v)) == NULL) {
		error_at(p, p->lineno, _("lookup: unknown table '%s'"), v);
		return -1;
	}
	return 0;
}

/* An attribute's value: 0, or -1 after reporting it. */
static int
attribute_value(struct parser *p, struct screen_field *f, struct words *w, size_t i,
		char **record_name)
{
	const char *a = w->v[i], *v = w->v[i + 1];

	if (strcmp(a, "max") == 0)
		return parse_max(p, v, &f->max);
	if (strcmp(a, "scale") == 0)
		return parse_scale(p, v, &f->params.scale);
	if (strcmp(a, "choices") == 0)
		return parse_choices(p, f, v, w->quoted[i + 1]);
	if (strcmp(a, "lookup") == 0)
		return parse_lookup_attr(p, f, v);
	if (strcmp(a, "default") == 0) {
		free(f->dflt);
		f->dflt = xstrdup(v);
	} else if (strcmp(a, "label") == 0) {
		free(f->label);
		f->label = xstrdup(v);
	} else
		*record_name = w->v[i + 1];
	return 0;
}

/* One attribute of a field (and its value, when it takes one); returns the
 * number of words used, or 0 after a mistake. */
static size_t
field_attribute(struct parser *p, struct screen_field *f, struct words *w, size_t i,
		char **record_name)
{
	const char *a = w->v[i];
	static const char *const with_value[] = { "max",    "default", "label", "field",
						  "scale",  "choices", "lookup" };
	int takes = 0;

	for (size_t k = 0; k < ARRAY_LEN(with_value); k++)
		takes |= strcmp(a, with_value[k]) == 0;
	if (strcmp(a, "required") == 0)
		f->flags |= SF_REQUIRED;
	else if (strcmp(a, "upper") == 0)
		f->flags |= SF_UPPER;
	else if (strcmp(a, "readonly") == 0)
		f->flags |= SF_READONLY;
	else if (strcmp(a, "custom") == 0)
		f->flags |= SF_CUSTOM;
	else if (!takes) {
		error_at(p, p->lineno, _("unknown attribute '%s' (known: required upper readonly "
					 "custom max default label field scale choices lookup)"),
			 a);
		return 0;
	} else if (i + 1 >= w->n) {
		error_at(p, p->lineno, _("'%s' needs a value"), a);
		return 0;
	} else if (attribute_value(p, f, w, i, record_name) < 0)
		return 0;
	return takes ? 2 : 1;
}

static void grid_fields_line(struct parser *p, struct words *w);

/* A user-added field keeps its value in the book under its name, which
 * must not be one of the table's own fields. */
static void
custom_field(struct parser *p, struct screen_field *f, const char *name, int idx)
{
	if (idx >= 0) {
		error_at(p, p->lineno, _("'%s' is a field of table %s: drop 'custom'"), name,
			 p->s->kind->name);
		return;
	}
	if (!name_ok(name)) {
		error_at(p, p->lineno, _("'%s' is not a field name (lower-case letters, digits "
					 "and _)"),
			 name);
		return;
	}
	f->custom = xstrdup(name);
}

static void
fields_line(struct parser *p, struct words *w)
{
	struct screen_field *f;
	char *record_name = NULL;

	if (strchr(w->v[0], '.') != NULL) {
		grid_fields_line(p, w);
		return;
	}
	if (!name_ok(w->v[0])) {
		error_at(p, p->lineno, _("'%s' is not a field name (lower-case letters, digits "
					 "and _)"),
			 w->v[0]);
		return;
	}
	if ((f = new_field(p, w->v[0])) == NULL)
		return;
	if (w->n < 2) {
		error_at(p, p->lineno, _("field '%s' needs a type (one of: %s)"), f->tag,
			 fieldtype_names());
		return;
	}
	if ((f->type = fieldtype_find(w->v[1])) == NULL) {
		error_at(p, p->lineno, _("unknown field type '%s' (known: %s)"), w->v[1],
			 fieldtype_names());
		return;
	}
	for (size_t i = 2, n; i < w->n; i += n)
		if ((n = field_attribute(p, f, w, i, &record_name)) == 0) {
			f->type = NULL; /* reported: the later checks would repeat it */
			return;
		}
	if (p->s->kind == NULL)
		return;
	if (record_name == NULL)
		record_name = f->tag;
	int idx = record_field_index(p->s->kind, record_name);
	if (f->flags & SF_CUSTOM)
		custom_field(p, f, record_name, idx);
	else if (idx < 0)
		error_at(p, p->lineno, _("table %s has no field '%s' (a field of your own is "
					 "marked 'custom')"),
			 p->s->kind->name, record_name);
	else
		f->record_field = (size_t)idx;
}

/* ---- views: the same screen showing some records ----
 *
 *   view customers "Customers"  where role in C,B
 *
 * The view is a screen of its own name and title (the menu opens it by
 * name) whose list shows only the records whose field (a field of this
 * screen, by its name in brackets or its table's name) holds one of the
 * values, written as typed; a new record from it takes the first. */

static void
top_view(struct parser *p, struct words *w)
{
	struct view_line *v;
	struct buf values = { 0 };

	if (w->n < 7 || w->quoted[1] || !name_ok(w->v[1]) || !w->quoted[2] || w->v[2][0] == '\0' ||
	    strcmp(w->v[3], "where") != 0 || w->quoted[4] || strcmp(w->v[5], "in") != 0) {
		error_at(p, p->lineno, _("write: view NAME \"Title\" where FIELD in VALUE,VALUE..."));
		return;
	}
	for (size_t i = 6; i < w->n; i++)
		buf_printf(&values, "%s%s", i > 6 ? " " : "", w->v[i]);
	p->views = xreallocarray(p->views, p->nviews + 1, sizeof *p->views);
	v = &p->views[p->nviews++];
	v->name = xstrdup(w->v[1]);
	v->title = xstrdup(w->v[2]);
	v->field = xstrdup(w->v[4]);
	v->values = values.data;
	v->line = p->lineno;
}

/* The screen field a view names: its tag, or its table's field name. */
static int
view_field(const struct screen *s, const char *name)
{
	int idx = screen_field_index(s, name);

	for (size_t i = 0; i < s->nfields && idx < 0; i++)
		if (s->fields[i].custom == NULL &&
		    strcmp(s->kind->fields[s->fields[i].record_field].name, name) == 0)
			idx = (int)i;
	return idx;
}

/* The view's values, canonical and one a line; *first gets the first as
 * written. NULL after a mistake (reported). */
static char *
view_values(struct parser *p, const struct view_line *v, const struct screen_field *f,
	    char **first)
{
	struct buf in = { 0 };
	char *copy = xstrdup(v->values), *rest = copy, *one, *canon, err[ERR_SIZE];

	*first = NULL;
	while ((one = strsep(&rest, ",")) != NULL) {
		int rc;

		one = str_trim(one);
		rc = screen_field_take(f, NULL, one, &canon, err);
		if (rc == 0 && canon[0] == '\0') {
			free(canon);
			rc = err_set(err, "%s", _("must not be empty"));
		}
		if (rc < 0) {
			error_at(p, v->line, _("view %s: '%s' is not a value of %s: %s"), v->name,
				 one, f->tag, err);
			buf_free(&in);
			free(*first);
			free(copy);
			*first = NULL;
			return NULL;
		}
		buf_printf(&in, "%s%s", in.data != NULL ? "\n" : "", canon);
		free(canon);
		if (*first == NULL)
			*first = xstrdup(one);
	}
	free(copy);
	return in.data;
}

/* Checks every view line; when the file is parsed as one of its views,
 * the screen becomes that view. */
static void
read_views(struct parser *p)
{
	struct screen *s = p->s;

	s->nviews = p->nviews;
	for (size_t i = 0; i < p->nviews; i++) {
		const struct view_line *v = &p->views[i];
		int idx = view_field(s, v->field);
		char *in, *first;

		for (size_t j = 0; j < i; j++)
			if (strcmp(p->views[j].name, v->name) == 0)
				error_at(p, v->line, _("view '%s' is already on line %d"), v->name,
					 p->views[j].line);
		if (s->name != NULL && strcmp(s->name, v->name) == 0)
			error_at(p, v->line, _("a view needs a name of its own, not the screen's"));
		if (idx < 0) {
			error_at(p, v->line, _("view %s: this screen has no field '%s'"), v->name,
				 v->field);
			continue;
		}
		if (s->fields[idx].params.lookup != NULL) {
			error_at(p, v->line, _("view %s: a view cannot choose by a lookup field"),
				 v->name);
			continue;
		}
		if ((in = view_values(p, v, &s->fields[idx], &first)) == NULL)
			continue;
		if (i + 1 == p->want_view) {
			free(s->name);
			free(s->title);
			free(s->fields[idx].dflt);
			s->name = xstrdup(v->name);
			s->title = xstrdup(v->title);
			s->where_field = (size_t)idx;
			s->where_in = in;
			s->fields[idx].dflt = first;
		} else {
			free(in);
			free(first);
		}
	}
	if (p->want_view > p->nviews)
		error_at(p, p->lineno, _("no view number %zu"), p->want_view);
}

static void
top_line(struct parser *p, char *line)
{
	struct words w;

	const char *t = line + strspn(line, " ");
	int is_screen = str_starts(t, "screen "), is_table = str_starts(t, "table ");

	if (split(p, line, &w) < 0) {
		/* reported; but the line is there, so do not also call it missing */
		if (is_screen && p->screen_line == 0 && !p->in_fields)
			p->screen_line = p->lineno;
		if (is_table && p->table_line == 0 && !p->in_fields)
			p->table_line = p->lineno;
		return;
	}
	if (w.n == 0)
		return;
	if (p->in_fields) {
		if (strcmp(w.v[0], "end") == 0 && w.n == 1)
			p->in_fields = 0;
		else
			fields_line(p, &w);
		return;
	}
	if (strcmp(w.v[0], "screen") == 0)
		top_screen(p, &w);
	else if (strcmp(w.v[0], "view") == 0)
		top_view(p, &w);
	else if (strcmp(w.v[0], "table") == 0)
		top_table(p, &w);
	else if (strcmp(w.v[0], "layout") == 0)
		top_layout(p, &w);
	else if (strcmp(w.v[0], "list") == 0)
		top_block(p, &w, &p->list);
	else if (strcmp(w.v[0], "fields") == 0) {
		if (p->fields_start != 0)
			error_at(p, p->lineno, _("'fields' is already given on line %d"),
				 p->fields_start);
		else if (w.n != 1)
			error_at(p, p->lineno, _("nothing may follow '%s' on its line"), w.v[0]);
		p->fields_start = p->fields_start ? p->fields_start : p->lineno;
		p->in_fields = 1;
	} else
		error_at(p, p->lineno, _("unknown word '%s' (expected screen, view, table, list, "
					 "layout or fields)"),
			 w.v[0]);
}

static int grid_line(struct parser *p, const char *line, const char *t);

static void
read_line(struct parser *p, char *line)
{
	char *t = line + strspn(line, " ");

	if (p->in != NULL && p->in != &p->list && grid_line(p, line, t))
		return;
	if (p->in != NULL) {
		if (strcmp(t, "end") == 0 ||
		    (strncmp(t, "end", 3) == 0 && strspn(t + 3, " ") == strlen(t + 3))) {
			p->in->ended = 1;
			p->in = NULL;
		} else
			block_add(p->in, line, p->lineno);
		return;
	}
	top_line(p, line);
}

/* ---- line grids ----
 *
 *   grid contacts rows 4         inside a layout: the child's rows
 *     Name            Telephone   headings, drawn as they appear
 *     [name         ] [phone   ]  one line of fields: a grid line
 *     total qty                   optional, after it: sum a column
 *   end
 *
 * and under fields, "contacts.name text required" describes a column. The
 * layout keeps the grid's rows blank where the grid is drawn. */

static void check_type_params(struct parser *p, struct screen_field *f);
static void check_default(struct parser *p, struct screen_field *f);
static void free_texts(struct screen_text *t, size_t n);

static void
grid_start(struct parser *p, const char *t)
{
	char *copy = xstrdup(t), *end;
	struct words w;
	struct grid_block *g;
	long rows = 0;

	if (split(p, copy, &w) < 0 || w.n != 4 || !name_ok(w.v[1]) || strcmp(w.v[2], "rows") != 0 ||
	    (rows = strtol(w.v[3], &end, 10)) < 1 || rows > 12 || *end != '\0') {
		error_at(p, p->lineno, _("write: grid NAME rows N (NAME: the table's line grid, "
					 "N: lines shown, 1 to 12)"));
		rows = 1;
	}
	p->grids = xreallocarray(p->grids, p->ngrids + 1, sizeof *p->grids);
	g = &p->grids[p->ngrids++];
	memset(g, 0, sizeof *g);
	g->child = xstrdup(w.n > 1 ? w.v[1] : "");
	g->rows = (int)rows;
	g->line = p->lineno;
	g->page = (int)(p->in - p->layouts);
	g->at = p->in->n;
	p->in_grid = 1;
	free(copy);
}

static void
grid_total(struct parser *p, struct grid_block *g, const char *t)
{
	char *copy = xstrdup(t);
	struct words w;

	if (split(p, copy, &w) == 0 && w.n > 0) {
		if (w.n != 2 || strcmp(w.v[0], "total") != 0 || !name_ok(w.v[1]))
			error_at(p, p->lineno, _("after a grid's line of fields: total COLUMN, or "
						 "end"));
		else {
			g->totals = xreallocarray(g->totals, g->ntotals + 1, sizeof *g->totals);
			g->total_lines = xreallocarray(g->total_lines, g->ntotals + 1,
						       sizeof *g->total_lines);
			g->total_lines[g->ntotals] = p->lineno;
			g->totals[g->ntotals++] = xstrdup(w.v[1]);
		}
	}
	free(copy);
}

/* The grid's end: blank rows in the layout where it is drawn. */
static void
grid_end(struct parser *p, struct grid_block *g)
{
	int headings = 0;

	p->in_grid = 0;
	if (g->fields_line == 0)
		error_at(p, g->line, _("the grid has no line of fields in brackets"));
	for (size_t i = 0; i < g->n && g->linenos[i] != g->fields_line; i++)
		headings++;
	for (int i = 0; i < headings + g->rows + (g->ntotals > 0); i++)
		block_add(p->in, "", g->line);
}

/* A line inside a layout: 1 when it belongs to a grid. */
static int
grid_line(struct parser *p, const char *line, const char *t)
{
	struct grid_block *g = p->in_grid ? &p->grids[p->ngrids - 1] : NULL;

	if (g == NULL) {
		if (strcmp(t, "grid") != 0 && !str_starts(t, "grid "))
			return 0;
		grid_start(p, t);
		return 1;
	}
	if (strcmp(t, "end") == 0 ||
	    (strncmp(t, "end", 3) == 0 && strspn(t + 3, " ") == strlen(t + 3))) {
		grid_end(p, g);
		return 1;
	}
	if (g->fields_line != 0) {
		grid_total(p, g, t);
		return 1;
	}
	g->lines = xreallocarray(g->lines, g->n + 1, sizeof *g->lines);
	g->linenos = xreallocarray(g->linenos, g->n + 1, sizeof *g->linenos);
	g->lines[g->n] = xstrdup(line);
	g->linenos[g->n++] = p->lineno;
	if (strchr(line, '[') != NULL)
		g->fields_line = p->lineno;
	return 1;
}

/* "grid.column TYPE ATTRIBUTES..." under fields. */
static void
grid_fields_line(struct parser *p, struct words *w)
{
	char *dot = strchr(w->v[0], '.'), *grid = xstrndup(w->v[0], (size_t)(dot - w->v[0]));
	char *record_name = NULL;
	struct grid_field *gf;

	if (!name_ok(grid) || !name_ok(dot + 1)) {
		error_at(p, p->lineno, _("'%s' is not a grid's column (write grid.column, in "
					 "lower case)"),
			 w->v[0]);
		free(grid);
		return;
	}
	for (size_t i = 0; i < p->ngfields; i++)
		if (strcmp(p->gfields[i].grid, grid) == 0 && strcmp(p->gfields[i].tag, dot + 1) == 0) {
			error_at(p, p->lineno, _("field '%s' is already described on line %d"),
				 w->v[0], p->gfields[i].f.line);
			free(grid);
			return;
		}
	p->gfields = xreallocarray(p->gfields, p->ngfields + 1, sizeof *p->gfields);
	gf = &p->gfields[p->ngfields++];
	memset(gf, 0, sizeof *gf);
	gf->grid = grid;
	gf->tag = xstrdup(dot + 1);
	gf->f.tag = xstrdup(dot + 1);
	gf->f.line = p->lineno;
	gf->f.record_field = (size_t)-1;
	gf->f.params.scale = -1;
	if (w->n < 2 || (gf->f.type = fieldtype_find(w->v[1])) == NULL) {
		error_at(p, p->lineno, _("field '%s' needs a type (one of: %s)"), w->v[0],
			 fieldtype_names());
		return;
	}
	for (size_t i = 2, n; i < w->n; i += n)
		if ((n = field_attribute(p, &gf->f, w, i, &record_name)) == 0)
			return;
	gf->record_name = xstrdup(record_name != NULL ? record_name : gf->f.tag);
}

static struct grid_field *
find_gfield(struct parser *p, const char *grid, const char *tag)
{
	for (size_t i = 0; i < p->ngfields; i++)
		if (strcmp(p->gfields[i].grid, grid) == 0 && strcmp(p->gfields[i].tag, tag) == 0)
			return &p->gfields[i];
	return NULL;
}

/* The heading above a column names it, when no label is given. */
static char *
heading_over(const struct screen_grid *sg, const struct screen_field *f)
{
	for (size_t i = 0; i < sg->nheadings; i++) {
		const struct screen_text *t = &sg->headings[i];
		if (t->col >= f->col - 1 && t->col < f->col + f->width)
			return xstrdup(t->text);
	}
	return xstrdup(f->tag);
}

/* Takes the columns' descriptions into the grid, in the order drawn. */
static void
grid_columns(struct parser *p, struct grid_block *g, struct screen_grid *sg, struct placed *cells,
	     size_t ncells)
{
	sg->fields = xcalloc(ncells > 0 ? ncells : 1, sizeof *sg->fields);
	for (size_t i = 0; i < ncells; i++) {
		struct grid_field *gf = find_gfield(p, g->child, cells[i].tag);
		for (size_t j = 0; j < i; j++)
			if (strcmp(cells[j].tag, cells[i].tag) == 0)
				error_at(p, cells[i].line, _("field '%s' is in the grid twice"),
					 cells[i].tag);
		if (gf == NULL || gf->used || gf->f.type == NULL || gf->record_name == NULL) {
			if (gf != NULL)
				gf->used = 1; /* its line's mistake is reported */
			if (gf == NULL)
				error_at(p, cells[i].line,
					 _("field '%s.%s' is not described under 'fields'"), g->child,
					 cells[i].tag);
			continue;
		}
		gf->used = 1;
		struct screen_field *f = &sg->fields[sg->nfields++];
		*f = gf->f;
		memset(&gf->f, 0, sizeof gf->f);
		f->page = g->page;
		f->row = sg->row + sg->heading_rows;
		f->col = cells[i].col;
		f->width = cells[i].width;
		if (f->label == NULL)
			f->label = heading_over(sg, f);
	}
}

static void
free_placed(struct placed *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].tag);
	free(v);
}

/* Reads one grid's drawn lines: its headings, its line of fields. */
static void
read_grid(struct parser *p, struct grid_block *g, struct screen_grid *sg)
{
	size_t indent = block_indent(&p->layouts[g->page]);
	struct placed *cells = NULL;
	size_t ncells = 0;
	int maxcol = 0, mincol = SCREEN_MAX_COLS;

	for (size_t i = 0; i < g->n; i++) {
		const char *line = g->lines[i];
		line += strspn(line, " ") < indent ? strspn(line, " ") : indent;
		if (g->linenos[i] != g->fields_line) {
			size_t c0 = ncells;
			scan_line(p, line, (int)i, g->linenos[i], &sg->headings, &sg->nheadings, &cells,
				  &ncells, &maxcol);
			sg->heading_rows = (int)i + 1;
			if (ncells > c0)
				error_at(p, g->linenos[i], _("a grid has one line of fields, under "
							     "its headings"));
			continue;
		}
		struct screen_text *junk = NULL;
		size_t njunk = 0;
		scan_line(p, line, 0, g->linenos[i], &junk, &njunk, &cells, &ncells, &maxcol);
		if (njunk > 0)
			error_at(p, g->linenos[i], _("a grid's line of fields holds only fields; put "
						     "headings above it"));
		free_texts(junk, njunk);
	}
	for (size_t i = 0; i < sg->nheadings; i++) {
		sg->headings[i].page = g->page;
		mincol = sg->headings[i].col < mincol ? sg->headings[i].col : mincol;
	}
	for (size_t i = 0; i < ncells; i++)
		mincol = cells[i].col - 1 < mincol ? cells[i].col - 1 : mincol;
	fit_texts(sg->headings, sg->nheadings, NULL, 0, maxcol);
	sg->col = mincol < maxcol ? mincol : 0;
	sg->width = maxcol - sg->col;
	grid_columns(p, g, sg, cells, ncells);
	free_placed(cells, ncells);
	if (maxcol > SCREEN_MAX_COLS)
		error_at(p, g->line, _("the grid is %d columns wide; at most %d fit"), maxcol,
			 SCREEN_MAX_COLS);
}

static void
read_grids(struct parser *p)
{
	struct screen *s = p->s;

	if (p->in_grid)
		error_at(p, p->grids[p->ngrids - 1].line, _("'%s' has no 'end'"), "grid");
	s->grids = xcalloc(p->ngrids > 0 ? p->ngrids : 1, sizeof *s->grids);
	for (size_t i = 0; i < p->ngrids; i++) {
		struct grid_block *g = &p->grids[i];
		struct screen_grid *sg = &s->grids[s->ngrids++];
		sg->child = xstrdup(g->child);
		sg->page = g->page;
		sg->row = (int)g->at;
		sg->rows = g->rows;
		sg->line = g->line;
		read_grid(p, g, sg);
		sg->height = sg->heading_rows + sg->rows + (g->ntotals > 0);
		if (sg->row + sg->height > s->rows)
			s->rows = sg->row + sg->height;
		if (sg->col + sg->width > s->cols)
			s->cols = sg->col + sg->width;
		if (sg->row + sg->height > SCREEN_MAX_ROWS)
			error_at(p, g->line, _("the grid ends on line %d of the layout; at most %d "
					       "fit"),
				 sg->row + sg->height, SCREEN_MAX_ROWS);
	}
	for (size_t i = 0; i < p->ngfields; i++)
		if (!p->gfields[i].used && p->gfields[i].f.type != NULL)
			error_at(p, p->gfields[i].f.line,
				 _("field '%s.%s' is not placed in a grid of the layout"),
				 p->gfields[i].grid, p->gfields[i].tag);
}

/* A column's field in the rows' kind, and what the field section left
 * to defaults (as check_fields does for the form's fields). */
static void
check_grid_field(struct parser *p, struct screen_grid *sg, struct screen_field *f,
		 const char *record_name)
{
	int idx = record_field_index(sg->kind, record_name);
	const struct record_field *rf;

	if (idx < 0) {
		error_at(p, f->line, _("table %s has no field '%s'"), sg->kind->name, record_name);
		return;
	}
	f->record_field = (size_t)idx;
	rf = &sg->kind->fields[idx];
	if (f->max == 0)
		f->max = f->type->max;
	if ((f->type->flags & FT_TEXT) && rf->max > 0 && f->max > rf->max)
		f->max = rf->max;
	if (f->type->flags & FT_TEXT)
		f->params.max = f->max;
	check_type_params(p, f);
	check_default(p, f);
}

static void
grid_totals(struct parser *p, struct grid_block *g, struct screen_grid *sg)
{
	sg->totals = xcalloc(g->ntotals > 0 ? g->ntotals : 1, sizeof *sg->totals);
	for (size_t t = 0; t < g->ntotals; t++) {
		size_t c = 0;
		while (c < sg->nfields && strcmp(sg->fields[c].tag, g->totals[t]) != 0)
			c++;
		if (c == sg->nfields)
			error_at(p, g->total_lines[t], _("total: '%s' is not a column of the grid"),
				 g->totals[t]);
		else if (!(sg->fields[c].type->flags & FT_NUMBER))
			error_at(p, g->total_lines[t], _("total: column '%s' is not a number"),
				 g->totals[t]);
		else
			sg->totals[sg->ntotals++] = c;
	}
}

/* With the record kind known: each grid's child, its columns' fields, its
 * totals, and where the cursor visits it among the form's fields. */
static void
check_grids(struct parser *p)
{
	struct screen *s = p->s;

	for (size_t i = 0; i < s->ngrids; i++) {
		struct screen_grid *sg = &s->grids[i];
		int c = record_child_index(s->kind, sg->child);
		if (c < 0) {
			error_at(p, sg->line, _("table %s has no line grid '%s'"), s->kind->name,
				 sg->child);
			continue;
		}
		sg->child_index = (size_t)c;
		sg->kind = s->kind->children[c].kind;
		for (size_t f = 0; f < sg->nfields; f++) {
			struct grid_field *gf = find_gfield(p, sg->child, sg->fields[f].tag);
			check_grid_field(p, sg, &sg->fields[f], gf != NULL ? gf->record_name : "");
		}
		grid_totals(p, &p->grids[i], sg);
		for (size_t f = 0; f < s->nfields; f++) {
			const struct screen_field *x = &s->fields[f];
			if (x->page < sg->page || (x->page == sg->page && x->row < sg->row))
				sg->before++;
		}
		if (sg->nfields == 0)
			error_at(p, sg->line, _("the grid has no line of fields in brackets"));
	}
}

static void
free_grid_parse(struct parser *p)
{
	for (size_t i = 0; i < p->ngrids; i++) {
		struct grid_block *g = &p->grids[i];
		for (size_t j = 0; j < g->n; j++)
			free(g->lines[j]);
		for (size_t j = 0; j < g->ntotals; j++)
			free(g->totals[j]);
		free(g->lines);
		free(g->linenos);
		free(g->totals);
		free(g->total_lines);
		free(g->child);
	}
	free(p->grids);
	for (size_t i = 0; i < p->ngfields; i++) {
		struct screen_field *f = &p->gfields[i].f;
		free(p->gfields[i].grid);
		free(p->gfields[i].tag);
		free(p->gfields[i].record_name);
		free(f->tag);
		free(f->label);
		free(f->dflt);
		codelist_free(f->own_choices);
	}
	free(p->gfields);
}

static void
free_grids(struct screen *s)
{
	for (size_t i = 0; i < s->ngrids; i++) {
		struct screen_grid *sg = &s->grids[i];
		for (size_t f = 0; f < sg->nfields; f++) {
			free(sg->fields[f].tag);
			free(sg->fields[f].label);
			free(sg->fields[f].dflt);
			codelist_free(sg->fields[f].own_choices);
		}
		free(sg->fields);
		free_texts(sg->headings, sg->nheadings);
		free(sg->totals);
		free(sg->child);
	}
	free(s->grids);
}

/* ---- tying the parts together ---- */

static struct placed *
find_placed(struct placed *v, size_t n, const char *tag)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].tag, tag) == 0)
			return &v[i];
	return NULL;
}

static void
check_twice(struct parser *p, struct placed *v, size_t n, const char *where)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(v[i].tag, v[j].tag) == 0) {
				error_at(p, v[i].line, _("field '%s' is in the %s twice"), v[i].tag,
					 where);
				break;
			}
}

/* The layout text just left of a field names it, when no label is given. */
static char *
label_left_of(const struct screen *s, const struct screen_field *f)
{
	const struct screen_text *best = NULL;

	for (size_t i = 0; i < s->ntexts; i++) {
		const struct screen_text *t = &s->texts[i];
		if (t->page == f->page && t->row == f->row && t->col < f->col &&
		    (best == NULL || t->col > best->col))
			best = t;
	}
	return xstrdup(best != NULL ? best->text : f->tag);
}

static void
place_fields(struct parser *p)
{
	struct screen *s = p->s;

	check_twice(p, p->placed, p->nplaced, "layout");
	check_twice(p, p->cells, p->ncells, "list");
	for (size_t i = 0; i < p->nplaced; i++)
		if (screen_field_index(s, p->placed[i].tag) < 0)
			error_at(p, p->placed[i].line,
				 _("field '%s' is not described under 'fields'"), p->placed[i].tag);
	for (size_t i = 0; i < p->ncells; i++)
		if (screen_field_index(s, p->cells[i].tag) < 0)
			error_at(p, p->cells[i].line,
				 _("field '%s' is not described under 'fields'"), p->cells[i].tag);
	for (size_t i = 0; i < s->nfields; i++) {
		struct screen_field *f = &s->fields[i];
		struct placed *pl = find_placed(p->placed, p->nplaced, f->tag);
		if (pl == NULL) {
			if (p->nlayouts > 0)
				error_at(p, f->line, _("field '%s' is not placed in the layout"),
					 f->tag);
			continue;
		}
		f->page = pl->page;
		f->row = pl->row;
		f->col = pl->col;
		f->width = pl->width;
	}
}

/* The attributes a type needs, and those it cannot use. */
static void
check_type_params(struct parser *p, struct screen_field *f)
{
	const char *t = f->type->name;
	int is_decimal = strcmp(t, "decimal") == 0;

	if (is_decimal && f->params.scale < 0)
		error_at(p, f->line, _("decimal field '%s' needs 'scale N' (digits after the "
				       "comma)"),
			 f->tag);
	else if (!is_decimal && f->params.scale >= 0)
		error_at(p, f->line, _("'scale' is for decimal fields"));
	if (f->params.scale < 0)
		f->params.scale = 0;
	if (strcmp(t, "choice") == 0 && f->params.choices == NULL)
		error_at(p, f->line, _("choice field '%s' needs 'choices FILE' or 'choices "
				       "\"C=Text,...\"'"),
			 f->tag);
	else if (f->params.choices != NULL && !(f->type->flags & FT_LIST))
		error_at(p, f->line, _("'choices' is for choice, province and country fields"));
	if (strcmp(t, "lookup") == 0 && f->params.lookup == NULL)
		error_at(p, f->line, _("lookup field '%s' needs 'lookup TABLE'"), f->tag);
	else if (f->params.lookup != NULL && strcmp(t, "lookup") != 0)
		error_at(p, f->line, _("'lookup' is for lookup fields"));
}

static void
check_default(struct parser *p, struct screen_field *f)
{
	char err[ERR_SIZE], *v;

	/* a lookup's default names a record: only the book can tell */
	if (f->dflt == NULL || f->dflt[0] == '\0' || f->params.lookup != NULL)
		return;
	if (fieldtype_take(f->type, &f->params, f->dflt, &v, err) < 0)
		error_at(p, f->line, _("default of '%s': %s"), f->tag, err);
	else
		free(v);
}

static void
check_fields(struct parser *p)
{
	struct screen *s = p->s;

	for (size_t i = 0; i < s->nfields; i++) {
		struct screen_field *f = &s->fields[i];
		const struct record_field *rf =
			f->record_field != (size_t)-1 ? &s->kind->fields[f->record_field] : NULL;

		if (f->type == NULL)
			continue;
		if (f->label == NULL)
			f->label = label_left_of(s, f);
		if (f->max == 0)
			f->max = f->type->max;
		/* typed text is kept as is only by text types: the record's
		 * length is theirs (money is typed longer than it is kept) */
		if ((f->type->flags & FT_TEXT) && rf != NULL && rf->max > 0 && f->max > rf->max)
			f->max = rf->max;
		if (f->type->flags & FT_TEXT)
			f->params.max = f->max;
		check_type_params(p, f);
		check_default(p, f);
		for (size_t j = 0; j < i; j++)
			if (s->fields[j].record_field == f->record_field &&
			    f->record_field != (size_t)-1)
				error_at(p, f->line, _("'%s' and '%s' are the same field of table %s"),
					 s->fields[j].tag, f->tag, s->kind->name);
	}
}

static int
by_position(const void *a, const void *b)
{
	const struct screen_field *x = a, *y = b;

	if (x->page != y->page)
		return x->page - y->page;
	return x->row != y->row ? x->row - y->row : x->col - y->col;
}

static void
make_columns(struct parser *p)
{
	struct screen *s = p->s;

	s->columns = xcalloc(p->ncells, sizeof *s->columns);
	for (size_t i = 0; i < p->ncells; i++) {
		int idx = screen_field_index(s, p->cells[i].tag);
		if (idx < 0)
			continue;
		s->columns[s->ncolumns++] = (struct screen_column){ (size_t)idx, p->cells[i].col,
								    p->cells[i].width };
	}
}

static void
finish(struct parser *p)
{
	struct screen *s = p->s;

	if (p->in != NULL)
		error_at(p, p->in->start, _("'%s' has no 'end'"),
			 p->in == &p->list ? "list" : "layout");
	if (p->in_fields)
		error_at(p, p->fields_start, _("'%s' has no 'end'"), "fields");
	if (p->screen_line == 0)
		error_at(p, p->lineno, _("no 'screen' line"));
	if (p->table_line == 0)
		error_at(p, p->lineno, _("no 'table' line"));
	if (p->nlayouts == 0)
		error_at(p, p->lineno, _("no 'layout' block"));
	for (int i = 0; i < p->nlayouts; i++)
		read_layout(p, i);
	read_grids(p);
	s->npages = p->nlayouts;
	if (p->fields_start == 0)
		error_at(p, p->lineno, _("no 'fields' section"));
	if (p->list.start != 0)
		read_list(p);
	/* without the sections' ends, the rest would only repeat the mistake */
	if (p->in != NULL || p->in_fields || p->fields_start == 0)
		return;
	place_fields(p);
	if (s->kind != NULL)
		check_fields(p);
	/* the cursor goes through the form row by row, left to right */
	if (p->errors == 0)
		qsort(s->fields, s->nfields, sizeof *s->fields, by_position);
	make_columns(p);
	if (s->kind != NULL)
		check_grids(p);
	if (s->kind != NULL && p->errors == 0)
		read_views(p);
}

static int
parse(const char *file, const char *text, size_t view, struct screen **out, struct buf *errs)
{
	struct parser p = { .file = file, .errs = errs, .want_view = view };
	char *copy = xstrdup(text), *line = copy, *next;

	p.s = xcalloc(1, sizeof *p.s);
	p.s->file = xstrdup(file);
	for (; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (next == NULL && *line == '\0')
			break;
		p.lineno++;
		if (line[0] != '\0' && line[strlen(line) - 1] == '\r')
			line[strlen(line) - 1] = '\0';
		if (strchr(line, '\t') != NULL) {
			error_at(&p, p.lineno, _("a tab: use blanks, so columns are unambiguous"));
			continue;
		}
		if (!utf8_valid_text(line)) {
			error_at(&p, p.lineno, _("not UTF-8 text, or holds control characters"));
			continue;
		}
		read_line(&p, line);
	}
	finish(&p);
	free(copy);
	for (int i = 0; i < p.nlayouts; i++)
		block_free(&p.layouts[i]);
	block_free(&p.list);
	for (size_t i = 0; i < p.nplaced; i++)
		free(p.placed[i].tag);
	for (size_t i = 0; i < p.ncells; i++)
		free(p.cells[i].tag);
	free(p.placed);
	free(p.cells);
	free_grid_parse(&p);
	for (size_t i = 0; i < p.nviews; i++) {
		free(p.views[i].name);
		free(p.views[i].title);
		free(p.views[i].field);
		free(p.views[i].values);
	}
	free(p.views);
	if (p.errors > 0) {
		screen_free(p.s);
		return p.errors;
	}
	*out = p.s;
	return 0;
}

int
screen_parse(const char *file, const char *text, struct screen **out, struct buf *errs)
{
	return parse(file, text, 0, out, errs);
}

int
screen_parse_view(const char *file, const char *text, size_t view, struct screen **out,
		  struct buf *errs)
{
	return parse(file, text, view, out, errs);
}

int
screen_load_all(const char *path, struct screen ***out, size_t *n, struct buf *errs)
{
	struct screen *s = NULL;
	char *text;
	int errors;

	*out = NULL;
	*n = 0;
	if (file_read_reporting(path, 1 << 20, &text, errs) < 0)
		return 1;
	if ((errors = parse(path, text, 0, &s, errs)) == 0) {
		*out = xcalloc(s->nviews + 1, sizeof **out);
		(*out)[(*n)++] = s;
		for (size_t v = 1; v <= (*out)[0]->nviews && errors == 0; v++)
			if ((errors = parse(path, text, v, &s, errs)) == 0)
				(*out)[(*n)++] = s;
	}
	if (errors > 0) {
		for (size_t i = 0; i < *n; i++)
			screen_free((*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
	}
	free(text);
	return errors;
}

int
screen_load(const char *path, struct screen **out, struct buf *errs)
{
	char *text;
	int n;

	if (file_read_reporting(path, 1 << 20, &text, errs) < 0)
		return 1;
	n = screen_parse(path, text, out, errs);
	free(text);
	return n;
}

static void
free_texts(struct screen_text *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(t[i].text);
	free(t);
}

void
screen_free(struct screen *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nfields; i++) {
		free(s->fields[i].tag);
		free(s->fields[i].label);
		free(s->fields[i].dflt);
		free(s->fields[i].custom);
		codelist_free(s->fields[i].own_choices);
	}
	free(s->fields);
	free_grids(s);
	free_texts(s->texts, s->ntexts);
	free_texts(s->headings, s->nheadings);
	free(s->columns);
	free(s->file);
	free(s->name);
	free(s->title);
	free(s->where_in);
	free(s);
}

const char *
screen_field_value(const struct screen_field *f, const struct record *r)
{
	return f->custom != NULL ? record_custom_get(r, f->custom) : record_get(r, f->record_field);
}

void
screen_field_store(const struct screen_field *f, struct record *r, const char *value)
{
	if (f->custom != NULL)
		record_custom_set(r, f->custom, value);
	else
		record_set(r, f->record_field, value);
}

int
screen_field_index(const struct screen *s, const char *tag)
{
	for (size_t i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].tag, tag) == 0)
			return (int)i;
	return -1;
}
