/* A table-driven option parser shared by the config file and the command
 * line, with "file:line: message" for every mistake. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/conf.h"
#include "util/i18n.h"

#define CONF_FILE_MAX (256 * 1024)

static void *
field(void *obj, const struct opt_def *d)
{
	return (char *)obj + d->offset;
}

static int
parse_long(const char *s, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	return *s != '\0' && !isspace((unsigned char)*s) && errno == 0 && end != s ? (int)(end - s)
										     : -1;
}

static int
parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };

	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return *out = 1, 0;
		if (strcasecmp(s, no[i]) == 0)
			return *out = 0, 0;
	}
	return -1;
}

static int
parse_seconds(const char *s, long *out)
{
	static const struct {
		char unit;
		long mult;
	} units[] = { { 's', 1 }, { 'm', 60 }, { 'h', 3600 } };
	int used = parse_long(s, out);

	if (used < 0)
		return -1;
	if (s[used] == '\0')
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(units); i++)
		if (s[used] == units[i].unit && s[used + 1] == '\0') {
			if (*out > LONG_MAX / units[i].mult)
				return -1;
			*out *= units[i].mult;
			return 0;
		}
	return -1;
}

static int
set_one(const struct opt_def *d, void *obj, const char *value, char *err)
{
	long v = 0;
	int b;

	switch (d->type) {
	case OPT_STRING:
		if (!utf8_valid_text(value))
			return err_set(err, _("%s: the value is not valid text"), d->name);
		free(*(char **)field(obj, d));
		*(char **)field(obj, d) = xstrdup(value);
		return 0;
	case OPT_BOOL:
		if (parse_bool(value, &b) < 0)
			return err_set(err, _("%s: '%s' is not yes or no"), d->name, value);
		*(int *)field(obj, d) = b;
		return 0;
	case OPT_INT:
		if (parse_long(value, &v) != (int)strlen(value))
			return err_set(err, _("%s: '%s' is not a whole number"), d->name, value);
		break;
	case OPT_SECONDS:
		if (parse_seconds(value, &v) < 0)
			return err_set(err, _("%s: '%s' is not a time (such as 20, 20s, 5m or 1h)"),
				       d->name, value);
		break;
	}
	if (v < d->min || v > d->max)
		return err_set(err, _("%s: %ld is out of range (%ld to %ld)"), d->name, v, d->min,
			       d->max);
	*(long *)field(obj, d) = v;
	return 0;
}

void
conf_defaults(const struct opt_def *defs, size_t n, void *obj)
{
	for (size_t i = 0; i < n; i++)
		if (defs[i].def != NULL && set_one(&defs[i], obj, defs[i].def, NULL) < 0)
			abort(); /* a default that does not parse is a bug in the table */
}

int
conf_set(const struct opt_def *defs, size_t n, void *obj, const char *name, const char *value,
	 char *err)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(defs[i].name, name) == 0)
			return set_one(&defs[i], obj, value, err);
	return err_set(err, _("unknown option '%s'"), name);
}

/* One line: blank, "# comment", or "name = value" (value may be quoted). */
static int
load_line(const struct opt_def *defs, size_t n, void *obj, char *line, char *err)
{
	char *eq, *name, *value;
	size_t len;

	line = str_trim(line);
	if (*line == '\0' || *line == '#')
		return 0;
	if ((eq = strchr(line, '=')) == NULL)
		return err_set(err, _("expected 'name = value'"));
	*eq = '\0';
	name = str_trim(line);
	value = str_trim(eq + 1);
	len = strlen(value);
	if (len >= 2 && value[0] == '"' && value[len - 1] == '"') {
		value[len - 1] = '\0';
		value++;
	}
	if (*name == '\0')
		return err_set(err, _("an option name is missing before '='"));
	return conf_set(defs, n, obj, name, value, err);
}

int
conf_load(const struct opt_def *defs, size_t n, void *obj, const char *path, struct buf *errors)
{
	char err[ERR_SIZE], *text, *p, *nl;
	int lineno = 0, mistakes = 0;

	if (file_read_reporting(path, CONF_FILE_MAX, &text, errors) < 0)
		return -1;
	for (p = text; p != NULL && *p != '\0'; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl = '\0';
		lineno++;
		if (load_line(defs, n, obj, p, err) < 0) {
			buf_printf(errors, "%s:%d: %s\n", path, lineno, err);
			mistakes++;
		}
	}
	free(text);
	return mistakes;
}

void
conf_free(const struct opt_def *defs, size_t n, void *obj)
{
	for (size_t i = 0; i < n; i++)
		if (defs[i].type == OPT_STRING) {
			free(*(char **)field(obj, &defs[i]));
			*(char **)field(obj, &defs[i]) = NULL;
		}
}
