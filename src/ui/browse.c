/* The browse list of a screen's records: one page in memory, read by key
 * (keyset pagination) as the cursor moves, in the order of a sortable
 * column (Sort, Reverse) and through filters (Filter); typing letters jumps
 * to the first row whose sort column starts with them. Enter opens the
 * form, New adds, Delete asks and deletes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book/primanota.h"
#include "ui/browse-filter.h"
#include "ui/edit.h"
#include "ui/export.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

/* Windows are at most 300 lines tall. */
#define MAX_PAGE 300
#define MAX_FILTERS 4

struct browse {
	struct screen *scr;
	struct book *book; /* where the rows and their lookups' targets are */
	struct record *rows[2 * MAX_PAGE];
	size_t n, cur;
	size_t page;         /* rows that fit, from the last paint */
	struct edit search;  /* the letters typed so far */
	char find[256];      /* the last text searched for */
	struct browse_order order;
	/* a view's condition first (nfixed: 0 or 1, value the screen's),
	 * then the user's filters (values owned) */
	struct browse_filter filters[1 + MAX_FILTERS];
	size_t nfixed;
	char filter_text[512]; /* the filters as last typed */
	/* the screen's list totals over every row the filters pass: read
	 * again (one aggregate each) when the filters or the rows change */
	int64_t totals[SCREEN_MAX_LIST_COLS];
	int totals_stale, totals_ok;
	struct key_hint hints[COMMANDS_HINTS_MAX]; /* the key line, with Commands */
};

/* The row's value in the sort column: the key of keyset pagination. */
static const char *
order_key(const struct browse_order *o, const struct record *r)
{
	return record_get(r, o->field);
}

static const char *
key_of(const struct browse *b, const struct record *r)
{
	return order_key(&b->order, r);
}

/* The id that, as an anchor, makes a page start at row id itself. */
static int64_t
just_before(const struct browse *b, int64_t id)
{
	return b->order.descending ? id + 1 : id - 1;
}

static const char *
name_of(const struct record *r)
{
	return record_get(r, r->kind->key_field);
}

static void
clear_rows(struct browse *b)
{
	for (size_t i = 0; i < b->n; i++)
		record_free(b->rows[i]);
	b->n = 0;
	b->cur = 0;
}

/* Rows that fit between the headings and the box's bottom. */
static size_t
page_size(const struct browse *b)
{
	int n = LINES - 5 - b->scr->heading_rows - (b->scr->nlist_totals > 0);

	if (n < 1)
		n = 1;
	return n > MAX_PAGE ? MAX_PAGE : (size_t)n;
}

static int
fetch(struct ui *ui, struct browse *b, enum browse_dir dir, const char *key, int64_t id,
      size_t n, struct record **rows, size_t *got)
{
	char err[ERR_SIZE];

	if (record_browse_by(ui->book, b->scr->kind, &b->order, dir, key, id, n, rows, got, err) <
	    0) {
		ui_error(ui, "%s", err);
		return -1;
	}
	return 0;
}

int
browse_each(struct book *book, const struct list_shown *list,
	    int (*fn)(void *arg, const struct record *r), void *arg, char *err)
{
	struct record *rows[MAX_PAGE];
	char *key = NULL;
	int64_t id = 0;
	size_t got;
	int stop = 0;

	do {
		if (record_browse_by(book, list->scr->kind, list->order, BROWSE_AFTER, key, id,
				     MAX_PAGE, rows, &got, err) < 0) {
			free(key);
			return -1;
		}
		for (size_t i = 0; i < got; i++)
			if (!stop)
				stop = fn(arg, rows[i]);
		if (got > 0) {
			free(key);
			key = xstrdup(order_key(list->order, rows[got - 1]));
			id = rows[got - 1]->id;
		}
		for (size_t i = 0; i < got; i++)
			record_free(rows[i]);
	} while (got == MAX_PAGE && !stop);
	free(key);
	return 0;
}

/* Fills the page with the rows from (key, id) on (INT64_MIN: from the
 * first key at or after key); when they run out before the page is full,
 * rows from before fill the top. The cursor goes to the first of them. */
static void
fill_from(struct ui *ui, struct browse *b, const char *key, int64_t id)
{
	struct record *before[MAX_PAGE];
	size_t got = 0, back = 0;
	char *k = key != NULL ? xstrdup(key) : NULL;

	clear_rows(b);
	if (fetch(ui, b, BROWSE_AFTER, k, id, b->page, b->rows, &got) == 0)
		b->n = got;
	if (b->n < b->page) {
		const char *bk = b->n > 0 ? key_of(b, b->rows[0]) : NULL;
		int64_t bid = b->n > 0 ? b->rows[0]->id : 0;
		if (fetch(ui, b, BROWSE_BEFORE, bk, bid, b->page - b->n, before, &back) == 0 &&
		    back > 0) {
			memmove(&b->rows[back], &b->rows[0], b->n * sizeof *b->rows);
			for (size_t i = 0; i < back; i++)
				b->rows[back - 1 - i] = before[i];
			b->n += back;
		}
	}
	b->cur = got > 0 ? back : (b->n > 0 ? b->n - 1 : 0);
	free(k);
}

/* The same rows again (after a save or a delete, or a new page size),
 * keeping the cursor's row where it can. */
static void
refill(struct ui *ui, struct browse *b, int64_t want_id)
{
	b->totals_stale = 1; /* a record saved, deleted or changed by a command */
	char *top = b->n > 0 ? xstrdup(key_of(b, b->rows[0])) : NULL;
	int64_t top_id = b->n > 0 ? just_before(b, b->rows[0]->id) : 0;
	size_t cur = b->cur;

	fill_from(ui, b, top, top != NULL ? top_id : INT64_MIN);
	b->cur = cur < b->n ? cur : (b->n > 0 ? b->n - 1 : 0);
	for (size_t i = 0; i < b->n; i++)
		if (b->rows[i]->id == want_id)
			b->cur = i;
	free(top);
}

/* Moves by one row, reading the next one from the book at the edges. */
static void
step(struct ui *ui, struct browse *b, int down)
{
	struct record *r;
	size_t got = 0;

	if (b->n == 0 || ui_list_step(&b->cur, b->n, down))
		return;
	const struct record *edge = b->rows[down ? b->n - 1 : 0];
	if (fetch(ui, b, down ? BROWSE_AFTER : BROWSE_BEFORE, key_of(b, edge), edge->id, 1, &r,
		  &got) < 0 ||
	    got == 0)
		return;
	if (down) {
		if (b->n == b->page) {
			record_free(b->rows[0]);
			memmove(&b->rows[0], &b->rows[1], (b->n - 1) * sizeof *b->rows);
			b->n--;
		}
		b->rows[b->n++] = r;
		b->cur = b->n - 1;
	} else {
		if (b->n == b->page)
			record_free(b->rows[--b->n]);
		memmove(&b->rows[1], &b->rows[0], b->n * sizeof *b->rows);
		b->rows[0] = r;
		b->n++;
		b->cur = 0;
	}
}

static void
page_down(struct ui *ui, struct browse *b)
{
	struct record *more[MAX_PAGE];
	size_t got = 0, drop;

	if (b->n == 0)
		return;
	const struct record *last = b->rows[b->n - 1];
	if (fetch(ui, b, BROWSE_AFTER, key_of(b, last), last->id, b->page, more, &got) < 0)
		return;
	if (got == 0) {
		b->cur = b->n - 1;
		return;
	}
	memcpy(&b->rows[b->n], more, got * sizeof *more);
	b->n += got;
	drop = b->n > b->page ? b->n - b->page : 0;
	for (size_t i = 0; i < drop; i++)
		record_free(b->rows[i]);
	memmove(&b->rows[0], &b->rows[drop], (b->n - drop) * sizeof *b->rows);
	b->n -= drop;
	if (b->cur >= b->n)
		b->cur = b->n - 1;
}

static void
page_up(struct ui *ui, struct browse *b)
{
	struct record *more[MAX_PAGE];
	size_t got = 0;

	if (b->n == 0)
		return;
	if (fetch(ui, b, BROWSE_BEFORE, key_of(b, b->rows[0]), b->rows[0]->id, b->page, more,
		  &got) < 0)
		return;
	if (got == 0) {
		b->cur = 0;
		return;
	}
	memmove(&b->rows[got], &b->rows[0], b->n * sizeof *b->rows);
	for (size_t i = 0; i < got; i++)
		b->rows[got - 1 - i] = more[i];
	b->n += got;
	while (b->n > b->page)
		record_free(b->rows[--b->n]);
}

static void
go_end(struct ui *ui, struct browse *b)
{
	struct record *last[MAX_PAGE];
	size_t got = 0;

	if (fetch(ui, b, BROWSE_BEFORE, NULL, 0, b->page, last, &got) < 0)
		return;
	clear_rows(b);
	for (size_t i = 0; i < got; i++)
		b->rows[got - 1 - i] = last[i];
	b->n = got;
	b->cur = got > 0 ? got - 1 : 0;
}

/* A record field's label as the screen names it, translated. */
static const char *
field_label(const struct browse *b, size_t field)
{
	for (size_t i = 0; i < b->scr->nfields; i++)
		if (b->scr->fields[i].record_field == field)
			return _(b->scr->fields[i].label);
	return _(b->scr->kind->fields[field].label);
}

/* Incremental search: the first row whose sort column starts with the
 * letters typed, or else the row where they would be. */
static void
seek_typed(struct ui *ui, struct browse *b)
{
	char *prefix = edit_get(&b->search);

	if (prefix[0] != '\0') {
		fill_from(ui, b, prefix, INT64_MIN);
		if (b->n == 0 ||
		    strncasecmp(key_of(b, b->rows[b->cur]), prefix, strlen(prefix)) != 0)
			ui_error(ui, _("%s: nothing starts with \"%s\"."),
				 field_label(b, b->order.field), prefix);
		else
			ui_status(ui, _("Search: %s"), prefix);
	}
	free(prefix);
}

/* Search (F3): the next row whose sort column holds some text, from the
 * top when none follows. */
static void
find_text(struct ui *ui, struct browse *b)
{
	struct record *r = NULL;
	char err[ERR_SIZE];
	const struct record *at = b->n > 0 ? b->rows[b->cur] : NULL;
	const struct record_kind *k = b->scr->kind;
	const char *label = field_label(b, b->order.field);
	char *question = xasprintf(_("Find in %s:"), label);
	int asked = dialog_find(ui, question, b->find, sizeof b->find);

	free(question);
	if (!asked || b->find[0] == '\0')
		return;
	if (record_find_by(ui->book, k, &b->order, b->find, at ? key_of(b, at) : NULL,
			   at ? at->id : 0, &r, err) < 0 ||
	    (r == NULL && record_find_by(ui->book, k, &b->order, b->find, NULL, 0, &r, err) < 0)) {
		ui_error(ui, "%s", err);
		return;
	}
	if (r == NULL) {
		ui_error(ui, _("%s: nothing contains \"%s\"."), label, b->find);
		return;
	}
	fill_from(ui, b, key_of(b, r), just_before(b, r->id));
	record_free(r);
}

/* A new record: the screen's defaults and, in a view, the view's first
 * value, then the kind's init, which sees them (a view of invoices makes
 * an invoice of the right TipoDocumento). */
static struct record *
new_in_view(struct ui *ui, const struct screen *scr)
{
	struct record *rec = record_new(scr->kind);
	char err[ERR_SIZE];

	screen_preset(scr, ui->book, rec, 0);
	if (scr->kind->init != NULL && scr->kind->init(ui->book, rec, err) < 0)
		ui_error(ui, "%s", err);
	screen_preset(scr, ui->book, rec, 1);
	return rec;
}

static void
open_form(struct ui *ui, struct browse *b, int new_record)
{
	struct record *rec;
	char err[ERR_SIZE];
	int64_t saved = 0;

	if (new_record)
		rec = new_in_view(ui, b->scr);
	else if (b->n == 0)
		return;
	else if (record_load(ui->book, b->scr->kind, b->rows[b->cur]->id, &rec, err) < 0) {
		ui_error(ui, "%s", err);
		refill(ui, b, 0);
		return;
	}
	if (form_run(ui, b->scr, rec, &saved) && saved != 0) {
		char *key = xstrdup(key_of(b, rec));
		/* show the saved record where it now sorts */
		refill(ui, b, saved);
		if (b->n == 0 || b->rows[b->cur]->id != saved)
			fill_from(ui, b, key, just_before(b, saved));
		free(key);
	}
	record_free(rec);
}

static void
delete_row(struct ui *ui, struct browse *b)
{
	char err[ERR_SIZE];
	char *q;
	int rc;

	if (b->n == 0)
		return;
	if (b->scr->kind->frozen != NULL) {
		char caption[ERR_SIZE], why[ERR_SIZE];

		if (b->scr->kind->frozen(b->rows[b->cur], caption, why)) {
			ui_error(ui, "%s", why);
			return;
		}
	}
	q = xasprintf(_("Delete \"%s\"?"), name_of(b->rows[b->cur]));
	if (dialog_confirm(ui, q)) {
		if ((rc = record_delete(ui->book, b->rows[b->cur], err)) < 0)
			ui_error(ui, "%s: %s", name_of(b->rows[b->cur]), err);
		else
			ui_status(ui, _("Deleted."));
		refill(ui, b, 0);
	}
	free(q);
}

/* ---- order and filters ---- */

/* Reads the list again (new order or filters) from the cursor's row, or
 * from where it would be. */
static void
reread_at_cursor(struct ui *ui, struct browse *b)
{
	struct record *at = b->n > 0 ? record_copy(b->rows[b->cur]) : NULL;

	if (at == NULL) {
		fill_from(ui, b, NULL, 0);
		return;
	}
	fill_from(ui, b, key_of(b, at), just_before(b, at->id));
	record_free(at);
}

/* The record fields the list may be sorted by: the key field, then each
 * sortable column's, left to right. Returns how many. */
static size_t
sort_fields(const struct browse *b, size_t *out, size_t max)
{
	const struct screen *scr = b->scr;
	size_t n = 0;

	out[n++] = scr->kind->key_field;
	for (size_t c = 0; c < scr->ncolumns && n < max; c++) {
		size_t f = scr->fields[scr->columns[c].field].record_field;
		int seen = 0;
		for (size_t i = 0; i < n; i++)
			seen |= out[i] == f;
		if (!seen && record_sortable(scr->kind, f))
			out[n++] = f;
	}
	return n;
}

static void
say_order(struct ui *ui, const struct browse *b)
{
	const char *label = field_label(b, b->order.field);

	if (b->order.descending)
		ui_status(ui, _("Sorted by %s, descending."), label);
	else
		ui_status(ui, _("Sorted by %s."), label);
}

static void
sort_next(struct ui *ui, struct browse *b)
{
	size_t fields[64], n = sort_fields(b, fields, ARRAY_LEN(fields)), i = 0;

	if (n < 2) {
		ui_error(ui, _("This list can be sorted by %s only."), field_label(b, fields[0]));
		return;
	}
	while (i < n && fields[i] != b->order.field)
		i++;
	b->order.field = fields[(i + 1) % n];
	b->order.descending = 0;
	reread_at_cursor(ui, b);
	say_order(ui, b);
}

static void
sort_reverse(struct ui *ui, struct browse *b)
{
	b->order.descending = !b->order.descending;
	reread_at_cursor(ui, b);
	say_order(ui, b);
}

static void
ask_filter(struct ui *ui, struct browse *b)
{
	char line[sizeof b->filter_text], err[ERR_SIZE];
	struct browse_filter parsed[MAX_FILTERS];
	size_t n;

	str_copy(line, b->filter_text, sizeof line);
	if (!dialog_prompt(ui, _("Show only (column = <> >= <= ~ value; ...; empty: all):"), line,
			   sizeof line))
		return;
	if (browse_filters_parse(b->scr, b->book, b->order.field, line, parsed, MAX_FILTERS, &n,
				 err) < 0) {
		ui_error(ui, "%s", err);
		return;
	}
	browse_filters_free(b->filters + b->nfixed, b->order.nfilters - b->nfixed);
	memcpy(b->filters + b->nfixed, parsed, n * sizeof *parsed);
	b->order.nfilters = b->nfixed + n;
	str_copy(b->filter_text, n > 0 ? line : "", sizeof b->filter_text);
	b->totals_stale = 1;
	reread_at_cursor(ui, b);
	if (n == 0)
		ui_status(ui, _("No filter: every row shows."));
}

static const char *
filter_label(const struct browse *b, const struct browse_filter *f)
{
	if (f->custom != NULL)
		for (size_t i = 0; i < b->scr->nfields; i++)
			if (b->scr->fields[i].custom != NULL &&
			    strcmp(b->scr->fields[i].custom, f->custom) == 0)
				return _(b->scr->fields[i].label);
	return f->custom != NULL ? f->custom : field_label(b, f->field);
}

/* The box's title: the screen's, then the order when it is not the
 * usual one, then the filters. */
static char *
list_title(const struct browse *b)
{
	struct buf t = { 0 };

	buf_adds(&t, _(b->scr->title));
	if (b->order.field != b->scr->kind->key_field || b->order.descending) {
		buf_adds(&t, " - ");
		buf_printf(&t, b->order.descending ? _("by %s, descending") : _("by %s"),
			   field_label(b, b->order.field));
	}
	for (size_t i = b->nfixed; i < b->order.nfilters; i++) {
		const struct browse_filter *f = &b->filters[i];
		buf_adds(&t, i == b->nfixed ? " - " : ", ");
		if (i == b->nfixed)
			buf_printf(&t, "%s ", _("only"));
		buf_printf(&t, "%s %s %s", filter_label(b, f), browse_op_text(f->op),
			   f->value[0] != '\0' ? f->value : "\"\"");
	}
	return t.data;
}

/* Print: the rows as the list shows them, under its title. */
static void
print_shown(struct ui *ui, struct browse *b)
{
	char *title = list_title(b);
	struct list_shown list = { b->scr, &b->order, title };

	print_list(ui, &list);
	free(title);
}

/* Export: the same rows into a CSV file. */
static void
export_rows(struct ui *ui, struct browse *b)
{
	char *title = list_title(b);
	struct list_shown list = { b->scr, &b->order, title };

	export_shown(ui, &list);
	free(title);
}

/* Import: the kind's own (record.h's import: the documents' supplier
 * invoices of the import folder); in the prima nota's list, a bank
 * statement into the account the list is filtered on (account = ...),
 * else the one asked. */
static void
import_rows(struct ui *ui, struct browse *b)
{
	struct record *acct = NULL;
	char err[ERR_SIZE];
	const char *name = NULL;

	if (b->scr->kind != NULL && b->scr->kind->import != NULL) {
		if (import_kind_files(ui, b->scr->kind)) {
			fill_from(ui, b, NULL, 0);
			b->cur = 0;
		}
		return;
	}
	if (b->scr->kind != &primanota_kind) {
		ui_status(ui, "%s", _("Import works in the prima nota's and the documents' lists."));
		return;
	}
	for (size_t i = 0; i < b->order.nfilters && name == NULL; i++) {
		const struct browse_filter *f = &b->order.filters[i];

		if (f->custom == NULL && f->field == ENTRY_ACCOUNT && f->op == BF_EQ &&
		    f->value != NULL &&
		    record_load(ui->book, &accounts_kind, strtoll(f->value, NULL, 10), &acct,
				err) == 0)
			name = record_get(acct, ACCOUNT_NAME);
	}
	if (import_statement(ui, name)) {
		fill_from(ui, b, NULL, 0);
		b->cur = 0;
	}
	record_free(acct);
}

static void
step_down(struct ui *ui, struct browse *b)
{
	step(ui, b, 1);
}

static void
step_up(struct ui *ui, struct browse *b)
{
	step(ui, b, 0);
}

static void
go_home(struct ui *ui, struct browse *b)
{
	fill_from(ui, b, NULL, 0);
	b->cur = 0;
}

static void
open_row(struct ui *ui, struct browse *b)
{
	open_form(ui, b, 0);
}

static void
open_new(struct ui *ui, struct browse *b)
{
	open_form(ui, b, 1);
}

/* Commands (commands.c) on the highlighted record; it may have moved or
 * left the list after, so the list is read again around it. */
static void
row_commands(struct ui *ui, struct browse *b)
{
	int64_t id;

	if (!commands_any(b->scr->kind)) {
		ui_status(ui, "%s", _("This screen's records have no commands."));
		return;
	}
	if (b->n == 0)
		return;
	id = b->rows[b->cur]->id;
	if (commands_offer(ui, b->scr, id))
		refill(ui, b, id);
}

/* The highlighted record's history. */
static void
row_history(struct ui *ui, struct browse *b)
{
	if (b->n > 0)
		history_show(ui, b->scr, b->rows[b->cur]->id);
}

/* What each action does on a list (Back and typing aside). */
static const struct {
	int action;
	void (*run)(struct ui *ui, struct browse *b);
} browse_actions[] = {
	{ ACT_NEXT, step_down },    { ACT_PREV, step_up },         { ACT_PAGE_DOWN, page_down },
	{ ACT_PAGE_UP, page_up },   { ACT_HOME, go_home },         { ACT_END, go_end },
	{ ACT_SORT, sort_next },    { ACT_REVERSE, sort_reverse }, { ACT_FILTER, ask_filter },
	{ ACT_ENTER, open_row },    { ACT_NEW, open_new },         { ACT_DELETE, delete_row },
	{ ACT_SEARCH, find_text },  { ACT_PRINT, print_shown },    { ACT_EXPORT, export_rows },
	{ ACT_IMPORT, import_rows }, { ACT_COMMANDS, row_commands },
	{ ACT_HISTORY, row_history },
};

static int
browse_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct browse *b = v->data;

	if (action == ACT_NONE || action == ACT_BACKSPACE) {
		if (edit_handle(&b->search, action, ch) < 0)
			return 1;
		seek_typed(ui, b);
		return 1;
	}
	edit_set(&b->search, "");
	for (size_t i = 0; i < ARRAY_LEN(browse_actions); i++)
		if (browse_actions[i].action == action) {
			browse_actions[i].run(ui, b);
			return 1;
		}
	if (action == ACT_BACK) {
		v->closed = 1;
		return 1;
	}
	return 0;
}

char *
browse_cell(struct book *book, const struct screen *scr, size_t column, const struct record *r)
{
	const struct screen_field *f = &scr->fields[scr->columns[column].field];

	return screen_field_show(f, book, screen_field_value(f, r));
}

static void
draw_row(const struct browse *b, const struct record *r, int y, int x, int w, attr_t a)
{
	const struct screen *scr = b->scr;

	attron(a);
	mvhline(y, x, ' ', w);
	attroff(a);
	for (size_t c = 0; c < scr->ncolumns; c++) {
		const struct screen_column *col = &scr->columns[c];
		char *shown = browse_cell(b->book, scr, c, r);
		int width = col->width < w - 1 - col->col ? col->width : w - 1 - col->col;
		ui_put(y, x + col->col, shown, width, 0, a);
		free(shown);
	}
}

/* Whether heading t stands over the column of the sort field. */
static int
heading_sorted(const struct browse *b, const struct screen_text *t)
{
	const struct screen *scr = b->scr;

	for (size_t c = 0; c < scr->ncolumns; c++) {
		const struct screen_column *col = &scr->columns[c];
		if (scr->fields[col->field].record_field == b->order.field &&
		    t->col >= col->col - 1 && t->col < col->col + col->width)
			return 1;
	}
	return 0;
}

/* The list's totals, read again when stale: the sum of each total column
 * over every row the filters pass. */
static void
read_totals(struct ui *ui, struct browse *b)
{
	const struct screen *scr = b->scr;
	char err[ERR_SIZE];

	if (!b->totals_stale || scr->nlist_totals == 0)
		return;
	b->totals_stale = 0;
	b->totals_ok = 1;
	for (size_t t = 0; t < scr->nlist_totals && b->totals_ok; t++) {
		const struct screen_field *f = &scr->fields[scr->columns[scr->list_totals[t]].field];
		if (record_sum_by(ui->book, scr->kind, &b->order, f->record_field, &b->totals[t],
				  err) < 0) {
			b->totals_ok = 0;
			ui_error(ui, _("Totals: %s"), err);
		}
	}
}

/* Under the rows: "Total" and each total column's sum, under its column. */
static void
draw_totals(const struct browse *b, int y, int w)
{
	const struct screen *scr = b->scr;
	const char *label = _("Total");
	int first = w;

	for (size_t t = 0; t < scr->nlist_totals && b->totals_ok; t++) {
		const struct screen_column *col = &scr->columns[scr->list_totals[t]];
		const struct screen_field *f = &scr->fields[col->field];
		char v[32], *shown;
		int width = col->width < w - 2 - col->col ? col->width : w - 2 - col->col;

		snprintf(v, sizeof v, "%lld", (long long)b->totals[t]);
		shown = screen_field_show(f, b->book, v);
		if (width > 0)
			ui_put(y, 1 + col->col, shown, width, 0, A_BOLD);
		free(shown);
		if (col->col < first)
			first = col->col;
	}
	if (b->totals_ok && first > (int)strlen(label) + 1)
		ui_put(y, 2, label, first - 2, 0, A_BOLD);
}

static void
browse_draw(struct ui *ui, struct view *v)
{
	struct browse *b = v->data;
	const struct screen *scr = b->scr;
	int y = 1, h = LINES - 3, w = COLS;
	char *title;

	if (page_size(b) != b->page) {
		b->page = page_size(b);
		refill(ui, b, b->n > 0 ? b->rows[b->cur]->id : 0);
	}
	title = list_title(b);
	ui_box(y, 0, h, w, title);
	free(title);
	for (size_t i = 0; i < scr->nheadings; i++) {
		const struct screen_text *t = &scr->headings[i];
		attr_t a = heading_sorted(b, t) ? A_BOLD | A_UNDERLINE : A_BOLD;
		ui_put(y + 1 + t->row, 2 + t->col, _(t->text), t->width, 0, a);
	}
	y += 1 + scr->heading_rows;
	if (b->n == 0)
		ui_put(y + 1, 3,
		       b->order.nfilters > b->nfixed
			       ? _("No row passes the filter: Filter, then an empty line, shows all.")
			       : _("Nothing here yet: New adds the first."),
		       w - 6, 0, A_NORMAL);
	for (size_t i = 0; i < b->n; i++)
		draw_row(b, b->rows[i], y + (int)i, 1, w - 2, i == b->cur ? A_REVERSE : A_NORMAL);
	if (scr->nlist_totals > 0) {
		read_totals(ui, b);
		draw_totals(b, LINES - 4, w);
	}
}

static const struct key_hint browse_hint_list[] = {
	{ ACT_HELP, NULL },   { ACT_SEARCH, NULL }, { ACT_NEW, NULL },     { ACT_DELETE, NULL },
	{ ACT_PRINT, NULL },  { ACT_SORT, NULL },   { ACT_FILTER, NULL },  { ACT_ENTER, NULL },
	{ ACT_REVERSE, NULL }, { ACT_EXPORT, NULL }, { ACT_BACK, NULL }, { ACT_NONE, NULL },
};

static const struct view_ops browse_ops = { browse_draw, browse_handle, NULL };

/* A view's filter "...", as if typed in Filter when the list opens (its
 * relative dates, +15, from today). */
static void
view_filter(struct ui *ui, struct browse *b)
{
	char err[ERR_SIZE];
	size_t n;

	if (browse_filters_parse(b->scr, b->book, b->order.field, b->scr->filter,
				 b->filters + b->nfixed, MAX_FILTERS, &n, err) < 0) {
		ui_error(ui, "%s: %s", b->scr->file, err);
		return;
	}
	b->order.nfilters = b->nfixed + n;
	str_copy(b->filter_text, b->scr->filter, sizeof b->filter_text);
}

/* The list as it opens: the screen's order, its view's condition. */
static void
browse_setup(struct browse *b, struct book *book, struct screen *scr)
{
	b->scr = scr;
	b->book = book;
	b->search.max = 60;
	b->totals_stale = 1;
	b->order.field = scr->kind->key_field;
	b->order.filters = b->filters;
	if (scr->where_in != NULL) {
		b->filters[0] = (struct browse_filter){ scr->where_record, BF_IN, scr->where_in,
							scr->where_custom };
		b->nfixed = b->order.nfilters = 1;
	}
}

void
browse_run(struct ui *ui, struct screen *scr)
{
	struct browse *b = xcalloc(1, sizeof *b);
	struct view v = { .ops = &browse_ops, .data = b, .title = xstrdup(_(scr->title)),
			  .commands_of = scr->kind };

	browse_setup(b, ui->book, scr);
	v.key_hints = commands_hints(browse_hint_list, scr->kind, b->hints, ARRAY_LEN(b->hints));
	if (scr->filter != NULL)
		view_filter(ui, b);
	b->page = page_size(b);
	fill_from(ui, b, NULL, 0);
	b->cur = 0;
	ui_run_view(ui, &v);
	clear_rows(b);
	browse_filters_free(b->filters + b->nfixed, b->order.nfilters - b->nfixed);
	edit_free(&b->search);
	free(b);
	free(v.title);
}

/* ---- a list as the command line asks for it ---- */

struct list_query {
	struct browse b;
	struct list_shown shown;
	char *title;
};

/* The order by the column called name (as a filter names one). */
static int
query_sort(struct browse *b, const char *name, int descending, char *err)
{
	const struct screen_field *f = browse_filter_column(b->scr, name);
	size_t fields[64], n = sort_fields(b, fields, ARRAY_LEN(fields));
	struct buf can = { 0 };

	for (size_t i = 0; f != NULL && f->custom == NULL && i < n; i++)
		if (fields[i] == f->record_field) {
			b->order.field = fields[i];
			b->order.descending = descending;
			return 0;
		}
	for (size_t i = 0; i < n; i++)
		buf_printf(&can, "%s%s", i > 0 ? ", " : "", field_label(b, fields[i]));
	if (f == NULL)
		err_set(err, _("Sort: no column is called \"%s\"; the list sorts by %s."), name,
			can.data);
	else
		err_set(err, _("Sort: the list cannot be sorted by %s, only by %s."), _(f->label),
			can.data);
	buf_free(&can);
	return -1;
}

struct list_query *
browse_query(struct book *book, struct screen *scr, const char *sort, int descending,
	     const char *filter, char *err)
{
	struct list_query *q = xcalloc(1, sizeof *q);
	struct browse *b = &q->b;
	size_t n = 0;

	browse_setup(b, book, scr);
	b->order.descending = descending;
	if ((sort != NULL && query_sort(b, sort, descending, err) < 0) ||
	    (filter != NULL &&
	     browse_filters_parse(b->scr, b->book, b->order.field, filter, b->filters + b->nfixed,
				  MAX_FILTERS, &n, err) < 0)) {
		free(q);
		return NULL;
	}
	b->order.nfilters = b->nfixed + n;
	q->title = list_title(b);
	q->shown = (struct list_shown){ b->scr, &b->order, q->title };
	return q;
}

const struct list_shown *
browse_query_list(const struct list_query *q)
{
	return &q->shown;
}

void
browse_query_free(struct list_query *q)
{
	if (q == NULL)
		return;
	browse_filters_free(q->b.filters + q->b.nfixed, q->b.order.nfilters - q->b.nfixed);
	edit_free(&q->b.search);
	free(q->title);
	free(q);
}
