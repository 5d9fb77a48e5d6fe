/* The documents the screens use: the book's documents (storage and rules)
 * with what needs the fiscal core, which src/book may not include: totals
 * computed as the user types, a new document's defaults, the header and
 * the lines filled from the customer and the article chosen, an issued
 * document kept read only, and the commands. main.c registers it once at
 * start (record_kind_register), so that a screen file's `table documents`
 * finds it. */
#ifndef SCRIVANO_DOC_KIND_H
#define SCRIVANO_DOC_KIND_H

#include "book/record.h"

/* The kind (named "documents", stored as the book's). */
const struct record_kind *documents_ui_kind(void);

/* Registers it in the place of the book's documents. */
void doc_kind_register(void);

/* The kind's compute: for a draft, the totals, each line's total, its
 * number, the VAT summary, the withholdings and the payment schedule from
 * the fiscal core (fpa_compute, fpa_schedule_apply); nothing for a
 * document past the draft (its totals were frozen at issue). The lines the
 * fiscal core makes (the bollo charged, the document discount) are counted
 * in the totals but written into the rows only by doc_compute_rows. */
void doc_compute(struct record *r);
/* The same, with those lines made rows too (the old ones of type B and SC
 * replaced): what a draft is saved with. 0, or -1 with the fiscal core's
 * message (a rate 0 with no Natura, a ritenuta with no line subject to
 * it ...), the record then as far as it got. */
int doc_compute_rows(struct record *r, char *err);

#endif
