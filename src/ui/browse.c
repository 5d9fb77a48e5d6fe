/* The browse list of a screen's records: one page in memory, read by key
 * (keyset pagination) as the cursor moves; typing letters jumps to the first
 * name that starts with them. Enter opens the form, New adds, Delete asks
 * and deletes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/edit.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

#define MAX_PAGE 200

struct browse {
	struct screen *scr;
	struct record *rows[2 * MAX_PAGE];
	size_t n, cur;
	size_t page;         /* rows that fit, from the last paint */
	struct edit search;  /* the letters typed so far */
	char find[256];      /* the last text searched for */
};

static const char *
key_of(const struct record *r)
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
	int n = LINES - 5 - b->scr->heading_rows;

	if (n < 1)
		n = 1;
	return n > MAX_PAGE ? MAX_PAGE : (size_t)n;
}

static int
fetch(struct ui *ui, struct browse *b, enum browse_dir dir, const char *key, int64_t id,
      size_t n, struct record **rows, size_t *got)
{
	char err[ERR_SIZE];

	if (record_browse(ui->book, b->scr->kind, dir, key, id, n, rows, got, err) < 0) {
		ui_error(ui, "%s", err);
		return -1;
	}
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
		const char *bk = b->n > 0 ? key_of(b->rows[0]) : NULL;
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
	char *top = b->n > 0 ? xstrdup(key_of(b->rows[0])) : NULL;
	int64_t top_id = b->n > 0 ? b->rows[0]->id - 1 : 0;
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

	if (b->n == 0)
		return;
	if (down && b->cur + 1 < b->n) {
		b->cur++;
		return;
	}
	if (!down && b->cur > 0) {
		b->cur--;
		return;
	}
	const struct record *edge = b->rows[down ? b->n - 1 : 0];
	if (fetch(ui, b, down ? BROWSE_AFTER : BROWSE_BEFORE, key_of(edge), edge->id, 1, &r,
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
	if (fetch(ui, b, BROWSE_AFTER, key_of(last), last->id, b->page, more, &got) < 0)
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
	if (fetch(ui, b, BROWSE_BEFORE, key_of(b->rows[0]), b->rows[0]->id, b->page, more,
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

/* Incremental search: the first name at or after the letters typed. */
static void
seek_typed(struct ui *ui, struct browse *b)
{
	char *prefix = edit_get(&b->search);

	if (prefix[0] != '\0') {
		fill_from(ui, b, prefix, INT64_MIN);
		if (b->n == 0 || strncasecmp(key_of(b->rows[b->cur]), prefix, strlen(prefix)) != 0)
			ui_error(ui, _("No name starts with \"%s\"."), prefix);
		else
			ui_status(ui, _("Search: %s"), prefix);
	}
	free(prefix);
}

/* Search (F3): the next name holding some text, from the top when none
 * follows. */
static void
find_text(struct ui *ui, struct browse *b)
{
	struct record *r = NULL;
	char err[ERR_SIZE];
	const struct record *at = b->n > 0 ? b->rows[b->cur] : NULL;

	if (!dialog_prompt(ui, _("Find a name containing:"), b->find, sizeof b->find) ||
	    b->find[0] == '\0')
		return;
	if (record_find(ui->book, b->scr->kind, b->find, at ? key_of(at) : NULL,
			at ? at->id : 0, &r, err) < 0 ||
	    (r == NULL && record_find(ui->book, b->scr->kind, b->find, NULL, 0, &r, err) < 0)) {
		ui_error(ui, "%s", err);
		return;
	}
	if (r == NULL) {
		ui_error(ui, _("No name contains \"%s\"."), b->find);
		return;
	}
	fill_from(ui, b, key_of(r), r->id - 1);
	record_free(r);
}

static void
open_form(struct ui *ui, struct browse *b, int new_record)
{
	struct record *rec;
	char err[ERR_SIZE];
	int64_t saved = 0;

	if (new_record)
		rec = record_new(b->scr->kind);
	else if (b->n == 0)
		return;
	else if (record_load(ui->book, b->scr->kind, b->rows[b->cur]->id, &rec, err) < 0) {
		ui_error(ui, "%s", err);
		refill(ui, b, 0);
		return;
	}
	if (form_run(ui, b->scr, rec, &saved) && saved != 0) {
		char *key = xstrdup(key_of(rec));
		/* show the saved record where it now sorts */
		refill(ui, b, saved);
		if (b->n == 0 || b->rows[b->cur]->id != saved)
			fill_from(ui, b, key, saved - 1);
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
	q = xasprintf(_("Delete \"%s\"?"), key_of(b->rows[b->cur]));
	if (dialog_confirm(ui, q)) {
		if ((rc = record_delete(ui->book, b->rows[b->cur], err)) < 0)
			ui_error(ui, "%s: %s", key_of(b->rows[b->cur]), err);
		else
			ui_status(ui, _("Deleted."));
		refill(ui, b, 0);
	}
	free(q);
}

static int
browse_move(struct ui *ui, struct browse *b, int action)
{
	switch (action) {
	case ACT_NEXT:
		step(ui, b, 1);
		return 1;
	case ACT_PREV:
		step(ui, b, 0);
		return 1;
	case ACT_PAGE_DOWN:
		page_down(ui, b);
		return 1;
	case ACT_PAGE_UP:
		page_up(ui, b);
		return 1;
	case ACT_HOME:
		fill_from(ui, b, NULL, 0);
		b->cur = 0;
		return 1;
	case ACT_END:
		go_end(ui, b);
		return 1;
	default:
		return 0;
	}
}

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
	if (browse_move(ui, b, action))
		return 1;
	switch (action) {
	case ACT_ENTER:
		open_form(ui, b, 0);
		return 1;
	case ACT_NEW:
		open_form(ui, b, 1);
		return 1;
	case ACT_DELETE:
		delete_row(ui, b);
		return 1;
	case ACT_SEARCH:
		find_text(ui, b);
		return 1;
	case ACT_PRINT:
		print_list(ui, b->scr);
		return 1;
	case ACT_BACK:
		v->closed = 1;
		return 1;
	default:
		return 0;
	}
}

static void
draw_row(const struct screen *scr, const struct record *r, int y, int x, int w, attr_t a)
{
	attron(a);
	mvhline(y, x, ' ', w);
	attroff(a);
	for (size_t c = 0; c < scr->ncolumns; c++) {
		const struct screen_column *col = &scr->columns[c];
		const struct screen_field *f = &scr->fields[col->field];
		char *shown = screen_field_show(f, NULL, screen_field_value(f, r));
		int width = col->width < w - 1 - col->col ? col->width : w - 1 - col->col;
		ui_put(y, x + col->col, shown, width, 0, a);
		free(shown);
	}
}

static void
browse_draw(struct ui *ui, struct view *v)
{
	struct browse *b = v->data;
	const struct screen *scr = b->scr;
	int y = 1, h = LINES - 3, w = COLS;

	if (page_size(b) != b->page) {
		b->page = page_size(b);
		refill(ui, b, b->n > 0 ? b->rows[b->cur]->id : 0);
	}
	ui_box(y, 0, h, w, _(scr->title));
	for (size_t i = 0; i < scr->nheadings; i++) {
		const struct screen_text *t = &scr->headings[i];
		ui_put(y + 1 + t->row, 2 + t->col, _(t->text), t->width, 0, A_BOLD);
	}
	y += 1 + scr->heading_rows;
	if (b->n == 0)
		ui_put(y + 1, 3, _("Nothing here yet: New adds the first."), w - 6, 0, A_NORMAL);
	for (size_t i = 0; i < b->n; i++)
		draw_row(scr, b->rows[i], y + (int)i, 1, w - 2, i == b->cur ? A_REVERSE : A_NORMAL);
}

static const struct key_hint browse_hint_list[] = {
	{ ACT_HELP, NULL },     { ACT_SEARCH, NULL }, { ACT_NEW, NULL },
	{ ACT_DELETE, NULL },   { ACT_PRINT, NULL },  { ACT_ENTER, NULL },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct key_hint *
browse_hints(struct ui *ui, struct view *v)
{
	(void)ui;
	(void)v;
	return browse_hint_list;
}

static const struct view_ops browse_ops = { browse_draw, browse_handle, browse_hints };

void
browse_run(struct ui *ui, struct screen *scr)
{
	struct browse *b = xcalloc(1, sizeof *b);
	struct view v = { .ops = &browse_ops, .data = b, .title = xstrdup(_(scr->title)) };

	b->scr = scr;
	b->search.max = 60;
	b->page = page_size(b);
	fill_from(ui, b, NULL, 0);
	b->cur = 0;
	ui_run_view(ui, &v);
	clear_rows(b);
	edit_free(&b->search);
	free(b);
	free(v.title);
}
