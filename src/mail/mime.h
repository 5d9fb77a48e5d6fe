/* Mail messages in and out (RFC 5322, MIME): what a message holds as
 * attachments, read from a mail server's bytes, and the message that
 * carries one file to SdI. No book, no network: the transport is mail.h. */
#ifndef SCRIVANO_MIME_H
#define SCRIVANO_MIME_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

/* What a message may be, read: a server or a sender we do not control
 * gets a clear refusal past these, never a crash or an endless read. */
#define MIME_MAX_SIZE (32u << 20)   /* bytes of one message */
#define MIME_MAX_DEPTH 12           /* multiparts and messages inside each other */
#define MIME_MAX_PARTS 500          /* parts of one message, at every level */
#define MIME_MAX_HEADER (256u << 10) /* bytes of one part's header block */
#define MIME_MAX_NAME 255           /* bytes of a file name kept */

/* One attachment: a part with a file name (Content-Disposition's filename
 * or Content-Type's name, RFC 2231 and RFC 2047 forms decoded into UTF-8,
 * without any folder part), its type in lower case ("application/xml")
 * and its bytes, transfer encoding undone. */
struct mime_attachment {
	char *name;
	char *type;
	unsigned char *data;
	size_t len;
};

struct mime_attachments {
	struct mime_attachment *v;
	size_t n;
};

/* Every attachment of a message, at every level: nested multiparts are
 * read through, and so is a message inside the message (message/rfc822,
 * as PEC wraps the original in postacert.eml beside daticert.xml), whose
 * own attachments are listed in its place. Base64 and quoted-printable
 * bodies are decoded. 0, or -1 with a message naming what is wrong (too
 * big, nested too deep, too many parts); out is then empty. */
int mime_attachments(const char *msg, size_t len, struct mime_attachments *out, char *err);
void mime_attachments_free(struct mime_attachments *a);

/* The top-level header field name (any case) of a message, unfolded and
 * its RFC 2047 words decoded, newly allocated; NULL when it has none. */
char *mime_header(const char *msg, size_t len, const char *name);

/* ---- a message out ---- */

struct mime_out {
	const char *from;      /* addr-spec: pec@example.it */
	const char *to;
	const char *subject;   /* UTF-8; encoded as RFC 2047 words when not ASCII */
	const char *text;      /* UTF-8, lines separated by '\n' */
	const char *file_name; /* the attachment's name (ASCII: SdI's names are) */
	const unsigned char *data;
	size_t len;
	int64_t when;          /* the Date, seconds since the epoch */
};

/* The message as SMTP carries it (CR LF lines): Date, From, To, Subject,
 * Message-ID, MIME-Version and a multipart/mixed of the text and the file
 * (application/pkcs7-mime for a .p7m, else application/xml; base64).
 * The Message-ID made (with its <>) goes into message_id (ERR_SIZE). 0,
 * or -1 with a message (an address or a name that cannot be written). */
int mime_build(const struct mime_out *m, struct buf *out, char *message_id, char *err);

#endif
