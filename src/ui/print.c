/* Printing on the printer of the user's own terminal: a list (what it
 * shows, read as the browse reads it) or a record (every field, its grids
 * as tables) is laid out as pages (pages.c) and shown first (preview.c);
 * then, as the user chooses, it becomes a printer-controller job
 * (printer.c) in the printer's charset, written to the terminal as it is
 * or, behind scrivano's relay, wrapped for the relay to pass on
 * unconverted, and the screen is redrawn; or it is saved as a text file in
 * the export folder beside the book (which export.c's CSV files share). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "term/printer.h"
#include "ui/grid.h"
#include "ui/pages.h"
#include "ui/preview.h"
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
 * clipped to width columns (for headings, which fit their layout); *used
 * is the line's width so far. */
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

/* Heading lines (a list's, a grid's) as the layout places them, shifted
 * left by base columns. */
static void
add_headings(struct doc *d, const struct screen_text *t, size_t n, int rows, int base)
{
	for (int row = 0; row < rows; row++) {
		struct buf line = { 0 };
		int used = 0;
		for (size_t i = 0; i < n; i++)
			if (t[i].row == row)
				put_at(&line, &used, t[i].col - base, _(t[i].text), t[i].width);
		doc_heading(d, line.data != NULL ? line.data : "");
		buf_free(&line);
	}
}

/* ---- the export folder ---- */

/* book_folder and file_safe are in book/book.c and util/util.c. */

int
export_file_new(const char *book, const char *name, const char *ext, char **path, char *err)
{
	char *dir = book_folder(book, "export", err), *safe = xstrdup(name), stamp[32];
	time_t now = time(NULL);
	int fd = -1;

	*path = NULL;
	if (dir == NULL) {
		free(safe);
		return -1;
	}
	file_safe(safe);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&now));
	for (int n = 1; fd < 0 && n < 100; n++) {
		free(*path);
		*path = n == 1 ? xasprintf("%s/%s-%s.%s", dir, safe, stamp, ext)
			       : xasprintf("%s/%s-%s-%d.%s", dir, safe, stamp, n, ext);
		fd = open(*path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		err_set(err, "%s: %s", *path, strerror(errno));
		free(*path);
		*path = NULL;
	}
	free(dir);
	free(safe);
	return fd;
}

/* Writes text to a new .txt file of the export folder; its path in *path.
 * 0, or -1 with a message. */
static int
save_text(struct ui *ui, const char *name, const char *text, char **path, char *err)
{
	int fd = export_file_new(book_path(ui->book), name, "txt", path, err), rc = 0;

	if (fd < 0)
		return -1;
	if (write_all(fd, text, strlen(text)) < 0 || close(fd) < 0) {
		rc = err_set(err, "%s: %s", *path, strerror(errno));
		unlink(*path);
		free(*path);
		*path = NULL;
	}
	return rc;
}

/* ---- preview, then print or save ---- */

/* Lays d out, shows it, and does what the user chooses; name begins the
 * saved file's name (ui.h). */
void
print_doc(struct ui *ui, const struct doc *d, const char *name)
{
	struct pages p = { 0 };
	char date[16], err[ERR_SIZE], *text, *path;
	time_t now = time(NULL);

	strftime(date, sizeof date, "%d/%m/%Y", localtime(&now));
	doc_pages(d, date, PAGE_WIDTH, PAGE_LINES, &p);
	switch (preview_run(ui, &p)) {
	case PREVIEW_SEND:
		text = pages_join(&p);
		ui_print(ui, text);
		free(text);
		break;
	case PREVIEW_SAVE:
		text = pages_join(&p);
		if (save_text(ui, name, text, &path, err) < 0)
			ui_error(ui, _("Not saved: %s"), err);
		else
			ui_status(ui, _("Saved as %s"), path);
		free(path);
		free(text);
		break;
	default:
		ui_status(ui, "%s", _("Not printed."));
		break;
	}
	pages_free(&p);
}

/* What list_text gathers while the list's rows go by. */
struct print_rows {
	struct book *book;
	const struct screen *scr;
	struct doc *doc;
	size_t total;
};

static int
add_row(void *arg, const struct record *r)
{
	struct print_rows *p = arg;
	size_t n = p->scr->ncolumns;
	char **cells = xcalloc(n + 1, sizeof *cells);

	for (size_t c = 0; c < n; c++)
		cells[c] = browse_cell(p->book, p->scr, c, r);
	doc_row(p->doc, (const char *const *)cells);
	for (size_t c = 0; c < n; c++)
		free(cells[c]);
	free(cells);
	p->total++;
	return 0;
}

/* The list as a document: its title (order and filters included), its
 * headings, every row it shows in its order, and their count. 0, or -1
 * with the message shown. */
static int
list_doc(struct ui *ui, const struct list_shown *list, struct doc *d)
{
	const struct screen *scr = list->scr;
	struct print_rows rows = { ui->book, scr, d, 0 };
	char err[ERR_SIZE], *count;

	doc_table(d);
	add_headings(d, scr->headings, scr->nheadings, scr->heading_rows, 0);
	/* col is inside the bracket, the headings start at it */
	for (size_t c = 0; c < scr->ncolumns; c++)
		doc_column(d, scr->columns[c].col - 1, scr->columns[c].width, 0);
	if (browse_each(ui->book, list, add_row, &rows, err) < 0) {
		ui_error(ui, _("Not printed: %s"), err);
		return -1;
	}
	count = xasprintf(ngettext("%zu record", "%zu records", rows.total), rows.total);
	doc_text(d, count);
	free(count);
	return 0;
}

void
print_list(struct ui *ui, const struct list_shown *list)
{
	struct doc *d = doc_new(list->title);

	if (list_doc(ui, list, d) == 0)
		print_doc(ui, d, list->scr->name);
	doc_free(d);
}

/* A grid's rows as a table: its headings and columns where the layout
 * has them (from the grid's left edge), then the totals line. */
static void
grid_doc(struct ui *ui, struct doc *d, const struct screen_grid *sg, const struct record *rec)
{
	const struct record_rows *rs = rec->rows != NULL ? &rec->rows[sg->child_index] : NULL;
	char **cells = xcalloc(sg->nfields + 1, sizeof *cells);
	int base = sg->col;

	for (size_t c = 0; c < sg->nfields; c++)
		if (sg->fields[c].col - 1 < base)
			base = sg->fields[c].col - 1;
	doc_table(d);
	add_headings(d, sg->headings, sg->nheadings, sg->heading_rows, base);
	for (size_t c = 0; c < sg->nfields; c++)
		doc_column(d, sg->fields[c].col - 1 - base, sg->fields[c].width,
			   (sg->fields[c].type->flags & FT_NUMBER) != 0);
	for (size_t r = 0; rs != NULL && r < rs->n; r++) {
		for (size_t c = 0; c < sg->nfields; c++)
			cells[c] = screen_field_show(&sg->fields[c], ui->book,
						     record_get(rs->row[r], sg->fields[c].record_field));
		doc_row(d, (const char *const *)cells);
		for (size_t c = 0; c < sg->nfields; c++) {
			free(cells[c]);
			cells[c] = NULL;
		}
	}
	if (sg->ntotals > 0 && rs != NULL) {
		for (size_t t = 0; t < sg->ntotals; t++) {
			const struct screen_field *f = &sg->fields[sg->totals[t]];
			int64_t sum;
			char digits[32];

			if (grid_sum(sg, rs, sg->totals[t], &sum) < 0) {
				cells[sg->totals[t]] = xstrdup("#####");
				continue;
			}
			snprintf(digits, sizeof digits, "%" PRId64, sum);
			cells[sg->totals[t]] = screen_field_show(f, ui->book, digits);
		}
		if (sg->totals[0] > 0)
			cells[0] = xstrdup(_("Total"));
		doc_row(d, (const char *const *)cells);
		for (size_t c = 0; c < sg->nfields; c++)
			free(cells[c]);
	}
	free(cells);
}

/* A kind's own rendering (record.h's print_book, with what the book adds,
 * else print_text), its lines as they are. 0, or -1 with the message
 * shown. */
static int
text_doc(struct ui *ui, struct doc *d, const struct record *rec)
{
	char **lines, err[ERR_SIZE] = "";
	size_t n;

	if (rec->kind->print_book != NULL) {
		if ((n = rec->kind->print_book(ui->book, rec, &lines, err)) == (size_t)-1) {
			ui_error(ui, _("Not printed: %s"), err);
			return -1;
		}
	} else
		n = rec->kind->print_text(rec, &lines);
	doc_lines(d, lines, n);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	return 0;
}

void
print_record(struct ui *ui, const struct screen *scr, const struct record *rec)
{
	const char *key = record_get(rec, rec->kind->key_field);
	char *title = key[0] != '\0' ? xasprintf("%s - %s", _(scr->title), key)
				     : xasprintf("%s - %s", _(scr->title), _("New"));
	char *name = rec->id > 0 ? xasprintf("%s-%" PRId64, scr->name, rec->id)
				 : xasprintf("%s-new", scr->name);
	struct doc *d = doc_new(title);
	int own = rec->kind->print_text != NULL || rec->kind->print_book != NULL;

	if (own && text_doc(ui, d, rec) < 0) {
		doc_free(d);
		free(name);
		free(title);
		return;
	}
	for (size_t i = 0; !own && i < scr->nfields; i++) {
		const struct screen_field *f = &scr->fields[i];
		char *shown = screen_field_show(f, ui->book, screen_field_value(f, rec));
		doc_pair(d, _(f->label), shown);
		free(shown);
	}
	for (size_t g = 0; !own && g < scr->ngrids; g++)
		grid_doc(ui, d, &scr->grids[g], rec);
	print_doc(ui, d, name);
	doc_free(d);
	free(name);
	free(title);
}
