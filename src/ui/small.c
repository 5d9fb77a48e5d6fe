/* A window below the design size (80x24): a notice instead of the screens,
 * which would not fit, and the keys typed meanwhile kept in order until
 * the window is large enough again (SIGWINCH brings KEY_RESIZE). */
#include "config.h"

#include <stdlib.h>

#include "ui/idle.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

/* Keys kept while the window is too small; more than this are dropped
 * (with a beep): nobody types that much at a notice. */
#define WAITING_MAX 512

static struct {
	keycode keys[WAITING_MAX];
	size_t head, n;
} waiting;

int
ui_too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
}

void
ui_paint_too_small(void)
{
	char *line1 = xasprintf(_("Window too small: needs %d×%d (now %d×%d)."), UI_MIN_COLS,
				UI_MIN_ROWS, COLS, LINES);
	const char *line2 = _("Make it larger: what you type meanwhile is kept.");
	int y = LINES / 2 - 1 > 0 ? LINES / 2 - 1 : 0;

	erase();
	ui_put(y, 0, line1, COLS, 0, A_BOLD);
	if (y + 1 < LINES)
		ui_put(y + 1, 0, line2, COLS, 0, A_NORMAL);
	curs_set(0);
	refresh();
	free(line1);
}

static void
keep(keycode k)
{
	if (waiting.n == WAITING_MAX) {
		beep();
		return;
	}
	waiting.keys[(waiting.head + waiting.n++) % WAITING_MAX] = k;
}

int
ui_next_key(struct ui *ui, keycode *k)
{
	for (;;) {
		if (waiting.n > 0 && !ui_too_small()) {
			*k = waiting.keys[waiting.head];
			waiting.head = (waiting.head + 1) % WAITING_MAX;
			waiting.n--;
			return 0;
		}
		int rc = idle_read_key(ui, k);

		if (rc != 0)
			return rc; /* the terminal is gone, or idle.c has news */
		if (!ui_too_small() || *k == (KEYC_CURSES | KEY_RESIZE))
			return 0;
		if (*k != KEYC_NONE)
			keep(*k);
	}
}
