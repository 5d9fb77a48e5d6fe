/* The codice_ente field type: the codice ente of an F24's local tax rows,
 * a comune's codice catastale (data/comuni.txt), typed as the code or as
 * the comune's name, with F4 looking comuni up by name. A province's sigla
 * (the diritto camerale) and a codice regione (the semplificato's Regioni
 * rows) are taken as typed: the book checks which one the row's code wants. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book/f24-models.h"
#include "book/f24.h"
#include "ui/ft-impl.h"
#include "util/i18n.h"

/* The length of a comune's name in its description ("Roma RM": the name,
 * a blank, the province). */
static size_t
name_len(const char *text)
{
	const char *sp = strrchr(text, ' ');

	return sp != NULL ? (size_t)(sp - text) : strlen(text);
}

/* The comune whose name (or name and province) is t, any case; else the one
 * whose name starts with t. NULL when none or several (*several). */
static const struct code_entry *
comune_by_name(const struct codelist *l, const char *t, int *several)
{
	const struct code_entry *hit = NULL;
	size_t n = strlen(t), exact = 0, prefix = 0;

	*several = 0;
	for (size_t i = 0; i < l->n; i++) {
		const char *d = l->v[i].text;
		if (strcasecmp(d, t) == 0)
			return &l->v[i];
		if (name_len(d) == n && strncasecmp(d, t, n) == 0 && exact++ == 0)
			hit = &l->v[i];
	}
	if (exact > 0) {
		*several = exact > 1;
		return exact == 1 ? hit : NULL;
	}
	for (size_t i = 0; i < l->n; i++)
		if (strncasecmp(l->v[i].text, t, n) == 0 && prefix++ == 0)
			hit = &l->v[i];
	*several = prefix > 1;
	return prefix == 1 ? hit : NULL;
}

/* A province's sigla or a codice regione, which the field takes as typed. */
static int
other_ente(const char *code)
{
	char err[ERR_SIZE];

	return strlen(code) == 2 && (codelist_has(CODELIST_PROVINCES, code, err) == 1 ||
				     codelist_has(CODELIST_F24_REGIONS, code, err) == 1);
}

int
parse_ente(const struct ft_params *p, const char *typed, char **value, char *err)
{
	const struct codelist *l;
	const struct code_entry *hit;
	char *code = ft_code(typed), *t;
	int several = 0;

	*value = NULL;
	if (code[0] == '\0' || other_ente(code)) {
		*value = code;
		return 0;
	}
	if ((l = ft_list_of(p, CODELIST_COMUNI, err)) == NULL) {
		free(code);
		return -1;
	}
	t = ft_trim(typed);
	if ((hit = codelist_find(l, code)) == NULL)
		hit = comune_by_name(l, t, &several);
	free(t);
	if (hit != NULL)
		*value = xstrdup(hit->code);
	else if (several)
		err_set(err, _("'%s' fits several comuni; F4 lists them"), typed);
	else
		err_set(err, _("'%s' is not a comune's catastal code or name; F4 looks it up"),
			typed);
	free(code);
	return hit != NULL ? 0 : -1;
}

char *
format_ente(const struct ft_params *p, const char *value)
{
	return ft_plain(p, value);
}

int
validate_ente(const struct ft_params *p, const char *value, char *err)
{
	const struct codelist *l;

	if (other_ente(value))
		return 0;
	if ((l = ft_list_of(p, CODELIST_COMUNI, err)) == NULL)
		return -1;
	return codelist_find(l, value) != NULL
		       ? 0
		       : err_set(err, _("'%s' is not a comune's catastal code; F4 looks it up"),
				 value);
}

void
rule_ente(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A comune's codice catastale (H501 for Roma), typed as the code or as "
			"the comune's name; F4 lists the comuni by name. A province's sigla or "
			"a codice regione where the row's code asks for one."));
}
