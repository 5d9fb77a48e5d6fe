/* Options as data: one table describes each option (name, type, limits,
 * default, help); the same table reads a config file of "name = value"
 * lines, takes --name value on the command line, and documents itself. */
#ifndef SCRIVANO_CONF_H
#define SCRIVANO_CONF_H

#include <stddef.h>

#include "util/util.h"

enum opt_type {
	OPT_STRING,  /* char * (allocated) */
	OPT_INT,     /* long, between min and max */
	OPT_BOOL,    /* int: yes/no, true/false, on/off, 1/0 */
	OPT_SECONDS, /* long seconds: "90", "90s", "5m", "1h" */
};

struct opt_def {
	const char *name;
	enum opt_type type;
	size_t offset; /* of the field in the options struct */
	long min, max; /* OPT_INT and OPT_SECONDS */
	const char *def;
	const char *help;
};

/* Sets every option to its default. */
void conf_defaults(const struct opt_def *defs, size_t n, void *obj);
/* Sets one option from its text form: 0, or -1 with a message. */
int conf_set(const struct opt_def *defs, size_t n, void *obj, const char *name,
	     const char *value, char *err);
/* Reads a config file; every mistake is appended to errors as
 * "FILE:LINE: message\n" and reading goes on. Returns the number of
 * mistakes, or -1 when the file cannot be read (message in errors). */
int conf_load(const struct opt_def *defs, size_t n, void *obj, const char *path,
	      struct buf *errors);
/* Frees the strings the options hold. */
void conf_free(const struct opt_def *defs, size_t n, void *obj);

#endif
