/* CSV out of a list as it shows (its view, filters, order and columns,
 * read as the browse reads it): a header row of the columns' headings,
 * then each row's cells through its column's field type, Italian or
 * plain (csv.c). Used by Export in a list, into the book's export folder,
 * and by `scrivano export` (export-cli.c). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/csv.h"
#include "ui/export.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

/* Rows gathered before they are written out. */
#define EXPORT_FLUSH (64 * 1024)

char *
export_heading(const struct screen *scr, size_t column)
{
	const struct screen_column *col = &scr->columns[column];
	struct buf h = { 0 };

	/* the headings over the column, top row first, as names_field reads them */
	for (int row = 0; row < scr->heading_rows; row++)
		for (size_t i = 0; i < scr->nheadings; i++) {
			const struct screen_text *t = &scr->headings[i];
			if (t->row == row && t->col >= col->col - 1 && t->col < col->col + col->width)
				buf_printf(&h, "%s%s", h.len > 0 ? " " : "", _(t->text));
		}
	if (h.data == NULL)
		buf_adds(&h, _(scr->fields[col->field].label));
	return h.data;
}

struct export_rows {
	struct book *book;
	const struct screen *scr;
	const struct csv_opts *opts;
	FILE *out;
	struct buf text;
	size_t rows;
	void (*progress)(void *arg, size_t rows);
	void *arg;
	int failed; /* errno of the write that failed, or 0 */
};

static int
flush_rows(struct export_rows *e)
{
	if (e->text.len > 0 && fwrite(e->text.data, 1, e->text.len, e->out) != e->text.len)
		e->failed = errno != 0 ? errno : EIO;
	e->text.len = 0;
	return e->failed;
}

static int
add_row(void *arg, const struct record *r)
{
	struct export_rows *e = arg;
	const struct screen *scr = e->scr;

	for (size_t c = 0; c < scr->ncolumns; c++) {
		const struct screen_field *f = &scr->fields[scr->columns[c].field];
		const char *value = screen_field_value(f, r);
		char *cell = e->opts->style == CSV_PLAIN ? screen_field_plain(f, e->book, value)
							 : screen_field_show(f, e->book, value);
		csv_cell(&e->text, e->opts, cell, (f->type->flags & FT_NUMBER) != 0, c == 0);
		free(cell);
	}
	csv_end_row(&e->text);
	e->rows++;
	if (e->progress != NULL && e->rows % EXPORT_PROGRESS_ROWS == 0)
		e->progress(e->arg, e->rows);
	return e->text.len >= EXPORT_FLUSH ? flush_rows(e) : 0;
}

int
export_list(struct book *book, const struct list_shown *list, const struct csv_opts *opts,
	    FILE *out, void (*progress)(void *arg, size_t rows), void *arg, size_t *rows,
	    char *err)
{
	const struct screen *scr = list->scr;
	struct export_rows e = { book, scr, opts, out, { 0 }, 0, progress, arg, 0 };
	int rc = 0;

	*rows = 0;
	if (scr->ncolumns == 0)
		return err_set(err, _("%s has no list to export."), _(scr->title));
	csv_begin(&e.text, opts);
	for (size_t c = 0; c < scr->ncolumns; c++) {
		char *h = export_heading(scr, c);
		csv_cell(&e.text, opts, h, 0, c == 0);
		free(h);
	}
	csv_end_row(&e.text);
	if (browse_each(book, list, add_row, &e, err) < 0)
		rc = -1;
	else if (flush_rows(&e) != 0 || (fflush(out) != 0 && (e.failed = errno) != 0))
		rc = err_set(err, "%s", strerror(e.failed));
	buf_free(&e.text);
	*rows = e.rows;
	return rc;
}

/* ---- Export in a list ---- */

static void
show_progress(void *arg, size_t rows)
{
	struct ui *ui = arg;

	ui_status(ui, _("Exporting: %zu rows so far..."), rows);
	ui_repaint(ui);
}

void
export_shown(struct ui *ui, const struct list_shown *list)
{
	static const struct key_hint answers[] = {
		{ ACT_ENTER, N_("Italian CSV") },
		{ ACT_SAVE, N_("Plain CSV") },
		{ ACT_BACK, N_("Cancel") },
		{ ACT_NONE, NULL },
	};
	struct csv_opts opts;
	char err[ERR_SIZE], *path = NULL;
	size_t rows = 0;
	FILE *out;
	int fd, rc;

	switch (dialog_keys(ui, _("Export the list as CSV: Italian (';', 1.234,56, dd/mm/yyyy, "
				  "for spreadsheets) or plain (',', 1234.56, ISO dates)?"),
			    answers)) {
	case ACT_ENTER:
		opts = (struct csv_opts){ CSV_ITALIAN, 1 };
		break;
	case ACT_SAVE:
		opts = (struct csv_opts){ CSV_PLAIN, 0 };
		break;
	default:
		ui_status(ui, "%s", _("Not exported."));
		return;
	}
	if ((fd = export_file_new(book_path(ui->book), list->scr->name, "csv", &path, err)) < 0) {
		ui_error(ui, _("Not exported: %s"), err);
		return;
	}
	if ((out = fdopen(fd, "w")) == NULL) {
		close(fd);
		rc = err_set(err, "%s: %s", path, strerror(errno));
	} else {
		rc = export_list(ui->book, list, &opts, out, show_progress, ui, &rows, err);
		if (fclose(out) != 0 && rc == 0)
			rc = err_set(err, "%s: %s", path, strerror(errno));
	}
	if (rc < 0) {
		unlink(path);
		ui_error(ui, _("Not exported: %s"), err);
	} else
		ui_status(ui, ngettext("Exported %zu row to %s", "Exported %zu rows to %s", rows),
			  rows, path);
	free(path);
}
