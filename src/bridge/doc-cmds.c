/* The commands of a document in the screens (record.h: struct
 * record_command), on the book's document flow (documents-flow.h) with
 * this kind's compute: Issue; Convert to an order, a DDT, an invoice, a
 * deferred invoice (of this DDT and others of the party); a credit or
 * debit note of an invoice; the self-invoice of a purchase under reverse
 * charge; Sent and Paid; the FatturaPA file; the PDF; a received invoice's
 * original and attachments. Each conversion is a command
 * of its own, offered only where the flow allows it, so the menu is the
 * question of which kind to make. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/parties.h"
#include "bridge/doc-kind.h"
#include "bridge/doc-print.h"
#include "bridge/fpa-export.h"
#include "bridge/sdi-receipts.h"
#include "bridge/sdi-mail.h"
#include "bridge/doc-received.h"
#include "util/decimal.h"
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

/* The party of new document id, when the form shows it BLOCKED (a sale's
 * customer blocked for new documents): its name into name (ERR_SIZE), 1;
 * 0 when not blocked; -1 with a message in err. */
static int
blocked_party(struct book *b, int64_t id, char *name, char *err)
{
	struct record *d, *p;
	int rc = 0;

	if (record_load(b, &documents_kind, id, &d, err) < 0)
		return -1;
	if (strcmp(record_get(d, DOC_PARTY_BLOCKED), "1") == 0) {
		rc = record_load(b, &parties_kind, strtoll(record_get(d, DOC_PARTY), NULL, 10), &p,
				 err);
		if (rc == 0) {
			err_set(name, "%s", record_get(p, PARTY_NAME));
			record_free(p);
			rc = 1;
		}
	}
	record_free(d);
	return rc;
}

/* A new draft of kind to from sources (all their lines left): opened
 * after, as its message says, which says too when its customer is
 * blocked for new documents. */
static int
convert(struct book *b, const int64_t *from, size_t n, const char *to, int64_t *open_id,
	char *msg, char *err)
{
	struct doc_convert c = { from, n, to, NULL, 0, NULL, doc_compute_rows };
	const struct doc_kind *k = doc_kind_find(to);
	char name[ERR_SIZE], why[ERR_SIZE];
	int rc;

	if ((rc = document_convert(b, &c, open_id, err)) != 0)
		return rc;
	/* the draft is made: a book that cannot say more leaves it unsaid */
	if (blocked_party(b, *open_id, name, why) == 1)
		err_set(msg, _("A new draft %s, for a blocked customer (%s): check it, then Issue."),
			_(k->label), name);
	else
		err_set(msg, _("A new draft %s: check it, then Issue."), _(k->label));
	return 0;
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

/* ---- the self-invoice of a purchase under reverse charge ---- */

/* A registered purchase with lines a self-invoice has yet to integrate
 * (the book's count, DOC_TO_INTEGRATE: none once they are all on one). */
static int
applies_integrate(const struct record *r)
{
	return kind_is(r, "FA") && !state_is(r, DOC_STATE_DRAFT) &&
	       strtoll(record_get(r, DOC_TO_INTEGRATE), NULL, 10) > 0;
}

/* The rate offered: the ordinary 22%. */
static void
preset_integrate(struct book *b, const struct record *r, char *out)
{
	(void)b;
	(void)r;
	err_set(out, "%d", DOC_SELF_RATE / 100);
}

/* The self-invoice draft of the purchase's lines, at the rate typed (an
 * article's own where a line names one), opened after. */
static int
run_integrate(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	      char *msg, char *err)
{
	struct doc_integrate c = { r->id, NULL, DOC_SELF_RATE, NULL, doc_compute_rows };
	struct record *d = NULL;
	int rc;

	if (arg != NULL && arg[0] != '\0' && document_self_rate_parse(arg, &c.rate, err) < 0)
		return REC_INVALID;
	if ((rc = document_integrate(b, &c, open_id, err)) < 0)
		return rc;
	if (record_load(b, r->kind, *open_id, &d, err) == 0)
		err_set(msg, _("A new self-invoice draft, %s: check its VAT, then Issue."),
			record_get(d, DOC_TYPE));
	else
		err_set(msg, "%s", _("A new self-invoice draft: check its VAT, then Issue."));
	record_free(d);
	return 0;
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

	return k != NULL && (k->flags & DK_FISCAL) && (k->flags & DK_SELF) == 0 &&
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

/* ---- a purchase's deductible VAT ---- */

static int
applies_deductible(const struct record *r)
{
	return kind_is(r, "FA") && !state_is(r, DOC_STATE_DRAFT);
}

/* The part now, in per cent: "100", "40", "12,5". */
static void
preset_deductible(struct book *b, const struct record *r, char *out)
{
	struct dec d = { strtoll(record_get(r, DOC_VAT_DEDUCTIBLE), NULL, 10), 2 };
	char buf[DEC_BUF];

	(void)b;
	err_set(out, "%s", dec_format(d, 0, 2, buf, sizeof buf));
	for (char *p = out; *p != '\0'; p++)
		if (*p == '.')
			*p = ',';
}

/* The part typed (0 to 100 per cent, up to two decimals) saved on the
 * purchase through the record interface. */
static int
run_deductible(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	       char *msg, char *err)
{
	char buf[DEC_BUF], *p, part[16];
	struct record *d = NULL;
	struct dec v;
	int64_t h;
	int rc;

	(void)open_id;
	str_copy(buf, arg != NULL ? arg : "", sizeof buf);
	p = str_trim(buf);
	if (p[0] != '\0' && p[strlen(p) - 1] == '%')
		p[strlen(p) - 1] = '\0';
	for (char *q = p; *q != '\0'; q++)
		if (*q == ',')
			*q = '.';
	if (arg == NULL || strlen(arg) >= sizeof buf || dec_parse(str_trim(p), 2, &v, NULL) < 0 ||
	    dec_to_cents(v, &h) < 0 || h < 0 || h > 10000)
		return err_set(err, _("'%s' is not a deductible part: a percentage from 0 to 100, "
				      "such as 40"),
			       arg != NULL ? arg : ""),
		       REC_INVALID;
	if ((rc = record_load(b, r->kind, r->id, &d, err)) < 0)
		return rc;
	snprintf(part, sizeof part, "%lld", (long long)h);
	record_set(d, DOC_VAT_DEDUCTIBLE, part);
	rc = record_save(b, d, NULL, err);
	record_free(d);
	if (rc == 0) {
		err_set(msg, _("%s: %s%% of its VAT is deductible."), record_get(r, DOC_NUMBER),
			str_trim(p));
	}
	return rc;
}

/* ---- the FatturaPA file (fpa-export.c) ---- */

/* An issued invoice or note of a sale. */
static int
applies_export(const struct record *r)
{
	return !state_is(r, DOC_STATE_DRAFT) && strcmp(record_get(r, DOC_DIRECTION), "S") == 0 &&
	       fpa_export_kind(record_get(r, DOC_KIND));
}

/* Made (or kept, unchanged), stored, and written into the book's export
 * folder under its own name, as the PDF is. */
static int
run_export(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	   char *msg, char *err)
{
	struct fpa_schema *xsd = fpa_schema_shared(err);
	struct fpa_report rep = { 0 };
	char path[PATH_MAX], *dir;
	int64_t file = 0;
	int rc;

	(void)arg;
	(void)open_id;
	if (xsd == NULL)
		return REC_INVALID;
	rc = fpa_export_document(b, r->id, xsd, &file, &rep, err);
	fpa_report_free(&rep);
	if (rc < 0)
		return rc;
	if ((dir = book_folder(book_path(b), "export", err)) == NULL)
		return REC_ERROR;
	if (fpa_export_write(b, file, dir, path, err) < 0) {
		free(dir);
		return REC_ERROR;
	}
	free(dir);
	err_set(msg, rc == 1 ? _("%s unchanged: written again into the export folder.")
			     : _("Exported %s into the export folder."),
		strrchr(path, '/') + 1);
	return 0;
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
	{ .name = "integrate", .label = N_("Self-invoice (reverse charge)"),
	  .help = N_("a self-invoice draft (TD16-TD19) of the purchase's lines under reverse "
		     "charge, with their VAT"),
	  .applies = applies_integrate, .ask = RECORD_ASK_TEXT,
	  .prompt = N_("VAT rate of the self-invoice's lines, in per cent (an article's own "
		       "where a line names one):"),
	  .preset = preset_integrate, .run = run_integrate },
	{ .name = "sent", .label = N_("Sent"),
	  .help = N_("mark the issued document as sent to the customer"),
	  .applies = applies_sent, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Mark this document as sent?"), .run = run_sent },
	{ .name = "paid", .label = N_("Paid"),
	  .help = N_("mark the invoice as paid"),
	  .applies = applies_paid, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Mark this invoice as paid?"), .run = run_paid },
	{ .name = "export-xml", .label = N_("Export XML"),
	  .help = N_("check the document by the SdI rules and the official schema and write "
		     "its FatturaPA file into the export folder"),
	  .applies = applies_export, .ask = RECORD_ASK_NONE, .run = run_export },
	/* SdI's answers (sdi-receipts.c) */
	{ .name = "receipt", .label = N_("SdI receipt"),
	  .help = N_("import a receipt of SdI (RC, NS, MC, NE, DT, AT) from the book's import "
		     "folder"),
	  .applies = sdi_receipt_applies, .ask = RECORD_ASK_FILE_IN,
	  .prompt = N_("SdI receipt file to import:"), .run = sdi_receipt_run },
	/* to SdI and back by PEC (sdi-mail.c) */
	{ .name = "send-sdi", .label = N_("Send to SdI"),
	  .help = N_("mail the document's FatturaPA file to SdI from the PEC mailbox"),
	  .applies = sdi_send_applies, .ask = RECORD_ASK_CONFIRM,
	  .prompt = N_("Mail this document's FatturaPA file to SdI by PEC?"),
	  .run = sdi_send_run },
	{ .name = "fetch-sdi", .label = N_("Fetch SdI's answers"),
	  .help = N_("read the PEC mailbox and import SdI's receipts of every document"),
	  .applies = sdi_fetch_applies, .ask = RECORD_ASK_NONE, .run = sdi_fetch_run },
	/* out (doc-print.c, doc-pdf.c) */
	{ .name = "pdf", .label = N_("PDF"),
	  .help = N_("write the document as an A4 PDF file in the export folder"),
	  .ask = RECORD_ASK_FILE_OUT, .prompt = N_("PDF file name"),
	  .preset = document_pdf_preset, .run = document_pdf_run },
	{ .name = "deductible", .label = N_("Deductible VAT"),
	  .help = N_("how much of the purchase's VAT may be deducted, in per cent (art. "
		     "19-bis1 DPR 633/72: 40 for a car)"),
	  .applies = applies_deductible, .ask = RECORD_ASK_TEXT,
	  .prompt = N_("Deductible part of the VAT, in per cent (100: all of it):"),
	  .preset = preset_deductible, .run = run_deductible },
	/* a received invoice's original and attachments (doc-received.c) */
	{ .name = "original", .label = N_("Original"),
	  .help = N_("the supplier's original file, as its text for people (fatturapa show)"),
	  .applies = doc_received_applies, .ask = RECORD_ASK_NONE, .show = doc_original_show },
	{ .name = "attachments", .label = N_("Attachments"),
	  .help = N_("write the files the supplier attached into the export folder"),
	  .applies = doc_received_applies, .ask = RECORD_ASK_NONE, .run = doc_attachments_run },
};

const size_t doc_ncommands = ARRAY_LEN(doc_commands);
