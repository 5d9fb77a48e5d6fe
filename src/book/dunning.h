/* Dunning (issue 16.2): reminder letters (solleciti) to a customer whose
 * receivables are overdue, in three levels, each with the late-payment
 * interest of D.Lgs. 231/2002 (src/util/late-interest.h) as of its date.
 * A letter is made (dunning_prepare: the customer's overdue items, their
 * interest) and recorded (dunning_record, table dunning_letters and its
 * lines, one transaction); the history is read back as it was sent. Its
 * text comes from a file the user may edit, letters/dunning-N.LANG.txt
 * (dunning-letter.c), shown in the pager, printed, or as a PDF. */
#ifndef SCRIVANO_DUNNING_H
#define SCRIVANO_DUNNING_H

#include <stddef.h>
#include <stdint.h>

#include "book/parties.h"
#include "book/record.h"

#define DUNNING_LEVELS 3

struct dunning_line {
	int64_t item_id;
	char doc[64];        /* "FAT 1/2026" */
	int seq, of;         /* instalment seq of of */
	char due[11];
	int64_t open;        /* cents */
	int64_t days;        /* days late as of the letter's date */
	int64_t interest;    /* cents */
};

struct dunning_letter {
	int64_t id;          /* 0 until recorded */
	int64_t party_id;
	char party[PARTY_NAME_SIZE]; /* a name of 121 characters, 4 bytes each at most */
	int level;           /* 1..DUNNING_LEVELS */
	char date[11];
	struct dunning_line *lines;
	size_t n;
	int64_t open, interest; /* the lines' totals */
};

/* The letter of level to party as of date (NULL: today): its receivables
 * due before date and not paid, each with its interest from the day after
 * its due date to date. 0; REC_INVALID with the reason (no overdue items,
 * a level not 1-3, a half-year missing from the rates' table, not a
 * customer); REC_GONE; REC_ERROR. */
int dunning_prepare(struct book *b, int64_t party, int level, const char *date,
		    struct dunning_letter *out, char *err);
/* Records l as sent (its id set): one transaction. 0 or REC_ERROR. */
int dunning_record(struct book *b, struct dunning_letter *l, char *err);
/* Letter id as recorded: 0, REC_GONE, REC_ERROR. */
int dunning_load(struct book *b, int64_t id, struct dunning_letter *out, char *err);
/* The letters sent to party (0: every party), newest last, with their
 * lines: *out (free each with dunning_letter_free, then the array), *n. */
int dunning_history(struct book *b, int64_t party, struct dunning_letter **out, size_t *n,
		    char *err);
/* The level a new letter to party takes: one more than its last letter's,
 * at most DUNNING_LEVELS; 1 when it has none. 0 with *level or REC_ERROR. */
int dunning_next_level(struct book *b, int64_t party, int *level, char *err);
/* The id of party's last letter into *id (0: none). 0 or REC_ERROR. */
int dunning_last(struct book *b, int64_t party, int64_t *id, char *err);
void dunning_letter_free(struct dunning_letter *l);

/* ---- the letter's text (dunning-letter.c) ---- */

/* Where the text of level's letter is read from, the first that exists:
 * the book's own letters/BOOK/ (beside the book, as export/BOOK is), the
 * data folder's letters/ (beside the books, for all its users), then the
 * shipped letters/ (share folder); each named dunning-N.LANG.txt, LANG the
 * session's (en, it). Newly allocated, or NULL with a message. */
char *dunning_letter_file(struct book *b, int level, char *err);
/* The letter as lines of text of at most 76 columns, its placeholders
 * filled: the number of lines into *lines (each allocated, as the array
 * is), or (size_t)-1 with a message (the file unreadable, a placeholder
 * unknown, with the file and the line). */
size_t dunning_letter_text(struct book *b, const struct dunning_letter *l, char ***lines,
			   char *err);
/* The letter as an A4 PDF written whole at path: 0, or REC_ERROR. */
int dunning_letter_pdf(struct book *b, const struct dunning_letter *l, const char *path,
		       int force, char *err);
/* The letters of a history as lines of text (the party's command, the
 * command line): their number, as dunning_letter_text. */
size_t dunning_history_text(const struct dunning_letter *v, size_t n, char ***lines);

/* ---- the commands (dunning-cmds.c) ---- */

/* The entries of a customer's commands (parties.c) and an open item's
 * (items-kind.c), on the item's party, for a kind's commands table:
 * Reminder letter (the level asked, one more than the last offered), Show
 * reminder letter, Reminder letter PDF, Reminder letters sent; applies_fn
 * tells the records they apply to. */
#define DUNNING_COMMANDS(applies_fn)                                                      \
	{ .name = "reminder", .label = N_("Reminder letter"),                             \
	  .help = N_("make and record a reminder letter (sollecito)"),                    \
	  .applies = applies_fn, .ask = RECORD_ASK_TEXT,                                  \
	  .prompt = N_("Reminder letter's level (1, 2 or 3):"), .preset = dunning_preset_level, \
	  .run = dunning_run_letter },                                                    \
	{ .name = "reminder-show", .label = N_("Show reminder letter"),                   \
	  .help = N_("the last reminder letter, to read or print"),                       \
	  .applies = applies_fn, .show = dunning_show_letter },                           \
	{ .name = "reminder-pdf", .label = N_("Reminder letter PDF"),                     \
	  .help = N_("the last reminder letter as a PDF file"),                           \
	  .applies = applies_fn, .ask = RECORD_ASK_FILE_OUT, .prompt = N_("PDF file name"), \
	  .preset = dunning_preset_pdf, .run = dunning_run_pdf },                         \
	{ .name = "reminders", .label = N_("Reminder letters sent"),                      \
	  .help = N_("the customer's dunning history"),                                   \
	  .applies = applies_fn, .show = dunning_show_history }
/* Whether party r is a customer (one a letter may be sent to). */
int dunning_applies_party(const struct record *r);
void dunning_preset_level(struct book *b, const struct record *r, char *out);
int dunning_run_letter(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		       char *msg, char *err);
size_t dunning_show_letter(struct book *b, const struct record *r, char ***lines, char *err);
size_t dunning_show_history(struct book *b, const struct record *r, char ***lines, char *err);
void dunning_preset_pdf(struct book *b, const struct record *r, char *out);
int dunning_run_pdf(struct book *b, const struct record *r, const char *path, int64_t *open_id,
		    char *msg, char *err);

#endif
