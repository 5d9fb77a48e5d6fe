src_libscrivano_a_SOURCES += src/book/book.c src/book/book.h \
	src/book/schema.c src/book/schema.h
src_libscrivano_a_SOURCES += src/book/cli.c
# The session lock every open book holds; backups and their restore.
src_libscrivano_a_SOURCES += src/book/book-lock.c src/book/backup.c src/book/backup.h
# The whole book read out for its export (scrivano book export, src/cli/book-export.c).
src_libscrivano_a_SOURCES += src/book/book-dump.c src/book/book-dump.h
# The history (issue 17): every write recorded, chained by SHA-256; verify.
src_libscrivano_a_SOURCES += src/book/history.c src/book/history.h src/book/history-impl.h \
	src/book/history-verify.c src/book/history-redact.c src/book/party-erase.c \
	src/book/party-erase.h
nobase_dist_pkgdata_DATA += data/demo-book.sql
src_libscrivano_a_SOURCES += src/book/record.c src/book/record.h \
	src/book/record-table.c src/book/record-sql.c src/book/parties.c src/book/parties.h
src_libscrivano_a_SOURCES += src/book/record-rows.c src/book/record-store.h \
	src/book/contacts.c src/book/company.c src/book/company.h \
	src/book/articles.c src/book/articles.h
src_libscrivano_a_SOURCES += src/book/drafts.c src/book/drafts.h
# The prima nota (issue 12): accounts, entries, balances, the period view.
src_libscrivano_a_SOURCES += src/book/primanota.c src/book/primanota.h src/book/pn-impl.h \
	src/book/pn-accounts.c src/book/pn-summary.c src/book/pn-summary.h
# Bank statements into the prima nota (pn_import), and scrivano primanota import.
src_libscrivano_a_SOURCES += src/book/pn-import.c src/book/pn-cli.c
dist_man_MANS += man/scrivano-primanota.1
nobase_dist_pkgdata_DATA += screens/accounts.scr screens/primanota.scr screens/pn-period.scr \
	data/causali.txt
check_PROGRAMS += tests/unit/test-registers
tests_unit_test_registers_SOURCES = tests/unit/test-registers.c
tests_unit_test_registers_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
# A new book in a temporary folder, for this and the other unit tests on a book.
EXTRA_DIST += tests/book-fixtures.h
tests_unit_test_registers_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-registers
nobase_dist_pkgdata_DATA += screens/parties.scr screens/company.scr screens/articles.scr
# The PEC settings (issue 15): the mailbox to SdI and back, one row.
src_libscrivano_a_SOURCES += src/book/pec.c src/book/pec.h
nobase_dist_pkgdata_DATA += screens/pec.scr
# End to end through the real OpenSSH client: the registers of issue 5.
SCRIVANO_TESTS += tests/e2e/test_registers.py
EXTRA_DIST += tests/e2e/test_registers.py
# The draft store: what forms hold unsaved, kept in the book (issue 10).
check_PROGRAMS += tests/unit/test-drafts
tests_unit_test_drafts_SOURCES = tests/unit/test-drafts.c
tests_unit_test_drafts_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_drafts_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-drafts
# The prima nota's rules and its running balances against a full recompute.
check_PROGRAMS += tests/unit/test-primanota
tests_unit_test_primanota_SOURCES = tests/unit/test-primanota.c
tests_unit_test_primanota_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_primanota_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-primanota
# End to end through the real OpenSSH client: the prima nota of issue 12.
SCRIVANO_TESTS += tests/e2e/test_primanota.py
EXTRA_DIST += tests/e2e/test_primanota.py
# bench/primanota.sh: 1,000,000 entries against the naive queries (not in the suite).
check_PROGRAMS += bench/primanota-bench
bench_primanota_bench_SOURCES = bench/primanota-bench.c bench/bench.h
bench_primanota_bench_LDADD = src/libscrivano.a $(ALL_LIBS)
EXTRA_DIST += bench/primanota.sh
# scrivano primanota import: CSV and camt.053 into a book, matched, again, refused.
EXTRA_DIST += tests/primanota-import.sh
SCRIVANO_TESTS += tests/primanota-import.sh
# End to end through OpenSSH: Import (Esc b) in the prima nota's list.
SCRIVANO_TESTS += tests/e2e/test_pn_import.py
EXTRA_DIST += tests/e2e/test_pn_import.py
# The prima nota's summary of a year (issue 12 point 6).
check_PROGRAMS += tests/unit/test-pn-summary
tests_unit_test_pn_summary_SOURCES = tests/unit/test-pn-summary.c
tests_unit_test_pn_summary_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_pn_summary_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-pn-summary
SCRIVANO_TESTS += tests/e2e/test_pn_summary.py
EXTRA_DIST += tests/e2e/test_pn_summary.py
# The F24 (issue 13): its domain, checks and due dates; the codici tributo,
# the regions' codes and the INPS causali it reads.
nobase_dist_pkgdata_DATA += data/f24-codici.txt data/f24-regioni.txt data/f24-causali-inps.txt \
	screens/f24.scr
src_libscrivano_a_SOURCES += src/book/f24.c src/book/f24.h src/book/f24-cmds.c src/book/f24-due.c
# Paying an F24: the quietanza, the prima nota entry, the receipt files.
src_libscrivano_a_SOURCES += src/book/f24-pay.c src/book/f24-impl.h
nobase_dist_pkgdata_DATA += screens/f24-pay.scr
check_PROGRAMS += tests/unit/test-f24-pay
tests_unit_test_f24_pay_SOURCES = tests/unit/test-f24-pay.c
tests_unit_test_f24_pay_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_f24_pay_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-f24-pay
# The F24 semplificato and Elide, and the comuni's codici catastali (issue 13, parts 2 and 3).
src_libscrivano_a_SOURCES += src/book/f24-models.c src/book/f24-models.h
nobase_dist_pkgdata_DATA += data/comuni.txt data/f24-elide-tipi.txt \
	screens/f24-semplificato.scr screens/f24-elide.scr
EXTRA_DIST += tools/comuni-gen.py tools/f24-codici-gen.py
check_PROGRAMS += tests/unit/test-f24-models
tests_unit_test_f24_models_SOURCES = tests/unit/test-f24-models.c
tests_unit_test_f24_models_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_f24_models_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-f24-models
# End to end through OpenSSH: a semplificato with an IMU row found by F4, an Elide.
SCRIVANO_TESTS += tests/e2e/test_f24_models.py
EXTRA_DIST += tests/e2e/test_f24_models.py
# Documents (issue 14): the kinds of a document and its rows, the original files.
src_libscrivano_a_SOURCES += src/book/documents.c src/book/documents.h \
	src/book/document-files.c src/book/document-files.h \
	src/book/documents-lines.c src/book/doc-kinds.c
# A document's life: issuing and numbering, the freeze, the flow from one
# kind to the next with its links, the stock its lines move.
src_libscrivano_a_SOURCES += src/book/documents-flow.h src/book/documents-issue.c \
	src/book/documents-flow.c src/book/documents-stock.c
# The self-invoices of reverse charge (TD16-TD19) made from a purchase.
src_libscrivano_a_SOURCES += src/book/documents-integrate.c
check_PROGRAMS += tests/unit/test-documents-issue tests/unit/test-documents-flow \
	tests/unit/test-documents-stock
tests_unit_test_documents_issue_SOURCES = tests/unit/test-documents-issue.c \
	tests/doc-fixtures.h
tests_unit_test_documents_issue_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_documents_issue_LDADD = src/libscrivano.a $(ALL_LIBS)
tests_unit_test_documents_flow_SOURCES = tests/unit/test-documents-flow.c tests/doc-fixtures.h
tests_unit_test_documents_flow_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_documents_flow_LDADD = src/libscrivano.a $(ALL_LIBS)
tests_unit_test_documents_stock_SOURCES = tests/unit/test-documents-stock.c \
	tests/doc-fixtures.h
tests_unit_test_documents_stock_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_documents_stock_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-documents-issue tests/unit/test-documents-flow \
	tests/unit/test-documents-stock
# The F24 as text, section by section: the form's Print and `scrivano f24 print`;
# and as a PDF laid out like the model (on src/pdf's drawing layer).
src_libscrivano_a_SOURCES += src/book/f24-text.c src/book/f24-text.h \
	src/book/f24-pdf.c src/book/f24-pdf.h
check_PROGRAMS += tests/unit/test-f24
tests_unit_test_f24_SOURCES = tests/unit/test-f24.c
tests_unit_test_f24_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_f24_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-f24
# the F24's commands: To pay, Copy, Template (f24-cmds.c)
check_PROGRAMS += tests/unit/test-f24-cmds
tests_unit_test_f24_cmds_SOURCES = tests/unit/test-f24-cmds.c
tests_unit_test_f24_cmds_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_f24_cmds_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-f24-cmds
# the F24 in the TUI through OpenSSH: sections, saldo finale, refusals, commands
SCRIVANO_TESTS += tests/e2e/test_f24.py
EXTRA_DIST += tests/e2e/test_f24.py
check_PROGRAMS += tests/unit/test-documents
tests_unit_test_documents_SOURCES = tests/unit/test-documents.c
tests_unit_test_documents_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_documents_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-documents
# The PEC settings: defaults, the password kept and never loaded, its
# checks, Forget password.
check_PROGRAMS += tests/unit/test-pec
tests_unit_test_pec_SOURCES = tests/unit/test-pec.c
tests_unit_test_pec_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_pec_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-pec
# The FatturaPA files made for the documents, their progressivo and state (issue 15).
src_libscrivano_a_SOURCES += src/book/sdi.c src/book/sdi.h
# SdI's messages about the files (receipts), kept against the file they answer.
src_libscrivano_a_SOURCES += src/book/sdi-msg.c src/book/sdi-msg.h
# Open items, the scadenzario (issue 16): an issued invoice's or a registered
# purchase's instalments, their payments as prima nota entries, the lists'
# ageing, a party's statement; items-calc.c is the pure arithmetic.
src_libscrivano_a_SOURCES += src/book/items.c src/book/items.h src/book/items-impl.h \
	src/book/items-calc.c src/book/items-calc.h src/book/items-pay.c src/book/items-kind.c \
	src/book/items-stmt.c src/book/items-pdf.c src/book/items-bank.c
# Ri.Ba. (issue 16): the CBI presentation file of open receivables
# (riba-cbi.c, pure), presenting them and an unpaid one (riba.c), the
# items' commands (riba-cmds.c).
src_libscrivano_a_SOURCES += src/book/riba.c src/book/riba.h src/book/riba-cbi.c \
	src/book/riba-cmds.c
nobase_dist_pkgdata_DATA += screens/items-pay.scr
nobase_dist_pkgdata_DATA += screens/items.scr screens/items-ageing.scr
# The VAT registers and settlement (issue 16): the purchases register's
# protocol numbers, the registers' documents, the bollo, the ritenute and
# the acconto as the book holds them.
src_libscrivano_a_SOURCES += src/book/vat-book.h src/book/vat-protocol.c \
	src/book/vat-registers.c
# The protocols: numbered by the migration in date order, per year, then
# as registered, no gaps; the registers read by protocol and number.
check_PROGRAMS += tests/unit/test-vat-registers
tests_unit_test_vat_registers_SOURCES = tests/unit/test-vat-registers.c
tests_unit_test_vat_registers_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_vat_registers_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-vat-registers
# Dunning (issue 16.2): reminder letters in three levels with their
# late-payment interest, their texts in letters/ (the user's and the data
# folder's copies first), the history of those sent.
src_libscrivano_a_SOURCES += src/book/dunning.c src/book/dunning.h src/book/dunning-letter.c \
	src/book/dunning-cmds.c
nobase_dist_pkgdata_DATA += letters/dunning-1.en.txt letters/dunning-2.en.txt \
	letters/dunning-3.en.txt letters/dunning-1.it.txt letters/dunning-2.it.txt \
	letters/dunning-3.it.txt
