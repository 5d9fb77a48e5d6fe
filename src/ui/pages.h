/* What is printed, laid out as pages of text: a document (a title, pairs of
 * label and value, tables, lines of text) becomes pages of a given width
 * and height, each under a header that names the title, the date and
 * "Page N of M". A long value wraps within its column, never cut; a table
 * continued on the next page repeats its headings there. Pure: no
 * terminal and no book, so the tests read the pages as they are. */
#ifndef SCRIVANO_PAGES_H
#define SCRIVANO_PAGES_H

#include <stddef.h>

/* The size of a printed page: the widest layout (SCREEN_MAX_COLS) fits,
 * and 60 lines leave a margin on A4 and letter paper at 6 lines an inch. */
#define PAGE_WIDTH 76
#define PAGE_LINES 60

struct doc;

/* A document with its title (UTF-8, as every text here). */
struct doc *doc_new(const char *title);
void doc_free(struct doc *d);
/* "Label: value". Pairs in a row make one block, their values aligned. */
void doc_pair(struct doc *d, const char *label, const char *value);
/* Starts a table. Its heading lines are printed as given, above its rows
 * and again at the top of each page it continues on; a cell of column c
 * starts at display column col (from 0) and wraps within width, numbers
 * (right) against its right edge. */
void doc_table(struct doc *d);
void doc_heading(struct doc *d, const char *line);
void doc_column(struct doc *d, int col, int width, int right);
/* A row of the table: one cell per column (NULL: empty). */
void doc_row(struct doc *d, const char *const *cells);
/* Lines laid out by their maker (a kind's print_text), printed as they
 * are, one a row of a paragraph block: a line wider than the page wraps
 * there, none is cut. */
void doc_lines(struct doc *d, char *const *lines, size_t n);
/* A paragraph, wrapped to the page ("": a blank line). Blocks (pairs,
 * tables, paragraphs) are a blank line apart. */
void doc_text(struct doc *d, const char *text);

/* The pages, each a text of lines ending in '\n'. */
struct pages {
	char **page;
	size_t n;
};

/* Lays d out on pages of width columns and height lines, the header
 * included; date is printed beside the title. Always one page at least. */
void doc_pages(const struct doc *d, const char *date, int width, int height,
	       struct pages *out);
void pages_free(struct pages *p);
/* All the pages in one text, a form feed between two pages; newly
 * allocated. */
char *pages_join(const struct pages *p);

/* Wraps s into lines of at most width display columns: at blanks where it
 * can, inside a word longer than a line, and at each '\n'. *lines gets the
 * lines (newly allocated, as is the array); returns how many (at least 1). */
size_t text_wrap(const char *s, int width, char ***lines);

#endif
