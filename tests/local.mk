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

# SdI's messages (receipts) read by the fiscal core: each kind, plain and
# signed, and hostile input.
check_PROGRAMS += tests/unit/test-sdi-msg
tests_unit_test_sdi_msg_SOURCES = tests/unit/test-sdi-msg.c
tests_unit_test_sdi_msg_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_sdi_msg_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-sdi-msg
EXTRA_DIST += tests/sdi-fixtures.h

# The SdI files of the book: progressivo, storing, reading, sent (src/book/sdi.c).
check_PROGRAMS += tests/unit/test-sdi
tests_unit_test_sdi_SOURCES = tests/unit/test-sdi.c
tests_unit_test_sdi_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_sdi_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-sdi

# The export of every regime's issued document as a FatturaPA file, each
# validated against the XSD and read back (src/bridge/fpa-export.c).
check_PROGRAMS += tests/unit/test-fpa-export
tests_unit_test_fpa_export_SOURCES = tests/unit/test-fpa-export.c
tests_unit_test_fpa_export_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_fpa_export_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-fpa-export
# scrivano fatturapa export: by number, again, a period's zip, refusals, into another book.
SCRIVANO_TESTS += tests/fatturapa-export.sh
EXTRA_DIST += tests/fatturapa-export.sh
# End to end through OpenSSH: Export XML of an invoice issued in the TUI, its SdI state, a refusal.
SCRIVANO_TESTS += tests/e2e/test_fatturapa_export.py
EXTRA_DIST += tests/e2e/test_fatturapa_export.py
# End to end through OpenSSH: an invoice of each regime typed, issued and
# exported in the TUI (bollo, ritenuta and cassa, split payment to a PA,
# reverse charge, forfettario, TD24 of two DDTs, a customer abroad); each
# file valid, checked, and imported into another book with the same totals.
SCRIVANO_TESTS += tests/e2e/test_fatturapa_regimes.py
EXTRA_DIST += tests/e2e/test_fatturapa_regimes.py
# The self-invoices of reverse charge (TD16-TD19) made from a purchase
# (src/book/documents-integrate.c), computed through the bridge.
check_PROGRAMS += tests/unit/test-documents-integrate
tests_unit_test_documents_integrate_SOURCES = tests/unit/test-documents-integrate.c \
	tests/doc-fixtures.h
tests_unit_test_documents_integrate_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_documents_integrate_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-documents-integrate
# End to end through OpenSSH: a supplier's invoice under reverse charge
# imported, its self-invoice made from the purchase's form.
SCRIVANO_TESTS += tests/e2e/test_reverse_charge.py
EXTRA_DIST += tests/e2e/test_reverse_charge.py
# A self-invoice's FatturaPA file (src/bridge/fpa-export.c's roles): TD16-TD19
# with the supplier as cedente, checked and validated against the schema.
check_PROGRAMS += tests/unit/test-fpa-export-self
tests_unit_test_fpa_export_self_SOURCES = tests/unit/test-fpa-export-self.c tests/doc-fixtures.h \
	tests/fisc-sdi.h
tests_unit_test_fpa_export_self_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_fpa_export_self_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-fpa-export-self
# SdI's messages into a book: the transitions, matching, what is stored,
# what is refused (src/bridge/sdi-receipts.c over src/book/sdi-msg.c).
check_PROGRAMS += tests/unit/test-sdi-receipts
tests_unit_test_sdi_receipts_SOURCES = tests/unit/test-sdi-receipts.c
tests_unit_test_sdi_receipts_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_sdi_receipts_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-sdi-receipts
# End to end through OpenSSH: an exported invoice rejected by an NS imported
# from the TUI (its codes on screen), corrected, exported again, delivered.
SCRIVANO_TESTS += tests/e2e/test_fatturapa_receipts.py
EXTRA_DIST += tests/e2e/test_fatturapa_receipts.py
# scrivano fatturapa receipt: an NS and a signed RC of exported files,
# again, refusals, usage.
SCRIVANO_TESTS += tests/fatturapa-receipt.sh
EXTRA_DIST += tests/fatturapa-receipt.sh
# Supplier invoices in (issue 15 point 5): folders, every .p7m form, lotti,
# attachments, the original byte for byte, html and pdf of a kept purchase.
EXTRA_DIST += tests/fpa-import.py tests/fisc/fpatap.py
SCRIVANO_TESTS += tests/fpa-import.py
SCRIVANO_TESTS += tests/e2e/test_fatturapa_import.py
EXTRA_DIST += tests/e2e/test_fatturapa_import.py
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
# The accountant's access: a book shared read-only and read-write (issue 17).
check_PROGRAMS += tests/unit/test-book
tests_unit_test_book_SOURCES = tests/unit/test-book.c
tests_unit_test_book_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_book_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-book
SCRIVANO_TESTS += tests/e2e/test_share.py
EXTRA_DIST += tests/e2e/test_share.py
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
# scrivano book export (issue 17 point 4): every register exported and
# read back against the book with sqlite3, in both styles; the files byte
# for byte; the FatturaPA files against the schema; the README; one moment
# while a writer commits; the progress line; refusals that leave nothing.
EXTRA_DIST += tests/book-export.py
SCRIVANO_TESTS += tests/book-export.py

# bench/load.sh: 200 sessions typing into forms (not a test; see bench/README.md);
# its typists, two of them: every acknowledged record in its own book.
SCRIVANO_TESTS += tests/e2e/test_two_typists.py
EXTRA_DIST += bench/load.sh bench/load.py tests/e2e/typists.py tests/e2e/test_two_typists.py
# Open items (issue 16): ageing at its boundaries, a payment's allocation,
# the running balance, a bank line's text; the items of invoices,
# purchases and credit notes, payments partial, over several items and
# several on one, reopened by the entry's delete; a migrated book.
check_PROGRAMS += tests/unit/test-items
tests_unit_test_items_SOURCES = tests/unit/test-items.c
tests_unit_test_items_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_items_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-items
# Ri.Ba.: the CBI writer's records, lengths, character set and totals; a
# range of receivables presented into the export folder, refusals, and an
# unpaid one reopened with the bank's fee.
check_PROGRAMS += tests/unit/test-riba
tests_unit_test_riba_SOURCES = tests/unit/test-riba.c
tests_unit_test_riba_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_riba_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-riba
# scrivano items riba|unpaid: the file read back by the tests' own reader
# (tests/ribaread.py), a customer without its bank refused, an unpaid one.
EXTRA_DIST += tests/riba-cli.sh tests/ribaread.py
SCRIVANO_TESTS += tests/riba-cli.sh
# Ri.Ba. through OpenSSH: two items presented from the list, the file read
# back, one unpaid with its fee in the prima nota.
SCRIVANO_TESTS += tests/e2e/test_riba.py
EXTRA_DIST += tests/e2e/test_riba.py
# scrivano items: the list's ageing and totals, a statement as text and as
# a PDF read back with pdftotext, refusals.
EXTRA_DIST += tests/items-cli.sh
SCRIVANO_TESTS += tests/items-cli.sh
# End to end through OpenSSH: an invoice of two instalments issued in the
# TUI, a bank CSV line offered and accepted as the first's payment, the
# second overdue, the party's statement on screen and as a PDF.
SCRIVANO_TESTS += tests/e2e/test_items.py
EXTRA_DIST += tests/e2e/test_items.py
# A person's erasure and the history's redaction (issue 17 point 5): what
# is kept and why, contacts, fields of one's own and drafts gone, no old
# value left in the history, verify still finding a change; refusals.
check_PROGRAMS += tests/unit/test-party-erase
tests_unit_test_party_erase_SOURCES = tests/unit/test-party-erase.c
tests_unit_test_party_erase_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_party_erase_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-party-erase
# Erase personal data on the customers' form, through OpenSSH.
SCRIVANO_TESTS += tests/e2e/test_erase.py
EXTRA_DIST += tests/e2e/test_erase.py
# Dunning: a letter's items and interest by hand, recorded and read back,
# the next level, the history, the refusals; its text from the shipped,
# the data folder's and the book's own file, placeholders, the PDF; a
# blocked customer's invoice warned.
check_PROGRAMS += tests/unit/test-dunning
tests_unit_test_dunning_SOURCES = tests/unit/test-dunning.c
tests_unit_test_dunning_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_dunning_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-dunning
# End to end through OpenSSH: the open items' invoice and bank line, then a
# level-1 reminder letter on the overdue instalment with its interest by
# hand, shown, printed, as a PDF, the history on the item and the customer,
# the statement.
SCRIVANO_TESTS += tests/e2e/test_dunning.py
EXTRA_DIST += tests/e2e/test_dunning.py
# End to end through OpenSSH: a customer marked Blocked on its form; a new
# invoice for it shows BLOCKED beside the party as it is chosen and once
# saved; another customer's does not.
SCRIVANO_TESTS += tests/e2e/test_blocked.py
EXTRA_DIST += tests/e2e/test_blocked.py
