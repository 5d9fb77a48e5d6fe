/* The lines fpa_compute makes: their role, their removal before each
 * computation (so computing twice adds nothing), and the document
 * discount as one negative line per (rate, Natura, Ritenuta) group. (The
 * bollo's rivalsa line is made in compute.c, where the bollo is known.) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fisc/compute-impl.h"
#include "fisc/doc-rules.h"
#include "fisc/invoice.h"
#include "util/i18n.h"
#include "util/util.h"

enum fpa_line_role
fpa_line_role(const struct fpa_line *l)
{
	struct dec two = { FPA_BOLLO_AMOUNT, 2 };

	if (l->role != FPA_LINE_USER)
		return l->role;
	if (strcmp(l->natura, "N1") == 0 && l->descr && strcmp(l->descr, FPA_BOLLO_LINE_DESCR) == 0 &&
	    dec_cmp(l->price, two) == 0)
		return FPA_LINE_BOLLO;
	if (strcmp(l->kind, "SC") == 0 && l->descr && str_starts(l->descr, FPA_DISCOUNT_LINE_DESCR))
		return FPA_LINE_DISCOUNT;
	return FPA_LINE_USER;
}

/* ---- the lines fpa_compute makes ---- */

/* Removes the lines made by an earlier computation (or copied with a body
 * that had them), so that computing again makes them afresh. */
void
fpa_drop_made_lines(struct fpa_body *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->nlines; i++) {
		if (fpa_line_role(&b->lines[i]) != FPA_LINE_USER) {
			free(b->lines[i].descr);
			free(b->lines[i].norm);
			continue;
		}
		b->lines[n++] = b->lines[i];
	}
	b->nlines = n;
}

struct fpa_line *
fpa_made_line(struct fpa_body *b, enum fpa_line_role role, const char *descr, int64_t cents,
	  int64_t rate, const char *natura, int ritenuta)
{
	int number = 0;
	struct fpa_line *l;

	for (size_t i = 0; i < b->nlines; i++)
		if (b->lines[i].number > number)
			number = b->lines[i].number;
	l = fpa_line_add(b);
	l->number = number + 1;
	l->role = role;
	l->descr = xstrdup(descr);
	l->price = dec_from_cents(cents);
	l->total = l->price;
	l->rate = rate;
	str_copy(l->natura, natura, sizeof l->natura);
	l->ritenuta = ritenuta;
	if (role == FPA_LINE_DISCOUNT)
		str_copy(l->kind, "SC", sizeof l->kind);
	return l;
}

/* ---- the document discount ---- */

struct group {
	int64_t rate, total;
	char natura[5];      /* a copy: making lines moves b->lines */
	int ritenuta;
};

/* The user's lines by (rate, Natura, Ritenuta), in order of first line. */
static size_t
line_groups(const struct fpa_body *b, struct group *g)
{
	size_t n = 0, k;

	for (size_t i = 0; i < b->nlines; i++) {
		const struct fpa_line *l = &b->lines[i];

		for (k = 0; k < n; k++)
			if (g[k].rate == l->rate && strcmp(g[k].natura, l->natura) == 0 &&
			    g[k].ritenuta == l->ritenuta)
				break;
		if (k == n) {
			g[n] = (struct group){ .rate = l->rate, .ritenuta = l->ritenuta };
			str_copy(g[n++].natura, l->natura, sizeof g[0].natura);
		}
		g[k].total += l->total.v;
	}
	return n;
}

/* The document discount's percentage in hundredths (check_options made
 * sure it has at most 2 decimals). */
static int64_t
disc_rate(const struct fpa_body *b)
{
	struct dec r = { 0, 2 };

	dec_round(b->disc_pct, 2, &r);
	return r.v;
}

/* Each group's share of the discount, in cents (positive). */
static int
discount_shares(const struct fpa_body *b, const struct group *g, size_t n, int64_t *share,
		char *err)
{
	int64_t pos = 0, given = 0;
	size_t largest = 0;

	for (size_t k = 0; k < n; k++) {
		share[k] = 0;
		if (b->disc_pct.v != 0) {
			if (fpa_pct_of_cents(g[k].total, disc_rate(b), &share[k]) < 0)
				return err_set(err, _("the amounts are too large"));
			continue;
		}
		if (g[k].total > 0)
			pos += g[k].total;
		if (g[k].total > g[largest].total)
			largest = k;
	}
	if (b->disc_pct.v != 0)
		return 0;
	if (b->disc_amount > pos) {
		char a[DEC_BUF], t[DEC_BUF];

		return err_set(err, _("the document discount %s is more than the lines' total %s"),
			       cents_format_it(b->disc_amount, a, sizeof a),
			       cents_format_it(pos, t, sizeof t));
	}
	for (size_t k = 0; k < n; k++) {
		if (g[k].total <= 0)
			continue;
		share[k] = (int64_t)((__int128)b->disc_amount * g[k].total / pos);
		given += share[k];
	}
	share[largest] += b->disc_amount - given;
	return 0;
}

int
fpa_add_doc_discount(struct fpa_body *b, char *err)
{
	struct group *g;
	int64_t *share;
	size_t n;
	char descr[64], pct[DEC_BUF];
	int rc = 0;

	if (b->disc_pct.v == 0 && b->disc_amount == 0)
		return 0;
	if (b->disc_pct.v != 0) {
		dec_format(b->disc_pct, 0, 2, pct, sizeof pct);
		for (char *p = pct; *p; p++)
			if (*p == '.')
				*p = ',';
		snprintf(descr, sizeof descr, "%s %s%%", FPA_DISCOUNT_LINE_DESCR, pct);
	} else
		str_copy(descr, FPA_DISCOUNT_LINE_DESCR, sizeof descr);
	g = xcalloc(b->nlines + 1, sizeof *g);
	share = xcalloc(b->nlines + 1, sizeof *share);
	n = line_groups(b, g);
	if (discount_shares(b, g, n, share, err) < 0)
		rc = -1;
	for (size_t k = 0; rc == 0 && k < n; k++)
		if (share[k] != 0)
			fpa_made_line(b, FPA_LINE_DISCOUNT, descr, -share[k], g[k].rate, g[k].natura,
				      g[k].ritenuta);
	free(g);
	free(share);
	return rc;
}
