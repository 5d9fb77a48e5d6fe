/* The chooser of books: an account that has more than its own (books
 * shared with it, `scrivano user share`) picks the one the session works
 * on, before the main menu. One line a book, numbered as the main menu's
 * items: whose it is and whether it is read-only; Enter (or its number)
 * opens it, Back ends the session. A book that does not open says why on
 * the status line and the choice stays. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

struct chooser {
	const struct book_choice *books;
	size_t n, cur;
	const char *user; /* whose own book the first is */
	struct book *opened;
};

/* "anna", "studio (your own)" */
static char *
whose(const struct chooser *c, size_t i)
{
	if (c->books[i].owner == NULL)
		return xasprintf(_("%s (your own)"), c->user);
	return xstrdup(c->books[i].owner);
}

static const char *
access_word(const struct book_choice *b)
{
	return b->read_only ? _("read-only") : _("read-write");
}

static void
chooser_draw(struct ui *ui, struct view *v)
{
	struct chooser *c = v->data;
	int name_w = ui_width(_("Book of")), acc_w = ui_width(_("Access")), w, h, y, x;

	(void)ui;
	for (size_t i = 0; i < c->n; i++) {
		char *name = whose(c, i);
		if (ui_width(name) > name_w)
			name_w = ui_width(name);
		if (ui_width(access_word(&c->books[i])) > acc_w)
			acc_w = ui_width(access_word(&c->books[i]));
		free(name);
	}
	w = name_w + acc_w + 14;
	if (ui_width(_("Choose a book")) + 8 > w)
		w = ui_width(_("Choose a book")) + 8;
	if (w > COLS)
		w = COLS;
	h = (int)c->n + 5;
	if (h > LINES - 3)
		h = LINES - 3;
	y = (LINES - h) / 2 > 2 ? (LINES - h) / 2 : 2;
	x = (COLS - w) / 2 > 0 ? (COLS - w) / 2 : 0;
	ui_box(y, x, h, w, _("Choose a book"));
	ui_put(y + 1, x + 7, _("Book of"), name_w, 1, A_BOLD);
	ui_put(y + 1, x + 9 + name_w, _("Access"), acc_w, 1, A_BOLD);
	for (size_t i = 0; i < c->n && (int)i < h - 5; i++) {
		attr_t a = i == c->cur ? A_REVERSE : A_NORMAL;
		char *name = whose(c, i), *line;
		line = xasprintf(" %zu", i + 1);
		ui_put(y + 3 + (int)i, x + 2, line, 5, 1, a);
		ui_put(y + 3 + (int)i, x + 7, name, name_w + 2, 1, a);
		ui_put(y + 3 + (int)i, x + 9 + name_w, access_word(&c->books[i]), w - 11 - name_w, 1,
		       a);
		free(line);
		free(name);
	}
}

/* Opens the highlighted book: the own one as a session always does, a
 * shared one as its share says, never created. */
static void
chooser_open(struct ui *ui, struct view *v)
{
	struct chooser *c = v->data;
	const struct book_choice *b = &c->books[c->cur];
	char err[ERR_SIZE];
	int rc;

	if (b->owner == NULL)
		rc = book_open(b->path, &c->opened, err);
	else
		rc = book_open_as(b->path, BOOK_OPEN_EXISTING | (b->read_only ? BOOK_OPEN_READ_ONLY : 0),
				  &c->opened, err);
	if (rc < 0) {
		c->opened = NULL;
		ui_error(ui, "%s", err);
		return;
	}
	v->closed = 1;
}

static int
chooser_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct chooser *c = v->data;

	if (ui_menu_move(&c->cur, c->n, action))
		return 1;
	switch (action) {
	case ACT_ENTER:
		chooser_open(ui, v);
		return 1;
	case ACT_BACK:
		if (dialog_confirm(ui, _("End the session?")))
			ui->quit = 1;
		return 1;
	case ACT_NONE:
		if (ch >= '1' && ch <= '9' && (size_t)(ch - '0') <= c->n) {
			c->cur = (size_t)(ch - '1');
			chooser_open(ui, v);
		}
		return 1;
	default:
		return 0;
	}
}

static const struct key_hint chooser_hints[] = {
	{ ACT_HELP, NULL },
	{ ACT_ENTER, NULL },
	{ ACT_BACK, N_("Quit") },
	{ ACT_NONE, NULL },
};

static const struct view_ops chooser_ops = { chooser_draw, chooser_handle, NULL };

struct book *
books_choose(struct ui *ui, const struct book_choice *books, size_t n, const char *user,
	     size_t *chosen)
{
	struct chooser c = { books, n, 0, user, NULL };
	struct view v = { .ops = &chooser_ops, .data = &c, .title = xstrdup(_("Choose a book")),
			  .key_hints = chooser_hints };

	ui_run_view(ui, &v);
	free(v.title);
	*chosen = c.cur;
	return c.opened;
}
