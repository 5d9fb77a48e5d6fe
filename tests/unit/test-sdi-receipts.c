/* SdI's messages into a book (bridge/sdi-receipts.c over book/sdi-msg.c):
 * the transitions one by one; an NS matched by NomeFile moving a sent
 * file to rejected with its errors kept and SdI's id on the file; the same
 * message again already seen; a message of no file of the book, not a
 * message, the buyer's message: refused, nothing stored; matched by
 * IdentificativoSdI, a .p7m, another transmission of the file; a new file
 * of the document delivered while the old one stays rejected. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "book/sdi-msg.h"
#include "book/sdi.h"
#include "bridge/sdi-receipts.h"
#include "doc-fixtures.h"
#include "sdi-fixtures.h"
#include "tap.h"

static struct book *book;
static struct temp_book tb;
static int64_t customer;

static int64_t
issued(const char *date)
{
	struct record *d = fx_draft("FAT", customer, date);
	char warn[DOC_WARN_SIZE], err[ERR_SIZE];
	int64_t id;

	fx_line(d, "Consulenza", "1.00", "100.00", "100.00", 0);
	id = fx_save(book, d);
	record_free(d);
	if (document_issue(book, id, NULL, warn, err) < 0)
		ok(0, "issue: %s", err);
	return id;
}

/* A file of doc stored as the export stores it (the book layer's test:
 * its bytes need not be an invoice here). */
static int64_t
file_of(int64_t doc, const char *name)
{
	static const char xml[] = "<?xml version=\"1.0\"?><x/>";
	char err[ERR_SIZE];
	int64_t id = 0;
	struct sdi_file_new f = { 0, doc, name, xml, sizeof xml - 1 };

	if (sdi_file_next_id(book, &id, err) < 0)
		return 0;
	f.id = id;
	if (sdi_file_store(book, &f, err) < 0) {
		ok(0, "file stored: %s", err);
		return 0;
	}
	return id;
}

static const char *
q(const char *sql, int64_t id)
{
	return fx_query_id(book, sql, id);
}

/* Document id's field sdi_errors as loaded (a static copy). */
static const char *
sdi_errors(int64_t id)
{
	static char v[512];
	struct record *r;
	char err[ERR_SIZE];

	if (record_load(book, &documents_kind, id, &r, err) < 0) {
		str_copy(v, err, sizeof v);
		return v;
	}
	str_copy(v, record_get(r, DOC_SDI_ERRORS), sizeof v);
	record_free(r);
	return v;
}

static const char *
count(const char *table)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return book_query(book, sql);
}

/* Imports a message of kind for nome_file under name. */
static int
import(const char *name, const char *kind, const char *sdi_id, const char *nome_file,
       struct sdi_import *res, char *err)
{
	char *x = sdi_fix_msg(kind, sdi_id, nome_file);
	int rc;

	err[0] = '\0';
	rc = sdi_message_import(book, name, (const unsigned char *)x, strlen(x), res, err);
	free(x);
	return rc;
}

static void
test_transitions(void)
{
	static const struct {
		char from;
		const char *kind, *esito;
		char to;
	} t[] = {
		{ 'X', "NS", "", 'R' }, { 'S', "NS", "", 'R' }, { 'C', "NS", "", 'C' },
		{ 'M', "NS", "", 'M' }, { 'R', "NS", "", 'R' },
		{ 'S', "RC", "", 'C' }, { 'X', "RC", "", 'C' }, { 'M', "RC", "", 'C' },
		{ 'R', "RC", "", 'R' }, { 'T', "RC", "", 'T' }, { 'A', "RC", "", 'A' },
		{ 'S', "MC", "", 'M' }, { 'C', "MC", "", 'C' }, { 'R', "MC", "", 'R' },
		{ 'S', "AT", "", 'M' }, { 'M', "AT", "", 'M' },
		{ 'C', "NE", "EC01", 'A' }, { 'C', "NE", "EC02", 'F' }, { 'A', "NE", "EC02", 'A' },
		{ 'T', "NE", "EC01", 'T' }, { 'R', "NE", "EC01", 'R' },
		{ 'C', "DT", "", 'T' }, { 'M', "DT", "", 'T' }, { 'F', "DT", "", 'F' },
		{ 'R', "DT", "", 'R' }, { 'S', "ZZ", "", 'S' },
	};

	for (size_t i = 0; i < ARRAY_LEN(t); i++) {
		char got = sdi_state_after(t[i].from, t[i].kind, t[i].esito);
		ok(got == t[i].to, "%c + %s %s -> %c (got %c)", t[i].from, t[i].kind, t[i].esito,
		   t[i].to, got);
	}
}

static void
test_reject_then_deliver(void)
{
	int64_t doc = issued("2026-12-01"), f1, f2;
	struct sdi_import r;
	struct sdi_message_error_row *rows = NULL;
	size_t n = 0;
	char err[ERR_SIZE], line[512];
	int rc;

	f1 = file_of(doc, "IT01234567890_00001.xml");
	ok(sdi_file_mark_sent(book, f1, "<m1@pec>", NULL, err) == 0, "the file sent: %s", err);
	rc = import("IT01234567890_00001_NS_001.xml", "NS", "7001", "IT01234567890_00001.xml", &r,
		    err);
	ok(rc == 0 && !r.already_seen, "an NS imported: %s", err);
	ok(r.file == f1 && r.document == doc, "matched to its file and document by NomeFile");
	ok(strcmp(r.from, "S") == 0 && strcmp(r.to, "R") == 0, "sent -> rejected (%s -> %s)",
	   r.from, r.to);
	is_str(q("SELECT state FROM sdi_files WHERE id = %lld", f1), "R", "the file is rejected");
	is_str(q("SELECT sdi_state FROM documents WHERE id = %lld", doc), "R",
	       "the document's sdi_state too");
	is_str(q("SELECT state FROM documents WHERE id = %lld", doc), "S",
	       "the document's own state stays sent");
	is_str(q("SELECT sdi_id FROM sdi_files WHERE id = %lld", f1), "7001",
	       "the first message's IdentificativoSdI kept on the file");
	ok(r.nerrors == 2 && strcmp(r.errors[0].code, "00404") == 0, "its errors returned");
	ok(sdi_message_errors(book, r.message, &rows, &n, err) == 0 && n == 2 &&
		   strcmp(rows[0].code, "00404") == 0 && strcmp(rows[0].text, "Fattura duplicata") == 0 &&
		   strstr(rows[0].hint, "Verificare") != NULL && strcmp(rows[1].code, "00423") == 0,
	   "its errors stored in order, with texts and suggestions");
	sdi_message_errors_free(rows, n);
	is_str(sdi_errors(doc),
	       "00404 Fattura duplicata; 00423 2.2.1.11 PrezzoTotale non calcolato secondo le "
	       "specifiche tecniche",
	       "the document's field sdi_errors: the rejection's codes and texts");
	is_str(q("SELECT kind || ' ' || answers || ' ' || state_from || state_to || ' ' || "
		 "received FROM sdi_messages WHERE id = %lld", r.message),
	       "NS IT01234567890_00001.xml SR 2026-12-01T10:00:00.000+01:00",
	       "the message stored with what it did");
	sdi_import_describe("/import/IT01234567890_00001_NS_001.xml", &r, line, sizeof line);
	ok(strstr(line, "IT01234567890_00001_NS_001.xml: rejection (notifica di scarto) for FAT "
			"1/2026 (file IT01234567890_00001.xml): now rejected, was sent") == line,
	   "described: %s", line);
	sdi_import_free(&r);

	/* the same message again */
	rc = import("IT01234567890_00001_NS_001.xml", "NS", "7001", "IT01234567890_00001.xml", &r,
		    err);
	ok(rc == 0 && r.already_seen && r.file == f1 && strcmp(r.to, "R") == 0,
	   "the same file name again: already seen, not an error: %s", err);
	is_str(count("sdi_messages"), "1", "and nothing stored twice");
	sdi_import_describe("IT01234567890_00001_NS_001.xml", &r, line, sizeof line);
	ok(strstr(line, "already imported") != NULL, "described: %s", line);
	sdi_import_free(&r);

	/* a late RC of the rejected file does not move it */
	rc = import("IT01234567890_00001_RC_001.xml", "RC", "7001", "IT01234567890_00001.xml", &r,
		    err);
	ok(rc == 0 && strcmp(r.to, "R") == 0, "an RC after the NS: kept, still rejected: %s", err);
	sdi_import_describe("x", &r, line, sizeof line);
	ok(strstr(line, "kept, the file stays rejected") != NULL, "described: %s", line);
	sdi_import_free(&r);

	/* corrected and exported again: a new file, delivered */
	f2 = file_of(doc, "IT01234567890_00002.xml");
	ok(sdi_file_mark_sent(book, f2, "<m2@pec>", NULL, err) == 0, "the new file sent: %s", err);
	rc = import("IT01234567890_00002_RC_001.xml", "RC", "7002", "IT01234567890_00002.xml", &r,
		    err);
	ok(rc == 0 && r.file == f2 && strcmp(r.to, "C") == 0, "its RC: delivered: %s", err);
	is_str(q("SELECT sdi_state FROM documents WHERE id = %lld", doc), "C",
	       "the document delivered");
	is_str(q("SELECT state FROM sdi_files WHERE id = %lld", f1), "R",
	       "the first file stays rejected");
	is_str(sdi_errors(doc), "", "and sdi_errors is empty: the newest file is not rejected");
	sdi_import_free(&r);

	/* a PA's outcome, then a DT that comes too late */
	rc = import("IT01234567890_00002_NE_001.xml", "NE2", "7002", "IT01234567890_00002.xml", &r,
		    err);
	ok(rc == 0 && strcmp(r.to, "F") == 0 && strcmp(r.esito, "EC02") == 0 &&
		   strcmp(r.text, "CIG errato") == 0,
	   "an NE EC02: refused, with its description: %s", err);
	sdi_import_describe("x", &r, line, sizeof line);
	ok(strstr(line, "now refused, was delivered (EC02): CIG errato") != NULL, "described: %s",
	   line);
	sdi_import_free(&r);
	rc = import("IT01234567890_00002_DT_001.xml", "DT", "7002", "IT01234567890_00002.xml", &r,
		    err);
	ok(rc == 0 && strcmp(r.to, "F") == 0, "a DT after the outcome moves nothing: %s", err);
	sdi_import_free(&r);
}

static void
test_refused(void)
{
	struct sdi_import r;
	char err[ERR_SIZE], *x;
	const char *before = NULL;
	int rc;

	before = xstrdup(count("sdi_messages"));
	rc = import("IT09999999999_0000Z_NS_001.xml", "NS", "8001", "IT09999999999_0000Z.xml", &r,
		    err);
	ok(rc == REC_INVALID && strstr(err, "IT09999999999_0000Z.xml") != NULL &&
		   strstr(err, "no file of this book") != NULL,
	   "a message of no file of the book: refused: %s", err);
	rc = import("IT01234567890_00001_EC_001.xml", "EC", "7001", "IT01234567890_00001.xml", &r,
		    err);
	ok(rc == REC_INVALID && strstr(err, "not a message SdI sends") != NULL,
	   "the buyer's EC: refused: %s", err);
	x = "not a message";
	rc = sdi_message_import(book, "IT01234567890_00001_RC_009.xml", (const unsigned char *)x,
				strlen(x), &r, err);
	ok(rc == REC_INVALID && strstr(err, "not well-formed") != NULL, "not XML: refused: %s",
	   err);
	rc = sdi_message_import_file(book, "/nonexistent/IT1_RC_001.xml", &r, err);
	ok(rc == REC_INVALID && strstr(err, "nonexistent") != NULL, "a missing file: %s", err);
	is_str(count("sdi_messages"), before, "and nothing stored by any of them");
	free((char *)before);
}

static void
test_matching(void)
{
	int64_t doc = issued("2026-12-02"), f;
	struct sdi_import r;
	unsigned char *p7m;
	char err[ERR_SIZE], *x;
	size_t len = 0;
	int rc;

	f = file_of(doc, "IT01234567890_00003.xml");
	/* NomeFile as signed by the sender (.p7m) names the file too */
	x = sdi_fix_msg("RC", "9001", "IT01234567890_00003.xml.p7m");
	p7m = sdi_fix_sign(x, 0, &len);
	free(x);
	rc = p7m ? sdi_message_import(book, "IT01234567890_00003_RC_001.xml.p7m", p7m, len, &r,
				      err)
		 : -1;
	ok(rc == 0 && r.file == f && strcmp(r.from, "X") == 0 && strcmp(r.to, "C") == 0,
	   "a signed RC for the signed name: the file delivered (made -> delivered): %s", err);
	ok(strcmp(q("SELECT signed || signature_ok || ' ' || signer || ' ' || (length(content) = "
		    "%lld) FROM sdi_messages WHERE file_name = 'IT01234567890_00003_RC_001.xml.p7m'",
		    (long long)len),
		  "11 Sistema di Interscambio 1") == 0,
	   "the .p7m kept as received, its signature's check and signer");
	is_str(q("SELECT state FROM documents WHERE id = %lld", doc), "S",
	       "delivered: the issued document is sent");
	sdi_import_free(&r);
	free(p7m);

	/* by IdentificativoSdI, once the file has it */
	rc = import("renamed_DT_001.xml", "DT", "9001", "IT01234567890_00003_renamed.xml", &r, err);
	ok(rc == 0 && r.file == f && strcmp(r.to, "T") == 0,
	   "a NomeFile the book lacks, matched by IdentificativoSdI: %s", err);
	sdi_import_free(&r);

	/* a message moving a file that is not the document's newest */
	doc = issued("2026-12-03");
	f = file_of(doc, "IT01234567890_00005.xml");
	(void)file_of(doc, "IT01234567890_00006.xml");
	rc = import("IT01234567890_00005_MC_001.xml", "MC", "9201", "IT01234567890_00005.xml", &r,
		    err);
	ok(rc == 0 && strcmp(r.to, "M") == 0 &&
		   strcmp(q("SELECT sdi_state FROM documents WHERE id = %lld", doc), "X") == 0,
	   "an older file moved: the document's sdi_state stays its newest file's: %s", err);
	sdi_import_free(&r);

	/* another transmission of the same file: kept, moves nothing */
	f = file_of(issued("2026-12-04"), "IT01234567890_00004.xml");
	rc = import("IT01234567890_00004_RC_001.xml", "RC", "9101", "IT01234567890_00004.xml", &r,
		    err);
	sdi_import_free(&r);
	rc = import("IT01234567890_00004_NS_001.xml", "NS", "9102", "IT01234567890_00004.xml", &r,
		    err);
	ok(rc == 0 && r.other_transmission && strcmp(r.to, "C") == 0 &&
		   strcmp(q("SELECT state || sdi_id FROM sdi_files WHERE id = %lld", f), "C9101") == 0,
	   "an NS of another IdentificativoSdI (the file mailed twice): kept, still delivered: %s",
	   err);
	sdi_import_free(&r);
}

/* The documents' command: a file of the import folder only. */
static void
test_command(void)
{
	int64_t doc = issued("2026-12-05"), f;
	struct record *r;
	char err[ERR_SIZE] = "", msg[ERR_SIZE] = "", *dir, *path, *x;
	int64_t open_id = 0;
	FILE *fp;

	f = file_of(doc, "IT01234567890_00007.xml");
	(void)f;
	if (record_load(book, &documents_kind, doc, &r, err) < 0)
		return;
	ok(sdi_receipt_applies(r), "offered on an invoice with a file");
	dir = book_folder(book_path(book), "import", err);
	path = xasprintf("%s/IT01234567890_00007_NS_001.xml", dir);
	x = sdi_fix_msg("NS", "9301", "IT01234567890_00007.xml");
	fp = fopen(path, "w");
	fputs(x, fp);
	fclose(fp);
	ok(sdi_receipt_run(book, r, "/tmp/IT01234567890_00007_NS_001.xml", &open_id, msg, err) ==
		   REC_INVALID && strstr(err, "a file of") != NULL,
	   "a file outside the import folder: refused: %s", err);
	ok(sdi_receipt_run(book, r, path, &open_id, msg, err) == 0, "imported: %s", err);
	ok(strstr(msg, "now rejected, was made: 00404 Fattura duplicata; 00423") != NULL,
	   "the message says what moved, with the codes: %s", msg);
	is_str(q("SELECT sdi_state FROM documents WHERE id = %lld", doc), "R", "rejected");
	record_free(r);
	record_set(r = record_new(&documents_kind), DOC_DIRECTION, "S");
	ok(!sdi_receipt_applies(r), "not offered on a document with no file");
	record_free(r);
	free(x);
	free(path);
	free(dir);
}

int
main(void)
{
	if ((book = temp_book_open(&tb)) == NULL)
		return tap_done();
	customer = fx_customer(book, "Bianchi srl", "01234567897");
	test_transitions();
	test_reject_then_deliver();
	test_refused();
	test_matching();
	test_command();
	temp_book_close(&tb, book);
	return tap_done();
}
