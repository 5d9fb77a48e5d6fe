# Commands that join the layers (the book, the fiscal rules, the UI's
# writers): each a front end of its own. scrivano f24 (issue 13).
src_libscrivano_a_SOURCES += src/cli/f24.c
dist_man_MANS += man/scrivano-f24.1
# scrivano f24 against a book: pay with a receipt (its SHA-256 as sha256sum
# gives it), export it back, refusals, cancel, credits only.
EXTRA_DIST += tests/f24-cli.sh
SCRIVANO_TESTS += tests/f24-cli.sh
