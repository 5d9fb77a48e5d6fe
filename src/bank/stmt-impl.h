/* What the statement readers share (src/bank): the reading context, the
 * refusal with its line, dates, amounts and the row hash. Not for callers
 * outside src/bank. */
#ifndef SCRIVANO_BANK_STMT_IMPL_H
#define SCRIVANO_BANK_STMT_IMPL_H

#include "bank/statement.h"

struct stmt_ctx {
	const char *name; /* the file, as messages call it */
	char *err;
	int failed;
	struct statement *st;
	size_t cap;
};

/* Fills err with "NAME:LINE: what" ("NAME: what" when line is 0), made
 * printable; the first failure wins. Returns -1. */
int stmt_fail(struct stmt_ctx *c, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Appends a movement, taking its text and party (NULL is ""); refuses past
 * STMT_MAX_MOVEMENTS. */
int stmt_add(struct stmt_ctx *c, struct stmt_movement *m);

/* A date as banks write it: YYYY-MM-DD, DD/MM/YYYY, D/M/YYYY, DD-MM-YYYY,
 * DD.MM.YYYY or DD/MM/YY (20YY), into ISO; only real days. 0 or -1. */
int stmt_date(const char *s, char out[STMT_DATE_SIZE]);
/* An amount into cents. STMT_AMT_PLAIN: "1234.56" (camt: no sign, no
 * grouping). STMT_AMT_CSV: a sign before or after, € or EUR around,
 * "1.234,56" (comma decimal, dot groups of three), or "1234.56"; at most
 * two decimals. -1 with why filled (ERR_SIZE) otherwise. */
enum { STMT_AMT_PLAIN, STMT_AMT_CSV };
int stmt_amount(const char *s, int mode, int64_t *cents, char *why);
/* Collapses runs of white space (and control characters) to one space
 * and trims, in place; returns s. */
char *stmt_squeeze(char *s);
/* The first IBAN written in s (spaces between its groups allowed), checked
 * by mod 97, into out; 1 when found, else 0. */
int stmt_find_iban(const char *s, char out[STMT_IBAN_SIZE]);
/* Gives every movement without a reference its "hash:" one. */
void stmt_hash_refs(struct statement *st);

/* CSV: what a column holds. */
enum csv_role {
	CSV_NONE, CSV_BOOKING, CSV_VALUE, CSV_VALUTA /* a date or a currency: seen in
	the rows */, CSV_AMOUNT, CSV_DEBIT, CSV_CREDIT, CSV_CAUSALE, CSV_TEXT, CSV_PARTY,
	CSV_REF, CSV_CURRENCY, CSV_ROLES
};
#define CSV_MAX_COLS 64

/* A user's column map (scrivano-statement(5)). */
struct csv_map {
	char sep;         /* 0: detected */
	char charset[32]; /* "": detected */
	int positional;   /* columns given as #N: the file has no header row */
	long skip;        /* with positional: lines before the rows */
	size_t n;
	struct {
		enum csv_role role;
		char *name; /* as the header writes it, compared loosely */
		int pos;    /* #N: 1 the first column; 0 by name */
		long line;
	} col[CSV_MAX_COLS];
};
int csv_map_read(const char *path, struct csv_map *m, char *err);
void csv_map_free(struct csv_map *m);
/* The roles of a row's cells if it is a header row (1), by the user's map
 * or, when map is NULL, by the known header names of Italian banks: it must
 * name a date and an amount (or Dare/Avere) column. 0 when it is not. */
int csv_header(const struct csv_map *map, char *const *cells, size_t n, enum csv_role *roles);
const char *csv_role_name(enum csv_role r);

int stmt_camt_read(struct stmt_ctx *c, const char *data, size_t len);
int stmt_csv_read(struct stmt_ctx *c, const char *data, size_t len, const struct stmt_opts *o);

#endif
