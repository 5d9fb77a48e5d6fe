/* The F24 (issue 13, first step) against a temporary book: the shipped code
 * lists; a new form's contribuente from the company profile; a form with
 * Erario, INPS and IMU rows saved, its totals and saldo finale; every
 * refusal rule (wrong section, anno, rateazione NNRR, mese rif., credit
 * not allowed, period da after a, saldo finale below zero), each writing
 * nothing; and the due date by the 16th rule over weekends and holidays. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "book-fixtures.h"
#include "book/company.h"
#include "book/f24.h"
#include "book/record.h"
#include "tap.h"
#include "util/codelist.h"
#include "util/util.h"

static struct book *book;

static struct record *
new_form(void)
{
	struct record *f;
	char err[ERR_SIZE];

	if (f24_new(book, &f, err) < 0) {
		printf("# %s\n", err);
		f = record_new(&f24_kind);
	}
	record_set(f, F24_DESCRIPTION, "Prova");
	if (f->rows == NULL)
		f->rows = xcalloc(f24_kind.nchildren, sizeof *f->rows);
	return f;
}

/* Saving f is refused with a message holding want, and the book keeps
 * its F24s as they were. */
static void
refused(struct record *f, const char *want, const char *what)
{
	char err[ERR_SIZE] = "", before[64];
	struct record_fault fault;
	int rc;

	str_copy(before, book_query(book, "SELECT count(*) || '/' || coalesce(sum(version), 0) FROM f24"),
		 sizeof before);
	rc = record_save_ex(book, f, &fault, err);
	ok(rc == REC_INVALID && strstr(err, want) != NULL, "%s refused: %s", what, err);
	is_str(book_query(book, "SELECT count(*) || '/' || coalesce(sum(version), 0) FROM f24"), before,
	       "%s: nothing written", what);
	record_free(f);
}

static void
code_lists(void)
{
	static const char *const must[] = {
		"1001", "1040", "6001", "6012", "6031", "6034", "6099", "6013", "6035",
		"4001", "4033", "4034", "2001", "2002", "2003", "3800", "3812", "3813",
		"3918", "3912", "1668", "8904", "1991", "2521", "2522", "2523", "1500",
		"1510",
	};
	char err[ERR_SIZE];
	const struct codelist *l = codelist_shared(CODELIST_F24_CODES, err);
	struct f24_code c;
	size_t bad = 0;

	ok(l != NULL, "the codici tributo load: %s", l ? "" : err);
	for (size_t i = 0; l != NULL && i < l->n; i++)
		if (f24_code_parse(l->v[i].text, &c, err) < 0) {
			printf("# %s: %s\n", l->v[i].code, err);
			bad++;
		}
	ok(l != NULL && bad == 0, "every codice tributo has section, references and credit");
	for (size_t i = 0; i < ARRAY_LEN(must); i++)
		ok(f24_code_find(must[i], &c, err) == 1, "DOMAIN.md's %s is shipped", must[i]);
	ok(f24_code_find("3918", &c, err) == 1 && strcmp(c.section, "EL") == 0,
	   "3918 is IMU e altri tributi locali");
	ok(f24_code_find("6099", &c, err) == 1 && c.credit && (c.refs & F24_REF_YEAR),
	   "6099 needs the anno and allows a credit");
	ok(f24_code_find("1668", &c, err) == 1 && (c.refs & F24_REF_RATE),
	   "1668 needs the rateazione");
	ok(f24_code_find("1500", &c, err) == 1 && strcmp(c.section, "ID") == 0 && !c.credit,
	   "1500 is Elide, no credit");
	ok(f24_code_find("0000", &c, err) == 0, "an unknown code is not found");
	ok(f24_code_parse("XX A - x", &c, err) < 0, "a bad section is a mistake: %s", err);
	ok(f24_code_parse("ER Q - x", &c, err) < 0, "a bad reference letter is a mistake");
	ok(f24_code_parse("ER A Y x", &c, err) < 0, "a bad credit mark is a mistake");
	ok(f24_code_parse("ER A C", &c, err) < 0, "no description is a mistake");
	l = codelist_shared(CODELIST_F24_REGIONS, err);
	ok(l != NULL && l->n == 21 && strcmp(l->v[0].code, "01") == 0 &&
		   strcmp(l->v[20].code, "21") == 0,
	   "the regions are 01 to 21");
	ok(codelist_has(CODELIST_F24_REGIONS, "10", err) == 1 &&
		   codelist_has(CODELIST_F24_REGIONS, "22", err) == 0,
	   "10 is a region, 22 is not");
	ok(codelist_has(CODELIST_F24_INPS, "DM10", err) == 1 &&
		   codelist_has(CODELIST_F24_INPS, "CXX", err) == 1 &&
		   codelist_has(CODELIST_F24_INPS, "RC01", err) == 1,
	   "DM10, CXX and RC01 are INPS causali");
}

static void
contribuente(void)
{
	struct record *c, *f;
	char err[ERR_SIZE];
	size_t bad;

	if (company_load(book, &c, err) < 0) {
		ok(0, "company loads: %s", err);
		return;
	}
	record_set(c, COMPANY_NAME, "Rossi Srl");
	record_set(c, COMPANY_PIVA, "12345678903");
	record_set(c, COMPANY_CITY, "Milano");
	record_set(c, COMPANY_PROVINCE, "MI");
	ok(record_save(book, c, &bad, err) == 0, "the company profile is saved: %s", err);
	record_free(c);
	ok(f24_new(book, &f, err) == 0, "a new F24");
	is_str(record_get(f, F24_CF), "12345678903", "its codice fiscale is the company's");
	is_str(record_get(f, F24_NAME), "Rossi Srl", "its name is the company's");
	is_str(record_get(f, F24_CITY), "Milano", "its domicilio fiscale is the company's");
	is_str(record_get(f, F24_STATE), "D", "it is a draft");
	record_free(f);
}

static void
good_form(void)
{
	struct record *f = new_form(), *back;
	struct record_fault fault;
	struct f24_totals t;
	char err[ERR_SIZE];

	record_row_add(f, F24_ERARIO, "code", "6001", "year", "2026", "debit", "100000", NULL);
	record_row_add(f, F24_ERARIO, "code", "6099", "year", "2025", "credit", "130000", NULL);
	record_row_add(f, F24_ERARIO, "code", "1668", "year", "2025", "rate", "0203", "debit", "1250",
		NULL);
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "DM10", "matricola", "4912345678",
		"period_from", "01/2026", "debit", "80000", NULL);
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "CF", "period_from", "01/2026",
		"period_to", "03/2026", "debit", "1000", NULL);
	record_row_add(f, F24_REGIONI, "region", "10", "code", "3800", "year", "2025", "debit", "5000",
		NULL);
	record_row_add(f, F24_LOCALI, "ente", "F205", "acconto", "1", "immobili", "2", "code", "3918",
		"year", "2026", "debit", "40000", NULL);
	f24_totals(f, &t);
	is_int(t.debit[F24_ERARIO], 101250, "Erario total A (debits)");
	is_int(t.credit[F24_ERARIO], 130000, "Erario total B (credits)");
	is_int(t.saldo[F24_ERARIO], -28750, "Erario saldo A-B: its credit exceeds its debits");
	is_int(t.debit[F24_INPS], 81000, "INPS total A");
	is_int(t.saldo[F24_REGIONI], 5000, "Regioni saldo");
	is_int(t.saldo[F24_LOCALI], 40000, "IMU saldo");
	is_int(t.saldo_finale, 97250, "saldo finale: the Erario credit offsets the others");
	ok(record_save_ex(book, f, &fault, err) == 0, "the F24 is saved: %s", err);
	ok(record_load(book, &f24_kind, f->id, &back, err) == 0, "and read back");
	if (back != NULL) {
		is_int(back->rows[F24_ERARIO].n, 3, "three Erario rows");
		is_int(back->rows[F24_LOCALI].n, 1, "one IMU row");
		is_str(record_get(back, F24_SALDO), "97250", "the book's saldo finale");
		record_free(back);
	}
	record_set(f, F24_STATE, "T");
	ok(record_save_ex(book, f, &fault, err) == REC_INVALID, "to pay without a due date: %s",
	   err);
	record_set(f, F24_DUE_DATE, "2026-02-16");
	ok(record_save_ex(book, f, &fault, err) == 0, "to pay with its due date: %s", err);
	record_set(f, F24_STATE, "P");
	ok(record_save_ex(book, f, &fault, err) == REC_INVALID,
	   "paid without a payment date: %s", err);
	record_free(f);
}

static void
refusals(void)
{
	struct record *f;

	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "3918", "year", "2026", "debit", "100", NULL);
	refused(f, "goes in the IMU e altri tributi locali section", "3918 in Erario");
	f = new_form();
	record_row_add(f, F24_LOCALI, "ente", "F205", "code", "6001", "year", "2026", "debit", "100", NULL);
	refused(f, "goes in the Erario section", "6001 in IMU");
	f = new_form();
	record_row_add(f, F24_REGIONI, "region", "10", "code", "1500", "year", "2026", "debit", "100",
		NULL);
	refused(f, "goes in the Elide section", "an Elide code in Regioni");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "9876", "year", "2026", "debit", "100", NULL);
	refused(f, "is not in data/f24-codici.txt", "an unknown code");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "6001", "debit", "100", NULL);
	refused(f, "rule: anno required", "6001 without anno");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "6001", "year", "26", "debit", "100", NULL);
	refused(f, "anno di riferimento in four digits", "anno 26");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "1668", "year", "2025", "debit", "100", NULL);
	refused(f, "rule: rateazione required", "1668 without rateazione");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "1668", "year", "2025", "rate", "0302", "debit", "100",
		NULL);
	refused(f, "rule: rateazione NNRR", "rateazione 0302 (NN > RR)");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "4001", "year", "2025", "rate", "0003", "debit", "100",
		NULL);
	refused(f, "rule: rateazione NNRR", "rateazione 0003 (rata 00)");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "4001", "year", "2025", "rate", "1a03", "debit", "100",
		NULL);
	refused(f, "must be four digits", "rateazione 1a03");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "6001", "year", "2026", "rate", "0101", "debit", "100",
		NULL);
	refused(f, "takes no rateazione", "a rateazione on 6001");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "6001", "year", "2026", "credit", "100", NULL);
	record_row_add(f, F24_ERARIO, "code", "1001", "year", "2026", "debit", "500", NULL);
	refused(f, "rule: credit only where the code allows it", "a credit on 6001");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "1001", "year", "2026", NULL);
	refused(f, "a row needs a debit or a credit", "a row with no amount");
	f = new_form();
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "CF", "period_from", "04/2026",
		"period_to", "03/2026", "debit", "100", NULL);
	refused(f, "rule: \"da\" not after \"a\"", "INPS da 04/2026 after a 03/2026");
	f = new_form();
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "CF", "period_from", "12/2025",
		"period_to", "01/2025", "debit", "100", NULL);
	refused(f, "rule: \"da\" not after \"a\"", "INPS da 12/2025 after a 01/2025");
	f = new_form();
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "CF", "period_from", "13/2026",
		"debit", "100", NULL);
	refused(f, "mm/aaaa", "INPS period 13/2026");
	f = new_form();
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "ZZZZ", "debit", "100", NULL);
	refused(f, "is not an INPS causale", "an unknown INPS causale");
	f = new_form();
	record_row_add(f, F24_REGIONI, "region", "22", "code", "3800", "year", "2025", "debit", "100",
		NULL);
	refused(f, "codice regione from 01 to 21", "region 22");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "6099", "year", "2025", "credit", "50000", NULL);
	record_row_add(f, F24_ERARIO, "code", "6001", "year", "2026", "debit", "10000", NULL);
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "DM10", "debit", "39999", NULL);
	refused(f, "rule: credits offset debits only up to them", "a saldo finale of -1 cent");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "6001", "year", "2026", "debit", "-100", NULL);
	record_row_add(f, F24_ERARIO, "code", "1001", "year", "2026", "debit", "1000", NULL);
	refused(f, "not negative", "a negative debit");
}

/* A code marked M (none is shipped so marked): from a list of the test's
 * own in a share folder of its own. */
static void
month_rule(const char *dir)
{
	char *data = xasprintf("%s/data", dir), *path = xasprintf("%s/f24-codici.txt", data);
	FILE *fp;
	struct record *f;
	struct record_fault fault;
	char err[ERR_SIZE];

	mkdir(data, 0700);
	fp = fopen(path, "w");
	if (fp != NULL) {
		fputs("9001  ER AM -  A code with its month\n", fp);
		fclose(fp);
	}
	setenv("SCRIVANO_SHARE", dir, 1);
	f = new_form();
	record_set(f, F24_PROVINCE, ""); /* no list of provinces in that folder */
	record_row_add(f, F24_ERARIO, "code", "9001", "year", "2026", "debit", "100", NULL);
	refused(f, "rule: mese rif. required", "no mese rif.");
	f = new_form();
	record_set(f, F24_PROVINCE, "");
	record_row_add(f, F24_ERARIO, "code", "9001", "year", "2026", "rate", "0013", "debit", "100",
		NULL);
	refused(f, "rule: mese rif. required", "mese rif. 0013");
	f = new_form();
	record_row_add(f, F24_ERARIO, "code", "9001", "year", "2026", "rate", "0003", "debit", "100",
		NULL);
	record_set(f, F24_PROVINCE, "");
	ok(record_save_ex(book, f, &fault, err) == 0, "mese rif. 0003 is taken: %s", err);
	record_free(f);
	unsetenv("SCRIVANO_SHARE");
	unlink(path);
	rmdir(data);
	free(path);
	free(data);
}

static void
due_dates(void)
{
	static const struct {
		int y, m;
		const char *want, *why;
	} due[] = {
		{ 2026, 1, "2026-02-16", "a Monday" },
		{ 2026, 4, "2026-05-18", "16 May 2026 is a Saturday" },
		{ 2025, 10, "2025-11-17", "16 November 2025 is a Sunday" },
		{ 2026, 12, "2027-01-18", "December's, in January, a Saturday" },
		{ 2026, 7, "2026-08-20", "August's suspension to the 20th" },
		{ 2025, 7, "2025-08-20", "August's suspension to the 20th" },
		{ 2026, 11, "2026-12-16", "a Wednesday" },
	};
	static const struct {
		const char *day, *want, *why;
	} work[] = {
		{ "2026-04-06", "2026-04-07", "Easter Monday 2026" },
		{ "2025-04-21", "2025-04-22", "Easter Monday 2025" },
		{ "2025-04-25", "2025-04-28", "Liberazione, a Friday, then a weekend" },
		{ "2038-04-26", "2038-04-27", "Easter Monday on the 26th, after 25 April" },
		{ "2026-12-25", "2026-12-28", "Christmas, Santo Stefano, a weekend" },
		{ "2027-01-01", "2027-01-04", "New Year, then a weekend" },
		{ "2027-01-06", "2027-01-07", "Epifania" },
		{ "2026-06-02", "2026-06-03", "Festa della Repubblica" },
		{ "2026-12-08", "2026-12-09", "Immacolata" },
		{ "2027-10-04", "2027-10-05", "San Francesco, a holiday again from 2026" },
		{ "2025-10-06", "2025-10-06", "an ordinary Monday" },
		{ "2026-03-16", "2026-03-16", "an ordinary Monday" },
	};
	static const int easter[][3] = { { 2000, 4, 23 }, { 2019, 4, 21 }, { 2024, 3, 31 },
					 { 2025, 4, 20 }, { 2026, 4, 5 },  { 2038, 4, 25 } };
	char out[16];

	for (size_t i = 0; i < ARRAY_LEN(easter); i++) {
		int m, d;
		f24_easter(easter[i][0], &m, &d);
		ok(m == easter[i][1] && d == easter[i][2], "Easter %d: %d/%d", easter[i][0], d, m);
	}
	for (size_t i = 0; i < ARRAY_LEN(due); i++) {
		f24_due_date(due[i].y, due[i].m, out);
		is_str(out, due[i].want, "due for %02d/%d: %s", due[i].m, due[i].y, due[i].why);
	}
	for (size_t i = 0; i < ARRAY_LEN(work); i++) {
		out[0] = '\0';
		f24_working_day(work[i].day, out);
		is_str(out, work[i].want, "%s: %s", work[i].day, work[i].why);
	}
	ok(f24_working_day("2026-02-30", out) < 0, "a day that does not exist is refused");
}

int
main(void)
{
	struct temp_book tb;

	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	code_lists();
	contribuente();
	good_form();
	refusals();
	month_rule(tb.dir);
	due_dates();
	temp_book_close(&tb, book);
	return tap_done();
}
