# Message catalogs. Each part of the tree keeps its Italian translations in
# po/it/PART.po (so parts never collide); they are joined and compiled to
# locale/it/LC_MESSAGES/scrivano.mo in the build tree, so the program runs
# uninstalled, and installed under $(localedir). tests/i18n.sh checks that
# every msgid in the sources has a translation.
IT_PO_FILES = $(wildcard $(srcdir)/po/it/*.po)
LOCALE_FILES = locale/it/LC_MESSAGES/$(PACKAGE).mo
EXTRA_DIST += po/it
CLEANFILES += $(LOCALE_FILES)
all-local: $(LOCALE_FILES)

locale/it/LC_MESSAGES/$(PACKAGE).mo: $(IT_PO_FILES)
	@$(MKDIR_P) $(@D)
	$(AM_V_GEN)msgcat --use-first $(IT_PO_FILES) | $(MSGFMT) -c -o $@ -

install-data-local: $(LOCALE_FILES)
	$(MKDIR_P) "$(DESTDIR)$(localedir)/it/LC_MESSAGES"
	$(INSTALL_DATA) $(LOCALE_FILES) "$(DESTDIR)$(localedir)/it/LC_MESSAGES/$(PACKAGE).mo"

uninstall-local:
	rm -f "$(DESTDIR)$(localedir)/it/LC_MESSAGES/$(PACKAGE).mo"
