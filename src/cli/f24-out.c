/* `scrivano f24 pdf ID OUT.pdf [--force] --book BOOK` and `scrivano f24
 * print ID --book BOOK`: an F24 of the book as a PDF laid out like the
 * model (src/pdf/f24-pdf.c), or as the text the form's Print shows
 * (src/book/f24-text.c) on stdout. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/book.h"
#include "book/f24-text.h"
#include "book/f24.h"
#include "cli/f24-cli.h"
#include "pdf/f24-pdf.h"
#include "util/i18n.h"
#include "util/util.h"

struct out_opts {
	const char *book;
	int64_t id;
	const char *file; /* pdf's OUT.pdf */
	int force;
};

/* Fills o from argv (argv[0] the subcommand), with nargs words after the
 * options (ID, and OUT.pdf for pdf): 0, or 2 after a message. */
static int
parse_args(int argc, char **argv, int nargs, int with_force, struct out_opts *o)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *sub = argv[0];
	char *end;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "b:f", opts, NULL)) != -1) {
		if (c == 'b')
			o->book = optarg;
		else if (c == 'f' && with_force)
			o->force = 1;
		else {
			fprintf(stderr, _("scrivano f24 %s: unknown option or missing value: '%s'\n"),
				sub, argv[optind - 1]);
			return 2;
		}
	}
	if (o->book == NULL) {
		fprintf(stderr, _("scrivano f24 %s: --book BOOK is needed\n"), sub);
		return 2;
	}
	if (argc - optind != nargs) {
		fprintf(stderr, "%s",
			nargs == 2 ? _("usage: scrivano f24 pdf ID OUT.pdf [--force] --book BOOK\n")
				   : _("usage: scrivano f24 print ID --book BOOK\n"));
		return 2;
	}
	o->id = strtoll(argv[optind], &end, 10);
	if (*end != '\0' || o->id <= 0) {
		fprintf(stderr, _("scrivano f24 %s: '%s' is not an F24's number\n"), sub,
			argv[optind]);
		return 2;
	}
	if (nargs == 2)
		o->file = argv[optind + 1];
	return 0;
}

/* The book o names, opened: NULL after a message. */
static struct book *
open_book(const struct out_opts *o, const char *sub)
{
	struct book *b;
	char err[ERR_SIZE];

	if (access(o->book, F_OK) != 0) {
		fprintf(stderr, _("scrivano f24 %s: no book %s\n"), sub, o->book);
		return NULL;
	}
	if (book_open(o->book, &b, err) < 0) {
		fprintf(stderr, "scrivano f24 %s: %s\n", sub, err);
		return NULL;
	}
	return b;
}

int
f24_cmd_pdf(int argc, char **argv)
{
	struct out_opts o = { 0 };
	struct book *b;
	char err[ERR_SIZE];
	int rc = parse_args(argc, argv, 2, 1, &o);

	if (rc != 0)
		return rc;
	if (!o.force && access(o.file, F_OK) == 0) {
		fprintf(stderr, _("scrivano f24 pdf: %s already exists; --force replaces it\n"),
			o.file);
		return 1;
	}
	if ((b = open_book(&o, "pdf")) == NULL)
		return 1;
	rc = f24_pdf_file(b, o.id, o.file, o.force, err);
	if (rc < 0)
		fprintf(stderr, _("scrivano f24 pdf: %s; nothing was written\n"), err);
	book_close(b);
	return rc < 0 ? 1 : 0;
}

int
f24_cmd_print(int argc, char **argv)
{
	struct out_opts o = { 0 };
	struct record *f;
	struct book *b;
	char err[ERR_SIZE], **lines;
	size_t n;
	int rc = parse_args(argc, argv, 1, 0, &o);

	if (rc != 0)
		return rc;
	if ((b = open_book(&o, "print")) == NULL)
		return 1;
	rc = record_load(b, &f24_kind, o.id, &f, err);
	if (rc < 0) {
		if (rc == REC_GONE)
			fprintf(stderr, _("scrivano f24 print: there is no F24 %" PRId64 "\n"), o.id);
		else
			fprintf(stderr, "scrivano f24 print: %s\n", err);
		book_close(b);
		return 1;
	}
	n = f24_text(f, &lines);
	for (size_t i = 0; i < n; i++)
		printf("%s\n", lines[i]);
	f24_text_free(lines, n);
	record_free(f);
	book_close(b);
	return fflush(stdout) == 0 ? 0 : 1;
}
