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
#include "book/documents-flow.h"
#include "book/items.h"
#include "book/parties.h"
#include "book/record-store.h"
#include "book/vat-book.h"
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

/* Each write also rewrites the stock the document moves (documents-stock.c),
 * gives a purchase registered its protocol (vat-protocol.c) and gives an
 * issued invoice or a registered purchase its open items (items.c);
 * an update of a document past its draft is refused but for its state
 * moving on and its payments' paid dates, and a delete of one always
 * (documents-issue.c). */
static int
document_insert(struct book *b, struct record *r, char *err)
{
	int rc = party_ok(b, r, err);

	if (rc == 0)
		rc = document_self_check(b, r, err);

	if (rc == 0)
		rc = record_table_insert(b, r, err);
	if (rc == 0)
		rc = vat_protocol_take(b, r, err);
	if (rc == 0)
		rc = document_stock_write(b, r, err);
	return rc < 0 ? rc : items_document_write(b, r, err);
}

static int
document_update(struct book *b, struct record *r, char *err)
{
	int rc = party_ok(b, r, err), draft;

	if (rc < 0 || (draft = rc = document_change_check(b, r, err)) < 0 ||
	    (draft == 1 && (rc = document_self_check(b, r, err)) < 0) ||
	    (rc = record_table_update(b, r, err)) < 0 || (rc = vat_protocol_take(b, r, err)) < 0)
		return rc;
	if (draft == 1 && (rc = document_stock_write(b, r, err)) < 0)
		return rc;
	return items_document_write(b, r, err);
}

static int
document_remove(struct book *b, const struct record *r, char *err)
{
	int rc = document_delete_check(b, r, err);

	if (rc == 0)
		rc = document_stock_remove(b, r->id, err);
	return rc < 0 ? rc : record_table_remove(b, r, err);
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

static int
check_doc_kind(const char *v, char *err)
{
	if (doc_kind_find(v) == NULL)
		return err_set(err, _("must be a kind of document: PRE, ORD, DDT, FAT, FTD, ACC, "
				      "NC, ND, PAR, OF, FA or AUT"));
	return 0;
}

static int
check_state(const char *v, char *err)
{
	return check_one_of(v, "D I S P", _("must be D (draft), I (issued), S (sent) or P "
					    "(paid)"),
			    err);
}

/* A series: up to 10 capital letters, digits and '-'. */
static int
check_series(const char *v, char *err)
{
	if (strlen(v) > 10 || !code_chars_ok(v, "-"))
		return err_set(err, _("must be up to 10 capital letters, digits or '-' (A, "
				      "2026-B)"));
	return 0;
}

static int
check_year(const char *v, char *err)
{
	if (strlen(v) != 4 || check_integer(v, NULL) < 0 || v[0] < '1')
		return err_set(err, _("must be a year, like 2026"));
	return 0;
}

/* The payment schedule as typed: days after the date separated by '/',
 * optionally "FM" (end of month); the fiscal core reads it. Here only its
 * characters. */
static int
check_pay_schedule(const char *v, char *err)
{
	if (strspn(v, "0123456789/ FMfm") != strlen(v))
		return err_set(err, _("must be days separated by '/', with FM for the end of the "
				      "month: 30/60/90 FM, or 0 at sight"));
	return 0;
}

static int
check_pay_method(const char *v, char *err)
{
	if (strlen(v) != 4 || strncmp(v, "MP", 2) != 0 || v[2] < '0' || v[2] > '2' ||
	    v[3] < '0' || v[3] > '9' || strcmp(v, "MP00") == 0 || strcmp(v, "MP23") > 0)
		return err_set(err, _("must be a payment method, MP01 to MP23"));
	return 0;
}

/* "YYYY-MM-DD HH:MM". */
static int
check_date_time(const char *v, char *err)
{
	char day[11];

	if (strlen(v) != 16 || v[10] != ' ' || v[13] != ':' || v[11] < '0' || v[11] > '2' ||
	    v[12] < '0' || v[12] > '9' || v[14] < '0' || v[14] > '5' || v[15] < '0' ||
	    v[15] > '9' || (v[11] == '2' && v[12] > '3'))
		return err_set(err, _("must be a date and time, YYYY-MM-DD HH:MM"));
	memcpy(day, v, 10);
	day[10] = '\0';
	return check_iso_date(day, err);
}

static int
check_count(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0 || v[0] == '-' || strlen(v) > 6)
		return err_set(err, _("must be a whole number, 0 to 999999"));
	return 0;
}

static int
check_tc_type(const char *v, char *err)
{
	if (strlen(v) != 4 || strncmp(v, "TC", 2) != 0 || v[2] < '0' || v[2] > '2' ||
	    v[3] < '0' || v[3] > '9' || strcmp(v, "TC00") == 0 || strcmp(v, "TC22") > 0)
		return err_set(err, _("must be a cassa previdenziale type, TC01 to TC22"));
	return 0;
}

/* The document's own discount: a percentage ("5%", "2.5%") or an amount
 * ("12.50"), the fiscal core's decimals. */
static int
check_doc_discount(const char *v, char *err)
{
	char num[DEC_BUF];
	size_t n = strlen(v);
	int pct = n > 0 && v[n - 1] == '%';

	if (n - pct >= sizeof num || n - pct == 0)
		return err_set(err, _("must be a percentage (5%%) or an amount (12.50)"));
	memcpy(num, v, n - pct);
	num[n - pct] = '\0';
	if (num[0] == '-' || check_doc_decimal(num, NULL) < 0)
		return err_set(err, _("must be a percentage (5%%) or an amount (12.50)"));
	return 0;
}

/* Across fields: the kind's side and TipoDocumento, a number past the
 * draft. */
static int
document_validate(const struct record *r, size_t *bad, char *err)
{
	const struct doc_kind *k = doc_kind_find(record_get(r, DOC_KIND));
	const char *type = record_get(r, DOC_TYPE);

	if (k == NULL)
		return 0; /* the field's own check said so */
	if (strcmp(k->direction, record_get(r, DOC_DIRECTION)) != 0)
		return record_invalid(r, DOC_DIRECTION, bad,
				      k->direction[0] == 'S'
					      ? _("this kind of document is a sale (S)")
					      : _("this kind of document is a purchase (P)"),
				      err);
	if (!doc_kind_takes_type(k, type)) {
		char msg[ERR_SIZE];

		if (k->types != NULL)
			snprintf(msg, sizeof msg, _("a %s is one of %s"), _(k->label), k->types);
		else if (k->type == NULL)
			snprintf(msg, sizeof msg, "%s", _("a purchase invoice needs its "
							  "TipoDocumento"));
		else if (k->type[0] == '\0')
			snprintf(msg, sizeof msg, _("a %s has no TipoDocumento"), _(k->label));
		else
			snprintf(msg, sizeof msg, _("a %s is %s"), _(k->label), k->type);
		return record_invalid(r, DOC_TYPE, bad, msg, err);
	}
	if (strcmp(record_get(r, DOC_STATE), DOC_STATE_DRAFT) != 0 &&
	    record_get(r, DOC_NUMBER)[0] == '\0')
		return record_invalid(r, DOC_NUMBER, bad, _("only a draft may have no number yet"),
				      err);
	if ((record_get(r, DOC_YEAR)[0] == '\0') != (record_get(r, DOC_SEQ)[0] == '\0'))
		return record_invalid(r, DOC_SEQ, bad, _("a number's year and sequence go "
							 "together"),
				      err);
	return 0;
}

/* How the field links names a linked document l: "ORD 1/2026 2026-01-12",
 * a draft by its record number ("DDT #7 2026-01-14"). */
#define DOC_LINK_TEXT                                                                  \
	"l.kind || ' ' || CASE l.number WHEN '' THEN '#' || l.id ELSE l.number END || ' ' " \
	"|| l.date"

#define CENTS(name, label) { name, label, 20, RECF_REQUIRED, "0", check_doc_cents, NULL }
#define TEXT(name, label, max) { name, label, max, 0, NULL, NULL, NULL }

static const struct record_field document_fields[DOC_NFIELDS] = {
	[DOC_DIRECTION] = { "direction", N_("Purchase or sale"), 1, RECF_REQUIRED, "P",
			    check_direction, NULL },
	[DOC_PARTY] = { "party_id", N_("Customer or supplier"), 20, RECF_REQUIRED, NULL,
			check_id, NULL },
	[DOC_TYPE] = { "type", N_("Document type"), 4, 0, "TD01", check_doc_type, NULL },
	[DOC_NUMBER] = { "number", N_("Number"), 20, RECF_SORT, NULL, NULL, NULL },
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
	[DOC_KIND] = { "kind", N_("Kind of document"), 3, RECF_REQUIRED, "FA", check_doc_kind,
		       NULL },
	[DOC_STATE] = { "state", N_("State"), 1, RECF_REQUIRED, "I", check_state, NULL },
	[DOC_NUMBERING] = TEXT("numbering", N_("Numbering"), 3),
	[DOC_SERIES] = { "series", N_("Series"), 10, 0, NULL, check_series, NULL },
	[DOC_YEAR] = { "year", N_("Year of the number"), 4, RECF_NULL, NULL, check_year, NULL },
	[DOC_SEQ] = { "seq", N_("Progressive number"), 9, RECF_NULL, NULL, check_id, NULL },
	[DOC_OP_DATE] = { "op_date", N_("Operation date"), 10, 0, NULL, check_iso_date, NULL },
	[DOC_PAY_TERMS] = { "pay_terms", N_("Payment schedule"), 40, 0, NULL,
			    check_pay_schedule, NULL },
	[DOC_PAY_METHOD] = { "pay_method", N_("Payment method"), 4, 0, NULL, check_pay_method,
			     NULL },
	[DOC_IBAN] = { "iban", N_("IBAN"), 34, 0, NULL, check_iban, NULL },
	[DOC_SDI] = { "sdi", N_("SDI code"), 7, 0, NULL, check_sdi_code, NULL },
	[DOC_PEC] = { "pec", N_("PEC"), 254, 0, NULL, check_email, NULL },
	[DOC_PA_OFFICE] = { "pa_office", N_("PA office code"), 6, 0, NULL, check_pa_office,
			    NULL },
	[DOC_ORDER_REF] = TEXT("order_ref", N_("Customer's order"), 20),
	[DOC_CONTRACT_REF] = TEXT("contract_ref", N_("Contract"), 20),
	[DOC_CIG] = TEXT("cig", N_("CIG"), 15),
	[DOC_CUP] = TEXT("cup", N_("CUP"), 15),
	[DOC_CARRIER] = TEXT("carrier", N_("Carrier"), 80),
	[DOC_GOODS_ASPECT] = TEXT("goods_aspect", N_("Appearance of the goods"), 40),
	[DOC_PACKAGES] = { "packages", N_("Packages"), 6, RECF_NULL, NULL, check_count, NULL },
	[DOC_WEIGHT] = { "weight", N_("Weight (kg)"), 12, 0, NULL, check_doc_decimal, NULL },
	[DOC_PORTO] = TEXT("porto", N_("Porto"), 20),
	[DOC_TRANSPORT_REASON] = TEXT("transport_reason", N_("Reason for transport"), 40),
	[DOC_TRANSPORT_START] = { "transport_start", N_("Transport start"), 16, 0, NULL,
				  check_date_time, NULL },
	[DOC_WH_TYPE] = { "wh_type", N_("Withholding type"), 4, 0, NULL, check_doc_wh_type,
			  NULL },
	[DOC_WH_RATE] = { "wh_rate", N_("Withholding rate"), 5, RECF_REQUIRED, "0",
			  check_doc_rate, NULL },
	[DOC_WH_CAUSALE] = TEXT("wh_causale", N_("Withholding causale"), 2),
	[DOC_CASSA_TYPE] = { "cassa_type", N_("Cassa previdenziale"), 4, 0, NULL, check_tc_type,
			     NULL },
	[DOC_CASSA_RATE] = { "cassa_rate", N_("Cassa rate"), 5, RECF_REQUIRED, "0",
			     check_doc_rate, NULL },
	[DOC_CASSA_VAT_RATE] = { "cassa_vat_rate", N_("Cassa VAT rate"), 5, RECF_REQUIRED, "0",
				 check_doc_rate, NULL },
	[DOC_CASSA_NATURA] = { "cassa_natura", N_("Cassa Natura"), 4, 0, NULL,
			       check_doc_natura, NULL },
	[DOC_CASSA_RITENUTA] = { "cassa_ritenuta", N_("Cassa subject to withholding"), 1,
				 RECF_REQUIRED, "0", check_flag, NULL },
	[DOC_CASSA] = CENTS("cassa", N_("Cassa contribution")),
	[DOC_DISCOUNT] = { "discount", N_("Document discount"), 20, 0, NULL, check_doc_discount,
			   NULL },
	[DOC_ROUNDING] = CENTS("rounding", N_("Rounding")),
	[DOC_BOLLO_CHARGED] = { "bollo_charged", N_("Stamp duty charged"), 1, RECF_REQUIRED, "0",
				check_flag, NULL },
	[DOC_BOLLO_AUTO] = { "bollo_auto", N_("Stamp duty when due"), 1, RECF_REQUIRED, "1",
			     check_flag, NULL },
	[DOC_REGIME] = TEXT("regime", N_("Tax regime"), 4),
	[DOC_INTENT] = TEXT("intent", N_("Dichiarazione d'intento"), 100),
	[DOC_NOTES] = { "notes", N_("Notes"), 4000, RECF_LINES, NULL, NULL, NULL },
	/* the sources, then what was made from it, each as an index gives
	 * them (in the order made): no sort, so a list's page stays a seek */
	[DOC_LINKS] = { "links", N_("Linked documents"), 0, 0, NULL, NULL,
			"SELECT group_concat(x, '; ') FROM (SELECT (SELECT group_concat("
			DOC_LINK_TEXT ", '; ') FROM document_links k JOIN documents l ON "
			"l.id = k.from_id WHERE k.to_id = documents.id) AS x UNION ALL SELECT "
			"(SELECT group_concat(" DOC_LINK_TEXT ", '; ') FROM document_links k "
			"JOIN documents l ON l.id = k.to_id WHERE k.from_id = documents.id))" },
	/* sdi.c writes it (the file made, sent, answered): never a record's
	 * save, so a form open meanwhile does not put it back */
	[DOC_SDI_STATE] = { "sdi_state", N_("SdI state"), 1, 0, NULL, NULL,
			    "documents.sdi_state" },
	[DOC_TO_INTEGRATE] = { "to_integrate", N_("Lines to integrate"), 0, 0, NULL, NULL,
			       "CASE WHEN documents.kind = 'FA' AND documents.state <> 'D' THEN "
			       "(SELECT count(*) FROM document_lines l JOIN parties p ON p.id = "
			       "documents.party_id WHERE l.document_id = documents.id AND "
			       DOC_TO_INTEGRATE_WHERE ") ELSE 0 END" },
	/* one query by index: the newest file, its rejecting message, its
	 * errors in order */
	[DOC_SDI_ERRORS] = { "sdi_errors", N_("SdI errors"), 0, 0, NULL, NULL,
			     "SELECT group_concat(x, '; ') FROM (SELECT e.code || ' ' || "
			     "e.description AS x FROM sdi_message_errors e WHERE e.message = "
			     "(SELECT m.id FROM sdi_messages m WHERE m.sdi_file = (SELECT max(f.id) "
			     "FROM sdi_files f WHERE f.document = documents.id) AND m.state_to = 'R' "
			     "AND m.state_from <> 'R' ORDER BY m.id DESC LIMIT 1) ORDER BY "
			     "e.position)" },
	/* the party's own flag, as it is now: a document made before the
	 * customer was blocked shows it too */
	[DOC_PARTY_BLOCKED] = { "party_blocked", N_("Customer blocked"), 0, 0, NULL, NULL,
				"CASE WHEN documents.direction = 'S' AND documents.kind <> 'AUT' "
				"AND (SELECT p.blocked FROM parties p WHERE p.id = "
				"documents.party_id) = 1 THEN '1' ELSE '' END" },
	[DOC_VAT_PROTOCOL] = { "vat_protocol", N_("VAT protocol"), 0, 0, NULL, NULL,
			       "(SELECT v.number || '/' || v.year FROM vat_protocols v WHERE "
			       "v.document_id = documents.id)" },
	[DOC_VAT_DEDUCTIBLE] = { "vat_deductible", N_("Deductible VAT"), 5, RECF_REQUIRED,
				 "10000", check_doc_rate, NULL },
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
	.validate = document_validate,
	.children = document_children,
	.nchildren = DOC_NCHILDREN,
	.load = record_table_load,
	.insert = document_insert,
	.update = document_update,
	.remove = document_remove,
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
