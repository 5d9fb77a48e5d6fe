/* libFuzzer target for the key-file parser: any text goes through
 * keymap_parse over the action table, then every action is described and a
 * few keys are looked up; no crash, leak or read out of bounds. Built by
 * bench/fuzz-parsers.sh. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "term/keymap.h"
#include "ui/actions.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const keycode probes[] = { 'a', 0x1b, KEYC_ESC | '1', KEYC_CURSES | 0x109, 0x0f,
					  KEYC_VALUE };
	struct keymap *km = keymap_new(action_names, ACT_COUNT);
	char *text = malloc(size + 1);
	struct buf errs = { 0 }, out = { 0 };

	if (text == NULL) {
		keymap_free(km);
		return 0;
	}
	memcpy(text, data, size);
	text[size] = '\0';
	keymap_parse(km, "fuzz.keys", text, &errs);
	/* A second file over the first, as a terminal's file over default.keys. */
	keymap_parse(km, "fuzz2.keys", text, &errs);
	for (int a = 0; a < ACT_COUNT; a++) {
		keymap_describe(km, a, &out);
		out.len = 0;
	}
	for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++)
		(void)keymap_action(km, probes[i]);
	buf_free(&out);
	buf_free(&errs);
	keymap_free(km);
	free(text);
	return 0;
}
