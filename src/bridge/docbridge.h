/* The one bridge between the book's documents and the fiscal core's
 * invoice model: a FatturaPA party to a record of the register and back,
 * a body (one document) to a document record with its rows and back. The
 * screens, the export and the import all map through here; neither
 * src/book nor src/fisc includes the other. */
#ifndef SCRIVANO_DOCBRIDGE_H
#define SCRIVANO_DOCBRIDGE_H

#include "book/record.h"
#include "fisc/invoice.h"

/* The party's kind (company or person), names, IdFiscaleIVA, codice
 * fiscale and sede into r, a record of the register (parties_kind or
 * parties_received_kind); the role and the rest are left as they are. */
void docbridge_party_to_record(const struct fpa_party *p, struct record *r);
/* A record of the register into p (zeroed; its strings newly allocated,
 * freed as the model frees them). The regime is left empty. */
void docbridge_party_from_record(const struct record *r, struct fpa_party *p);

/* Body b into doc, a record of documents_kind: type, number, date,
 * currency, the totals, split payment, the causale lines, the first cassa
 * previdenziale and ritenuta's settings, the rounding, whether the bollo
 * is charged, the dichiarazione d'intento ("PROT del DD/MM/YYYY"); its lines, VAT
 * summary, withholdings and payments replace doc's rows; the order and
 * contract references with a CIG and CUP. Direction, party
 * and original file are left as they are. */
void docbridge_body_to_record(const struct fpa_body *b, struct record *doc);
/* One line of the model as a row of document_lines_kind (newly
 * allocated): the lines fpa_compute makes get their type (B the bollo
 * charged, SC the document discount). */
struct record *docbridge_line_to_record(const struct fpa_line *l);
/* doc (with its rows) into b, zeroed or fresh from fpa_body_add: 0, or -1
 * with a message naming the row and field that the model cannot hold.
 * The header's settings go to what fpa_compute reads: the cassa (one), the
 * ritenuta asked when there are no withholding rows (a draft), the
 * document discount ("5%" or "12.50"), the rounding, the bollo's flags,
 * the forfettario (regime RF19), the dichiarazione d'intento, the
 * customer's order and the contract (their CIG and CUP with the contract
 * when there is one, else with the order); a line's
 * type B or SC its role, a text line (T) the rate or Natura of the first
 * line with amounts. What the book does not keep comes back empty: a
 * second cassa, related invoices, a discount's amount beside its
 * percentage. */
int docbridge_record_to_body(const struct record *doc, struct fpa_body *b, char *err);

#endif
