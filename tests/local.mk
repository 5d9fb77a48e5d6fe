# The test suite: `make check` runs every test in SCRIVANO_TESTS through
# tests/run, which ends with "N passed, N failed".
EXTRA_DIST += tests/run tests/tap.h tests/fisc-fixtures.h

EXTRA_DIST += tests/i18n.sh
SCRIVANO_TESTS += tests/i18n.sh tests/lang.sh tests/man.sh
EXTRA_DIST += tests/man.sh
EXTRA_DIST += tests/lang.sh
# tools/demo's port argument.
SCRIVANO_TESTS += tests/demo.sh
EXTRA_DIST += tests/demo.sh

check_PROGRAMS += tests/unit/test-idcheck
tests_unit_test_idcheck_SOURCES = tests/unit/test-idcheck.c
tests_unit_test_idcheck_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_idcheck_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-idcheck

# The official FatturaPA schema and samples live outside the project, in a
# folder shared/fatturapa beside (or above) the checkout: found by walking up
# from the source tree unless SCRIVANO_FATTURAPA is already set.
check-local: $(check_PROGRAMS) src/scrivano $(LOCALE_FILES)
	@fp="$$SCRIVANO_FATTURAPA"; d='$(abs_top_srcdir)'; \
	while [ -z "$$fp" ] && [ "$$d" != / ]; do \
	  [ -d "$$d/shared/fatturapa" ] && fp="$$d/shared/fatturapa"; d=$$(dirname "$$d"); \
	done; \
	SCRIVANO_FATTURAPA="$$fp" srcdir='$(srcdir)' builddir='.' abs_top_srcdir='$(abs_top_srcdir)' \
	abs_top_builddir='$(abs_top_builddir)' SCRIVANO='$(abs_top_builddir)/src/scrivano' \
	SCRIVANO_LOCALEDIR='$(abs_top_builddir)/locale' \
	SCRIVANO_SHARE='$(abs_top_srcdir)' \
	$(SHELL) $(srcdir)/tests/run $(SCRIVANO_TESTS)

clean-local:
	-rm -rf tests/logs

check_PROGRAMS += tests/unit/test-users
tests_unit_test_users_SOURCES = tests/unit/test-users.c
tests_unit_test_users_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_users_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-users tests/user-cli.sh
EXTRA_DIST += tests/user-cli.sh

# End to end through the real OpenSSH client: the customers screen.
SCRIVANO_TESTS += tests/e2e/test_customers.py
EXTRA_DIST += tests/e2e/test_customers.py
# The history's chain and verify (issue 17).
check_PROGRAMS += tests/unit/test-history
tests_unit_test_history_SOURCES = tests/unit/test-history.c
tests_unit_test_history_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_history_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-history
# scrivano book verify: exit codes and messages (issue 17).
EXTRA_DIST += tests/book-verify.sh
SCRIVANO_TESTS += tests/book-verify.sh
# End to end through OpenSSH: a customer's history in the form and the list.
SCRIVANO_TESTS += tests/e2e/test_history.py
EXTRA_DIST += tests/e2e/test_history.py
# Nothing saved is lost: the UI killed with SIGKILL during a run of saves
# (short here; bench/kill.sh runs thousands).
EXTRA_DIST += tests/tui-kill.py
SCRIVANO_TESTS += tests/tui-kill.py
# bench/history.sh: a form save and a 1,000-row import with and without the
# history, at synchronous FULL and NORMAL (not in the suite).
check_PROGRAMS += bench/history-bench
bench_history_bench_SOURCES = bench/history-bench.c bench/bench.h
bench_history_bench_LDADD = src/libscrivano.a $(ALL_LIBS)
EXTRA_DIST += bench/history.sh bench/kill.sh
