/* SHA-256 through libcrypto (a dependency already, for the .p7m
 * signatures), kept apart from util.c so that what links util.c alone (the
 * fuzz targets) needs no libcrypto. */
#include "config.h"

#include <stdio.h>

#include <openssl/evp.h>

#include "util/sha256.h"

void
sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	out[0] = '\0';
	if (EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) != 1)
		return;
	for (unsigned int i = 0; i < n && i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}
