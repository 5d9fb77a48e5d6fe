/* Slow salted password hashes with libxcrypt's yescrypt, compared in
 * constant time. */
#include "config.h"

#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "users/users.h"
#include "util/i18n.h"
#include "util/util.h"

char *
password_hash(const char *password, char *err)
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data *cd;
	char *hash = NULL;

	/* NULL random bytes: libxcrypt draws them from the kernel itself. */
	if (crypt_gensalt_rn("$y$", 0, NULL, 0, setting, sizeof setting) == NULL) {
		err_set(err, _("cannot make a password salt"));
		return NULL;
	}
	cd = xcalloc(1, sizeof *cd);
	if (crypt_r(password, setting, cd) != NULL && cd->output[0] == '$')
		hash = xstrdup(cd->output);
	else
		err_set(err, _("cannot hash the password"));
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return hash;
}

int
password_verify(const char *password, const char *hash)
{
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	size_t n = strlen(hash);
	unsigned char diff = 0;
	int ok = 0;

	if (crypt_r(password, hash, cd) != NULL && cd->output[0] == '$' &&
	    strlen(cd->output) == n) {
		for (size_t i = 0; i < n; i++)
			diff |= (unsigned char)(cd->output[i] ^ hash[i]);
		ok = diff == 0;
	}
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return ok;
}
