# The fiscal core (src/fisc): the invoice model and its arithmetic,
# FatturaPA reading, writing and checking. (The identifiers'
# checks and the decimals it uses are src/util's, shared with the book.)
src_libscrivano_a_SOURCES += src/fisc/invoice.c src/fisc/invoice.h \
	src/fisc/codes.c src/fisc/compute.c src/fisc/compute-impl.h \
	src/fisc/compute-checks.c src/fisc/compute-lines.c src/fisc/read-totals.c src/fisc/doc-rules.h src/fisc/discount.c \
	src/fisc/legal-notes.c src/fisc/schedule.c src/fisc/credit.c \
	src/fisc/fatturapa.h src/fisc/fpa_xml.c src/fisc/fpa_write.c \
	src/fisc/fpa_check.c src/fisc/fpa_read.c src/fisc/p7m.c \
	src/fisc/fpa_show.c src/fisc/fpa_html.c
# SdI's messages about a file sent (receipts: RC NS MC NE DT AT).
src_libscrivano_a_SOURCES += src/fisc/sdi-msg.c src/fisc/sdi-msg.h

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

# The document rules (doc-rules.h): each regime's totals, the document's
# discount, rivalsa and rounding, discounts as typed, the legal notes, the
# payment schedule, and the code lists against the checker.
FISC_RULES_TESTS = tests/unit/test-fisc-regimes tests/unit/test-fisc-totals \
	tests/unit/test-fisc-discount tests/unit/test-fisc-notes \
	tests/unit/test-fisc-schedule tests/unit/test-fisc-codes
check_PROGRAMS += $(FISC_RULES_TESTS)
EXTRA_DIST += tests/fisc-sdi.h
tests_unit_test_fisc_regimes_SOURCES = tests/unit/test-fisc-regimes.c
tests_unit_test_fisc_regimes_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_regimes_LDADD = $(FISC_TEST_LDADD)
tests_unit_test_fisc_totals_SOURCES = tests/unit/test-fisc-totals.c
tests_unit_test_fisc_totals_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_totals_LDADD = $(FISC_TEST_LDADD)
tests_unit_test_fisc_discount_SOURCES = tests/unit/test-fisc-discount.c
tests_unit_test_fisc_discount_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_discount_LDADD = $(FISC_TEST_LDADD)
tests_unit_test_fisc_notes_SOURCES = tests/unit/test-fisc-notes.c
tests_unit_test_fisc_notes_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_notes_LDADD = $(FISC_TEST_LDADD)
tests_unit_test_fisc_schedule_SOURCES = tests/unit/test-fisc-schedule.c
tests_unit_test_fisc_schedule_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_schedule_LDADD = $(FISC_TEST_LDADD)
tests_unit_test_fisc_codes_SOURCES = tests/unit/test-fisc-codes.c
tests_unit_test_fisc_codes_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_codes_LDADD = $(FISC_TEST_LDADD)
SCRIVANO_TESTS += $(FISC_RULES_TESTS)

# The checker and the totals of a read document on invoices shaped as
# other programs write them.
check_PROGRAMS += tests/unit/test-fisc-check
tests_unit_test_fisc_check_SOURCES = tests/unit/test-fisc-check.c
tests_unit_test_fisc_check_CPPFLAGS = $(FISC_TEST_CPPFLAGS)
tests_unit_test_fisc_check_LDADD = $(FISC_TEST_LDADD)
SCRIVANO_TESTS += tests/unit/test-fisc-check

# The code lists of the cassa, the ritenuta and its causali.
nobase_dist_pkgdata_DATA += data/cassa-previdenziale.txt data/ritenuta-tipi.txt \
	data/causali-pagamento-ritenuta.txt

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

# show on files shaped as other programs write them, at several widths and
# in both languages: no label cut, the totals' rows adding up.
EXTRA_DIST += tests/fisc/show.py
SCRIVANO_TESTS += tests/fisc/show.py

# Hostile text (C1 controls, CR, escapes in a signer's name) never reaches
# the terminal or the book as control characters.
EXTRA_DIST += tests/fisc/escapes.py
SCRIVANO_TESTS += tests/fisc/escapes.py
