/* Documents: the header kind over table documents (its checks, the party
 * it names, its rows as children), the checks of the values documents
 * hold, and the original files (document_files) they came in. The rows'
 * kinds are documents-lines.c's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/documents.h"
#include "book/record-store.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/util.h"

/* ---- values ---- */

int
check_doc_cents(const char *v, char *err)
{
	return check_integer(v, NULL) == 0 ? 0
					   : err_set(err, _("must be an amount in cents (12345 "
							    "for 123.45)"));
}

int
check_doc_decimal(const char *v, char *err)
{
	char buf[DEC_BUF];
	struct dec d;

	if (dec_parse(v, DOC_DEC_MAX, &d, NULL) < 0 ||
	    strcmp(dec_format(d, DOC_DEC_MIN, DOC_DEC_MAX, buf, sizeof buf), v) != 0)
		return err_set(err, _("must be a number with 2 to 8 decimals, written like "
				      "1234.50"));
	return 0;
}

int
check_doc_rate(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0 || v[0] == '-' || strlen(v) > 5 || atoi(v) > 10000)
		return err_set(err, _("must be a rate in hundredths of a percent, 0 to 10000"));
	return 0;
}

static int
check_direction(const char *v, char *err)
{
	return check_one_of(v, "P S", _("must be P (purchase) or S (sale)"), err);
}

static int
check_id(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0 || v[0] == '-' || strcmp(v, "0") == 0)
		return err_set(err, _("must be a record number, 1 or more"));
	return 0;
}

/* TipoDocumento: TD and two digits (TD01 ... TD29). */
static int
check_doc_type(const char *v, char *err)
{
	if (strlen(v) != 4 || strncmp(v, "TD", 2) != 0 || !code_chars_ok(v + 2, "") ||
	    v[2] < '0' || v[2] > '9' || v[3] < '0' || v[3] > '9')
		return err_set(err, _("must be a TipoDocumento code, TD01 to TD29"));
	return 0;
}

static int
check_currency(const char *v, char *err)
{
	if (strlen(v) != 3 || !code_chars_ok(v, "") || strpbrk(v, "0123456789") != NULL)
		return err_set(err, _("must be 3 capital letters (EUR)"));
	return 0;
}

static int
check_flag(const char *v, char *err)
{
	return check_one_of(v, "1 0", _("must be 1 (yes) or 0 (no)"), err);
}

/* ---- the header ---- */

/* The party a document names is in the register: 1, 0, or REC_ERROR. */
static int
party_exists(struct book *b, const char *id, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b), "SELECT 1 FROM parties WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

static int
party_ok(struct book *b, const struct record *r, char *err)
{
	int rc = party_exists(b, record_get(r, DOC_PARTY), err);

	if (rc == 0)
		return record_invalid(r, DOC_PARTY, NULL,
				      _("there is no such customer or supplier in the book"), err);
	return rc < 0 ? REC_ERROR : 0;
}

static int
document_insert(struct book *b, struct record *r, char *err)
{
	int rc = party_ok(b, r, err);

	return rc < 0 ? rc : record_table_insert(b, r, err);
}

static int
document_update(struct book *b, struct record *r, char *err)
{
	int rc = party_ok(b, r, err);

	return rc < 0 ? rc : record_table_update(b, r, err);
}

int
document_find(struct book *b, const char *direction, int64_t party, const char *number,
	      const char *date, int64_t *id, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT id FROM documents WHERE direction = ?1 AND party_id = ?2 "
			       "AND number = ?3 AND date = ?4",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_text(st, 1, direction, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, party);
	sqlite3_bind_text(st, 3, number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

#define CENTS(name, label) { name, label, 20, RECF_REQUIRED, "0", check_doc_cents, NULL }

static const struct record_field document_fields[DOC_NFIELDS] = {
	[DOC_DIRECTION] = { "direction", N_("Purchase or sale"), 1, RECF_REQUIRED, "P",
			    check_direction, NULL },
	[DOC_PARTY] = { "party_id", N_("Customer or supplier"), 20, RECF_REQUIRED, NULL,
			check_id, NULL },
	[DOC_TYPE] = { "type", N_("Document type"), 4, RECF_REQUIRED, "TD01", check_doc_type,
		       NULL },
	[DOC_NUMBER] = { "number", N_("Number"), 20, RECF_REQUIRED, NULL, NULL, NULL },
	[DOC_DATE] = { "date", N_("Date"), 10, RECF_REQUIRED, NULL, check_iso_date, NULL },
	[DOC_CURRENCY] = { "currency", N_("Currency"), 3, RECF_REQUIRED, "EUR", check_currency,
			   NULL },
	[DOC_TAXABLE] = CENTS("taxable", N_("Taxable amount")),
	[DOC_TAX] = CENTS("tax", N_("VAT")),
	[DOC_TOTAL] = CENTS("total", N_("Document total")),
	[DOC_WITHHOLDING] = CENTS("withholding", N_("Withholding tax")),
	[DOC_BOLLO] = CENTS("bollo", N_("Stamp duty")),
	[DOC_PAYABLE] = CENTS("payable", N_("Amount payable")),
	[DOC_SPLIT] = { "split_payment", N_("Split payment"), 1, RECF_REQUIRED, "0", check_flag,
			NULL },
	[DOC_CAUSALE] = { "causale", N_("Causale"), 4000, RECF_LINES, NULL, NULL, NULL },
	[DOC_FILE] = { "file_id", N_("Original file"), 20, RECF_NULL, NULL, check_id, NULL },
	[DOC_FILE_BODY] = { "file_body", N_("Document of the file"), 4, RECF_REQUIRED, "1",
			    check_id, NULL },
};

static const struct record_child document_children[DOC_NCHILDREN] = {
	[DOC_LINES] = { "lines", &document_lines_kind, "document_id", "seq" },
	[DOC_VAT] = { "vat", &document_vat_kind, "document_id", "seq" },
	[DOC_WITHHOLDINGS] = { "withholdings", &document_withholdings_kind, "document_id",
			       "seq" },
	[DOC_PAYMENTS] = { "payments", &document_payments_kind, "document_id", "seq" },
};

const struct record_kind documents_kind = {
	.name = "documents",
	.table = "documents",
	.fields = document_fields,
	.nfields = DOC_NFIELDS,
	.key_field = DOC_NUMBER,
	.children = document_children,
	.nchildren = DOC_NCHILDREN,
	.load = record_table_load,
	.insert = document_insert,
	.update = document_update,
	.remove = record_table_remove,
	.browse = record_table_browse,
	.find = record_table_find,
};

/* ---- original files ---- */

int
document_file_store(struct book *b, const struct document_file *f, int64_t *id, char *err)
{
	sqlite3_stmt *st;
	char hex[65];
	int rc;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	sha256_hex(f->data, f->len, hex);
	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT INTO document_files (name, sha256, signed, signature_ok, "
			       "signer, content) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			       -1, &st, NULL) != SQLITE_OK) {
		rc = record_db_error(b, err);
		book_rollback(b);
		return rc;
	}
	sqlite3_bind_text(st, 1, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hex, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, f->is_signed != 0);
	sqlite3_bind_int(st, 4, f->signature_ok != 0);
	sqlite3_bind_text(st, 5, f->signer ? f->signer : "", -1, SQLITE_STATIC);
	sqlite3_bind_blob64(st, 6, f->data, f->len, SQLITE_STATIC);
	if (record_step_done(b, st, err) < 0) {
		book_rollback(b);
		return REC_ERROR;
	}
	*id = sqlite3_last_insert_rowid(book_db(b));
	return book_commit(b, err) < 0 ? REC_ERROR : 0;
}
