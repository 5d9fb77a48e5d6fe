/* `scrivano fatturapa check|show|import|receipt|html|send|fetch`: FatturaPA files on the
 * command line, one verb each, from a table. Here, above both the book and
 * the fiscal core, as import joins them. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "bridge/fpa-export.h"
#include "bridge/fpa-import.h"
#include "bridge/sdi-receipts.h"
#include "bridge/sdi-mail.h"
#include "commands.h"
#include "fisc/fatturapa.h"
#include "util/i18n.h"
#include "util/util.h"

static int
usage(void)
{
	fprintf(stderr, _("usage: scrivano fatturapa check [--schema XSD] [--quiet] FILE...\n"
			  "       scrivano fatturapa show [--width N] FILE\n"
			  "       scrivano fatturapa import --book BOOK FILE...\n"
			  "       scrivano fatturapa receipt --book BOOK FILE...\n"
			  "       scrivano fatturapa html --xsl STYLESHEET [--output FILE] FILE\n"));
	fprintf(stderr, "%s", _("       scrivano fatturapa export --book BOOK [--schema DIR] "
				"[--output DIR] ID...\n"
				"       scrivano fatturapa export --book BOOK [--schema DIR] --period "
				"YYYY-MM [--zip FILE] [--output DIR]\n"));
	fprintf(stderr, "%s", _("       scrivano fatturapa send --book BOOK [--schema DIR] ID\n"
				"       scrivano fatturapa fetch --book BOOK\n"));
	return 2;
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

static int
import_one(struct book *bk, const char *path)
{
	struct fpa_report r = { 0 };
	struct fpa_import res;
	char err[ERR_SIZE];
	int rc = fpa_import_file(bk, path, &res, &r, err);

	for (size_t i = 0; i < r.n; i++)
		printf("%s: %s%s: %s\n", path, _("warning "), r.f[i].code, r.f[i].msg);
	fpa_report_free(&r);
	if (rc < 0) {
		fprintf(stderr, "scrivano: %s\n", err);
		return 1;
	}
	printf(_("%s: imported %d document(s) from %s%s\n"), path, res.documents, res.supplier,
	       res.party_created ? _(" (new supplier)") :
	       res.party_now_both ? _(" (already a customer, now also a supplier)") : "");
	if (res.signed_file && !res.sig_verified)
		printf(_("%s: warning: the file's signature does not verify\n"), path);
	return 0;
}

static int
verb_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	const char *book_path = NULL;
	struct book *bk;
	char err[ERR_SIZE];
	int c, bad = 0;

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
	for (int i = optind; i < argc; i++)
		bad |= import_one(bk, argv[i]);
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

static int
verb_html(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "xsl", required_argument, NULL, 'x' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *xsl = NULL, *output = NULL;
	struct fpa_source src = { 0 };
	char err[ERR_SIZE];
	FILE *out = stdout;
	int c, rc;

	while ((c = getopt_long(argc, argv, "x:o:", opts, NULL)) != -1) {
		if (c == 'x')
			xsl = optarg;
		else if (c == 'o')
			output = optarg;
		else
			return usage();
	}
	if (xsl == NULL || optind != argc - 1)
		return usage();
	if (fpa_source_read(argv[optind], &src, err) < 0) {
		fprintf(stderr, "scrivano: %s: %s\n", argv[optind], err);
		return 1;
	}
	if (output && (out = fopen(output, "w")) == NULL) {
		fprintf(stderr, _("scrivano: cannot write %s\n"), output);
		fpa_source_free(&src);
		return 1;
	}
	rc = fpa_html(src.xml, src.len, xsl, out, err);
	if (output && fclose(out) != 0 && rc == 0)
		rc = err_set(err, _("cannot write %s"), output);
	if (rc < 0)
		fprintf(stderr, "scrivano: %s: %s\n", argv[optind], err);
	fpa_source_free(&src);
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
