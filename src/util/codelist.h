/* Code lists: the reference tables in data/ (provinces, countries, Natura,
 * RegimeFiscale, payment codes...) and the inline choices of screen files.
 * One line format, one loader, mistakes reported as "file:line: message".
 *
 * A data file holds one code a line, then blanks, then its description:
 *
 *     # a comment; blank lines are skipped
 *     MI    Milano
 *     N2.2  Non soggette - altri casi
 *
 * A code is 1-16 capital letters, digits, '.', '-' or '_'; the description
 * is the rest of the line (UTF-8, not empty). A code appears once. */
#ifndef SCRIVANO_CODELIST_H
#define SCRIVANO_CODELIST_H

#include <stddef.h>

#include "util/util.h"

#define CODE_MAX 16

/* The shipped lists, under the share folder. */
#define CODELIST_PROVINCES "data/provinces.txt"
#define CODELIST_COUNTRIES "data/countries.txt"
#define CODELIST_NATURA "data/natura.txt"
#define CODELIST_REGIME "data/regime-fiscale.txt"
#define CODELIST_PAYMENT_METHODS "data/modalita-pagamento.txt"
#define CODELIST_PAYMENT_TERMS "data/condizioni-pagamento.txt"
#define CODELIST_CASSA "data/cassa-previdenziale.txt"
#define CODELIST_RITENUTA "data/ritenuta-tipi.txt"
#define CODELIST_CAUSALI_RITENUTA "data/causali-pagamento-ritenuta.txt"

struct code_entry {
	char *code;
	char *text; /* the description */
};

struct codelist {
	char *name; /* the file it came from, or "inline" */
	struct code_entry *v;
	size_t n, cap; /* entries in v, and room for */
	size_t *sorted; /* v's indexes in code order (codelist_find's) */
	int translate; /* descriptions are English msgids (inline choices) */
};

/* Parses a data file's text; file names it in messages. Every mistake is
 * added to errs as "file:line: message\n". Returns the number of mistakes;
 * *out is set only when there are none. */
int codelist_parse(const char *file, const char *text, struct codelist **out, struct buf *errs);
/* Reads and parses the file at path. */
int codelist_load(const char *path, struct codelist **out, struct buf *errs);
/* Inline choices, "C=Customer,S=Supplier,B=Both": 0, or -1 with a
 * message. The descriptions are English (translated when shown). */
int codelist_inline(const char *spec, struct codelist **out, char *err);
void codelist_free(struct codelist *l);

/* The entry of code, or NULL. */
const struct code_entry *codelist_find(const struct codelist *l, const char *code);

/* A new list (the caller frees) of l's entries whose description's first
 * word is first (NULL: every entry), each description without its first
 * skip words: a screen field's `only` and `skip` (the F24's codici tributo
 * of one section, "ER A C IVA annuale" shown as "IVA annuale"). */
struct codelist *codelist_narrow(const struct codelist *l, const char *first, unsigned skip);

/* A shipped list by its path under the share folder ("data/provinces.txt"),
 * loaded on first use and kept for the life of the process. NULL with the
 * loader's messages in err when it cannot be read. */
const struct codelist *codelist_shared(const char *relpath, char *err);
/* The i-th shipped list loaded so far (in the order they were), its path
 * in *path; NULL past the last. */
const struct codelist *codelist_shared_nth(size_t i, const char **path);
/* Whether code is in the shipped list: 1 yes, 0 no, -1 when the list
 * cannot be read (message in err). */
int codelist_has(const char *relpath, const char *code, char *err);

#endif
