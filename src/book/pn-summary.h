/* The prima nota's summary of a year: totals in and out by causale and by
 * month, for one account or all of them, read by grouped, indexed queries
 * (pn-summary.c). Transfers between accounts (giroconti: both legs) are left
 * out of the months' totals and counted apart, and appear as their own
 * causale row, so that the causali add up to every entry of the year. */
#ifndef SCRIVANO_PN_SUMMARY_H
#define SCRIVANO_PN_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"

/* One causale's totals (cents, both >= 0). */
struct pn_causale_total {
	char causale[16]; /* a code of data/causali.txt, "" for none */
	int transfer;     /* 1: the legs of transfers (causale GC) */
	int64_t in, out;
	long count;       /* entries */
};

struct pn_summary {
	int year;
	int64_t account;                 /* 0: all accounts */
	int64_t month_in[12], month_out[12]; /* giroconti left out */
	int64_t in, out;                 /* the year's, giroconti left out */
	int64_t transfer_in, transfer_out; /* the giroconti's legs */
	long count;                      /* entries of the year, legs included */
	struct pn_causale_total *causali; /* by code; the transfers' row last */
	size_t ncausali;
};

/* The summary of year (1000-9999) for account (0: all) into *out (freed with
 * pn_summary_free, also after an error). 0, or REC_ERROR with a message. */
int pn_summary_year(struct book *b, int64_t account, int year, struct pn_summary *out,
		    char *err);
void pn_summary_free(struct pn_summary *s);

/* The accounts a summary can be asked for, in name order (closed ones
 * too): ids and names (names newly allocated, as both arrays). 0 with *n,
 * or REC_ERROR. */
int pn_account_names(struct book *b, int64_t **ids, char ***names, size_t *n, char *err);

#endif
