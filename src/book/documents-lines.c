/* A document's rows, child kinds of documents_kind kept by the record
 * interface with their document (document_id, position seq): the lines,
 * the VAT summary, the withholdings and the payment schedule. Each value
 * is checked in its canonical form; the arithmetic that ties them together
 * is the fiscal core's. */
#include "config.h"

#include <string.h>

#include "book/documents.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

static int
check_line_no(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0 || v[0] == '-' || strcmp(v, "0") == 0 || strlen(v) > 4)
		return err_set(err, _("must be a line number from 1 to 9999"));
	return 0;
}

static int
check_flag(const char *v, char *err)
{
	return check_one_of(v, "1 0", _("must be 1 (yes) or 0 (no)"), err);
}

/* Natura as a file may carry it: N1 to N7, with a sub-code (N2.1) or not
 * (the codes before 2021, which old files still hold). */
int
check_doc_natura(const char *v, char *err)
{
	size_t n = strlen(v);

	if (v[0] != 'N' || v[1] < '1' || v[1] > '7' ||
	    !(n == 2 || (n == 4 && v[2] == '.' && v[3] >= '1' && v[3] <= '9')))
		return err_set(err, _("must be a Natura code: N1, N2.1, N2.2, N3.1 ... N3.6, N4, "
				      "N5, N6.1 ... N6.9, N7"));
	return 0;
}

/* "SC 10.00%; MG 1.50": each a kind (SC sconto, MG maggiorazione), a
 * blank, a decimal and % for a percentage. */
static int
check_discounts(const char *v, char *err)
{
	const char *p = v;

	while (*p != '\0') {
		size_t n = strcspn(p, ";");
		char num[DEC_BUF];
		size_t len;

		if (n < 4 || (strncmp(p, "SC ", 3) != 0 && strncmp(p, "MG ", 3) != 0))
			break;
		len = n - 3 - (p[n - 1] == '%');
		if (len == 0 || len >= sizeof num)
			break;
		memcpy(num, p + 3, len);
		num[len] = '\0';
		if (check_doc_decimal(num, NULL) < 0)
			break;
		p += n;
		if (*p == '\0')
			return 0;
		if (strncmp(p, "; ", 2) != 0)
			break;
		p += 2;
	}
	return err_set(err, _("must be discounts like \"SC 10.00%%; MG 1.50\": SC or MG, then "
			      "a percentage or an amount a unit, separated by \"; \""));
}

static int
check_line_type(const char *v, char *err)
{
	return check_one_of(v, "T B SC", _("must be empty (goods or a service), T (text only), "
					   "B (stamp duty charged) or SC (the document's discount)"),
			    err);
}

static int
check_row_id(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0 || v[0] == '-' || strcmp(v, "0") == 0)
		return err_set(err, _("must be a record number, 1 or more"));
	return 0;
}

static int
check_esigibilita(const char *v, char *err)
{
	return check_one_of(v, "I D S", _("must be I (immediate), D (deferred) or S (split "
					  "payment)"),
			    err);
}

int
check_doc_wh_type(const char *v, char *err)
{
	if (strlen(v) != 4 || strncmp(v, "RT0", 3) != 0 || v[3] < '1' || v[3] > '6')
		return err_set(err, _("must be a withholding type, RT01 to RT06"));
	return 0;
}

static int
check_wh_causale(const char *v, char *err)
{
	if (!code_chars_ok(v, "") || v[0] < 'A' || v[0] > 'Z')
		return err_set(err, _("must be a CausalePagamento code (A, B ... ZO)"));
	return 0;
}

static int
check_pay_code(const char *v, const char *prefix, char *err)
{
	if (strlen(v) != 4 || strncmp(v, prefix, 2) != 0 || v[2] < '0' || v[2] > '9' ||
	    v[3] < '0' || v[3] > '9')
		return err_set(err, _("must be a code of the FatturaPA lists (TP01, MP05)"));
	return 0;
}

static int
check_terms(const char *v, char *err)
{
	return check_pay_code(v, "TP", err);
}

static int
check_mode(const char *v, char *err)
{
	return check_pay_code(v, "MP", err);
}

#define CENTS(name, label, flags) { name, label, 20, flags, "0", check_doc_cents, NULL }

static const struct record_field line_fields[LINE_NFIELDS] = {
	[LINE_NO] = { "line_no", N_("Line"), 4, RECF_REQUIRED, NULL, check_line_no, NULL },
	[LINE_DESCRIPTION] = { "description", N_("Description"), 1000, 0, NULL, NULL, NULL },
	[LINE_QTY] = { "quantity", N_("Quantity"), 30, 0, NULL, check_doc_decimal, NULL },
	[LINE_UNIT] = { "unit", N_("Unit"), 10, 0, NULL, NULL, NULL },
	[LINE_PRICE] = { "unit_price", N_("Unit price"), 30, RECF_REQUIRED, NULL,
			 check_doc_decimal, NULL },
	[LINE_DISCOUNTS] = { "discounts", N_("Discounts"), 255, 0, NULL, check_discounts, NULL },
	[LINE_TOTAL] = { "total", N_("Line total"), 30, RECF_REQUIRED, NULL, check_doc_decimal,
			 NULL },
	[LINE_VAT_RATE] = { "vat_rate", N_("VAT rate"), 5, RECF_REQUIRED, "0", check_doc_rate,
			    NULL },
	[LINE_NATURA] = { "natura", N_("Natura"), 4, 0, NULL, check_doc_natura, NULL },
	[LINE_RITENUTA] = { "ritenuta", N_("Withholding"), 1, RECF_REQUIRED, "0", check_flag,
			    NULL },
	[LINE_TYPE] = { "line_type", N_("Kind of line"), 2, 0, NULL, check_line_type, NULL },
	[LINE_ARTICLE] = { "article_id", N_("Article"), 20, RECF_NULL, NULL, check_row_id, NULL },
	[LINE_CODE] = { "code", N_("Code"), 35, 0, NULL, NULL, NULL },
	[LINE_NORM] = { "norm", N_("Legal reference"), 100, 0, NULL, NULL, NULL },
	[LINE_FROM] = { "from_line", N_("From line"), 20, RECF_NULL, NULL, check_row_id, NULL },
};

const struct record_kind document_lines_kind = {
	.name = "document_lines",
	.table = "document_lines",
	.fields = line_fields,
	.nfields = LINE_NFIELDS,
	.key_field = LINE_DESCRIPTION,
};

static const struct record_field vat_fields[VAT_NFIELDS] = {
	[VAT_RATE] = { "vat_rate", N_("VAT rate"), 5, RECF_REQUIRED, "0", check_doc_rate, NULL },
	[VAT_NATURA] = { "natura", N_("Natura"), 4, 0, NULL, check_doc_natura, NULL },
	[VAT_TAXABLE] = CENTS("taxable", N_("Taxable amount"), RECF_REQUIRED),
	[VAT_TAX] = CENTS("tax", N_("VAT"), RECF_REQUIRED),
	[VAT_ROUNDING] = CENTS("rounding", N_("Rounding"), RECF_REQUIRED),
	[VAT_ESIGIBILITA] = { "esigibilita", N_("VAT due"), 1, 0, NULL, check_esigibilita,
			      NULL },
	[VAT_NORM] = { "norm", N_("Legal reference"), 100, 0, NULL, NULL, NULL },
};

const struct record_kind document_vat_kind = {
	.name = "document_vat",
	.table = "document_vat",
	.fields = vat_fields,
	.nfields = VAT_NFIELDS,
	.key_field = VAT_RATE,
};

static const struct record_field wh_fields[WH_NFIELDS] = {
	[WH_TYPE] = { "type", N_("Withholding type"), 4, RECF_REQUIRED, NULL, check_doc_wh_type,
		      NULL },
	[WH_RATE] = { "rate", N_("Withholding rate"), 5, RECF_REQUIRED, "0", check_doc_rate,
		      NULL },
	[WH_AMOUNT] = CENTS("amount", N_("Amount"), RECF_REQUIRED),
	[WH_CAUSALE] = { "causale", N_("Causale"), 2, 0, NULL, check_wh_causale, NULL },
};

const struct record_kind document_withholdings_kind = {
	.name = "document_withholdings",
	.table = "document_withholdings",
	.fields = wh_fields,
	.nfields = WH_NFIELDS,
	.key_field = WH_TYPE,
};

static const struct record_field pay_fields[PAY_NFIELDS] = {
	[PAY_TERMS] = { "terms", N_("Payment terms"), 4, 0, NULL, check_terms, NULL },
	[PAY_MODE] = { "mode", N_("Payment method"), 4, 0, NULL, check_mode, NULL },
	[PAY_DUE] = { "due", N_("Due date"), 10, 0, NULL, check_iso_date, NULL },
	[PAY_AMOUNT] = CENTS("amount", N_("Amount"), RECF_REQUIRED),
	[PAY_IBAN] = { "iban", N_("IBAN"), 34, 0, NULL, check_iban, NULL },
	[PAY_PAID] = { "paid", N_("Paid on"), 10, RECF_NULL, NULL, check_iso_date, NULL },
};

const struct record_kind document_payments_kind = {
	.name = "document_payments",
	.table = "document_payments",
	.fields = pay_fields,
	.nfields = PAY_NFIELDS,
	.key_field = PAY_DUE,
};
