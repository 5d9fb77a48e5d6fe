/* Print layout: a document of pairs, tables and paragraphs becomes pages of
 * text, every value wrapped within its column and no row split across two
 * pages unless it is taller than one (see pages.h). */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/pages.h"
#include "util/i18n.h"
#include "util/util.h"

struct strings {
	char **v;
	size_t n;
};

static void
strings_add(struct strings *s, const char *text)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n++] = xstrdup(text != NULL ? text : "");
}

static void
strings_free(struct strings *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

struct column {
	int col, width, right;
};

enum block_kind { BLOCK_PAIRS, BLOCK_TABLE, BLOCK_TEXT };

/* Every block is a table: pairs have two columns (label, value) placed at
 * layout time, a paragraph one column as wide as the page. */
struct block {
	enum block_kind kind;
	struct strings headings;
	struct column *cols;
	size_t ncols;
	struct strings cells; /* row after row, ncols each */
};

struct doc {
	char *title;
	struct block *blocks;
	size_t nblocks;
};

struct doc *
doc_new(const char *title)
{
	struct doc *d = xcalloc(1, sizeof *d);

	d->title = xstrdup(title != NULL ? title : "");
	return d;
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->nblocks; i++) {
		strings_free(&d->blocks[i].headings);
		strings_free(&d->blocks[i].cells);
		free(d->blocks[i].cols);
	}
	free(d->blocks);
	free(d->title);
	free(d);
}

static struct block *
add_block(struct doc *d, enum block_kind kind)
{
	struct block *b;

	d->blocks = xreallocarray(d->blocks, d->nblocks + 1, sizeof *d->blocks);
	b = &d->blocks[d->nblocks++];
	*b = (struct block){ .kind = kind };
	return b;
}

static struct block *
last_block(struct doc *d, enum block_kind kind)
{
	if (d->nblocks > 0 && d->blocks[d->nblocks - 1].kind == kind)
		return &d->blocks[d->nblocks - 1];
	return add_block(d, kind);
}

void
doc_pair(struct doc *d, const char *label, const char *value)
{
	struct block *b = last_block(d, BLOCK_PAIRS);

	b->ncols = 2;
	strings_add(&b->cells, label);
	strings_add(&b->cells, value);
}

void
doc_table(struct doc *d)
{
	add_block(d, BLOCK_TABLE);
}

void
doc_heading(struct doc *d, const char *line)
{
	strings_add(&last_block(d, BLOCK_TABLE)->headings, line);
}

void
doc_column(struct doc *d, int col, int width, int right)
{
	struct block *b = last_block(d, BLOCK_TABLE);

	b->cols = xreallocarray(b->cols, b->ncols + 1, sizeof *b->cols);
	b->cols[b->ncols++] = (struct column){ col < 0 ? 0 : col, width < 1 ? 1 : width, right };
}

void
doc_row(struct doc *d, const char *const *cells)
{
	struct block *b = last_block(d, BLOCK_TABLE);

	for (size_t c = 0; c < b->ncols; c++)
		strings_add(&b->cells, cells[c]);
}

void
doc_text(struct doc *d, const char *text)
{
	struct block *b = add_block(d, BLOCK_TEXT);

	b->ncols = 1;
	strings_add(&b->cells, text);
}

void
doc_lines(struct doc *d, char *const *lines, size_t n)
{
	struct block *b = add_block(d, BLOCK_TEXT);

	b->ncols = 1;
	for (size_t i = 0; i < n; i++)
		strings_add(&b->cells, lines[i]);
}

/* ---- wrapping ---- */

/* s as wide characters; a byte that is not UTF-8 becomes '?', a tab a
 * blank. */
static wchar_t *
widen(const char *s, size_t *n)
{
	size_t len = strlen(s), k = 0;
	wchar_t *w = xcalloc(len + 1, sizeof *w);
	mbstate_t st;

	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < len;) {
		size_t r = mbrtowc(&w[k], s + i, len - i, &st);
		if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
			w[k] = L'?';
			r = 1;
			memset(&st, 0, sizeof st);
		}
		if (w[k] == L'\t')
			w[k] = L' ';
		k++;
		i += r;
	}
	*n = k;
	return w;
}

static int
char_width(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

static int
text_width(const char *s)
{
	size_t n;
	wchar_t *w = widen(s, &n);
	int cols = 0;

	for (size_t i = 0; i < n; i++)
		cols += char_width(w[i]);
	free(w);
	return cols;
}

static void
add_wide(struct strings *out, const wchar_t *w, size_t n)
{
	struct buf b = { 0 };
	mbstate_t st;

	memset(&st, 0, sizeof st);
	while (n > 0 && w[n - 1] == L' ')
		n--;
	for (size_t i = 0; i < n; i++) {
		char mb[MB_LEN_MAX];
		size_t len = wcrtomb(mb, w[i], &st);
		if (len == (size_t)-1) {
			mb[0] = '?';
			len = 1;
			memset(&st, 0, sizeof st);
		}
		buf_add(&b, mb, len);
	}
	strings_add(out, b.data != NULL ? b.data : "");
	buf_free(&b);
}

/* One paragraph (no '\n') of w into lines of width columns. */
static void
wrap_paragraph(const wchar_t *w, size_t n, int width, struct strings *out)
{
	size_t i = 0;

	if (n == 0) {
		strings_add(out, "");
		return;
	}
	while (i < n) {
		size_t j = i, blank = 0; /* blank: just past the last blank taken */
		int used = 0;

		while (j < n && (used + char_width(w[j]) <= width || j == i)) {
			used += char_width(w[j]);
			if (w[j] == L' ')
				blank = j + 1;
			j++;
		}
		if (j < n && w[j] != L' ' && blank > i)
			j = blank; /* break after the last blank, not inside a word */
		add_wide(out, w + i, j - i);
		i = j;
		while (i < n && w[i] == L' ')
			i++;
	}
}

static void
wrap_into(const char *s, int width, struct strings *out)
{
	size_t n;
	wchar_t *w = widen(s != NULL ? s : "", &n);
	size_t start = 0;

	if (width < 1)
		width = 1;
	for (size_t i = 0; i <= n; i++)
		if (i == n || w[i] == L'\n') {
			wrap_paragraph(w + start, i - start, width, out);
			start = i + 1;
		}
	free(w);
}

size_t
text_wrap(const char *s, int width, char ***lines)
{
	struct strings out = { 0 };

	wrap_into(s, width, &out);
	*lines = out.v;
	return out.n;
}

/* ---- rows ---- */

/* Appends s to line at display column col (blanks up to it); *used is the
 * line's width so far. */
static void
put_at(struct buf *line, int *used, int col, const char *s)
{
	for (; *used < col; (*used)++)
		buf_adds(line, " ");
	buf_adds(line, s);
	*used += text_width(s);
}

/* The lines of one row: each cell wrapped in its column, side by side. */
static void
row_lines(const struct column *cols, size_t ncols, char *const *cells, struct strings *out)
{
	struct strings *wrapped = xcalloc(ncols, sizeof *wrapped);
	size_t height = 1;

	for (size_t c = 0; c < ncols; c++) {
		wrap_into(cells[c], cols[c].width, &wrapped[c]);
		if (wrapped[c].n > height)
			height = wrapped[c].n;
	}
	for (size_t k = 0; k < height; k++) {
		struct buf line = { 0 };
		int used = 0;

		for (size_t c = 0; c < ncols; c++) {
			const char *s = k < wrapped[c].n ? wrapped[c].v[k] : "";
			int at = cols[c].col;
			if (s[0] == '\0')
				continue;
			if (cols[c].right)
				at += cols[c].width - text_width(s);
			/* a blank at least after the cell before */
			put_at(&line, &used, used > 0 && at <= used ? used + 1 : at, s);
		}
		strings_add(out, line.data);
		buf_free(&line);
	}
	for (size_t c = 0; c < ncols; c++)
		strings_free(&wrapped[c]);
	free(wrapped);
}

/* ---- pages ---- */

struct layout {
	int body; /* lines a page has under its header */
	struct strings *pages; /* each page's body lines */
	size_t npages;
	int blank; /* a blank line is owed before the next unit */
	size_t fresh; /* the lines the page started with (headings repeated) */
};

static struct strings *
page_now(struct layout *l)
{
	return &l->pages[l->npages - 1];
}

static void
new_page(struct layout *l, const struct strings *repeat)
{
	l->pages = xreallocarray(l->pages, l->npages + 1, sizeof *l->pages);
	l->pages[l->npages++] = (struct strings){ 0 };
	l->blank = 0;
	/* a table going on repeats its headings, if they leave room */
	if (repeat != NULL && (int)repeat->n * 2 < l->body)
		for (size_t i = 0; i < repeat->n; i++)
			strings_add(page_now(l), repeat->v[i]);
	l->fresh = page_now(l)->n;
}

/* Lines that belong together (a row, a pair): on the page if they fit,
 * else on the next, which starts with heads (a table's headings) unless
 * the unit begins with them (with_heads: a table's first row); a unit
 * taller than a page is split where the pages end. */
static void
put_unit(struct layout *l, const struct strings *unit, const struct strings *heads,
	 int with_heads)
{
	size_t room = (size_t)l->body - page_now(l)->n;
	size_t need = unit->n + (l->blank && page_now(l)->n > 0);

	if (need > room && page_now(l)->n > l->fresh)
		new_page(l, with_heads ? NULL : heads);
	if (l->blank && page_now(l)->n > 0)
		strings_add(page_now(l), "");
	l->blank = 0;
	for (size_t i = 0; i < unit->n; i++) {
		if (page_now(l)->n >= (size_t)l->body)
			new_page(l, heads);
		strings_add(page_now(l), unit->v[i]);
	}
}

/* Places the label and value columns of a block of pairs. */
static void
pair_columns(const struct block *b, int width, struct column cols[2])
{
	int label = 0;

	for (size_t i = 0; i < b->cells.n; i += 2) {
		int w = text_width(b->cells.v[i]) + 1;
		if (w > label)
			label = w;
	}
	if (label > width / 3)
		label = width / 3;
	cols[0] = (struct column){ 0, label, 0 };
	cols[1] = (struct column){ label + 2, width - label - 2, 0 };
}

static void
lay_block(struct layout *l, const struct block *b, int width)
{
	struct column pair[2], text = { 0, width, 0 };
	const struct column *cols = b->cols;
	const struct strings *heads = b->kind == BLOCK_TABLE ? &b->headings : NULL;
	struct strings unit = { 0 };
	size_t nrows = b->ncols > 0 ? b->cells.n / b->ncols : 0;

	if (b->kind == BLOCK_PAIRS) {
		pair_columns(b, width, pair);
		cols = pair;
	} else if (b->kind == BLOCK_TEXT)
		cols = &text;
	l->blank = 1;
	if (heads != NULL)
		for (size_t i = 0; i < heads->n; i++)
			strings_add(&unit, heads->v[i]);
	for (size_t r = 0; r < nrows; r++) {
		char **cells = b->cells.v + r * b->ncols, *label = NULL, *pair_cells[2];
		if (b->kind == BLOCK_PAIRS) {
			label = xasprintf("%s:", cells[0]);
			pair_cells[0] = label;
			pair_cells[1] = cells[1];
			cells = pair_cells;
		}
		row_lines(cols, b->ncols, cells, &unit);
		/* the headings go with the first row, never alone at a page's foot */
		put_unit(l, &unit, heads, r == 0 && heads != NULL);
		strings_free(&unit);
		free(label);
	}
	if (unit.n > 0)
		put_unit(l, &unit, NULL, 0);
	strings_free(&unit);
}

/* The header of page n of m: the title and the date, then "Page n of m"
 * against the right edge, on the same line when it fits. */
static void
header(const char *title, const char *date, size_t n, size_t m, int width, struct strings *out)
{
	char *left = xasprintf("%s    %s", title, date);
	char *right = xasprintf(_("Page %zu of %zu"), n, m);
	int rw = text_width(right);

	wrap_into(left, width, out);
	char **last = &out->v[out->n - 1];
	int lw = text_width(*last);
	if (lw + 2 + rw <= width) {
		char *line = xasprintf("%s%*s%s", *last, width - lw - rw, "", right);
		free(*last);
		*last = line;
	} else {
		char *line = xasprintf("%*s%s", width - rw > 0 ? width - rw : 0, "", right);
		strings_add(out, line);
		free(line);
	}
	free(left);
	free(right);
}

void
doc_pages(const struct doc *d, const char *date, int width, int height, struct pages *out)
{
	struct strings head = { 0 };
	struct layout l = { 0 };
	size_t hlines;

	if (width < 20)
		width = 20;
	/* the header's height with the widest page numbers it may have */
	header(d->title, date, 9999, 9999, width, &head);
	hlines = head.n + 1;
	strings_free(&head);
	l.body = height - (int)hlines > 3 ? height - (int)hlines : 3;
	new_page(&l, NULL);
	for (size_t i = 0; i < d->nblocks; i++)
		lay_block(&l, &d->blocks[i], width);
	out->n = l.npages;
	out->page = xcalloc(l.npages, sizeof *out->page);
	for (size_t p = 0; p < l.npages; p++) {
		struct buf text = { 0 };
		header(d->title, date, p + 1, l.npages, width, &head);
		strings_add(&head, "");
		for (size_t i = 0; i < head.n; i++)
			buf_printf(&text, "%s\n", head.v[i]);
		for (size_t i = 0; i < l.pages[p].n; i++)
			buf_printf(&text, "%s\n", l.pages[p].v[i]);
		out->page[p] = text.data;
		strings_free(&head);
		strings_free(&l.pages[p]);
	}
	free(l.pages);
}

void
pages_free(struct pages *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->page[i]);
	free(p->page);
	p->page = NULL;
	p->n = 0;
}

char *
pages_join(const struct pages *p)
{
	struct buf b = { 0 };

	for (size_t i = 0; i < p->n; i++) {
		if (i > 0)
			buf_adds(&b, "\f");
		buf_adds(&b, p->page[i]);
	}
	return b.data != NULL ? b.data : xstrdup("");
}
