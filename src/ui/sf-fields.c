/* Screen files, the fields section: one line per field, NAME TYPE
 * ATTRIBUTES..., each attribute read into the field's struct. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/sf-impl.h"
#include "util/i18n.h"

static struct screen_field *
new_field(struct parser *p, const char *tag)
{
	struct screen *s = p->s;
	struct screen_field *f;

	for (size_t i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].tag, tag) == 0) {
			sf_error_at(p, p->lineno, _("field '%s' is already described on line %d"),
				    tag, s->fields[i].line);
			return NULL;
		}
	s->fields = xreallocarray(s->fields, s->nfields + 1, sizeof *s->fields);
	f = &s->fields[s->nfields++];
	memset(f, 0, sizeof *f);
	f->tag = xstrdup(tag);
	f->line = p->lineno;
	f->row = -1;
	f->record_field = (size_t)-1;
	f->params.scale = -1; /* not given */
	return f;
}

static int
parse_max(struct parser *p, const char *v, unsigned *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 1 || n > 1000) {
		sf_error_at(p, p->lineno, _("'max' needs a number from 1 to 1000"));
		return -1;
	}
	*out = (unsigned)n;
	return 0;
}

static int
parse_scale(struct parser *p, const char *v, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 0 || n > 12) {
		sf_error_at(p, p->lineno, _("'scale' needs a number from 0 to 12"));
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* choices FILE (a data file under the share folder) or "C=Customer,...". */
static int
parse_choices(struct parser *p, struct screen_field *f, const char *v, int quoted)
{
	char err[ERR_SIZE];

	codelist_free(f->own_choices);
	f->own_choices = NULL;
	if (quoted || strchr(v, '=') != NULL) {
		if (codelist_inline(v, &f->own_choices, err) < 0) {
			sf_error_at(p, p->lineno, "%s", err);
			return -1;
		}
		f->params.choices = f->own_choices;
	} else if ((f->params.choices = codelist_shared(v, err)) == NULL) {
		sf_error_at(p, p->lineno, _("choices %s: %s"), v, err);
		return -1;
	}
	return 0;
}

/* only WORD, skip N: after choices, the codes whose description starts
 * with the word WORD, and their descriptions without the first N words. */
static int
parse_narrow(struct parser *p, struct screen_field *f, const char *a, const char *v)
{
	struct codelist *narrow;
	char *end;
	long n = 0;

	if (f->params.choices == NULL) {
		sf_error_at(p, p->lineno, _("'%s' narrows a list: write it after choices"), a);
		return -1;
	}
	if (strcmp(a, "skip") == 0 && ((n = strtol(v, &end, 10)) < 0 || n > 9 || *end != '\0')) {
		sf_error_at(p, p->lineno, _("'skip' needs a number of words from 0 to 9"));
		return -1;
	}
	narrow = codelist_narrow(f->params.choices, strcmp(a, "only") == 0 ? v : NULL,
				 (unsigned)n);
	if (narrow->n == 0) {
		sf_error_at(p, p->lineno, _("only %s: no description of %s starts with it"), v,
			    f->params.choices->name);
		codelist_free(narrow);
		return -1;
	}
	codelist_free(f->own_choices);
	f->own_choices = narrow;
	f->params.choices = narrow;
	return 0;
}

static int
parse_lookup_attr(struct parser *p, struct screen_field *f, const char *v)
{
	if ((f->params.lookup = record_kind_find(v)) == NULL) {
		sf_error_at(p, p->lineno, _("lookup: unknown table '%s'"), v);
		return -1;
	}
	return 0;
}

/* help "Text": what the field holds, for F1 (English, translated when
 * shown). Given again, or on lines of its own after the field's, it goes
 * on after a blank. */
static int
parse_help(struct parser *p, char **help, const char *v, int quoted)
{
	char *joined;

	if (!quoted) {
		sf_error_at(p, p->lineno, _("write the help text in quotes: help \"Text\""));
		return -1;
	}
	if (v[0] == '\0') {
		sf_error_at(p, p->lineno, _("the help text is empty"));
		return -1;
	}
	joined = *help != NULL ? xasprintf("%s %s", *help, v) : xstrdup(v);
	free(*help);
	*help = joined;
	return 0;
}

/* A line `help "Text"` under fields: more help for the field described
 * just above it (a form's field or a grid's column). */
static void
help_line(struct parser *p, struct words *w)
{
	struct screen_field *f = NULL;

	if (w->n != 2 || !w->quoted[1]) {
		sf_error_at(p, p->lineno, _("write: help \"Text\" (a line of its own continues "
					    "the help of the field above it)"));
		return;
	}
	if (p->last_field == SF_LAST_FIELD)
		f = &p->s->fields[p->last_index];
	else if (p->last_field == SF_LAST_COLUMN)
		f = &p->gfields[p->last_index].f;
	else if (p->last_field == SF_LAST_NONE)
		sf_error_at(p, p->lineno, _("'help' on a line of its own continues the field "
					    "described above it, and there is none"));
	if (f != NULL)
		parse_help(p, &f->help, w->v[1], 1);
}

/* An attribute's value: 0, or -1 after reporting it. */
static int
attribute_value(struct parser *p, struct screen_field *f, struct words *w, size_t i,
		char **record_name)
{
	const char *a = w->v[i], *v = w->v[i + 1];

	if (strcmp(a, "max") == 0)
		return parse_max(p, v, &f->max);
	if (strcmp(a, "scale") == 0)
		return parse_scale(p, v, &f->params.scale);
	if (strcmp(a, "choices") == 0)
		return parse_choices(p, f, v, w->quoted[i + 1]);
	if (strcmp(a, "lookup") == 0)
		return parse_lookup_attr(p, f, v);
	if (strcmp(a, "only") == 0 || strcmp(a, "skip") == 0)
		return parse_narrow(p, f, a, v);
	if (strcmp(a, "help") == 0)
		return parse_help(p, &f->help, v, w->quoted[i + 1]);
	if (strcmp(a, "default") == 0) {
		free(f->dflt);
		f->dflt = xstrdup(v);
	} else if (strcmp(a, "label") == 0) {
		free(f->label);
		f->label = xstrdup(v);
	} else
		*record_name = w->v[i + 1];
	return 0;
}

/* One attribute of a field (and its value, when it takes one); returns the
 * number of words used, or 0 after a mistake. */
size_t
sf_field_attribute(struct parser *p, struct screen_field *f, struct words *w, size_t i,
		   char **record_name)
{
	const char *a = w->v[i];
	static const char *const with_value[] = { "max",   "default", "label",  "help",
						  "field", "scale",   "choices", "lookup",
						  "only",  "skip" };
	int takes = 0;

	for (size_t k = 0; k < ARRAY_LEN(with_value); k++)
		takes |= strcmp(a, with_value[k]) == 0;
	if (strcmp(a, "required") == 0)
		f->flags |= SF_REQUIRED;
	else if (strcmp(a, "upper") == 0)
		f->flags |= SF_UPPER;
	else if (strcmp(a, "readonly") == 0)
		f->flags |= SF_READONLY;
	else if (strcmp(a, "custom") == 0)
		f->flags |= SF_CUSTOM;
	else if (!takes) {
		sf_error_at(p, p->lineno,
			    _("unknown attribute '%s' (known: required upper readonly "
			      "custom max default label help field scale choices only skip "
			      "lookup)"),
			    a);
		return 0;
	} else if (i + 1 >= w->n) {
		sf_error_at(p, p->lineno, _("'%s' needs a value"), a);
		return 0;
	} else if (attribute_value(p, f, w, i, record_name) < 0)
		return 0;
	return takes ? 2 : 1;
}

/* A user-added field keeps its value in the book under its name, which
 * must not be one of the table's own fields. */
static void
custom_field(struct parser *p, struct screen_field *f, const char *name, int idx)
{
	if (idx >= 0) {
		sf_error_at(p, p->lineno, _("'%s' is a field of table %s: drop 'custom'"), name,
			    p->s->kind->name);
		return;
	}
	if (!sf_name_ok(name)) {
		sf_error_at(p, p->lineno,
			    _("'%s' is not a field name (lower-case letters, digits "
			      "and _)"),
			    name);
		return;
	}
	f->custom = xstrdup(name);
}

void
sf_fields_line(struct parser *p, struct words *w)
{
	struct screen_field *f;
	char *record_name = NULL;

	if (strcmp(w->v[0], "help") == 0 &&
	    (w->n < 2 || w->quoted[1] || fieldtype_find(w->v[1]) == NULL)) {
		help_line(p, w);
		return;
	}
	p->last_field = SF_LAST_REFUSED;
	if (strchr(w->v[0], '.') != NULL) {
		sf_grid_fields_line(p, w);
		return;
	}
	if (!sf_name_ok(w->v[0])) {
		sf_error_at(p, p->lineno,
			    _("'%s' is not a field name (lower-case letters, digits "
			      "and _)"),
			    w->v[0]);
		return;
	}
	if ((f = new_field(p, w->v[0])) == NULL)
		return;
	p->last_field = SF_LAST_FIELD;
	p->last_index = p->s->nfields - 1;
	if (w->n < 2) {
		sf_error_at(p, p->lineno, _("field '%s' needs a type (one of: %s)"), f->tag,
			    fieldtype_names());
		return;
	}
	if ((f->type = fieldtype_find(w->v[1])) == NULL) {
		sf_error_at(p, p->lineno, _("unknown field type '%s' (known: %s)"), w->v[1],
			    fieldtype_names());
		return;
	}
	for (size_t i = 2, n; i < w->n; i += n)
		if ((n = sf_field_attribute(p, f, w, i, &record_name)) == 0) {
			f->type = NULL; /* reported: the later checks would repeat it */
			return;
		}
	if (p->s->kind == NULL)
		return;
	if (record_name == NULL)
		record_name = f->tag;
	int idx = record_field_index(p->s->kind, record_name);
	if (f->flags & SF_CUSTOM)
		custom_field(p, f, record_name, idx);
	else if (idx < 0)
		sf_error_at(p, p->lineno,
			    _("table %s has no field '%s' (a field of your own is "
			      "marked 'custom')"),
			    p->s->kind->name, record_name);
	else
		f->record_field = (size_t)idx;
}
