/* The screen-file parser: reads the file line by line, the top-level lines
 * (screen, table, the starts of blocks and sections), and hands each line
 * to its part: sf-layout.c (layout, list), sf-fields.c (fields), sf-grid.c
 * (line grids), sf-views.c (views); sf-check.c then ties them together.
 * Keeps going after a mistake so that all are reported at once. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/sf-impl.h"
#include "util/i18n.h"

/* ---- top-level lines and the fields section ---- */

static void
top_screen(struct parser *p, struct words *w)
{
	if (p->screen_line != 0) {
		sf_error_at(p, p->lineno, _("'screen' is already given on line %d"),
			    p->screen_line);
		return;
	}
	p->screen_line = p->lineno;
	if (w->n != 3 || w->quoted[1] || !w->quoted[2] || !sf_name_ok(w->v[1]) ||
	    w->v[2][0] == '\0') {
		sf_error_at(p, p->lineno, _("write: screen NAME \"Title\" (NAME in lower case)"));
		return;
	}
	p->s->name = xstrdup(w->v[1]);
	p->s->title = xstrdup(w->v[2]);
}

static void
top_table(struct parser *p, struct words *w)
{
	if (p->table_line != 0) {
		sf_error_at(p, p->lineno, _("'table' is already given on line %d"), p->table_line);
		return;
	}
	p->table_line = p->lineno;
	if (w->n != 2) {
		sf_error_at(p, p->lineno, _("write: table NAME"));
		return;
	}
	if ((p->s->kind = record_kind_find(w->v[1])) == NULL)
		sf_error_at(p, p->lineno, _("unknown table '%s'"), w->v[1]);
}

static void
top_block(struct parser *p, struct words *w, struct block *b)
{
	if (w->n != 1) {
		sf_error_at(p, p->lineno, _("nothing may follow '%s' on its line"), w->v[0]);
		return;
	}
	if (b->start != 0) {
		sf_error_at(p, p->lineno, _("'%s' is already given on line %d"), w->v[0], b->start);
		return;
	}
	b->start = p->lineno;
	p->in = b;
}

/* Reads a block past: another view's list, or one refused (its lines are
 * no top-level words). */
static void
skip_block(struct parser *p)
{
	sf_block_free(&p->other_list);
	memset(&p->other_list, 0, sizeof p->other_list);
	p->other_list.start = p->lineno;
	p->in = &p->other_list;
}

/* A view's own list, `list VIEW` after the screen's: the view being parsed
 * lists by it in place of the screen's; another view's is read past. */
static void
top_view_list(struct parser *p, struct words *w)
{
	size_t i = 0;

	while (i < p->nviews && strcmp(p->views[i].name, w->v[1]) != 0)
		i++;
	if (w->n != 2 || w->quoted[1] || i == p->nviews)
		sf_error_at(p, p->lineno,
			    _("write: list VIEW, after the view's line and the screen's list"));
	else if (p->list.start == 0)
		sf_error_at(p, p->lineno, _("a view's list comes after the screen's list"));
	else if (i + 1 == p->want_view && p->view_list_line != 0)
		sf_error_at(p, p->lineno, _("'%s' is already given on line %d"), "list",
			    p->view_list_line);
	else if (i + 1 == p->want_view) {
		p->view_list_line = p->lineno;
		sf_block_free(&p->list);
		memset(&p->list, 0, sizeof p->list);
		p->list.start = p->lineno;
		p->in = &p->list;
		return;
	}
	skip_block(p);
}

/* Each layout section is a page of the form. */
static void
top_layout(struct parser *p, struct words *w)
{
	if (p->nlayouts == SCREEN_MAX_PAGES) {
		sf_error_at(p, p->lineno, _("a form has at most %d pages (layout sections)"),
			    SCREEN_MAX_PAGES);
		return;
	}
	top_block(p, w, &p->layouts[p->nlayouts]);
	if (p->in == &p->layouts[p->nlayouts])
		p->nlayouts++;
}

/* Looks up the field being described by tag, adding it. */

static void
top_line(struct parser *p, char *line)
{
	struct words w;

	const char *t = line + strspn(line, " ");
	int is_screen = str_starts(t, "screen "), is_table = str_starts(t, "table ");

	if (sf_split(p, line, &w) < 0) {
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
			sf_fields_line(p, &w);
		return;
	}
	if (strcmp(w.v[0], "screen") == 0)
		top_screen(p, &w);
	else if (strcmp(w.v[0], "view") == 0)
		sf_top_view(p, &w);
	else if (strcmp(w.v[0], "table") == 0)
		top_table(p, &w);
	else if (strcmp(w.v[0], "layout") == 0)
		top_layout(p, &w);
	else if (strcmp(w.v[0], "list") == 0 && w.n >= 2)
		top_view_list(p, &w);
	else if (strcmp(w.v[0], "list") == 0)
		top_block(p, &w, &p->list);
	else if (strcmp(w.v[0], "fields") == 0) {
		if (p->fields_start != 0)
			sf_error_at(p, p->lineno, _("'fields' is already given on line %d"),
				    p->fields_start);
		else if (w.n != 1)
			sf_error_at(p, p->lineno, _("nothing may follow '%s' on its line"), w.v[0]);
		p->fields_start = p->fields_start ? p->fields_start : p->lineno;
		p->in_fields = 1;
	} else if (strcmp(w.v[0], "help") == 0)
		sf_error_at(p, p->lineno, _("'help' describes a field: write it under 'fields', on "
					    "the field's line or on a line of its own after it"));
	else
		sf_error_at(p, p->lineno,
			    _("unknown word '%s' (expected screen, view, table, list, "
			      "layout or fields)"),
			    w.v[0]);
}

static void
read_line(struct parser *p, char *line)
{
	char *t = line + strspn(line, " ");

	if (p->in != NULL && p->in != &p->list && p->in != &p->other_list &&
	    sf_grid_line(p, line, t))
		return;
	if (p->in != NULL) {
		if (strcmp(t, "end") == 0 ||
		    (strncmp(t, "end", 3) == 0 && strspn(t + 3, " ") == strlen(t + 3))) {
			p->in->ended = 1;
			p->in = NULL;
		} else
			sf_block_add(p->in, line, p->lineno);
		return;
	}
	top_line(p, line);
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
			sf_error_at(&p, p.lineno,
				    _("a tab: use blanks, so columns are unambiguous"));
			continue;
		}
		if (!utf8_valid_text(line)) {
			sf_error_at(&p, p.lineno, _("not UTF-8 text, or holds control characters"));
			continue;
		}
		read_line(&p, line);
	}
	sf_finish(&p);
	free(copy);
	for (int i = 0; i < p.nlayouts; i++)
		sf_block_free(&p.layouts[i]);
	sf_block_free(&p.list);
	sf_block_free(&p.other_list);
	for (size_t i = 0; i < p.nplaced; i++)
		free(p.placed[i].tag);
	for (size_t i = 0; i < p.ncells; i++)
		free(p.cells[i].tag);
	free(p.placed);
	free(p.cells);
	for (size_t i = 0; i < p.nlist_totals; i++)
		free(p.list_totals[i]);
	free(p.list_totals);
	free(p.list_total_lines);
	sf_free_grid_parse(&p);
	for (size_t i = 0; i < p.nviews; i++) {
		free(p.views[i].name);
		free(p.views[i].title);
		free(p.views[i].field);
		free(p.views[i].values);
		free(p.views[i].filter);
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

void
screen_free(struct screen *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nfields; i++) {
		free(s->fields[i].tag);
		free(s->fields[i].label);
		free(s->fields[i].help);
		free(s->fields[i].dflt);
		free(s->fields[i].custom);
		codelist_free(s->fields[i].own_choices);
	}
	free(s->fields);
	sf_free_grids(s);
	sf_free_texts(s->texts, s->ntexts);
	sf_free_texts(s->headings, s->nheadings);
	free(s->columns);
	free(s->list_totals);
	free(s->file);
	free(s->name);
	free(s->title);
	free(s->where_in);
	free(s->filter);
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
