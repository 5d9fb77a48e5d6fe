# Commands that join the layers (the book, the fiscal rules, the UI's
# writers): each a front end of its own. scrivano f24 (issue 13).
src_libscrivano_a_SOURCES += src/cli/cli.c src/cli/cli.h src/cli/f24.c src/cli/f24-cli.h \
	src/cli/f24-out.c
dist_man_MANS += man/scrivano-f24.1
# scrivano f24 against a book: pay with a receipt (its SHA-256 as sha256sum
# gives it), export it back, refusals, cancel, credits only.
EXTRA_DIST += tests/f24-cli.sh
SCRIVANO_TESTS += tests/f24-cli.sh
# End to end through OpenSSH: To pay, then Pay with a receipt of the import
# folder, in an F24's commands; the book's entry and receipt; a paid F24's
# change refused on the screen.
SCRIVANO_TESTS += tests/e2e/test_f24_pay.py
EXTRA_DIST += tests/e2e/test_f24_pay.py
# scrivano document (issue 14): list, show, issue, convert, credit-note,
# state; the document's PDF and text are document-out.c's (on the bridge's
# print model).
src_libscrivano_a_SOURCES += src/cli/document.c src/cli/document-cli.h \
	src/cli/document-out.c
dist_man_MANS += man/scrivano-document.1
# scrivano document against a book: quote > order > DDT > invoice, the
# numbers, the stock, a refused change, a credit note for one line.
EXTRA_DIST += tests/document-cli.sh
SCRIVANO_TESTS += tests/document-cli.sh
# Tests: a book with a document made through the record interface
# (tests/doc-make), `scrivano document pdf` read back with poppler's tools
# and `print`; the text rendering, unit by unit.
check_PROGRAMS += tests/doc-make
tests_doc_make_SOURCES = tests/doc-make.c
tests_doc_make_LDADD = src/libscrivano.a $(ALL_LIBS)
check_PROGRAMS += tests/unit/test-doc-text
tests_unit_test_doc_text_SOURCES = tests/unit/test-doc-text.c
tests_unit_test_doc_text_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_doc_text_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-doc-text
EXTRA_DIST += tests/document-pdf.sh
SCRIVANO_TESTS += tests/document-pdf.sh
# scrivano book backup|restore (issue 17 point 3): the book layer's online
# backup and checked restore (src/book/backup.c), one book or every book of
# a data folder with a retention; the nightly run as a systemd timer.
src_libscrivano_a_SOURCES += src/cli/backup.c
systemdunit_DATA += data/scrivano-backup.service data/scrivano-backup.timer
CLEANFILES += data/scrivano-backup.service
EXTRA_DIST += data/scrivano-backup.service.in data/scrivano-backup.timer
data/scrivano-backup.service: $(srcdir)/data/scrivano-backup.service.in Makefile
	$(MKDIR_P) data
	sed -e 's|@bindir[@]|$(bindir)|g' -e 's|@sysconfdir[@]|$(sysconfdir)|g' \
		$(srcdir)/data/scrivano-backup.service.in >$@
# Backup while a session types, restore, damaged backups refused, the
# retention, a data folder of two users.
EXTRA_DIST += tests/book-backup.py
SCRIVANO_TESTS += tests/book-backup.py
# scrivano book export (issue 17 point 4): the whole book as one zip, its
# tables as CSV in both styles, its files, the FatturaPA files of the
# invoices never exported, a README (src/book/book-dump.c reads the book).
src_libscrivano_a_SOURCES += src/cli/book-export.c src/cli/book-export.h \
	src/cli/book-export-files.c src/cli/book-export-names.c
# scrivano items (issue 16): the open items' list with its ageing, a
# party's statement of account as text or PDF.
src_libscrivano_a_SOURCES += src/cli/items.c
dist_man_MANS += man/scrivano-items.1
# scrivano vat (issue 16): the registers, the settlement, the acconto, the
# bollo and the ritenute, each as an F24 draft on request.
src_libscrivano_a_SOURCES += src/cli/vat.c
dist_man_MANS += man/scrivano-vat.1
# scrivano vat against a book: the registers (text, PDF read with
# pdftotext), the settlement kept with its F24 draft, the bollo and the
# ritenute; refusals change nothing.
EXTRA_DIST += tests/vat-cli.sh
SCRIVANO_TESTS += tests/vat-cli.sh
# scrivano party erase (issue 17 point 5): a person's personal data erased
# but what the law keeps (src/book/party-erase.c), the report on stdout.
src_libscrivano_a_SOURCES += src/cli/party.c
dist_man_MANS += man/scrivano-party.1
EXTRA_DIST += tests/party-erase.sh
SCRIVANO_TESTS += tests/party-erase.sh
# scrivano dunning (issue 16.2): the reminder letters sent, a new one as
# text or PDF.
src_libscrivano_a_SOURCES += src/cli/dunning.c
dist_man_MANS += man/scrivano-dunning.1
EXTRA_DIST += tests/dunning-cli.sh
SCRIVANO_TESTS += tests/dunning-cli.sh
