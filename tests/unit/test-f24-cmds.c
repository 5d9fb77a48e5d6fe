/* The F24's commands (src/book/f24-cmds.c) against a temporary book: the
 * latest period of the rows and the due date offered from it; To pay (state
 * and due date written, a past date, a paid F24 or a template refused with
 * nothing written); Copy (a new draft, the rows' periods one month on:
 * IVA mensile 6003 to 6004, December 6012 to January 6001 of the next year
 * with the anno of the rows that give no month, INPS mm/aaaa da and a);
 * Template (marked, never to pay, its copy a plain draft); the kind's
 * command table as form and list see it. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "book-fixtures.h"
#include "book/company.h"
#include "book/f24.h"
#include "book/record.h"
#include "tap.h"
#include "util/util.h"

static struct book *book;

static struct record *
new_form(const char *description)
{
	struct record *f = record_new(&f24_kind);

	record_set(f, F24_DESCRIPTION, description);
	record_set(f, F24_CF, "12345678903");
	record_set(f, F24_NAME, "Rossi Srl");
	if (f->rows == NULL)
		f->rows = xcalloc(f24_kind.nchildren, sizeof *f->rows);
	return f;
}

static struct record *
saved(struct record *f)
{
	struct record_fault fault;
	char err[ERR_SIZE];

	if (record_save_ex(book, f, &fault, err) < 0)
		printf("# not saved: %s\n", err);
	return f;
}

static struct record *
load(int64_t id)
{
	struct record *r = NULL;
	char err[ERR_SIZE];

	if (record_load(book, &f24_kind, id, &r, err) < 0)
		printf("# not loaded: %s\n", err);
	return r;
}

static const char *
row_value(const struct record *f, int s, size_t i, const char *field)
{
	int k = record_field_index(f24_kind.children[s].kind, field);

	if (f == NULL || i >= f->rows[s].n || k < 0)
		return "(none)";
	return record_get(f->rows[s].row[i], (size_t)k);
}

static void
periods(void)
{
	struct record *f = new_form("Periodi");
	char due[11];
	int y = 0, m = 0;

	ok(!f24_latest_period(f, &y, &m), "no rows: no period");
	f24_due_offer(f, "2026-03-05", due);
	is_str(due, "2026-03-16", "no period: last month's due date, 16/03 (a Monday)");
	record_row_add(f, F24_ERARIO, "code", "1001", "year", "2026", "debit", "100", NULL);
	ok(!f24_latest_period(f, &y, &m), "an anno alone gives no month");
	record_row_add(f, F24_ERARIO, "code", "6003", "year", "2026", "debit", "100", NULL);
	ok(f24_latest_period(f, &y, &m) && y == 2026 && m == 3, "6003 of 2026 is March 2026");
	f24_due_offer(f, "2026-01-10", due);
	is_str(due, "2026-04-16", "its due date: 16/04/2026");
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "DM10", "period_from", "02/2026",
		"period_to", "04/2026", "debit", "100", NULL);
	ok(f24_latest_period(f, &y, &m) && y == 2026 && m == 4,
	   "an INPS period to 04/2026 is later");
	f24_due_offer(f, "2026-01-10", due);
	is_str(due, "2026-05-18", "16/05/2026 is a Saturday: Monday 18/05");
	f24_due_offer(f, "2026-05-30", due);
	is_str(due, "2026-06-01", "never before today's working day");
	ok(f24_date_parse("16/04/2026", due) == 0 && strcmp(due, "2026-04-16") == 0,
	   "16/04/2026 is read as 2026-04-16");
	ok(f24_date_parse("2026-04-16", due) == 0, "an ISO date is read too");
	ok(f24_date_parse("31/02/2026", due) < 0, "31/02/2026 is no date");
	ok(f24_date_parse("16/04", due) < 0, "16/04 alone is no date");
	record_free(f);
}

static void
to_pay(void)
{
	struct record *f = saved(new_form("Da pagare")), *back;
	char err[ERR_SIZE] = "", before[64];

	record_row_add(f, F24_ERARIO, "code", "6003", "year", "2026", "debit", "12345", NULL);
	saved(f);
	str_copy(before, book_query(book, "SELECT state || due_date || version FROM f24 WHERE description "
			       "= 'Da pagare'"),
		 sizeof before);
	ok(f24_to_pay(book, f, "2026-04-15", "2026-04-16", err) == REC_INVALID &&
		   strstr(err, "past") != NULL,
	   "a due date before today is refused: %s", err);
	is_str(book_query(book, "SELECT state || due_date || version FROM f24 WHERE description = 'Da "
		     "pagare'"),
	       before, "and nothing is written");
	ok(f24_to_pay(book, f, "2026-04-16", "2026-04-16", err) == 0, "to pay by today: %s", err);
	is_str(book_query(book, "SELECT state || ' ' || due_date FROM f24 WHERE description = 'Da pagare'"),
	       "T 2026-04-16", "the book has it to pay by 16/04/2026");
	back = load(f->id);
	ok(back != NULL && f24_to_pay(book, back, "2026-05-16", "2026-04-16", err) ==
				   REC_INVALID,
	   "one already to pay is refused: %s", err);
	ok(back != NULL && !f24_commands[0].applies(back), "To pay is not offered for it");
	ok(back != NULL && f24_commands[1].applies == NULL, "Copy is offered for any F24");
	record_free(back);
	record_free(f);
}

static void
copy(void)
{
	struct record *f = new_form("Dicembre"), *c;
	char err[ERR_SIZE] = "";
	int64_t id = 0;

	record_row_add(f, F24_ERARIO, "code", "6012", "year", "2025", "debit", "50000", NULL);
	record_row_add(f, F24_ERARIO, "code", "1001", "year", "2025", "debit", "20000", NULL);
	record_row_add(f, F24_ERARIO, "code", "6099", "year", "2025", "credit", "10000", NULL);
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "DM10", "matricola", "4912345678",
		"period_from", "11/2025", "period_to", "12/2025", "debit", "30000", NULL);
	record_row_add(f, F24_REGIONI, "region", "10", "code", "3802", "year", "2025", "debit", "700",
		NULL);
	record_row_add(f, F24_LOCALI, "ente", "F205", "code", "3918", "year", "2025", "debit", "900",
		NULL);
	record_set(f, F24_STATE, "T");
	record_set(f, F24_DUE_DATE, "2026-01-16");
	saved(f);
	ok(f24_copy(book, f, &id, err) == 0 && id != 0 && id != f->id, "copied: %s", err);
	c = load(id);
	ok(c != NULL, "the copy is in the book");
	if (c == NULL) {
		record_free(f);
		return;
	}
	is_str(record_get(c, F24_STATE), "D", "the copy is a draft");
	is_str(record_get(c, F24_DUE_DATE), "", "with no due date");
	is_str(record_get(c, F24_CF), "12345678903", "the same contribuente");
	is_int(c->rows[F24_ERARIO].n, 3, "the same three Erario rows");
	is_str(row_value(c, F24_ERARIO, 0, "code"), "6001", "IVA dicembre becomes IVA gennaio");
	is_str(row_value(c, F24_ERARIO, 0, "year"), "2026", "of the next year");
	is_str(row_value(c, F24_ERARIO, 0, "debit"), "50000", "its amount kept");
	is_str(row_value(c, F24_ERARIO, 1, "year"), "2026",
	   "a row with no month takes the next year with January");
	is_str(row_value(c, F24_ERARIO, 2, "credit"), "10000", "the credit row kept");
	is_str(row_value(c, F24_INPS, 0, "period_from"), "12/2025", "INPS da 11/2025 -> 12/2025");
	is_str(row_value(c, F24_INPS, 0, "period_to"), "01/2026", "INPS a 12/2025 -> 01/2026");
	is_str(row_value(c, F24_INPS, 0, "matricola"), "4912345678", "the matricola kept");
	is_str(row_value(c, F24_REGIONI, 0, "year"), "2026", "the Regioni row's anno rolls too");
	is_str(row_value(c, F24_LOCALI, 0, "ente"), "F205", "the IMU row's comune kept");
	is_str(row_value(f, F24_ERARIO, 0, "code"), "6012", "the original in memory unchanged");
	is_str(book_query(book, "SELECT group_concat(code || '/' || year) FROM f24_erario WHERE f24_id = "
		     "(SELECT min(id) FROM f24 WHERE description = 'Dicembre')"),
	       "6012/2025,1001/2025,6099/2025", "the original in the book unchanged");
	record_free(c);
	record_free(f);

	f = new_form("Marzo");
	record_row_add(f, F24_ERARIO, "code", "6003", "year", "2026", "debit", "100", NULL);
	record_row_add(f, F24_ERARIO, "code", "1001", "year", "2026", "debit", "100", NULL);
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "CF", "period_from", "03/2026",
		"debit", "100", NULL);
	saved(f);
	ok(f24_copy(book, f, &id, err) == 0, "March copied: %s", err);
	c = load(id);
	is_str(row_value(c, F24_ERARIO, 0, "code"), "6004", "6003 becomes 6004");
	is_str(row_value(c, F24_ERARIO, 0, "year"), "2026", "in the same year");
	is_str(row_value(c, F24_ERARIO, 1, "year"), "2026", "a row with no month keeps its anno");
	is_str(row_value(c, F24_INPS, 0, "period_from"), "04/2026", "INPS da 03 -> 04/2026");
	is_str(row_value(c, F24_INPS, 0, "period_to"), "", "an empty a stays empty");
	record_free(c);
	record_free(f);
}

static void
templates(void)
{
	struct record *f = new_form("Modello"), *back, *c;
	struct record_fault fault;
	char err[ERR_SIZE] = "";
	int64_t id = 0;

	record_row_add(f, F24_ERARIO, "code", "1001", "year", "2026", "debit", "100", NULL);
	saved(f);
	ok(f24_commands[2].applies(f), "Template is offered for a draft");
	ok(f24_make_template(book, f, err) == 0, "made a template: %s", err);
	is_str(book_query(book, "SELECT template FROM f24 WHERE description = 'Modello'"), "1",
	       "the book marks it");
	back = load(f->id);
	ok(back != NULL && !f24_commands[0].applies(back), "To pay is not offered for a template");
	ok(back != NULL && !f24_commands[2].applies(back), "nor Template again");
	ok(back != NULL && f24_to_pay(book, back, "2099-01-01", "2026-01-01", err) ==
				   REC_INVALID,
	   "a template is not set to pay: %s", err);
	record_set(back, F24_STATE, "T");
	record_set(back, F24_DUE_DATE, "2099-01-01");
	ok(record_save_ex(book, back, &fault, err) == REC_INVALID && fault.field == F24_TEMPLATE,
	   "nor saved to pay by hand: %s", err);
	is_str(book_query(book, "SELECT state FROM f24 WHERE description = 'Modello'"), "D",
	       "it stays a draft");
	record_free(back);
	back = load(f->id);
	ok(back != NULL && f24_copy(book, back, &id, err) == 0, "a template is copied: %s", err);
	c = load(id);
	ok(c != NULL && strcmp(record_get(c, F24_TEMPLATE), "0") == 0 &&
		   strcmp(record_get(c, F24_STATE), "D") == 0,
	   "into a plain draft");
	ok(c != NULL && f24_commands[0].applies(c), "which may be set to pay");
	record_free(c);
	record_free(back);
	record_free(f);
}

static void
table(void)
{
	is_int((long long)f24_kind.ncommands, 8, "the F24 kind has its eight commands (the payment's four after these, then the PDF)");
	is_str(f24_kind.commands[0].name, "to-pay", "to-pay");
	ok(f24_kind.commands[0].ask == RECORD_ASK_TEXT && f24_kind.commands[0].preset != NULL,
	   "to-pay asks a date, offered");
	is_str(f24_kind.commands[1].name, "copy", "copy");
	is_str(f24_kind.commands[2].name, "template", "template");
}

int
main(void)
{
	struct temp_book tb;

	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	periods();
	to_pay();
	copy();
	templates();
	table();
	temp_book_close(&tb, book);
	return tap_done();
}
