/* Inside `scrivano fatturapa`: the verbs on a book's received documents
 * (fatturapa-kept.c), and the usage they share with fatturapa-cli.c. */
#ifndef SCRIVANO_FPA_CLI_H
#define SCRIVANO_FPA_CLI_H

/* Prints the usage on stderr; returns 2. */
int fpa_cli_usage(void);
/* scrivano fatturapa attachments --book BOOK [--extract DIR] [--force] ID */
int fpa_verb_attachments(int argc, char **argv);
/* scrivano fatturapa pdf --book BOOK [--force] -o FILE ID */
int fpa_verb_pdf(int argc, char **argv);

#endif
