# Mail (src/mail): the message that carries a FatturaPA file to SdI and
# the MIME reader of what comes back (mime*.c: no network, no book), and
# SMTP and IMAP over TLS through libcurl (mail.c).
src_libscrivano_a_SOURCES += src/mail/mime.h src/mail/mime-impl.h src/mail/mime.c \
	src/mail/mime-words.c src/mail/mime-build.c src/mail/mail.h src/mail/mail.c
# The MIME reader and writer on hand-made messages (a PEC envelope too).
check_PROGRAMS += tests/unit/test-mime
tests_unit_test_mime_SOURCES = tests/unit/test-mime.c
tests_unit_test_mime_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_mime_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-mime
# The fuzz target runs in tests/fuzz-parsers.sh's short pass.
EXTRA_DIST += fuzz/mime_read.c
# scrivano fatturapa send against a local SMTP server (aiosmtpd, TLS and
# STARTTLS): the message and its attachment read back, the refusals; and
# fatturapa fetch against a dovecot of the test's own (a PEC envelope
# already read, a message not from SdI).
EXTRA_DIST += tests/pecfix.py tests/pec-send.py tests/pec-fetch.py
SCRIVANO_TESTS += tests/pec-send.py tests/pec-fetch.py
# End to end through OpenSSH: the PEC settings typed (the password as *,
# kept, never shown again) and an invoice's Send to SdI against aiosmtpd.
SCRIVANO_TESTS += tests/e2e/test_pec.py
EXTRA_DIST += tests/e2e/test_pec.py
