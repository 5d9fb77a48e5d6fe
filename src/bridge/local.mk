# The bridge (src/bridge): what joins the book and the fiscal core, above
# both: document records to the invoice model and back, the import of
# FatturaPA files through the record kinds, and `scrivano fatturapa`.
src_libscrivano_a_SOURCES += src/bridge/docbridge.c src/bridge/docbridge.h \
	src/bridge/doc-kind.c src/bridge/doc-kind.h src/bridge/doc-cmds.c \
	src/bridge/fpa-import.c src/bridge/fpa-import.h \
	src/bridge/fatturapa-cli.c src/bridge/fpa-batch.c \
	src/bridge/doc-received.c src/bridge/doc-received.h \
	src/bridge/fatturapa-kept.c src/bridge/fpa-cli.h
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
