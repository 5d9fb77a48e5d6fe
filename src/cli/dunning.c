/* `scrivano dunning list|letter ... --book BOOK`: dunning from the command
 * line, on the book's dunning.h: the reminder letters sent (the history),
 * and a new letter to a customer, recorded as sent and printed as text or
 * written as a PDF (or only shown, --dry-run). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "book/dunning.h"
#include "book/items.h"
#include "book/record.h"
#include "cli/cli.h"
#include "commands.h"
#include "util/i18n.h"
#include "util/util.h"

struct dunning_opts {
	const char *book, *party, *level, *date, *pdf;
	int force, dry_run;
};

static void
fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vfail("dunning", fmt, ap);
	va_end(ap);
}

static void
usage(void)
{
	fprintf(stderr, "%s", _("usage:\n"));
	fprintf(stderr, "  scrivano dunning list [--party NAME] --book BOOK\n");
	fprintf(stderr, "  scrivano dunning letter --party NAME [--level 1|2|3] [--date DATE] "
			"[--pdf FILE [--force]] [--dry-run] --book BOOK\n");
}

static int
run_list(struct book *b, const struct dunning_opts *o)
{
	struct dunning_letter *v;
	char err[ERR_SIZE], **lines;
	int64_t party = 0;
	size_t n;

	if (o->party != NULL && items_party_find(b, o->party, &party, err) < 0) {
		fail("%s", err);
		return 1;
	}
	if (dunning_history(b, party, &v, &n, err) < 0) {
		fail("%s", err);
		return 1;
	}
	size_t nlines = dunning_history_text(v, n, &lines);

	cli_print_lines(lines, nlines);
	for (size_t i = 0; i < n; i++)
		dunning_letter_free(&v[i]);
	free(v);
	return 0;
}

static int
run_letter(struct book *b, const struct dunning_opts *o)
{
	struct dunning_letter l;
	char err[ERR_SIZE], **lines = NULL;
	int64_t party;
	int level;
	size_t n = 0;

	if (o->party == NULL) {
		fail("%s", _("letter needs --party NAME (or the customer's number)"));
		return 2;
	}
	if (items_party_find(b, o->party, &party, err) < 0) {
		fail("%s", err);
		return 1;
	}
	if (o->level != NULL)
		level = atoi(o->level);
	else if (dunning_next_level(b, party, &level, err) < 0) {
		fail("%s", err);
		return 1;
	}
	if (dunning_prepare(b, party, level, o->date, &l, err) < 0) {
		fail("%s", err);
		return 1;
	}
	/* the text first: a letter whose text fails is not recorded */
	if (o->pdf != NULL ? dunning_letter_pdf(b, &l, o->pdf, o->force, err) < 0
			   : (n = dunning_letter_text(b, &l, &lines, err)) == (size_t)-1) {
		fail("%s", err);
		dunning_letter_free(&l);
		return 1;
	}
	if (!o->dry_run && dunning_record(b, &l, err) < 0) {
		fail("%s", err);
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
		free(lines);
		dunning_letter_free(&l);
		return 1;
	}
	if (o->pdf != NULL)
		printf(_("Written to %s\n"), o->pdf);
	else
		cli_print_lines(lines, n);
	if (!o->dry_run)
		fprintf(stderr, _("scrivano dunning: reminder letter of level %d to %s recorded\n"),
			l.level, l.party);
	dunning_letter_free(&l);
	return 0;
}

int
cmd_dunning(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },  { "party", required_argument, NULL, 'p' },
		{ "level", required_argument, NULL, 'l' }, { "date", required_argument, NULL, 'd' },
		{ "pdf", required_argument, NULL, 'o' },   { "force", no_argument, NULL, 'f' },
		{ "dry-run", no_argument, NULL, 'n' },	   { NULL, 0, NULL, 0 },
	};
	struct dunning_opts o = { 0 };
	struct book *b;
	const char *sub;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'b': o.book = optarg; break;
		case 'p': o.party = optarg; break;
		case 'l': o.level = optarg; break;
		case 'd': o.date = optarg; break;
		case 'o': o.pdf = optarg; break;
		case 'f': o.force = 1; break;
		case 'n': o.dry_run = 1; break;
		case ':':
			fail(_("%s needs a value"), argv[optind - 1]);
			return 2;
		default:
			fail(_("unknown option %s"), argv[optind - 1]);
			usage();
			return 2;
		}
	}
	if (optind != argc - 1 || o.book == NULL) {
		usage();
		return 2;
	}
	sub = argv[optind];
	if (strcmp(sub, "list") != 0 && strcmp(sub, "letter") != 0) {
		fail(_("unknown subcommand %s"), sub);
		usage();
		return 2;
	}
	if ((o.level != NULL || o.date != NULL || o.pdf != NULL || o.force || o.dry_run) &&
	    strcmp(sub, "letter") != 0) {
		fail("%s", _("--level, --date, --pdf, --force and --dry-run go with letter"));
		return 2;
	}
	if (o.level != NULL && (strlen(o.level) != 1 || o.level[0] < '1' || o.level[0] > '3')) {
		fail(_("--level is 1, 2 or 3, not %s"), o.level);
		return 2;
	}
	if (o.date != NULL && check_iso_date(o.date, NULL) < 0) {
		fail(_("--date is a date, YYYY-MM-DD, not %s"), o.date);
		return 2;
	}
	if ((rc = cli_open_book("dunning", o.book, &b)) != 0)
		return rc;
	rc = strcmp(sub, "list") == 0 ? run_list(b, &o) : run_letter(b, &o);
	book_close(b);
	return rc;
}
