/* A document's FatturaPA file mailed to SdI from the user's PEC mailbox,
 * and SdI's answers read back from it (issue 15): the book's PEC settings
 * (book/pec.h) and files (book/sdi.h), the mail (mail/mail.h, mime.h).
 * Each step says what it is doing through record_progress. */
#ifndef SCRIVANO_SDI_MAIL_H
#define SCRIVANO_SDI_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "book/book.h"
#include "book/record.h"
#include "util/util.h"

/* What a sending did. */
struct sdi_sent {
	int64_t file_id;
	char file_name[64];          /* IT01234567890_0000A.xml */
	char to[256];                /* SdI's address */
	char message_id[ERR_SIZE];   /* <...@pec.example.it>, as stored */
	char when[20];               /* YYYY-MM-DD HH:MM:SS, as stored */
};

/* Mails document doc_id's FatturaPA file to SdI's PEC address from the
 * PEC settings' mailbox: first made (fpa_export_document, against xsd)
 * when the document has none or it changed since, else its newest, which
 * must be made and not sent (state X); then marked sent with the
 * Message-ID and the time (sdi_file_mark_sent: the file's state S, the
 * document's S when it was issued). 0, or -1 with a message: the export's
 * refusal (the rule and the field), the settings that are missing, a file
 * already sent, or the server's answer (a refused login, a TLS failure, a
 * server down); then nothing is marked sent (a file the export made stays
 * made, state X, for the next try). */
struct fpa_schema;
int sdi_send_document(struct book *b, int64_t doc_id, struct fpa_schema *xsd,
		      struct sdi_sent *out, char *err);

/* What a reading of the mailbox found. */
struct sdi_fetch_report {
	size_t messages; /* messages read */
	size_t imported; /* SdI answers new to the book, imported */
	size_t seen;     /* SdI answers the book had already */
	size_t skipped;  /* messages that hold no SdI answer */
	size_t errors;   /* messages or answers that could not be read or imported */
};

/* Reads every message of the PEC mailbox's INBOX, read or not, and each
 * SdI answer attached at any depth (IT01234567890_0000A_RC_001.xml, .p7m
 * too; inside PEC's postacert.eml) is imported, matched by its file name
 * and SdI's id, so that one imported before is counted as already seen.
 * line (may be NULL) is told a line for each answer and each error. 0, or
 * -1 with a message when the mailbox cannot be read (rep then says what
 * was done before). */
int sdi_fetch(struct book *b, void (*line)(void *ctx, const char *text), void *ctx,
	      struct sdi_fetch_report *rep, char *err);
/* The report as one line: "12 messages read: 2 new SdI answers imported,
 * ...", into out (ERR_SIZE). */
void sdi_fetch_summary(const struct sdi_fetch_report *rep, char *out);

/* Whether name is an SdI answer's file name, IT01234567890_0000A_RC_001.xml
 * or .xml.p7m, of a kind that answers the sender (RC NS MC NE DT AT; the
 * fiscal core's sdi_msg_name_kind): 1 with the kind in kind (3 bytes),
 * else 0. */
int sdi_answer_name(const char *name, char kind[3]);

/* The documents' commands Send to SdI and Fetch SdI's answers
 * (doc-cmds.c's table names them). */
int sdi_send_applies(const struct record *r);
int sdi_send_run(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		 char *msg, char *err);
int sdi_fetch_applies(const struct record *r);
int sdi_fetch_run(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		  char *msg, char *err);

/* sdi-mail-cli.c: `scrivano fatturapa send --book BOOK ID` and `fetch
 * --book BOOK` (argv[0] the verb): the exit status, 2 for a usage the
 * caller then prints. */
int fatturapa_send(int argc, char **argv);
int fatturapa_fetch(int argc, char **argv);

#endif
