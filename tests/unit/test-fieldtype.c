/* Field types: for every type, what is typed becomes the canonical value,
 * the value is shown back and re-read the same (round trips), and bad input
 * is refused with a message; Italian money and dates with today fixed by
 * SCRIVANO_TODAY; lookups against a temporary book; the code-list loader's
 * file:line messages; the screen attributes of the types. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "book/parties.h"
#include "tap.h"
#include "ui/fieldtype.h"
#include "ui/screenfile.h"
#include "util/codelist.h"

static struct ft_params none;

/* typed -> want (canonical) -> shown -> the same canonical again */
static void
round_trip(const char *type, const struct ft_params *p, const char *typed, const char *want,
	   const char *shown)
{
	const struct fieldtype *t = fieldtype_find(type);
	char err[ERR_SIZE] = "", *v = NULL, *s = NULL, *again = NULL;

	if (t == NULL) {
		ok(0, "type %s exists", type);
		return;
	}
	if (fieldtype_take(t, p, typed, &v, err) < 0) {
		ok(0, "%s: '%s' is taken (refused: %s)", type, typed, err);
		return;
	}
	is_str(v, want, "%s: '%s' is kept as '%s'", type, typed, want);
	s = t->format(p, v);
	is_str(s, shown, "%s: '%s' is shown '%s'", type, want, shown);
	if (fieldtype_take(t, p, s, &again, err) < 0)
		ok(0, "%s: '%s' as shown is taken again (refused: %s)", type, s, err);
	else
		is_str(again, v, "%s: '%s' as shown reads back the same", type, s);
	free(v);
	free(s);
	free(again);
}

static void
refused(const char *type, const struct ft_params *p, const char *typed, const char *msg)
{
	const struct fieldtype *t = fieldtype_find(type);
	char err[ERR_SIZE] = "", *v = NULL;

	if (t == NULL) {
		ok(0, "type %s exists", type);
		return;
	}
	is_int(fieldtype_take(t, p, typed, &v, err), -1, "%s: '%s' is refused", type, typed);
	is_str(err, msg, "%s: '%s': the message", type, typed);
	ok(v == NULL, "%s: '%s' gives no value", type, typed);
	free(v);
}

static void
text_types(void)
{
	struct ft_params p = { .max = 5 };

	round_trip("text", &none, "  Caffè Società  ", "Caffè Società", "Caffè Società");
	round_trip("text", &p, "abcde", "abcde", "abcde");
	refused("text", &p, "abcdef", "is too long (at most 5 characters)");
	refused("text", &none, "a\x01b", "holds characters that are not allowed");
	round_trip("text", &none, "", "", "");
}

static void
integer_type(void)
{
	round_trip("integer", &none, "42", "42", "42");
	round_trip("integer", &none, "-7", "-7", "-7");
	round_trip("integer", &none, "007", "7", "7");
	round_trip("integer", &none, "1.234", "1234", "1234");
	round_trip("integer", &none, "2026", "2026", "2026");
	refused("integer", &none, "1,5", "takes no decimals");
	refused("integer", &none, "1.5", "takes no decimals");
	refused("integer", &none, "dodici", "'dodici' is not a number (write it like 1234)");
	refused("integer", &none, "99999999999999999999", "is too large");
	refused("integer", &none, "1-2", "'1-2' is not a number (write it like 1234)");
}

static void
money_type(void)
{
	round_trip("money", &none, "1234,5", "123450", "1.234,50");
	round_trip("money", &none, "1234.50", "123450", "1.234,50");
	round_trip("money", &none, "1.234,50", "123450", "1.234,50");
	round_trip("money", &none, "1234", "123400", "1.234,00");
	/* Italian: a dot before three digits groups thousands */
	round_trip("money", &none, "1.234", "123400", "1.234,00");
	round_trip("money", &none, "1.234.567", "123456700", "1.234.567,00");
	/* one dot and one or two digits: a decimal point */
	round_trip("money", &none, "1234.5", "123450", "1.234,50");
	round_trip("money", &none, "0.5", "50", "0,50");
	round_trip("money", &none, ",5", "50", "0,50");
	round_trip("money", &none, "-12,30", "-1230", "-12,30");
	round_trip("money", &none, "€ 1 234,56", "123456", "1.234,56");
	round_trip("money", &none, "0", "0", "0,00");
	round_trip("money", &none, "-0,01", "-1", "-0,01");
	round_trip("money", &none, "92233720368547758,07", "9223372036854775807",
		   "92.233.720.368.547.758,07");
	refused("money", &none, "1234,567", "takes at most 2 decimals");
	refused("money", &none, "1234.567", "takes at most 2 decimals");
	refused("money", &none, "1.23,45", "'1.23,45' is not a number (write it like 1.234,56)");
	refused("money", &none, "1,234,56", "'1,234,56' is not a number (write it like 1.234,56)");
	refused("money", &none, "1.234.5", "'1.234.5' is not a number (write it like 1.234,56)");
	refused("money", &none, "12,3.4", "'12,3.4' is not a number (write it like 1.234,56)");
	refused("money", &none, "0.123.456", "'0.123.456' is not a number (write it like 1.234,56)");
	refused("money", &none, "12a", "'12a' is not a number (write it like 1.234,56)");
	refused("money", &none, "-", "'-' is not a number (write it like 1.234,56)");
	refused("money", &none, "1e5", "'1e5' is not a number (write it like 1.234,56)");
	refused("money", &none, "92233720368547758,08", "is too large");
}

static void
decimal_and_percent(void)
{
	struct ft_params q = { .scale = 3 }, price = { .scale = 8 }, whole = { .scale = 0 };

	round_trip("decimal", &q, "1,5", "1500", "1,50");
	round_trip("decimal", &q, "1.500", "1500000", "1.500,00");
	round_trip("decimal", &q, "0.125", "125", "0,125");
	round_trip("decimal", &q, "12,345", "12345", "12,345");
	round_trip("decimal", &q, "-2", "-2000", "-2,00");
	round_trip("decimal", &price, "0,12345678", "12345678", "0,12345678");
	round_trip("decimal", &price, "1.234,5", "123450000000", "1.234,50");
	round_trip("decimal", &whole, "12", "12", "12");
	refused("decimal", &q, "1,2345", "takes at most 3 decimals");
	refused("decimal", &price, "0,123456789", "takes at most 8 decimals");

	round_trip("percent", &none, "22", "2200", "22,00");
	round_trip("percent", &none, "22%", "2200", "22,00");
	round_trip("percent", &none, "4,5", "450", "4,50");
	round_trip("percent", &none, "10.5", "1050", "10,50");
	round_trip("percent", &none, "0", "0", "0,00");
	round_trip("percent", &none, "100", "10000", "100,00");
	refused("percent", &none, "101", "must be from 0 to 100");
	refused("percent", &none, "-1", "must be from 0 to 100");
	refused("percent", &none, "22,555", "takes at most 2 decimals");
	refused("percent", &none, "iva", "'iva' is not a number (write it like 1.234,56)");
}

/* number: the book's exact decimal text (document quantities and prices);
 * discounts: typed in cascade, kept as the book's "SC 10.00%; ..." */
static void
number_and_discounts(void)
{
	struct ft_params p8 = { .scale = 8 }, p3 = { .scale = 3 };

	round_trip("number", &p8, "2", "2.00", "2,00");
	round_trip("number", &p8, "1.234,5", "1234.50", "1.234,50");
	round_trip("number", &p8, "0,00886292", "0.00886292", "0,00886292");
	round_trip("number", &p8, "12.5", "12.50", "12,50");
	round_trip("number", &p8, "-3", "-3.00", "-3,00");
	round_trip("number", &p3, "1,125", "1.125", "1,125");
	refused("number", &p8, "0,123456789", "takes at most 8 decimals");
	refused("number", &p3, "1,2345", "takes at most 3 decimals");
	refused("number", &p8, "dieci", "'dieci' is not a number (write it like 1.234,56)");
	{
		char err[ERR_SIZE] = "";
		const struct fieldtype *t = fieldtype_find("number");
		is_int(t != NULL ? t->validate(&p8, "2.0", err) : 0, -1,
		       "number: '2.0' is not the book's form (two decimals at least)");
		is_int(t != NULL ? t->validate(&p8, "2.50", err) : -1, 0, "number: '2.50' is");
	}

	round_trip("discounts", &none, "10+5", "SC 10.00%; SC 5.00%", "10+5");
	round_trip("discounts", &none, "10", "SC 10.00%", "10");
	round_trip("discounts", &none, " 10,5 + 2 ", "SC 10.50%; SC 2.00%", "10,5+2");
	round_trip("discounts", &none, "", "", "");
	{
		const struct fieldtype *t = fieldtype_find("discounts");
		char err[ERR_SIZE] = "", *v = NULL;
		is_int(t != NULL ? fieldtype_take(t, &none, "10+x", &v, err) : 0, -1,
		       "discounts: '10+x' is refused");
		ok(strstr(err, "discount 2") != NULL, "discounts: the message names the term (%s)", err);
		free(v);
	}
}

static void
date_type(void)
{
	setenv("SCRIVANO_TODAY", "2026-11-21", 1);
	round_trip("date", &none, "21/11/2026", "2026-11-21", "21/11/2026");
	round_trip("date", &none, "1/2/2027", "2027-02-01", "01/02/2027");
	round_trip("date", &none, "5", "2026-11-05", "05/11/2026");
	round_trip("date", &none, "30", "2026-11-30", "30/11/2026");
	round_trip("date", &none, "+10", "2026-12-01", "01/12/2026");
	round_trip("date", &none, "-21", "2026-10-31", "31/10/2026");
	round_trip("date", &none, "+0", "2026-11-21", "21/11/2026");
	round_trip("date", &none, "+365", "2027-11-21", "21/11/2027");
	round_trip("date", &none, "3/4", "2026-04-03", "03/04/2026");
	round_trip("date", &none, "3/4/26", "2026-04-03", "03/04/2026");
	round_trip("date", &none, "3/4/45", "2045-04-03", "03/04/2045");
	round_trip("date", &none, "3/4/46", "1946-04-03", "03/04/1946");
	round_trip("date", &none, "31.12.99", "1999-12-31", "31/12/1999");
	round_trip("date", &none, "01-03-2026", "2026-03-01", "01/03/2026");
	round_trip("date", &none, "21112026", "2026-11-21", "21/11/2026");
	round_trip("date", &none, "211126", "2026-11-21", "21/11/2026");
	round_trip("date", &none, "2512", "2026-12-25", "25/12/2026");
	round_trip("date", &none, "2028-02-29", "2028-02-29", "29/02/2028");
	round_trip("date", &none, " 29/02/2028 ", "2028-02-29", "29/02/2028");
	round_trip("date", &none, "", "", "");
	refused("date", &none, "31", "31/11/2026 is not a day of the calendar");
	refused("date", &none, "29/02/2027", "29/02/2027 is not a day of the calendar");
	refused("date", &none, "0/1/2026", "00/01/2026 is not a day of the calendar");
	refused("date", &none, "1/13/2026", "01/13/2026 is not a day of the calendar");
	refused("date", &none, "1/1/1850", "the year must be from 1900 to 2199");
	refused("date", &none, "domani", "is not a date (write it like 21/11/2026)");
	refused("date", &none, "1/1/202", "is not a date (write it like 21/11/2026)");
	refused("date", &none, "123", "is not a date (write it like 21/11/2026)");
	refused("date", &none, "+", "is not a date (write it like 21/11/2026)");
	refused("date", &none, "1//2026", "is not a date (write it like 21/11/2026)");
	refused("date", &none, "+1x", "is not a date (write it like 21/11/2026)");
	{
		const struct fieldtype *t = fieldtype_find("date");
		char *o = t->offer(&none), err[ERR_SIZE];
		is_str(o, "2026-11-21", "an empty required date offers today");
		free(o);
		is_int(t->validate(&none, "2026-02-30", err), -1, "a stored 30 February is refused");
		is_int(t->validate(&none, "21/11/2026", err), -1, "a stored value not ISO is refused");
	}
	setenv("SCRIVANO_TODAY", "2026-01-31", 1);
	round_trip("date", &none, "+1", "2026-02-01", "01/02/2026");
	round_trip("date", &none, "-31", "2025-12-31", "31/12/2025");
	setenv("SCRIVANO_TODAY", "2026-13-01", 1);
	{
		int y, m, d;
		fieldtype_today(&y, &m, &d);
		ok(y >= 2024 && m >= 1 && m <= 12 && d >= 1, "a bad SCRIVANO_TODAY is ignored");
	}
	setenv("SCRIVANO_TODAY", "2026-11-21", 1);
}

static void
choice_and_yesno(void)
{
	struct codelist *l = NULL;
	struct ft_params p = { 0 };
	char err[ERR_SIZE] = "";
	struct buf errs = { 0 };

	is_int(codelist_inline("C=Customer,S=Supplier,B=Both", &l, err), 0, "inline choices");
	p.choices = l;
	round_trip("choice", &p, "s", "S", "S");
	round_trip("choice", &p, "Both", "B", "B");
	round_trip("choice", &p, "cust", "C", "C");
	refused("choice", &p, "X", "'X' is not in the list; F4 shows it");
	codelist_free(l);
	/* a mark is a choice shown by its words: a document's customer BLOCKED */
	is_int(codelist_inline("1=BLOCKED", &l, err), 0, "inline choices of a mark");
	p.choices = l;
	round_trip("mark", &p, "1", "1", "BLOCKED");
	refused("mark", &p, "2", "'2' is not in the list; F4 shows it");
	codelist_free(l);
	is_int(codelist_load("data/natura.txt", &l, &errs), 0, "data/natura.txt loads");
	p.choices = l;
	round_trip("choice", &p, "n2.2", "N2.2", "N2.2");
	round_trip("choice", &p, "N6.9", "N6.9", "N6.9");
	refused("choice", &p, "N2", "'N2' is not in the list; F4 shows it");
	refused("choice", &p, "Non imponibili", "'Non imponibili' fits several; F4 lists them");
	codelist_free(l);
	buf_free(&errs);
	refused("choice", &none, "A", "has no list of choices");

	round_trip("yesno", &none, "s", "1", "Yes");
	round_trip("yesno", &none, "sì", "1", "Yes");
	round_trip("yesno", &none, "Y", "1", "Yes");
	round_trip("yesno", &none, "no", "0", "No");
	round_trip("yesno", &none, "0", "0", "No");
	refused("yesno", &none, "forse", "answer Y (yes) or N (no)");
}

static void
code_types(void)
{
	round_trip("partita_iva", &none, "IT 0123456789 7", "01234567897", "01234567897");
	refused("partita_iva", &none, "01234567890", "wrong check digit");
	refused("partita_iva", &none, "1234", "must be 11 digits");
	round_trip("codice_fiscale", &none, "rssmra80a01h501u", "RSSMRA80A01H501U",
		   "RSSMRA80A01H501U");
	round_trip("codice_fiscale", &none, "01234567897", "01234567897", "01234567897");
	refused("codice_fiscale", &none, "RSSMRA80A01H501X", "wrong check character (expected U)");
	round_trip("cap", &none, " 20121 ", "20121", "20121");
	refused("cap", &none, "2012", "must be 5 digits");
	round_trip("province", &none, "mi", "MI", "MI");
	round_trip("province", &none, "Roma", "RM", "RM");
	round_trip("province", &none, "ee", "EE", "EE");
	refused("province", &none, "XX", "'XX' is not in the list; F4 shows it");
	refused("province", &none, "Reggio", "'Reggio' fits several; F4 lists them");
	round_trip("country", &none, "de", "DE", "DE");
	round_trip("country", &none, "Svizzera", "CH", "CH");
	round_trip("country", &none, "xk", "XK", "XK");
	refused("country", &none, "ZZ", "'ZZ' is not in the list; F4 shows it");
	round_trip("email", &none, " anna@example.it ", "anna@example.it", "anna@example.it");
	round_trip("sdi_code", &none, "abc1234", "ABC1234", "ABC1234");
	round_trip("party_role", &none, "b", "B", "B");
	refused("party_role", &none, "X", "must be C (customer), S (supplier) or B (both)");
}

static void
iban_type(void)
{
	round_trip("iban", &none, "IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456",
		   "IT60 X054 2811 1010 0000 0123 456");
	round_trip("iban", &none, "it60x0542811101000000123456", "IT60X0542811101000000123456",
		   "IT60 X054 2811 1010 0000 0123 456");
	round_trip("iban", &none, "IBAN DE89 3704 0044 0532 0130 00", "DE89370400440532013000",
		   "DE89 3704 0044 0532 0130 00");
	round_trip("iban", &none, "GB29NWBK60161331926819", "GB29NWBK60161331926819",
		   "GB29 NWBK 6016 1331 9268 19");
	round_trip("iban", &none, "NO9386011117947", "NO9386011117947", "NO93 8601 1117 947");
	refused("iban", &none, "IT60X0542811101000000123457",
		"wrong check digits (a character is mistyped)");
	refused("iban", &none, "IT60X054281110100000012345", "an IBAN of IT has 27 characters, not 26");
	refused("iban", &none, "DE8937040044053201300", "an IBAN of DE has 22 characters, not 21");
	refused("iban", &none, "IT6010542811101000000123456",
		"is not an Italian IBAN (a letter, then ABI and CAB)");
	refused("iban", &none, "60IT", "is not an IBAN (two letters, two digits, then the account)");
	refused("iban", &none, "IT60-X054-2811-1010-0000-0123-456",
		"is not an IBAN (two letters, two digits, then the account)");
}

static void
lookup_type(const char *dir)
{
	char *path = xasprintf("%s/book.sqlite", dir), err[ERR_SIZE] = "";
	const char *names[] = { "Rossi Mario", "Rossini Gioacchino", "Bianchi srl", "Verdi",
				"Verdi" };
	int64_t ids[5] = { 0 };
	struct book *b = NULL;
	struct ft_params p = { .lookup = &parties_kind };
	size_t bad;

	if (book_open(path, &b, err) < 0) {
		ok(0, "test book opens: %s", err);
		free(path);
		return;
	}
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		struct record *r = record_new(&parties_kind);
		record_set(r, PARTY_NAME, names[i]);
		record_set(r, PARTY_COUNTRY, "DE"); /* (no codice fiscale needed) */
		if (record_save(b, r, &bad, err) < 0)
			ok(0, "party saved: %s", err);
		ids[i] = r->id;
		record_free(r);
	}
	p.book = b;
	char *want = xasprintf("%lld", (long long)ids[0]);
	round_trip("lookup", &p, "rossi mario", want, "Rossi Mario");
	free(want);
	want = xasprintf("%lld", (long long)ids[2]);
	round_trip("lookup", &p, "bia", want, "Bianchi srl");
	free(want);
	want = xasprintf("%lld", (long long)ids[1]);
	round_trip("lookup", &p, "Rossini", want, "Rossini Gioacchino");
	free(want);
	refused("lookup", &p, "Ross", "several start with 'Ross'; F4 lists them");
	refused("lookup", &p, "Verdi", "several start with 'Verdi'; F4 lists them");
	refused("lookup", &p, "Neri", "nothing starts with 'Neri'; F4 lists what there is");
	{
		const struct fieldtype *t = fieldtype_find("lookup");
		char *shown;
		is_int(t->validate(&p, "999", err), -1, "a lookup to a missing record is refused");
		is_str(err, "names a record that is not there any more", "with its message");
		is_int(t->validate(&p, "abc", err), -1, "a lookup value not an id is refused");
		shown = t->format(&p, "999");
		is_str(shown, "#999", "a missing target shows as its number");
		free(shown);
	}
	book_close(b);
	unlink(path);
	free(path);
}

static void
loader(void)
{
	struct codelist *l = NULL;
	struct buf errs = { 0 };
	char err[ERR_SIZE] = "";

	is_int(codelist_parse("x.txt", "# c\n\nMI  Milano\nN2.2  Non soggette\n", &l, &errs), 0,
	       "a good list parses");
	if (l != NULL) {
		is_int(l->n, 2, "two codes");
		is_str(codelist_find(l, "N2.2")->text, "Non soggette", "description");
		ok(codelist_find(l, "mi") == NULL, "codes are found as written");
		codelist_free(l);
		l = NULL;
	}
	is_int(codelist_parse("x.txt", "MI  Milano\nmi  milano\nMI  Again\nRM\nTOOLONGCODE12345X  x\n"
				       "\tTAB\n",
			      &l, &errs),
	       5, "five mistakes are counted");
	is_str(errs.data,
	       "x.txt:2: a line starts with a code (capital letters, digits, '.', '-' or '_'), then "
	       "blanks and its description\n"
	       "x.txt:3: code MI is already listed\n"
	       "x.txt:4: code RM has no description\n"
	       "x.txt:5: a code has at most 16 characters\n"
	       "x.txt:6: not UTF-8 text, or holds a tab or control characters\n",
	       "each as file:line: message");
	ok(l == NULL, "no list from a file with mistakes");
	buf_free(&errs);
	memset(&errs, 0, sizeof errs);
	is_int(codelist_parse("e.txt", "# only a comment\n", &l, &errs), 1, "an empty list");
	is_str(errs.data, "e.txt:1: the list holds no code\n", "is a mistake");
	buf_free(&errs);
	memset(&errs, 0, sizeof errs);
	is_int(codelist_load("no/such.txt", &l, &errs), 1, "a missing file");
	ok(errs.data != NULL && strstr(errs.data, "no/such.txt") != NULL,
	   "is reported, naming the file");
	buf_free(&errs);
	is_int(codelist_inline("C=Customer,C=Again", &l, err), -1, "inline: a code twice");
	is_str(err, "code C is already listed", "inline: message");
	is_int(codelist_inline("C=Customer,Supplier", &l, err), -1, "inline: no '='");
	is_int(codelist_inline("c=x", &l, err), -1, "inline: lower case code");
	is_int(codelist_inline("C=", &l, err), -1, "inline: no description");
}

/* Every shipped list loads, with the counts the facts say. */
static void
shipped(void)
{
	static const struct {
		const char *file;
		size_t n;
		const char *code;
	} lists[] = {
		{ CODELIST_PROVINCES, 112, "MB" },   { CODELIST_COUNTRIES, 250, "IT" },
		{ CODELIST_NATURA, 21, "N3.6" },     { CODELIST_REGIME, 19, "RF20" },
		{ CODELIST_PAYMENT_METHODS, 23, "MP23" }, { CODELIST_PAYMENT_TERMS, 3, "TP03" },
	};
	char err[ERR_SIZE] = "";

	for (size_t i = 0; i < ARRAY_LEN(lists); i++) {
		const struct codelist *l = codelist_shared(lists[i].file, err);
		ok(l != NULL, "%s loads %s", lists[i].file, l ? "" : err);
		if (l == NULL)
			continue;
		is_int(l->n, lists[i].n, "%s has %zu codes", lists[i].file, lists[i].n);
		ok(codelist_find(l, lists[i].code) != NULL, "%s has %s", lists[i].file,
		   lists[i].code);
	}
	is_int(codelist_has(CODELIST_REGIME, "RF03", err), 0, "RF03 no longer exists");
	is_int(codelist_has(CODELIST_NATURA, "N6", err), 0, "N6 alone is refused since 2021");
	is_int(check_province("MB", err), 0, "the book's province check reads the same list");
	is_int(check_province("ZZ", err), -1, "and refuses what it lacks");
	is_str(err, "ZZ is not a province (EE: abroad)", "with its message");
	is_int(check_country("XK", err), 0, "the book's country check reads data/countries.txt");
}

static const char screen_text[] =
	"screen t \"T\"\n"
	"table parties\n"
	"layout\n"
	"  Name [name      ]\n"
	"  Role [ro]\n"
	"end\n"
	"layout\n"
	"  City [city     ]  Prov [pr]\n"
	"end\n"
	"fields\n"
	"  name text required\n"
	"  ro   choice field role choices \"C=Customer,S=Supplier,B=Both\" default c\n"
	"  city text readonly\n"
	"  pr   province field province choices data/provinces.txt\n"
	"end\n";

static void
screen_attributes(void)
{
	struct screen *s = NULL;
	struct buf errs = { 0 };
	char err[ERR_SIZE], *v = NULL;

	is_int(screen_parse("t.scr", screen_text, &s, &errs), 0, "a screen with two pages parses%s%s",
	       errs.data ? ": " : "", errs.data ? errs.data : "");
	buf_free(&errs);
	if (s == NULL)
		return;
	is_int(s->npages, 2, "two layout sections are two pages");
	is_int(s->fields[2].page, 1, "city is on the second page");
	ok(s->fields[2].flags & SF_READONLY, "readonly");
	ok(s->fields[1].params.choices != NULL && s->fields[1].params.choices->n == 3,
	   "inline choices");
	is_int(screen_field_take(&s->fields[0], NULL, "  ", &v, err), -1, "required refuses blanks");
	is_str(err, "must not be empty", "with its message");
	is_int(screen_field_take(&s->fields[1], NULL, "b", &v, err), 0, "a choice by code");
	is_str(v, "B", "upper-cased");
	free(v);
	screen_free(s);

	static const struct {
		const char *line, *msg;
	} bad[] = {
		{ "  name decimal", "t.scr:11: decimal field 'name' needs 'scale N' (digits after the "
				   "comma)\n" },
		{ "  name text scale 2", "t.scr:11: 'scale' is for decimal fields\n" },
		{ "  name decimal scale 13", "t.scr:11: 'scale' needs a number from 0 to 12\n" },
		{ "  name choice", "t.scr:11: choice field 'name' needs 'choices FILE' or 'choices "
				 "\"C=Text,...\"'\n" },
		{ "  name mark", "t.scr:11: choice field 'name' needs 'choices FILE' or 'choices "
			       "\"C=Text,...\"'\n" },
		{ "  name text choices \"1=X\"",
		  "t.scr:11: 'choices' is for choice, mark, province and country fields\n" },
		{ "  name lookup", "t.scr:11: lookup field 'name' needs 'lookup TABLE'\n" },
		{ "  name lookup lookup nope", "t.scr:11: lookup: unknown table 'nope'\n" },
		{ "  name text lookup parties", "t.scr:11: 'lookup' is for lookup fields\n" },
		{ "  name choice choices data/none.txt",
		  "t.scr:11: choices data/none.txt: " },
		{ "  name money default 1,234", "t.scr:11: default of 'name': takes at most 2 "
					      "decimals\n" },
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		char *text = xstrdup(screen_text), *at = strstr(text, "  name text required");
		char *fixed;
		*at = '\0';
		fixed = xasprintf("%s%s%s", text, bad[i].line, at + strlen("  name text required"));
		memset(&errs, 0, sizeof errs);
		ok(screen_parse("t.scr", fixed, &s, &errs) > 0, "refused: %s", bad[i].line);
		ok(errs.data != NULL && strncmp(errs.data, bad[i].msg, strlen(bad[i].msg)) == 0 &&
			   strchr(errs.data, '\n') == errs.data + strlen(errs.data) - 1,
		   "one message: %.*s", (int)strcspn(bad[i].msg, "\n"), bad[i].msg);
		buf_free(&errs);
		free(text);
		free(fixed);
	}
}

/* What plain CSV writes (export.c): numbers ungrouped with a decimal
 * point, dates ISO; other types as shown. */
static void
plain_formats(void)
{
	static const struct {
		const char *type;
		int scale;
		const char *value, *plain;
	} cases[] = {
		{ "money", 0, "123456", "1234.56" },      { "money", 0, "-12345678", "-123456.78" },
		{ "money", 0, "5", "0.05" },              { "decimal", 3, "1234500", "1234.50" },
		{ "decimal", 8, "125000000", "1.25" },    { "percent", 0, "2250", "22.50" },
		{ "integer", 0, "1234567", "1234567" },   { "date", 0, "2026-11-21", "2026-11-21" },
		{ "text", 0, "Caffè, Società", "Caffè, Società" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct fieldtype *t = fieldtype_find(cases[i].type);
		struct ft_params p = { .scale = cases[i].scale };
		char *got = t->plain != NULL ? t->plain(&p, cases[i].value) : t->format(&p, cases[i].value);
		is_str(got, cases[i].plain, "%s '%s' is written '%s' in plain CSV", cases[i].type,
		       cases[i].value, cases[i].plain);
		free(got);
	}
}

int
main(void)
{
	char dir[] = "/tmp/scrivano-ft-XXXXXX";

	setlocale(LC_ALL, "C.UTF-8");
	if (getenv("SCRIVANO_SHARE") == NULL)
		setenv("SCRIVANO_SHARE", getenv("srcdir") ? getenv("srcdir") : ".", 1);
	if (chdir(getenv("SCRIVANO_SHARE")) < 0 || mkdtemp(dir) == NULL) {
		printf("not ok 1 - set up\n1..1\n");
		return 1;
	}
	text_types();
	integer_type();
	money_type();
	decimal_and_percent();
	number_and_discounts();
	date_type();
	choice_and_yesno();
	code_types();
	iban_type();
	lookup_type(dir);
	loader();
	shipped();
	screen_attributes();
	plain_formats();
	rmdir(dir);
	return tap_done();
}
