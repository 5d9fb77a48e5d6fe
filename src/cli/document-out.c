/* `scrivano document pdf ID OUT.pdf` and `scrivano document print ID`: a
 * document of a book as its A4 PDF (bridge/doc-pdf.c, on src/pdf) or as the
 * text of the form's Print (bridge/doc-text.c), with the company profile,
 * the party and the legal notes the print model gathers. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/book.h"
#include "book/documents.h"
#include "bridge/doc-print.h"
#include "cli/cli.h"
#include "cli/document-cli.h"
#include "util/i18n.h"
#include "util/util.h"

static void
fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vfail("document", fmt, ap);
	va_end(ap);
}

struct out_opts {
	const char *book;
	int force;
	char **args;
	int nargs;
};

/* argv[0] the subcommand; nargs words after it; --force where allowed.
 * 0, or 2 after a message and the usage. */
static int
parse(int argc, char **argv, const char *usage, int nargs, int force_ok, struct out_opts *o)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'b')
			o->book = optarg;
		else if (c == 'f' && force_ok)
			o->force = 1;
		else {
			fail(_("%s: unknown option or missing value: '%s'"), argv[0],
			     argv[optind - 1]);
			goto usage;
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	if (o->book == NULL)
		fail("%s", _("--book BOOK is needed"));
	else if (o->nargs != nargs)
		fail(_("%s takes %d word(s) after it: %s"), argv[0], nargs, _(usage));
	else
		return 0;
usage:
	fprintf(stderr, _("usage: scrivano document %s\n"), _(usage));
	return 2;
}

/* A document's number as the book keeps it (its id): 0, or -1 after a message. */
static int
parse_id(const char *v, int64_t *id)
{
	if (v[0] < '1' || v[0] > '9' || strspn(v, "0123456789") != strlen(v) || strlen(v) > 18) {
		fail(_("'%s' is not a document's number (see scrivano document list)"), v);
		return -1;
	}
	*id = strtoll(v, NULL, 10);
	return 0;
}

int
document_cli_pdf(int argc, char **argv)
{
	struct out_opts o;
	struct book *b;
	char err[ERR_SIZE];
	int64_t id;
	int rc;

	if ((rc = parse(argc, argv, DOCUMENT_CLI_PDF_USAGE, 2, 1, &o)) != 0)
		return rc;
	if (parse_id(o.args[0], &id) < 0)
		return 1;
	if (!o.force && access(o.args[1], F_OK) == 0) {
		fail(_("pdf: %s already exists; --force replaces it"), o.args[1]);
		return 1;
	}
	if (cli_open_book("document", o.book, &b) != 0)
		return 1;
	rc = document_pdf_file(b, id, o.args[1], o.force, err);
	book_close(b);
	if (rc < 0) {
		fail(_("pdf: %s; nothing was written"), err);
		return 1;
	}
	return 0;
}

int
document_cli_print(int argc, char **argv)
{
	struct out_opts o;
	struct doc_print m;
	struct book *b;
	char err[ERR_SIZE], **lines;
	int64_t id;
	size_t n;
	int rc;

	if ((rc = parse(argc, argv, DOCUMENT_CLI_PRINT_USAGE, 1, 0, &o)) != 0)
		return rc;
	if (parse_id(o.args[0], &id) < 0 || cli_open_book("document", o.book, &b) != 0)
		return 1;
	rc = doc_print_load(b, id, &m, err);
	book_close(b);
	if (rc < 0) {
		fail("print: %s", err);
		return 1;
	}
	n = doc_print_lines(&m, &lines);
	for (size_t i = 0; i < n; i++)
		printf("%s\n", lines[i]);
	doc_print_lines_free(lines, n);
	doc_print_free(&m);
	return fflush(stdout) == 0 ? 0 : 1;
}
