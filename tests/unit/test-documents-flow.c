/* The flow of documents (src/book/documents-flow.c): a quote with an
 * article line, a text line, a discounted line and a bollo line becomes an
 * order (the bollo line left out, each line and the documents linked), the
 * order a DDT of part of it and a second DDT of the rest only, the DDT an
 * invoice, the invoice a credit note for one line (not twice); several
 * DDTs one deferred invoice (and its deadline's warning); the links shown
 * both ways; the conversions not allowed, a draft source, another
 * customer's DDT refused with a message and nothing written. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "doc-fixtures.h"
#include "tap.h"

static struct book *book;
static struct temp_book tb;
static int64_t customer, other, article;

static int64_t
convert(const int64_t *from, size_t n, const char *kind, const int64_t *lines, size_t nlines,
	const char *date, char *err)
{
	struct doc_convert c = { from, n, kind, lines, nlines, date, NULL };
	int64_t id = 0;

	return document_convert(book, &c, &id, err) == 0 ? id : 0;
}

static int
issue(int64_t id)
{
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int rc = document_issue(book, id, NULL, warn, err);

	if (rc < 0)
		printf("# issue %lld: %s\n", (long long)id, err);
	return rc;
}

/* The lines of document id: "quantity total from?" each, by position. */
static const char *
lines_of(int64_t id)
{
	return fx_query_id(book,
			   "SELECT group_concat(quantity || ' ' || total || ' ' || "
			   "(from_line IS NOT NULL) || line_type, ', ') FROM (SELECT * FROM "
			   "document_lines WHERE document_id = %lld ORDER BY seq)",
			   id);
}

static int64_t
line_id(int64_t doc, int pos)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT id FROM document_lines WHERE document_id = %%lld AND "
				  "seq = %d",
		 pos);
	return strtoll(fx_query_id(book, sql, doc), NULL, 10);
}

static int64_t
quote(void)
{
	struct record *d = fx_draft("PRE", customer, "2026-01-05"), *l;
	int64_t id;

	record_set(d, DOC_PAY_TERMS, "30/60 FM");
	record_set(d, DOC_PAY_METHOD, "MP05");
	record_set(d, DOC_CIG, "ZA1B2C3D4E");
	record_set(d, DOC_CARRIER, "Vettore");
	fx_line(d, "Carta A4", "4.00", "10.00", "40.00", article);
	l = fx_line(d, "Consegna entro marzo", "", "0.00", "0.00", 0);
	record_set(l, LINE_TYPE, "T");
	l = fx_line(d, "Toner", "2.00", "50.00", "85.50", 0);
	record_set(l, LINE_DISCOUNTS, "SC 10.00%; SC 5.00%");
	l = fx_line(d, "Bollo", "1.00", "2.00", "2.00", 0);
	record_set(l, LINE_TYPE, "B");
	record_set(l, LINE_VAT_RATE, "0");
	record_set(l, LINE_NATURA, "N1");
	id = fx_save(book, d);
	record_free(d);
	return id;
}

static int64_t pre, ord, ddt, fat;

static void
quote_to_order(void)
{
	char err[ERR_SIZE];
	int64_t id;

	pre = quote();
	is_int(convert(&pre, 1, "ORD", NULL, 0, "2026-01-07", err), 0, "a draft quote is not "
	       "converted");
	is_str(err, "PRE draft 1 is a draft: issue it first, so that it has its number and can't "
		    "change after",
	       "it is issued first: %s", err);
	is_int(issue(pre), 0, "the quote is issued");
	is_int(convert(&pre, 1, "DDT", NULL, 0, "2026-01-07", err), 0, "a quote is not a DDT's "
	       "source");
	is_str(err, "PRE 1/2026 can't become DDT: it may become ORD, FAT", "saying what it may "
	       "become");
	ord = convert(&pre, 1, "ORD", NULL, 0, "2026-01-07", err);
	ok(ord > 0, "the quote becomes an order: %s", ord ? "" : err);
	is_str(fx_query_id(book, "SELECT kind || state || direction || type || '|' || party_id || "
				 "'|' || pay_terms || '|' || pay_method || '|' || cig || '|' || "
				 "carrier || '|' || date FROM documents WHERE id = %lld",
			   ord),
	       "ORDDS|1|30/60 FM|MP05|ZA1B2C3D4E||2026-01-07",
	       "a draft order of the same customer, its terms and CIG, not the carrier");
	is_str(lines_of(ord), "4.00 40.00 1,  0.00 1T, 2.00 85.50 1",
	       "three lines, each from its line; the bollo line left out");
	is_str(fx_query_id(book, "SELECT group_concat(from_id || '>' || to_id) FROM document_links "
				 "WHERE to_id = %lld",
			   ord),
	       "1>2", "linked to the quote");
	is_int(convert(&pre, 1, "ORD", NULL, 0, "2026-01-08", err), 0, "a second order of it");
	is_str(err, "everything of PRE 1/2026 was already ordered", "is refused: %s", err);
	id = convert(&pre, 1, "FAT", NULL, 0, "2026-01-08", err);
	is_int(id, 0, "nor an invoice: nothing is left of it");
	is_str(book_query(book, "SELECT count(*) FROM documents"), "2", "nothing was written");
	is_int(issue(ord), 0, "the order is issued");
}

static void
order_to_deliveries(void)
{
	struct record *d = NULL;
	char err[ERR_SIZE], left[32];
	int64_t second;
	int whole = 0;

	ddt = convert(&ord, 1, "DDT", NULL, 0, "2026-01-10", err);
	ok(ddt > 0, "the order becomes a DDT: %s", ddt ? "" : err);
	record_load(book, &documents_kind, ddt, &d, err);
	if (d == NULL) {
		ok(0, "it loads: %s", err);
		return;
	}
	record_set(d->rows[DOC_LINES].row[0], LINE_QTY, "3.00");
	record_set(d->rows[DOC_LINES].row[0], LINE_TOTAL, "30.00");
	is_int(record_save_ex(book, d, NULL, err), 0, "3 of the 4 are delivered: %s", err);
	record_free(d);
	is_int(issue(ddt), 0, "the DDT is issued");
	document_line_left(book, line_id(ord, 1), left, sizeof left, &whole, err);
	ok(strcmp(left, "1.00") == 0 && !whole, "1.00 is left of the order's first line (%s)",
	   left);
	second = convert(&ord, 1, "DDT", NULL, 0, "2026-01-11", err);
	ok(second > 0, "a second DDT of the order: %s", second ? "" : err);
	is_str(lines_of(second), "1.00 10.00 1",
	       "offers only the one left, its total for that quantity");
	d = NULL;
	record_load(book, &documents_kind, second, &d, err);
	is_int(d ? record_delete(book, d, err) : -9, 0, "the second DDT, a draft, is deleted: %s",
	       err);
	record_free(d);
	is_str(book_query(book, "SELECT count(*) FROM document_links"), "2",
	       "and its link went with it");
}

static void
delivery_to_invoice(void)
{
	struct record *d = NULL;
	struct doc_link *l = NULL;
	char err[ERR_SIZE];
	size_t n = 0;

	fat = convert(&ddt, 1, "FAT", NULL, 0, "2026-01-12", err);
	ok(fat > 0, "the DDT becomes an invoice: %s", fat ? "" : err);
	is_str(lines_of(fat), "3.00 30.00 1,  0.00 1T, 2.00 85.50 1", "its three lines");
	is_str(fx_query_id(book, "SELECT type FROM documents WHERE id = %lld", fat), "TD01",
	       "a TD01");
	is_int(issue(fat), 0, "the invoice is issued");
	is_int(document_links(book, ddt, &l, &n, err), 0, "the DDT's links");
	ok(n == 2 && l[0].id == ord && l[0].source == 1 && l[1].id == fat && l[1].source == 0 &&
		   strcmp(l[1].number, "1/2026") == 0 && strcmp(l[1].kind, "FAT") == 0,
	   "the DDT came from the order and the invoice from it (%zu)", n);
	free(l);
	record_load(book, &documents_kind, ddt, &d, err);
	is_str(d ? record_get(d, DOC_LINKS) : "", "ORD 1/2026 2026-01-07; FAT 1/2026 2026-01-12",
	       "its form's Linked documents field shows both");
	record_free(d);
	d = NULL;
	record_load(book, &documents_kind, fat, &d, err);
	is_str(d ? record_get(d, DOC_LINKS) : "", "DDT 1/2026 2026-01-10",
	       "and the invoice's shows the DDT");
	record_free(d);
}

static void
credit_note(void)
{
	char err[ERR_SIZE], want[128];
	int64_t lines[1] = { line_id(fat, 3) }, nc, bad[1] = { line_id(ord, 1) };

	is_int(convert(&fat, 1, "NC", bad, 1, "2026-01-20", err), 0, "a line of another document");
	snprintf(want, sizeof want, "line %lld is not a line of the document converted",
		 (long long)bad[0]);
	is_str(err, want, "is refused: %s", err);
	nc = convert(&fat, 1, "NC", lines, 1, "2026-01-20", err);
	ok(nc > 0, "a credit note for the invoice's third line: %s", nc ? "" : err);
	is_str(lines_of(nc), "2.00 85.50 1", "that line only");
	is_str(fx_query_id(book, "SELECT kind || type || bollo_charged FROM documents WHERE id = "
				 "%lld",
			   nc),
	       "NCTD040", "a TD04 that charges no bollo");
	is_int(issue(nc), 0, "it is issued");
	is_str(fx_query_id(book, "SELECT number FROM documents WHERE id = %lld", nc), "2/2026",
	       "2/2026: invoices and notes share one numbering");
	is_int(convert(&fat, 1, "NC", lines, 1, "2026-01-21", err), 0, "the same line again");
	is_str(err, "everything of FAT 1/2026 was already credited", "is refused: %s", err);
	nc = convert(&fat, 1, "NC", NULL, 0, "2026-01-21", err);
	is_str(lines_of(nc), "3.00 30.00 1,  0.00 1T", "a credit note of the rest: what is left");
	is_int(convert(&fat, 1, "ORD", NULL, 0, "2026-01-21", err), 0, "an invoice to an order");
	is_str(err, "FAT 1/2026 can't become ORD: it may become NC, ND", "is refused: %s", err);
	is_int(convert(&fat, 1, "PRE", NULL, 0, "2026-01-21", err), 0, "to a quote");
	is_str(err, "FAT 1/2026 can't become PRE: it may become NC, ND", "is refused: %s", err);
	is_int(convert(&fat, 1, "FA", NULL, 0, "2026-01-21", err), 0, "to a purchase");
	is_str(err, "FA is not a kind a document may be converted to: ORD, DDT, FAT, FTD, NC or ND",
	       "is refused: %s", err);
	ok(convert(&fat, 1, "ND", NULL, 0, "2026-01-21", err) > 0, "a debit note of the invoice");
	ok(convert(&fat, 1, "ND", NULL, 0, "2026-01-21", err) > 0,
	   "and another: a debit note takes nothing from it");
}

static int64_t
delivery(int64_t party, const char *date, const char *what)
{
	struct record *d = fx_draft("DDT", party, date);
	int64_t id;

	fx_line(d, what, "1.00", "5.00", "5.00", 0);
	id = fx_save(book, d);
	record_free(d);
	issue(id);
	return id;
}

static void
deferred(void)
{
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int64_t from[2] = { delivery(customer, "2026-01-20", "Uno"),
			    delivery(customer, "2026-01-25", "Due") };
	int64_t mixed[2] = { from[0], delivery(other, "2026-01-26", "Altro") }, ftd;
	const char *before = xstrdup(book_query(book, "SELECT count(*) FROM documents"));

	is_int(convert(from, 2, "FAT", NULL, 0, "2026-02-10", err), 0,
	       "two DDTs into one immediate invoice");
	is_str(err, "only a deferred invoice (FTD) is made from several documents, its DDTs",
	       "is refused: %s", err);
	is_int(convert(mixed, 2, "FTD", NULL, 0, "2026-02-10", err), 0,
	       "DDTs of two customers into one");
	is_str(err, "DDT 4/2026 is of another customer: one document is made from documents of the "
		    "same customer",
	       "is refused: %s", err);
	is_str(book_query(book, "SELECT count(*) FROM documents"), before, "nothing was written");
	ftd = convert(from, 2, "FTD", NULL, 0, "2026-02-20", err);
	ok(ftd > 0, "two DDTs of one customer become one deferred invoice: %s", ftd ? "" : err);
	is_str(lines_of(ftd), "1.00 5.00 1, 1.00 5.00 1", "the lines of both");
	is_str(fx_query_id(book, "SELECT type || ' ' || count(*) FROM documents JOIN document_links "
				 "ON to_id = documents.id WHERE id = %lld",
			   ftd),
	       "TD24 2", "a TD24 linked to both");
	is_int(document_issue(book, ftd, NULL, warn, err), 0, "it is issued: %s", err);
	is_str(warn, "a deferred invoice is issued by the 15th of the month after its deliveries "
		     "(2026-02-15 for the DDT of 2026-01-20): this one is dated 2026-02-20",
	       "late, with a warning");
	ftd = convert(&mixed[1], 1, "FAT", NULL, 0, "2026-02-21", err);
	is_int(document_issue(book, ftd, NULL, warn, err), 0,
	       "an immediate invoice of the other customer's DDT: %s", err);
	is_str(warn, "an immediate invoice is issued within 12 days of its operation (2026-01-26): "
		     "this one is dated 2026-02-21, 26 days after",
	       "26 days after its DDT: a warning, the DDT's date its operation's");
	free((char *)before);
}

int
main(void)
{
	setlocale(LC_ALL, "C");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	customer = fx_customer(book, "Cliente Srl", "01234567897");
	other = fx_customer(book, "Altro Cliente Srl", "00743110157");
	article = fx_article(book, "CARTA-A4", "10000");
	quote_to_order();
	order_to_deliveries();
	delivery_to_invoice();
	credit_note();
	deferred();
	temp_book_close(&tb, book);
	return tap_done();
}
