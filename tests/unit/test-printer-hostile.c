/* A print job whose text holds control characters (from the book, or from
 * an imported invoice) cannot end printer controller mode early and write
 * to the user's screen: only CR, LF, TAB and FF pass; C1 controls never
 * reach an 8-bit printer charset where 0x9B would be CSI. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tap.h"
#include "term/printer.h"

/* 1 when the job's body (between start and stop) holds no byte that a
 * terminal or printer could take as a control but CR, LF, TAB and FF. */
static int
body_clean(const struct buf *b, size_t start, size_t stop)
{
	for (size_t i = start; i + stop < b->len; i++) {
		unsigned char c = (unsigned char)b->data[i];
		if ((c < 0x20 && c != '\r' && c != '\n' && c != '\t' && c != '\f') || c == 0x7f ||
		    (c >= 0x80 && c < 0xa0))
			return 0;
	}
	return 1;
}

static void
check(enum printer_kind k, const char *cs, const char *text, const char *what)
{
	size_t start = k == PRINTER_ANSI ? 4 : 3, stop = k == PRINTER_ANSI ? 4 : 1;
	char err[ERR_SIZE];
	struct buf b = { 0 };

	ok(printer_job(k, cs, text, &b, err) == 0, "%s: the job is made", what);
	ok(b.len > start + stop && body_clean(&b, start, stop), "%s: no control in the body", what);
	buf_free(&b);
}

int
main(void)
{
	char err[ERR_SIZE];
	struct buf b = { 0 };

	setlocale(LC_ALL, "C.UTF-8");
	check(PRINTER_ANSI, "UTF-8", "Rossi\033[4i\033]0;pwned\007\033[5i", "ANSI stop sequence in the text");
	check(PRINTER_WYSE, "UTF-8", "Rossi\024\033[2J", "Wyse DC4 in the text");
	check(PRINTER_ANSI, "ISO-8859-1", "Rossi \xc2\x9b" "4i", "a C1 CSI into Latin-1");
	check(PRINTER_ANSI, "CP1252", "a\x7f\x01z", "DEL and SOH");
	ok(printer_job(PRINTER_ANSI, "UTF-8", "a\tb\r\nc\fd\n", &b, err) == 0 &&
		   b.len == 4 + 10 + 1 + 4 && memcmp(b.data + 4, "a\tb\r\nc\fd\r\n", 10) == 0,
	   "TAB, CR LF, FF and LF (as CR LF) pass unchanged");
	buf_free(&b);
	ok(printer_job(PRINTER_ANSI, "UTF-8", "x\033y", &b, err) == 0 &&
		   b.len == 4 + 3 + 1 + 4 && memcmp(b.data + 4, "x?y", 3) == 0,
	   "a control becomes '?'");
	buf_free(&b);
	return tap_done();
}
