/* What compute.c shares with compute-checks.c and compute-lines.c: the
 * steps of fpa_compute kept apart by concept, and the integer helpers.
 * Internal to src/fisc. */
#ifndef SCRIVANO_COMPUTE_IMPL_H
#define SCRIVANO_COMPUTE_IMPL_H

#include <stdint.h>

#include "fisc/invoice.h"

/* amount x rate / 100 (rate in hundredths), half away from zero, to the
 * cent: 0, or -1 on overflow. */
int fpa_pct_of_cents(int64_t cents, int64_t rate, int64_t *out);
/* *sum += x: 0, or -1 on overflow. */
int fpa_add_cents(int64_t *sum, int64_t x);

static inline int64_t
fpa_abs64(int64_t x)
{
	return x < 0 ? -x : x;
}

/* compute-checks.c: the options and codes fpa_compute refuses. */
int fpa_compute_check_options(const struct fpa_body *b, char *err);

/* compute-lines.c: the lines fpa_compute makes. */
void fpa_drop_made_lines(struct fpa_body *b);
struct fpa_line *fpa_made_line(struct fpa_body *b, enum fpa_line_role role, const char *descr,
			       int64_t cents, int64_t rate, const char *natura, int ritenuta);
/* The document discount's lines, after the lines' totals are known. */
int fpa_add_doc_discount(struct fpa_body *b, char *err);

#endif
