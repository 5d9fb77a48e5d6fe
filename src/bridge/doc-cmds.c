/* The commands of a document in the screens (record.h: struct
 * record_command): Sent and Paid move an issued document on; issuing,
 * converting and the credit note are the book's document flow. */
#include "config.h"

#include <string.h>

#include "book/documents.h"
#include "bridge/doc-kind.h"
#include "util/i18n.h"
#include "util/util.h"

static const char *
state_of(const struct record *r)
{
	return record_get(r, DOC_STATE);
}

/* Sent: an issued sale (to the customer, or to the SdI). */
static int
applies_sent(const struct record *r)
{
	return strcmp(state_of(r), DOC_STATE_ISSUED) == 0 &&
	       strcmp(record_get(r, DOC_DIRECTION), "S") == 0;
}

/* Paid: a document that is to be paid (an invoice or note issued, sent,
 * or a purchase invoice registered). */
static int
applies_paid(const struct record *r)
{
	const struct doc_kind *k = doc_kind_find(record_get(r, DOC_KIND));

	return k != NULL && (k->flags & DK_FISCAL) &&
	       (strcmp(state_of(r), DOC_STATE_ISSUED) == 0 ||
		strcmp(state_of(r), DOC_STATE_SENT) == 0);
}

/* r, as the book has it now, in state; one transaction. */
static int
set_state(struct book *b, const struct record *r, const char *state, char *err)
{
	struct record *now;
	int rc;

	if ((rc = record_load(b, r->kind, r->id, &now, err)) < 0)
		return rc;
	if (now->version != r->version) {
		record_free(now);
		return err_set(err, "%s", _("changed by someone else meanwhile: look at it again")),
		       REC_CONFLICT;
	}
	record_set(now, DOC_STATE, state);
	rc = record_save_ex(b, now, NULL, err);
	record_free(now);
	return rc;
}

static int
run_sent(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	 char *msg, char *err)
{
	int rc;

	(void)arg;
	(void)open_id;
	if ((rc = set_state(b, r, DOC_STATE_SENT, err)) == 0)
		err_set(msg, _("%s: marked as sent."), record_get(r, DOC_NUMBER));
	return rc;
}

static int
run_paid(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	 char *msg, char *err)
{
	int rc;

	(void)arg;
	(void)open_id;
	if ((rc = set_state(b, r, DOC_STATE_PAID, err)) == 0)
		err_set(msg, _("%s: marked as paid."), record_get(r, DOC_NUMBER));
	return rc;
}

const struct record_command doc_commands[] = {
	{ .name = "sent", .label = N_("Sent"),
	  .help = N_("mark the issued document as sent to the customer"),
	  .applies = applies_sent, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Mark this document as sent?"), .run = run_sent },
	{ .name = "paid", .label = N_("Paid"),
	  .help = N_("mark the invoice as paid"),
	  .applies = applies_paid, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Mark this invoice as paid?"), .run = run_paid },
};

const size_t doc_ncommands = ARRAY_LEN(doc_commands);
