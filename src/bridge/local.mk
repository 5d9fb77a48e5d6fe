# The bridge (src/bridge): what joins the book and the fiscal core, above
# both: document records to the invoice model and back, the import of
# FatturaPA files through the record kinds, and `scrivano fatturapa`.
src_libscrivano_a_SOURCES += src/bridge/docbridge.c src/bridge/docbridge.h \
	src/bridge/fpa-import.c src/bridge/fpa-import.h \
	src/bridge/fatturapa-cli.c
