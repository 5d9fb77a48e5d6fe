/* `scrivano fatturapa send` and `scrivano fatturapa fetch` (the verbs of
 * fatturapa-cli.c's table): a document mailed to SdI, the PEC mailbox
 * read for SdI's answers. What they are doing goes to stderr as they go. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "bridge/fpa-export.h"
#include "bridge/sdi-mail.h"
#include "cli/cli.h"
#include "util/i18n.h"
#include "util/util.h"

static void
on_progress(void *ctx, const char *what)
{
	(void)ctx;
	fprintf(stderr, "%s\n", what);
}

static void
on_line(void *ctx, const char *text)
{
	(void)ctx;
	printf("%s\n", text);
}

/* --book BOOK (and, where schema is not NULL, --schema DIR) before the
 * words: 0, or the usage's 2. */
static int
options(int argc, char **argv, const char **book, const char **schema)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ "schema", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*book = NULL;
	while ((c = getopt_long(argc, argv, "b:s:", opts, NULL)) != -1) {
		if (c == 'b')
			*book = optarg;
		else if (c == 's' && schema != NULL)
			*schema = optarg;
		else
			return 2;
	}
	return *book == NULL ? 2 : 0;
}

int
fatturapa_send(int argc, char **argv)
{
	const char *path, *schema = NULL;
	struct fpa_schema *xsd;
	struct sdi_sent sent;
	struct book *b;
	char err[ERR_SIZE], *end;
	long long id;
	int rc;

	if (options(argc, argv, &path, &schema) != 0 || optind != argc - 1)
		return 2;
	id = strtoll(argv[optind], &end, 10);
	if (*end != '\0' || id <= 0) {
		fprintf(stderr, _("scrivano fatturapa send: '%s' is not a document's number (its "
				  "id, as scrivano document list shows it)\n"),
			argv[optind]);
		return 2;
	}
	if (fpa_schema_find(schema, &xsd, err) < 0) {
		fprintf(stderr, "scrivano fatturapa send: %s\n", err);
		return 1;
	}
	if ((rc = cli_open_book("fatturapa send", path, &b)) != 0) {
		fpa_schema_free(xsd);
		return rc;
	}
	record_progress_to(on_progress, NULL);
	rc = sdi_send_document(b, (int64_t)id, xsd, &sent, err);
	record_progress_to(NULL, NULL);
	fpa_schema_free(xsd);
	if (rc < 0)
		fprintf(stderr, "scrivano fatturapa send: %s\n", err);
	else
		printf(_("%s mailed to SdI (%s) at %s, Message-ID %s\n"), sent.file_name, sent.to,
		       sent.when, sent.message_id);
	book_close(b);
	return rc < 0 ? 1 : 0;
}

int
fatturapa_fetch(int argc, char **argv)
{
	const char *path;
	struct sdi_fetch_report rep;
	struct book *b;
	char err[ERR_SIZE], summary[ERR_SIZE];
	int rc;

	if (options(argc, argv, &path, NULL) != 0 || optind != argc)
		return 2;
	if ((rc = cli_open_book("fatturapa fetch", path, &b)) != 0)
		return rc;
	record_progress_to(on_progress, NULL);
	rc = sdi_fetch(b, on_line, NULL, &rep, err);
	record_progress_to(NULL, NULL);
	sdi_fetch_summary(&rep, summary);
	printf("%s\n", summary);
	if (rc < 0)
		fprintf(stderr, "scrivano fatturapa fetch: %s\n", err);
	book_close(b);
	return rc < 0 || rep.errors > 0 ? 1 : 0;
}
