/* Partita IVA (Luhn-like check digit) and codice fiscale (check letter)
 * checks, by the rules of DM 23/12/1976 and DPR 605/1973. */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "util/idcheck.h"
#include "util/i18n.h"
#include "util/util.h"

static int
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int
piva_check(const char *s, char *err)
{
	int x = 0, y = 0, check;

	if (strlen(s) != 11 || !all_digits(s, 11))
		return err_set(err, _("a partita IVA is 11 digits"));
	/* Positions are counted from 1: odd ones add the digit, even ones add
	 * the digit doubled, less 9 when the double exceeds 9. */
	for (int i = 0; i < 10; i++) {
		int d = s[i] - '0';
		if (i % 2 == 0)
			x += d;
		else
			y += d * 2 > 9 ? d * 2 - 9 : d * 2;
	}
	check = (10 - (x + y) % 10) % 10;
	if (check != s[10] - '0')
		return err_set(err, _("partita IVA %s: wrong check digit"), s);
	return 0;
}

int
piva_office_unusual(const char *s)
{
	int office;

	if (piva_check(s, NULL) < 0)
		return 0;
	office = (s[7] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
	return !((office >= 1 && office <= 100) || office == 120 || office == 121 ||
		 office == 888 || office == 999);
}

/* Value of a character in an odd position (1st, 3rd, …); digits score as
 * the letters A–J. */
static const int odd_value[26] = { 1,  0,  5,  7,  9,  13, 15, 17, 19, 21, 2,  4,  18,
				   20, 11, 3,  6,  8,  12, 14, 16, 10, 22, 25, 24, 23 };

static int
cf_index(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	return -1;
}

char
cf_check_char(const char *s)
{
	int sum = 0;

	for (int i = 0; i < 15; i++) {
		int v = cf_index(s[i]);
		if (v < 0)
			return 0;
		sum += i % 2 == 0 ? odd_value[v] : v;
	}
	return (char)('A' + sum % 26);
}

/* Where each of the 16 characters must be a letter (L), a digit or its
 * omocodia letter (N), or a month letter (M). */
static const char cf_shape[] = "LLLLLLNNMNNLNNNL";

static int
cf_char_fits(char c, char kind)
{
	switch (kind) {
	case 'L':
		return c >= 'A' && c <= 'Z';
	case 'M':
		return c != '\0' && strchr("ABCDEHLMPRST", c) != NULL;
	default:
		return (c >= '0' && c <= '9') || (c != '\0' && strchr("LMNPQRSTUV", c) != NULL);
	}
}

int
cf_check(const char *s, char *err)
{
	size_t n = strlen(s);
	char expect;

	if (n == 11 && all_digits(s, 11)) {
		if (piva_check(s, NULL) < 0)
			return err_set(err, _("codice fiscale %s: wrong check digit"), s);
		return 0;
	}
	if (n != 16)
		return err_set(err, _("a codice fiscale is 16 characters (or 11 digits for a company)"));
	for (size_t i = 0; i < 16; i++)
		if (!cf_char_fits(s[i], cf_shape[i]))
			return err_set(err, _("codice fiscale %s: character %zu is not valid there"), s,
				       i + 1);
	expect = cf_check_char(s);
	if (expect != s[15])
		return err_set(err, _("codice fiscale %s: wrong check character (expected %c)"), s,
			       expect);
	return 0;
}
