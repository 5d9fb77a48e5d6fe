/* A form's drafts (drafts.h): what is typed and not saved, kept in the
 * book so that a dropped link loses nothing: the record as Save would
 * write it, the texts typed and not taken, where the cursor is; written
 * when the cursor moves on and every few seconds of typing, removed when
 * nothing is changed any more; and put back into a form opened on it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/form-impl.h"
#include "util/i18n.h"
#include "util/util.h"

/* Where the cursor is, as one number that changes when it moves on. */
uint64_t
form_cursor_at(const struct form *fm)
{
	size_t row = 0, col = 0, pos;
	char *typed;

	if (fm->in_grid) {
		grid_where(fm->grids[fm->in_grid - 1], &row, &col, &pos, &typed);
		free(typed);
	}
	return ((uint64_t)form_stop_now(fm) << 40) | ((uint64_t)row << 12) | (uint64_t)col;
}

/* The form as a draft: the record as Save would write it, the texts typed
 * and not taken, where the cursor is. */
static void
draft_capture(struct form *fm)
{
	char *title = fm->rec->kind->single
			      ? xstrdup(_(fm->scr->title))
			      : xasprintf("%s - %s", _(fm->scr->title), fm->rec->id ? _("Edit") : _("New"));
	char *typed;
	struct draft *d = fm->draft;
	size_t row, col, pos;

	if (d == NULL)
		d = fm->draft = draft_new(fm->scr->name, title, fm->rec);
	else {
		record_assign(d->image, fm->rec);
		free(d->title);
		d->title = xstrdup(title);
	}
	free(title);
	draft_clear_typed(d);
	for (size_t i = 0; i < fm->scr->nfields; i++) {
		const struct screen_field *f = &fm->scr->fields[i];
		if (!form_editable(f) || (f->type->flags & FT_SECRET))
			continue; /* a password typed is not kept in a draft */
		screen_field_store(f, d->image, fm->vals[i]);
		typed = edit_get(&fm->eds[i]);
		if (strcmp(typed, fm->shown[i]) != 0)
			draft_set_typed(d, f->tag, typed);
		free(typed);
	}
	d->stop = (int)form_stop_now(fm);
	free(d->cell);
	d->cell = NULL;
	if (fm->in_grid) {
		grid_where(fm->grids[fm->in_grid - 1], &row, &col, &pos, &d->cell);
		d->line = (int)row;
		d->col = (int)col;
		d->pos = pos;
	} else {
		d->line = d->col = 0;
		d->pos = fm->eds[fm->cur].pos;
	}
}

void
form_draft_drop(struct ui *ui, struct form *fm)
{
	char err[ERR_SIZE];

	if (fm->draft != NULL && draft_discard(ui->book, fm->draft->id, err) < 0)
		ui_error(ui, _("The draft could not be removed: %s"), err);
	draft_free(fm->draft);
	fm->draft = NULL;
}

/* Keeps the draft up to date: written when the cursor moved on (now), or
 * when the last write is a few seconds old; removed when nothing is
 * changed any more. */
void
form_draft_sync(struct ui *ui, struct form *fm, int now)
{
	char err[ERR_SIZE];

	if (!form_changed(fm)) {
		form_draft_drop(ui, fm);
		return;
	}
	if (!now && fm->draft != NULL && mono_ms() - fm->draft_ms < DRAFT_EVERY_MS)
		return;
	draft_capture(fm);
	if (draft_write(ui->book, fm->draft, err) < 0)
		ui_error(ui, _("What you typed could not be kept as a draft: %s"), err);
	fm->draft_ms = mono_ms();
}

/* Puts a draft's values, texts and cursor into the form just opened. */
void
form_draft_apply(struct ui *ui, struct form *fm, const struct draft *d)
{
	const char *typed;

	for (size_t i = 0; i < fm->scr->nfields; i++) {
		const struct screen_field *f = &fm->scr->fields[i];
		if (!form_editable(f))
			continue;
		form_field_set(ui, fm, i, screen_field_value(f, d->image));
		if ((typed = draft_get_typed(d, f->tag)) != NULL)
			edit_set(&fm->eds[i], typed);
	}
	if (d->stop >= 0 && (size_t)d->stop < form_stop_count(fm)) {
		size_t s = (size_t)d->stop, i;
		if (form_stop_at(fm, s, &i)) {
			form_go_stop(ui, fm, s, 0);
			grid_place(fm->grids[i], (size_t)d->line, (size_t)d->col, d->cell, d->pos);
		} else if (form_editable(&fm->scr->fields[i])) {
			form_go_stop(ui, fm, s, 0);
			fm->eds[i].fresh = 0;
			fm->eds[i].pos = d->pos <= fm->eds[i].len ? d->pos : fm->eds[i].len;
		}
	}
	fm->resumed = 1;
}

