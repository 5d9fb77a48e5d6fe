/* The prima nota's entries: their fields and checks, the rules that need
 * the book (period lock, closed account, opening date), their storage (a
 * transfer's two legs written, changed and deleted together), and the
 * functions other modules call to add and reconcile entries. Accounts and
 * balances are in pn-accounts.c. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book/items.h"
#include "book/primanota.h"
#include "book/pn-impl.h"
#include "book/record-store.h"
#include "util/codelist.h"
#include "util/i18n.h"
#include "util/util.h"

/* ---- checks of one value ---- */

/* An amount in one column: cents, not negative (0 is refused across the
 * fields, with what it means). */
static int
check_column(const char *v, char *err)
{
	if (v[0] == '-' || check_integer(v, NULL) < 0)
		return err_set(err, _("must be an amount, not negative (the column says in or "
				      "out)"));
	return 0;
}

int
pn_check_causale(const char *v, char *err)
{
	int rc = code_listed(CODELIST_CAUSALI, v, err);

	if (rc == 0)
		return err_set(err, _("%s is not a causale of data/causali.txt (F4 lists them)"), v);
	return rc > 0 ? 0 : -1;
}

static int
check_pay_method(const char *v, char *err)
{
	int rc = code_listed(CODELIST_PAYMENT_METHODS, v, err);

	if (rc == 0)
		return err_set(err, _("must be a code MP01 to MP23"));
	return rc > 0 ? 0 : -1;
}

int
pn_check_yes_no(const char *v, char *err)
{
	return check_one_of(v, "1 0", _("must be 1 (yes) or 0 (no)"), err);
}

int
pn_check_row_id(const char *v, char *err)
{
	if (v[0] == '-' || v[0] == '0' || check_integer(v, NULL) < 0)
		return err_set(err, _("must be a record's number in the book"));
	return 0;
}

static int64_t
cents(const char *v)
{
	return v[0] != '\0' ? strtoll(v, NULL, 10) : 0;
}

/* The signed amount of r: in minus out. */
static int64_t
entry_amount(const struct record *r)
{
	return cents(record_get(r, ENTRY_IN)) - cents(record_get(r, ENTRY_OUT));
}

/* ---- rules across fields (no book needed) ---- */

static int
check_transfer(const struct record *r, size_t *bad, char *err)
{
	const char *to = record_get(r, ENTRY_TO_ACCOUNT), *c = record_get(r, ENTRY_CAUSALE);

	if (to[0] == '\0') {
		if (strcmp(c, PN_CAUSALE_TRANSFER) == 0)
			return record_invalid(r, ENTRY_TO_ACCOUNT, bad,
					      _("a giroconto (GC) needs the account it goes to"),
					      err);
		return 0;
	}
	if (strcmp(to, record_get(r, ENTRY_ACCOUNT)) == 0)
		return record_invalid(r, ENTRY_TO_ACCOUNT, bad,
				      _("an account cannot transfer to itself: choose another"),
				      err);
	if (c[0] != '\0' && strcmp(c, PN_CAUSALE_TRANSFER) != 0)
		return record_invalid(r, ENTRY_CAUSALE, bad,
				      _("a transfer's causale is GC (giroconto): clear it or the "
					"other account"),
				      err);
	if (entry_amount(r) == 0)
		return record_invalid(r, ENTRY_OUT, bad,
				      _("a transfer of 0 moves nothing: type its amount"), err);
	return 0;
}

static int
entry_validate(const struct record *r, size_t *bad, char *err)
{
	const char *in = record_get(r, ENTRY_IN), *out = record_get(r, ENTRY_OUT);

	if (in[0] != '\0' && out[0] != '\0')
		return record_invalid(r, ENTRY_OUT, bad,
				      _("an entry goes in Entrate or in Uscite, not both: clear "
					"one"),
				      err);
	if (check_transfer(r, bad, err) < 0)
		return REC_INVALID;
	if (in[0] == '\0' && out[0] == '\0')
		return record_invalid(r, ENTRY_IN, bad,
				      _("type the amount in Entrate (in) or in Uscite (out)"), err);
	if (entry_amount(r) == 0)
		return record_invalid(r, in[0] != '\0' ? ENTRY_IN : ENTRY_OUT, bad,
				      _("an amount of 0 moves nothing"), err);
	return 0;
}

/* ---- rules that need the book ---- */

/* REC_INVALID with the field in err, for the rules checked in the
 * transaction (the form puts the cursor on the date). */
static int
refuse(const struct record *r, size_t field, const char *msg, char *err)
{
	return record_invalid(r, field, NULL, msg, err);
}

int
pn_lock_check(struct book *b, const struct record *r, const char *date, char *err)
{
	char lock[11], msg[ERR_SIZE], d1[DATE_TEXT_SIZE];

	if (pn_lock_date(b, lock, err) < 0)
		return REC_ERROR;
	if (lock[0] == '\0' || strcmp(date, lock) > 0)
		return 0;
	err_set(msg, _("the period up to %s is locked (Company profile, Lock date): nothing was "
		       "written"),
		date_text(lock, d1));
	return refuse(r, ENTRY_DATE, msg, err);
}

/* Account id takes an entry of date: it is open, and date is not before
 * its opening. */
static int
account_takes(struct book *b, const struct record *r, size_t field, int64_t id, const char *date,
	      char *err)
{
	struct pn_account_info a;
	char msg[ERR_SIZE], d1[DATE_TEXT_SIZE];
	int rc = pn_account_info(b, id, &a, err);

	if (rc == REC_GONE)
		return refuse(r, field, _("names an account that is not in the book"), err);
	if (rc < 0)
		return rc;
	if (a.closed) {
		err_set(msg, _("%s is closed: reopen it in Accounts, or choose another"), a.name);
		return refuse(r, field, msg, err);
	}
	if (a.opening_date[0] != '\0' && strcmp(date, a.opening_date) < 0) {
		err_set(msg, _("the date is before the opening of %s (%s)"), a.name,
			date_text(a.opening_date, d1));
		return refuse(r, ENTRY_DATE, msg, err);
	}
	return 0;
}

static int
entry_rules(struct book *b, const struct record *r, char *err)
{
	const char *date = record_get(r, ENTRY_DATE), *to = record_get(r, ENTRY_TO_ACCOUNT);
	int rc;

	if ((rc = pn_lock_check(b, r, date, err)) < 0 ||
	    (rc = account_takes(b, r, ENTRY_ACCOUNT, cents(record_get(r, ENTRY_ACCOUNT)), date,
				err)) < 0)
		return rc;
	if (to[0] != '\0')
		return account_takes(b, r, ENTRY_TO_ACCOUNT, cents(to), date, err);
	return 0;
}

/* ---- storage ---- */

/* What a stored entry is now: its version, date, other leg, and what an
 * F24's entry may not change. */
struct stored {
	int64_t version, pair, f24, account, amount;
	char date[11];
};

static int
stored_read(struct book *b, int64_t id, struct stored *s, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT version, date, coalesce(pair_id, 0), coalesce(f24_id, 0), "
			       "account_id, amount FROM pn_entries WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->version = sqlite3_column_int64(st, 0);
		str_copy(s->date, (const char *)sqlite3_column_text(st, 1), sizeof s->date);
		s->pair = sqlite3_column_int64(st, 2);
		s->f24 = sqlite3_column_int64(st, 3);
		s->account = sqlite3_column_int64(st, 4);
		s->amount = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set(err, _("deleted by someone else since you opened it: nothing was written"));
		return REC_GONE;
	}
	return rc == SQLITE_ROW ? 0 : record_db_error(b, err);
}

/* The stored entry as r was loaded: there, same version, not locked. */
static int
stored_check(struct book *b, const struct record *r, struct stored *s, char *err)
{
	int rc = stored_read(b, r->id, s, err);

	if (rc < 0)
		return rc;
	if (s->version != r->version) {
		err_set(err, _("changed by someone else since you opened it: nothing was written"));
		return REC_CONFLICT;
	}
	return pn_lock_check(b, r, s->date, err);
}

/* The columns an entry's leg writes, bound from ?1: account, amount, then
 * the fields both legs share, then the leg's own. */
#define LEG_COLUMNS                                                                          \
	"account_id, amount, date, value_date, description, causale, party_id, doc_ref, "      \
	"pay_method, notes, reconciled, import_ref"
#define LEG_VALUES "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12"

#define LEG_SHARED                                                                           \
	"account_id = ?1, amount = ?2, date = ?3, value_date = ?4, description = ?5, "         \
	"causale = ?6, party_id = ?7, doc_ref = ?8, pay_method = ?9, notes = ?10"

static void
bind_text(sqlite3_stmt *st, int i, const char *v, int null_when_empty)
{
	if (null_when_empty && v[0] == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Binds a leg of r: on account, with amount; own: its reconciled and
 * import_ref (the other leg of a transfer starts unreconciled). */
static void
bind_leg(sqlite3_stmt *st, const struct record *r, int64_t account, int64_t amount, int own)
{
	const char *causale = record_get(r, ENTRY_CAUSALE);

	if (causale[0] == '\0' && record_get(r, ENTRY_TO_ACCOUNT)[0] != '\0')
		causale = PN_CAUSALE_TRANSFER;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_int64(st, 2, amount);
	bind_text(st, 3, record_get(r, ENTRY_DATE), 0);
	bind_text(st, 4, record_get(r, ENTRY_VALUE_DATE), 1);
	bind_text(st, 5, record_get(r, ENTRY_DESCRIPTION), 0);
	bind_text(st, 6, causale, 0);
	bind_text(st, 7, record_get(r, ENTRY_PARTY), 1);
	bind_text(st, 8, record_get(r, ENTRY_DOC_REF), 0);
	bind_text(st, 9, record_get(r, ENTRY_PAY_METHOD), 0);
	bind_text(st, 10, record_get(r, ENTRY_NOTES), 0);
	sqlite3_bind_int(st, 11, own ? atoi(record_get(r, ENTRY_RECONCILED)) : 0);
	bind_text(st, 12, own ? record_get(r, ENTRY_IMPORT_REF) : "", 0);
}

static int
run(struct book *b, const char *sql, sqlite3_stmt **st, char *err)
{
	if (sqlite3_prepare_v2(book_db(b), sql, -1, st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	return 0;
}

/* Inserts a leg of r: its id in *id. */
static int
leg_insert(struct book *b, const struct record *r, int64_t account, int64_t amount, int own,
	   int64_t *id, char *err)
{
	sqlite3_stmt *st;

	if (run(b, "INSERT INTO pn_entries (" LEG_COLUMNS ", f24_id) VALUES (" LEG_VALUES ", ?13)",
		&st, err) < 0)
		return REC_ERROR;
	bind_leg(st, r, account, amount, own);
	bind_text(st, 13, own ? record_get(r, ENTRY_F24) : "", 1);
	if (record_step_done(b, st, err) < 0)
		return REC_ERROR;
	*id = sqlite3_last_insert_rowid(book_db(b));
	return 0;
}

/* Updates leg id from r; own: its reconciled and import_ref too. */
static int
leg_update(struct book *b, const struct record *r, int64_t id, int64_t account, int64_t amount,
	   int own, char *err)
{
	sqlite3_stmt *st;

	if (run(b,
		own ? "UPDATE pn_entries SET " LEG_SHARED ", reconciled = ?11, import_ref = ?12, "
		      "version = version + 1, modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
		      "WHERE id = ?13"
		    : "UPDATE pn_entries SET " LEG_SHARED ", version = version + 1, "
		      "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?13",
		&st, err) < 0)
		return REC_ERROR;
	bind_leg(st, r, account, amount, own);
	sqlite3_bind_int64(st, 13, id);
	return record_step_done(b, st, err);
}

static int
set_pair(struct book *b, int64_t id, int64_t pair, char *err)
{
	sqlite3_stmt *st;

	if (run(b, "UPDATE pn_entries SET pair_id = ?2 WHERE id = ?1", &st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, id);
	if (pair != 0)
		sqlite3_bind_int64(st, 2, pair);
	return record_step_done(b, st, err);
}

static int
leg_delete(struct book *b, int64_t id, char *err)
{
	sqlite3_stmt *st;

	if (run(b, "DELETE FROM pn_entries WHERE id = ?1", &st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, id);
	return record_step_done(b, st, err);
}

/* A transfer's other leg, new: on the other account, the opposite amount. */
static int
pair_insert(struct book *b, const struct record *r, int64_t id, char *err)
{
	int64_t other;

	if (leg_insert(b, r, cents(record_get(r, ENTRY_TO_ACCOUNT)), -entry_amount(r), 0, &other,
		       err) < 0 ||
	    set_pair(b, id, other, err) < 0 || set_pair(b, other, id, err) < 0)
		return REC_ERROR;
	return 0;
}

static int
entry_insert(struct book *b, struct record *r, char *err)
{
	int64_t id;
	int rc;

	if ((rc = entry_rules(b, r, err)) < 0)
		return rc;
	if (leg_insert(b, r, cents(record_get(r, ENTRY_ACCOUNT)), entry_amount(r), 1, &id, err) <
	    0)
		return REC_ERROR;
	if (record_get(r, ENTRY_TO_ACCOUNT)[0] != '\0' && pair_insert(b, r, id, err) < 0)
		return REC_ERROR;
	r->id = id;
	r->version = 1;
	return 0;
}

/* An entry an F24's payment wrote keeps its account, amount and date, and
 * stays (the payment is undone by the F24's Cancel payment, which writes
 * the reversing entry); its text and reconciled flag may change. */
static int
f24_guard(const struct record *r, const struct stored *s, int removing, char *err)
{
	if (s->f24 == 0)
		return 0;
	if (removing || s->account != cents(record_get(r, ENTRY_ACCOUNT)) ||
	    s->amount != entry_amount(r) || strcmp(s->date, record_get(r, ENTRY_DATE)) != 0 ||
	    record_get(r, ENTRY_TO_ACCOUNT)[0] != '\0')
		return refuse(r, ENTRY_DATE,
			      _("this entry records an F24's payment: its date, account and "
				"amount change only by Cancel payment in the F24 (nothing was "
				"written)"),
			      err);
	return 0;
}

/* An entry that pays open items keeps its amount and stays no transfer:
 * deleting it reopens them (its links go with it), and the payment is
 * made again. */
static int
items_guard(struct book *b, const struct record *r, const struct stored *s, char *err)
{
	int64_t linked;
	size_t n;

	if (items_entry_linked(b, r->id, &linked, &n, err) < 0)
		return REC_ERROR;
	if (n > 0 && (s->amount != entry_amount(r) || record_get(r, ENTRY_TO_ACCOUNT)[0] != '\0'))
		return refuse(r, entry_amount(r) > 0 ? ENTRY_IN : ENTRY_OUT,
			      _("this entry pays open items: its amount changes only by deleting "
				"it, which reopens them, and paying again (nothing was written)"),
			      err);
	return 0;
}

/* Both legs of a transfer change together; an entry may become one, or
 * stop being one (its other leg goes). */
static int
entry_update(struct book *b, struct record *r, char *err)
{
	int has_to = record_get(r, ENTRY_TO_ACCOUNT)[0] != '\0';
	struct stored s;
	int rc;

	if ((rc = stored_check(b, r, &s, err)) < 0 || (rc = f24_guard(r, &s, 0, err)) < 0 ||
	    (rc = items_guard(b, r, &s, err)) < 0 || (rc = entry_rules(b, r, err)) < 0)
		return rc;
	if (leg_update(b, r, r->id, cents(record_get(r, ENTRY_ACCOUNT)), entry_amount(r), 1, err) <
	    0)
		return REC_ERROR;
	if (s.pair != 0 && has_to)
		rc = leg_update(b, r, s.pair, cents(record_get(r, ENTRY_TO_ACCOUNT)),
				-entry_amount(r), 0, err);
	else if (s.pair != 0)
		rc = set_pair(b, r->id, 0, err) < 0 ? REC_ERROR : leg_delete(b, s.pair, err);
	else if (has_to)
		rc = pair_insert(b, r, r->id, err);
	if (rc < 0)
		return REC_ERROR;
	r->version++;
	return 0;
}

static int
entry_remove(struct book *b, const struct record *r, char *err)
{
	struct stored s;
	int rc;

	if ((rc = stored_check(b, r, &s, err)) < 0 || (rc = f24_guard(r, &s, 1, err)) < 0)
		return rc;
	if (s.pair != 0 && leg_delete(b, s.pair, err) < 0)
		return REC_ERROR;
	return leg_delete(b, r->id, err);
}

static const struct record_field entry_fields[ENTRY_NFIELDS] = {
	[ENTRY_DATE] = { "date", N_("Date"), 10, RECF_REQUIRED, NULL, check_iso_date },
	[ENTRY_VALUE_DATE] = { "value_date", N_("Value date"), 10, RECF_NULL, NULL,
			       check_iso_date },
	[ENTRY_DESCRIPTION] = { "description", N_("Description"), 200, RECF_REQUIRED | RECF_SORT,
				NULL, NULL },
	[ENTRY_ACCOUNT] = { "account_id", N_("Account"), 19, RECF_REQUIRED, NULL,
			    pn_check_row_id },
	[ENTRY_IN] = { "income", N_("In"), 18, RECF_NULL, NULL, check_column },
	[ENTRY_OUT] = { "expense", N_("Out"), 18, RECF_NULL, NULL, check_column },
	[ENTRY_CAUSALE] = { "causale", N_("Causale"), 16, RECF_SORT, NULL, pn_check_causale },
	[ENTRY_PARTY] = { "party_id", N_("Counterparty"), 19, RECF_NULL, NULL, pn_check_row_id },
	[ENTRY_DOC_REF] = { "doc_ref", N_("Document"), 40, 0, NULL, NULL },
	[ENTRY_PAY_METHOD] = { "pay_method", N_("Payment method"), 4, 0, NULL,
			       check_pay_method },
	[ENTRY_RECONCILED] = { "reconciled", N_("Reconciled"), 1, RECF_REQUIRED, "0",
			       pn_check_yes_no },
	[ENTRY_NOTES] = { "notes", N_("Notes"), 1000, 0, NULL, NULL },
	[ENTRY_TO_ACCOUNT] = { "to_account", N_("Transfer to"), 19, RECF_NULL, NULL,
			       pn_check_row_id },
	[ENTRY_BALANCE] = { "balance", N_("Balance"), 0, 0, NULL, NULL, "balance" },
	[ENTRY_IMPORT_REF] = { "import_ref", N_("Bank reference"), 200, 0, NULL, NULL },
	[ENTRY_F24] = { "f24_id", N_("F24"), 19, RECF_NULL, NULL, pn_check_row_id },
};

/* Read through the view pn_list (the columns and the running balance),
 * written to pn_entries by the functions above. */
const struct record_kind primanota_kind = {
	.name = "primanota",
	.table = "pn_list",
	.fields = entry_fields,
	.nfields = ENTRY_NFIELDS,
	.key_field = ENTRY_DATE,
	.validate = entry_validate,
	.load = record_table_load,
	.insert = entry_insert,
	.update = entry_update,
	.remove = entry_remove,
	.browse = record_table_browse,
	.find = record_table_find,
	/* a bank line accepted as the payment of open items (items-bank.c) */
	.commands = items_pn_commands,
	.ncommands = ITEMS_PN_NCOMMANDS,
};

/* ---- for other modules ---- */

static void
set_id(struct record *r, size_t f, int64_t id)
{
	char v[24];

	if (id == 0)
		return;
	snprintf(v, sizeof v, "%" PRId64, id);
	record_set(r, f, v);
}

int
pn_entry_add(struct book *b, const struct pn_entry *e, int64_t *id, char *err)
{
	struct record *r = record_new(&primanota_kind);
	char v[24];
	int rc;

	set_id(r, ENTRY_ACCOUNT, e->account_id);
	record_set(r, ENTRY_DATE, e->date);
	record_set(r, ENTRY_VALUE_DATE, e->value_date);
	record_set(r, ENTRY_DESCRIPTION, e->description);
	if (e->amount != 0) {
		snprintf(v, sizeof v, "%" PRId64, e->amount > 0 ? e->amount : -e->amount);
		record_set(r, e->amount > 0 ? ENTRY_IN : ENTRY_OUT, v);
	} else
		record_set(r, ENTRY_IN, "0");
	record_set(r, ENTRY_CAUSALE, e->causale != NULL ? e->causale : PN_CAUSALE_UNSORTED);
	set_id(r, ENTRY_PARTY, e->party_id);
	record_set(r, ENTRY_DOC_REF, e->doc_ref);
	record_set(r, ENTRY_PAY_METHOD, e->pay_method);
	record_set(r, ENTRY_RECONCILED, e->reconciled ? "1" : "0");
	record_set(r, ENTRY_NOTES, e->notes);
	record_set(r, ENTRY_IMPORT_REF, e->import_ref);
	set_id(r, ENTRY_F24, e->f24_id);
	rc = record_save(b, r, NULL, err);
	if (rc == 0 && id != NULL)
		*id = r->id;
	record_free(r);
	return rc;
}

int
pn_find_unreconciled(struct book *b, int64_t account, int64_t amount, const char *date, int days,
		     int64_t *id, char *err)
{
	sqlite3_stmt *st;
	char from[24], to[24];
	int rc;

	*id = 0;
	snprintf(from, sizeof from, "-%d days", days);
	snprintf(to, sizeof to, "+%d days", days);
	if (run(b,
		"SELECT id FROM pn_entries WHERE account_id = ?1 AND amount = ?2 AND "
		"reconciled = 0 AND date BETWEEN date(?3, ?4) AND date(?3, ?5) "
		"ORDER BY abs(julianday(date) - julianday(?3)), id LIMIT 1",
		&st, err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_int64(st, 2, amount);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, to, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

int
pn_mark_reconciled(struct book *b, int64_t id, const char *import_ref, char *err)
{
	struct record *r = NULL;
	int rc = record_load(b, &primanota_kind, id, &r, err);

	if (rc < 0)
		return rc;
	record_set(r, ENTRY_RECONCILED, "1");
	if (import_ref != NULL)
		record_set(r, ENTRY_IMPORT_REF, import_ref);
	rc = record_save(b, r, NULL, err);
	record_free(r);
	return rc;
}

int
pn_import_ref_seen(struct book *b, int64_t account, const char *import_ref, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (import_ref == NULL || import_ref[0] == '\0')
		return 0;
	if (run(b, "SELECT 1 FROM pn_entries WHERE account_id = ?1 AND import_ref = ?2", &st,
		err) < 0)
		return REC_ERROR;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, import_ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return record_db_error(b, err);
	return rc == SQLITE_ROW;
}
