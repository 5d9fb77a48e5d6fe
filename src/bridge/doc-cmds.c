/* The commands of a document in the screens (record.h: struct
 * record_command), on the book's document flow (documents-flow.h) with
 * this kind's compute: Issue; Convert to an order, a DDT, an invoice, a
 * deferred invoice (of this DDT and others of the party); a credit or
 * debit note of an invoice; Sent and Paid; the PDF; a received invoice's
 * original and attachments. Each conversion is a command
 * of its own, offered only where the flow allows it, so the menu is the
 * question of which kind to make. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/documents-flow.h"
#include "book/documents.h"
#include "bridge/doc-kind.h"
#include "bridge/doc-print.h"
#include "bridge/doc-received.h"
#include "util/i18n.h"
#include "util/util.h"

static int
state_is(const struct record *r, const char *state)
{
	return strcmp(record_get(r, DOC_STATE), state) == 0;
}

/* Whether r's kind is one of codes, separated by blanks ("FAT FTD"). */
static int
kind_is(const struct record *r, const char *codes)
{
	const char *k = record_get(r, DOC_KIND);
	size_t n = strlen(k);

	for (const char *p = codes; *p != '\0'; p += strcspn(p, " "), p += strspn(p, " "))
		if (strncmp(p, k, n) == 0 && (p[n] == ' ' || p[n] == '\0') && n > 0)
			return 1;
	return 0;
}

/* ---- issuing ---- */

static int
applies_issue(const struct record *r)
{
	const struct doc_kind *k = doc_kind_find(record_get(r, DOC_KIND));

	return state_is(r, DOC_STATE_DRAFT) && k != NULL && (k->flags & DK_NUMBERED);
}

static int
run_issue(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	  char *err)
{
	char warn[DOC_WARN_SIZE];
	struct record *now;
	int rc;

	(void)arg;
	(void)open_id;
	if ((rc = document_issue(b, r->id, doc_compute_rows, warn, err)) < 0)
		return rc;
	if (record_load(b, r->kind, r->id, &now, err) < 0)
		return err_set(msg, "%s", _("Issued.")), 0;
	if (warn[0] != '\0')
		err_set(msg, _("Issued as %s. %s"), record_get(now, DOC_NUMBER), warn);
	else
		err_set(msg, _("Issued as %s."), record_get(now, DOC_NUMBER));
	record_free(now);
	return 0;
}

/* ---- the flow ---- */

/* What each kind is made from (documents-flow.c's conversions). */
static const struct {
	const char *to, *from;
} conversions[] = {
	{ "ORD", "PRE" },
	{ "DDT", "ORD" },
	{ "FAT", "PRE ORD DDT" },
	{ "FTD", "DDT" },
	{ "NC", "FAT FTD" },
	{ "ND", "FAT" },
};

static int
converts_to(const struct record *r, const char *to)
{
	if (state_is(r, DOC_STATE_DRAFT))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(conversions); i++)
		if (strcmp(conversions[i].to, to) == 0)
			return kind_is(r, conversions[i].from);
	return 0;
}

static int
applies_ord(const struct record *r)
{
	return converts_to(r, "ORD");
}

static int
applies_ddt(const struct record *r)
{
	return converts_to(r, "DDT");
}

static int
applies_fat(const struct record *r)
{
	return converts_to(r, "FAT");
}

static int
applies_ftd(const struct record *r)
{
	return converts_to(r, "FTD");
}

static int
applies_nc(const struct record *r)
{
	return converts_to(r, "NC");
}

static int
applies_nd(const struct record *r)
{
	return converts_to(r, "ND");
}

/* A new draft of kind to from sources (all their lines left): opened
 * after, as its message says. */
static int
convert(struct book *b, const int64_t *from, size_t n, const char *to, int64_t *open_id,
	char *msg, char *err)
{
	struct doc_convert c = { from, n, to, NULL, 0, NULL, doc_compute_rows };
	const struct doc_kind *k = doc_kind_find(to);
	int rc;

	if ((rc = document_convert(b, &c, open_id, err)) == 0)
		err_set(msg, _("A new draft %s: check it, then Issue."), _(k->label));
	return rc;
}

static int
run_ord(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	char *err)
{
	(void)arg;
	return convert(b, &r->id, 1, "ORD", open_id, msg, err);
}

static int
run_ddt(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	char *err)
{
	(void)arg;
	return convert(b, &r->id, 1, "DDT", open_id, msg, err);
}

static int
run_fat(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	char *err)
{
	(void)arg;
	return convert(b, &r->id, 1, "FAT", open_id, msg, err);
}

/* A credit note of all the invoice's lines: the draft it makes is
 * changed like any draft, so a note for some lines is this one with the
 * others deleted (the book keeps what each line credits). */
static int
run_nc(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
       char *err)
{
	(void)arg;
	return convert(b, &r->id, 1, "NC", open_id, msg, err);
}

static int
run_nd(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
       char *err)
{
	(void)arg;
	return convert(b, &r->id, 1, "ND", open_id, msg, err);
}

/* The deferred invoice's DDTs offered: this one's number. */
static void
preset_ftd(struct book *b, const struct record *r, char *out)
{
	(void)b;
	err_set(out, "%s", record_get(r, DOC_NUMBER));
}

/* The DDT of this party numbered number: its id, 0 when none. */
static int
ddt_numbered(struct book *b, const struct record *r, const char *number, int64_t *id, char *err)
{
	struct browse_filter f[] = {
		{ DOC_KIND, BF_EQ, "DDT", NULL },
		{ DOC_PARTY, BF_EQ, record_get(r, DOC_PARTY), NULL },
		{ DOC_NUMBER, BF_EQ, number, NULL },
	};
	struct browse_order o = { DOC_NUMBER, 0, f, ARRAY_LEN(f) };
	struct record *row[1];
	size_t got = 0;

	*id = 0;
	if (record_browse_by(b, r->kind, &o, BROWSE_AFTER, NULL, 0, 1, row, &got, err) < 0)
		return REC_ERROR;
	if (got == 1) {
		*id = row[0]->id;
		record_free(row[0]);
	}
	return 0;
}

/* A deferred invoice (TD24) of the DDTs named: "5/2026, 6/2026". */
static int
run_ftd(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	char *err)
{
	int64_t ids[32];
	size_t n = 0;
	char *copy = xstrdup(arg != NULL ? arg : ""), *rest = copy, *one;
	int rc = 0;

	while (rc == 0 && (one = strsep(&rest, ",;")) != NULL) {
		one = str_trim(one);
		if (one[0] == '\0')
			continue;
		if (n == ARRAY_LEN(ids)) {
			err_set(err, _("at most %zu delivery notes in one invoice"), ARRAY_LEN(ids));
			rc = REC_INVALID;
		} else if ((rc = ddt_numbered(b, r, one, &ids[n], err)) == 0 && ids[n] == 0) {
			err_set(err, _("the customer has no delivery note %s"), one);
			rc = REC_INVALID;
		} else if (rc == 0)
			n++;
	}
	free(copy);
	if (rc == 0 && n == 0) {
		err_set(err, "%s", _("name at least one delivery note"));
		rc = REC_INVALID;
	}
	return rc < 0 ? rc : convert(b, ids, n, "FTD", open_id, msg, err);
}

/* ---- states ---- */

static int
applies_sent(const struct record *r)
{
	return state_is(r, DOC_STATE_ISSUED) && strcmp(record_get(r, DOC_DIRECTION), "S") == 0;
}

/* Paid: an invoice or note issued, sent, or a purchase registered. */
static int
applies_paid(const struct record *r)
{
	const struct doc_kind *k = doc_kind_find(record_get(r, DOC_KIND));

	return k != NULL && (k->flags & DK_FISCAL) &&
	       (state_is(r, DOC_STATE_ISSUED) || state_is(r, DOC_STATE_SENT));
}

static int
run_sent(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	 char *msg, char *err)
{
	int rc;

	(void)arg;
	(void)open_id;
	if ((rc = document_set_state(b, r->id, DOC_STATE_SENT, err)) == 0)
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
	if ((rc = document_set_state(b, r->id, DOC_STATE_PAID, err)) == 0)
		err_set(msg, _("%s: marked as paid."), record_get(r, DOC_NUMBER));
	return rc;
}

const struct record_command doc_commands[] = {
	{ .name = "issue", .label = N_("Issue"),
	  .help = N_("give the draft its number and freeze it: it is never changed after"),
	  .applies = applies_issue, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Issue this document? It takes its number and is never changed after."),
	  .run = run_issue },
	{ .name = "to-order", .label = N_("Convert to order"),
	  .help = N_("a customer order draft of the quote's lines"),
	  .applies = applies_ord, .ask = RECORD_ASK_NONE, .run = run_ord },
	{ .name = "to-ddt", .label = N_("Convert to DDT"),
	  .help = N_("a delivery note draft of what the order has left to deliver"),
	  .applies = applies_ddt, .ask = RECORD_ASK_NONE, .run = run_ddt },
	{ .name = "to-invoice", .label = N_("Convert to invoice"),
	  .help = N_("an invoice draft of what is left to invoice"),
	  .applies = applies_fat, .ask = RECORD_ASK_NONE, .run = run_fat },
	{ .name = "to-deferred", .label = N_("Deferred invoice"),
	  .help = N_("a deferred invoice (TD24) of this delivery note and others of the customer"),
	  .applies = applies_ftd, .ask = RECORD_ASK_TEXT,
	  .prompt = N_("Delivery notes to invoice (numbers, separated by commas):"),
	  .preset = preset_ftd, .run = run_ftd },
	{ .name = "credit-note", .label = N_("Credit note"),
	  .help = N_("a credit note draft of the invoice's lines: delete those it does not "
		     "credit"),
	  .applies = applies_nc, .ask = RECORD_ASK_NONE, .run = run_nc },
	{ .name = "debit-note", .label = N_("Debit note"),
	  .help = N_("a debit note draft of the invoice's lines"),
	  .applies = applies_nd, .ask = RECORD_ASK_NONE, .run = run_nd },
	{ .name = "sent", .label = N_("Sent"),
	  .help = N_("mark the issued document as sent to the customer"),
	  .applies = applies_sent, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Mark this document as sent?"), .run = run_sent },
	{ .name = "paid", .label = N_("Paid"),
	  .help = N_("mark the invoice as paid"),
	  .applies = applies_paid, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Mark this invoice as paid?"), .run = run_paid },
	/* out (doc-print.c, doc-pdf.c) */
	{ .name = "pdf", .label = N_("PDF"),
	  .help = N_("write the document as an A4 PDF file in the export folder"),
	  .ask = RECORD_ASK_FILE_OUT, .prompt = N_("PDF file name"),
	  .preset = document_pdf_preset, .run = document_pdf_run },
	/* a received invoice's original and attachments (doc-received.c) */
	{ .name = "original", .label = N_("Original"),
	  .help = N_("the supplier's original file, as its text for people (fatturapa show)"),
	  .applies = doc_received_applies, .ask = RECORD_ASK_NONE, .show = doc_original_show },
	{ .name = "attachments", .label = N_("Attachments"),
	  .help = N_("write the files the supplier attached into the export folder"),
	  .applies = doc_received_applies, .ask = RECORD_ASK_NONE, .run = doc_attachments_run },
};

const size_t doc_ncommands = ARRAY_LEN(doc_commands);
