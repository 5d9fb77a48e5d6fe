/* A document as text (src/bridge/doc-text.c on the print model of
 * doc-print.c): the exact lines of an issued invoice with two VAT rates
 * (company, party from the book, lines with a code, a text line and a
 * "10+5" discount, summary, totals, payment schedule, causale); the
 * forfettario's, split payment's and reverse charge's blocks and legal
 * notes; a draft saying DRAFT with no number; a DDT's transport; long
 * descriptions and names wrapped, never wider than 76 columns; the record
 * alone (a kind's print_text, no book). */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-fixtures.h"
#include "book/company.h"
#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/parties.h"
#include "bridge/doc-print.h"
#include "fisc/doc-rules.h"
#include "tap.h"
#include "util/util.h"

static struct book *book;
static struct temp_book tb;
static char party_id[32];

static void
setup(void)
{
	struct record *c, *p;
	char err[ERR_SIZE] = "";
	size_t bad;

	book = temp_book_open(&tb);
	if (book == NULL)
		exit(1);
	company_load(book, &c, err);
	record_set(c, COMPANY_NAME, "Società Rossi Srl");
	record_set(c, COMPANY_PIVA, "12345678903");
	record_set(c, COMPANY_CF, "12345678903");
	record_set(c, COMPANY_ADDRESS, "Via Roma");
	record_set(c, COMPANY_STREET_NO, "1");
	record_set(c, COMPANY_CAP, "20100");
	record_set(c, COMPANY_CITY, "Milano");
	record_set(c, COMPANY_PROVINCE, "MI");
	record_set(c, COMPANY_REGIME, "RF01");
	ok(record_save(book, c, &bad, err) == 0, "the company profile is saved: %s", err);
	record_free(c);
	p = record_new(&parties_kind);
	record_set(p, PARTY_ROLE, "C");
	record_set(p, PARTY_NAME, "Bianchi Costruzioni SpA");
	record_set(p, PARTY_PIVA, "01234567897");
	record_set(p, PARTY_ADDRESS, "Corso Francia");
	record_set(p, PARTY_STREET_NO, "22");
	record_set(p, PARTY_CAP, "10100");
	record_set(p, PARTY_CITY, "Torino");
	record_set(p, PARTY_PROVINCE, "TO");
	record_set(p, PARTY_SDI, "ABC1234");
	ok(record_save(book, p, &bad, err) == 0, "the customer is saved: %s", err);
	snprintf(party_id, sizeof party_id, "%" PRId64, p->id);
	record_free(p);
}

/* A sale of kind, issued as number (NULL: a draft), dated date. */
static struct record *
sale(const char *kind, const char *type, const char *number, const char *date)
{
	struct record *d = record_new(&documents_kind);

	if (d->rows == NULL)
		d->rows = xcalloc(documents_kind.nchildren, sizeof *d->rows);
	record_set(d, DOC_DIRECTION, "S");
	record_set(d, DOC_KIND, kind);
	record_set(d, DOC_TYPE, type);
	record_set(d, DOC_PARTY, party_id);
	record_set(d, DOC_DATE, date);
	record_set(d, DOC_STATE, number != NULL ? "I" : "D");
	if (number != NULL) {
		record_set(d, DOC_NUMBER, number);
		record_set(d, DOC_NUMBERING, "F");
		record_set(d, DOC_YEAR, "2026");
		record_set(d, DOC_SEQ, "1");
	}
	return d;
}

/* The lines of d with the book (as `scrivano document print`). */
static size_t
text_of(const struct record *d, char ***lines)
{
	char err[ERR_SIZE] = "";
	size_t n = document_print_lines(book, d, lines, err);

	if (n == (size_t)-1) {
		ok(0, "the print model is built: %s", err);
		*lines = NULL;
		return 0;
	}
	for (size_t i = 0; getenv("DOC_TEXT_DUMP") != NULL && i < n; i++)
		printf("# |%s\n", (*lines)[i]);
	return n;
}

static size_t
columns(const char *s)
{
	size_t n = 0, len;

	while (*s != '\0') {
		n += (size_t)utf8_char_width(s, &len);
		s += len;
	}
	return n;
}

/* Every line at most 76 columns. */
static void
narrow(char **lines, size_t n, const char *what)
{
	size_t wide = 0;

	for (size_t i = 0; i < n; i++)
		if (columns(lines[i]) > DOC_TEXT_WIDTH) {
			if (wide++ < 3)
				printf("# %zu columns: '%s'\n", columns(lines[i]), lines[i]);
		}
	ok(wide == 0 && n > 0, "%s: %zu lines, none wider than 76 columns", what, n);
}

/* The lines joined by blanks: a wrapped sentence is found whole. */
static char *
joined(char **lines, size_t n)
{
	struct buf b = { 0 };
	char *s;

	buf_adds(&b, "");
	for (size_t i = 0; i < n; i++) {
		const char *l = lines[i];
		while (*l == ' ')
			l++;
		buf_printf(&b, "%s%s", b.len > 0 ? " " : "", l);
	}
	s = xstrdup(b.data);
	buf_free(&b);
	return s;
}

static int
has_line(char **lines, size_t n, const char *want)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(lines[i], want) == 0)
			return 1;
	return 0;
}

static void
lines_are(char **lines, size_t n, const char *const *want, const char *what)
{
	size_t nwant = 0, bad = 0;

	while (want[nwant] != NULL)
		nwant++;
	for (size_t i = 0; i < n || i < nwant; i++) {
		const char *got = i < n ? lines[i] : "(none)", *w = i < nwant ? want[i] : "(none)";
		if (strcmp(got, w) != 0 && bad++ < 8)
			printf("# line %zu:\n#  got  '%s'\n#  want '%s'\n", i + 1, got, w);
	}
	ok(bad == 0 && n == nwant, "%s: %zu lines as expected (%zu differ)", what, nwant, bad);
}

static const char *const two_rates_text[] = {
	"Società Rossi Srl",
	"Via Roma 1",
	"20100 Milano (MI)",
	"VAT no. IT12345678903",
	"Tax regime: RF01 ordinario",
	"",
	"                                        Customer",
	"                                        Bianchi Costruzioni SpA",
	"                                        Corso Francia 22",
	"                                        10100 Torino (TO)",
	"                                        VAT no. IT01234567897",
	"                                        SDI code: ABC1234",
	"",
	"Invoice 1/2026 of 07/01/2026",
	"Document type: TD01 fattura",
	"Order: PO-77",
	"CIG: Z1234567AB",
	"",
	"Description                      Qty Unit       Price  Disc.  VAT      Total",
	"----------------------------------------------------------------------------",
	"ART01 Trapano a percussione     2,00 pz         60,00         22%     120,00",
	"Consegna al cantiere di via Po",
	"Manuale d'uso                   1,00 pz   52,63157895   10+5  10%      45,00",
	"----------------------------------------------------------------------------",
	"",
	"VAT summary",
	"VAT          Taxable           Tax Natura, norm",
	"22%           120,00         26,40",
	"10%            45,00          4,50",
	"",
	"                        Taxable amount                                165,00",
	"                        VAT                                            30,90",
	"                        Document total                                195,90",
	"                        Amount payable                                195,90",
	"",
	"Payment",
	"  Method: MP05 bonifico",
	"  Terms: 30/60",
	"  IBAN: IT60X0542811101000000123456",
	"Due date           Amount Method   IBAN",
	"06/02/2026          97,95 MP05     IT60X0542811101000000123456",
	"08/03/2026          97,95 MP05     IT60X0542811101000000123456",
	"",
	"Causale",
	"  Fornitura di gennaio",
	NULL,
};

/* By hand: 2 x 60.00 at 22% = 120.00, VAT 26.40; 52.63157895 less 10%
 * then 5% = 52.63157895 x 0.90 x 0.95 = 45.00 at 10%, VAT 4.50. Taxable
 * 165.00, VAT 30.90, total 195.90, in two instalments of 97.95. */
static struct record *
two_rates(void)
{
	struct record *d = sale("FAT", "TD01", "1/2026", "2026-01-07");

	record_set(d, DOC_SDI, "ABC1234");
	record_set(d, DOC_ORDER_REF, "PO-77");
	record_set(d, DOC_CIG, "Z1234567AB");
	record_set(d, DOC_TAXABLE, "16500");
	record_set(d, DOC_TAX, "3090");
	record_set(d, DOC_TOTAL, "19590");
	record_set(d, DOC_PAYABLE, "19590");
	record_set(d, DOC_PAY_METHOD, "MP05");
	record_set(d, DOC_PAY_TERMS, "30/60");
	record_set(d, DOC_IBAN, "IT60X0542811101000000123456");
	record_set(d, DOC_CAUSALE, "Fornitura di gennaio");
	record_row_add(d, DOC_LINES, "line_no", "1", "code", "ART01", "description",
		       "Trapano a percussione", "quantity", "2.00", "unit", "pz", "unit_price",
		       "60.00", "total", "120.00", "vat_rate", "2200", NULL);
	record_row_add(d, DOC_LINES, "line_no", "2", "line_type", "T", "description",
		       "Consegna al cantiere di via Po", "unit_price", "0.00", "total", "0.00",
		       NULL);
	record_row_add(d, DOC_LINES, "line_no", "3", "description", "Manuale d'uso", "quantity",
		       "1.00", "unit", "pz", "unit_price", "52.63157895", "discounts",
		       "SC 10.00%; SC 5.00%", "total", "45.00", "vat_rate", "1000", NULL);
	record_row_add(d, DOC_VAT, "vat_rate", "2200", "taxable", "12000", "tax", "2640",
		       "esigibilita", "I", NULL);
	record_row_add(d, DOC_VAT, "vat_rate", "1000", "taxable", "4500", "tax", "450",
		       "esigibilita", "I", NULL);
	record_row_add(d, DOC_PAYMENTS, "terms", "TP01", "mode", "MP05", "due", "2026-02-06",
		       "amount", "9795", "iban", "IT60X0542811101000000123456", NULL);
	record_row_add(d, DOC_PAYMENTS, "terms", "TP01", "mode", "MP05", "due", "2026-03-08",
		       "amount", "9795", "iban", "IT60X0542811101000000123456", NULL);
	return d;
}

static void
invoice_two_rates(void)
{
	struct record *d = two_rates();
	char **lines;
	size_t n = text_of(d, &lines);

	lines_are(lines, n, two_rates_text, "an invoice with two rates");
	narrow(lines, n, "the invoice");
	doc_print_lines_free(lines, n);
	record_free(d);
}

static void
forfettario(void)
{
	struct record *d = sale("FAT", "TD01", "2/2026", "2026-02-10");
	char **lines, *all;
	size_t n;

	record_set(d, DOC_REGIME, "RF19");
	record_set(d, DOC_TAXABLE, "50200");
	record_set(d, DOC_TOTAL, "50200");
	record_set(d, DOC_BOLLO, "200");
	record_set(d, DOC_BOLLO_CHARGED, "1");
	record_set(d, DOC_PAYABLE, "50200");
	record_row_add(d, DOC_LINES, "line_no", "1", "description", "Consulenza", "quantity",
		       "1.00", "unit_price", "500.00", "total", "500.00", "natura", "N2.2", NULL);
	record_row_add(d, DOC_LINES, "line_no", "2", "line_type", "B", "description",
		       "Rivalsa imposta di bollo", "quantity", "1.00", "unit_price", "2.00",
		       "total", "2.00", "natura", "N1", NULL);
	record_row_add(d, DOC_VAT, "natura", "N2.2", "taxable", "50000", "norm",
		       FPA_FORFETTARIO_NORM, NULL);
	record_row_add(d, DOC_VAT, "natura", "N1", "taxable", "200", NULL);
	n = text_of(d, &lines);
	all = joined(lines, n);
	narrow(lines, n, "the forfettario's invoice");
	ok(has_line(lines, n, "Tax regime: RF19 forfettario"), "the header names regime RF19");
	ok(has_line(lines, n,
		    "Consulenza                      1,00           500,00        N2.2     500,00"),
	   "the fee's line has Natura N2.2 and no VAT rate");
	ok(has_line(lines, n,
		    "Rivalsa imposta di bollo        1,00             2,00          N1       2,00"),
	   "the bollo charged is a line of its own, N1");
	ok(has_line(lines, n, "N2.2          500,00          0,00 Operazione in franchigia da IVA, "
			      "art. 1"),
	   "the summary's N2.2 block with its norm, wrapped in its column");
	ok(has_line(lines, n, "                        of which stamp duty charged  "
			      "                   2,00"),
	   "the bollo among the totals, charged");
	ok(strstr(all, FPA_NOTE_FORFETTARIO) != NULL, "the forfettario's sentence");
	ok(strstr(all, FPA_NOTE_FORFETTARIO_RIT) != NULL, "and its no-ritenuta sentence");
	ok(strstr(all, FPA_NOTE_BOLLO) != NULL, "the virtual bollo's sentence");
	ok(strstr(all, FPA_NOTE_SPLIT) == NULL, "no split payment's");
	free(all);
	doc_print_lines_free(lines, n);
	record_free(d);
}

static void
split_payment(void)
{
	struct record *d = sale("FAT", "TD01", "3/2026", "2026-02-12");
	char **lines, *all;
	size_t n;

	record_set(d, DOC_SPLIT, "1");
	record_set(d, DOC_PA_OFFICE, "UFX9K2");
	record_set(d, DOC_CUP, "J41E20000010006");
	record_set(d, DOC_TAXABLE, "100000");
	record_set(d, DOC_TAX, "22000");
	record_set(d, DOC_TOTAL, "122000");
	record_set(d, DOC_PAYABLE, "100000");
	record_row_add(d, DOC_LINES, "line_no", "1", "description", "Manutenzione impianti",
		       "quantity", "1.00", "unit_price", "1000.00", "total", "1000.00", "vat_rate",
		       "2200", NULL);
	record_row_add(d, DOC_VAT, "vat_rate", "2200", "taxable", "100000", "tax", "22000",
		       "esigibilita", "S", NULL);
	n = text_of(d, &lines);
	all = joined(lines, n);
	narrow(lines, n, "the split payment's invoice");
	ok(has_line(lines, n, "                                        PA office: UFX9K2"),
	   "the PA's office code in the customer's block");
	ok(has_line(lines, n, "CUP: J41E20000010006"), "the CUP among the references");
	ok(has_line(lines, n, "                        Document total              "
			      "                1.220,00"),
	   "the document total with the VAT");
	ok(has_line(lines, n, "                        VAT under split payment       "
			      "               -220,00"),
	   "the VAT the customer pays the State, taken off");
	ok(has_line(lines, n, "                        Amount payable              "
			      "                1.000,00"),
	   "the amount payable without the VAT");
	ok(strstr(all, FPA_NOTE_SPLIT) != NULL, "the split payment's sentence");
	free(all);
	doc_print_lines_free(lines, n);
	record_free(d);
}

static void
reverse_charge(void)
{
	struct record *d = sale("FAT", "TD01", "4/2026", "2026-02-13");
	char **lines, *all;
	size_t n;

	record_set(d, DOC_TAXABLE, "250000");
	record_set(d, DOC_TOTAL, "250000");
	record_set(d, DOC_PAYABLE, "250000");
	record_row_add(d, DOC_LINES, "line_no", "1", "description", "Posa in opera pavimenti",
		       "quantity", "100.00", "unit", "mq", "unit_price", "25.00", "total",
		       "2500.00", "natura", "N6.7", NULL);
	/* kept without its norm: the Natura's own is printed */
	record_row_add(d, DOC_VAT, "natura", "N6.7", "taxable", "250000", NULL);
	n = text_of(d, &lines);
	all = joined(lines, n);
	narrow(lines, n, "the reverse charge's invoice");
	ok(has_line(lines, n,
		    "Posa in opera pavimenti       100,00 mq         25,00        N6.7   2.500,00"),
	   "the line with Natura N6.7");
	ok(strstr(all, "N6.7        2.500,00          0,00 inversione contabile - prestazioni") !=
		   NULL,
	   "the summary's N6.7 block, no VAT, named");
	ok(strstr(all, "Inversione contabile art. 17 c.6 lett. a-ter DPR 633/72") != NULL,
	   "the reverse charge's article among the notes");
	ok(strstr(all, "VAT under split payment") == NULL, "no split payment among the totals");
	free(all);
	doc_print_lines_free(lines, n);
	record_free(d);
}

static void
draft_and_ddt(void)
{
	struct record *d = sale("FAT", "TD01", NULL, "2026-03-02");
	char **lines, *all;
	size_t n;

	record_set(d, DOC_NUMBER, "99/2026"); /* typed on a draft: not its number yet */

	record_row_add(d, DOC_LINES, "line_no", "1", "description", "Bozza", "quantity", "1.00",
		       "unit_price", "1.00", "total", "1.00", "vat_rate", "2200", NULL);
	n = text_of(d, &lines);
	ok(has_line(lines, n, "Invoice - DRAFT (not issued: no number) of 02/03/2026"),
	   "a draft's title says DRAFT and has no number");
	ok(has_line(lines, n, "DRAFT: not a valid document until issued"),
	   "and a line says it is not a document yet");
	all = joined(lines, n);
	ok(strstr(all, "99/2026") == NULL, "no number anywhere, not even one typed on the draft");
	free(all);
	doc_print_lines_free(lines, n);
	record_free(d);

	d = sale("DDT", "", "5/2026", "2026-03-03");
	record_set(d, DOC_CARRIER, "Trasporti Veloci Srl");
	record_set(d, DOC_GOODS_ASPECT, "scatole");
	record_set(d, DOC_PACKAGES, "3");
	record_set(d, DOC_WEIGHT, "12.50");
	record_set(d, DOC_PORTO, "franco");
	record_set(d, DOC_TRANSPORT_REASON, "vendita");
	record_set(d, DOC_TRANSPORT_START, "2026-03-03 08:30");
	record_row_add(d, DOC_LINES, "line_no", "1", "code", "VT-10", "description", "Viti",
		       "quantity", "100.00", "unit", "pz", "unit_price", "0.00", "total", "0.00",
		       NULL);
	n = text_of(d, &lines);
	all = joined(lines, n);
	ok(has_line(lines, n, "VT-10 Viti                    100,00 pz"),
	   "a DDT without prices: its line's code, description, quantity and unit only");
	ok(strstr(all, "Taxable amount") == NULL && strstr(all, "VAT summary") == NULL,
	   "and no summary nor totals");
	free(all);
	ok(has_line(lines, n, "Delivery note 5/2026 of 03/03/2026"), "a DDT's title");
	ok(has_line(lines, n, "Transport") && has_line(lines, n, "  Carrier: Trasporti Veloci Srl") &&
		   has_line(lines, n, "  Aspect of the goods: scatole") &&
		   has_line(lines, n, "  Packages: 3") && has_line(lines, n, "  Weight (kg): 12,50") &&
		   has_line(lines, n, "  Porto: franco") &&
		   has_line(lines, n, "  Reason for transport: vendita") &&
		   has_line(lines, n, "  Transport started: 03/03/2026 08:30"),
	   "its transport block");
	doc_print_lines_free(lines, n);
	record_free(d);
}

static void
wrapping(void)
{
	struct record *d = sale("FAT", "TD01", "6/2026", "2026-03-04");
	char long_word[61], **lines, *all;
	size_t n;

	memset(long_word, 'X', 60);
	long_word[60] = '\0';
	record_row_add(d, DOC_LINES, "line_no", "1", "code", "LONG-ARTICLE-CODE-123",
		       "description",
		       "Pannello isolante in lana di roccia ad alta densità per facciate "
		       "ventilate, spessore 100 mm, confezione da otto lastre",
		       "quantity", "12345.50", "unit", "pz", "unit_price", "1234567.12345678",
		       "total", "15241266783.59", "vat_rate", "2200", NULL);
	record_row_add(d, DOC_LINES, "line_no", "2", "description", long_word, "quantity", "1.00",
		       "unit_price", "1.00", "total", "1.00", "vat_rate", "2200", NULL);
	record_set(d, DOC_NOTES, "Una nota molto lunga che il documento stampa in fondo alla "
				 "pagina, andando a capo dove serve senza tagliare le parole; "
				 "anche su più righe.");
	n = text_of(d, &lines);
	narrow(lines, n, "long descriptions, numbers and notes");
	all = joined(lines, n);
	ok(has_line(lines, n, "LONG-ARTICLE-CODE-123       12.345,5 pz   1.234.567,1         "
			      "22% 15.241.266") &&
		   has_line(lines, n, "Pannello isolante in lana          0          2345678        "
				      "        .783,59") &&
		   has_line(lines, n, "spessore 100 mm, confezione") &&
		   has_line(lines, n, "da otto lastre"),
	   "the code, then the description wrapped at blanks in its column; figures too wide "
	   "for theirs go on below, never past 76 columns");
	ok(has_line(lines, n, "XXXXXXXXXXXXXXXXXXXXXXXXXXX     1,00             1,00         "
			      "22%       1,00") &&
		   has_line(lines, n, "XXXXXXXXXXXXXXXXXXXXXXXXXXX") && has_line(lines, n, "XXXXXX"),
	   "a word longer than its column is cut at the column and goes on below");
	ok(has_line(lines, n, "  Una nota molto lunga che il documento stampa in fondo alla pagina, "
			      "andando") &&
		   has_line(lines, n, "  a capo dove serve senza tagliare le parole; anche su più "
				      "righe."),
	   "the notes wrap at blanks, words whole, under their heading");
	free(all);
	doc_print_lines_free(lines, n);
	record_free(d);
}

/* A party with no address: its block has no blank lines. */
static void
bare_party(void)
{
	struct record *p = record_new(&parties_kind), *d;
	char err[ERR_SIZE] = "", id[32], **lines;
	size_t bad, n, at = 0;

	record_set(p, PARTY_ROLE, "C");
	record_set(p, PARTY_NAME, "Verdi Impianti Srl");
	record_set(p, PARTY_PIVA, "01234567897");
	ok(record_save(book, p, &bad, err) == 0, "a customer with no address: %s", err);
	snprintf(id, sizeof id, "%" PRId64, p->id);
	d = sale("FAT", "TD01", "7/2026", "2026-03-07");
	record_set(d, DOC_PARTY, id);
	n = text_of(d, &lines);
	while (at < n && strcmp(lines[at], "                                        Customer") != 0)
		at++;
	ok(at + 2 < n &&
		   strcmp(lines[at + 1], "                                        Verdi Impianti Srl") ==
			   0 &&
		   strcmp(lines[at + 2], "                                        VAT no. IT01234567897") ==
			   0,
	   "the name, then the partita IVA: no blank line for the address it has not");
	doc_print_lines_free(lines, n);
	record_free(d);
	record_free(p);
}

/* A DDT issued and made into an invoice by the book's flow: each names
 * the other among its links. */
static void
linked(void)
{
	struct record *d = sale("DDT", "", NULL, "2026-03-05"), *inv;
	struct record_fault fault;
	struct doc_convert c = { 0 };
	char err[ERR_SIZE] = "", warn[DOC_WARN_SIZE], **lines;
	int64_t from, to = 0;
	size_t n;

	record_row_add(d, DOC_LINES, "line_no", "1", "description", "Viti", "quantity", "10.00",
		       "unit_price", "1.00", "total", "10.00", "vat_rate", "2200", NULL);
	ok(record_save_ex(book, d, &fault, err) == 0 &&
		   document_issue(book, d->id, NULL, warn, err) == 0,
	   "a DDT saved and issued: %s", err);
	from = d->id;
	c.from = &from;
	c.nfrom = 1;
	c.kind = "FAT";
	c.date = "2026-03-06";
	ok(document_convert(book, &c, &to, err) == 0, "made into an invoice: %s", err);
	record_free(d);
	if (record_load(book, &documents_kind, from, &d, err) < 0 ||
	    record_load(book, &documents_kind, to, &inv, err) < 0) {
		ok(0, "both load: %s", err);
		return;
	}
	n = text_of(inv, &lines);
	ok(has_line(lines, n, "Linked documents") &&
		   has_line(lines, n, "  From: Delivery note 1/2026 of 05/03/2026"),
	   "the invoice names the DDT it came from");
	doc_print_lines_free(lines, n);
	n = text_of(d, &lines);
	ok(has_line(lines, n, "  Made into: Invoice (draft) of 06/03/2026"),
	   "the DDT names the invoice made from it, a draft");
	doc_print_lines_free(lines, n);
	record_free(d);
	record_free(inv);
}

/* The record alone: what a kind's print_text (which gets no book) shows. */
static void
record_alone(void)
{
	struct record *d = two_rates();
	char **lines;
	size_t n = doc_print_text(d, &lines);
	char *want = xasprintf("                                        no. %s of the register",
			       party_id);

	narrow(lines, n, "the record alone");
	ok(n > 0 && strcmp(lines[0], "") != 0 && !has_line(lines, n, "Società Rossi Srl"),
	   "no company header without the book");
	ok(has_line(lines, n, want), "the party by its number");
	ok(has_line(lines, n, "Invoice 1/2026 of 07/01/2026") &&
		   has_line(lines, n, "                        Amount payable              "
				      "                  195,90"),
	   "the title and the totals as with the book");
	free(want);
	doc_print_lines_free(lines, n);
	record_free(d);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setup();
	invoice_two_rates();
	forfettario();
	split_payment();
	reverse_charge();
	draft_and_ddt();
	wrapping();
	linked();
	bare_party();
	record_alone();
	temp_book_close(&tb, book);
	return tap_done();
}
