/* `scrivano f24`'s subcommands, one entry point each (f24.c holds their
 * table): argv[0] is the subcommand's name; each returns the exit status
 * (0 done, 1 refused or failed, 2 usage). */
#ifndef SCRIVANO_F24_CLI_H
#define SCRIVANO_F24_CLI_H

/* f24-out.c: the F24 out, as a PDF and as text. */
int f24_cmd_pdf(int argc, char **argv);
int f24_cmd_print(int argc, char **argv);

#endif
