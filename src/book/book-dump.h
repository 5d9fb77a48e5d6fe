/* Every table of a book that holds what its user entered, read row by row
 * as the book keeps it: for the whole book's export (scrivano book
 * export), which writes them out as CSV and the files they hold. The
 * tables are the book's own as it is (those other steps add included),
 * less the internal ones: the drafts of unsaved forms, the prima nota's
 * running totals (pn_days, computed from its entries) and SQLite's own. A
 * secret (the PEC password) is never read out: its column is given empty,
 * and the history gives it as a mark. Read inside book_read_begin, so that
 * every table is of one moment. */
#ifndef SCRIVANO_BOOK_DUMP_H
#define SCRIVANO_BOOK_DUMP_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"
#include "book/record.h"

/* What a secret becomes in the history's before and after. */
#define DUMP_SECRET_MARK "********"

struct dump_column {
	char *name;
	int blob;   /* declared BLOB: a file's bytes, read by book_dump_blob */
	int secret; /* never read out: always given as "" */
};

struct dump_table {
	char *name;
	struct dump_column *cols;
	size_t ncols;
	int rowid; /* it has a rowid: its rows come in rowid order, its blobs by it */
};

/* One row: its rowid (0 in a table without one) and per column its value
 * as text, NULL for SQL NULL; a blob column's text is its length in bytes
 * (the bytes come by book_dump_blob). */
struct dump_row {
	int64_t rowid;
	const char *const *text;
};

/* The table that keeps kind k's records: its own, or the table of the
 * view it lists them by (the prima nota's pn_list); NULL for a kind kept
 * in no table. As the history has it (history_table_of). */
const char *book_dump_table_of(const struct record_kind *k);

/* The tables to export, by name, each with its columns in the table's
 * order, into *out (*n of them; free with book_dump_tables_free). 0 or -1
 * with a message. */
int book_dump_tables(struct book *b, struct dump_table **out, size_t *n, char *err);
void book_dump_tables_free(struct dump_table *t, size_t n);

/* Each row of t, in rowid order (a table without one: its primary key's),
 * to row(arg, r, err), which returns 0 to go on or -1 to stop with a
 * message. 0, or -1 with row's message or the book's. */
int book_dump_rows(struct book *b, const struct dump_table *t,
		   int (*row)(void *arg, const struct dump_row *r, char *err), void *arg,
		   char *err);

/* The bytes of blob column col of t's row rowid into *data (newly
 * allocated; NULL and 0 for SQL NULL), their number in *len. 0, or -1 with
 * a message (no such row). */
int book_dump_blob(struct book *b, const struct dump_table *t, size_t col, int64_t rowid,
		   void **data, size_t *len, char *err);

#endif
