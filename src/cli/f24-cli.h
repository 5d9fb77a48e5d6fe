/* What `scrivano f24`'s subcommands share (f24.c holds their table and
 * parses the options; each subcommand runs on the book they name and
 * returns the exit status: 0 done, 1 refused or failed). */
#ifndef SCRIVANO_F24_CLI_H
#define SCRIVANO_F24_CLI_H

#include <stdint.h>

struct book;
struct record;

/* The options, each subcommand taking some of them. */
struct f24_opts {
	const char *book, *date, *account, *reference, *receipt;
	int due, force;
	char **args; /* the words after the subcommand */
	int nargs;
};

/* "scrivano f24: " and the message on stderr. */
void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An F24's number as typed (digits only): 0, or -1 after a message. */
int parse_id(const char *v, int64_t *id);
/* The F24 whose number is v, as typed, loaded into *f: 0, or -1 after a
 * message (not a number, no such F24, the book's error). */
int load_f24(struct book *b, const char *v, struct record **f);

/* f24-out.c: the F24 out, as a PDF and as text. */
int f24_cli_pdf(struct book *b, const struct f24_opts *o);
int f24_cli_print(struct book *b, const struct f24_opts *o);

#endif
