#!/bin/sh
# Builds the libFuzzer target for the FatturaPA reader with clang
# (-fsanitize=fuzzer,address,undefined) and runs it for RUNS executions
# (default 100000), seeded with the official samples when
# $SCRIVANO_FATTURAPA is set. Prints "SKIP: why" and exits 77 when clang or
# libFuzzer is missing. Usage: bench/fuzz-fatturapa.sh [RUNS]
# Environment: abs_top_srcdir, abs_top_builddir (for config.h), CLANG.
runs=${1:-100000}
src=${abs_top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
bld=${abs_top_builddir:-$src}
clang=${CLANG:-clang}
command -v "$clang" >/dev/null 2>&1 || { echo "SKIP: no clang"; exit 77; }
[ -f "$bld/config.h" ] || { echo "SKIP: no config.h in $bld (run configure)"; exit 77; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' \
	> "$work/probe.c"
"$clang" $flags "$work/probe.c" -o "$work/probe" 2>/dev/null ||
	{ echo "SKIP: $clang cannot build with -fsanitize=fuzzer"; exit 77; }
libs=$(pkg-config --cflags --libs libxml-2.0 libcrypto) || exit 1
"$clang" $flags -std=gnu11 -I"$bld" -I"$src/src" -DLOCALEDIR='"/nonexistent"' \
	-DPKGDATADIR='"/nonexistent"' -o "$work/fuzz" "$src/fuzz/fatturapa_read.c" \
	"$src/src/fisc/decimal.c" "$src/src/fisc/invoice.c" "$src/src/fisc/fpa_xml.c" \
	"$src/src/fisc/fpa_check.c" "$src/src/fisc/fpa_read.c" "$src/src/fisc/fpa_show.c" \
	"$src/src/fisc/p7m.c" "$src/src/fisc/idcheck.c" "$src/src/util/util.c" $libs || exit 1
mkdir "$work/corpus"
if [ -n "$SCRIVANO_FATTURAPA" ] && [ -d "$SCRIVANO_FATTURAPA/samples" ]; then
	cp "$SCRIVANO_FATTURAPA"/samples/*.xml "$work/corpus/"
fi
printf '<p:FatturaElettronica xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"/>' \
	> "$work/corpus/min.xml"
start=$(date +%s)
"$work/fuzz" -runs="$runs" -max_len=65536 -rss_limit_mb=1024 "$work/corpus" \
	> "$work/log" 2>&1
rc=$?
end=$(date +%s)
tail -3 "$work/log"
echo "fuzzed $runs executions in $((end - start)) s, exit status $rc"
[ "$rc" -eq 0 ] || grep -A30 'ERROR\|SUMMARY' "$work/log" | head -60
exit "$rc"
