/* A bank statement's line as the payment of open items: the prima nota
 * entry's command Settle open items (items.h), which asks whether the
 * entry pays the items it matches (items_match_entry: by amount, party and
 * the invoice's number in its text), naming them, and on yes links it to
 * them (items_settle_entry), in one transaction. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "book/items.h"
#include "book/primanota.h"
#include "util/i18n.h"
#include "util/util.h"

/* The most items one offer names (a document's instalments). */
#define OFFER_MAX 64

static int
applies_settle(const struct record *r)
{
	return record_get(r, ENTRY_F24)[0] == '\0' && record_get(r, ENTRY_TO_ACCOUNT)[0] == '\0';
}

static int
question_settle(struct book *b, const struct record *r, char *out)
{
	int64_t ids[OFFER_MAX], linked;
	char text[ERR_SIZE], err[ERR_SIZE];
	size_t n;

	if (items_entry_linked(b, r->id, &linked, &n, err) < 0) {
		str_copy(out, err, ERR_SIZE);
		return -1;
	}
	if (n > 0) {
		err_set(out, ngettext("this entry pays %zu open item already: delete it to undo that",
				      "this entry pays %zu open items already: delete it to undo that",
				      (unsigned long)n),
			n);
		return 0;
	}
	if (items_match_entry(b, r->id, ids, OFFER_MAX, &n, text, err) < 0) {
		str_copy(out, err, ERR_SIZE);
		return -1;
	}
	if (n == 0) {
		err_set(out, "%s", _("no open item matches this entry by amount, party and invoice "
				     "number: pay them from Open items"));
		return 0;
	}
	err_set(out, _("This entry pays %s. Settle it?"), text);
	return 1;
}

static int
run_settle(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	   char *err)
{
	int64_t ids[OFFER_MAX];
	char text[ERR_SIZE];
	size_t n;
	int rc;

	(void)arg, (void)open_id;
	if ((rc = items_match_entry(b, r->id, ids, OFFER_MAX, &n, text, err)) < 0)
		return rc;
	if (n == 0) {
		err_set(err, "%s", _("no open item matches this entry any more"));
		return REC_INVALID;
	}
	if ((rc = items_settle_entry(b, r->id, ids, n, err)) < 0)
		return rc;
	err_set(msg, _("Settled: %s."), text);
	return 0;
}

const struct record_command items_pn_commands[ITEMS_PN_NCOMMANDS] = {
	{ .name = "settle", .label = N_("Settle open items"),
	  .help = N_("Offers this entry (a bank statement's line) as the payment of the open items "
		     "it matches by amount, party and invoice number; yes links them"),
	  .applies = applies_settle, .ask = RECORD_ASK_CONFIRM, .question = question_settle,
	  .run = run_settle },
};
