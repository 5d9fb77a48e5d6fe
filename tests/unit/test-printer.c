/* Printer controller mode: the exact bytes of a print job. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tap.h"
#include "term/printer.h"

static int
job_is(enum printer_kind k, const char *cs, const char *text, const char *want, size_t wantlen)
{
	char err[ERR_SIZE];
	struct buf b = { 0 };
	int same;

	if (printer_job(k, cs, text, &b, err) < 0)
		return 0;
	same = b.len == wantlen && memcmp(b.data, want, wantlen) == 0;
	if (!same) {
		printf("# got:");
		for (size_t i = 0; i < b.len; i++)
			printf(" %02x", (unsigned char)b.data[i]);
		printf("\n");
	}
	buf_free(&b);
	return same;
}

#define JOB(k, cs, text, want) job_is(k, cs, text, want, sizeof(want) - 1)

int
main(void)
{
	char err[ERR_SIZE];
	struct buf b = { 0 };

	setlocale(LC_ALL, "C.UTF-8");
	ok(JOB(PRINTER_ANSI, "UTF-8", "Rossi\n", "\033[5iRossi\r\n\f\033[4i"),
	   "ANSI: CSI 5 i, text with CR LF, form feed, CSI 4 i");
	ok(JOB(PRINTER_WYSE, "UTF-8", "Rossi\n", "\033d#Rossi\r\n\f\024"),
	   "Wyse: ESC d #, text, form feed, DC4");
	ok(JOB(PRINTER_ANSI, "ISO-8859-15", "Caffè € 2\n", "\033[5iCaff\xe8 \xa4 2\r\n\f\033[4i"),
	   "the text is in the printer's charset");
	ok(JOB(PRINTER_ANSI, "CP850", "€ 2", "\033[5iEUR 2\f\033[4i"), "no euro glyph: EUR");
	ok(JOB(PRINTER_ANSI, "UTF-8", "a\r\nb", "\033[5ia\r\nb\f\033[4i"), "CR LF is kept as is");
	ok(JOB(PRINTER_ANSI, "UTF-8", "", "\033[5i\f\033[4i"), "an empty job is a form feed");
	ok(printer_job(PRINTER_ANSI, "EBCDIC", "x", &b, err) < 0, "an unknown charset is refused");
	ok(b.len == 0, "and nothing is sent");
	ok(printer_kind_for_term("wy60") == PRINTER_WYSE, "wy60 prints the Wyse way");
	ok(printer_kind_for_term("wy50+") == PRINTER_WYSE, "wy50+ too");
	ok(printer_kind_for_term("xterm") == PRINTER_ANSI, "xterm prints the ANSI way");
	ok(printer_kind_for_term("vt220") == PRINTER_ANSI, "vt220 too");
	ok(printer_kind_for_term(NULL) == PRINTER_ANSI, "no TERM: ANSI");
	return tap_done();
}
