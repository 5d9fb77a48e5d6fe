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

/* A party with an address; piva or cf may be NULL. */
static inline void
fixture_party(struct fpa_party *p, const char *piva, const char *cf, const char *name)
{
	if (piva) {
		str_copy(p->vat_country, "IT", sizeof p->vat_country);
		str_copy(p->vat_id, piva, sizeof p->vat_id);
	}
	if (cf)
		str_copy(p->cf, cf, sizeof p->cf);
	p->name = xstrdup(name);
	p->addr.street = xstrdup("Via Roma 1");
	str_copy(p->addr.cap, "20100", sizeof p->addr.cap);
	p->addr.city = xstrdup("Milano");
	str_copy(p->addr.province, "MI", sizeof p->addr.province);
}

/* An invoice TD01 of 14/03/2025, number 12/A, from a seller in regime
 * regime to a private buyer (FPR12) or a public administration (FPA12),
 * with one body and no lines yet. */
static inline struct fpa_invoice *
fixture_invoice(enum fpa_format fmt, const char *regime)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b;

	inv->format = fmt;
	str_copy(inv->tx_country, "IT", 3);
	str_copy(inv->tx_id, "01234560017", sizeof inv->tx_id);
	str_copy(inv->progressivo, "00001", sizeof inv->progressivo);
	str_copy(inv->dest, fmt == FPA_FPA12 ? "UFABCD" : "ABC1234", sizeof inv->dest);
	fixture_party(&inv->seller, "01234560017", NULL, "Studio Alfa S.r.l.");
	str_copy(inv->seller.regime, regime, sizeof inv->seller.regime);
	if (fmt == FPA_FPA12)
		fixture_party(&inv->buyer, NULL, "80000000002", "Comune di Esempio");
	else
		fixture_party(&inv->buyer, "12345670017", NULL, "Beta S.p.A.");
	b = fpa_body_add(inv);
	str_copy(b->date, "2025-03-14", sizeof b->date);
	str_copy(b->number, "12/A", sizeof b->number);
	return inv;
}

#endif
