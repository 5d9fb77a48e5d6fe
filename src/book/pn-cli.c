/* `scrivano primanota import FILE --account NAME --book BOOK`: a bank
 * statement (camt.053 or CSV, src/bank) into one account of the prima nota,
 * in one transaction (pn_import), with the report "N matched, N new, N
 * already in". */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bank/match.h"
#include "bank/statement.h"
#include "book/book.h"
#include "book/primanota.h"
#include "commands.h"
#include "util/i18n.h"
#include "util/util.h"

struct import_opts {
	const char *book, *account, *file;
	struct stmt_opts st;
};

static int
usage(void)
{
	fprintf(stderr, _("usage: scrivano primanota import FILE --account NAME [--map COLMAP]\n"
			  "         [--format camt|csv] --book BOOK\n"));
	return 2;
}

static int
set_format(struct import_opts *o, const char *name)
{
	if (strcmp(name, "camt") == 0 || strcmp(name, "camt.053") == 0)
		o->st.format = STMT_CAMT053;
	else if (strcmp(name, "csv") == 0)
		o->st.format = STMT_CSV;
	else {
		fprintf(stderr, _("scrivano primanota: unknown format '%s' (camt or csv)\n"), name);
		return -1;
	}
	return 0;
}

/* Fills o from argv (argv[0] "import"): 0, or -1 after a message. */
static int
parse_args(int argc, char **argv, struct import_opts *o)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },   { "account", required_argument, NULL, 'a' },
		{ "map", required_argument, NULL, 'm' },    { "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "b:a:m:f:", opts, NULL)) != -1) {
		switch (c) {
		case 'b': o->book = optarg; break;
		case 'a': o->account = optarg; break;
		case 'm': o->st.colmap = optarg; break;
		case 'f':
			if (set_format(o, optarg) < 0)
				return -1;
			break;
		default:
			fprintf(stderr,
				_("scrivano primanota: unknown option or missing value: '%s'\n"),
				argv[optind - 1]);
			return -1;
		}
	}
	if (o->book == NULL || o->account == NULL || optind != argc - 1) {
		fprintf(stderr, "%s",
			o->book == NULL ? _("scrivano primanota: --book BOOK is needed\n")
			: o->account == NULL ? _("scrivano primanota: --account NAME is needed\n")
					     : _("scrivano primanota: name one statement file\n"));
		return -1;
	}
	o->file = argv[optind];
	return 0;
}

static void
progress(void *arg, size_t done, size_t total)
{
	(void)arg;
	fprintf(stderr, _("importing: %zu of %zu movements...\n"), done, total);
}

static int
run_import(const struct import_opts *o)
{
	struct statement st = { 0 };
	struct stmt_counts counts;
	struct book *bk = NULL;
	char err[ERR_SIZE], report[256];
	int status = 0;

	if (statement_read(o->file, &o->st, &st, err) < 0) {
		fprintf(stderr, _("scrivano primanota: %s; nothing was imported\n"), err);
		return 1;
	}
	if (access(o->book, F_OK) != 0) {
		fprintf(stderr, _("scrivano primanota: no book %s\n"), o->book);
		status = 1;
	} else if (book_open(o->book, &bk, err) < 0) {
		fprintf(stderr, "scrivano primanota: %s\n", err);
		status = 1;
	} else if (pn_import(bk, o->account, &st, progress, NULL, &counts, err) < 0) {
		fprintf(stderr, _("scrivano primanota: %s: %s; nothing was imported\n"), o->file,
			err);
		status = 1;
	} else {
		stmt_counts_text(&counts, report, sizeof report);
		printf("%s\n", report);
	}
	book_close(bk);
	statement_free(&st);
	return status;
}

int
cmd_primanota(int argc, char **argv)
{
	struct import_opts o = { 0 };

	if (argc < 2 || strcmp(argv[1], "import") != 0) {
		if (argc >= 2)
			fprintf(stderr, _("scrivano primanota: unknown command '%s'\n"), argv[1]);
		return usage();
	}
	if (parse_args(argc - 1, argv + 1, &o) < 0)
		return usage();
	return run_import(&o);
}
