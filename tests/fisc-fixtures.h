/* Helpers shared by the fiscal unit tests: decimals from text, and invoice
 * lines built in one call. */
#ifndef SCRIVANO_FISC_FIXTURES_H
#define SCRIVANO_FISC_FIXTURES_H

#include <stdio.h>

#include "fisc/invoice.h"
#include "util/util.h"

/* A decimal from its text ("12.50"); a bad one is reported as a TAP comment
 * and gives zero, which the test's own checks then catch. */
static inline struct dec
D(const char *s)
{
	struct dec d = { 0, 0 };
	char err[ERR_SIZE];

	if (dec_parse(s, 8, &d, err) < 0)
		printf("# D(%s): %s\n", s, err);
	return d;
}

/* A line: quantity (NULL for none), unit price, rate in hundredths of a
 * percent, and Natura (NULL for none). */
static inline struct fpa_line *
fixture_line(struct fpa_body *b, const char *descr, const char *qty, const char *price,
	     int64_t rate, const char *natura)
{
	struct fpa_line *l = fpa_line_add(b);

	l->descr = xstrdup(descr);
	if (qty) {
		l->has_qty = 1;
		l->qty = D(qty);
	}
	l->price = D(price);
	l->rate = rate;
	str_copy(l->natura, natura ? natura : "", sizeof l->natura);
	return l;
}

#endif
