/* `scrivano party erase ID --book BOOK`: a person's personal data erased
 * but what the law keeps (book/party-erase.h), the report on stdout. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "book/party-erase.h"
#include "cli/cli.h"
#include "commands.h"
#include "util/i18n.h"
#include "util/util.h"

static int
usage(void)
{
	fprintf(stderr, "%s", _("usage: scrivano party erase ID --book BOOK\n"));
	return 2;
}

int
cmd_party(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL;
	char err[ERR_SIZE], **lines;
	struct book *b;
	long long id;
	size_t n;
	int c, rc;

	if (argc < 2 || strcmp(argv[1], "erase") != 0) {
		if (argc >= 2)
			cli_fail("party", _("unknown subcommand '%s'"), argv[1]);
		return usage();
	}
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, ":", opts, NULL)) != -1) {
		if (c != 'b') {
			cli_fail("party", _("erase: unknown option or missing value: '%s'"),
				 argv[optind]);
			return usage();
		}
		path = optarg;
	}
	if (path == NULL) {
		cli_fail("party", "%s", _("--book BOOK is needed"));
		return usage();
	}
	if (argc - 1 - optind != 1) {
		cli_fail("party", "%s", _("erase takes one word after it: the party's number"));
		return usage();
	}
	if (argv[1 + optind][0] < '1' || argv[1 + optind][0] > '9' ||
	    strspn(argv[1 + optind], "0123456789") != strlen(argv[1 + optind]) ||
	    strlen(argv[1 + optind]) > 18) {
		cli_fail("party", _("'%s' is not a customer's or supplier's number"),
			 argv[1 + optind]);
		return 1;
	}
	id = strtoll(argv[1 + optind], NULL, 10);
	if ((rc = cli_open_book("party", path, &b)) != 0)
		return rc;
	if (party_erase(b, id, &lines, &n, err) < 0) {
		cli_fail("party", "%s", err);
		book_close(b);
		return 1;
	}
	cli_print_lines(lines, n);
	book_close(b);
	return 0;
}
