/* What form.c and form-drafts.c share: the form being edited, its
 * fields' values and the stops of its cursor. */
#ifndef SCRIVANO_FORM_IMPL_H
#define SCRIVANO_FORM_IMPL_H

#include <stdint.h>

#include "book/drafts.h"
#include "ui/edit.h"
#include "ui/grid.h"
#include "ui/ui.h"

struct form {
	struct screen *scr;
	struct record *rec; /* as loaded or last saved */
	struct edit *eds;   /* one per screen field */
	char **vals;        /* each field's canonical value now */
	char **shown;       /* vals as shown: the editor differs once typed in */
	char **orig;        /* each field's value when loaded or last saved */
	size_t cur;
	int page;
	int saved;
	struct grid **grids; /* one per screen grid */
	size_t in_grid;      /* the grid with the cursor, plus 1; 0: a field */
	struct draft *draft; /* as last written to the book, or NULL */
	int64_t draft_ms;    /* when (monotonic milliseconds) */
	int resumed;         /* opened on a draft not saved since: it is a change */
	struct key_hint hints[COMMANDS_HINTS_MAX]; /* the key line, with Commands */
	int frozen;          /* the kind keeps the record as it is (kind->frozen) */
	char caption[ERR_SIZE], why[ERR_SIZE]; /* its title's words, and why */
};

/* A draft is written at most this often while typing in one place. */
#define DRAFT_EVERY_MS 2000

static inline int
form_editable(const struct screen_field *f)
{
	return !(f->flags & SF_READONLY);
}

/* form.c: field i holds value (canonical), shown formatted; whether
 * anything was typed or changed since loaded or saved; the cursor's stops
 * (the editable fields and the grids, in layout order): stop s as a grid
 * (1, *index the grid's) or a field (0), their number, the one the cursor
 * is on, and putting the cursor on one. */
void form_field_set(struct ui *ui, struct form *fm, size_t i, const char *value);
int form_changed(const struct form *fm);
int form_stop_at(const struct form *fm, size_t s, size_t *index);
size_t form_stop_count(const struct form *fm);
size_t form_stop_now(const struct form *fm);
void form_go_stop(struct ui *ui, struct form *fm, size_t s, int backwards);

/* form-drafts.c: where the cursor is, as one number that changes when it
 * moves on; the draft removed from the book; kept up to date (written at
 * once when now, else every few seconds of typing; removed when nothing is
 * changed); a draft's values, texts and cursor put into the form. */
uint64_t form_cursor_at(const struct form *fm);
void form_draft_drop(struct ui *ui, struct form *fm);
void form_draft_sync(struct ui *ui, struct form *fm, int now);
void form_draft_apply(struct ui *ui, struct form *fm, const struct draft *d);

/* form-kind.c: the record as the form holds it now (fm->rec with the
 * editable fields' values; newly allocated); whether the kind keeps it as
 * it is (fm->frozen, its caption and why); field i's new value filled from
 * (kind->fill); whether a frozen record's form still takes action; the
 * computed fields and rows as the record now is (kind->compute). */
struct record *form_record(const struct form *fm);
void form_check_frozen(struct form *fm);
void form_fill_from(struct ui *ui, struct form *fm, size_t i);
int form_frozen_allows(int action);
void form_recompute(struct ui *ui, struct form *fm);

#endif
