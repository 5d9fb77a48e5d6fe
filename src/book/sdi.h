/* The SdI transmission side of the book: the FatturaPA files made for the
 * issued documents (table sdi_files), each named IT<partita IVA>_<progressivo>.xml
 * with a progressivo never reused in the book (the file's id in base 36), its
 * bytes as validated, and its state; a document's sdi_state is its newest
 * file's. The XML itself is the bridge's (src/bridge/fpa-export.c). */
#ifndef SCRIVANO_SDI_H
#define SCRIVANO_SDI_H

#include <stddef.h>
#include <stdint.h>

#include "book/record.h"

/* The states of a file (sdi_files.state) and of documents.sdi_state. */
#define SDI_MADE 'X'        /* exported, not sent */
#define SDI_SENT 'S'        /* mailed to SdI */
#define SDI_DELIVERED 'C'   /* RC ricevuta di consegna */
#define SDI_UNDELIVERED 'M' /* MC mancata consegna: valid, in the cassetto fiscale */
#define SDI_REJECTED 'R'    /* NS notifica di scarto */
#define SDI_ACCEPTED 'A'    /* NE EC01: accepted by the PA */
#define SDI_REFUSED 'F'     /* NE EC02: refused by the PA */
#define SDI_ELAPSED 'T'     /* DT decorrenza termini */
/* All of them, for checks: "X S C M R A F T". */
#define SDI_STATES "X S C M R A F T"

/* The progressivo's characters: the id in base 36, 5 of them. */
#define SDI_PROGRESSIVO_LEN 5

/* One row of sdi_files. */
struct sdi_file {
	int64_t id;
	int64_t document;
	char name[64];        /* IT01234567890_0000A.xml */
	unsigned char *xml;   /* the bytes stored (newly allocated), or NULL */
	size_t len;
	char sha256[65];
	char made[20];        /* YYYY-MM-DD HH:MM:SS, local time */
	char sent[20];        /* "" not yet */
	char message_id[256]; /* the PEC message's Message-ID, "" none */
	char sdi_id[32];      /* IdentificativoSdI, "" until the first receipt */
	char state[2];        /* SDI_* */
};
/* Frees f's bytes (f itself is the caller's). */
void sdi_file_clear(struct sdi_file *f);

/* The progressivo of file id: its id in base 36, digits then capital
 * letters, 5 characters with leading zeros ("0000A" for 10), into out (6
 * bytes). 0, or -1 when id is past 36^5 - 1 (no more names). */
int sdi_progressivo(int64_t id, char out[SDI_PROGRESSIVO_LEN + 1]);

/* The id the next file stored will have (its progressivo is in the XML
 * before it is stored): call it inside the transaction that stores the
 * file (book_begin: IMMEDIATE, so no other writer takes it meanwhile).
 * 0 or REC_ERROR. */
int sdi_file_next_id(struct book *b, int64_t *id, char *err);

/* Whether document doc may have a file: issued (not a draft), a sale of a
 * kind that goes to SdI (FAT, FTD, ACC, NC, ND, PAR). 0, or REC_INVALID
 * with "FAT 1/2026 is a draft: issue it first" or why it does not go to
 * SdI, REC_GONE (no such document), REC_ERROR. */
int sdi_document_check(struct book *b, int64_t doc, char *err);

/* A file to store: the id sdi_file_next_id gave, the document (issued,
 * of a kind that goes to SdI), its name and the bytes as validated. */
struct sdi_file_new {
	int64_t id;
	int64_t document;
	const char *name;
	const void *xml;
	size_t len;
};
/* Stores f (state X, made now, its SHA-256 computed here) and sets the
 * document's sdi_state to X, in one transaction that nests in the
 * caller's. 0, or REC_INVALID (the document is a draft or not a sale to
 * SdI, the id is not the next one, the name is taken) or REC_GONE (no such
 * document) or REC_ERROR, with a message; a refusal stores nothing. */
int sdi_file_store(struct book *b, const struct sdi_file_new *f, char *err);

/* File id into *f (its bytes included when with_xml; else f->xml NULL).
 * 0, REC_GONE (no such file, with a message) or REC_ERROR. */
int sdi_file_get(struct book *b, int64_t id, int with_xml, struct sdi_file *f, char *err);
/* File by name (IT01234567890_0000A.xml), as sdi_file_get. */
int sdi_file_by_name(struct book *b, const char *name, int with_xml, struct sdi_file *f,
		     char *err);
/* The newest file of document doc_id (the highest id): 1 with it in *f, 0
 * when the document has none, REC_ERROR. */
int sdi_file_newest(struct book *b, int64_t doc_id, int with_xml, struct sdi_file *f,
		    char *err);
/* Up to n ids of the newest files of the sale documents dated from..to
 * (YYYY-MM-DD, inclusive), one per document, by document date then
 * number, into ids (newly allocated, free it): the files for the
 * accountant. *got how many. 0 or REC_ERROR. */
int sdi_files_of_period(struct book *b, const char *from, const char *to, int64_t **ids,
			size_t *got, char *err);

/* The ids of the issued sale documents of the kinds that go to SdI dated
 * from..to (inclusive), by date and number, into *ids (newly allocated,
 * free it), *got how many: what a period's export makes files of. 0 or
 * REC_ERROR. */
int sdi_documents_of_period(struct book *b, const char *from, const char *to, int64_t **ids,
			    size_t *got, char *err);

/* The same for every date, of the documents that have no file yet: the
 * issued sales that were never exported. As sdi_documents_of_period. */
int sdi_documents_unfiled(struct book *b, int64_t **ids, size_t *got, char *err);
/* File id was mailed to SdI: sent at when (YYYY-MM-DD HH:MM:SS; NULL:
 * now), in the PEC message message_id. Its state becomes S, its document's
 * sdi_state too when it is the document's newest file, and the document's
 * own state S when it was I (issued). Only a file in state X may be
 * marked (a file sent once is not sent again: a correction is a new
 * file). One transaction, nesting in the caller's. 0, REC_INVALID (not in
 * state X, with its state named), REC_GONE, REC_ERROR. */
int sdi_file_mark_sent(struct book *b, int64_t file_id, const char *message_id,
		       const char *when, char *err);

/* Sets document doc's sdi_state (a column no record's save writes) to
 * state, inside the caller's transaction: for sdi.c and sdi-msg.c, which
 * move a file's state. 0 or REC_ERROR. */
int document_sdi_state(struct book *b, int64_t doc, const char *state, char *err);

/* The English msgid naming state code c ("made", "sent", "rejected"...),
 * or NULL for one that is none. */
const char *sdi_state_label(char c);

#endif
