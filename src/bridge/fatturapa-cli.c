/* `scrivano fatturapa check|show|import|receipt|html|pdf|attachments|export|
 * send|fetch`: FatturaPA files on the command line, one verb each, from a
 * table (pdf and attachments, on a book's received documents, in
 * fatturapa-kept.c; export in fpa-export-cli.c; receipt in
 * sdi-receipts-cli.c; send and fetch in sdi-mail-cli.c). Here, above both
 * the book and the fiscal core, as import joins them. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/book.h"
#include "bridge/doc-received.h"
#include "bridge/fpa-cli.h"
#include "bridge/fpa-export.h"
#include "bridge/fpa-import.h"
#include "bridge/sdi-mail.h"
#include "bridge/sdi-receipts.h"
#include "cli/cli.h"
#include "commands.h"
#include "fisc/fatturapa.h"
#include "util/i18n.h"
#include "util/util.h"

int
fpa_cli_usage(void)
{
	fprintf(stderr, _("usage: scrivano fatturapa check [--schema XSD] [--quiet] FILE...\n"
			  "       scrivano fatturapa show [--width N] FILE\n"
			  "       scrivano fatturapa import --book BOOK FILE|FOLDER...\n"
			  "       scrivano fatturapa html [--xsl STYLESHEET] [--output FILE] FILE\n"
			  "       scrivano fatturapa html --book BOOK [--xsl STYLESHEET] [--output FILE] "
			  "ID\n"
			  "       scrivano fatturapa pdf --book BOOK [--force] -o FILE ID\n"
			  "       scrivano fatturapa attachments --book BOOK [--extract DIR] [--force] "
			  "ID\n"
			  "       scrivano fatturapa receipt --book BOOK FILE...\n"));
	fprintf(stderr, "%s", _("       scrivano fatturapa export --book BOOK [--schema DIR] "
				"[--output DIR] ID...\n"
				"       scrivano fatturapa export --book BOOK [--schema DIR] --period "
				"YYYY-MM [--zip FILE] [--output DIR]\n"));
	fprintf(stderr, "%s", _("       scrivano fatturapa send --book BOOK [--schema DIR] ID\n"
				"       scrivano fatturapa fetch --book BOOK\n"));
	return 2;
}

static int
usage(void)
{
	return fpa_cli_usage();
}

static void
signature_note(const char *path, const struct fpa_source *src, FILE *out)
{
	if (!src->is_signed)
		return;
	if (src->sig_verified)
		fprintf(out, _("%s: signed by %s; the signature verifies\n"), path,
			src->signer[0] ? src->signer : _("(no name)"));
	else
		fprintf(out, _("%s: signed by %s; %s\n"), path,
			src->signer[0] ? src->signer : _("(no name)"), src->sig_note);
}

/* check */

static int
check_one(const char *path, struct fpa_schema *schema, int quiet)
{
	struct fpa_source src = { 0 };
	struct fpa_report r = { 0 };
	struct fpa_invoice *inv;
	char err[ERR_SIZE];
	int bad;

	if (fpa_read_file(path, &inv, &src, &r, err) < 0) {
		fprintf(stdout, "%s\n", err);
		fpa_report_free(&r);
		fpa_source_free(&src);
		return 1;
	}
	fpa_check(inv, &r);
	if (schema && fpa_schema_validate(schema, src.xml, src.len, err) < 0)
		fpa_report_add(&r, 1, "00200", "%s", err);
	if (!quiet)
		signature_note(path, &src, stdout);
	for (size_t i = 0; i < r.n; i++)
		if (r.f[i].error || !quiet)
			printf("%s: %s%s: %s\n", path, r.f[i].error ? "" : _("warning "), r.f[i].code,
			       r.f[i].msg);
	if (r.errors == 0 && !quiet)
		printf(_("%s: no errors\n"), path);
	bad = r.errors > 0;
	fpa_invoice_free(inv);
	fpa_report_free(&r);
	fpa_source_free(&src);
	return bad;
}

static int
verb_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	struct fpa_schema *schema = NULL;
	const char *xsd = NULL;
	char err[ERR_SIZE];
	int c, quiet = 0, bad = 0;

	while ((c = getopt_long(argc, argv, "s:q", opts, NULL)) != -1) {
		if (c == 's')
			xsd = optarg;
		else if (c == 'q')
			quiet = 1;
		else
			return usage();
	}
	if (optind >= argc)
		return usage();
	if (xsd && fpa_schema_load(xsd, &schema, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 2;
	}
	for (int i = optind; i < argc; i++)
		bad |= check_one(argv[i], schema, quiet);
	fpa_schema_free(schema);
	return bad;
}

/* show */

static int
verb_show(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	struct fpa_source src = { 0 };
	struct fpa_report r = { 0 };
	struct fpa_invoice *inv;
	char err[ERR_SIZE];
	int c, width = 80;

	while ((c = getopt_long(argc, argv, "w:", opts, NULL)) != -1) {
		if (c == 'w' && atoi(optarg) >= 60 && atoi(optarg) <= 400)
			width = atoi(optarg);
		else
			return usage();
	}
	if (optind != argc - 1)
		return usage();
	if (fpa_read_file(argv[optind], &inv, &src, &r, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		fpa_source_free(&src);
		fpa_report_free(&r);
		return 1;
	}
	fpa_show(inv, width, stdout);
	signature_note(argv[optind], &src, stdout);
	fpa_report_print(&r, argv[optind], stdout);
	fpa_invoice_free(inv);
	fpa_source_free(&src);
	fpa_report_free(&r);
	return 0;
}

/* import */

/* A progress line on a terminal, rewritten in place, for a long import. */
static void
import_before(void *arg, size_t done, size_t total, const char *path)
{
	(void)arg;
	(void)path;
	if (total >= 10 && isatty(STDERR_FILENO)) {
		fputc('\r', stderr);
		fprintf(stderr, _("Importing: file %zu of %zu..."), done + 1, total);
	}
}

static void
import_after(void *arg, const struct fpa_batch_item *it, const struct fpa_report *r)
{
	const char *path = it->path;
	const struct fpa_import *res = &it->res;

	(void)arg;
	if (isatty(STDERR_FILENO))
		fprintf(stderr, "\r\033[K");
	for (size_t i = 0; i < r->n; i++)
		printf("%s: %s%s: %s\n", path, _("warning "), r->f[i].code, r->f[i].msg);
	if (it->outcome == FPA_DUPLICATE)
		return; /* in the report at the end */
	if (it->outcome == FPA_REFUSED) {
		fflush(stdout);
		fprintf(stderr, "scrivano: %s\n", it->why);
		return;
	}
	printf(_("%s: imported %d document(s) from %s%s\n"), path, res->documents, res->supplier,
	       res->party_created ? _(" (new supplier)") :
	       res->party_now_both ? _(" (already a customer, now also a supplier)") : "");
	if (res->attachments > 0)
		printf(_("%s: %d attachment(s) kept\n"), path, res->attachments);
	if (res->signed_file && !res->sig_verified)
		printf(_("%s: warning: the file's signature does not verify\n"), path);
}

static int
verb_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	struct fpa_batch_hooks h = { import_before, import_after, NULL };
	struct text_lines report = { 0 };
	const char *book_path = NULL;
	struct fpa_batch bt;
	struct book *bk;
	char err[ERR_SIZE];
	int c, bad;

	while ((c = getopt_long(argc, argv, "b:", opts, NULL)) != -1) {
		if (c == 'b')
			book_path = optarg;
		else
			return usage();
	}
	if (book_path == NULL || optind >= argc)
		return usage();
	if (book_open(book_path, &bk, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	if (fpa_import_batch(bk, argv + optind, (size_t)(argc - optind), &h, &bt, err) < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		book_close(bk);
		return 1;
	}
	/* the report: the counts, then each file not imported */
	fpa_batch_report(&bt, NULL, &report);
	printf("%s\n", report.v[0]);
	for (size_t i = 1; i < report.n; i++) {
		if (bt.v[i - 1].outcome != FPA_IMPORTED)
			printf("  %s\n", report.v[i]);
	}
	for (size_t i = 0; i < report.n; i++)
		free(report.v[i]);
	free(report.v);
	bad = bt.refused > 0;
	fpa_batch_free(&bt);
	book_close(bk);
	return bad;
}

/* receipt (sdi-receipts-cli.c) */

static int
verb_receipt(int argc, char **argv)
{
	int rc = fatturapa_receipt(argc, argv);

	return rc < 0 ? usage() : rc;
}

/* html */

/* The stylesheet when --xsl is not given: the Agenzia delle Entrate's, in
 * the folder SCRIVANO_FATTURAPA names (where its official files are), or
 * NULL. */
static char *
default_xsl(void)
{
	const char *dir = getenv("SCRIVANO_FATTURAPA");

	return dir != NULL && dir[0] != '\0' ? xasprintf("%s/%s", dir, FPA_DEFAULT_XSL) : NULL;
}

static int
verb_html(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "xsl", required_argument, NULL, 'x' },
		{ "output", required_argument, NULL, 'o' },
		{ "book", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL, *book_path = NULL;
	char *xsl = NULL;
	struct fpa_source src = { 0 };
	struct book *bk;
	char err[ERR_SIZE];
	FILE *out = stdout;
	int c, rc;

	while ((c = getopt_long(argc, argv, "x:o:b:", opts, NULL)) != -1) {
		if (c == 'x') {
			free(xsl);
			xsl = xstrdup(optarg);
		} else if (c == 'o')
			output = optarg;
		else if (c == 'b')
			book_path = optarg;
		else
			return free(xsl), usage();
	}
	if (xsl == NULL)
		xsl = default_xsl();
	if (xsl == NULL || optind != argc - 1) {
		if (xsl == NULL && optind == argc - 1)
			fprintf(stderr, "%s", _("scrivano: give the stylesheet with --xsl (or the folder "
						"of the official files in SCRIVANO_FATTURAPA)\n"));
		free(xsl);
		return usage();
	}
	if (book_path != NULL) {
		char *end;
		long long id = strtoll(argv[optind], &end, 10);

		if (*end != '\0' || id <= 0) {
			fprintf(stderr, _("scrivano: %s is not a document's number (ID)\n"), argv[optind]);
			free(xsl);
			return 2;
		}
		if (cli_open_book("fatturapa", book_path, &bk) != 0) {
			free(xsl);
			return 1;
		}
		rc = doc_received_source(bk, id, &src, err);
		book_close(bk);
	} else
		rc = fpa_source_read(argv[optind], &src, err);
	if (rc < 0) {
		fprintf(stderr, "scrivano: %s: %s\n", argv[optind], err);
		free(xsl);
		return 1;
	}
	if (output && (out = fopen(output, "w")) == NULL) {
		fprintf(stderr, _("scrivano: cannot write %s\n"), output);
		fpa_source_free(&src);
		free(xsl);
		return 1;
	}
	rc = fpa_html(src.xml, src.len, xsl, out, err);
	if (output && fclose(out) != 0 && rc == 0)
		rc = err_set(err, _("cannot write %s"), output);
	if (rc < 0)
		fprintf(stderr, "scrivano: %s: %s\n", argv[optind], err);
	fpa_source_free(&src);
	free(xsl);
	return rc < 0 ? 1 : 0;
}

/* export (fpa-export-cli.c) */

static int
verb_export(int argc, char **argv)
{
	int rc = fpa_cli_export(argc, argv);

	return rc < 0 ? usage() : rc;
}

/* send and fetch (sdi-mail-cli.c): 2 is their usage */

static int
verb_send(int argc, char **argv)
{
	int rc = fatturapa_send(argc, argv);
	return rc == 2 ? usage() : rc;
}

static int
verb_fetch(int argc, char **argv)
{
	int rc = fatturapa_fetch(argc, argv);
	return rc == 2 ? usage() : rc;
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} verbs[] = {
	{ "check", verb_check },
	{ "show", verb_show },
	{ "import", verb_import },
	{ "receipt", verb_receipt },
	{ "html", verb_html },
	{ "export", verb_export },
	{ "send", verb_send },
	{ "fetch", verb_fetch },
	{ "attachments", fpa_verb_attachments },
	{ "pdf", fpa_verb_pdf },
};

int
cmd_fatturapa(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	for (size_t i = 0; i < ARRAY_LEN(verbs); i++)
		if (strcmp(argv[1], verbs[i].name) == 0) {
			optind = 1;
			return verbs[i].run(argc - 1, argv + 1);
		}
	fprintf(stderr, _("scrivano: unknown fatturapa command '%s'\n"), argv[1]);
	return usage();
}
