#!/bin/sh
# A short pass of the libFuzzer target for the FatturaPA reader (2000
# executions): no crash, leak or sanitizer report. Skips when clang or
# libFuzzer is not installed.
out=$(sh "${abs_top_srcdir:-.}/bench/fuzz-fatturapa.sh" 2000 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
if [ "$rc" -eq 77 ]; then
	echo "ok 1 # SKIP $(echo "$out" | grep '^SKIP' | head -1)"
elif [ "$rc" -eq 0 ]; then
	echo "ok 1 - the reader survives 2000 fuzzed inputs"
else
	echo "not ok 1 - the fuzzer found a problem (exit status $rc)"
fi
echo "1..1"
