/* `scrivano document SUBCOMMAND ...`: the documents of a book from the
 * command line. This table holds only the subcommands that put a document
 * out (document-out.c: pdf, print); the docflow branch's table (list,
 * show, issue, convert, credit-note, state) replaces this file, with these
 * two rows added to it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/document-cli.h"
#include "commands.h"
#include "util/i18n.h"
#include "util/util.h"

struct document_sub {
	const char *name;
	const char *usage; /* after "scrivano document " */
	int (*run)(int argc, char **argv);
};

static const struct document_sub subs[] = {
	/* out (document-out.c) */
	{ "pdf", DOCUMENT_CLI_PDF_USAGE, document_cli_pdf },
	{ "print", DOCUMENT_CLI_PRINT_USAGE, document_cli_print },
};

int
cmd_document(int argc, char **argv)
{
	for (size_t i = 0; argc >= 2 && i < ARRAY_LEN(subs); i++)
		if (strcmp(subs[i].name, argv[1]) == 0)
			return subs[i].run(argc - 1, argv + 1);
	if (argc >= 2)
		fprintf(stderr, _("scrivano document: unknown subcommand '%s'\n"), argv[1]);
	fprintf(stderr, "%s", _("usage:\n"));
	for (size_t i = 0; i < ARRAY_LEN(subs); i++)
		fprintf(stderr, "  scrivano document %s\n", _(subs[i].usage));
	return 2;
}
