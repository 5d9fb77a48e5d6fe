/* Mail to and from SdI (sdi-mail.h): the PEC settings become the mail
 * servers; a file goes as the one attachment of a message whose
 * Message-ID the book keeps; every message of the mailbox is read, and
 * every SdI answer in it imported. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "book/company.h"
#include "book/documents.h"
#include "book/pec.h"
#include "book/sdi.h"
#include "bridge/fpa-export.h"
#include "bridge/sdi-mail.h"
#include "bridge/sdi-receipts.h"
#include "fisc/sdi-msg.h"
#include "mail/mail.h"
#include "mail/mime.h"
#include "util/i18n.h"

/* The mailbox SdI's answers come into. */
#define SDI_MAILBOX "INBOX"

static void
progress(void *ctx, const char *what)
{
	(void)ctx;
	record_progress(what);
}

/* The PEC settings as one of the two servers (smtp or not: imap). */
static int
server_of(const struct pec_settings *s, int smtp, struct mail_server *m, char *err)
{
	const char *host = smtp ? s->smtp_host : s->imap_host;
	const char *security = smtp ? s->smtp_security : s->imap_security;

	memset(m, 0, sizeof *m);
	if (host[0] == '\0')
		return err_set(err, smtp ? _("the PEC settings name no SMTP server: fill them in "
					     "(PEC settings, in the menu)")
					 : _("the PEC settings name no IMAP server: fill them in "
					     "(PEC settings, in the menu)"));
	if (s->user[0] == '\0')
		return err_set(err, "%s", _("the PEC settings name no user: fill them in"));
	if (s->password[0] == '\0')
		return err_set(err, "%s", _("the PEC settings keep no password: type it in the "
					    "PEC settings"));
	m->host = host;
	m->port = smtp ? s->smtp_port : s->imap_port;
	if (mail_security_parse(security, &m->security) < 0)
		return err_set(err, _("the PEC settings' security '%s' is neither TLS nor STARTTLS"),
			       security);
	m->user = s->user;
	m->password = s->password;
	m->ca_file = s->ca_file;
	m->progress = progress;
	return 0;
}

/* The From address: the PEC settings', else the company profile's PEC. */
static int
sender(struct book *b, const struct pec_settings *s, char *out, size_t size, char **company,
       char *err)
{
	struct record *c;

	*company = NULL;
	if (company_load(b, &c, err) < 0)
		return -1;
	*company = xstrdup(record_get(c, COMPANY_NAME));
	str_copy(out, s->from[0] != '\0' ? s->from : record_get(c, COMPANY_PEC), size);
	record_free(c);
	if (out[0] == '\0')
		return err_set(err, "%s", _("no From address: give it in the PEC settings, or the "
					    "company profile's PEC"));
	return 0;
}

/* The file of document doc_id to send: made by the export when it has
 * none or it changed (the export keeps the newest while it is what the
 * document makes, and once it went to SdI), which must be made and not
 * yet sent. */
static int
file_to_send(struct book *b, int64_t doc_id, struct fpa_schema *xsd, struct sdi_file *f,
	     char *err)
{
	struct fpa_report rep = { 0 };
	int64_t id = 0;
	int rc;

	record_progress(_("Making the FatturaPA file..."));
	rc = fpa_export_document(b, doc_id, xsd, &id, &rep, err);
	fpa_report_free(&rep);
	if (rc < 0 || sdi_file_get(b, id, 1, f, err) < 0)
		return -1;
	if (f->state[0] != SDI_MADE) {
		const char *label = sdi_state_label(f->state[0]);
		err_set(err, _("%s was sent already (on %s; now %s): a correction is a new file"),
			f->name, f->sent[0] != '\0' ? f->sent : "?", label != NULL ? _(label) : f->state);
		sdi_file_clear(f);
		return -1;
	}
	return 0;
}

int
sdi_send_document(struct book *b, int64_t doc_id, struct fpa_schema *xsd, struct sdi_sent *out,
		  char *err)
{
	struct pec_settings s;
	struct mail_server srv;
	struct sdi_file f = { 0 };
	struct buf msg = { 0 };
	char from[256], *company = NULL, *subject, *text;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (pec_settings_read(b, &s, err) < 0)
		return -1;
	/* the settings first: a file is not made for a mail that cannot go */
	if (server_of(&s, 1, &srv, err) < 0 || sender(b, &s, from, sizeof from, &company, err) < 0 ||
	    file_to_send(b, doc_id, xsd, &f, err) < 0)
		goto done;
	/* for SdI, not for the user: in Italian whatever the session's language */
	subject = xasprintf("Fattura elettronica %s", f.name);
	text = xasprintf("Fattura elettronica %s, trasmessa al Sistema di Interscambio%s%s.\n",
			 f.name, company[0] != '\0' ? " da " : "", company);
	struct mime_out m = { .from = from, .to = s.sdi_address, .subject = subject, .text = text,
			      .file_name = f.name, .data = f.xml, .len = f.len,
			      .when = (int64_t)time(NULL) };
	rc = mime_build(&m, &msg, out->message_id, err);
	free(subject);
	free(text);
	if (rc < 0)
		goto done;
	if ((rc = mail_smtp_send(&srv, from, s.sdi_address, msg.data, msg.len, err)) < 0)
		goto done;
	if (sdi_file_mark_sent(b, f.id, out->message_id, NULL, err) < 0) {
		char why[ERR_SIZE];
		str_copy(why, err, sizeof why);
		err_set(err, _("%s was mailed to SdI (Message-ID %s) but the book could not record it: "
			       "%s"),
			f.name, out->message_id, why);
		rc = -1;
		goto done;
	}
	out->file_id = f.id;
	str_copy(out->file_name, f.name, sizeof out->file_name);
	str_copy(out->to, s.sdi_address, sizeof out->to);
	sdi_file_clear(&f);
	if (sdi_file_get(b, out->file_id, 0, &f, err) == 0) /* the time it keeps */
		str_copy(out->when, f.sent, sizeof out->when);
	rc = 0;
done:
	buf_free(&msg);
	free(company);
	sdi_file_clear(&f);
	pec_settings_free(&s);
	return rc;
}

/* ---- SdI's answers ---- */

int
sdi_answer_name(const char *name, char kind[3])
{
	size_t n = strlen(name);
	char k[4];

	if (!(n > 4 && strcasecmp(name + n - 4, ".xml") == 0) &&
	    !(n > 8 && strcasecmp(name + n - 8, ".xml.p7m") == 0))
		return 0;
	if (!sdi_msg_name_kind(name, k) || !sdi_msg_for_sender(k))
		return 0;
	memcpy(kind, k, 3);
	return 1;
}

/* One SdI answer into the book (sdi_message_import: matched by its file
 * name and SdI's id, one imported before is already seen): 0 with whether
 * it was seen before in *seen and a line for people added to line (with a
 * rejection's codes), or -1 with a message. */
static int
take_answer(struct book *b, const struct mime_attachment *a, int *seen, struct buf *line,
	    char *err)
{
	struct sdi_import res;
	char text[ERR_SIZE * 4];

	if (sdi_message_import(b, a->name, a->data, a->len, &res, err) < 0)
		return -1;
	*seen = res.already_seen;
	sdi_import_describe(a->name, &res, text, sizeof text);
	buf_adds(line, text);
	if (!res.already_seen && res.nerrors > 0) {
		sdi_import_errors_text(&res, text, sizeof text);
		buf_printf(line, ": %s", text);
	}
	sdi_import_free(&res);
	return 0;
}

static void
say(void (*line)(void *, const char *), void *ctx, const char *text)
{
	if (line != NULL)
		line(ctx, text);
}

/* One message of the mailbox: its SdI answers taken. */
static void
take_message(struct book *b, uint32_t uid, const struct buf *raw,
	     void (*line)(void *, const char *), void *ctx, struct sdi_fetch_report *rep)
{
	struct mime_attachments as;
	char err[ERR_SIZE], kind[3];
	struct buf text = { 0 };
	size_t answers = 0;

	if (mime_attachments(raw->data != NULL ? raw->data : "", raw->len, &as, err) < 0) {
		buf_printf(&text, _("message %u: not read: %s"), uid, err);
		say(line, ctx, str_printable(text.data));
		buf_free(&text);
		rep->errors++;
		return;
	}
	for (size_t i = 0; i < as.n; i++) {
		int seen;

		if (!sdi_answer_name(as.v[i].name, kind))
			continue;
		answers++;
		text.len = 0;
		if (take_answer(b, &as.v[i], &seen, &text, err) < 0) {
			text.len = 0;
			buf_printf(&text, _("message %u: %s: not imported: %s"), uid, as.v[i].name,
				   err);
			rep->errors++;
		} else if (seen)
			rep->seen++;
		else
			rep->imported++;
		buf_add(&text, "", 0);
		say(line, ctx, str_printable(text.data));
	}
	if (answers == 0)
		rep->skipped++;
	buf_free(&text);
	mime_attachments_free(&as);
}

int
sdi_fetch(struct book *b, void (*line)(void *ctx, const char *text), void *ctx,
	  struct sdi_fetch_report *rep, char *err)
{
	struct pec_settings s;
	struct mail_server srv;
	struct mail_imap *m = NULL;
	uint32_t *uids = NULL;
	size_t n = 0;
	int rc = -1;

	memset(rep, 0, sizeof *rep);
	if (pec_settings_read(b, &s, err) < 0)
		return -1;
	if (server_of(&s, 0, &srv, err) < 0 || mail_imap_open(&srv, SDI_MAILBOX, &m, err) < 0 ||
	    mail_imap_list(m, &uids, &n, err) < 0)
		goto done;
	for (size_t i = 0; i < n; i++) {
		struct buf raw = { 0 };
		char what[ERR_SIZE];

		snprintf(what, sizeof what, _("Reading message %zu of %zu from %s..."), i + 1, n,
			 srv.host);
		record_progress(what);
		if (mail_imap_fetch(m, uids[i], &raw, err) < 0) {
			buf_free(&raw);
			rep->errors++;
			goto done; /* the connection is gone, or the server refuses */
		}
		rep->messages++;
		take_message(b, uids[i], &raw, line, ctx, rep);
		buf_free(&raw);
	}
	rc = 0;
done:
	free(uids);
	mail_imap_close(m);
	pec_settings_free(&s);
	return rc;
}

void
sdi_fetch_summary(const struct sdi_fetch_report *r, char *out)
{
	snprintf(out, ERR_SIZE,
		 _("%zu messages read: %zu new SdI answers imported, %zu already seen, %zu messages "
		   "with none skipped, %zu errors"),
		 r->messages, r->imported, r->seen, r->skipped, r->errors);
}

/* ---- the documents' commands ---- */

/* A sale of a kind that goes to SdI, issued (or sent, paid). */
static int
to_sdi(const struct record *r)
{
	return strcmp(record_get(r, DOC_DIRECTION), "S") == 0 &&
	       strcmp(record_get(r, DOC_STATE), DOC_STATE_DRAFT) != 0 &&
	       fpa_export_kind(record_get(r, DOC_KIND));
}

int
sdi_send_applies(const struct record *r)
{
	const char *sdi = record_get(r, DOC_SDI_STATE);

	return to_sdi(r) && (sdi[0] == '\0' || sdi[0] == SDI_MADE || sdi[0] == SDI_REJECTED);
}

int
sdi_send_run(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	     char *msg, char *err)
{
	struct fpa_schema *xsd = fpa_schema_shared(err);
	struct sdi_sent sent;

	(void)arg;
	(void)open_id;
	if (xsd == NULL || sdi_send_document(b, r->id, xsd, &sent, err) < 0)
		return REC_ERROR;
	snprintf(msg, ERR_SIZE, _("%s mailed to SdI (%s): %s"), sent.file_name, sent.to,
		 sent.message_id);
	return 0;
}

int
sdi_fetch_applies(const struct record *r)
{
	return to_sdi(r);
}

int
sdi_fetch_run(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	      char *msg, char *err)
{
	struct sdi_fetch_report rep;
	char why[ERR_SIZE];

	(void)r;
	(void)arg;
	(void)open_id;
	if (sdi_fetch(b, NULL, NULL, &rep, err) < 0) {
		str_copy(why, err, sizeof why);
		snprintf(err, ERR_SIZE, _("%s (%zu messages read before)"), why, rep.messages);
		return REC_ERROR;
	}
	sdi_fetch_summary(&rep, msg);
	return 0;
}
