/* A person's erasure (issue 17 point 5): what the law does not keep of a
 * customer or supplier who is a natural person is erased, in the record
 * and in the history, and the file's free space is cleared of it. */
#ifndef SCRIVANO_PARTY_ERASE_H
#define SCRIVANO_PARTY_ERASE_H

#include <stddef.h>
#include <stdint.h>

#include "book/record.h"

/* Erases the personal data of party id, a natural person, in one
 * transaction:
 * - while a record the law keeps names the person (a document, a prima
 *   nota entry, any row of a table whose foreign key names the party: the
 *   books and invoices are kept ten years, art. 2220 codice civile), the
 *   record keeps what those records read through it (the names, partita
 *   IVA, codice fiscale, address, role, kind, a public administration's
 *   office code and a dichiarazione d'intento) and every other field is
 *   emptied, its contacts and user-added fields deleted;
 * - when none does, the record is deleted, contacts and all;
 * then the history forgets the values (history_erase), the party's
 * unsaved drafts are discarded, and the file is rewritten (VACUUM, then
 * the WAL checkpointed and truncated) so that no free page keeps them.
 * *lines gets the report (at most 76 columns a line, each newly allocated
 * as the array is, *n of them): what was erased, what was kept and why.
 * Returns 0; REC_GONE when there is no party id, REC_INVALID when it is a
 * company (nothing changes either way), REC_ERROR; a message in err for
 * each. */
int party_erase(struct book *b, int64_t id, char ***lines, size_t *n, char *err);

/* The customers' and suppliers' command Erase personal data (a person's
 * only), an entry of the kind's commands table (parties.c). */
#define PARTY_ERASE_COMMAND                                                              \
	{ .name = "erase", .label = N_("Erase personal data"),                            \
	  .help = N_("erase what the law does not keep of this person, and say what is kept"), \
	  .applies = party_erase_applies, .ask = RECORD_ASK_CONFIRM,                      \
	  .prompt = N_("Erase this person's personal data? Only what the law keeps stays. It " \
		       "cannot be undone."),                                               \
	  .report = party_erase_report, .rare = 1 }
int party_erase_applies(const struct record *r);
int party_erase_report(struct book *b, const struct record *r, const char *arg, char ***lines,
		       size_t *n, char *err);

#endif
