/* Inside the history (history.c, history-verify.c): the tables it records
 * and the SQL pieces both use. */
#ifndef SCRIVANO_HISTORY_IMPL_H
#define SCRIVANO_HISTORY_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"
#include "book/record.h"
#include "util/util.h"

/* A table the history records. */
struct htable {
	char *name;
	char *kind;          /* the record kind keeping it, or the table's name */
	char *parent;        /* a child row's parent table, or NULL */
	char *parent_in;     /* or the column naming the parent's kind */
	char *parent_column; /* the column holding the parent's id, or NULL */
	int rowid;           /* keyed by rowid; else by its primary key */
	char **col;          /* the columns encoded (not version, modified) */
	size_t ncols;
	char **pk;
	size_t npk;
};

/* Every table recorded, in name order. 0 or REC_ERROR. */
int history_tables(struct book *b, struct htable **out, size_t *n, char *err);
void history_tables_free(struct htable *t, size_t n);
/* The table a kind's rows are recorded by (its own, or a view's table). */
const char *history_table_of(const struct record_kind *k);

/* SQL: row p's key as text; whether row p is the one of key rid (an SQL
 * text expression); row p's whole encoding; an entry's hash from its
 * columns. */
void history_sql_rid(struct buf *s, const struct htable *t, const char *p);
void history_sql_is_row(struct buf *s, const struct htable *t, const char *p, const char *rid);
void history_sql_state(struct buf *s, const struct htable *t, const char *p);
const char *history_sql_entry_hash(void);

/* Calls fn on each table recorded (none before the history's step ran):
 * 0, or -1 at the first that failed. */
int history_each_table(struct book *b,
		       int (*fn)(struct book *b, const struct htable *t, void *ctx, char *err),
		       void *ctx, char *err);

/* Calls found for each row of t that differs from its last entry or has
 * none (gone 0; last is that entry's seq, or 0), and each row whose last
 * entry keeps it that is no longer there (gone 1). found returning < 0
 * stops. 0, or REC_ERROR. */
int history_scan(struct book *b, const struct htable *t,
		 int (*found)(void *ctx, const struct htable *t, const char *rid, int64_t last,
			      int gone),
		 void *ctx, char *err);

#endif
