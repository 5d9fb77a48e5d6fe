/* A message's structure read (mime.h): header blocks, multipart bodies
 * split at their boundaries, messages inside messages, bodies decoded;
 * each attachment listed. Bounded in size, depth and parts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mail/mime-impl.h"
#include "util/base64.h"
#include "util/i18n.h"

struct walk {
	struct mime_attachments *out;
	size_t parts;
	char *err;
};

/* Where the header block of p (n bytes) ends and the body starts: *hlen
 * the header's bytes, *body the body's offset. -1 when the header is
 * longer than MIME_MAX_HEADER. */
static int
split_header(const char *p, size_t n, size_t *hlen, size_t *body)
{
	size_t at = 0;

	while (at < n) {
		const char *eol = memchr(p + at, '\n', n - at);
		size_t line_end = eol != NULL ? (size_t)(eol - p) : n;
		size_t len = line_end - at;

		if (len == 0 || (len == 1 && p[at] == '\r')) {
			*hlen = at;
			*body = eol != NULL ? line_end + 1 : n;
			return 0;
		}
		if (line_end > MIME_MAX_HEADER)
			return -1;
		at = eol != NULL ? line_end + 1 : n;
	}
	*hlen = n; /* no body */
	*body = n;
	return n > MIME_MAX_HEADER ? -1 : 0;
}

/* The body decoded as its Content-Transfer-Encoding says, into out. */
static void
decode_body(const char *h, size_t hlen, const char *b, size_t n, struct buf *out)
{
	char *cte = mime_field(h, hlen, "Content-Transfer-Encoding");
	char *enc = cte != NULL ? mime_token(cte) : xstrdup("7bit");

	if (strcmp(enc, "base64") == 0)
		base64_decode(b, n, out); /* a stray last character is dropped */
	else if (strcmp(enc, "quoted-printable") == 0)
		mime_qp_decode(b, n, 0, out);
	else
		buf_add(out, b, n);
	buf_add(out, "", 0); /* never NULL, even empty */
	free(enc);
	free(cte);
}

/* A file name as kept: no folder part, no control characters, at most
 * MIME_MAX_NAME bytes cut at a character; NULL when nothing is left. */
static char *
clean_name(char *name)
{
	char *base = name, *s;
	size_t len;

	for (s = name; *s != '\0'; s++)
		if (*s == '/' || *s == '\\')
			base = s + 1;
	str_printable(base);
	str_trim(base);
	len = strlen(base);
	if (len > MIME_MAX_NAME) {
		len = MIME_MAX_NAME;
		while (len > 0 && ((unsigned char)base[len] & 0xC0) == 0x80)
			len--;
	}
	if (len == 0 || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return NULL;
	return xstrndup(base, len);
}

static int part(struct walk *w, const char *p, size_t n, int depth);

/* The parts of a multipart body between its boundary lines. */
static int
multipart(struct walk *w, const char *b, size_t n, const char *boundary, int depth)
{
	size_t bl = strlen(boundary), at = 0, start = 0;
	int open = 0;

	while (at < n) {
		const char *eol = memchr(b + at, '\n', n - at);
		size_t next = eol != NULL ? (size_t)(eol - b) + 1 : n;

		if (n - at >= bl + 2 && b[at] == '-' && b[at + 1] == '-' &&
		    memcmp(b + at + 2, boundary, bl) == 0) {
			const char *rest = b + at + 2 + bl, *line_end = b + next;
			int closing = (size_t)(rest - b) + 2 <= n && rest[0] == '-' && rest[1] == '-';
			const char *tail = closing ? rest + 2 : rest;
			while (tail < line_end && (*tail == ' ' || *tail == '\t' || *tail == '\r' ||
						   *tail == '\n'))
				tail++;
			if (tail < line_end) { /* "--b10" is not a line of boundary "b1" */
				at = next;
				continue;
			}
			if (open) {
				/* the part ends before the line break that precedes
				 * the boundary line */
				size_t end = at;
				if (end > start && b[end - 1] == '\n')
					end--;
				if (end > start && b[end - 1] == '\r')
					end--;
				if (part(w, b + start, end - start, depth + 1) < 0)
					return -1;
			}
			if (closing)
				return 0;
			open = 1;
			start = next;
		}
		at = next;
	}
	/* no closing boundary: the last part runs to the end */
	if (open && start < n)
		return part(w, b + start, n - start, depth + 1);
	return 0;
}

static int
part(struct walk *w, const char *p, size_t n, int depth)
{
	size_t hlen, body;
	char *ctype, *type, *disp, *name = NULL;
	int rc = 0;

	if (depth > MIME_MAX_DEPTH)
		return err_set(w->err, _("the message nests parts more than %d deep"),
			       MIME_MAX_DEPTH);
	if (++w->parts > MIME_MAX_PARTS)
		return err_set(w->err, _("the message has more than %d parts"), MIME_MAX_PARTS);
	if (split_header(p, n, &hlen, &body) < 0)
		return err_set(w->err, _("a part's header is longer than %u KiB"),
			       MIME_MAX_HEADER >> 10);
	ctype = mime_field(p, hlen, "Content-Type");
	type = ctype != NULL ? mime_token(ctype) : xstrdup("text/plain");
	if (strncmp(type, "multipart/", 10) == 0) {
		char *boundary = mime_param(ctype, "boundary", 0);
		if (boundary != NULL && boundary[0] != '\0')
			rc = multipart(w, p + body, n - body, boundary, depth);
		free(boundary);
	} else if (strcmp(type, "message/rfc822") == 0 || strcmp(type, "message/global") == 0) {
		struct buf inner = { 0 };
		decode_body(p, hlen, p + body, n - body, &inner);
		rc = part(w, inner.data, inner.len, depth + 1);
		buf_free(&inner);
	} else {
		disp = mime_field(p, hlen, "Content-Disposition");
		if (disp != NULL)
			name = mime_param(disp, "filename", 1);
		if (name == NULL && ctype != NULL)
			name = mime_param(ctype, "name", 1);
		char *kept = name != NULL ? clean_name(name) : NULL;
		if (kept != NULL) {
			struct buf data = { 0 };
			struct mime_attachment *a;

			decode_body(p, hlen, p + body, n - body, &data);
			w->out->v = xreallocarray(w->out->v, w->out->n + 1, sizeof *w->out->v);
			a = &w->out->v[w->out->n++];
			a->name = kept;
			a->type = xstrdup(type);
			a->data = (unsigned char *)data.data;
			a->len = data.len;
		}
		free(disp);
	}
	free(name);
	free(type);
	free(ctype);
	return rc;
}

int
mime_attachments(const char *msg, size_t len, struct mime_attachments *out, char *err)
{
	struct walk w = { out, 0, err };

	out->v = NULL;
	out->n = 0;
	if (len > MIME_MAX_SIZE)
		return err_set(err, _("the message is larger than %u MiB"), MIME_MAX_SIZE >> 20);
	if (part(&w, msg, len, 0) < 0) {
		mime_attachments_free(out);
		return -1;
	}
	return 0;
}

void
mime_attachments_free(struct mime_attachments *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].type);
		free(a->v[i].data);
	}
	free(a->v);
	a->v = NULL;
	a->n = 0;
}

char *
mime_header(const char *msg, size_t len, const char *name)
{
	size_t hlen, body;
	char *v, *d;

	if (split_header(msg, len, &hlen, &body) < 0 || (v = mime_field(msg, hlen, name)) == NULL)
		return NULL;
	d = mime_words_decode(v);
	free(v);
	return d;
}
