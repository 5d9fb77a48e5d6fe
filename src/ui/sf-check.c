/* Screen files, the checks that tie the parts together once every line is
 * read: fields placed in the layout, each type's attributes, the list's
 * columns, grids and views. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/sf-impl.h"
#include "util/i18n.h"

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
				sf_error_at(p, v[i].line, _("field '%s' is in the %s twice"),
					    v[i].tag, where);
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
			sf_error_at(p, p->placed[i].line,
				    _("field '%s' is not described under 'fields'"),
				    p->placed[i].tag);
	for (size_t i = 0; i < p->ncells; i++)
		if (screen_field_index(s, p->cells[i].tag) < 0)
			sf_error_at(p, p->cells[i].line,
				    _("field '%s' is not described under 'fields'"),
				    p->cells[i].tag);
	for (size_t i = 0; i < s->nfields; i++) {
		struct screen_field *f = &s->fields[i];
		struct placed *pl = find_placed(p->placed, p->nplaced, f->tag);
		if (pl == NULL) {
			if (p->nlayouts > 0)
				sf_error_at(p, f->line, _("field '%s' is not placed in the layout"),
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
void
sf_check_type_params(struct parser *p, struct screen_field *f)
{
	const char *t = f->type->name;
	int is_decimal = strcmp(t, "decimal") == 0, is_number = strcmp(t, "number") == 0;

	if (is_decimal && f->params.scale < 0)
		sf_error_at(p, f->line,
			    _("decimal field '%s' needs 'scale N' (digits after the "
			      "comma)"),
			    f->tag);
	else if (!is_decimal && !is_number && f->params.scale >= 0)
		sf_error_at(p, f->line, _("'scale' is for decimal fields"));
	if (is_number && f->params.scale < 0)
		f->params.scale = 8; /* a document's quantities and prices */
	if (f->params.scale < 0)
		f->params.scale = 0;
	if ((strcmp(t, "choice") == 0 || strcmp(t, "mark") == 0) && f->params.choices == NULL)
		sf_error_at(p, f->line,
			    _("choice field '%s' needs 'choices FILE' or 'choices "
			      "\"C=Text,...\"'"),
			    f->tag);
	else if (f->params.choices != NULL && !(f->type->flags & FT_LIST))
		sf_error_at(p, f->line,
			    _("'choices' is for choice, mark, province and country fields"));
	if (strcmp(t, "lookup") == 0 && f->params.lookup == NULL)
		sf_error_at(p, f->line, _("lookup field '%s' needs 'lookup TABLE'"), f->tag);
	else if (f->params.lookup != NULL && strcmp(t, "lookup") != 0)
		sf_error_at(p, f->line, _("'lookup' is for lookup fields"));
}

void
sf_check_default(struct parser *p, struct screen_field *f)
{
	char err[ERR_SIZE], *v;

	/* a lookup's default names a record: only the book can tell */
	if (f->dflt == NULL || f->dflt[0] == '\0' || f->params.lookup != NULL)
		return;
	if (fieldtype_take(f->type, &f->params, f->dflt, &v, err) < 0)
		sf_error_at(p, f->line, _("default of '%s': %s"), f->tag, err);
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
		sf_check_type_params(p, f);
		sf_check_default(p, f);
		for (size_t j = 0; j < i; j++)
			if (s->fields[j].record_field == f->record_field &&
			    f->record_field != (size_t)-1)
				sf_error_at(p, f->line,
					    _("'%s' and '%s' are the same field of table %s"),
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
	s->list_totals = xcalloc(p->nlist_totals + 1, sizeof *s->list_totals);
	for (size_t t = 0; t < p->nlist_totals; t++) {
		size_t c = 0;
		while (c < s->ncolumns &&
		       strcmp(s->fields[s->columns[c].field].tag, p->list_totals[t]) != 0)
			c++;
		if (c == s->ncolumns)
			sf_error_at(p, p->list_total_lines[t],
				    _("total: '%s' is not a column of the list"), p->list_totals[t]);
		else if (s->fields[s->columns[c].field].type == NULL)
			continue; /* its unknown type is already said */
		else if (!(s->fields[s->columns[c].field].type->flags & FT_NUMBER))
			sf_error_at(p, p->list_total_lines[t], _("total: column '%s' is not a number"),
				    p->list_totals[t]);
		else if (s->fields[s->columns[c].field].custom != NULL)
			sf_error_at(p, p->list_total_lines[t],
				    _("total: column '%s' is a field of your own, which the list "
				      "does not sum"),
				    p->list_totals[t]);
		else
			s->list_totals[s->nlist_totals++] = c;
	}
}

void
sf_finish(struct parser *p)
{
	struct screen *s = p->s;

	if (p->in != NULL)
		sf_error_at(p, p->in->start, _("'%s' has no 'end'"),
			    p->in == &p->list || p->in == &p->other_list ? "list" : "layout");
	if (p->in_fields)
		sf_error_at(p, p->fields_start, _("'%s' has no 'end'"), "fields");
	if (p->screen_line == 0)
		sf_error_at(p, p->lineno, _("no 'screen' line"));
	if (p->table_line == 0)
		sf_error_at(p, p->lineno, _("no 'table' line"));
	if (p->nlayouts == 0)
		sf_error_at(p, p->lineno, _("no 'layout' block"));
	for (int i = 0; i < p->nlayouts; i++)
		sf_read_layout(p, i);
	sf_read_grids(p);
	s->npages = p->nlayouts;
	if (p->fields_start == 0)
		sf_error_at(p, p->lineno, _("no 'fields' section"));
	if (p->list.start != 0)
		sf_read_list(p);
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
		sf_check_grids(p);
	if (s->kind != NULL && p->errors == 0)
		sf_read_views(p);
}
