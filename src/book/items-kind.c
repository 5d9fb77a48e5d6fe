/* The open items as the screens see them (items.h): the kind items over
 * the view items_list (its due date and notes may change, nothing else:
 * items come from documents and are settled by payments), its commands
 * (Pay, Pay with the party's others, the statement shown, printed and as a
 * PDF, the ageing's day), and the Pay form's kind item_payment, kept
 * nowhere: saving it is the payment (items_pay). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/dunning.h"
#include "book/f24.h"
#include "book/items-impl.h"
#include "book/items.h"
#include "book/pn-impl.h"
#include "book/primanota.h"
#include "book/record-store.h"
#include "book/riba.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

static int64_t
num(const char *v)
{
	return v[0] != '\0' ? strtoll(v, NULL, 10) : 0;
}

static void
set_num(struct record *r, size_t f, int64_t v)
{
	char t[24];

	snprintf(t, sizeof t, "%" PRId64, v);
	record_set(r, f, t);
}

/* ---- the items' storage ---- */

static int
items_insert(struct book *b, struct record *r, char *err)
{
	(void)b;
	return record_invalid(r, ITEM_DUE, NULL,
			      _("open items come from issued invoices and registered purchases: "
				"issue or register the document"),
			      err);
}

static int
items_remove(struct book *b, const struct record *r, char *err)
{
	(void)b;
	return record_invalid(r, ITEM_DUE, NULL,
			      _("an open item goes with its document; a payment is undone by "
				"deleting its prima nota entry"),
			      err);
}

/* Only the due date (an extension agreed) and the notes change. */
static int
items_update(struct book *b, struct record *r, char *err)
{
	int64_t args[2] = { r->id, r->version }, exists;
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "UPDATE open_items SET due = ?3, notes = ?4, version = version + 1, "
			       "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
			       "WHERE id = ?1 AND version = ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, args[0]);
	sqlite3_bind_int64(st, 2, args[1]);
	sqlite3_bind_text(st, 3, record_get(r, ITEM_DUE), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, record_get(r, ITEM_NOTES), -1, SQLITE_TRANSIENT);
	if ((rc = record_step_done(b, st, err)) < 0)
		return rc;
	if (sqlite3_changes(book_db(b)) == 1) {
		r->version++;
		return 0;
	}
	if (sqlite3_prepare_v2(book_db(b), "SELECT count(*) FROM open_items WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, r->id);
	exists = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (exists) {
		err_set(err, _("changed by someone else since you opened it: nothing was written"));
		return REC_CONFLICT;
	}
	err_set(err, _("deleted by someone else since you opened it: nothing was written"));
	return REC_GONE;
}

static int
check_side(const char *v, char *err)
{
	return check_one_of(v, "R P", _("must be R (receivable) or P (payable)"), err);
}

static int
check_item_state(const char *v, char *err)
{
	return check_one_of(v, "O A P R",
			    _("must be O (open), A (partly paid), P (paid) or R (presented)"), err);
}

#define AGED(n) "items_aged(items_list.due, items_list.open, " #n ")"

static const struct record_field item_fields[ITEM_NFIELDS] = {
	[ITEM_DUE] = { "due", N_("Due date"), 10, RECF_REQUIRED, NULL, check_iso_date, NULL },
	[ITEM_SIDE] = { "side", N_("Receivable or payable"), 1, RECF_REQUIRED, NULL, check_side,
			NULL },
	[ITEM_PARTY] = { "party_id", N_("Customer or supplier"), 19, 0, NULL, NULL, NULL },
	[ITEM_PARTY_NAME] = { "party_name", N_("Customer/supplier"), 200, 0, NULL, NULL,
			      NULL },
	[ITEM_DOCUMENT] = { "document_id", N_("Document"), 19, 0, NULL, NULL, NULL },
	[ITEM_DOC_TEXT] = { "doc_text", N_("Invoice"), 64, 0, NULL, NULL, NULL },
	[ITEM_DOC_DATE] = { "doc_date", N_("Invoice date"), 10, 0, NULL, NULL, NULL },
	[ITEM_SEQ] = { "seq", N_("Instalment"), 4, 0, NULL, NULL, NULL },
	[ITEM_INSTALMENTS] = { "instalments", N_("Instalments"), 4, 0, NULL, NULL, NULL },
	[ITEM_AMOUNT] = { "amount", N_("Amount"), 20, 0, NULL, NULL, NULL },
	[ITEM_PAID_AMOUNT] = { "paid", N_("Paid so far"), 20, 0, NULL, NULL, NULL },
	[ITEM_OPEN_AMOUNT] = { "open", N_("Still open"), 20, 0, NULL, NULL, NULL },
	[ITEM_STATE] = { "state", N_("State"), 1, RECF_SORT, NULL, check_item_state, NULL },
	[ITEM_MODE] = { "mode", N_("Payment method"), 4, 0, NULL, NULL, NULL },
	[ITEM_PRESENTED_ON] = { "presented", N_("Presented on"), 10, RECF_NULL, NULL,
				check_iso_date, NULL },
	[ITEM_NOTES] = { "notes", N_("Notes"), 1000, 0, NULL, NULL, NULL },
	[ITEM_DAYS] = { "days", N_("Days past due"), 0, 0, NULL, NULL,
			"items_days(items_list.due, items_list.open)" },
	[ITEM_AGE_NOT_DUE] = { "not_due", N_("Not due"), 0, 0, NULL, NULL, AGED(0) },
	[ITEM_AGE_30] = { "age_30", N_("0-30 days"), 0, 0, NULL, NULL, AGED(1) },
	[ITEM_AGE_60] = { "age_60", N_("31-60 days"), 0, 0, NULL, NULL, AGED(2) },
	[ITEM_AGE_90] = { "age_90", N_("61-90 days"), 0, 0, NULL, NULL, AGED(3) },
	[ITEM_AGE_OVER] = { "age_over", N_("Over 90 days"), 0, 0, NULL, NULL, AGED(4) },
	[ITEM_AS_OF] = { "as_of", N_("Ageing as of"), 0, 0, NULL, NULL, "items_as_of()" },
};

/* ---- the commands ---- */

static int
applies_open(const struct record *r)
{
	return strcmp(record_get(r, ITEM_STATE), "P") != 0;
}

static int
applies_receivable(const struct record *r)
{
	return strcmp(record_get(r, ITEM_SIDE), "R") == 0;
}

/* The Pay form filled for the items ids (n) as they stand. */
static int
pay_fill(struct book *b, struct record *f, const int64_t *ids, size_t n, char *err)
{
	struct buf t = { 0 };
	int64_t open = 0;
	struct item it;
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		if ((rc = items_get(b, ids[i], &it, err)) < 0)
			break;
		buf_printf(&t, "%s%" PRId64, i > 0 ? " " : "", ids[i]);
		open += it.open;
		if (i == 0)
			record_set(f, ITEMPAY_PARTY, it.party);
	}
	if (rc == 0) {
		record_set(f, ITEMPAY_ITEMS, t.data != NULL ? t.data : "");
		set_num(f, ITEMPAY_OPEN, open);
		set_num(f, ITEMPAY_AMOUNT, open);
	}
	buf_free(&t);
	return rc;
}

static int
prepare_common(struct book *b, struct record *f, const int64_t *ids, size_t n, char *err)
{
	int64_t account;
	char day[11];

	if (f24_default_account(b, &account, err) < 0)
		return REC_ERROR;
	util_today(day);
	record_set(f, ITEMPAY_DATE, day);
	if (account != 0)
		set_num(f, ITEMPAY_ACCOUNT, account);
	return pay_fill(b, f, ids, n, err);
}

static int
prepare_pay(struct book *b, const struct record *r, struct record *f, char *err)
{
	return prepare_common(b, f, &r->id, 1, err);
}

/* Pay with the others: every item of the party on this side not paid yet,
 * in due order. */
static int
prepare_pay_party(struct book *b, const struct record *r, struct record *f, char *err)
{
	struct item *it;
	int64_t *ids;
	size_t n;
	int rc;

	if (items_list(b, num(record_get(r, ITEM_PARTY)), record_get(r, ITEM_SIDE)[0], 1, &it, &n,
		       err) < 0)
		return REC_ERROR;
	ids = xcalloc(n + 1, sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = it[i].id;
	rc = n > 0 ? prepare_common(b, f, ids, n, err) : prepare_pay(b, r, f, err);
	free(ids);
	free(it);
	return rc;
}

static int
run_as_of(struct book *b, const struct record *r, const char *arg, int64_t *open_id, char *msg,
	  char *err)
{
	char iso[11], d[DATE_TEXT_SIZE];

	(void)b, (void)r, (void)open_id;
	if (arg == NULL || arg[0] == '\0') {
		items_set_as_of(NULL);
		items_as_of(iso);
		err_set(msg, _("Ageing as of today, %s."), date_text(iso, d));
		return 0;
	}
	if (f24_date_parse(arg, iso) < 0 || items_set_as_of(iso) < 0) {
		err_set(err, "%s", _("the day must be a date, dd/mm/yyyy (empty: today)"));
		return REC_INVALID;
	}
	err_set(msg, _("Ageing as of %s: the lists' columns and the statements count from it."),
		date_text(iso, d));
	return 0;
}

static void
preset_as_of(struct book *b, const struct record *r, char *out)
{
	char iso[11];

	(void)b, (void)r;
	items_as_of(iso);
	snprintf(out, ERR_SIZE, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

static const struct record_command item_commands[] = {
	{ .name = "pay", .label = N_("Pay"),
	  .help = N_("Pay this item: the date, the amount (what is open, or less), the cash or "
		     "bank account; writes the prima nota entry"),
	  .applies = applies_open, .screen = "items_pay", .link_field = "item_id",
	  .prepare = prepare_pay },
	{ .name = "pay-all", .label = N_("Pay with the party's others"),
	  .help = N_("One payment of every open item of this party on this side (edit the list "
		     "of items in the form)"),
	  .applies = applies_open, .screen = "items_pay", .link_field = "item_id",
	  .prepare = prepare_pay_party },
	{ .name = "as-of", .label = N_("Ageing as of"),
	  .help = N_("The day the lists' ageing columns and the statements count from (empty: "
		     "today)"),
	  .ask = RECORD_ASK_TEXT, .prompt = N_("Ageing as of (dd/mm/yyyy, empty: today):"),
	  .preset = preset_as_of, .run = run_as_of },
	/* the party's statement (items-stmt.c) */
	{ .name = "statement", .label = N_("Statement"),
	  .help = N_("the party's statement of account: its documents, instalments, payments and "
		     "running balance"),
	  .show = items_show_statement },
	{ .name = "statement-pdf", .label = N_("Statement PDF"),
	  .help = N_("write the party's statement of account as a PDF file in the export folder"),
	  .ask = RECORD_ASK_FILE_OUT, .prompt = N_("PDF file name"), .preset = items_pdf_preset,
	  .run = items_pdf_run },
	/* Ri.Ba. (riba-cmds.c) */
	{ .name = "riba", .label = N_("Present by Ri.Ba."),
	  .help = N_("Write the Ri.Ba. file for the bank of the customers' open items due in a "
		     "range of dates (into the export folder); they become presented"),
	  .applies = riba_cmd_applies_present, .ask = RECORD_ASK_TEXT,
	  .prompt = N_("Ri.Ba. of the items due from, to (dd/mm/yyyy dd/mm/yyyy), then the bank "
		       "account if not the first:"),
	  .preset = riba_cmd_preset_present, .run = riba_cmd_present },
	{ .name = "riba-unpaid", .label = N_("Ri.Ba. unpaid"),
	  .help = N_("The bank returned this presented item unpaid (insoluto): it is open again, "
		     "and the bank's fee is written in the prima nota"),
	  .applies = riba_cmd_applies_unpaid, .ask = RECORD_ASK_TEXT,
	  .prompt = N_("Ri.Ba. unpaid: the bank's fee (0: none):"),
	  .preset = riba_cmd_preset_unpaid, .run = riba_cmd_unpaid },
	/* dunning, on the item's customer (dunning-cmds.c) */
	DUNNING_COMMANDS(applies_receivable),
};

const struct record_kind items_kind = {
	.name = "items",
	.table = "items_list",
	.fields = item_fields,
	.nfields = ITEM_NFIELDS,
	.key_field = ITEM_DUE,
	.load = record_table_load,
	.insert = items_insert,
	.update = items_update,
	.remove = items_remove,
	.browse = record_table_browse,
	.find = record_table_find,
	.commands = item_commands,
	.ncommands = ARRAY_LEN(item_commands),
	.print_book = items_print_book,
};

/* ---- the Pay form's kind ---- */

/* The items typed, "12 13, 14": their ids in *ids (free it), *n. 0, or -1
 * when something else is typed. */
static int
items_parse(const char *v, int64_t **ids, size_t *n)
{
	const char *p = v;

	*ids = NULL;
	*n = 0;
	while (*p != '\0') {
		char *end;
		long long id;
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		if (*p < '1' || *p > '9')
			goto bad;
		id = strtoll(p, &end, 10);
		if (end == p || (*end != '\0' && *end != ' ' && *end != ','))
			goto bad;
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = id;
		p = end;
	}
	return 0;
bad:
	free(*ids);
	*ids = NULL;
	*n = 0;
	return -1;
}

static int
check_items_text(const char *v, char *err)
{
	int64_t *ids;
	size_t n;

	if (items_parse(v, &ids, &n) < 0 || n == 0)
		return err_set(err, "%s", _("must be the numbers of open items, separated by blanks"));
	free(ids);
	return 0;
}

static int
check_amount(const char *v, char *err)
{
	return check_integer(v, NULL) == 0 && strcmp(v, "0") != 0
		       ? 0
		       : err_set(err, "%s", _("must be an amount other than 0"));
}

static int
payment_insert(struct book *b, struct record *r, char *err)
{
	struct item_payment p = {
		.date = record_get(r, ITEMPAY_DATE),
		.amount = num(record_get(r, ITEMPAY_AMOUNT)),
		.account_id = num(record_get(r, ITEMPAY_ACCOUNT)),
		.reference = record_get(r, ITEMPAY_REFERENCE),
		.description = record_get(r, ITEMPAY_DESCRIPTION),
	};
	int64_t *ids, entry;
	size_t n;
	int rc;

	if (items_parse(record_get(r, ITEMPAY_ITEMS), &ids, &n) < 0 || n == 0)
		return record_invalid(r, ITEMPAY_ITEMS, NULL,
				      _("must be the numbers of open items, separated by blanks"),
				      err);
	rc = items_pay(b, ids, n, &p, &entry, err);
	free(ids);
	if (rc < 0)
		return rc;
	r->id = num(record_get(r, ITEMPAY_ITEM));
	r->version = 1;
	return 0;
}

/* Payment id is item id's Pay form as it stands now. */
static int
payment_load(struct book *b, struct record *r, char *err)
{
	int64_t id = r->id;

	set_num(r, ITEMPAY_ITEM, id);
	r->version = 1;
	return pay_fill(b, r, &id, 1, err);
}

static int
payment_refused(struct book *b, const struct record *r, char *err)
{
	(void)b, (void)r;
	err_set(err, "%s", _("a payment is undone by deleting its prima nota entry, which "
			     "reopens its items"));
	return REC_INVALID;
}

static int
payment_update(struct book *b, struct record *r, char *err)
{
	return payment_refused(b, r, err);
}

/* The items typed anew: their party, what is open of them, and the amount
 * offered again. */
static int
payment_fill(struct book *b, struct record *r, size_t child, size_t row, size_t field,
	     char *err)
{
	int64_t *ids;
	size_t n;
	int rc;

	(void)row;
	if (child != RECORD_PARENT || field != ITEMPAY_ITEMS)
		return 0;
	if (items_parse(record_get(r, ITEMPAY_ITEMS), &ids, &n) < 0 || n == 0)
		return 0; /* the field's check says it */
	rc = pay_fill(b, r, ids, n, err);
	free(ids);
	return rc < 0 ? -1 : 0;
}

static const struct record_field payment_fields[ITEMPAY_NFIELDS] = {
	[ITEMPAY_ITEM] = { "item_id", N_("Item"), 19, RECF_REQUIRED, NULL, pn_check_row_id, NULL },
	[ITEMPAY_ITEMS] = { "items", N_("Items paid"), 200, RECF_REQUIRED, NULL, check_items_text,
			    NULL },
	[ITEMPAY_PARTY] = { "party", N_("Customer/supplier"), 200, 0, NULL, NULL, NULL },
	[ITEMPAY_OPEN] = { "open", N_("Still open"), 20, 0, NULL, NULL, NULL },
	[ITEMPAY_DATE] = { "date", N_("Payment date"), 10, RECF_REQUIRED, NULL, check_iso_date,
			   NULL },
	[ITEMPAY_AMOUNT] = { "amount", N_("Amount paid"), 20, RECF_REQUIRED, NULL, check_amount,
			     NULL },
	[ITEMPAY_ACCOUNT] = { "account_id", N_("Cash or bank account"), 19, RECF_REQUIRED, NULL,
			      pn_check_row_id, NULL },
	[ITEMPAY_REFERENCE] = { "reference", N_("Reference"), 40, 0, NULL, NULL, NULL },
	[ITEMPAY_DESCRIPTION] = { "description", N_("Description"), 200, 0, NULL, NULL, NULL },
};

const struct record_kind item_payment_kind = {
	.name = "item_payment",
	.fields = payment_fields,
	.nfields = ITEMPAY_NFIELDS,
	.key_field = ITEMPAY_DATE,
	.load = payment_load,
	.insert = payment_insert,
	.update = payment_update,
	.remove = payment_refused,
	.browse = record_none_browse,
	.find = record_none_find,
	.fill = payment_fill,
};
