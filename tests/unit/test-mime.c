/* The MIME reader and writer (src/mail/mime.h) on hand-made messages: a
 * plain attachment, a PEC envelope with the SdI receipt inside
 * postacert.eml, quoted-printable, RFC 2231 and RFC 2047 names, a name
 * with folders, LF-only lines, a missing closing boundary, the bounds
 * (depth, parts, header size), and a message built and read back. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mail/mime.h"
#include "tap.h"
#include "util/base64.h"
#include "util/util.h"

static const char receipt[] = "<?xml version=\"1.0\"?>\n<ns3:RicevutaConsegna "
			      "xmlns:ns3=\"http://ivaservizi.agenziaentrate.gov.it/docs/xsd/"
			      "messaggi/v1.0\"><IdentificativoSdI>111</IdentificativoSdI>"
			      "</ns3:RicevutaConsegna>\n";

/* The base64 of s, with CR LF lines. */
static char *
b64(const char *s)
{
	struct buf b = { 0 };
	base64_encode(s, strlen(s), 76, &b);
	buf_add(&b, "", 0);
	return b.data;
}

static const struct mime_attachment *
find(const struct mime_attachments *a, const char *name)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i].name, name) == 0)
			return &a->v[i];
	return NULL;
}

static int
read_msg(const char *msg, struct mime_attachments *a, char *err)
{
	return mime_attachments(msg, strlen(msg), a, err);
}

static void
test_plain(void)
{
	char *enc = b64(receipt), err[ERR_SIZE];
	char *msg = xasprintf("From: a@b.it\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
			      "Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\npreamble\r\n"
			      "--XX\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
			      "--XX\r\nContent-Type: application/xml; name=\"IT01234567890_0000A.xml\"\r\n"
			      "Content-Transfer-Encoding: base64\r\n\r\n%s--XX--\r\nepilogue\r\n",
			      enc);
	struct mime_attachments a;
	const struct mime_attachment *x;

	ok(read_msg(msg, &a, err) == 0, "a multipart/mixed message is read");
	is_int(a.n, 1, "the text part is no attachment; the file is");
	x = find(&a, "IT01234567890_0000A.xml");
	ok(x != NULL && x->len == strlen(receipt) && memcmp(x->data, receipt, x->len) == 0,
	   "its name from Content-Type's name, its bytes decoded from base64");
	is_str(x != NULL ? x->type : NULL, "application/xml", "its type");
	mime_attachments_free(&a);
	free(msg);
	free(enc);
}

/* A PEC delivery of SdI's receipt: the provider's multipart/signed around
 * a multipart/mixed of its text, daticert.xml and the original message as
 * postacert.eml, which holds SdI's file. */
static void
test_pec(void)
{
	char *enc = b64(receipt), *dati = b64("<postacert tipo=\"posta-certificata\"/>"), err[ERR_SIZE];
	char *msg = xasprintf(
		"Return-Path: <posta-certificata@pec.aruba.it>\r\n"
		"Subject: =?UTF-8?Q?POSTA_CERTIFICATA:_Ricevuta_di_consegna?=\r\n"
		"X-Trasporto: posta-certificata\r\n"
		"Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";\r\n"
		"\tmicalg=sha-256; boundary=\"----outer\"\r\n\r\n"
		"This is an S/MIME signed message\r\n\r\n"
		"------outer\r\n"
		"Content-Type: multipart/mixed; boundary=\"----mixed\"\r\n\r\n"
		"------mixed\r\n"
		"Content-Type: multipart/alternative; boundary=\"----alt\"\r\n\r\n"
		"------alt\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
		"Content-Transfer-Encoding: quoted-printable\r\n\r\nMessaggio di posta certificata\r\n"
		"------alt\r\nContent-Type: text/html\r\n\r\n<p>Messaggio</p>\r\n------alt--\r\n\r\n"
		"------mixed\r\n"
		"Content-Type: application/xml; name=\"daticert.xml\"\r\n"
		"Content-Disposition: inline; filename=\"daticert.xml\"\r\n"
		"Content-Transfer-Encoding: base64\r\n\r\n%s\r\n"
		"------mixed\r\n"
		"Content-Type: message/rfc822; name=\"postacert.eml\"\r\n"
		"Content-Disposition: inline; filename=\"postacert.eml\"\r\n\r\n"
		"From: sdi01@pec.fatturapa.it\r\nSubject: Consegna\r\n"
		"Content-Type: multipart/mixed; boundary=\"inner\"\r\n\r\n"
		"--inner\r\nContent-Type: text/plain\r\n\r\nRicevuta\r\n"
		"--inner\r\nContent-Type: application/octet-stream\r\n"
		"Content-Disposition: attachment;\r\n filename=\"IT01234567890_0000A_RC_001.xml\"\r\n"
		"Content-Transfer-Encoding: base64\r\n\r\n%s--inner--\r\n\r\n"
		"------mixed--\r\n\r\n"
		"------outer\r\n"
		"Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
		"Content-Transfer-Encoding: base64\r\n"
		"Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\nMIIB\r\n"
		"------outer--\r\n",
		dati, enc);
	struct mime_attachments a;
	const struct mime_attachment *x;
	char *subject;

	ok(read_msg(msg, &a, err) == 0, "a PEC envelope is read");
	is_int(a.n, 3, "daticert.xml, the receipt inside postacert.eml and smime.p7s");
	ok(find(&a, "daticert.xml") != NULL, "daticert.xml found");
	ok(find(&a, "postacert.eml") == NULL, "postacert.eml is read through, not listed");
	x = find(&a, "IT01234567890_0000A_RC_001.xml");
	ok(x != NULL && x->len == strlen(receipt) && memcmp(x->data, receipt, x->len) == 0,
	   "SdI's receipt inside postacert.eml, its name folded over two lines, its bytes");
	ok(find(&a, "smime.p7s") != NULL, "the signature, a part of multipart/signed");
	subject = mime_header(msg, strlen(msg), "subject");
	is_str(subject, "POSTA CERTIFICATA: Ricevuta di consegna",
	       "the Subject's Q word decoded, '_' a blank");
	free(subject);
	mime_attachments_free(&a);
	free(msg);
	free(enc);
	free(dati);
}

static void
test_encodings(void)
{
	struct mime_attachments a;
	char err[ERR_SIZE];
	const char *msg =
		"Content-Type: multipart/mixed; boundary=b\n\n"
		"--b\nContent-Type: application/xml\n"
		"Content-Disposition: attachment; filename*=UTF-8''fattura%20%C3%A8.xml\n"
		"Content-Transfer-Encoding: quoted-printable\n\n"
		"<a x=3D\"1\">caf=C3=A9 =\nsoft</a>\n"
		"--b\nContent-Type: application/xml\n"
		"Content-Disposition: attachment; filename*0*=ISO-8859-1''caf%E9_; filename*1=\"due.xml\"\n\n"
		"two\n"
		"--b\nContent-Type: application/xml; name=\"=?UTF-8?B?w6hjY28ueG1s?=\"\n\n"
		"three\n"
		"--b\nContent-Type: application/octet-stream; name=\"../../etc/passwd\"\n\n"
		"four\n"
		"--b\nContent-Type: application/octet-stream; name=\"..\"\n\n"
		"five\n"
		"--b\nContent-Type: application/xml; name=last.xml\n\n"
		"six, with no closing boundary\n";
	const struct mime_attachment *x;

	ok(read_msg(msg, &a, err) == 0, "a message with LF-only lines is read");
	is_int(a.n, 5, "five named parts; a name of only '..' is no name");
	x = find(&a, "fattura è.xml");
	ok(x != NULL, "RFC 2231: filename*=UTF-8''... decoded");
	ok(x != NULL && x->len == strlen("<a x=\"1\">café soft</a>") &&
		   memcmp(x->data, "<a x=\"1\">café soft</a>", x->len) == 0,
	   "quoted-printable: =3D, =C3=A9 and a soft line break");
	ok(find(&a, "café_due.xml") != NULL,
	   "RFC 2231 continuations: an ISO-8859-1 first piece and a plain second");
	ok(find(&a, "ècco.xml") != NULL, "an RFC 2047 word in a quoted name");
	ok(find(&a, "passwd") != NULL, "a name's folders are dropped");
	x = find(&a, "last.xml");
	ok(x != NULL && x->len == strlen("six, with no closing boundary\n"),
	   "a part after the last boundary runs to the end of the message");
	mime_attachments_free(&a);

	char *h = mime_header("Subject: =?ISO-8859-1?Q?caf=E9?= =?UTF-8?B?w6g=?= fine\r\n\r\n",
			      60, "Subject");
	is_str(h, "caf\xc3\xa9\xc3\xa8 fine",
	       "adjacent encoded words join without their blank; text keeps its own");
	free(h);
}

static void
test_bounds(void)
{
	struct mime_attachments a;
	char err[ERR_SIZE];
	struct buf deep = { 0 }, many = { 0 }, head = { 0 };

	for (int i = 0; i < MIME_MAX_DEPTH + 5; i++)
		buf_printf(&deep, "Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n", i, i);
	buf_adds(&deep, "Content-Type: text/plain; name=x.txt\r\n\r\nx\r\n");
	ok(mime_attachments(deep.data, deep.len, &a, err) < 0 && strstr(err, "deep") != NULL,
	   "parts nested too deep are refused: %s", err);
	is_int(a.n, 0, "and nothing is returned");

	deep.len = 0;
	for (int i = 0; i < MIME_MAX_DEPTH + 5; i++)
		buf_adds(&deep, "Content-Type: message/rfc822\r\n\r\n");
	ok(mime_attachments(deep.data, deep.len, &a, err) < 0 && strstr(err, "deep") != NULL,
	   "messages inside messages too deep are refused");

	buf_adds(&many, "Content-Type: multipart/mixed; boundary=b\r\n\r\n");
	for (int i = 0; i < MIME_MAX_PARTS + 1; i++)
		buf_printf(&many, "--b\r\nContent-Type: text/plain; name=f%d.txt\r\n\r\n%d\r\n", i, i);
	buf_adds(&many, "--b--\r\n");
	ok(mime_attachments(many.data, many.len, &a, err) < 0 && strstr(err, "parts") != NULL,
	   "more than %d parts are refused: %s", MIME_MAX_PARTS, err);

	buf_adds(&head, "Subject: ");
	for (size_t i = 0; i < MIME_MAX_HEADER + 10; i++)
		buf_add(&head, "x", 1);
	buf_adds(&head, "\r\n\r\nbody");
	ok(mime_attachments(head.data, head.len, &a, err) < 0 && strstr(err, "header") != NULL,
	   "a header past %u KiB is refused", MIME_MAX_HEADER >> 10);
	ok(mime_attachments("x", MIME_MAX_SIZE + 1, &a, err) < 0 && strstr(err, "MiB") != NULL,
	   "a message past %u MiB is refused before it is read", MIME_MAX_SIZE >> 20);
	ok(mime_attachments("", 0, &a, err) == 0 && a.n == 0, "an empty message has nothing");
	buf_free(&deep);
	buf_free(&many);
	buf_free(&head);
}

static void
test_build(void)
{
	struct mime_out m = { .from = "fatture@pec.example.it", .to = "sdi01@pec.fatturapa.it",
			      .subject = "Fattura IT01234567890_0000A.xml – invio",
			      .text = "Invio della fattura.\nRiga lunga: "
				      "================================================="
				      "============================ fine",
			      .file_name = "IT01234567890_0000A.xml",
			      .data = (const unsigned char *)receipt, .len = sizeof receipt - 1,
			      .when = 1796630400 };
	struct buf out = { 0 };
	struct mime_attachments a;
	char id[ERR_SIZE], err[ERR_SIZE], *h;

	ok(mime_build(&m, &out, id, err) == 0, "a message is built");
	ok(id[0] == '<' && strstr(id, "@pec.example.it>") != NULL, "its Message-ID: %s", id);
	h = mime_header(out.data, out.len, "Message-ID");
	is_str(h, id, "the Message-ID returned is the one in the header");
	free(h);
	h = mime_header(out.data, out.len, "Subject");
	is_str(h, m.subject, "a Subject not in ASCII, as RFC 2047 words, reads back");
	free(h);
	h = mime_header(out.data, out.len, "Date");
	ok(h != NULL && strlen(h) >= 31 && strstr(h, " 2026 ") != NULL, "a Date: %s", h);
	free(h);
	int longest = 0, bare_lf = 0;
	for (size_t i = 0, col = 0; i < out.len; i++, col++) {
		if (out.data[i] == '\n') {
			bare_lf |= i == 0 || out.data[i - 1] != '\r';
			col = (size_t)-1;
		} else if ((int)col + 1 > longest)
			longest = (int)col + 1;
	}
	ok(longest <= 78 && !bare_lf, "every line ends CR LF within 78 characters (%d)", longest);
	ok(mime_attachments(out.data, out.len, &a, err) == 0 && a.n == 1 &&
		   strcmp(a.v[0].name, "IT01234567890_0000A.xml") == 0 &&
		   strcmp(a.v[0].type, "application/xml") == 0 && a.v[0].len == m.len &&
		   memcmp(a.v[0].data, receipt, m.len) == 0,
	   "read back: one attachment, its name, application/xml, its bytes");
	mime_attachments_free(&a);

	out.len = 0;
	m.file_name = "IT01234567890_0000B.xml.p7m";
	ok(mime_build(&m, &out, id, err) == 0 && mime_attachments(out.data, out.len, &a, err) == 0 &&
		   a.n == 1 && strcmp(a.v[0].type, "application/pkcs7-mime") == 0,
	   "a .p7m goes as application/pkcs7-mime");
	mime_attachments_free(&a);
	m.to = "sdi01@pec.fatturapa.it\r\nBcc: x@y.it";
	ok(mime_build(&m, &out, id, err) < 0 && strstr(err, "recipient") != NULL,
	   "an address with a line break is refused: %s", err);
	m.to = "sdi01@pec.fatturapa.it";
	m.file_name = "a\"b.xml";
	ok(mime_build(&m, &out, id, err) < 0, "a file name with a quote is refused");
	buf_free(&out);
}

static void
test_base64(void)
{
	struct buf e = { 0 }, d = { 0 };
	unsigned char bytes[256];

	for (int i = 0; i < 256; i++)
		bytes[i] = (unsigned char)i;
	for (size_t n = 0; n <= 5; n++) {
		e.len = d.len = 0;
		base64_encode(bytes + 250, n, 0, &e);
		base64_decode(e.data != NULL ? e.data : "", e.len, &d);
		ok(d.len == n && (n == 0 || memcmp(d.data, bytes + 250, n) == 0),
		   "base64 of %zu bytes back and forth", n);
	}
	e.len = d.len = 0;
	base64_encode(bytes, sizeof bytes, 76, &e);
	ok(base64_decode(e.data, e.len, &d) == 0 && d.len == 256 && memcmp(d.data, bytes, 256) == 0,
	   "in 76-column lines too");
	d.len = 0;
	ok(base64_decode("QUJD\r\nRA", 8, &d) == 0 && d.len == 4 && memcmp(d.data, "ABCD", 4) == 0,
	   "unpadded, across a line break");
	ok(base64_decode("QUJDR", 5, &d) < 0, "a lone last character is refused");
	buf_free(&e);
	buf_free(&d);
}

int
main(void)
{
	test_plain();
	test_pec();
	test_encodings();
	test_bounds();
	test_build();
	test_base64();
	return tap_done();
}
