/* The stock documents move (src/book/documents-stock.c): a DDT's article
 * lines take stock out as the articles' own movements, rewritten when the
 * draft changes and gone when it is deleted; an invoice after its DDT
 * moves nothing, one with no DDT before it does; a purchase invoice
 * brings stock in; a quote and an order move nothing; a quantity finer
 * than the stock's 0.001 is refused and changes nothing. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "doc-fixtures.h"
#include "tap.h"

static struct book *book;
static struct temp_book tb;
static int64_t customer, carta, toner;

/* Article id's stock on hand as its record shows it (scale 3). */
static const char *
stock(int64_t id)
{
	static char out[32];
	struct record *a = NULL;
	char err[ERR_SIZE];

	out[0] = '\0';
	if (record_load(book, &articles_kind, id, &a, err) == 0)
		str_copy(out, record_get(a, ARTICLE_STOCK), sizeof out);
	record_free(a);
	return out;
}

static const char *
moves_of(int64_t doc)
{
	return fx_query_id(book,
			   "SELECT count(*) || ' ' || coalesce(group_concat(quantity || ' ' || date "
			   "|| ' ' || reason, ', '), '') FROM stock_moves WHERE document_id = %lld",
			   doc);
}

static void
delivery(void)
{
	struct record *d = fx_draft("DDT", customer, "2026-02-03"), *l;
	char err[ERR_SIZE], warn[DOC_WARN_SIZE], want[128];
	int64_t id, fat, from[1];
	struct doc_convert c = { from, 1, "FAT", NULL, 0, "2026-02-04", NULL };

	fx_line(d, "Carta", "3.00", "5.00", "15.00", carta);
	fx_line(d, "Toner", "1.50", "40.00", "60.00", toner);
	l = fx_line(d, "Fragile", "", "0.00", "0.00", 0);
	record_set(l, LINE_TYPE, "T");
	id = fx_save(book, d);
	is_str(stock(carta), "7000", "a draft DDT of 3 takes the paper from 10 to 7");
	is_str(stock(toner), "3500", "and 1.5 toner from 5 to 3.5");
	snprintf(want, sizeof want, "2 -3000 2026-02-03 DDT draft %lld, -1500 2026-02-03 DDT draft "
		 "%lld", (long long)id, (long long)id);
	is_str(moves_of(id), want, "two movements of the DDT, dated and named after it");
	record_set(d->rows[DOC_LINES].row[0], LINE_QTY, "2.00");
	record_rows_remove(&d->rows[DOC_LINES], 1);
	is_int(record_save_ex(book, d, NULL, err), 0, "the draft changed: %s", err);
	is_str(stock(carta), "8000", "2 paper now: 8 left");
	is_str(stock(toner), "5000", "the toner line removed gives the toner back");
	record_set(d->rows[DOC_LINES].row[0], LINE_QTY, "1.2345");
	is_int(record_save_ex(book, d, NULL, err), REC_INVALID, "a quantity of 1.2345 of an "
	       "article");
	is_str(err, "Row 1, Quantity: the stock of an article is kept to 0.001: 1.2345 can't be "
		    "moved, round it",
	       "is refused: %s", err);
	is_str(stock(carta), "8000", "and the stock is as it was");
	record_free(d);
	is_int(document_issue(book, id, NULL, warn, err), 0, "the DDT is issued: %s", err);
	is_str(moves_of(id), "1 -2000 2026-02-03 DDT 1/2026", "its movement now names its number");
	from[0] = id;
	is_int(document_convert(book, &c, &fat, err), 0, "it becomes an invoice: %s", err);
	is_str(moves_of(fat), "0 ", "an invoice after its DDT moves nothing");
	is_str(stock(carta), "8000", "the stock is the DDT's");
}

static void
invoices(void)
{
	struct record *d = fx_draft("FAT", customer, "2026-02-05");
	struct record *p, *q;
	char err[ERR_SIZE], id[24];
	int64_t fat;

	fx_line(d, "Carta", "1.00", "5.00", "5.00", carta);
	fat = fx_save(book, d);
	is_str(stock(carta), "7000", "an invoice with no DDT before it takes the paper out");
	is_int(record_delete(book, d, err), 0, "its draft is deleted: %s", err);
	is_str(stock(carta), "8000", "and the paper is back");
	is_str(moves_of(fat), "0 ", "with no movement of it left");
	record_free(d);

	q = fx_draft("ORD", customer, "2026-02-05");
	fx_line(q, "Carta", "100.00", "5.00", "500.00", carta);
	fx_save(book, q);
	record_free(q);
	is_str(stock(carta), "8000", "an order moves nothing");

	p = fx_draft("FA", customer, "2026-02-06");
	snprintf(id, sizeof id, "%lld", (long long)customer);
	record_set(p, DOC_DIRECTION, "P");
	record_set(p, DOC_TYPE, "TD01");
	record_set(p, DOC_NUMBER, "A-77");
	fx_line(p, "Carta", "10.00", "4.00", "40.00", carta);
	fx_save(book, p);
	record_free(p);
	is_str(stock(carta), "18000", "a purchase invoice of 10 brings the paper to 18");
}

int
main(void)
{
	setlocale(LC_ALL, "C");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	customer = fx_customer(book, "Cliente Srl", "01234567897");
	carta = fx_article(book, "CARTA", "10000");
	toner = fx_article(book, "TONER", "5000");
	delivery();
	invoices();
	temp_book_close(&tb, book);
	return tap_done();
}
