src_libscrivano_a_SOURCES += src/util/util.c src/util/util.h \
	src/util/i18n.c src/util/i18n.h
