/* A record's history (the History key, book/history.h): who changed it,
 * when, which fields, from what to what, oldest first, on pages shown as
 * a print's preview (scroll, print or save as text). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/history.h"
#include "ui/pages.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

static const char *
op_words(const struct history_entry *e)
{
	if (strcmp(e->op, "insert") == 0)
		return e->child ? _("row added") : _("created");
	if (strcmp(e->op, "change") == 0)
		return e->child ? _("row changed") : _("changed");
	if (strcmp(e->op, "delete") == 0)
		return e->child ? _("row deleted") : _("deleted");
	if (strcmp(e->op, "erase") == 0)
		return _("personal data erased");
	return _("as it was when its history began");
}

static void
entry_doc(struct doc *d, const struct history_entry *e)
{
	char when[24];
	char *head;

	str_copy(when, e->time, sizeof when > 20 ? 20 : sizeof when);
	if (when[10] == 'T')
		when[10] = ' ';
	if (e->child)
		head = xasprintf(_("%" PRId64 ". %s UTC, %s: %s %s, %s (session %s)"), e->seq, when,
				 e->account, e->child_label ? e->child_label : e->kind, e->rid,
				 op_words(e), e->session);
	else
		head = xasprintf(_("%" PRId64 ". %s UTC, %s: %s (session %s)"), e->seq, when,
				 e->account, op_words(e), e->session);
	doc_text(d, head);
	free(head);
	if (e->nchange == 0)
		return;
	doc_table(d);
	doc_heading(d, _("  Field                  Before                    After"));
	doc_column(d, 2, 22, 0);
	doc_column(d, 25, 25, 0);
	doc_column(d, 51, 25, 0);
	for (size_t i = 0; i < e->nchange; i++) {
		const struct history_change *c = &e->change[i];
		const char *cells[3] = { c->label != NULL ? _(c->label) : c->field, c->before,
					 c->after };
		doc_row(d, cells);
	}
}

void
history_show(struct ui *ui, const struct screen *scr, int64_t id)
{
	struct history_entry *e;
	struct doc *d;
	char err[ERR_SIZE], *title;
	size_t n;

	if (id == 0) {
		ui_status(ui, "%s", _("Not saved yet: it has no history."));
		return;
	}
	if (history_of(ui->book, scr->kind, id, &e, &n, err) < 0) {
		ui_error(ui, _("No history: %s"), err);
		return;
	}
	title = xasprintf(_("History of %s %" PRId64), _(scr->title), id);
	d = doc_new(title);
	if (n == 0)
		doc_text(d, _("No entry: it was written before the book kept a history, or "
			      "outside scrivano."));
	for (size_t i = 0; i < n; i++)
		entry_doc(d, &e[i]);
	print_doc(ui, d, "history");
	doc_free(d);
	free(title);
	history_entries_free(e, n);
}
