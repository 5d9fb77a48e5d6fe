/* The open items' Ri.Ba. commands (riba.h), in the items' kind's table:
 * Present by Ri.Ba. asks the due dates (from this item's to the end of
 * its month offered) and, after them, the bank account when not the
 * first; Ri.Ba. unpaid asks the bank's fee (0: none). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/f24.h"
#include "book/items.h"
#include "book/primanota.h"
#include "book/riba.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

int
riba_cmd_applies_present(const struct record *r)
{
	const char *st = record_get(r, ITEM_STATE);

	return strcmp(record_get(r, ITEM_SIDE), "R") == 0 && strtoll(record_get(r, ITEM_AMOUNT),
								      NULL, 10) > 0 &&
	       (strcmp(st, "O") == 0 || strcmp(st, "A") == 0);
}

int
riba_cmd_applies_unpaid(const struct record *r)
{
	return strcmp(record_get(r, ITEM_STATE), "R") == 0;
}

void
riba_cmd_preset_present(struct book *b, const struct record *r, char *out)
{
	const char *due = record_get(r, ITEM_DUE);
	int y, m, last;

	(void)b;
	out[0] = '\0';
	if (check_iso_date(due, NULL) < 0 || sscanf(due, "%4d-%2d", &y, &m) != 2)
		return;
	last = m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28)
		      : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
	snprintf(out, ERR_SIZE, "%.2s/%.2s/%.4s %02d/%02d/%04d", due + 8, due + 5, due, last, m, y);
}

/* The next blank-separated word of *p into w (size bytes). */
static int
word(const char **p, char *w, size_t size)
{
	size_t n = 0;

	while (**p == ' ')
		(*p)++;
	while (**p != '\0' && **p != ' ' && n + 1 < size)
		w[n++] = *(*p)++;
	w[n] = '\0';
	return n > 0;
}

int
riba_cmd_present(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		 char *msg, char *err)
{
	char w1[32], w2[32], from[11], to[11], m[32], account_name[128];
	const char *p = arg != NULL ? arg : "";
	struct riba_result res;
	int64_t account = 0;
	int rc;

	(void)r, (void)open_id;
	if (!word(&p, w1, sizeof w1) || !word(&p, w2, sizeof w2) ||
	    f24_date_parse(w1, from) < 0 || f24_date_parse(w2, to) < 0) {
		err_set(err, "%s", _("give the due dates from and to, dd/mm/yyyy dd/mm/yyyy, then the "
				     "bank account when not the first"));
		return REC_INVALID;
	}
	while (*p == ' ')
		p++;
	str_copy(account_name, p, sizeof account_name);
	str_trim(account_name);
	if (account_name[0] != '\0' && (rc = pn_account_find(b, account_name, &account, err)) < 0) {
		if (rc == REC_GONE)
			err_set(err, _("there is no account %s"), account_name);
		return rc == REC_GONE ? REC_INVALID : rc;
	}
	if ((rc = riba_present_range(b, from, to, account, NULL, &res, err)) < 0)
		return rc;
	err_set(msg,
		ngettext("Ri.Ba.: %zu receipt, %s, written to %s; it is presented.",
			 "Ri.Ba.: %zu receipts, %s, written to %s; they are presented.",
			 (unsigned long)res.count),
		res.count, cents_format_it(res.total, m, sizeof m), res.path);
	free(res.path);
	return 0;
}

void
riba_cmd_preset_unpaid(struct book *b, const struct record *r, char *out)
{
	(void)b, (void)r;
	snprintf(out, ERR_SIZE, "0,00");
}

int
riba_cmd_unpaid(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		char *msg, char *err)
{
	int64_t fee, entry;
	char m[32];
	int rc;

	(void)open_id;
	if (riba_amount_parse(arg != NULL ? arg : "", &fee) < 0) {
		err_set(err, "%s", _("the bank's fee must be an amount, 0 or more (2,50)"));
		return REC_INVALID;
	}
	if ((rc = riba_unpaid(b, r->id, fee, NULL, &entry, err)) < 0)
		return rc;
	if (entry != 0)
		err_set(msg, _("Item %" PRId64 " is open again; the bank's fee of %s is prima nota "
			       "entry %" PRId64 "."),
			r->id, cents_format_it(fee, m, sizeof m), entry);
	else
		err_set(msg, _("Item %" PRId64 " is open again (no fee written)."), r->id);
	return 0;
}
