/* scrivano's command line: one table of subcommands, each in its own module. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "bridge/doc-kind.h"
#include "bridge/vat.h"
#include "commands.h"
#include "util/i18n.h"
#include "util/util.h"

struct command {
	const char *name;
	const char *usage;
	const char *help;
	int (*run)(int argc, char **argv);
};

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const struct command commands[] = {
	{ "serve", N_("serve [--config FILE] [--data DIR] [--listen ADDR:PORT] [--OPTION VALUE]..."),
	  N_("run the SSH server in the foreground, logging to stderr"), cmd_serve },
	{ "tui", N_("tui --book FILE | tui --check"),
	  N_("run the forms on this terminal, on the given book, without SSH"), cmd_tui },
	{ "user", N_("user add|del|passwd|lock|unlock|list|key|share|unshare … [--data DIR]"),
	  N_("manage the accounts that may log in"), cmd_user },
	{ "book",
	  N_("book init|demo FILE | backup FILE OUT [--force] | backup --data DIR --to DIR "
	     "[--keep-daily N] [--keep-monthly M] | restore BACKUP FILE | export FILE OUT.zip "
	     "[--force] | verify FILE"),
	  N_("create or update a book; fill a new one with demo data; back it up, restore it; "
	     "export all of it as a zip; verify its history"),
	  cmd_book },
	{ "fatturapa",
	  N_("fatturapa check|show|import|receipt|html|pdf|attachments|export|send|fetch "
	     "FILE|ID..."),
	  N_("read, check, import and export FatturaPA invoices, mail them to SdI and import "
	     "its receipts"),
	  cmd_fatturapa },
	{ "export",
	  N_("export --book BOOK [--filter CONDITIONS] [--sort COLUMN] [--reverse] "
	     "[--format italian|plain] [--bom|--no-bom] [--output FILE] SCREEN"),
	  N_("write a list as it shows, filtered and sorted, as CSV"), cmd_export },
	{ "primanota",
	  N_("primanota import FILE --account NAME [--map COLMAP] [--format camt|csv] --book BOOK"),
	  N_("import a bank statement (camt.053 or CSV) into an account"), cmd_primanota },
	{ "f24", N_("f24 list|show|pay|receipt|receipt-export|cancel|pdf|print … --book BOOK"),
	  N_("the F24s of a book: list, show, pay, receipts, cancel a payment, PDF, text"),
	  cmd_f24 },
	{ "document",
	  N_("document list|show|issue|convert|credit-note|integrate|state|pdf|print … --book "
	     "BOOK"),
	  N_("the documents of a book: list, show, issue, convert, credit note, self-invoice of "
	     "reverse charge, sent or paid, PDF, text"),
	  cmd_document },
	{ "items",
	  N_("items list|statement|riba|unpaid [--party NAME] [--side R|P] [--state STATE] "
	     "[--as-of DATE] [--pdf FILE] [--force] [--from DATE] [--to DATE] [--account NAME] "
	     "[--date DATE] [--fee AMOUNT] --book BOOK"),
	  N_("the open items of a book: the list with its ageing, a party's statement of "
	     "account as text or PDF, the Ri.Ba. file for the bank, an unpaid Ri.Ba."),
	  cmd_items },
	{ "vat",
	  N_("vat register|settle|acconto|bollo|ritenute --period PERIOD … --book BOOK"),
	  N_("the VAT registers of a period, its settlement (quadro VP), the acconto, the bollo "
	     "and the ritenute, each as an F24 draft"),
	  cmd_vat },
	{ "party", N_("party erase ID --book BOOK"),
	  N_("erase a person's personal data but what the law keeps, and report it"), cmd_party },
	{ "dunning",
	  N_("dunning list|letter [--party NAME] [--level N] [--date DATE] [--pdf FILE] [--force] "
	     "[--dry-run] --book BOOK"),
	  N_("reminder letters: those sent to customers, and a new one with its late-payment "
	     "interest, as text or PDF"),
	  cmd_dunning },
	{ "help", N_("help"), N_("show this list"), cmd_help },
	{ "version", N_("version"), N_("show the version"), cmd_version },
};

static void
usage(FILE *out)
{
	fprintf(out, _("usage: scrivano COMMAND [OPTIONS]\n\ncommands:\n"));
	for (size_t i = 0; i < ARRAY_LEN(commands); i++)
		fprintf(out, "  %-44s %s\n", _(commands[i].usage), _(commands[i].help));
	fprintf(out, _("\nSee scrivano(1) for every option.\n"));
}

static int
cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage(stdout);
	return 0;
}

static int
cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("scrivano %s\n", PACKAGE_VERSION);
	return 0;
}

int
main(int argc, char **argv)
{
	/* Everything scrivano makes (the registry with its password hashes, the
	 * books, their WAL files, the host keys) is the owner's alone, whatever
	 * umask the shell or the service manager left us. */
	umask(077);
	i18n_init();
	/* the documents the screens name compute through the fiscal core */
	doc_kind_register();
	/* and so do the VAT settlements */
	vat_kind_register();
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_help(0, NULL);
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(0, NULL);
	for (size_t i = 0; i < ARRAY_LEN(commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, _("scrivano: unknown command '%s'\n"), argv[1]);
	usage(stderr);
	return 2;
}
