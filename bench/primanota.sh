#!/bin/sh
# The prima nota on a book of 1,000,000 entries on 3 accounts over 10
# years: one account's list (first page, end), a search, the balance at
# the end, an entry inserted 5 years back and a year's totals, through the
# record layer (running balances from the per-day totals) against the
# naive queries (SUM over the table, OFFSET paging) in the same run,
# printed as ratios. Usage: bench/primanota.sh [ROWS] [REPEAT] (from the
# build directory).
rows=${1:-1000000}
repeat=${2:-20}
cd "$(dirname "$0")/.." || exit 1
make -s bench/primanota-bench || exit 1
srcdir=$(sed -n 's/^abs_top_srcdir = //p' Makefile)
SCRIVANO_SHARE=${SCRIVANO_SHARE:-$srcdir} ./bench/primanota-bench "$rows" "$repeat"
