/* The arithmetic of open items, pure (no book, no SQL): days past due and
 * the ageing bucket they fall in, a payment allocated over items, a
 * statement's running balance, and how well a bank line's text and amount
 * match an item. Amounts are int64 cents. */
#ifndef SCRIVANO_ITEMS_CALC_H
#define SCRIVANO_ITEMS_CALC_H

#include <stddef.h>
#include <stdint.h>

/* The ageing buckets, by days past due as of a day: not due yet (the due
 * date is after it), 0-30 (due that day up to 30 days before), 31-60,
 * 61-90, over 90. */
enum items_age {
	ITEMS_NOT_DUE,
	ITEMS_AGE_30,
	ITEMS_AGE_60,
	ITEMS_AGE_90,
	ITEMS_AGE_OVER,
	ITEMS_NAGES
};

/* Days from 1970-01-01 to the ISO date (YYYY-MM-DD) in the civil calendar;
 * INT64_MIN when it is no such date. */
int64_t items_day_number(const char *iso);
/* Days as_of is after due (negative: not due yet); 0 when either is no
 * date. */
int64_t items_days_late(const char *due, const char *as_of);
/* The bucket of an item that many days past due. */
enum items_age items_age_of(int64_t days_late);
/* Adds open into totals[its bucket] for an item due on due, as of as_of. */
void items_age_add(int64_t totals[ITEMS_NAGES], const char *due, const char *as_of, int64_t open);

/* A payment of amount (cents, in the items' own sign: what their open
 * amounts add up to when all is paid) allocated over n items whose open
 * amounts are open[] in the order given (the caller's: by due date): an
 * item of the other sign (a credit note's) is taken whole first, then each
 * of the payment's sign up to its open amount, in order, until the amount
 * is used. alloc[] gets each item's share (0 for none). 0, or -1 (alloc
 * all 0) when amount is 0, of the other sign than the items' net open
 * amount, or more than it. */
int items_allocate(const int64_t *open, size_t n, int64_t amount, int64_t *alloc);

/* A statement's line: a document (what it adds to the party's balance), a
 * payment or a settlement (what it takes off), or an instalment (nothing:
 * shown for its due date and open amount). */
struct items_line {
	int64_t amount;  /* signed: > 0 the party owes more (or is owed more, a supplier) */
	int64_t balance; /* after the line: set by items_running_balance */
};
/* Sets each line's balance: opening, then each amount added in order. */
void items_running_balance(int64_t opening, struct items_line *lines, size_t n);

/* Whether text holds number (a document's number, "1/2026", "FPR 12/26"),
 * any case, not as part of a longer one: no letter or digit just before or
 * after it. 1 or 0; an empty number is never found. */
int items_text_has_number(const char *text, const char *number);
/* Whether text holds, as a whole word and in any case, one of the words
 * of name of 3 letters or more but for company forms (SRL, SPA, SNC ...).
 * 1 or 0. */
int items_text_has_name(const char *text, const char *name);
/* How well a bank line matches: its amount is an item's open amount
 * (amount_item) or its document's whole open amount (amount_doc), the
 * text names the document's number, the party is named (or is the
 * entry's). A score; ITEMS_MATCH_MIN or more is offered. */
#define ITEMS_MATCH_MIN 5
int items_match_score(int amount_item, int amount_doc, int number_found, int party_found);

#endif
