/* A self-invoice's parties in its FatturaPA file (doc-integrate.h): the
 * roles of a sale swapped, the supplier made a cedente SdI accepts, the
 * supplier's invoice referred to. The checks that the supplier fits the
 * type (SdI's 00471, 00473) are the book's, at every save of the draft
 * (document_self_check): the file only carries what the book holds. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "book/documents-flow.h"
#include "book/documents.h"
#include "bridge/doc-integrate.h"
#include "util/util.h"

/* IdCodice of a party abroad that has no VAT code (as the AdE's guide
 * has it for foreign parties), and its CAP. */
#define FOREIGN_NO_ID "99999999999"
#define FOREIGN_CAP "00000"

/* The supplier as SdI takes a cedente from abroad. */
static void
foreign_seller(struct fpa_party *p)
{
	if (strcmp(p->addr.country, "IT") == 0 || p->addr.country[0] == '\0')
		return;
	if (p->vat_id[0] == '\0') {
		str_copy(p->vat_country, p->addr.country, sizeof p->vat_country);
		str_copy(p->vat_id, FOREIGN_NO_ID, sizeof p->vat_id);
	}
	if (p->addr.cap[0] == '\0')
		str_copy(p->addr.cap, FOREIGN_CAP, sizeof p->addr.cap);
	p->addr.province[0] = '\0';
}

int
doc_self_roles(struct book *b, const struct record *doc, struct fpa_invoice *inv, char *err)
{
	const struct doc_kind *k = doc_kind_find(record_get(doc, DOC_KIND));
	const char *regime = record_get(doc, DOC_REGIME), *sdi = record_get(doc, DOC_SDI);
	struct fpa_party t;
	char number[24], date[11];
	int64_t purchase;
	int rc;

	if (k == NULL || (k->flags & DK_SELF) == 0)
		return 0;
	t = inv->seller;
	inv->seller = inv->buyer;
	inv->buyer = t;
	str_copy(inv->seller.regime, regime[0] != '\0' ? regime : "RF18",
		 sizeof inv->seller.regime);
	inv->buyer.regime[0] = '\0';
	foreign_seller(&inv->seller);
	str_copy(inv->dest, sdi[0] != '\0' ? sdi : "0000000", sizeof inv->dest);
	free(inv->pec);
	inv->pec = record_get(doc, DOC_PEC)[0] != '\0' ? xstrdup(record_get(doc, DOC_PEC)) : NULL;
	if ((rc = document_integrated(b, doc->id, &purchase, number, date, err)) < 0)
		return -1;
	for (size_t i = 0; rc == 1 && i < inv->nbodies; i++) {
		str_copy(inv->bodies[i].rel_id, number, sizeof inv->bodies[i].rel_id);
		str_copy(inv->bodies[i].rel_date, date, sizeof inv->bodies[i].rel_date);
	}
	return 0;
}
