/* The F4 list of a field: a box over the form showing a page of codes or of
 * a lookup's records (never the whole table: records are read by key, a
 * page at a time), typing searches by the start of the key, Enter chooses. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#include "ui/pick.h"
#include "util/i18n.h"
#include "util/util.h"

#define PICK_ROWS 12
#define PICK_WIDTH 66

struct pick_row {
	int64_t id;  /* a record's id, or the index in the code list */
	char *key;   /* the order and search key */
	char *text;  /* what the row shows */
	char *value; /* the canonical value it gives the field */
};

struct pick {
	struct ui *ui;
	const struct codelist *codes; /* either codes */
	const struct record_kind *kind; /* or records of a kind */
	const char *title;
	struct pick_row rows[PICK_ROWS];
	size_t n, sel;
	char search[64];
	char *chosen;
};

/* ---- where rows come from ---- */

static void
row_free(struct pick_row *r)
{
	free(r->key);
	free(r->text);
	free(r->value);
	memset(r, 0, sizeof *r);
}

static void
code_row(const struct codelist *l, size_t i, struct pick_row *r)
{
	const char *d = l->translate ? _(l->v[i].text) : l->v[i].text;

	r->id = (int64_t)i;
	r->key = xstrdup(l->v[i].code);
	r->text = xasprintf("%-6s %s", l->v[i].code, d);
	r->value = xstrdup(l->v[i].code);
}

static void
record_row(const struct record_kind *k, const struct record *rec, struct pick_row *r)
{
	r->id = rec->id;
	r->key = xstrdup(record_get(rec, k->key_field));
	r->text = xstrdup(r->key);
	r->value = xasprintf("%lld", (long long)rec->id);
}

/* Up to n rows after (AFTER) or before (BEFORE, nearest first) the row
 * from; from NULL is the start or the end. */
static int
fetch_codes(struct pick *pk, enum browse_dir dir, const struct pick_row *from, size_t n,
	    struct pick_row *out, size_t *got)
{
	const struct codelist *l = pk->codes;
	int64_t i = from != NULL ? from->id : dir == BROWSE_AFTER ? -1 : (int64_t)l->n;

	*got = 0;
	for (i += dir == BROWSE_AFTER ? 1 : -1; i >= 0 && i < (int64_t)l->n && *got < n;
	     i += dir == BROWSE_AFTER ? 1 : -1)
		code_row(l, (size_t)i, &out[(*got)++]);
	return 0;
}

static int
fetch_records(struct pick *pk, enum browse_dir dir, const struct pick_row *from,
	      const char *prefix, size_t n, struct pick_row *out, size_t *got)
{
	struct record *recs[PICK_ROWS];
	char err[ERR_SIZE];
	const char *key = prefix != NULL ? prefix : from != NULL ? from->key : NULL;
	int64_t id = prefix != NULL ? INT64_MIN : from != NULL ? from->id : 0;

	*got = 0;
	if (record_browse(pk->ui->book, pk->kind, dir, key, id, n, recs, got, err) < 0) {
		ui_error(pk->ui, "%s", err);
		return -1;
	}
	for (size_t i = 0; i < *got; i++) {
		record_row(pk->kind, recs[i], &out[i]);
		record_free(recs[i]);
	}
	return 0;
}

static int
fetch(struct pick *pk, enum browse_dir dir, const struct pick_row *from, size_t n,
      struct pick_row *out, size_t *got)
{
	if (pk->codes != NULL)
		return fetch_codes(pk, dir, from, n, out, got);
	return fetch_records(pk, dir, from, NULL, n, out, got);
}

static int
starts_nocase(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* The first row whose key (or, for codes, description) starts with text:
 * 1 with the page from it in out, 0 when there is none. */
static int
seek(struct pick *pk, const char *text, struct pick_row *out, size_t *got)
{
	*got = 0;
	if (pk->codes != NULL) {
		const struct codelist *l = pk->codes;
		for (size_t i = 0; i < l->n; i++)
			if (starts_nocase(l->v[i].code, text) ||
			    starts_nocase(l->translate ? _(l->v[i].text) : l->v[i].text, text)) {
				struct pick_row before = { .id = (int64_t)i - 1 };
				fetch_codes(pk, BROWSE_AFTER, &before, PICK_ROWS, out, got);
				return 1;
			}
		return 0;
	}
	if (fetch_records(pk, BROWSE_AFTER, NULL, text, PICK_ROWS, out, got) < 0 || *got == 0)
		return 0;
	if (starts_nocase(out[0].key, text))
		return 1;
	for (size_t i = 0; i < *got; i++)
		row_free(&out[i]);
	*got = 0;
	return 0;
}

/* ---- the page ---- */

static void
page_set(struct pick *pk, struct pick_row *rows, size_t n, size_t sel)
{
	for (size_t i = 0; i < pk->n; i++)
		row_free(&pk->rows[i]);
	if (n > 0) /* an empty page may come as NULL, which memcpy must not get */
		memcpy(pk->rows, rows, n * sizeof *rows);
	pk->n = n;
	pk->sel = n == 0 ? 0 : sel < n ? sel : n - 1;
}

/* BEFORE gives nearest first: the page wants them in order. */
static void
reverse(struct pick_row *rows, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct pick_row t = rows[i];
		rows[i] = rows[n - 1 - i];
		rows[n - 1 - i] = t;
	}
}

static void
go_start(struct pick *pk, enum browse_dir dir)
{
	struct pick_row rows[PICK_ROWS];
	size_t got;

	if (fetch(pk, dir, NULL, PICK_ROWS, rows, &got) < 0)
		return;
	if (dir == BROWSE_BEFORE)
		reverse(rows, got);
	page_set(pk, rows, got, dir == BROWSE_AFTER ? 0 : got - (got > 0));
}

/* One row down (or up), reading the next row when the page ends. */
static void
step(struct pick *pk, int down)
{
	struct pick_row r;
	size_t got;

	if (ui_list_step(&pk->sel, pk->n, down))
		return;
	if (pk->n == 0 ||
	    fetch(pk, down ? BROWSE_AFTER : BROWSE_BEFORE, &pk->rows[down ? pk->n - 1 : 0], 1, &r,
		  &got) < 0 ||
	    got == 0)
		return;
	if (down) {
		if (pk->n == PICK_ROWS) {
			row_free(&pk->rows[0]);
			memmove(pk->rows, pk->rows + 1, (PICK_ROWS - 1) * sizeof r);
			pk->n--;
		}
		pk->rows[pk->n++] = r;
		pk->sel = pk->n - 1;
	} else {
		if (pk->n == PICK_ROWS)
			row_free(&pk->rows[--pk->n]);
		memmove(pk->rows + 1, pk->rows, pk->n * sizeof r);
		pk->rows[0] = r;
		pk->n++;
		pk->sel = 0;
	}
}

static void
search(struct pick *pk)
{
	struct pick_row rows[PICK_ROWS];
	size_t got;

	if (pk->search[0] == '\0')
		return;
	if (seek(pk, pk->search, rows, &got))
		page_set(pk, rows, got, 0);
	else {
		ui_error(pk->ui, _("Nothing starts with \"%s\"."), pk->search);
		pk->search[strlen(pk->search) - 1] = '\0';
	}
}

static void
type_char(struct pick *pk, wint_t ch)
{
	char mb[8];
	int len;

	if (!iswprint(ch) || (len = wctomb(mb, (wchar_t)ch)) <= 0 ||
	    strlen(pk->search) + (size_t)len + 1 > sizeof pk->search)
		return;
	strncat(pk->search, mb, (size_t)len);
	search(pk);
}

/* Drops the last character (a whole UTF-8 one) of the search. */
static void
untype(struct pick *pk)
{
	size_t n = strlen(pk->search);

	while (n > 0 && ((unsigned char)pk->search[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	pk->search[n] = '\0';
	search(pk);
}

static int
pick_handle(struct ui *ui, struct view *v, int action, wint_t ch)
{
	struct pick *pk = v->data;

	(void)ui;
	switch (action) {
	case ACT_NONE:
		type_char(pk, ch);
		return 1;
	case ACT_BACKSPACE:
		untype(pk);
		return 1;
	case ACT_NEXT:
	case ACT_PREV:
		step(pk, action == ACT_NEXT);
		return 1;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		for (int i = 0; i < PICK_ROWS - 1; i++)
			step(pk, action == ACT_PAGE_DOWN);
		return 1;
	case ACT_HOME:
	case ACT_END:
		go_start(pk, action == ACT_HOME ? BROWSE_AFTER : BROWSE_BEFORE);
		return 1;
	case ACT_ENTER:
	case ACT_CHOOSE:
		if (pk->n > 0)
			pk->chosen = xstrdup(pk->rows[pk->sel].value);
		v->closed = 1;
		return 1;
	case ACT_BACK:
		v->closed = 1;
		return 1;
	default:
		return 0;
	}
}

static void
pick_draw(struct ui *ui, struct view *v)
{
	struct pick *pk = v->data;
	int w = PICK_WIDTH < COLS ? PICK_WIDTH : COLS, h = PICK_ROWS + 4;
	int y = (LINES - h) / 2 > 1 ? (LINES - h) / 2 : 1, x = (COLS - w) / 2;
	char *line;

	(void)ui;
	ui_box(y, x, h, w, pk->title);
	for (size_t i = 0; i < PICK_ROWS; i++)
		ui_put(y + 1 + (int)i, x + 2, i < pk->n ? pk->rows[i].text : "", w - 4, 1,
		       i < pk->n && i == pk->sel ? A_REVERSE : A_NORMAL);
	if (pk->n == 0)
		ui_put(y + 1, x + 2, _("The list is empty."), w - 4, 1, A_NORMAL);
	line = xasprintf("%s %s", _("Search:"), pk->search);
	ui_put(y + h - 2, x + 2, line, w - 4, 1, A_BOLD);
	free(line);
	v->cursor_y = y + h - 2;
	v->cursor_x = x + 2 + ui_width(_("Search:")) + 1 + ui_width(pk->search);
}

static const struct key_hint pick_hint_list[] = {
	{ ACT_ENTER, N_("Choose") },
	{ ACT_BACK, NULL },
	{ ACT_NONE, NULL },
};

static const struct view_ops pick_ops = { pick_draw, pick_handle, NULL };

int
pick_run(struct ui *ui, const struct screen_field *f, const char *start, char **value,
	 char *err)
{
	struct pick pk = { .ui = ui, .title = _(f->label) };
	struct view v = { .ops = &pick_ops, .data = &pk, .overlay = 1, .key_hints = pick_hint_list };

	if (f->params.lookup != NULL)
		pk.kind = f->params.lookup;
	else if ((pk.codes = fieldtype_choices(f->type, &f->params, err)) == NULL)
		return -1;
	go_start(&pk, BROWSE_AFTER);
	str_copy(pk.search, start, sizeof pk.search);
	search(&pk);
	ui->status[0] = '\0'; /* the field's text need not start a row */
	v.title = xstrdup(_(f->label));
	ui_run_view(ui, &v);
	free(v.title);
	page_set(&pk, NULL, 0, 0);
	*value = pk.chosen;
	return pk.chosen != NULL;
}
