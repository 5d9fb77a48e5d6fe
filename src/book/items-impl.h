/* Inside the open items (items.c, items-pay.c, items-cmds.c,
 * items-stmt.c): the queries they share. Not for the screens. */
#ifndef SCRIVANO_ITEMS_IMPL_H
#define SCRIVANO_ITEMS_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "book/items.h"

/* Column i of st's row as text ("" for NULL). */
const char *items_col_text(sqlite3_stmt *st, int i);
/* The items of items_list WHERE where (its ?1... bound to args; it may end
 * with ORDER BY): *out (free it), *n. 0 or REC_ERROR. */
int items_query(struct book *b, const char *where, const int64_t *args, size_t nargs,
		struct item **out, size_t *n, char *err);
/* Runs sql with ?1... bound to args and, when text is not NULL, the next
 * parameter to text. 0 or REC_ERROR. */
int items_exec(struct book *b, const char *sql, const int64_t *args, size_t nargs,
	       const char *text, char *err);
/* A link: item settled by amount, by entry (0 none) or credit item (0
 * none), on date (NULL: the entry's). 0 or REC_ERROR. */
int items_link_add(struct book *b, int64_t item, int64_t entry, int64_t credit, int64_t amount,
		   const char *date, char *err);

/* "customer" or "supplier", for a statement of side. */
const char *items_side_word(char side);

/* The statement of an item's party, for the items' Print, their command
 * Statement (the pager) and Statement PDF (items-stmt.c). */
size_t items_print_book(struct book *b, const struct record *r, char ***lines, char *err);
size_t items_show_statement(struct book *b, const struct record *r, char ***lines, char *err);
void items_pdf_preset(struct book *b, const struct record *r, char *out);
int items_pdf_run(struct book *b, const struct record *r, const char *path, int64_t *open_id,
		  char *msg, char *err);

#endif
