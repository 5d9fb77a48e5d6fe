#!/bin/sh
# A quick run of the lists' benchmark on 2,000 parties: it builds its book,
# reads every case both ways and prints a ratio for each. Times are not
# judged here; the full run is bench/browse.sh.
out=$("${builddir:-.}/bench/browse-bench" 2000 3 2>&1)
rc=$?
echo "$out" | sed 's/^/# /'
n=$(echo "$out" | grep -c '[0-9]x')
if [ "$rc" -eq 0 ] && [ "$n" -eq 8 ]; then
	echo "ok 1 - the benchmark runs and prints eight ratios"
else
	echo "not ok 1 - the benchmark failed (exit status $rc, $n ratios)"
fi
echo "1..1"
