/* The self-invoices of reverse charge (TD16-TD19) in their FatturaPA
 * file: the supplier is the cedente, the company the cessionario, and
 * the file goes to the company's own SDI code, referring to the
 * supplier's invoice. The export (fpa-export.c) builds every document's
 * invoice as a sale's and calls this once, where the parties are set. */
#ifndef SCRIVANO_DOC_INTEGRATE_H
#define SCRIVANO_DOC_INTEGRATE_H

#include "book/record.h"
#include "fisc/invoice.h"

/* For doc, a document record (with its rows) whose kind is a
 * self-invoice (DK_SELF), inv as made for a sale (seller the company,
 * buyer the document's party) gets its roles: the two swapped, so the
 * supplier is CedentePrestatore with the regime the document carries
 * (RF01 Italian, RF18 abroad) and the company CessionarioCommittente; a
 * supplier abroad with no VAT code is identified by 99999999999 and a
 * missing CAP is 00000, as SdI takes a foreign party; CodiceDestinatario
 * and PECDestinatario the document's (the company's own, 0000000 with its
 * PEC); each body's DatiFattureCollegate the purchase integrated (its
 * number and date). Any other document: nothing changes. 0, or -1 with a
 * message. */
int doc_self_roles(struct book *b, const struct record *doc, struct fpa_invoice *inv,
		   char *err);

#endif
