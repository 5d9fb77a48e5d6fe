/* Field types of identifiers: partita IVA, codice fiscale, CAP, e-mail,
 * SDI code, party role (checked by the record layer, as the book checks
 * them) and IBAN (ISO 13616: the country's length, mod 97). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "book/parties.h"
#include "ui/ft-impl.h"
#include "util/i18n.h"

/* The record layer's check, as a type's validate. */
#define CHECKED_BY(name, parser, check)                                                    \
	int parse_##name(const struct ft_params *p, const char *typed, char **value,       \
			 char *err)                                                        \
	{                                                                                  \
		(void)p;                                                                   \
		(void)err;                                                                 \
		*value = parser(typed);                                                    \
		return 0;                                                                  \
	}                                                                                  \
	char *format_##name(const struct ft_params *p, const char *value)                  \
	{                                                                                  \
		return ft_plain(p, value);                                                 \
	}                                                                                  \
	int validate_##name(const struct ft_params *p, const char *value, char *err)       \
	{                                                                                  \
		(void)p;                                                                   \
		return check(value, err);                                                  \
	}

/* A partita IVA as printed on invoices, "IT01234567897", is the number. */
static char *
piva_code(const char *typed)
{
	char *s = ft_code(typed);

	if (strncmp(s, "IT", 2) == 0 && strlen(s) == 13)
		memmove(s, s + 2, 12); /* 11 digits and the NUL */
	return s;
}

CHECKED_BY(piva, piva_code, check_partita_iva)
CHECKED_BY(cf, ft_code, check_codice_fiscale)
CHECKED_BY(cap, ft_code, check_cap)
CHECKED_BY(email, ft_trim, check_email)
CHECKED_BY(sdi, ft_code, check_sdi_code)
CHECKED_BY(role, ft_code, check_party_role)

void
rule_piva(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A partita IVA: 11 digits, the last a check digit; an IT before them and "
			"blanks are dropped."));
}

void
rule_cf(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A codice fiscale: 16 letters and digits, the last a check character; "
			"for a company, its 11-digit partita IVA."));
}

void
rule_cap(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A CAP (postcode): 5 digits."));
}

void
rule_email(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("An e-mail address: name@domain."));
}

void
rule_sdi(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A codice destinatario: 7 letters or digits (0000000 when the invoices go "
			"to a PEC instead)."));
}

void
rule_role(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("C (customer), S (supplier) or B (both)."));
}

/* ---- IBAN ---- */

/* Lengths by country, from the IBAN registry (SWIFT). A country not listed
 * is held to the general 15-34 characters. */
static const struct {
	char cc[3];
	unsigned char len;
} iban_lengths[] = {
	{ "AD", 24 }, { "AE", 23 }, { "AL", 28 }, { "AT", 20 }, { "AZ", 28 }, { "BA", 20 },
	{ "BE", 16 }, { "BG", 22 }, { "BH", 22 }, { "BI", 27 }, { "BR", 29 }, { "BY", 28 },
	{ "CH", 21 }, { "CR", 22 }, { "CY", 28 }, { "CZ", 24 }, { "DE", 22 }, { "DJ", 27 },
	{ "DK", 18 }, { "DO", 28 }, { "EE", 20 }, { "EG", 29 }, { "ES", 24 }, { "FI", 18 },
	{ "FK", 18 }, { "FO", 18 }, { "FR", 27 }, { "GB", 22 }, { "GE", 22 }, { "GI", 23 },
	{ "GL", 18 }, { "GR", 27 }, { "GT", 28 }, { "HR", 21 }, { "HU", 28 }, { "IE", 22 },
	{ "IL", 23 }, { "IQ", 23 }, { "IS", 26 }, { "IT", 27 }, { "JO", 30 }, { "KW", 30 },
	{ "KZ", 20 }, { "LB", 28 }, { "LC", 32 }, { "LI", 21 }, { "LT", 20 }, { "LU", 20 },
	{ "LV", 21 }, { "LY", 25 }, { "MC", 27 }, { "MD", 24 }, { "ME", 22 }, { "MK", 19 },
	{ "MN", 20 }, { "MR", 27 }, { "MT", 31 }, { "MU", 30 }, { "NL", 18 }, { "NO", 15 },
	{ "OM", 23 }, { "PK", 24 }, { "PL", 28 }, { "PS", 29 }, { "PT", 25 }, { "QA", 29 },
	{ "RO", 24 }, { "RS", 22 }, { "RU", 33 }, { "SA", 24 }, { "SC", 31 }, { "SD", 18 },
	{ "SE", 24 }, { "SI", 19 }, { "SK", 24 }, { "SM", 27 }, { "SO", 23 }, { "ST", 25 },
	{ "SV", 28 }, { "TL", 23 }, { "TN", 24 }, { "TR", 26 }, { "UA", 29 }, { "VA", 22 },
	{ "VG", 24 }, { "XK", 20 }, { "YE", 30 },
};

static unsigned
iban_length(const char *cc)
{
	for (size_t i = 0; i < ARRAY_LEN(iban_lengths); i++)
		if (memcmp(iban_lengths[i].cc, cc, 2) == 0)
			return iban_lengths[i].len;
	return 0;
}

/* Italy and San Marino: CIN letter, ABI and CAB of 5 digits, account of 12. */
static int
iban_it_shape(const char *v)
{
	return v[4] >= 'A' && v[4] <= 'Z' && strspn(v + 5, "0123456789") >= 10;
}

int
parse_iban(const struct ft_params *p, const char *typed, char **value, char *err)
{
	char *s = ft_code(typed);

	(void)p;
	(void)err;
	if (strncmp(s, "IBAN", 4) == 0 && s[4] >= 'A' && s[4] <= 'Z')
		memmove(s, s + 4, strlen(s + 4) + 1);
	*value = s;
	return 0;
}

/* In groups of four, as banks print it. */
char *
format_iban(const struct ft_params *p, const char *value)
{
	size_t n = strlen(value);
	char *out = xmalloc(n + n / 4 + 1), *o = out;

	(void)p;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i % 4 == 0)
			*o++ = ' ';
		*o++ = value[i];
	}
	*o = '\0';
	return out;
}

void
rule_iban(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("An IBAN: the country's two letters, two check digits, then the account "
			"(27 characters in Italy); blanks are allowed, and the check digits are "
			"checked."));
}

int
validate_iban(const struct ft_params *p, const char *value, char *err)
{
	size_t n = strlen(value);
	unsigned want;

	(void)p;
	if (n < 15 || n > 34 || !code_chars_ok(value, "") || value[0] < 'A' || value[0] > 'Z' ||
	    value[1] < 'A' || value[1] > 'Z' || value[2] < '0' || value[2] > '9' ||
	    value[3] < '0' || value[3] > '9')
		return err_set(err, "%s", _("is not an IBAN (two letters, two digits, then the "
					   "account)"));
	want = iban_length(value);
	if (want != 0 && n != want)
		return err_set(err, _("an IBAN of %.2s has %u characters, not %zu"), value, want, n);
	if ((strncmp(value, "IT", 2) == 0 || strncmp(value, "SM", 2) == 0) &&
	    !iban_it_shape(value))
		return err_set(err, "%s", _("is not an Italian IBAN (a letter, then ABI and CAB)"));
	if (iban_mod97(value) != 1)
		return err_set(err, "%s", _("wrong check digits (a character is mistyped)"));
	return 0;
}
