/* The print preview: one printed page at a time in a box, "Page N of M" in
 * its title (PgDn and PgUp turn the pages, Down and Up scroll a page taller
 * than the box), and under it the choice: Print sends, Save keeps a text
 * file, Back cancels. Nothing reaches the printer before the user says. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/preview.h"
#include "util/i18n.h"
#include "util/util.h"

struct preview {
	const struct pages *pages;
	char ***lines;  /* each page's lines */
	size_t *nlines;
	size_t page, top;
	int rows;       /* lines the box shows, from the last paint */
	enum preview_choice choice;
};

static void
split_lines(const char *text, char ***lines, size_t *n)
{
	*lines = NULL;
	*n = 0;
	for (const char *p = text; *p != '\0';) {
		size_t len = strcspn(p, "\n");
		*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
		(*lines)[(*n)++] = xstrndup(p, len);
		p += len + (p[len] == '\n');
	}
}

/* "KEY Label" at x on row y; returns the column after it. */
static int
put_choice(struct ui *ui, int y, int x, int action, const char *label, int end)
{
	const char *key = keymap_label(ui->keys, action);

	if (key == NULL || x >= end)
		return x;
	ui_put(y, x, key, end - x, 0, A_REVERSE);
	x += ui_width(key) + 1;
	ui_put(y, x, label, end - x, 0, A_NORMAL);
	return x + ui_width(label) + 3;
}

static void
preview_draw(struct ui *ui, struct view *v)
{
	struct preview *pv = v->data;
	int y = 1, h = LINES - 3, w = COLS, x;
	size_t n = pv->nlines[pv->page];
	char *page = xasprintf(_("Page %zu of %zu"), pv->page + 1, pv->pages->n);
	char *title = xasprintf("%s - %s", _("Print preview"), page);

	ui_box(y, 0, h, w, title);
	free(title);
	free(page);
	pv->rows = h - 3 > 1 ? h - 3 : 1;
	if (pv->top + (size_t)pv->rows > n)
		pv->top = n > (size_t)pv->rows ? n - (size_t)pv->rows : 0;
	for (int i = 0; i < pv->rows && pv->top + (size_t)i < n; i++)
		ui_put(y + 1 + i, 2, pv->lines[pv->page][pv->top + (size_t)i], w - 4, 0, A_NORMAL);
	if (n > (size_t)pv->rows) {
		char *where = xasprintf(" %zu-%zu/%zu ", pv->top + 1,
					pv->top + (size_t)pv->rows < n ? pv->top + (size_t)pv->rows
								       : n,
					n);
		ui_put(y + h - 1, w - 2 - ui_width(where), where, ui_width(where), 0, A_NORMAL);
		free(where);
	}
	x = put_choice(ui, y + h - 2, 2, ACT_PRINT, _("Send to the terminal printer"), w - 2);
	x = put_choice(ui, y + h - 2, x, ACT_SAVE, _("Save as text file"), w - 2);
	put_choice(ui, y + h - 2, x, ACT_BACK, _("Cancel"), w - 2);
}

static void
turn(struct ui *ui, struct preview *pv, int dir)
{
	if (dir > 0 && pv->page + 1 < pv->pages->n)
		pv->page++;
	else if (dir < 0 && pv->page > 0)
		pv->page--;
	else {
		ui_status(ui, dir > 0 ? _("This is the last page.") : _("This is the first page."));
		return;
	}
	pv->top = 0;
}

static void
choose(struct view *v, struct preview *pv, enum preview_choice c)
{
	pv->choice = c;
	v->closed = 1;
}

static int
preview_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct preview *pv = v->data;

	(void)ch;
	switch (action) {
	case ACT_PAGE_DOWN:
		turn(ui, pv, +1);
		break;
	case ACT_PAGE_UP:
		turn(ui, pv, -1);
		break;
	case ACT_DOWN:
	case ACT_NEXT:
		if (pv->top + (size_t)pv->rows < pv->nlines[pv->page])
			pv->top++;
		break;
	case ACT_UP:
	case ACT_PREV:
		pv->top = pv->top > 0 ? pv->top - 1 : 0;
		break;
	case ACT_HOME:
		pv->page = pv->top = 0;
		break;
	case ACT_END:
		pv->page = pv->pages->n - 1;
		pv->top = 0;
		break;
	case ACT_PRINT:
		choose(v, pv, PREVIEW_SEND);
		break;
	case ACT_SAVE:
		choose(v, pv, PREVIEW_SAVE);
		break;
	case ACT_BACK:
		choose(v, pv, PREVIEW_CANCEL);
		break;
	case ACT_HELP:
		return 0;
	default:
		break;
	}
	return 1;
}

static const struct key_hint preview_hint_list[] = {
	{ ACT_PRINT, N_("Send") },  { ACT_SAVE, N_("Save as text") }, { ACT_PAGE_DOWN, NULL },
	{ ACT_PAGE_UP, NULL },      { ACT_HELP, NULL },               { ACT_BACK, N_("Cancel") },
	{ ACT_NONE, NULL },
};

static const struct view_ops preview_ops = { preview_draw, preview_handle, NULL };

enum preview_choice
preview_run(struct ui *ui, const struct pages *p)
{
	struct preview pv = { .pages = p, .choice = PREVIEW_CANCEL, .rows = 1 };
	struct view v = { .ops = &preview_ops, .data = &pv, .title = xstrdup(_("Print preview")),
			  .key_hints = preview_hint_list };

	if (p->n == 0)
		return PREVIEW_CANCEL;
	pv.lines = xcalloc(p->n, sizeof *pv.lines);
	pv.nlines = xcalloc(p->n, sizeof *pv.nlines);
	for (size_t i = 0; i < p->n; i++)
		split_lines(p->page[i], &pv.lines[i], &pv.nlines[i]);
	ui_run_view(ui, &v);
	for (size_t i = 0; i < p->n; i++) {
		for (size_t k = 0; k < pv.nlines[i]; k++)
			free(pv.lines[i][k]);
		free(pv.lines[i]);
	}
	free(pv.lines);
	free(pv.nlines);
	free(v.title);
	return pv.choice;
}
