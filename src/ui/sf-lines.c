/* Screen files, the words of a line: blank-separated, "quoted text" as one
 * word; field names; and reporting a mistake as "file:line: message". */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/sf-impl.h"
#include "util/i18n.h"

void
sf_error_at(struct parser *p, int line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	buf_printf(p->errs, "%s:%d: %s\n", p->file, line, msg ? msg : "?");
	free(msg);
	p->errors++;
}

int
sf_split(struct parser *p, char *line, struct words *w)
{
	char *s = line;

	w->n = 0;
	for (;;) {
		while (*s == ' ')
			s++;
		if (*s == '\0' || *s == '#')
			return 0;
		if (w->n == ARRAY_LEN(w->v)) {
			sf_error_at(p, p->lineno, _("too many words on one line"));
			return -1;
		}
		w->quoted[w->n] = *s == '"';
		if (*s == '"') {
			char *end = strchr(s + 1, '"');
			if (end == NULL) {
				sf_error_at(p, p->lineno, _("a quote is not closed"));
				return -1;
			}
			*end = '\0';
			w->v[w->n++] = s + 1;
			s = end + 1;
			if (*s != ' ' && *s != '\0') {
				sf_error_at(p, p->lineno, _("put a blank after a closing quote"));
				return -1;
			}
			continue;
		}
		w->v[w->n++] = s;
		while (*s != ' ' && *s != '\0')
			s++;
		if (*s != '\0')
			*s++ = '\0';
	}
}

int
sf_name_ok(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || isdigit((unsigned char)*s) || *s == '_'))
			return 0;
	return 1;
}
