/* SHA-256 of bytes in memory, as sha256sum(1) prints it (OpenSSL's
 * libcrypto): the FatturaPA files and the F24's receipts kept in a book. */
#ifndef SCRIVANO_SHA256_H
#define SCRIVANO_SHA256_H

#include <stddef.h>

/* The SHA-256 of len bytes as 64 lower-case hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif
