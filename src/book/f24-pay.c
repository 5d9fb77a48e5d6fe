/* The F24 from "to pay" to "paid": the rules that keep a paid F24 as it is,
 * Pay (the form's kind f24_payment, and f24_pay for the command line: the
 * state, the prima nota entry linked both ways, the receipt, in one
 * transaction), Cancel payment (the reversing entry) and the receipt files. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "book/f24.h"
#include "book/f24-impl.h"
#include "book/pn-impl.h"
#include "book/primanota.h"
#include "book/record-store.h"
#include "util/i18n.h"
#include "util/sha256.h"
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

	if (v == 0) {
		record_set(r, f, "");
		return;
	}
	snprintf(t, sizeof t, "%" PRId64, v);
	record_set(r, f, t);
}

/* One int64 from a query with ?1 = a: 0 with *out (0 when no row), REC_ERROR. */
static int
query_int(struct book *b, const char *sql, int64_t a, int64_t *out, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if (sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, a);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

/* ---- the F24's storage: a paid F24 stays as it is ---- */

/* The stored state of F24 id ('\0' when gone). */
static int
stored_state(struct book *b, int64_t id, char *state, char *err)
{
	sqlite3_stmt *st;
	int rc;

	*state = '\0';
	if (sqlite3_prepare_v2(book_db(b), "SELECT state FROM f24 WHERE id = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		*state = (char)sqlite3_column_text(st, 0)[0];
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : record_db_error(b, err);
}

static void
clear_payment(struct record *r)
{
	record_set(r, F24_PAY_ACCOUNT, "");
	record_set(r, F24_PAY_REFERENCE, "");
	record_set(r, F24_PAY_ENTRY, "");
}

int
f24_insert(struct book *b, struct record *r, char *err)
{
	if (strcmp(record_get(r, F24_STATE), "P") == 0)
		return record_invalid(r, F24_STATE, NULL,
				      _("a new F24 is not paid yet: save it, then Pay it"), err);
	/* a copy of a paid F24 starts without its payment */
	clear_payment(r);
	return record_table_insert(b, r, err);
}

/* Becoming paid: with the entry Pay wrote (linked to it, of the saldo
 * finale), or none for a saldo of zero. */
static int
paid_with_entry(struct book *b, struct record *r, char *err)
{
	struct f24_totals t;
	int64_t entry = num(record_get(r, F24_PAY_ENTRY)), link = 0, amount = 0;

	f24_totals(r, &t);
	if (entry != 0 &&
	    (query_int(b, "SELECT coalesce(f24_id, 0) FROM pn_entries WHERE id = ?1", entry, &link,
		       err) < 0 ||
	     query_int(b, "SELECT amount FROM pn_entries WHERE id = ?1", entry, &amount, err) < 0))
		return REC_ERROR;
	if (entry == 0 ? t.saldo_finale == 0 : link == r->id && amount == -t.saldo_finale)
		return 0;
	return record_invalid(r, F24_STATE, NULL,
			      _("an F24 becomes paid by Pay, which writes its prima nota entry "
				"(nothing was written)"),
			      err);
}

int
f24_update(struct book *b, struct record *r, char *err)
{
	const char *state = record_get(r, F24_STATE);
	char was;
	int64_t sum;
	int rc;

	if (stored_state(b, r->id, &was, err) < 0)
		return REC_ERROR;
	if (was == 'P' && strcmp(state, "T") != 0)
		return record_invalid(r, F24_STATE, NULL,
				      _("the F24 is paid: it cannot be changed, rows included; "
					"Cancel payment first (nothing was written)"),
				      err);
	if (was == 'P') {
		/* back to pay: only once its entries add up to nothing */
		if (query_int(b, "SELECT coalesce(sum(amount), 0) FROM pn_entries WHERE f24_id = ?1",
			      r->id, &sum, err) < 0)
			return REC_ERROR;
		if (sum != 0)
			return record_invalid(r, F24_STATE, NULL,
					      _("a paid F24 goes back to pay by Cancel payment, "
						"which reverses its prima nota entry (nothing was "
						"written)"),
					      err);
	} else if (strcmp(state, "P") == 0) {
		if (was != 'T')
			return record_invalid(r, F24_STATE, NULL,
					      _("only an F24 to pay can be paid: mark it To pay "
						"first (nothing was written)"),
					      err);
		if ((rc = paid_with_entry(b, r, err)) < 0)
			return rc;
	}
	if (strcmp(state, "P") != 0)
		clear_payment(r);
	return record_table_update(b, r, err);
}

int
f24_remove(struct book *b, const struct record *r, char *err)
{
	char was;
	int64_t n;

	if (stored_state(b, r->id, &was, err) < 0)
		return REC_ERROR;
	if (was == 'P')
		return record_invalid(r, F24_STATE, NULL,
				      _("the F24 is paid: it cannot be deleted; Cancel payment first "
					"(nothing was deleted)"),
				      err);
	if (query_int(b,
		      "SELECT (SELECT count(*) FROM pn_entries WHERE f24_id = ?1) + "
		      "(SELECT count(*) FROM f24_receipts WHERE f24_id = ?1)",
		      r->id, &n, err) < 0)
		return REC_ERROR;
	if (n > 0)
		return record_invalid(r, F24_STATE, NULL,
				      _("the F24 was paid once: its prima nota entries and receipts "
					"keep it (nothing was deleted)"),
				      err);
	/* its rows go with it: their tables name the form without a cascade */
	for (size_t c = 0; c < f24_kind.nchildren; c++) {
		const struct record_child *ch = &f24_kind.children[c];
		struct buf sql = { 0 };
		sqlite3_stmt *st;

		buf_printf(&sql, "DELETE FROM %s WHERE %s = ?1", ch->kind->table, ch->parent_column);
		if (record_prepare(b, &sql, &st, err) < 0)
			return REC_ERROR;
		sqlite3_bind_int64(st, 1, r->id);
		if (record_step_done(b, st, err) < 0)
			return REC_ERROR;
	}
	return record_table_remove(b, r, err);
}

/* ---- receipts ---- */

/* Stores the file at path with F24 id, inside the caller's transaction. */
static int
receipt_store(struct book *b, int64_t id, const char *path, char *err)
{
	const char *slash = strrchr(path, '/'), *name = slash != NULL ? slash + 1 : path;
	char *data = NULL, hex[65], msg[ERR_SIZE];
	struct stat sb;
	sqlite3_stmt *st;
	size_t len = 0;

	if (stat(path, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		err_set(err, _("Receipt: %s is not a file that can be read (nothing was written)"),
			path);
		return REC_INVALID;
	}
	if (file_read_all(path, F24_RECEIPT_MAX, &data, &len, msg) < 0) {
		err_set(err, _("Receipt: %s (nothing was written)"), msg);
		return REC_INVALID;
	}
	if (len == 0 || name[0] == '\0') {
		free(data);
		err_set(err, _("Receipt: %s is empty (nothing was written)"), path);
		return REC_INVALID;
	}
	sha256_hex(data, len, hex);
	if (sqlite3_prepare_v2(book_db(b),
			       "INSERT INTO f24_receipts (f24_id, name, content, sha256, size) "
			       "VALUES (?1, ?2, ?3, ?4, ?5)",
			       -1, &st, NULL) != SQLITE_OK) {
		free(data);
		return record_db_error(b, err);
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_blob64(st, 3, data, len, free);
	sqlite3_bind_text(st, 4, hex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)len);
	return record_step_done(b, st, err);
}

/* F24 id as stored: REC_GONE with a message naming it when there is none. */
static int
f24_get(struct book *b, int64_t id, struct record **out, char *err)
{
	int rc = record_load(b, &f24_kind, id, out, err);

	if (rc == REC_GONE)
		err_set(err, _("there is no F24 number %" PRId64), id);
	return rc;
}

int
f24_receipt_add(struct book *b, int64_t id, const char *path, char *err)
{
	struct record *f = NULL;
	int rc;

	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if ((rc = f24_get(b, id, &f, err)) == 0) {
		if (strcmp(record_get(f, F24_STATE), "P") != 0) {
			err_set(err, _("F24 %" PRId64 " is not paid: a receipt goes with a paid F24"),
				id);
			rc = REC_INVALID;
		} else
			rc = receipt_store(b, id, path, err);
	}
	record_free(f);
	return book_finish(b, rc, err);
}

/* The rows sql gives for the F24 id (bound to ?1), each of size bytes read
 * from its columns by read, in *out (malloc'd) and *n: 0, or REC_ERROR with
 * none given and err filled. f24_receipt_list and f24_entry_list. */
static int
list_rows(struct book *b, const char *sql, int64_t id, size_t size,
	  void (*read)(sqlite3_stmt *st, void *row), void **out, size_t *n, char *err)
{
	sqlite3_stmt *st;
	char *rows = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = xreallocarray(rows, *n + 1, size);
		read(st, rows + (*n)++ * size);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(rows);
		*n = 0;
		return record_db_error(b, err);
	}
	*out = rows;
	return 0;
}

/* A receipt's id, size, name, sha256 and added from columns 0 to 4. */
static void
receipt_read(sqlite3_stmt *st, void *row)
{
	struct f24_receipt *x = row;

	x->id = sqlite3_column_int64(st, 0);
	x->size = sqlite3_column_int64(st, 1);
	str_copy(x->name, (const char *)sqlite3_column_text(st, 2), sizeof x->name);
	str_copy(x->sha256, (const char *)sqlite3_column_text(st, 3), sizeof x->sha256);
	str_copy(x->added, (const char *)sqlite3_column_text(st, 4), sizeof x->added);
}

int
f24_receipt_list(struct book *b, int64_t id, struct f24_receipt **out, size_t *n, char *err)
{
	void *rows;
	int rc = list_rows(b,
			   "SELECT id, size, name, sha256, added FROM f24_receipts "
			   "WHERE f24_id = ?1 ORDER BY id",
			   id, sizeof **out, receipt_read, &rows, n, err);

	*out = rows;
	return rc;
}

static int
write_bytes(const char *path, const void *data, size_t len, int force, char *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | (force ? O_TRUNC : O_EXCL), 0600);
	const char *p = data;

	if (fd < 0 && errno == EEXIST) {
		err_set(err, _("%s already exists (nothing was written)"), path);
		return REC_INVALID;
	}
	if (fd < 0) {
		err_set(err, _("cannot write %s: %s"), path, strerror(errno));
		return REC_INVALID;
	}
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			err_set(err, _("cannot write %s: %s"), path, strerror(errno));
			close(fd);
			return REC_ERROR;
		}
		p += w;
		len -= (size_t)w;
	}
	if (close(fd) < 0) {
		err_set(err, _("cannot write %s: %s"), path, strerror(errno));
		return REC_ERROR;
	}
	return 0;
}

int
f24_receipt_export(struct book *b, int64_t id, const char *path, int force,
		   struct f24_receipt *got, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT id, size, name, sha256, added, content FROM f24_receipts "
			       "WHERE f24_id = ?1 ORDER BY id DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		err_set(err, _("F24 %" PRId64 " has no receipt (nothing was written)"), id);
		return REC_INVALID;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return record_db_error(b, err);
	}
	if (got != NULL)
		receipt_read(st, got);
	rc = write_bytes(path, sqlite3_column_blob(st, 5), (size_t)sqlite3_column_bytes(st, 5),
			 force, err);
	sqlite3_finalize(st);
	return rc;
}

/* ---- paying ---- */

int
f24_default_account(struct book *b, int64_t *id, char *err)
{
	return query_int(b,
			 "SELECT id FROM pn_accounts WHERE closed = 0 "
			 "ORDER BY type <> 'B', id LIMIT 1",
			 0, id, err);
}

/* An entry's id, amount, account_id and date from columns 0 to 3. */
static void
entry_read(sqlite3_stmt *st, void *row)
{
	struct f24_entry *e = row;

	e->id = sqlite3_column_int64(st, 0);
	e->amount = sqlite3_column_int64(st, 1);
	e->account_id = sqlite3_column_int64(st, 2);
	str_copy(e->date, (const char *)sqlite3_column_text(st, 3), sizeof e->date);
}

int
f24_entry_list(struct book *b, int64_t id, struct f24_entry **out, size_t *n, char *err)
{
	void *rows;
	int rc = list_rows(b,
			   "SELECT id, amount, account_id, date FROM pn_entries "
			   "WHERE f24_id = ?1 ORDER BY id",
			   id, sizeof **out, entry_read, &rows, n, err);

	*out = rows;
	return rc;
}

/* REC_INVALID with "Field: msg" in err. */
static int
refuse(const struct record_kind *k, size_t field, const char *msg, char *err)
{
	err_set(err, "%s: %s", _(k->fields[field].label), msg);
	return REC_INVALID;
}

/* The payment's date and account, as the prima nota takes them: a date,
 * not in the locked period; an open account (when given). */
static int
payment_checks(struct book *b, const struct f24_pay *p, int64_t saldo, char *err)
{
	struct pn_account_info a;
	char lock[11], msg[ERR_SIZE], d[DATE_TEXT_SIZE];
	int rc;

	if (p->date == NULL || check_iso_date(p->date, msg) < 0)
		return refuse(&f24_payment_kind, PAYMENT_DATE,
			      p->date == NULL ? _("is needed") : msg, err);
	if (pn_lock_date(b, lock, err) < 0)
		return REC_ERROR;
	if (lock[0] != '\0' && strcmp(p->date, lock) <= 0) {
		err_set(msg, _("the period up to %s is locked (Company profile, Lock date): nothing "
			       "was written"),
			date_text(lock, d));
		return refuse(&f24_payment_kind, PAYMENT_DATE, msg, err);
	}
	if (p->account_id == 0)
		return saldo > 0 ? refuse(&f24_payment_kind, PAYMENT_ACCOUNT,
					  _("the account it was paid from is needed"), err)
				 : 0;
	rc = pn_account_info(b, p->account_id, &a, err);
	if (rc == REC_GONE)
		return refuse(&f24_payment_kind, PAYMENT_ACCOUNT,
			      _("names an account that is not in the book"), err);
	if (rc < 0)
		return rc;
	if (a.closed) {
		err_set(msg, _("%s is closed: reopen it in Accounts, or choose another"), a.name);
		return refuse(&f24_payment_kind, PAYMENT_ACCOUNT, msg, err);
	}
	return 0;
}

/* Inside the transaction: F24 f (to pay) paid as p says. */
static int
pay_in(struct book *b, struct record *f, const struct f24_pay *p, int64_t *entry_id, char *err)
{
	struct f24_totals t;
	char *desc;
	int64_t entry = 0;
	int rc;

	if (strcmp(record_get(f, F24_STATE), "T") != 0) {
		err_set(err, strcmp(record_get(f, F24_STATE), "P") == 0
				     ? _("F24 %" PRId64 " is paid already (nothing was written)")
				     : _("F24 %" PRId64 " is a draft: mark it To pay first (nothing "
					 "was written)"),
			f->id);
		return REC_INVALID;
	}
	f24_totals(f, &t);
	if ((rc = payment_checks(b, p, t.saldo_finale, err)) < 0)
		return rc;
	if (p->reference != NULL && utf8_len(p->reference) > 40)
		return refuse(&f24_payment_kind, PAYMENT_REFERENCE,
			      _("is longer than 40 characters"), err);
	if (t.saldo_finale > 0) {
		struct pn_entry e = {
			.account_id = p->account_id, .date = p->date, .amount = -t.saldo_finale,
			.causale = F24_CAUSALE, .doc_ref = p->reference, .f24_id = f->id,
		};
		desc = xasprintf("F24 %s", record_get(f, F24_DESCRIPTION));
		e.description = desc;
		rc = pn_entry_add(b, &e, &entry, err);
		free(desc);
		if (rc < 0)
			return rc;
	}
	record_set(f, F24_STATE, "P");
	record_set(f, F24_PAID_DATE, p->date);
	set_num(f, F24_PAY_ACCOUNT, p->account_id);
	record_set(f, F24_PAY_REFERENCE, p->reference != NULL ? p->reference : "");
	set_num(f, F24_PAY_ENTRY, entry);
	if ((rc = record_save(b, f, NULL, err)) < 0)
		return rc;
	if (p->receipt != NULL && p->receipt[0] != '\0' &&
	    (rc = receipt_store(b, f->id, p->receipt, err)) < 0)
		return rc;
	if (entry_id != NULL)
		*entry_id = entry;
	return 0;
}

int
f24_pay(struct book *b, int64_t id, const struct f24_pay *p, int64_t *entry_id, char *err)
{
	struct record *f = NULL;
	int rc;

	if (entry_id != NULL)
		*entry_id = 0;
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if ((rc = f24_get(b, id, &f, err)) == 0)
		rc = pay_in(b, f, p, entry_id, err);
	record_free(f);
	return book_finish(b, rc, err);
}

/* Inside the transaction: paid F24 f back to pay, its entry reversed on
 * date. */
static int
cancel_in(struct book *b, struct record *f, const char *date, int64_t *entry_id, char *err)
{
	int64_t paid_entry = num(record_get(f, F24_PAY_ENTRY)), amount = 0, account = 0, entry = 0;
	char msg[ERR_SIZE], *desc, d[DATE_TEXT_SIZE];
	int rc;

	if (strcmp(record_get(f, F24_STATE), "P") != 0) {
		err_set(err, _("F24 %" PRId64 " is not paid: there is no payment to cancel"), f->id);
		return REC_INVALID;
	}
	if (check_iso_date(date, msg) < 0)
		return refuse(&f24_payment_kind, PAYMENT_DATE, msg, err);
	if (strcmp(date, record_get(f, F24_PAID_DATE)) < 0) {
		err_set(msg, _("is before the payment's (%s)"),
			date_text(record_get(f, F24_PAID_DATE), d));
		return refuse(&f24_payment_kind, PAYMENT_DATE, msg, err);
	}
	if (paid_entry != 0) {
		if (query_int(b, "SELECT amount FROM pn_entries WHERE id = ?1", paid_entry, &amount,
			      err) < 0 ||
		    query_int(b, "SELECT account_id FROM pn_entries WHERE id = ?1", paid_entry,
			      &account, err) < 0)
			return REC_ERROR;
		struct pn_entry e = {
			.account_id = account, .date = date, .amount = -amount,
			.causale = F24_CAUSALE, .doc_ref = record_get(f, F24_PAY_REFERENCE),
			.f24_id = f->id,
		};
		desc = xasprintf(_("Cancelled payment of F24 %s (entry %" PRId64 " of %s)"),
				 record_get(f, F24_DESCRIPTION), paid_entry,
				 date_text(record_get(f, F24_PAID_DATE), d));
		e.description = desc;
		rc = pn_entry_add(b, &e, &entry, err);
		free(desc);
		if (rc < 0)
			return rc;
	} else {
		/* a saldo of zero wrote no entry: still, no payment in a locked period */
		char lock[11];
		if (pn_lock_date(b, lock, err) < 0)
			return REC_ERROR;
		if (lock[0] != '\0' && strcmp(date, lock) <= 0) {
			err_set(msg, _("the period up to %s is locked (Company profile, Lock date): "
				       "nothing was written"),
				date_text(lock, d));
			return refuse(&f24_payment_kind, PAYMENT_DATE, msg, err);
		}
	}
	record_set(f, F24_STATE, "T");
	record_set(f, F24_PAID_DATE, "");
	clear_payment(f);
	if ((rc = record_save(b, f, NULL, err)) < 0)
		return rc;
	if (entry_id != NULL)
		*entry_id = entry;
	return 0;
}

int
f24_cancel_payment(struct book *b, int64_t id, const char *date, int64_t *entry_id, char *err)
{
	struct record *f = NULL;
	char day[11];
	int rc;

	if (entry_id != NULL)
		*entry_id = 0;
	if (date == NULL) {
		util_today(day);
		date = day;
	}
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if ((rc = f24_get(b, id, &f, err)) == 0)
		rc = cancel_in(b, f, date, entry_id, err);
	record_free(f);
	return book_finish(b, rc, err);
}

/* ---- the commands of f24_kind ---- */

int
f24_applies_pay(const struct record *r)
{
	return strcmp(record_get(r, F24_STATE), "T") == 0;
}

int
f24_applies_paid(const struct record *r)
{
	return strcmp(record_get(r, F24_STATE), "P") == 0;
}

int
f24_applies_receipts(const struct record *r)
{
	return num(record_get(r, F24_RECEIPTS)) > 0;
}

int
f24_prepare_pay(struct book *b, const struct record *r, struct record *linked, char *err)
{
	struct f24_totals t;
	int64_t account;
	char day[11];

	if (f24_default_account(b, &account, err) < 0)
		return REC_ERROR;
	util_today(day);
	record_set(linked, PAYMENT_DATE, day);
	set_num(linked, PAYMENT_ACCOUNT, account);
	record_set(linked, PAYMENT_DESCRIPTION, record_get(r, F24_DESCRIPTION));
	f24_totals(r, &t);
	if (r->rows == NULL)
		record_set(linked, PAYMENT_SALDO, record_get(r, F24_SALDO));
	else {
		char v[24];
		snprintf(v, sizeof v, "%" PRId64, t.saldo_finale);
		record_set(linked, PAYMENT_SALDO, v);
	}
	return 0;
}

int
f24_run_cancel(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	       char *msg, char *err)
{
	int64_t entry;
	int rc;

	(void)arg;
	(void)open_id;
	if ((rc = f24_cancel_payment(b, r->id, NULL, &entry, err)) < 0)
		return rc;
	if (entry != 0)
		err_set(msg, _("Payment cancelled: prima nota entry %" PRId64 " reverses it; the F24 "
			       "is to pay again."),
			entry);
	else
		err_set(msg, "%s", _("Payment cancelled: the F24 is to pay again."));
	return 0;
}

/* A path the form passed is a file right in the book's folder top: 0, or
 * REC_INVALID (REC_ERROR when the folder cannot be made). */
static int
in_book_folder(struct book *b, const char *top, const char *path, char *err)
{
	int rc = book_folder_holds(b, top, path, err);

	return rc == 0 ? 0 : rc > 0 ? REC_INVALID : REC_ERROR;
}

int
f24_run_attach(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	       char *msg, char *err)
{
	const char *slash = arg != NULL ? strrchr(arg, '/') : NULL;
	int rc;

	(void)open_id;
	if (arg == NULL || arg[0] == '\0') {
		err_set(err, "%s", _("name the receipt file"));
		return REC_INVALID;
	}
	if ((rc = in_book_folder(b, "import", arg, err)) < 0 ||
	    (rc = f24_receipt_add(b, r->id, arg, err)) < 0)
		return rc;
	err_set(msg, _("Receipt %s attached."), slash != NULL ? slash + 1 : arg);
	return 0;
}

void
f24_preset_export(struct book *b, const struct record *r, char *out)
{
	struct f24_receipt *x = NULL;
	size_t n = 0;
	char err[ERR_SIZE];

	out[0] = '\0';
	if (f24_receipt_list(b, r->id, &x, &n, err) == 0 && n > 0)
		str_copy(out, x[n - 1].name, ERR_SIZE);
	free(x);
}

int
f24_run_export(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
	       char *msg, char *err)
{
	struct f24_receipt x;
	int rc;

	(void)open_id;
	if (arg == NULL || arg[0] == '\0') {
		err_set(err, "%s", _("name the file to write"));
		return REC_INVALID;
	}
	if ((rc = in_book_folder(b, "export", arg, err)) < 0 ||
	    (rc = f24_receipt_export(b, r->id, arg, 0, &x, err)) < 0)
		return rc;
	err_set(msg, _("Receipt %s written to %s."), x.name, arg);
	return 0;
}

/* ---- the Pay form's kind: kept nowhere; saving it pays ---- */

/* A receipt typed in the form: a file of the book's import folder (a name
 * with a folder is refused, so a session reads nothing else). */
static int
receipt_path(struct book *b, const char *name, char **path, char *err)
{
	char *dir;

	*path = NULL;
	if (name[0] == '\0')
		return 0;
	if (strchr(name, '/') != NULL || name[0] == '.')
		return refuse(&f24_payment_kind, PAYMENT_RECEIPT,
			      _("a file name of the book's import folder, without folders"), err);
	if ((dir = book_folder(book_path(b), "import", err)) == NULL)
		return REC_ERROR;
	*path = xasprintf("%s/%s", dir, name);
	free(dir);
	return 0;
}

static int
payment_insert(struct book *b, struct record *r, char *err)
{
	int64_t id = num(record_get(r, PAYMENT_F24));
	struct f24_pay p = {
		.date = record_get(r, PAYMENT_DATE),
		.account_id = num(record_get(r, PAYMENT_ACCOUNT)),
		.reference = record_get(r, PAYMENT_REFERENCE),
	};
	char *path;
	int rc = receipt_path(b, record_get(r, PAYMENT_RECEIPT), &path, err);

	if (rc < 0)
		return rc;
	p.receipt = path;
	rc = f24_pay(b, id, &p, NULL, err);
	free(path);
	if (rc < 0)
		return rc;
	r->id = id;
	r->version = 1;
	return 0;
}

/* Payment id is F24 id's payment, as it stands. */
static int
payment_load(struct book *b, struct record *r, char *err)
{
	struct record *f = NULL;
	int rc = f24_get(b, r->id, &f, err);

	if (rc < 0)
		return rc;
	set_num(r, PAYMENT_F24, f->id);
	record_set(r, PAYMENT_DATE, record_get(f, F24_PAID_DATE));
	record_set(r, PAYMENT_ACCOUNT, record_get(f, F24_PAY_ACCOUNT));
	record_set(r, PAYMENT_REFERENCE, record_get(f, F24_PAY_REFERENCE));
	record_set(r, PAYMENT_DESCRIPTION, record_get(f, F24_DESCRIPTION));
	record_set(r, PAYMENT_SALDO, record_get(f, F24_SALDO));
	r->version = 1;
	record_free(f);
	return 0;
}

static int
payment_refused(struct book *b, const struct record *r, char *err)
{
	(void)b;
	(void)r;
	err_set(err, "%s", _("a payment is undone by Cancel payment in its F24"));
	return REC_INVALID;
}

static int
payment_update(struct book *b, struct record *r, char *err)
{
	return payment_refused(b, r, err);
}

static const struct record_field payment_fields[PAYMENT_NFIELDS] = {
	[PAYMENT_F24] = { "f24_id", N_("F24"), 19, RECF_REQUIRED, NULL, pn_check_row_id },
	[PAYMENT_DATE] = { "date", N_("Payment date"), 10, RECF_REQUIRED, NULL, check_iso_date },
	[PAYMENT_ACCOUNT] = { "account_id", N_("Paid from"), 19, RECF_NULL, NULL,
			      pn_check_row_id },
	[PAYMENT_REFERENCE] = { "reference", N_("Bank reference"), 40, 0, NULL, NULL },
	[PAYMENT_RECEIPT] = { "receipt", N_("Receipt file"), 200, 0, NULL, NULL },
	[PAYMENT_DESCRIPTION] = { "description", N_("Description"), 80, 0, NULL, NULL },
	[PAYMENT_SALDO] = { "saldo", N_("Saldo finale"), 0, 0, NULL, NULL },
};

const struct record_kind f24_payment_kind = {
	.name = "f24_payment",
	.fields = payment_fields,
	.nfields = PAYMENT_NFIELDS,
	.key_field = PAYMENT_DATE,
	.load = payment_load,
	.insert = payment_insert,
	.update = payment_update,
	.remove = payment_refused,
	.browse = record_none_browse,
	.find = record_none_find,
};
