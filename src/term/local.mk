src_libscrivano_a_SOURCES += src/commands.h
src_libscrivano_a_SOURCES += src/term/charset.c src/term/charset.h
check_PROGRAMS += tests/unit/test-charset
tests_unit_test_charset_SOURCES = tests/unit/test-charset.c
tests_unit_test_charset_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_charset_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-charset
