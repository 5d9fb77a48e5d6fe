/* Signed invoices (.p7m, CAdES-BES): unwraps the CMS envelope with
 * libcrypto, in DER, base64 (on one line or many) or PEM, extracts the signed XML and says whether the
 * signature verifies over it. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "fisc/fatturapa.h"
#include "util/i18n.h"
#include "util/util.h"

static int
is_b64(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '+' || c == '/' || c == '=' || c == '\r' || c == '\n' || c == ' ' || c == '\t';
}

static size_t
skip_space(const unsigned char *d, size_t len)
{
	size_t i = 0;

	while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
		i++;
	return i;
}

/* Base64 of a DER SEQUENCE starts "MI" (0x30 0x8x) or "MC"/"MD"...; on one
 * line or broken into lines of any length. */
static int
looks_b64(const unsigned char *d, size_t len)
{
	size_t skip = skip_space(d, len), n;

	d += skip;
	len -= skip;
	n = len < 256 ? len : 256;
	if (len < 4 || d[0] != 'M')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_b64(d[i]))
			return 0;
	return 1;
}

/* The labels of a PEM signed file: openssl cms -outform PEM writes
 * "CMS", openssl smime and older tools "PKCS7". */
static const char *const pem_labels[] = { "PKCS7", "CMS", "PKCS #7 SIGNED DATA" };

/* Where the base64 of a PEM block starts and how long it is: 1, or 0
 * when data is no PEM block of those labels. */
static int
pem_body(const unsigned char *d, size_t len, const unsigned char **body, size_t *blen)
{
	static const char begin[] = "-----BEGIN ";
	size_t i = skip_space(d, len), n = strlen(begin);
	const unsigned char *p, *end;

	if (len - i < n || memcmp(d + i, begin, n) != 0)
		return 0;
	p = d + i + n;
	for (size_t k = 0; k < ARRAY_LEN(pem_labels); k++) {
		size_t m = strlen(pem_labels[k]);

		if ((size_t)(d + len - p) > m + 5 && memcmp(p, pem_labels[k], m) == 0 &&
		    memcmp(p + m, "-----", 5) == 0) {
			p += m + 5;
			end = memmem(p, (size_t)(d + len - p), "-----END ", 9);
			if (end == NULL)
				return 0;
			*body = p;
			*blen = (size_t)(end - p);
			return 1;
		}
	}
	return 0;
}

int
fpa_is_cms(const unsigned char *data, size_t len)
{
	const unsigned char *b;
	size_t n;

	return (len > 2 && data[0] == 0x30) || looks_b64(data, len) || pem_body(data, len, &b, &n);
}

/* Decodes base64 (on one line or many) into a new buffer. */
static unsigned char *
b64_decode(const unsigned char *d, size_t len, size_t *out_len)
{
	unsigned char *out = xmalloc(len / 4 * 3 + 4);
	EVP_ENCODE_CTX *ctx = EVP_ENCODE_CTX_new();
	int n1 = 0, n2 = 0;

	EVP_DecodeInit(ctx);
	if (len > INT_MAX || EVP_DecodeUpdate(ctx, out, &n1, d, (int)len) < 0 ||
	    EVP_DecodeFinal(ctx, out + n1, &n2) < 0) {
		EVP_ENCODE_CTX_free(ctx);
		free(out);
		return NULL;
	}
	EVP_ENCODE_CTX_free(ctx);
	*out_len = (size_t)(n1 + n2);
	return out;
}

unsigned char *
fpa_base64_decode(const char *text, size_t len, size_t *out_len)
{
	return b64_decode((const unsigned char *)text, len, out_len);
}

/* The first certificate's common name, as UTF-8 whatever string type the
 * certificate used, cut at a character and with no control characters: it
 * is printed on the terminal and stored in the book. */
static void
signer_name(CMS_ContentInfo *cms, struct fpa_source *src)
{
	STACK_OF(X509) *certs = CMS_get1_certs(cms);
	X509_NAME_ENTRY *cn = NULL;
	unsigned char *utf8 = NULL;
	int i, n;

	src->signer[0] = '\0';
	if (certs && sk_X509_num(certs) > 0) {
		X509_NAME *nm = X509_get_subject_name(sk_X509_value(certs, 0));

		if ((i = X509_NAME_get_index_by_NID(nm, NID_commonName, -1)) >= 0)
			cn = X509_NAME_get_entry(nm, i);
	}
	if (cn != NULL && (n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(cn))) >= 0) {
		size_t len = (size_t)n < sizeof src->signer ? (size_t)n : sizeof src->signer - 1;

		while (len > 0 && len < (size_t)n && (utf8[len] & 0xC0) == 0x80)
			len--; /* not in the middle of a character */
		memcpy(src->signer, utf8, len);
		src->signer[len] = '\0';
		str_printable(src->signer);
	}
	OPENSSL_free(utf8);
	sk_X509_pop_free(certs, X509_free);
}

/* The embedded content, whether or not the signature verifies. */
static int
content_of(CMS_ContentInfo *cms, struct fpa_source *src, char *err)
{
	ASN1_OCTET_STRING **pos = CMS_get0_content(cms);

	if (pos == NULL || *pos == NULL)
		return err_set(err, _("the signed file carries no content (a detached signature?)"));
	if (ASN1_STRING_length(*pos) > FPA_MAX_FILE)
		return err_set(err, _("the signed content is larger than %d bytes"), FPA_MAX_FILE);
	src->len = (size_t)ASN1_STRING_length(*pos);
	src->xml = xmalloc(src->len + 1);
	memcpy(src->xml, ASN1_STRING_get0_data(*pos), src->len);
	src->xml[src->len] = '\0';
	return 0;
}

static void
verify(CMS_ContentInfo *cms, struct fpa_source *src)
{
	X509_STORE *store = X509_STORE_new();
	BIO *out = BIO_new(BIO_s_mem());
	unsigned long e;

	/* The signature over the content, with the certificate it carries;
	 * without a trust store the chain cannot be judged, so it is not. */
	src->sig_verified = CMS_verify(cms, NULL, store, NULL, out, CMS_NO_SIGNER_CERT_VERIFY) == 1;
	if (!src->sig_verified) {
		e = ERR_peek_last_error();
		snprintf(src->sig_note, sizeof src->sig_note, _("the signature does not verify: %s"),
			 e ? ERR_reason_error_string(e) : _("unknown reason"));
	}
	ERR_clear_error();
	BIO_free(out);
	X509_STORE_free(store);
}

int
fpa_p7m_extract(const unsigned char *data, size_t len, struct fpa_source *src, char *err)
{
	unsigned char *der = NULL;
	const unsigned char *p = data;
	CMS_ContentInfo *cms;
	size_t der_len = len;
	BIO *in;
	int rc;

	if (data[0] != 0x30) {
		const unsigned char *body = data;
		size_t blen = len;

		if (pem_body(data, len, &body, &blen) == 0 && !looks_b64(data, len))
			return err_set(err, _("not a signed file: neither DER, base64 nor PEM"));
		if ((der = b64_decode(body, blen, &der_len)) == NULL)
			return err_set(err, _("not a signed file: bad base64"));
		p = der;
	}
	in = BIO_new_mem_buf(p, (int)der_len);
	cms = d2i_CMS_bio(in, NULL);
	BIO_free(in);
	free(der);
	if (cms == NULL) {
		ERR_clear_error();
		return err_set(err, _("not a signed file: neither XML nor a readable CMS (.p7m) envelope"));
	}
	if (OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed) {
		CMS_ContentInfo_free(cms);
		return err_set(err, _("a CMS file, but not a signed one"));
	}
	src->is_signed = 1;
	signer_name(cms, src);
	rc = content_of(cms, src, err);
	if (rc == 0)
		verify(cms, src);
	CMS_ContentInfo_free(cms);
	ERR_clear_error();
	return rc;
}

int
fpa_source_from_memory(const unsigned char *data, size_t len, struct fpa_source *src, char *err)
{
	memset(src, 0, sizeof *src);
	if (len == 0)
		return err_set(err, _("the file is empty"));
	if (fpa_is_cms(data, len))
		return fpa_p7m_extract(data, len, src, err);
	src->xml = xmalloc(len + 1);
	memcpy(src->xml, data, len);
	src->xml[len] = '\0';
	src->len = len;
	return 0;
}

/* A name that ends in .p7m promises a signed file: one that is not says
 * so, rather than being read as XML and called malformed. */
static int
named_p7m(const char *path)
{
	size_t n = strlen(path);

	return n >= 4 && strcasecmp(path + n - 4, ".p7m") == 0;
}

int
fpa_source_from_file_data(const char *path, const unsigned char *data, size_t len,
			  struct fpa_source *src, char *err)
{
	memset(src, 0, sizeof *src);
	if (len > 0 && named_p7m(path) && !fpa_is_cms(data, len))
		return err_set(err, _("not a signed file: a .p7m holds a CMS signature (DER, "
				      "base64 or PEM), and this one does not"));
	return fpa_source_from_memory(data, len, src, err);
}

int
fpa_source_read(const char *path, struct fpa_source *src, char *err)
{
	char *data;
	size_t len;
	int rc;

	memset(src, 0, sizeof *src);
	if (file_read_all(path, FPA_MAX_FILE, &data, &len, err) < 0)
		return -1;
	rc = fpa_source_from_file_data(path, (const unsigned char *)data, len, src, err);
	free(data);
	return rc;
}

void
fpa_source_free(struct fpa_source *src)
{
	free(src->xml);
	memset(src, 0, sizeof *src);
}
