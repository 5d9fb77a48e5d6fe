/* The registers of issue 5 against temporary books: a book of schema 2
 * migrates; the rules across a party's fields; contacts and stock
 * movements as child rows (load in order, save with deletes, inserts,
 * moves, a bad row refused with nothing written); the company profile;
 * articles (VAT rate or Natura, unique code, stock on hand); user-added
 * fields. */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book-fixtures.h"
#include "book/articles.h"
#include "book/company.h"
#include "book/parties.h"
#include "book/record.h"
#include "book/schema.h"
#include "tap.h"
#include "ui/screenfile.h"
#include "util/util.h"

static struct book *book;
static struct temp_book tb; /* the book, and the folder for the others */

/* The first column of the first row of sql, as text ("" when none). */
static char *
query(struct book *b, const char *sql)
{
	static char out[256];
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(book_db(b), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		str_copy(out, (const char *)sqlite3_column_text(st, 0), sizeof out);
	sqlite3_finalize(st);
	return out;
}

static void
migrate_old_book(void)
{
	char *path = xasprintf("%s/old.sqlite", tb.dir), err[ERR_SIZE];
	struct book *b;
	sqlite3 *db;

	if (sqlite3_open(path, &db) != SQLITE_OK) {
		ok(0, "an old book is made");
		return;
	}
	sqlite3_exec(db, schema_step(1), NULL, NULL, NULL);
	sqlite3_exec(db, schema_step(2), NULL, NULL, NULL);
	sqlite3_exec(db, "PRAGMA user_version = 2; INSERT INTO parties (role, name, piva) "
			 "VALUES ('S', 'Vecchio Fornitore Srl', '01234567897')",
		     NULL, NULL, NULL);
	sqlite3_close(db);
	is_int(book_open(path, &b, err), 0, "a book of schema 2 opens");
	if (b == NULL)
		return;
	is_int(atoi(query(b, "PRAGMA user_version")), schema_step_count(), "and is migrated");
	is_str(query(b, "SELECT name || '/' || kind || '/' || public_admin FROM parties"),
	       "Vecchio Fornitore Srl/C/0", "its party is kept, a company, not a PA");
	is_str(query(b, "SELECT count(*) || ' ' || regime || ' ' || numbering FROM company"),
	       "1 RF01 Y", "the company profile has its one row");
	struct record *r = NULL;
	record_load(b, &parties_kind, 1, &r, err);
	if (r != NULL) {
		record_set(r, PARTY_CITY, "Parma");
		is_int(record_save(b, r, NULL, err), 0, "the old party saves under the new rules");
		is_int((int)r->rows[0].n, 0, "with no contacts");
	}
	record_free(r);
	book_close(b);
	unlink(path);
	free(path);
}

static struct record *
company(const char *name)
{
	struct record *r = record_new(&parties_kind);

	record_set(r, PARTY_NAME, name);
	record_set(r, PARTY_PIVA, "01234567897");
	return r;
}

struct rule_case {
	const char *what;
	size_t field[3];
	const char *value[3];
	int bad;
	const char *message; /* NULL: saved */
};

static void
party_rules(void)
{
	static const struct rule_case cases[] = {
		{ "a person without cognome", { PARTY_KIND, PARTY_FIRST_NAME }, { "P", "Mario" },
		  PARTY_LAST_NAME, "Last name: must not be empty" },
		{ "a person without nome", { PARTY_KIND, PARTY_LAST_NAME }, { "P", "Rossi" },
		  PARTY_FIRST_NAME, "First name: must not be empty" },
		{ "a company without name", { PARTY_NAME }, { "" }, PARTY_NAME,
		  "Name: must not be empty" },
		{ "an Italian party without P.IVA or CF", { PARTY_PIVA }, { "" }, PARTY_PIVA,
		  "Partita IVA: type it or the codice fiscale: an invoice in Italy needs one" },
		{ "a wrong Italian P.IVA", { PARTY_PIVA }, { "01234567890" }, PARTY_PIVA,
		  "Partita IVA: wrong check digit" },
		{ "an Italian P.IVA under a foreign VAT country is not checked as Italian",
		  { PARTY_VAT_COUNTRY, PARTY_PIVA }, { "DE", "DE123456789" }, 0, NULL },
		{ "a party abroad needs no tax id", { PARTY_COUNTRY, PARTY_PIVA }, { "FR", "" }, 0,
		  NULL },
		{ "a real SDI code and a PEC", { PARTY_SDI, PARTY_PEC }, { "M5UXCR1", "a@pec.it" },
		  PARTY_PEC, "PEC: give the SDI code or the PEC, not both: with a code the PEC is "
			     "not used (leave the code empty or 0000000 to deliver to the PEC)" },
		{ "0000000 and a PEC", { PARTY_SDI, PARTY_PEC }, { "0000000", "a@pec.it" }, 0,
		  NULL },
		{ "XXXXXXX in Italy", { PARTY_SDI }, { "XXXXXXX" }, PARTY_SDI,
		  "SDI code: XXXXXXX is the code of parties abroad" },
		{ "a PA without office code", { PARTY_PA }, { "1" }, PARTY_PA_OFFICE,
		  "PA office code: a public administration needs its 6-character office code" },
		{ "a PA with a 7-character SDI code", { PARTY_PA, PARTY_PA_OFFICE, PARTY_SDI },
		  { "1", "UFE3V1", "M5UXCR1" }, PARTY_SDI,
		  "SDI code: a public administration gets invoices at its office code: leave "
		  "this empty" },
		{ "a PA supplier", { PARTY_PA, PARTY_PA_OFFICE, PARTY_ROLE }, { "1", "UFE3V1", "S" },
		  PARTY_PA, "Public administration: only a customer can be a public "
			    "administration here" },
		{ "a PA customer", { PARTY_PA, PARTY_PA_OFFICE }, { "1", "UFE3V1" }, 0, NULL },
		{ "an office code for a private customer", { PARTY_PA_OFFICE }, { "UFE3V1" },
		  PARTY_PA_OFFICE, "PA office code: only for a public administration" },
		{ "a 5-character office code", { PARTY_PA, PARTY_PA_OFFICE }, { "1", "UFE3V" },
		  PARTY_PA_OFFICE, "PA office code: must be 6 capital letters or digits" },
		{ "payment terms TP04", { PARTY_PAY_TERMS }, { "TP04" }, PARTY_PAY_TERMS,
		  "Payment terms: must be TP01 (instalments), TP02 (in full) or TP03 (advance)" },
		{ "payment method MP24", { PARTY_PAY_METHOD }, { "MP24" }, PARTY_PAY_METHOD,
		  "Payment method: must be a code MP01 to MP23" },
		{ "366 days", { PARTY_PAY_DAYS }, { "366" }, PARTY_PAY_DAYS,
		  "Payment days: must be a number of days from 0 to 365" },
		{ "terms, method and days", { PARTY_PAY_TERMS, PARTY_PAY_METHOD, PARTY_PAY_DAYS },
		  { "TP02", "MP05", "60" }, 0, NULL },
		{ "a telephone with letters", { PARTY_PHONE }, { "051 abc" }, PARTY_PHONE,
		  "Telephone: may hold only digits, blanks and + - / . ( )" },
		{ "kind X", { PARTY_KIND }, { "X" }, PARTY_KIND,
		  "Company or person: must be C (company) or P (natural person)" },
	};
	char err[ERR_SIZE];
	int before = atoi(query(book, "SELECT count(*) FROM parties")), saved = 0;

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		const struct rule_case *c = &cases[i];
		struct record *r = company("Regole Srl");
		size_t bad = 99;
		int rc;

		for (size_t j = 0; j < 3 && c->value[j] != NULL; j++)
			record_set(r, c->field[j], c->value[j]);
		rc = record_save(book, r, &bad, err);
		if (c->message == NULL) {
			is_int(rc, 0, "%s: saved", c->what);
			saved += rc == 0;
		} else {
			is_int(rc, REC_INVALID, "%s: refused", c->what);
			is_int(bad, c->bad, "%s: the field is named", c->what);
			is_str(err, c->message, "%s: message", c->what);
		}
		record_free(r);
	}
	is_int(atoi(query(book, "SELECT count(*) FROM parties")), before + saved,
	       "refused parties wrote nothing");

	struct record *p = record_new(&parties_kind), *l = NULL;
	record_set(p, PARTY_KIND, "P");
	record_set(p, PARTY_FIRST_NAME, "Mario");
	record_set(p, PARTY_LAST_NAME, "Rossi");
	record_set(p, PARTY_CF, "RSSMRA80A01H501U");
	record_set(p, PARTY_NAME, "typed, then replaced");
	is_int(record_save(book, p, NULL, err), 0, "a person with nome, cognome and CF saves");
	is_str(record_get(p, PARTY_NAME), "Rossi Mario", "the register's name is Cognome Nome");
	record_load(book, &parties_kind, p->id, &l, err);
	is_str(l ? record_get(l, PARTY_NAME) : "", "Rossi Mario", "in the book too");
	is_str(l ? record_get(l, PARTY_PAY_DAYS) : "x", "", "days never given read back empty");
	record_free(l);
	is_str(query(book, "SELECT typeof(pay_days) FROM parties WHERE name = 'Rossi Mario'"),
	       "null", "and are NULL in the book");
	record_free(p);
}

static struct record *
add_contact(struct record *r, size_t at, const char *name, const char *email)
{
	struct record *c = record_new(&contacts_kind);

	record_rows_insert(&r->rows[0], at, c);

	record_set(c, CONTACT_NAME, name);
	record_set(c, CONTACT_EMAIL, email);
	return c;
}

/* Names of the party's contacts in the book, in position order, with
 * their positions. */
static const char *
stored_contacts(int64_t id)
{
	char *sql = xasprintf("SELECT group_concat(position || name, ' ') FROM (SELECT position, "
			      "name FROM party_contacts WHERE party_id = %" PRId64
			      " ORDER BY position)",
			      id);
	const char *out = query(book, sql);

	free(sql);
	return out;
}

static void
contacts(void)
{
	struct record *r = company("Contatti Spa"), *l = NULL, *stale = NULL;
	struct record_fault f;
	char err[ERR_SIZE];

	add_contact(r, 9, "Anna", "anna@example.it");
	add_contact(r, 9, "Bruno", "");
	add_contact(r, 9, "Carla", "carla@example.it");
	is_int(record_save(book, r, NULL, err), 0, "a party with three contacts saves");
	is_str(stored_contacts(r->id), "1Anna 2Bruno 3Carla", "they are stored in order");
	ok(r->rows[0].row[1]->id > 0, "rows get their ids");
	record_load(book, &parties_kind, r->id, &l, err);
	is_int(l ? (int)l->rows[0].n : -1, 3, "three rows load");
	if (l == NULL)
		return;
	is_str(record_get(l->rows[0].row[2], CONTACT_EMAIL), "carla@example.it", "with values");
	record_load(book, &parties_kind, r->id, &stale, err);

	record_rows_remove(&l->rows[0], 1);
	add_contact(l, 0, "Dario", "");
	record_rows_swap(&l->rows[0], 1, 2);
	record_set(l->rows[0].row[2], CONTACT_NAME, "Anna Maria");
	is_int(record_save_ex(book, l, &f, err), 0, "delete, insert, move and change save");
	is_str(stored_contacts(r->id), "1Dario 2Carla 3Anna Maria",
	       "positions renumbered, the deleted row gone");
	is_str(query(book, "SELECT count(*) FROM party_contacts WHERE name = 'Bruno'"), "0",
	       "Bruno is deleted from the book");

	int64_t version = l->version;
	add_contact(l, 9, "Elena", "elena@nowhere");
	is_int(record_save_ex(book, l, &f, err), REC_INVALID, "a bad row refuses the save");
	is_str(err, "Row 4, E-mail: is not a plausible e-mail address", "naming row and field");
	is_int(f.child, 0, "the child");
	is_int(f.row, 3, "the row");
	is_int(f.field, CONTACT_EMAIL, "the field");
	is_int(l->version, version, "nothing was written");
	is_str(stored_contacts(r->id), "1Dario 2Carla 3Anna Maria", "the rows are unchanged");
	record_set(l->rows[0].row[3], CONTACT_NAME, "");
	record_set(l->rows[0].row[3], CONTACT_EMAIL, "");
	is_int(record_save_ex(book, l, &f, err), REC_INVALID, "an empty row is refused too");
	is_str(err, "Row 4, Name: must not be empty", "its name is required");
	record_rows_remove(&l->rows[0], 3);

	record_rows_remove(&stale->rows[0], 0);
	is_int(record_save(book, stale, NULL, err), REC_CONFLICT,
	       "a stale copy's rows are refused with it");
	is_str(stored_contacts(r->id), "1Dario 2Carla 3Anna Maria", "and change nothing");

	struct record *copy = record_copy(l);
	is_int(copy ? (int)copy->rows[0].n : -1, 3, "a copy has the rows");
	record_free(copy);
	is_int(record_delete(book, l, err), 0, "the party is deleted");
	is_str(query(book, "SELECT count(*) FROM party_contacts WHERE name = 'Dario'"), "0",
	       "and its contacts with it");
	record_free(l);
	record_free(stale);
	record_free(r);
}

static void
company_profile(void)
{
	struct record *c = NULL, *n;
	char err[ERR_SIZE];
	size_t bad;

	is_int(company_load(book, &c, err), 0, "the company profile loads");
	if (c == NULL)
		return;
	is_int(c->id, 1, "it is row 1");
	is_int(record_save(book, c, &bad, err), REC_INVALID, "an empty profile is refused");
	is_str(err, "Name: must not be empty", "it needs a name");
	record_set(c, COMPANY_NAME, "Studio Bianchi Srl");
	is_int(record_save(book, c, &bad, err), REC_INVALID, "and a partita IVA");
	is_int(bad, COMPANY_PIVA, "the field is named");
	record_set(c, COMPANY_PIVA, "01234567897");
	record_set(c, COMPANY_REA_NUMBER, "123456");
	is_int(record_save(book, c, &bad, err), REC_INVALID, "half the REA data is refused");
	is_str(err, "REA office: the REA registration needs office, number and state of "
		    "liquidation", "naming what is missing");
	record_set(c, COMPANY_REA_OFFICE, "BO");
	record_set(c, COMPANY_LIQUIDATION, "LN");
	record_set(c, COMPANY_SHARE_CAPITAL, "1000000");
	record_set(c, COMPANY_SOLE_MEMBER, "SU");
	record_set(c, COMPANY_IBAN, "IT60X0542811101000000123457");
	is_int(record_save(book, c, &bad, err), REC_INVALID, "a wrong IBAN is refused");
	is_str(err, "IBAN: wrong check digits", "by its check digits");
	record_set(c, COMPANY_IBAN, "IT60X0542811101000000123456");
	record_set(c, COMPANY_REGIME, "RF03");
	is_int(record_save(book, c, &bad, err), REC_INVALID, "RF03 is refused");
	record_set(c, COMPANY_REGIME, "RF19");
	record_set(c, COMPANY_SERIES, "A");
	record_set(c, COMPANY_NUMBERING, "C");
	is_int(record_save(book, c, &bad, err), 0, "the full profile saves: %s", err);
	is_str(query(book, "SELECT name || ' ' || regime || ' ' || share_capital || ' ' || "
			   "invoice_series || numbering FROM company"),
	       "Studio Bianchi Srl RF19 1000000 AC", "the book has it");
	n = record_new(&company_kind);
	record_set(n, COMPANY_NAME, "Second Srl");
	record_set(n, COMPANY_PIVA, "01234567897");
	is_int(record_save(book, n, &bad, err), REC_ERROR, "a second profile is refused");
	is_int(record_delete(book, c, err), REC_ERROR, "the profile cannot be deleted");
	is_str(query(book, "SELECT count(*) FROM company"), "1", "one profile stays");
	record_free(n);
	record_free(c);
}

static struct record *
article(const char *code, const char *rate, const char *natura)
{
	struct record *r = record_new(&articles_kind);

	record_set(r, ARTICLE_CODE, code);
	record_set(r, ARTICLE_DESCRIPTION, "Carta A4 80 g");
	record_set(r, ARTICLE_VAT_RATE, rate);
	record_set(r, ARTICLE_NATURA, natura);
	return r;
}

static struct record *
add_move(struct record *a, const char *date, const char *qty)
{
	struct record *m = record_new(&stock_moves_kind);

	record_rows_insert(&a->rows[0], 99, m);

	record_set(m, MOVE_DATE, date);
	record_set(m, MOVE_QTY, qty);
	return m;
}

static void
articles(void)
{
	static const struct {
		const char *rate, *natura, *message;
	} vat[] = {
		{ "2200", "N2.2", "Natura: a Natura goes with a VAT rate of 0: clear the rate or "
				  "the Natura" },
		{ "0", "", "VAT rate: a rate of 0 needs a Natura code (SdI error 00429)" },
		{ "", "", "VAT rate: give a VAT rate or a Natura code" },
		{ "0", "N2", "Natura: must be a Natura code: N1, N2.1, N2.2, N3.1 ... N3.6, N4, "
			     "N5, N6.1 ... N6.9, N7" },
		{ "10001", "", "VAT rate: must be a rate from 0 to 100%" },
		{ "0", "N2.2", NULL },
		{ "", "N6.1", NULL },
		{ "1000", "", NULL },
	};
	char err[ERR_SIZE];
	struct record_fault f;

	for (size_t i = 0; i < ARRAY_LEN(vat); i++) {
		char code[16];
		snprintf(code, sizeof code, "VAT-%zu", i);
		struct record *a = article(code, vat[i].rate, vat[i].natura);
		int rc = record_save(book, a, NULL, err);
		if (vat[i].message == NULL)
			is_int(rc, 0, "rate '%s' natura '%s' saves", vat[i].rate, vat[i].natura);
		else
			is_str(rc == REC_INVALID ? err : "saved", vat[i].message,
			       "rate '%s' natura '%s' refused", vat[i].rate, vat[i].natura);
		record_free(a);
	}
	struct record *a = article("CARTA-A4", "2200", ""), *l = NULL;
	record_set(a, ARTICLE_PRICE, "123456789"); /* 1,23456789 */
	record_set(a, ARTICLE_BARCODE, "8001234567890");
	is_int(record_save(book, a, NULL, err), REC_INVALID, "a barcode with a wrong check digit");
	is_str(err, "Barcode: wrong check digit (expected 7)", "names the digit");
	record_set(a, ARTICLE_BARCODE, "8001234567897");
	add_move(a, "2025-01-10", "10000");
	add_move(a, "2025-02-01", "-2500");
	add_move(a, "2025-02-30", "1");
	is_int(record_save_ex(book, a, &f, err), REC_INVALID, "30 February is refused");
	is_str(err, "Row 3, Date: is not a date", "on its row");
	record_set(a->rows[0].row[2], MOVE_DATE, "2025-02-28");
	record_set(a->rows[0].row[2], MOVE_QTY, "0");
	is_int(record_save_ex(book, a, &f, err), REC_INVALID, "a quantity of 0 is refused");
	record_set(a->rows[0].row[2], MOVE_QTY, "1");
	is_int(record_save_ex(book, a, &f, err), 0, "an article with three movements saves");
	is_str(record_get(a, ARTICLE_STOCK), "7501", "the stock on hand is computed on save");
	record_load(book, &articles_kind, a->id, &l, err);
	is_str(l ? record_get(l, ARTICLE_STOCK) : "", "7501", "and on load (7,501)");
	is_str(l ? record_get(l, ARTICLE_PRICE) : "", "123456789", "the price keeps 8 decimals");
	is_str(query(book, "SELECT typeof(unit_price) || typeof(vat_rate) FROM articles WHERE "
			   "code = 'CARTA-A4'"),
	       "integerinteger", "numbers are stored as integers");
	is_str(query(book, "SELECT typeof(document_id) FROM stock_moves LIMIT 1"), "null",
	       "a movement without a document has NULL there");

	struct record *page[4];
	size_t got = 0;
	record_browse(book, &articles_kind, BROWSE_AFTER, "CARTA", INT64_MIN, 1, page, &got, err);
	is_str(got ? record_get(page[0], ARTICLE_STOCK) : "", "7501", "the list shows it too");
	if (got)
		record_free(page[0]);

	struct record *dup = article("CARTA-A4", "2200", "");
	size_t bad = 0;
	is_int(record_save(book, dup, &bad, err), REC_INVALID, "a second article with the code");
	is_str(err, "Code: another record already has this value", "is refused by name");
	is_int(bad, ARTICLE_CODE, "on the code");
	record_free(dup);

	is_int(record_delete(book, l, err), REC_ERROR, "an article with movements stays");
	is_str(err, "it is still used elsewhere in the book: nothing was deleted", "saying why");
	if (l != NULL) {
		while (l->rows[0].n > 0)
			record_rows_remove(&l->rows[0], 0);
		is_int(record_save(book, l, NULL, err), 0, "its movements removed");
		is_str(record_get(l, ARTICLE_STOCK), "0", "the stock is 0");
		is_int(record_delete(book, l, err), 0, "then it can be deleted");
	}
	record_free(l);
	record_free(a);
}

static void
custom_fields(void)
{
	struct record *r = company("Campi Srl"), *l = NULL;
	char err[ERR_SIZE];

	record_custom_set(r, "vat_reg", "Registro B");
	record_custom_set(r, "agent", "Rossi");
	is_int(record_save(book, r, NULL, err), 0, "a party with user-added fields saves");
	record_load(book, &parties_kind, r->id, &l, err);
	is_str(l ? record_custom_get(l, "vat_reg") : "", "Registro B", "a value loads");
	is_str(l ? record_custom_get(l, "nothing") : "x", "", "an unknown one is empty");
	record_custom_set(l, "agent", "");
	record_custom_set(l, "vat_reg", "Registro C");
	is_int(record_save(book, l, NULL, err), 0, "changed and cleared");
	is_str(query(book, "SELECT group_concat(name || '=' || value) FROM custom_values WHERE "
			   "kind = 'parties'"),
	       "vat_reg=Registro C", "a cleared value leaves the book");
	struct browse_filter flt = { .op = BF_CONTAINS, .value = "registro c", .custom = "vat_reg" };
	struct browse_order o = { .field = PARTY_NAME, .filters = &flt, .nfilters = 1 };
	struct record *page[5];
	size_t got = 0;
	is_int(record_browse_by(book, &parties_kind, &o, BROWSE_AFTER, NULL, 0, 5, page, &got, err),
	       0, "a list filtered on a user-added field");
	is_int(got, 1, "finds the one party that has it");
	is_str(got ? record_custom_get(page[0], "vat_reg") : "", "Registro C",
	       "and its row carries the value");
	for (size_t i = 0; i < got; i++)
		record_free(page[i]);
	flt.op = BF_EQ;
	flt.value = "";
	record_browse_by(book, &parties_kind, &o, BROWSE_AFTER, NULL, 0, 5, page, &got, err);
	ok(got > 0 && strcmp(record_get(page[0], PARTY_NAME), "Campi Srl") != 0,
	   "a party without the value counts as empty");
	for (size_t i = 0; i < got; i++)
		record_free(page[i]);
	record_custom_set(l, "bad", "a\x01");
	is_int(record_save(book, l, NULL, err), REC_INVALID, "control characters are refused");
	record_custom_set(l, "bad", "");
	is_int(record_delete(book, l, err), 0, "the party is deleted");
	is_str(query(book, "SELECT count(*) FROM custom_values"), "0", "its values with it");
	record_free(l);
	record_free(r);
}

/* A screen file's `custom` field: kept by name, never a table's own. */
static void
screen_custom(void)
{
	static const char head[] = "screen t \"T\"\ntable parties\nlayout\n  Name [name    ]\n"
				   "  Reg. [reg   ]\nend\nfields\n  name text\n";
	struct screen *s = NULL;
	struct buf errs = { 0 };
	char *text = xasprintf("%s  reg text custom max 20\nend\n", head);

	is_int(screen_parse("t.scr", text, &s, &errs), 0, "a screen with a custom field parses");
	int i = s ? screen_field_index(s, "reg") : -1;
	is_str(i >= 0 && s->fields[i].custom ? s->fields[i].custom : "", "reg", "kept by its name");
	if (i >= 0) {
		struct record *r = record_new(&parties_kind);
		screen_field_store(&s->fields[i], r, "B");
		is_str(record_custom_get(r, "reg"), "B", "stored as a user-added value");
		is_str(screen_field_value(&s->fields[i], r), "B", "and read back");
		record_free(r);
	}
	screen_free(s);
	free(text);
	s = NULL;
	text = xasprintf("%s  reg text custom field city\nend\n", head);
	is_int(screen_parse("t.scr", text, &s, &errs), 1, "a custom field named as a table's");
	is_str(errs.data, "t.scr:9: 'city' is a field of table parties: drop 'custom'\n",
	       "is refused");
	free(text);
	buf_free(&errs);
	text = xasprintf("%s  reg text\nend\n", head);
	screen_parse("t.scr", text, &s, &errs);
	is_str(errs.data, "t.scr:9: table parties has no field 'reg' (a field of your own is "
			  "marked 'custom')\n", "an unknown field hints at custom");
	free(text);
	buf_free(&errs);
}

/* A screen file's views: the same screen under other names, each listing
 * the records whose field is one of some values (BF_IN), a new record
 * taking the first. */
static void
screen_views(void)
{
	static const char text[] =
		"screen t \"All\"\nview cus \"Customers\" where ro in c, b\n"
		"view sup \"Suppliers\"  where role in S,B\ntable parties\n"
		"layout\n  Name [name    ]\n  Role [ro]\nend\nfields\n  name text\n"
		"  ro choice field role default C upper choices \"C=Customer,S=Supplier,B=Both\"\n"
		"end\n";
	static const char *const bad[][2] = {
		{ "view cus \"C\" where nope in C", "t.scr:2: view cus: this screen has no field 'nope'\n" },
		{ "view cus \"C\" where ro in C,X", "t.scr:2: view cus: 'X' is not a value of ro: " },
		{ "view t \"C\" where ro in C", "t.scr:2: a view needs a name of its own, not the screen's\n" },
		{ "view cus where ro in C", "t.scr:2: write: view NAME \"Title\" where FIELD in VALUE,VALUE...\n" },
		{ "view cus \"C\" where ro = C", "t.scr:2: write: view NAME \"Title\" where FIELD in VALUE,VALUE...\n" },
	};
	struct screen *s = NULL, *v = NULL;
	struct buf errs = { 0 };
	const char *who[] = { "Anna", "Bruno", "Carla" }, *role[] = { "C", "S", "B" };
	char err[ERR_SIZE];

	is_int(screen_parse("t.scr", text, &s, &errs), 0, "a screen with two views parses: %s",
	       errs.data ? errs.data : "");
	is_int(s ? (int)s->nviews : -1, 2, "it knows its views");
	ok(s != NULL && s->where_in == NULL, "the screen itself shows every record");
	is_int(screen_parse_view("t.scr", text, 1, &v, &errs), 0, "view 1 parses");
	if (v != NULL) {
		int ro = screen_field_index(v, "ro");
		is_str(v->name, "cus", "under its name");
		is_str(v->title, "Customers", "and title");
		is_str(v->where_in ? v->where_in : "", "C\nB", "its values canonical, one a line");
		is_int((int)v->where_field, ro, "on the field it names");
		is_str(ro >= 0 ? v->fields[ro].dflt : "", "c", "a new record takes the first");
	}
	screen_free(v);
	v = NULL;
	is_int(screen_parse_view("t.scr", text, 2, &v, &errs), 0, "view 2, by the table's name");
	is_str(v ? v->fields[screen_field_index(v, "ro")].dflt : "", "S", "defaults to S");

	/* BF_IN in the book */
	for (size_t i = 0; i < 3; i++) {
		struct record *r = record_new(&parties_kind);
		record_set(r, PARTY_NAME, who[i]);
		record_set(r, PARTY_ROLE, role[i]);
		record_set(r, PARTY_COUNTRY, "DE");
		record_set(r, PARTY_NOTES, "view test");
		if (record_save(book, r, NULL, err) < 0)
			ok(0, "party saves: %s", err);
		record_free(r);
	}
	if (v != NULL) {
		struct browse_filter f[] = {
			{ PARTY_ROLE, BF_IN, v->where_in, NULL },
			{ PARTY_NOTES, BF_EQ, "view test", NULL },
		};
		struct browse_order o = { PARTY_NAME, 0, f, 2 };
		struct record *page[10];
		size_t got = 0;
		struct buf names = { 0 };
		is_int(record_browse_by(book, &parties_kind, &o, BROWSE_AFTER, NULL, 0, 10, page,
					&got, err),
		       0, "a list with BF_IN reads");
		for (size_t i = 0; i < got; i++) {
			buf_printf(&names, "%s%s", i ? " " : "", record_get(page[i], PARTY_NAME));
			record_free(page[i]);
		}
		is_str(names.data ? names.data : "", "Bruno Carla", "only suppliers and both");
		buf_free(&names);
	}
	screen_free(v);
	screen_free(s);
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		char *t = xasprintf("screen t \"All\"\n%s\ntable parties\nlayout\n  Name [name    ]\n"
				    "  Role [ro]\nend\nfields\n  name text\n  ro choice field role "
				    "choices \"C=Customer,S=Supplier,B=Both\"\nend\n", bad[i][0]);
		s = NULL;
		buf_free(&errs);
		is_int(screen_parse("t.scr", t, &s, &errs), 1, "refused: %s", bad[i][0]);
		ok(errs.data != NULL && str_starts(errs.data, bad[i][1]), "with: %.*s",
		   errs.data ? (int)strcspn(errs.data, "\n") : 0, errs.data ? errs.data : "");
		screen_free(s);
		free(t);
	}
	buf_free(&errs);
}

/* A view may choose by a field of the table that the screen does not
 * show; a new record of a view gets the screen's defaults and the view's
 * value (screen_preset). */
static void
hidden_view(void)
{
	static const char text[] =
		"screen t \"All\"\nview de \"German\" where country in DE,AT\ntable parties\n"
		"layout\n  Name [name    ]\nend\nfields\n  name text default \"Nuovo\"\nend\n";
	struct screen *v = NULL;
	struct buf errs = { 0 };
	struct record *r;
	char *bad;

	is_int(screen_parse_view("t.scr", text, 1, &v, &errs), 0,
	       "a view by a field the screen does not show parses: %s", errs.data ? errs.data : "");
	if (v == NULL)
		return;
	ok(v->where_field == SCREEN_NO_FIELD && v->where_record == PARTY_COUNTRY,
	   "its condition is on the table's field");
	is_str(v->where_in ? v->where_in : "", "DE\nAT", "with its values");
	r = record_new(&parties_kind);
	screen_preset(v, NULL, r, 0);
	is_str(record_get(r, PARTY_COUNTRY), "DE", "a new record takes the first");
	is_str(record_get(r, PARTY_NAME), "Nuovo", "and the screen's defaults");
	record_set(r, PARTY_NAME, "Altro");
	record_set(r, PARTY_COUNTRY, "IT");
	screen_preset(v, NULL, r, 1);
	ok(strcmp(record_get(r, PARTY_COUNTRY), "DE") == 0 &&
		   strcmp(record_get(r, PARTY_NAME), "Altro") == 0,
	   "again after init: only the view's value");
	record_free(r);
	screen_free(v);
	buf_free(&errs);
	bad = xasprintf("%.*sZZZ%s", (int)(strstr(text, "DE,AT") - text), text,
			strstr(text, "DE,AT") + 5);
	v = NULL;
	is_int(screen_parse("t.scr", bad, &v, &errs), 1, "a value the table's field refuses");
	ok(errs.data != NULL && str_starts(errs.data, "t.scr:2: view de: 'ZZZ' is not a value of "
						      "country: "),
	   "is named: %s", errs.data ? errs.data : "");
	screen_free(v);
	buf_free(&errs);
	free(bad);
}

/* A list's `total COLUMN` lines: the columns summed under it; mistakes. */
static void
list_totals(void)
{
	static const char *const bad[][2] = {
		{ "  total nope", "t.scr:8: total: 'nope' is not a column of the list\n" },
		{ "  total name", "t.scr:8: total: column 'name' is not a number\n" },
		{ "  total days x", "t.scr:8: under a list's line of fields: total COLUMN, a column "
				"of numbers to sum over the rows shown\n" },
	};
	const char *fmt = "screen t \"All\"\ntable parties\nlayout\n  Name [name    ] [days]\nend\n"
			  "list\n  [name    ] [days]\n%s\nend\nfields\n  name text\n"
			  "  days integer field pay_days\nend\n";
	struct screen *s = NULL;
	struct buf errs = { 0 };
	char *t = xasprintf(fmt, "  total days");

	is_int(screen_parse("t.scr", t, &s, &errs), 0, "a list with a total parses: %s",
	       errs.data ? errs.data : "");
	ok(s != NULL && s->nlist_totals == 1 && s->list_totals[0] == 1,
	   "it sums its second column");
	screen_free(s);
	free(t);
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		t = xasprintf(fmt, bad[i][0]);
		s = NULL;
		buf_free(&errs);
		is_int(screen_parse("t.scr", t, &s, &errs), 1, "refused: %s", bad[i][0]);
		is_str(errs.data ? errs.data : "", bad[i][1], "with its message");
		screen_free(s);
		free(t);
	}
	/* a total over a column whose type is unknown: that mistake alone is
	 * said (the total's check once read the type it does not have) */
	t = xasprintf("screen t \"All\"\ntable parties\nlayout\n  Name [name    ] [days]\nend\n"
		      "list\n  [name    ] [days]\n  total days\nend\nfields\n  name text\n"
		      "  days nosuch field pay_days\nend\n");
	s = NULL;
	buf_free(&errs);
	is_int(screen_parse("t.scr", t, &s, &errs), 1, "a total over a column of unknown type: refused");
	ok(errs.data != NULL && strstr(errs.data, "unknown field type 'nosuch'") != NULL &&
		   strstr(errs.data, "total:") == NULL,
	   "for its type only: %s", errs.data ? errs.data : "");
	screen_free(s);
	free(t);
	buf_free(&errs);
}

/* The shipped register: its screen and the views the menu opens. */
static void
shipped_views(void)
{
	char *path = share_path("screens/parties.scr");
	struct screen **all = NULL;
	struct buf errs = { 0 };
	size_t n = 0;
	struct buf names = { 0 };

	is_int(screen_load_all(path, &all, &n, &errs), 0, "parties.scr loads with its views");
	for (size_t i = 0; i < n; i++) {
		buf_printf(&names, "%s%s=%s", i ? " " : "", all[i]->name,
			   all[i]->where_in ? all[i]->where_in : "*");
		screen_free(all[i]);
	}
	is_str(names.data ? names.data : "", "parties=* customers=C\nB suppliers=S\nB",
	       "the register, its customers and its suppliers");
	free(all);
	buf_free(&names);
	buf_free(&errs);
	free(path);
}

/* Every record of the demo book passes the rules a save checks. */
static void
demo_book_valid(void)
{
	static const struct record_kind *const kinds[] = { &parties_kind, &articles_kind,
							   &company_kind };
	char *path = xasprintf("%s/demo.sqlite", tb.dir), *sqlpath = share_path("data/demo-book.sql");
	char *sql = NULL, err[ERR_SIZE];
	struct book *b = NULL;
	int bad = 0, seen = 0;

	if (file_read_all(sqlpath, 1 << 20, &sql, NULL, err) < 0 || book_open(path, &b, err) < 0 ||
	    book_exec(b, sql, err) < 0) {
		ok(0, "the demo book loads: %s", err);
		goto out;
	}
	for (size_t k = 0; k < ARRAY_LEN(kinds); k++) {
		struct record *page[50];
		size_t got = 0;
		record_browse(b, kinds[k], BROWSE_AFTER, NULL, 0, 50, page, &got, err);
		for (size_t i = 0; i < got; i++) {
			struct record *r = NULL;
			struct record_fault f;
			seen++;
			if (record_load(b, kinds[k], page[i]->id, &r, err) < 0 ||
			    record_save_ex(b, r, &f, err) < 0) {
				printf("# %s %s: %s\n", kinds[k]->name, record_get(page[i], 0), err);
				bad++;
			}
			record_free(r);
			record_free(page[i]);
		}
	}
	ok(seen >= 15, "the demo book has parties, articles and the company (%d)", seen);
	is_int(bad, 0, "every one of them saves under the register's rules");
	is_str(query(b, "SELECT group_concat(stock, ' ') FROM (SELECT (SELECT sum(quantity) FROM "
			"stock_moves WHERE article_id = articles.id) AS stock FROM articles "
			"WHERE code IN ('CARTA-A4', 'TONER-HP26') ORDER BY code)"),
	       "152500 7000", "its stock movements add up");
out:
	book_close(b);
	free(sql);
	free(sqlpath);
	free(path);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	migrate_old_book();
	party_rules();
	contacts();
	company_profile();
	articles();
	custom_fields();
	screen_custom();
	screen_views();
	hidden_view();
	list_totals();
	shipped_views();
	demo_book_valid();
	book_files_remove(tb.dir, "old.sqlite");
	book_files_remove(tb.dir, "demo.sqlite");
	temp_book_close(&tb, book);
	return tap_done();
}
