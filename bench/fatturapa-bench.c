/* Speed of the fiscal core on one core: invoices per second for generate
 * (compute) + check + write + validate against the official schema, and for
 * parse + check of the official samples. Aim: over 1,000 per second each.
 * Usage: fatturapa-bench [COUNT]; needs $SCRIVANO_FATTURAPA. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fisc/fatturapa.h"
#include "util/util.h"

#define AIM 1000

static long long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void
report(const char *what, long n, long long ns)
{
	long long rate = ns > 0 ? (long long)n * 1000000000LL / ns : 0;

	printf("%-40s %6ld invoices in %6lld ms: %7lld invoices/s (%s %d/s)\n", what, n,
	       ns / 1000000, rate, rate >= AIM ? "above the aim of" : "BELOW the aim of", AIM);
}

/* A realistic invoice: ten lines at three rates, a discount, a payment. */
static struct fpa_invoice *
make(long i)
{
	static const int64_t rates[] = { 2200, 1000, 400 };
	struct fpa_invoice *inv = fpa_invoice_new();
	struct fpa_body *b = fpa_body_add(inv);
	char err[ERR_SIZE];

	str_copy(inv->tx_country, "IT", 3);
	str_copy(inv->tx_id, "01234560017", sizeof inv->tx_id);
	snprintf(inv->progressivo, sizeof inv->progressivo, "%05ld", i % 100000);
	str_copy(inv->dest, "ABC1234", sizeof inv->dest);
	str_copy(inv->seller.vat_country, "IT", 3);
	str_copy(inv->seller.vat_id, "01234560017", sizeof inv->seller.vat_id);
	str_copy(inv->seller.regime, "RF01", 5);
	inv->seller.name = xstrdup("Alfa S.r.l.");
	str_copy(inv->buyer.vat_country, "IT", 3);
	str_copy(inv->buyer.vat_id, "12345670017", sizeof inv->buyer.vat_id);
	inv->buyer.name = xstrdup("Beta S.p.A.");
	for (struct fpa_party *p = &inv->seller; p <= &inv->buyer; p++) {
		p->addr.street = xstrdup("Via Roma 1");
		p->addr.city = xstrdup("Milano");
		str_copy(p->addr.cap, "20100", 6);
	}
	str_copy(b->date, "2025-03-14", sizeof b->date);
	snprintf(b->number, sizeof b->number, "%d/A", (int)((i + 1) % 1000000));
	for (int k = 0; k < 10; k++) {
		struct fpa_line *l = fpa_line_add(b);

		l->descr = xstrdup("Articolo di prova con una descrizione ragionevole");
		l->has_qty = 1;
		l->qty = (struct dec){ 100 + k * 25 + i % 7, 2 };
		l->price = (struct dec){ 1234567890LL + k * 1000003LL, 8 };
		l->rate = rates[k % 3];
		if (k == 3) {
			str_copy(l->disc[0].kind, "SC", 3);
			l->disc[0].has_pct = 1;
			l->disc[0].pct = (struct dec){ 1000, 2 };
			l->ndisc = 1;
		}
	}
	fpa_payment_add(b)->automatic = 1;
	str_copy(b->pay[0].due, "2025-04-13", 11);
	if (fpa_compute(b, err) < 0)
		fprintf(stderr, "fatturapa-bench: %s\n", err);
	return inv;
}

static int
bench_generate(struct fpa_schema *schema, long n)
{
	char err[ERR_SIZE];
	long long t0 = now_ns();

	for (long i = 0; i < n; i++) {
		struct fpa_invoice *inv = make(i);
		struct fpa_report r = { 0 };
		char *xml;
		size_t len;

		if (fpa_check(inv, &r) != 0 || fpa_to_xml(inv, &xml, &len, err) < 0 ||
		    fpa_schema_validate(schema, xml, len, err) < 0) {
			fprintf(stderr, "fatturapa-bench: invoice %ld: %s\n", i, err);
			return -1;
		}
		free(xml);
		fpa_report_free(&r);
		fpa_invoice_free(inv);
	}
	report("generate + check + schema-validate", n, now_ns() - t0);
	return 0;
}

static const char *const samples[] = {
	"FPA01", "FPA02", "FPA03", "FPR01", "FPR02", "FPR03", "FPR04",
};

static int
bench_parse(const char *dir, long n)
{
	char *data[ARRAY_LEN(samples)], path[PATH_MAX], err[ERR_SIZE];
	size_t len[ARRAY_LEN(samples)];
	long long t0;

	for (size_t i = 0; i < ARRAY_LEN(samples); i++) {
		snprintf(path, sizeof path, "%s/samples/IT01234567890_%s.xml", dir, samples[i]);
		if (file_read_all(path, FPA_MAX_FILE, &data[i], &len[i], err) < 0) {
			fprintf(stderr, "fatturapa-bench: %s\n", err);
			return -1;
		}
	}
	t0 = now_ns();
	for (long i = 0; i < n; i++) {
		size_t k = (size_t)i % ARRAY_LEN(samples);
		struct fpa_report r = { 0 };
		struct fpa_invoice *inv;

		if (fpa_read_memory(data[k], len[k], samples[k], &inv, &r, err) < 0) {
			fprintf(stderr, "fatturapa-bench: %s\n", err);
			return -1;
		}
		fpa_check(inv, &r);
		fpa_report_free(&r);
		fpa_invoice_free(inv);
	}
	report("parse + check (official samples)", n, now_ns() - t0);
	for (size_t i = 0; i < ARRAY_LEN(samples); i++)
		free(data[i]);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *dir = getenv("SCRIVANO_FATTURAPA");
	long n = argc > 1 ? atol(argv[1]) : 5000;
	struct fpa_schema *schema;
	char xsd[PATH_MAX], err[ERR_SIZE];
	int rc;

	if (dir == NULL || *dir == '\0' || n <= 0) {
		fprintf(stderr, "usage: SCRIVANO_FATTURAPA=DIR fatturapa-bench [COUNT]\n");
		return 2;
	}
	snprintf(xsd, sizeof xsd, "%s/Schema_del_file_xml_FatturaPA_v1.2.2.xsd", dir);
	if (fpa_schema_load(xsd, &schema, err) < 0) {
		fprintf(stderr, "fatturapa-bench: %s\n", err);
		return 1;
	}
	rc = bench_generate(schema, n) < 0 || bench_parse(dir, n) < 0;
	fpa_schema_free(schema);
	return rc;
}
