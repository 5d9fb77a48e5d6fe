/* Inside the F24 (f24.c, f24-pay.c): the storage that keeps a paid F24 as
 * it is, and the commands of its kind. Not for the screens. */
#ifndef SCRIVANO_F24_IMPL_H
#define SCRIVANO_F24_IMPL_H

#include "book/record.h"

/* f24_kind's insert, update and remove: record_table_* with the rules of
 * the payment (a paid F24 is neither changed nor deleted; it becomes paid
 * only with its entry, and to pay again only once that is reversed). */
int f24_insert(struct book *b, struct record *r, char *err);
int f24_update(struct book *b, struct record *r, char *err);
int f24_remove(struct book *b, const struct record *r, char *err);

/* The commands Pay, Cancel payment, Attach receipt, Export receipt. */
int f24_applies_pay(const struct record *r);
int f24_applies_paid(const struct record *r);
int f24_applies_receipts(const struct record *r);
int f24_prepare_pay(struct book *b, const struct record *r, struct record *linked, char *err);
int f24_run_cancel(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		   char *msg, char *err);
int f24_run_attach(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		   char *msg, char *err);
void f24_preset_export(struct book *b, const struct record *r, char *out);
int f24_run_export(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		   char *msg, char *err);

#endif
