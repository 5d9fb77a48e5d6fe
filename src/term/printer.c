/* Printer controller mode jobs: ANSI (CSI 5 i … CSI 4 i) and Wyse
 * (ESC d # … DC4), in the printer's charset, with no control in the text
 * that could end the job early. */
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

/* 1 for a control character at p other than those a print job needs
 * (CR, LF, TAB, FF): one in the text could end controller mode early and
 * write to the user's screen. C1 controls (U+0080-U+009F) count too: in an
 * 8-bit charset U+009B becomes the byte CSI. */
static int
is_control(const char *p)
{
	unsigned char c = (unsigned char)p[0];

	if (c == 0x7f || (c == 0xc2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] < 0xa0))
		return 1;
	return c < 0x20 && c != '\r' && c != '\n' && c != '\t' && c != '\f';
}

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
		if (is_control(p))
			buf_add(&crlf, "?", 1);
		else
			buf_add(&crlf, p, 1);
		if ((unsigned char)p[0] == 0xc2 && is_control(p))
			p++; /* both bytes of a C1 control */
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
