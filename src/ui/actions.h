/* Every action a key can do, in one table (an X-macro): the enum, the names
 * key files use, the key line's labels, the help screen and the man page's
 * list all come from here. */
#ifndef SCRIVANO_ACTIONS_H
#define SCRIVANO_ACTIONS_H

#include "util/i18n.h"

/* GROUP_GENERAL's actions have an Esc-digit and a Ctrl-letter on every
 * terminal (tests/unit/test-termkeys); the others Esc and a letter. */
enum action_group {
	GROUP_GENERAL, GROUP_MOVE, GROUP_EDIT, GROUP_LIST, GROUP_GRID, GROUP_RECORD, GROUP_COUNT
};

/* X(ID, key-file name, short label for the key line, help text, group) */
#define ACTIONS(X)                                                                          \
	X(HELP, "help", N_("Help"), N_("the field's help; again, or elsewhere: the keys"),  \
	  GROUP_GENERAL)                                                                    \
	X(SAVE, "save", N_("Save"), N_("save the form"), GROUP_GENERAL)                     \
	X(SEARCH, "search", N_("Search"), N_("find a name containing some text"),           \
	  GROUP_GENERAL)                                                                    \
	X(CHOOSE, "choose", N_("List"), N_("choose the field's value from a list"),        \
	  GROUP_GENERAL)                                                                    \
	X(NEW, "new", N_("New"), N_("add a new record; in a line grid, a line at the end"),  \
	  GROUP_GENERAL)                                                                    \
	X(DELETE, "delete", N_("Delete"),                                                  \
	  N_("delete the record (asks first); in a line grid, the line"), GROUP_GENERAL)    \
	X(PRINT, "print", N_("Print"),                                                      \
	  N_("print the list or the record: pages shown first"), GROUP_GENERAL)             \
	X(BACK, "back", N_("Back"), N_("close this screen; in the main menu, quit"),       \
	  GROUP_GENERAL)                                                                    \
	X(ENTER, "enter", N_("Open"), N_("open the highlighted item; in a form, next field"), \
	  GROUP_MOVE)                                                                       \
	X(NEXT, "next", N_("Next"), N_("next field, or the line below"), GROUP_MOVE)       \
	X(PREV, "prev", N_("Previous"), N_("previous field, or the line above"),           \
	  GROUP_MOVE)                                                                       \
	X(PAGE_UP, "page-up", N_("Page up"), N_("the page above"), GROUP_MOVE)                 \
	X(PAGE_DOWN, "page-down", N_("Page down"), N_("the page below"), GROUP_MOVE)             \
	X(HOME, "home", N_("First"), N_("start of the field, or first line"), GROUP_MOVE)   \
	X(END, "end", N_("Last"), N_("end of the field, or last line"), GROUP_MOVE)         \
	X(LEFT, "left", N_("Left"), N_("one character left"), GROUP_EDIT)                   \
	X(RIGHT, "right", N_("Right"), N_("one character right"), GROUP_EDIT)               \
	X(BACKSPACE, "backspace", N_("Backspace"),                                         \
	  N_("delete the character before the cursor"), GROUP_EDIT)                        \
	X(DELETE_CHAR, "delete-char", N_("Del"), N_("delete the character under the cursor"), \
	  GROUP_EDIT)                                                                       \
	X(SORT, "sort", N_("Sort"), N_("sort the list by its next sortable column"),        \
	  GROUP_GENERAL)                                                                    \
	X(REVERSE, "reverse", N_("Reverse"), N_("reverse the list's order"), GROUP_LIST)    \
	X(EXPORT, "export", N_("Export"),                                                  \
	  N_("write the list as it shows to a CSV file: Italian or plain"), GROUP_LIST)     \
	X(IMPORT, "import", N_("Import"),                                                  \
	  N_("a bank statement into the prima nota; the supplier invoices into the documents"), \
	  GROUP_LIST)                                                                       \
	X(FILTER, "filter", N_("Filter"),                                                  \
	  N_("show only the rows that pass a condition; an empty one shows all again"),     \
	  GROUP_GENERAL)                                                                    \
	X(DOWN, "down", N_("Down"), N_("the line below; elsewhere as next"), GROUP_MOVE)     \
	X(UP, "up", N_("Up"), N_("the line above; elsewhere as prev"), GROUP_MOVE)           \
	X(INSERT_LINE, "insert-line", N_("Insert"), N_("a new line above the cursor's"),    \
	  GROUP_GRID)                                                                       \
	X(LINE_UP, "line-up", N_("Move up"), N_("move the line up one place"), GROUP_GRID)  \
	X(LINE_DOWN, "line-down", N_("Move down"), N_("move the line down one place"),      \
	  GROUP_GRID)                                                                       \
	X(LEAVE_GRID, "leave-grid", N_("Leave"), N_("leave the line grid for the next field"), \
	  GROUP_GRID)                                                                       \
	X(COMMANDS, "commands", N_("Commands"),                                            \
	  N_("what else can be done to the record (to pay, copy...): a menu of its commands"), \
	  GROUP_RECORD)                                                                     \
	X(HISTORY, "history", N_("History"),                                               \
	  N_("the record's history: who changed what, when, from what to what"),            \
	  GROUP_RECORD)

enum action {
	ACT_NONE = -1,
#define ACTION_ENUM(id, name, label, help, group) ACT_##id,
	ACTIONS(ACTION_ENUM)
#undef ACTION_ENUM
	ACT_COUNT
};

struct action_info {
	const char *name;  /* as key files write it */
	const char *label; /* English msgid, short */
	const char *help;  /* English msgid */
	enum action_group group;
};

/* Indexed by enum action. */
extern const struct action_info action_table[ACT_COUNT];
/* The names alone, indexed by enum action (for the key-file parser). */
extern const char *const action_names[ACT_COUNT];
/* English msgid of a group's title. */
const char *action_group_title(enum action_group g);

#endif
