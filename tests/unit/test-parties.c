/* The parties record kind against a temporary book: save and load, a bad
 * value refused with nothing written, a version conflict refused, browse
 * pages in name order (keyset pagination), search, and delete. */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "book-fixtures.h"
#include "book/parties.h"
#include "book/record.h"
#include "tap.h"
#include "util/util.h"

static struct book *book;

static int
count_rows(void)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(book_db(book), "SELECT count(*) FROM parties", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static struct record *
party(const char *name, const char *piva)
{
	struct record *r = record_new(&parties_kind);

	record_set(r, PARTY_NAME, name);
	record_set(r, PARTY_PIVA, piva);
	return r;
}

/* What a lookup shows of saved party r: its name, read alone. */
static void
key_text(const struct record *r)
{
	char err[ERR_SIZE] = "", *key = NULL;

	is_int(record_key_text(book, &parties_kind, r->id, &key, err), 0, "its key text reads");
	is_str(key ? key : "", "Caffè Società srl", "and is its name");
	free(key);
	key = NULL;
	is_int(record_key_text(book, &parties_kind, 999999, &key, err), REC_GONE,
	       "a missing id's key text is REC_GONE");
	ok(key == NULL, "and gives no text");
}

static void
save_and_load(void)
{
	struct record *r = party("Caffè Società srl", "01234567897"), *l = NULL;
	char err[ERR_SIZE] = "";
	size_t bad = 99;

	record_set(r, PARTY_CF, "01234567897");
	record_set(r, PARTY_CITY, "Milano");
	record_set(r, PARTY_PROVINCE, "MI");
	record_set(r, PARTY_EMAIL, "info@caffe.example.it");
	is_str(record_get(r, PARTY_COUNTRY), "IT", "a new party is in Italy");
	is_str(record_get(r, PARTY_ROLE), "C", "and a customer");
	is_int(record_save(book, r, &bad, err), 0, "a good party is saved");
	ok(r->id > 0, "it gets an id");
	is_int(r->version, 1, "version 1");
	is_int(record_load(book, &parties_kind, r->id, &l, err), 0, "it loads");
	if (l != NULL) {
		for (size_t i = 0; i < PARTY_NFIELDS; i++)
			is_str(record_get(l, i), record_get(r, i), "field %s as saved",
			       parties_kind.fields[i].name);
		is_int(l->version, 1, "loaded version 1");
	}
	record_free(l);
	record_set(r, PARTY_CITY, "Monza");
	is_int(record_save(book, r, &bad, err), 0, "an update is saved");
	is_int(r->version, 2, "version 2");
	is_int(record_load(book, &parties_kind, 999999, &l, err), REC_GONE,
	       "a missing id is REC_GONE");
	key_text(r);
	record_free(r);
}

static void
refused_values(void)
{
	struct {
		size_t field;
		const char *value, *message;
	} cases[] = {
		{ PARTY_PIVA, "01234567890", "Partita IVA: wrong check digit" },
		{ PARTY_PIVA, "0123456789", "Partita IVA: must be 11 digits" },
		{ PARTY_CF, "RSSMRA80A01H501A", "Codice fiscale: wrong check character (expected U)" },
		{ PARTY_CF, "RSSMRA80", "Codice fiscale: must be 16 characters, or a company's "
					"11-digit partita IVA" },
		{ PARTY_CAP, "2010", "CAP: must be 5 digits" },
		{ PARTY_PROVINCE, "mi", "Province: must be 2 letters" },
		{ PARTY_COUNTRY, "XX", "Country: XX is not a country code" },
		{ PARTY_COUNTRY, "", "Country: must not be empty" },
		{ PARTY_EMAIL, "info@caffe", "E-mail: is not a plausible e-mail address" },
		{ PARTY_PEC, "a b@pec.it", "PEC: is not a plausible e-mail address" },
		{ PARTY_SDI, "ABC12", "SDI code: must be 7 letters or digits" },
		{ PARTY_ROLE, "X", "Role: must be C (customer), S (supplier) or B (both)" },
		{ PARTY_NAME, "", "Name: must not be empty" },
	};
	int before = count_rows();

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct record *r = party("Bad Srl", "");
		char err[ERR_SIZE] = "";
		size_t bad = 99;
		record_set(r, cases[i].field, cases[i].value);
		is_int(record_save(book, r, &bad, err), REC_INVALID, "'%s' refused", cases[i].value);
		is_int(bad, cases[i].field, "the bad field is named");
		is_str(err, cases[i].message, "message");
		is_int(r->id, 0, "the record stays unsaved");
		record_free(r);
	}
	is_int(count_rows(), before, "nothing was written");

	struct record *ok_r = party("Rossi Mario", "");
	char err[ERR_SIZE];
	size_t bad;
	record_set(ok_r, PARTY_CF, "RSSMRA80A01H501U");
	record_set(ok_r, PARTY_SDI, "0000000");
	record_set(ok_r, PARTY_PEC, "mario.rossi@pec.example.it");
	is_int(record_save(book, ok_r, &bad, err), 0, "a person's CF, SDI code 0000000 and PEC pass");
	record_free(ok_r);
}

/* A dichiarazione d'intento: protocol and date together, a plafond only
 * with them; all three saved and read back. */
static void
intent(void)
{
	struct {
		const char *protocol, *date, *plafond;
		size_t field;
		const char *message;
	} cases[] = {
		{ "21012345678901234-000001", "", "", PARTY_INTENT_DATE,
		  "Dichiarazione's date: a dichiarazione d'intento needs both its protocol number "
		  "and its date" },
		{ "", "2026-01-15", "", PARTY_INTENT_PROTOCOL,
		  "Dichiarazione d'intento: a dichiarazione d'intento needs both its protocol "
		  "number and its date" },
		{ "", "", "500000", PARTY_INTENT_PROTOCOL,
		  "Dichiarazione d'intento: a plafond belongs to a dichiarazione d'intento: give "
		  "its protocol number and date" },
		{ "2101 2345", "2026-01-15", "", PARTY_INTENT_PROTOCOL,
		  "Dichiarazione d'intento: must be the protocol number the Agenzia gave, digits "
		  "and '-' (21012345678901234-000001)" },
		{ "21012345678901234-000001", "2026-01-15", "-5", PARTY_INTENT_PLAFOND,
		  "Plafond: must be an amount in cents, 0 or more (500000 for 5000.00)" },
	};
	int before = count_rows();
	struct record *r, *l = NULL;
	char err[ERR_SIZE] = "";
	size_t bad = 99;

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		r = party("Esportatore Srl", "01234567897");
		record_set(r, PARTY_INTENT_PROTOCOL, cases[i].protocol);
		record_set(r, PARTY_INTENT_DATE, cases[i].date);
		record_set(r, PARTY_INTENT_PLAFOND, cases[i].plafond);
		is_int(record_save(book, r, &bad, err), REC_INVALID, "intent case %zu refused", i);
		is_int(bad, cases[i].field, "the bad field is named");
		is_str(err, cases[i].message, "message");
		record_free(r);
	}
	is_int(count_rows(), before, "nothing was written");
	r = party("Esportatore Srl", "01234567897");
	record_set(r, PARTY_INTENT_PROTOCOL, "21012345678901234-000001");
	record_set(r, PARTY_INTENT_DATE, "2026-01-15");
	record_set(r, PARTY_INTENT_PLAFOND, "500000");
	is_int(record_save(book, r, &bad, err), 0, "a whole dichiarazione d'intento is saved: %s",
	       err);
	is_int(record_load(book, &parties_kind, r->id, &l, err), 0, "and loads");
	if (l != NULL) {
		is_str(record_get(l, PARTY_INTENT_PROTOCOL), "21012345678901234-000001", "protocol");
		is_str(record_get(l, PARTY_INTENT_DATE), "2026-01-15", "date");
		is_str(record_get(l, PARTY_INTENT_PLAFOND), "500000", "plafond in cents");
	}
	record_free(l);
	record_free(r);
}

static void
conflict(void)
{
	struct record *r = party("Conflitti spa", "12345678903"), *a = NULL, *b = NULL, *l = NULL;
	char err[ERR_SIZE];
	size_t bad;

	record_save(book, r, &bad, err);
	record_load(book, &parties_kind, r->id, &a, err);
	record_load(book, &parties_kind, r->id, &b, err);
	if (a == NULL || b == NULL) {
		ok(0, "loaded twice");
		return;
	}
	record_set(a, PARTY_CITY, "Torino");
	is_int(record_save(book, a, &bad, err), 0, "the first session saves");
	record_set(b, PARTY_CITY, "Genova");
	is_int(record_save(book, b, &bad, err), REC_CONFLICT, "the second is refused");
	is_str(err, "changed by someone else since you opened it: nothing was written",
	       "with a clear message");
	is_str(record_get(b, PARTY_CITY), "Genova", "its values stay in memory");
	is_int(b->version, 1, "and its version too");
	record_load(book, &parties_kind, r->id, &l, err);
	is_str(l ? record_get(l, PARTY_CITY) : "", "Torino", "the book has the first one's");
	record_free(l);
	is_int(record_delete(book, b, err), REC_CONFLICT, "a stale delete is refused too");
	is_int(record_delete(book, a, err), 0, "a current delete is done");
	is_int(record_load(book, &parties_kind, r->id, &l, err), REC_GONE, "it is gone");
	record_set(b, PARTY_CITY, "Bari");
	is_int(record_save(book, b, &bad, err), REC_GONE, "saving it again says it was deleted");
	record_free(a);
	record_free(b);
	record_free(r);
}

static void
browse(void)
{
	static const char *names[] = {
		"delta", "Alfa", "charlie", "Bravo", "echo", "foxtrot", "Golf", "hotel", "India",
		"juliett", "kilo", "Lima", "mike", "November", "oscar", "papa", "Quebec", "romeo",
		"sierra", "Tango", "uniform", "Victor", "whiskey", "X-ray", "yankee", "Zulu", "alfa",
	};
	struct record *page[10];
	size_t got;
	char err[ERR_SIZE], seen[1024] = "";
	size_t bad;
	int pages = 0, total = 0;

	/* start from an empty table */
	book_exec(book, "DELETE FROM parties", err);
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		struct record *r = party(names[i], "01234567897");
		record_save(book, r, &bad, err);
		record_free(r);
	}
	const char *key = NULL;
	int64_t id = 0;
	char last[64] = "";
	for (;;) {
		is_int(record_browse(book, &parties_kind, BROWSE_AFTER, key, id, 10, page, &got, err),
		       0, "page %d", pages + 1);
		if (got == 0)
			break;
		pages++;
		total += (int)got;
		for (size_t i = 0; i < got; i++) {
			strcat(seen, record_get(page[i], PARTY_NAME));
			strcat(seen, " ");
		}
		str_copy(last, record_get(page[got - 1], PARTY_NAME), sizeof last);
		id = page[got - 1]->id;
		key = last;
		for (size_t i = 0; i < got; i++)
			record_free(page[i]);
	}
	is_int(pages, 3, "27 names in pages of 10: 3 pages");
	is_int(total, 27, "every name once");
	is_str(seen,
	       "Alfa alfa Bravo charlie delta echo foxtrot Golf hotel India juliett kilo Lima mike "
	       "November oscar papa Quebec romeo sierra Tango uniform Victor whiskey X-ray yankee "
	       "Zulu ",
	       "in name order, case ignored, equal names by id");

	record_browse(book, &parties_kind, BROWSE_BEFORE, NULL, 0, 3, page, &got, err);
	is_int(got, 3, "the last page from the end");
	is_str(record_get(page[0], PARTY_NAME), "Zulu", "nearest first");
	is_str(record_get(page[2], PARTY_NAME), "X-ray", "then back");
	for (size_t i = 0; i < got; i++)
		record_free(page[i]);

	record_browse(book, &parties_kind, BROWSE_AFTER, "NOV", INT64_MIN, 2, page, &got, err);
	is_str(got > 0 ? record_get(page[0], PARTY_NAME) : "", "November",
	       "a prefix finds the first name at or after it");
	for (size_t i = 0; i < got; i++)
		record_free(page[i]);
	record_browse(book, &parties_kind, BROWSE_AFTER, "zz", INT64_MIN, 2, page, &got, err);
	is_int(got, 0, "nothing after the last name");

	struct record *f = NULL;
	is_int(record_find(book, &parties_kind, "LI", NULL, 0, &f, err), 0, "find");
	is_str(f ? record_get(f, PARTY_NAME) : "", "charlie", "the first name holding 'li'");
	if (f != NULL) {
		struct record *g = NULL;
		record_find(book, &parties_kind, "li", record_get(f, PARTY_NAME), f->id, &g, err);
		is_str(g ? record_get(g, PARTY_NAME) : "", "juliett", "and the next one");
		record_free(g);
	}
	record_free(f);
	record_find(book, &parties_kind, "qqq", NULL, 0, &f, err);
	ok(f == NULL, "none holds 'qqq'");
}

int
main(void)
{
	struct temp_book tb;

	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	save_and_load();
	refused_values();
	intent();
	conflict();
	browse();
	temp_book_close(&tb, book);
	return tap_done();
}
