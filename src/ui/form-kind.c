/* What a record's kind does in its form (record.h's hooks): the values
 * it fills when a field takes a new one (fill), the computed fields and
 * child rows that follow what is typed (compute), a record it keeps as it
 * is shown read only (frozen). form.c calls these; form-impl.h declares
 * them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/form-impl.h"
#include "ui/grid.h"
#include "util/i18n.h"
#include "util/util.h"

/* The record as the form holds it now: fm->rec with the editable fields'
 * values (newly allocated). */
struct record *
form_record(const struct form *fm)
{
	struct record *w = record_copy(fm->rec);

	for (size_t i = 0; i < fm->scr->nfields; i++)
		if (form_editable(&fm->scr->fields[i]))
			screen_field_store(&fm->scr->fields[i], w, fm->vals[i]);
	return w;
}

/* Whether the kind keeps the record as it is (an issued document), with
 * the words of the title and why. */
void
form_check_frozen(struct form *fm)
{
	const struct record_kind *k = fm->rec->kind;

	fm->caption[0] = fm->why[0] = '\0';
	fm->frozen = fm->rec->id != 0 && k->frozen != NULL &&
		     k->frozen(fm->rec, fm->caption, fm->why) != 0;
}

/* Field i took a new value: what the kind fills from it (a customer's
 * codes and terms) comes into the other fields, shown or not. */
void
form_fill_from(struct ui *ui, struct form *fm, size_t i)
{
	const struct screen_field *f = &fm->scr->fields[i];
	struct record *w;
	char err[ERR_SIZE] = "";
	int typed[512] = { 0 };

	if (fm->rec->kind->fill == NULL || f->custom != NULL)
		return;
	w = form_record(fm);
	if (fm->rec->kind->fill(ui->book, w, RECORD_PARENT, 0, f->record_field, err) < 0)
		ui_error(ui, "%s: %s", _(f->label), err);
	for (size_t k = 0; k < fm->scr->nfields; k++) {
		const struct screen_field *o = &fm->scr->fields[k];
		const char *now = screen_field_value(o, w);

		if (o->custom == NULL && form_editable(o) && o->record_field < ARRAY_LEN(typed))
			typed[o->record_field] = 1;
		if (k != i && strcmp(now, fm->vals[k]) != 0)
			form_field_set(ui, fm, k, now);
	}
	/* what the user does not type here (not shown, or read only) is the
	 * record's, which a read-only field shows and Save keeps */
	for (size_t k = 0; k < fm->rec->kind->nfields; k++)
		if (k >= ARRAY_LEN(typed) || !typed[k])
			record_set(fm->rec, k, record_get(w, k));
	record_free(w);
}

/* What a frozen record's form still does: move about, help, print,
 * commands, leave. */
int
form_frozen_allows(int action)
{
	static const int moves[] = { ACT_NEXT,	ACT_PREV,  ACT_ENTER,	  ACT_PAGE_UP, ACT_PAGE_DOWN,
				     ACT_HELP,	ACT_BACK,  ACT_PRINT,	  ACT_COMMANDS, ACT_UP, ACT_HISTORY,
				     ACT_DOWN,	ACT_LEFT,  ACT_RIGHT,	  ACT_HOME,    ACT_END,
				     ACT_LEAVE_GRID };

	for (size_t i = 0; i < ARRAY_LEN(moves); i++)
		if (moves[i] == action)
			return 1;
	return 0;
}

/* Whether a grid of the screen over child c lets the user type in row
 * field f (a document's lines may be shown by two grids, a page each). */
static int
grid_types(const struct screen *scr, size_t c, size_t f)
{
	for (size_t g = 0; g < scr->ngrids; g++)
		for (size_t k = 0; scr->grids[g].child_index == c && k < scr->grids[g].nfields; k++)
			if (scr->grids[g].fields[k].record_field == f &&
			    !(scr->grids[g].fields[k].flags & SF_READONLY))
				return 1;
	return 0;
}

/* Child c's rows as the kind computed them (in w): a grid the user types
 * in keeps its lines and takes, line by line, the values it does not let
 * the user type (a document line's total and number); rows no grid edits
 * (a VAT summary) are taken whole. */
static void
rows_follow(struct form *fm, size_t c, struct record *w)
{
	const struct record_kind *rk = fm->rec->kind->children[c].kind;
	struct record_rows *mine = &fm->rec->rows[c], *now = &w->rows[c], t;
	int typed = 0;

	for (size_t f = 0; f < rk->nfields && !typed; f++)
		typed = grid_types(fm->scr, c, f);
	if (!typed) {
		t = *mine;
		*mine = *now;
		*now = t;
		for (size_t g = 0; g < fm->scr->ngrids; g++)
			if (fm->scr->grids[g].child_index == c)
				grid_reload(fm->grids[g]);
		return;
	}
	if (mine->n != now->n)
		return; /* lines added or removed meanwhile: they follow at the next action */
	for (size_t i = 0; i < mine->n; i++)
		for (size_t f = 0; f < rk->nfields; f++)
			if (!grid_types(fm->scr, c, f) &&
			    strcmp(record_get(mine->row[i], f), record_get(now->row[i], f)) != 0)
				record_set(mine->row[i], f, record_get(now->row[i], f));
}

/* The computed fields as the record now is in memory (its kind's compute:
 * an F24's totals, a document's), the values and lines typed so far
 * included; and the child rows the kind computes. */
void
form_recompute(struct ui *ui, struct form *fm)
{
	struct record *w;

	if (fm->rec->kind->compute == NULL)
		return;
	w = form_record(fm);
	fm->rec->kind->compute(w);
	for (size_t i = 0; i < fm->scr->nfields; i++) {
		const struct screen_field *f = &fm->scr->fields[i];
		const char *now = screen_field_value(f, w);
		if (!form_editable(f) && strcmp(now, fm->vals[i]) != 0)
			form_field_set(ui, fm, i, now);
	}
	for (size_t c = 0; c < fm->rec->kind->nchildren && w->rows != NULL; c++)
		rows_follow(fm, c, w);
	record_free(w);
}

