/* Inside the record layer: storage of child rows and user-added fields,
 * and binding a value as its field stores it. Not for the screens. */
#ifndef SCRIVANO_RECORD_STORE_H
#define SCRIVANO_RECORD_STORE_H

#include "book/record.h"

/* Most characters of a user-added field's value. */
#define RECORD_CUSTOM_MAX 1000

/* Binds value to parameter i as field f keeps it (empty: NULL, for
 * RECF_NULL fields). */
void record_bind_value(sqlite3_stmt *st, int i, const struct record_field *f, const char *value);

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
