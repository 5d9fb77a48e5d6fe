/* What the commands of src/cli share: a message on stderr under the
 * command's name, and the book --book names, opened (cli.c). */
#ifndef SCRIVANO_CLI_H
#define SCRIVANO_CLI_H

#include <stdarg.h>

struct book;

/* "scrivano CMD: " and the message, on stderr. */
void cli_vfail(const char *cmd, const char *fmt, va_list ap);
void cli_fail(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The book at path, which must exist (no new book made by a typo), opened
 * into *b: 0, or the exit status 1 after a message. */
int cli_open_book(const char *cmd, const char *path, struct book **b);

#endif
