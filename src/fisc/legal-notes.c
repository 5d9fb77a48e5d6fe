/* The sentences the law asks a document to carry (why no VAT, reverse
 * charge, split payment, the forfettario, the dichiarazione d'intento, the
 * virtual bollo), for the printed document and the XML's Causale. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fisc/doc-rules.h"
#include "util/util.h"

const char *
fpa_date_it(const char *iso, char buf[11])
{
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-') {
		memcpy(buf, iso + 8, 2);
		buf[2] = '/';
		memcpy(buf + 3, iso + 5, 2);
		buf[5] = '/';
		memcpy(buf + 6, iso, 4);
		buf[10] = '\0';
	} else
		str_copy(buf, iso, 11);
	return buf;
}

static void
push(char ***v, size_t *n, char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0) {
			free(s);
			return;
		}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = s;
}

static int
has_natura(const struct fpa_body *b, const char *natura)
{
	for (size_t i = 0; i < b->nvat; i++)
		if (strcmp(b->vat[i].natura, natura) == 0)
			return 1;
	return 0;
}

static int
has_split(const struct fpa_body *b)
{
	for (size_t i = 0; i < b->nvat; i++)
		if (b->vat[i].esig == 'S')
			return 1;
	return 0;
}

/* The sentences that go into Causale (all but the blocks' norms). */
static void
causale_notes(const struct fpa_body *b, char ***v, size_t *n)
{
	char d[11];

	if (has_natura(b, "N3.5") && b->intent_prot[0])
		push(v, n, xasprintf(FPA_NOTE_INTENT_PREFIX "%s del %s", b->intent_prot,
				     fpa_date_it(b->intent_date, d)));
	if (b->forfettario) {
		push(v, n, xstrdup(FPA_NOTE_FORFETTARIO));
		push(v, n, xstrdup(FPA_NOTE_FORFETTARIO_RIT));
	}
	if (has_split(b))
		push(v, n, xstrdup(FPA_NOTE_SPLIT));
	if (b->bollo_virtual)
		push(v, n, xstrdup(FPA_NOTE_BOLLO));
}

char **
fpa_legal_notes(const struct fpa_body *b, size_t *n)
{
	char **v = NULL;

	*n = 0;
	for (size_t i = 0; i < b->nvat; i++)
		if (b->vat[i].natura[0] && b->vat[i].norm && b->vat[i].norm[0])
			push(&v, n, xstrdup(b->vat[i].norm));
	causale_notes(b, &v, n);
	return v;
}

void
fpa_notes_free(char **notes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(notes[i]);
	free(notes);
}

/* One of the sentences this file writes (so a later call replaces it). */
static int
ours(const char *s)
{
	static const char *const fixed[] = { FPA_NOTE_FORFETTARIO, FPA_NOTE_FORFETTARIO_RIT,
					     FPA_NOTE_SPLIT, FPA_NOTE_BOLLO };

	for (size_t i = 0; i < ARRAY_LEN(fixed); i++)
		if (strcmp(s, fixed[i]) == 0)
			return 1;
	return str_starts(s, FPA_NOTE_INTENT_PREFIX);
}

void
fpa_notes_apply(struct fpa_body *b)
{
	char **v = NULL;
	size_t n = 0, k = 0;

	for (size_t i = 0; i < b->ncausale; i++) {
		if (ours(b->causale[i]))
			free(b->causale[i]);
		else
			b->causale[k++] = b->causale[i];
	}
	b->ncausale = k;
	causale_notes(b, &v, &n);
	for (size_t i = 0; i < n; i++)
		fpa_causale_add(b, v[i]);
	fpa_notes_free(v, n);
}
