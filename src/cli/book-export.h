/* `scrivano book export FILE OUT.zip` (book-export.c): the whole book as
 * one zip, for the user to take away. What goes in it, and the README
 * that says so, is book-export-files.c's. */
#ifndef SCRIVANO_BOOK_EXPORT_H
#define SCRIVANO_BOOK_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "book/book-dump.h"
#include "fisc/fatturapa.h"
#include "ui/screenfile.h"
#include "util/util.h"

/* The groups of the zip's files, in the README's order. */
enum xgroup {
	XG_CSV,         /* a table twice: italian/ and plain/ */
	XG_FPA,         /* a FatturaPA file the book made and keeps */
	XG_FPA_UNSENT,  /* one made for the export: the document was never exported */
	XG_RECEIPT,     /* an SdI receipt or notice */
	XG_ORIGINAL,    /* a received invoice's original, as received */
	XG_ATTACHMENT,  /* a file a supplier attached */
	XG_F24_RECEIPT, /* an F24's receipt */
	XG_OTHER,       /* a file of a table that none of the above names */
	XG_README,
	XG_NGROUPS
};

/* One file of the zip: bytes made here (a CSV, an XML, the README), or a
 * blob of the book, read when the zip is written. */
struct xfile {
	char *path;  /* in the zip */
	char *about; /* what it holds, translated: its README line */
	enum xgroup group;
	struct buf bytes;
	const struct dump_table *table; /* a blob: its table, column and row */
	size_t col;
	int64_t rowid;
	int64_t len; /* its size */
};

struct xport {
	struct book *b;
	const char *book_path;
	int version;                /* the book's schema version */
	char when[40];              /* when the book was read, for the README */
	struct screen **screens;    /* the field types of the tables' columns */
	size_t nscreens;
	struct screen_field **typed; /* the field types of columns no screen shows */
	size_t ntyped;
	struct fpa_schema *xsd;     /* for the unsent invoices' files, or NULL */
	char xsd_err[ERR_SIZE];     /* why there is none */
	struct dump_table *tables;
	size_t ntables;
	struct xfile *files;
	size_t nfiles;
	const char **names;         /* the files' paths, a set (book-export-names.c) */
	size_t names_cap, names_n;
	size_t rows;                /* rows of the tables, once each */
	size_t csv_tables;
	size_t count[XG_NGROUPS];   /* files of each group */
	struct text_lines notes;    /* what could not be made, for the README and stderr */
	/* progress on stderr, when it is a terminal */
	int tty;
	int shown;                  /* a progress line is on the screen */
};

/* Every file of the zip but the README, into x->files: each table as
 * CSV in the two styles, the blobs they hold, the FatturaPA files of the
 * issued invoices never exported. Reads inside the caller's read
 * transaction. 0, or -1 with a message. */
int xport_collect(struct xport *x, char *err);
/* The README (the user's language), which names every file collected,
 * as the last file of x->files. */
void xport_readme(struct xport *x);
/* A progress line on stderr (a terminal's only), replacing the last one. */
void xport_progress(struct xport *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* path (taken over) made one no other file of the zip has, ASCII case
 * aside: itself, or with a counter before its extension ("a-2.csv");
 * recorded as used (book-export-names.c). */
char *xport_unique(struct xport *x, char *path);
void xport_names_free(struct xport *x);
/* A new file at the end of x->files, its path (made unique: xport_unique)
 * and about taken over. */
struct xfile *xport_add(struct xport *x, enum xgroup g, char *path, char *about);

#endif
