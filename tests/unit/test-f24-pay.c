/* Paying an F24 (f24-pay.c) against a temporary book: Pay through the form's
 * kind (prepare's offers, a receipt of the import folder) and f24_pay; the
 * one entry of the saldo finale on the account, causale F24, linked both
 * ways; a saldo of zero with no entry; a paid F24 neither changed (rows
 * included) nor deleted, nor made paid or unpaid by a plain save; the F24's
 * entry keeps its date, account and amount; Cancel payment's reversing
 * entry; a closed account, a locked period, a draft refused with nothing
 * written; the SHA-256 of a stored receipt (a test vector) and its bytes
 * exported back. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "book-fixtures.h"
#include "book/company.h"
#include "book/f24.h"
#include "book/primanota.h"
#include "book/record.h"
#include "tap.h"
#include "util/util.h"

static struct book *book;

static void
exec(const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(book_db(book), sql, NULL, NULL, &msg) != SQLITE_OK)
		printf("# %s: %s\n", sql, msg);
	sqlite3_free(msg);
}

/* What the book holds: F24s with state and version, entries, receipts. */
static const char *
snapshot(void)
{
	static char out[512];

	str_copy(out,
		 book_query(book, "SELECT (SELECT group_concat(id || state || version, ',') FROM f24) || ' / ' "
		       "|| (SELECT count(*) || ':' || coalesce(sum(amount), 0) FROM pn_entries) "
		       "|| ' / ' || (SELECT count(*) FROM f24_receipts) || ' / ' || "
		       "(SELECT group_concat(debit, ',') FROM f24_erario)"),
		 sizeof out);
	return out;
}

static void
add_row(struct record *f, const char *code, const char *year, const char *debit,
	const char *credit)
{
	struct record *row = record_new(&f24_erario_kind);

	record_set(row, ERARIO_CODE, code);
	record_set(row, ERARIO_YEAR, year);
	if (strcmp(code, "6099") == 0)
		record_set(row, ERARIO_RATE, "0101");
	record_set(row, ERARIO_DEBIT, debit);
	record_set(row, ERARIO_CREDIT, credit);
	record_rows_insert(&f->rows[F24_ERARIO], f->rows[F24_ERARIO].n, row);
}

/* A saved F24 to pay with rows: its id. */
static int64_t
new_f24(const char *description, const char *debit, const char *credit)
{
	struct record *f;
	char err[ERR_SIZE];
	int64_t id;

	if (f24_new(book, &f, err) < 0) {
		ok(0, "f24_new: %s", err);
		return 0;
	}
	if (f->rows == NULL)
		f->rows = xcalloc(f24_kind.nchildren, sizeof *f->rows);
	record_set(f, F24_DESCRIPTION, description);
	record_set(f, F24_STATE, "T");
	record_set(f, F24_DUE_DATE, "2026-04-16");
	add_row(f, "1001", "2026", debit, "");
	if (credit != NULL)
		add_row(f, "6099", "2025", "", credit);
	if (record_save(book, f, NULL, err) < 0)
		ok(0, "the F24 %s is saved: %s", description, err);
	id = f->id;
	record_free(f);
	return id;
}

static int64_t
account(const char *name)
{
	int64_t id = 0;
	char err[ERR_SIZE];

	if (pn_account_find(book, name, &id, err) < 0)
		printf("# %s\n", err);
	return id;
}

static void
setup(void)
{
	struct record *c;
	char err[ERR_SIZE];

	if (company_load(book, &c, err) < 0) {
		ok(0, "company loads: %s", err);
		return;
	}
	record_set(c, COMPANY_NAME, "Rossi Srl");
	record_set(c, COMPANY_PIVA, "12345678903");
	record_set(c, COMPANY_CITY, "Milano");
	ok(record_save(book, c, NULL, err) == 0, "the company profile is saved: %s", err);
	record_free(c);
}

static void
pay_by_form(const char *dir)
{
	int64_t id = new_f24("Ritenute marzo", "123456", NULL);
	struct record *f = NULL, *p = record_new(&f24_payment_kind);
	const struct record_command *pay = NULL;
	char err[ERR_SIZE] = "", today[11], path[512];
	time_t now = time(NULL);
	struct tm tm;
	FILE *out;

	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	for (size_t i = 0; i < f24_kind.ncommands; i++)
		if (strcmp(f24_kind.commands[i].name, "pay") == 0)
			pay = &f24_kind.commands[i];
	ok(pay != NULL && pay->screen != NULL && strcmp(pay->link_field, "f24_id") == 0,
	   "f24_kind has the command pay, opening a form linked by f24_id");
	if (pay == NULL || record_load(book, &f24_kind, id, &f, err) < 0) {
		ok(0, "the F24 loads: %s", err);
		record_free(p);
		return;
	}
	ok(pay->applies(f), "pay applies to an F24 to pay");
	snprintf(path, sizeof path, "%lld", (long long)id);
	record_set(p, (size_t)record_field_index(&f24_payment_kind, pay->link_field), path);
	ok(pay->prepare(book, f, p, err) == 0, "prepare: %s", err);
	is_str(record_get(p, PAYMENT_DATE), today, "prepare offers today");
	is_int(strtoll(record_get(p, PAYMENT_ACCOUNT), NULL, 10), account("Banca"),
	       "and the first open bank account (Banca, not Cassa before it)");
	is_str(record_get(p, PAYMENT_SALDO), "123456", "and shows the saldo finale");
	record_set(p, PAYMENT_DATE, "2026-04-16");
	record_set(p, PAYMENT_REFERENCE, "CRO 998877");

	/* a receipt name with a folder reads nothing outside the import folder */
	record_set(p, PAYMENT_RECEIPT, "../book.sqlite");
	ok(record_save(book, p, NULL, err) == REC_INVALID && strstr(err, "without folders"),
	   "a receipt name with a folder is refused: %s", err);
	is_str(book_query(book, "SELECT state FROM f24 WHERE id = 1"), "T", "and nothing was paid");

	snprintf(path, sizeof path, "%s/import/book/quietanza.pdf", dir);
	free(book_folder(book_path(book), "import", err));
	if ((out = fopen(path, "wb")) != NULL) {
		fputs("abc", out);
		fclose(out);
	}
	record_set(p, PAYMENT_RECEIPT, "quietanza.pdf");
	ok(record_save(book, p, NULL, err) == 0, "saving the form pays: %s", err);
	is_int(p->id, id, "the payment is the F24's");
	is_str(book_query(book, "SELECT state || ' ' || paid_date || ' ' || pay_reference FROM f24 WHERE id = 1"),
	       "P 2026-04-16 CRO 998877", "the F24 is paid on the date with the bank's reference");
	is_str(book_query(book, "SELECT count(*) FROM pn_entries"), "1", "one prima nota entry");
	is_str(book_query(book, "SELECT a.name || ' ' || e.amount || ' ' || e.causale || ' ' || e.description "
		     "|| ' ' || e.date FROM pn_entries e JOIN pn_accounts a ON a.id = e.account_id"),
	       "Banca -123456 F24 F24 Ritenute marzo 2026-04-16",
	       "Uscite of the saldo finale on Banca, causale F24, 'F24 DESCRIPTION', its date");
	is_str(book_query(book, "SELECT (SELECT f24_id FROM pn_entries) || ' ' || "
		     "(SELECT pay_entry_id FROM f24 WHERE id = 1) || ' ' || "
		     "(SELECT id FROM pn_entries)"),
	       "1 1 1", "the entry names the F24, the F24 the entry");
	/* SHA-256("abc"), FIPS 180-2's test vector */
	is_str(book_query(book, "SELECT sha256 || ' ' || size || ' ' || name FROM f24_receipts"),
	       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad 3 quietanza.pdf",
	       "the receipt is kept with its SHA-256, size and name");
	record_free(f);
	record_free(p);
}

static void
paid_stays(const char *dir)
{
	struct record *f = NULL, *e = NULL;
	char err[ERR_SIZE] = "", before[512], path[512], *data = NULL;
	size_t len = 0;
	int64_t entry = strtoll(book_query(book, "SELECT id FROM pn_entries"), NULL, 10);

	str_copy(before, snapshot(), sizeof before);
	if (record_load(book, &f24_kind, 1, &f, err) < 0) {
		ok(0, "the paid F24 loads: %s", err);
		return;
	}
	record_set(f, F24_NOTES, "changed");
	ok(record_save(book, f, NULL, err) == REC_INVALID && strstr(err, "is paid"),
	   "a paid F24 is not changed: %s", err);
	record_set(f, F24_NOTES, "");
	record_set(f->rows[F24_ERARIO].row[0], ERARIO_DEBIT, "100");
	ok(record_save(book, f, NULL, err) == REC_INVALID && strstr(err, "rows included"),
	   "nor its rows: %s", err);
	record_set(f->rows[F24_ERARIO].row[0], ERARIO_DEBIT, "123456");
	record_set(f, F24_STATE, "T");
	record_set(f, F24_PAID_DATE, "");
	ok(record_save(book, f, NULL, err) == REC_INVALID && strstr(err, "Cancel payment"),
	   "nor put back to pay by a save: %s", err);
	ok(record_delete(book, f, err) == REC_INVALID && strstr(err, "cannot be deleted"),
	   "nor deleted: %s", err);
	is_str(snapshot(), before, "and the book is as it was");

	if (record_load(book, &primanota_kind, entry, &e, err) == 0) {
		record_set(e, ENTRY_OUT, "1");
		ok(record_save(book, e, NULL, err) == REC_INVALID && strstr(err, "F24"),
		   "the F24's entry keeps its amount: %s", err);
		record_set(e, ENTRY_OUT, "123456");
		ok(record_delete(book, e, err) == REC_INVALID, "and is not deleted: %s", err);
		record_set(e, ENTRY_RECONCILED, "1");
		ok(record_save(book, e, NULL, err) == 0, "but is reconciled: %s", err);
		is_str(book_query(book, "SELECT f24_id FROM pn_entries"), "1", "still linked");
	} else
		ok(0, "the entry loads: %s", err);
	record_free(e);

	snprintf(path, sizeof path, "%s/back.pdf", dir);
	ok(f24_receipt_export(book, 1, path, 0, NULL, err) == 0, "the receipt is exported: %s",
	   err);
	ok(file_read_all(path, 100, &data, &len, err) == 0 && len == 3 &&
		   memcmp(data, "abc", 3) == 0,
	   "its bytes are the file's");
	free(data);
	ok(f24_receipt_export(book, 1, path, 0, NULL, err) == REC_INVALID &&
		   strstr(err, "already exists"),
	   "a file there is not overwritten: %s", err);
	unlink(path);
	record_free(f);
}

/* Copy (f24-cmds.c) of a paid F24: a draft without its payment. */
static void
copy_paid(void)
{
	struct record *f = NULL;
	char err[ERR_SIZE] = "", sql[256];
	int64_t id = 0;

	if (record_load(book, &f24_kind, 1, &f, err) < 0) {
		ok(0, "the paid F24 loads: %s", err);
		return;
	}
	ok(f24_copy(book, f, &id, err) == 0, "a paid F24 is copied: %s", err);
	snprintf(sql, sizeof sql,
		 "SELECT state || '|' || paid_date || '|' || coalesce(pay_account_id, '') || '|' || "
		 "pay_reference || '|' || coalesce(pay_entry_id, '') FROM f24 WHERE id = %lld",
		 (long long)id);
	is_str(book_query(book, sql), "D||||", "the copy is a draft without the payment's account, "
	       "reference and entry");
	snprintf(sql, sizeof sql, "DELETE FROM f24_erario WHERE f24_id = %lld; "
		 "DELETE FROM f24 WHERE id = %lld", (long long)id, (long long)id);
	exec(sql);
	record_free(f);
}

static const struct record_command *
command(const char *name)
{
	for (size_t i = 0; i < f24_kind.ncommands; i++)
		if (strcmp(f24_kind.commands[i].name, name) == 0)
			return &f24_kind.commands[i];
	ok(0, "f24_kind has the command %s", name);
	return NULL;
}

/* Attach receipt and Export receipt as the form runs them: full paths in
 * the book's import and export folders, nothing else. */
static void
commands_run(const char *dir)
{
	const struct record_command *attach = command("receipt"), *exp = command("receipt-export");
	struct record *f = NULL;
	char err[ERR_SIZE] = "", msg[ERR_SIZE] = "", path[512], preset[ERR_SIZE];
	int64_t open_id = 0;
	FILE *out;

	if (attach == NULL || exp == NULL || record_load(book, &f24_kind, 1, &f, err) < 0)
		return;
	ok(attach->applies(f) && attach->ask == RECORD_ASK_FILE_IN, "Attach receipt applies, "
	   "asking a file to read");
	ok(attach->run(book, f, "/etc/passwd", &open_id, msg, err) == REC_INVALID &&
		   strstr(err, "a file of"),
	   "a file outside the import folder is refused: %s", err);
	snprintf(path, sizeof path, "%s/import/book/../book.sqlite", dir);
	ok(attach->run(book, f, path, &open_id, msg, err) == REC_INVALID &&
		   strstr(err, "a file of"),
	   "nor through '..': %s", err);
	snprintf(path, sizeof path, "%s/import/book/ricevuta.txt", dir);
	if ((out = fopen(path, "wb")) != NULL) {
		fputs("ricevuta AdE\n", out);
		fclose(out);
	}
	ok(attach->run(book, f, path, &open_id, msg, err) == 0 && strstr(msg, "ricevuta.txt"),
	   "a file of the import folder is attached: %s%s", msg, err);
	unlink(path);
	is_str(book_query(book, "SELECT count(*) FROM f24_receipts WHERE f24_id = 1"), "2",
	       "the F24 keeps both receipts");
	record_free(f);
	if (record_load(book, &f24_kind, 1, &f, err) < 0)
		return;
	ok(exp->applies(f), "Export receipt applies once there are receipts");
	exp->preset(book, f, preset);
	is_str(preset, "ricevuta.txt", "it offers the latest receipt's name");
	snprintf(path, sizeof path, "%s/elsewhere.txt", dir);
	ok(exp->run(book, f, path, &open_id, msg, err) == REC_INVALID,
	   "a file outside the export folder is refused: %s", err);
	free(book_folder(book_path(book), "export", err));
	snprintf(path, sizeof path, "%s/export/book/ricevuta.txt", dir);
	ok(exp->run(book, f, path, &open_id, msg, err) == 0, "exported: %s%s", msg, err);
	{
		char *data = NULL;
		size_t len = 0;
		ok(file_read_all(path, 100, &data, &len, err) == 0 &&
			   strcmp(data, "ricevuta AdE\n") == 0,
		   "the latest receipt's bytes");
		free(data);
	}
	unlink(path);
	snprintf(path, sizeof path, "%s/export/book", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/export", dir);
	rmdir(path);
	record_free(f);
}

static void
cancel(void)
{
	int64_t entry = 0;
	char err[ERR_SIZE] = "";
	struct record *f = NULL;

	ok(f24_cancel_payment(book, 1, "2026-04-20", &entry, err) == 0, "cancel: %s", err);
	is_str(book_query(book, "SELECT state || '|' || paid_date || '|' || coalesce(pay_entry_id, '') || '|' "
		     "|| pay_reference FROM f24 WHERE id = 1"),
	       "T|||", "the F24 is to pay again, its payment cleared");
	is_str(book_query(book, "SELECT group_concat(amount || ' ' || causale || ' ' || f24_id || ' ' || date, "
		     "', ') FROM (SELECT * FROM pn_entries ORDER BY id)"),
	       "-123456 F24 1 2026-04-16, 123456 F24 1 2026-04-20",
	       "the reversing entry: Entrate of the same amount, causale F24, linked; both kept");
	ok(strstr(book_query(book, "SELECT description FROM pn_entries WHERE amount > 0"),
		  "Cancelled payment of F24 Ritenute marzo") != NULL,
	   "it names the cancelled payment");
	is_int(entry, strtoll(book_query(book, "SELECT max(id) FROM pn_entries"), NULL, 10),
	       "its id is given back");
	is_str(book_query(book, "SELECT count(*) FROM f24_receipts"), "2", "the receipts stay");
	if (record_load(book, &f24_kind, 1, &f, err) == 0) {
		record_set(f, F24_NOTES, "to pay again");
		ok(record_save(book, f, NULL, err) == 0, "an F24 to pay again can be changed: %s",
		   err);
		record_set(f, F24_STATE, "P");
		record_set(f, F24_PAID_DATE, "2026-04-21");
		ok(record_save(book, f, NULL, err) == REC_INVALID && strstr(err, "by Pay"),
		   "a save does not make it paid: %s", err);
		ok(record_delete(book, f, err) == REC_INVALID && strstr(err, "paid once"),
		   "an F24 with payment history is not deleted: %s", err);
	}
	record_free(f);
	ok(f24_cancel_payment(book, 1, "2026-04-21", NULL, err) == REC_INVALID,
	   "cancel again: refused: %s", err);
}

static void
refusals(void)
{
	struct f24_pay p = { .date = "2026-05-16", .account_id = account("Cassa") };
	char err[ERR_SIZE] = "", before[512];
	int64_t id = new_f24("IVA maggio", "5000", NULL);

	str_copy(before, snapshot(), sizeof before);
	exec("UPDATE pn_accounts SET closed = 1 WHERE name = 'Cassa'");
	ok(f24_pay(book, id, &p, NULL, err) == REC_INVALID && strstr(err, "Cassa is closed"),
	   "a closed account: %s", err);
	exec("UPDATE pn_accounts SET closed = 0 WHERE name = 'Cassa'");
	exec("UPDATE company SET lock_date = '2026-05-31'");
	ok(f24_pay(book, id, &p, NULL, err) == REC_INVALID && strstr(err, "locked"),
	   "on or before the lock date: %s", err);
	exec("UPDATE company SET lock_date = NULL");
	p.receipt = "/nonexistent/quietanza.pdf";
	ok(f24_pay(book, id, &p, NULL, err) == REC_INVALID && strstr(err, "Receipt"),
	   "a receipt that cannot be read: %s", err);
	p.receipt = NULL;
	p.account_id = 0;
	ok(f24_pay(book, id, &p, NULL, err) == REC_INVALID && strstr(err, "account"),
	   "no account for a saldo above zero: %s", err);
	exec("UPDATE f24 SET state = 'D', due_date = '' WHERE description = 'IVA maggio'");
	p.account_id = account("Cassa");
	ok(f24_pay(book, id, &p, NULL, err) == REC_INVALID && strstr(err, "draft"),
	   "a draft: %s", err);
	exec("UPDATE f24 SET state = 'T', due_date = '2026-05-16' WHERE description = 'IVA maggio'");
	ok(f24_pay(book, 999, &p, NULL, err) == REC_GONE, "an F24 that is not there: %s", err);
	is_str(snapshot(), before, "none of them wrote anything");
	ok(f24_receipt_add(book, id, "/dev/null", err) == REC_INVALID, "a receipt for an F24 not "
	   "paid: %s", err);
}

static void
zero_saldo(void)
{
	int64_t id = new_f24("Compensazione", "30000", "30000"), entry = -1;
	struct f24_pay p = { .date = "2026-06-16", .account_id = 0 };
	char err[ERR_SIZE] = "", n[32];

	str_copy(n, book_query(book, "SELECT count(*) FROM pn_entries"), sizeof n);
	ok(f24_pay(book, id, &p, &entry, err) == 0, "an F24 of saldo 0 is paid: %s", err);
	is_int(entry, 0, "no entry id");
	is_str(book_query(book, "SELECT count(*) FROM pn_entries"), n, "and no prima nota entry");
	is_str(book_query(book, "SELECT state || coalesce(pay_entry_id, '-') FROM f24 WHERE description = "
		     "'Compensazione'"),
	       "P-", "it is paid, with no entry");
	ok(f24_cancel_payment(book, id, "2026-06-17", &entry, err) == 0 && entry == 0,
	   "and cancelled with none: %s", err);
	is_str(book_query(book, "SELECT count(*) FROM pn_entries"), n, "still no entry");
}

int
main(void)
{
	struct temp_book tb;

	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	setup();
	pay_by_form(tb.dir);
	paid_stays(tb.dir);
	copy_paid();
	commands_run(tb.dir);
	cancel();
	refusals();
	zero_saldo();
	{
		char *p = xasprintf("%s/import/book/quietanza.pdf", tb.dir);
		unlink(p);
		free(p);
		p = xasprintf("%s/import/book", tb.dir);
		rmdir(p);
		free(p);
		p = xasprintf("%s/import", tb.dir);
		rmdir(p);
		free(p);
	}
	temp_book_close(&tb, book);
	return tap_done();
}
