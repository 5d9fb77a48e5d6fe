/* The SdI files of the book (src/book/sdi.c): the progressivo in base 36,
 * never given twice (a deleted file's id neither), a file stored only for
 * an issued sale that goes to SdI, read back by id, name and newest, a
 * document's sdi_state following its newest file and surviving a save of
 * the document, a file marked sent once (the document's state moving to
 * sent), and a period's files. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "book/sdi.h"
#include "doc-fixtures.h"
#include "tap.h"

static struct book *book;
static struct temp_book tb;
static int64_t customer;

static int64_t
issued(const char *kind, const char *date)
{
	struct record *d = fx_draft(kind, customer, date);
	char warn[DOC_WARN_SIZE], err[ERR_SIZE];
	int64_t id;

	fx_line(d, "Consulenza", "1.00", "100.00", "100.00", 0);
	id = fx_save(book, d);
	record_free(d);
	if (kind[0] != 'D' && document_issue(book, id, NULL, warn, err) < 0)
		ok(0, "issue %s: %s", kind, err);
	return id;
}

static int
store(int64_t doc, const char *name, int64_t id, char *err)
{
	static const char xml[] = "<?xml version=\"1.0\"?><x/>";
	struct sdi_file_new f = { id, doc, name, xml, sizeof xml - 1 };

	return sdi_file_store(book, &f, err);
}

static const char *
sdi_state(int64_t doc)
{
	return fx_query_id(book, "SELECT sdi_state FROM documents WHERE id = %lld", doc);
}

static void
test_progressivo(void)
{
	char p[SDI_PROGRESSIVO_LEN + 1];

	ok(sdi_progressivo(1, p) == 0 && strcmp(p, "00001") == 0, "1 is 00001");
	ok(sdi_progressivo(10, p) == 0 && strcmp(p, "0000A") == 0, "10 is 0000A");
	ok(sdi_progressivo(36, p) == 0 && strcmp(p, "00010") == 0, "36 is 00010");
	ok(sdi_progressivo(60466175, p) == 0 && strcmp(p, "ZZZZZ") == 0, "36^5-1 is ZZZZZ");
	ok(sdi_progressivo(60466176, p) < 0, "36^5 has no name");
	ok(sdi_progressivo(0, p) < 0, "0 has no name");
}

static void
test_store(void)
{
	int64_t draft, ddt, fat, next = 0, id1, id2;
	struct record *d = fx_draft("FAT", customer, "2026-01-10");
	struct sdi_file f;
	char err[ERR_SIZE];
	int rc;

	fx_line(d, "Bozza", "1.00", "10.00", "10.00", 0);
	draft = fx_save(book, d);
	record_free(d);
	ddt = issued("DDT", "2026-01-11");
	fat = issued("FAT", "2026-01-12");

	ok(sdi_file_next_id(book, &next, err) == 0 && next == 1, "the first file is 1");
	rc = store(draft, "IT01234567890_00001.xml", 1, err);
	ok(rc == REC_INVALID && strstr(err, "draft") != NULL, "a draft has no file: %s", err);
	rc = store(ddt, "IT01234567890_00001.xml", 1, err);
	ok(rc == REC_INVALID && strstr(err, "SdI") != NULL, "a DDT has no file: %s", err);
	rc = store(4242, "IT01234567890_00001.xml", 1, err);
	ok(rc == REC_GONE, "no such document: %s", err);
	rc = store(fat, "IT01234567890_00002.xml", 2, err);
	ok(rc == REC_INVALID, "an id that is not the next is refused: %s", err);
	is_str(book_query(book, "SELECT count(*) FROM sdi_files"), "0", "nothing stored");
	is_str(sdi_state(fat), "", "a document with no file has no SdI state");
	ok(sdi_file_newest(book, fat, 0, &f, err) == 0, "no newest file yet");

	ok(store(fat, "IT01234567890_00001.xml", 1, err) == 0, "stored: %s", err);
	id1 = 1;
	is_str(sdi_state(fat), "X", "the document is X (made)");
	d = NULL;
	ok(record_load(book, &documents_kind, fat, &d, err) == 0, "document loads: %s", err);
	if (d == NULL)
		return;
	is_str(record_get(d, DOC_SDI_STATE), "X", "its record's SdI state is X");

	ok(sdi_file_get(book, id1, 1, &f, err) == 0, "file 1 read");
	is_str(f.name, "IT01234567890_00001.xml", "its name");
	ok(f.document == fat, "its document");
	is_str(f.state, "X", "its state X");
	ok(f.len == 25 && memcmp(f.xml, "<?xml", 5) == 0, "its bytes");
	is_int(strlen(f.sha256), 64, "its SHA-256");
	ok(strlen(f.made) == 19 && f.sent[0] == '\0', "made now, not sent: %s", f.made);
	sdi_file_clear(&f);

	ok(sdi_file_next_id(book, &next, err) == 0 && next == 2, "the next is 2");
	rc = store(fat, "IT01234567890_00001.xml", 2, err);
	ok(rc == REC_INVALID && strstr(err, "00001") != NULL, "a name taken is refused: %s",
	   err);
	ok(store(fat, "IT01234567890_00002.xml", 2, err) == 0, "a second file: %s", err);
	id2 = 2;
	ok(sdi_file_newest(book, fat, 0, &f, err) == 1 && f.id == id2 && f.xml == NULL,
	   "the newest is the second, without its bytes");
	ok(sdi_file_by_name(book, "IT01234567890_00001.xml", 0, &f, err) == 0 && f.id == id1,
	   "found by name");
	ok(sdi_file_get(book, 99, 0, &f, err) == REC_GONE, "no file 99: %s", err);

	/* sent: the older file first, then the newest */
	ok(sdi_file_mark_sent(book, id1, "<a@pec>", "2026-01-13 10:00:00", err) == 0,
	   "the first marked sent: %s", err);
	is_str(sdi_state(fat), "X", "the document follows its newest file, not an older one");
	is_str(fx_query_id(book, "SELECT state FROM documents WHERE id = %lld", fat), "S",
	       "the document's state is sent");
	ok(sdi_file_mark_sent(book, id2, "<b@pec>", NULL, err) == 0, "the second sent: %s", err);
	is_str(sdi_state(fat), "S", "the document's SdI state is S");
	ok(sdi_file_get(book, id2, 0, &f, err) == 0 && strcmp(f.state, "S") == 0 &&
		   strcmp(f.message_id, "<b@pec>") == 0 && strlen(f.sent) == 19,
	   "the file keeps its message and when");
	rc = sdi_file_mark_sent(book, id2, "<c@pec>", NULL, err);
	ok(rc == REC_INVALID && strstr(err, "sent") != NULL, "not sent twice: %s", err);
	ok(sdi_file_get(book, id2, 0, &f, err) == 0 && strcmp(f.message_id, "<b@pec>") == 0,
	   "the refusal changed nothing");

	/* a save of the document (paid) keeps the state sdi.c wrote */
	ok(document_set_state(book, fat, DOC_STATE_PAID, err) == 0, "paid: %s", err);
	is_str(sdi_state(fat), "S", "a save of the record keeps its SdI state");
	record_free(d);
	d = NULL;
	ok(record_load(book, &documents_kind, fat, &d, err) == 0, "document loads again");
	record_set(d, DOC_SDI_STATE, "R");
	ok(record_save_ex(book, d, NULL, err) == 0, "a save with another SdI state: %s", err);
	is_str(sdi_state(fat), "S", "does not write it");
	record_free(d);

	/* a deleted file's id is never given again */
	book_exec(book, "PRAGMA foreign_keys = OFF; DELETE FROM sdi_files WHERE id = 2", err);
	ok(sdi_file_next_id(book, &next, err) == 0 && next == 3, "a deleted file's id is not "
	   "given again");
	ok(sdi_file_mark_sent(book, 2, "", NULL, err) == REC_GONE, "no file 2 to send: %s", err);
}

static void
test_period(void)
{
	int64_t jan = issued("FAT", "2026-01-20"), feb = issued("NC", "2026-02-02"), *ids;
	char err[ERR_SIZE];
	size_t n;

	ok(store(jan, "IT01234567890_00003.xml", 3, err) == 0, "January's: %s", err);
	ok(store(jan, "IT01234567890_00004.xml", 4, err) == 0, "January's again: %s", err);
	ok(store(feb, "IT01234567890_00005.xml", 5, err) == 0, "February's: %s", err);
	ok(sdi_files_of_period(book, "2026-01-01", "2026-01-31", &ids, &n, err) == 0, "January");
	ok(n == 2 && ids[0] == 1 && ids[1] == 4, "one file a document, its newest, by date "
	   "(%zu)", n);
	free(ids);
	ok(sdi_files_of_period(book, "2026-02-01", "2026-02-28", &ids, &n, err) == 0 && n == 1 &&
		   ids[0] == 5,
	   "February");
	free(ids);
	ok(sdi_files_of_period(book, "2025-01-01", "2025-12-31", &ids, &n, err) == 0 && n == 0,
	   "none in 2025");
	free(ids);
	is_str(sdi_state_label('R'), "rejected", "R is rejected");
	ok(sdi_state_label('Q') == NULL, "Q is no state");
}

int
main(void)
{
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	customer = fx_customer(book, "Cliente", "01234567897");
	test_progressivo();
	test_store();
	test_period();
	temp_book_close(&tb, book);
	return tap_done();
}
