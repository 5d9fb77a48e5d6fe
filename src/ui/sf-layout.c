/* Screen files, the drawn blocks (layout pages and the list): fields in
 * brackets and the text between them, placed by row and column as they
 * appear. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui/sf-impl.h"
#include "util/i18n.h"

void
sf_block_add(struct block *b, const char *line, int lineno)
{
	b->lines = xreallocarray(b->lines, b->n + 1, sizeof *b->lines);
	b->linenos = xreallocarray(b->linenos, b->n + 1, sizeof *b->linenos);
	b->lines[b->n] = xstrdup(line);
	b->linenos[b->n++] = lineno;
}

void
sf_block_free(struct block *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->lines[i]);
	free(b->lines);
	free(b->linenos);
}

/* Columns of leading blanks common to the block's non-blank lines. */
size_t
sf_block_indent(const struct block *b)
{
	size_t indent = (size_t)-1;

	for (size_t i = 0; i < b->n; i++) {
		size_t n = strspn(b->lines[i], " ");
		if (b->lines[i][n] != '\0' && n < indent)
			indent = n;
	}
	return indent == (size_t)-1 ? 0 : indent;
}

static void
add_text(struct screen_text **v, size_t *n, int row, int col, const char *start, size_t len)
{
	struct screen_text *t;

	*v = xreallocarray(*v, *n + 1, sizeof **v);
	t = &(*v)[(*n)++];
	t->row = row;
	t->col = col;
	t->width = 0;
	t->text = xstrndup(start, len);
	/* a label ends at its last non-blank */
	for (size_t l = strlen(t->text); l > 0 && t->text[l - 1] == ' '; l--)
		t->text[l - 1] = '\0';
}

static void
add_placed(struct placed **v, size_t *n, const char *tag, int row, int col, int width, int line)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n] = (struct placed){ xstrdup(tag), 0, row, col, width, line };
	(*n)++;
}

/* Reads the field in brackets starting at s (just after '['); returns the
 * byte length up to and including ']', or 0 after reporting a mistake. */
static size_t
scan_field(struct parser *p, const char *s, int line, char *tag, size_t tagsize, int *width)
{
	const char *end = strchr(s, ']');
	const char *open = strchr(s, '[');
	size_t n;

	if (end == NULL || (open != NULL && open < end)) {
		sf_error_at(p, line, _("'[' without its ']'"));
		return 0;
	}
	n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
	if (n == 0 || n >= tagsize || strspn(s + n, " ") != (size_t)(end - s) - n ||
	    !sf_name_ok((char[]){ s[0], '\0' })) {
		sf_error_at(p, line, _("brackets hold a field's name and blanks, as [name    ]"));
		return 0;
	}
	memcpy(tag, s, n);
	tag[n] = '\0';
	*width = (int)(end - s);
	return (size_t)(end - s) + 1;
}

/* One line of a drawn block: fields in brackets, text between them (a run
 * of words with single blanks between them is one label). */
void
sf_scan_line(struct parser *p, const char *line, int row, int lineno, struct screen_text **texts,
	     size_t *ntexts, struct placed **placed, size_t *nplaced, int *maxcol)
{
	const char *s = line, *run = NULL;
	int col = 0, run_col = 0;

	while (*s != '\0') {
		size_t len;
		int w;

		if (*s == '[') {
			char tag[64];
			int width;
			size_t n;

			if (run != NULL)
				add_text(texts, ntexts, row, run_col, run, (size_t)(s - run));
			run = NULL;
			if ((n = scan_field(p, s + 1, lineno, tag, sizeof tag, &width)) == 0)
				return;
			add_placed(placed, nplaced, tag, row, col + 1, width, lineno);
			s += n + 1;
			col += width + 2;
			continue;
		}
		if (*s == ']') {
			sf_error_at(p, lineno, _("']' without its '['"));
			return;
		}
		if (*s == ' ' && run != NULL && (s[1] == ' ' || s[1] == '\0' || s[1] == '[')) {
			add_text(texts, ntexts, row, run_col, run, (size_t)(s - run));
			run = NULL;
		} else if (*s != ' ' && run == NULL) {
			run = s;
			run_col = col;
		}
		w = utf8_char_width(s, &len);
		s += len;
		col += w;
	}
	if (run != NULL)
		add_text(texts, ntexts, row, run_col, run, (size_t)(s - run));
	if (col > *maxcol)
		*maxcol = col;
}

/* Gives each text the columns up to the next thing on its row. */
void
sf_fit_texts(struct screen_text *t, size_t n, const struct placed *pl, size_t npl, int cols)
{
	for (size_t i = 0; i < n; i++) {
		int limit = cols;
		for (size_t j = 0; j < n; j++)
			if (t[j].row == t[i].row && t[j].col > t[i].col && t[j].col - 1 < limit)
				limit = t[j].col - 1;
		for (size_t j = 0; j < npl; j++)
			if (pl[j].row == t[i].row && pl[j].col > t[i].col && pl[j].col - 2 < limit)
				limit = pl[j].col - 2;
		t[i].width = limit - t[i].col;
	}
}

/* Marks what the page's lines added (texts and fields from index t0, p0). */
static void
set_page(struct parser *p, int page, size_t t0, size_t p0)
{
	for (size_t i = t0; i < p->s->ntexts; i++)
		p->s->texts[i].page = page;
	for (size_t i = p0; i < p->nplaced; i++)
		p->placed[i].page = page;
}

void
sf_read_layout(struct parser *p, int page)
{
	struct block *b = &p->layouts[page];
	size_t indent = sf_block_indent(b), t0 = p->s->ntexts, p0 = p->nplaced;
	struct screen *s = p->s;
	int maxcol = 0, rows;

	for (size_t i = 0; i < b->n; i++) {
		const char *line = b->lines[i];
		line += strspn(line, " ") < indent ? strspn(line, " ") : indent;
		sf_scan_line(p, line, (int)i, b->linenos[i], &s->texts, &s->ntexts, &p->placed,
			     &p->nplaced, &maxcol);
	}
	set_page(p, page, t0, p0);
	while (b->n > 0 && b->lines[b->n - 1][strspn(b->lines[b->n - 1], " ")] == '\0')
		free(b->lines[--b->n]);
	rows = (int)b->n;
	if (rows > s->rows)
		s->rows = rows;
	if (maxcol > s->cols)
		s->cols = maxcol;
	if (s->ntexts > t0) /* (no arithmetic on a NULL array) */
		sf_fit_texts(s->texts + t0, s->ntexts - t0, p->nplaced > p0 ? p->placed + p0 : NULL,
			     p->nplaced - p0, maxcol);
	if (rows == 0)
		sf_error_at(p, b->start, _("the layout is empty"));
	if (maxcol > SCREEN_MAX_COLS)
		sf_error_at(p, b->start, _("the layout is %d columns wide; at most %d fit"), maxcol,
			    SCREEN_MAX_COLS);
	if (rows > SCREEN_MAX_ROWS)
		sf_error_at(p, b->start,
			    _("the layout is %d lines tall; at most %d fit (put the rest in "
			      "another layout section: a second page)"),
			    rows, SCREEN_MAX_ROWS);
}

/* Under the list's line of fields, `total COLUMN`: the column summed over
 * every row the list shows, under it. 1 when the line is one (taken, or
 * its mistake reported). */
static int
list_total(struct parser *p, const char *line, int lineno)
{
	const char *t = line + strspn(line, " ");
	char *copy;
	struct words w;

	if (strncmp(t, "total", 5) != 0 || (t[5] != ' ' && t[5] != '\0'))
		return 0;
	copy = xstrdup(t);
	if (sf_split(p, copy, &w) == 0) {
		if (w.n != 2 || w.quoted[1] || !sf_name_ok(w.v[1]))
			sf_error_at(p, lineno,
				    _("under a list's line of fields: total COLUMN, a column "
				      "of numbers to sum over the rows shown"));
		else {
			p->list_totals = xreallocarray(p->list_totals, p->nlist_totals + 1,
						       sizeof *p->list_totals);
			p->list_total_lines = xreallocarray(p->list_total_lines, p->nlist_totals + 1,
							    sizeof *p->list_total_lines);
			p->list_total_lines[p->nlist_totals] = lineno;
			p->list_totals[p->nlist_totals++] = xstrdup(w.v[1]);
		}
	}
	free(copy);
	return 1;
}

/* The list block: heading lines, one line of brackets, one per column,
 * and under it any `total COLUMN` lines. */
void
sf_read_list(struct parser *p)
{
	struct block *b = &p->list;
	size_t indent = sf_block_indent(b);
	struct screen *s = p->s;
	int maxcol = 0, row_line = 0;

	for (size_t i = 0; i < b->n; i++) {
		const char *line = b->lines[i];
		line += strspn(line, " ") < indent ? strspn(line, " ") : indent;
		if (strchr(line, '[') != NULL) {
			struct screen_text *junk = NULL;
			size_t njunk = 0;
			if (row_line != 0) {
				sf_error_at(p, b->linenos[i],
					    _("a list has one line of fields (the "
					      "first is on line %d)"),
					    row_line);
				continue;
			}
			row_line = b->linenos[i];
			sf_scan_line(p, line, 0, row_line, &junk, &njunk, &p->cells, &p->ncells,
				     &maxcol);
			if (njunk > 0)
				sf_error_at(p, row_line,
					    _("a list's line of fields holds only fields; put "
					      "headings above it"));
			for (size_t j = 0; j < njunk; j++)
				free(junk[j].text);
			free(junk);
		} else if (row_line != 0) {
			if (list_total(p, line, b->linenos[i]))
				continue;
			if (line[0] != '\0')
				sf_error_at(p, b->linenos[i],
					    _("headings go above the list's line of fields"));
		} else {
			sf_scan_line(p, line, (int)i, b->linenos[i], &s->headings, &s->nheadings,
				     &p->cells, &p->ncells, &maxcol);
			s->heading_rows = (int)i + 1;
		}
	}
	if (row_line == 0)
		sf_error_at(p, b->start, _("the list has no line of fields in brackets"));
	sf_fit_texts(s->headings, s->nheadings, NULL, 0, maxcol);
	if (maxcol > SCREEN_MAX_LIST_COLS)
		sf_error_at(p, b->start, _("the list is %d columns wide; at most %d fit"), maxcol,
			    SCREEN_MAX_LIST_COLS);
}

void
sf_free_texts(struct screen_text *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(t[i].text);
	free(t);
}
