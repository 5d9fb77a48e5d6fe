/* A one-line text editor over wide characters, for form fields and
 * prompts: insert, left, right, home, end, backspace, delete, and
 * horizontal scrolling when the text is wider than its place. */
#ifndef SCRIVANO_EDIT_H
#define SCRIVANO_EDIT_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

struct edit {
	wchar_t *text;
	size_t len, cap;
	size_t pos;    /* the cursor, in characters */
	size_t scroll; /* the first character shown */
	size_t max;    /* most characters; 0: no limit */
	int upper;     /* typed letters become capitals */
	int fresh;     /* the text is an offer (today's date...) or was just
			  entered: a typed character replaces all of it,
			  Backspace or Del clears it; a move keeps it */
	int secret;    /* drawn as one '*' a character (a password) */
};

void edit_set(struct edit *e, const char *utf8);
/* The text as UTF-8, newly allocated. */
char *edit_get(const struct edit *e);
/* An editing action, or ACT_NONE with a typed character. 1 when done, 0
 * when the action is not an editing one, -1 when refused (the text is at
 * its longest). */
int edit_handle(struct edit *e, int action, wint_t ch);
/* Draws the text at (y, x) over width columns; returns the column of the
 * cursor. */
int edit_draw(struct edit *e, int y, int x, int width, attr_t attr);
void edit_free(struct edit *e);

#endif
