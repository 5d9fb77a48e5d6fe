/* `scrivano vat SUBCOMMAND ... --book BOOK`: the VAT registers of a
 * period (as text or PDF), its settlement with the quadro VP (kept, and
 * its F24 draft made, on request), the December acconto, the bollo of the
 * electronic invoices and the ritenute withheld, each with its F24 draft on
 * request: the same bridge functions as the settlements' screen. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "bridge/vat.h"
#include "cli/cli.h"
#include "commands.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

struct vat_opts {
	const char *book, *period, *pdf, *credit, *year;
	int save, f24, force;
	char **args;
	int nargs;
};

struct vat_sub {
	const char *name;
	const char *usage; /* after "scrivano vat " */
	const char *opts;  /* the option letters it takes, besides --book */
	int nargs;
	int (*run)(struct book *b, const struct vat_opts *o);
};

static void __attribute__((format(printf, 1, 2)))
vat_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vfail("vat", fmt, ap);
	va_end(ap);
}

static int
period_arg(const struct vat_opts *o, struct vat_period *p)
{
	char err[ERR_SIZE];

	if (o->period == NULL) {
		vat_fail("%s", _("--period PERIOD is needed (2026-03, 2026Q1)"));
		return -1;
	}
	if (vat_period_parse(o->period, p, err) < 0) {
		vat_fail("--period %s", err);
		return -1;
	}
	return 0;
}

/* ---- register ---- */

static int
run_register(struct book *b, const struct vat_opts *o)
{
	struct vat_period p;
	char err[ERR_SIZE], **lines = NULL, side;
	size_t n;

	if (strcmp(o->args[0], "sales") == 0)
		side = VAT_SALES;
	else if (strcmp(o->args[0], "purchases") == 0)
		side = VAT_PURCHASES;
	else {
		vat_fail(_("register %s: sales or purchases"), o->args[0]);
		return 2;
	}
	if (period_arg(o, &p) < 0)
		return 2;
	if (o->pdf != NULL) {
		if (vat_register_pdf(b, side, &p, o->pdf, o->force, err) < 0) {
			vat_fail("%s", err);
			return 1;
		}
		printf(_("Written to %s\n"), o->pdf);
		return 0;
	}
	if ((n = vat_register_text(b, side, &p, &lines, err)) == (size_t)-1) {
		vat_fail("%s", err);
		return 1;
	}
	cli_print_lines(lines, n);
	return 0;
}

/* ---- settle ---- */

static int
run_settle(struct book *b, const struct vat_opts *o)
{
	struct vat_period p;
	struct vat_result r;
	char err[ERR_SIZE], **lines = NULL;
	int64_t credit = -1, id = 0, f24 = 0;

	if (period_arg(o, &p) < 0)
		return 2;
	if (o->credit != NULL && (cents_parse(o->credit, &credit, err) < 0 || credit < 0)) {
		vat_fail(_("--credit %s: an amount in euro, not negative (250.00)"), o->credit);
		return 2;
	}
	/* kept and its draft made in one transaction: a refused draft keeps
	 * nothing */
	if ((o->save || o->f24) && book_begin(b, err) < 0) {
		vat_fail("%s", err);
		return 1;
	}
	if ((o->save || o->f24) && (vat_settlement_save(b, &p, credit, &id, err) < 0 ||
				    (o->f24 && vat_settlement_f24(b, id, &f24, err) < 0))) {
		book_rollback(b);
		vat_fail("%s", err);
		return 1;
	}
	if ((o->save || o->f24) && book_commit(b, err) < 0) {
		vat_fail("%s", err);
		return 1;
	}
	if (vat_compute(b, &p, credit, &r, err) < 0) {
		vat_fail("%s", err);
		return 1;
	}
	size_t nlines = vat_result_text(&r, &lines);

	cli_print_lines(lines, nlines);
	if (o->save || o->f24)
		printf(_("Kept as settlement %" PRId64 ".\n"), id);
	if (o->f24)
		printf(_("F24 draft %" PRId64 ": code %s, year %d, %s, due %s.\n"), f24, r.s.code,
		       p.year, cents_format_it(r.s.to_pay, err, sizeof err), r.due);
	return 0;
}

/* ---- acconto, bollo, ritenute ---- */

static int
tax_out(int rc, const struct vat_tax *t, const char *what, const char *err)
{
	char m[DEC_BUF];

	if (rc == REC_INVALID) {
		printf("%s\n", err);
		return 0;
	}
	if (rc < 0) {
		vat_fail("%s", err);
		return 1;
	}
	printf(_("%s: code %s, year %d, %s, due %s.\n"), what, t->code, t->year,
	       cents_format_it(t->amount, m, sizeof m), t->due);
	if (t->f24 != 0)
		printf(_("F24 draft %" PRId64 ".\n"), t->f24);
	return 0;
}

static int
run_acconto(struct book *b, const struct vat_opts *o)
{
	struct vat_tax t;
	char err[ERR_SIZE];
	int year;

	if (o->year == NULL || strlen(o->year) != 4 || strspn(o->year, "0123456789") != 4 ||
	    o->year[0] == '0') {
		vat_fail(_("--year YEAR is needed, as 2026"));
		return 2;
	}
	year = atoi(o->year);
	return tax_out(vat_acconto(b, year, o->f24, &t, err), &t, _("VAT acconto"), err);
}

static int
run_bollo(struct book *b, const struct vat_opts *o)
{
	struct vat_period p;
	struct vat_tax t;
	char err[ERR_SIZE];

	if (period_arg(o, &p) < 0)
		return 2;
	return tax_out(vat_bollo(b, &p, o->f24, &t, err), &t, _("Bollo"), err);
}

static int
run_ritenute(struct book *b, const struct vat_opts *o)
{
	struct vat_period p;
	struct vat_tax t;
	char err[ERR_SIZE];

	if (period_arg(o, &p) < 0)
		return 2;
	return tax_out(vat_ritenute(b, &p, o->f24, &t, err), &t, _("Ritenute"), err);
}

static const struct vat_sub subs[] = {
	{ "register", N_("register sales|purchases --period PERIOD [--pdf FILE [--force]] --book BOOK"),
	  "pPF", 1, run_register },
	{ "settle", N_("settle --period PERIOD [--credit AMOUNT] [--save] [--f24] --book BOOK"),
	  "pcsf", 0, run_settle },
	{ "acconto", N_("acconto --year YEAR [--f24] --book BOOK"), "yf", 0, run_acconto },
	{ "bollo", N_("bollo --period QUARTER [--f24] --book BOOK"), "pf", 0, run_bollo },
	{ "ritenute", N_("ritenute --period MONTH [--f24] --book BOOK"), "pf", 0, run_ritenute },
};

static void
usage_all(void)
{
	fprintf(stderr, "%s", _("usage:\n"));
	for (size_t i = 0; i < ARRAY_LEN(subs); i++)
		fprintf(stderr, "  scrivano vat %s\n", _(subs[i].usage));
}

static int
parse_args(const struct vat_sub *s, int argc, char **argv, struct vat_opts *o)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ "period", required_argument, NULL, 'p' },
		{ "pdf", required_argument, NULL, 'P' },
		{ "force", no_argument, NULL, 'F' },
		{ "credit", required_argument, NULL, 'c' },
		{ "save", no_argument, NULL, 's' },
		{ "f24", no_argument, NULL, 'f' },
		{ "year", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	int c, started = 0;

	while ((c = cli_next_option("vat", s->name, s->opts, opts, argc, argv, &started)) > 0)
		switch (c) {
		case 'b': o->book = optarg; break;
		case 'p': o->period = optarg; break;
		case 'P': o->pdf = optarg; break;
		case 'F': o->force = 1; break;
		case 'c': o->credit = optarg; break;
		case 's': o->save = 1; break;
		case 'f': o->f24 = 1; break;
		case 'y': o->year = optarg; break;
		}
	if (c < 0)
		return -1;
	o->args = argv + optind;
	o->nargs = argc - optind;
	if (o->book == NULL)
		vat_fail("%s", _("--book BOOK is needed"));
	else if (o->nargs != s->nargs)
		vat_fail(_("%s takes %d word(s) after it: %s"), s->name, s->nargs, _(s->usage));
	else
		return 0;
	return -1;
}

int
cmd_vat(int argc, char **argv)
{
	const struct vat_sub *s = NULL;
	struct vat_opts o = { 0 };
	struct book *b = NULL;
	int status;

	for (size_t i = 0; argc >= 2 && i < ARRAY_LEN(subs); i++)
		if (strcmp(subs[i].name, argv[1]) == 0)
			s = &subs[i];
	if (s == NULL) {
		if (argc >= 2)
			vat_fail(_("unknown subcommand '%s'"), argv[1]);
		usage_all();
		return 2;
	}
	if (parse_args(s, argc - 1, argv + 1, &o) < 0) {
		fprintf(stderr, _("usage: scrivano vat %s\n"), _(s->usage));
		return 2;
	}
	if ((status = cli_open_book("vat", o.book, &b)) != 0)
		return status;
	status = s->run(b, &o);
	book_close(b);
	return status;
}
