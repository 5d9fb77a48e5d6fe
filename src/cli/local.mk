# Commands that join layers (src/cli): `scrivano f24` and its subcommands.
src_libscrivano_a_SOURCES += src/cli/f24.c src/cli/f24-cli.h src/cli/f24-out.c
dist_man_MANS += man/scrivano-f24.1
