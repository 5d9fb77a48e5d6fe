/* Printer controller mode jobs: ANSI (CSI 5 i … CSI 4 i) and Wyse
 * (ESC d # … DC4), in the printer's charset. */
#include "config.h"

#include <string.h>

#include "term/charset.h"
#include "term/printer.h"

struct printer_style {
	const char *start, *stop;
};

static const struct printer_style styles[] = {
	[PRINTER_ANSI] = { "\033[5i", "\033[4i" },
	[PRINTER_WYSE] = { "\033d#", "\024" },
};

enum printer_kind
printer_kind_for_term(const char *term)
{
	if (term != NULL && (str_starts(term, "wy") || str_starts(term, "wyse")))
		return PRINTER_WYSE;
	return PRINTER_ANSI;
}

int
printer_job(enum printer_kind kind, const char *charset, const char *text, struct buf *out,
	    char *err)
{
	struct charset_conv *c = charset_open(charset, err);
	struct buf crlf = { 0 };

	if (c == NULL)
		return -1;
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '\n' && (p == text || p[-1] != '\r'))
			buf_add(&crlf, "\r", 1);
		buf_add(&crlf, p, 1);
	}
	buf_adds(out, styles[kind].start);
	if (crlf.len > 0)
		charset_out(c, crlf.data, crlf.len, out);
	buf_adds(out, "\f");
	buf_adds(out, styles[kind].stop);
	buf_free(&crlf);
	charset_close(c);
	return 0;
}
