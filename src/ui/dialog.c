/* Dialogs in a box over the screen: a yes/no question, and a one-line
 * prompt. Each runs as a view of its own until answered. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "ui/edit.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

struct dialog {
	const char *question;
	int answer;
	struct edit *edit; /* for a prompt */
};

/* The box, centred, wide enough for the question; returns its origin. */
static void
dialog_box(const char *question, int *y, int *x, int *w)
{
	int h = 5;

	*w = ui_width(question) + 6;
	if (*w < 40)
		*w = 40;
	if (*w > COLS)
		*w = COLS;
	*y = (LINES - h) / 2;
	*x = (COLS - *w) / 2;
	ui_box(*y, *x, h, *w, NULL);
	ui_put(*y + 1, *x + 3, question, *w - 6, 0, A_BOLD);
}

static void
confirm_draw(struct ui *ui, struct view *v)
{
	struct dialog *d = v->data;
	char *hint = xasprintf("%s", _("(y/n)"));
	int y, x, w;

	(void)ui;
	dialog_box(d->question, &y, &x, &w);
	ui_put(y + 3, x + 3, hint, w - 6, 0, A_NORMAL);
	free(hint);
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
	if (action == ACT_BACK) {
		d->answer = 0;
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

static const struct view_ops confirm_ops = { confirm_draw, confirm_handle, NULL };

int
dialog_confirm(struct ui *ui, const char *question)
{
	struct dialog d = { question, 0, NULL };
	struct view v = { .ops = &confirm_ops, .data = &d, .overlay = 1,
			  .key_hints = confirm_hint_list };

	ui_run_view(ui, &v);
	return d.answer;
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

static const struct key_hint prompt_hint_list[] = {
	{ ACT_ENTER, N_("Find") },
	{ ACT_BACK, N_("Cancel") },
	{ ACT_NONE, NULL },
};

static const struct view_ops prompt_ops = { prompt_draw, prompt_handle, NULL };

int
dialog_prompt(struct ui *ui, const char *question, char *out, size_t size)
{
	struct edit e = { .max = size > 1 ? size / 4 : 1 };
	struct dialog d = { question, 0, &e };
	struct view v = { .ops = &prompt_ops, .data = &d, .overlay = 1,
			  .key_hints = prompt_hint_list };
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
