/* Bank statements in, the matching step: each movement of a statement is
 * already in the account (its reference seen), matches an unreconciled
 * entry of the same amount within a few days (marked reconciled), or is a
 * new entry. The book is reached through callbacks, so this stays free of
 * SQL; the prima nota's importer gives them (pn_import_ref_seen,
 * pn_find_unreconciled, pn_mark_reconciled, pn_entry_add). */
#ifndef SCRIVANO_BANK_MATCH_H
#define SCRIVANO_BANK_MATCH_H

#include <stdint.h>

#include "bank/statement.h"

/* How far from a movement's booking date an entry may be dated to match. */
#define STMT_MATCH_DAYS 3

/* What the book must do, for one account. Each returns 0 on success, or a
 * negative value with err (ERR_SIZE) filled, which stops the import. */
struct stmt_book_ops {
	/* *seen = 1 when an entry of the account already holds ref. */
	int (*seen)(void *ctx, const char *ref, int *seen, char *err);
	/* The id of the unreconciled entry of exactly cents dated within days
	 * of date, the nearest first; *id = 0 for none. */
	int (*find)(void *ctx, int64_t cents, const char *date, int days, int64_t *id, char *err);
	/* Marks entry id reconciled, keeping ref on it. */
	int (*reconcile)(void *ctx, int64_t id, const char *ref, char *err);
	/* Adds m as a new entry: causale "da classificare", reconciled (it is
	 * the bank's own record, and must not match a later movement of the
	 * same file), its ref kept. */
	int (*add)(void *ctx, const struct stmt_movement *m, char *err);
};

struct stmt_counts {
	size_t matched, added, already;
	size_t payments; /* of the added, how many the book offers as the payment of open
			  * items (its importer counts them; 0 when none) */
};

/* Runs the step over st in the file's order. The caller holds one
 * transaction around it and rolls it back on failure, so that a refusal
 * half-way (a locked period) adds nothing. 0, or the callback's negative
 * value with err filled as "LINE n: …" of the movement. */
int statement_match(const struct statement *st, const struct stmt_book_ops *ops, void *ctx,
		    struct stmt_counts *out, char *err);
/* "N matched, N new, N already in", in the session's language; then
 * "; N may pay open items" when some may. */
void stmt_counts_text(const struct stmt_counts *c, char *buf, size_t size);

#endif
