# The embedded SSH server: `scrivano serve`.
src_libscrivano_a_SOURCES += src/server/server.h src/server/serve.c src/server/listener.c \
	src/server/conn.h src/server/session.c src/server/auth.c \
	src/server/channel.c src/server/relay.c src/server/hostkey.c src/server/log.c \
	src/server/privdrop.c src/server/random.c src/server/strictkex.c \
	src/ui/idle.c src/ui/idle.h
dist_man_MANS += man/scrivano-serve.1
EXTRA_DIST += tests/e2e/harness.py tests/e2e/test_server.py tests/e2e/test_hardening.py \
	tests/e2e/test_clients.py tests/e2e/test_sessions.py tests/e2e/test_relay.py
SCRIVANO_TESTS += tests/e2e/test_server.py tests/e2e/test_hardening.py \
	tests/e2e/test_clients.py tests/e2e/test_sessions.py tests/e2e/test_relay.py

check_PROGRAMS += tests/unit/test-server
tests_unit_test_server_SOURCES = tests/unit/test-server.c
tests_unit_test_server_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_unit_test_server_LDADD = src/libscrivano.a $(ALL_LIBS)
SCRIVANO_TESTS += tests/unit/test-server

# Its configuration file's page, the systemd unit and an example config
# (installed only where none is: an admin's own is never overwritten).
dist_man_MANS += man/scrivano.conf.5
systemdunitdir = $(prefix)/lib/systemd/system
systemdunit_DATA = data/scrivano.service
CLEANFILES += data/scrivano.service
EXTRA_DIST += data/scrivano.service.in data/scrivano.conf
data/scrivano.service: $(srcdir)/data/scrivano.service.in Makefile
	$(MKDIR_P) data
	sed -e 's|@bindir[@]|$(bindir)|g' -e 's|@sysconfdir[@]|$(sysconfdir)|g' \
		$(srcdir)/data/scrivano.service.in >$@
install-data-hook:
	$(MKDIR_P) $(DESTDIR)$(sysconfdir)/scrivano
	test -f $(DESTDIR)$(sysconfdir)/scrivano/scrivano.conf || \
		$(INSTALL_DATA) $(srcdir)/data/scrivano.conf $(DESTDIR)$(sysconfdir)/scrivano/scrivano.conf
uninstall-hook:
	if cmp -s $(srcdir)/data/scrivano.conf $(DESTDIR)$(sysconfdir)/scrivano/scrivano.conf; then \
		rm -f $(DESTDIR)$(sysconfdir)/scrivano/scrivano.conf; \
		rmdir $(DESTDIR)$(sysconfdir)/scrivano 2>/dev/null || :; fi
EXTRA_DIST += tests/serve-man.py tests/systemd-unit.sh
SCRIVANO_TESTS += tests/serve-man.py tests/systemd-unit.sh
