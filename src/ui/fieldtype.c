/* The field types screens are made of, in one table: each parses what is
 * typed, formats what is kept and validates it (the functions live in
 * ft-*.c). Checks of values the book also enforces come from the record
 * layer, so the screen and the book agree. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include <wctype.h>

#include "ui/ft-impl.h"
#include "ui/screenfile.h"
#include "util/i18n.h"

#define TYPE(n, max, flags, f)                                                             \
	{ n, max, flags, parse_##f, format_##f, validate_##f, NULL, NULL, rule_##f, NULL }
/* A number: plain CSV writes it with a decimal point, ungrouped. */
#define NUMBER(n, max, f)                                                                  \
	{ n, max, FT_NUMBER, parse_##f, format_##f, validate_##f, NULL, NULL, rule_##f,      \
	  plain_##f }

static const struct fieldtype types[] = {
	TYPE("text", 80, FT_TEXT, text),
	NUMBER("integer", 20, integer),
	NUMBER("decimal", 30, decimal),
	NUMBER("money", 24, money),
	NUMBER("percent", 8, percent),
	{ "date", 10, 0, parse_date, format_date, validate_date, offer_date, NULL, rule_date,
	  ft_plain },
	TYPE("choice", 16, FT_UPPER | FT_LIST, choice),
	/* a choice shown by its description (ft-list.c) */
	{ "mark", 16, FT_LIST, parse_choice, format_mark, validate_choice, NULL, NULL, rule_choice,
	  NULL },
	TYPE("yesno", 3, 0, yesno),
	TYPE("lookup", 80, FT_LIST, lookup),
	TYPE("partita_iva", 13, 0, piva),
	TYPE("codice_fiscale", 16, FT_UPPER, cf),
	TYPE("cap", 5, 0, cap),
	{ "province", 2, FT_UPPER | FT_LIST, parse_province, format_province, validate_province,
	  NULL, CODELIST_PROVINCES, rule_province, NULL },
	{ "country", 2, FT_UPPER | FT_LIST, parse_country, format_country, validate_country, NULL,
	  CODELIST_COUNTRIES, rule_country, NULL },
	TYPE("email", 254, FT_TEXT, email),
	TYPE("iban", 42, FT_UPPER, iban),
	TYPE("sdi_code", 7, FT_UPPER, sdi),
	TYPE("party_role", 1, FT_UPPER, role),
	{ "codice_ente", 4, FT_UPPER | FT_LIST, parse_ente, format_ente, validate_ente, NULL,
	  "data/comuni.txt", rule_ente, NULL },
	NUMBER("number", 30, exact),
	TYPE("discounts", 60, 0, discounts),
	TYPE("secret", 200, FT_TEXT | FT_SECRET, secret),
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
	static char names[512];

	if (names[0] == '\0')
		for (size_t i = 0; i < ARRAY_LEN(types); i++) {
			if (i > 0)
				strcat(names, " ");
			strcat(names, types[i].name);
		}
	return names;
}

const struct codelist *
fieldtype_choices(const struct fieldtype *t, const struct ft_params *p, char *err)
{
	if (p != NULL && p->choices != NULL)
		return p->choices;
	if (t->list == NULL) {
		err_set(err, "%s", _("has no list of choices"));
		return NULL;
	}
	return codelist_shared(t->list, err);
}

void
fieldtype_rule(const struct fieldtype *t, const struct ft_params *p, struct buf *out)
{
	t->rule(p, out);
}

int
fieldtype_take(const struct fieldtype *t, const struct ft_params *p, const char *typed,
	       char **value, char *err)
{
	*value = NULL;
	if (t->parse(p, typed, value, err) < 0)
		return -1;
	if ((*value)[0] != '\0' && t->validate(p, *value, err) < 0) {
		free(*value);
		*value = NULL;
		return -1;
	}
	return 0;
}

/* ---- today ---- */

void
fieldtype_today(int *year, int *month, int *day)
{
	char iso[11];

	util_today(iso);
	*year = atoi(iso);
	*month = atoi(iso + 5);
	*day = atoi(iso + 8);
}

/* ---- shared pieces ---- */

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

char *
ft_trim(const char *typed)
{
	return str_trim(xstrdup(typed));
}

char *
ft_code(const char *typed)
{
	char *t = ft_trim(typed), *s = utf8_upper(t), *w = s;

	free(t);
	for (const char *r = s; *r != '\0'; r++)
		if (*r != ' ' && *r != '\t')
			*w++ = *r;
	*w = '\0';
	return s;
}

char *
ft_plain(const struct ft_params *p, const char *value)
{
	(void)p;
	return xstrdup(value);
}

/* ---- the field of a screen ---- */

struct ft_params
screen_field_params(const struct screen_field *f, struct book *b)
{
	struct ft_params p = f->params;

	p.book = b;
	return p;
}

int
screen_field_take(const struct screen_field *f, struct book *b, const char *typed, char **value,
		  char *err)
{
	struct ft_params p = screen_field_params(f, b);
	char *up = (f->flags & SF_UPPER) ? utf8_upper(typed) : NULL;
	int rc = fieldtype_take(f->type, &p, up ? up : typed, value, err);

	free(up);
	if (rc == 0 && (*value)[0] == '\0' && (f->flags & SF_REQUIRED)) {
		free(*value);
		*value = NULL;
		return err_set(err, "%s", _("must not be empty"));
	}
	return rc;
}

char *
screen_field_show(const struct screen_field *f, struct book *b, const char *value)
{
	struct ft_params p = screen_field_params(f, b);

	return value[0] == '\0' ? xstrdup("") : f->type->format(&p, value);
}

char *
screen_field_plain(const struct screen_field *f, struct book *b, const char *value)
{
	struct ft_params p = screen_field_params(f, b);

	if (value[0] == '\0')
		return xstrdup("");
	return f->type->plain != NULL ? f->type->plain(&p, value) : f->type->format(&p, value);
}
