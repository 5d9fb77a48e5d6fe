# Bank statements in (src/bank): camt.053 and CSV files read into a list of
# movements for the prima nota's importer; no SQL, no UI.
src_libscrivano_a_SOURCES += src/bank/statement.c src/bank/statement.h \
	src/bank/stmt-impl.h src/bank/camt.c src/bank/csv.c src/bank/csv-head.c \
	src/bank/match.c src/bank/match.h

check_PROGRAMS += tests/unit/test-statement
tests_unit_test_statement_SOURCES = tests/unit/test-statement.c
tests_unit_test_statement_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_statement_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-statement

# The fuzz target runs in tests/fuzz-parsers.sh's short pass
# (bench/fuzz-parsers.sh statement_read RUNS for longer).
EXTRA_DIST += fuzz/statement_read.c

# The formats and the column-map file.
dist_man_MANS += man/scrivano-statement.5
