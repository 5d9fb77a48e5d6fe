/* The book's history (issue 17): every row the program inserts, changes or
 * deletes appends an entry to table history in the same transaction, and
 * each entry carries the SHA-256 of its content and of the entry before it,
 * a chain that `scrivano book verify` recomputes.
 *
 * What writes it: temporary triggers this connection puts on every table of
 * the book but the history itself and what is not a saved record (drafts,
 * draft_items, the running totals in pn_days), so that every write of the
 * program's is recorded, whichever path made it (a form's save, a command,
 * an import, a kind's own SQL), and nothing else's: a change made with
 * sqlite3 behind the program's back writes no entry, and verify finds the
 * row that differs from its last entry.
 *
 * An entry (one row of table history):
 *   seq      1, 2, 3... in the order written
 *   time     UTC, 2026-12-07T06:10:42.123Z
 *   account  who the session runs as (the scrivano account when served,
 *            else the system user), session: the writing process
 *            ("PID:START:BOOT", as drafts name their owner)
 *   kind     the record kind of the table (parties, contacts, primanota...)
 *            or the table's name where no kind keeps it; tbl, rid: the table
 *            and the row (its rowid, or the JSON array of its primary key for
 *            a table without rowid); ptbl, pid: the parent's table and id for
 *            a record's child row (a contact, a document's line, a stock
 *            movement, a user-added field): child rows are entries of their
 *            own, which a record's history shows with its own
 *   op       insert, change, delete, baseline (the row as it was when the
 *            history began, or as a schema migration left it), or erase (a
 *            person's personal data erased: history_erase)
 *   before, after  the fields: all of them (empty ones left out) for insert,
 *            baseline (after) and delete (before); only those that changed,
 *            before and after, for a change
 *   state    SHA-256 of the row's whole encoding after the entry (NULL once
 *            deleted)
 *   prev     the hash of the entry before ('' for the first)
 *   hash     SHA-256 of json_array(seq, time, account, session, kind, tbl,
 *            rid, ptbl, pid, op, before, after, state, prev)
 * The encoding of a row: a JSON object of its columns, in the table's
 * order, but version and modified (which every save changes) and those
 * NULL or '' (so a new column with an empty default changes no row):
 * {"name":"Rossi","country":"IT","pay_days":30}; text is a JSON string,
 * an integer a JSON number, a BLOB "sha256:" and its hash. No floats. */
#ifndef SCRIVANO_HISTORY_H
#define SCRIVANO_HISTORY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "book/record.h"

/* Who writes, for the entries this process appends: the account (the
 * default is the system user's name). A process is one session. */
void history_set_account(const char *account);

/* One changed field of an entry, its values as text ("" for none). */
struct history_change {
	char *field;       /* the column */
	const char *label; /* English msgid of the field's label, or NULL */
	char *before, *after;
};

struct history_entry {
	int64_t seq;
	char *time, *account, *session, *kind, *tbl, *rid, *op;
	int child;         /* a child row of the record (a contact, a line) */
	const char *child_label; /* its kind's name as the parent's grid calls it, or NULL */
	struct history_change *change;
	size_t nchange;
};

/* The entries of record id of kind k and of its child rows, oldest first,
 * in *out (freed with history_entries_free). 0, or -1 with a message. */
int history_of(struct book *b, const struct record_kind *k, int64_t id,
	       struct history_entry **out, size_t *n, char *err);
void history_entries_free(struct history_entry *e, size_t n);

/* Recomputes the chain and compares every row with its last entry,
 * writing one line for each thing found to out: 0 when clean, 1 when
 * something was found, -1 with a message when the book cannot be read. */
int history_verify(struct book *b, FILE *out, char *err);

/* ---- Erasure (party-erase.c, history-redact.c) ---- */

/* What takes an erased value's place in the history's entries. */
#define HISTORY_ERASED "[erased]"

/* Inside the caller's transaction, after the writes that erased a row's
 * values (whose entries still hold them): in every entry of row id of
 * table tbl and of its child rows, every value of before and after
 * becomes HISTORY_ERASED, and their state (the hash of a row, which
 * guesses could be tried against) is emptied. Then the erasure's own
 * entry is appended: op "erase", before erased (a JSON object of the
 * fields erased, each HISTORY_ERASED), after
 * {"redacted":[[seq,"hash","now"],...]}: each entry whose content the
 * redaction changed, its hash as written (the chain's link, kept) and the
 * hash of its content now, which history_verify checks in its place;
 * state the row's as it is now (NULL when it was deleted). The number of
 * entries redacted, or -1 with a message. */
int history_erase(struct book *b, const char *tbl, int64_t id, const char *erased, char *err);

/* ---- For book.c ---- */

/* The SQL functions the entries need, on b's connection (before the
 * migration, which writes baseline entries). 0, or -1 with a message. */
int history_functions(struct book *b, char *err);
/* After the migration's steps, inside its transaction: a baseline entry
 * for every row that differs from its last entry or has none (all of
 * them, the first time), so a migrated book verifies clean. */
int history_rebase(struct book *b, char *err);
/* The temporary triggers that record this connection's writes. */
int history_attach(struct book *b, char *err);
/* Before the book closes: what history_functions holds. */
void history_detach(struct book *b);

#endif
