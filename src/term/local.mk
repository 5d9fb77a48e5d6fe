src_libscrivano_a_SOURCES += src/commands.h
src_libscrivano_a_SOURCES += src/term/keymap.c src/term/keymap.h
nobase_dist_pkgdata_DATA += keymaps/default.keys keymaps/vt100.keys
