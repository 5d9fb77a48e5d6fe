/* The form of a screen file: its layout in a box, one editor per field,
 * moving between fields, and Save: each field parsed and validated by its
 * type, then the record saved in one transaction. A refused save names the
 * field, puts the cursor on it, writes nothing and keeps what was typed. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/edit.h"
#include "ui/grid.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

struct form {
	struct screen *scr;
	struct record *rec; /* as loaded or last saved */
	struct edit *eds;   /* one per screen field */
	char **shown;       /* each field's text when loaded or last saved */
	size_t cur;
	int saved;
	struct grid **grids; /* one per screen grid */
	size_t in_grid;      /* the grid with the cursor, plus 1; 0: a field */
};

static void
show_record(struct form *fm)
{
	const struct screen *scr = fm->scr;

	for (size_t i = 0; i < scr->nfields; i++) {
		const struct screen_field *f = &scr->fields[i];
		const char *value = screen_field_value(f, fm->rec);
		char *text;

		if (fm->rec->id == 0 && f->dflt != NULL)
			value = f->dflt;
		text = screen_field_show(f, NULL, value);
		edit_set(&fm->eds[i], text);
		free(fm->shown[i]);
		fm->shown[i] = text;
	}
}

static int
changed(const struct form *fm)
{
	int any = 0;

	for (size_t i = 0; i < fm->scr->nfields && !any; i++) {
		char *now = edit_get(&fm->eds[i]);
		any = strcmp(now, fm->shown[i]) != 0;
		free(now);
	}
	for (size_t g = 0; g < fm->scr->ngrids && !any; g++)
		any = grid_changed(fm->grids[g]);
	return any;
}

/* Parses and checks field i into rec; 0, or -1 with the message shown. */
static int
take_field(struct ui *ui, struct form *fm, size_t i, struct record *rec)
{
	const struct screen_field *f = &fm->scr->fields[i];
	char *typed = edit_get(&fm->eds[i]), *value;
	char err[ERR_SIZE];
	int rc = screen_field_take(f, ui->book, typed, &value, err);

	free(typed);
	if (rc < 0) {
		ui_error(ui, "%s: %s", _(f->label), err);
		fm->cur = i;
		fm->in_grid = 0; /* the cursor goes to the field, out of a grid */
		return -1;
	}
	screen_field_store(f, rec, value);
	free(value);
	return 0;
}

static void
after_refusal(struct ui *ui, struct form *fm, int rc, size_t bad, const char *err)
{
	if (rc == REC_INVALID) {
		for (size_t i = 0; i < fm->scr->nfields; i++)
			if (fm->scr->fields[i].record_field == bad) {
				fm->cur = i;
				fm->in_grid = 0; /* to the field, out of a grid */
			}
		ui_error(ui, "%s", err);
	} else if (rc == REC_CONFLICT || rc == REC_GONE)
		ui_error(ui, _("Not saved: %s. What you typed is still here."), err);
	else
		ui_error(ui, _("Not saved: %s"), err);
}

/* ---- line grids: stops of the cursor among the fields ---- */

/* The stops in cursor order: field k, preceded by the grids that come
 * before it (sg->before == k); grids after the last field last. */
static size_t
stop_count(const struct form *fm)
{
	return fm->scr->nfields + fm->scr->ngrids;
}

static size_t
stop_now(const struct form *fm)
{
	size_t stop = 0;

	for (size_t g = 0; g < fm->scr->ngrids; g++)
		if (fm->in_grid ? g < fm->in_grid - 1 : fm->scr->grids[g].before <= fm->cur)
			stop++;
	return (fm->in_grid ? fm->scr->grids[fm->in_grid - 1].before : fm->cur) + stop;
}

/* Puts the cursor on stop s, entering a grid from its end when coming
 * backwards. */
static void
go_stop(struct form *fm, size_t s, int backwards)
{
	size_t field = 0, g = 0;

	for (size_t i = 0; i <= s; i++) {
		if (g < fm->scr->ngrids && fm->scr->grids[g].before <= field) {
			if (i == s) {
				fm->in_grid = g + 1;
				grid_enter(fm->grids[g], backwards);
				return;
			}
			g++;
		} else if (i < s)
			field++;
	}
	fm->in_grid = 0;
	fm->cur = field < fm->scr->nfields ? field : 0;
}

static void
move_stop(struct form *fm, int backwards)
{
	size_t n = stop_count(fm), s = stop_now(fm);

	go_stop(fm, backwards ? (s + n - 1) % n : (s + 1) % n, backwards);
}

/* An action while the cursor is in a grid: 1 when done with it. */
static int
grid_action(struct ui *ui, struct form *fm, int action, wint_t ch)
{
	switch (grid_handle(ui, fm->grids[fm->in_grid - 1], action, ch)) {
	case GRID_DONE:
		return 1;
	case GRID_LEAVE_NEXT:
		move_stop(fm, 0);
		return 1;
	case GRID_LEAVE_PREV:
		move_stop(fm, 1);
		return 1;
	default:
		return 0;
	}
}

static int
grids_commit(struct ui *ui, struct form *fm)
{
	for (size_t g = 0; g < fm->scr->ngrids; g++)
		if (grid_commit(ui, fm->grids[g]) < 0) {
			fm->in_grid = g + 1;
			return -1;
		}
	return 0;
}

/* A save refused for a line of a grid: the cursor goes to it. */
static int
grid_fault(struct form *fm, const struct record_fault *fault)
{
	for (size_t g = 0; g < fm->scr->ngrids; g++)
		if (fault->field != (size_t)-1 && fault->row != RECORD_PARENT &&
		    fm->scr->grids[g].child_index == fault->child) {
			fm->in_grid = g + 1;
			grid_goto(fm->grids[g], fault->row, fault->field);
			return 1;
		}
	return 0;
}

static void
save(struct ui *ui, struct form *fm)
{
	struct record *w;
	struct record_fault fault = { 0, 0, RECORD_PARENT };
	char err[ERR_SIZE];
	int rc;

	if (grids_commit(ui, fm) < 0)
		return;
	w = record_copy(fm->rec);
	for (size_t i = 0; i < fm->scr->nfields; i++)
		if (take_field(ui, fm, i, w) < 0) {
			record_free(w);
			return;
		}
	if ((rc = record_save_ex(ui->book, w, &fault, err)) < 0) {
		if (rc == REC_INVALID && grid_fault(fm, &fault))
			ui_error(ui, "%s", err);
		else
			after_refusal(ui, fm, rc, fault.field, err);
		record_free(w);
		return;
	}
	record_assign(fm->rec, w); /* values, computed ones, rows and user-added fields */
	record_free(w);
	for (size_t g = 0; g < fm->scr->ngrids; g++)
		grid_reload(fm->grids[g]);
	show_record(fm);
	fm->saved = 1;
	ui_status(ui, _("Saved."));
}

static int
form_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct form *fm = v->data;
	const struct screen_field *f = &fm->scr->fields[fm->cur];

	if (fm->in_grid && grid_action(ui, fm, action, ch))
		return 1;
	switch (action) {
	case ACT_NEXT:
	case ACT_ENTER:
		move_stop(fm, 0);
		return 1;
	case ACT_PREV:
		move_stop(fm, 1);
		return 1;
	case ACT_SAVE:
		save(ui, fm);
		return 1;
	case ACT_BACK:
		if (!changed(fm) || dialog_confirm(ui, _("Leave without saving your changes?")))
			v->closed = 1;
		return 1;
	default:
		break;
	}
	if (fm->in_grid)
		return 0;
	switch (edit_handle(&fm->eds[fm->cur], action, ch)) {
	case -1:
		ui_error(ui, _("%s: at most %u characters"), _(f->label), f->max);
		return 1;
	case 1:
		return 1;
	default:
		return 0;
	}
}

static void
form_draw(struct ui *ui, struct view *v)
{
	struct form *fm = v->data;
	const struct screen *scr = fm->scr;
	int w = scr->cols + 4, h = scr->rows + 2;
	int y = 2, x = (COLS - w) / 2 > 0 ? (COLS - w) / 2 : 0;
	char *title = xasprintf("%s - %s", _(scr->title), fm->rec->id ? _("Edit") : _("New"));

	(void)ui;
	ui_box(y, x, h, w, title);
	free(title);
	x += 2;
	y += 1;
	for (size_t i = 0; i < scr->ntexts; i++) {
		const struct screen_text *t = &scr->texts[i];
		ui_put(y + t->row, x + t->col, _(t->text), t->width, 0, A_NORMAL);
	}
	for (size_t i = 0; i < scr->nfields; i++) {
		const struct screen_field *f = &scr->fields[i];
		attr_t a = i == fm->cur && !fm->in_grid ? A_REVERSE : A_UNDERLINE;
		int cx;

		mvaddch(y + f->row, x + f->col - 1, '[');
		cx = edit_draw(&fm->eds[i], y + f->row, x + f->col, f->width, a);
		mvaddch(y + f->row, x + f->col + f->width, ']');
		if (i == fm->cur && !fm->in_grid) {
			v->cursor_y = y + f->row;
			v->cursor_x = cx;
		}
	}
	for (size_t g = 0; g < scr->ngrids; g++)
		grid_draw(fm->grids[g], y, x, fm->in_grid == g + 1, &v->cursor_y, &v->cursor_x);
}

static const struct key_hint form_hint_list[] = {
	{ ACT_HELP, NULL },
	{ ACT_SAVE, NULL },
	{ ACT_NEXT, NULL },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct key_hint *
form_hints(struct ui *ui, struct view *v)
{
	struct form *fm = v->data;

	(void)ui;
	return fm->in_grid ? grid_hints() : form_hint_list;
}

static const struct view_ops form_ops = { form_draw, form_handle, form_hints };

int
form_run(struct ui *ui, struct screen *scr, struct record *rec, int64_t *saved_id)
{
	struct form fm = { .scr = scr, .rec = rec };
	struct view v = { .ops = &form_ops, .data = &fm };

	if (scr->nfields == 0)
		return 0;
	fm.eds = xcalloc(scr->nfields, sizeof *fm.eds);
	fm.shown = xcalloc(scr->nfields, sizeof *fm.shown);
	for (size_t i = 0; i < scr->nfields; i++) {
		fm.eds[i].max = scr->fields[i].max;
		fm.eds[i].upper = (scr->fields[i].type->flags & FT_UPPER) ||
				  (scr->fields[i].flags & SF_UPPER);
	}
	fm.grids = xcalloc(scr->ngrids + 1, sizeof *fm.grids);
	for (size_t g = 0; g < scr->ngrids; g++)
		fm.grids[g] = grid_new(&scr->grids[g], rec, ui->book);
	show_record(&fm);
	v.title = xstrdup(rec->id ? _("Edit") : _("New"));
	go_stop(&fm, 0, 0);
	ui_run_view(ui, &v);
	for (size_t g = 0; g < scr->ngrids; g++)
		grid_free(fm.grids[g]);
	free(fm.grids);
	for (size_t i = 0; i < scr->nfields; i++) {
		edit_free(&fm.eds[i]);
		free(fm.shown[i]);
	}
	free(fm.eds);
	free(fm.shown);
	free(v.title);
	*saved_id = fm.saved ? rec->id : 0;
	return fm.saved;
}
