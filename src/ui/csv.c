/* The CSV writer (csv.h): quoting by RFC 4180, the two styles' separators,
 * the byte order mark and the formula guard. */
#include "config.h"

#include <string.h>

#include "ui/csv.h"

char
csv_separator(enum csv_style style)
{
	return style == CSV_ITALIAN ? ';' : ',';
}

void
csv_begin(struct buf *out, const struct csv_opts *o)
{
	if (o->bom)
		buf_add(out, "\xef\xbb\xbf", 3);
}

/* Whether a text cell would start a formula in a spreadsheet (OWASP's
 * list: = + - @, and tab and CR, which some strip before looking). */
static int
formula_like(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

static int
needs_quotes(const char *s, char sep)
{
	size_t n = strlen(s);

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return 1;
	for (; *s != '\0'; s++)
		if (*s == sep || *s == '"' || *s == '\r' || *s == '\n')
			return 1;
	return 0;
}

void
csv_cell(struct buf *out, const struct csv_opts *o, const char *s, int number, int first)
{
	char sep = csv_separator(o->style);
	int guard = !number && formula_like(s);

	if (!first)
		buf_add(out, &sep, 1);
	if (!guard && !needs_quotes(s, sep)) {
		buf_adds(out, s);
		return;
	}
	buf_adds(out, guard ? "\"'" : "\"");
	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_add(out, "\"", 1);
		buf_add(out, p, 1);
	}
	buf_adds(out, "\"");
}

void
csv_end_row(struct buf *out)
{
	buf_adds(out, "\r\n");
}

void
csv_row(struct buf *out, const struct csv_opts *o, const char *const *cells, const int *numeric,
	size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_cell(out, o, cells[i] != NULL ? cells[i] : "", numeric != NULL && numeric[i],
			 i == 0);
	csv_end_row(out);
}
