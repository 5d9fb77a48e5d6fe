src_libscrivano_a_SOURCES += src/server/serve.c
