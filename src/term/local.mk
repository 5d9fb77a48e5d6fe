src_libscrivano_a_SOURCES += src/commands.h
