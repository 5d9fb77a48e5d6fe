/* Field types whose values come from a list: choice (a code list from data/
 * or inline), mark (a choice shown by its words), province and country (the shipped lists), yes/no, and lookup
 * (a record of another table, kept as its id, shown by its key). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book/parties.h"
#include "ui/ft-impl.h"
#include "util/i18n.h"

const struct codelist *
ft_list_of(const struct ft_params *p, const char *relpath, char *err)
{
	if (p != NULL && p->choices != NULL)
		return p->choices;
	if (relpath == NULL) {
		err_set(err, "%s", _("has no list of choices"));
		return NULL;
	}
	return codelist_shared(relpath, err);
}

static const char *
description(const struct codelist *l, size_t i)
{
	return l->translate ? _(l->v[i].text) : l->v[i].text;
}

/* The entry whose description is t (any case), else the one whose
 * description starts with t; *several when more than one does. */
static const struct code_entry *
by_description(const struct codelist *l, const char *t, int *several)
{
	const struct code_entry *hit = NULL;
	size_t n = strlen(t), hits = 0;

	*several = 0;
	for (size_t i = 0; i < l->n; i++)
		if (strcasecmp(description(l, i), t) == 0)
			return &l->v[i];
	for (size_t i = 0; i < l->n; i++)
		if (strncasecmp(description(l, i), t, n) == 0 && hits++ == 0)
			hit = &l->v[i];
	*several = hits > 1;
	return hits == 1 ? hit : NULL;
}

/* A code as typed (any case), or a description or the start of exactly
 * one. */
static int
parse_from_list(const struct ft_params *p, const char *relpath, const char *typed, char **value,
		char *err)
{
	char *code = ft_code(typed), *t;
	const struct codelist *l;
	const struct code_entry *hit;
	int several = 0;

	*value = NULL;
	if (code[0] == '\0') {
		*value = code;
		return 0;
	}
	if ((l = ft_list_of(p, relpath, err)) == NULL) {
		free(code);
		return -1;
	}
	t = ft_trim(typed);
	if ((hit = codelist_find(l, code)) == NULL)
		hit = by_description(l, t, &several);
	free(t);
	if (hit != NULL)
		*value = xstrdup(hit->code);
	else if (several)
		err_set(err, _("'%s' fits several; F4 lists them"), typed);
	else
		err_set(err, _("'%s' is not in the list; F4 shows it"), code);
	free(code);
	return hit != NULL ? 0 : -1;
}

static int
validate_in_list(const struct ft_params *p, const char *relpath, const char *value, char *err)
{
	const struct codelist *l = ft_list_of(p, relpath, err);

	if (l == NULL)
		return -1;
	return codelist_find(l, value) ? 0
				       : err_set(err, _("'%s' is not in the list; F4 shows it"),
						 value);
}

int
parse_choice(const struct ft_params *p, const char *typed, char **value, char *err)
{
	return parse_from_list(p, NULL, typed, value, err);
}

char *
format_choice(const struct ft_params *p, const char *value)
{
	return ft_plain(p, value);
}

int
validate_choice(const struct ft_params *p, const char *value, char *err)
{
	return validate_in_list(p, NULL, value, err);
}

/* A mark: a choice shown by its description rather than its code, for a
 * computed field that says something in words ("1=BLOCKED": a document's
 * customer blocked for new documents) and nothing when empty; typed,
 * checked and explained as a choice. */
char *
format_mark(const struct ft_params *p, const char *value)
{
	const struct codelist *l = p != NULL ? p->choices : NULL;

	for (size_t i = 0; l != NULL && i < l->n; i++)
		if (strcmp(l->v[i].code, value) == 0)
			return xstrdup(description(l, i));
	return xstrdup(value);
}

/* A short list is named whole, a long one counted. */
#define RULE_LIST_NAMED 8

static void
rule_list(const struct codelist *l, struct buf *out)
{
	if (l == NULL || l->n == 0)
		return;
	if (l->n > RULE_LIST_NAMED) {
		buf_printf(out, _("One of the %zu codes of its list, typed as the code or as the "
				  "start of its description."),
			   l->n);
		return;
	}
	buf_adds(out, _("One of:"));
	for (size_t i = 0; i < l->n; i++)
		buf_printf(out, "%s %s (%s)", i > 0 ? "," : "", l->v[i].code, description(l, i));
	buf_adds(out, ".");
}

void
rule_choice(const struct ft_params *p, struct buf *out)
{
	rule_list(p != NULL ? p->choices : NULL, out);
}

/* Province and country: the shipped lists; the record layer checks the
 * same lists, so a screen's choices attribute may only narrow them. */
int
parse_province(const struct ft_params *p, const char *typed, char **value, char *err)
{
	return parse_from_list(p, CODELIST_PROVINCES, typed, value, err);
}

char *
format_province(const struct ft_params *p, const char *value)
{
	return ft_plain(p, value);
}

int
validate_province(const struct ft_params *p, const char *value, char *err)
{
	if (check_province(value, err) < 0)
		return -1;
	return p != NULL && p->choices ? validate_in_list(p, NULL, value, err) : 0;
}

void
rule_province(const struct ft_params *p, struct buf *out)
{
	if (p != NULL && p->choices != NULL) {
		rule_list(p->choices, out);
		return;
	}
	buf_adds(out, _("A province's two-letter sigla (MI, RM; EE for abroad), or the start of "
			"its name."));
}

int
parse_country(const struct ft_params *p, const char *typed, char **value, char *err)
{
	return parse_from_list(p, CODELIST_COUNTRIES, typed, value, err);
}

char *
format_country(const struct ft_params *p, const char *value)
{
	return ft_plain(p, value);
}

int
validate_country(const struct ft_params *p, const char *value, char *err)
{
	if (check_country(value, err) < 0)
		return -1;
	return p != NULL && p->choices ? validate_in_list(p, NULL, value, err) : 0;
}

void
rule_country(const struct ft_params *p, struct buf *out)
{
	if (p != NULL && p->choices != NULL) {
		rule_list(p->choices, out);
		return;
	}
	buf_adds(out, _("A country's two-letter ISO code (IT, DE, FR...), or the start of its "
			"name."));
}

/* ---- yes/no ---- */

static const char *const yes_words[] = { "1", "y", "yes", "s", "si", "s\xc3\xac", "x", "true" };
static const char *const no_words[] = { "0", "n", "no", "false" };

static int
word_in(const char *s, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return 0;
}

int
parse_yesno(const struct ft_params *p, const char *typed, char **value, char *err)
{
	char *t = ft_trim(typed);
	char *low = utf8_upper(t);

	(void)p;
	free(t);
	/* S\xc3\x8c is the capital of sì */
	if (low[0] == '\0')
		*value = xstrdup("");
	else if (word_in(low, yes_words, ARRAY_LEN(yes_words)) || strcmp(low, "S\xc3\x8c") == 0 ||
		 strcasecmp(low, _("Yes")) == 0)
		*value = xstrdup("1");
	else if (word_in(low, no_words, ARRAY_LEN(no_words)) || strcasecmp(low, _("No")) == 0)
		*value = xstrdup("0");
	else {
		free(low);
		return err_set(err, "%s", _("answer Y (yes) or N (no)"));
	}
	free(low);
	return 0;
}

char *
format_yesno(const struct ft_params *p, const char *value)
{
	(void)p;
	if (strcmp(value, "1") == 0)
		return xstrdup(_("Yes"));
	if (strcmp(value, "0") == 0)
		return xstrdup(_("No"));
	return xstrdup(value);
}

int
validate_yesno(const struct ft_params *p, const char *value, char *err)
{
	(void)p;
	return strcmp(value, "1") == 0 || strcmp(value, "0") == 0
		       ? 0
		       : err_set(err, "%s", _("answer Y (yes) or N (no)"));
}

void
rule_yesno(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("Yes or no: Y, S or 1 for yes; N or 0 for no."));
}

/* ---- lookup ---- */

static int
same_text(const char *a, const char *b)
{
	char *ua = utf8_upper(a), *ub = utf8_upper(b);
	int same = strcmp(ua, ub) == 0;

	free(ua);
	free(ub);
	return same;
}

static int
starts_with(const char *s, const char *prefix)
{
	char *us = utf8_upper(s), *up = utf8_upper(prefix);
	int yes = strncmp(us, up, strlen(up)) == 0;

	free(us);
	free(up);
	return yes;
}

/* The one target whose key is typed (or, failing that, the one whose key
 * starts with it); 0 with *id, or -1 with a message. */
static int
find_target(const struct ft_params *p, const char *t, int64_t *id, char *err)
{
	const struct record_kind *k = p->lookup;
	struct record *rows[3];
	size_t got = 0, exact = 0, prefix = 0;
	int rc = record_browse(p->book, k, BROWSE_AFTER, t, INT64_MIN, 3, rows, &got, err);

	if (rc < 0)
		return -1;
	for (size_t i = 0; i < got; i++) {
		const char *key = record_get(rows[i], k->key_field);
		if (same_text(key, t) && exact++ == 0)
			*id = rows[i]->id;
		if (starts_with(key, t) && prefix++ == 0 && exact == 0)
			*id = rows[i]->id;
	}
	for (size_t i = 0; i < got; i++)
		record_free(rows[i]);
	if (exact == 1 || (exact == 0 && prefix == 1))
		return 0;
	if (exact > 1 || prefix > 1)
		return err_set(err, _("several start with '%s'; F4 lists them"), t);
	return err_set(err, _("nothing starts with '%s'; F4 lists what there is"), t);
}

int
parse_lookup(const struct ft_params *p, const char *typed, char **value, char *err)
{
	char *t = ft_trim(typed);
	int64_t id = 0;
	int rc = 0;

	if (t[0] == '\0' || p == NULL || p->lookup == NULL || p->book == NULL) {
		*value = t; /* no book to look in: the id itself */
		return 0;
	}
	if ((rc = find_target(p, t, &id, err)) == 0)
		*value = xasprintf("%lld", (long long)id);
	free(t);
	return rc;
}

char *
format_lookup(const struct ft_params *p, const char *value)
{
	char err[ERR_SIZE];
	int64_t id;
	char *s;

	/* lists show this for each row they paint: the key alone, one query */
	if (p == NULL || p->lookup == NULL || p->book == NULL || ft_to_int64(value, &id) < 0)
		return xstrdup(value);
	if (record_key_text(p->book, p->lookup, id, &s, err) < 0)
		return xasprintf("#%s", value);
	return s;
}

int
validate_lookup(const struct ft_params *p, const char *value, char *err)
{
	int64_t id;
	char *key;

	if (ft_to_int64(value, &id) < 0 || id <= 0)
		return err_set(err, "%s", _("is not a record's number"));
	if (p == NULL || p->lookup == NULL || p->book == NULL)
		return 0;
	if (record_key_text(p->book, p->lookup, id, &key, err) < 0)
		return err_set(err, "%s", _("names a record that is not there any more"));
	free(key);
	return 0;
}

void
rule_lookup(const struct ft_params *p, struct buf *out)
{
	(void)p;
	buf_adds(out, _("A record of another register: type the start of its name or code, and "
			"the one record it fits fills the field."));
}
