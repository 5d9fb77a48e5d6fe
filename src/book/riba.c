/* Ri.Ba. in the book (riba.h): customers' open items presented to the
 * bank in a CBI file written into the book's export folder, the items
 * then "presented" (items_set_presented) and the account noted on them,
 * all in one transaction; an unpaid one reopened with the bank's fee as a
 * prima nota entry. The presentation itself writes no entry: what the
 * bank credits comes on its statement, imported and settled as any
 * payment (the presented item is open to it). */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "book/book.h"
#include "book/company.h"
#include "book/f24.h"
#include "book/items-impl.h"
#include "book/items.h"
#include "book/pn-impl.h"
#include "book/primanota.h"
#include "book/riba.h"
#include "book/record-store.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

#define CAUSALE_FEE "SB" /* spese bancarie (data/causali.txt) */

/* The company profile and the account as the CBI creditor. */
static int
creditor_load(struct book *b, int64_t account, struct riba_creditor *c, char *err)
{
	struct pn_account_info a;
	struct record *co;
	const char *v;
	int rc;

	memset(c, 0, sizeof *c);
	if ((rc = pn_account_info(b, account, &a, err)) < 0)
		return rc;
	if (strncmp(a.iban, "IT", 2) != 0 || strlen(a.iban) != 27) {
		err_set(err, _("account %s has no Italian IBAN: its ABI, CAB and account number "
			       "come from it (nothing was written)"),
			a.name);
		return REC_INVALID;
	}
	if (a.closed) {
		err_set(err, _("account %s is closed (nothing was written)"), a.name);
		return REC_INVALID;
	}
	snprintf(c->abi, sizeof c->abi, "%.5s", a.iban + 5);
	snprintf(c->cab, sizeof c->cab, "%.5s", a.iban + 10);
	snprintf(c->account, sizeof c->account, "%.12s", a.iban + 15);
	if (company_load(b, &co, err) < 0)
		return REC_ERROR;
	str_copy(c->sia, record_get(co, COMPANY_SIA), sizeof c->sia);
	v = record_get(co, COMPANY_NAME);
	if (v[0] != '\0')
		str_copy(c->name, v, sizeof c->name);
	else
		snprintf(c->name, sizeof c->name, "%s %s", record_get(co, COMPANY_FIRST_NAME),
			 record_get(co, COMPANY_LAST_NAME));
	snprintf(c->address, sizeof c->address, "%s %s", record_get(co, COMPANY_ADDRESS),
		 record_get(co, COMPANY_STREET_NO));
	snprintf(c->place, sizeof c->place, "%s %s %s", record_get(co, COMPANY_CAP),
		 record_get(co, COMPANY_CITY), record_get(co, COMPANY_PROVINCE));
	v = record_get(co, COMPANY_PIVA);
	str_copy(c->fiscal, v[0] != '\0' ? v : record_get(co, COMPANY_CF), sizeof c->fiscal);
	record_free(co);
	if (c->sia[0] == '\0') {
		err_set(err, "%s", _("the company profile has no SIA code, which the bank gives "
				     "for Ri.Ba. (nothing was written)"));
		return REC_INVALID;
	}
	return 0;
}

/* Item it's customer into the receipt x. */
static int
debtor_load(struct book *b, const struct item *it, struct riba_receipt *x, char *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(book_db(b),
			       "SELECT name, first_name, last_name, cf, piva, address, street_no, "
			       "cap, city, province, bank_abi, bank_cab FROM parties WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return record_db_error(b, err);
	sqlite3_bind_int64(st, 1, it->party_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return record_db_error(b, err);
		err_set(err, _("item %" PRId64 ": its customer is gone"), it->id);
		return REC_GONE;
	}
	if (items_col_text(st, 0)[0] != '\0')
		str_copy(x->debtor, items_col_text(st, 0), sizeof x->debtor);
	else
		snprintf(x->debtor, sizeof x->debtor, "%s %s", items_col_text(st, 2),
			 items_col_text(st, 1));
	str_copy(x->fiscal, items_col_text(st, items_col_text(st, 3)[0] != '\0' ? 3 : 4),
		 sizeof x->fiscal);
	snprintf(x->address, sizeof x->address, "%s %s", items_col_text(st, 5),
		 items_col_text(st, 6));
	str_copy(x->cap, items_col_text(st, 7), sizeof x->cap);
	str_copy(x->city, items_col_text(st, 8), sizeof x->city);
	str_copy(x->province, items_col_text(st, 9), sizeof x->province);
	str_copy(x->abi, items_col_text(st, 10), sizeof x->abi);
	str_copy(x->cab, items_col_text(st, 11), sizeof x->cab);
	sqlite3_finalize(st);
	if (x->abi[0] == '\0' || x->cab[0] == '\0') {
		err_set(err, _("%s (item %" PRId64 ", %s) has no bank ABI and CAB: give them in the "
			       "customer's form (nothing was written)"),
			x->debtor, it->id, it->doc);
		return REC_INVALID;
	}
	return 0;
}

/* Items ids as receipts (*out, free it), refusing what may not go. */
static int
receipts_load(struct book *b, const int64_t *ids, size_t n, struct riba_receipt **out,
	      int64_t *total, char *err)
{
	struct riba_receipt *x = xcalloc(n > 0 ? n : 1, sizeof *x);
	struct item it;
	int rc = 0;

	*total = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		int twice = 0;
		if ((rc = items_get(b, ids[i], &it, err)) < 0)
			break;
		rc = REC_INVALID;
		for (size_t j = 0; j < i; j++)
			twice |= ids[j] == ids[i];
		if (twice)
			err_set(err, _("item %" PRId64 " is named twice"), ids[i]);
		else if (it.side != ITEM_RECEIVABLE || it.amount < 0)
			err_set(err, _("item %" PRId64 " is not a customer's instalment: only those "
				       "are presented to the bank"),
				ids[i]);
		else if (it.state == ITEM_PAID)
			err_set(err, _("item %" PRId64 " (%s) is paid"), ids[i], it.doc);
		else if (it.state == ITEM_PRESENTED)
			err_set(err, _("item %" PRId64 " (%s) was presented on %s already"), ids[i],
				it.doc, it.presented);
		else
			rc = debtor_load(b, &it, &x[i], err);
		if (rc < 0)
			break;
		x[i].number = it.id;
		str_copy(x[i].due, it.due, sizeof x[i].due);
		x[i].amount = it.open;
		x[i].debtor_code = it.party_id;
		str_copy(x[i].doc, it.doc, sizeof x[i].doc);
		str_copy(x[i].doc_date, it.doc_date, sizeof x[i].doc_date);
		x[i].seq = it.seq;
		x[i].of = it.instalments;
		*total += it.open;
	}
	if (rc < 0) {
		free(x);
		return rc;
	}
	*out = x;
	return 0;
}

/* date (YYYY-MM-DD), or today when NULL or empty, into day (11 bytes):
 * 0, or -1 with a message. */
static int
day_of(const char *date, char *day, char *err)
{
	if (date == NULL || date[0] == '\0') {
		util_today(day);
		return 0;
	}
	if (check_iso_date(date, NULL) < 0)
		return err_set(err, _("the day must be a date, YYYY-MM-DD, not %s"), date);
	str_copy(day, date, sizeof "YYYY-MM-DD");
	return 0;
}

static int
write_text(FILE *out, void *ctx, char *err)
{
	const struct buf *t = ctx;

	if (fwrite(t->data, 1, t->len, out) != t->len)
		return err_set(err, _("cannot write: %s"), strerror(errno));
	return 0;
}

/* The text t as a new riba-YYYYMMDD-HHMMSS.txt (then -2, -3...) in the
 * book's export folder: the path in *path. 0 or REC_ERROR. */
static int
file_out(struct book *b, const struct buf *t, const char *stamp, char **path, char *err)
{
	char *dir = book_folder(book_path(b), "export", err);
	int rc = REC_ERROR;

	*path = NULL;
	if (dir == NULL)
		return REC_ERROR;
	err_set(err, _("%s holds too many Ri.Ba. files of this second"), dir);
	for (int k = 1; k < 100 && *path == NULL; k++) {
		char *p = k == 1 ? xasprintf("%s/riba-%s.txt", dir, stamp)
				 : xasprintf("%s/riba-%s-%d.txt", dir, stamp, k);
		if (access(p, F_OK) == 0) {
			free(p);
			continue;
		}
		if (file_write_whole(p, 0, write_text, (void *)t, err) == 0) {
			*path = p;
			rc = 0;
		} else {
			free(p);
			break;
		}
	}
	free(dir);
	return rc;
}

int
riba_present(struct book *b, const int64_t *ids, size_t n, int64_t account_id, const char *date,
	     struct riba_result *res, char *err)
{
	struct riba_receipt *x = NULL;
	struct riba_creditor c;
	struct buf t = { 0 };
	char day[11], stamp[24], name[24];
	int64_t args[2];
	time_t now = time(NULL);
	struct tm tm;
	int rc;

	memset(res, 0, sizeof *res);
	if (day_of(date, day, err) < 0)
		return REC_INVALID;
	if (n == 0) {
		err_set(err, "%s", _("no open receivables to present (nothing was written)"));
		return REC_INVALID;
	}
	if (account_id == 0 && f24_default_account(b, &account_id, err) < 0)
		return REC_ERROR;
	if (account_id == 0) {
		err_set(err, "%s", _("there is no bank account to present through"));
		return REC_INVALID;
	}
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	strftime(name, sizeof name, "RIBA%Y%m%d%H%M%S", &tm);
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if ((rc = creditor_load(b, account_id, &c, err)) == 0)
		rc = receipts_load(b, ids, n, &x, &res->total, err);
	if (rc == 0 && riba_cbi_write(&c, day, name, x, n, &t, err) < 0)
		rc = REC_INVALID;
	for (size_t i = 0; i < n && rc == 0; i++) {
		args[0] = ids[i];
		args[1] = account_id;
		if ((rc = items_set_presented(b, ids[i], day, err)) == 0)
			rc = items_exec(b, "UPDATE open_items SET riba_account = ?2 WHERE id = ?1", args,
					2, NULL, err);
	}
	if (rc == 0)
		rc = file_out(b, &t, stamp, &res->path, err);
	if ((rc = book_finish(b, rc, err)) < 0 && res->path != NULL) {
		unlink(res->path);
		free(res->path);
		res->path = NULL;
	}
	if (rc == 0)
		res->count = n;
	buf_free(&t);
	free(x);
	return rc;
}

int
riba_present_range(struct book *b, const char *from, const char *to, int64_t account_id,
		   const char *date, struct riba_result *res, char *err)
{
	struct item *it;
	int64_t *ids;
	size_t n, k = 0;
	int rc;

	memset(res, 0, sizeof *res);
	if (check_iso_date(from, NULL) < 0 || check_iso_date(to, NULL) < 0 ||
	    strcmp(from, to) > 0) {
		err_set(err, "%s", _("the due dates must be two dates, the first not after the "
				     "second"));
		return REC_INVALID;
	}
	if (items_list(b, 0, ITEM_RECEIVABLE, 1, &it, &n, err) < 0)
		return REC_ERROR;
	ids = xcalloc(n + 1, sizeof *ids);
	for (size_t i = 0; i < n; i++)
		if (it[i].amount > 0 && it[i].state != ITEM_PRESENTED &&
		    strcmp(it[i].due, from) >= 0 && strcmp(it[i].due, to) <= 0)
			ids[k++] = it[i].id;
	free(it);
	if (k == 0) {
		char d1[DATE_TEXT_SIZE], d2[DATE_TEXT_SIZE];
		err_set(err, _("no open receivables due from %s to %s that are not presented "
			       "(nothing was written)"),
			date_text(from, d1), date_text(to, d2));
		rc = REC_INVALID;
	} else
		rc = riba_present(b, ids, k, account_id, date, res, err);
	free(ids);
	return rc;
}

int
riba_unpaid(struct book *b, int64_t id, int64_t fee, const char *date, int64_t *entry,
	    char *err)
{
	char day[11], desc[256], d[DATE_TEXT_SIZE], note[96];
	struct item it;
	sqlite3_stmt *st;
	int64_t account = 0, e = 0;
	int rc;

	if (entry != NULL)
		*entry = 0;
	if (day_of(date, day, err) < 0)
		return REC_INVALID;
	if (fee < 0) {
		err_set(err, "%s", _("the bank's fee may not be less than 0"));
		return REC_INVALID;
	}
	if (book_begin(b, err) < 0)
		return REC_ERROR;
	if ((rc = items_get(b, id, &it, err)) == 0 && it.state != ITEM_PRESENTED) {
		err_set(err, _("item %" PRId64 " (%s) is not presented by Ri.Ba.: only a presented "
			       "one comes back unpaid"),
			id, it.doc);
		rc = REC_INVALID;
	}
	if (rc == 0) {
		if (sqlite3_prepare_v2(book_db(b),
				       "SELECT coalesce(riba_account, 0) FROM open_items WHERE id = ?1",
				       -1, &st, NULL) != SQLITE_OK)
			return book_finish(b, record_db_error(b, err), err);
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			account = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (account == 0 && f24_default_account(b, &account, err) < 0)
			rc = REC_ERROR;
	}
	if (rc == 0)
		rc = items_set_presented(b, id, NULL, err);
	if (rc == 0) {
		snprintf(note, sizeof note, _("Ri.Ba. unpaid on %s."), date_text(day, d));
		rc = items_exec(b,
				"UPDATE open_items SET riba_account = NULL, notes = CASE notes "
				"WHEN '' THEN ?2 ELSE notes || ' ' || ?2 END WHERE id = ?1",
				&id, 1, note, err);
	}
	if (rc == 0 && fee > 0) {
		struct pn_entry pe = {
			.account_id = account, .date = day, .amount = -fee,
			.causale = CAUSALE_FEE, .party_id = it.party_id, .doc_ref = it.doc,
		};
		if (it.instalments > 1)
			snprintf(desc, sizeof desc, _("Ri.Ba. unpaid: %s (%d/%d), %s, bank's fee"),
				 it.doc, it.seq, it.instalments, it.party);
		else
			snprintf(desc, sizeof desc, _("Ri.Ba. unpaid: %s, %s, bank's fee"), it.doc,
				 it.party);
		desc[utf8_prefix(desc, 200)] = '\0';
		pe.description = desc;
		if (account == 0) {
			err_set(err, "%s", _("there is no bank account for the fee"));
			rc = REC_INVALID;
		} else
			rc = pn_entry_add(b, &pe, &e, err);
	}
	if ((rc = book_finish(b, rc, err)) == 0 && entry != NULL)
		*entry = e;
	return rc;
}

int
riba_amount_parse(const char *s, int64_t *cents)
{
	char t[32];
	size_t n = 0;

	for (; *s == ' '; s++)
		;
	for (; *s != '\0' && n + 1 < sizeof t; s++)
		t[n++] = *s == ',' ? '.' : *s;
	while (n > 0 && t[n - 1] == ' ')
		n--;
	t[n] = '\0';
	if (n == 0) {
		*cents = 0;
		return 0;
	}
	return cents_parse(t, cents, NULL) == 0 && *cents >= 0 ? 0 : -1;
}
