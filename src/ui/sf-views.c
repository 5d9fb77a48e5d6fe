/* Screen files, views: the same screen under another name, listing only
 * some records. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui/sf-impl.h"
#include "util/i18n.h"

/* ---- views: the same screen showing some records ----
 *
 *   view customers "Customers"  where role in C,B
 *   view f24due "F24 due"  where state in T  filter "due <= +15"
 *
 * The view is a screen of its own name and title (the menu opens it by
 * name) whose list shows only the records whose field (a field of this
 * screen, by its name in brackets or its table's name) holds one of the
 * values, written as typed; a new record from it takes the first. */

void
sf_top_view(struct parser *p, struct words *w)
{
	struct view_line *v;
	struct buf values = { 0 };
	const char *filter = NULL;

	if (w->n < 7 || w->quoted[1] || !sf_name_ok(w->v[1]) || !w->quoted[2] ||
	    w->v[2][0] == '\0' || strcmp(w->v[3], "where") != 0 || w->quoted[4] ||
	    strcmp(w->v[5], "in") != 0) {
		sf_error_at(p, p->lineno,
			    _("write: view NAME \"Title\" where FIELD in VALUE,VALUE..."));
		return;
	}
	/* a quoted filter "..." at the end: the list's Filter, applied at once */
	if (w->n >= 9 && strcmp(w->v[w->n - 2], "filter") == 0 && !w->quoted[w->n - 2]) {
		if (!w->quoted[w->n - 1] || w->v[w->n - 1][0] == '\0') {
			sf_error_at(p, p->lineno,
				    _("write the view's filter in quotes, as the list's Filter "
				      "takes it: filter \"due <= +15\""));
			return;
		}
		filter = w->v[w->n - 1];
		w->n -= 2;
	}
	for (size_t i = 6; i < w->n; i++)
		buf_printf(&values, "%s%s", i > 6 ? " " : "", w->v[i]);
	p->views = xreallocarray(p->views, p->nviews + 1, sizeof *p->views);
	v = &p->views[p->nviews++];
	v->name = xstrdup(w->v[1]);
	v->title = xstrdup(w->v[2]);
	v->field = xstrdup(w->v[4]);
	v->values = values.data;
	v->filter = filter != NULL ? xstrdup(filter) : NULL;
	v->line = p->lineno;
}

/* The screen field a view names: its tag, or its table's field name. */
static int
view_field(const struct screen *s, const char *name)
{
	int idx = screen_field_index(s, name);

	for (size_t i = 0; i < s->nfields && idx < 0; i++)
		if (s->fields[i].custom == NULL &&
		    strcmp(s->kind->fields[s->fields[i].record_field].name, name) == 0)
			idx = (int)i;
	return idx;
}

/* A value of a table field the screen does not show, as the book keeps
 * it: 0, or -1 with a message. */
static int
record_value_ok(const struct record_field *rf, const char *v, char *err)
{
	if (strlen(v) > rf->max)
		return err_set(err, _("at most %u characters"), rf->max);
	return rf->check != NULL ? rf->check(v, err) : 0;
}

/* The view's values, canonical and one a line; *first gets the first as
 * written. The field is f on the screen, or (f NULL) the table's field
 * rf, whose values are written as the book keeps them. NULL after a
 * mistake (reported). */
static char *
view_values(struct parser *p, const struct view_line *v, const struct screen_field *f,
	    const struct record_field *rf, char **first)
{
	struct buf in = { 0 };
	char *copy = xstrdup(v->values), *rest = copy, *one, *canon, err[ERR_SIZE];

	*first = NULL;
	while ((one = strsep(&rest, ",")) != NULL) {
		int rc;

		one = str_trim(one);
		if (f != NULL)
			rc = screen_field_take(f, NULL, one, &canon, err);
		else if ((rc = record_value_ok(rf, one, err)) == 0)
			canon = xstrdup(one);
		if (rc == 0 && canon[0] == '\0') {
			free(canon);
			rc = err_set(err, "%s", _("must not be empty"));
		}
		if (rc < 0) {
			sf_error_at(p, v->line, _("view %s: '%s' is not a value of %s: %s"),
				    v->name, one, f != NULL ? f->tag : rf->name, err);
			buf_free(&in);
			free(*first);
			free(copy);
			*first = NULL;
			return NULL;
		}
		buf_printf(&in, "%s%s", in.data != NULL ? "\n" : "", canon);
		free(canon);
		if (*first == NULL)
			*first = xstrdup(one);
	}
	free(copy);
	return in.data;
}

/* Checks every view line; when the file is parsed as one of its views,
 * the screen becomes that view. */
void
sf_read_views(struct parser *p)
{
	struct screen *s = p->s;

	s->nviews = p->nviews;
	for (size_t i = 0; i < p->nviews; i++) {
		const struct view_line *v = &p->views[i];
		int idx = view_field(s, v->field), rf = -1;
		char *in, *first;

		for (size_t j = 0; j < i; j++)
			if (strcmp(p->views[j].name, v->name) == 0)
				sf_error_at(p, v->line, _("view '%s' is already on line %d"),
					    v->name, p->views[j].line);
		if (s->name != NULL && strcmp(s->name, v->name) == 0)
			sf_error_at(p, v->line,
				    _("a view needs a name of its own, not the screen's"));
		/* a field of the table the screen does not show: its kind's */
		if (idx < 0 && s->kind != NULL)
			rf = record_field_index(s->kind, v->field);
		if (idx < 0 && rf < 0) {
			sf_error_at(p, v->line, _("view %s: this screen has no field '%s'"),
				    v->name, v->field);
			continue;
		}
		if (idx >= 0 && s->fields[idx].params.lookup != NULL) {
			sf_error_at(p, v->line,
				    _("view %s: a view cannot choose by a lookup field"), v->name);
			continue;
		}
		if ((in = view_values(p, v, idx >= 0 ? &s->fields[idx] : NULL,
				      idx >= 0 ? NULL : &s->kind->fields[rf], &first)) == NULL)
			continue;
		if (i + 1 == p->want_view) {
			free(s->name);
			free(s->title);
			s->name = xstrdup(v->name);
			s->title = xstrdup(v->title);
			s->where_in = in;
			if (idx >= 0) {
				free(s->fields[idx].dflt);
				s->where_field = (size_t)idx;
				s->where_record = s->fields[idx].record_field;
				s->where_custom = s->fields[idx].custom;
				s->fields[idx].dflt = first;
			} else {
				s->where_field = SCREEN_NO_FIELD;
				s->where_record = (size_t)rf;
				s->where_custom = NULL;
				free(first);
			}
			s->filter = v->filter != NULL ? xstrdup(v->filter) : NULL;
		} else {
			free(in);
			free(first);
		}
	}
	if (p->want_view > p->nviews)
		sf_error_at(p, p->lineno, _("no view number %zu"), p->want_view);
}

/* ---- a new record of a screen ---- */

void
screen_preset(const struct screen *s, struct book *b, struct record *r, int view_only)
{
	char err[ERR_SIZE], *v;

	for (size_t i = 0; i < s->nfields && !view_only; i++)
		if (s->fields[i].dflt != NULL &&
		    screen_field_take(&s->fields[i], b, s->fields[i].dflt, &v, err) == 0) {
			screen_field_store(&s->fields[i], r, v);
			free(v);
		}
	if (s->where_in == NULL)
		return;
	v = xstrndup(s->where_in, strcspn(s->where_in, "\n"));
	if (s->where_custom != NULL)
		record_custom_set(r, s->where_custom, v);
	else
		record_set(r, s->where_record, v);
	free(v);
}
