/* What a received document (a purchase imported from FatturaPA) offers
 * besides its record: its original file read for people (fpa_show), as
 * HTML through a stylesheet, and its attachments written out as files
 * under safe names; and the documents' list Import, the supplier
 * invoices of the book's import folder (fpa-batch.c). The screens reach
 * them through the documents kind's commands and import hook; `scrivano
 * fatturapa` calls them directly. */
#ifndef SCRIVANO_DOC_RECEIVED_H
#define SCRIVANO_DOC_RECEIVED_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "book/book.h"
#include "book/record.h"
#include "fisc/fatturapa.h"
#include "util/util.h"

/* Document id, which must be a received one with its original file:
 * the file's XML (unwrapped when signed) into src. 0, REC_GONE (no such
 * document) or REC_ERROR (not a received document, or unreadable) with a
 * message. */
int doc_received_source(struct book *b, int64_t id, struct fpa_source *src, char *err);

/* Whether name may be a file's name as it is: not empty, not "." nor
 * "..", no '/' nor '\\', not starting with '.', no control characters,
 * valid UTF-8, at most 200 bytes. 1, or 0 with why in why (ERR_SIZE). */
int attachment_name_ok(const char *name, char *why);

/* Writes document id's attachments into folder dir, each under its own
 * name, whole or not at all; a name attachment_name_ok refuses, or a
 * file already there (unless force), is not written and says why. A line
 * per attachment goes to out ("written: DIR/NAME (12.345 bytes)",
 * "refused: ..."). *written counts those written. 0 when every one was
 * written (none is 0 too), 1 when some were not, REC_GONE or REC_ERROR
 * with a message. */
int doc_attachments_extract(struct book *b, int64_t id, const char *dir, int force,
			    struct text_lines *out, size_t *written, char *err);

/* The width of the original's text in the pager: the printed page's. */
#define DOC_SHOW_WIDTH 76

/* For the documents kind (record.h): the commands Original and
 * Attachments of a received document, and the list's Import. */
int doc_received_applies(const struct record *r);
size_t doc_original_show(struct book *b, const struct record *r, char ***lines, char *err);
int doc_attachments_run(struct book *b, const struct record *r, const char *arg,
			int64_t *open_id, char *msg, char *err);
size_t doc_import_folder(struct book *b, const char *dir,
			 void (*progress)(void *arg, size_t done, size_t total), void *arg,
			 char ***lines, char *err);

#endif
