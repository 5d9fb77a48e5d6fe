/* What a received document came with, read back: its original file (the
 * XML, or the .p7m as signed) and the files its supplier attached
 * (FatturaPA Allegati), kept in document_attachments by document and
 * position. Stored once at import, never changed after. */
#ifndef SCRIVANO_DOCUMENT_FILES_H
#define SCRIVANO_DOCUMENT_FILES_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"

/* An original file as kept (document_files), its strings newly allocated. */
struct document_file_kept {
	int64_t id;
	char *name;
	char sha256[65];
	int is_signed, signature_ok;
	char *signer;
	char *data; /* its bytes, NUL-terminated beyond len */
	size_t len;
};
/* Reads file id: 0, REC_GONE when there is none, or REC_ERROR. */
int document_file_load(struct book *b, int64_t id, struct document_file_kept *out, char *err);
void document_file_kept_free(struct document_file_kept *f);

/* An attachment. Stored: name, format, description and compression are
 * text as the file gave them (NULL or "" when absent), data its bytes;
 * loaded: every string newly allocated, sha256 and seq set. */
struct document_attachment {
	int seq;            /* 1, 2 ... within the document */
	char *name;         /* NomeAttachment, as sent: not a safe file name */
	char *format;       /* FormatoAttachment */
	char *description;  /* DescrizioneAttachment */
	char *compression;  /* AlgoritmoCompressione (ZIP): the bytes are as sent */
	char sha256[65];
	void *data;
	size_t len;
};
/* Stores a as attachment seq of document doc, its SHA-256 computed here,
 * in a transaction that nests in the caller's (the import's). 0 or
 * REC_ERROR. */
int document_attachment_store(struct book *b, int64_t doc, int seq,
			      const struct document_attachment *a, char *err);
/* Document doc's attachments in order into *out (newly allocated, *n of
 * them; none is 0 with *out NULL). 0 or REC_ERROR. */
int document_attachments_load(struct book *b, int64_t doc, struct document_attachment **out,
			      size_t *n, char *err);
void document_attachments_free(struct document_attachment *a, size_t n);

#endif
