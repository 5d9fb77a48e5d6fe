/* The PEC settings: the mailbox that mails invoices to SdI (SMTP) and
 * reads its answers (IMAP). One row (id 1) in table pec_settings, made
 * with its schema step. The password is written, never read back into a
 * record: a form shows only whether one is set, and takes a new one. */
#ifndef SCRIVANO_PEC_H
#define SCRIVANO_PEC_H

#include "book/record.h"

enum pec_field {
	PEC_SMTP_HOST,
	PEC_SMTP_PORT,
	PEC_SMTP_SECURITY, /* TLS (from the first byte) or STARTTLS */
	PEC_IMAP_HOST,
	PEC_IMAP_PORT,
	PEC_IMAP_SECURITY,
	PEC_USER,
	PEC_NEW_PASSWORD,  /* empty when loaded; a value saved replaces the password */
	PEC_PASSWORD_SET,  /* computed: 1 when a password is kept, else 0 */
	PEC_FROM,          /* the From address: the user's PEC */
	PEC_SDI_ADDRESS,   /* where invoices go: SdI's PEC address */
	PEC_CA_FILE,       /* a CA certificate file (a test server's), or empty */
	PEC_NFIELDS
};

extern const struct record_kind pec_kind;

/* SdI's first PEC address, which a new book's settings name; SdI's first
 * answer may give another for the following invoices. */
#define PEC_SDI_DEFAULT "sdi01@pec.fatturapa.it"

/* The settings as the mail needs them, the password included. */
struct pec_settings {
	char *smtp_host, *smtp_security;
	int smtp_port;
	char *imap_host, *imap_security;
	int imap_port;
	char *user, *password, *from, *sdi_address, *ca_file;
};

/* Reads the settings: 0, or -1 with a message. */
int pec_settings_read(struct book *b, struct pec_settings *s, char *err);
void pec_settings_free(struct pec_settings *s);

#endif
