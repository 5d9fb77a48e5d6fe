/* libFuzzer target for the screen-file parser: any text goes through
 * screen_parse; a mistake must come back as "file:line: message", never a
 * crash, a leak or a read out of bounds. Built by bench/fuzz-parsers.sh. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ui/screenfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct screen *s = NULL;
	struct buf errs = { 0 };

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (screen_parse("fuzz.scr", text, &s, &errs) == 0 && s != NULL) {
		for (size_t i = 0; i < s->nfields; i++)
			if (screen_field_index(s, s->fields[i].tag) < 0)
				abort(); /* every field must be found by its own tag */
		screen_free(s);
	}
	buf_free(&errs);
	free(text);
	return 0;
}
