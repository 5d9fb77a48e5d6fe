/* `scrivano f24 SUBCOMMAND ... --book BOOK`: the F24s of a book from the
 * command line (list, show, pay, receipt, receipt-export, cancel), one
 * table of subcommands, each on the same book functions as the forms. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "book/book.h"
#include "book/f24.h"
#include "book/primanota.h"
#include "book/record.h"
#include "cli/f24-cli.h"
#include "cli/cli.h"
#include "commands.h"
#include "util/decimal.h"
#include "util/i18n.h"
#include "util/util.h"

struct f24_sub {
	const char *name;
	const char *usage; /* after "scrivano f24 " */
	const char *opts;  /* the option letters it takes, besides --book */
	int nargs;         /* the words it takes */
	int (*run)(struct book *b, const struct f24_opts *o);
};

static const struct f24_sub *sub_find(const char *name);
static void usage_all(void);

void
fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vfail("f24", fmt, ap);
	va_end(ap);
}

/* Cents as 1.234,56 (the way the forms show money). */
static const char *
money(int64_t c, char out[32])
{
	return cents_format_it(c, out, 32);
}

int
parse_id(const char *v, int64_t *id)
{
	char *end;

	if (v[0] < '1' || v[0] > '9' || strspn(v, "0123456789") != strlen(v) || strlen(v) > 18) {
		fail(_("'%s' is not an F24's number (see scrivano f24 list)"), v);
		return -1;
	}
	*id = strtoll(v, &end, 10);
	return 0;
}

int
load_f24(struct book *b, const char *v, struct record **f)
{
	char err[ERR_SIZE];
	int64_t id;
	int rc;

	if (parse_id(v, &id) < 0)
		return -1;
	if ((rc = record_load(b, &f24_kind, id, f, err)) < 0) {
		if (rc == REC_GONE)
			fail(_("there is no F24 number %" PRId64), id);
		else
			fail("%s", err);
		return -1;
	}
	return 0;
}

static const char *
state_name(const char *s)
{
	return strcmp(s, "D") == 0 ? _("draft") : strcmp(s, "T") == 0 ? _("to pay") : _("paid");
}

/* ---- list ---- */

static int
run_list(struct book *b, const struct f24_opts *o)
{
	struct browse_filter due = { .field = F24_STATE, .op = BF_EQ, .value = "T" };
	struct browse_order ord = { .field = o->due ? F24_DUE_DATE : F24_DESCRIPTION,
				    .filters = o->due ? &due : NULL, .nfilters = o->due ? 1 : 0 };
	struct record *rows[100];
	char err[ERR_SIZE], key[256] = "", m[32];
	int64_t last = 0;
	size_t got;
	int first = 1;

	printf("%6s  %-7s  %-10s  %-10s  %14s  %s\n", _("Number"), _("State"), _("Due"), _("Paid"),
	       _("Saldo finale"), _("Description"));
	do {
		if (record_browse_by(b, &f24_kind, &ord, BROWSE_AFTER, first ? NULL : key, last,
				     ARRAY_LEN(rows), rows, &got, err) < 0) {
			fail("%s", err);
			return 1;
		}
		for (size_t i = 0; i < got; i++) {
			struct record *r = rows[i];
			printf("%6" PRId64 "  %-7s  %-10s  %-10s  %14s  %s\n", r->id,
			       state_name(record_get(r, F24_STATE)), record_get(r, F24_DUE_DATE),
			       record_get(r, F24_PAID_DATE),
			       money(strtoll(record_get(r, F24_SALDO), NULL, 10), m),
			       record_get(r, F24_DESCRIPTION));
			str_copy(key, record_get(r, ord.field), sizeof key);
			last = r->id;
			record_free(r);
		}
		first = 0;
	} while (got == ARRAY_LEN(rows));
	return 0;
}

/* ---- show ---- */

static const char *const section_names[F24_NSECTIONS] = {
	N_("Erario"), N_("INPS"), N_("Regioni"), N_("IMU e altri tributi locali"), N_("INAIL"),
	N_("Altri enti previdenziali"),
};

static void
show_rows(const struct record *f, const struct f24_totals *t)
{
	char m1[32], m2[32];

	for (size_t s = 0; s < F24_NSECTIONS; s++) {
		const struct record_kind *k = f24_kind.children[s].kind;
		if (f->rows[s].n == 0)
			continue;
		printf("\n%s:\n", _(section_names[s]));
		for (size_t i = 0; i < f->rows[s].n; i++) {
			const struct record *row = f->rows[s].row[i];
			printf("  %zu.", i + 1);
			for (size_t j = 0; j < k->nfields; j++) {
				const char *v = record_get(row, j), *n = k->fields[j].name;
				if (v[0] == '\0')
					continue;
				/* the amounts in cents, the rest as typed */
				if (strcmp(n, "debit") == 0 || strcmp(n, "credit") == 0)
					v = money(strtoll(v, NULL, 10), m1);
				printf(" %s %s;", _(k->fields[j].label), v);
			}
			printf("\n");
		}
		printf(_("  total: debit %s, credit %s\n"), money(t->debit[s], m1),
		       money(t->credit[s], m2));
	}
}

static void
show_payment(struct book *b, const struct record *f)
{
	const char *acct = record_get(f, F24_PAY_ACCOUNT);
	char err[ERR_SIZE], *name = NULL;

	if (acct[0] != '\0' && record_key_text(b, &accounts_kind, strtoll(acct, NULL, 10), &name,
					       err) < 0)
		name = xstrdup(acct);
	printf(_("Paid on %s from %s, bank reference %s, prima nota entry %s\n"),
	       record_get(f, F24_PAID_DATE), name != NULL ? name : "-",
	       record_get(f, F24_PAY_REFERENCE)[0] ? record_get(f, F24_PAY_REFERENCE) : "-",
	       record_get(f, F24_PAY_ENTRY)[0] ? record_get(f, F24_PAY_ENTRY) : "-");
	free(name);
}

static int
show_history(struct book *b, int64_t id)
{
	struct f24_entry *e = NULL;
	struct f24_receipt *x = NULL;
	size_t ne = 0, nx = 0;
	char err[ERR_SIZE], m[32];

	if (f24_entry_list(b, id, &e, &ne, err) < 0 || f24_receipt_list(b, id, &x, &nx, err) < 0) {
		free(e);
		fail("%s", err);
		return -1;
	}
	for (size_t i = 0; i < ne; i++)
		printf(_("Prima nota entry %" PRId64 ": %s, %s\n"), e[i].id, e[i].date,
		       money(e[i].amount, m));
	for (size_t i = 0; i < nx; i++)
		printf(_("Receipt %zu: %s, %" PRId64 " bytes, SHA-256 %s, added %s\n"), i + 1,
		       x[i].name, x[i].size, x[i].sha256, x[i].added);
	free(e);
	free(x);
	return 0;
}

static int
run_show(struct book *b, const struct f24_opts *o)
{
	struct record *f = NULL;
	struct f24_totals t;
	char m1[32], m2[32], m3[32];
	int rc;

	if (load_f24(b, o->args[0], &f) < 0)
		return 1;
	f24_totals(f, &t);
	printf(_("F24 %" PRId64 ": %s\n"), f->id, record_get(f, F24_DESCRIPTION));
	printf(_("Contribuente: %s%s%s, codice fiscale %s\n"), record_get(f, F24_NAME),
	       record_get(f, F24_FIRST_NAME)[0] ? " " : "", record_get(f, F24_FIRST_NAME),
	       record_get(f, F24_CF));
	printf(_("State: %s; due %s\n"), state_name(record_get(f, F24_STATE)),
	       record_get(f, F24_DUE_DATE)[0] ? record_get(f, F24_DUE_DATE) : "-");
	show_rows(f, &t);
	printf(_("\nTotal debit %s, total credit %s\nSaldo finale %s\n"), money(t.debit_total, m1),
	       money(t.credit_total, m2), money(t.saldo_finale, m3));
	if (strcmp(record_get(f, F24_STATE), "P") == 0)
		show_payment(b, f);
	rc = show_history(b, f->id);
	record_free(f);
	return rc < 0 ? 1 : 0;
}

/* ---- pay, receipt, receipt-export, cancel ---- */

static int
run_pay(struct book *b, const struct f24_opts *o)
{
	struct f24_pay p = { .date = o->date, .reference = o->reference, .receipt = o->receipt };
	char err[ERR_SIZE], m[32];
	int64_t id, entry;
	struct record *f = NULL;

	if (parse_id(o->args[0], &id) < 0)
		return 1;
	if (pn_account_find(b, o->account, &p.account_id, err) < 0) {
		fail(_("no account is called \"%s\" (nothing was written)"), o->account);
		return 1;
	}
	if (f24_pay(b, id, &p, &entry, err) < 0) {
		fail("%s", err);
		return 1;
	}
	if (record_load(b, &f24_kind, id, &f, err) == 0)
		printf(entry != 0 ? _("F24 %" PRId64 " paid on %s: %s from %s, prima nota entry "
				      "%" PRId64 "\n")
				  : _("F24 %" PRId64 " paid on %s: %s from %s, no prima nota "
				      "entry (compensation only)\n"),
		       id, o->date, money(strtoll(record_get(f, F24_SALDO), NULL, 10), m),
		       o->account, entry);
	record_free(f);
	return 0;
}

static int
run_receipt(struct book *b, const struct f24_opts *o)
{
	char err[ERR_SIZE];
	int64_t id;

	if (parse_id(o->args[0], &id) < 0)
		return 1;
	if (f24_receipt_add(b, id, o->args[1], err) < 0) {
		fail("%s", err);
		return 1;
	}
	printf(_("Receipt %s attached to F24 %" PRId64 "\n"), o->args[1], id);
	return 0;
}

static int
run_export(struct book *b, const struct f24_opts *o)
{
	struct f24_receipt x;
	char err[ERR_SIZE];
	int64_t id;
	int rc;

	if (parse_id(o->args[0], &id) < 0)
		return 1;
	if ((rc = f24_receipt_export(b, id, o->args[1], o->force, &x, err)) < 0) {
		fail("%s", err);
		if (rc == REC_INVALID && access(o->args[1], F_OK) == 0 && !o->force)
			fail("%s", _("--force replaces it"));
		return 1;
	}
	printf(_("Receipt %s (%" PRId64 " bytes, SHA-256 %s) written to %s\n"), x.name, x.size,
	       x.sha256, o->args[1]);
	return 0;
}

static int
run_cancel(struct book *b, const struct f24_opts *o)
{
	char err[ERR_SIZE];
	int64_t id, entry;

	if (parse_id(o->args[0], &id) < 0)
		return 1;
	if (f24_cancel_payment(b, id, o->date, &entry, err) < 0) {
		fail("%s", err);
		return 1;
	}
	if (entry != 0)
		printf(_("Payment of F24 %" PRId64 " cancelled on %s: prima nota entry %" PRId64
			 " reverses it; to pay again\n"),
		       id, o->date, entry);
	else
		printf(_("Payment of F24 %" PRId64 " cancelled on %s; to pay again\n"), id, o->date);
	return 0;
}

/* The table: the lead adds pdf and print from the f24pdf branch here. */
static const struct f24_sub subs[] = {
	{ "list", N_("list [--due] --book BOOK"), "u", 0, run_list },
	{ "show", N_("show ID --book BOOK"), "", 1, run_show },
	{ "pay", N_("pay ID --date D --account NAME [--reference R] [--receipt FILE] --book BOOK"),
	  "dari", 1, run_pay },
	{ "receipt", N_("receipt ID FILE --book BOOK"), "", 2, run_receipt },
	{ "receipt-export", N_("receipt-export ID OUT [--force] --book BOOK"), "f", 2, run_export },
	{ "cancel", N_("cancel ID --date D --book BOOK"), "d", 1, run_cancel },
	/* out (f24-out.c) */
	{ "pdf", N_("pdf ID OUT.pdf [--force] --book BOOK"), "f", 2, f24_cli_pdf },
	{ "print", N_("print ID --book BOOK"), "", 1, f24_cli_print },
};

static const struct f24_sub *
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
		fprintf(stderr, "  scrivano f24 %s\n", _(subs[i].usage));
}

/* Fills o from argv (argv[0] the subcommand): 0, or -1 after a message. */
static int
parse_args(const struct f24_sub *s, int argc, char **argv, struct f24_opts *o)
{
	static const struct option opts[] = {
		{ "book", required_argument, NULL, 'b' },
		{ "date", required_argument, NULL, 'd' },
		{ "account", required_argument, NULL, 'a' },
		{ "reference", required_argument, NULL, 'r' },
		{ "receipt", required_argument, NULL, 'i' },
		{ "due", no_argument, NULL, 'u' },
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int c, started = 0;

	while ((c = cli_next_option("f24", s->name, s->opts, opts, argc, argv, &started)) > 0)
		switch (c) {
		case 'b': o->book = optarg; break;
		case 'd': o->date = optarg; break;
		case 'a': o->account = optarg; break;
		case 'r': o->reference = optarg; break;
		case 'i': o->receipt = optarg; break;
		case 'u': o->due = 1; break;
		case 'f': o->force = 1; break;
		}
	if (c < 0)
		return -1;
	o->args = argv + optind;
	o->nargs = argc - optind;
	if (o->book == NULL)
		fail("%s", _("--book BOOK is needed"));
	else if (strchr(s->opts, 'd') != NULL && o->date == NULL)
		fail(_("%s: --date D is needed"), s->name);
	else if (strchr(s->opts, 'a') != NULL && o->account == NULL)
		fail(_("%s: --account NAME is needed"), s->name);
	else if (o->nargs != s->nargs)
		fail(_("%s takes %d word(s) after it: %s"), s->name, s->nargs, _(s->usage));
	else
		return 0;
	return -1;
}

int
cmd_f24(int argc, char **argv)
{
	const struct f24_sub *s = argc >= 2 ? sub_find(argv[1]) : NULL;
	struct f24_opts o = { 0 };
	struct book *b = NULL;
	int status;

	if (s == NULL) {
		if (argc >= 2)
			fail(_("unknown subcommand '%s'"), argv[1]);
		usage_all();
		return 2;
	}
	if (parse_args(s, argc - 1, argv + 1, &o) < 0) {
		fprintf(stderr, _("usage: scrivano f24 %s\n"), _(s->usage));
		return 2;
	}
	if ((status = cli_open_book("f24", o.book, &b)) != 0)
		return status;
	status = s->run(b, &o);
	book_close(b);
	return status;
}
