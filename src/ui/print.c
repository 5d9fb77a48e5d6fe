/* Printing on the printer of the user's own terminal: a text becomes a
 * printer-controller job (printer.c) in the printer's charset, written to
 * the terminal as it is, or, behind scrivano's relay, wrapped for the relay
 * to pass on unconverted; then the screen is redrawn. A browse list prints
 * what it shows (read as the browse reads it); documents will reuse
 * ui_print(). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "term/printer.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

/* The session's printer, set once at start-up. */
static struct {
	enum printer_kind kind;
	char charset[32];
	int relay;
} printer = { PRINTER_ANSI, "UTF-8", 0 };

void
print_setup(const char *term, const char *charset, int relay)
{
	printer.kind = printer_kind_for_term(term);
	str_copy(printer.charset, charset != NULL ? charset : "UTF-8", sizeof printer.charset);
	printer.relay = relay;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
ui_print(struct ui *ui, const char *text)
{
	struct buf job = { 0 }, out = { 0 };
	char err[ERR_SIZE];
	int rc;

	if (printer_job(printer.kind, printer.charset, text, &job, err) < 0) {
		ui_error(ui, _("Not printed: %s"), err);
		return -1;
	}
	if (printer.relay)
		printer_wrap(job.data, job.len, &out);
	else
		buf_add(&out, job.data, job.len);
	/* what ncurses has drawn goes first, then the job, then the redraw */
	refresh();
	fflush(stdout);
	rc = write_all(STDOUT_FILENO, out.data, out.len);
	buf_free(&job);
	buf_free(&out);
	clearok(curscr, TRUE);
	if (rc < 0) {
		ui_error(ui, _("Not printed: %s"), strerror(errno));
		return -1;
	}
	ui_status(ui, _("Sent to the terminal's printer."));
	return 0;
}

/* Appends s to line, starting at display column col (blanks up to it),
 * clipped to width columns; *used is the line's width so far. */
static void
put_at(struct buf *line, int *used, int col, const char *s, int width)
{
	size_t n = mbstowcs(NULL, s, 0);
	wchar_t *w;
	int taken = 0;

	for (; *used < col; (*used)++)
		buf_adds(line, " ");
	if (n == (size_t)-1)
		return;
	w = xcalloc(n + 1, sizeof *w);
	mbstowcs(w, s, n + 1);
	for (size_t i = 0; i < n; i++) {
		int cw = wcwidth(w[i]);
		char mb[MB_LEN_MAX];
		int len;

		if (cw < 0 || taken + cw > width)
			break;
		if ((len = wctomb(mb, w[i])) > 0)
			buf_add(line, mb, (size_t)len);
		taken += cw;
	}
	*used += taken;
	free(w);
}

/* What list_text gathers while the list's rows go by. */
struct print_rows {
	struct book *book;
	const struct screen *scr;
	struct buf *text;
	size_t total;
};

static int
add_row(void *arg, const struct record *r)
{
	struct print_rows *p = arg;
	struct buf line = { 0 };
	int used = 0;

	for (size_t c = 0; c < p->scr->ncolumns; c++) {
		const struct screen_column *col = &p->scr->columns[c];
		char *shown = browse_cell(p->book, p->scr, c, r);
		/* col is inside the bracket, the headings start at it */
		put_at(&line, &used, col->col - 1, shown, col->width);
		free(shown);
	}
	buf_printf(p->text, "%s\n", line.data != NULL ? line.data : "");
	buf_free(&line);
	p->total++;
	return 0;
}

static void
add_headings(struct buf *text, const struct screen *scr)
{
	for (int row = 0; row < scr->heading_rows; row++) {
		struct buf line = { 0 };
		int used = 0;
		for (size_t i = 0; i < scr->nheadings; i++)
			if (scr->headings[i].row == row)
				put_at(&line, &used, scr->headings[i].col, _(scr->headings[i].text),
				       scr->headings[i].width);
		buf_printf(text, "%s\n", line.data != NULL ? line.data : "");
		buf_free(&line);
	}
}

/* The list as text: its title (order and filters included) and the date,
 * headings, every row it shows in its order, and their count. 0, or -1
 * with the message shown. */
static int
list_text(struct ui *ui, const struct list_shown *list, struct buf *text)
{
	struct print_rows rows = { ui->book, list->scr, text, 0 };
	char err[ERR_SIZE], date[16];
	time_t now = time(NULL);

	strftime(date, sizeof date, "%d/%m/%Y", localtime(&now));
	buf_printf(text, "%s    %s\n\n", list->title, date);
	add_headings(text, list->scr);
	if (browse_each(ui->book, list, add_row, &rows, err) < 0) {
		ui_error(ui, _("Not printed: %s"), err);
		return -1;
	}
	buf_printf(text, "\n");
	buf_printf(text, ngettext("%zu record\n", "%zu records\n", rows.total), rows.total);
	return 0;
}

void
print_list(struct ui *ui, const struct list_shown *list)
{
	struct buf text = { 0 };

	if (list_text(ui, list, &text) == 0)
		ui_print(ui, text.data);
	buf_free(&text);
}
