#!/bin/sh
# A quick run of the fiscal core's benchmark (200 invoices each way): it
# works and prints its rates. The full run is bench/fatturapa.sh.
if [ -z "$SCRIVANO_FATTURAPA" ]; then
	echo "ok 1 # SKIP no FatturaPA samples"
	echo "1..1"
	exit 0
fi
out=$("${builddir:-.}/bench/fatturapa-bench" 200 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
n=$(echo "$out" | grep -c 'invoices/s')
if [ "$rc" -eq 0 ] && [ "$n" -eq 2 ]; then
	echo "ok 1 - the benchmark runs and prints two rates"
else
	echo "not ok 1 - the benchmark failed (exit status $rc)"
fi
echo "1..1"
