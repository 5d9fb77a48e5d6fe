/* Dunning (src/book/dunning*.c): a customer's letter made from its overdue
 * items with their late-payment interest (worked by hand below), recorded
 * and read back, the next level one more up to 3, the history; nothing
 * overdue, a level out of range and a half-year without a rate refused;
 * the letter's text with its placeholders filled, the user's copy of the
 * text before the data folder's before the shipped one, an unknown
 * placeholder refused with the file and the line; the PDF; a blocked
 * customer's new document warned at issue, and issued; shown blocked on
 * the document (the form's fill, a quote's order and its message), not a
 * purchase's nor another customer's. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book/documents.h"
#include "book/dunning.h"
#include "book/items.h"
#include "book/record.h"
#include "bridge/doc-kind.h"
#include "doc-fixtures.h"

static struct book *book;
static struct temp_book tb;
static int64_t cust, other;

static int64_t
invoice(int64_t party, const char *date, const char *due1, const char *due2, char *warn)
{
	struct record *d = fx_draft("FAT", party, date);
	char err[ERR_SIZE] = "";
	int64_t id;

	fx_line(d, "Consulenza", "1.00", "1000.00", "1000.00", 0);
	record_set(d, DOC_TOTAL, "122000");
	record_set(d, DOC_PAYABLE, "122000");
	record_row_add(d, DOC_PAYMENTS, "mode", "MP05", "due", due1, "amount", "61000", NULL);
	record_row_add(d, DOC_PAYMENTS, "mode", "MP05", "due", due2, "amount", "61000", NULL);
	id = fx_save(book, d);
	record_free(d);
	if (document_issue(book, id, NULL, warn, err) < 0)
		ok(0, "issued: %s", err);
	return id;
}

/* Whether any of the n lines holds needle. */
static int
has(char **lines, size_t n, const char *needle)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(lines[i], needle) != NULL)
			return 1;
	return 0;
}

static void
lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n && n != (size_t)-1; i++)
		free(lines[i]);
	free(lines);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ok(f != NULL && fputs(text, f) >= 0 && fclose(f) == 0, "wrote %s", path);
}

static void
letters(void)
{
	char err[ERR_SIZE] = "", warn[DOC_WARN_SIZE] = "";
	struct dunning_letter l, back, *v;
	int level = 0;
	size_t n;

	invoice(cust, "2026-03-01", "2026-03-31", "2026-04-30", warn);
	/* as of 31/05/2026 (SCRIVANO_TODAY): 61 and 31 days late at 10.15%
	 * (2026H1) of 365: 61000 * 1015 * 61 / 3650000 = 1034.74 -> 1035 and
	 * 61000 * 1015 * 31 / 3650000 = 525.85 -> 526 */
	ok(dunning_prepare(book, cust, 1, NULL, &l, err) == 0, "a letter to Rossi %s", err);
	is_int(l.n, 2, "both instalments overdue");
	is_int(l.lines[0].days, 61, "the first 61 days late");
	is_int(l.lines[0].interest, 1035, "its interest 10,35");
	is_int(l.lines[1].days, 31, "the second 31 days late");
	is_int(l.lines[1].interest, 526, "its interest 5,26");
	is_int(l.open, 122000, "overdue 1220,00");
	is_int(l.interest, 1561, "interest 15,61 in all");
	ok(dunning_record(book, &l, err) == 0 && l.id > 0, "recorded %s", err);
	ok(dunning_load(book, l.id, &back, err) == 0 && back.level == 1 && back.n == 2 &&
		   back.interest == 1561 && back.lines[1].interest == 526 &&
		   strcmp(back.date, "2026-05-31") == 0 && strcmp(back.party, "Rossi Srl") == 0,
	   "read back as sent %s", err);
	dunning_letter_free(&back);
	dunning_letter_free(&l);
	ok(dunning_next_level(book, cust, &level, err) == 0 && level == 2, "the next level is 2");
	for (int i = 2; i <= 3; i++) {
		ok(dunning_prepare(book, cust, i, NULL, &l, err) == 0 && dunning_record(book, &l, err) == 0,
		   "level %d recorded %s", i, err);
		dunning_letter_free(&l);
	}
	ok(dunning_next_level(book, cust, &level, err) == 0 && level == 3, "after 3, 3 again");
	ok(dunning_next_level(book, other, &level, err) == 0 && level == 1, "a customer with none: 1");
	ok(dunning_history(book, cust, &v, &n, err) == 0 && n == 3 && v[0].level == 1 &&
		   v[2].level == 3 && v[2].n == 2,
	   "the history: three letters with their lines");
	for (size_t i = 0; i < n; i++)
		dunning_letter_free(&v[i]);
	free(v);
	ok(dunning_history(book, other, &v, &n, err) == 0 && n == 0, "none for the other");
	free(v);
	/* refusals */
	ok(dunning_prepare(book, other, 1, NULL, &l, err) == REC_INVALID &&
		   strstr(err, "nothing overdue") != NULL,
	   "nothing overdue: no letter (%s)", err);
	ok(dunning_prepare(book, cust, 4, NULL, &l, err) == REC_INVALID, "level 4 refused");
	ok(dunning_prepare(book, cust, 1, "2026-07-05", &l, err) == REC_INVALID &&
		   strstr(err, "no late-payment rate for the half-year from 01/07/2026") != NULL,
	   "a day of 2026H2 has no rate: refused (%s)", err);
	/* a day past its month's length is no date, whoever passes it (the
	 * CLI checks --date, the book must too) */
	{
		static const char *const nodays[] = { "2026-02-31", "2026-02-29", "2026-04-31",
						      "2026-06-31", "2026-13-01", "2026-00-10" };
		for (size_t i = 0; i < sizeof nodays / sizeof *nodays; i++) {
			err[0] = '\0';
			ok(dunning_prepare(book, cust, 1, nodays[i], &l, err) == REC_INVALID &&
				   strstr(err, "is not a date") != NULL,
			   "%s refused as no date (%s)", nodays[i], err);
		}
	}
	ok(dunning_history(book, cust, &v, &n, err) == 0 && n == 3, "nothing recorded by them");
	for (size_t i = 0; i < n; i++)
		dunning_letter_free(&v[i]);
	free(v);
}

static void
texts(void)
{
	char err[ERR_SIZE] = "", **lines = NULL, *path, *own, dir[600], pdf[600];
	struct dunning_letter l;
	size_t n;
	int64_t id;
	struct stat sb;

	ok(dunning_last(book, cust, &id, err) == 0 && id > 0, "the last letter");
	ok(dunning_load(book, id, &l, err) == 0, "loaded");
	l.level = 1;
	path = dunning_letter_file(book, 1, err);
	ok(path != NULL && strstr(path, "letters/dunning-1.en.txt") != NULL &&
		   strncmp(path, tb.dir, strlen(tb.dir)) != 0,
	   "the shipped text: %s", path != NULL ? path : err);
	free(path);
	n = dunning_letter_text(book, &l, &lines, err);
	ok(n != (size_t)-1, "the shipped level 1 renders %s", n == (size_t)-1 ? err : "");
	if (n != (size_t)-1) {
		ok(has(lines, n, "Rossi Srl") && has(lines, n, "Acme Srl"), "the party and the company");
		ok(has(lines, n, "1.220,00") && has(lines, n, "15,61"), "overdue and interest");
		ok(has(lines, n, "10,35") && has(lines, n, "5,26") && has(lines, n, "31/03/2026") == 0,
		   "each item's interest (dates the English way)");
		ok(has(lines, n, "10,15% from 2026-01-01"), "the rate of the half-year");
		ok(!has(lines, n, "{") && !has(lines, n, "# "), "no placeholder nor comment left");
		for (size_t i = 0; i < n; i++)
			ok(utf8_len(lines[i]) <= 76, "line %zu fits 76 columns", i);
	}
	lines_free(lines, n);
	/* the data folder's copy, then the book's own */
	snprintf(dir, sizeof dir, "%s/letters", tb.dir);
	mkdir(dir, 0700);
	own = xasprintf("%s/dunning-1.en.txt", dir);
	write_file(own, "# the office's\nDear {party}, pay {total} by {date}.\n");
	n = dunning_letter_text(book, &l, &lines, err);
	ok(n == 1 && strcmp(lines[0], "Dear Rossi Srl, pay 1.235,61 by 2026-05-31.") == 0,
	   "the data folder's copy before the shipped one");
	lines_free(lines, n);
	free(own);
	snprintf(dir, sizeof dir, "%s/letters/book", tb.dir);
	mkdir(dir, 0700);
	own = xasprintf("%s/dunning-1.en.txt", dir);
	write_file(own, "Own {party}\n{items}\nbad {nonsense} here\n");
	n = dunning_letter_text(book, &l, &lines, err);
	ok(n == (size_t)-1 && strstr(err, "letters/book/dunning-1.en.txt:3: {nonsense} is not a "
					  "placeholder") != NULL,
	   "the book's own copy first; an unknown placeholder refused with file and line: %s", err);
	{
		struct record *p = NULL;
		char msg[ERR_SIZE] = "";
		int64_t open_id = 0, before;
		before = atoll(book_query(book, "SELECT count(*) FROM dunning_letters"));
		ok(record_load(book, &parties_kind, cust, &p, err) == 0 &&
			   dunning_run_letter(book, p, "1", &open_id, msg, err) == REC_INVALID &&
			   strstr(err, "{nonsense}") != NULL &&
			   atoll(book_query(book, "SELECT count(*) FROM dunning_letters")) == before,
		   "the customer's Reminder letter refuses a text it cannot make, recording nothing");
		ok(dunning_run_letter(book, p, "4", &open_id, msg, err) == REC_INVALID,
		   "and a level 4");
		record_free(p);
	}
	write_file(own, "Own {party}\n{items}\n");
	n = dunning_letter_text(book, &l, &lines, err);
	ok(n == 5 && strcmp(lines[0], "Own Rossi Srl") == 0 && strstr(lines[2], "10,35") != NULL &&
		   strstr(lines[4], "15,61") != NULL,
	   "{items} is the table: headings, the items, the total");
	lines_free(lines, n);
	/* hostile texts: a NUL byte, bytes not UTF-8, a control character */
	lines = NULL;
	{
		FILE *f = fopen(own, "w");
		ok(f != NULL && fwrite("Dear {party}\n\0pay now\n", 1, 22, f) == 22 &&
			   fclose(f) == 0,
		   "wrote a text with a NUL byte");
	}
	n = dunning_letter_text(book, &l, &lines, err);
	ok(n == (size_t)-1 && strstr(err, "dunning-1.en.txt: not a text file") != NULL,
	   "a NUL byte refused, not the letter cut short: %s", err);
	lines_free(lines, n);
	lines = NULL;
	write_file(own, "Dear {party}\nPay \xe0 now\n");
	n = dunning_letter_text(book, &l, &lines, err);
	ok(n == (size_t)-1 && strstr(err, "dunning-1.en.txt:2: ") != NULL,
	   "bytes not UTF-8 refused with file and line: %s", err);
	lines_free(lines, n);
	lines = NULL;
	write_file(own, "Dear {party}\n\033[2JPay now\n");
	n = dunning_letter_text(book, &l, &lines, err);
	ok(n == (size_t)-1 && strstr(err, "dunning-1.en.txt:2: ") != NULL,
	   "a control character (an escape) refused: %s", err);
	lines_free(lines, n);
	lines = NULL;
	write_file(own, "Dear {party}\r\n\tPay now\r\n");
	n = dunning_letter_text(book, &l, &lines, err);
	ok(n == 2 && strcmp(lines[0], "Dear Rossi Srl") == 0 && strcmp(lines[1], " Pay now") == 0,
	   "CR LF line ends and a tab are text: %s", n == (size_t)-1 ? err : "");
	lines_free(lines, n);
	lines = NULL;
	unlink(own);
	free(own);
	own = xasprintf("%s/letters/dunning-1.en.txt", tb.dir);
	unlink(own);
	free(own);
	rmdir(dir);
	snprintf(dir, sizeof dir, "%s/letters", tb.dir);
	rmdir(dir);
	/* the PDF */
	snprintf(pdf, sizeof pdf, "%s/letter.pdf", tb.dir);
	ok(dunning_letter_pdf(book, &l, pdf, 0, err) == 0 && stat(pdf, &sb) == 0 && sb.st_size > 1000,
	   "the PDF written %s", err);
	unlink(pdf);
	dunning_letter_free(&l);
}

/* Names of 121 characters (their fields' most) of two and three bytes
 * each: whole in the letter, and every line of it and of the history
 * UTF-8, never a character cut. */
static void
long_names(void)
{
	char err[ERR_SIZE] = "", **lines = NULL, sql[1024], party[300] = "", company[400] = "";
	char *own, dir[600];
	struct buf all = { 0 };
	struct dunning_letter l;
	size_t n;
	int valid = 1;

	for (int i = 0; i < 121; i++) {
		strcat(party, "\xc3\x92"); /* O grave */
		strcat(company, "\xe2\x82\xac"); /* the euro sign */
	}
	snprintf(sql, sizeof sql, "UPDATE parties SET name = '%s' WHERE id = %lld", party,
		 (long long)cust);
	book_query(book, sql);
	snprintf(sql, sizeof sql, "UPDATE company SET name = '%s'", company);
	book_query(book, sql);
	snprintf(dir, sizeof dir, "%s/letters", tb.dir);
	mkdir(dir, 0700);
	own = xasprintf("%s/dunning-1.en.txt", dir);
	write_file(own, "{party}\n{company}\n");
	ok(dunning_prepare(book, cust, 1, NULL, &l, err) == 0 && strcmp(l.party, party) == 0,
	   "the letter names the customer whole %s", err);
	n = dunning_letter_text(book, &l, &lines, err);
	for (size_t i = 0; i < n && n != (size_t)-1; i++) {
		buf_adds(&all, lines[i]);
		valid &= utf8_valid_text(lines[i]);
	}
	ok(n != (size_t)-1 && all.data != NULL && valid &&
		   strncmp(all.data, party, strlen(party)) == 0 &&
		   strcmp(all.data + strlen(party), company) == 0,
	   "{party} and {company} whole, every line UTF-8 %s", n == (size_t)-1 ? err : "");
	lines_free(lines, n);
	buf_free(&all);
	n = dunning_history_text(&l, 1, &lines);
	valid = 1;
	for (size_t i = 0; i < n; i++)
		valid &= utf8_valid_text(lines[i]);
	ok(n > 0 && valid && has(lines, n, "\xc3\x92\xc3\x92"), "the history's lines UTF-8");
	lines_free(lines, n);
	dunning_letter_free(&l);
	unlink(own);
	free(own);
	rmdir(dir);
	book_query(book, "UPDATE company SET name = 'Acme Srl'");
	snprintf(sql, sizeof sql, "UPDATE parties SET name = 'Rossi Srl' WHERE id = %lld",
		 (long long)cust);
	book_query(book, sql);
}

/* The document's computed field: "1" when its customer is blocked. */
static const char *
party_blocked(int64_t id)
{
	static char v[8];
	struct record *d = NULL;
	char err[ERR_SIZE] = "";

	if (record_load(book, &documents_kind, id, &d, err) < 0) {
		ok(0, "document %lld loaded: %s", (long long)id, err);
		return "?";
	}
	snprintf(v, sizeof v, "%s", record_get(d, DOC_PARTY_BLOCKED));
	record_free(d);
	return v;
}

/* The screens' form shows it as the customer is chosen (the kind's fill),
 * and a conversion's message says it; a purchase never shows it. */
static void
blocked_on_documents(void)
{
	const struct record_kind *k = documents_ui_kind();
	const struct record_command *to_order = NULL;
	struct record *d = record_new(k);
	char err[ERR_SIZE] = "", msg[ERR_SIZE] = "", id[24], warn[DOC_WARN_SIZE] = "";
	int64_t quote, open = 0;

	snprintf(id, sizeof id, "%lld", (long long)other);
	record_set(d, DOC_PARTY, id);
	ok(k->fill(book, d, RECORD_PARENT, 0, DOC_PARTY, err) == 0, "filled %s", err);
	is_str(record_get(d, DOC_PARTY_BLOCKED), "1", "the blocked customer chosen: shown at once");
	snprintf(id, sizeof id, "%lld", (long long)cust);
	record_set(d, DOC_PARTY, id);
	ok(k->fill(book, d, RECORD_PARENT, 0, DOC_PARTY, err) == 0, "filled %s", err);
	is_str(record_get(d, DOC_PARTY_BLOCKED), "", "another customer chosen: not shown");
	record_free(d);

	for (size_t i = 0; i < k->ncommands; i++)
		if (strcmp(k->commands[i].name, "to-order") == 0)
			to_order = &k->commands[i];
	ok(to_order != NULL, "a quote converts to an order");
	if (to_order == NULL)
		return;
	d = fx_draft("PRE", other, "2026-05-03");
	fx_line(d, "Consulenza", "1.00", "1000.00", "1000.00", 0);
	quote = fx_save(book, d);
	ok(document_issue(book, quote, NULL, warn, err) == 0, "the quote issued %s", err);
	ok(to_order->run(book, d, NULL, &open, msg, err) == 0, "converted %s", err);
	ok(strstr(msg, "for a blocked customer (Bianchi Srl)") != NULL,
	   "the order's message says its customer is blocked: %s", msg);
	is_str(party_blocked(open), "1", "and the order shows it");
	record_free(d);

	d = fx_draft("PRE", cust, "2026-05-03");
	fx_line(d, "Consulenza", "1.00", "1000.00", "1000.00", 0);
	quote = fx_save(book, d);
	ok(document_issue(book, quote, NULL, warn, err) == 0, "the quote issued %s", err);
	msg[0] = '\0';
	ok(to_order->run(book, d, NULL, &open, msg, err) == 0, "converted %s", err);
	ok(strstr(msg, "A new draft") != NULL && strstr(msg, "blocked") == NULL,
	   "an unblocked customer's order says nothing of it: %s", msg);
	record_free(d);

	d = fx_draft("FA", other, "2026-05-04");
	record_set(d, DOC_TYPE, "TD01");
	fx_line(d, "Materiale", "1.00", "100.00", "100.00", 0);
	is_str(party_blocked(fx_save(book, d)), "", "a purchase from it does not show it");
	record_free(d);
}

static void
blocked(void)
{
	char err[ERR_SIZE] = "", warn[DOC_WARN_SIZE] = "";
	struct record *p = NULL;

	int64_t before = invoice(other, "2026-05-01", "2026-06-30", "2026-07-31", warn);
	ok(strstr(warn, "blocked") == NULL, "not blocked: no warning (%s)", warn);
	is_str(party_blocked(before), "", "not blocked: the document does not show it");
	{
		struct dunning_letter l;
		ok(dunning_prepare(book, other, 1, NULL, &l, err) == REC_INVALID,
		   "items not due yet are not in a letter: nothing overdue");
	}
	ok(record_load(book, &parties_kind, other, &p, err) == 0, "the customer %s", err);
	record_set(p, PARTY_BLOCKED, "1");
	ok(record_save(book, p, NULL, err) == 0, "marked blocked %s", err);
	record_free(p);
	invoice(other, "2026-05-02", "2026-06-30", "2026-07-31", warn);
	ok(strstr(warn, "Bianchi Srl is blocked for new documents") != NULL,
	   "a blocked customer's new invoice warns: %s", warn);
	is_str(book_query(book, "SELECT count(*) FROM documents WHERE party_id = 2 AND state <> 'D'"),
	       "2", "and is issued all the same");
	is_str(party_blocked(before), "1", "one made before it was blocked shows it too");
	blocked_on_documents();
}

int
main(void)
{
	setenv("SCRIVANO_TODAY", "2026-05-31", 1);
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	fx_company(book, "Acme Srl", "01234567897", "0000000", NULL);
	cust = fx_customer(book, "Rossi Srl", "01234567897");
	other = fx_customer(book, "Bianchi Srl", "00743110157");
	letters();
	texts();
	long_names();
	blocked();
	temp_book_close(&tb, book);
	return tap_done();
}
