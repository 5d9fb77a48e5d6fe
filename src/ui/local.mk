src_libscrivano_a_SOURCES += src/ui/tui.c
