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

/* Printer jobs through the relay. The relay converts everything the UI
 * writes from UTF-8 to the screen's charset, but a job is already in the
 * printer's charset and must reach the terminal untouched, in its place
 * between the screen updates before and after it. So the UI wraps the job
 * in an APC string that no terminal output of ncurses ever holds,
 *
 *     ESC _ scrivano-print ; BASE64 ESC \
 *
 * and the relay, which reads the pty in order, unwraps it and sends the
 * job's bytes as they are (base64 keeps them clear of the conversion and
 * of ESC). In-band rather than a second descriptor: a side channel would
 * race the pty, and a job could land in the middle of a screen update. */
#define PRINTER_APC_HEAD "\033_scrivano-print;"
#define PRINTER_APC_TAIL "\033\\"
/* The largest job the relay takes (bytes after decoding); a longer one is
 * dropped whole rather than printed in part. */
#define PRINTER_JOB_MAX (4u << 20)

/* Appends the APC-wrapped job to out. */
void printer_wrap(const char *job, size_t len, struct buf *out);

/* The relay's side: splits the UI's output into screen text and jobs,
 * across reads that may cut the marker anywhere. */
struct printer_unwrap;
struct printer_unwrap *printer_unwrap_new(void);
void printer_unwrap_free(struct printer_unwrap *u);
/* Feeds the UI's bytes: screen text goes to screen(ud, ...) and each whole
 * job, decoded, to job(ud, ...), in the order they came. Bytes that may be
 * the start of a marker are held until the next call tells. */
void printer_unwrap_feed(struct printer_unwrap *u, const char *in, size_t len,
			 void (*screen)(void *ud, const char *p, size_t n),
			 void (*job)(void *ud, const char *p, size_t n), void *ud);

#endif
