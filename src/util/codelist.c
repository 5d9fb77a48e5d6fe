/* The one loader of code lists: the reference tables in data/ and the inline
 * choices of screen files, and the process-wide cache of the shipped ones
 * that field checks in the book and the screens share. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/codelist.h"
#include "util/i18n.h"

static int
code_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
	       c == '_';
}

/* The codes read so far, to refuse one listed twice without comparing
 * every pair (a list of the 7,900 comuni would take 30 million): open
 * addressing on FNV-1a, the slots holding an index into l->v plus one. */
struct seen {
	size_t *slot;
	size_t mask;
};

static size_t
hash_code(const char *code, size_t len)
{
	size_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)code[i]) * 16777619u;
	return h;
}

static int
add_entry(struct codelist *l, const char *code, size_t len, const char *text, struct seen *seen)
{
	size_t *slot = NULL;

	if (seen == NULL) {
		for (size_t i = 0; i < l->n; i++)
			if (strlen(l->v[i].code) == len && memcmp(l->v[i].code, code, len) == 0)
				return -1;
	} else {
		for (size_t h = hash_code(code, len) & seen->mask;; h = (h + 1) & seen->mask) {
			slot = &seen->slot[h];
			if (*slot == 0)
				break;
			if (strlen(l->v[*slot - 1].code) == len &&
			    memcmp(l->v[*slot - 1].code, code, len) == 0)
				return -1;
		}
	}
	/* Room doubles: grown by one each time, the 7,904 comuni cost 500 MB
	 * of reallocations (each a copy under AddressSanitizer, which holds
	 * what is freed: 600 MB of memory for each sanitized form). */
	if (l->n == l->cap) {
		l->cap = l->cap > 0 ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].code = xstrndup(code, len);
	l->v[l->n].text = xstrdup(text);
	l->n++;
	if (slot != NULL)
		*slot = l->n;
	return 0;
}

/* codelist_find's index: the entries in code order. */
static const struct codelist *sorting;

static int
by_code(const void *a, const void *b)
{
	return strcmp(sorting->v[*(const size_t *)a].code, sorting->v[*(const size_t *)b].code);
}

static void
index_codes(struct codelist *l)
{
	l->sorted = xreallocarray(NULL, l->n > 0 ? l->n : 1, sizeof *l->sorted);
	for (size_t i = 0; i < l->n; i++)
		l->sorted[i] = i;
	sorting = l;
	qsort(l->sorted, l->n, sizeof *l->sorted, by_code);
	sorting = NULL;
}

static void
error_at(struct buf *errs, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
error_at(struct buf *errs, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	char msg[ERR_SIZE];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_printf(errs, "%s:%d: %s\n", file, line, msg);
}

/* One line of a data file: 0, or -1 after reporting it. */
static int
parse_line(struct codelist *l, char *line, const char *file, int lineno, struct buf *errs,
	   struct seen *seen)
{
	size_t len = strspn(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");
	char *text;

	if (len == 0 || (line[len] != ' ' && line[len] != '\0') || !code_char(line[0])) {
		error_at(errs, file, lineno,
			 _("a line starts with a code (capital letters, digits, '.', '-' "
			   "or '_'), then blanks and its description"));
		return -1;
	}
	if (len > CODE_MAX) {
		error_at(errs, file, lineno, _("a code has at most %d characters"), CODE_MAX);
		return -1;
	}
	text = line + len;
	str_trim(text);
	if (*text == '\0') {
		error_at(errs, file, lineno, _("code %.*s has no description"), (int)len, line);
		return -1;
	}
	if (add_entry(l, line, len, text, seen) < 0) {
		error_at(errs, file, lineno, _("code %.*s is already listed"), (int)len, line);
		return -1;
	}
	return 0;
}

int
codelist_parse(const char *file, const char *text, struct codelist **out, struct buf *errs)
{
	struct codelist *l = xcalloc(1, sizeof *l);
	char *copy = xstrdup(text), *line, *next;
	int lineno = 0, errors = 0;
	struct seen seen;
	size_t lines = 1, size = 16;

	for (const char *c = text; *c != '\0'; c++)
		lines += *c == '\n';
	while (size < 2 * lines)
		size *= 2;
	seen.slot = xcalloc(size, sizeof *seen.slot);
	seen.mask = size - 1;
	l->name = xstrdup(file);
	for (line = copy; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		if (*line != '\0' && line[strlen(line) - 1] == '\r')
			line[strlen(line) - 1] = '\0';
		if (!utf8_valid_text(line) || strchr(line, '\t') != NULL) {
			error_at(errs, file, lineno,
				 _("not UTF-8 text, or holds a tab or control characters"));
			errors++;
			continue;
		}
		if (line[strspn(line, " ")] == '\0' || line[strspn(line, " ")] == '#')
			continue;
		if (parse_line(l, line, file, lineno, errs, &seen) < 0)
			errors++;
	}
	free(copy);
	free(seen.slot);
	if (errors == 0 && l->n == 0) {
		error_at(errs, file, lineno > 0 ? lineno : 1, _("the list holds no code"));
		errors++;
	}
	if (errors > 0) {
		codelist_free(l);
		return errors;
	}
	index_codes(l);
	*out = l;
	return 0;
}

int
codelist_load(const char *path, struct codelist **out, struct buf *errs)
{
	char *text;
	int n;

	if (file_read_reporting(path, 1 << 20, &text, errs) < 0)
		return 1;
	n = codelist_parse(path, text, out, errs);
	free(text);
	return n;
}

/* One "CODE=Description" of an inline list, len bytes at s. */
static int
inline_item(struct codelist *l, const char *s, size_t len, char *err)
{
	const char *eq = memchr(s, '=', len);
	char *text;
	size_t clen;
	int rc = 0;

	if (eq == NULL || eq == s)
		return err_set(err, _("write choices as \"C=Customer,S=Supplier\""));
	clen = (size_t)(eq - s);
	if (clen > CODE_MAX)
		return err_set(err, _("a code has at most %d characters"), CODE_MAX);
	for (size_t i = 0; i < clen; i++)
		if (!code_char(s[i]))
			return err_set(err, _("choice code '%.*s' is not capital letters and "
					      "digits"),
				       (int)clen, s);
	text = xstrndup(eq + 1, len - clen - 1);
	str_trim(text);
	if (*text == '\0')
		rc = err_set(err, _("code %.*s has no description"), (int)clen, s);
	else if (add_entry(l, s, clen, text, NULL) < 0)
		rc = err_set(err, _("code %.*s is already listed"), (int)clen, s);
	free(text);
	return rc;
}

int
codelist_inline(const char *spec, struct codelist **out, char *err)
{
	struct codelist *l = xcalloc(1, sizeof *l);
	const char *s = spec;

	l->name = xstrdup("inline");
	l->translate = 1;
	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		if (inline_item(l, s, len, err) < 0) {
			codelist_free(l);
			return -1;
		}
		if (comma == NULL)
			break;
		s = comma + 1;
	}
	index_codes(l);
	*out = l;
	return 0;
}

void
codelist_free(struct codelist *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].text);
	}
	free(l->v);
	free(l->sorted);
	free(l->name);
	free(l);
}

const struct code_entry *
codelist_find(const struct codelist *l, const char *code)
{
	size_t lo = 0, hi = l != NULL ? l->n : 0;

	if (l != NULL && l->sorted == NULL) { /* a list made by hand */
		for (size_t i = 0; i < l->n; i++)
			if (strcmp(l->v[i].code, code) == 0)
				return &l->v[i];
		return NULL;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(l->v[l->sorted[mid]].code, code);
		if (c == 0)
			return &l->v[l->sorted[mid]];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

struct codelist *
codelist_narrow(const struct codelist *l, const char *first, unsigned skip)
{
	struct codelist *out = xcalloc(1, sizeof *out);
	size_t len = first != NULL ? strlen(first) : 0;

	out->name = xstrdup(l->name);
	out->translate = l->translate;
	out->cap = l->n + 1;
	out->v = xcalloc(out->cap, sizeof *out->v);
	for (size_t i = 0; i < l->n; i++) {
		const char *t = l->v[i].text;
		if (first != NULL && (strncmp(t, first, len) != 0 || (t[len] != ' ' && t[len] != '\0')))
			continue;
		for (unsigned k = 0; k < skip && *t != '\0'; k++) {
			t += strcspn(t, " ");
			t += strspn(t, " ");
		}
		out->v[out->n].code = xstrdup(l->v[i].code);
		out->v[out->n].text = xstrdup(*t != '\0' ? t : l->v[i].text);
		out->n++;
	}
	return out;
}

/* ---- the shipped lists, loaded once per process ---- */

static struct shared {
	char *relpath;
	char *path; /* where it was read: the share folder may change in tests */
	struct codelist *list;
} *shared;
static size_t nshared;

const struct codelist *
codelist_shared(const char *relpath, char *err)
{
	char *path = share_path(relpath);
	struct codelist *l = NULL;
	struct buf errs = { 0 };

	for (size_t i = 0; i < nshared; i++)
		if (strcmp(shared[i].relpath, relpath) == 0 && strcmp(shared[i].path, path) == 0) {
			free(path);
			return shared[i].list;
		}
	if (codelist_load(path, &l, &errs) > 0) {
		/* the first mistake is enough for a field's message */
		char *nl = strchr(errs.data ? errs.data : "", '\n');
		if (nl != NULL)
			*nl = '\0';
		err_set(err, "%s", errs.data ? errs.data : path);
		buf_free(&errs);
		free(path);
		return NULL;
	}
	buf_free(&errs);
	shared = xreallocarray(shared, nshared + 1, sizeof *shared);
	shared[nshared++] = (struct shared){ xstrdup(relpath), path, l };
	return l;
}

const struct codelist *
codelist_shared_nth(size_t i, const char **path)
{
	if (i >= nshared)
		return NULL;
	*path = shared[i].path;
	return shared[i].list;
}

int
codelist_has(const char *relpath, const char *code, char *err)
{
	const struct codelist *l = codelist_shared(relpath, err);

	if (l == NULL)
		return -1;
	return codelist_find(l, code) != NULL;
}
