/* The help screen: the keys of the screen it was opened from, then every
 * action by group, each with all its keys and what it does; made from the
 * action table and the key map, so it is always true. */
#include "config.h"

#include <stdlib.h>

#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

struct help {
	struct buf *lines; /* one per line, UTF-8 */
	size_t n, top;
	int page;
};

static void
add_line(struct help *h, const char *s)
{
	h->lines = xreallocarray(h->lines, h->n + 1, sizeof *h->lines);
	h->lines[h->n] = (struct buf){ 0 };
	buf_adds(&h->lines[h->n++], s);
}

static void
add_action(struct help *h, struct ui *ui, int a)
{
	struct buf keys = { 0 }, line = { 0 };

	keymap_describe(ui->keys, a, &keys);
	if (keys.data == NULL)
		buf_adds(&keys, "-");
	buf_printf(&line, "  %-22s %s", keys.data, _(action_table[a].help));
	add_line(h, line.data);
	buf_free(&keys);
	buf_free(&line);
}

static void
build(struct help *h, struct ui *ui, const struct key_hint *hints)
{
	add_line(h, _("On this screen:"));
	for (const struct key_hint *k = hints; k != NULL && k->action != ACT_NONE; k++)
		add_action(h, ui, k->action);
	for (int g = 0; g < GROUP_COUNT; g++) {
		add_line(h, "");
		add_line(h, _(action_group_title((enum action_group)g)));
		for (int a = 0; a < ACT_COUNT; a++)
			if (action_table[a].group == (enum action_group)g)
				add_action(h, ui, a);
	}
}

static void
help_draw(struct ui *ui, struct view *v)
{
	struct help *h = v->data;
	int height = LINES - 4, width = COLS - 2;

	(void)ui;
	if (height < 3 || width < 10)
		return;
	h->page = height - 2;
	if (h->top + (size_t)h->page > h->n)
		h->top = h->n > (size_t)h->page ? h->n - (size_t)h->page : 0;
	ui_box(1, 1, height, width, _("Keys"));
	for (int i = 0; i < h->page && h->top + (size_t)i < h->n; i++)
		ui_put(2 + i, 3, h->lines[h->top + (size_t)i].data, width - 4, 0, A_NORMAL);
}

static int
help_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct help *h = v->data;
	size_t page = h->page > 0 ? (size_t)h->page : 1;

	(void)ui;
	(void)ch;
	switch (action) {
	case ACT_NEXT:
		h->top++;
		break;
	case ACT_PREV:
		h->top = h->top > 0 ? h->top - 1 : 0;
		break;
	case ACT_PAGE_DOWN:
		h->top += page;
		break;
	case ACT_PAGE_UP:
		h->top = h->top > page ? h->top - page : 0;
		break;
	case ACT_BACK:
	case ACT_HELP:
	case ACT_ENTER:
		v->closed = 1;
		break;
	default:
		break;
	}
	return 1;
}

static const struct key_hint help_hint_list[] = {
	{ ACT_PAGE_DOWN, NULL },
	{ ACT_PAGE_UP, NULL },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct key_hint *
help_hints(struct ui *ui, struct view *v)
{
	(void)ui;
	(void)v;
	return help_hint_list;
}

static const struct view_ops help_ops = { help_draw, help_handle, help_hints };

void
help_run(struct ui *ui, const struct key_hint *hints)
{
	struct help h = { 0 };
	struct view v = { .ops = &help_ops, .data = &h, .title = xstrdup(_("Keys")) };

	build(&h, ui, hints);
	ui_run_view(ui, &v);
	for (size_t i = 0; i < h.n; i++)
		buf_free(&h.lines[i]);
	free(h.lines);
	free(v.title);
}
