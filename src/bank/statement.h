/* Bank statements in: a camt.053 or CSV file read into a neutral list of
 * movements (dates, signed cents, texts, the bank's reference), for the
 * prima nota's importer. Pure: no SQL, no UI, no network. */
#ifndef SCRIVANO_BANK_STATEMENT_H
#define SCRIVANO_BANK_STATEMENT_H

#include <stddef.h>
#include <stdint.h>

/* A file larger than this is refused before it is parsed. */
#define STMT_MAX_FILE (16 * 1024 * 1024)
/* More movements than this in one file are refused. */
#define STMT_MAX_MOVEMENTS 200000
/* A text field (a CSV cell, an element's text) longer than this is refused. */
#define STMT_MAX_FIELD 4096
/* Elements nested deeper than this are refused (camt.053). */
#define STMT_MAX_DEPTH 40

#define STMT_DATE_SIZE 11 /* YYYY-MM-DD */
#define STMT_REF_SIZE 72
#define STMT_IBAN_SIZE 35

enum stmt_format {
	STMT_AUTO = 0, /* opts: by the content (XML, else CSV) */
	STMT_CAMT053,
	STMT_CSV,
};

/* One movement of the account as the bank booked it. */
struct stmt_movement {
	char booking[STMT_DATE_SIZE]; /* booking date (data contabile), ISO */
	char value[STMT_DATE_SIZE];   /* value date (data valuta), ISO; the booking date when
					 the file gives none */
	int64_t cents;                /* signed: > 0 money in, < 0 money out; never 0 */
	char *text;                   /* description, remittance, causale; UTF-8, "" if none */
	char *party;                  /* the counterparty's name, UTF-8, "" if none */
	/* The bank's own reference, stable across imports of the same
	 * movement: camt "AcctSvcrRef:…", else "EndToEndId:…@DATE",
	 * "TxId:…@DATE", "NtryRef:…@DATE" (the booking date: those may come
	 * again another day); a CSV reference column "ref:…"; else "hash:" and
	 * 16 hex digits of a hash of the movement's dates, amount and texts.
	 * The second and later movements of one file with the same reference
	 * get "#2", "#3" … after it. No control characters. */
	char ref[STMT_REF_SIZE];
	long line;                    /* where in the file it was read (1-based) */
};

struct stmt_opts {
	enum stmt_format format; /* STMT_AUTO: camt.053 when the file starts with '<' */
	/* CSV only: a column-map file (format in scrivano-statement(5)),
	 * for headers this reader does not know; NULL for none. */
	const char *colmap;
	/* CSV only: the file's charset for iconv (e.g. "CP1252"); NULL:
	 * UTF-8 when the bytes are valid UTF-8, else Windows-1252 (a superset
	 * of Latin-1's printable characters). */
	const char *charset;
};

struct statement {
	enum stmt_format format;
	int camt_version;            /* 2 … 8 for camt.053.001.0N, 0 for CSV */
	char iban[STMT_IBAN_SIZE];   /* the statement's account, "" when the file names none */
	struct stmt_movement *mv;    /* in the file's order */
	size_t n;
	size_t skipped;              /* camt entries not booked (PDNG, INFO); CSV balance and
					total lines */
};

/* Reads the statement in path. On success fills out (free it with
 * statement_free) and returns 0. On any problem returns -1, leaves out empty
 * and fills err (ERR_SIZE bytes) with "PATH:LINE: what" (or "PATH: what"
 * where no line applies): a file is taken whole or not at all. opts may be
 * NULL (all defaults). */
int statement_read(const char *path, const struct stmt_opts *opts, struct statement *out,
		   char *err);
/* The same on bytes in memory; name is what messages call the file. */
int statement_read_memory(const char *data, size_t len, const char *name,
			  const struct stmt_opts *opts, struct statement *out, char *err);
void statement_free(struct statement *st);

#endif
