/* libFuzzer target for the MIME reader: any bytes are read as a mail
 * message (its attachments at every level, and a header field); no crash,
 * leak or read out of bounds. Built by bench/fuzz-parsers.sh. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mime.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mime_attachments a;
	char err[ERR_SIZE], *h;
	volatile size_t sum = 0;

	if (mime_attachments((const char *)data, size, &a, err) == 0) {
		for (size_t i = 0; i < a.n; i++)
			sum += strlen(a.v[i].name) + strlen(a.v[i].type) + a.v[i].len +
			       (a.v[i].len > 0 ? a.v[i].data[a.v[i].len - 1] : 0);
		mime_attachments_free(&a);
	} else
		sum += strlen(err);
	if ((h = mime_header((const char *)data, size, "Subject")) != NULL) {
		sum += strlen(h);
		free(h);
	}
	return 0;
}
