#!/bin/sh
# The kill test's long run: tests/tui-kill.py with thousands of saves
# (SIGKILL at random moments, then integrity_check, every acknowledged save
# in the book, the history verified). Usage: bench/kill.sh [SAVES]
# [SECONDS] (from the build directory; defaults 3000 and 1800).
cd "$(dirname "$0")/.." || exit 1
make -s src/scrivano || exit 1
srcdir=$(sed -n 's/^abs_top_srcdir = //p' Makefile)
SCRIVANO_SHARE=${SCRIVANO_SHARE:-$srcdir} SCRIVANO=${SCRIVANO:-$PWD/src/scrivano} \
	KILL_SAVES=${1:-3000} KILL_SECONDS=${2:-1800} /usr/bin/python3 "$srcdir/tests/tui-kill.py"
