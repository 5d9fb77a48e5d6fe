/* `scrivano fatturapa attachments` and `scrivano fatturapa pdf`: a book's
 * received document, by its id, as the attachments its supplier sent
 * (listed, or written out under safe names) and as an A4 PDF: the
 * document's own print model and cairo renderer (doc-pdf.c), as for the
 * documents the book issues. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "book/document-files.h"
#include "book/documents.h"
#include "bridge/doc-print.h"
#include "bridge/doc-received.h"
#include "bridge/fpa-cli.h"
#include "cli/cli.h"
#include "util/i18n.h"
#include "util/util.h"

struct kept_opts {
	const char *book, *extract, *output;
	int force;
	long long id;
};

/* --book, --force, and --extract or -o as the verb takes; one ID. 0, or 2
 * after the usage. */
static int
parse(int argc, char **argv, int with_extract, int with_output, struct kept_opts *o)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ "extract", required_argument, NULL, 'x' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	int c;

	memset(o, 0, sizeof *o);
	while ((c = getopt_long(argc, argv, "b:x:o:f", opts, NULL)) != -1) {
		if (c == 'b')
			o->book = optarg;
		else if (c == 'x' && with_extract)
			o->extract = optarg;
		else if (c == 'o' && with_output)
			o->output = optarg;
		else if (c == 'f')
			o->force = 1;
		else
			return fpa_cli_usage();
	}
	if (o->book == NULL || optind != argc - 1 || (with_output && o->output == NULL))
		return fpa_cli_usage();
	o->id = strtoll(argv[optind], &end, 10);
	if (*end != '\0' || o->id <= 0) {
		fprintf(stderr, _("scrivano: %s is not a document's number (ID)\n"), argv[optind]);
		return 2;
	}
	return 0;
}

static void
list(const struct document_attachment *a, size_t n, long long id)
{
	if (n == 0) {
		printf(_("document %lld has no attachments\n"), id);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char *name = str_printable(xstrdup(a[i].name));
		char *descr = str_printable(xstrdup(a[i].description));

		printf("%d\t%s\t%zu\t%s\t%s\t%s\n", a[i].seq, name, a[i].len,
		       a[i].format[0] ? a[i].format : "-", a[i].sha256, descr);
		if (a[i].compression[0] != '\0')
			printf(_("\tcompressed %s by the supplier: kept and written as sent\n"),
			       a[i].compression);
		free(name);
		free(descr);
	}
}

int
fpa_verb_attachments(int argc, char **argv)
{
	struct document_attachment *a = NULL;
	struct text_lines out = { 0 };
	struct kept_opts o;
	struct book *bk;
	char err[ERR_SIZE];
	size_t n = 0, written;
	int rc;

	if ((rc = parse(argc, argv, 1, 0, &o)) != 0)
		return rc;
	if (cli_open_book("fatturapa", o.book, &bk) != 0)
		return 1;
	if (o.extract == NULL) {
		struct fpa_source src;

		/* a document that is not a received one says so */
		if ((rc = doc_received_source(bk, o.id, &src, err)) == 0) {
			fpa_source_free(&src);
			rc = document_attachments_load(bk, o.id, &a, &n, err);
		}
		if (rc == 0)
			list(a, n, o.id);
		document_attachments_free(a, n);
	} else {
		rc = doc_attachments_extract(bk, o.id, o.extract, o.force, &out, &written, err);
		for (size_t i = 0; i < out.n; i++) {
			printf("%s\n", out.v[i]);
			free(out.v[i]);
		}
		free(out.v);
		if (rc >= 0 && out.n == 0)
			printf(_("document %lld has no attachments\n"), o.id);
	}
	book_close(bk);
	if (rc < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	return rc > 0;
}

int
fpa_verb_pdf(int argc, char **argv)
{
	struct fpa_source src;
	struct kept_opts o;
	struct book *bk;
	char err[ERR_SIZE];
	int rc;

	if ((rc = parse(argc, argv, 0, 1, &o)) != 0)
		return rc;
	if (cli_open_book("fatturapa", o.book, &bk) != 0)
		return 1;
	/* a received invoice only: the others are scrivano document pdf's */
	if ((rc = doc_received_source(bk, o.id, &src, err)) == 0) {
		fpa_source_free(&src);
		rc = document_pdf_file(bk, o.id, o.output, o.force, err);
	}
	book_close(bk);
	if (rc < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	printf(_("%s: document %lld written\n"), o.output, o.id);
	return 0;
}
