/* `scrivano items list|statement|riba|unpaid ... --book BOOK`: the open
 * items of a book from the command line, on the book's items.h and
 * riba.h: the list with the ageing's columns and totals, a party's
 * statement of account as text or PDF, the Ri.Ba. file of a range of due
 * dates and an unpaid Ri.Ba. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "book/items.h"
#include "book/primanota.h"
#include "book/record.h"
#include "book/riba.h"
#include "cli/cli.h"
#include "commands.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

struct items_opts {
	const char *book, *party, *side, *state, *as_of, *pdf;
	const char *from, *to, *account, *date, *fee;
	int force;
};

static void
fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vfail("items", fmt, ap);
	va_end(ap);
}

static void
usage(void)
{
	fprintf(stderr, "%s", _("usage:\n"));
	fprintf(stderr, "  scrivano items list [--party NAME] [--side R|P] "
			"[--state open|partly|paid|presented|all] [--as-of DATE] --book BOOK\n");
	fprintf(stderr, "  scrivano items statement --party NAME [--side R|P] [--as-of DATE] "
			"[--pdf FILE [--force]] --book BOOK\n");
	fprintf(stderr, "  scrivano items riba --from DATE --to DATE [--account NAME] [--date DATE] "
			"--book BOOK\n");
	fprintf(stderr, "  scrivano items unpaid ITEM [--fee AMOUNT] [--date DATE] --book BOOK\n");
}

/* The state option as the items' codes ("OA": open and partly paid). */
static const char *
state_codes(const char *v)
{
	static const struct {
		const char *name, *codes;
	} states[] = { { "open", "OAR" }, { "partly", "A" }, { "paid", "P" },
		       { "presented", "R" }, { "all", "OAPR" } };

	for (size_t i = 0; i < ARRAY_LEN(states); i++)
		if (strcmp(v, states[i].name) == 0)
			return states[i].codes;
	return NULL;
}

static int
run_list(struct book *b, const struct items_opts *o)
{
	static const char *const ages[ITEMS_NAGES] = { N_("Not due"), N_("0-30 days"),
						      N_("31-60 days"), N_("61-90 days"),
						      N_("Over 90 days") };
	const char *codes = state_codes(o->state != NULL ? o->state : "open");
	int64_t party = 0, totals[ITEMS_NAGES] = { 0 }, open = 0;
	char err[ERR_SIZE], as_of[11], m[32], d[DATE_TEXT_SIZE], inst[16];
	char cell[24 * 4 + 1], cell2[14 * 4 + 1];
	struct item *it;
	size_t n, shown = 0;

	if (codes == NULL) {
		fail(_("--state is open, partly, paid, presented or all, not %s"), o->state);
		return 2;
	}
	if (o->party != NULL && items_party_find(b, o->party, &party, err) < 0) {
		fail("%s", err);
		return 1;
	}
	items_as_of(as_of);
	if (items_list(b, party, o->side != NULL ? o->side[0] : '\0', 0, &it, &n, err) < 0) {
		fail("%s", err);
		return 1;
	}
	printf(_("Open items as of %s\n"), date_text(as_of, d));
	printf("%6s  %-10s  %-24s  %-14s  %5s  %-2s  %12s", _("No."), _("Due on"), _("Party"),
	       _("Invoice"), _("Inst."), _("St"), _("Still open"));
	for (int a = 0; a < ITEMS_NAGES; a++)
		printf("  %12s", _(ages[a]));
	printf("\n");
	for (size_t i = 0; i < n; i++) {
		int age;
		if (strchr(codes, it[i].state) == NULL)
			continue;
		shown++;
		age = (int)items_age_of(items_days_late(it[i].due, as_of));
		snprintf(inst, sizeof inst, "%d/%d", it[i].seq, it[i].instalments);
		printf("%6" PRId64 "  %-10s  %s  %s  %5s  %c%c  %12s", it[i].id,
		       date_text(it[i].due, d), utf8_cell(cell, sizeof cell, it[i].party, 24),
		       utf8_cell(cell2, sizeof cell2, it[i].doc, 14), inst, it[i].side,
		       it[i].state, cents_format_it(it[i].open, m, sizeof m));
		for (int a = 0; a < ITEMS_NAGES; a++)
			printf("  %12s", a == age && it[i].open != 0 ? cents_format_it(it[i].open, m,
										       sizeof m)
								      : "");
		printf("\n");
		open += it[i].open;
		if (it[i].open != 0)
			totals[age] += it[i].open;
	}
	printf("%6s  %-10s  %-24s  %-14s  %5s  %-2s  %12s", "", "", _("Total"), "", "", "",
	       cents_format_it(open, m, sizeof m));
	for (int a = 0; a < ITEMS_NAGES; a++)
		printf("  %12s", cents_format_it(totals[a], m, sizeof m));
	printf("\n");
	printf(ngettext("%zu item\n", "%zu items\n", (unsigned long)shown), shown);
	free(it);
	return 0;
}

static int
run_statement(struct book *b, const struct items_opts *o)
{
	struct items_statement s;
	char err[ERR_SIZE], **lines;
	int64_t party;
	size_t n;
	int rc;

	if (o->party == NULL) {
		fail("%s", _("statement needs --party NAME (or the party's number)"));
		return 2;
	}
	if (items_party_find(b, o->party, &party, err) < 0 ||
	    items_statement(b, party, o->side != NULL ? o->side[0] : '\0', NULL, &s, err) < 0) {
		fail("%s", err);
		return 1;
	}
	if (o->pdf != NULL) {
		rc = items_statement_pdf(b, &s, o->pdf, o->force, err);
		items_statement_free(&s);
		if (rc < 0) {
			fail("%s", err);
			return 1;
		}
		printf(_("Written to %s\n"), o->pdf);
		return 0;
	}
	n = items_statement_text(b, &s, &lines);
	cli_print_lines(lines, n);
	items_statement_free(&s);
	return 0;
}

/* The Ri.Ba. file of the open receivables due from..to, into the book's
 * export folder. */
static int
run_riba(struct book *b, const struct items_opts *o)
{
	struct riba_result res;
	char err[ERR_SIZE], m[32];
	int64_t account = 0;

	if (o->from == NULL || o->to == NULL) {
		fail("%s", _("riba needs --from DATE and --to DATE, the due dates"));
		return 2;
	}
	if (o->account != NULL && pn_account_find(b, o->account, &account, err) < 0) {
		fail(_("there is no account %s"), o->account);
		return 1;
	}
	if (riba_present_range(b, o->from, o->to, account, o->date, &res, err) < 0) {
		fail("%s", err);
		return 1;
	}
	printf(ngettext("Ri.Ba.: %zu receipt, %s, written to %s; it is presented.",
			"Ri.Ba.: %zu receipts, %s, written to %s; they are presented.",
			(unsigned long)res.count),
	       res.count, cents_format_it(res.total, m, sizeof m), res.path);
	printf("\n");
	free(res.path);
	return 0;
}

/* Item (its number) came back unpaid: open again, the fee in the prima
 * nota. */
static int
run_unpaid(struct book *b, const char *item, const struct items_opts *o)
{
	char err[ERR_SIZE], m[32], *end;
	int64_t fee = 0, entry, id = strtoll(item, &end, 10);

	if (*end != '\0' || id <= 0) {
		fail(_("unpaid takes the item's number, not %s"), item);
		return 2;
	}
	if (o->fee != NULL && riba_amount_parse(o->fee, &fee) < 0) {
		fail(_("--fee is an amount, 0 or more (2,50), not %s"), o->fee);
		return 2;
	}
	if (riba_unpaid(b, id, fee, o->date, &entry, err) < 0) {
		fail("%s", err);
		return 1;
	}
	if (entry != 0)
		printf(_("Item %" PRId64 " is open again; the bank's fee of %s is prima nota "
			 "entry %" PRId64 "."),
		       id, cents_format_it(fee, m, sizeof m), entry);
	else
		printf(_("Item %" PRId64 " is open again (no fee written)."), id);
	printf("\n");
	return 0;
}

int
cmd_items(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' }, { "party", required_argument, NULL, 'p' },
		{ "side", required_argument, NULL, 's' }, { "state", required_argument, NULL, 't' },
		{ "as-of", required_argument, NULL, 'a' }, { "pdf", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },	  { "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },	  { "account", required_argument, NULL, 'A' },
		{ "date", required_argument, NULL, 'd' }, { "fee", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 },
	};
	struct items_opts o = { 0 };
	struct book *b;
	const char *sub;
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'b': o.book = optarg; break;
		case 'p': o.party = optarg; break;
		case 's': o.side = optarg; break;
		case 't': o.state = optarg; break;
		case 'a': o.as_of = optarg; break;
		case 'o': o.pdf = optarg; break;
		case 'f': o.force = 1; break;
		case 'F': o.from = optarg; break;
		case 'T': o.to = optarg; break;
		case 'A': o.account = optarg; break;
		case 'd': o.date = optarg; break;
		case 'e': o.fee = optarg; break;
		case ':':
			fail(_("%s needs a value"), argv[optind - 1]);
			return 2;
		default:
			fail(_("unknown option %s"), argv[optind - 1]);
			usage();
			return 2;
		}
	}
	sub = optind < argc ? argv[optind] : "";
	if (optind != argc - (strcmp(sub, "unpaid") == 0 ? 2 : 1) || o.book == NULL) {
		usage();
		return 2;
	}
	if (strcmp(sub, "list") != 0 && strcmp(sub, "statement") != 0 && strcmp(sub, "riba") != 0 &&
	    strcmp(sub, "unpaid") != 0) {
		fail(_("unknown subcommand %s"), sub);
		usage();
		return 2;
	}
	if (o.side != NULL && strcmp(o.side, "R") != 0 && strcmp(o.side, "P") != 0) {
		fail(_("--side is R (receivables) or P (payables), not %s"), o.side);
		return 2;
	}
	if ((o.pdf != NULL || o.force) && strcmp(sub, "statement") != 0) {
		fail("%s", _("--pdf and --force go with statement"));
		return 2;
	}
	if ((o.from != NULL || o.to != NULL || o.account != NULL) && strcmp(sub, "riba") != 0) {
		fail("%s", _("--from, --to and --account go with riba"));
		return 2;
	}
	if (o.fee != NULL && strcmp(sub, "unpaid") != 0) {
		fail("%s", _("--fee goes with unpaid"));
		return 2;
	}
	if (o.date != NULL && strcmp(sub, "riba") != 0 && strcmp(sub, "unpaid") != 0) {
		fail("%s", _("--date goes with riba and unpaid"));
		return 2;
	}
	if (o.as_of != NULL && (check_iso_date(o.as_of, NULL) < 0 || items_set_as_of(o.as_of) < 0)) {
		fail(_("--as-of is a date, YYYY-MM-DD, not %s"), o.as_of);
		return 2;
	}
	if ((rc = cli_open_book("items", o.book, &b)) != 0)
		return rc;
	if (strcmp(sub, "list") == 0)
		rc = run_list(b, &o);
	else if (strcmp(sub, "statement") == 0)
		rc = run_statement(b, &o);
	else if (strcmp(sub, "riba") == 0)
		rc = run_riba(b, &o);
	else
		rc = run_unpaid(b, argv[optind + 1], &o);
	book_close(b);
	return rc;
}
