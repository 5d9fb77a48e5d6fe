# The bridge (src/bridge): what joins the book and the fiscal core, above
# both: document records to the invoice model and back, the import of
# FatturaPA files through the record kinds, and `scrivano fatturapa`.
src_libscrivano_a_SOURCES += src/bridge/docbridge.c src/bridge/docbridge.h \
	src/bridge/doc-kind.c src/bridge/doc-kind.h src/bridge/doc-cmds.c \
	src/bridge/fpa-import.c src/bridge/fpa-import.h \
	src/bridge/fpa-export.c src/bridge/fpa-export.h src/bridge/fpa-export-out.c \
	src/bridge/fpa-export-cli.c \
	src/bridge/fatturapa-cli.c src/bridge/fpa-batch.c \
	src/bridge/doc-received.c src/bridge/doc-received.h \
	src/bridge/fatturapa-kept.c src/bridge/fpa-cli.h
# SdI's messages (receipts) into the book: matched to the file they answer.
src_libscrivano_a_SOURCES += src/bridge/sdi-receipts.c src/bridge/sdi-receipts.h \
	src/bridge/sdi-receipts-cli.c
# Mail to SdI and back by PEC (issue 15): a document's file sent, the
# answers read from the mailbox.
src_libscrivano_a_SOURCES += src/bridge/sdi-mail.c src/bridge/sdi-mail.h \
	src/bridge/sdi-mail-cli.c
# A document as the printed page (issue 14 part 7): the print model, its
# text (print preview, terminal printer) and its A4 PDF on src/pdf.
src_libscrivano_a_SOURCES += src/bridge/doc-print.c src/bridge/doc-print.h \
	src/bridge/doc-text.c src/bridge/doc-pdf.c src/bridge/doc-pdf-impl.h \
	src/bridge/doc-pdf-blocks.c
# The bridge both ways on every official sample, in memory and through a book.
check_PROGRAMS += tests/unit/test-docbridge
tests_unit_test_docbridge_SOURCES = tests/unit/test-docbridge.c
tests_unit_test_docbridge_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_docbridge_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-docbridge
# The documents kind the screens use: registered, computed through the
# fiscal core, filled from the customer and the article, frozen past the draft.
check_PROGRAMS += tests/unit/test-doc-kind
tests_unit_test_doc_kind_SOURCES = tests/unit/test-doc-kind.c
tests_unit_test_doc_kind_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_doc_kind_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-doc-kind
# The export of issued documents as FatturaPA files: the model, the files
# out (one, or a period's zip through libzip), scrivano fatturapa export.
# The official schema is not ours to ship: configure --with-fatturapa-schema=DIR
# has make install copy it where fpa_schema_find looks (PKGDATADIR/fatturapa).
FATTURAPA_SCHEMA_FILES = Schema_del_file_xml_FatturaPA_v1.2.2.xsd xmldsig-core-schema.xsd
install-data-local: install-fatturapa-schema
install-fatturapa-schema:
	@if test -n '$(FATTURAPA_SCHEMA_DIR)'; then \
	  $(MKDIR_P) "$(DESTDIR)$(pkgdatadir)/fatturapa" || exit 1; \
	  for f in $(FATTURAPA_SCHEMA_FILES); do \
	    $(INSTALL_DATA) '$(FATTURAPA_SCHEMA_DIR)'/$$f "$(DESTDIR)$(pkgdatadir)/fatturapa/$$f" || exit 1; \
	  done; \
	fi
uninstall-local: uninstall-fatturapa-schema
uninstall-fatturapa-schema:
	for f in $(FATTURAPA_SCHEMA_FILES); do rm -f "$(DESTDIR)$(pkgdatadir)/fatturapa/$$f"; done
.PHONY: install-fatturapa-schema uninstall-fatturapa-schema
# bench/fpa-export.sh: documents exported per second against xmllint --schema (not in the suite).
check_PROGRAMS += bench/fpa-export-bench
bench_fpa_export_bench_SOURCES = bench/fpa-export-bench.c
bench_fpa_export_bench_LDADD = src/libscrivano.a $(ALL_LIBS)
EXTRA_DIST += bench/fpa-export.sh
# The VAT registers and settlement (issue 16): the registers as text and
# PDF, the settlement from the book, its F24 drafts (and the acconto's, the
# bollo's, the ritenute's), the settlements' record kind.
src_libscrivano_a_SOURCES += src/bridge/vat.h src/bridge/vat-register.c src/bridge/vat-calc.c \
	src/bridge/vat-kind.c
# The settlement from a book: a quarter of sales at 22% and 10%, split
# payment, reverse charge and a deductible purchase against a hand
# computation, its F24 draft (6031); the credit and 100 euro carried, the
# acconto, the bollo and the ritenute, each as its F24 draft.
check_PROGRAMS += tests/unit/test-vat-calc
tests_unit_test_vat_calc_SOURCES = tests/unit/test-vat-calc.c
tests_unit_test_vat_calc_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_vat_calc_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-vat-calc
nobase_dist_pkgdata_DATA += screens/vat.scr
# End to end through OpenSSH: the settlements' screen, a quarter settled,
# its F24 draft made by its command; the registers shown and as PDF.
SCRIVANO_TESTS += tests/e2e/test_vat.py
EXTRA_DIST += tests/e2e/test_vat.py
