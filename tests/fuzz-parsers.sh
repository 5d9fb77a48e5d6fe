#!/bin/sh
# A short pass of the libFuzzer targets for the screen-file, key-file,
# authorized_keys, bank-statement and mail-message (MIME) parsers (2000
# executions each): no crash, leak or sanitizer report. Skips when clang or libFuzzer is not installed.
n=0
for t in screenfile keyfile authorized_key statement_read mime_read; do
	n=$((n + 1))
	out=$(sh "${abs_top_srcdir:-.}/bench/fuzz-parsers.sh" "$t" 2000 2>&1)
	rc=$?
	echo "$out" | tr -cd "\11\12\40-\176" | sed "s/^/# /"
	if [ "$rc" -eq 77 ]; then
		echo "ok $n # SKIP $(echo "$out" | grep '^SKIP' | head -1)"
	elif [ "$rc" -eq 0 ]; then
		echo "ok $n - the $t parser survives 2000 fuzzed inputs"
	else
		echo "not ok $n - the fuzzer found a problem in the $t parser (exit status $rc)"
	fi
done
echo "1..$n"
