/* The server's host key: an ed25519 key in DIR/hostkeys/, made on the first
 * start (private part mode 0600, public part beside it for known_hosts)
 * and read back on every later one. */
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

#define HOSTKEY_NAME "ssh_host_ed25519_key"

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
generate(const char *path, char *err)
{
	char *tmp = xasprintf("%s.new", path), *pub = xasprintf("%s.pub", path);
	ssh_key key = NULL;
	mode_t old;
	int rc = -1;

	if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK) {
		err_set(err, _("cannot generate an ed25519 host key"));
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
load(const char *path, ssh_key *key, char *err)
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
	if (ssh_key_type(*key) != SSH_KEYTYPE_ED25519) {
		ssh_key_free(*key);
		*key = NULL;
		return err_set(err, _("the host key %s is not an ed25519 key"), path);
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

int
hostkey_load(const char *datadir, ssh_key *key, char **fingerprint, char *err)
{
	char *dir = xasprintf("%s/hostkeys", datadir);
	char *path = xasprintf("%s/%s", dir, HOSTKEY_NAME);
	int rc = 0;

	*key = NULL;
	*fingerprint = NULL;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		rc = err_set(err, _("cannot create %s: %s"), dir, strerror(errno));
	if (rc == 0 && access(path, F_OK) < 0) {
		rc = generate(path, err);
		if (rc == 0)
			slog(_("made a new host key %s"), path);
	}
	if (rc == 0)
		rc = load(path, key, err);
	if (rc == 0 && (*fingerprint = fingerprint_of(*key)) == NULL) {
		ssh_key_free(*key);
		*key = NULL;
		rc = err_set(err, _("cannot compute the host key's fingerprint"));
	}
	free(dir);
	free(path);
	return rc;
}
