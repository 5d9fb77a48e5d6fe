/* Public keys in OpenSSH's authorized_keys form: one key a line, checked by
 * libssh before it is stored, shown by its SHA256 fingerprint. */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <libssh/libssh.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

#define RSA_MIN_BITS 2048

/* The key types a user may register; DSA is gone from OpenSSH. */
static const char *const key_types[] = {
	"ssh-ed25519",		   "ecdsa-sha2-nistp256",	  "ecdsa-sha2-nistp384",
	"ecdsa-sha2-nistp521",	   "ssh-rsa",			  "sk-ssh-ed25519@openssh.com",
	"sk-ecdsa-sha2-nistp256@openssh.com",
};

static int
known_type(const char *t, size_t n)
{
	for (size_t i = 0; i < ARRAY_LEN(key_types); i++)
		if (strlen(key_types[i]) == n && strncmp(key_types[i], t, n) == 0)
			return 1;
	return 0;
}

void
user_key_free(struct user_key *k)
{
	free(k->type);
	free(k->blob);
	free(k->comment);
	free(k->fingerprint);
	memset(k, 0, sizeof *k);
}

char *
key_fingerprint(const char *type, const char *blob)
{
	ssh_key key = NULL;
	unsigned char *hash = NULL;
	size_t len = 0;
	char *fp, *out = NULL;

	if (ssh_pki_import_pubkey_base64(blob, ssh_key_type_from_name(type), &key) != SSH_OK)
		return NULL;
	if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) == 0) {
		fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
		if (fp != NULL)
			out = xstrdup(fp);
		ssh_string_free_char(fp);
		ssh_clean_pubkey_hash(&hash);
	}
	ssh_key_free(key);
	return out;
}

static uint32_t
get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Bits of an RSA key's modulus, read from its wire form (string "ssh-rsa",
 * mpint e, mpint n); 0 when the blob is malformed. */
static int
rsa_bits(const char *blob)
{
	size_t len = strlen(blob), pos = 0;
	unsigned char *raw = xmalloc(len / 4 * 3 + 3);
	int n = EVP_DecodeBlock(raw, (const unsigned char *)blob, (int)len), bits = 0;

	for (int field = 0; n > 0 && field < 3; field++) {
		uint32_t flen;
		if (pos + 4 > (size_t)n || (flen = get_u32(raw + pos)) > (size_t)n - pos - 4)
			break;
		pos += 4;
		if (field == 2) {
			size_t i = 0;
			while (i < flen && raw[pos + i] == 0)
				i++;
			if (i < flen) {
				bits = (int)(flen - i) * 8;
				for (unsigned c = raw[pos + i]; c < 0x80; c <<= 1)
					bits--;
			}
		}
		pos += flen;
	}
	free(raw);
	return bits;
}

static int
check_key(const char *type, const char *blob, char *err)
{
	ssh_key key = NULL;
	int rc = 0;

	if (ssh_pki_import_pubkey_base64(blob, ssh_key_type_from_name(type), &key) != SSH_OK)
		return err_set(err, _("the %s key data is not valid"), type);
	if (strcmp(ssh_key_type_to_char(ssh_key_type(key)), type) != 0)
		rc = err_set(err, _("the key data is a %s key, not %s"),
			     ssh_key_type_to_char(ssh_key_type(key)), type);
	else if (ssh_key_type(key) == SSH_KEYTYPE_RSA && rsa_bits(blob) < RSA_MIN_BITS)
		rc = err_set(err, _("an RSA key of %d bits is too weak: use at least %d, or ed25519"),
			     rsa_bits(blob), RSA_MIN_BITS);
	ssh_key_free(key);
	return rc;
}

int
authorized_key_parse(const char *line, struct user_key *out, char *err)
{
	const char *p = line, *t, *b;
	size_t tn, bn;

	memset(out, 0, sizeof *out);
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#' || *p == '\n' || *p == '\r')
		return 1;
	t = p;
	while (*p != '\0' && !isspace((unsigned char)*p))
		p++;
	tn = (size_t)(p - t);
	if (!known_type(t, tn)) {
		if (memchr(t, '=', tn) != NULL)
			return err_set(err, _("key options (from=, command= …) are not supported: "
					      "give the key alone"));
		return err_set(err, _("unknown key type '%.*s' (use ssh-ed25519, ecdsa-sha2-* "
				      "or ssh-rsa)"), (int)(tn > 40 ? 40 : tn), t);
	}
	while (*p == ' ' || *p == '\t')
		p++;
	b = p;
	while (*p != '\0' && !isspace((unsigned char)*p))
		p++;
	bn = (size_t)(p - b);
	if (bn == 0)
		return err_set(err, _("the key data is missing after '%.*s'"), (int)tn, t);
	out->type = xstrndup(t, tn);
	out->blob = xstrndup(b, bn);
	if (check_key(out->type, out->blob, err) < 0) {
		user_key_free(out);
		return -1;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	out->comment = xstrdup(p);
	str_trim(out->comment);
	if (!utf8_valid_text(out->comment)) {
		user_key_free(out);
		return err_set(err, _("the key's comment is not valid text"));
	}
	out->fingerprint = key_fingerprint(out->type, out->blob);
	return 0;
}
