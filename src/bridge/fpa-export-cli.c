/* `scrivano fatturapa export`: issued documents out as FatturaPA files,
 * by record number into a folder, or a period's as one zip for the
 * accountant. Each file is made (checked, validated, stored in the book)
 * or, for a document unchanged since, its newest file kept. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "book/sdi.h"
#include "bridge/fpa-export.h"
#include "cli/cli.h"
#include "util/i18n.h"
#include "util/util.h"

struct run {
	struct book *b;
	struct fpa_schema *xsd;
	const char *dir;   /* where the files go, or NULL (the zip's only) */
	int64_t *files;    /* those exported, for the zip */
	size_t nfiles;
	int bad;
};

/* One document: its file made or kept, written into the folder (its name
 * printed). A refusal is printed with each SdI finding. */
static void
export_one(struct run *x, int64_t doc)
{
	struct fpa_report r = { 0 };
	char err[ERR_SIZE], path[PATH_MAX];
	int64_t file = 0;
	int rc = fpa_export_document(x->b, doc, x->xsd, &file, &r, err);

	if (rc < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		for (size_t i = 0; i < r.n; i++)
			if (r.f[i].error)
				fprintf(stderr, "scrivano:   %s: %s\n", r.f[i].code, r.f[i].msg);
		x->bad = 1;
	} else {
		x->files = xreallocarray(x->files, x->nfiles + 1, sizeof *x->files);
		x->files[x->nfiles++] = file;
		if (x->dir == NULL)
			;
		else if (fpa_export_write(x->b, file, x->dir, path, err) < 0) {
			fprintf(stderr, "scrivano: %s\n", err);
			x->bad = 1;
		} else
			printf("%s%s\n", path, rc == 1 ? _(" (kept: unchanged since made)") : "");
	}
	fpa_report_free(&r);
}

static int
parse_id(const char *s, int64_t *id)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 1)
		return -1;
	*id = v;
	return 0;
}

static int
period_run(struct run *x, const char *period, const char *zip)
{
	char from[11], to[11], err[ERR_SIZE];
	int64_t *docs;
	size_t n;

	if (fpa_export_period_bounds(period, from, to) < 0) {
		fprintf(stderr, _("scrivano: --period %s: must be a month (2026-01) or a year "
				  "(2026)\n"),
			period);
		return 2;
	}
	if (sdi_documents_of_period(x->b, from, to, &docs, &n, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		export_one(x, docs[i]);
	free(docs);
	if (zip != NULL) {
		if (fpa_export_zip(x->b, x->files, x->nfiles, zip, err) < 0) {
			fprintf(stderr, "scrivano: %s\n", err);
			return 1;
		}
		printf(_("%s: %zu file(s) of %s\n"), zip, x->nfiles, period);
	}
	return x->bad;
}

int
fpa_cli_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ "schema", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "period", required_argument, NULL, 'p' },
		{ "zip", required_argument, NULL, 'z' },
		{ NULL, 0, NULL, 0 },
	};
	const char *book_path = NULL, *schema = NULL, *dir = NULL, *period = NULL, *zip = NULL;
	struct run x = { 0 };
	char err[ERR_SIZE];
	int64_t *ids;
	int c, rc = 0, nids;

	while ((c = getopt_long(argc, argv, "b:s:o:p:z:", opts, NULL)) != -1) {
		switch (c) {
		case 'b': book_path = optarg; break;
		case 's': schema = optarg; break;
		case 'o': dir = optarg; break;
		case 'p': period = optarg; break;
		case 'z': zip = optarg; break;
		default: return -1;
		}
	}
	nids = argc - optind;
	/* record numbers, or a period; a zip only of a period */
	if (book_path == NULL || (period == NULL) == (nids == 0) || (zip != NULL && period == NULL))
		return -1;
	ids = xcalloc((size_t)nids + 1, sizeof *ids);
	for (int i = 0; i < nids; i++)
		if (parse_id(argv[optind + i], &ids[i]) < 0) {
			fprintf(stderr, _("scrivano: %s: not a document's record number\n"),
				argv[optind + i]);
			free(ids);
			return 2;
		}
	if (fpa_schema_find(schema, &x.xsd, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		free(ids);
		return 1;
	}
	if (cli_open_book("fatturapa export", book_path, &x.b) != 0) {
		fpa_schema_free(x.xsd);
		free(ids);
		return 1;
	}
	/* the files go into the folder unless only the zip was asked for */
	x.dir = dir != NULL ? dir : zip != NULL ? NULL : ".";
	if (period != NULL)
		rc = period_run(&x, period, zip);
	else {
		for (int i = 0; i < nids; i++)
			export_one(&x, ids[i]);
		rc = x.bad;
	}
	book_close(x.b);
	fpa_schema_free(x.xsd);
	free(x.files);
	free(ids);
	return rc;
}
