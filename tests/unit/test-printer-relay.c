/* Printer jobs through the relay: the UI wraps a job in an APC string, the
 * relay unwraps it from the UI's output however the reads cut it, passes
 * the screen text around it on in order, and drops malformed or oversized
 * jobs whole. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "term/printer.h"

struct sink {
	struct buf screen, jobs;
	int njobs;
};

static void
on_screen(void *ud, const char *p, size_t n)
{
	buf_add(&((struct sink *)ud)->screen, p, n);
}

static void
on_job(void *ud, const char *p, size_t n)
{
	struct sink *s = ud;

	buf_add(&s->jobs, p, n);
	s->njobs++;
}

static void
sink_free(struct sink *s)
{
	buf_free(&s->screen);
	buf_free(&s->jobs);
	memset(s, 0, sizeof *s);
}

/* Feeds stream in pieces of `step` bytes (0: all at once). */
static void
run(const char *stream, size_t len, size_t step, struct sink *s)
{
	struct printer_unwrap *u = printer_unwrap_new();

	if (step == 0)
		step = len;
	for (size_t i = 0; i < len; i += step)
		printer_unwrap_feed(u, stream + i, len - i < step ? len - i : step, on_screen, on_job,
				    s);
	printer_unwrap_free(u);
}

static int
same(const struct buf *b, const char *want, size_t n)
{
	return b->len == n && (n == 0 || memcmp(b->data, want, n) == 0);
}

int
main(void)
{
	struct buf stream = { 0 }, job = { 0 };
	struct sink s = { 0 };
	char err[ERR_SIZE], all[256];
	int every_split = 1, every_step = 1;

	setlocale(LC_ALL, "C.UTF-8");
	printer_job(PRINTER_ANSI, "CP850", "Caffè € 2\n", &job, err);
	buf_adds(&stream, "\033[1;1Hbefore \xc3\xa8");
	printer_wrap(job.data, job.len, &stream);
	buf_adds(&stream, "\033[2Jafter");

	ok(memmem(stream.data, stream.len, "\033[5i", 4) == NULL,
	   "wrapped, the job's own escape sequences are not in the stream");
	run(stream.data, stream.len, 0, &s);
	ok(same(&s.jobs, job.data, job.len) && s.njobs == 1, "the job comes out whole and as it was");
	ok(memcmp(s.jobs.data, "\033[5iCaff\x8a EUR 2\r\n\f\033[4i", s.jobs.len) == 0,
	   "in the printer's charset (CP850), unconverted by anyone");
	is_str(s.screen.data, "\033[1;1Hbefore \xc3\xa8\033[2Jafter",
	       "the screen text around it, in order, escapes and all");
	sink_free(&s);

	for (size_t cut = 1; cut < stream.len; cut++) {
		struct printer_unwrap *u = printer_unwrap_new();
		printer_unwrap_feed(u, stream.data, cut, on_screen, on_job, &s);
		printer_unwrap_feed(u, stream.data + cut, stream.len - cut, on_screen, on_job, &s);
		printer_unwrap_free(u);
		every_split &= same(&s.jobs, job.data, job.len) &&
			       strcmp(s.screen.data, "\033[1;1Hbefore \xc3\xa8\033[2Jafter") == 0;
		sink_free(&s);
	}
	ok(every_split, "cut in two at every byte, the same");
	for (size_t step = 1; step < 8; step++) {
		run(stream.data, stream.len, step, &s);
		every_step &= same(&s.jobs, job.data, job.len) && s.njobs == 1;
		sink_free(&s);
	}
	ok(every_step, "fed a few bytes at a time, the same");

	/* every byte value survives */
	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	for (size_t n = 0; n < 6; n++) {
		struct buf w = { 0 };
		printer_wrap(all, 250 + n, &w);
		run(w.data, w.len, 0, &s);
		ok(same(&s.jobs, all, 250 + n) && s.screen.len == 0,
		   "a job of %zu bytes, every byte value, round-trips", 250 + n);
		buf_free(&w);
		sink_free(&s);
	}

	/* what only looks like a marker is screen text */
	run("a\033_scrivano-prinT;b\033\\c", 23, 1, &s);
	is_str(s.screen.data, "a\033_scrivano-prinT;b\033\\c", "a near miss passes as text");
	ok(s.njobs == 0, "and prints nothing");
	sink_free(&s);
	run("\033\033_scrivano-print;QUJD\033\\!", 25, 0, &s);
	ok(same(&s.jobs, "ABC", 3) && strcmp(s.screen.data, "\033!") == 0,
	   "Esc then a marker: the Esc is text, the job is found");
	sink_free(&s);
	run("x\033", 2, 0, &s);
	is_str(s.screen.data, "x", "an Esc at the end waits for what follows");
	sink_free(&s);

	/* malformed and oversized jobs are dropped whole */
	run("[\033_scrivano-print;QU*D\033\\]", 26, 0, &s);
	ok(s.njobs == 0 && strcmp(s.screen.data, "[]") == 0,
	   "a job with a bad character is dropped, the text after it kept");
	sink_free(&s);
	run("[\033_scrivano-print;QUJ\033\\]", 25, 0, &s);
	ok(s.njobs == 0 && strcmp(s.screen.data, "[]") == 0, "a job cut short is dropped");
	sink_free(&s);
	run("[\033_scrivano-print;QU\033xJD\033\\]", 28, 0, &s);
	ok(s.njobs == 0 && strcmp(s.screen.data, "[]") == 0,
	   "an Esc inside a job that does not end it: dropped");
	sink_free(&s);
	{
		struct buf big = { 0 };
		size_t quads = PRINTER_JOB_MAX / 3 + 2;
		buf_adds(&big, PRINTER_APC_HEAD);
		for (size_t i = 0; i < quads; i++)
			buf_add(&big, "QUJD", 4);
		buf_adds(&big, PRINTER_APC_TAIL "end");
		run(big.data, big.len, 65536, &s);
		ok(s.njobs == 0 && strcmp(s.screen.data, "end") == 0,
		   "a job over %u bytes is dropped, not printed in part", PRINTER_JOB_MAX);
		buf_free(&big);
		sink_free(&s);
	}
	buf_free(&stream);
	buf_free(&job);
	return tap_done();
}
