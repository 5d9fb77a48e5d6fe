/* SdI's messages into a book (sdi-receipts.h): read by the fiscal core,
 * stored by the book against the file they answer, and what that did said
 * in one line, for the command line, the screens and the mail fetch. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/record.h"
#include "book/sdi-msg.h"
#include "book/sdi.h"
#include "bridge/sdi-receipts.h"
#include "fisc/fatturapa.h"
#include "fisc/sdi-msg.h"
#include "util/i18n.h"
#include "util/util.h"

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

/* What the import did, from what the book did and what the message said. */
static void
fill(struct book *b, const struct sdi_msg *m, const struct sdi_message_done *d,
     struct sdi_import *res)
{
	struct record *doc;
	char err[ERR_SIZE];

	res->already_seen = d->already_seen;
	str_copy(res->kind, d->kind, sizeof res->kind);
	res->message = d->id;
	res->file = d->file;
	res->document = d->document;
	str_copy(res->answers, d->file_name, sizeof res->answers);
	str_copy(res->sdi_id, d->sdi_id, sizeof res->sdi_id);
	str_copy(res->from, d->from, sizeof res->from);
	str_copy(res->to, d->to, sizeof res->to);
	res->other_transmission = d->other_transmission;
	str_copy(res->esito, m->esito, sizeof res->esito);
	str_copy(res->text, m->text != NULL ? m->text : "", sizeof res->text);
	if (record_load(b, &documents_kind, d->document, &doc, err) == 0) {
		document_name(doc, res->document_name, sizeof res->document_name);
		record_free(doc);
	}
	if (m->nerrors > 0) {
		res->errors = xcalloc(m->nerrors, sizeof *res->errors);
		for (size_t i = 0; i < m->nerrors; i++) {
			str_copy(res->errors[i].code, m->errors[i].code, sizeof res->errors[i].code);
			res->errors[i].text = xstrdup(m->errors[i].text);
			res->errors[i].hint = xstrdup(m->errors[i].hint);
		}
		res->nerrors = m->nerrors;
	}
}

int
sdi_message_import(struct book *b, const char *file_name, const unsigned char *data,
		   size_t len, struct sdi_import *res, char *err)
{
	const char *name = base_name(file_name);
	struct sdi_message_error_in *errors = NULL;
	struct sdi_message_done done;
	struct sdi_msg m;
	int rc;

	memset(res, 0, sizeof *res);
	if (name[0] == '\0' || name[0] == '.' || strlen(name) > 200 || !utf8_valid_text(name))
		return err_set(err, _("\"%s\" is not a message file's name"), file_name),
		       REC_INVALID;
	if (sdi_msg_read(file_name, data, len, &m, err) < 0)
		return REC_INVALID;
	if (!sdi_msg_for_sender(m.kind)) {
		err_set(err, _("%s: %s is not a message SdI sends to an invoice's sender: nothing "
			       "was imported"),
			name, sdi_msg_kind_label(m.kind));
		sdi_msg_free(&m);
		return REC_INVALID;
	}
	if (m.nerrors > 0) {
		errors = xcalloc(m.nerrors, sizeof *errors);
		for (size_t i = 0; i < m.nerrors; i++)
			errors[i] = (struct sdi_message_error_in){ m.errors[i].code, m.errors[i].text,
								   m.errors[i].hint };
	}
	{
		struct sdi_message_in in = {
			.file_name = name, .data = data, .len = len,
			.is_signed = m.is_signed, .signature_ok = m.sig_verified, .signer = m.signer,
			.kind = m.kind, .sdi_id = m.sdi_id, .answers = m.file_name,
			.message_id = m.message_id, .received = m.received,
			.delivered = m.delivered, .esito = m.esito, .text = m.text,
			.errors = errors, .nerrors = m.nerrors,
		};
		rc = sdi_message_store(b, &in, &done, err);
	}
	if (rc == 0)
		fill(b, &m, &done, res);
	free(errors);
	sdi_msg_free(&m);
	return rc;
}

int
sdi_message_import_file(struct book *b, const char *path, struct sdi_import *res, char *err)
{
	char *data;
	size_t len;
	int rc;

	memset(res, 0, sizeof *res);
	if (file_read_all(path, FPA_MAX_FILE, &data, &len, err) < 0)
		return REC_INVALID;
	rc = sdi_message_import(b, path, (const unsigned char *)data, len, res, err);
	free(data);
	return rc;
}

void
sdi_import_free(struct sdi_import *res)
{
	for (size_t i = 0; i < res->nerrors; i++) {
		free(res->errors[i].text);
		free(res->errors[i].hint);
	}
	free(res->errors);
	res->errors = NULL;
	res->nerrors = 0;
}

static const char *
state_word(const char *s)
{
	const char *l = sdi_state_label(s[0]);

	return l != NULL ? _(l) : s;
}

void
sdi_import_describe(const char *file_name, const struct sdi_import *res, char *out,
		    size_t size)
{
	const char *name = base_name(file_name);
	const char *doc = res->document_name[0] ? res->document_name : res->answers;
	struct buf b = { 0 };

	if (res->already_seen)
		buf_printf(&b, _("%s: already imported (%s for %s, file %s): nothing changed"), name,
			   res->kind, doc, res->answers);
	else if (strcmp(res->from, res->to) != 0)
		buf_printf(&b, _("%s: %s for %s (file %s): now %s, was %s"), name,
			   sdi_msg_kind_label(res->kind), doc, res->answers, state_word(res->to),
			   state_word(res->from));
	else if (res->other_transmission)
		buf_printf(&b, _("%s: %s for %s (file %s) of another transmission (IdentificativoSdI "
				 "%s): kept, the file stays %s"),
			   name, sdi_msg_kind_label(res->kind), doc, res->answers, res->sdi_id,
			   state_word(res->to));
	else
		buf_printf(&b, _("%s: %s for %s (file %s): kept, the file stays %s"), name,
			   sdi_msg_kind_label(res->kind), doc, res->answers, state_word(res->to));
	if (!res->already_seen && res->esito[0] != '\0')
		buf_printf(&b, " (%s)", res->esito);
	if (!res->already_seen && res->text[0] != '\0' && res->nerrors == 0)
		buf_printf(&b, ": %s", res->text);
	str_copy(out, b.data != NULL ? b.data : "", size);
	free(b.data);
}

void
sdi_import_errors_text(const struct sdi_import *res, char *out, size_t size)
{
	struct buf b = { 0 };

	for (size_t i = 0; i < res->nerrors; i++)
		buf_printf(&b, "%s%s %s", i ? "; " : "", res->errors[i].code, res->errors[i].text);
	str_copy(out, b.data != NULL ? b.data : "", size);
	free(b.data);
}

/* ---- the documents' command ---- */

int
sdi_receipt_applies(const struct record *r)
{
	return strcmp(record_get(r, DOC_DIRECTION), "S") == 0 &&
	       record_get(r, DOC_SDI_STATE)[0] != '\0';
}

int
sdi_receipt_run(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		char *msg, char *err)
{
	struct sdi_import res;
	char line[ERR_SIZE], codes[ERR_SIZE];
	int rc;

	(void)r;
	(void)open_id;
	if (arg == NULL || arg[0] == '\0')
		return err_set(err, "%s", _("name the receipt file")), REC_INVALID;
	if ((rc = book_folder_holds(b, "import", arg, err)) != 0)
		return rc > 0 ? REC_INVALID : REC_ERROR;
	if ((rc = sdi_message_import_file(b, arg, &res, err)) < 0)
		return rc;
	sdi_import_describe(arg, &res, line, sizeof line);
	sdi_import_errors_text(&res, codes, sizeof codes);
	if (codes[0] != '\0' && !res.already_seen)
		err_set(msg, "%s: %s", line, codes);
	else
		err_set(msg, "%s", line);
	sdi_import_free(&res);
	return 0;
}
