src_libscrivano_a_SOURCES += src/commands.h
src_libscrivano_a_SOURCES += src/term/charset.c src/term/charset.h
check_PROGRAMS += tests/unit/test-charset
tests_unit_test_charset_SOURCES = tests/unit/test-charset.c
tests_unit_test_charset_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_charset_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-charset
src_libscrivano_a_SOURCES += src/term/printer.c src/term/printer.h
check_PROGRAMS += tests/unit/test-printer
tests_unit_test_printer_SOURCES = tests/unit/test-printer.c
tests_unit_test_printer_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_printer_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-printer
src_libscrivano_a_SOURCES += src/term/keymap.c src/term/keymap.h src/term/termtype.c src/term/termtype.h
# default.keys is also built in, as a C string: the keys a session falls
# back on when a shared key file has a mistake.
BUILT_SOURCES += src/term/default-keys.h
CLEANFILES += src/term/default-keys.h
src/term/default-keys.h: $(srcdir)/keymaps/default.keys
	$(MKDIR_P) src/term
	$(AM_V_GEN)sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' \
		$(srcdir)/keymaps/default.keys >$@
nobase_dist_pkgdata_DATA += keymaps/default.keys keymaps/vt100.keys keymaps/vt220.keys \
	keymaps/linux.keys keymaps/putty.keys keymaps/xterm.keys keymaps/wy60.keys \
	keymaps/scoansi.keys
check_PROGRAMS += tests/unit/test-printer-hostile
tests_unit_test_printer_hostile_SOURCES = tests/unit/test-printer-hostile.c
tests_unit_test_printer_hostile_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_printer_hostile_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-printer-hostile
# The UI's side of the terminal edge (printing, the too-small notice),
# listed here with the rest of the edge.
src_libscrivano_a_SOURCES += src/ui/print.c src/ui/small.c
check_PROGRAMS += tests/unit/test-termkeys
tests_unit_test_termkeys_SOURCES = tests/unit/test-termkeys.c
tests_unit_test_termkeys_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_termkeys_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-termkeys
check_PROGRAMS += tests/unit/test-printer-relay
tests_unit_test_printer_relay_SOURCES = tests/unit/test-printer-relay.c
tests_unit_test_printer_relay_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_printer_relay_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-printer-relay
SCRIVANO_TESTS += tests/user-settings.sh
EXTRA_DIST += tests/user-settings.sh
SCRIVANO_TESTS += tests/e2e/test_terminals.py
EXTRA_DIST += tests/e2e/test_terminals.py
SCRIVANO_TESTS += tests/tui-bytes.py
EXTRA_DIST += tests/tui-bytes.py
SCRIVANO_TESTS += tests/e2e/test_matrix.py
EXTRA_DIST += tests/e2e/test_matrix.py
# Print preview: the layout as pages (pure, unit-tested) and the view.
src_libscrivano_a_SOURCES += src/ui/pages.c src/ui/pages.h src/ui/preview.c src/ui/preview.h
check_PROGRAMS += tests/unit/test-pages
tests_unit_test_pages_SOURCES = tests/unit/test-pages.c
tests_unit_test_pages_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_pages_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-pages
SCRIVANO_TESTS += tests/e2e/test_print.py
EXTRA_DIST += tests/e2e/test_print.py
