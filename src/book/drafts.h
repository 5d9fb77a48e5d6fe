/* Drafts: what a form holds that is not saved yet, kept in the book so that
 * a killed client, a dropped link or a server restart loses nothing typed.
 * A draft belongs to the session that writes it (its owner: the process,
 * told apart from a later one with the same number); each write is one
 * small transaction on tables drafts and draft_items and never touches the
 * record itself. A draft whose owner is gone is an orphan: the next login
 * of the user offers it. Saving the record through the form, or leaving it
 * with "discard", removes the draft. */
#ifndef SCRIVANO_DRAFTS_H
#define SCRIVANO_DRAFTS_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"
#include "book/record.h"

/* A field's text as it was typed, where it differs from its value (not yet
 * taken, or refused). */
struct draft_typed {
	char *name;
	char *text;
};

struct draft {
	int64_t id;           /* 0 until first written */
	char *owner;          /* the session keeping it */
	char *screen;         /* the screen (or view) it was typed in */
	char *title;          /* how the form named itself, for the offer */
	int64_t saved_at;     /* seconds since the epoch, of the last write */
	struct record *image; /* the record as the form would save it now: its
				 id and version as loaded, values, child rows
				 and user-added fields; owned */
	struct draft_typed *typed;
	size_t ntyped;
	/* where the cursor was: the form's stop, a grid's line and column,
	 * the character in the field or cell, and the cell's text as typed
	 * (NULL when not in a grid) */
	int stop, line, col;
	size_t pos;
	char *cell;
};

/* This session, as a draft's owner. */
const char *draft_owner_self(void);
/* Whether the session named owner still runs. */
int draft_owner_alive(const char *owner);

/* A new, empty draft of this session over a copy of record r. */
struct draft *draft_new(const char *screen, const char *title, const struct record *r);
void draft_free(struct draft *d);
/* Sets (or adds) a field's typed text. */
void draft_set_typed(struct draft *d, const char *name, const char *text);
void draft_clear_typed(struct draft *d);
/* A field's typed text, or NULL. */
const char *draft_get_typed(const struct draft *d, const char *name);

/* Writes d (its id set the first time, saved_at to now) in one transaction
 * of its own. 0, or -1 with a message. */
int draft_write(struct book *b, struct draft *d, char *err);
/* Removes draft id (nothing when it is gone). 0, or -1 with a message. */
int draft_discard(struct book *b, int64_t id, char *err);
/* The drafts whose owner is gone, newest first, each read whole: *out gets
 * *n drafts the caller frees (draft_list_free). 0, or -1 with a message. */
int draft_orphans(struct book *b, struct draft ***out, size_t *n, char *err);
void draft_list_free(struct draft **list, size_t n);
/* Makes an orphan this session's: 1 when taken, 0 when another session
 * took it first (or it is gone), -1 with a message. */
int draft_claim(struct book *b, struct draft *d, char *err);

#endif
