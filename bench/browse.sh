#!/bin/sh
# The browse list on a book of 100,000 parties: the record layer's pages
# (keyset pagination) against the naive OFFSET/COUNT queries and a list
# read whole into memory, then the same list through `scrivano tui` on a
# pty against the same UI on a book of 100 parties. Builds what it needs.
# Usage: bench/browse.sh [ROWS] [REPEAT] (from the build directory).
rows=${1:-100000}
repeat=${2:-50}
cd "$(dirname "$0")/.." || exit 1
make -s bench/browse-bench src/scrivano || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
./bench/browse-bench "$rows" "$repeat" "$tmp/big.sqlite" || exit 1
./bench/browse-bench 100 1 "$tmp/small.sqlite" >/dev/null || exit 1
srcdir=$(sed -n 's/^abs_top_srcdir = //p' Makefile)
SCRIVANO=$PWD/src/scrivano SCRIVANO_SHARE=${SCRIVANO_SHARE:-$srcdir} \
	/usr/bin/python3 "$srcdir/bench/browse-tui.py" "$tmp/big.sqlite" "$tmp/small.sqlite"
