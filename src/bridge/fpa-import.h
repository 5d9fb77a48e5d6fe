/* Purchase invoices from FatturaPA files into a book: the file read by the
 * fiscal core, mapped by the bridge, written through the record kinds
 * (the supplier through the register's rules, each document with its
 * rows, the original file) in one transaction. */
#ifndef SCRIVANO_FPA_IMPORT_H
#define SCRIVANO_FPA_IMPORT_H

#include "book/book.h"
#include "fisc/fatturapa.h"
#include "util/util.h"

struct fpa_import {
	long long party_id;  /* the supplier */
	long long file_id;   /* the original file, in document_files */
	int party_created;   /* a new supplier was created */
	int party_now_both;  /* a customer is now also a supplier */
	int documents;       /* documents stored */
	int attachments;     /* their attachments stored */
	int duplicate;       /* refused as already in the book (nothing written) */
	int signed_file, sig_verified;
	char supplier[160];
};

/* Reads path (XML or .p7m), and stores its documents as purchases in one
 * transaction: all of them, or none. A duplicate (the same supplier,
 * number and date), a supplier the register's rules refuse (the field
 * named) or a value a document's kinds refuse (its row and field named)
 * refuses the file. Check findings go in r; they do not stop the import
 * (the file is what the supplier sent and the SdI took). */
int fpa_import_file(struct book *b, const char *path, struct fpa_import *res,
		    struct fpa_report *r, char *err);

/* A batch: files and folders (fpa-batch.c). */
enum fpa_outcome {
	FPA_IMPORTED,
	FPA_DUPLICATE, /* its documents are in the book already: skipped */
	FPA_REFUSED,   /* why says why; nothing of it written */
	FPA_SKIPPED,   /* in a folder, but not .xml nor .p7m */
};

struct fpa_batch_item {
	char *path;
	enum fpa_outcome outcome;
	char why[ERR_SIZE];      /* a refusal's or a duplicate's message */
	struct fpa_import res;   /* what an imported file brought */
};

struct fpa_batch {
	struct fpa_batch_item *v;
	size_t n;
	size_t imported, duplicates, refused, skipped;
	size_t documents, attachments;
};

/* Called before each file to import (done of total so far), and after it
 * with its item and the checker's findings on it; either may be NULL. */
struct fpa_batch_hooks {
	void (*before)(void *arg, size_t done, size_t total, const char *path);
	void (*after)(void *arg, const struct fpa_batch_item *it, const struct fpa_report *r);
	void *arg;
};

/* Imports each path, one transaction a file: a folder stands for its
 * files whose names end in .xml or .p7m (any case), sorted by name, not
 * those starting with '.'; its other files are SKIPPED and named. A
 * file whose documents are in the book already (the same supplier,
 * number and date) is a DUPLICATE. 0, or -1 when a folder cannot be
 * read (message in err; nothing imported). */
int fpa_import_batch(struct book *b, char *const *paths, size_t n,
		     const struct fpa_batch_hooks *h, struct fpa_batch *out, char *err);
void fpa_batch_free(struct fpa_batch *bt);
/* The report for people into lines: a line of counts, then one line per
 * file, imported or not, with why; a path in folder (may be NULL) shown
 * as its name in it. */
void fpa_batch_report(const struct fpa_batch *bt, const char *folder, struct text_lines *out);

#endif
