/* A received document's original, read for people and its attachments
 * written out (doc-received.h), and the documents' list Import. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/document-files.h"
#include "book/documents.h"
#include "bridge/doc-received.h"
#include "bridge/fpa-import.h"
#include "util/i18n.h"
#include "util/util.h"

/* The original file of document id: REC_ERROR when it has none. */
static int
original_of(struct book *b, int64_t id, struct document_file_kept *f, char *err)
{
	struct record *doc;
	int64_t file;
	int rc;

	if ((rc = record_load(b, &documents_kind, id, &doc, err)) < 0) {
		if (rc == REC_GONE)
			err_set(err, _("there is no document %lld"), (long long)id);
		return rc;
	}
	file = strtoll(record_get(doc, DOC_FILE), NULL, 10);
	if (strcmp(record_get(doc, DOC_DIRECTION), "P") != 0 || file <= 0) {
		err_set(err, _("document %lld is not a received invoice: it has no original file"),
			(long long)id);
		record_free(doc);
		return REC_ERROR;
	}
	record_free(doc);
	return document_file_load(b, file, f, err) < 0 ? REC_ERROR : 0;
}

int
doc_received_source(struct book *b, int64_t id, struct fpa_source *src, char *err)
{
	struct document_file_kept f;
	char sub[ERR_SIZE];
	int rc;

	memset(src, 0, sizeof *src);
	if ((rc = original_of(b, id, &f, err)) < 0)
		return rc;
	rc = fpa_source_from_memory((const unsigned char *)f.data, f.len, src, sub);
	if (rc < 0)
		err_set(err, "%s: %s", f.name, sub);
	document_file_kept_free(&f);
	return rc < 0 ? REC_ERROR : 0;
}

int
attachment_name_ok(const char *name, char *why)
{
	if (name == NULL || name[0] == '\0')
		return err_set(why, "%s", _("it has no name")), 0;
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strstr(name, "..") != NULL)
		return err_set(why, "%s", _("its name has \"..\" in it")), 0;
	if (strchr(name, '/') != NULL || strchr(name, '\\') != NULL)
		return err_set(why, "%s", _("its name has a folder in it (/ or \\)")), 0;
	if (name[0] == '.')
		return err_set(why, "%s", _("its name starts with a dot (a hidden file)")), 0;
	if (strlen(name) > 200)
		return err_set(why, "%s", _("its name is longer than 200 bytes")), 0;
	if (!utf8_valid_text(name))
		return err_set(why, "%s", _("its name holds control characters or is not UTF-8")), 0;
	return 1;
}

struct bytes {
	const void *data;
	size_t len;
};

static int
write_bytes(FILE *out, void *ctx, char *err)
{
	const struct bytes *by = ctx;

	if (by->len > 0 && fwrite(by->data, 1, by->len, out) != by->len)
		return err_set(err, "%s", _("cannot write the file"));
	return 0;
}

/* A name for people, with its control characters made harmless. */
static char *
shown_name(const char *name)
{
	char *s = xstrdup(name);

	return str_printable(s);
}

static void
add_line(struct text_lines *out, char *line)
{
	text_lines_add(out, line);
	free(line);
}

int
doc_attachments_extract(struct book *b, int64_t id, const char *dir, int force,
			struct text_lines *out, size_t *written, char *err)
{
	struct document_attachment *a;
	struct record *doc;
	size_t n;
	int rc, bad = 0;

	*written = 0;
	if ((rc = record_load(b, &documents_kind, id, &doc, err)) < 0) {
		if (rc == REC_GONE)
			err_set(err, _("there is no document %lld"), (long long)id);
		return rc;
	}
	record_free(doc);
	if (document_attachments_load(b, id, &a, &n, err) < 0)
		return REC_ERROR;
	for (size_t i = 0; i < n; i++) {
		char why[ERR_SIZE], *shown = shown_name(a[i].name), *path;
		struct bytes by = { a[i].data, a[i].len };

		if (!attachment_name_ok(a[i].name, why)) {
			add_line(out, xasprintf(_("refused: attachment %d, \"%s\": %s; not written"),
						a[i].seq, shown, why));
			bad = 1;
			free(shown);
			continue;
		}
		path = xasprintf("%s/%s", dir, a[i].name);
		if (file_write_whole(path, force, write_bytes, &by, why) < 0) {
			add_line(out, xasprintf(_("refused: attachment %d: %s; not written"), a[i].seq,
						why));
			bad = 1;
		} else {
			(*written)++;
			if (a[i].compression[0] != '\0')
				add_line(out, xasprintf(_("written: %s (%zu bytes, compressed %s by the "
							  "supplier: kept as sent)"),
							path, a[i].len, a[i].compression));
			else
				add_line(out, xasprintf(_("written: %s (%zu bytes)"), path, a[i].len));
		}
		free(path);
		free(shown);
	}
	document_attachments_free(a, n);
	return bad;
}

/* ---- for the screens ---- */

int
doc_received_applies(const struct record *r)
{
	return strcmp(record_get(r, DOC_DIRECTION), "P") == 0 && record_get(r, DOC_FILE)[0] != '\0';
}

/* Text into lines, one a '\n'. */
static size_t
split(const char *text, struct text_lines *out)
{
	const char *p = text;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);

		add_line(out, line);
		p += n;
		if (*p == '\n')
			p++;
	}
	return out->n;
}

size_t
doc_original_show(struct book *b, const struct record *r, char ***lines, char *err)
{
	struct text_lines out = { 0 };
	struct fpa_source src;
	struct fpa_invoice *inv;
	char *text = NULL;
	size_t len = 0;
	FILE *mem;

	*lines = NULL;
	if (doc_received_source(b, r->id, &src, err) < 0)
		return (size_t)-1;
	if (fpa_read_memory(src.xml, src.len, _("the original file"), &inv, NULL, err) < 0) {
		fpa_source_free(&src);
		return (size_t)-1;
	}
	if ((mem = open_memstream(&text, &len)) == NULL) {
		fpa_invoice_free(inv);
		fpa_source_free(&src);
		return err_set(err, "%s", _("out of memory")), (size_t)-1;
	}
	fpa_show(inv, DOC_SHOW_WIDTH, mem);
	if (src.is_signed)
		fprintf(mem, src.sig_verified ? _("Signed by %s; the signature verifies.\n")
					      : _("Signed by %s; the signature does not verify.\n"),
			src.signer[0] ? src.signer : _("(no name)"));
	fclose(mem);
	split(text, &out);
	free(text);
	fpa_invoice_free(inv);
	fpa_source_free(&src);
	*lines = out.v;
	return out.n;
}

int
doc_attachments_run(struct book *b, const struct record *r, const char *arg, int64_t *open_id,
		    char *msg, char *err)
{
	struct text_lines out = { 0 };
	size_t written;
	char *dir;
	int rc;

	(void)arg;
	(void)open_id;
	if ((dir = book_folder(book_path(b), "export", err)) == NULL)
		return REC_ERROR;
	rc = doc_attachments_extract(b, r->id, dir, 0, &out, &written, err);
	if (rc >= 0 && out.n == 0)
		err_set(msg, "%s", _("This document has no attachments."));
	else if (rc == 0)
		err_set(msg, _("%zu attachment(s) written into %s."), written, dir);
	else if (rc > 0) {
		size_t i = 0;

		while (i + 1 < out.n && strncmp(out.v[i], _("refused: "), strlen(_("refused: "))) != 0)
			i++;
		err_set(msg, _("%zu attachment(s) written into %s; %s"), written, dir, out.v[i]);
	}
	for (size_t i = 0; i < out.n; i++)
		free(out.v[i]);
	free(out.v);
	free(dir);
	return rc < 0 ? rc : 0;
}

struct progress {
	void (*fn)(void *arg, size_t done, size_t total);
	void *arg;
};

static void
before_file(void *arg, size_t done, size_t total, const char *path)
{
	struct progress *p = arg;

	(void)path;
	if (p->fn != NULL)
		p->fn(p->arg, done, total);
}

size_t
doc_import_folder(struct book *b, const char *dir,
		  void (*progress)(void *arg, size_t done, size_t total), void *arg,
		  char ***lines, char *err)
{
	struct progress p = { progress, arg };
	struct fpa_batch_hooks h = { before_file, NULL, &p };
	struct text_lines out = { 0 };
	struct fpa_batch bt;
	char *paths[1] = { (char *)dir };

	*lines = NULL;
	if (fpa_import_batch(b, paths, 1, &h, &bt, err) < 0)
		return (size_t)-1;
	fpa_batch_report(&bt, dir, &out);
	fpa_batch_free(&bt);
	*lines = out.v;
	return out.n;
}
