/* The charset edge: names, locales, and conversion both ways. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "term/charset.h"
#include "util/util.h"

/* Output conversion of s, as a C string (the converter is kept). */
static char *
out_of(struct charset_conv *c, const char *s)
{
	struct buf b = { 0 };

	charset_out(c, s, strlen(s), &b);
	buf_add(&b, "", 0);
	return b.data;
}

static void
check_out(const char *cs, const char *utf8, const char *want, const char *what)
{
	char err[ERR_SIZE];
	struct charset_conv *c = charset_open(cs, err);
	char *got;

	if (c == NULL) {
		ok(0, "%s: %s (%s)", cs, what, err);
		return;
	}
	got = out_of(c, utf8);
	ok(strcmp(got, want) == 0, "%s: %s", cs, what);
	free(got);
	charset_close(c);
}

int
main(void)
{
	char err[ERR_SIZE];
	struct charset_conv *c;
	struct buf b = { 0 };

	setlocale(LC_ALL, "C.UTF-8");
	is_str(charset_canonical("utf8"), "UTF-8", "utf8 is UTF-8");
	is_str(charset_canonical("latin9"), "ISO-8859-15", "latin9 is ISO-8859-15");
	is_str(charset_canonical("iso_8859-1"), "ISO-8859-1", "iso_8859-1 is ISO-8859-1");
	is_str(charset_canonical("IBM850"), "CP850", "IBM850 is CP850");
	is_str(charset_canonical("koi8r"), "KOI8-R", "koi8r is KOI8-R");
	is_str(charset_canonical("Windows-1251"), "CP1251", "Windows-1251 is CP1251");
	ok(charset_canonical("EBCDIC") == NULL, "EBCDIC is not supported");
	ok(charset_canonical("") == NULL, "an empty name is not a charset");
	is_str(charset_from_locale("it_IT.UTF-8"), "UTF-8", "it_IT.UTF-8");
	is_str(charset_from_locale("it_IT.utf8"), "UTF-8", "it_IT.utf8");
	is_str(charset_from_locale("it_IT.ISO-8859-15@euro"), "ISO-8859-15", "a modifier is skipped");
	is_str(charset_from_locale("it_IT@euro"), "ISO-8859-15", "@euro means Latin-9");
	is_str(charset_from_locale("ru_RU.KOI8-R"), "KOI8-R", "ru_RU.KOI8-R");
	ok(charset_from_locale("it_IT") == NULL, "no codeset, no charset");
	ok(charset_from_locale("C") == NULL, "C names no charset");
	ok(charset_open("nonsense", err) == NULL, "an unknown charset cannot be opened");
	is_str(err, "unknown charset 'nonsense'", "and the message says so");

	/* the euro sign where the charset has it, EUR where not */
	check_out("ISO-8859-15", "€ 1,50", "\xa4 1,50", "the euro is 0xA4");
	check_out("ISO-8859-1", "€ 1,50", "EUR 1,50", "no euro: EUR");
	check_out("CP1252", "€", "\x80", "the euro is 0x80");
	check_out("CP850", "€", "EUR", "no euro: EUR");
	check_out("CP858", "€", "\xd5", "the euro is 0xD5");
	check_out("CP1251", "€", "\x88", "the euro is 0x88");
	check_out("KOI8-R", "€", "EUR", "no euro: EUR");
	check_out("CP437", "€", "EUR", "no euro: EUR");
	check_out("CP866", "€", "EUR", "no euro: EUR");
	check_out("CP850", "10 €, 20 €", "10 EUR, 20 EUR", "every euro sign");
	{
		const char *const has[] = { "UTF-8", "ISO-8859-15", "CP1252", "CP858", "CP1251" };
		const char *const hasnt[] = { "ISO-8859-1", "CP437", "CP850", "KOI8-R", "CP866" };
		int right = 1;
		for (size_t i = 0; i < ARRAY_LEN(has); i++)
			right &= charset_has_euro(has[i]) && strcmp(charset_euro(has[i]), "€") == 0;
		for (size_t i = 0; i < ARRAY_LEN(hasnt); i++)
			right &= !charset_has_euro(hasnt[i]) && strcmp(charset_euro(hasnt[i]), "EUR") == 0;
		ok(right, "charset_euro: € in the five charsets that have it, EUR in the others");
	}
	/* EUR is written by scrivano, not left to //TRANSLIT, whose result
	 * depends on the locale: the same in plain C */
	setlocale(LC_ALL, "C");
	check_out("ISO-8859-1", "€", "EUR", "EUR in the C locale too");
	check_out("CP850", "─", "\xc4", "box drawing where the charset has it");
	setlocale(LC_ALL, "C.UTF-8");
	c = charset_open("CP850", err);
	charset_out(c, "5 \xe2\x82", 4, &b);
	charset_out(c, "\xac.", 2, &b);
	is_str(b.data, "5 EUR.", "a euro sign split between two reads is EUR");
	buf_free(&b);
	charset_close(c);
	check_out("ISO-8859-15", "Caffè Società", "Caff\xe8 Societ\xe0", "accented letters");
	check_out("CP850", "Caffè", "Caff\x8a", "accented letters");
	check_out("KOI8-R", "Жук", "\xf6\xd5\xcb", "Cyrillic");
	check_out("CP866", "Жук", "\x86\xe3\xaa", "Cyrillic");
	check_out("ISO-8859-15", "Жук", "???", "Cyrillic has no glyph: ?");
	check_out("UTF-8", "€ Жук", "€ Жук", "UTF-8 passes through");
	check_out("ISO-8859-1", "\x1b[1;1H\x1b(0qqq\x1b(B", "\x1b[1;1H\x1b(0qqq\x1b(B",
		  "escape sequences and ACS pass unchanged");

	/* a character split between two reads */
	c = charset_open("ISO-8859-15", err);
	charset_out(c, "Caff\xc3", 5, &b);
	is_str(b.data, "Caff", "half an è waits");
	charset_out(c, "\xa8!", 2, &b);
	is_str(b.data, "Caff\xe8!", "and is converted with its second byte");
	buf_free(&b);
	charset_out(c, "a\xff" "b", 3, &b);
	is_str(b.data, "a?b", "an invalid byte becomes ?");
	buf_free(&b);

	/* input: the terminal's bytes to UTF-8 */
	charset_in(c, "Caff\xe8 \xa4", 7, &b);
	is_str(b.data, "Caffè €", "Latin-9 input to UTF-8");
	buf_free(&b);
	charset_close(c);
	c = charset_open("KOI8-R", err);
	charset_in(c, "\xf6\xd5\xcb", 3, &b);
	is_str(b.data, "Жук", "KOI8-R input to UTF-8");
	buf_free(&b);
	charset_close(c);
	c = charset_open("utf8", err);
	ok(c != NULL && charset_is_utf8(c), "UTF-8 converts nothing");
	charset_in(c, "Жук", strlen("Жук"), &b);
	is_str(b.data, "Жук", "UTF-8 input passes through");
	buf_free(&b);
	charset_close(c);
	return tap_done();
}
