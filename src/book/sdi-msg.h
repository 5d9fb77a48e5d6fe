/* SdI's messages kept in the book (tables sdi_messages, sdi_message_errors):
 * each stored once by its file name, against the sdi_files row it answers,
 * moving that file's state (and its document's sdi_state when it is the
 * document's newest file) by the transitions below. What a message says
 * is read by the fiscal core (fisc/sdi-msg.h); the bridge
 * (bridge/sdi-receipts.h) joins the two.
 *
 * The transitions. A file is made (X) and sent (S); SdI answers it once
 * with NS (rejected, R) or with RC (delivered, C) or MC (not delivered, M:
 * valid, in the buyer's cassetto fiscale) — for a public administration an
 * AT after a failed delivery (M too) — and a PA then answers with NE (EC01
 * accepted, A; EC02 refused, F) or SdI with DT after 15 days of silence
 * (terms elapsed, T). So states rank X = S < M < C < A = F = T, R apart:
 * a message moves a file only up the ranks, never down nor sideways (a
 * late RC after a DT, a second NE, an MC after an RC leave it where it
 * is), and R and the outcomes A, F, T are final. An NS moves only a file
 * not answered yet (X or S): SdI rejects before it delivers. A message is
 * kept whether or not it moves its file. A message of another
 * transmission of the same file (its IdentificativoSdI not the one the
 * file has: the file mailed twice, whose second copy SdI rejects as a
 * duplicate, 00002) is kept and moves nothing. A document whose file
 * moves to any state but R was sent: its own state I becomes S. */
#ifndef SCRIVANO_SDI_MSG_BOOK_H
#define SCRIVANO_SDI_MSG_BOOK_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"

/* The state a file in state from takes on a message of kind (RC NS MC NE
 * DT AT; esito EC01 or EC02 for NE): from itself when it does not move. */
char sdi_state_after(char from, const char *kind, const char *esito);

/* One error of a notifica di scarto. */
struct sdi_message_error_in {
	const char *code, *text, *hint;
};

/* A message as read, to store. */
struct sdi_message_in {
	const char *file_name;  /* its own name, no folder */
	const void *data;       /* its bytes as received */
	size_t len;
	int is_signed, signature_ok;
	const char *signer;
	const char *kind;       /* RC NS MC NE DT AT */
	const char *sdi_id;     /* IdentificativoSdI */
	const char *answers;    /* NomeFile */
	const char *message_id, *received, *delivered, *esito, *text; /* may be "" */
	const struct sdi_message_error_in *errors;
	size_t nerrors;
};

/* What storing it did (or, already_seen, what it did when it was stored). */
struct sdi_message_done {
	int already_seen;
	int64_t id, file, document;
	char kind[4];
	char file_name[64];    /* the sdi_files row's name */
	char sdi_id[32];
	char from[2], to[2];   /* the file's state before and after */
	int other_transmission;/* a message of another IdentificativoSdI: kept, moved nothing */
};

/* Stores m in one transaction nesting in the caller's: matched to its file
 * by NomeFile (the name stored, or that name signed, .p7m), else by the
 * IdentificativoSdI a file took from an earlier message; the first
 * message's IdentificativoSdI kept on the file; its state and the
 * document's moved by the transitions. 0 (res filled; already_seen when a
 * message of the same file name is in the book: nothing written);
 * REC_INVALID when it answers no file of the book (nothing written), with
 * a message naming the file; REC_ERROR. */
int sdi_message_store(struct book *b, const struct sdi_message_in *m,
		      struct sdi_message_done *res, char *err);

/* A stored message's errors, in order: *out newly allocated (free each
 * row's strings with sdi_message_errors_free), *n how many. 0 or REC_ERROR. */
struct sdi_message_error_row {
	char code[16];
	char *text, *hint;
};
int sdi_message_errors(struct book *b, int64_t message, struct sdi_message_error_row **out,
		       size_t *n, char *err);
void sdi_message_errors_free(struct sdi_message_error_row *rows, size_t n);

#endif
