/* The F24 as text (src/book/f24-text.c), the form's Print and `scrivano
 * f24 print`: the exact lines of a known F24 with every section, of a paid
 * one with a coobbligato, and of one with no rows; the kind's print_text
 * hook is this rendering; through the print layout (doc_lines, doc_pages)
 * every line reaches the page as it is and a long name wraps, never cut. */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/f24-text.h"
#include "book/f24.h"
#include "book/record.h"
#include "book-fixtures.h"
#include "tap.h"
#include "ui/pages.h"
#include "util/util.h"

static struct record *
form(const char *description)
{
	struct record *f = record_new(&f24_kind);

	if (f->rows == NULL)
		f->rows = xcalloc(f24_kind.nchildren, sizeof *f->rows);
	record_set(f, F24_DESCRIPTION, description);
	record_set(f, F24_CF, "12345678903");
	record_set(f, F24_NAME, "Società Rossi Srl");
	record_set(f, F24_ADDRESS, "Via Roma 1");
	record_set(f, F24_CITY, "Milano");
	record_set(f, F24_PROVINCE, "MI");
	return f;
}

/* f24_text(f) is exactly want (NULL-ended); the lines differing shown. */
static void
lines_are(const struct record *f, const char *const *want, const char *what)
{
	char **lines;
	size_t n = f24_text(f, &lines), nwant = 0, bad = 0;

	while (want[nwant] != NULL)
		nwant++;
	for (size_t i = 0; i < n || i < nwant; i++) {
		const char *got = i < n ? lines[i] : "(none)", *w = i < nwant ? want[i] : "(none)";
		if (strcmp(got, w) != 0) {
			if (bad++ < 8)
				printf("# line %zu:\n#  got  '%s'\n#  want '%s'\n", i + 1, got, w);
		}
	}
	ok(bad == 0 && n == nwant, "%s: %zu lines as expected (%zu differ)", what, nwant, bad);
	f24_text_free(lines, n);
}

static const char *const every_section[] = {
	"F24: Ritenute e IVA marzo",
	"State: to pay   Due date: 16/04/2026",
	"Contribuente: 12345678903  Società Rossi Srl",
	"Domicilio fiscale: Via Roma 1, Milano (MI)",
	"",
	"ERARIO",
	"Code    Instal.  Year  Office  Act                      Debit         Credit",
	"6001             2026                                1.234,56",
	"6099             2025                                                 300,00",
	"1668    0203     2025  T8A     R1234567890              12,50",
	"                                   Totals A, B       1.247,06         300,00",
	"                                   Saldo (A-B)         947,06",
	"",
	"INPS",
	"Sede   Causale Matricola         From    To             Debit         Credit",
	"4900   DM10    4912345678        01/2026 03/2026       800,00",
	"                                   Totals C, D         800,00           0,00",
	"                                   Saldo (C-D)         800,00",
	"",
	"REGIONI",
	"Region  Code    Instal.  Year                           Debit         Credit",
	"10      3800             2025                           50,00",
	"                                   Totals E, F          50,00           0,00",
	"                                   Saldo (E-F)          50,00",
	"",
	"IMU E ALTRI TRIBUTI LOCALI",
	"Ente  RVAS Prop. Code   Instal.  Year                   Debit         Credit",
	"F205  --A- 2     3918            2026                  400,50",
	"  Operation: 123456789012345678",
	"H501  R--S       3918   0101     2025                1.000,00",
	"                                   Totals G, H       1.400,50           0,00",
	"                                   Saldo (G-H)       1.400,50",
	"                                    Detrazione         200,00",
	"",
	"INAIL",
	"Sede   Ditta    C.c. Reference Causale                  Debit         Credit",
	"20100  12345678 55   123456    P                       150,00          25,00",
	"                                   Totals I, L         150,00          25,00",
	"                                   Saldo (I-L)         125,00",
	"",
	"ALTRI ENTI PREVIDENZIALI E ASSICURATIVI",
	"Ente  Sede   Causale Position   From    To              Debit         Credit",
	"0001  12345  C10     123456789  01/2026 12/2026         75,00",
	"                                   Totals M, N          75,00           0,00",
	"                                   Saldo (M-N)          75,00",
	"",
	"                              SALDO FINALE EUR       3.397,56",
	NULL,
};

static void
all_sections(void)
{
	struct record *f = form("Ritenute e IVA marzo");

	record_set(f, F24_STATE, "T");
	record_set(f, F24_DUE_DATE, "2026-04-16");
	record_set(f, F24_DETRAZIONE, "20000");
	record_row_add(f, F24_ERARIO, "code", "6001", "year", "2026", "debit", "123456", NULL);
	record_row_add(f, F24_ERARIO, "code", "6099", "year", "2025", "credit", "30000", NULL);
	record_row_add(f, F24_ERARIO, "code", "1668", "rate", "0203", "year", "2025", "office", "T8A",
		"act", "R1234567890", "debit", "1250", NULL);
	record_row_add(f, F24_INPS, "sede", "4900", "causale", "DM10", "matricola", "4912345678",
		"period_from", "01/2026", "period_to", "03/2026", "debit", "80000", NULL);
	record_row_add(f, F24_REGIONI, "region", "10", "code", "3800", "year", "2025", "debit", "5000",
		NULL);
	record_row_add(f, F24_LOCALI, "ente", "F205", "acconto", "1", "immobili", "2", "code", "3918",
		"year", "2026", "debit", "40050", "operation", "123456789012345678", NULL);
	record_row_add(f, F24_LOCALI, "ente", "H501", "ravv", "1", "saldo", "1", "code", "3918", "rate",
		"0101", "year", "2025", "debit", "100000", NULL);
	record_row_add(f, F24_INAIL, "sede", "20100", "ditta", "12345678", "cc", "55", "reference",
		"123456", "causale", "P", "debit", "15000", "credit", "2500", NULL);
	record_row_add(f, F24_ALTRI, "ente", "0001", "sede", "12345", "causale", "C10", "position_code",
		"123456789", "period_from", "01/2026", "period_to", "12/2026", "debit", "7500",
		NULL);
	lines_are(f, every_section, "an F24 with every section");
	ok(f24_kind.print_text == f24_text, "the F24 kind prints through this rendering");
	record_free(f);
}

static void
paid_and_empty(void)
{
	static const char *const paid[] = {
		"F24: Saldo IVA",
		"State: paid   Due date: 16/03/2026   Payment date: 13/03/2026",
		"Contribuente: RSSMRA80A01F205X  Rossi Mario",
		"Domicilio fiscale: Milano",
		"Coobbligato's codice fiscale: RSSLGU50A01F205Y   Codice identificativo: 62",
		"",
		"ERARIO",
		"Code    Instal.  Year  Office  Act                      Debit         Credit",
		"6099    0101     2025                            1.234.567,89",
		"                                   Totals A, B   1.234.567,89           0,00",
		"                                   Saldo (A-B)   1.234.567,89",
		"",
		"                              SALDO FINALE EUR   1.234.567,89",
		NULL,
	};
	static const char *const empty[] = {
		"F24: Vuoto",
		"State: draft",
		"Contribuente: 12345678903  Società Rossi Srl",
		"Domicilio fiscale: Via Roma 1, Milano (MI)",
		"",
		"                              SALDO FINALE EUR           0,00",
		NULL,
	};
	struct record *f = form("Saldo IVA");

	record_set(f, F24_STATE, "P");
	record_set(f, F24_DUE_DATE, "2026-03-16");
	record_set(f, F24_PAID_DATE, "2026-03-13");
	record_set(f, F24_CF, "RSSMRA80A01F205X");
	record_set(f, F24_NAME, "Rossi");
	record_set(f, F24_FIRST_NAME, "Mario");
	record_set(f, F24_ADDRESS, "");
	record_set(f, F24_PROVINCE, "");
	record_set(f, F24_COOBLIGATO_CF, "RSSLGU50A01F205Y");
	record_set(f, F24_ID_CODE, "62");
	record_row_add(f, F24_ERARIO, "code", "6099", "rate", "0101", "year", "2025", "debit",
		"123456789", NULL);
	lines_are(f, paid, "a paid F24 with a coobbligato and a large amount");
	record_free(f);
	f = form("Vuoto");
	lines_are(f, empty, "an F24 with no rows: the header and the saldo finale");
	record_free(f);
}

/* Through the print layout, as Print lays a kind's own lines out. */
static void
on_the_page(void)
{
	struct record *f = form("Ritenute e IVA marzo");
	struct pages p = { 0 };
	struct doc *d = doc_new("F24 - Ritenute e IVA marzo");
	char **lines, *name = xcalloc(1, 200);
	size_t n, missing = 0, wide = 0;

	record_row_add(f, F24_ERARIO, "code", "6001", "year", "2026", "debit", "123456", NULL);
	record_row_add(f, F24_ERARIO, "code", "6099", "year", "2025", "credit", "30000", NULL);
	memset(name, 'N', 150);
	record_set(f, F24_NAME, name);
	n = f24_text(f, &lines);
	doc_lines(d, lines, n);
	doc_pages(d, "06/12/2026", PAGE_WIDTH, PAGE_LINES, &p);
	ok(p.n == 1, "one page");
	for (size_t i = 0; p.n > 0 && i < n; i++) {
		char *want = xasprintf("\n%s\n", lines[i]);
		if (strlen(lines[i]) <= PAGE_WIDTH && strstr(p.page[0], want) == NULL) {
			if (missing++ < 5)
				printf("# not on the page: '%s'\n", lines[i]);
		}
		free(want);
	}
	ok(missing == 0, "every line that fits is on the page as it is, blanks kept");
	for (const char *s = p.n > 0 ? p.page[0] : ""; *s != '\0';) {
		size_t len = strcspn(s, "\n");
		wide += len > PAGE_WIDTH;
		s += len + (s[len] == '\n');
	}
	ok(wide == 0, "no line of the page is wider than it");
	ok(p.n > 0 && strstr(p.page[0], "NNNNNNNNNN\nNNNNNNNNNN") != NULL,
	   "the 150-letter name wraps onto a second line, not cut");
	pages_free(&p);
	doc_free(d);
	f24_text_free(lines, n);
	free(name);
	record_free(f);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	all_sections();
	paid_and_empty();
	on_the_page();
	return tap_done();
}
