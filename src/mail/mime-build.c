/* The message that carries one file (mime.h, mime_build): RFC 5322
 * header fields, a multipart/mixed of a quoted-printable text and the
 * file in base64. */
#include "config.h"

#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>

#include "mail/mime.h"
#include "util/base64.h"
#include "util/i18n.h"

/* An address as a header and SMTP take it: local@domain, printable ASCII,
 * no blanks nor the characters that would end or split it. */
static int
address_ok(const char *a)
{
	const char *at = strchr(a, '@');

	if (at == NULL || at == a || at[1] == '\0' || strchr(at + 1, '@') != NULL ||
	    strlen(a) > 254)
		return 0;
	for (const char *c = a; *c != '\0'; c++)
		if (*c <= ' ' || *c >= 127 || strchr("<>()[],;:\"\\", *c) != NULL)
			return 0;
	return 1;
}

static int
file_name_ok(const char *n)
{
	if (n[0] == '\0' || strlen(n) > 200)
		return 0;
	for (const char *c = n; *c != '\0'; c++)
		if (*c <= ' ' || *c >= 127 || *c == '"' || *c == '\\' || *c == '/')
			return 0;
	return 1;
}

/* hex of n random bytes into out (2n + 1 bytes). */
static void
random_hex(char *out, size_t n)
{
	unsigned char r[32];
	size_t got = 0;

	if (n > sizeof r)
		n = sizeof r;
	while (got < n) {
		ssize_t k = getrandom(r + got, n - got, 0);
		if (k <= 0) { /* no entropy source: the clock, still unique enough */
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			for (; got < n; got++)
				r[got] = (unsigned char)(ts.tv_nsec >> (got % 4 * 8) ^ got);
			break;
		}
		got += (size_t)k;
	}
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
}

/* RFC 5322's date, in English whatever the locale: "Mon, 07 Dec 2026
 * 06:30:00 +0100". */
static void
mail_date(int64_t when, char *out, size_t size)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t t = (time_t)when;
	struct tm tm;
	long off;

	localtime_r(&t, &tm);
	off = tm.tm_gmtoff / 60;
	snprintf(out, size, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld", days[tm.tm_wday % 7],
		 tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
		 tm.tm_sec, off < 0 ? '-' : '+', (off < 0 ? -off : off) / 60,
		 (off < 0 ? -off : off) % 60);
}

/* The Subject field: as it is when ASCII, else RFC 2047 B words of at
 * most 45 bytes (whole characters), folded. */
static void
subject_field(const char *s, struct buf *out)
{
	int ascii = 1;

	for (const char *c = s; *c != '\0'; c++)
		if ((unsigned char)*c >= 127 || (unsigned char)*c < ' ')
			ascii = 0;
	buf_adds(out, "Subject: ");
	if (ascii) {
		buf_adds(out, s);
		buf_adds(out, "\r\n");
		return;
	}
	size_t len = strlen(s), at = 0;
	while (at < len) {
		size_t n = len - at > 45 ? 45 : len - at;
		while (at + n < len && n > 0 && ((unsigned char)s[at + n] & 0xC0) == 0x80)
			n--; /* not inside a character */
		if (n == 0)
			n = 1;
		if (at > 0)
			buf_adds(out, "\r\n ");
		buf_adds(out, "=?UTF-8?B?");
		base64_encode(s + at, n, 0, out);
		buf_adds(out, "?=");
		at += n;
	}
	buf_adds(out, "\r\n");
}

/* Text as quoted-printable lines of at most 76 characters, CR LF. */
static void
qp_encode(const char *s, struct buf *out)
{
	size_t col = 0;

	for (const unsigned char *c = (const unsigned char *)s; *c != '\0'; c++) {
		char piece[4];
		int at_eol = c[1] == '\0' || c[1] == '\n';

		if (*c == '\n') {
			buf_adds(out, "\r\n");
			col = 0;
			continue;
		}
		if ((*c >= 33 && *c <= 126 && *c != '=') || (*c == ' ' && !at_eol)) {
			piece[0] = (char)*c;
			piece[1] = '\0';
		} else
			snprintf(piece, sizeof piece, "=%02X", *c);
		if (col + strlen(piece) > 75) {
			buf_adds(out, "=\r\n");
			col = 0;
		}
		buf_adds(out, piece);
		col += strlen(piece);
	}
	if (col > 0)
		buf_adds(out, "\r\n");
}

int
mime_build(const struct mime_out *m, struct buf *out, char *message_id, char *err)
{
	const char *ext = strrchr(m->file_name, '.');
	int p7m = ext != NULL && strcasecmp(ext, ".p7m") == 0;
	char date[64], boundary[64], rnd[33];

	if (!address_ok(m->from))
		return err_set(err, _("the sender's address '%s' is not an e-mail address"),
			       m->from);
	if (!address_ok(m->to))
		return err_set(err, _("the recipient's address '%s' is not an e-mail address"),
			       m->to);
	if (!file_name_ok(m->file_name))
		return err_set(err, _("the file name '%s' cannot go into a message"), m->file_name);
	random_hex(rnd, 16);
	{
		time_t t = (time_t)m->when;
		struct tm tm;
		char stamp[16];
		gmtime_r(&t, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
		snprintf(message_id, ERR_SIZE, "<%s.%s@%s>", stamp, rnd, strchr(m->from, '@') + 1);
	}
	random_hex(rnd, 12);
	snprintf(boundary, sizeof boundary, "=_scrivano_%s", rnd);
	mail_date(m->when, date, sizeof date);

	buf_printf(out, "Date: %s\r\n", date);
	buf_printf(out, "From: %s\r\n", m->from);
	buf_printf(out, "To: %s\r\n", m->to);
	subject_field(m->subject, out);
	buf_printf(out, "Message-ID: %s\r\n", message_id);
	buf_adds(out, "MIME-Version: 1.0\r\n");
	buf_printf(out, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n", boundary);
	buf_adds(out, "This is a message in MIME format.\r\n");
	buf_printf(out, "--%s\r\n", boundary);
	buf_adds(out, "Content-Type: text/plain; charset=UTF-8\r\n"
		      "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	qp_encode(m->text, out);
	buf_printf(out, "--%s\r\n", boundary);
	buf_printf(out, "Content-Type: %s; name=\"%s\"\r\n",
		   p7m ? "application/pkcs7-mime" : "application/xml", m->file_name);
	buf_adds(out, "Content-Transfer-Encoding: base64\r\n");
	buf_printf(out, "Content-Disposition: attachment; filename=\"%s\"\r\n\r\n", m->file_name);
	base64_encode(m->data, m->len, 76, out);
	buf_printf(out, "--%s--\r\n", boundary);
	return 0;
}
