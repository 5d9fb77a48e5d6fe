# Bank statements in (src/bank): camt.053 and CSV files read into a list of
# movements for the prima nota's importer; no SQL, no UI.
src_libscrivano_a_SOURCES += src/bank/statement.c src/bank/statement.h \
	src/bank/stmt-impl.h src/bank/camt.c src/bank/csv.c src/bank/csv-head.c

check_PROGRAMS += tests/unit/test-statement
tests_unit_test_statement_SOURCES = tests/unit/test-statement.c
tests_unit_test_statement_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_statement_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-statement
