/* libFuzzer target for authorized_keys lines: any bytes go through
 * authorized_key_parse (type, base64 through libssh, RSA size, comment); no
 * crash, leak or read out of bounds, and a parsed key has every part. Built
 * by bench/fuzz-parsers.sh. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "users/users.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1), err[ERR_SIZE];
	struct user_key k;

	if (line == NULL)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';
	if (authorized_key_parse(line, &k, err) == 0) {
		if (k.type == NULL || k.blob == NULL || k.comment == NULL ||
		    !utf8_valid_text(k.comment))
			abort();
		user_key_free(&k);
	}
	free(line);
	return 0;
}
