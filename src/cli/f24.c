/* `scrivano f24 SUBCOMMAND ...`: the F24 from the command line, one table
 * of subcommands, each in the module that joins the layers it needs. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/f24-cli.h"
#include "commands.h"
#include "util/i18n.h"
#include "util/util.h"

struct f24_sub {
	const char *name;
	const char *usage;
	const char *help;
	int (*run)(int argc, char **argv);
};

static const struct f24_sub subs[] = {
	{ "pdf", N_("pdf ID OUT.pdf [--force] --book BOOK"),
	  N_("write F24 ID as a PDF laid out like the model"), f24_cmd_pdf },
	{ "print", N_("print ID --book BOOK"), N_("print F24 ID as text, section by section"),
	  f24_cmd_print },
};

static int
usage(FILE *out)
{
	fprintf(out, "%s", _("usage: scrivano f24 SUBCOMMAND ...\n\nsubcommands:\n"));
	for (size_t i = 0; i < ARRAY_LEN(subs); i++)
		fprintf(out, "  %-40s %s\n", _(subs[i].usage), _(subs[i].help));
	return 2;
}

int
cmd_f24(int argc, char **argv)
{
	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	for (size_t i = 0; i < ARRAY_LEN(subs); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(argc - 1, argv + 1);
	fprintf(stderr, _("scrivano f24: unknown subcommand '%s'\n"), argv[1]);
	return usage(stderr);
}
