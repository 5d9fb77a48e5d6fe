/* Screen files, line grids: a record's child rows drawn inside a layout,
 * and their columns described under fields. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/sf-impl.h"
#include "util/i18n.h"

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

static void
grid_start(struct parser *p, const char *t)
{
	char *copy = xstrdup(t), *end;
	struct words w;
	struct grid_block *g;
	long rows = 0;

	if (sf_split(p, copy, &w) < 0 || w.n != 4 || !sf_name_ok(w.v[1]) ||
	    strcmp(w.v[2], "rows") != 0 || (rows = strtol(w.v[3], &end, 10)) < 1 || rows > 12 ||
	    *end != '\0') {
		sf_error_at(p, p->lineno,
			    _("write: grid NAME rows N (NAME: the table's line grid, "
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

	if (sf_split(p, copy, &w) == 0 && w.n > 0) {
		if (w.n != 2 || strcmp(w.v[0], "total") != 0 || !sf_name_ok(w.v[1]))
			sf_error_at(p, p->lineno,
				    _("after a grid's line of fields: total COLUMN, or "
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
		sf_error_at(p, g->line, _("the grid has no line of fields in brackets"));
	for (size_t i = 0; i < g->n && g->linenos[i] != g->fields_line; i++)
		headings++;
	for (int i = 0; i < headings + g->rows + (g->ntotals > 0); i++)
		sf_block_add(p->in, "", g->line);
}

/* A line inside a layout: 1 when it belongs to a grid. */
int
sf_grid_line(struct parser *p, const char *line, const char *t)
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
void
sf_grid_fields_line(struct parser *p, struct words *w)
{
	char *dot = strchr(w->v[0], '.'), *grid = xstrndup(w->v[0], (size_t)(dot - w->v[0]));
	char *record_name = NULL;
	struct grid_field *gf;

	if (!sf_name_ok(grid) || !sf_name_ok(dot + 1)) {
		sf_error_at(p, p->lineno,
			    _("'%s' is not a grid's column (write grid.column, in "
			      "lower case)"),
			    w->v[0]);
		free(grid);
		return;
	}
	for (size_t i = 0; i < p->ngfields; i++)
		if (strcmp(p->gfields[i].grid, grid) == 0 &&
		    strcmp(p->gfields[i].tag, dot + 1) == 0) {
			sf_error_at(p, p->lineno, _("field '%s' is already described on line %d"),
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
	p->last_field = SF_LAST_COLUMN;
	p->last_index = p->ngfields - 1;
	if (w->n < 2 || (gf->f.type = fieldtype_find(w->v[1])) == NULL) {
		sf_error_at(p, p->lineno, _("field '%s' needs a type (one of: %s)"), w->v[0],
			    fieldtype_names());
		return;
	}
	for (size_t i = 2, n; i < w->n; i += n)
		if ((n = sf_field_attribute(p, &gf->f, w, i, &record_name)) == 0)
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
				sf_error_at(p, cells[i].line, _("field '%s' is in the grid twice"),
					    cells[i].tag);
		if (gf == NULL || gf->used || gf->f.type == NULL || gf->record_name == NULL) {
			if (gf != NULL)
				gf->used = 1; /* its line's mistake is reported */
			if (gf == NULL)
				sf_error_at(p, cells[i].line,
					    _("field '%s.%s' is not described under 'fields'"),
					    g->child, cells[i].tag);
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
	size_t indent = sf_block_indent(&p->layouts[g->page]);
	struct placed *cells = NULL;
	size_t ncells = 0;
	int maxcol = 0, mincol = SCREEN_MAX_COLS;

	for (size_t i = 0; i < g->n; i++) {
		const char *line = g->lines[i];
		line += strspn(line, " ") < indent ? strspn(line, " ") : indent;
		if (g->linenos[i] != g->fields_line) {
			size_t c0 = ncells;
			sf_scan_line(p, line, (int)i, g->linenos[i], &sg->headings, &sg->nheadings,
				     &cells, &ncells, &maxcol);
			sg->heading_rows = (int)i + 1;
			if (ncells > c0)
				sf_error_at(p, g->linenos[i],
					    _("a grid has one line of fields, under "
					      "its headings"));
			continue;
		}
		struct screen_text *junk = NULL;
		size_t njunk = 0;
		sf_scan_line(p, line, 0, g->linenos[i], &junk, &njunk, &cells, &ncells, &maxcol);
		if (njunk > 0)
			sf_error_at(p, g->linenos[i],
				    _("a grid's line of fields holds only fields; put "
				      "headings above it"));
		sf_free_texts(junk, njunk);
	}
	for (size_t i = 0; i < sg->nheadings; i++) {
		sg->headings[i].page = g->page;
		mincol = sg->headings[i].col < mincol ? sg->headings[i].col : mincol;
	}
	for (size_t i = 0; i < ncells; i++)
		mincol = cells[i].col - 1 < mincol ? cells[i].col - 1 : mincol;
	sf_fit_texts(sg->headings, sg->nheadings, NULL, 0, maxcol);
	sg->col = mincol < maxcol ? mincol : 0;
	sg->width = maxcol - sg->col;
	grid_columns(p, g, sg, cells, ncells);
	free_placed(cells, ncells);
	if (maxcol > SCREEN_MAX_COLS)
		sf_error_at(p, g->line, _("the grid is %d columns wide; at most %d fit"), maxcol,
			    SCREEN_MAX_COLS);
}

void
sf_read_grids(struct parser *p)
{
	struct screen *s = p->s;

	if (p->in_grid)
		sf_error_at(p, p->grids[p->ngrids - 1].line, _("'%s' has no 'end'"), "grid");
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
			sf_error_at(p, g->line,
				    _("the grid ends on line %d of the layout; at most %d "
				      "fit"),
				    sg->row + sg->height, SCREEN_MAX_ROWS);
	}
	for (size_t i = 0; i < p->ngfields; i++)
		if (!p->gfields[i].used && p->gfields[i].f.type != NULL)
			sf_error_at(p, p->gfields[i].f.line,
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
		sf_error_at(p, f->line, _("table %s has no field '%s'"), sg->kind->name,
			    record_name);
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
	sf_check_type_params(p, f);
	sf_check_default(p, f);
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
			sf_error_at(p, g->total_lines[t],
				    _("total: '%s' is not a column of the grid"), g->totals[t]);
		else if (!(sg->fields[c].type->flags & FT_NUMBER))
			sf_error_at(p, g->total_lines[t], _("total: column '%s' is not a number"),
				    g->totals[t]);
		else
			sg->totals[sg->ntotals++] = c;
	}
}

/* With the record kind known: each grid's child, its columns' fields, its
 * totals, and where the cursor visits it among the form's fields. */
void
sf_check_grids(struct parser *p)
{
	struct screen *s = p->s;

	for (size_t i = 0; i < s->ngrids; i++) {
		struct screen_grid *sg = &s->grids[i];
		int c = record_child_index(s->kind, sg->child);
		if (c < 0) {
			sf_error_at(p, sg->line, _("table %s has no line grid '%s'"), s->kind->name,
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
			sf_error_at(p, sg->line, _("the grid has no line of fields in brackets"));
	}
}

void
sf_free_grid_parse(struct parser *p)
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
		free(f->help);
		free(f->dflt);
		codelist_free(f->own_choices);
	}
	free(p->gfields);
}

void
sf_free_grids(struct screen *s)
{
	for (size_t i = 0; i < s->ngrids; i++) {
		struct screen_grid *sg = &s->grids[i];
		for (size_t f = 0; f < sg->nfields; f++) {
			free(sg->fields[f].tag);
			free(sg->fields[f].label);
			free(sg->fields[f].help);
			free(sg->fields[f].dflt);
			codelist_free(sg->fields[f].own_choices);
		}
		free(sg->fields);
		sf_free_texts(sg->headings, sg->nheadings);
		free(sg->totals);
		free(sg->child);
	}
	free(s->grids);
}
