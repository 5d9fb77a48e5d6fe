/* Inside the record layer: storage of child rows and user-added fields,
 * and the SQL pieces the storage shares. Not for the screens. */
#ifndef SCRIVANO_RECORD_STORE_H
#define SCRIVANO_RECORD_STORE_H

#include <sqlite3.h>

#include "book/record.h"
#include "util/util.h"

/* Most characters of a user-added field's value. */
#define RECORD_CUSTOM_MAX 1000

/* REC_ERROR, with "book PATH: sqlite's message" in err. */
int record_db_error(struct book *b, char *err);
/* Prepares sql (and frees it): 0 or REC_ERROR. */
int record_prepare(struct book *b, struct buf *sql, sqlite3_stmt **st, char *err);
/* Steps a statement that returns no rows, then finalizes it: 0 or REC_ERROR. */
int record_step_done(struct book *b, sqlite3_stmt *st, char *err);

/* SQL built from a kind's constant names; its stored fields are those
 * with no sql (not computed). ", col" for each field of k, a computed one as "(its expression)": the
 * rest of a SELECT list. */
void record_sql_select(struct buf *sql, const struct record_kind *k);
/* INSERT INTO table (names, fields...) VALUES (values, ?first...): names
 * and values are the columns set otherwise ("version" and "1"). */
void record_sql_insert(struct buf *sql, const struct record_kind *k, const char *names,
		       const char *values, int first);
/* ", field = ?first" for each stored field; the parameter number after
 * the last. */
int record_sql_assign(struct buf *sql, const struct record_kind *k, int first);

/* Binds value to parameter i as field f keeps it (empty: NULL, for
 * RECF_NULL fields). */
void record_bind_value(sqlite3_stmt *st, int i, const struct record_field *f, const char *value);
/* Binds r's stored fields as ?first, ?first+1...; the number after the last. */
int record_bind_values(sqlite3_stmt *st, const struct record *r, int first);
/* Fills r's fields from columns first.. of the current row. */
void record_read_values(sqlite3_stmt *st, int first, struct record *r);

/* Each runs inside the caller's transaction. */
int record_rows_load(struct book *b, struct record *r, char *err);
int record_rows_save(struct book *b, struct record *r, char *err);
int record_custom_load(struct book *b, struct record *r, char *err);
int record_custom_save(struct book *b, const struct record *r, char *err);
int record_custom_delete(struct book *b, const struct record *r, char *err);
/* The user-added fields of n records of kind k read by a list, in one
 * query. 0 or REC_ERROR. */
int record_custom_load_rows(struct book *b, const struct record_kind *k, struct record **rows,
			    size_t n, char *err);

#endif
