/* The one call that computes a document record with the fiscal core: the
 * record into the invoice model, fpa_compute, the figures back. */
#include "config.h"

#include "book/documents.h"
#include "bridge/doc-compute.h"
#include "bridge/docbridge.h"
#include "fisc/invoice.h"
#include "util/util.h"

/* The header's figures fpa_compute gives. */
static const size_t totals[] = { DOC_TAXABLE, DOC_TAX,	   DOC_TOTAL,
				 DOC_WITHHOLDING, DOC_BOLLO, DOC_PAYABLE };

int
docbridge_compute(struct record *doc, char *err)
{
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *body = fpa_body_add(inv);
	struct record *c;
	size_t n;

	if (docbridge_record_to_body(doc, body, err) < 0 || fpa_compute(body, err) < 0) {
		fpa_invoice_free(inv);
		return -1;
	}
	c = record_new(&documents_kind);
	docbridge_body_to_record(body, c);
	fpa_invoice_free(inv);
	for (size_t i = 0; i < ARRAY_LEN(totals); i++)
		record_set(doc, totals[i], record_get(c, totals[i]));
	/* the computed rows take the place of doc's (a swap: c frees doc's) */
	for (size_t k = DOC_VAT; k < DOC_NCHILDREN; k++) {
		struct record_rows t = doc->rows[k];
		doc->rows[k] = c->rows[k];
		c->rows[k] = t;
	}
	n = doc->rows[DOC_LINES].n;
	for (size_t i = 0; i < n && i < c->rows[DOC_LINES].n; i++)
		record_set(doc->rows[DOC_LINES].row[i], LINE_TOTAL,
			   record_get(c->rows[DOC_LINES].row[i], LINE_TOTAL));
	record_free(c);
	return 0;
}
