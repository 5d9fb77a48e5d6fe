# PDF out (src/pdf): a small drawing layer for A4 forms on cairo's PDF
# surface, and the F24 laid out like the model (issue 13 part 7).
src_libscrivano_a_SOURCES += src/pdf/pdf.c src/pdf/pdf.h
# Tests: a book with an F24 made through the record interface (tests/f24-make),
# `scrivano f24 pdf` read back with poppler's tools; the text rendering.
check_PROGRAMS += tests/f24-make
tests_f24_make_SOURCES = tests/f24-make.c
tests_f24_make_LDADD = src/libscrivano.a $(ALL_LIBS)
EXTRA_DIST += tests/f24-pdf.sh
SCRIVANO_TESTS += tests/f24-pdf.sh
check_PROGRAMS += tests/unit/test-f24-text
tests_unit_test_f24_text_SOURCES = tests/unit/test-f24-text.c
tests_unit_test_f24_text_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_f24_text_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-f24-text
check_PROGRAMS += tests/unit/test-f24-pdf
tests_unit_test_f24_pdf_SOURCES = tests/unit/test-f24-pdf.c
tests_unit_test_f24_pdf_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_f24_pdf_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-f24-pdf
