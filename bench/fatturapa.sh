#!/bin/sh
# Invoices per second for the fiscal core: generate + check + schema
# validation, and parse + check. Builds bench/fatturapa-bench if needed.
# Usage: bench/fatturapa.sh [COUNT] (from the build directory); needs
# SCRIVANO_FATTURAPA (the folder with the official schema and samples).
cd "$(dirname "$0")/.." || exit 1
make -s bench/fatturapa-bench || exit 1
exec ./bench/fatturapa-bench "${1:-5000}"
