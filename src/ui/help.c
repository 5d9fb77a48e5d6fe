/* The help screens. F1 on a form's field: that field's help (its label,
 * its screen file's help text, its type's rule in words, required, width,
 * its list); F1 again, or anywhere else: the keys of the screen it was
 * opened from, then every action by group, each with all its keys and
 * what it does, made from the action table and the key map, so it is
 * always true. Both wrap their text at the terminal's width. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

/* A paragraph, wrapped when drawn: continuation lines start indent
 * columns in. */
struct para {
	char *text;
	int indent;
};

struct help {
	struct para *paras;
	size_t npara;
	char **lines; /* the paragraphs wrapped at width columns */
	size_t n;
	int width;
	size_t top;
	int page;
	int want_keys; /* F1 on a field's help: the keys come next */
};

static void
add_para(struct help *h, const char *text, int indent)
{
	h->paras = xreallocarray(h->paras, h->npara + 1, sizeof *h->paras);
	h->paras[h->npara++] = (struct para){ xstrdup(text), indent };
}

static void
add_line(char ***lines, size_t *n, const char *s, size_t len)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	(*lines)[(*n)++] = xstrndup(s, len);
}

/* Display columns of the first len bytes of s. */
static int
cols_of(const char *s, size_t len)
{
	int cols = 0;

	for (size_t i = 0, n; i < len; i += n)
		cols += utf8_char_width(s + i, &n);
	return cols;
}

/* Ends the line being filled and starts the next at the indent. */
static void
next_line(char ***lines, size_t *n, struct buf *line, int indent, int *used)
{
	add_line(lines, n, line->data != NULL ? line->data : "", line->len);
	line->len = 0;
	buf_printf(line, "%*s", indent, "");
	*used = indent;
}

size_t
help_wrap(const char *text, int width, int indent, char ***lines)
{
	struct buf line = { 0 };
	size_t n = 0;
	int used = 0, words = 0; /* columns used, words on the line */
	const char *s = text;

	*lines = NULL;
	if (width < 2)
		width = 2;
	if (indent > width / 2)
		indent = width / 2;
	while (*s != '\0') {
		size_t nb = strspn(s, " "), wl;
		const char *word = s + nb;
		int ww;

		if (*word == '\0')
			break;
		wl = strcspn(word, " ");
		ww = cols_of(word, wl);
		if (words > 0 && used + (int)nb + ww > width) {
			next_line(lines, &n, &line, indent, &used);
			words = 0;
			nb = 0;
		}
		/* blanks before the first word are the paragraph's own (the
		 * keys screen's columns) */
		buf_add(&line, s, nb);
		used += (int)nb;
		/* a word wider than the line is cut where the line ends */
		while (used + ww > width) {
			size_t take = 0, clen = 1;
			int tw = 0, c = 0;
			while (take < wl && used + tw + (c = utf8_char_width(word + take, &clen)) <= width) {
				tw += c;
				take += clen;
			}
			if (take == 0) { /* not even one character fits */
				take = clen;
				tw = c;
			}
			buf_add(&line, word, take);
			next_line(lines, &n, &line, indent, &used);
			word += take;
			wl -= take;
			ww -= tw;
		}
		buf_add(&line, word, wl);
		used += ww;
		words += wl > 0;
		s = word + wl;
	}
	if (words > 0 || n == 0)
		add_line(lines, &n, line.data != NULL ? line.data : "", line.len);
	buf_free(&line);
	return n;
}

static void
free_lines(struct help *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h->lines);
	h->lines = NULL;
	h->n = 0;
}

/* The paragraphs wrapped at width, once per width. */
static void
rewrap(struct help *h, int width)
{
	if (h->width == width && h->lines != NULL)
		return;
	free_lines(h);
	h->width = width;
	for (size_t i = 0; i < h->npara; i++) {
		char **l;
		size_t k = help_wrap(h->paras[i].text, width, h->paras[i].indent, &l);
		h->lines = xreallocarray(h->lines, h->n + k, sizeof *h->lines);
		memcpy(h->lines + h->n, l, k * sizeof *l);
		h->n += k;
		free(l);
	}
}

static void
help_free(struct help *h)
{
	free_lines(h);
	for (size_t i = 0; i < h->npara; i++)
		free(h->paras[i].text);
	free(h->paras);
}

/* ---- the keys ---- */

#define KEYS_COLUMN 22

static void
add_action(struct help *h, struct ui *ui, int a)
{
	struct buf keys = { 0 }, line = { 0 };

	keymap_describe(ui->keys, a, &keys);
	if (keys.data == NULL)
		buf_adds(&keys, "-");
	buf_printf(&line, "  %-*s %s", KEYS_COLUMN, keys.data, _(action_table[a].help));
	add_para(h, line.data, KEYS_COLUMN + 3);
	buf_free(&keys);
	buf_free(&line);
}

/* The commands of the records the screen shows (commands.c runs them). */
static void
add_commands(struct help *h, struct ui *ui, const struct record_kind *k)
{
	struct buf keys = { 0 }, line = { 0 };

	keymap_describe(ui->keys, ACT_COMMANDS, &keys);
	add_para(h, "", 0);
	buf_printf(&line, _("Commands of this screen's records (%s), where they apply:"),
		   keys.data != NULL ? keys.data : "-");
	add_para(h, line.data, 0);
	for (size_t i = 0; i < k->ncommands; i++) {
		buf_free(&line);
		buf_printf(&line, "  %-*s %s", KEYS_COLUMN, _(k->commands[i].label),
			   _(k->commands[i].help));
		add_para(h, line.data, KEYS_COLUMN + 3);
	}
	buf_free(&keys);
	buf_free(&line);
}

static void
build_keys(struct help *h, struct ui *ui, const struct key_hint *hints)
{
	const struct view *top = ui->depth > 0 ? ui->stack[ui->depth - 1] : NULL;

	add_para(h, _("On this screen:"), 0);
	for (const struct key_hint *k = hints; k != NULL && k->action != ACT_NONE; k++)
		add_action(h, ui, k->action);
	if (top != NULL && top->commands_of != NULL && top->commands_of->ncommands > 0)
		add_commands(h, ui, top->commands_of);
	for (int g = 0; g < GROUP_COUNT; g++) {
		add_para(h, "", 0);
		add_para(h, _(action_group_title((enum action_group)g)), 0);
		for (int a = 0; a < ACT_COUNT; a++)
			if (action_table[a].group == (enum action_group)g)
				add_action(h, ui, a);
	}
}

/* ---- a field's help ---- */

char *
help_field_text(const struct screen_field *f, const char *choose_key)
{
	struct ft_params p = screen_field_params(f, NULL);
	struct buf b = { 0 };

	if (f->help != NULL)
		buf_printf(&b, "%s\n\n", _(f->help));
	fieldtype_rule(f->type, &p, &b);
	buf_adds(&b, "\n");
	if (f->flags & SF_READONLY)
		buf_adds(&b, _("Computed: shown, never typed into."));
	else if (f->flags & SF_REQUIRED)
		buf_adds(&b, _("Required: it may not be left empty."));
	else
		buf_adds(&b, _("Optional: it may be left empty."));
	buf_adds(&b, "\n");
	if ((f->flags & SF_UPPER) || (f->type->flags & FT_UPPER))
		buf_printf(&b, "%s\n", _("Letters become capitals."));
	if (f->max > (unsigned)f->width)
		buf_printf(&b, _("At most %u characters; the field shows %d at a time."), f->max,
			   f->width);
	else
		buf_printf(&b, ngettext("At most %u character.", "At most %u characters.", f->max),
			   f->max);
	buf_adds(&b, "\n");
	if (f->type->flags & FT_LIST) {
		buf_printf(&b, _("%s lists the values to choose from."), choose_key);
		buf_adds(&b, "\n");
	}
	return b.data;
}

static void
build_field(struct help *h, struct ui *ui, const struct screen_field *f)
{
	const char *key = keymap_label(ui->keys, ACT_CHOOSE);
	char *text = help_field_text(f, key != NULL ? key : _(action_table[ACT_CHOOSE].label));
	char *rest = text, *line;

	/* a trailing newline ends the last line, it adds none */
	if (text[0] != '\0' && text[strlen(text) - 1] == '\n')
		text[strlen(text) - 1] = '\0';
	while ((line = strsep(&rest, "\n")) != NULL)
		add_para(h, line, 0);
	free(text);
}

/* ---- the view ---- */

struct help_view {
	struct help h;
	const char *title;
	int field; /* a field's help: a box over the form, as tall as its text */
};

/* A field's help box goes under the field, or over it, so that the field
 * stays in sight: the form below drew its cursor there. */
static int
box_top(struct ui *ui, int height)
{
	int fy = ui->depth > 1 ? ui->stack[ui->depth - 2]->cursor_y : -1;

	if (fy < 0)
		return 1;
	if (fy + 1 + height <= LINES - 2)
		return fy + 1;
	if (fy - height >= 1)
		return fy - height;
	return 1;
}

static void
help_draw(struct ui *ui, struct view *v)
{
	struct help_view *hv = v->data;
	struct help *h = &hv->h;
	int width = COLS - 2, height = LINES - 4, inner = width - 4, y = 1;

	if (height < 3 || width < 10)
		return;
	rewrap(h, inner);
	if (hv->field && h->n + 2 < (size_t)height)
		height = (int)h->n + 2;
	if (hv->field)
		y = box_top(ui, height);
	h->page = height - 2;
	if (h->top + (size_t)h->page > h->n)
		h->top = h->n > (size_t)h->page ? h->n - (size_t)h->page : 0;
	ui_box(y, 1, height, width, hv->title);
	for (int i = 0; i < h->page && h->top + (size_t)i < h->n; i++)
		ui_put(y + 1 + i, 3, h->lines[h->top + (size_t)i], inner, 0, A_NORMAL);
}

static int
help_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct help_view *hv = v->data;
	struct help *h = &hv->h;
	size_t page = h->page > 0 ? (size_t)h->page : 1;

	(void)ui;
	(void)ch;
	switch (action) {
	case ACT_NEXT:
	case ACT_DOWN:
		h->top++;
		break;
	case ACT_PREV:
	case ACT_UP:
		h->top = h->top > 0 ? h->top - 1 : 0;
		break;
	case ACT_PAGE_DOWN:
		h->top += page;
		break;
	case ACT_PAGE_UP:
		h->top = h->top > page ? h->top - page : 0;
		break;
	case ACT_HELP:
		h->want_keys = hv->field;
		v->closed = 1;
		break;
	case ACT_BACK:
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

static const struct key_hint field_hint_list[] = {
	{ ACT_HELP, N_("Keys") },
	{ ACT_PAGE_DOWN, NULL },
	{ ACT_PAGE_UP, NULL },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct key_hint field_whole_hint_list[] = {
	{ ACT_HELP, N_("Keys") },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct key_hint *
help_hints(struct ui *ui, struct view *v)
{
	struct help_view *hv = v->data;

	(void)ui;
	if (!hv->field)
		return help_hint_list;
	/* the page keys only when there is more than the box shows */
	return hv->h.n > (size_t)hv->h.page ? field_hint_list : field_whole_hint_list;
}

static const struct view_ops help_ops = { help_draw, help_handle, help_hints };

/* Runs the view on what build filled in; 1 when it asked for the keys. */
static int
run(struct ui *ui, struct help_view *hv, const char *title)
{
	struct view v = { .ops = &help_ops, .data = hv, .overlay = hv->field };
	int keys;

	hv->title = title;
	v.title = xstrdup(title);
	ui_run_view(ui, &v);
	keys = hv->h.want_keys;
	help_free(&hv->h);
	free(v.title);
	return keys;
}

void
help_run(struct ui *ui, const struct key_hint *hints)
{
	struct help_view hv = { 0 };

	build_keys(&hv.h, ui, hints);
	run(ui, &hv, _("Keys"));
}

void
help_field_run(struct ui *ui, const struct screen_field *f, const struct key_hint *hints)
{
	struct help_view hv = { .field = 1 };

	build_field(&hv.h, ui, f);
	if (run(ui, &hv, _(f->label)))
		help_run(ui, hints);
}
