#!/bin/sh
# Under load: N sessions (default 200) log in to `scrivano serve` on
# 127.0.0.1, each a user of its own with its own book, and type customers
# and articles into forms for S seconds (default 120); then every
# acknowledged record must be in its book. Prints echo latency p50/p99,
# the server's CPU and peak memory, against the same at 1 session and
# against sshd serving `cat` (run as root, openssh-server installed).
# Usage: bench/load.sh [SESSIONS [SECONDS]] [--quick] [options of
# bench/load.py] (from the build directory; --quick: 4 sessions, 10 s).
cd "$(dirname "$0")/.." || exit 1
make -s src/scrivano || exit 1
srcdir=$(sed -n 's/^abs_top_srcdir = //p' Makefile)
ulimit -n 8192 2>/dev/null
SCRIVANO_SHARE=${SCRIVANO_SHARE:-$srcdir} SCRIVANO=${SCRIVANO:-$PWD/src/scrivano} \
	exec /usr/bin/python3 "$srcdir/bench/load.py" "$@"
