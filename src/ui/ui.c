/* The UI's frame: terminal set-up, the loop that reads keys and hands their
 * actions to the top view, and the title, status and key lines. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#include "ui/idle.h"
#include "ui/pages.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

/* Milliseconds ncurses waits to tell a lone Esc from a key's sequence. */
#define ESC_DELAY_MS 100

/* ---- drawing helpers ---- */

int
ui_width(const char *s)
{
	size_t n = mbstowcs(NULL, s, 0);
	wchar_t *w;
	int cols;

	if (n == (size_t)-1)
		return (int)strlen(s);
	w = xcalloc(n + 1, sizeof *w);
	mbstowcs(w, s, n + 1);
	cols = wcswidth(w, n);
	free(w);
	return cols < 0 ? (int)n : cols;
}

void
ui_putw(int y, int x, const wchar_t *s, size_t n, int width, int pad, attr_t attr)
{
	int used = 0;

	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + width > COLS)
		width = COLS - x;
	attron(attr);
	move(y, x);
	for (size_t i = 0; i < n && s[i] != L'\0'; i++) {
		int w = wcwidth(s[i]);
		if (w < 0)
			w = 1;
		if (used + w > width)
			break;
		wchar_t one[2] = { iswprint((wint_t)s[i]) ? s[i] : L'?', L'\0' };
		addnwstr(one, 1);
		used += w;
	}
	for (; pad && used < width; used++)
		addch(' ');
	attroff(attr);
}

void
ui_put(int y, int x, const char *s, int width, int pad, attr_t attr)
{
	size_t n = mbstowcs(NULL, s, 0);
	wchar_t *w;

	if (n == (size_t)-1) {
		ui_putw(y, x, L"?", 1, width, pad, attr);
		return;
	}
	w = xcalloc(n + 1, sizeof *w);
	mbstowcs(w, s, n + 1);
	ui_putw(y, x, w, n, width, pad, attr);
	free(w);
}

void
ui_box(int y, int x, int h, int w, const char *title)
{
	if (h < 2 || w < 2)
		return;
	for (int r = y + 1; r < y + h - 1; r++) {
		mvhline(r, x + 1, ' ', w - 2);
	}
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	if (title != NULL && *title != '\0' && w > 6) {
		char *t = xasprintf(" %s ", title);
		ui_put(y, x + 2, t, w - 4, 0, A_BOLD);
		free(t);
	}
}

/* ---- status ---- */

static void
set_status(struct ui *ui, int error, const char *fmt, va_list ap)
{
	vsnprintf(ui->status, sizeof ui->status, fmt, ap);
	ui->status_error = error;
}

void
ui_status(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_status(ui, 0, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_status(ui, 1, fmt, ap);
	va_end(ap);
}

/* ---- the frame ---- */

static void
draw_title(struct ui *ui)
{
	struct buf t = { 0 };
	const char *path = ui->book != NULL ? book_path(ui->book) : "", *base = strrchr(path, '/');

	buf_adds(&t, " scrivano");
	if (ui->book_caption != NULL)
		buf_printf(&t, " | %s", ui->book_caption);
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i]->title != NULL)
			buf_printf(&t, " %s %s", i == 0 ? "|" : ">", ui->stack[i]->title);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	attroff(A_REVERSE);
	base = base != NULL ? base + 1 : path;
	int bw = ui_width(base) + 1;
	ui_put(0, 0, t.data, COLS - bw - 1, 0, A_REVERSE);
	if (COLS - bw > ui_width(t.data) + 1)
		ui_put(0, COLS - bw, base, bw, 0, A_REVERSE);
	buf_free(&t);
}

/* The status line: a message wider than the line wraps onto the lines
 * above it (over the bottom of the view, until the next key), so that
 * nothing said is cut. */
static void
draw_status(struct ui *ui)
{
	char **lines;
	size_t n = ui->status[0] != '\0' && COLS > 2 ? text_wrap(ui->status, COLS - 2, &lines) : 0;

	move(LINES - 2, 0);
	clrtoeol();
	/* the last lines, when it takes more than the screen spares */
	for (size_t i = n > UI_STATUS_LINES ? n - UI_STATUS_LINES : 0; i < n; i++) {
		int y = LINES - 2 - (int)(n - 1 - i);
		if (y < 1)
			continue;
		move(y, 0);
		clrtoeol();
		ui_put(y, 1, lines[i], COLS - 2, 0, ui->status_error ? A_BOLD : A_NORMAL);
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	if (n > 0)
		free(lines);
}

/* One hint's key as this terminal has it, or NULL; *label gets its label
 * in the session's language, *need the columns "KEY Label  " takes with
 * the English label (which hints show does not depend on the language). */
static const char *
hint_key(struct ui *ui, const struct key_hint *h, const char **label, int *need)
{
	const char *key = keymap_label(ui->keys, h->action);
	const char *msgid = h->label ? h->label : action_table[h->action].label;

	*label = _(msgid);
	*need = key != NULL ? ui_width(key) + 1 + ui_width(msgid) + 2 : 0;
	return key;
}

int
ui_list_step(size_t *cur, size_t n, int down)
{
	if (down && *cur + 1 < n) {
		(*cur)++;
		return 1;
	}
	if (!down && *cur > 0) {
		(*cur)--;
		return 1;
	}
	return 0;
}

int
ui_menu_move(size_t *cur, size_t n, int action)
{
	switch (action) {
	case ACT_NEXT:
		*cur = (*cur + 1) % n;
		return 1;
	case ACT_PREV:
		*cur = (*cur + n - 1) % n;
		return 1;
	case ACT_HOME:
	case ACT_PAGE_UP:
		*cur = 0;
		return 1;
	case ACT_END:
	case ACT_PAGE_DOWN:
		*cur = n - 1;
		return 1;
	default:
		return 0;
	}
}

/* The keys a view offers now: its ops' answer, or its fixed list. */
static const struct key_hint *
view_hints(struct ui *ui, struct view *v)
{
	return v->ops->hints != NULL ? v->ops->hints(ui, v) : v->key_hints;
}

/* "F1 Help  F2 Save ...": the key shown is the first of the action's keys
 * this terminal has. The hints come in order of importance, save that the
 * last (Back or Quit) always shows, at the end: hints that do not fit
 * before it are left out (Help lists them all). What fits is measured
 * with the English labels, so that every language shows the same keys;
 * a translation that is longer closes the gaps to one column. */
static void
draw_keyline(struct ui *ui, const struct key_hint *hints)
{
	const struct key_hint *last = NULL, *shown[ACT_COUNT + 1];
	const char *key, *label;
	int x = 0, need, reserve = 0, width = 0, gap = 2;
	size_t n = 0;

	move(LINES - 1, 0);
	clrtoeol();
	for (const struct key_hint *h = hints; h != NULL && h->action != ACT_NONE; h++)
		if (hint_key(ui, h, &label, &need) != NULL)
			last = h;
	if (last != NULL) {
		hint_key(ui, last, &label, &need);
		reserve = need - 2;
	}
	for (const struct key_hint *h = hints; last != NULL && n < ARRAY_LEN(shown); h++) {
		if (hint_key(ui, h, &label, &need) == NULL)
			continue;
		/* the last column stays blank: a terminal with automatic
		 * margins (a Wyse 60) scrolls when its bottom-right cell is
		 * written */
		if (h != last && x + need + reserve > COLS - 1)
			continue;
		shown[n++] = h;
		x += need;
		if (h == last)
			break;
	}
	for (size_t i = 0; i < n; i++) {
		key = hint_key(ui, shown[i], &label, &need);
		width += ui_width(key) + 1 + ui_width(label) + (i + 1 < n ? 2 : 0);
	}
	if (width > COLS)
		gap = 1;
	x = 0;
	for (size_t i = 0; i < n; i++) {
		key = hint_key(ui, shown[i], &label, &need);
		ui_put(LINES - 1, x, key, COLS - x, 0, A_REVERSE);
		x += ui_width(key) + 1;
		ui_put(LINES - 1, x, label, COLS - x, 0, A_NORMAL);
		x += ui_width(label) + gap;
	}
}

static void
paint(struct ui *ui)
{
	struct view *top = ui->stack[ui->depth - 1];

	if (ui_too_small()) {
		ui_paint_too_small();
		return;
	}
	erase();
	draw_title(ui);
	top->cursor_y = top->cursor_x = -1;
	int first = ui->depth - 1;

	while (first > 0 && ui->stack[first]->overlay)
		first--;
	for (int i = first; i < ui->depth; i++)
		ui->stack[i]->ops->draw(ui, ui->stack[i]);
	draw_status(ui);
	draw_keyline(ui, view_hints(ui, top));
	if (top->cursor_y >= 0 && top->cursor_y < LINES && top->cursor_x < COLS) {
		curs_set(1);
		move(top->cursor_y, top->cursor_x);
	} else {
		curs_set(0);
		move(LINES - 1, COLS - 1);
	}
	refresh();
}

void
ui_repaint(struct ui *ui)
{
	if (ui->depth > 0)
		paint(ui);
}

/* A typed character, when the key is one a field can take. */
static wint_t
typed_char(keycode k)
{
	if ((k & (KEYC_CURSES | KEYC_ESC)) != 0 || k < 0x20 || k == 0x7F)
		return 0;
	return iswprint((wint_t)k) ? (wint_t)k : 0;
}

/* What a view that does not know an action gets instead: Down and Up are
 * next and prev except where lines are (a line grid). */
static int
fallback(int action)
{
	static const int instead[][2] = { { ACT_DOWN, ACT_NEXT }, { ACT_UP, ACT_PREV } };

	for (size_t i = 0; i < ARRAY_LEN(instead); i++)
		if (instead[i][0] == action)
			return instead[i][1];
	return ACT_NONE;
}

static void
dispatch(struct ui *ui, struct view *v, keycode k)
{
	int action = keymap_action(ui->keys, k);
	wint_t ch = action < 0 ? typed_char(k) : 0;

	if (action < 0 && ch == 0)
		return;
	if (v->ops->handle(ui, v, action, ch))
		return;
	if (fallback(action) != ACT_NONE && v->ops->handle(ui, v, fallback(action), 0))
		return;
	if (action == ACT_HELP)
		help_run(ui, view_hints(ui, v));
}

void
ui_run_view(struct ui *ui, struct view *v)
{
	keycode k;
	int rc;

	if (ui->depth == UI_MAX_DEPTH) {
		ui_error(ui, _("too many screens open"));
		return;
	}
	ui->stack[ui->depth++] = v;
	while (!v->closed && !ui->quit && !ui->input_failed) {
		paint(ui);
		if ((rc = ui_next_key(ui, &k)) < 0) {
			ui->input_failed = 1;
			break;
		}
		if (rc > 0 || k == (KEYC_CURSES | KEY_RESIZE))
			continue; /* idle.c: a warning to show, or the time is up */
		ui->status[0] = '\0';
		dispatch(ui, v, k);
	}
	ui->depth--;
}

struct screen *
ui_find_screen(struct ui *ui, const char *name)
{
	for (size_t i = 0; i < ui->nscreens; i++)
		if (strcmp(ui->screens[i]->name, name) == 0)
			return ui->screens[i];
	return NULL;
}

/* ncurses on the terminal in stdin/stdout; an unknown TERM falls back to
 * vt100 with a note, never a dead session. */
static SCREEN *
start_terminal(char *note, size_t size, char *err)
{
	const char *term = getenv("TERM");
	SCREEN *s = NULL;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		err_set(err, _("scrivano tui needs a terminal"));
		return NULL;
	}
	/* Padding NULs are for real serial lines; over SSH they only cost
	 * bandwidth (a wy60's first paint halves without them). */
	setenv("NCURSES_NO_PADDING", "1", 0);
	if (term != NULL && *term != '\0')
		s = newterm(term, stdout, stdin);
	if (s == NULL) {
		s = newterm("vt100", stdout, stdin);
		if (s != NULL)
			snprintf(note, size, _("Unknown terminal type '%s': working as a vt100."),
				 term ? term : "");
	}
	if (s == NULL) {
		err_set(err, _("cannot set up the terminal (TERM=%s)"), term ? term : "");
		return NULL;
	}
	/* One write per screen update: ncurses 6.4 flushes its output after
	 * every cursor move until the screen has been through endwin() once
	 * (its state stays "initial"), so a key that moves the menu's bar went
	 * out in four writes, each a wake-up of the relay (or sshd) and an SSH
	 * packet of its own. endwin() here, before anything is drawn, and the
	 * first refresh's resume make it a running screen; raw() below sets
	 * the modes again at once. */
	endwin();
	set_escdelay(ESC_DELAY_MS);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	meta(stdscr, TRUE);
	return s;
}

/* "Book of anna, read-only" */
static char *
book_caption(const struct book_choice *c, const char *user)
{
	if (c->owner == NULL)
		return xasprintf(_("Book of %s"), user);
	return xasprintf(c->read_only ? _("Book of %s, read-only") : _("Book of %s, read-write"),
			 c->owner);
}

int
ui_main(struct book *book, const struct book_choice *choices, size_t n, const char *user,
	struct keymap *keys, struct screen **screens, size_t nscreens, const char *note,
	char *err)
{
	struct ui ui = { .book = book, .keys = keys, .screens = screens, .nscreens = nscreens };
	struct buf problems = { 0 };
	char term_note[256] = "";
	SCREEN *s = start_terminal(term_note, sizeof term_note, err);
	struct book *opened = NULL;
	size_t chosen;

	if (s == NULL)
		return -1;
	if (keymap_install(keys, &problems) > 0) {
		char *nl = strchr(problems.data, '\n');
		if (nl != NULL)
			*nl = '\0';
		ui_error(&ui, "%s", problems.data);
	}
	buf_free(&problems);
	if (term_note[0] != '\0')
		ui_error(&ui, "%s", term_note);
	else if (note != NULL && *note != '\0')
		ui_status(&ui, "%s", note);
	if (book == NULL && (opened = books_choose(&ui, choices, n, user, &chosen)) != NULL) {
		ui.book = opened;
		ui.book_caption = book_caption(&choices[chosen], user);
	}
	if (ui.book != NULL && !ui.quit && !ui.input_failed) {
		drafts_offer(&ui);
		menu_run(&ui);
	}
	endwin();
	delscreen(s);
	book_close(opened);
	free(ui.book_caption);
	return 0;
}
