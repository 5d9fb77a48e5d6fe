#!/bin/sh
# Documents per second for the FatturaPA export, validation included (the
# model from the book, the SdI checks, the XML, the official schema, the
# file stored, a transaction each), next to libxml2's xmllint validating
# the very files it made in the same run (`--noout --schema`: a part of
# our work, so a ratio near 1 means the rest adds little), as a ratio.
# Usage: bench/fpa-export.sh [COUNT] (from the build directory); needs
# SCRIVANO_FATTURAPA (the folder with the official schema).
cd "$(dirname "$0")/.." || exit 1
n=${1:-1000}
dir=${SCRIVANO_FATTURAPA:?set SCRIVANO_FATTURAPA to the folder with the FatturaPA schema}
export SCRIVANO_FATTURAPA SCRIVANO_SHARE="${SCRIVANO_SHARE:-$PWD}"
make -s bench/fpa-export-bench || exit 1
out=$(mktemp -d) || exit 1
trap 'rm -rf "$out"' EXIT
res=$(./bench/fpa-export-bench "$n" "$out") || exit 1
printf '%s\n' "$res"
command -v xmllint >/dev/null || { echo "xmllint not found (Debian: libxml2-utils): no peer measured"; exit 0; }
ms() { echo $(($(date +%s%N) / 1000000)); }
t0=$(ms)
xmllint --noout --nonet --schema "$dir/Schema_del_file_xml_FatturaPA_v1.2.2.xsd" "$out"/*.xml 2>/dev/null
t1=$(ms)
peer=$(awk -v n="$n" -v ms=$((t1 - t0)) 'BEGIN { printf "%d", (ms > 0 ? n * 1000 / ms : 0) }')
ours=$(printf '%s\n' "$res" | awk -F'documents/s' '/^export/ { k = split($1, w, " "); print w[k] }')
ratio=$(awk -v a="$ours" -v b="$peer" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
printf '%-40s %7s documents/s; scrivano export / xmllint = %s\n' \
	"xmllint --schema (the same files)" "$peer" "$ratio"
