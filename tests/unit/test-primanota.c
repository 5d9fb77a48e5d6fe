/* The prima nota (issue 12) against a temporary book: a new book's
 * accounts; accounts' rules (IBAN, ABI/CAB, closed ones hidden from
 * lookups, one with entries not deleted); entries' rules, each refusal
 * writing nothing; transfers as two legs; the period lock; the functions
 * an importer calls; and the running balances and period totals after
 * random back-dated inserts, changes and deletes, each compared with a full
 * recompute. */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book-fixtures.h"
#include "book/company.h"
#include "book/primanota.h"
#include "book/record.h"
#include "tap.h"
#include "util/util.h"

static struct book *book;

static char *
query(const char *sql)
{
	static char out[512];
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(book_db(book), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		str_copy(out, (const char *)sqlite3_column_text(st, 0), sizeof out);
	sqlite3_finalize(st);
	return out;
}

static int64_t
new_account(const char *name, const char *type, const char *iban, const char *opening,
	    const char *odate)
{
	struct record *r = record_new(&accounts_kind);
	char err[ERR_SIZE];
	int64_t id = 0;

	record_set(r, ACCOUNT_NAME, name);
	record_set(r, ACCOUNT_TYPE, type);
	record_set(r, ACCOUNT_IBAN, iban);
	record_set(r, ACCOUNT_OPENING, opening);
	record_set(r, ACCOUNT_OPENING_DATE, odate);
	if (record_save(book, r, NULL, err) == 0)
		id = r->id;
	else
		printf("# %s: %s\n", name, err);
	record_free(r);
	return id;
}

static void
set_id(struct record *r, size_t f, int64_t id)
{
	char v[24];

	snprintf(v, sizeof v, "%" PRId64, id);
	record_set(r, f, id != 0 ? v : "");
}

/* A new entry's record: in > 0 goes in Entrate, < 0 in Uscite. */
static struct record *
entry(int64_t account, const char *date, int64_t amount, const char *what)
{
	struct record *r = record_new(&primanota_kind);
	char v[24];

	set_id(r, ENTRY_ACCOUNT, account);
	record_set(r, ENTRY_DATE, date);
	record_set(r, ENTRY_DESCRIPTION, what);
	snprintf(v, sizeof v, "%" PRId64, amount > 0 ? amount : -amount);
	record_set(r, amount > 0 ? ENTRY_IN : ENTRY_OUT, v);
	return r;
}

static int entries(void)
{
	return atoi(query("SELECT count(*) FROM pn_entries"));
}

static void
new_book(void)
{
	is_str(query("SELECT group_concat(name || ':' || type, ' ') FROM pn_accounts ORDER BY id"),
	       "Cassa:C Banca:B", "a new book has Cassa and Banca");
}

static int64_t cassa = 1, banca = 2, intesa;

static void
accounts(void)
{
	struct record *r = NULL;
	char err[ERR_SIZE];
	int64_t id;

	intesa = new_account("Intesa", "B", "IT60X0542811101000000123456", "150000", "2026-01-01");
	ok(intesa > 0, "a bank account with an IBAN, an opening balance and its date is saved");
	record_load(book, &accounts_kind, intesa, &r, err);
	if (r != NULL) {
		is_str(record_get(r, ACCOUNT_ABI), "05428", "ABI is read from the IBAN");
		is_str(record_get(r, ACCOUNT_CAB), "11101", "CAB is read from the IBAN");
		is_str(record_get(r, ACCOUNT_BALANCE), "150000", "its balance is the opening");
		record_set(r, ACCOUNT_IBAN, "IT61X0542811101000000123456");
		is_int(record_save(book, r, NULL, err), REC_INVALID, "a wrong IBAN is refused");
		is_str(err, "IBAN: wrong check digits", "saying why");
	}
	record_free(r);
	id = new_account("Cassetta", "P", "IT60X0542811101000000123456", "0", "");
	is_int(id, 0, "an IBAN on petty cash is refused");
	is_int(new_account("banca", "B", "", "0", ""), 0, "a second account called Banca is refused");
}

static void
refused(struct record *r, const char *want, const char *what)
{
	char err[ERR_SIZE] = "";
	int before = entries();

	is_int(record_save(book, r, NULL, err), REC_INVALID, "%s is refused", what);
	is_str(err, want, "%s: the message", what);
	is_int(entries(), before, "%s: nothing is written", what);
	record_free(r);
}

static void
bad_input(void)
{
	struct record *r;

	r = entry(intesa, "2026-02-01", 1000, "both");
	record_set(r, ENTRY_OUT, "500");
	refused(r, "Out: an entry goes in Entrate or in Uscite, not both: clear one",
		"both columns filled");
	r = entry(intesa, "2026-02-01", 1000, "none");
	record_set(r, ENTRY_IN, "");
	refused(r, "In: type the amount in Entrate (in) or in Uscite (out)", "no amount");
	r = entry(intesa, "2026-02-01", 1000, "zero");
	record_set(r, ENTRY_IN, "0");
	refused(r, "In: an amount of 0 moves nothing", "an amount of 0");
	r = entry(intesa, "2026-02-01", 1000, "zero transfer");
	record_set(r, ENTRY_IN, "0");
	set_id(r, ENTRY_TO_ACCOUNT, cassa);
	refused(r, "Out: a transfer of 0 moves nothing: type its amount", "a zero transfer");
	r = entry(intesa, "2026-02-01", -1000, "to itself");
	set_id(r, ENTRY_TO_ACCOUNT, intesa);
	refused(r, "Transfer to: an account cannot transfer to itself: choose another",
		"a transfer to itself");
	r = entry(intesa, "2026-02-01", 1000, "causale");
	record_set(r, ENTRY_CAUSALE, "XYZ");
	refused(r, "Causale: XYZ is not a causale of data/causali.txt (F4 lists them)",
		"an unknown causale");
	r = entry(intesa, "2025-12-31", 1000, "early");
	refused(r, "Date: the date is before the opening of Intesa (2026-01-01)",
		"a date before the account's opening");
	r = entry(intesa, "2026-02-01", 1000, "12,345");
	record_set(r, ENTRY_IN, "12,345");
	refused(r, "In: must be an amount, not negative (the column says in or out)",
		"an amount that is not whole cents");
}

static void
transfers(void)
{
	struct record *r = entry(cassa, "2026-02-10", -50000, "Versamento in banca"), *leg = NULL;
	char err[ERR_SIZE];
	int64_t other;

	set_id(r, ENTRY_TO_ACCOUNT, intesa);
	is_int(record_save(book, r, NULL, err), 0, "a transfer from cash to the bank is saved");
	is_str(query("SELECT group_concat(account_id || ':' || amount || ':' || causale, ' ') FROM "
		     "(SELECT * FROM pn_entries ORDER BY id)"),
	       "1:-50000:GC 3:50000:GC", "as two legs, one on each account, causale GC");
	other = atoll(query("SELECT id FROM pn_entries WHERE account_id = 3"));
	record_load(book, &primanota_kind, other, &leg, err);
	if (leg != NULL) {
		is_str(record_get(leg, ENTRY_IN), "50000", "the bank's leg shows it in Entrate");
		is_str(record_get(leg, ENTRY_TO_ACCOUNT), "1", "and the other account, cash");
		record_set(leg, ENTRY_IN, "60000");
		record_set(leg, ENTRY_DATE, "2026-02-11");
		is_int(record_save(book, leg, NULL, err), 0, "the bank's leg is changed");
		is_str(query("SELECT group_concat(account_id || ':' || amount || ':' || date, ' ') "
			     "FROM (SELECT * FROM pn_entries ORDER BY id)"),
		       "1:-60000:2026-02-11 3:60000:2026-02-11", "and both legs change together");
		is_int(record_delete(book, leg, err), 0, "the bank's leg is deleted");
		is_int(entries(), 0, "and both legs go");
	}
	record_free(leg);
	record_free(r);
}

static void
locked(void)
{
	struct record *r = entry(intesa, "2026-03-05", 2000, "march"), *c = NULL;
	char err[ERR_SIZE];

	is_int(record_save(book, r, NULL, err), 0, "an entry of March is saved");
	company_load(book, &c, err);
	record_set(c, COMPANY_NAME, "Rossi Srl");
	record_set(c, COMPANY_PIVA, "01234567897");
	record_set(c, COMPANY_LOCK_DATE, "2026-03-31");
	is_int(record_save(book, c, NULL, err), 0, "the company profile locks up to 31 March: %s",
	       err);
	record_set(r, ENTRY_DESCRIPTION, "changed");
	is_int(record_save(book, r, NULL, err), REC_INVALID, "changing the March entry is refused");
	is_str(err, "Date: the period up to 2026-03-31 is locked (Company profile, Lock date): "
		    "nothing was written", "saying the period is locked");
	is_int(record_delete(book, r, err), REC_INVALID, "deleting it is refused");
	record_free(r);
	r = entry(intesa, "2026-03-31", 2000, "late");
	refused(r, "Date: the period up to 2026-03-31 is locked (Company profile, Lock date): "
		   "nothing was written", "a new entry on the lock date");
	r = entry(intesa, "2026-04-01", 2000, "april");
	is_int(record_save(book, r, NULL, err), 0, "an entry after the lock date is saved");
	record_set(r, ENTRY_DATE, "2026-03-15");
	is_int(record_save(book, r, NULL, err), REC_INVALID, "moving it into the locked period "
	       "is refused");
	record_free(r);
	record_set(c, COMPANY_LOCK_DATE, "");
	is_int(record_save(book, c, NULL, err), 0, "unlocking is clearing the date");
	record_free(c);
}

static void
closed_and_deleted(void)
{
	struct record *a = NULL, *rows[8];
	char err[ERR_SIZE];
	size_t got;
	int seen = 0;

	record_load(book, &accounts_kind, intesa, &a, err);
	if (a == NULL)
		return;
	is_int(record_delete(book, a, err), REC_ERROR, "an account with entries is not deleted");
	is_str(err, "it has 2 entries in the prima nota: close it instead (Closed: Y); nothing "
		    "was deleted", "saying how many");
	record_set(a, ACCOUNT_CLOSED, "1");
	is_int(record_save(book, a, NULL, err), 0, "it is closed instead");
	record_browse(book, &open_accounts_kind, BROWSE_AFTER, NULL, 0, 8, rows, &got, err);
	for (size_t i = 0; i < got; i++) {
		seen |= rows[i]->id == intesa;
		record_free(rows[i]);
	}
	ok(got == 2 && !seen, "the lookups no longer offer it (%zu offered)", got);
	record_browse(book, &accounts_kind, BROWSE_AFTER, NULL, 0, 8, rows, &got, err);
	for (size_t i = 0; i < got; i++)
		record_free(rows[i]);
	is_int(got, 3, "the accounts list still shows it");
	refused(entry(intesa, "2026-05-01", 100, "closed"),
		"Account: Intesa is closed: reopen it in Accounts, or choose another",
		"an entry on a closed account");
	record_set(a, ACCOUNT_CLOSED, "0");
	record_save(book, a, NULL, err);
	record_free(a);
}

static void
importer_api(void)
{
	struct pn_entry e = { .account_id = banca, .date = "2026-06-10",
			      .description = "Bonifico Bianchi", .amount = 12345 };
	char err[ERR_SIZE];
	int64_t id = 0, found = -1, byname = 0;

	is_int(pn_account_find(book, "BANCA", &byname, err), 0, "an account is found by name");
	is_int(byname, banca, "any case");
	is_int(pn_account_find(book, "Posta", &byname, err), REC_GONE, "an unknown one is not");
	is_int(pn_entry_add(book, &e, &id, err), 0, "pn_entry_add adds an entry");
	is_str(query("SELECT causale || ' ' || reconciled FROM pn_entries WHERE description = "
		     "'Bonifico Bianchi'"), "DC 0", "unclassified, not reconciled");
	pn_find_unreconciled(book, banca, 12345, "2026-06-13", 3, &found, err);
	is_int(found, id, "found by amount 3 days later");
	pn_find_unreconciled(book, banca, 12345, "2026-06-14", 3, &found, err);
	is_int(found, 0, "not 4 days later");
	pn_find_unreconciled(book, banca, -12345, "2026-06-10", 3, &found, err);
	is_int(found, 0, "nor with the opposite sign");
	is_int(pn_import_ref_seen(book, banca, "REF-1", err), 0, "a bank reference not seen yet");
	is_int(pn_mark_reconciled(book, id, "REF-1", err), 0, "pn_mark_reconciled marks it");
	is_int(pn_import_ref_seen(book, banca, "REF-1", err), 1, "and keeps its bank reference");
	pn_find_unreconciled(book, banca, 12345, "2026-06-10", 3, &found, err);
	is_int(found, 0, "a reconciled entry is not found again");
	e.amount = 0;
	is_int(pn_entry_add(book, &e, &id, err), REC_INVALID, "pn_entry_add refuses an amount of 0");
}

/* ---- balances: random back-dated writes against a full recompute ---- */

static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

static void
random_date(char *d)
{
	snprintf(d, 11, "%04u-%02u-%02u", 2026u + rnd(2), 1 + rnd(12), 1 + rnd(28));
}

/* Rows whose kept running balance differs from a window sum over every
 * entry of the account in (date, id) order. */
static int
balance_mismatches(void)
{
	return atoi(query("SELECT count(*) FROM (SELECT l.balance AS kept, a.opening + sum(l.amount) "
			  "OVER (PARTITION BY l.account_id ORDER BY l.date, l.id) AS full "
			  "FROM pn_list l JOIN pn_accounts a ON a.id = l.account_id) "
			  "WHERE kept IS NOT full"));
}

/* The period totals against sums over the table. */
static int
period_ok(int64_t account, const char *from, const char *to)
{
	struct pn_period p;
	char err[ERR_SIZE], *sql;
	int64_t in, out, before, open;

	if (pn_period_totals(book, account, from, to, &p, err) < 0)
		return 0;
	sql = xasprintf("SELECT coalesce(sum(max(amount, 0)), 0) || ' ' || "
			"coalesce(sum(-min(amount, 0)), 0) FROM pn_entries WHERE account_id = %lld "
			"AND date BETWEEN '%s' AND '%s'",
			(long long)account, from, to);
	sscanf(query(sql), "%" SCNd64 " %" SCNd64, &in, &out);
	free(sql);
	sql = xasprintf("SELECT coalesce(sum(amount), 0) FROM pn_entries WHERE account_id = %lld "
			"AND date < '%s'", (long long)account, from);
	before = atoll(query(sql));
	free(sql);
	sql = xasprintf("SELECT opening FROM pn_accounts WHERE id = %lld", (long long)account);
	open = atoll(query(sql));
	free(sql);
	return p.in == in && p.out == out && p.opening == open + before &&
	       p.closing == open + before + in - out;
}

static void
random_balances(void)
{
	int64_t acc[3] = { cassa, banca, intesa };
	int bad = 0, bad_period = 0, failed = 0, ops = 600;
	char err[ERR_SIZE], date[11], from[11], to[11];

	for (int i = 0; i < ops; i++) {
		int64_t n = entries(), amount = (int64_t)rnd(200000) - 100000;
		unsigned op = n < 20 ? 0 : rnd(3);
		struct record *r = NULL;

		if (amount == 0)
			amount = 1;
		random_date(date);
		if (op == 0) {
			r = entry(acc[rnd(3)], date, amount, "random");
			if (rnd(10) == 0)
				set_id(r, ENTRY_TO_ACCOUNT, acc[0]);
			if (strcmp(record_get(r, ENTRY_TO_ACCOUNT), record_get(r, ENTRY_ACCOUNT)) == 0)
				record_set(r, ENTRY_TO_ACCOUNT, "");
			failed += record_save(book, r, NULL, err) < 0;
		} else {
			char *sql = xasprintf("SELECT id FROM pn_entries LIMIT 1 OFFSET %u",
					      rnd((unsigned)n));
			int64_t id = atoll(query(sql));
			free(sql);
			if (record_load(book, &primanota_kind, id, &r, err) < 0)
				failed++;
			else if (op == 1) {
				char v[24];
				record_set(r, ENTRY_DATE, date);
				snprintf(v, sizeof v, "%" PRId64, amount > 0 ? amount : -amount);
				record_set(r, ENTRY_IN, amount > 0 ? v : "");
				record_set(r, ENTRY_OUT, amount > 0 ? "" : v);
				if (record_get(r, ENTRY_TO_ACCOUNT)[0] == '\0')
					set_id(r, ENTRY_ACCOUNT, acc[rnd(3)]);
				failed += record_save(book, r, NULL, err) < 0;
			} else
				failed += record_delete(book, r, err) < 0;
		}
		if (failed == 1 && err[0] != '\0') {
			printf("# op %d failed: %s\n", i, err);
			err[0] = '\0';
			failed++;
		}
		record_free(r);
		bad += balance_mismatches() > 0;
		random_date(from);
		random_date(to);
		if (strcmp(from, to) > 0) {
			char t[11];
			memcpy(t, from, 11);
			memcpy(from, to, 11);
			memcpy(to, t, 11);
		}
		bad_period += !period_ok(acc[rnd(3)], from, to);
	}
	is_int(failed, 0, "%d random writes of back-dated entries all saved", ops);
	is_int(bad, 0, "after each, every row's running balance equals a full recompute");
	is_int(bad_period, 0, "and a random period's totals equal sums over the table");
	is_str(query("SELECT count(*) FROM pn_days d WHERE cum_in + cum_out IS NOT (SELECT "
		     "sum(amount) FROM pn_entries e WHERE e.account_id = d.account_id AND "
		     "e.date <= d.date)"), "0", "the per-day totals the book keeps are all right");
	is_str(query("SELECT count(*) FROM pn_days d WHERE NOT EXISTS (SELECT 1 FROM pn_entries e "
		     "WHERE e.account_id = d.account_id AND e.date = d.date)"), "0",
	       "and a day whose entries are all gone has no row");
	is_str(query("SELECT count(*) FROM pn_entries a LEFT JOIN pn_entries b ON b.id = a.pair_id "
		     "WHERE a.pair_id IS NOT NULL AND (b.id IS NULL OR b.pair_id <> a.id OR "
		     "b.amount <> -a.amount OR b.date <> a.date)"), "0",
	       "every transfer's legs name each other, same day, opposite amounts");
}

static void
spans(void)
{
	char f[11], t[11];

	pn_span_dates('Q', "2024-02-10", f, t);
	is_str(f, "2024-01-01", "Q1 starts on 1 January");
	is_str(t, "2024-03-31", "and ends on 31 March");
	pn_span_dates('M', "2024-02-10", f, t);
	is_str(t, "2024-02-29", "February of a leap year has 29 days");
	pn_span_dates('Y', "2025-07-01", f, t);
	is_str(t, "2025-12-31", "a year ends on 31 December");
	is_int(pn_span_dates('X', "2025-07-01", f, t), -1, "another span is refused");
}

int
main(void)
{
	struct temp_book tb;

	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	new_book();
	accounts();
	bad_input();
	transfers();
	locked();
	closed_and_deleted();
	importer_api();
	random_balances();
	spans();
	temp_book_close(&tb, book);
	return tap_done();
}
