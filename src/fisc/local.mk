src_libscrivano_a_SOURCES += src/fisc/idcheck.c src/fisc/idcheck.h \
	src/fisc/cli.c
