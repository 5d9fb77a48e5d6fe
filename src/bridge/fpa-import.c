/* Import of purchase invoices from FatturaPA files: parse (the fiscal
 * core), map (the bridge), then write through the record interface in one
 * transaction per file: the supplier found by partita IVA or codice
 * fiscale, or created through the register's rules; the original file;
 * each body a document record with its rows and its attachments. Nothing
 * is written with SQL of its own. A batch (fpa-batch.c) runs this over
 * files and folders. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/document-files.h"
#include "book/documents.h"
#include "book/parties.h"
#include "bridge/docbridge.h"
#include "bridge/fpa-import.h"
#include "util/i18n.h"
#include "util/util.h"

/* The supplier by partita IVA (or codice fiscale): found (a customer
 * becomes both), or created from the file's CedentePrestatore. A party
 * the register refuses is named with its field. */
static int
supplier(struct book *bk, const struct fpa_party *p, struct fpa_import *res, char *err)
{
	const char *key = p->vat_id[0] ? p->vat_id : p->cf;
	struct record *r = NULL;
	char sub[ERR_SIZE];
	int64_t id;
	int rc;

	if (*key == '\0')
		return err_set(err, _("the seller has neither partita IVA nor codice fiscale"));
	if ((rc = party_find_by_tax_id(bk, key, &id, err)) < 0)
		return -1;
	if (rc == 1) {
		res->party_id = id;
		if (record_load(bk, &parties_received_kind, id, &r, err) < 0)
			return -1;
		if (strcmp(record_get(r, PARTY_ROLE), "C") != 0) {
			record_free(r);
			return 0;
		}
		res->party_now_both = 1;
		record_set(r, PARTY_ROLE, "B");
	} else {
		res->party_created = 1;
		r = record_new(&parties_received_kind);
		docbridge_party_to_record(p, r);
		record_set(r, PARTY_ROLE, "S");
	}
	rc = record_save(bk, r, NULL, sub);
	res->party_id = r->id;
	record_free(r);
	if (rc == REC_INVALID)
		return err_set(err, _("the supplier %s cannot be kept in the register: %s"),
			       res->supplier, sub);
	return rc < 0 ? err_set(err, "%s", sub) : 0;
}

static int
store_file(struct book *bk, const char *path, const char *data, size_t len,
	   const struct fpa_source *src, int64_t *id, char *err)
{
	const char *base = strrchr(path, '/');
	struct document_file f = {
		.name = base ? base + 1 : path,
		.data = data,
		.len = len,
		.is_signed = src->is_signed,
		.signature_ok = src->sig_verified,
		.signer = src->signer,
	};

	return document_file_store(bk, &f, id, err) < 0 ? -1 : 0;
}

static void
set_number(struct record *r, size_t field, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	record_set(r, field, buf);
}

/* What the message calls a document's rows, by child. */
static const char *const rows_name[DOC_NCHILDREN] = {
	[DOC_LINES] = N_("lines"),
	[DOC_VAT] = N_("VAT summary"),
	[DOC_WITHHOLDINGS] = N_("withholdings"),
	[DOC_PAYMENTS] = N_("payments"),
};

/* The header's method and IBAN, which the form shows with the schedule,
 * from the file's first payment (its rows keep every instalment); an IBAN
 * the book's check refuses stays only in the rows, where the file has
 * it, rather than refusing the supplier's invoice. */
static void
payment_header(const struct fpa_body *b, struct record *doc)
{
	char err[ERR_SIZE];

	if (b->npay == 0)
		return;
	if (record_get(doc, DOC_PAY_METHOD)[0] == '\0')
		record_set(doc, DOC_PAY_METHOD, b->pay[0].mode);
	if (record_get(doc, DOC_IBAN)[0] == '\0' && b->pay[0].iban[0] != '\0' &&
	    check_iban(b->pay[0].iban, err) == 0)
		record_set(doc, DOC_IBAN, b->pay[0].iban);
}

/* Each Allegati block of the body, as sent (a compressed one too). */
static int
store_attachments(struct book *bk, const struct fpa_body *b, int64_t doc, struct fpa_import *res,
		  char *err)
{
	for (int i = 0; i < b->nattach; i++) {
		const struct fpa_attachment *a = &b->attach[i];
		struct document_attachment d = {
			.name = a->name,
			.format = a->format,
			.description = a->descr,
			.compression = a->compression,
			.data = a->data,
			.len = a->len,
		};

		if (document_attachment_store(bk, doc, i + 1, &d, err) < 0)
			return -1;
		res->attachments++;
	}
	return 0;
}

static int
store_body(struct book *bk, const struct fpa_body *b, size_t bi, int64_t file_id,
	   struct fpa_import *res, const char *name, char *err)
{
	struct record_fault fault;
	struct record *doc;
	char day[DATE_TEXT_SIZE], sub[ERR_SIZE];
	int64_t id;
	int rc;

	rc = document_find(bk, "P", res->party_id, b->number, b->date, &id, err);
	if (rc != 0) {
		if (rc < 0)
			return -1;
		res->duplicate = 1;
		return err_set(err, _("%s: already imported: no. %s of %s from %s (document %lld); "
				      "nothing imported from this file"),
			       name, b->number, date_text(b->date, day), res->supplier, (long long)id);
	}
	doc = record_new(&documents_kind);
	docbridge_body_to_record(b, doc);
	payment_header(b, doc);
	record_set(doc, DOC_DIRECTION, "P");
	set_number(doc, DOC_PARTY, res->party_id);
	set_number(doc, DOC_FILE, file_id);
	set_number(doc, DOC_FILE_BODY, (long long)bi + 1);
	rc = record_save_ex(bk, doc, &fault, sub);
	id = doc->id;
	record_free(doc);
	if (rc == 0 && store_attachments(bk, b, id, res, sub) < 0)
		return err_set(err, _("document %zu of the file, attachments: %s"), bi + 1, sub);
	if (rc == REC_INVALID && fault.child < DOC_NCHILDREN)
		return err_set(err, _("document %zu of the file, %s: %s"), bi + 1,
			       _(rows_name[fault.child]), sub);
	if (rc == REC_INVALID)
		return err_set(err, _("document %zu of the file: %s"), bi + 1, sub);
	if (rc < 0)
		return err_set(err, "%s", sub);
	res->documents++;
	return 0;
}

static int
import_parsed(struct book *bk, const char *path, const char *data, size_t len,
	      const struct fpa_source *src, const struct fpa_invoice *inv, struct fpa_import *res,
	      char *err)
{
	char sub[ERR_SIZE];
	int64_t file_id;
	int dup;

	fpa_party_name(&inv->seller, res->supplier, sizeof res->supplier);
	if (book_begin(bk, err) < 0)
		return -1;
	if (supplier(bk, &inv->seller, res, sub) < 0 ||
	    store_file(bk, path, data, len, src, &file_id, sub) < 0)
		goto fail;
	res->file_id = file_id;
	for (size_t i = 0; i < inv->nbodies; i++)
		if (store_body(bk, &inv->bodies[i], i, file_id, res, path, sub) < 0)
			goto fail;
	return book_commit(bk, err);
fail:
	book_rollback(bk);
	dup = res->duplicate;
	memset(res, 0, sizeof *res);
	res->duplicate = dup;
	if (strncmp(sub, path, strlen(path)) == 0)
		return err_set(err, "%s", sub);
	return err_set(err, _("%s: not imported: %s"), path, sub);
}

int
fpa_import_file(struct book *bk, const char *path, struct fpa_import *res, struct fpa_report *r,
		char *err)
{
	struct fpa_source src = { 0 };
	struct fpa_invoice *inv = NULL;
	char *data;
	size_t len;
	int rc;

	memset(res, 0, sizeof *res);
	if (file_read_all(path, FPA_MAX_FILE, &data, &len, err) < 0)
		return -1;
	if (fpa_source_from_file_data(path, (const unsigned char *)data, len, &src, err) < 0 ||
	    fpa_read_memory(src.xml, src.len, path, &inv, r, err) < 0) {
		if (strncmp(err, path, strlen(path)) != 0) {
			char sub[ERR_SIZE];

			str_copy(sub, err, sizeof sub);
			err_set(err, "%s: %s", path, sub);
		}
		fpa_source_free(&src);
		free(data);
		return -1;
	}
	fpa_check(inv, r);
	res->signed_file = src.is_signed;
	res->sig_verified = src.sig_verified;
	rc = import_parsed(bk, path, data, len, &src, inv, res, err);
	res->signed_file = src.is_signed;
	res->sig_verified = src.sig_verified;
	fpa_invoice_free(inv);
	fpa_source_free(&src);
	free(data);
	return rc;
}
