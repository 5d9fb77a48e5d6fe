/* Line grids: the screen-file syntax (and its mistakes), and the widget
 * driven by actions as the form hands them over — typing lines, a bad
 * cell refused, a line refused by its kind, add, insert, delete, move,
 * totals — then the rows saved with their article in one transaction. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "book-fixtures.h"
#include "book/articles.h"
#include "book/record.h"
#include "tap.h"
#include "ui/grid.h"
#include "util/util.h"

static const char screen_text[] =
	"screen art \"Articles\"\n"
	"table  articles\n"
	"layout\n"
	"  Code             [code                 ]  VAT rate [vat   ]\n"
	"  Description      [description                                     ]\n"
	"  grid moves rows 3\n"
	"    Date         Quantity          Reason\n"
	"    [date      ] [qty            ] [reason                       ]\n"
	"    total qty\n"
	"  end\n"
	"  Stock on hand    [stock         ]\n"
	"end\n"
	"fields\n"
	"  code         text        required  upper  max 35\n"
	"  description  text        required  max 1000\n"
	"  vat          percent     field vat_rate  label \"VAT rate\"\n"
	"  stock        decimal     scale 3  readonly  label \"Stock on hand\"\n"
	"  moves.date   date\n"
	"  moves.qty    decimal     scale 3  field quantity  label \"Quantity\"\n"
	"  moves.reason text        max 60\n"
	"end\n";

static struct book *book;
static struct ui ui;

static struct screen *
parse(const char *text, struct buf *errs)
{
	struct screen *s = NULL;

	errs->len = 0;
	if (errs->data != NULL)
		errs->data[0] = '\0';
	screen_parse("t.scr", text, &s, errs);
	return s;
}

static void
syntax(void)
{
	struct buf errs = { 0 };
	struct screen *s = parse(screen_text, &errs);
	const struct screen_grid *g;

	ok(s != NULL, "a screen with a grid parses: %s", errs.data ? errs.data : "");
	if (s == NULL)
		return;
	is_int(s->ngrids, 1, "one grid");
	g = &s->grids[0];
	is_str(g->child, "moves", "of the article's moves");
	ok(g->kind == &stock_moves_kind, "rows of kind stock_moves");
	is_int(g->nfields, 3, "three columns");
	is_str(g->fields[1].label, "Quantity", "labelled");
	is_str(g->fields[2].label, "Reason", "a column's label defaults to its heading");
	is_int(g->fields[1].record_field, MOVE_QTY, "qty is the field quantity");
	is_int(g->ntotals, 1, "one total");
	is_int(g->totals[0], 1, "of the quantity");
	is_int(g->row, 2, "it starts on the layout's third line");
	is_int(g->heading_rows, 1, "a line of headings");
	is_int(g->height, 5, "headings, three lines, totals");
	is_int(g->before, 3, "the cursor visits code, VAT, description, then the grid");
	is_int(s->rows, 8, "the layout makes room for it");
	for (size_t i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].tag, "stock") == 0)
			is_int(s->fields[i].row, 7, "the field under it is drawn below it");
	screen_free(s);
	buf_free(&errs);
}

static void
mistake(const char *from, const char *to, const char *want, const char *what)
{
	struct buf errs = { 0 };
	const char *at = strstr(screen_text, from);
	char *text;
	struct screen *s;

	if (at == NULL) {
		ok(0, "%s: the test's text holds '%s'", what, from);
		return;
	}
	text = xasprintf("%.*s%s%s", (int)(at - screen_text), screen_text, to, at + strlen(from));
	s = parse(text, &errs);
	ok(s == NULL && errs.data != NULL && strstr(errs.data, want) != NULL, "%s: says %s", what,
	   want);
	if (errs.data != NULL && strstr(errs.data, want) == NULL)
		printf("# got: %s", errs.data);
	screen_free(s);
	free(text);
	buf_free(&errs);
}

static void
mistakes(void)
{
	mistake("grid moves rows 3", "grid lines rows 3", "has no line grid 'lines'",
		"a grid the table does not have");
	mistake("grid moves rows 3", "grid moves rows 0", "write: grid NAME rows N",
		"rows 0");
	mistake("total qty", "total reason", "column 'reason' is not a number",
		"a total of a text column");
	mistake("total qty", "total price", "'price' is not a column of the grid",
		"a total of no column");
	mistake("  moves.reason text        max 60\n", "", "'moves.reason' is not described",
		"a column not described");
	mistake("  moves.reason text        max 60\n",
		"  moves.reason text        max 60\n  moves.note text\n",
		"'moves.note' is not placed in a grid", "a column described, not placed");
	mistake("moves.qty    decimal     scale 3  field quantity",
		"moves.qty    decimal     scale 3  field qty", "has no field 'qty'",
		"a column on no field of the rows");
	mistake("    total qty\n  end\n", "    total qty\n", "t.scr:10: after a grid's line",
		"a grid without its end: the next line is taken for the grid's");
	mistake("    total qty\n", "    total qty\n    [qty2 ]\n", "total COLUMN, or end",
		"a second line of fields");
	mistake("moves.qty    decimal     scale 3", "moves.qty    decimus     scale 3",
		"'moves.qty' needs a type", "a column of no type (found by the fuzzer)");
	mistake("moves.qty    decimal     scale 3", "moves.qty    decimal     scale x",
		"'scale' needs a number", "a column with a bad attribute");
}

/* ---- the widget ---- */

static int
act(struct grid *g, int action)
{
	ui.status[0] = '\0';
	ui.status_error = 0;
	return grid_handle(&ui, g, action, 0);
}

static void
type(struct grid *g, const char *text)
{
	wchar_t w[128];
	size_t n = mbstowcs(w, text, 128);

	for (size_t i = 0; i < n && n != (size_t)-1; i++)
		grid_handle(&ui, g, ACT_NONE, (wint_t)w[i]);
}

/* Types a cell, then Tab. */
static int
cell(struct grid *g, const char *text)
{
	type(g, text);
	return act(g, ACT_NEXT);
}

static const char *
value(const struct record *rec, size_t row, size_t field)
{
	const struct record_rows *rs = &rec->rows[0];

	return row < rs->n ? record_get(rs->row[row], field) : "(none)";
}

static size_t
nrows(const struct record *rec)
{
	return rec->rows[0].n;
}

static void
widget(void)
{
	struct buf errs = { 0 };
	struct screen *s = parse(screen_text, &errs);
	struct record *rec;
	struct grid *g;
	int64_t sum = 0;
	char err[ERR_SIZE];

	if (s == NULL) {
		ok(0, "screen");
		return;
	}
	rec = record_new(&articles_kind);
	record_set(rec, ARTICLE_CODE, "ART1");
	record_set(rec, ARTICLE_DESCRIPTION, "Widget");
	g = grid_new(&s->grids[0], rec, book);
	grid_enter(g, 0);
	is_int(nrows(rec), 1, "entering an empty grid gives a blank line to type in");

	cell(g, "1/3/2026");
	cell(g, "10,5");
	is_int(cell(g, "carico"), GRID_DONE, "Tab past the last cell of a line stays in the grid");
	is_int(nrows(rec), 2, "... on a new line");
	is_str(value(rec, 0, MOVE_DATE), "2026-03-01", "the date typed the Italian way, kept ISO");
	is_str(value(rec, 0, MOVE_QTY), "10500", "the quantity at scale 3");
	is_str(value(rec, 0, MOVE_REASON), "carico", "the reason");

	cell(g, "2/3/2026");
	cell(g, "-2");
	is_int(act(g, ACT_UP), GRID_DONE, "Up goes to the line above");
	is_str(value(rec, 1, MOVE_QTY), "-2000", "leaving a cell takes it");
	is_int(grid_sum(&s->grids[0], &rec->rows[0], 1, &sum), 0, "the total adds up");
	is_int(sum, 8500, "10,500 - 2,000 = 8,500");

	/* a bad cell: refused, the line keeps its value, the cursor stays */
	act(g, ACT_DOWN);
	act(g, ACT_PREV); /* Up and Down keep the column: from Reason to Quantity */
	type(g, "x");
	is_int(act(g, ACT_NEXT), GRID_DONE, "a bad quantity is refused on leaving the cell");
	ok(ui.status_error && strstr(ui.status, "Line 2, Quantity:") != NULL,
	   "saying which line and column: %s", ui.status);
	is_str(value(rec, 1, MOVE_QTY), "-2000", "the line keeps its value");
	act(g, ACT_BACKSPACE);
	type(g, "-2");
	is_int(act(g, ACT_NEXT), GRID_DONE, "fixed, the cursor moves on");
	ok(!ui.status_error, "with no message: %s", ui.status);

	/* a line its kind refuses: the date emptied */
	act(g, ACT_NEW);
	is_int(nrows(rec), 3, "New adds a line at the end");
	cell(g, "1");
	cell(g, "3");
	type(g, "reso");
	act(g, ACT_PREV);
	act(g, ACT_PREV);
	is_str(value(rec, 2, MOVE_DATE), "2026-11-01", "a lone day is this month's");
	act(g, ACT_END);
	for (int i = 0; i < 10; i++)
		act(g, ACT_BACKSPACE);
	is_int(act(g, ACT_UP), GRID_DONE, "Up from a line without its date...");
	ok(ui.status_error && strstr(ui.status, "Line 3, Date: must not be empty") != NULL,
	   "... is refused by the line's kind: %s", ui.status);
	is_int(nrows(rec), 3, "the line stays");
	type(g, "+0");
	act(g, ACT_UP);
	ok(!ui.status_error, "with a date the line is left: %s", ui.status);
	is_str(value(rec, 2, MOVE_DATE), "2026-11-21", "+0 is today");

	/* insert, move */
	act(g, ACT_INSERT_LINE);
	is_int(nrows(rec), 4, "Insert adds a line");
	is_str(value(rec, 1, MOVE_QTY), "", "above the cursor's");
	is_str(value(rec, 2, MOVE_QTY), "-2000", "which moves down");
	cell(g, "5/3/2026");
	cell(g, "1");
	act(g, ACT_LINE_UP);
	is_str(value(rec, 0, MOVE_DATE), "2026-03-05", "Move up swaps the line with the one above");
	is_str(value(rec, 1, MOVE_DATE), "2026-03-01", "both ways");
	act(g, ACT_LINE_UP);
	is_str(value(rec, 0, MOVE_DATE), "2026-03-05", "the first line goes no higher");
	act(g, ACT_LINE_DOWN);
	act(g, ACT_LINE_DOWN);
	is_str(value(rec, 2, MOVE_DATE), "2026-03-05", "Move down twice: third");

	/* delete: a filled line asks first (no answer here: kept) */
	act(g, ACT_DELETE);
	is_int(nrows(rec), 4, "deleting a filled line asks first; no answer keeps it");
	act(g, ACT_NEW);
	is_int(nrows(rec), 5, "a blank line");
	act(g, ACT_DELETE);
	is_int(nrows(rec), 4, "a blank line is deleted without a question");

	/* leaving: a blank last line goes */
	act(g, ACT_NEW);
	is_int(act(g, ACT_NEXT), GRID_LEAVE_NEXT, "Tab on a blank last line leaves the grid");
	is_int(nrows(rec), 4, "and the blank line goes");
	grid_enter(g, 1);
	is_int(act(g, ACT_LEAVE_GRID), GRID_LEAVE_NEXT, "the leave key leaves from any cell");
	ok(grid_changed(g), "the grid says it changed");

	/* saved with the article */
	is_int(grid_commit(&ui, g), 0, "nothing pending");
	struct record_fault fault;
	int rc = record_save_ex(book, rec, &fault, err);
	is_int(rc, 0, "the article saves with its four lines: %s", rc ? err : "");
	struct record *back = NULL;
	if (rc == 0 && record_load(book, &articles_kind, rec->id, &back, err) == 0) {
		is_int(nrows(back), 4, "four lines read back");
		is_str(value(back, 2, MOVE_DATE), "2026-03-05", "in the order of the grid");
		is_int(grid_sum(&s->grids[0], &back->rows[0], 1, &sum), 0, "their total");
		is_int(sum, 12500, "10,500 - 2,000 + 3,000 + 1,000");
		record_assign(rec, back);
		grid_reload(g);
		ok(!grid_changed(g), "after a reload the grid is as saved");
	}
	record_free(back);

	/* totals that do not fit */
	record_set(rec->rows[0].row[0], MOVE_QTY, "9223372036854775807");
	is_int(grid_sum(&s->grids[0], &rec->rows[0], 1, &sum), -1,
	       "a total past int64 is refused, not wrapped");
	grid_free(g);
	record_free(rec);
	screen_free(s);
	buf_free(&errs);
}

int
main(void)
{
	struct temp_book tb;

	setlocale(LC_ALL, "C.UTF-8");
	setenv("SCRIVANO_TODAY", "2026-11-21", 1);
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	ui.book = book;
	ui.input_failed = 1; /* no terminal: a question is not answered */
	syntax();
	mistakes();
	widget();
	temp_book_close(&tb, book);
	return tap_done();
}
