/* The UI: a stack of views (menu, browse list, form, dialog, help) drawn on
 * one ncurses screen with a title line, a status line and a key line. Each
 * view handles the actions it knows and says so; the generic layer does the
 * rest (help, resizing). */
#ifndef SCRIVANO_UI_H
#define SCRIVANO_UI_H

#include <curses.h>
#include <wchar.h>

#include "book/book.h"
#include "term/keymap.h"
#include "ui/actions.h"
#include "ui/screenfile.h"

struct ui;
struct view;

/* An entry of the key line: an action and its label (NULL: the action's). */
struct key_hint {
	int action;
	const char *label;
};

struct view_ops {
	/* Paints the view onto stdscr (every view of the stack is painted,
	 * bottom first, so a dialog shows over its form). */
	void (*draw)(struct ui *ui, struct view *v);
	/* An action (or ACT_NONE with a typed character in ch): 1 when the view
	 * handled it, 0 to let the generic layer try. */
	int (*handle)(struct ui *ui, struct view *v, int action, wint_t ch);
	/* The keys the key line shows for this view, ending with ACT_NONE;
	 * NULL when they are always the view's key_hints. */
	const struct key_hint *(*hints)(struct ui *ui, struct view *v);
};

struct view {
	const struct view_ops *ops;
	void *data;
	char *title;     /* for the title line; owned */
	int closed;      /* set by the view to leave ui_run_view */
	int overlay;     /* drawn over the view below it (dialogs) */
	int cursor_y, cursor_x; /* where the cursor shows, -1 hidden */
	const struct key_hint *key_hints; /* its keys, when ops->hints is NULL */
	/* The record kind whose commands the view offers (help lists them),
	 * or NULL. */
	const struct record_kind *commands_of;
};

#define UI_MAX_DEPTH 16

struct ui {
	struct book *book;
	struct keymap *keys;
	struct screen **screens;
	size_t nscreens;
	struct view *stack[UI_MAX_DEPTH];
	int depth;
	char status[512];
	int status_error;
	int quit;
	int input_failed; /* the terminal went away: leave every view */
	char *book_caption; /* "Book of anna, read-only" in the title, or NULL */
};

/* A book the session may work on: the user's own (owner NULL) or one
 * shared with the user by its owner, read-only or read-write. */
struct book_choice {
	const char *path;
	const char *owner;
	int read_only;
};

/* Runs the main menu on the terminal in stdin/stdout until the user quits,
 * on book; or, book NULL, on the one of the n choices the user picks
 * first (books.c; user names the account), opened and closed here.
 * Returns 0, or -1 with a message (no terminal). */
int ui_main(struct book *book, const struct book_choice *choices, size_t n, const char *user,
	    struct keymap *keys, struct screen **screens, size_t nscreens, const char *note,
	    char *err);
/* books.c: the chooser; the book opened (NULL when the session ended
 * first), with its index in *chosen. */
struct book *books_choose(struct ui *ui, const struct book_choice *books, size_t n,
			  const char *user, size_t *chosen);

/* tui.c: every screen of the shipped screen files, and their views, read
 * and checked as `scrivano tui` reads them (the code lists of their fields
 * too): *screens gets *n screens the caller frees, even when some files
 * have mistakes, which go to errs. Returns the number of mistakes. */
int tui_load_screens(struct screen ***screens, size_t *n, struct buf *errs);

/* Pushes v and runs the loop until v is closed; then pops it. */
void ui_run_view(struct ui *ui, struct view *v);
struct screen *ui_find_screen(struct ui *ui, const char *name);

void ui_status(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Paints the screen now, status line included (progress in a long task). */
void ui_repaint(struct ui *ui);
void ui_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Drawing helpers. Text is UTF-8 (or wide), clipped to width columns and,
 * when pad is set, padded with blanks to it. */
void ui_put(int y, int x, const char *s, int width, int pad, attr_t attr);
void ui_putw(int y, int x, const wchar_t *s, size_t n, int width, int pad, attr_t attr);
/* Most lines a status message takes, wrapped (pages.h: text_wrap). */
#define UI_STATUS_LINES 6
/* A box with a title in its top border. */
void ui_box(int y, int x, int h, int w, const char *title);
/* Display columns of a UTF-8 string. */
int ui_width(const char *s);

/* Moves a list's cursor one row down (or up) among the n rows it holds:
 * 1 when it moved, 0 at the edge (where the next row is to be read). */
int ui_list_step(size_t *cur, size_t n, int down);
/* A menu's moves among its n items (next and previous, going round; home,
 * end, the pages to the first and the last): 1 when action is one. */
int ui_menu_move(size_t *cur, size_t n, int action);

/* The views. */
void menu_run(struct ui *ui);
void browse_run(struct ui *ui, struct screen *scr);
/* pn-summary.c: the prima nota's summary of a year, by month and causale. */
void pn_summary_run(struct ui *ui);
/* Opens the form on a record (id 0: a new one). Returns 1 when something
 * was saved. *saved_id gets the id of the record last saved. */
int form_run(struct ui *ui, struct screen *scr, struct record *rec, int64_t *saved_id);
/* Opens the form on record id of scr's kind, loaded from the book (what
 * keeps it from loading said instead). */
void form_open(struct ui *ui, struct screen *scr, int64_t id);
/* Opens the form on a draft (drafts.h) of this session, taken over: the
 * record as it is now in the book, with the draft's values, lines and
 * cursor over the version it was typed on (so that Save refuses it when
 * someone saved the record since). Returns 1 when it was saved. */
struct draft;
int form_resume(struct ui *ui, struct screen *scr, struct draft *d);
/* resume.c: at login, offers each draft the user's sessions left unsaved
 * (resume, discard, or later). */
void drafts_offer(struct ui *ui);
/* A yes/no question in a box: 1 yes, 0 no. */
int dialog_confirm(struct ui *ui, const char *question);
/* The same with a third answer: 1 yes (or Save), 0 no, -1 cancel (Back). */
int dialog_yes_no_cancel(struct ui *ui, const char *question);
/* A question answered by one of the keys' actions (answers, ending with
 * ACT_NONE, shown in the box and on the key line): the action chosen. */
int dialog_keys(struct ui *ui, const char *question, const struct key_hint *answers);
/* Asks for a line of text on a box; 1 with the text in out (UTF-8), 0
 * when cancelled. */
int dialog_prompt(struct ui *ui, const char *question, char *out, size_t size);
/* The same for a list's Find: Enter says Find. */
int dialog_find(struct ui *ui, const char *question, char *out, size_t size);
/* A choice among n items in a box titled title: Up/Down and Enter, or an
 * item's first letter; the highlighted item's help shows under them. The
 * index chosen, or -1 when cancelled (Back). Labels and helps are msgids. */
struct dialog_item {
	const char *label;
	const char *help;
};
int dialog_menu(struct ui *ui, const char *title, const struct dialog_item *items, size_t n);
/* commands.c: a record kind's commands (record.h: struct record_command)
 * in forms and lists. Whether kind k has any; the commands that apply to
 * r now into out (at most max), their number. */
int commands_any(const struct record_kind *k);
size_t commands_applicable(const struct record *r, const struct record_command **out,
			   size_t max);
/* Offers the commands that apply to saved record id of scr's kind in a
 * menu (Commands), asks what the chosen one declares, runs it and shows
 * its message or refusal; a command that opens a screen runs that form on
 * a new linked record; a command that names a record to open (a copy)
 * opens it in scr's form. 1 when something was done (the caller reloads
 * the record), 0 when not. */
int commands_offer(struct ui *ui, struct screen *scr, int64_t id);
/* The key line's entry for Commands; and a view's key line base with it
 * added when kind k has commands not all rare (into buf, size entries),
 * else base. */
#define COMMANDS_HINT { ACT_COMMANDS, NULL }
#define COMMANDS_HINTS_MAX 16
const struct key_hint *commands_hints(const struct key_hint *base, const struct record_kind *k,
				      struct key_hint *buf, size_t size);
/* help.c: the keys of the screen whose key line is hints, and of every
 * action. */
void help_run(struct ui *ui, const struct key_hint *hints);
/* F1 on a form's field f: its help; F1 there goes on to help_run. */
void help_field_run(struct ui *ui, const struct screen_field *f, const struct key_hint *hints);
/* What help_field_run shows, naming choose_key for a list: newly
 * allocated, one paragraph a line. */
char *help_field_text(const struct screen_field *f, const char *choose_key);
/* Text wrapped at width display columns, breaking at blanks (a word wider
 * than a line is cut); lines after the first start indent columns in.
 * *lines gets the lines (newly allocated, as the array); returns their
 * number, at least 1. */
size_t help_wrap(const char *text, int width, int indent, char ***lines);

/* print.c: the terminal's own printer. print_setup names it once at start
 * (the printer style of TERM, the printer's charset, and whether scrivano's
 * relay stands between, which then passes jobs on unconverted). */
void print_setup(const char *term, const char *charset, int relay);
/* Prints UTF-8 text through printer controller mode, ending with a form
 * feed, and redraws the screen; 0, or -1 with the message shown. */
int ui_print(struct ui *ui, const char *text);
/* A list as its browse shows it: the screen (columns, headings), the
 * order and filters (a view's and the user's), and the title saying them. */
struct list_shown {
	const struct screen *scr;
	const struct browse_order *order;
	const char *title;
};
/* Prints every row of a list, in its order and through its filters, as its
 * columns show them; a record, every field of its screen (label: value)
 * and its grids as tables. Both show the pages first (preview.c), then
 * send them to the printer or save them as a text file, as the user
 * chooses. */
void print_list(struct ui *ui, const struct list_shown *list);
void print_record(struct ui *ui, const struct screen *scr, const struct record *rec);
/* Any document (pages.h): shows its pages, then sends them to the printer
 * or saves them as a text file named from name, as the user chooses. */
struct doc;
void print_doc(struct ui *ui, const struct doc *d, const char *name);
/* history.c: the history of record id of scr's kind (the History key),
 * shown as a print's preview; an unsaved record (id 0) has none. */
void history_show(struct ui *ui, const struct screen *scr, int64_t id);
/* A new file NAME-YYYYMMDD-HHMMSS.EXT (a number after the time when one of
 * that name is there: never over another) in the book's export folder,
 * export/BOOK beside the book (made 0700 when missing; BOOK its file name
 * without .sqlite), open for writing (0600): its descriptor, the path in
 * *path (newly allocated); or -1 with a message. */
int export_file_new(const char *book, const char *name, const char *ext, char **path,
		    char *err);
/* import.c: Import in the prima nota's list: a bank statement of the
 * book's import folder into an account (account: its name, or NULL to
 * ask), the report on the status line. 1 when something was imported. */
int import_statement(struct ui *ui, const char *account);
/* The list's Import of a kind that has its own (record.h's import): every
 * file of the book's import folder it takes, a progress line, then the
 * report in the print preview's pager and its summary on the status line.
 * 1 when it ran (the list may have new rows). */
int import_kind_files(struct ui *ui, const struct record_kind *k);

/* browse.c, also for print.c: what a list's column shows of a row (a
 * lookup: its target's name), newly allocated; and each row of a list, in
 * its order, a page at a time, given to fn (stopping at the first that
 * returns non-zero). 0, or -1 with a message in err. */
char *browse_cell(struct book *book, const struct screen *scr, size_t column,
		  const struct record *r);
int browse_each(struct book *book, const struct list_shown *list,
		int (*fn)(void *arg, const struct record *r), void *arg, char *err);
/* browse.c, for `scrivano export`: a list as the command line asks for
 * it, as the screen would show it after Sort, Reverse and Filter: its
 * view's condition, then the conditions of filter written as Filter takes
 * them (NULL: none), in the order of the sortable column that sort names
 * as a filter names one (NULL: the screen's), descending or not. NULL with
 * a message in err. */
struct list_query;
struct list_query *browse_query(struct book *book, struct screen *scr, const char *sort,
				int descending, const char *filter, char *err);
const struct list_shown *browse_query_list(const struct list_query *q);
void browse_query_free(struct list_query *q);

/* small.c: 80x24 is the design size. When the window is smaller, a notice
 * is shown instead of the screens and the keys typed meanwhile wait, to be
 * done in order once the window is large enough again. */
#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24
int ui_too_small(void);
void ui_paint_too_small(void);
/* The next key for the views: one that waited, else one read now through
 * idle.c (keys read while the window is too small are kept). 0 with a key,
 * 1 when idle.c has a warning to show or the time is up, -1 when input
 * failed. */
int ui_next_key(struct ui *ui, keycode *k);

#endif
