/* The stored FatturaPA files out of the book: one into a folder under its
 * own name, or many as one zip (libzip) for the accountant; and a period
 * exported, each document's file made where it is due. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "book/sdi.h"
#include "bridge/fpa-export.h"
#include "util/i18n.h"
#include "util/util.h"

struct bytes {
	const void *data;
	size_t len;
};

static int
write_bytes(FILE *out, void *ctx, char *err)
{
	const struct bytes *b = ctx;

	if (fwrite(b->data, 1, b->len, out) != b->len)
		return err_set(err, "%s", strerror(errno));
	return 0;
}

int
fpa_export_write(struct book *b, int64_t file_id, const char *dir, char *path, char *err)
{
	struct sdi_file f;
	struct bytes by;
	int rc;

	if ((rc = sdi_file_get(b, file_id, 1, &f, err)) < 0)
		return rc;
	snprintf(path, PATH_MAX, "%s/%s", dir, f.name);
	by = (struct bytes){ f.xml, f.len };
	/* the same name is the same progressivo, so the same bytes */
	rc = file_write_whole(path, 1, write_bytes, &by, err) < 0 ? REC_ERROR : 0;
	sdi_file_clear(&f);
	return rc;
}

int
fpa_export_zip(struct book *b, const int64_t *ids, size_t n, const char *zip_path, char *err)
{
	struct sdi_file *f = xcalloc(n ? n : 1, sizeof *f);
	zip_t *z;
	int zerr = 0, rc = 0;
	size_t got = 0;

	for (; got < n && rc == 0; got++)
		rc = sdi_file_get(b, ids[got], 1, &f[got], err);
	if (rc < 0)
		goto out;
	if ((z = zip_open(zip_path, ZIP_CREATE | ZIP_TRUNCATE, &zerr)) == NULL) {
		zip_error_t ze;

		zip_error_init_with_code(&ze, zerr);
		rc = err_set(err, _("cannot write %s: %s"), zip_path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		goto out;
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		zip_source_t *s = zip_source_buffer(z, f[i].xml, f[i].len, 0);

		if (s == NULL || zip_file_add(z, f[i].name, s, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(s);
			rc = err_set(err, _("cannot write %s: %s"), zip_path, zip_strerror(z));
		}
	}
	/* libzip writes a temporary file and renames it at close: all or nothing */
	if (rc < 0)
		zip_discard(z);
	else if (zip_close(z) < 0) {
		rc = err_set(err, _("cannot write %s: %s"), zip_path, zip_strerror(z));
		zip_discard(z);
	}
out:
	for (size_t i = 0; i < got; i++)
		sdi_file_clear(&f[i]);
	free(f);
	return rc < 0 ? REC_ERROR : 0;
}

int
fpa_export_period_bounds(const char *period, char from[11], char to[11])
{
	int y, m = 0;
	char tail;

	if (strlen(period) == 4 && sscanf(period, "%4d%c", &y, &tail) == 1 && y >= 1900) {
		snprintf(from, 11, "%04u-01-01", (unsigned)y % 10000);
		snprintf(to, 11, "%04u-12-31", (unsigned)y % 10000);
		return 0;
	}
	if (strlen(period) != 7 || period[4] != '-' ||
	    sscanf(period, "%4d-%2d%c", &y, &m, &tail) != 2 || y < 1900 || m < 1 || m > 12)
		return -1;
	snprintf(from, 11, "%04u-%02u-01", (unsigned)y % 10000, (unsigned)m % 100);
	/* dates compare as text */
	snprintf(to, 11, "%04u-%02u-31", (unsigned)y % 10000, (unsigned)m % 100);
	return 0;
}
