/* What the commands of src/cli share: a message on stderr under the
 * command's name, and the book --book names, opened (cli.c). */
#ifndef SCRIVANO_CLI_H
#define SCRIVANO_CLI_H

#include <stdarg.h>
#include <stddef.h>

struct book;

/* "scrivano CMD: " and the message, on stderr. */
void cli_vfail(const char *cmd, const char *fmt, va_list ap);
void cli_fail(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The next option of a subcommand's argv (argv[0] the subcommand sub):
 * getopt_long on opts, from the start when *started is 0 (it becomes 1).
 * Its letter, with its value in optarg; 0 past the last (the words after
 * the options start at optind); -1 after a message under cmd's name when
 * it is unknown, lacks its value or is not one of the letters allowed
 * (the subcommand's; 'b', --book, always is). */
struct option;
int cli_next_option(const char *cmd, const char *sub, const char *allowed,
		    const struct option *opts, int argc, char **argv, int *started);
/* The book at path, which must exist (no new book made by a typo), opened
 * into *b: 0, or the exit status 1 after a message. */
int cli_open_book(const char *cmd, const char *path, struct book **b);
/* Each of the n lines on stdout, each freed, then the array. */
void cli_print_lines(char **lines, size_t n);

#endif
