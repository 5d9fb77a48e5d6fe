/* Purchase invoices from FatturaPA files into a book: the file read by the
 * fiscal core, mapped by the bridge, written through the record kinds
 * (the supplier through the register's rules, each document with its
 * rows, the original file) in one transaction. */
#ifndef SCRIVANO_FPA_IMPORT_H
#define SCRIVANO_FPA_IMPORT_H

#include "book/book.h"
#include "fisc/fatturapa.h"

struct fpa_import {
	long long party_id;  /* the supplier */
	long long file_id;   /* the original file, in document_files */
	int party_created;   /* a new supplier was created */
	int party_now_both;  /* a customer is now also a supplier */
	int documents;       /* documents stored */
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

#endif
