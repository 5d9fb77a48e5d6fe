/* `scrivano fatturapa receipt --book BOOK FILE...`: SdI's messages into a
 * book, each file's outcome on a line, a rejection's errors under it. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "book/book.h"
#include "bridge/sdi-receipts.h"
#include "cli/cli.h"
#include "util/i18n.h"
#include "util/util.h"

static const char *const CMD = "fatturapa receipt";

static int
receipt_one(struct book *b, const char *path)
{
	struct sdi_import res;
	char err[ERR_SIZE], line[1024];

	if (sdi_message_import_file(b, path, &res, err) < 0) {
		fprintf(stderr, "scrivano %s: %s\n", CMD, err);
		return 1;
	}
	sdi_import_describe(path, &res, line, sizeof line);
	printf("%s\n", line);
	for (size_t i = 0; i < res.nerrors && !res.already_seen; i++) {
		const struct sdi_import_error *e = &res.errors[i];

		printf("  %s %s", e->code, e->text);
		if (e->hint[0] != '\0')
			printf(" (%s)", e->hint);
		printf("\n");
	}
	sdi_import_free(&res);
	return 0;
}

int
fatturapa_receipt(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	const char *book_path = NULL;
	struct book *b;
	int c, bad = 0;

	while ((c = getopt_long(argc, argv, "b:", opts, NULL)) != -1) {
		if (c != 'b')
			return -1;
		book_path = optarg;
	}
	if (book_path == NULL || optind >= argc)
		return -1;
	if (cli_open_book(CMD, book_path, &b) != 0)
		return 1;
	for (int i = optind; i < argc; i++)
		bad |= receipt_one(b, argv[i]);
	book_close(b);
	return bad;
}
