/* The line grid of a form: one child's rows of the record being edited,
 * kept in memory (rec->rows[child]) until the form saves the record. */
#ifndef SCRIVANO_GRID_H
#define SCRIVANO_GRID_H

#include <stdint.h>
#include <wchar.h>

#include "ui/ui.h"

/* What grid_handle did with an action. */
enum grid_result {
	GRID_NOT_MINE, /* not a grid action: the form's (save, back, help...) */
	GRID_DONE,     /* handled (or refused with a message) */
	GRID_LEAVE_NEXT, /* the cursor leaves for the form's next field */
	GRID_LEAVE_PREV, /* ... for the previous one */
};

struct grid;

/* A grid over parent->rows[sg->child_index]; lookups read book. */
struct grid *grid_new(const struct screen_grid *sg, struct record *parent, struct book *book);
void grid_free(struct grid *g);

/* The cursor comes in: at the first cell (forwards) or the last line's
 * last cell (backwards). An empty grid gets a blank line to type in. */
void grid_enter(struct grid *g, int backwards);
int grid_handle(struct ui *ui, struct grid *g, int action, wint_t ch);
/* Before the form saves or the cursor leaves by other means: takes the
 * cell being typed and drops a blank new line. 0, or -1 with the message
 * shown (the cursor stays). */
int grid_commit(struct ui *ui, struct grid *g);
/* After a save refused for a line: the cursor goes to it. */
void grid_goto(struct grid *g, size_t row, size_t record_field);
/* Where the cursor is (line, column, character in the cell) and the cell
 * as typed (newly allocated); and putting it back there, the cell's text
 * as typed (NULL: as the line holds it), as a draft kept them. */
void grid_where(const struct grid *g, size_t *row, size_t *col, size_t *pos, char **typed);
void grid_place(struct grid *g, size_t row, size_t col, const char *typed, size_t pos);
/* After the parent record was replaced (saved): shows its rows again. */
void grid_reload(struct grid *g);
/* Whether the cursor is on the last line's last cell (or there is no
 * line): where Next would add a line. */
int grid_at_end(const struct grid *g);
/* Whether lines were added, changed, moved or deleted since the last
 * grid_reload (or grid_new). */
int grid_changed(const struct grid *g);

/* Draws it with the layout's origin at (y, x); when it has the cursor,
 * *cy and *cx get where the terminal's cursor goes. */
void grid_draw(struct grid *g, int y, int x, int focused, int *cy, int *cx);
/* The key line while the cursor is in a grid. */
const struct key_hint *grid_hints(void);
/* The column the cursor is in (F1 shows its help). */
const struct screen_field *grid_cursor_field(const struct grid *g);

/* The sum of column col (an index in sg->fields) over the rows, as the
 * canonical integer; -1 when a value is not an integer or the sum
 * overflows. For the footer, and tests. */
int grid_sum(const struct screen_grid *sg, const struct record_rows *rs, size_t col,
	     int64_t *sum);

#endif
