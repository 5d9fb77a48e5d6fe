/* Mail servers through libcurl: a message sent by SMTP, a mailbox read by
 * IMAP, both over TLS (implicit, or STARTTLS required), the server's
 * certificate always verified (against a CA file when one is given). A
 * failure names the server and what it answered. No book here: the
 * settings come from the caller. */
#ifndef SCRIVANO_MAIL_H
#define SCRIVANO_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

enum mail_security {
	MAIL_TLS,      /* TLS from the first byte (smtps 465, imaps 993) */
	MAIL_STARTTLS, /* plain connection upgraded by STARTTLS, which must succeed */
};

/* The most messages of a mailbox one reading looks at, and the bytes of a
 * server's answer to a listing. */
#define MAIL_MAX_MESSAGES 20000
#define MAIL_MAX_LISTING (4u << 20)

struct mail_server {
	const char *host;   /* a name or an address, no port */
	int port;           /* 1-65535 */
	enum mail_security security;
	const char *user;   /* "" sends no login */
	const char *password;
	const char *ca_file; /* "" or NULL: the system's certificates */
	/* Told what is going on (connecting, sending 12 of 40 KB); may be
	 * NULL. */
	void (*progress)(void *ctx, const char *what);
	void *ctx;
};

/* A security as the settings write it, "TLS" or "STARTTLS", and back (any
 * case; 0, or -1 for another word). */
const char *mail_security_name(enum mail_security s);
int mail_security_parse(const char *word, enum mail_security *out);

/* Sends msg (len bytes, CR LF lines, as mime_build makes it) from the
 * address from to the address to. 0, or -1 with a message naming the
 * server and its answer (a refused login, a TLS failure, a server down). */
int mail_smtp_send(const struct mail_server *s, const char *from, const char *to,
		   const char *msg, size_t len, char *err);

/* A mailbox being read. */
struct mail_imap;

/* Logs in and selects mailbox. 0, or -1 with a message. */
int mail_imap_open(const struct mail_server *s, const char *mailbox, struct mail_imap **out,
		   char *err);
/* The UIDs of every message of the mailbox, read or not (in *uids, newly
 * allocated, ascending; at most MAIL_MAX_MESSAGES: the newest), into *n. */
int mail_imap_list(struct mail_imap *m, uint32_t **uids, size_t *n, char *err);
/* Message uid whole (at most MIME_MAX_SIZE bytes) into out. A message that
 * was unread when listed stays unread: fetching marks it read on the
 * server, which this undoes, so the user's mail client still shows it new. */
int mail_imap_fetch(struct mail_imap *m, uint32_t uid, struct buf *out, char *err);
void mail_imap_close(struct mail_imap *m);

#endif
