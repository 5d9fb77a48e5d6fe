/* The self-invoices of reverse charge (src/book/documents-integrate.c),
 * computed as the screens compute them (the bridge's doc_compute_rows over
 * the fiscal core): a domestic purchase of an N6.3 line and a line with
 * VAT makes a TD16 of the N6.3 line only, its VAT at 22% to the cent,
 * linked both ways and line by line, going to the company's own SDI code,
 * numbered AUT apart from the invoices; a second integration refused; an
 * EU purchase of goods a TD18, a US purchase of services a TD17, a German
 * one of goods and services two self-invoices; the supplier's country and
 * the type kept consistent with SdI's 00473; the dates at issue; a
 * self-invoice not paid. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "bridge/doc-kind.h"
#include "doc-fixtures.h"
#include "tap.h"

static struct book *book;
static struct temp_book tb;

static int64_t
integrate(int64_t id, const char *type, int64_t rate, const char *date, char *err)
{
	struct doc_integrate c = { id, type, rate, date, doc_compute_rows };
	int64_t out = 0;

	err[0] = '\0';
	return document_integrate(book, &c, &out, err) == 0 ? out : 0;
}

static const char *
q(const char *sql, int64_t id)
{
	return fx_query_id(book, sql, id);
}

static int64_t rossi, dom;

static void
domestic(void)
{
	struct record *d, *loaded = NULL;
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int64_t aut, again, fat;

	rossi = fx_supplier(book, "Edilizia Rossi Srl", "IT", "", "00743110157");
	d = fx_purchase(rossi, "12/B", "2026-03-05");
	fx_line0(d, "Posa in opera cartongesso", "", "1234.57", "N6.3");
	fx_line(d, "Noleggio ponteggio", "1.00", "100.00", "100.00", 0);
	dom = fx_save(book, d);
	record_free(d);
	record_load(book, &documents_kind, dom, &loaded, err);
	is_str(loaded ? record_get(loaded, DOC_TO_INTEGRATE) : "", "1",
	       "the purchase has one line to integrate: the N6.3, not the one with VAT");
	record_free(loaded);
	loaded = NULL;

	aut = integrate(dom, NULL, -1, "2026-03-10", err);
	ok(aut > 0, "the purchase is integrated: %s", err);
	is_str(q("SELECT kind || ' ' || type || ' ' || state || ' ' || direction || ' ' || "
		 "party_id || ' ' || regime FROM documents WHERE id = %lld",
		 aut),
	       "AUT TD16 D S 1 RF01",
	       "a TD16 draft of the Italian supplier, its regime ordinary");
	is_str(q("SELECT taxable || ' ' || tax || ' ' || total FROM documents WHERE id = %lld",
		 aut),
	       "123457 27161 150618", "1234.57 at 22%%: VAT 271.61 (271.6054), total 1506.18");
	is_str(q("SELECT group_concat(description || '|' || total || '|' || vat_rate || '|' || "
		 "natura || '|' || (from_line = (SELECT id FROM document_lines WHERE "
		 "document_id = 1 AND seq = 1)), ';') FROM document_lines WHERE document_id = %lld",
		 aut),
	       "Posa in opera cartongesso|1234.57|2200||1",
	       "only the N6.3 line, at 22%% with no Natura, from its purchase line");
	is_str(q("SELECT group_concat(vat_rate || '/' || natura || '/' || taxable || '/' || tax) "
		 "FROM document_vat WHERE document_id = %lld",
		 aut),
	       "2200//123457/27161", "its summary: one block at 22%%");
	is_str(q("SELECT sdi || ' ' || pec || ' | ' || causale FROM documents WHERE id = %lld",
		 aut),
	       "0000000 studio@pec.example.it | Integrazione della fattura n. 12/B del 05/03/2026 "
	       "di Edilizia Rossi Srl",
	       "to the company itself (0000000 and its PEC), naming the supplier's invoice");
	is_str(q("SELECT group_concat(from_id || '>' || to_id) FROM document_links WHERE "
		 "to_id = %lld",
		 aut),
	       "1>2", "linked to the purchase");
	record_load(book, &documents_kind, dom, &loaded, err);
	is_str(loaded ? record_get(loaded, DOC_LINKS) : "", "AUT #2 2026-03-10",
	       "the purchase shows its self-invoice");
	is_str(loaded ? record_get(loaded, DOC_TO_INTEGRATE) : "", "0", "and nothing left");
	record_free(loaded);

	again = integrate(dom, NULL, -1, "2026-03-11", err);
	is_int(again, 0, "a second integration of it");
	is_str(err, "every line of FA 12/B to integrate is already on self-invoice AUT draft 2",
	       "is refused, naming the first: %s", err);
	is_str(book_query(book, "SELECT count(*) FROM documents"), "2", "nothing was written");

	d = fx_draft("FAT", fx_customer(book, "Cliente", "01234567897"), "2026-03-10");
	fx_line(d, "Consulenza", "1.00", "10.00", "10.00", 0);
	fat = fx_save(book, d);
	record_free(d);
	is_int(document_issue(book, fat, doc_compute_rows, warn, err), 0, "an invoice is issued: %s",
	       err);
	is_int(document_issue(book, aut, doc_compute_rows, warn, err), 0, "the self-invoice is "
	       "issued: %s", err);
	is_str(q("SELECT numbering || ' ' || number || ' ' || state FROM documents WHERE id = %lld",
		 aut),
	       "AUT 1/2026 I", "numbered 1/2026 in the self-invoices' own numbering");
	is_str(q("SELECT numbering || ' ' || number FROM documents WHERE id = %lld", fat), "F 1/2026",
	       "apart from the invoices'");
	is_str(warn, "", "a TD16 five days after has no warning");
	is_int(document_set_state(book, aut, DOC_STATE_PAID, err), REC_INVALID,
	       "a self-invoice is not paid");
	is_int(document_set_state(book, aut, DOC_STATE_SENT, err), 0, "it is sent: %s", err);
}

static void
foreign(void)
{
	struct record *d;
	char err[ERR_SIZE];
	int64_t de, us, p1, p2, p3, a, b;

	de = fx_supplier(book, "Maschinen GmbH", "DE", "DE", "DE129273398");
	us = fx_supplier(book, "Cloud Inc", "US", "US", "987654321");
	d = fx_purchase(de, "R-2026-77", "2026-04-02");
	fx_line0(d, "Pumpe Typ 4", "pz", "800.00", "N3.2");
	p1 = fx_save(book, d);
	record_free(d);
	a = integrate(p1, NULL, 1000, "2026-04-20", err);
	ok(a > 0, "goods from Germany are integrated: %s", err);
	is_str(q("SELECT type || ' ' || regime || ' ' || tax FROM documents WHERE id = %lld", a),
	       "TD18 RF18 8000", "as TD18 (intra-EU goods), at the 10%% asked: VAT 80.00");

	d = fx_purchase(us, "INV-5531", "2026-04-03");
	fx_line0(d, "Cloud hosting April", "", "250.00", "N2.1");
	p2 = fx_save(book, d);
	record_free(d);
	a = integrate(p2, NULL, -1, "2026-04-20", err);
	ok(a > 0, "services from the US are integrated: %s", err);
	is_str(q("SELECT type || ' ' || tax || ' ' || total FROM documents WHERE id = %lld", a),
	       "TD17 5500 30500", "as TD17, VAT 55.00 at 22%%");

	d = fx_purchase(de, "R-2026-78", "2026-04-04");
	fx_line0(d, "Montage", "h", "300.00", "N2.1");
	fx_line0(d, "Ersatzteil", "kg", "40.00", "N3.2");
	fx_line0(d, "Schulung", "", "60.00", "N2.1");
	p3 = fx_save(book, d);
	record_free(d);
	a = integrate(p3, NULL, -1, "2026-04-20", err);
	b = integrate(p3, NULL, -1, "2026-04-20", err);
	ok(a > 0 && b > 0, "a German purchase of services and goods makes two: %s", err);
	is_str(q("SELECT type || ' ' || taxable FROM documents WHERE id = %lld", a), "TD17 36000",
	       "first the services' (by hour, and with no unit): TD17 of 360.00");
	is_str(q("SELECT type || ' ' || taxable FROM documents WHERE id = %lld", b), "TD18 4000",
	       "then the goods': TD18 of 40.00");
	is_int(integrate(p3, NULL, -1, "2026-04-20", err), 0, "and no third");

	/* the type as SdI checks the cedente (00473 for TD17-TD19) */
	is_int(integrate(p2, "TD18", -1, NULL, err), 0, "nothing is left of the US one either");
	d = fx_purchase(us, "INV-5532", "2026-04-05");
	fx_line0(d, "Licence", "pz", "100.00", "N2.1");
	p2 = fx_save(book, d);
	record_free(d);
	is_int(integrate(p2, "TD18", -1, NULL, err), 0, "TD18 of goods from the US");
	is_str(err, "Document type: TD18 integrates goods bought in another country of the "
		    "European Union: Cloud Inc is of US; goods from outside it already in Italy "
		    "are TD19",
	       "is refused: %s", err);
	a = integrate(p2, NULL, -1, "2026-04-06", err);
	is_str(q("SELECT type FROM documents WHERE id = %lld", a), "TD19",
	       "goods from outside the EU are TD19 by themselves");
	is_int(integrate(p2, "TD20", -1, NULL, err), 0, "TD20 is not a self-invoice's type");
	is_int(integrate(p2, NULL, 0, NULL, err), 0, "nor a rate of 0");
}

static void
consistency(void)
{
	struct record *d = NULL, *p;
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int64_t pid, a;

	p = fx_purchase(rossi, "13/B", "2026-05-04");
	fx_line0(p, "Rottami ferrosi", "kg", "500.00", "N6.1");
	pid = fx_save(book, p);
	record_free(p);
	is_int(integrate(pid, "TD17", -1, NULL, err), 0, "TD17 of an Italian supplier");
	is_str(err, "Document type: with TipoDocumento TD17 the supplier cannot be Italian "
		    "(IdPaese IT), and SdI refuses it (00473): Edilizia Rossi Srl is Italian, so "
		    "its reverse charge is TD16",
	       "is refused as SdI's 00473: %s", err);
	a = integrate(pid, NULL, -1, "2026-05-03", err);
	ok(a > 0, "its TD16: %s", err);
	record_load(book, &documents_kind, a, &d, err);
	if (d == NULL)
		return;
	record_set(d, DOC_TYPE, "TD19");
	is_int(record_save_ex(book, d, NULL, err), REC_INVALID, "changed to TD19 in the draft");
	ok(strstr(err, "00473") != NULL, "it is refused too: %s", err);
	record_free(d);
	is_int(document_issue(book, a, doc_compute_rows, warn, err), REC_INVALID,
	       "dated before the purchase, it is not issued");
	is_str(err, "Date: 2026-05-03 is before the date of the invoice it integrates, 13/B of "
		    "2026-05-04",
	       "saying why: %s", err);
	is_str(q("SELECT state FROM documents WHERE id = %lld", a), "D", "it stays a draft");
}

static void
late(void)
{
	struct record *p;
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int64_t us, pid, a;

	us = strtoll(book_query(book, "SELECT id FROM parties WHERE name = 'Cloud Inc'"), NULL, 10);
	p = fx_purchase(us, "INV-6000", "2026-05-20");
	fx_line0(p, "Support", "", "100.00", "N2.1");
	pid = fx_save(book, p);
	record_free(p);
	a = integrate(pid, NULL, -1, "2026-06-16", err);
	is_int(document_issue(book, a, doc_compute_rows, warn, err), 0, "a TD17 issued on 16 June");
	is_str(warn, "a self-invoice TD17 is issued by the 15th of the month after the purchase "
		     "is received (2026-06-15 for the invoice INV-6000 of 2026-05-20): this one is "
		     "dated 2026-06-16",
	       "warns of its deadline: %s", warn);
}

int
main(void)
{
	setlocale(LC_ALL, "C");
	doc_kind_register();
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	fx_company(book, "Studio Bianchi Srl", "01234567897", "", "studio@pec.example.it");
	domestic();
	foreign();
	consistency();
	late();
	temp_book_close(&tb, book);
	return tap_done();
}
