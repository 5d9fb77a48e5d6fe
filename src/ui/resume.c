/* At login: the drafts (book/drafts.h) that this user's sessions left
 * unsaved when they ended under a form (a killed client, a dropped link, a
 * server restart, the idle timeout), newest first, each offered in a box:
 * resume it (the form opens on it, the cursor where it was), discard it,
 * or leave it for a later login. A draft is claimed for this session
 * first, so that two logins at once never both take it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "book/drafts.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

static const struct key_hint resume_answers[] = {
	{ ACT_SAVE, N_("Resume") },
	{ ACT_DELETE, N_("Discard") },
	{ ACT_BACK, N_("Later") },
	{ ACT_NONE, NULL },
};

/* A screen no longer shipped cannot show it: discard or keep. */
static const struct key_hint orphan_answers[] = {
	{ ACT_DELETE, N_("Discard") },
	{ ACT_BACK, N_("Later") },
	{ ACT_NONE, NULL },
};

/* "from 10:42" today, else "from 02/12/2026 10:42" (strftime formats). */
static void
when(int64_t t, char *out, size_t size)
{
	time_t at = (time_t)t, now = time(NULL);
	struct tm a, n;

	localtime_r(&at, &a);
	localtime_r(&now, &n);
	if (a.tm_year == n.tm_year && a.tm_yday == n.tm_yday)
		/* xgettext:no-c-format */
		strftime(out, size, _("from %H:%M"), &a);
	else
		/* xgettext:no-c-format */
		strftime(out, size, _("from %d/%m/%Y %H:%M"), &a);
}

/* 'Unsaved Suppliers - New "Cartiera Alpina S.r.l." from 10:42.' */
static char *
question(const struct draft *d, const struct screen *scr)
{
	const struct record *r = d->image;
	const char *key = record_get(r, r->kind->key_field);
	char at[64], *named, *q;

	when(d->saved_at, at, sizeof at);
	named = key[0] != '\0' ? xasprintf("%s \"%s\"", d->title, key) : xstrdup(d->title);
	if (scr != NULL)
		q = xasprintf(_("Unsaved %s %s."), named, at);
	else
		q = xasprintf(_("Unsaved %s %s: screen %s is no longer here, so it cannot be "
				"opened."),
			      named, at, d->screen);
	free(named);
	return q;
}

/* Takes d for this session; 1 when it is ours now. */
static int
claim(struct ui *ui, struct draft *d)
{
	char err[ERR_SIZE];
	int rc = draft_claim(ui->book, d, err);

	if (rc < 0)
		ui_error(ui, "%s", err);
	else if (rc == 0)
		ui_status(ui, _("Another session has taken that draft."));
	return rc > 0;
}

void
drafts_offer(struct ui *ui)
{
	struct draft **list;
	char err[ERR_SIZE];
	size_t n;

	if (draft_orphans(ui->book, &list, &n, err) < 0) {
		ui_error(ui, _("The unsaved drafts could not be read: %s"), err);
		return;
	}
	for (size_t i = 0; i < n && !ui->quit && !ui->input_failed; i++) {
		struct draft *d = list[i];
		struct screen *scr = ui_find_screen(ui, d->screen);
		char *q = question(d, scr);
		int a = dialog_keys(ui, q, scr != NULL ? resume_answers : orphan_answers);

		free(q);
		if (a == ACT_SAVE && claim(ui, d)) {
			list[i] = NULL;
			form_resume(ui, scr, d);
		} else if (a == ACT_DELETE && claim(ui, d)) {
			if (draft_discard(ui->book, d->id, err) < 0)
				ui_error(ui, "%s", err);
			else
				ui_status(ui, _("Draft discarded."));
		}
	}
	draft_list_free(list, n);
}
