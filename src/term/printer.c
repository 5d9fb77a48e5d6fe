/* Printer controller mode jobs: ANSI (CSI 5 i … CSI 4 i) and Wyse
 * (ESC d # … DC4), in the printer's charset, with no control in the text
 * that could end the job early. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "term/charset.h"
#include "term/printer.h"
#include "util/base64.h"

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

/* ---- printer jobs in-band, through the relay ---- */

void
printer_wrap(const char *job, size_t len, struct buf *out)
{
	buf_adds(out, PRINTER_APC_HEAD);
	base64_encode(job, len, 0, out);
	buf_adds(out, PRINTER_APC_TAIL);
}

enum unwrap_state {
	U_TEXT,    /* screen text */
	U_HEAD,    /* matching PRINTER_APC_HEAD, `matched` bytes so far */
	U_JOB,     /* base64 of a job */
	U_JOB_ESC, /* ESC inside a job: the tail's second byte must follow */
	U_DROP,    /* a job too long or malformed: skipped to its tail */
	U_DROP_ESC,
};

struct printer_unwrap {
	enum unwrap_state state;
	size_t matched;
	struct buf job;   /* decoded so far */
	unsigned quad;    /* base64 bits not yet a whole byte */
	int nquad, pad;
};

struct printer_unwrap *
printer_unwrap_new(void)
{
	return xcalloc(1, sizeof(struct printer_unwrap));
}

void
printer_unwrap_free(struct printer_unwrap *u)
{
	if (u == NULL)
		return;
	buf_free(&u->job);
	free(u);
}

/* One base64 character into the job; -1 when the job must be dropped. */
static int
job_char(struct printer_unwrap *u, char c)
{
	int v = base64_value((unsigned char)c);

	if (c == '=') {
		u->pad++;
		v = 0;
	} else if (v < 0 || u->pad > 0)
		return -1;
	u->quad = u->quad << 6 | (unsigned)v;
	if (++u->nquad < 4)
		return 0;
	char bytes[3] = { (char)(u->quad >> 16), (char)(u->quad >> 8), (char)u->quad };
	if (u->pad > 2 || u->job.len + 3 > PRINTER_JOB_MAX)
		return -1;
	buf_add(&u->job, bytes, (size_t)(3 - u->pad));
	u->quad = 0;
	u->nquad = 0;
	return 0;
}

static void
job_reset(struct printer_unwrap *u)
{
	u->job.len = 0;
	u->quad = 0;
	u->nquad = 0;
	u->pad = 0;
}

/* A byte inside a job (or one being dropped). */
static void
job_byte(struct printer_unwrap *u, char c, void (*job)(void *, const char *, size_t), void *ud)
{
	int dropping = u->state == U_DROP || u->state == U_DROP_ESC;

	if (u->state == U_JOB_ESC || u->state == U_DROP_ESC) {
		if (c == '\\') {
			if (!dropping && u->nquad == 0 && u->job.len > 0)
				job(ud, u->job.data, u->job.len);
			job_reset(u);
			u->state = U_TEXT;
			return;
		}
		u->state = U_DROP; /* ESC not ending the string: malformed */
		dropping = 1;
	}
	if (c == '\033')
		u->state = dropping ? U_DROP_ESC : U_JOB_ESC;
	else if (!dropping && job_char(u, c) < 0)
		u->state = U_DROP;
}

void
printer_unwrap_feed(struct printer_unwrap *u, const char *in, size_t len,
		    void (*screen)(void *, const char *, size_t),
		    void (*job)(void *, const char *, size_t), void *ud)
{
	static const char head[] = PRINTER_APC_HEAD;
	size_t run = 0; /* start of the screen text not yet passed on */

	for (size_t i = 0; i < len; i++) {
		char c = in[i];

		if (u->state >= U_JOB) {
			job_byte(u, c, job, ud);
			run = i + 1;
			continue;
		}
		if (u->state == U_TEXT) {
			if (c != head[0])
				continue;
			screen(ud, in + run, i - run);
			u->state = U_HEAD;
			u->matched = 1;
			run = i + 1;
			continue;
		}
		/* U_HEAD */
		if (c == head[u->matched]) {
			run = i + 1;
			if (++u->matched == sizeof head - 1) {
				u->state = U_JOB;
				job_reset(u);
			}
			continue;
		}
		/* not a marker after all: what was held is screen text, and this
		 * byte is looked at again as text */
		screen(ud, head, u->matched);
		u->state = U_TEXT;
		run = i;
		i--; /* unsigned wrap-around is defined: the loop's i++ undoes it */
	}
	if (u->state == U_TEXT && run < len)
		screen(ud, in + run, len - run);
}
