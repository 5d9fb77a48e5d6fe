/* SdI's messages into a book: a receipt file (RC ricevuta di consegna, NS
 * notifica di scarto, MC mancata consegna, NE esito committente, DT
 * decorrenza termini, AT attestazione di trasmissione), plain XML or a
 * signed .p7m, read by the fiscal core (fisc/sdi-msg.h), matched to the
 * sdi_files row it answers, kept in sdi_messages, and the file's state and
 * its document's sdi_state moved (book/sdi-msg.h has the transitions). */
#ifndef SCRIVANO_SDI_RECEIPTS_H
#define SCRIVANO_SDI_RECEIPTS_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"
#include "util/util.h"

/* One error of a notifica di scarto: SdI's code ("00404"), its text and
 * its suggestion (either may be empty). */
struct sdi_import_error {
	char code[16];
	char *text;
	char *hint;
};

/* What importing one message did. */
struct sdi_import {
	int already_seen;      /* a message of this file name was in the book:
				* nothing written, the rest as stored then */
	char kind[4];          /* RC NS MC NE DT AT */
	int64_t message;       /* sdi_messages.id */
	int64_t file;          /* the sdi_files row it answers */
	int64_t document;      /* that file's document */
	char answers[128];     /* the file it answers (NomeFile) */
	char document_name[64];/* "FAT 3/2026" */
	char sdi_id[32];       /* IdentificativoSdI */
	char from[2], to[2];   /* the file's state before and after (sdi-model:
				* X S C M R A F T); equal when it did not move */
	int other_transmission;/* of another IdentificativoSdI than the file's
				* (the file mailed twice): kept, moved nothing */
	char esito[8];         /* NE: EC01 accepted, EC02 refused */
	char text[ERR_SIZE];   /* a message's description (MC, NE, DT, AT), if any */
	struct sdi_import_error *errors; /* NS: its ListaErrori, in order */
	size_t nerrors;
};

/* Imports one SdI message file, named file_name (a path's folder is left
 * out of the name kept): its bytes data (XML or .p7m), read safely. In one
 * transaction (nesting in the caller's): the message stored, the first
 * one's IdentificativoSdI kept on the file, the file's state and its
 * document's sdi_state moved where the transitions allow. 0 when imported,
 * or already seen (res->already_seen: the same file name was imported
 * before; not an error); REC_INVALID with a message naming what is wrong
 * (not an SdI message, a kind the file name contradicts, no file of the
 * book it answers) and nothing written; REC_ERROR when the book fails.
 * res is filled on 0 (free with sdi_import_free). */
int sdi_message_import(struct book *b, const char *file_name, const unsigned char *data,
		       size_t len, struct sdi_import *res, char *err);
/* The same from a file on disk (at most the reader's size). */
int sdi_message_import_file(struct book *b, const char *path, struct sdi_import *res,
			    char *err);
void sdi_import_free(struct sdi_import *res);

/* What the import did, for people, on one line without the NS errors
 * ("IT01234567890_0000A_NS_001.xml: notifica di scarto of FAT 3/2026
 * (IT01234567890_0000A.xml): sent -> rejected"), into out. */
void sdi_import_describe(const char *file_name, const struct sdi_import *res, char *out,
			 size_t size);

/* A rejection's errors on one line, "00404 Fattura duplicata; 00423 ...",
 * into out ("" when none). */
void sdi_import_errors_text(const struct sdi_import *res, char *out, size_t size);

/* The documents' command Receipt (doc-cmds.c): offered on a sale that has
 * a file; imports a message file of the book's import folder (arg, as the
 * form passes it: a file of another folder is refused), whichever
 * document's file it answers, and says what it did, with a rejection's
 * codes (struct record_command's applies and run). */
struct record;
int sdi_receipt_applies(const struct record *r);
int sdi_receipt_run(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		    char *msg, char *err);

/* `scrivano fatturapa receipt --book BOOK FILE...` (sdi-receipts-cli.c):
 * the exit status, or -1 when the arguments are wrong (the caller prints
 * the usage). */
int fatturapa_receipt(int argc, char **argv);

#endif
