/* The server's host keys: ed25519, and RSA (3072 bits, signing with
 * rsa-sha2-256/512 only) for clients that lack ed25519, in DIR/hostkeys/,
 * made on the first start (private part mode 0600, public part beside it
 * for known_hosts) and read back on every later one. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/server.h"
#include "util/i18n.h"
#include "util/util.h"

/* Each kind of key the server has, first the one clients should prefer. */
static const struct {
	enum ssh_keytypes_e type;
	const char *file, *shown;
	int bits;
} kinds[] = {
	{ SSH_KEYTYPE_ED25519, "ssh_host_ed25519_key", "ED25519", 0 },
	{ SSH_KEYTYPE_RSA, "ssh_host_rsa_key", "RSA", 3072 },
};
_Static_assert(ARRAY_LEN(kinds) == HOSTKEY_KINDS, "one entry per kind of host key");

/* DIR/hostkeys/NAME.pub: "ssh-ed25519 BASE64 scrivano-host-key". */
static int
write_public(const ssh_key key, const char *path, char *err)
{
	char *b64 = NULL;
	FILE *f;
	int rc = 0;

	if (ssh_pki_export_pubkey_base64(key, &b64) != SSH_OK)
		return err_set(err, _("cannot encode the host key's public part"));
	if ((f = fopen(path, "w")) == NULL ||
	    fprintf(f, "%s %s scrivano-host-key\n", ssh_key_type_to_char(ssh_key_type(key)), b64) < 0)
		rc = err_set(err, _("cannot write %s: %s"), path, strerror(errno));
	if (f != NULL && fclose(f) != 0 && rc == 0)
		rc = err_set(err, _("cannot write %s: %s"), path, strerror(errno));
	ssh_string_free_char(b64);
	return rc;
}

/* Makes a new key at path: written to a temporary file with mode 0600 and
 * renamed into place, so that a crash never leaves half a key. */
static int
generate(const char *path, size_t kind, char *err)
{
	char *tmp = xasprintf("%s.new", path), *pub = xasprintf("%s.pub", path);
	ssh_key key = NULL;
	mode_t old;
	int rc = -1;

	if (ssh_pki_generate(kinds[kind].type, kinds[kind].bits, &key) != SSH_OK) {
		err_set(err, _("cannot generate an %s host key"), kinds[kind].shown);
		goto out;
	}
	unlink(tmp);
	old = umask(077);
	rc = ssh_pki_export_privkey_file(key, NULL, NULL, NULL, tmp);
	umask(old);
	if (rc != SSH_OK || chmod(tmp, 0600) < 0) {
		rc = err_set(err, _("cannot write the host key %s"), tmp);
		unlink(tmp);
		goto out;
	}
	if ((rc = write_public(key, pub, err)) < 0) {
		unlink(tmp);
		goto out;
	}
	if (rename(tmp, path) < 0) {
		rc = err_set(err, _("cannot write the host key %s: %s"), path, strerror(errno));
		unlink(tmp);
	}
out:
	ssh_key_free(key);
	free(tmp);
	free(pub);
	return rc;
}

/* Reads the key at path, refusing one that is not ours, that others may
 * read, or of the wrong type. */
static int
load(const char *path, size_t kind, ssh_key *key, char *err)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return err_set(err, _("cannot read the host key %s: %s"), path, strerror(errno));
	/* Someone else's key could be someone else's choice: under root, the
	 * service user owns the data folder and could swap in a key of its own. */
	if (st.st_uid != geteuid())
		return err_set(err, _("the host key %s belongs to another user (uid %ld): it must "
				      "be the server's own (chown %ld %s)"), path, (long)st.st_uid,
			       (long)geteuid(), path);
	if (st.st_mode & 077)
		return err_set(err, _("the host key %s may be read by others (mode %03o): "
				      "make it private with chmod 600"), path,
			       (unsigned)(st.st_mode & 0777));
	if (ssh_pki_import_privkey_file(path, NULL, NULL, NULL, key) != SSH_OK)
		return err_set(err, _("cannot read the host key %s: not a private key"), path);
	if (ssh_key_type(*key) != kinds[kind].type) {
		ssh_key_free(*key);
		*key = NULL;
		return err_set(err, _("the host key %s is not an %s key"), path, kinds[kind].shown);
	}
	return 0;
}

/* "SHA256:" and the unpadded base64 of the public key's hash, as OpenSSH
 * shows it. */
static char *
fingerprint_of(const ssh_key key)
{
	unsigned char *hash = NULL;
	size_t len = 0;
	char *fp, *out;

	if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) < 0)
		return NULL;
	fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
	ssh_clean_pubkey_hash(&hash);
	if (fp == NULL)
		return NULL;
	out = xstrdup(fp);
	ssh_string_free_char(fp);
	return out;
}

static int
load_kind(const char *datadir, size_t kind, ssh_key *key, char **fingerprint, char *err)
{
	char *dir = xasprintf("%s/hostkeys", datadir);
	char *path = xasprintf("%s/%s", dir, kinds[kind].file);
	int rc = 0;

	*key = NULL;
	*fingerprint = NULL;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		rc = err_set(err, _("cannot create %s: %s"), dir, strerror(errno));
	if (rc == 0 && access(path, F_OK) < 0) {
		rc = generate(path, kind, err);
		if (rc == 0)
			slog(_("made a new host key %s"), path);
	}
	if (rc == 0)
		rc = load(path, kind, key, err);
	if (rc == 0 && (*fingerprint = fingerprint_of(*key)) == NULL) {
		ssh_key_free(*key);
		*key = NULL;
		rc = err_set(err, _("cannot compute the host key's fingerprint"));
	}
	free(dir);
	free(path);
	return rc;
}

int
hostkey_load(const char *datadir, ssh_key *key, char **fingerprint, char *err)
{
	return load_kind(datadir, 0, key, fingerprint, err);
}

int
hostkeys_load(const char *datadir, struct hostkeys *hk, char *err)
{
	memset(hk, 0, sizeof *hk);
	for (size_t i = 0; i < HOSTKEY_KINDS; i++) {
		if (load_kind(datadir, i, &hk->key[i], &hk->fingerprint[i], err) < 0) {
			hostkeys_free(hk);
			return -1;
		}
		hk->shown[i] = kinds[i].shown;
	}
	return 0;
}

void
hostkeys_free(struct hostkeys *hk)
{
	for (size_t i = 0; i < HOSTKEY_KINDS; i++) {
		ssh_key_free(hk->key[i]);
		free(hk->fingerprint[i]);
		hk->key[i] = NULL;
		hk->fingerprint[i] = NULL;
	}
}

int
hostkeys_use(ssh_bind bind, struct hostkeys *hk, char *err)
{
	for (size_t i = 0; i < HOSTKEY_KINDS; i++) {
		if (ssh_bind_options_set(bind, SSH_BIND_OPTIONS_IMPORT_KEY, hk->key[i]) < 0)
			return err_set(err, _("libssh refuses the host key: %s"), ssh_get_error(bind));
		hk->key[i] = NULL; /* the bind's now */
	}
	return 0;
}
