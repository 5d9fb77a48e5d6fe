#!/bin/sh
# Invoices per second for the fiscal core: generate + check + schema
# validation, and parse + check; each next to libxml2's own xmllint doing
# part of the same work on the official samples in the same run (schema
# validation alone; parsing alone), as a ratio.
# Usage: bench/fatturapa.sh [COUNT] (from the build directory); needs
# SCRIVANO_FATTURAPA (the folder with the official schema and samples).
cd "$(dirname "$0")/.." || exit 1
n=${1:-5000}
dir=${SCRIVANO_FATTURAPA:?set SCRIVANO_FATTURAPA to the folder with the FatturaPA schema and samples}
make -s bench/fatturapa-bench || exit 1
out=$(./bench/fatturapa-bench "$n") || exit 1
printf '%s\n' "$out"
command -v xmllint >/dev/null || { echo "xmllint not found (Debian: libxml2-utils): no peer measured"; exit 0; }

# The samples repeated to COUNT files, for one xmllint process.
set --
i=0
while [ "$i" -lt "$n" ]; do
	for f in "$dir"/samples/*.xml; do
		[ "$i" -lt "$n" ] || break
		set -- "$@" "$f"
		i=$((i + 1))
	done
done
ms() { echo $(($(date +%s%N) / 1000000)); }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%d", (ms > 0 ? n * 1000 / ms : 0) }'; }
peer() { # what, xmllint arguments...: prints files per second
	shift
	t0=$(ms); xmllint --noout --nonet "$@" 2>/dev/null; t1=$(ms)
	printf '%s\n' "$(rate "$n" $((t1 - t0)))"
}
ours_gen=$(printf '%s\n' "$out" | awk -F'invoices/s' '/^generate/ { n = split($1, w, " "); print w[n] }')
ours_parse=$(printf '%s\n' "$out" | awk -F'invoices/s' '/^parse/ { n = split($1, w, " "); print w[n] }')
peer_val=$(peer validate --schema "$dir/Schema_del_file_xml_FatturaPA_v1.2.2.xsd" "$@")
peer_parse=$(peer parse "$@")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
printf '%-40s %7s invoices/s; scrivano generate+check+validate / xmllint = %s\n' \
	"xmllint --schema (validation alone)" "$peer_val" "$(ratio "$ours_gen" "$peer_val")"
printf '%-40s %7s invoices/s; scrivano parse+check / xmllint = %s\n' \
	"xmllint (parsing alone)" "$peer_parse" "$(ratio "$ours_parse" "$peer_parse")"
