/* The zip's names, unique by construction: a name already used (two
 * tables or columns whose names made safe are one, a file's name as sent
 * that another's made safe is) gets a counter before its extension,
 * "italian/a_b-2.csv", the first number that makes it one of its own.
 * Compared without regard to ASCII case, so that the zip unpacks whole on
 * a file system that ignores it too. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/book-export.h"

static uint64_t
name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * 1099511628211ULL;
	}
	return h;
}

static int
same_name(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char c = (unsigned char)*a, d = (unsigned char)*b;
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (d >= 'A' && d <= 'Z')
			d += 32;
		if (c != d)
			return 0;
		if (c == '\0')
			return 1;
	}
}

/* The slot of name in the set: its own, or the empty one it goes in. */
static size_t
slot_of(const struct xport *x, const char *name)
{
	size_t i = (size_t)(name_hash(name) & (x->names_cap - 1));

	while (x->names[i] != NULL && !same_name(x->names[i], name))
		i = (i + 1) & (x->names_cap - 1);
	return i;
}

static void
grow(struct xport *x)
{
	const char **old = x->names;
	size_t cap = x->names_cap;

	x->names_cap = cap ? cap * 2 : 256;
	x->names = xcalloc(x->names_cap, sizeof *x->names);
	for (size_t i = 0; i < cap; i++)
		if (old[i] != NULL)
			x->names[slot_of(x, old[i])] = old[i];
	free(old);
}

char *
xport_unique(struct xport *x, char *path)
{
	const char *base, *dot;
	size_t stem;

	if ((x->names_n + 1) * 2 > x->names_cap)
		grow(x);
	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	stem = dot != NULL && dot != base ? (size_t)(dot - path) : strlen(path);
	/* a-2, a-3 ...: each tried on the first name, never a-2-3 */
	for (unsigned long n = 2; x->names[slot_of(x, path)] != NULL; n++) {
		char *again = xasprintf("%.*s-%lu%s", (int)stem, path, n, path + stem);

		if (x->names[slot_of(x, again)] == NULL) {
			free(path);
			path = again;
			break;
		}
		free(again);
	}
	x->names[slot_of(x, path)] = path;
	x->names_n++;
	return path;
}

void
xport_names_free(struct xport *x)
{
	free(x->names);
	x->names = NULL;
	x->names_cap = x->names_n = 0;
}
