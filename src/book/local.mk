src_libscrivano_a_SOURCES += src/book/book.c src/book/book.h \
	src/book/schema.c src/book/schema.h
src_libscrivano_a_SOURCES += src/book/cli.c
nobase_dist_pkgdata_DATA += data/demo-book.sql
src_libscrivano_a_SOURCES += src/book/record.c src/book/record.h \
	src/book/record-table.c src/book/parties.c src/book/parties.h
