/* Base64 both ways (base64.h). */
#include "config.h"

#include "util/base64.h"

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void
base64_encode(const void *p, size_t len, size_t line, struct buf *out)
{
	const unsigned char *d = p;
	size_t col = 0;

	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)d[i] << 16;
		size_t left = len - i;
		char q[4];

		if (left > 1)
			v |= (unsigned)d[i + 1] << 8;
		if (left > 2)
			v |= d[i + 2];
		q[0] = alphabet[v >> 18 & 63];
		q[1] = alphabet[v >> 12 & 63];
		q[2] = left > 1 ? alphabet[v >> 6 & 63] : '=';
		q[3] = left > 2 ? alphabet[v & 63] : '=';
		for (int k = 0; k < 4; k++) {
			buf_add(out, &q[k], 1);
			if (line > 0 && ++col == line) {
				buf_adds(out, "\r\n");
				col = 0;
			}
		}
	}
	if (line > 0 && col > 0)
		buf_adds(out, "\r\n");
}

int
base64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

int
base64_decode(const char *s, size_t len, struct buf *out)
{
	unsigned acc = 0;
	int bits = 0, chars = 0;

	for (size_t i = 0; i < len && s[i] != '='; i++) {
		int v = base64_value((unsigned char)s[i]);
		if (v < 0)
			continue;
		acc = (acc << 6 | (unsigned)v) & 0xFFFFFFu;
		bits += 6;
		chars++;
		if (bits >= 8) {
			unsigned char c = (unsigned char)(acc >> (bits - 8));
			buf_add(out, &c, 1);
			bits -= 8;
		}
	}
	return chars % 4 == 1 ? -1 : 0;
}
