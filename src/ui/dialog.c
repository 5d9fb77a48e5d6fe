/* Dialogs in a box over the screen: a yes/no question (or yes/no/cancel),
 * and a one-line prompt. Each runs as a view of its own until answered. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "ui/edit.h"
#include "ui/pages.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

struct dialog {
	const char *question;
	int answer;
	int cancel;        /* a confirm that may be cancelled (-1) */
	struct edit *edit; /* for a prompt */
};

#define DIALOG_MAX_LINES 8

/* The box, centred, wide enough for the question (wrapped when it is
 * wider than the screen); returns its origin, *y moved down by the
 * question's lines less one (the answer goes at *y + 3). */
static void
dialog_box(const char *question, int *y, int *x, int *w)
{
	char **line;
	size_t all, n;
	int h;

	*w = ui_width(question) + 6;
	if (*w < 40)
		*w = 40;
	if (*w > COLS)
		*w = COLS;
	all = text_wrap(question, *w - 6 > 0 ? *w - 6 : 1, &line);
	n = all < DIALOG_MAX_LINES ? all : DIALOG_MAX_LINES;
	h = (int)n + 4;
	*y = (LINES - h) / 2;
	*x = (COLS - *w) / 2;
	ui_box(*y, *x, h, *w, NULL);
	for (size_t i = 0; i < n; i++)
		ui_put(*y + 1 + (int)i, *x + 3, line[i], *w - 6, 0, A_BOLD);
	for (size_t i = 0; i < all; i++)
		free(line[i]);
	free(line);
	*y += (int)n - 1;
}

static void
confirm_draw(struct ui *ui, struct view *v)
{
	struct dialog *d = v->data;
	const char *hint = d->cancel ? _("(y/n, Esc: cancel)") : _("(y/n)");
	int y, x, w;

	(void)ui;
	dialog_box(d->question, &y, &x, &w);
	ui_put(y + 3, x + 3, hint, w - 6, 0, A_NORMAL);
}

/* The letters that answer: the translated ones, and y/n always. */
static int
answer_of(wint_t ch)
{
	const char *yes = _("yY"), *no = _("nN");
	wchar_t w[16];

	if (ch == 'y' || ch == 'Y')
		return 1;
	if (ch == 'n' || ch == 'N')
		return 0;
	if (mbstowcs(w, yes, ARRAY_LEN(w)) != (size_t)-1 && wcschr(w, (wchar_t)ch) != NULL)
		return 1;
	if (mbstowcs(w, no, ARRAY_LEN(w)) != (size_t)-1 && wcschr(w, (wchar_t)ch) != NULL)
		return 0;
	return -1;
}

static int
confirm_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct dialog *d = v->data;
	int a;

	(void)ui;
	if (action == ACT_BACK || (d->cancel && action == ACT_SAVE)) {
		d->answer = action == ACT_SAVE ? 1 : d->cancel ? -1 : 0;
		v->closed = 1;
		return 1;
	}
	if (action == ACT_NONE && (a = answer_of(ch)) >= 0) {
		d->answer = a;
		v->closed = 1;
	}
	return action != ACT_HELP;
}

static const struct key_hint confirm_hint_list[] = {
	{ ACT_BACK, N_("No") },
	{ ACT_NONE, NULL },
};

static const struct key_hint cancel_hint_list[] = {
	{ ACT_SAVE, N_("Yes") },
	{ ACT_BACK, N_("Cancel") },
	{ ACT_NONE, NULL },
};

static const struct view_ops confirm_ops = { confirm_draw, confirm_handle, NULL };

static int
ask(struct ui *ui, const char *question, int cancel)
{
	struct dialog d = { question, cancel ? -1 : 0, cancel, NULL };
	struct view v = { .ops = &confirm_ops, .data = &d, .overlay = 1,
			  .key_hints = cancel ? cancel_hint_list : confirm_hint_list };

	ui_run_view(ui, &v);
	return d.answer;
}

int
dialog_confirm(struct ui *ui, const char *question)
{
	return ask(ui, question, 0);
}

int
dialog_yes_no_cancel(struct ui *ui, const char *question)
{
	return ask(ui, question, 1);
}

/* ---- a question answered by keys ---- */

struct keyed {
	const char *question;
	const struct key_hint *answers;
	int answer;
};

static void
keyed_draw(struct ui *ui, struct view *v)
{
	struct keyed *k = v->data;
	struct buf line = { 0 };
	int y, x, w;

	for (const struct key_hint *h = k->answers; h->action != ACT_NONE; h++) {
		const char *key = keymap_label(ui->keys, h->action);
		if (key != NULL)
			buf_printf(&line, "%s%s %s", line.len > 0 ? "   " : "", key,
				   _(h->label ? h->label : action_table[h->action].label));
	}
	dialog_box(k->question, &y, &x, &w);
	if (line.data != NULL)
		ui_put(y + 3, x + 3, line.data, w - 6, 0, A_NORMAL);
	buf_free(&line);
}

static int
keyed_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct keyed *k = v->data;

	(void)ui;
	(void)ch;
	for (const struct key_hint *h = k->answers; h->action != ACT_NONE; h++)
		if (h->action == action) {
			k->answer = action;
			v->closed = 1;
		}
	return 1;
}

static const struct view_ops keyed_ops = { keyed_draw, keyed_handle, NULL };

int
dialog_keys(struct ui *ui, const char *question, const struct key_hint *answers)
{
	struct keyed k = { question, answers, ACT_NONE };
	struct view v = { .ops = &keyed_ops, .data = &k, .overlay = 1, .key_hints = answers };

	ui_run_view(ui, &v);
	return k.answer;
}

static void
prompt_draw(struct ui *ui, struct view *v)
{
	struct dialog *d = v->data;
	int y, x, w;

	(void)ui;
	dialog_box(d->question, &y, &x, &w);
	v->cursor_y = y + 3;
	v->cursor_x = edit_draw(d->edit, y + 3, x + 3, w - 6, A_REVERSE);
}

static int
prompt_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct dialog *d = v->data;

	(void)ui;
	if (action == ACT_ENTER || action == ACT_BACK) {
		d->answer = action == ACT_ENTER;
		v->closed = 1;
		return 1;
	}
	return edit_handle(d->edit, action, ch) != 0;
}

/* What Enter does: takes the answer; in a list's Find, finds it. */
static const struct key_hint prompt_hint_list[] = {
	{ ACT_ENTER, N_("OK") },
	{ ACT_BACK, N_("Cancel") },
	{ ACT_NONE, NULL },
};

static const struct key_hint find_hint_list[] = {
	{ ACT_ENTER, N_("Find") },
	{ ACT_BACK, N_("Cancel") },
	{ ACT_NONE, NULL },
};

static const struct view_ops prompt_ops = { prompt_draw, prompt_handle, NULL };

static int
prompt(struct ui *ui, const char *question, char *out, size_t size,
       const struct key_hint *hints)
{
	struct edit e = { .max = size > 1 ? size / 4 : 1 };
	struct dialog d = { question, 0, 0, &e };
	struct view v = { .ops = &prompt_ops, .data = &d, .overlay = 1, .key_hints = hints };
	char *text;

	edit_set(&e, out);
	ui_run_view(ui, &v);
	text = edit_get(&e);
	if (d.answer)
		str_copy(out, text, size);
	free(text);
	edit_free(&e);
	return d.answer;
}

int
dialog_prompt(struct ui *ui, const char *question, char *out, size_t size)
{
	return prompt(ui, question, out, size, prompt_hint_list);
}

int
dialog_find(struct ui *ui, const char *question, char *out, size_t size)
{
	return prompt(ui, question, out, size, find_hint_list);
}

/* ---- a choice among a few items ---- */

struct menu_dialog {
	const char *title;
	const struct dialog_item *items;
	size_t n, cur;
	int answer;
};

static void
menu_dialog_draw(struct ui *ui, struct view *v)
{
	struct menu_dialog *m = v->data;
	int w = ui_width(m->title) + 6, h = (int)m->n + 4, y, x;

	(void)ui;
	for (size_t i = 0; i < m->n; i++) {
		int iw = ui_width(_(m->items[i].label)) + 8, hw = ui_width(_(m->items[i].help)) + 6;
		if (iw > w)
			w = iw;
		if (hw > w)
			w = hw;
	}
	if (w < 40)
		w = 40;
	if (w > COLS)
		w = COLS;
	if (h > LINES - 2)
		h = LINES - 2;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	ui_box(y, x, h, w, m->title);
	for (size_t i = 0; i < m->n && (int)i < h - 4; i++)
		ui_put(y + 1 + (int)i, x + 2, _(m->items[i].label), w - 4, 1,
		       i == m->cur ? A_REVERSE : A_NORMAL);
	/* the highlighted item's help under the items */
	ui_put(y + h - 2, x + 2, _(m->items[m->cur].help), w - 4, 1, A_NORMAL);
	v->cursor_y = y + 1 + (int)m->cur;
	v->cursor_x = x + 2;
}

static int
menu_dialog_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct menu_dialog *m = v->data;

	(void)ui;
	switch (action) {
	case ACT_DOWN:
	case ACT_NEXT:
		m->cur = (m->cur + 1) % m->n;
		return 1;
	case ACT_UP:
	case ACT_PREV:
		m->cur = (m->cur + m->n - 1) % m->n;
		return 1;
	case ACT_ENTER:
		m->answer = (int)m->cur;
		v->closed = 1;
		return 1;
	case ACT_BACK:
		v->closed = 1;
		return 1;
	case ACT_NONE: /* a letter: the first item that starts with it */
		for (size_t i = 0; i < m->n; i++) {
			wchar_t first[2];
			if (mbstowcs(first, _(m->items[i].label), 1) == 1 &&
			    towlower((wint_t)first[0]) == towlower(ch)) {
				m->answer = (int)i;
				v->closed = 1;
				return 1;
			}
		}
		beep();
		return 1;
	default:
		return action != ACT_HELP;
	}
}

static const struct key_hint menu_dialog_hint_list[] = {
	{ ACT_ENTER, N_("Run") },
	{ ACT_BACK, N_("Cancel") },
	{ ACT_NONE, NULL },
};

static const struct view_ops menu_dialog_ops = { menu_dialog_draw, menu_dialog_handle, NULL };

int
dialog_menu(struct ui *ui, const char *title, const struct dialog_item *items, size_t n)
{
	struct menu_dialog m = { title, items, n, 0, -1 };
	struct view v = { .ops = &menu_dialog_ops, .data = &m, .overlay = 1,
			  .key_hints = menu_dialog_hint_list };

	if (n == 0)
		return -1;
	ui_run_view(ui, &v);
	return m.answer;
}
