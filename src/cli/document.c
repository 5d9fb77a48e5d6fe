/* `scrivano document SUBCOMMAND ... --book BOOK`: the documents of a book
 * from the command line (list, show, issue, convert, credit-note,
 * integrate, state;
 * pdf and print are document-out.c's),
 * one table of subcommands on the same book functions as the forms; the
 * figures computed with the fiscal core through the bridge (doc-kind.c's
 * doc_compute_rows, what the form saves a draft with). */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/book.h"
#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/parties.h"
#include "book/record.h"
#include "bridge/doc-kind.h"
#include "cli/document-cli.h"
#include "cli/cli.h"
#include "commands.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

struct doc_opts {
	const char *book, *kind, *party, *from, *to, *state, *date, *lines, *type, *rate;
	char **args; /* the words after the subcommand */
	int nargs;
};

struct doc_sub {
	const char *name;
	const char *usage; /* after "scrivano document " */
	const char *opts;  /* the option letters it takes, besides --book */
	int nargs;         /* the words it takes; -1: one or more */
	int (*run)(struct book *b, const struct doc_opts *o);
};

static void __attribute__((format(printf, 1, 2)))
doc_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vfail("document", fmt, ap);
	va_end(ap);
}

static const char *
money(const char *cents, char out[DEC_BUF])
{
	return cents_format_it(strtoll(cents, NULL, 10), out, DEC_BUF);
}

static int
doc_id(const char *v, int64_t *id)
{
	if (v[0] < '1' || v[0] > '9' || strspn(v, "0123456789") != strlen(v) || strlen(v) > 18) {
		doc_fail(_("'%s' is not a document's number (see scrivano document list)"), v);
		return -1;
	}
	*id = strtoll(v, NULL, 10);
	return 0;
}

static int
doc_load(struct book *b, const char *v, struct record **d)
{
	char err[ERR_SIZE];
	int64_t id;
	int rc;

	if (doc_id(v, &id) < 0)
		return -1;
	if ((rc = record_load(b, &documents_kind, id, d, err)) < 0) {
		if (rc == REC_GONE)
			doc_fail(_("there is no document number %" PRId64), id);
		else
			doc_fail("%s", err);
		return -1;
	}
	return 0;
}

static const char *
state_word(const char *s)
{
	switch (s[0]) {
	case 'D': return _("draft");
	case 'I': return _("issued");
	case 'S': return _("sent");
	case 'P': return _("paid");
	}
	return s;
}

/* "draft", "issued", "sent", "paid" or their letters, as the book keeps
 * them; NULL when none of them. */
static const char *
state_code(const char *v)
{
	static const char *const words[][2] = {
		{ "draft", "D" }, { "issued", "I" }, { "sent", "S" }, { "paid", "P" },
	};

	for (size_t i = 0; i < ARRAY_LEN(words); i++)
		if (strcmp(v, words[i][0]) == 0 || strcmp(v, words[i][1]) == 0)
			return words[i][1];
	return NULL;
}

static char *
party_name(struct book *b, const char *id)
{
	char err[ERR_SIZE], *name = NULL;

	if (record_key_text(b, &parties_kind, strtoll(id, NULL, 10), &name, err) < 0)
		return xstrdup(id);
	return name;
}

/* ---- list ---- */

static int
by_date(const void *a, const void *b)
{
	const struct record *x = *(struct record *const *)a, *y = *(struct record *const *)b;
	int c = strcmp(record_get(x, DOC_DATE), record_get(y, DOC_DATE));

	return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

/* The filters o asks for, checked: how many, or -1 after a message. */
static int
list_filters(const struct doc_opts *o, struct browse_filter *f)
{
	char err[ERR_SIZE];
	size_t n = 0;
	int64_t id;

	if (o->kind != NULL) {
		if (doc_kind_find(o->kind) == NULL) {
			doc_fail(_("--kind %s: not a kind of document (PRE, ORD, DDT, FAT, FTD, ACC, "
				   "NC, ND, PAR, OF, FA)"),
				 o->kind);
			return -1;
		}
		f[n++] = (struct browse_filter){ DOC_KIND, BF_EQ, o->kind, NULL };
	}
	if (o->party != NULL) {
		if (doc_id(o->party, &id) < 0)
			return -1;
		f[n++] = (struct browse_filter){ DOC_PARTY, BF_EQ, o->party, NULL };
	}
	if (o->state != NULL) {
		if (state_code(o->state) == NULL) {
			doc_fail(_("--state %s: draft, issued, sent or paid"), o->state);
			return -1;
		}
		f[n++] = (struct browse_filter){ DOC_STATE, BF_EQ, state_code(o->state), NULL };
	}
	if (o->from != NULL) {
		if (check_iso_date(o->from, err) < 0) {
			doc_fail("--from %s: %s", o->from, err);
			return -1;
		}
		f[n++] = (struct browse_filter){ DOC_DATE, BF_GE, o->from, NULL };
	}
	if (o->to != NULL) {
		if (check_iso_date(o->to, err) < 0) {
			doc_fail("--to %s: %s", o->to, err);
			return -1;
		}
		f[n++] = (struct browse_filter){ DOC_DATE, BF_LE, o->to, NULL };
	}
	return (int)n;
}

/* The documents the filters let through, by date; credit notes count
 * less in the totals under them. */
static int
run_list(struct book *b, const struct doc_opts *o)
{
	struct browse_filter f[5];
	int nf = list_filters(o, f);
	struct browse_order ord = { .field = DOC_NUMBER, .filters = f };
	struct record **all = NULL, *page[100];
	size_t n = 0, got;
	char err[ERR_SIZE], key[256] = "", m1[DEC_BUF], m2[DEC_BUF], m3[DEC_BUF];
	int64_t last = 0, taxable = 0, tax = 0, total = 0;
	int first = 1;

	if (nf < 0)
		return 1;
	ord.nfilters = (size_t)nf;
	do {
		if (record_browse_by(b, &documents_kind, &ord, BROWSE_AFTER, first ? NULL : key, last,
				     ARRAY_LEN(page), page, &got, err) < 0) {
			doc_fail("%s", err);
			return 1;
		}
		all = xreallocarray(all, n + got + 1, sizeof *all);
		for (size_t i = 0; i < got; i++) {
			all[n++] = page[i];
			str_copy(key, record_get(page[i], DOC_NUMBER), sizeof key);
			last = page[i]->id;
		}
		first = 0;
	} while (got == ARRAY_LEN(page));
	qsort(all, n, sizeof *all, by_date);
	printf("%6s  %-4s %-14s %-10s %-7s %-24s %12s %12s %12s\n", _("Doc."), _("Kind"),
	       _("Number"), _("Date"), _("State"), _("Customer or supplier"), _("Taxable"),
	       _("VAT"), _("Total"));
	for (size_t i = 0; i < n; i++) {
		struct record *r = all[i];
		int sign = strcmp(record_get(r, DOC_TYPE), "TD04") == 0 ? -1 : 1;
		char *name = party_name(b, record_get(r, DOC_PARTY));

		char cell[24 * 4 + 1];

		printf("%6" PRId64 "  %-4s %-14s %-10s %-7s %s %12s %12s %12s\n", r->id,
		       record_get(r, DOC_KIND), record_get(r, DOC_NUMBER), record_get(r, DOC_DATE),
		       state_word(record_get(r, DOC_STATE)), utf8_cell(cell, sizeof cell, name, 24),
		       money(record_get(r, DOC_TAXABLE), m1), money(record_get(r, DOC_TAX), m2),
		       money(record_get(r, DOC_TOTAL), m3));
		taxable += sign * strtoll(record_get(r, DOC_TAXABLE), NULL, 10);
		tax += sign * strtoll(record_get(r, DOC_TAX), NULL, 10);
		total += sign * strtoll(record_get(r, DOC_TOTAL), NULL, 10);
		free(name);
		record_free(r);
	}
	free(all);
	printf(_("%zu documents: taxable %s, VAT %s, total %s (credit notes less)\n"), n,
	       cents_format_it(taxable, m1, sizeof m1), cents_format_it(tax, m2, sizeof m2),
	       cents_format_it(total, m3, sizeof m3));
	return 0;
}

/* ---- show ---- */

/* A rate in hundredths of a percent as "22%" or "5.5%". */
static const char *
rate_text(const char *hundredths, char out[64])
{
	int r = atoi(hundredths);

	if (r % 100 == 0)
		snprintf(out, 64, "%d%%", r / 100);
	else if (r % 10 == 0)
		snprintf(out, 64, "%d.%d%%", r / 100, r % 100 / 10);
	else
		snprintf(out, 64, "%d.%02d%%", r / 100, r % 100);
	return out;
}

static void
show_line(size_t i, const struct record *l)
{
	const char *nat = record_get(l, LINE_NATURA), *type = record_get(l, LINE_TYPE);
	char rate[64];

	printf("  %zu. ", i + 1);
	if (record_get(l, LINE_CODE)[0] != '\0')
		printf("[%s] ", record_get(l, LINE_CODE));
	printf("%s", record_get(l, LINE_DESCRIPTION));
	if (strcmp(type, "T") == 0) {
		printf("\n");
		return;
	}
	if (record_get(l, LINE_QTY)[0] != '\0')
		printf(_("; %s %s at %s"), record_get(l, LINE_QTY), record_get(l, LINE_UNIT),
		       record_get(l, LINE_PRICE));
	else
		printf(_("; at %s"), record_get(l, LINE_PRICE));
	if (record_get(l, LINE_DISCOUNTS)[0] != '\0')
		printf(_(", discounts %s"), record_get(l, LINE_DISCOUNTS));
	printf(_("; total %s"), record_get(l, LINE_TOTAL));
	printf(_("; VAT %s"), nat[0] ? nat : rate_text(record_get(l, LINE_VAT_RATE), rate));
	if (record_get(l, LINE_ARTICLE)[0] != '\0')
		printf(_("; article %s"), record_get(l, LINE_ARTICLE));
	printf("\n");
}

static void
show_links(struct book *b, int64_t id)
{
	struct doc_link *l = NULL;
	char err[ERR_SIZE];
	size_t n = 0;

	if (document_links(b, id, &l, &n, err) < 0) {
		doc_fail("%s", err);
		return;
	}
	for (size_t i = 0; i < n; i++)
		printf(l[i].source ? _("From %s %s of %s (document %" PRId64 ", %s)\n")
				   : _("Made into %s %s of %s (document %" PRId64 ", %s)\n"),
		       l[i].kind, l[i].number[0] ? l[i].number : _("draft"), l[i].date, l[i].id,
		       state_word(l[i].state));
	free(l);
}

static int
run_show(struct book *b, const struct doc_opts *o)
{
	const struct record_rows *vat;
	const struct doc_kind *k;
	struct record *d = NULL;
	char m1[DEC_BUF], m2[DEC_BUF], m3[DEC_BUF], m4[DEC_BUF], name[64], *party;

	if (doc_load(b, o->args[0], &d) < 0)
		return 1;
	k = doc_kind_find(record_get(d, DOC_KIND));
	party = party_name(b, record_get(d, DOC_PARTY));
	printf(_("%s %s (document %" PRId64 "), %s\n"), k ? _(k->label) : "",
	       document_name(d, name, sizeof name), d->id, state_word(record_get(d, DOC_STATE)));
	printf(_("Date %s; %s %s, %s\n"), record_get(d, DOC_DATE),
	       record_get(d, DOC_DIRECTION)[0] == 'S' ? _("customer") : _("supplier"),
	       record_get(d, DOC_PARTY), party);
	free(party);
	if (record_get(d, DOC_PAY_TERMS)[0] || record_get(d, DOC_PAY_METHOD)[0])
		printf(_("Payment %s %s %s\n"), record_get(d, DOC_PAY_TERMS),
		       record_get(d, DOC_PAY_METHOD), record_get(d, DOC_IBAN));
	printf("%s\n", _("Lines:"));
	for (size_t i = 0; i < d->rows[DOC_LINES].n; i++)
		show_line(i, d->rows[DOC_LINES].row[i]);
	vat = &d->rows[DOC_VAT];
	for (size_t i = 0; i < vat->n; i++) {
		const char *nat = record_get(vat->row[i], VAT_NATURA);
		printf(_("VAT %s: taxable %s, VAT %s\n"),
		       nat[0] ? nat : rate_text(record_get(vat->row[i], VAT_RATE), name),
		       money(record_get(vat->row[i], VAT_TAXABLE), m1),
		       money(record_get(vat->row[i], VAT_TAX), m2));
	}
	printf(_("Taxable %s, VAT %s, total %s, payable %s\n"), money(record_get(d, DOC_TAXABLE), m1),
	       money(record_get(d, DOC_TAX), m2), money(record_get(d, DOC_TOTAL), m3),
	       money(record_get(d, DOC_PAYABLE), m4));
	show_links(b, d->id);
	record_free(d);
	return 0;
}

/* ---- issue, convert, credit-note, state ---- */

static void
warnings(const char *warn)
{
	const char *p = warn;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");
		fprintf(stderr, _("scrivano document: warning: %.*s\n"), (int)n, p);
		p += n + (p[n] == '\n');
	}
}

static int
run_issue(struct book *b, const struct doc_opts *o)
{
	char err[ERR_SIZE], warn[DOC_WARN_SIZE], name[64], m[DEC_BUF];
	struct record *d = NULL;
	int64_t id;

	if (doc_id(o->args[0], &id) < 0)
		return 1;
	if (document_issue(b, id, doc_compute_rows, warn, err) < 0) {
		doc_fail("%s", err);
		return 1;
	}
	warnings(warn);
	if (record_load(b, &documents_kind, id, &d, err) == 0)
		printf(_("%s issued (document %" PRId64 "): total %s\n"),
		       document_name(d, name, sizeof name), id, money(record_get(d, DOC_TOTAL), m));
	record_free(d);
	return 0;
}

static int
convert(struct book *b, const struct doc_convert *c)
{
	char err[ERR_SIZE], name[64];
	struct record *d = NULL;
	int64_t id;

	if (c->date != NULL && check_iso_date(c->date, err) < 0) {
		doc_fail("--date %s: %s", c->date, err);
		return 1;
	}
	if (document_convert(b, c, &id, err) < 0) {
		doc_fail("%s", err);
		return 1;
	}
	if (record_load(b, &documents_kind, id, &d, err) == 0)
		printf(_("document %" PRId64 ": %s, %zu lines\n"), id,
		       document_name(d, name, sizeof name), d->rows[DOC_LINES].n);
	record_free(d);
	return 0;
}

static int
run_convert(struct book *b, const struct doc_opts *o)
{
	int64_t *from = xcalloc((size_t)o->nargs, sizeof *from);
	struct doc_convert c = { from, (size_t)o->nargs, o->kind, NULL, 0, o->date,
				 doc_compute_rows };
	int rc = 0;

	for (int i = 0; i < o->nargs && rc == 0; i++)
		rc = doc_id(o->args[i], &from[i]);
	rc = rc < 0 ? 1 : convert(b, &c);
	free(from);
	return rc;
}

/* --lines 1,3: the positions of the invoice's lines, as show numbers them. */
static int
line_ids(const struct record *d, const char *list, int64_t **ids, size_t *n)
{
	const struct record_rows *rows = &d->rows[DOC_LINES];
	const char *p = list;

	*ids = NULL;
	*n = 0;
	while (*p != '\0') {
		size_t len = strspn(p, "0123456789");
		long pos = len > 0 && len < 6 ? strtol(p, NULL, 10) : 0;

		if (pos < 1 || (size_t)pos > rows->n || (p[len] != ',' && p[len] != '\0')) {
			doc_fail(_("--lines %s: the lines' numbers, 1 to %zu, separated by commas"),
				 list, rows->n);
			free(*ids);
			*ids = NULL;
			return -1;
		}
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = rows->row[pos - 1]->id;
		p += len + (p[len] == ',');
	}
	return 0;
}

static int
run_credit(struct book *b, const struct doc_opts *o)
{
	struct record *d = NULL;
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if (doc_load(b, o->args[0], &d) < 0)
		return 1;
	if (o->lines != NULL && line_ids(d, o->lines, &ids, &n) < 0) {
		record_free(d);
		return 1;
	}
	{
		struct doc_convert c = { &d->id, 1, "NC", ids, n, o->date, doc_compute_rows };
		rc = convert(b, &c);
	}
	free(ids);
	record_free(d);
	return rc;
}

/* The self-invoice of a purchase under reverse charge: its type chosen
 * from the purchase unless --type says, its lines at --rate (22 when not
 * given) where no article gives a rate of its own. */
static int
run_integrate(struct book *b, const struct doc_opts *o)
{
	struct doc_integrate c = { 0, o->type, DOC_SELF_RATE, o->date, doc_compute_rows };
	char err[ERR_SIZE], name[64], m1[DEC_BUF], m2[DEC_BUF];
	struct record *d = NULL;
	int64_t id;

	if (doc_id(o->args[0], &c.purchase) < 0)
		return 1;
	if (o->rate != NULL && document_self_rate_parse(o->rate, &c.rate, err) < 0) {
		doc_fail("--rate %s", err);
		return 1;
	}
	if (o->date != NULL && check_iso_date(o->date, err) < 0) {
		doc_fail("--date %s: %s", o->date, err);
		return 1;
	}
	if (document_integrate(b, &c, &id, err) < 0) {
		doc_fail("%s", err);
		return 1;
	}
	if (record_load(b, &documents_kind, id, &d, err) == 0)
		printf(_("document %" PRId64 ": %s, %s, %zu lines, VAT %s, total %s\n"), id,
		       document_name(d, name, sizeof name), record_get(d, DOC_TYPE),
		       d->rows[DOC_LINES].n, money(record_get(d, DOC_TAX), m1),
		       money(record_get(d, DOC_TOTAL), m2));
	record_free(d);
	return 0;
}

static int
run_state(struct book *b, const struct doc_opts *o)
{
	const char *s = state_code(o->args[1]);
	char err[ERR_SIZE];
	int64_t id;

	if (doc_id(o->args[0], &id) < 0)
		return 1;
	if (s == NULL || (s[0] != 'S' && s[0] != 'P')) {
		doc_fail(_("state %s: a document moves on to sent or paid"), o->args[1]);
		return 1;
	}
	if (document_set_state(b, id, s, err) < 0) {
		doc_fail("%s", err);
		return 1;
	}
	printf(_("document %" PRId64 " is %s\n"), id, state_word(s));
	return 0;
}

/* The table. The document out (pdf, print) is document-out.c's: its
 * entries go here. */
static const struct doc_sub subs[] = {
	{ "list",
	  N_("list [--kind KIND] [--party ID] [--from DATE] [--to DATE] [--state STATE] --book BOOK"),
	  "kpfts", 0, run_list },
	{ "show", N_("show ID --book BOOK"), "", 1, run_show },
	{ "issue", N_("issue ID --book BOOK"), "", 1, run_issue },
	{ "convert", N_("convert ID... --to KIND [--date DATE] --book BOOK"), "Kd", -1, run_convert },
	{ "credit-note", N_("credit-note ID [--lines N,N...] [--date DATE] --book BOOK"), "ld", 1,
	  run_credit },
	{ "integrate", N_("integrate ID [--type TYPE] [--rate PCT] [--date DATE] --book BOOK"), "yrd",
	  1, run_integrate },
	{ "state", N_("state ID sent|paid --book BOOK"), "", 2, run_state },
};

/* The document out (document-out.c): each parses its own options. */
static const struct {
	const char *name;
	const char *usage;
	int (*run)(int argc, char **argv);
} out_subs[] = {
	{ "pdf", DOCUMENT_CLI_PDF_USAGE, document_cli_pdf },
	{ "print", DOCUMENT_CLI_PRINT_USAGE, document_cli_print },
};

static const struct doc_sub *
sub_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(subs); i++)
		if (strcmp(subs[i].name, name) == 0)
			return &subs[i];
	return NULL;
}

static void
usage_all(void)
{
	fprintf(stderr, "%s", _("usage:\n"));
	for (size_t i = 0; i < ARRAY_LEN(subs); i++)
		fprintf(stderr, "  scrivano document %s\n", _(subs[i].usage));
	for (size_t i = 0; i < ARRAY_LEN(out_subs); i++)
		fprintf(stderr, "  scrivano document %s\n", _(out_subs[i].usage));
}

/* Fills o from argv (argv[0] the subcommand): 0, or -1 after a message.
 * --to is the end of a list's period, and convert's kind ('K'). */
static int
parse_args(const struct doc_sub *s, int argc, char **argv, struct doc_opts *o)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ "kind", required_argument, NULL, 'k' },
		{ "party", required_argument, NULL, 'p' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "state", required_argument, NULL, 's' },
		{ "date", required_argument, NULL, 'd' },
		{ "lines", required_argument, NULL, 'l' },
		{ "type", required_argument, NULL, 'y' },
		{ "rate", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 't' && strchr(s->opts, 'K') != NULL)
			c = 'K';
		if (c != 'b' && (c == '?' || c == ':' || strchr(s->opts, c) == NULL)) {
			doc_fail(_("%s: unknown option or missing value: '%s'"), s->name,
				 argv[optind - 1]);
			return -1;
		}
		switch (c) {
		case 'b': o->book = optarg; break;
		case 'k': o->kind = optarg; break;
		case 'K': o->kind = optarg; break;
		case 'p': o->party = optarg; break;
		case 'f': o->from = optarg; break;
		case 't': o->to = optarg; break;
		case 's': o->state = optarg; break;
		case 'd': o->date = optarg; break;
		case 'l': o->lines = optarg; break;
		case 'y': o->type = optarg; break;
		case 'r': o->rate = optarg; break;
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	if (o->book == NULL)
		doc_fail("%s", _("--book BOOK is needed"));
	else if (strchr(s->opts, 'K') != NULL && o->kind == NULL)
		doc_fail(_("%s: --to KIND is needed"), s->name);
	else if (s->nargs >= 0 ? o->nargs != s->nargs : o->nargs < 1)
		doc_fail(_("%s takes %d word(s) after it: %s"), s->name, s->nargs < 0 ? 1 : s->nargs,
			 _(s->usage));
	else
		return 0;
	return -1;
}

int
cmd_document(int argc, char **argv)
{
	const struct doc_sub *s = argc >= 2 ? sub_find(argv[1]) : NULL;
	struct doc_opts o = { 0 };
	struct book *b = NULL;
	int status;

	for (size_t i = 0; s == NULL && argc >= 2 && i < ARRAY_LEN(out_subs); i++)
		if (strcmp(out_subs[i].name, argv[1]) == 0)
			return out_subs[i].run(argc - 1, argv + 1);
	if (s == NULL) {
		if (argc >= 2)
			doc_fail(_("unknown subcommand '%s'"), argv[1]);
		usage_all();
		return 2;
	}
	if (parse_args(s, argc - 1, argv + 1, &o) < 0) {
		fprintf(stderr, _("usage: scrivano document %s\n"), _(s->usage));
		return 2;
	}
	if ((status = cli_open_book("document", o.book, &b)) != 0)
		return status;
	status = s->run(b, &o);
	book_close(b);
	return status;
}
