/* The subcommands of scrivano, one entry point each; main.c holds the table. */
#ifndef SCRIVANO_COMMANDS_H
#define SCRIVANO_COMMANDS_H

/* Each gets argv with argv[0] the subcommand's name, and returns the exit
 * status. */
int cmd_serve(int argc, char **argv);
int cmd_tui(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_fatturapa(int argc, char **argv);
int cmd_book(int argc, char **argv);
/* scrivano book backup|restore (src/cli/backup.c), through cmd_book: -1
 * for a usage error. */
int cmd_book_backup(int argc, char **argv);
int cmd_book_restore(int argc, char **argv);
/* scrivano book export (src/cli/book-export.c), the same way. */
int cmd_book_export(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_primanota(int argc, char **argv);
int cmd_f24(int argc, char **argv); /* src/cli/f24.c */
int cmd_document(int argc, char **argv); /* src/cli/document.c */
int cmd_items(int argc, char **argv);    /* src/cli/items.c */
int cmd_vat(int argc, char **argv);      /* src/cli/vat.c */
int cmd_party(int argc, char **argv); /* src/cli/party.c */
int cmd_dunning(int argc, char **argv);  /* src/cli/dunning.c */

#endif
