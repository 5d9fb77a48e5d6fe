/* Printing on the terminal's own printer: the text is wrapped in printer
 * controller mode so the terminal sends it to its local printer without
 * showing it. */
#ifndef SCRIVANO_PRINTER_H
#define SCRIVANO_PRINTER_H

#include "util/util.h"

enum printer_kind {
	PRINTER_ANSI, /* VT100 and after, xterm, PuTTY: CSI 5 i … CSI 4 i */
	PRINTER_WYSE, /* Wyse 50/60: ESC d # … DC4 */
};

/* The printer style that a TERM name implies. */
enum printer_kind printer_kind_for_term(const char *term);

/* Appends to out the whole job: start sequence, the UTF-8 text converted to
 * the printer's charset (newlines as CR LF, any other control but TAB and
 * FF as '?'), a form feed, stop sequence.
 * Returns 0, or -1 with a message for an unknown charset. */
int printer_job(enum printer_kind kind, const char *charset, const char *text, struct buf *out,
		char *err);

#endif
