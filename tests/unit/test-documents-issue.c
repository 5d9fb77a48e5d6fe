/* Issuing documents (src/book/documents-issue.c): the number taken at
 * issue in its numbering group, series and year, the compute callback
 * inside the transaction, a number dated before the one preceding it
 * refused with nothing written, the freeze of an issued document (header,
 * rows, delete, back to draft) and what may still change (state forward,
 * a payment's paid date), the states, the deadline and plafond warnings,
 * two processes issuing at once on one book: 1..N, no duplicate, no
 * gap; and a document SdI rejected corrected under its number (lines and
 * header, not what names it), frozen again once a new file is made. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "book/sdi-msg.h"
#include "book/sdi.h"
#include "doc-fixtures.h"
#include "tap.h"
#include "util/decimal.h"

static struct book *book;
static struct temp_book tb;
static int64_t customer;

static int64_t
draft(const char *kind, const char *date, const char *series)
{
	struct record *d = fx_draft(kind, customer, date);
	int64_t id;

	record_set(d, DOC_SERIES, series);
	fx_line(d, "Consulenza", "1.00", "100.00", "100.00", 0);
	fx_line(d, "Trasferta", "2.00", "25.00", "50.00", 0);
	id = fx_save(book, d);
	record_free(d);
	return id;
}

static const char *
stored(const char *column, int64_t id)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT coalesce(%s, 'NULL') FROM documents WHERE id = %%lld",
		 column);
	return fx_query_id(book, sql, id);
}

/* A compute function as the bridge's: the totals from the lines. */
static int
compute_total(struct record *d, char *err)
{
	(void)err;
	record_set(d, DOC_TAXABLE, "15000");
	record_set(d, DOC_TAX, "3300");
	record_set(d, DOC_TOTAL, "18300");
	return 0;
}

/* The VAT summary of d's lines as the fiscal core makes it, simplified:
 * one row a rate and Natura, the tax not rounded per row. */
static int
compute_summary(struct record *d, char *err)
{
	struct record_rows *vat = &d->rows[DOC_VAT];

	(void)err;
	while (vat->n > 0)
		record_rows_remove(vat, 0);
	for (size_t i = 0; i < d->rows[DOC_LINES].n; i++) {
		const struct record *l = d->rows[DOC_LINES].row[i];
		struct dec t = { 0, 0 };
		int64_t cents = 0;
		char taxable[32], tax[32];
		size_t j;
		dec_parse(record_get(l, LINE_TOTAL), 8, &t, NULL);
		dec_to_cents(t, &cents);
		for (j = 0; j < vat->n; j++)
			if (strcmp(record_get(vat->row[j], VAT_NATURA), record_get(l, LINE_NATURA)) == 0 &&
			    strcmp(record_get(vat->row[j], VAT_RATE), record_get(l, LINE_VAT_RATE)) == 0)
				break;
		if (j == vat->n)
			record_row_add(d, DOC_VAT, "vat_rate", record_get(l, LINE_VAT_RATE), "natura",
				       record_get(l, LINE_NATURA), "taxable", "0", "tax", "0", NULL);
		cents += strtoll(record_get(vat->row[j], VAT_TAXABLE), NULL, 10);
		snprintf(taxable, sizeof taxable, "%" PRId64, cents);
		snprintf(tax, sizeof tax, "%" PRId64, cents * atoi(record_get(l, LINE_VAT_RATE)) / 10000);
		record_set(vat->row[j], VAT_TAXABLE, taxable);
		record_set(vat->row[j], VAT_TAX, tax);
	}
	return 0;
}

static int
compute_fails(struct record *d, char *err)
{
	(void)d;
	return err_set(err, "Row 1, VAT rate: a rate 0 needs a Natura");
}

static void
numbering(void)
{
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int64_t a = draft("FAT", "2026-01-10", ""), b = draft("FAT", "2026-01-12", "");
	int64_t q = draft("PRE", "2026-01-11", ""), s = draft("FAT", "2026-01-15", "A");
	int64_t late = draft("FAT", "2026-01-11", ""), bad = draft("FAT", "2026-01-20", "");

	is_str(stored("seq", a), "NULL", "a draft has no number yet");
	is_int(document_issue(book, b, compute_total, warn, err), 0,
	       "the second draft is issued first: %s", err);
	is_str(stored("number", b), "1/2026", "and takes 1/2026: numbered when issued, not drafted");
	is_str(stored("state || numbering || year || '.' || seq", b), "IF2026.1",
	       "state I, numbering F, year 2026, seq 1");
	is_str(stored("total", b), "18300", "the compute callback's totals are saved with it");
	is_int(document_issue(book, a, NULL, warn, err), REC_INVALID,
	       "a draft dated 2026-01-10 after 1/2026 of 2026-01-12 is refused");
	is_str(err, "Date: 2026-01-10 is before the date of 1/2026 (2026-01-12), the number before "
		    "it in its series: a number may not be dated before the one preceding it",
	       "saying which number and date precede it");
	is_str(stored("state || coalesce(seq, '-') || number", a), "D-",
	       "and nothing was written to it");
	is_str(book_query(book, "SELECT count(*) FROM documents WHERE seq IS NOT NULL"), "1",
	       "no number was taken");
	is_int(document_issue(book, late, NULL, warn, err), REC_INVALID,
	       "a date between the two is refused as well");
	is_int(document_issue(book, q, NULL, warn, err), 0, "a quote is issued: %s", err);
	is_str(stored("number || numbering", q), "1/2026PRE",
	       "1/2026 in the quotes' own numbering");
	is_int(document_issue(book, s, NULL, warn, err), 0, "an invoice of series A: %s", err);
	is_str(stored("number", s), "1/A/2026", "1/A/2026: each series its own sequence");
	is_int(document_issue(book, bad, compute_fails, warn, err), REC_INVALID,
	       "a compute that fails refuses the issue");
	is_str(err, "Row 1, VAT rate: a rate 0 needs a Natura", "with the compute's message");
	is_str(stored("state || coalesce(seq, '-')", bad), "D-", "and the draft stays a draft");
	is_int(document_issue(book, bad, NULL, warn, err), 0, "issued without it: %s", err);
	is_str(stored("number", bad), "2/2026", "2/2026 follows, no gap");
	is_int(document_issue(book, bad, NULL, warn, err), REC_INVALID, "issued twice is refused");
	is_str(err, "document 2/2026 is already issued", "said so: %s", err);
	is_int(document_issue(book, 9999, NULL, warn, err), REC_GONE, "no such document");
}

static void
frozen(void)
{
	struct record *d = fx_draft("FAT", customer, "2026-02-01"), *l = NULL;
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	const char *before;
	int64_t id;

	fx_line(d, "Carta", "1.00", "10.00", "10.00", 0);
	record_row_add(d, DOC_PAYMENTS, "mode", "MP05", "due", "2026-03-31", "amount", "1220",
		       NULL);
	id = fx_save(book, d);
	record_free(d);
	is_int(document_issue(book, id, NULL, warn, err), 0, "an invoice is issued: %s", err);
	is_str(stored("number", id), "3/2026", "as 3/2026");
	before = xstrdup(book_query(book, "SELECT group_concat(description || total, ',') FROM "
					  "document_lines"));
	record_load(book, &documents_kind, id, &l, err);
	if (l == NULL) {
		ok(0, "it loads: %s", err);
		return;
	}
	record_set(l->rows[DOC_LINES].row[0], LINE_DESCRIPTION, "Carta riciclata");
	is_int(record_save_ex(book, l, NULL, err), REC_INVALID, "a line of it changed is refused");
	is_str(err, "document 3/2026 is issued: it can't be changed; make a credit note",
	       "with the message that says what to do");
	is_str(book_query(book, "SELECT group_concat(description || total, ',') FROM document_lines"),
	       before, "its lines are as they were");
	record_set(l->rows[DOC_LINES].row[0], LINE_DESCRIPTION, "Carta");
	record_rows_remove(&l->rows[DOC_LINES], 0);
	is_int(record_save_ex(book, l, NULL, err), REC_INVALID, "a line removed is refused");
	record_free(l);
	record_load(book, &documents_kind, id, &l, err);
	record_set(l, DOC_NOTES, "aggiunta");
	is_int(record_save_ex(book, l, NULL, err), REC_INVALID, "a header field changed: refused");
	record_set(l, DOC_NOTES, "");
	record_set(l, DOC_STATE, "D");
	is_int(record_save_ex(book, l, NULL, err), REC_INVALID, "back to draft: refused");
	is_str(err, "State: an issued document never goes back to draft", "%s", err);
	record_set(l, DOC_STATE, "I");
	is_int(record_delete(book, l, err), REC_INVALID, "deleting it is refused");
	is_str(err, "document 3/2026 is issued: only a draft may be deleted", "%s", err);
	is_str(stored("count(*)", id), "1", "it is still there");
	record_set(l->rows[DOC_PAYMENTS].row[0], PAY_PAID, "2026-03-30");
	is_int(record_save_ex(book, l, NULL, err), 0, "a payment's paid date may be set: %s", err);
	is_str(book_query(book, "SELECT paid FROM document_payments"), "2026-03-30", "it is kept");
	record_free(l);
	free((char *)before);
}

static void
states(void)
{
	char err[ERR_SIZE], warn[DOC_WARN_SIZE];
	int64_t id = draft("FAT", "2026-02-02", ""), d2 = draft("FAT", "2026-02-02", "");

	is_int(document_set_state(book, d2, "S", err), REC_INVALID, "a draft is not sent");
	is_str(err, "a draft is issued first: it has no number yet", "%s", err);
	document_issue(book, id, NULL, warn, err);
	is_int(document_set_state(book, id, "S", err), 0, "issued, then sent: %s", err);
	is_str(stored("state", id), "S", "state S");
	is_int(document_set_state(book, id, "I", err), REC_INVALID, "not back to issued");
	is_int(document_set_state(book, id, "P", err), 0, "sent, then paid: %s", err);
	is_int(document_set_state(book, id, "S", err), REC_INVALID, "paid is not sent again");
	is_str(err, "document 4/2026 is already paid", "%s", err);
	is_str(stored("state", id), "P", "state P");
}

static void
warnings(void)
{
	char err[ERR_SIZE], warn[DOC_WARN_SIZE], sql[256];
	struct record *d;
	int64_t id, cust = fx_customer(book, "Esportatore Srl", "00743110157");

	d = fx_draft("FAT", customer, "2026-03-20");
	record_set(d, DOC_OP_DATE, "2026-03-01");
	fx_line(d, "Carta", "1.00", "10.00", "10.00", 0);
	id = fx_save(book, d);
	record_free(d);
	is_int(document_issue(book, id, NULL, warn, err), 0, "an invoice 19 days after its "
	       "operation is issued: %s", err);
	is_str(warn, "an immediate invoice is issued within 12 days of its operation (2026-03-01): "
		     "this one is dated 2026-03-20, 19 days after",
	       "with a warning");
	d = fx_draft("FAT", customer, "2026-03-21");
	record_set(d, DOC_OP_DATE, "2026-03-09");
	fx_line(d, "Carta", "1.00", "10.00", "10.00", 0);
	id = fx_save(book, d);
	record_free(d);
	is_int(document_issue(book, id, NULL, warn, err), 0, "12 days after: %s", err);
	is_str(warn, "", "no warning on the 12th day");

	snprintf(sql, sizeof sql, "UPDATE parties SET intent_protocol = '12345678901234567-000001', "
		 "intent_date = '2026-01-02', intent_plafond = 100000 WHERE id = %lld",
		 (long long)cust);
	book_exec(book, sql, err);
	for (int i = 0; i < 3; i++) {
		struct record *l;
		d = fx_draft(i == 2 ? "NC" : "FAT", cust, "2026-03-25");
		l = fx_line(d, "Macchina", "1.00", "600.00", "600.00", 0);
		record_set(l, LINE_VAT_RATE, "0");
		record_set(l, LINE_NATURA, "N3.5");
		fx_line(d, "Trasporto", "1.00", "10.00", "10.00", 0);
		id = fx_save(book, d);
		record_free(d);
		if (i == 2) {
			is_int(document_issue(book, id, compute_summary, warn, err), 0,
			       "a credit note: %s", err);
			is_str(warn, "", "a credit note takes back from the plafond: no warning");
			continue;
		}
		is_int(document_issue(book, id, compute_summary, warn, err), 0, "invoice %d under the "
		       "dichiarazione d'intento is issued: %s", i + 1, err);
		if (i == 0)
			is_str(warn, "", "600,00 of 1.000,00: no warning");
		else
			is_str(warn, "the dichiarazione d'intento's plafond of 1.000,00 is exceeded: "
				     "1.200,00 invoiced under it in 2026 with this document",
			       "1.200,00 of 1.000,00 warns, and does not block");
	}
}

/* Two processes issue n drafts each, at once, on one book file. */
static void
concurrent(void)
{
	enum { N = 12 };
	int64_t ids[2 * N];
	char err[ERR_SIZE], *path = xstrdup(tb.path), want[32];
	int go[2], status, good = 1;
	pid_t pid[2];

	for (int i = 0; i < 2 * N; i++)
		ids[i] = draft("ND", "2026-04-01", "C");
	book_close(book);
	fflush(stdout);
	if (pipe(go) < 0) {
		ok(0, "pipe");
		return;
	}
	for (int p = 0; p < 2; p++) {
		if ((pid[p] = fork()) == 0) {
			struct book *mine;
			char e[ERR_SIZE], w[DOC_WARN_SIZE], c;
			int bad = 0;
			close(go[1]);
			if (read(go[0], &c, 1) < 0 || book_open(path, &mine, e) < 0)
				_exit(2);
			for (int i = p; i < 2 * N; i += 2)
				if (document_issue(mine, ids[i], NULL, w, e) < 0) {
					fprintf(stderr, "# process %d: %s\n", p, e);
					bad = 1;
				}
			book_close(mine);
			_exit(bad);
		}
	}
	close(go[0]);
	close(go[1]); /* both start now */
	for (int p = 0; p < 2; p++) {
		waitpid(pid[p], &status, 0);
		good &= WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	ok(good, "two processes issued %d drafts each at once, none refused", N);
	if (book_open(path, &book, err) < 0) {
		ok(0, "book reopens: %s", err);
		exit(1);
	}
	snprintf(want, sizeof want, "%d %d 1 %d", 2 * N, 2 * N, 2 * N);
	is_str(book_query(book, "SELECT count(*) || ' ' || count(DISTINCT seq) || ' ' || min(seq) "
				"|| ' ' || max(seq) FROM documents WHERE series = 'C'"),
	       want, "numbers 1..%d of series C: no duplicate, no gap", 2 * N);
	is_str(book_query(book, "SELECT count(*) FROM documents WHERE series = 'C' AND number <> "
				"seq || '/C/2026'"),
	       "0", "each number's text is its seq/C/2026");
	free(path);
}

/* Document id's file numbered n stored and sent, then answered by SdI
 * with a message of kind (through the book's store, as an import does). */
static void
answered(int64_t id, int64_t *file, const char *kind, const char *name, char *err)
{
	static const char xml[] = "<x/>";
	struct sdi_message_error_in e = { "00404", "Fattura duplicata", "" };
	struct sdi_message_in m = { .file_name = name, .data = "x", .len = 1, .kind = kind,
				    .sdi_id = "1", .errors = &e, .nerrors = 1 };
	struct sdi_file f;
	struct sdi_message_done done;
	int64_t next;

	sdi_file_next_id(book, &next, err);
	{
		char fname[64];
		struct sdi_file_new nf = { next, id, fname, xml, sizeof xml - 1 };

		snprintf(fname, sizeof fname, "IT01234567890_%05lld.xml", (long long)next);
		if (sdi_file_store(book, &nf, err) < 0 ||
		    sdi_file_mark_sent(book, next, "", NULL, err) < 0 ||
		    sdi_file_get(book, next, 0, &f, err) < 0)
			ok(0, "file stored and sent: %s", err);
		m.answers = f.name;
	}
	*file = next;
	if (sdi_message_store(book, &m, &done, err) < 0)
		ok(0, "%s stored: %s", kind, err);
}

/* w's field f set to v and saved: the save's return. */
static int
try_change(int64_t id, size_t f, const char *v, char *err)
{
	struct record *w;
	int rc;

	if (record_load(book, &documents_kind, id, &w, err) < 0)
		return REC_ERROR;
	record_set(w, f, v);
	rc = record_save_ex(book, w, NULL, err);
	record_free(w);
	return rc;
}

static void
rejected(void)
{
	char err[ERR_SIZE], warn[DOC_WARN_SIZE], party[24];
	int64_t id = draft("FAT", "2027-01-10", ""), other = draft("FAT", "2027-01-11", "");
	int64_t file, cust = fx_customer(book, "Altro Srl", "00743110157");
	struct record *w;

	document_issue(book, id, NULL, warn, err);
	document_issue(book, other, NULL, warn, err);
	answered(other, &file, "RC", "o_RC_001.xml", err);
	is_int(try_change(other, DOC_NOTES, "note", err), REC_INVALID,
	       "a delivered invoice is still frozen: %s", err);
	answered(id, &file, "NS", "a_NS_001.xml", err);
	is_str(stored("sdi_state", id), "R", "rejected");
	ok(record_load(book, &documents_kind, id, &w, err) == 0 && document_correctable(w),
	   "a rejected invoice is correctable");
	if (w == NULL)
		return;
	record_set(w, DOC_NOTES, "Corretta");
	record_set(w, DOC_DATE, "2027-01-12");
	record_set(w, DOC_PAY_TERMS, "30");
	record_set(w->rows[DOC_LINES].row[0], LINE_DESCRIPTION, "Consulenza corretta");
	record_set(w->rows[DOC_LINES].row[0], LINE_PRICE, "90.00");
	record_set(w->rows[DOC_LINES].row[0], LINE_TOTAL, "90.00");
	record_rows_remove(&w->rows[DOC_LINES], 1);
	is_int(record_save_ex(book, w, NULL, err), 0,
	       "its header and lines corrected and saved: %s", err);
	record_free(w);
	is_str(stored("notes || ' ' || date || ' ' || number || ' ' || state", id),
	       "Corretta 2027-01-12 1/2027 S", "the header changed, the number and state kept");
	is_str(fx_query_id(book, "SELECT group_concat(description || ' ' || unit_price, '; ') FROM "
			   "document_lines WHERE document_id = %lld", id),
	       "Consulenza corretta 90.00", "the lines changed");
	is_int(try_change(id, DOC_NUMBER, "7/2027", err), REC_INVALID, "not its number");
	ok(strstr(err, "Number: document 1/2027, rejected by SdI, is corrected under the same "
		       "number") == err, "%s", err);
	ok(record_load(book, &documents_kind, id, &w, err) == 0, "loaded");
	record_set(w, DOC_KIND, "ND");
	record_set(w, DOC_TYPE, "TD05");
	ok(record_save_ex(book, w, NULL, err) == REC_INVALID && strstr(err, "rejected by SdI"),
	   "not its kind: %s", err);
	record_free(w);
	ok(try_change(id, DOC_SERIES, "B", err) == REC_INVALID && strstr(err, "Series: ") == err,
	   "not its series: %s", err);
	ok(try_change(id, DOC_YEAR, "2028", err) == REC_INVALID &&
		   strstr(err, "Year of the number: ") == err,
	   "not its year: %s", err);
	snprintf(party, sizeof party, "%lld", (long long)cust);
	ok(try_change(id, DOC_PARTY, party, err) == REC_INVALID &&
		   strstr(err, "Customer or supplier: ") == err,
	   "not its customer: %s", err);
	is_int(try_change(id, DOC_DATE, "2028-01-02", err), REC_INVALID,
	       "not a date of another year: %s", err);
	is_str(err, "Date: document 1/2027 keeps its number: its date stays in 2027", "%s", err);
	is_int(try_change(id, DOC_STATE, "D", err), REC_INVALID, "not back to draft: %s", err);
	ok(record_load(book, &documents_kind, id, &w, err) == 0 &&
		   record_delete(book, w, err) == REC_INVALID,
	   "not deleted: %s", err);
	record_free(w);
	/* exported again: a new file, made; frozen again */
	answered(id, &file, "RC", "b_RC_001.xml", err);
	is_str(stored("sdi_state || ' ' || number", id), "C 1/2027",
	       "the new file delivered, the same number");
	is_int(try_change(id, DOC_NOTES, "again", err), REC_INVALID,
	       "once a new file is made the document is frozen again: %s", err);
}

int
main(void)
{
	setlocale(LC_ALL, "C");
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	customer = fx_customer(book, "Cliente Srl", "01234567897");
	numbering();
	frozen();
	states();
	warnings();
	concurrent();
	rejected();
	temp_book_close(&tb, book);
	return tap_done();
}
