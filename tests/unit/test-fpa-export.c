/* The export of issued documents as FatturaPA files
 * (src/bridge/fpa-export.c), one document of each regime made as the
 * screens make it (the documents kind of the TUI, computed by the fiscal
 * core, issued): bollo, ritenuta with cassa, a PA's split payment in FPA12
 * with its office code, order, CIG and CUP, reverse charge, forfettario, a
 * TD24 from two DDTs, a credit note, a customer abroad, discounts, Natura
 * with its RiferimentoNormativo. Each file stored is validated again
 * against $SCRIVANO_FATTURAPA's XSD, passes fpa_check, and read back with
 * fpa_read_memory gives the document's own totals. Then what is refused
 * with the rule named and nothing stored (a draft, the schema's 00200, the
 * checker's 00421, CIG with no order, a company with no partita IVA, no
 * schema installed), and a second export: the same file while unchanged
 * or sent, a new one after a rejection. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "book/company.h"
#include "book/sdi.h"
#include "bridge/doc-kind.h"
#include "bridge/docbridge.h"
#include "bridge/fpa-export.h"
#include "doc-fixtures.h"
#include "fisc/doc-rules.h"
#include "fisc/fatturapa.h"
#include "tap.h"

static struct book *book;
static struct temp_book tb;
static const struct record_kind *kind;
static struct fpa_schema *xsd;
static int64_t rossi, comune, estero;

static void
company(const char *piva, const char *regime)
{
	struct record *c;
	char err[ERR_SIZE];

	if (company_load(book, &c, err) < 0) {
		ok(0, "the company loads: %s", err);
		return;
	}
	record_set(c, COMPANY_NAME, "Studio Bianchi Srl");
	record_set(c, COMPANY_PIVA, piva);
	record_set(c, COMPANY_REGIME, regime);
	record_set(c, COMPANY_ADDRESS, "Via Roma");
	record_set(c, COMPANY_STREET_NO, "1");
	record_set(c, COMPANY_CAP, "20100");
	record_set(c, COMPANY_CITY, "Milano");
	record_set(c, COMPANY_PROVINCE, "MI");
	record_set(c, COMPANY_IBAN, "IT60X0542811101000000123456");
	ok(record_save(book, c, NULL, err) == 0, "the company is saved: %s", err);
	record_free(c);
}

/* A customer: name, partita IVA, country, PA office code ("" none). */
static int64_t
customer(const char *name, const char *piva, const char *country, const char *office)
{
	struct record *p = record_new(&parties_kind);
	char err[ERR_SIZE];
	int64_t id = 0;

	record_set(p, PARTY_ROLE, "C");
	record_set(p, PARTY_NAME, name);
	record_set(p, PARTY_PIVA, piva);
	record_set(p, PARTY_COUNTRY, country);
	record_set(p, PARTY_ADDRESS, strcmp(country, "IT") ? "Hauptstrasse" : "Via Verdi");
	record_set(p, PARTY_STREET_NO, "5");
	record_set(p, PARTY_CITY, strcmp(country, "IT") ? "Berlin" : "Torino");
	record_set(p, PARTY_CAP, strcmp(country, "IT") ? "" : "10100");
	record_set(p, PARTY_PROVINCE, strcmp(country, "IT") ? "" : "TO");
	if (office[0]) {
		record_set(p, PARTY_PA, "1");
		record_set(p, PARTY_PA_OFFICE, office);
	} else if (strcmp(country, "IT") == 0)
		record_set(p, PARTY_SDI, "ABC1234");
	if (record_save(book, p, NULL, err) == 0)
		id = p->id;
	else
		ok(0, "customer %s saved: %s", name, err);
	record_free(p);
	return id;
}

/* A draft of kind for party as the screens make it: the party's fill. */
static struct record *
draft(const char *kindcode, int64_t party, const char *date)
{
	struct record *d = record_new(kind);
	char err[ERR_SIZE], id[24];

	record_set(d, DOC_KIND, kindcode);
	if (kind->init(book, d, err) < 0)
		ok(0, "init: %s", err);
	record_set(d, DOC_DATE, date);
	snprintf(id, sizeof id, "%lld", (long long)party);
	record_set(d, DOC_PARTY, id);
	if (kind->fill(book, d, RECORD_PARENT, 0, DOC_PARTY, err) < 0)
		ok(0, "fill: %s", err);
	return d;
}

/* A line: description, quantity, price, VAT rate, Natura ("" none). */
static struct record *
line(struct record *d, const char *descr, const char *qty, const char *price,
     const char *rate, const char *natura)
{
	struct record *l = record_new(&document_lines_kind);
	char no[16];

	snprintf(no, sizeof no, "%zu", d->rows[DOC_LINES].n + 1);
	record_set(l, LINE_NO, no);
	record_set(l, LINE_DESCRIPTION, descr);
	record_set(l, LINE_QTY, qty);
	record_set(l, LINE_PRICE, price);
	record_set(l, LINE_TOTAL, "0.00");
	record_set(l, LINE_VAT_RATE, rate);
	record_set(l, LINE_NATURA, natura);
	record_rows_insert(&d->rows[DOC_LINES], d->rows[DOC_LINES].n, l);
	return l;
}

/* Saves d (freed) and issues it: its id, 0 after a failing check. */
static int64_t
issue(struct record *d)
{
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int64_t id = 0;

	if (record_save_ex(book, d, NULL, err) < 0)
		ok(0, "draft saved: %s", err);
	else if (document_issue(book, d->id, doc_compute_rows, warn, err) < 0)
		ok(0, "issued: %s", err);
	else
		id = d->id;
	record_free(d);
	return id;
}

static int64_t
doc_cents(int64_t id, const char *column)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT %s FROM documents WHERE id = %%lld", column);
	return strtoll(fx_query_id(book, sql, id), NULL, 10);
}

static const char *
sdi_state(int64_t id)
{
	return fx_query_id(book, "SELECT sdi_state FROM documents WHERE id = %lld", id);
}

/* The file exported for document id: valid against the XSD, clean for
 * fpa_check, read back to the document's totals. Its XML (newly
 * allocated), or NULL after failing checks. */
static char *
exported(const char *what, int64_t id)
{
	struct fpa_report r = { 0 }, r2 = { 0 };
	struct fpa_invoice *inv = NULL;
	struct sdi_file f;
	int64_t file = 0, tax = 0, taxable = 0, wh = 0, pay = 0;
	char err[ERR_SIZE];
	char *xml;
	int rc = fpa_export_document(book, id, xsd, &file, &r, err);

	ok(rc == 0, "%s: exported: %s", what, rc == 0 ? "" : err);
	fpa_report_free(&r);
	if (rc != 0 || sdi_file_get(book, file, 1, &f, err) < 0)
		return NULL;
	xml = (char *)f.xml;
	ok(fpa_schema_validate(xsd, xml, f.len, err) == 0, "%s: %s valid against the XSD: %s",
	   what, f.name, err);
	if (fpa_read_memory(xml, f.len, f.name, &inv, NULL, err) < 0) {
		ok(0, "%s: read back: %s", what, err);
		free(xml);
		return NULL;
	}
	is_int(fpa_check(inv, &r2), 0, "%s: no SdI error in the file read back", what);
	for (size_t i = 0; i < r2.n; i++)
		printf("# %s: %s\n", r2.f[i].code, r2.f[i].msg);
	fpa_report_free(&r2);
	for (size_t i = 0; i < inv->bodies[0].nvat; i++) {
		taxable += inv->bodies[0].vat[i].taxable;
		tax += inv->bodies[0].vat[i].tax;
	}
	for (int i = 0; i < inv->bodies[0].nwh; i++)
		wh += inv->bodies[0].wh[i].amount;
	for (size_t i = 0; i < inv->bodies[0].npay; i++)
		pay += inv->bodies[0].pay[i].amount;
	is_int(inv->bodies[0].doc_total, doc_cents(id, "total"), "%s: the total", what);
	is_int(taxable, doc_cents(id, "taxable"), "%s: the taxable amount", what);
	is_int(tax, doc_cents(id, "tax"), "%s: the VAT", what);
	is_int(wh, doc_cents(id, "withholding"), "%s: the withholding", what);
	is_int(inv->bodies[0].bollo, doc_cents(id, "bollo"), "%s: the bollo", what);
	if (inv->bodies[0].npay > 0)
		is_int(pay, doc_cents(id, "payable"), "%s: the payments add up to the payable",
		       what);
	is_str(sdi_state(id), "X", "%s: the document's SdI state is X", what);
	fpa_invoice_free(inv);
	return xml;
}

static int
has(const char *xml, const char *s)
{
	return xml != NULL && strstr(xml, s) != NULL;
}

static int
count(const char *xml, const char *s)
{
	int n = 0;

	for (const char *p = xml; p && (p = strstr(p, s)) != NULL; p++)
		n++;
	return n;
}

static int64_t invoice_bollo;

static void
test_bollo_and_norm(void)
{
	struct record *d = draft("FAT", rossi, "2026-01-10");
	char *xml;

	line(d, "Prestazione sanitaria esente", "1.00", "150.00", "0", "N4");
	line(d, "Materiale", "2.00", "10.00", "2200", "");
	record_set(d, DOC_BOLLO_CHARGED, "1");
	invoice_bollo = issue(d);
	xml = exported("bollo", invoice_bollo);
	ok(has(xml, "<BolloVirtuale>SI</BolloVirtuale>") && has(xml, "<ImportoBollo>2.00"),
	   "bollo: DatiBollo 2.00");
	ok(has(xml, FPA_BOLLO_LINE_DESCR), "bollo: charged as a line");
	ok(has(xml, "<Natura>N4</Natura>") && has(xml, "<RiferimentoNormativo>"),
	   "Natura N4 with its RiferimentoNormativo");
	ok(has(xml, "<FormatoTrasmissione>FPR12") && has(xml, "<CodiceDestinatario>ABC1234<"),
	   "FPR12 to the customer's SDI code");
	ok(has(xml, "<IdCodice>01234567897</IdCodice>") && has(xml, "<RegimeFiscale>RF01"),
	   "the company as cedente, its regime");
	ok(has(xml, "<ProgressivoInvio>00001</ProgressivoInvio>"), "the progressivo 00001");
	free(xml);
}

static void
test_ritenuta_cassa(void)
{
	struct record *d = draft("PAR", rossi, "2026-01-11"), *l;
	char *xml;

	l = line(d, "Progettazione", "1.00", "1000.00", "2200", "");
	record_set(l, LINE_RITENUTA, "1");
	record_set(d, DOC_WH_TYPE, "RT01");
	record_set(d, DOC_WH_RATE, "2000");
	record_set(d, DOC_WH_CAUSALE, "A");
	record_set(d, DOC_CASSA_TYPE, "TC04");
	record_set(d, DOC_CASSA_RATE, "400");
	record_set(d, DOC_CASSA_VAT_RATE, "2200");
	record_set(d, DOC_PAY_TERMS, "30");
	record_set(d, DOC_PAY_METHOD, "MP05");
	xml = exported("ritenuta+cassa", issue(d));
	ok(has(xml, "<TipoDocumento>TD06") && has(xml, "<TipoRitenuta>RT01") &&
		   has(xml, "<ImportoRitenuta>200.00"),
	   "parcella: ritenuta 20%% of 1000.00");
	ok(has(xml, "<TipoCassa>TC04") && has(xml, "<ImportoContributoCassa>40.00"),
	   "cassa 4%%");
	ok(has(xml, "<ModalitaPagamento>MP05") && has(xml, "<IBAN>IT60X0542811101000000123456"),
	   "DatiPagamento with the IBAN");
	free(xml);
}

/* The reader takes the order, CIG and CUP back, and the bridge into a
 * document record (what an import writes). */
static void
read_back_refs(const char *xml)
{
	struct fpa_invoice *inv = NULL;
	struct record *d = record_new(&documents_kind);
	char err[ERR_SIZE];

	if (xml == NULL || fpa_read_memory(xml, strlen(xml), "pa.xml", &inv, NULL, err) < 0) {
		ok(0, "read back: %s", xml ? err : "no file");
		record_free(d);
		return;
	}
	ok(strcmp(inv->bodies[0].order.id, "ORD-12") == 0 &&
		   strcmp(inv->bodies[0].order.cig, "1234567890") == 0 &&
		   strcmp(inv->bodies[0].order.cup, "J11B12000010001") == 0,
	   "read back: the order with its CIG and CUP");
	docbridge_body_to_record(&inv->bodies[0], d);
	ok(strcmp(record_get(d, DOC_ORDER_REF), "ORD-12") == 0 &&
		   strcmp(record_get(d, DOC_CIG), "1234567890") == 0 &&
		   strcmp(record_get(d, DOC_CUP), "J11B12000010001") == 0,
	   "and into a document record as an import makes it");
	record_free(d);
	fpa_invoice_free(inv);
}

static void
test_split_pa(void)
{
	struct record *d = draft("FAT", comune, "2026-01-12");
	char *xml;

	line(d, "Servizio", "1.00", "100.00", "2200", "");
	line(d, "Libri", "1.00", "50.00", "1000", "");
	record_set(d, DOC_ORDER_REF, "ORD-12");
	record_set(d, DOC_CIG, "1234567890");
	record_set(d, DOC_CUP, "J11B12000010001");
	xml = exported("split payment PA", issue(d));
	ok(has(xml, "<FormatoTrasmissione>FPA12") && has(xml, "<CodiceDestinatario>UFE3K0<") &&
		   has(xml, "versione=\"FPA12\""),
	   "FPA12 to the office code");
	is_int(count(xml, "<EsigibilitaIVA>S</EsigibilitaIVA>"), 2, "split payment on both rates");
	ok(has(xml, "<Causale>" FPA_NOTE_SPLIT), "its sentence in Causale");
	ok(has(xml, "<DatiOrdineAcquisto>") && has(xml, "<IdDocumento>ORD-12") &&
		   has(xml, "<CodiceCUP>J11B12000010001") && has(xml, "<CodiceCIG>1234567890"),
	   "the order with CUP and CIG");
	read_back_refs(xml);
	free(xml);
}

static void
test_reverse_charge(void)
{
	struct record *d = draft("FAT", rossi, "2026-01-13");
	char *xml;

	line(d, "Subappalto opere edili", "1.00", "5000.00", "0", "N6.3");
	xml = exported("reverse charge", issue(d));
	ok(has(xml, "<Natura>N6.3</Natura>") && has(xml, "<RiferimentoNormativo>"),
	   "N6.3 with its RiferimentoNormativo");
	ok(!has(xml, "<DatiBollo>"), "no bollo on a reverse charge");
	free(xml);
}

static void
test_forfettario(void)
{
	struct record *d = draft("FAT", rossi, "2026-01-14");
	char *xml;

	record_set(d, DOC_REGIME, "RF19");
	line(d, "Consulenza", "1.00", "500.00", "0", "N2.2");
	xml = exported("forfettario", issue(d));
	ok(has(xml, "<RegimeFiscale>RF19") && has(xml, "<Natura>N2.2"), "RF19, Natura N2.2");
	ok(has(xml, "<Causale>" FPA_NOTE_FORFETTARIO) && has(xml, "<BolloVirtuale>SI"),
	   "its sentence in Causale, and the bollo");
	free(xml);
}

static void
test_td24(void)
{
	struct record *d;
	int64_t ddt[2], ftd = 0;
	struct doc_convert c = { ddt, 2, "FTD", NULL, 0, "2026-01-31", doc_compute_rows };
	char err[ERR_SIZE], warn[DOC_WARN_SIZE], *xml;

	d = draft("DDT", rossi, "2026-01-15");
	line(d, "Carta", "10.00", "4.50", "2200", "");
	ddt[0] = issue(d);
	d = draft("DDT", rossi, "2026-01-20");
	line(d, "Toner", "2.00", "30.00", "2200", "");
	ddt[1] = issue(d);
	ok(document_convert(book, &c, &ftd, err) == 0, "the deferred invoice from two DDTs: %s",
	   err);
	ok(document_issue(book, ftd, doc_compute_rows, warn, err) == 0, "issued: %s", err);
	xml = exported("TD24", ftd);
	ok(has(xml, "<TipoDocumento>TD24"), "TD24");
	is_int(count(xml, "<DatiDDT>"), 2, "two DatiDDT");
	{
		struct fpa_invoice *inv = NULL;

		ok(xml != NULL && fpa_read_memory(xml, strlen(xml), "td24.xml", &inv, NULL, err) == 0 &&
			   inv->bodies[0].nddt == 2 &&
			   strcmp(inv->bodies[0].ddt[1].date, "2026-01-20") == 0,
		   "read back: the two DDTs");
		/* each delivered one of the lines: it names it (RiferimentoNumeroLinea) */
		for (size_t i = 0; inv != NULL && i < inv->bodies[0].nddt && i < 2; i++) {
			const struct fpa_body *bd = &inv->bodies[0];
			const struct fpa_ddt *t = &bd->ddt[i];

			ok(t->nlines == 1 && t->lines[0] >= 1 && (size_t)t->lines[0] <= bd->nlines &&
				   strcmp(bd->lines[t->lines[0] - 1].descr, i == 0 ? "Carta" : "Toner") == 0,
			   "DDT %zu names its line, %s: %zu named", i + 1, i == 0 ? "Carta" : "Toner",
			   t->nlines);
		}
		fpa_invoice_free(inv);
	}
	ok(has(xml, "<DataDDT>2026-01-15") && has(xml, "<DataDDT>2026-01-20"), "their dates");
	free(xml);
}

static void
test_credit_note(void)
{
	int64_t from[1] = { invoice_bollo }, nc = 0;
	struct doc_convert c = { from, 1, "NC", NULL, 0, "2026-02-01", doc_compute_rows };
	char err[ERR_SIZE], warn[DOC_WARN_SIZE], *xml, number[64];

	ok(document_convert(book, &c, &nc, err) == 0, "a credit note: %s", err);
	ok(document_issue(book, nc, doc_compute_rows, warn, err) == 0, "issued: %s", err);
	xml = exported("credit note", nc);
	snprintf(number, sizeof number, "<IdDocumento>%s</IdDocumento>",
		 fx_query_id(book, "SELECT number FROM documents WHERE id = %lld", invoice_bollo));
	ok(has(xml, "<TipoDocumento>TD04") && has(xml, "<DatiFattureCollegate>") &&
		   has(xml, number) && has(xml, "<Data>2026-01-10</Data>"),
	   "TD04 naming the invoice it credits");
	free(xml);
}

static void
test_foreign(void)
{
	struct record *d = draft("FAT", estero, "2026-02-02");
	char *xml;

	line(d, "Macchinario", "1.00", "2000.00", "0", "N3.2");
	xml = exported("customer abroad", issue(d));
	ok(has(xml, "<CodiceDestinatario>XXXXXXX<"), "XXXXXXX");
	ok(has(xml, "<IdPaese>DE</IdPaese>") && has(xml, "<IdCodice>123456789</IdCodice>"),
	   "its IdFiscaleIVA in Germany");
	ok(has(xml, "<CAP>00000</CAP>") && has(xml, "<Nazione>DE</Nazione>"),
	   "CAP 00000, Nazione DE");
	free(xml);
}

static void
test_discounts(void)
{
	struct record *d = draft("FAT", rossi, "2026-02-03"), *l;
	char *xml;

	l = line(d, "Sedia", "4.00", "50.00", "2200", "");
	record_set(l, LINE_DISCOUNTS, "SC 10.00%");
	record_set(d, DOC_DISCOUNT, "5.00%");
	xml = exported("discounts", issue(d));
	ok(has(xml, "<ScontoMaggiorazione>") && has(xml, "<Percentuale>10.00"),
	   "the line's discount");
	ok(has(xml, FPA_DISCOUNT_LINE_DESCR), "the document's discount as its line");
	ok(has(xml, "<PrezzoTotale>180.00"), "4 x 50.00 less 10%%");
	free(xml);
}

static int
stored(void)
{
	return atoi(book_query(book, "SELECT count(*) FROM sdi_files"));
}

static void
test_refused(void)
{
	struct record *d;
	struct fpa_report r = { 0 };
	struct fpa_schema *none = NULL;
	int64_t id, file = 0;
	int before = stored(), rc;
	char err[ERR_SIZE], *longline;

	/* a draft */
	d = draft("FAT", rossi, "2026-02-04");
	line(d, "Bozza", "1.00", "10.00", "2200", "");
	ok(record_save_ex(book, d, NULL, err) == 0, "a draft: %s", err);
	rc = fpa_export_document(book, d->id, xsd, &file, &r, err);
	ok(rc == REC_INVALID && strstr(err, "draft") != NULL, "a draft is refused: %s", err);
	record_free(d);

	/* the schema's rule: a Causale line longer than 200 characters */
	d = draft("FAT", rossi, "2026-02-05");
	line(d, "Servizio", "1.00", "10.00", "2200", "");
	longline = xmalloc(252);
	memset(longline, 'a', 250);
	longline[250] = '\0';
	record_set(d, DOC_CAUSALE, longline);
	free(longline);
	id = issue(d);
	rc = fpa_export_document(book, id, xsd, &file, &r, err);
	ok(rc == REC_INVALID && strstr(err, "00200") != NULL && strstr(err, "Causale") != NULL,
	   "the schema's rule and field named: %s", err);
	is_str(sdi_state(id), "", "no SdI state");
	ok(r.errors == 1 && strcmp(r.f[r.n - 1].code, "00200") == 0, "the finding is 00200");
	fpa_report_free(&r);

	/* the checker's rule: a summary whose VAT is wrong (00421) */
	d = draft("FAT", rossi, "2026-02-06");
	line(d, "Servizio", "1.00", "100.00", "2200", "");
	id = issue(d);
	book_exec(book, "UPDATE document_vat SET tax = tax + 100", err);
	rc = fpa_export_document(book, id, xsd, &file, &r, err);
	ok(rc == REC_INVALID && strstr(err, "00421") != NULL, "the SdI check named: %s", err);
	fpa_report_free(&r);

	/* CIG with no order nor contract */
	d = draft("FAT", comune, "2026-02-07");
	line(d, "Servizio", "1.00", "100.00", "2200", "");
	record_set(d, DOC_CIG, "1234567890");
	id = issue(d);
	rc = fpa_export_document(book, id, xsd, &file, &r, err);
	ok(rc == REC_INVALID && strstr(err, "CIG") != NULL, "a CIG alone is refused: %s", err);
	fpa_report_free(&r);
	is_int(stored(), before, "nothing was stored for any of them");

	/* no schema */
	setenv(FPA_SCHEMA_ENV, "/nonexistent", 1);
	ok(fpa_schema_find(NULL, &none, err) < 0 && strstr(err, "--with-fatturapa-schema") != NULL,
	   "no schema: says how to install it: %s", err);
	unsetenv(FPA_SCHEMA_ENV);
}

static void
test_again(void)
{
	struct record *d = draft("FAT", rossi, "2026-02-10");
	struct fpa_report r = { 0 };
	int64_t id, first = 0, again = 0;
	char err[ERR_SIZE], *xml;

	line(d, "Servizio", "1.00", "80.00", "2200", "");
	id = issue(d);
	xml = exported("again", id);
	free(xml);
	first = atoll(fx_query_id(book, "SELECT max(id) FROM sdi_files WHERE document = %lld", id));
	is_int(fpa_export_document(book, id, xsd, &again, &r, err), 1,
	       "unchanged: the same file kept: %s", err);
	is_int(again, first, "its id");
	ok(sdi_file_mark_sent(book, first, "<m@pec>", NULL, err) == 0, "sent: %s", err);
	is_int(fpa_export_document(book, id, xsd, &again, &r, err), 1, "sent: kept");
	is_int(again, first, "the same file");
	/* SdI rejected it (the receipts engineer's part moves it) */
	book_exec(book, "UPDATE sdi_files SET state = 'R' WHERE id = (SELECT max(id) FROM "
			"sdi_files)", err);
	is_int(fpa_export_document(book, id, xsd, &again, &r, err), 0,
	       "rejected: a new file: %s", err);
	ok(again == first + 1, "with the next progressivo");
	is_str(sdi_state(id), "X", "the document is X again");
	fpa_report_free(&r);
}

static void
test_no_piva(void)
{
	struct fpa_report r = { 0 };
	int64_t id, file;
	char err[ERR_SIZE];
	struct record *d = draft("FAT", rossi, "2026-02-11");

	line(d, "Servizio", "1.00", "80.00", "2200", "");
	id = issue(d);
	/* a profile never filled in (a new book's) */
	book_exec(book, "UPDATE company SET piva = ''", err);
	ok(fpa_export_document(book, id, xsd, &file, &r, err) == REC_INVALID &&
		   strstr(err, "partita IVA") != NULL,
	   "a company with no partita IVA: %s", err);
	fpa_report_free(&r);
}

int
main(void)
{
	const char *dir = getenv("SCRIVANO_FATTURAPA");
	char err[ERR_SIZE];

	setenv("SCRIVANO_TODAY", "2026-02-20", 1);
	if (dir == NULL || fpa_schema_find(dir, &xsd, err) < 0) {
		printf("1..0 # SKIP no FatturaPA schema (SCRIVANO_FATTURAPA)\n");
		return 0;
	}
	kind = documents_ui_kind();
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	company("01234567897", "RF01");
	rossi = customer("Rossi Srl", "09876540015", "IT", "");
	comune = customer("Comune di Prova", "11223340024", "IT", "UFE3K0");
	estero = customer("Muster GmbH", "123456789", "DE", "");
	test_bollo_and_norm();
	test_ritenuta_cassa();
	test_split_pa();
	test_reverse_charge();
	test_forfettario();
	test_td24();
	test_credit_note();
	test_foreign();
	test_discounts();
	test_refused();
	test_again();
	test_no_piva();
	temp_book_close(&tb, book);
	fpa_schema_free(xsd);
	return tap_done();
}
