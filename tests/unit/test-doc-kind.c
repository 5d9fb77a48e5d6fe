/* The documents kind the screens use (src/bridge/doc-kind.c): registered
 * in the place of the book's; a new document's defaults; a draft's totals,
 * lines, summary, withholdings and schedule computed through the fiscal
 * core against hand-computed figures, an issued one's left as frozen; the
 * core's lines (the bollo charged) saved as rows, once; a draft the core
 * refuses not saved; the customer and the article filling the header and
 * the line; an issued document frozen, but for one SdI rejected; Sent and
 * Paid. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book-fixtures.h"
#include "book/articles.h"
#include "book/company.h"
#include "book/documents.h"
#include "book/parties.h"
#include "bridge/doc-kind.h"
#include "tap.h"
#include "util/util.h"

static struct book *book;
static const struct record_kind *kind;
static const char *tb_dir;
static char party_id[32], article_id[32];

static void
registered(void)
{
	size_t named = 0;

	ok(record_kind_find("documents") == &documents_kind,
	   "before registering, `table documents` is the book's kind");
	doc_kind_register();
	kind = documents_ui_kind();
	ok(record_kind_find("documents") == kind, "after, it is the screens' kind");
	for (size_t i = 0; record_kind_at(i) != NULL; i++) {
		named += strcmp(record_kind_at(i)->name, "documents") == 0;
		ok(record_kind_at(i) != &documents_kind, "kind %zu is not the book's documents",
		   i);
	}
	is_int(named, 1, "the kinds list documents once");
	ok(kind->compute != NULL && kind->init != NULL && kind->fill != NULL &&
		   kind->frozen != NULL && kind->nfields == documents_kind.nfields &&
		   kind->table == documents_kind.table,
	   "it computes, fills and freezes, over the book's table");
	is_str(kind->fields[DOC_KIND].dflt, "FAT", "a new one is a sale invoice");
	is_str(kind->fields[DOC_STATE].dflt, "D", "a draft");
}

static void
company(void)
{
	struct record *c;
	char err[ERR_SIZE];

	if (company_load(book, &c, err) < 0) {
		ok(0, "the company loads: %s", err);
		return;
	}
	record_set(c, COMPANY_NAME, "Studio Bianchi Srl");
	record_set(c, COMPANY_PIVA, "01234567897");
	record_set(c, COMPANY_REGIME, "RF01");
	record_set(c, COMPANY_IBAN, "IT60X0542811101000000123456");
	is_int(record_save(book, c, NULL, err), 0, "the company is saved: %s", err);
	record_free(c);
}

static void
party_and_article(void)
{
	struct record *p = record_new(&parties_kind), *a = record_new(&articles_kind);
	char err[ERR_SIZE];

	record_set(p, PARTY_ROLE, "C");
	record_set(p, PARTY_NAME, "Comune di Prova");
	record_set(p, PARTY_PIVA, "01234567897");
	record_set(p, PARTY_PA, "1");
	record_set(p, PARTY_PA_OFFICE, "UFE3K0");
	record_set(p, PARTY_PAY_DAYS, "30");
	record_set(p, PARTY_PAY_METHOD, "MP05");
	is_int(record_save(book, p, NULL, err), 0, "a public administration is saved: %s", err);
	snprintf(party_id, sizeof party_id, "%lld", (long long)p->id);
	record_set(a, ARTICLE_CODE, "CARTA-A4");
	record_set(a, ARTICLE_DESCRIPTION, "Carta A4 80 g");
	record_set(a, ARTICLE_UNIT, "RISMA");
	record_set(a, ARTICLE_PRICE, "450000000"); /* 4.50 */
	record_set(a, ARTICLE_VAT_RATE, "2200");
	is_int(record_save(book, a, NULL, err), 0, "an article is saved: %s", err);
	snprintf(article_id, sizeof article_id, "%lld", (long long)a->id);
	record_free(p);
	record_free(a);
}

static void
init(void)
{
	struct record *r = record_new(kind);
	char today[11], err[ERR_SIZE];

	record_set(r, DOC_KIND, "NC"); /* as a view of credit notes presets it */
	is_int(kind->init(book, r, err), 0, "a new document is made: %s", err);
	is_str(record_get(r, DOC_KIND), "NC", "the view's kind stays");
	is_str(record_get(r, DOC_DIRECTION), "S", "a sale");
	is_str(record_get(r, DOC_TYPE), "TD04", "its TipoDocumento from the kind");
	is_str(record_get(r, DOC_STATE), "D", "a draft");
	util_today(today);
	is_str(record_get(r, DOC_DATE), today, "dated today");
	is_str(record_get(r, DOC_REGIME), "RF01", "the company's regime");
	is_str(record_get(r, DOC_IBAN), "IT60X0542811101000000123456", "and its IBAN");
	is_str(record_get(r, DOC_SERIES), "", "no series");
	record_free(r);
	r = record_new(kind);
	kind->init(book, r, err);
	ok(strcmp(record_get(r, DOC_KIND), "FAT") == 0 && strcmp(record_get(r, DOC_TYPE), "TD01") == 0,
	   "with no view, a new document is an invoice, TD01");
	record_free(r);
	r = record_new(kind);
	record_set(r, DOC_KIND, "OF");
	kind->init(book, r, err);
	is_str(record_get(r, DOC_DIRECTION), "P", "a supplier order is a purchase");
	is_str(record_get(r, DOC_TYPE), "", "with no TipoDocumento");
	is_str(record_get(r, DOC_IBAN), "", "nor the company's IBAN");
	record_free(r);
}

/* A draft invoice of the PA party, dated 2026-01-31. */
static struct record *
draft(void)
{
	struct record *r = record_new(kind);
	char err[ERR_SIZE];

	record_set(r, DOC_KIND, "FAT");
	kind->init(book, r, err);
	record_set(r, DOC_PARTY, party_id);
	record_set(r, DOC_DATE, "2026-01-31");
	return r;
}

static void
add_line(struct record *r, const char *type, const char *qty, const char *price,
	 const char *disc, const char *rate, const char *natura, const char *rit)
{
	record_row_add(r, DOC_LINES, "line_type", type, "description", "Riga", "quantity", qty,
		       "unit_price", price, "discounts", disc, "vat_rate", rate, "natura", natura,
		       "ritenuta", rit, NULL);
}

static const char *
row(const struct record *r, size_t c, size_t i, size_t f)
{
	return i < r->rows[c].n ? record_get(r->rows[c].row[i], f) : "(none)";
}

/* The quote of the issue: an article's line, a text line, a line with
 * 10+5 off. */
static void
three_lines(void)
{
	struct record *r = draft();

	add_line(r, "", "2.00", "4.50", "", "2200", "", "0");
	add_line(r, "T", "", "", "", "0", "", "0");
	add_line(r, "", "", "", "", "0", "", "0"); /* a line just begun: no price yet */
	add_line(r, "", "1.00", "100.00", "SC 10.00%; SC 5.00%", "2200", "", "0");
	kind->compute(r);
	is_str(row(r, DOC_LINES, 0, LINE_TOTAL), "9.00", "2 x 4.50 = 9.00");
	is_str(row(r, DOC_LINES, 1, LINE_TOTAL), "0.00", "a text line carries nothing");
	is_str(row(r, DOC_LINES, 1, LINE_PRICE), "0.00", "and its price is 0");
	is_str(row(r, DOC_LINES, 2, LINE_TOTAL), "0.00", "a line just begun counts nothing");
	is_str(row(r, DOC_LINES, 2, LINE_PRICE), "", "and keeps its price to type");
	is_str(row(r, DOC_LINES, 3, LINE_TOTAL), "85.50", "100 less 10%% then 5%% = 85.50");
	is_str(row(r, DOC_LINES, 3, LINE_NO), "4", "lines are numbered");
	is_str(record_get(r, DOC_TAXABLE), "9450", "taxable 94.50");
	is_str(record_get(r, DOC_TAX), "2079", "VAT 22%% of 94.50 = 20.79");
	is_str(record_get(r, DOC_TOTAL), "11529", "total 115.29");
	is_int(r->rows[DOC_VAT].n, 1, "one summary block");
	is_str(row(r, DOC_VAT, 0, VAT_TAXABLE), "9450", "of 94.50");
	is_str(record_get(r, DOC_PAYABLE), "11529", "all payable");
	record_free(r);
}

static void
split_and_schedule(void)
{
	struct record *r = draft();

	add_line(r, "", "1.00", "100.00", "", "2200", "", "0");
	record_set(r, DOC_SPLIT, "1");
	record_set(r, DOC_PAY_TERMS, "30/60");
	record_set(r, DOC_PAY_METHOD, "MP05");
	kind->compute(r);
	is_str(record_get(r, DOC_TOTAL), "12200", "split payment: the total has the VAT");
	is_str(record_get(r, DOC_PAYABLE), "10000", "the PA pays the taxable only");
	is_str(row(r, DOC_VAT, 0, VAT_ESIGIBILITA), "S", "the summary says S");
	is_int(r->rows[DOC_PAYMENTS].n, 2, "30/60: two instalments");
	is_str(row(r, DOC_PAYMENTS, 0, PAY_AMOUNT), "5000", "half each");
	is_str(row(r, DOC_PAYMENTS, 1, PAY_AMOUNT), "5000", "half each");
	is_str(row(r, DOC_PAYMENTS, 0, PAY_DUE), "2026-03-02", "31 January + 30 days");
	is_str(row(r, DOC_PAYMENTS, 0, PAY_MODE), "MP05", "by the method");
	is_str(row(r, DOC_PAYMENTS, 0, PAY_IBAN), "IT60X0542811101000000123456", "to the IBAN");
	record_free(r);
}

static void
withholding_and_cassa(void)
{
	struct record *r = draft();

	add_line(r, "", "1.00", "1000.00", "", "2200", "", "1");
	record_set(r, DOC_WH_TYPE, "RT01");
	record_set(r, DOC_WH_RATE, "2000");
	record_set(r, DOC_WH_CAUSALE, "A");
	record_set(r, DOC_CASSA_TYPE, "TC22");
	record_set(r, DOC_CASSA_RATE, "400");
	record_set(r, DOC_CASSA_VAT_RATE, "2200");
	kind->compute(r);
	is_str(record_get(r, DOC_CASSA), "4000", "the cassa: 4%% of 1000.00 = 40.00");
	is_str(record_get(r, DOC_TAXABLE), "104000", "taxable 1040.00 with the cassa");
	is_str(record_get(r, DOC_TAX), "22880", "VAT 228.80");
	is_str(record_get(r, DOC_TOTAL), "126880", "total 1268.80");
	is_str(record_get(r, DOC_WITHHOLDING), "20000", "ritenuta 20%% of the fee, 200.00");
	is_str(record_get(r, DOC_PAYABLE), "106880", "payable less the ritenuta");
	is_int(r->rows[DOC_WITHHOLDINGS].n, 1, "one withholding row");
	is_str(row(r, DOC_WITHHOLDINGS, 0, WH_TYPE), "RT01", "RT01");
	record_free(r);
}

static void
forfettario_bollo_discount(void)
{
	struct record *r = draft(), *back = NULL;
	char err[ERR_SIZE];
	int rc;

	record_set(r, DOC_REGIME, "RF19");
	record_set(r, DOC_SPLIT, "0");
	record_set(r, DOC_BOLLO_CHARGED, "1");
	record_set(r, DOC_DISCOUNT, "10.00%");
	add_line(r, "", "1.00", "200.00", "", "0", "N2.2", "0");
	kind->compute(r);
	is_str(record_get(r, DOC_BOLLO), "200", "forfettario above 77.47: the bollo is due");
	is_str(record_get(r, DOC_TAX), "0", "no VAT");
	is_str(record_get(r, DOC_TAXABLE), "18200",
	       "200.00 less 10%% = 180.00, with the bollo charged 182.00");
	is_int(r->rows[DOC_LINES].n, 1, "compute alone adds no line to the grid");
	rc = record_save_ex(book, r, NULL, err);
	is_int(rc, 0, "the draft is saved: %s", err);
	ok(r->rows[DOC_LINES].n == 3 && strcmp(row(r, DOC_LINES, 1, LINE_TYPE), "SC") == 0 &&
		   strcmp(row(r, DOC_LINES, 2, LINE_TYPE), "B") == 0,
	   "saved with the discount's line (SC) and the bollo's (B): %zu lines",
	   r->rows[DOC_LINES].n);
	is_str(row(r, DOC_LINES, 2, LINE_TOTAL), "2.00", "the rivalsa is 2.00");
	is_str(record_get(r, DOC_TOTAL), "18200", "the total is the same");
	if (rc == 0 && record_load(book, kind, r->id, &back, err) == 0) {
		is_int(record_save_ex(book, back, NULL, err), 0, "saved again: %s", err);
		is_int(back->rows[DOC_LINES].n, 3, "still three lines: the core's are made again");
		is_str(record_get(back, DOC_TOTAL), "18200", "the same total");
		is_str(book_query(book, "SELECT count(*) FROM document_lines WHERE line_type = 'B'"),
		       "1", "one bollo line in the book");
		record_free(back);
	}
	record_free(r);
}

static void
refused_and_frozen(void)
{
	struct record *r = draft();
	char err[ERR_SIZE], caption[ERR_SIZE], why[ERR_SIZE];
	size_t bad = 0;

	add_line(r, "", "3.00", "10.00", "SC 10.00%", "0", "", "0");
	kind->compute(r);
	is_str(row(r, DOC_LINES, 0, LINE_TOTAL), "27.00",
	       "a line at rate 0 with no Natura yet still gets its own total");
	is_str(record_get(r, DOC_TOTAL), "0", "but no document total");
	is_str(row(r, DOC_LINES, 0, LINE_NO), "1",
	       "and its number, which the book checks when the cursor leaves the line");
	is_int(record_validate(r->rows[DOC_LINES].row[0], &bad, err), 0,
	       "so the line as typed so far passes: %s", err);
	is_int(record_save(book, r, &bad, err), REC_INVALID,
	       "a draft the core refuses is not saved");
	ok(strstr(err, "Natura") != NULL, "with the core's message: %s", err);
	record_free(r);

	/* a forfettario types a line: every step before its Natura is one
	 * the core refuses (no VAT, and rate 0 needs a Natura) */
	r = draft();
	record_set(r, DOC_REGIME, "RF19");
	add_line(r, "", "", "", "", "0", "", "0");
	kind->compute(r);
	record_set(r->rows[DOC_LINES].row[0], LINE_PRICE, "200.00");
	kind->compute(r);
	is_str(row(r, DOC_LINES, 0, LINE_NO), "1", "a forfettario's line is numbered too");
	is_int(record_validate(r->rows[DOC_LINES].row[0], &bad, err), 0,
	       "and can be left before its Natura is typed: %s", err);
	record_set(r->rows[DOC_LINES].row[0], LINE_NATURA, "N2.2");
	kind->compute(r);
	is_str(record_get(r, DOC_TOTAL), "20000", "with N2.2, its total: 200.00");
	record_free(r);

	r = draft();
	add_line(r, "", "1.00", "10.00", "", "2200", "", "0");
	record_set(r, DOC_TOTAL, "1");
	record_set(r, DOC_STATE, "I");
	record_set(r, DOC_NUMBER, "1/2026");
	kind->compute(r);
	is_str(record_get(r, DOC_TOTAL), "1", "an issued document's totals are never recomputed");
	is_int(kind->frozen(r, caption, why), 0, "an unsaved one is not frozen yet");
	r->id = 5;
	is_int(kind->frozen(r, caption, why), 1, "an issued one is frozen");
	is_str(caption, "Invoice 1/2026, issued", "its title says it");
	is_str(why, "Invoice 1/2026 is no longer a draft (issued): it is never changed; a credit "
	       "note corrects it.",
	       "and why");
	record_set(r, DOC_KIND, "FA");
	record_set(r, DOC_DIRECTION, "P");
	record_set(r, DOC_NUMBER, "A-77");
	kind->frozen(r, caption, why);
	is_str(caption, "Purchase invoice A-77, registered", "a purchase is registered");
	record_set(r, DOC_STATE, "D");
	is_int(kind->frozen(r, caption, why), 0, "a draft is not");
	record_free(r);

	/* one SdI rejected is corrected: open, and computed as typed */
	r = draft();
	add_line(r, "", "1.00", "10.00", "", "2200", "", "0");
	record_set(r, DOC_STATE, "S");
	record_set(r, DOC_NUMBER, "1/2026");
	record_set(r, DOC_SDI_STATE, "R");
	r->id = 5;
	is_int(kind->frozen(r, caption, why), 0, "an invoice SdI rejected is not frozen");
	kind->compute(r);
	is_str(record_get(r, DOC_TOTAL), "1220", "and its totals follow what is typed");
	record_set(r, DOC_SDI_STATE, "X");
	is_int(kind->frozen(r, caption, why), 1, "made again as a new file, it is frozen");
	record_free(r);
}

static void
fills(void)
{
	struct record *r = draft(), *p;
	char err[ERR_SIZE];

	is_int(kind->fill(book, r, RECORD_PARENT, 0, DOC_PARTY, err), 0, "the party fills: %s",
	       err);
	is_str(record_get(r, DOC_PA_OFFICE), "UFE3K0", "its office code");
	is_str(record_get(r, DOC_SPLIT), "1", "a PA: split payment");
	is_str(record_get(r, DOC_PAY_TERMS), "30", "its days");
	is_str(record_get(r, DOC_PAY_METHOD), "MP05", "its method");
	is_str(record_get(r, DOC_INTENT), "", "no dichiarazione d'intento");
	record_set(r, DOC_PAY_TERMS, "60 FM");
	if (record_load(book, &parties_kind, strtoll(party_id, NULL, 10), &p, err) == 0) {
		record_set(p, PARTY_INTENT_PROTOCOL, "08060120341234567-000001");
		record_set(p, PARTY_INTENT_DATE, "2026-01-10");
		record_set(p, PARTY_PA, "0");
		record_set(p, PARTY_PA_OFFICE, "");
		record_set(p, PARTY_SDI, "ABC1234");
		is_int(record_save(book, p, NULL, err), 0, "the party changes: %s", err);
		record_free(p);
	}
	kind->fill(book, r, RECORD_PARENT, 0, DOC_PARTY, err);
	is_str(record_get(r, DOC_PAY_TERMS), "60 FM", "terms typed stay");
	is_str(record_get(r, DOC_SPLIT), "0", "not a PA now: no split payment");
	is_str(record_get(r, DOC_SDI), "ABC1234", "its SDI code");
	is_str(record_get(r, DOC_PA_OFFICE), "", "no office code");
	is_str(record_get(r, DOC_INTENT), "08060120341234567-000001 del 10/01/2026",
	       "its dichiarazione d'intento");
	record_row_add(r, DOC_LINES, "article_id", article_id, NULL);
	is_int(kind->fill(book, r, DOC_LINES, 0, LINE_ARTICLE, err), 0, "the article fills: %s",
	       err);
	is_str(row(r, DOC_LINES, 0, LINE_CODE), "CARTA-A4", "its code");
	is_str(row(r, DOC_LINES, 0, LINE_DESCRIPTION), "Carta A4 80 g", "its description");
	is_str(row(r, DOC_LINES, 0, LINE_UNIT), "RISMA", "its unit");
	is_str(row(r, DOC_LINES, 0, LINE_PRICE), "4.50", "its price");
	is_str(row(r, DOC_LINES, 0, LINE_QTY), "1.00", "a quantity of 1");
	is_str(row(r, DOC_LINES, 0, LINE_NATURA), "N3.5", "under the dichiarazione: N3.5");
	is_str(row(r, DOC_LINES, 0, LINE_VAT_RATE), "0", "at rate 0");
	record_free(r);
	r = record_new(kind);
	record_set(r, DOC_KIND, "FA");
	kind->init(book, r, err);
	record_set(r, DOC_PARTY, party_id);
	kind->fill(book, r, RECORD_PARENT, 0, DOC_PARTY, err);
	ok(strcmp(record_get(r, DOC_SDI), "") == 0 && strcmp(record_get(r, DOC_INTENT), "") == 0 &&
		   strcmp(record_get(r, DOC_SPLIT), "0") == 0,
	   "a purchase takes no SDI code, dichiarazione nor split payment from its supplier");
	is_str(record_get(r, DOC_PAY_TERMS), "30", "but its payment days");
	record_row_add(r, DOC_LINES, "article_id", article_id, NULL);
	kind->fill(book, r, DOC_LINES, 0, LINE_ARTICLE, err);
	is_str(row(r, DOC_LINES, 0, LINE_VAT_RATE), "2200", "else the article's rate");
	is_str(row(r, DOC_LINES, 0, LINE_NATURA), "", "and Natura");
	record_free(r);
}

static const struct record_command *
command(const char *name)
{
	for (size_t i = 0; i < kind->ncommands; i++)
		if (strcmp(kind->commands[i].name, name) == 0)
			return &kind->commands[i];
	printf("# no command %s\n", name);
	return NULL;
}

/* The commands a record is offered, by name: "issue sent". */
static const char *
offered(const struct record *r)
{
	static char out[256];
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < kind->ncommands; i++)
		if (kind->commands[i].applies == NULL || kind->commands[i].applies(r))
			n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", n ? " " : "",
					      kind->commands[i].name);
	return out;
}

/* r reloaded from the book (r freed); NULL after a failing check. */
static struct record *
reload(struct record *r)
{
	struct record *now = NULL;
	char err[ERR_SIZE];

	if (record_load(book, kind, r->id, &now, err) < 0)
		ok(0, "it loads: %s", err);
	record_free(r);
	return now;
}

/* Runs command name on r: its return, with its message in msg. */
static int
run(const char *name, const struct record *r, const char *arg, int64_t *open_id, char *msg,
    char *err)
{
	const struct record_command *c = command(name);

	msg[0] = err[0] = '\0';
	*open_id = 0;
	return c != NULL ? c->run(book, r, arg, open_id, msg, err) : -99;
}

static void
commands(void)
{
	struct record *r = draft(), *nc = NULL;
	char err[ERR_SIZE], msg[ERR_SIZE], caption[ERR_SIZE], why[ERR_SIZE];
	int64_t open_id = 0;

	add_line(r, "", "2.00", "10.00", "", "2200", "", "0");
	add_line(r, "", "1.00", "5.00", "", "2200", "", "0");
	record_set(r, DOC_SPLIT, "0");
	kind->compute(r);
	is_int(record_save_ex(book, r, NULL, err), 0, "a draft invoice is saved: %s", err);
	is_str(offered(r), "issue pdf", "a draft is offered Issue (and its PDF)");
	is_int(run("issue", r, NULL, &open_id, msg, err), 0, "Issue: %s", err);
	is_str(msg, "Issued as 1/2026.", "it says its number");
	if ((r = reload(r)) == NULL)
		return;
	is_str(record_get(r, DOC_STATE), "I", "issued in the book");
	is_str(record_get(r, DOC_TOTAL), "3050", "its total computed at issue: 25.00 + 22%%");
	is_int(kind->frozen(r, caption, why), 1, "and frozen");
	is_str(caption, "Invoice 1/2026, issued", "the form's title says so");
	is_str(offered(r), "credit-note debit-note sent paid export-xml send-sdi fetch-sdi pdf",
	       "an issued invoice: credit and debit note, sent, paid, its FatturaPA file");
	is_int(run("credit-note", r, NULL, &open_id, msg, err), 0, "Credit note: %s", err);
	ok(open_id != 0, "it opens the new draft");
	is_str(msg, "A new draft Credit note: check it, then Issue.", "and says what to do");
	if (open_id != 0 && record_load(book, kind, open_id, &nc, err) == 0) {
		is_str(record_get(nc, DOC_KIND), "NC", "a credit note");
		is_str(record_get(nc, DOC_STATE), "D", "a draft");
		is_int(nc->rows[DOC_LINES].n, 2, "of both lines");
		is_str(record_get(nc, DOC_TOTAL), "3050", "computed");
		is_str(offered(nc), "issue pdf", "to be issued");
		record_rows_remove(&nc->rows[DOC_LINES], 0);
		kind->compute(nc);
		is_int(record_save_ex(book, nc, NULL, err), 0, "one line deleted: %s", err);
		is_int(run("issue", nc, NULL, &open_id, msg, err), 0, "issued: %s", err);
		is_str(msg, "Issued as 2/2026.", "the next number of the invoices' numbering");
		nc = reload(nc);
		is_str(nc ? record_get(nc, DOC_TOTAL) : "", "610", "crediting 5.00 + 22%%");
		record_free(nc);
	}
	/* out: the printed page with the book's company and party, the PDF */
	{
		char **lines = NULL, *path = xasprintf("%s/out.pdf", tb_dir), pre[ERR_SIZE];
		size_t n = kind->print_book(book, r, &lines, err);
		struct buf all = { 0 };
		FILE *f;
		char head[5] = "";

		ok(n != (size_t)-1 && n > 0, "Print: the page's lines: %s", n == (size_t)-1 ? err : "");
		for (size_t i = 0; n != (size_t)-1 && i < n; i++) {
			buf_printf(&all, "%s\n", lines[i]);
			free(lines[i]);
		}
		free(lines);
		ok(all.data != NULL && strstr(all.data, "Studio Bianchi Srl") != NULL &&
			   strstr(all.data, "1/2026") != NULL && strstr(all.data, "30,50") != NULL,
		   "with the company's header, the number and the total");
		buf_free(&all);
		command("pdf")->preset(book, r, pre);
		is_str(pre, "Invoice-1_2026.pdf", "the PDF offers a name");
		is_int(run("pdf", r, path, &open_id, msg, err), 0, "PDF: %s", err);
		f = fopen(path, "rb");
		if (f != NULL) {
			if (fread(head, 1, 4, f) != 4)
				head[0] = '\0';
			fclose(f);
		}
		is_str(head, "%PDF", "a PDF file is written");
		unlink(path);
		free(path);
	}
	is_int(run("sent", r, NULL, &open_id, msg, err), 0, "Sent: %s", err);
	is_str(msg, "1/2026: marked as sent.", "it says so");
	if ((r = reload(r)) == NULL)
		return;
	is_str(offered(r), "credit-note debit-note paid export-xml send-sdi fetch-sdi pdf", "then it may be paid");
	is_int(run("sent", r, NULL, &open_id, msg, err), REC_INVALID, "not sent twice: %s", err);
	is_int(run("paid", r, NULL, &open_id, msg, err), 0, "Paid: %s", err);
	is_str(book_query(book, "SELECT state FROM documents WHERE number = '1/2026'"), "P",
	       "paid in the book");
	record_free(r);
}

/* A quote to an order to a DDT, two DDTs to one deferred invoice. */
static void
flow(void)
{
	struct record *q = record_new(kind), *d1 = NULL, *d2 = NULL, *o = NULL, *f = NULL;
	char err[ERR_SIZE], msg[ERR_SIZE], arg[ERR_SIZE];
	int64_t id = 0;

	record_set(q, DOC_KIND, "PRE");
	kind->init(book, q, err);
	record_set(q, DOC_PARTY, party_id);
	add_line(q, "", "3.00", "10.00", "", "2200", "", "0");
	kind->compute(q);
	is_int(record_save_ex(book, q, NULL, err), 0, "a quote is saved: %s", err);
	is_int(run("issue", q, NULL, &id, msg, err), 0, "issued: %s", err);
	is_str(msg, "Issued as 1/2026.", "in its own numbering");
	q = reload(q);
	is_str(q ? offered(q) : "", "to-order to-invoice sent pdf",
	       "a quote converts to an order or an invoice, or is sent");
	is_int(run("to-order", q, NULL, &id, msg, err), 0, "to an order: %s", err);
	if (id != 0 && record_load(book, kind, id, &o, err) == 0) {
		is_str(record_get(o, DOC_KIND), "ORD", "an order");
		run("issue", o, NULL, &id, msg, err);
		o = reload(o);
		is_str(o ? offered(o) : "", "to-ddt to-invoice sent pdf",
		       "an order converts to a DDT or an invoice");
		is_int(run("to-ddt", o, NULL, &id, msg, err), 0, "to a DDT: %s", err);
		if (id != 0 && record_load(book, kind, id, &d1, err) == 0) {
			record_set(d1->rows[DOC_LINES].row[0], LINE_QTY, "1.00");
			kind->compute(d1);
			is_int(record_save_ex(book, d1, NULL, err), 0, "a DDT of 1 of the 3: %s", err);
			run("issue", d1, NULL, &id, msg, err);
			d1 = reload(d1);
		}
		run("to-ddt", o, NULL, &id, msg, err);
		if (id != 0 && record_load(book, kind, id, &d2, err) == 0) {
			is_str(d2->rows[DOC_LINES].n ? record_get(d2->rows[DOC_LINES].row[0], LINE_QTY)
						    : "",
			       "2.00", "a second DDT of the 2 left");
			run("issue", d2, NULL, &id, msg, err);
			d2 = reload(d2);
		}
	}
	if (d1 != NULL && d2 != NULL) {
		is_str(offered(d1), "to-invoice to-deferred sent pdf", "a DDT: invoice or deferred invoice");
		command("to-deferred")->preset(book, d1, arg);
		is_str(arg, record_get(d1, DOC_NUMBER), "the deferred invoice offers this DDT");
		is_int(run("to-deferred", d1, "9/2026", &id, msg, err), REC_INVALID,
		       "a DDT the customer does not have is refused");
		is_str(err, "the customer has no delivery note 9/2026", "by its number");
		snprintf(arg, sizeof arg, "%s, %s", record_get(d1, DOC_NUMBER),
			 record_get(d2, DOC_NUMBER));
		is_int(run("to-deferred", d1, arg, &id, msg, err), 0, "a TD24 of both: %s", err);
		if (id != 0 && record_load(book, kind, id, &f, err) == 0) {
			is_str(record_get(f, DOC_TYPE), "TD24", "a deferred invoice");
			is_int(f->rows[DOC_LINES].n, 2, "a line from each DDT");
			is_str(record_get(f, DOC_TAXABLE), "3000", "3 x 10.00 in all");
			record_free(f);
		}
	}
	record_free(q);
	record_free(o);
	record_free(d1);
	record_free(d2);
}

int
main(void)
{
	struct temp_book tb;

	setlocale(LC_ALL, "C.UTF-8");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	tb_dir = tb.dir;
	registered();
	company();
	party_and_article();
	init();
	three_lines();
	split_and_schedule();
	withholding_and_cassa();
	forfettario_bollo_discount();
	refused_and_frozen();
	fills();
	commands();
	flow();
	temp_book_close(&tb, book);
	return tap_done();
}
