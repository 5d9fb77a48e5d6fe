/* Articles and their stock movements: fields, checks, the VAT rate or
 * Natura rule (SdI 00429), and the stock on hand as a computed field.
 * Stored by the one-table record storage, movements as child rows. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "book/articles.h"
#include "util/codelist.h"
#include "util/i18n.h"
#include "util/util.h"

/* Codes are typed on invoices and looked up: no blanks. */
static int
check_code(const char *v, char *err)
{
	if (!code_chars_ok(v, "-_./"))
		return err_set(err, _("may hold only capital letters, digits and - _ . /"));
	return 0;
}

/* A fixed-point value kept as digits (unit prices, rates): not negative. */
static int
check_digits(const char *v, char *err)
{
	if (v[0] == '-' || check_integer(v, NULL) < 0)
		return err_set(err, _("must be a number, not negative"));
	return 0;
}

static int
check_rate(const char *v, char *err)
{
	if (check_digits(v, NULL) < 0 || strlen(v) > 5 || atoi(v) > 10000)
		return err_set(err, _("must be a rate from 0 to 100%%"));
	return 0;
}

/* The codes of data/natura.txt (N2, N3 and N6 without a sub-code are not
 * there: refused since 2021). */
static int
check_natura(const char *v, char *err)
{
	int rc = code_listed(CODELIST_NATURA, v, err);

	if (rc == 0)
		return err_set(err, _("must be a Natura code: N1, N2.1, N2.2, N3.1 ... N3.6, N4, "
				      "N5, N6.1 ... N6.9, N7"));
	return rc > 0 ? 0 : -1;
}

/* EAN-8, UPC-A and EAN-13 carry a check digit: weights 3 and 1 from the
 * right. Other codes are free. */
static int
check_barcode(const char *v, char *err)
{
	size_t n = strlen(v);
	int sum = 0;

	if (!code_chars_ok(v, "-."))
		return err_set(err, _("may hold only capital letters, digits, - and ."));
	if (strspn(v, "0123456789") != n || (n != 8 && n != 12 && n != 13))
		return 0;
	for (size_t i = 0; i + 1 < n; i++)
		sum += (v[n - 2 - i] - '0') * (i % 2 == 0 ? 3 : 1);
	if ((10 - sum % 10) % 10 != v[n - 1] - '0')
		return err_set(err, _("wrong check digit (expected %d)"), (10 - sum % 10) % 10);
	return 0;
}

static int
check_quantity(const char *v, char *err)
{
	if (check_integer(v, NULL) < 0)
		return err_set(err, _("must be a number"));
	if (strcmp(v, "0") == 0)
		return err_set(err, _("must not be zero (positive in, negative out)"));
	return 0;
}

/* A row's id in another table: a positive integer (the book's foreign
 * key checks that the row is there). */
static int
is_row_id(const char *v)
{
	return v[0] != '-' && v[0] != '0' && check_integer(v, NULL) == 0;
}

static int
check_document(const char *v, char *err)
{
	return is_row_id(v) ? 0 : err_set(err, _("must be a document's number in the book"));
}

static int
check_party(const char *v, char *err)
{
	return is_row_id(v) ? 0 : err_set(err, _("must be a party's number in the book"));
}

/* A VAT rate above 0, or a Natura with rate 0 or none: not both, not
 * neither. */
static int
article_validate(const struct record *r, size_t *bad, char *err)
{
	const char *rate = record_get(r, ARTICLE_VAT_RATE), *natura = record_get(r, ARTICLE_NATURA);
	int taxed = rate[0] != '\0' && strcmp(rate, "0") != 0;

	if (taxed && natura[0] != '\0')
		return record_invalid(r, ARTICLE_NATURA, bad,
				      _("a Natura goes with a VAT rate of 0: clear the rate or the "
					"Natura"),
				      err);
	if (!taxed && natura[0] == '\0')
		return record_invalid(r, ARTICLE_VAT_RATE, bad,
				      rate[0] == '\0' ? _("give a VAT rate or a Natura code")
						      : _("a rate of 0 needs a Natura code (SdI error "
							  "00429)"),
				      err);
	return 0;
}

static const struct record_field move_fields[MOVE_NFIELDS] = {
	[MOVE_DATE] = { "date", N_("Date"), 10, RECF_REQUIRED, NULL, check_iso_date },
	[MOVE_QTY] = { "quantity", N_("Quantity"), 19, RECF_REQUIRED, NULL, check_quantity },
	[MOVE_REASON] = { "reason", N_("Reason"), 60, 0, NULL, NULL },
	[MOVE_DOCUMENT] = { "document_id", N_("Document"), 19, RECF_NULL, NULL, check_document },
};

/* Stored with their article by record_save: no storage of their own. */
const struct record_kind stock_moves_kind = {
	.name = "stock_moves",
	.table = "stock_moves",
	.fields = move_fields,
	.nfields = MOVE_NFIELDS,
	.key_field = MOVE_DATE,
};

static const struct record_field article_fields[ARTICLE_NFIELDS] = {
	[ARTICLE_CODE] = { "code", N_("Code"), 35, RECF_REQUIRED, NULL, check_code },
	[ARTICLE_DESCRIPTION] = { "description", N_("Description"), 1000, RECF_REQUIRED | RECF_SORT, NULL,
				  NULL },
	[ARTICLE_UNIT] = { "unit", N_("Unit"), 10, 0, NULL, NULL },
	[ARTICLE_PRICE] = { "unit_price", N_("Unit price"), 18, RECF_NULL, NULL, check_digits },
	[ARTICLE_VAT_RATE] = { "vat_rate", N_("VAT rate"), 5, RECF_NULL, "2200", check_rate },
	[ARTICLE_NATURA] = { "natura", N_("Natura"), 4, 0, NULL, check_natura },
	[ARTICLE_CATEGORY] = { "category", N_("Category"), 40, RECF_SORT, NULL, NULL },
	[ARTICLE_BARCODE] = { "barcode", N_("Barcode"), 40, 0, NULL, check_barcode },
	[ARTICLE_STOCK] = { "stock", N_("Stock on hand"), 0, 0, NULL, NULL,
			    "SELECT coalesce(sum(quantity), 0) FROM stock_moves "
			    "WHERE article_id = articles.id" },
	[ARTICLE_SUPPLIER] = { "supplier_id", N_("Usual supplier"), 19, RECF_NULL, NULL,
			       check_party },
};

static const struct record_child article_children[] = {
	{ "moves", &stock_moves_kind, "article_id", "position" },
};

const struct record_kind articles_kind = {
	.name = "articles",
	.table = "articles",
	.fields = article_fields,
	.nfields = ARTICLE_NFIELDS,
	.key_field = ARTICLE_CODE,
	.children = article_children,
	.nchildren = ARRAY_LEN(article_children),
	.validate = article_validate,
	.load = record_table_load,
	.insert = record_table_insert,
	.update = record_table_update,
	.remove = record_table_remove,
	.browse = record_table_browse,
	.find = record_table_find,
};
