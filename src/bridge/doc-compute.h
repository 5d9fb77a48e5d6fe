/* A document's figures from the fiscal core: what `scrivano document issue`
 * and `convert` pass to the book as its compute function (the book never
 * includes the fiscal core). */
#ifndef SCRIVANO_DOC_COMPUTE_H
#define SCRIVANO_DOC_COMPUTE_H

#include "book/record.h"

/* doc (a documents_kind record with its rows) through the invoice model
 * and fpa_compute: its totals, VAT summary, withholdings and payments
 * replaced by the computed ones, each line's total set. Its other fields
 * and its lines' own are left as they are. 0, or -1 with a message. */
int docbridge_compute(struct record *doc, char *err);

#endif
