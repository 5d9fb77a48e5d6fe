/* What the commands of src/cli share: their messages and their book. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "book/book.h"
#include "cli/cli.h"
#include "util/i18n.h"
#include "util/util.h"

void
cli_vfail(const char *cmd, const char *fmt, va_list ap)
{
	fprintf(stderr, "scrivano %s: ", cmd);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cli_fail(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vfail(cmd, fmt, ap);
	va_end(ap);
}

int
cli_next_option(const char *cmd, const char *sub, const char *allowed,
		const struct option *opts, int argc, char **argv, int *started)
{
	int c;

	if (!*started) {
		opterr = 0;
		optind = 1;
		*started = 1;
	}
	if ((c = getopt_long(argc, argv, ":", opts, NULL)) == -1)
		return 0;
	if (c != 'b' && (c == '?' || c == ':' || strchr(allowed, c) == NULL)) {
		cli_fail(cmd, _("%s: unknown option or missing value: '%s'"), sub, argv[optind - 1]);
		return -1;
	}
	return c;
}

int
cli_open_book(const char *cmd, const char *path, struct book **b)
{
	char err[ERR_SIZE];

	if (access(path, F_OK) != 0) {
		cli_fail(cmd, _("no book %s"), path);
		return 1;
	}
	if (book_open(path, b, err) < 0) {
		cli_fail(cmd, "%s", err);
		return 1;
	}
	return 0;
}

void
cli_print_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		printf("%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
}
