/* The FatturaPA export's speed: COUNT issued invoices (three lines at two
 * rates, a payment schedule) in a new book, each exported with
 * fpa_export_document (the model from the book, fpa_check, the XML, the
 * official schema's validation, the file stored in sdi_files, one
 * transaction each), then written into DIR for the peer the script runs
 * (xmllint --schema on the same files). Prints documents per second;
 * asserts nothing.
 * Usage: fpa-export-bench COUNT DIR (SCRIVANO_FATTURAPA: the schema's
 * folder). */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "book/book.h"
#include "book/company.h"
#include "book/documents-flow.h"
#include "book/documents.h"
#include "book/parties.h"
#include "book/sdi.h"
#include "bridge/doc-kind.h"
#include "bridge/fpa-export.h"
#include "util/util.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
line(struct record *d, const char *descr, const char *qty, const char *price, const char *rate)
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
	record_rows_insert(&d->rows[DOC_LINES], d->rows[DOC_LINES].n, l);
}

static int
setup(struct book *b, int n, int64_t *ids, char *err)
{
	const struct record_kind *kind = documents_ui_kind();
	struct record *c, *p = record_new(&parties_kind);
	char warn[DOC_WARN_SIZE], pid[24];

	if (company_load(b, &c, err) < 0)
		return -1;
	record_set(c, COMPANY_NAME, "Studio Bianchi Srl");
	record_set(c, COMPANY_PIVA, "01234567897");
	record_set(c, COMPANY_ADDRESS, "Via Roma");
	record_set(c, COMPANY_CAP, "20100");
	record_set(c, COMPANY_CITY, "Milano");
	record_set(c, COMPANY_PROVINCE, "MI");
	if (record_save(b, c, NULL, err) < 0)
		return -1;
	record_free(c);
	record_set(p, PARTY_ROLE, "C");
	record_set(p, PARTY_NAME, "Rossi Srl");
	record_set(p, PARTY_PIVA, "09876540015");
	record_set(p, PARTY_ADDRESS, "Via Verdi");
	record_set(p, PARTY_CAP, "10100");
	record_set(p, PARTY_CITY, "Torino");
	record_set(p, PARTY_PROVINCE, "TO");
	record_set(p, PARTY_SDI, "ABC1234");
	if (record_save(b, p, NULL, err) < 0)
		return -1;
	snprintf(pid, sizeof pid, "%lld", (long long)p->id);
	record_free(p);
	for (int i = 0; i < n; i++) {
		struct record *d = record_new(kind);

		record_set(d, DOC_KIND, "FAT");
		if (kind->init(b, d, err) < 0)
			return -1;
		record_set(d, DOC_DATE, "2026-03-02");
		record_set(d, DOC_PARTY, pid);
		kind->fill(b, d, RECORD_PARENT, 0, DOC_PARTY, err);
		record_set(d, DOC_PAY_TERMS, "30/60");
		record_set(d, DOC_PAY_METHOD, "MP05");
		line(d, "Consulenza", "3.00", "80.00", "2200");
		line(d, "Libri", "2.00", "15.50", "400");
		line(d, "Trasferta", "1.00", "45.25", "2200");
		if (record_save_ex(b, d, NULL, err) < 0 ||
		    document_issue(b, d->id, doc_compute_rows, warn, err) < 0)
			return -1;
		ids[i] = d->id;
		record_free(d);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	char tmpl[] = "/tmp/scrivano-fpa-bench-XXXXXX", path[PATH_MAX], err[ERR_SIZE];
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	const char *dir = argc > 2 ? argv[2] : NULL;
	struct fpa_schema *xsd;
	struct book *b;
	int64_t *ids, *files;
	double t0, ms;

	if (n < 1 || dir == NULL) {
		fprintf(stderr, "usage: fpa-export-bench COUNT DIR\n");
		return 2;
	}
	if (fpa_schema_find(NULL, &xsd, err) < 0 || mkdtemp(tmpl) == NULL) {
		fprintf(stderr, "fpa-export-bench: %s\n", err);
		return 1;
	}
	snprintf(path, sizeof path, "%s/book.sqlite", tmpl);
	ids = xcalloc((size_t)n, sizeof *ids);
	files = xcalloc((size_t)n, sizeof *files);
	if (book_open(path, &b, err) < 0 || setup(b, n, ids, err) < 0) {
		fprintf(stderr, "fpa-export-bench: %s\n", err);
		return 1;
	}
	t0 = now_ms();
	for (int i = 0; i < n; i++) {
		struct fpa_report r = { 0 };

		if (fpa_export_document(b, ids[i], xsd, &files[i], &r, err) < 0) {
			fprintf(stderr, "fpa-export-bench: %s\n", err);
			return 1;
		}
		fpa_report_free(&r);
	}
	ms = now_ms() - t0;
	printf("%-40s %7.0f documents/s (%d in %.0f ms)\n",
	       "export (build+check+XML+validate+store)", ms > 0 ? n * 1000.0 / ms : 0.0, n, ms);
	for (int i = 0; i < n; i++)
		if (fpa_export_write(b, files[i], dir, path, err) < 0) {
			fprintf(stderr, "fpa-export-bench: %s\n", err);
			return 1;
		}
	/* of that, the schema's part: the same bytes validated in this process */
	ms = 0;
	for (int i = 0; i < n; i++) {
		struct sdi_file f;

		if (sdi_file_get(b, files[i], 1, &f, err) < 0)
			return 1;
		t0 = now_ms();
		fpa_schema_validate(xsd, (const char *)f.xml, f.len, err);
		ms += now_ms() - t0;
		sdi_file_clear(&f);
	}
	printf("%-40s %7.0f documents/s\n", "  of which validation alone (libxml2)",
	       ms > 0 ? n * 1000.0 / ms : 0.0);
	book_close(b);
	snprintf(path, sizeof path, "%s/book.sqlite", tmpl);
	unlink(path);
	snprintf(path, sizeof path, "%s/book.sqlite-wal", tmpl);
	unlink(path);
	snprintf(path, sizeof path, "%s/book.sqlite-shm", tmpl);
	unlink(path);
	rmdir(tmpl);
	fpa_schema_free(xsd);
	free(ids);
	free(files);
	return 0;
}
