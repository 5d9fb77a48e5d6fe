/* `scrivano document`'s subcommands that put a document out (document-out.c):
 * each takes argv with argv[0] its own name ("pdf", "print"), parses its
 * options (--book FILE, and pdf's --force) and returns the exit status: 0
 * done, 1 refused or failed, 2 a usage mistake. The table of `scrivano
 * document` (document.c) lists them beside list, show, issue... */
#ifndef SCRIVANO_DOCUMENT_CLI_H
#define SCRIVANO_DOCUMENT_CLI_H

/* document pdf ID OUT.pdf [--force] --book FILE */
int document_cli_pdf(int argc, char **argv);
/* document print ID --book FILE */
int document_cli_print(int argc, char **argv);

#define DOCUMENT_CLI_PDF_USAGE N_("pdf ID OUT.pdf [--force] --book BOOK")
#define DOCUMENT_CLI_PRINT_USAGE N_("print ID --book BOOK")

#endif
