src_libscrivano_a_SOURCES += src/util/util.c src/util/util.h \
	src/util/temp-guard.c \
	src/util/i18n.c src/util/i18n.h \
	src/util/conf.c src/util/conf.h \
	src/util/xml.c src/util/xml.h \
	src/util/sha256.c src/util/sha256.h \
	src/util/base64.c src/util/base64.h \
	src/util/idcheck.c src/util/idcheck.h \
	src/util/decimal.c src/util/decimal.h
check_PROGRAMS += tests/unit/test-conf
tests_unit_test_conf_SOURCES = tests/unit/test-conf.c
tests_unit_test_conf_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_conf_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-conf
check_PROGRAMS += tests/unit/test-util
tests_unit_test_util_SOURCES = tests/unit/test-util.c
tests_unit_test_util_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_util_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-util

# Short passes of the libFuzzer targets for the parsers of screen files,
# key files and authorized_keys lines (bench/fuzz-parsers.sh runs longer).
EXTRA_DIST += tests/fuzz-parsers.sh bench/fuzz-parsers.sh fuzz/screenfile.c fuzz/keyfile.c \
	fuzz/authorized_key.c
SCRIVANO_TESTS += tests/fuzz-parsers.sh
# Late-payment interest by D.Lgs. 231/2002 (dunning, issue 16): the
# half-yearly rates' table and the interest by day.
src_libscrivano_a_SOURCES += src/util/late-interest.c src/util/late-interest.h
nobase_dist_pkgdata_DATA += data/interessi-mora.txt
check_PROGRAMS += tests/unit/test-late-interest
tests_unit_test_late_interest_SOURCES = tests/unit/test-late-interest.c
tests_unit_test_late_interest_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_late_interest_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-late-interest
