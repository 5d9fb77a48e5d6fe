# The fiscal core (src/fisc): the invoice model and its arithmetic,
# FatturaPA reading, writing and checking. (The identifiers'
# checks and the decimals it uses are src/util's, shared with the book.)
src_libscrivano_a_SOURCES += src/fisc/invoice.c src/fisc/invoice.h \
	src/fisc/codes.c src/fisc/compute.c src/fisc/doc-rules.h src/fisc/discount.c \
	src/fisc/legal-notes.c src/fisc/schedule.c src/fisc/credit.c \
	src/fisc/fatturapa.h src/fisc/fpa_xml.c src/fisc/fpa_write.c \
	src/fisc/fpa_check.c src/fisc/fpa_read.c src/fisc/p7m.c \
	src/fisc/fpa_show.c src/fisc/fpa_html.c

FISC_TEST_LDADD = src/libscrivano.a $(ALL_LIBS)
FISC_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests

check_PROGRAMS += tests/unit/test-fisc-decimal tests/unit/test-fisc-compute \
	tests/unit/test-fisc-write tests/unit/test-fisc-read
tests_unit_test_fisc_decimal_SOURCES = tests/unit/test-fisc-decimal.c
tests_unit_test_fisc_decimal_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_decimal_LDADD = $(FISC_TEST_LDADD)
tests_unit_test_fisc_compute_SOURCES = tests/unit/test-fisc-compute.c
tests_unit_test_fisc_compute_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_compute_LDADD = $(FISC_TEST_LDADD)
tests_unit_test_fisc_write_SOURCES = tests/unit/test-fisc-write.c
tests_unit_test_fisc_write_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_write_LDADD = $(FISC_TEST_LDADD)
tests_unit_test_fisc_read_SOURCES = tests/unit/test-fisc-read.c
tests_unit_test_fisc_read_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_read_LDADD = $(FISC_TEST_LDADD)
SCRIVANO_TESTS += tests/unit/test-fisc-decimal tests/unit/test-fisc-compute \
	tests/unit/test-fisc-write tests/unit/test-fisc-read

# The command line on the official samples, signed files and a book.
EXTRA_DIST += tests/fisc/cli.py
SCRIVANO_TESTS += tests/fisc/cli.py
# The rows an import leaves in the book, against the dump the import made
# with its own SQL (tests/fisc/import-rows.expected).
EXTRA_DIST += tests/fisc/import-rows.py tests/fisc/import-rows.expected
SCRIVANO_TESTS += tests/fisc/import-rows.py

# A short pass of the libFuzzer target (bench/fuzz-fatturapa.sh builds it
# with clang; longer runs: bench/fuzz-fatturapa.sh 1000000).
EXTRA_DIST += tests/fisc/fuzz.sh fuzz/fatturapa_read.c
SCRIVANO_TESTS += tests/fisc/fuzz.sh

# The benchmark (bench/fatturapa.sh runs it in full; the suite runs 200).
check_PROGRAMS += bench/fatturapa-bench
bench_fatturapa_bench_SOURCES = bench/fatturapa-bench.c
bench_fatturapa_bench_CPPFLAGS = $(AM_CPPFLAGS)
bench_fatturapa_bench_LDADD = $(FISC_TEST_LDADD)
EXTRA_DIST += tests/fisc/bench.sh
SCRIVANO_TESTS += tests/fisc/bench.sh

dist_man_MANS += man/scrivano-fatturapa.1

# Hostile text (C1 controls, CR, escapes in a signer's name) never reaches
# the terminal or the book as control characters.
EXTRA_DIST += tests/fisc/escapes.py
SCRIVANO_TESTS += tests/fisc/escapes.py
