/* The form of a screen file: its layout (one page per layout section) in a
 * box, one editor per field, moving between fields and pages. A field is
 * checked by its type when the cursor leaves it (a refusal keeps the cursor
 * there); Save checks every field, then the record kind's rules, and saves
 * in one transaction. A refused save names the field, puts the cursor on
 * it, writes nothing and keeps what was typed. F4 lists a field's choices
 * or its lookup's records. Line grids (grid.c) are stops of the cursor
 * among the fields, in layout order; Save commits them with the record.
 * What is typed and not saved is kept in the book as a draft (drafts.h):
 * written when the cursor moves on and every few seconds of typing, and
 * once more when the session ends under the form; saving, or leaving
 * without saving, removes it. A form can open on a draft (form_resume). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "book/drafts.h"

#include "ui/edit.h"
#include "ui/form-impl.h"
#include "ui/grid.h"
#include "ui/pick.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"



/* Field i holds value (canonical), shown formatted. */
void
form_field_set(struct ui *ui, struct form *fm, size_t i, const char *value)
{
	free(fm->vals[i]);
	free(fm->shown[i]);
	fm->vals[i] = xstrdup(value);
	fm->shown[i] = screen_field_show(&fm->scr->fields[i], ui->book, value);
	edit_set(&fm->eds[i], fm->shown[i]);
	/* one never typed in shows its start (what is read first: a long
	 * list's first items), not the end an editor's cursor keeps */
	if (!form_editable(&fm->scr->fields[i]))
		fm->eds[i].pos = 0;
}

/* The value of a new record's field: its screen default, typed as the
 * user would type it (a date's "+0" is today), else the record's. */
static char *
initial_value(struct ui *ui, struct form *fm, size_t i)
{
	const struct screen_field *f = &fm->scr->fields[i];
	char err[ERR_SIZE], *v;

	if (fm->rec->id == 0 && f->dflt != NULL &&
	    screen_field_take(f, ui->book, f->dflt, &v, err) == 0)
		return v;
	return xstrdup(screen_field_value(f, fm->rec));
}

static void
show_record(struct ui *ui, struct form *fm)
{
	for (size_t i = 0; i < fm->scr->nfields; i++) {
		char *v = initial_value(ui, fm, i);
		form_field_set(ui, fm, i, v);
		free(fm->orig[i]);
		fm->orig[i] = v;
	}
}

int
form_changed(const struct form *fm)
{
	int any = 0;

	for (size_t i = 0; i < fm->scr->nfields && !any; i++) {
		if (!form_editable(&fm->scr->fields[i]))
			continue; /* computed: follows the others */
		char *now = edit_get(&fm->eds[i]);
		any = strcmp(now, fm->shown[i]) != 0 || strcmp(fm->vals[i], fm->orig[i]) != 0;
		free(now);
	}
	for (size_t g = 0; g < fm->scr->ngrids && !any; g++)
		any = grid_changed(fm->grids[g]);
	return any || fm->resumed;
}

/* The cursor arrives at field i: an empty required field gets its type's
 * offer (today, for a date), which typing replaces; so does a filled one
 * entered by a move (select): the first key typed replaces its text, and
 * a key that moves in it, or Edit, keeps it. */
static void
enter_field(struct ui *ui, struct form *fm, size_t i, int select)
{
	const struct screen_field *f = &fm->scr->fields[i];
	struct ft_params p = screen_field_params(f, ui->book);
	char *typed = edit_get(&fm->eds[i]), *offer, *text;

	fm->cur = i;
	fm->page = f->page;
	if (typed[0] == '\0' && (f->flags & SF_REQUIRED) && f->type->offer != NULL &&
	    (offer = f->type->offer(&p)) != NULL) {
		text = screen_field_show(f, ui->book, offer);
		edit_set(&fm->eds[i], text);
		fm->eds[i].fresh = 1;
		free(text);
		free(offer);
	} else if (select && typed[0] != '\0' && form_editable(f))
		fm->eds[i].fresh = 1;
	free(typed);
}

/* Takes what was typed in field i: parsed and checked by its type, then
 * shown the way the type writes it. 0, or -1 with the message shown and
 * the cursor on the field. */
static int
take_field(struct ui *ui, struct form *fm, size_t i)
{
	const struct screen_field *f = &fm->scr->fields[i];
	char *typed = edit_get(&fm->eds[i]), *value;
	char err[ERR_SIZE];
	int rc = 0;

	if (!form_editable(f) || strcmp(typed, fm->shown[i]) == 0) {
		/* as shown: the kept value stands (a lookup chosen among
		 * namesakes stays the one chosen) */
		if (form_editable(f) && fm->vals[i][0] == '\0' && (f->flags & SF_REQUIRED))
			rc = err_set(err, "%s", _("must not be empty"));
	} else if ((rc = screen_field_take(f, ui->book, typed, &value, err)) == 0) {
		int changed = strcmp(value, fm->vals[i]) != 0;

		form_field_set(ui, fm, i, value);
		free(value);
		if (changed)
			form_fill_from(ui, fm, i);
	}
	free(typed);
	if (rc < 0) {
		ui_error(ui, "%s: %s", _(f->label), err);
		enter_field(ui, fm, i, 0);
	}
	return rc;
}

/* ---- stops of the cursor: the editable fields and the grids ---- */

/* Stop s in cursor order: field k comes after the grids placed before it
 * (before == k), grids after the last field last. 1 with *index a grid's,
 * 0 with a field's. */
int
form_stop_at(const struct form *fm, size_t s, size_t *index)
{
	size_t field = 0, g = 0;

	for (size_t i = 0;; i++) {
		int grid = g < fm->scr->ngrids && fm->scr->grids[g].before <= field;
		if (i == s) {
			*index = grid ? g : field;
			return grid;
		}
		if (grid)
			g++;
		else
			field++;
	}
}

size_t
form_stop_count(const struct form *fm)
{
	return fm->scr->nfields + fm->scr->ngrids;
}

size_t
form_stop_now(const struct form *fm)
{
	size_t stop = 0;

	for (size_t g = 0; g < fm->scr->ngrids; g++)
		if (fm->in_grid ? g < fm->in_grid - 1 : fm->scr->grids[g].before <= fm->cur)
			stop++;
	return (fm->in_grid ? fm->scr->grids[fm->in_grid - 1].before : fm->cur) + stop;
}

/* Whether stop s takes the cursor, and its page. */
static int
stop_usable(const struct form *fm, size_t s, int *page)
{
	size_t i;

	if (form_stop_at(fm, s, &i)) {
		*page = fm->scr->grids[i].page;
		return 1;
	}
	*page = fm->scr->fields[i].page;
	return form_editable(&fm->scr->fields[i]);
}

/* Puts the cursor on stop s; a grid is entered at its end when coming
 * backwards. */
void
form_go_stop(struct ui *ui, struct form *fm, size_t s, int backwards)
{
	size_t i;

	if (form_stop_at(fm, s, &i)) {
		fm->in_grid = i + 1;
		fm->page = fm->scr->grids[i].page;
		grid_enter(fm->grids[i], backwards);
	} else {
		fm->in_grid = 0;
		enter_field(ui, fm, i, 1);
	}
}

/* The next usable stop from s in direction dir (+1, -1), wrapping; s
 * itself when there is no other. */
static size_t
next_stop(const struct form *fm, size_t s, int dir)
{
	size_t n = form_stop_count(fm);
	int page;

	for (size_t k = 1; k <= n; k++) {
		size_t j = dir > 0 ? (s + k) % n : (s + n - k % n) % n;
		if (stop_usable(fm, j, &page))
			return j;
	}
	return s;
}

static size_t
first_stop(const struct form *fm)
{
	int page;

	return stop_usable(fm, 0, &page) ? 0 : next_stop(fm, 0, +1);
}

/* Leaves the current stop (a field is checked first) for stop to. */
static void
move_to(struct ui *ui, struct form *fm, size_t to, int backwards)
{
	if (to == form_stop_now(fm))
		return;
	if (!fm->in_grid && take_field(ui, fm, fm->cur) < 0)
		return;
	form_go_stop(ui, fm, to, backwards);
}

static void
move_page(struct ui *ui, struct form *fm, int dir)
{
	for (int pg = fm->page + dir; pg >= 0 && pg < fm->scr->npages; pg += dir) {
		for (size_t s = 0; s < form_stop_count(fm); s++) {
			int page;
			if (stop_usable(fm, s, &page) && page == pg) {
				move_to(ui, fm, s, 0);
				return;
			}
		}
	}
	ui_status(ui, dir > 0 ? _("This is the last page.") : _("This is the first page."));
}

/* An action while the cursor is in a grid: 1 when done with it. */
static int
grid_action(struct ui *ui, struct form *fm, int action, wint_t ch)
{
	switch (grid_handle(ui, fm->grids[fm->in_grid - 1], action, ch)) {
	case GRID_DONE:
		return 1;
	case GRID_LEAVE_NEXT:
		form_go_stop(ui, fm, next_stop(fm, form_stop_now(fm), +1), 0);
		return 1;
	case GRID_LEAVE_PREV:
		form_go_stop(ui, fm, next_stop(fm, form_stop_now(fm), -1), 1);
		return 1;
	default:
		return 0;
	}
}

static void
grid_focus(struct form *fm, size_t g)
{
	fm->in_grid = g + 1;
	fm->page = fm->scr->grids[g].page;
}

/* The grid the cursor is in takes its cell and drops its blank new line;
 * the others have nothing pending (leaving a grid commits it), and two
 * grids may show the same lines (a document's, over two pages): a line
 * blank in the other's columns is not theirs to drop. */
static int
grids_commit(struct ui *ui, struct form *fm)
{
	size_t g = fm->in_grid - 1;

	if (fm->in_grid && grid_commit(ui, fm->grids[g]) < 0) {
		grid_focus(fm, g);
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
			grid_focus(fm, g);
			grid_goto(fm->grids[g], fault->row, fault->field);
			return 1;
		}
	return 0;
}

static void
after_refusal(struct ui *ui, struct form *fm, int rc, size_t bad, const char *err)
{
	if (rc == REC_INVALID) {
		for (size_t i = 0; i < fm->scr->nfields; i++)
			if (fm->scr->fields[i].record_field == bad) {
				fm->in_grid = 0;
				fm->cur = i;
				fm->page = fm->scr->fields[i].page;
			}
		ui_error(ui, "%s", err);
	} else if (rc == REC_CONFLICT || rc == REC_GONE || book_read_only(ui->book))
		ui_error(ui, _("Not saved: %s. What you typed is still here."), err);
	else
		ui_error(ui, _("Not saved: %s"), err);
}

/* 0 when saved, -1 when refused (the message shown, the cursor on the
 * field at fault). */
static int
save(struct ui *ui, struct form *fm)
{
	struct record *w;
	struct record_fault fault = { 0, 0, RECORD_PARENT };
	char err[ERR_SIZE];
	int rc;

	/* where the cursor is first, so its message is the one shown */
	if (!fm->in_grid && take_field(ui, fm, fm->cur) < 0)
		return -1;
	if (grids_commit(ui, fm) < 0)
		return -1;
	for (size_t i = 0; i < fm->scr->nfields; i++)
		if (take_field(ui, fm, i) < 0) {
			fm->in_grid = 0;
			return -1;
		}
	w = form_record(fm);
	if ((rc = record_save_ex(ui->book, w, &fault, err)) < 0) {
		if (rc == REC_INVALID && grid_fault(fm, &fault))
			ui_error(ui, "%s", err);
		else
			after_refusal(ui, fm, rc, fault.field, err);
		record_free(w);
		return -1;
	}
	record_assign(fm->rec, w); /* values, computed ones, rows and user-added fields */
	record_free(w);
	for (size_t g = 0; g < fm->scr->ngrids; g++)
		grid_reload(fm->grids[g]);
	show_record(ui, fm);
	fm->saved = 1;
	fm->resumed = 0;
	form_check_frozen(fm);
	ui_status(ui, _("Saved."));
	return 0;
}

/* Print: the record as the form holds it now (the field or grid cell
 * being typed in taken first, as Save takes it), each field and grid
 * (print.c). */
static void
print_form(struct ui *ui, struct form *fm)
{
	struct record *w;

	if (fm->in_grid ? grid_commit(ui, fm->grids[fm->in_grid - 1]) < 0
			: take_field(ui, fm, fm->cur) < 0)
		return;
	w = form_record(fm);
	print_record(ui, fm->scr, w);
	record_free(w);
}

/* F4: the field's list; what is chosen fills the field. */
static void
choose(struct ui *ui, struct form *fm)
{
	const struct screen_field *f = &fm->scr->fields[fm->cur];
	char err[ERR_SIZE], *value = NULL, *typed;
	int rc;

	if (!(f->type->flags & FT_LIST) || !form_editable(f)) {
		ui_error(ui, _("%s: no list to choose from"), _(f->label));
		return;
	}
	typed = edit_get(&fm->eds[fm->cur]);
	rc = pick_run(ui, f, strcmp(typed, fm->shown[fm->cur]) == 0 ? "" : typed, &value, err);
	free(typed);
	if (rc < 0)
		ui_error(ui, "%s: %s", _(f->label), err);
	else if (rc > 0) {
		int changed = strcmp(value, fm->vals[fm->cur]) != 0;

		form_field_set(ui, fm, fm->cur, value);
		if (changed)
			form_fill_from(ui, fm, fm->cur);
	}
	free(value);
}

/* Back: with unsaved changes it asks whether to save them first; No
 * leaves them, Cancel stays in the form. */
static void
leave(struct ui *ui, struct form *fm, struct view *v)
{
	if (form_changed(fm)) {
		int answer = dialog_yes_no_cancel(ui, _("Save changes?"));
		if (answer < 0 || (answer > 0 && save(ui, fm) < 0))
			return;
	}
	v->closed = 1;
}

/* ---- what each action does ---- */

static int
act_next(struct ui *ui, struct view *v, struct form *fm)
{
	(void)v;
	move_to(ui, fm, next_stop(fm, form_stop_now(fm), +1), 0);
	return 1;
}

static int
act_prev(struct ui *ui, struct view *v, struct form *fm)
{
	(void)v;
	move_to(ui, fm, next_stop(fm, form_stop_now(fm), -1), 1);
	return 1;
}

static int
act_page_down(struct ui *ui, struct view *v, struct form *fm)
{
	(void)v;
	move_page(ui, fm, +1);
	return 1;
}

static int
act_page_up(struct ui *ui, struct view *v, struct form *fm)
{
	(void)v;
	move_page(ui, fm, -1);
	return 1;
}

static int
act_save(struct ui *ui, struct view *v, struct form *fm)
{
	(void)v;
	(void)save(ui, fm);
	return 1;
}

static int
act_print(struct ui *ui, struct view *v, struct form *fm)
{
	(void)v;
	print_form(ui, fm);
	return 1;
}

static int
act_history(struct ui *ui, struct view *v, struct form *fm)
{
	(void)v;
	history_show(ui, fm->scr, fm->rec->id);
	return 1;
}

static int
act_choose(struct ui *ui, struct view *v, struct form *fm)
{
	(void)v;
	if (fm->in_grid)
		return 0;
	choose(ui, fm);
	return 1;
}

/* The field's help; F1 there shows the keys. */
static int
act_help(struct ui *ui, struct view *v, struct form *fm)
{
	help_field_run(ui,
		       fm->in_grid ? grid_cursor_field(fm->grids[fm->in_grid - 1])
				   : &fm->scr->fields[fm->cur],
		       v->ops->hints(ui, v));
	return 1;
}

static int
act_back(struct ui *ui, struct view *v, struct form *fm)
{
	leave(ui, fm, v);
	return 1;
}

/* Edit: into the field's text, keeping it. */
static int
act_edit(struct ui *ui, struct view *v, struct form *fm)
{
	(void)ui;
	(void)v;
	if (fm->in_grid || !form_editable(&fm->scr->fields[fm->cur]))
		return 0;
	fm->eds[fm->cur].fresh = 0;
	edit_handle(&fm->eds[fm->cur], ACT_END, 0);
	return 1;
}

/* The record as the book has it now (after a command changed it): shown
 * again, lines too. 0, or REC_GONE when it is gone (the form closes), or
 * REC_ERROR, after the message. */
static int
reload(struct ui *ui, struct form *fm)
{
	struct record *r;
	char err[ERR_SIZE];
	int rc;

	if ((rc = record_load(ui->book, fm->rec->kind, fm->rec->id, &r, err)) < 0) {
		ui_error(ui, "%s", err);
		return rc;
	}
	record_assign(fm->rec, r);
	record_free(r);
	for (size_t g = 0; g < fm->scr->ngrids; g++)
		grid_reload(fm->grids[g]);
	show_record(ui, fm);
	fm->resumed = 0;
	form_check_frozen(fm);
	return 0;
}

/* Commands (commands.c): on the record as saved, so unsaved changes are
 * saved first, when the user says so. */
static int
act_commands(struct ui *ui, struct view *v, struct form *fm)
{
	char status[sizeof ui->status];
	int err, rc;

	if (!commands_any(fm->rec->kind)) {
		ui_status(ui, "%s", _("This screen's records have no commands."));
		return 1;
	}
	if (fm->in_grid ? grid_commit(ui, fm->grids[fm->in_grid - 1]) < 0
			: take_field(ui, fm, fm->cur) < 0)
		return 1;
	if (form_changed(fm) || fm->rec->id == 0) {
		if (!dialog_confirm(ui, _("Commands work on the record as saved. Save the changes "
					  "first?"))) {
			ui_status(ui, "%s", _("No command run: the changes are not saved."));
			return 1;
		}
		if (save(ui, fm) < 0)
			return 1;
	}
	if (commands_offer(ui, fm->scr, fm->rec->id)) {
		fm->saved = 1;
		/* the command's message stays on the status line */
		str_copy(status, ui->status, sizeof status);
		err = ui->status_error;
		if ((rc = reload(ui, fm)) < 0) {
			v->closed = 1;
			/* a command that deleted it (a person erased whole) says so */
			if (rc == REC_GONE && err)
				ui_error(ui, "%s", status);
			else if (rc == REC_GONE)
				ui_status(ui, "%s", status);
		} else if (err)
			ui_error(ui, "%s", status);
		else
			ui_status(ui, "%s", status);
	}
	return 1;
}

/* What each action does in a form (after a grid's own, and typing). */
static const struct {
	int action;
	int (*run)(struct ui *ui, struct view *v, struct form *fm);
} form_actions[] = {
	{ ACT_NEXT, act_next },		{ ACT_ENTER, act_next },     { ACT_PREV, act_prev },
	{ ACT_PAGE_DOWN, act_page_down }, { ACT_PAGE_UP, act_page_up }, { ACT_SAVE, act_save },
	{ ACT_PRINT, act_print },	{ ACT_CHOOSE, act_choose },   { ACT_HELP, act_help },
	{ ACT_BACK, act_back },		{ ACT_SEARCH, act_edit },     { ACT_COMMANDS, act_commands },
	{ ACT_HISTORY, act_history },
};

/* An action on a frozen record: 1 when handled here (refused, or out of
 * a grid where Next would add a line). */
static int
frozen_act(struct ui *ui, struct form *fm, int action)
{
	if (!form_frozen_allows(action)) {
		ui_error(ui, "%s", fm->why);
		return 1;
	}
	if (fm->in_grid && (action == ACT_NEXT || action == ACT_ENTER) &&
	    grid_at_end(fm->grids[fm->in_grid - 1])) {
		form_go_stop(ui, fm, next_stop(fm, form_stop_now(fm), +1), 0);
		return 1;
	}
	return 0;
}

static int
form_act(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct form *fm = v->data;
	const struct screen_field *f = &fm->scr->fields[fm->cur];

	if (fm->frozen && frozen_act(ui, fm, action))
		return 1;
	if (fm->in_grid && grid_action(ui, fm, action, ch))
		return 1;
	for (size_t i = 0; i < ARRAY_LEN(form_actions); i++)
		if (form_actions[i].action == action)
			return form_actions[i].run(ui, v, fm);
	if (fm->in_grid || !form_editable(f))
		return 0;
	switch (edit_handle(&fm->eds[fm->cur], action, ch)) {
	case -1:
		beep();
		ui_error(ui, _("%s is full: at most %zu characters."), _(f->label),
			 fm->eds[fm->cur].max);
		return 1;
	case 1:
		return 1;
	default:
		return 0;
	}
}


/* Every action, and then the computed fields and the draft kept up to
 * date. */
static int
form_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct form *fm = v->data;
	uint64_t before = form_cursor_at(fm);
	int rc = form_act(ui, v, action, ch);

	if (!v->closed) {
		form_recompute(ui, fm);
		form_draft_sync(ui, fm, form_cursor_at(fm) != before);
	}
	return rc;
}

static void
draw_field(struct form *fm, struct view *v, size_t i, int y, int x)
{
	const struct screen_field *f = &fm->scr->fields[i];
	int here = i == fm->cur && !fm->in_grid;
	attr_t a = here && form_editable(f) ? A_REVERSE
		   : form_editable(f)		 ? A_UNDERLINE
						 : A_NORMAL;
	int cx;

	mvaddch(y + f->row, x + f->col - 1, '[');
	cx = edit_draw(&fm->eds[i], y + f->row, x + f->col, f->width, a);
	mvaddch(y + f->row, x + f->col + f->width, ']');
	if (here) {
		v->cursor_y = y + f->row;
		v->cursor_x = cx;
	}
}

static char *
form_title(const struct form *fm)
{
	const char *mode = fm->rec->id ? _("Edit") : _("New");

	if (fm->rec->kind->single) /* the company profile: neither new nor edited */
		return fm->scr->npages > 1 ? xasprintf("%s (%d/%d)", _(fm->scr->title),
						       fm->page + 1, fm->scr->npages)
					   : xstrdup(_(fm->scr->title));
	if (fm->frozen)
		mode = fm->caption;
	if (fm->scr->npages > 1)
		return xasprintf("%s - %s (%d/%d)", _(fm->scr->title), mode, fm->page + 1,
				 fm->scr->npages);
	return xasprintf("%s - %s", _(fm->scr->title), mode);
}

static void
form_draw(struct ui *ui, struct view *v)
{
	struct form *fm = v->data;
	const struct screen *scr = fm->scr;
	int w = scr->cols + 4, h = scr->rows + 2;
	int y = 2, x = (COLS - w) / 2 > 0 ? (COLS - w) / 2 : 0;
	char *title = form_title(fm);

	(void)ui;
	ui_box(y, x, h, w, title);
	free(title);
	x += 2;
	y += 1;
	for (size_t i = 0; i < scr->ntexts; i++) {
		const struct screen_text *t = &scr->texts[i];
		if (t->page == fm->page)
			ui_put(y + t->row, x + t->col, _(t->text), t->width, 0, A_NORMAL);
	}
	v->cursor_y = v->cursor_x = -1;
	for (size_t i = 0; i < scr->nfields; i++)
		if (scr->fields[i].page == fm->page)
			draw_field(fm, v, i, y, x);
	for (size_t g = 0; g < scr->ngrids; g++)
		if (scr->grids[g].page == fm->page)
			grid_draw(fm->grids[g], y, x, fm->in_grid == g + 1, &v->cursor_y,
				  &v->cursor_x);
}

static const struct key_hint form_hint_list[] = {
	{ ACT_HELP, NULL },
	{ ACT_SAVE, NULL },
	{ ACT_SEARCH, N_("Edit") },
	{ ACT_CHOOSE, NULL },
	{ ACT_NEXT, NULL },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct key_hint form_pages_hint_list[] = {
	{ ACT_HELP, NULL },
	{ ACT_SAVE, NULL },
	{ ACT_CHOOSE, NULL },
	{ ACT_NEXT, NULL },
	{ ACT_PAGE_DOWN, NULL },
	{ ACT_PAGE_UP, NULL },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

/* A frozen record's key line: nothing that would change it. */
static const struct key_hint form_frozen_hint_list[] = {
	{ ACT_HELP, NULL },	 { ACT_PRINT, NULL },	{ ACT_NEXT, NULL },
	{ ACT_PAGE_DOWN, NULL }, { ACT_PAGE_UP, NULL }, { ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct key_hint *
form_hints(struct ui *ui, struct view *v)
{
	struct form *fm = v->data;

	(void)ui;
	if (fm->frozen)
		return commands_hints(form_frozen_hint_list, fm->rec->kind, fm->hints,
				      ARRAY_LEN(fm->hints));
	if (fm->in_grid)
		return grid_hints();
	return commands_hints(fm->scr->npages > 1 ? form_pages_hint_list : form_hint_list,
			      fm->rec->kind, fm->hints, ARRAY_LEN(fm->hints));
}

static const struct view_ops form_ops = { form_draw, form_handle, form_hints };

static void
form_free(struct form *fm)
{
	for (size_t i = 0; i < fm->scr->nfields; i++) {
		edit_free(&fm->eds[i]);
		free(fm->vals[i]);
		free(fm->shown[i]);
		free(fm->orig[i]);
	}
	for (size_t g = 0; g < fm->scr->ngrids; g++)
		grid_free(fm->grids[g]);
	free(fm->grids);
	free(fm->eds);
	free(fm->vals);
	free(fm->shown);
	free(fm->orig);
}

/* Runs the form on rec, opened on draft d when not NULL (taken over). */
static int
run(struct ui *ui, struct screen *scr, struct record *rec, struct draft *d, int64_t *saved_id)
{
	struct form fm = { .scr = scr, .rec = rec };
	struct view v = { .ops = &form_ops, .data = &fm, .commands_of = rec->kind };
	size_t n = scr->nfields;

	*saved_id = 0;
	if (n == 0) {
		draft_free(d);
		return 0;
	}
	fm.eds = xcalloc(n, sizeof *fm.eds);
	fm.vals = xcalloc(n, sizeof *fm.vals);
	fm.shown = xcalloc(n, sizeof *fm.shown);
	fm.orig = xcalloc(n, sizeof *fm.orig);
	for (size_t i = 0; i < n; i++) {
		/* at most max characters, or as many as its place shows */
		fm.eds[i].max = scr->fields[i].max > 0 ? scr->fields[i].max
						       : (size_t)scr->fields[i].width;
		fm.eds[i].upper = (scr->fields[i].type->flags & FT_UPPER) ||
				  (scr->fields[i].flags & SF_UPPER);
		fm.eds[i].secret = (scr->fields[i].type->flags & FT_SECRET) != 0;
	}
	if (d != NULL) {
		/* the lines as the draft has them, over the version it was typed on */
		rec->version = d->image->version;
		for (size_t c = 0; c < rec->kind->nchildren && d->image->rows != NULL; c++) {
			while (rec->rows[c].n > 0)
				record_rows_remove(&rec->rows[c], rec->rows[c].n - 1);
			for (size_t i = 0; i < d->image->rows[c].n; i++)
				record_rows_insert(&rec->rows[c], i,
						   record_copy(d->image->rows[c].row[i]));
		}
	}
	fm.grids = xcalloc(scr->ngrids + 1, sizeof *fm.grids);
	for (size_t g = 0; g < scr->ngrids; g++)
		fm.grids[g] = grid_new(&scr->grids[g], rec, ui->book);
	show_record(ui, &fm);
	form_check_frozen(&fm);
	form_go_stop(ui, &fm, first_stop(&fm), 0);
	if (d != NULL) {
		form_draft_apply(ui, &fm, d);
		fm.draft = d;
		fm.draft_ms = mono_ms();
	}
	form_recompute(ui, &fm); /* a new record's totals, a draft's */
	v.title = xstrdup(rec->kind->single ? _(scr->title) : rec->id ? _("Edit") : _("New"));
	if (d != NULL && !rec->kind->single) { /* opened at login, not from its list */
		free(v.title);
		v.title = xasprintf("%s > %s", _(scr->title), rec->id ? _("Edit") : _("New"));
	}
	ui_run_view(ui, &v);
	if (!v.closed && (ui->quit || ui->input_failed))
		form_draft_sync(ui, &fm, 1); /* the session ends under the form: keep it */
	else
		form_draft_drop(ui, &fm);
	draft_free(fm.draft);
	form_free(&fm);
	free(v.title);
	*saved_id = fm.saved ? rec->id : 0;
	return fm.saved;
}

int
form_run(struct ui *ui, struct screen *scr, struct record *rec, int64_t *saved_id)
{
	return run(ui, scr, rec, NULL, saved_id);
}

void
form_open(struct ui *ui, struct screen *scr, int64_t id)
{
	struct record *rec = NULL;
	char err[ERR_SIZE];
	int64_t saved;

	if (record_load(ui->book, scr->kind, id, &rec, err) < 0) {
		ui_error(ui, "%s", err);
		return;
	}
	form_run(ui, scr, rec, &saved);
	record_free(rec);
}

int
form_resume(struct ui *ui, struct screen *scr, struct draft *d)
{
	struct record *rec;
	char err[ERR_SIZE];
	int64_t saved;
	int rc;

	if (d->image->kind != scr->kind) {
		ui_error(ui, _("The draft is of another kind of record than screen %s shows."),
			 scr->name);
		draft_free(d);
		return 0;
	}
	if (d->image->id == 0)
		rec = record_new(scr->kind);
	else if ((rc = record_load(ui->book, scr->kind, d->image->id, &rec, err)) == REC_GONE)
		rec = record_copy(d->image); /* Save will say it was deleted */
	else if (rc < 0) {
		ui_error(ui, "%s", err);
		draft_free(d);
		return 0;
	}
	rc = run(ui, scr, rec, d, &saved);
	record_free(rec);
	return rc;
}
