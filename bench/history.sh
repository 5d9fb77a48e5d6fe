#!/bin/sh
# What the history and synchronous FULL cost: a form's save and a 1,000-row
# import, with the history's triggers and without, at FULL and NORMAL, in
# the same run. Usage: bench/history.sh [SAVES] [REPEAT] (from the build
# directory).
cd "$(dirname "$0")/.." || exit 1
make -s bench/history-bench || exit 1
srcdir=$(sed -n 's/^abs_top_srcdir = //p' Makefile)
SCRIVANO_SHARE=${SCRIVANO_SHARE:-$srcdir} ./bench/history-bench "${1:-200}" "${2:-5}"
