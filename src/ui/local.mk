src_libscrivano_a_SOURCES += src/ui/tui.c src/ui/ui.c src/ui/ui.h \
	src/ui/actions.c src/ui/actions.h src/ui/menu.c src/ui/browse.c src/ui/browse-filter.c src/ui/browse-filter.h src/ui/import.c src/ui/commands.c \
	src/ui/form.c src/ui/form-kind.c src/ui/form-drafts.c src/ui/form-impl.h src/ui/resume.c src/ui/dialog.c src/ui/help.c src/ui/edit.c src/ui/edit.h \
	src/ui/screenfile.c src/ui/screenfile.h src/ui/sf-impl.h src/ui/sf-lines.c \
	src/ui/sf-layout.c src/ui/sf-fields.c src/ui/sf-grid.c src/ui/sf-views.c \
	src/ui/sf-check.c src/ui/fieldtype.c src/ui/fieldtype.h src/ui/pn-summary.c
# The chooser of books shared with the account (issue 17).
src_libscrivano_a_SOURCES += src/ui/books.c
# A record's history (the History key, issue 17).
src_libscrivano_a_SOURCES += src/ui/history.c
dist_man_MANS += man/scrivano-tui.1

check_PROGRAMS += tests/unit/test-keyfile tests/unit/test-screenfile tests/unit/test-parties
tests_unit_test_keyfile_SOURCES = tests/unit/test-keyfile.c
tests_unit_test_keyfile_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_keyfile_LDADD = src/libscrivano.a $(ALL_LIBS)
tests_unit_test_screenfile_SOURCES = tests/unit/test-screenfile.c
tests_unit_test_screenfile_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_screenfile_LDADD = src/libscrivano.a $(ALL_LIBS)
tests_unit_test_parties_SOURCES = tests/unit/test-parties.c
tests_unit_test_parties_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_parties_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-keyfile tests/unit/test-screenfile tests/unit/test-parties
EXTRA_DIST += tests/tui-check.sh
SCRIVANO_TESTS += tests/tui-check.sh
EXTRA_DIST += tests/tui-screen.py tests/ptytui.py
# check() and its count for the shell tests (tests/*.sh source it).
EXTRA_DIST += tests/tap.sh
SCRIVANO_TESTS += tests/tui-screen.py
# The key line offers the same keys in English and Italian.
EXTRA_DIST += tests/tui-keyline.py
SCRIVANO_TESTS += tests/tui-keyline.py
# The company profile is named so, not "Edit".
EXTRA_DIST += tests/tui-titles.py
SCRIVANO_TESTS += tests/tui-titles.py

# Lists in any order with filters (record_browse_by), and line grids.
check_PROGRAMS += tests/unit/test-browse
tests_unit_test_browse_SOURCES = tests/unit/test-browse.c
tests_unit_test_browse_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_browse_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-browse
# issue 5, field types (types): the types, code lists and reference data
src_libscrivano_a_SOURCES += src/ui/ft-impl.h src/ui/ft-number.c src/ui/ft-exact.c src/ui/ft-secret.c src/ui/ft-date.c \
	src/ui/ft-list.c src/ui/ft-ente.c src/ui/ft-code.c src/util/codelist.c src/util/codelist.h \
	src/ui/pick.c src/ui/pick.h
nobase_dist_pkgdata_DATA += data/provinces.txt data/countries.txt data/natura.txt \
	data/regime-fiscale.txt data/modalita-pagamento.txt data/condizioni-pagamento.txt \
	data/tipo-documento.txt
src_libscrivano_a_SOURCES += src/ui/grid.c src/ui/grid.h

# bench/browse.sh: lists on a book of 100,000 parties (the suite runs a
# small one: tests/browse-bench.sh).
check_PROGRAMS += bench/browse-bench
bench_browse_bench_SOURCES = bench/browse-bench.c bench/bench.h
bench_browse_bench_LDADD = src/libscrivano.a $(ALL_LIBS)
EXTRA_DIST += bench/browse.sh bench/browse-tui.py
EXTRA_DIST += tests/browse-bench.sh
SCRIVANO_TESTS += tests/browse-bench.sh
check_PROGRAMS += tests/unit/test-grid
tests_unit_test_grid_SOURCES = tests/unit/test-grid.c
tests_unit_test_grid_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_grid_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-grid
EXTRA_DIST += tests/tui-lists.py
SCRIVANO_TESTS += tests/tui-lists.py
# the engine for the documents on a pty, with a screen file of its own: a
# list's total, a view presetting New, fills, computed lines, read only
EXTRA_DIST += tests/tui-doc-engine.py
SCRIVANO_TESTS += tests/tui-doc-engine.py
check_PROGRAMS += tests/unit/test-fieldtype
tests_unit_test_fieldtype_SOURCES = tests/unit/test-fieldtype.c
tests_unit_test_fieldtype_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_fieldtype_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-fieldtype
# End to end through OpenSSH: drafts survive a killed client and a server restart.
SCRIVANO_TESTS += tests/e2e/test_drafts.py
EXTRA_DIST += tests/e2e/test_drafts.py
# End to end through OpenSSH: the form engine's feel (issue 10).
SCRIVANO_TESTS += tests/e2e/test_form.py
EXTRA_DIST += tests/e2e/test_form.py
# issue 10, help where the cursor is: F1 on a field through OpenSSH.
SCRIVANO_TESTS += tests/e2e/test_help.py
EXTRA_DIST += tests/e2e/test_help.py

# issue 12, point 8: CSV out of any list as it shows (the writer is pure
# and unit-tested).
src_libscrivano_a_SOURCES += src/ui/csv.c src/ui/csv.h src/ui/export.c src/ui/export.h \
	src/ui/export-cli.c
dist_man_MANS += man/scrivano-export.1
check_PROGRAMS += tests/unit/test-csv
tests_unit_test_csv_SOURCES = tests/unit/test-csv.c
tests_unit_test_csv_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_csv_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-csv
# `scrivano export` from the command line: both formats, refusals.
EXTRA_DIST += tests/export-cli.sh
SCRIVANO_TESTS += tests/export-cli.sh
# End to end through OpenSSH: Export in a filtered, sorted suppliers list.
SCRIVANO_TESTS += tests/e2e/test_export.py
EXTRA_DIST += tests/e2e/test_export.py
# The documents' screens (issue 14): the register with a view per kind,
# opened by the main menu's Documents; and its end-to-end tests.
nobase_dist_pkgdata_DATA += screens/documents.scr
SCRIVANO_TESTS += tests/e2e/test_documents.py
EXTRA_DIST += tests/e2e/test_documents.py
