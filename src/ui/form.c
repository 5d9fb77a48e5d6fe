/* The form of a screen file: its layout in a box, one editor per field,
 * moving between fields, and Save: each field parsed and validated by its
 * type, then the record saved in one transaction. A refused save names the
 * field, puts the cursor on it, writes nothing and keeps what was typed. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/edit.h"
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
			if (fm->scr->fields[i].record_field == bad)
				fm->cur = i;
		ui_error(ui, "%s", err);
	} else if (rc == REC_CONFLICT || rc == REC_GONE)
		ui_error(ui, _("Not saved: %s. What you typed is still here."), err);
	else
		ui_error(ui, _("Not saved: %s"), err);
}

static void
save(struct ui *ui, struct form *fm)
{
	struct record *w = record_copy(fm->rec);
	char err[ERR_SIZE];
	size_t bad = 0;
	int rc;

	for (size_t i = 0; i < fm->scr->nfields; i++)
		if (take_field(ui, fm, i, w) < 0) {
			record_free(w);
			return;
		}
	if ((rc = record_save(ui->book, w, &bad, err)) < 0) {
		after_refusal(ui, fm, rc, bad, err);
		record_free(w);
		return;
	}
	record_assign(fm->rec, w); /* values, computed ones, rows and user-added fields */
	record_free(w);
	show_record(fm);
	fm->saved = 1;
	ui_status(ui, _("Saved."));
}

static int
form_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct form *fm = v->data;
	size_t n = fm->scr->nfields;
	const struct screen_field *f = &fm->scr->fields[fm->cur];

	switch (action) {
	case ACT_NEXT:
	case ACT_ENTER:
		fm->cur = (fm->cur + 1) % n;
		return 1;
	case ACT_PREV:
		fm->cur = (fm->cur + n - 1) % n;
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
		attr_t a = i == fm->cur ? A_REVERSE : A_UNDERLINE;
		int cx;

		mvaddch(y + f->row, x + f->col - 1, '[');
		cx = edit_draw(&fm->eds[i], y + f->row, x + f->col, f->width, a);
		mvaddch(y + f->row, x + f->col + f->width, ']');
		if (i == fm->cur) {
			v->cursor_y = y + f->row;
			v->cursor_x = cx;
		}
	}
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
	(void)ui;
	(void)v;
	return form_hint_list;
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
	show_record(&fm);
	v.title = xstrdup(rec->id ? _("Edit") : _("New"));
	ui_run_view(ui, &v);
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
