/* A list's Filter line, "city = Milano; total >= 100", read into the
 * record interface's conditions: the column named by its tag, field,
 * label or heading, the value taken as the column's field type takes it
 * (a lookup's name becomes its id). Pure but for a lookup's book. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/browse-filter.h"
#include "util/i18n.h"
#include "util/util.h"

static const struct {
	const char *text;
	int op;
} filter_ops[] = {
	{ "<>", BF_NE }, { "!=", BF_NE }, { ">=", BF_GE }, { "<=", BF_LE },
	{ "=", BF_EQ },  { "~", BF_CONTAINS },
};

const char *
browse_op_text(int op)
{
	for (size_t i = 0; i < ARRAY_LEN(filter_ops); i++)
		if (filter_ops[i].op == op)
			return filter_ops[i].text;
	return "?";
}

/* Whether name (any case) names screen field f: its name in brackets, the
 * record's field, its label, or the list's heading above it. */
static int
names_field(const struct screen *scr, size_t fi, const char *name)
{
	const struct screen_field *f = &scr->fields[fi];

	if (strcasecmp(name, f->tag) == 0 ||
	    (f->custom == NULL && strcasecmp(name, scr->kind->fields[f->record_field].name) == 0) ||
	    strcasecmp(name, f->label) == 0 || strcasecmp(name, _(f->label)) == 0)
		return 1;
	for (size_t c = 0; c < scr->ncolumns; c++) {
		const struct screen_column *col = &scr->columns[c];
		if (col->field != fi)
			continue;
		for (size_t h = 0; h < scr->nheadings; h++) {
			const struct screen_text *t = &scr->headings[h];
			if (t->col >= col->col - 1 && t->col < col->col + col->width &&
			    (strcasecmp(name, t->text) == 0 || strcasecmp(name, _(t->text)) == 0))
				return 1;
		}
	}
	return 0;
}

const struct screen_field *
browse_filter_column(const struct screen *scr, const char *name)
{
	for (size_t i = 0; i < scr->nfields; i++)
		if ((scr->fields[i].record_field < scr->kind->nfields ||
		     scr->fields[i].custom != NULL) &&
		    names_field(scr, i, name))
			return &scr->fields[i];
	return NULL;
}

/* The value a condition compares with, canonical as the book keeps it (a
 * lookup's typed name becomes its target's id). */
static int
filter_value(struct book *book, const struct screen_field *f, int op, const char *typed,
	     char **out, char *err)
{
	struct ft_params params = screen_field_params(f, book);
	char *v, msg[ERR_SIZE];

	if (op == BF_CONTAINS) {
		if (typed[0] == '\0')
			return err_set(err, _("Filter: %s ~ needs the text to look for."), _(f->label));
		*out = xstrdup(typed);
		return 0;
	}
	if (fieldtype_take(f->type, &params, typed, &v, msg) < 0)
		return err_set(err, _("Filter: %s: %s"), _(f->label), msg);
	if (f->flags & SF_UPPER) {
		char *up = utf8_upper(v);
		free(v);
		v = up;
	}
	*out = v;
	return 0;
}

/* One condition "column op value", or a bare text the sort column must
 * hold. */
static int
parse_condition(const struct screen *scr, struct book *book, size_t sort_field, char *text,
		struct browse_filter *out, char *err)
{
	const struct screen_field *f = NULL;
	char *at = NULL, *value;
	size_t opi = 0;

	*out = (struct browse_filter){ 0 };
	for (char *p = text; *p != '\0' && at == NULL; p++)
		for (opi = 0; opi < ARRAY_LEN(filter_ops); opi++)
			if (str_starts(p, filter_ops[opi].text)) {
				at = p;
				break;
			}
	if (at == NULL) {
		out->field = sort_field;
		out->op = BF_CONTAINS;
		out->value = xstrdup(str_trim(text));
		return 0;
	}
	value = str_trim(at + strlen(filter_ops[opi].text));
	*at = '\0';
	str_trim(text);
	if (text[0] == '\0')
		return err_set(err, _("Filter: name a column before %s (as: city = Milano)."),
			       filter_ops[opi].text);
	if ((f = browse_filter_column(scr, text)) == NULL)
		return err_set(err, _("Filter: no column is called \"%s\"."), text);
	out->field = f->custom != NULL ? 0 : f->record_field;
	out->custom = f->custom;
	out->op = filter_ops[opi].op;
	if (filter_value(book, f, out->op, value, &value, err) < 0)
		return -1;
	out->value = value;
	return 0;
}

void
browse_filters_free(struct browse_filter *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((char *)v[i].value);
}

int
browse_filters_parse(const struct screen *scr, struct book *book, size_t sort_field,
		     const char *line, struct browse_filter *out, size_t max, size_t *n, char *err)
{
	char *copy = xstrdup(line), *rest = copy, *one;
	int rc = 0;

	*n = 0;
	while (rc == 0 && (one = strsep(&rest, ";")) != NULL) {
		if (str_trim(one)[0] == '\0')
			continue;
		if (*n == max)
			rc = err_set(err, _("Filter: at most %d conditions."), (int)max);
		else if ((rc = parse_condition(scr, book, sort_field, one, &out[*n], err)) == 0)
			(*n)++;
	}
	free(copy);
	if (rc < 0) {
		browse_filters_free(out, *n);
		*n = 0;
	}
	return rc;
}

