/* The line grid widget inside a form: the child rows of the record being
 * edited, cell by cell. Tab and Enter go to the next cell (past the last
 * line's last cell: a new line, or out when that line is blank), Up and
 * Down line by line; New, Insert, Delete and Move up/down edit the lines.
 * A cell is parsed and checked by its type when the cursor leaves it, a
 * line by its record kind when the cursor leaves the line; the footer sums
 * numeric columns as int64 canonical integers. Nothing is written here:
 * the form saves the rows with their record. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ui/edit.h"
#include "ui/grid.h"
#include "ui/pick.h"
#include "util/i18n.h"
#include "util/util.h"

struct grid {
	const struct screen_grid *sg;
	struct record *parent;
	struct book *book;
	struct record *blank; /* a new line's values, to tell a blank line */
	size_t row, col;      /* the cursor's line and column */
	size_t top;           /* the first line shown */
	struct edit ed;       /* the cursor's cell as typed */
	char *shown;          /* the cell's text when the cursor came in */
	int changed;
};

static struct record_rows *
rows_of(const struct grid *g)
{
	return &g->parent->rows[g->sg->child_index];
}

static struct record *
cur_row(const struct grid *g)
{
	struct record_rows *rs = rows_of(g);

	return g->row < rs->n ? rs->row[g->row] : NULL;
}

static const struct screen_field *
cur_field(const struct grid *g)
{
	return &g->sg->fields[g->col];
}

/* A line nobody typed in: every column the user types in as a new line
 * has it (a computed column, a line's total, follows the others). */
static int
row_blank(const struct grid *g, const struct record *r)
{
	if (r->id != 0)
		return 0;
	for (size_t c = 0; c < g->sg->nfields; c++) {
		size_t f = g->sg->fields[c].record_field;
		if (g->sg->fields[c].flags & SF_READONLY)
			continue;
		if (strcmp(record_get(r, f), record_get(g->blank, f)) != 0)
			return 0;
	}
	return 1;
}

/* Puts the cursor's cell into the editor. */
static void
load_cell(struct grid *g)
{
	const struct screen_field *f = cur_field(g);
	struct record *r = cur_row(g);

	free(g->shown);
	g->shown = screen_field_show(f, g->book, r != NULL ? record_get(r, f->record_field) : "");
	edit_set(&g->ed, g->shown);
	g->ed.fresh = 1; /* nothing done in the cell yet: typing replaces it */
	g->ed.max = f->max > 0 ? f->max : (size_t)f->width;
	g->ed.upper = (f->type->flags & FT_UPPER) || (f->flags & SF_UPPER);
	if (g->row < g->top)
		g->top = g->row;
	if (g->row >= g->top + (size_t)g->sg->rows)
		g->top = g->row + 1 - (size_t)g->sg->rows;
}

/* The cell took a new value: what the record's kind fills from it into
 * the line (an article's code, description, price and VAT). */
static void
cell_filled(struct ui *ui, struct grid *g, size_t field)
{
	const struct record_kind *k = g->parent->kind;
	char err[ERR_SIZE] = "";

	if (k->fill != NULL &&
	    k->fill(g->book, g->parent, g->sg->child_index, g->row, field, err) < 0)
		ui_error(ui, _("Line %zu, %s: %s"), g->row + 1, _(cur_field(g)->label), err);
}

/* Takes the cell as typed into the line: 0, or -1 with the message shown. */
static int
take_cell(struct ui *ui, struct grid *g)
{
	const struct screen_field *f = cur_field(g);
	struct record *r = cur_row(g);
	char *typed = edit_get(&g->ed), *value = NULL, err[ERR_SIZE];
	int rc = 0;

	/* (a grid the cursor never came into has no cell to take) */
	if (r != NULL && g->shown != NULL && strcmp(typed, g->shown) != 0) {
		if ((rc = screen_field_take(f, g->book, typed, &value, err)) < 0)
			ui_error(ui, _("Line %zu, %s: %s"), g->row + 1, _(f->label), err);
		else {
			int changed = strcmp(record_get(r, f->record_field), value) != 0;

			record_set(r, f->record_field, value);
			g->changed = 1;
			free(g->shown);
			g->shown = screen_field_show(f, g->book, value);
			edit_set(&g->ed, g->shown);
			if (changed)
				cell_filled(ui, g, f->record_field);
		}
	}
	free(value);
	free(typed);
	return rc;
}

static void
add_blank(struct grid *g, size_t at)
{
	record_rows_insert(rows_of(g), at, record_copy(g->blank));
}

/* The cursor leaves its line: a blank new line goes away, another is
 * checked by its kind. 0, or -1 with the message shown and the cursor on
 * the bad cell. *dropped says whether the line went. */
static int
leave_row(struct ui *ui, struct grid *g, int *dropped)
{
	struct record *r = cur_row(g);
	char err[ERR_SIZE];
	size_t bad = 0;

	*dropped = 0;
	if (r == NULL)
		return 0;
	if (row_blank(g, r)) {
		record_rows_remove(rows_of(g), g->row);
		*dropped = 1;
		return 0;
	}
	if (record_validate(r, &bad, err) == 0)
		return 0;
	ui_error(ui, _("Line %zu, %s"), g->row + 1, err);
	for (size_t c = 0; c < g->sg->nfields; c++)
		if (g->sg->fields[c].record_field == bad) {
			g->col = c;
			load_cell(g);
		}
	return -1;
}

/* Moves to line row (and column col), leaving the line the cursor is on. */
static int
goto_line(struct ui *ui, struct grid *g, size_t row, size_t col)
{
	int dropped;

	if (take_cell(ui, g) < 0)
		return -1;
	if (row != g->row) {
		if (leave_row(ui, g, &dropped) < 0)
			return -1;
		if (dropped && row > g->row)
			row--;
	}
	g->row = row;
	g->col = col;
	load_cell(g);
	return 0;
}

static size_t
last_col(const struct grid *g)
{
	return g->sg->nfields - 1;
}

static int
next_cell(struct ui *ui, struct grid *g)
{
	size_t n = rows_of(g)->n;
	int dropped;
	char *typed = edit_get(&g->ed);
	int untouched = strcmp(typed, g->shown) == 0;

	free(typed);
	/* Tab on a blank last line: the lines are done */
	if (untouched && g->row + 1 == n && row_blank(g, cur_row(g))) {
		record_rows_remove(rows_of(g), g->row);
		if (g->row > 0)
			g->row--;
		return GRID_LEAVE_NEXT;
	}
	if (g->col < last_col(g)) {
		if (take_cell(ui, g) < 0)
			return GRID_DONE;
		g->col++;
		load_cell(g);
		return GRID_DONE;
	}
	if (g->row + 1 < n) {
		goto_line(ui, g, g->row + 1, 0);
		return GRID_DONE;
	}
	/* past the last cell: a new line, or out when this one is blank */
	if (take_cell(ui, g) < 0 || leave_row(ui, g, &dropped) < 0)
		return GRID_DONE;
	if (dropped)
		return GRID_LEAVE_NEXT;
	add_blank(g, n);
	g->row = n;
	g->col = 0;
	load_cell(g);
	return GRID_DONE;
}

static int
prev_cell(struct ui *ui, struct grid *g)
{
	int dropped;

	if (g->col > 0) {
		if (take_cell(ui, g) == 0) {
			g->col--;
			load_cell(g);
		}
		return GRID_DONE;
	}
	if (g->row > 0) {
		goto_line(ui, g, g->row - 1, last_col(g));
		return GRID_DONE;
	}
	if (take_cell(ui, g) < 0 || leave_row(ui, g, &dropped) < 0)
		return GRID_DONE;
	return GRID_LEAVE_PREV;
}

static int
line_down(struct ui *ui, struct grid *g)
{
	size_t n = rows_of(g)->n;
	struct record *r = cur_row(g);

	if (g->row + 1 < n)
		goto_line(ui, g, g->row + 1, g->col);
	else if (r != NULL && !row_blank(g, r) && goto_line(ui, g, g->row, g->col) == 0) {
		int dropped;
		if (leave_row(ui, g, &dropped) == 0) {
			add_blank(g, n);
			g->row = n;
			load_cell(g);
		}
	}
	return GRID_DONE;
}

static int
line_up(struct ui *ui, struct grid *g)
{
	int dropped;

	if (g->row > 0) {
		goto_line(ui, g, g->row - 1, g->col);
		return GRID_DONE;
	}
	if (take_cell(ui, g) < 0 || leave_row(ui, g, &dropped) < 0)
		return GRID_DONE;
	return GRID_LEAVE_PREV;
}

static int
add_line(struct ui *ui, struct grid *g, int insert)
{
	int dropped = 0;
	size_t at;

	if (take_cell(ui, g) < 0)
		return GRID_DONE;
	if (!insert && leave_row(ui, g, &dropped) < 0)
		return GRID_DONE;
	at = insert ? g->row : rows_of(g)->n;
	if (insert && at > rows_of(g)->n)
		at = rows_of(g)->n;
	add_blank(g, at);
	g->row = at;
	g->col = 0;
	g->changed = 1;
	load_cell(g);
	return GRID_DONE;
}

static int
delete_line(struct ui *ui, struct grid *g)
{
	struct record *r = cur_row(g);
	char *q;
	int yes = 1;

	if (r == NULL)
		return GRID_DONE;
	if (!row_blank(g, r)) {
		q = xasprintf(_("Delete line %zu?"), g->row + 1);
		yes = dialog_confirm(ui, q);
		free(q);
	}
	if (!yes)
		return GRID_DONE;
	record_rows_remove(rows_of(g), g->row);
	g->changed = 1;
	if (rows_of(g)->n == 0)
		add_blank(g, 0);
	if (g->row >= rows_of(g)->n)
		g->row = rows_of(g)->n - 1;
	load_cell(g);
	ui_status(ui, _("Line deleted (Save writes it; Back without saving keeps it)."));
	return GRID_DONE;
}

static int
move_line(struct ui *ui, struct grid *g, int down)
{
	size_t n = rows_of(g)->n;

	if (take_cell(ui, g) < 0)
		return GRID_DONE;
	if ((down && g->row + 1 >= n) || (!down && g->row == 0))
		return GRID_DONE;
	size_t other = down ? g->row + 1 : g->row - 1;
	record_rows_swap(rows_of(g), g->row, other);
	g->row = other;
	g->changed = 1;
	load_cell(g);
	return GRID_DONE;
}

static int
edit_cell(struct ui *ui, struct grid *g, int action, wint_t ch)
{
	const struct screen_field *f = cur_field(g);

	if ((f->flags & SF_READONLY) &&
	    (action == ACT_NONE || action == ACT_BACKSPACE || action == ACT_DELETE_CHAR)) {
		ui_error(ui, _("%s is computed: it cannot be typed in."), _(f->label));
		return GRID_DONE;
	}
	/* as in a spreadsheet, typing into a cell just entered replaces it
	 * (edit.c: the cell is fresh) */
	switch (edit_handle(&g->ed, action, ch)) {
	case -1:
		beep();
		ui_error(ui, _("%s is full: at most %zu characters."), _(f->label), g->ed.max);
		return GRID_DONE;
	case 1:
		return GRID_DONE;
	default:
		return GRID_NOT_MINE;
	}
}

/* F4 in a cell: its list (a code list, a comune, a lookup's records), as
 * in a form's field; what is chosen fills the cell. */
static int
choose_cell(struct ui *ui, struct grid *g)
{
	const struct screen_field *f = cur_field(g);
	struct record *r = cur_row(g);
	char err[ERR_SIZE], *value = NULL, *typed;
	int rc;

	if (!(f->type->flags & FT_LIST) || (f->flags & SF_READONLY) || r == NULL) {
		ui_error(ui, _("%s: no list to choose from"), _(f->label));
		return GRID_DONE;
	}
	typed = edit_get(&g->ed);
	rc = pick_run(ui, f, strcmp(typed, g->shown) == 0 ? "" : typed, &value, err);
	free(typed);
	if (rc < 0)
		ui_error(ui, "%s: %s", _(f->label), err);
	else if (rc > 0) {
		int changed = strcmp(record_get(r, f->record_field), value) != 0;

		record_set(r, f->record_field, value);
		g->changed = 1;
		free(g->shown);
		g->shown = screen_field_show(f, g->book, value);
		edit_set(&g->ed, g->shown);
		if (changed)
			cell_filled(ui, g, f->record_field);
	}
	free(value);
	return GRID_DONE;
}

int
grid_handle(struct ui *ui, struct grid *g, int action, wint_t ch)
{
	if (cur_row(g) == NULL)
		grid_enter(g, 0);
	switch (action) {
	case ACT_NEXT:
	case ACT_ENTER:
		return next_cell(ui, g);
	case ACT_PREV:
		return prev_cell(ui, g);
	case ACT_DOWN:
		return line_down(ui, g);
	case ACT_UP:
		return line_up(ui, g);
	case ACT_NEW:
		return add_line(ui, g, 0);
	case ACT_INSERT_LINE:
		return add_line(ui, g, 1);
	case ACT_DELETE:
		return delete_line(ui, g);
	case ACT_LINE_UP:
		return move_line(ui, g, 0);
	case ACT_LINE_DOWN:
		return move_line(ui, g, 1);
	case ACT_LEAVE_GRID:
		return grid_commit(ui, g) < 0 ? GRID_DONE : GRID_LEAVE_NEXT;
	case ACT_SEARCH: /* Edit: into the cell's text, keeping it */
		edit_handle(&g->ed, ACT_END, 0);
		return GRID_DONE;
	case ACT_HELP: /* the form shows the cell's help; the cell stays as it is */
		return GRID_NOT_MINE;
	case ACT_CHOOSE:
		return choose_cell(ui, g);
	default:
		return edit_cell(ui, g, action, ch);
	}
}

int
grid_commit(struct ui *ui, struct grid *g)
{
	int dropped;

	if (cur_row(g) == NULL)
		return 0;
	if (take_cell(ui, g) < 0)
		return -1;
	if (row_blank(g, cur_row(g))) {
		leave_row(ui, g, &dropped);
		if (g->row > 0 && g->row >= rows_of(g)->n)
			g->row--;
		if (cur_row(g) != NULL)
			load_cell(g);
	}
	return 0;
}

void
grid_enter(struct grid *g, int backwards)
{
	struct record_rows *rs = rows_of(g);

	if (rs->n == 0)
		add_blank(g, 0);
	g->row = backwards ? rs->n - 1 : 0;
	g->col = backwards ? last_col(g) : 0;
	load_cell(g);
}

void
grid_goto(struct grid *g, size_t row, size_t record_field)
{
	if (row >= rows_of(g)->n)
		return;
	g->row = row;
	for (size_t c = 0; c < g->sg->nfields; c++)
		if (g->sg->fields[c].record_field == record_field)
			g->col = c;
	load_cell(g);
}

void
grid_where(const struct grid *g, size_t *row, size_t *col, size_t *pos, char **typed)
{
	*row = g->row;
	*col = g->col;
	*pos = g->ed.pos;
	*typed = edit_get(&g->ed);
}

void
grid_place(struct grid *g, size_t row, size_t col, const char *typed, size_t pos)
{
	struct record_rows *rs = rows_of(g);

	if (rs->n == 0)
		add_blank(g, 0);
	g->row = row < rs->n ? row : rs->n - 1;
	g->col = col < g->sg->nfields ? col : 0;
	load_cell(g);
	if (typed != NULL && strcmp(typed, g->shown) != 0) {
		edit_set(&g->ed, typed);
		g->ed.pos = pos <= g->ed.len ? pos : g->ed.len;
	}
}

void
grid_reload(struct grid *g)
{
	g->changed = 0;
	if (g->row >= rows_of(g)->n)
		g->row = rows_of(g)->n > 0 ? rows_of(g)->n - 1 : 0;
	if (cur_row(g) != NULL)
		load_cell(g);
}

int
grid_at_end(const struct grid *g)
{
	size_t n = rows_of(g)->n;

	return n == 0 || (g->row + 1 >= n && g->col + 1 >= g->sg->nfields);
}

int
grid_changed(const struct grid *g)
{
	char *typed;
	int edited = 0;

	if (g->changed)
		return 1;
	if (cur_row(g) != NULL && g->shown != NULL) {
		typed = edit_get(&g->ed);
		edited = strcmp(typed, g->shown) != 0;
		free(typed);
	}
	return edited;
}

struct grid *
grid_new(const struct screen_grid *sg, struct record *parent, struct book *book)
{
	struct grid *g = xcalloc(1, sizeof *g);

	g->sg = sg;
	g->parent = parent;
	g->book = book;
	g->blank = record_new(sg->kind);
	for (size_t c = 0; c < sg->nfields; c++)
		if (sg->fields[c].dflt != NULL) {
			char *v = NULL, err[ERR_SIZE];
			if (screen_field_take(&sg->fields[c], book, sg->fields[c].dflt, &v, err) == 0)
				record_set(g->blank, sg->fields[c].record_field, v);
			free(v);
		}
	return g;
}

void
grid_free(struct grid *g)
{
	if (g == NULL)
		return;
	record_free(g->blank);
	edit_free(&g->ed);
	free(g->shown);
	free(g);
}

/* ---- totals ---- */

int
grid_sum(const struct screen_grid *sg, const struct record_rows *rs, size_t col, int64_t *sum)
{
	size_t f = sg->fields[col].record_field;

	*sum = 0;
	for (size_t i = 0; i < rs->n; i++) {
		const char *v = record_get(rs->row[i], f);
		char *end;
		long long n;

		if (v[0] == '\0')
			continue;
		errno = 0;
		n = strtoll(v, &end, 10);
		if (errno != 0 || *end != '\0' || end == v || __builtin_add_overflow(*sum, n, sum))
			return -1;
	}
	return 0;
}

/* ---- drawing ---- */

/* A cell's text, numbers against the right edge. */
static void
put_cell(const struct screen_field *f, int y, int x, const char *text, attr_t a)
{
	int pad = 0;

	if (f->type->flags & FT_NUMBER) {
		pad = f->width - ui_width(text);
		pad = pad > 0 ? pad : 0;
	}
	attron(a);
	mvhline(y, x, ' ', f->width);
	attroff(a);
	ui_put(y, x + pad, text, f->width - pad, 0, a);
}

static void
draw_line(struct grid *g, size_t r, int y, int x, int focused, int *cy, int *cx)
{
	const struct screen_grid *sg = g->sg;
	const struct record *rec = rows_of(g)->row[r];

	for (size_t c = 0; c < sg->nfields; c++) {
		const struct screen_field *f = &sg->fields[c];
		int fx = x + f->col;

		mvaddch(y, fx - 1, '[');
		mvaddch(y, fx + f->width, ']');
		if (focused && r == g->row && c == g->col) {
			*cy = y;
			*cx = edit_draw(&g->ed, y, fx, f->width, A_REVERSE);
			continue;
		}
		char *text = screen_field_show(f, g->book, record_get(rec, f->record_field));
		put_cell(f, y, fx, text, r == g->row && focused ? A_BOLD | A_UNDERLINE : A_UNDERLINE);
		free(text);
	}
}

static void
draw_totals(struct grid *g, int y, int x)
{
	const struct screen_grid *sg = g->sg;
	const struct record_rows *rs = rows_of(g);

	for (size_t t = 0; t < sg->ntotals; t++) {
		const struct screen_field *f = &sg->fields[sg->totals[t]];
		int64_t sum;
		char digits[32], *text;

		if (grid_sum(sg, rs, sg->totals[t], &sum) < 0)
			text = xstrdup("#####");
		else {
			snprintf(digits, sizeof digits, "%" PRId64, sum);
			text = screen_field_show(f, g->book, digits);
		}
		put_cell(f, y, x + f->col, text, A_BOLD);
		free(text);
	}
	if (sg->ntotals > 0 && sg->totals[0] > 0)
		ui_put(y, x + sg->fields[0].col, _("Total"),
		       sg->fields[sg->totals[0]].col - 2 - sg->fields[0].col, 0, A_BOLD);
}

void
grid_draw(struct grid *g, int y, int x, int focused, int *cy, int *cx)
{
	const struct screen_grid *sg = g->sg;
	size_t n = rows_of(g)->n;
	int top = y + sg->row;

	for (size_t i = 0; i < sg->nheadings; i++) {
		const struct screen_text *t = &sg->headings[i];
		ui_put(top + t->row, x + t->col, _(t->text), t->width, 0, A_BOLD);
	}
	top += sg->heading_rows;
	if (g->top > 0 && g->top >= n)
		g->top = n > (size_t)sg->rows ? n - (size_t)sg->rows : 0;
	for (int i = 0; i < sg->rows && g->top + (size_t)i < n; i++)
		draw_line(g, g->top + (size_t)i, top + i, x, focused, cy, cx);
	if (g->top > 0 || g->top + (size_t)sg->rows < n) {
		char *where = xasprintf("%zu/%zu", (focused ? g->row : g->top) + 1, n);
		ui_put(top + sg->rows - 1, x + sg->col + sg->width + 1, where, 9, 0, A_NORMAL);
		free(where);
	}
	if (sg->ntotals > 0)
		draw_totals(g, top + sg->rows, x);
}

static const struct key_hint grid_hint_list[] = {
	{ ACT_HELP, NULL },         { ACT_SAVE, NULL },
	{ ACT_NEW, N_("Add line") }, { ACT_DELETE, N_("Delete line") },
	{ ACT_LEAVE_GRID, NULL },   { ACT_INSERT_LINE, NULL },
	{ ACT_BACK, NULL },         { ACT_NONE, NULL },
};

const struct key_hint *
grid_hints(void)
{
	return grid_hint_list;
}

const struct screen_field *
grid_cursor_field(const struct grid *g)
{
	return cur_field(g);
}
