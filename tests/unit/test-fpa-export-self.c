/* A self-invoice's FatturaPA file (src/bridge/fpa-export.c, its parties'
 * roles): for each of TD16 (an Italian supplier's N6.3 line), TD17
 * (services from the US), TD18 (goods from Germany) and TD19 (goods from
 * the US), the self-invoice the book makes and issues, built by the export
 * (fpa_export_build): the supplier is CedentePrestatore, the company
 * CessionarioCommittente, the file goes to the company's own SDI code and
 * refers to the supplier's invoice; fpa_check finds no error (no 00471, no
 * 00473) nor warning, and the XML is valid against the official schema;
 * then stored by fpa_export_document. A sale keeps the company as seller. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "book/sdi.h"
#include "bridge/fpa-export.h"
#include "bridge/doc-kind.h"
#include "bridge/docbridge.h"
#include "doc-fixtures.h"
#include "fisc-sdi.h"
#include "fisc/doc-rules.h"
#include "tap.h"

static struct book *book;
static struct temp_book tb;

/* A supplier with its address (a foreign one with no CAP). */
static int64_t
supplier(const char *name, const char *country, const char *piva, const char *city)
{
	int64_t id = fx_supplier(book, name, country, strcmp(country, "IT") ? country : "", piva);
	struct record *p = NULL;
	char err[ERR_SIZE];

	if (id == 0 || record_load(book, &parties_kind, id, &p, err) < 0)
		return 0;
	record_set(p, PARTY_ADDRESS, "Main Street 1");
	record_set(p, PARTY_CITY, city);
	if (strcmp(country, "IT") == 0) {
		record_set(p, PARTY_CAP, "10100");
		record_set(p, PARTY_PROVINCE, "TO");
	}
	if (record_save(book, p, NULL, err) < 0)
		ok(0, "its address: %s", err);
	record_free(p);
	return id;
}

/* Document id as the export builds its file. */
static struct fpa_invoice *
as_file(int64_t id)
{
	struct fpa_invoice *inv = NULL;
	char err[ERR_SIZE] = "";

	if (fpa_export_build(book, id, "00001", &inv, err) < 0) {
		ok(0, "document %lld is built for export: %s", (long long)id, err);
		return fpa_invoice_new();
	}
	return inv;
}

static int64_t
self_invoice(int64_t party, const char *number, const char *date, const char *descr,
	     const char *unit, const char *natura)
{
	struct record *d = fx_purchase(party, number, date);
	struct doc_integrate c = { 0, NULL, -1, date, doc_compute_rows };
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int64_t id = 0;

	fx_line0(d, descr, unit, "1000.00", natura);
	c.purchase = fx_save(book, d);
	record_free(d);
	if (document_integrate(book, &c, &id, err) < 0 ||
	    document_issue(book, id, doc_compute_rows, warn, err) < 0)
		ok(0, "the self-invoice of %s is made and issued: %s", number, err);
	return id;
}

static void
one(int64_t id, const char *type, const char *seller, const char *seller_country,
    const char *rel)
{
	struct fpa_invoice *inv = as_file(id);
	char name[64];

	snprintf(name, sizeof name, "%s of %s", type, seller);
	is_str(inv->bodies[0].type, type, "%s: its TipoDocumento", name);
	is_str(inv->seller.name ? inv->seller.name : "", seller, "%s: the supplier is the cedente",
	       name);
	is_str(inv->seller.vat_country, seller_country, "%s: of IdPaese %s", name, seller_country);
	is_str(inv->buyer.name ? inv->buyer.name : "", "Studio Bianchi Srl",
	       "%s: the company is the cessionario", name);
	is_str(inv->buyer.regime, "", "%s: the cessionario has no regime", name);
	is_str(inv->dest, "M5UXCR1", "%s: to the company's own SDI code", name);
	is_str(inv->bodies[0].rel_id, rel, "%s: referring to the supplier's invoice", name);
	sdi_clean(inv, name);
	fpa_invoice_free(inv);
}

int
main(void)
{
	struct fpa_invoice *inv;
	struct record *d;
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int64_t rossi, us, de, id, cust;

	setlocale(LC_ALL, "C");
	doc_kind_register();
	sdi_init();
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	fx_company(book, "Studio Bianchi Srl", "02345670018", "M5UXCR1", "");
	rossi = supplier("Edilizia Rossi Srl", "IT", "00743110157", "Torino");
	us = supplier("Cloud Inc", "US", "", "Seattle");
	de = supplier("Maschinen GmbH", "DE", "129273398", "Berlin");

	id = self_invoice(rossi, "12/B", "2026-03-05", "Posa in opera", "", "N6.3");
	one(id, "TD16", "Edilizia Rossi Srl", "IT", "12/B");
	if (sdi_schema != NULL) {
		struct fpa_report r = { 0 };
		struct sdi_file f;
		int64_t fid = 0;

		is_int(fpa_export_document(book, id, sdi_schema, &fid, &r, err), 0,
		       "the TD16 is exported and stored %s", err);
		fpa_report_print(&r, "#", stdout);
		fpa_report_free(&r);
		ok(fid > 0 && sdi_file_get(book, fid, 1, &f, err) == 0 &&
		   strncmp(f.name, "IT02345670018_", 14) == 0 && f.xml != NULL &&
		   strstr((const char *)f.xml, "<TipoDocumento>TD16</TipoDocumento>") != NULL,
		   "as IT02345670018_*.xml, the company's name, a TD16 %s", err);
		if (fid > 0)
			free(f.xml);
	}
	id = self_invoice(us, "INV-5531", "2026-03-06", "Cloud hosting", "", "N2.1");
	one(id, "TD17", "Cloud Inc", "US", "INV-5531");
	inv = as_file(id);
	is_str(inv->seller.vat_id, "99999999999", "a supplier abroad with no VAT code: 99999999999");
	is_str(inv->seller.addr.cap, "00000", "and no CAP: 00000");
	is_str(inv->bodies[0].rel_date, "2026-03-06", "the supplier's invoice's date");
	fpa_invoice_free(inv);
	id = self_invoice(de, "R-77", "2026-03-07", "Pumpe", "pz", "N3.2");
	one(id, "TD18", "Maschinen GmbH", "DE", "R-77");
	id = self_invoice(us, "INV-5540", "2026-03-08", "Server rack", "pz", "N2.1");
	one(id, "TD19", "Cloud Inc", "US", "INV-5540");

	/* a sale keeps its roles */
	cust = fx_customer(book, "Cliente Srl", "00743110157");
	d = fx_draft("FAT", cust, "2026-03-10");
	fx_line(d, "Consulenza", "1.00", "10.00", "10.00", 0);
	id = fx_save(book, d);
	record_free(d);
	document_issue(book, id, doc_compute_rows, warn, err);
	inv = as_file(id);
	is_str(inv->seller.name ? inv->seller.name : "", "Studio Bianchi Srl",
	       "an invoice's seller stays the company");
	is_str(inv->dest, "0000000", "and its destination the customer's (none: 0000000)");
	fpa_invoice_free(inv);

	temp_book_close(&tb, book);
	sdi_done();
	return tap_done();
}
