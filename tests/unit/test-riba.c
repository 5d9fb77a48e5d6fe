/* Ri.Ba. (src/book/riba-cbi.c, riba.c, riba-cmds.c): the CBI writer's
 * records (each 120 characters and CR LF, only the CBI character set, the
 * closing record's counts and total agreeing with the receipts), its
 * refusals; in a book, open receivables of a range presented (the file in
 * the export folder, the items presented and not offered again), a
 * customer without its bank's ABI and CAB refused with nothing written,
 * and an unpaid one reopened with the bank's fee in the prima nota. */
#include "config.h"

#include <dirent.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/items.h"
#include "book/primanota.h"
#include "book/riba.h"
#include "doc-fixtures.h"

static struct book *book;

/* ---- the writer ---- */

static void
charset(void)
{
	char out[64];

	riba_cbi_text("Società Àrdita & Figli", 24, out);
	is_str(out, "SOCIETA ARDITA E FIGLI  ", "accents dropped, upper case, & as E, padded");
	riba_cbi_text("perché 5€; #1 [ok]", 20, out);
	is_str(out, "PERCHE 5EUR   1  OK ", "the euro as EUR, others blank");
	riba_cbi_text("Ünïcödé çà", 6, out);
	is_str(out, "UNICOD", "cut to its width");
	riba_cbi_text(NULL, 3, out);
	is_str(out, "   ", "nothing is blanks");
	ok(!riba_cbi_char('a') && !riba_cbi_char('#') && riba_cbi_char('/') && riba_cbi_char('Z'),
	   "the set: upper case, digits and a few symbols");
}

static const struct riba_creditor creditor = {
	.sia = "A1B2C", .abi = "05428", .cab = "11101", .account = "000000123456",
	.name = "Alfa Società Srl", .address = "Via Roma 1", .place = "20100 Milano MI",
	.fiscal = "01234567897",
};

static struct riba_receipt receipts[2] = {
	{ .number = 12, .due = "2026-06-30", .amount = 61000, .abi = "03069", .cab = "09606",
	  .debtor_code = 3, .debtor = "Rossi & C. Snc", .fiscal = "09876543217",
	  .address = "Corso Italia 5", .cap = "10121", .city = "Torino", .province = "TO",
	  .doc = "FAT 1/2026", .doc_date = "2026-05-10", .seq = 1, .of = 2 },
	{ .number = 15, .due = "2026-07-31", .amount = 12345, .abi = "08327", .cab = "03200",
	  .debtor_code = 4, .debtor = "Bianchi Niccolò", .fiscal = "BNCNCC80A01H501Z",
	  .address = "Via Verdi", .cap = "00100", .city = "Roma", .province = "RM",
	  .doc = "FAT 2/2026", .doc_date = "2026-05-12", .seq = 1, .of = 1 },
};

/* Positions from..to (1-based) of record rec as a string (the next
 * call's). */
static const char *
field(const char *rec, int from, int to)
{
	static char f[RIBA_RECORD + 1];

	snprintf(f, sizeof f, "%.*s", to - from + 1, rec + from - 1);
	return f;
}

static void
writer(void)
{
	struct buf t = { 0 };
	char err[ERR_SIZE] = "", code[3], ib[40];
	const char *rec[32];
	size_t n = 0, bad_len = 0, bad_char = 0, bad_end = 0;
	int64_t sum = 0;

	is_int(riba_cbi_write(&creditor, "2026-06-01", "RIBA20260601120000", receipts, 2, &t, err),
	       0, "two receipts written: %s", err);
	for (size_t off = 0; off < t.len && n < ARRAY_LEN(rec); n++) {
		const char *end = memchr(t.data + off, '\r', t.len - off);
		size_t len = end != NULL ? (size_t)(end - (t.data + off)) : t.len - off;
		rec[n] = t.data + off;
		if (len != RIBA_RECORD)
			bad_len++;
		if (end == NULL || end + 1 >= t.data + t.len || end[1] != '\n')
			bad_end++;
		for (size_t i = 0; i < len; i++)
			if (!riba_cbi_char((unsigned char)rec[n][i]))
				bad_char++;
		off += len + 2;
	}
	is_int((int64_t)t.len, (2 + 7 * 2) * (RIBA_RECORD + 2), "16 records of 120 + CR LF");
	is_int((int64_t)n, 16, "IB, seven a receipt, EF");
	is_int((int64_t)bad_len, 0, "every record 120 characters");
	is_int((int64_t)bad_end, 0, "each followed by CR LF");
	is_int((int64_t)bad_char, 0, "only the CBI character set");
	if (n != 16) {
		buf_free(&t);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		static const char *const order[] = { "IB", "14", "20", "30", "40", "50", "51", "70" };
		snprintf(code, sizeof code, "%.2s", rec[i] + 1);
		if (strcmp(code, i == 0 ? "IB" : i == n - 1 ? "EF" : order[1 + (i - 1) % 7]) != 0)
			ok(0, "record %zu is %s", i + 1, code);
		if (rec[i][0] != ' ')
			ok(0, "record %zu opens with a blank", i + 1);
	}
	ok(1, "the records in their order: IB, 14 20 30 40 50 51 70 each, EF");
	is_str(field(rec[0], 4, 8), "A1B2C", "IB: the sender's SIA");
	is_str(field(rec[0], 9, 13), "05428", "IB: the receiving bank's ABI");
	is_str(field(rec[0], 14, 19), "010626", "IB: the day made, DDMMYY");
	is_str(field(rec[0], 20, 39), "RIBA20260601120000  ", "IB: the file's name");
	is_str(field(rec[0], 114, 114), "E", "IB: euro");
	is_str(field(rec[1], 4, 10), "0000001", "14: the first receipt");
	is_str(field(rec[1], 23, 28), "300626", "14: due 30/06/2026");
	is_str(field(rec[1], 29, 33), "30000", "14: causale 30000");
	is_str(field(rec[1], 34, 47), "0000000061000-", "14: the amount in cents, sign -");
	is_str(field(rec[1], 48, 69), "0542811101000000123456", "14: the creditor's bank");
	is_str(field(rec[1], 70, 79), "0306909606", "14: the debtor's ABI and CAB");
	is_str(field(rec[1], 92, 97), "A1B2C4", "14: the SIA, code type 4");
	is_str(field(rec[1], 98, 113), "3               ", "14: the customer's number");
	is_str(field(rec[1], 120, 120), "E", "14: euro");
	is_str(field(rec[2], 11, 34), "ALFA SOCIETA SRL        ", "20: the creditor");
	is_str(field(rec[2], 83, 106), "01234567897             ", "20: its fiscal code");
	is_str(field(rec[3], 11, 40), "ROSSI E C. SNC                ", "30: the debtor");
	is_str(field(rec[3], 71, 86), "09876543217     ", "30: its fiscal code");
	is_str(field(rec[4], 41, 70), "10121TORINO                 TO", "40: CAP, city, province");
	is_str(field(rec[5], 11, 50), "FATT. FAT 1/2026 DEL 10/05/2026         ",
	       "50: the invoice and its date");
	is_str(field(rec[5], 51, 72), "RATA 1 DI 2 IMPORTO 61", "50: the instalment");
	is_str(field(rec[6], 11, 20), "0000000012", "51: the receipt's number, the item's");
	is_str(field(rec[10], 11, 26), "BIANCHI NICCOLO ", "30 of the second: Niccolò as NICCOLO");
	is_str(field(rec[8], 4, 10), "0000002", "the second receipt's number");
	for (size_t i = 1; i + 1 < n; i += 7)
		sum += strtoll(field(rec[i], 34, 46), NULL, 10);
	snprintf(ib, sizeof ib, "%.36s", field(rec[0], 4, 39));
	is_str(field(rec[15], 4, 39), ib, "EF: its sender, bank, day and name as IB's");
	is_str(field(rec[15], 46, 52), "0000002", "EF: two receipts");
	is_int(strtoll(field(rec[15], 53, 67), NULL, 10), 73345, "EF: their total");
	is_int(sum, 73345, "the same as the receipts' amounts");
	is_str(field(rec[15], 68, 82), "000000000000000", "EF: no positive amounts");
	is_str(field(rec[15], 83, 89), "0000016", "EF: 16 records, IB and EF too");
	buf_free(&t);
}

static void
writer_refusals(void)
{
	struct riba_creditor c = creditor;
	struct riba_receipt r = receipts[0];
	struct buf t = { 0 };
	char err[ERR_SIZE] = "";

	c.sia[0] = '\0';
	is_int(riba_cbi_write(&c, "2026-06-01", "X", &r, 1, &t, err), -1, "no SIA: %s", err);
	c = creditor;
	r.abi[0] = '\0';
	is_int(riba_cbi_write(&c, "2026-06-01", "X", &r, 1, &t, err), -1, "no ABI: %s", err);
	ok(strstr(err, "Rossi") != NULL, "naming the debtor");
	r = receipts[0];
	r.amount = 0;
	is_int(riba_cbi_write(&c, "2026-06-01", "X", &r, 1, &t, err), -1, "an amount of 0: %s",
	       err);
	is_int(riba_cbi_write(&c, "2026-06-01", "X", &r, 0, &t, err), -1, "no receipts: %s", err);
	is_int((int64_t)t.len, 0, "and nothing written");
	r.amount = INT64_C(10000000000000);
	is_int(riba_cbi_write(&c, "2026-06-01", "X", &r, 1, &t, err), -1,
	       "an amount past the field's 13 digits: %s", err);
	ok(strstr(err, "13 digits") != NULL, "said so, not that it must be more than 0");
	{
		/* 101 of the largest: 1.009.999.999.999.899 cents, past the total's 15 digits */
		struct riba_receipt many[101];
		for (size_t i = 0; i < 101; i++) {
			many[i] = receipts[0];
			many[i].amount = INT64_C(9999999999999);
		}
		is_int(riba_cbi_write(&c, "2026-06-01", "X", many, 101, &t, err), -1,
		       "a total past the closing record's 15 digits, not cut: %s", err);
		is_int((int64_t)t.len, 0, "and nothing written");
	}
	is_int(riba_check_sia("AB12", NULL), -1, "a SIA code of 4 is refused");
	is_int(riba_check_sia("ab123", NULL), -1, "in lower case too");
	is_int(riba_check_bank_code("0542", NULL), -1, "an ABI of 4 digits is refused");
	is_int(riba_check_bank_code("05428", NULL), 0, "of 5 it is taken");
	buf_free(&t);
}

/* ---- in a book ---- */

/* The first column of the first row of the query fmt makes, as text. */
static const char *
q_text(const char *fmt, ...)
{
	char sql[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	return book_query(book, sql);
}

#define q_int(...) strtoll(q_text(__VA_ARGS__), NULL, 10)

static int64_t
invoice(int64_t party, const char *date, const char *due1, const char *due2)
{
	struct record *d = fx_draft("FAT", party, date);
	char err[ERR_SIZE] = "", warn[DOC_WARN_SIZE] = "";
	int64_t id;

	fx_line(d, "Consulenza", "1.00", "1000.00", "1000.00", 0);
	record_set(d, DOC_TOTAL, "122000");
	record_set(d, DOC_PAYABLE, "122000");
	record_row_add(d, DOC_PAYMENTS, "mode", "MP12", "due", due1, "amount",
		       due2 != NULL ? "61000" : "122000", NULL);
	if (due2 != NULL)
		record_row_add(d, DOC_PAYMENTS, "mode", "MP12", "due", due2, "amount", "61000",
			       NULL);
	id = fx_save(book, d);
	record_free(d);
	if (document_issue(book, id, NULL, warn, err) < 0)
		ok(0, "issued: %s", err);
	return id;
}

static void
set_field(const struct record_kind *k, int64_t id, size_t f, const char *v)
{
	struct record *r;
	char err[ERR_SIZE] = "";

	if (record_load(book, k, id, &r, err) < 0) {
		ok(0, "loaded: %s", err);
		return;
	}
	record_set(r, f, v);
	if (record_save(book, r, NULL, err) < 0)
		ok(0, "saved: %s", err);
	record_free(r);
}

/* The files of the book's export folder, removed when rm. */
static int
export_files(int rm)
{
	char err[ERR_SIZE], *dir = book_folder(book_path(book), "export", err);
	struct dirent *e;
	DIR *d;
	int n = 0;

	if (dir == NULL || (d = opendir(dir)) == NULL) {
		free(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		n++;
		if (rm) {
			char *p = xasprintf("%s/%s", dir, e->d_name);
			unlink(p);
			free(p);
		}
	}
	closedir(d);
	if (rm) {
		rmdir(dir);
		char *top = path_folder(dir);
		rmdir(top);
		free(top);
	}
	free(dir);
	return n;
}

static void
in_book(void)
{
	char err[ERR_SIZE] = "", *text = NULL, msg[ERR_SIZE] = "", msg2[128];
	struct riba_result res;
	int64_t rossi, verdi, inv1, inv2, inv3, bank, i1, i2, i3, i4, entry, pair[2];
	struct record *r;
	size_t len = 0;

	fx_company(book, "Alfa Srl", "01234567897", "", "");
	rossi = fx_customer(book, "Rossi Srl", "09876543217");
	verdi = fx_customer(book, "Verdi Spa", "00743110157");
	bank = q_int("SELECT id FROM pn_accounts WHERE name = 'Banca'");
	set_field(&parties_kind, rossi, PARTY_BANK_ABI, "03069");
	set_field(&parties_kind, rossi, PARTY_BANK_CAB, "09606");
	inv1 = invoice(rossi, "2026-05-10", "2026-06-30", "2026-07-31");
	inv2 = invoice(rossi, "2026-05-12", "2026-06-15", NULL);
	inv3 = invoice(verdi, "2026-05-13", "2026-08-31", NULL);
	i1 = q_int("SELECT id FROM open_items WHERE document_id = %lld AND seq = 1", inv1);
	i2 = q_int("SELECT id FROM open_items WHERE document_id = %lld AND seq = 2", inv1);
	i3 = q_int("SELECT id FROM open_items WHERE document_id = %lld", inv2);
	i4 = q_int("SELECT id FROM open_items WHERE document_id = %lld", inv3);

	is_int(riba_present_range(book, "2026-06-01", "2026-06-30", 0, "2026-06-01", &res, err),
	       REC_INVALID, "the bank account has no IBAN: %s", err);
	ok(strstr(err, "IBAN") != NULL, "says so");
	set_field(&accounts_kind, bank, ACCOUNT_IBAN, "IT60X0542811101000000123456");
	is_int(riba_present_range(book, "2026-06-01", "2026-06-30", 0, "2026-06-01", &res, err),
	       REC_INVALID, "no SIA code in the profile: %s", err);
	ok(strstr(err, "SIA") != NULL, "says so");
	r = NULL;
	company_load(book, &r, err);
	record_set(r, COMPANY_SIA, "a1b2c");
	is_int(record_save(book, r, NULL, err), REC_INVALID, "a SIA code in lower case: %s", err);
	record_set(r, COMPANY_SIA, "A1B2C");
	is_int(record_save(book, r, NULL, err), 0, "the SIA code saved: %s", err);
	record_free(r);
	r = NULL;
	record_load(book, &parties_kind, verdi, &r, err);
	record_set(r, PARTY_BANK_ABI, "1234");
	is_int(record_save(book, r, NULL, err), REC_INVALID, "an ABI of 4 digits: %s", err);
	record_free(r);

	is_int(riba_present_range(book, "2026-06-01", "2026-08-31", 0, "2026-06-01", &res, err),
	       REC_INVALID, "Verdi has no bank: refused: %s", err);
	ok(strstr(err, "Verdi Spa") != NULL, "naming the customer");
	is_int(export_files(0), 0, "no file written");
	is_int(q_int("SELECT count(*) FROM open_items WHERE state = 'R'"), 0,
	       "no item presented");

	is_int(riba_present_range(book, "2026-06-01", "2026-06-30", 0, "2026-06-01", &res, err), 0,
	       "June's presented: %s", err);
	is_int((int64_t)res.count, 2, "two receipts");
	is_int(res.total, 61000 + 122000, "of their open amounts");
	ok(res.path != NULL && strstr(res.path, "/export/") != NULL &&
		   file_read_all(res.path, 100000, &text, &len, err) == 0,
	   "the file in the export folder: %s", res.path != NULL ? res.path : err);
	is_int((int64_t)len, (2 + 14) * 122, "its 16 records");
	ok(text != NULL && strstr(text, "FATT. FAT 1/2026 DEL 10/05/2026") != NULL,
	   "naming the invoice");
	free(text);
	free(res.path);
	is_str(q_text("SELECT group_concat(state || presented || riba_account, ' ') FROM "
		      "(SELECT * FROM open_items WHERE id IN (%lld, %lld) ORDER BY id)",
		      i1, i3),
	       bank == 2 ? "R2026-06-012 R2026-06-012" : "?", "both presented on the day, through Banca");
	is_str(q_text("SELECT state FROM open_items WHERE id = %lld", i2), "O",
	       "July's instalment is not");
	is_int(riba_present_range(book, "2026-06-01", "2026-06-30", 0, NULL, &res, err),
	       REC_INVALID, "a presented item is not offered again: %s", err);
	is_int(riba_present(book, &i1, 1, 0, NULL, &res, err), REC_INVALID,
	       "nor presented by name: %s", err);
	is_int(riba_present(book, &i4, 1, 0, NULL, &res, err), REC_INVALID,
	       "Verdi's alone is refused: %s", err);
	pair[0] = pair[1] = i2;
	is_int(riba_present(book, pair, 2, 0, NULL, &res, err), REC_INVALID,
	       "an item named twice is refused: %s", err);
	ok(strstr(err, "twice") != NULL, "saying so");

	/* the commands */
	r = NULL;
	record_load(book, &items_kind, i2, &r, err);
	ok(riba_cmd_applies_present(r) && !riba_cmd_applies_unpaid(r),
	   "an open receivable may be presented, not taken back");
	riba_cmd_preset_present(book, r, msg);
	is_str(msg, "31/07/2026 31/07/2026", "offered: its due date to its month's end");
	is_int(riba_cmd_present(book, r, "01/07/2026 31/07/2026 Cassa", NULL, msg, err),
	       REC_INVALID, "through Cassa, which has no IBAN: %s", err);
	is_int(riba_cmd_present(book, r, "01/07/2026", NULL, msg, err), REC_INVALID,
	       "one date is not a range: %s", err);
	is_int(riba_cmd_present(book, r, "01/06/2026 31/07/2026 Banca", NULL, msg, err), 0,
	       "June and July's: only July's is presented, June's were: %s", err);
	ok(strstr(msg, "1 receipt") != NULL && strstr(msg, "610,00") != NULL, "says it: %s", msg);
	record_free(r);
	record_load(book, &items_kind, i1, &r, err);
	ok(!riba_cmd_applies_present(r) && riba_cmd_applies_unpaid(r),
	   "a presented one may be taken back, not presented");
	is_int(riba_cmd_unpaid(book, r, "2,x", NULL, msg, err), REC_INVALID, "a fee that is no "
	       "amount: %s", err);
	is_int(riba_cmd_unpaid(book, r, "4,50", NULL, msg, err), 0, "unpaid, fee 4,50: %s", err);
	record_free(r);
	is_str(q_text("SELECT state || coalesce(presented, '-') || coalesce(riba_account, '-') "
		      "FROM open_items WHERE id = %lld", i1),
	       "O--", "open again, no longer presented");
	ok(strstr(q_text("SELECT notes FROM open_items WHERE id = %lld", i1), "unpaid") != NULL,
	   "its notes say it came back unpaid");
	entry = q_int("SELECT max(id) FROM pn_entries");
	snprintf(msg2, sizeof msg2, "-450 SB %lld %lld FAT 1/2026", (long long)bank,
		 (long long)rossi);
	is_str(q_text("SELECT amount || ' ' || causale || ' ' || account_id || ' ' || party_id || "
		      "' ' || doc_ref FROM pn_entries WHERE id = %lld", entry),
	       msg2, "the fee out of Banca, the customer's, SB");
	ok(strstr(msg, "450") == NULL && strstr(msg, "4,50") != NULL, "said: %s", msg);
	is_int(q_int("SELECT count(*) FROM item_links WHERE item_id = %lld", i1), 0,
	       "the fee pays nothing of the item");
	is_int(riba_unpaid(book, i1, 0, NULL, &entry, err), REC_INVALID,
	       "an open item is not unpaid: %s", err);
	is_int(riba_unpaid(book, i3, 0, "2026-07-02", &entry, err), 0, "no fee: %s", err);
	is_int(entry, 0, "no entry");
	is_str(q_text("SELECT state FROM open_items WHERE id = %lld", i3), "O", "open again");
	is_int(riba_present(book, &i3, 1, 0, "2026-07-03", &res, err), 0,
	       "presented again after: %s", err);
	free(res.path);
	is_int(export_files(1), 3, "three files were written");
}

int
main(void)
{
	struct temp_book t;

	charset();
	writer();
	writer_refusals();
	if ((book = temp_book_open(&t)) == NULL)
		return tap_done();
	in_book();
	temp_book_close(&t, book);
	return tap_done();
}
