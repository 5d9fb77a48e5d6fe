/* The field types screens are made of: each parses what is typed, formats
 * what is kept and validates it. Checks of values the book also enforces
 * come from the record layer, so the screen and the book agree. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "book/parties.h"
#include "book/record.h"
#include "ui/fieldtype.h"
#include "util/i18n.h"

char *
utf8_upper(const char *s)
{
	size_t n = mbstowcs(NULL, s, 0);
	wchar_t *w;
	char *out;

	if (n == (size_t)-1)
		return xstrdup(s);
	w = xcalloc(n + 1, sizeof *w);
	mbstowcs(w, s, n + 1);
	for (size_t i = 0; i < n; i++)
		w[i] = (wchar_t)towupper((wint_t)w[i]);
	n = wcstombs(NULL, w, 0);
	out = xmalloc(n + 1);
	wcstombs(out, w, n + 1);
	free(w);
	return out;
}

static char *
parse_trim(const char *typed)
{
	char *s = xstrdup(typed);

	str_trim(s);
	return s;
}

static char *
parse_upper(const char *typed)
{
	char *t = parse_trim(typed), *u = utf8_upper(t);

	free(t);
	return u;
}

/* Identifiers are often typed or pasted with blanks inside: drop them. */
static char *
parse_code(const char *typed)
{
	char *s = parse_upper(typed), *w = s;

	for (const char *p = s; *p != '\0'; p++)
		if (*p != ' ' && *p != '\t')
			*w++ = *p;
	*w = '\0';
	return s;
}

/* A partita IVA as printed on invoices, "IT01234567897", is the number. */
static char *
parse_piva(const char *typed)
{
	char *s = parse_code(typed);

	if (strncmp(s, "IT", 2) == 0 && strlen(s) == 13)
		memmove(s, s + 2, 12); /* 11 digits and the NUL */
	return s;
}

static char *
format_plain(const char *value)
{
	return xstrdup(value);
}

static int
validate_text(const char *value, char *err)
{
	return utf8_valid_text(value) ? 0
				      : err_set(err, _("holds characters that are not allowed"));
}

static const struct fieldtype types[] = {
	{ "text", 80, 0, parse_trim, format_plain, validate_text },
	{ "partita_iva", 11, 0, parse_piva, format_plain, check_partita_iva },
	{ "codice_fiscale", 16, FT_UPPER, parse_code, format_plain, check_codice_fiscale },
	{ "cap", 5, 0, parse_code, format_plain, check_cap },
	{ "province", 2, FT_UPPER, parse_upper, format_plain, check_province },
	{ "country", 2, FT_UPPER, parse_upper, format_plain, check_country },
	{ "email", 254, 0, parse_trim, format_plain, check_email },
	{ "sdi_code", 7, FT_UPPER, parse_code, format_plain, check_sdi_code },
	{ "party_role", 1, FT_UPPER, parse_upper, format_plain, check_party_role },
};

const struct fieldtype *
fieldtype_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(types); i++)
		if (strcmp(types[i].name, name) == 0)
			return &types[i];
	return NULL;
}

const char *
fieldtype_names(void)
{
	static char names[256];

	if (names[0] == '\0')
		for (size_t i = 0; i < ARRAY_LEN(types); i++) {
			if (i > 0)
				strcat(names, " ");
			strcat(names, types[i].name);
		}
	return names;
}
