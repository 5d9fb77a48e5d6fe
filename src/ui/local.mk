src_libscrivano_a_SOURCES += src/ui/tui.c src/ui/ui.c src/ui/ui.h \
	src/ui/actions.c src/ui/actions.h src/ui/menu.c src/ui/browse.c \
	src/ui/form.c src/ui/dialog.c src/ui/help.c src/ui/edit.c src/ui/edit.h \
	src/ui/screenfile.c src/ui/screenfile.h src/ui/fieldtype.c src/ui/fieldtype.h
nobase_dist_pkgdata_DATA += screens/customers.scr
dist_man_MANS += man/scrivano-tui.1
