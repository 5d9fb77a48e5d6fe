/* `scrivano export`: a list of a book as CSV, as the list would show it
 * after Sort, Reverse and Filter, into a file or onto stdout; the book
 * chosen with --book as the other commands choose it. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "ui/export.h"
#include "ui/ui.h"
#include "util/i18n.h"
#include "util/util.h"

struct export_opts {
	const char *book, *screen, *filter, *sort, *output;
	int reverse;
	struct csv_opts csv;
	int bom_set; /* --bom or --no-bom given */
};

static int
usage(void)
{
	fprintf(stderr, _("usage: scrivano export --book BOOK [--filter CONDITIONS] [--sort COLUMN]\n"
			  "         [--reverse] [--format italian|plain] [--bom|--no-bom]\n"
			  "         [--output FILE] SCREEN\n"));
	return 2;
}

static int
set_format(struct export_opts *o, const char *name)
{
	if (strcmp(name, "italian") == 0 || strcmp(name, "it") == 0)
		o->csv.style = CSV_ITALIAN;
	else if (strcmp(name, "plain") == 0)
		o->csv.style = CSV_PLAIN;
	else {
		fprintf(stderr, _("scrivano export: unknown format '%s' (italian or plain)\n"), name);
		return -1;
	}
	return 0;
}

/* Fills o from argv: 0, or -1 after a message. */
static int
parse_args(int argc, char **argv, struct export_opts *o)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },   { "filter", required_argument, NULL, 'f' },
		{ "sort", required_argument, NULL, 's' },   { "reverse", no_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 't' }, { "bom", no_argument, NULL, 'B' },
		{ "no-bom", no_argument, NULL, 'N' },       { "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "b:f:s:rt:o:", opts, NULL)) != -1) {
		switch (c) {
		case 'b': o->book = optarg; break;
		case 'f': o->filter = optarg; break;
		case 's': o->sort = optarg; break;
		case 'r': o->reverse = 1; break;
		case 't':
			if (set_format(o, optarg) < 0)
				return -1;
			break;
		case 'B': o->csv.bom = o->bom_set = 1; break;
		case 'N': o->csv.bom = 0; o->bom_set = 1; break;
		case 'o': o->output = optarg; break;
		default:
			fprintf(stderr, _("scrivano export: unknown option or missing value: '%s'\n"),
				argv[optind - 1]);
			return -1;
		}
	}
	if (o->book == NULL || optind != argc - 1) {
		fprintf(stderr, "%s", o->book == NULL ? _("scrivano export: --book BOOK is needed\n")
						     : _("scrivano export: name one screen\n"));
		return -1;
	}
	o->screen = argv[optind];
	/* spreadsheets want the BOM, programs reading plain CSV do not */
	if (!o->bom_set)
		o->csv.bom = o->csv.style == CSV_ITALIAN;
	return 0;
}

/* The screen called name that has a list; NULL after a message naming those
 * that do. */
static struct screen *
find_list(struct screen **screens, size_t n, const char *name)
{
	struct buf names = { 0 };

	for (size_t i = 0; i < n; i++)
		if (screens[i]->ncolumns > 0 && strcmp(screens[i]->name, name) == 0)
			return screens[i];
	for (size_t i = 0; i < n; i++)
		if (screens[i]->ncolumns > 0)
			buf_printf(&names, "%s%s", names.len > 0 ? ", " : "", screens[i]->name);
	fprintf(stderr, _("scrivano export: no list is called '%s'; the lists are: %s\n"), name,
		names.data != NULL ? names.data : "");
	buf_free(&names);
	return NULL;
}

/* Writes the list where o says; the exit status. */
static int
write_out(struct book *bk, struct screen *scr, const struct export_opts *o)
{
	char err[ERR_SIZE];
	struct list_query *q = browse_query(bk, scr, o->sort, o->reverse, o->filter, err);
	int to_file = o->output != NULL && strcmp(o->output, "-") != 0;
	FILE *out = NULL;
	size_t rows = 0;
	int rc;

	if (q == NULL) {
		fprintf(stderr, "scrivano export: %s\n", err);
		return 2;
	}
	if (to_file && (out = fopen(o->output, "w")) == NULL) {
		fprintf(stderr, "scrivano export: %s: %s\n", o->output, strerror(errno));
		browse_query_free(q);
		return 1;
	}
	rc = export_list(bk, browse_query_list(q), &o->csv, to_file ? out : stdout, NULL, NULL,
			 &rows, err);
	if (to_file && fclose(out) != 0 && rc == 0)
		rc = err_set(err, "%s: %s", o->output, strerror(errno));
	browse_query_free(q);
	if (rc < 0) {
		fprintf(stderr, "scrivano export: %s\n", err);
		if (to_file)
			unlink(o->output);
		return 1;
	}
	if (to_file)
		printf(ngettext("%zu row exported to %s\n", "%zu rows exported to %s\n", rows), rows,
		       o->output);
	return 0;
}

int
cmd_export(int argc, char **argv)
{
	struct export_opts o = { .csv = { CSV_ITALIAN, 1 } };
	struct screen **screens = NULL, *scr;
	struct buf errs = { 0 };
	struct book *bk = NULL;
	char err[ERR_SIZE];
	size_t n = 0;
	int status = 0;

	if (parse_args(argc, argv, &o) < 0)
		return usage();
	if (tui_load_screens(&screens, &n, &errs) > 0) {
		fputs(errs.data != NULL ? errs.data : "", stderr);
		status = 1;
	} else if ((scr = find_list(screens, n, o.screen)) == NULL)
		status = 2;
	else if (access(o.book, F_OK) != 0) {
		fprintf(stderr, _("scrivano export: no book %s\n"), o.book);
		status = 1;
	} else if (book_open(o.book, &bk, err) < 0) {
		fprintf(stderr, "scrivano export: %s\n", err);
		status = 1;
	} else
		status = write_out(bk, scr, &o);
	book_close(bk);
	for (size_t i = 0; i < n; i++)
		screen_free(screens[i]);
	free(screens);
	buf_free(&errs);
	return status;
}
