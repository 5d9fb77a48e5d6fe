#!/bin/sh
# Builds a libFuzzer target for one of the parsers of outside input — what a
# user or an administrator writes (screen files, key files, authorized_keys
# lines), the FatturaPA files suppliers send and the statements banks send
# (camt.053, CSV) and the mail messages a PEC mailbox holds — with clang
# (-fsanitize=fuzzer,address,undefined) and runs it for RUNS executions
# (default 100000), seeded with the shipped files (the official FatturaPA
# samples when $SCRIVANO_FATTURAPA is set). Prints "SKIP: why" and exits 77
# when clang or libFuzzer is missing.
# Usage: bench/fuzz-parsers.sh screenfile|keyfile|authorized_key|fatturapa_read|statement_read|mime_read [RUNS]
# Environment: abs_top_srcdir, abs_top_builddir (for config.h), CLANG, FUZZ_KEEP.
target=$1
runs=${2:-100000}
src=${abs_top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
bld=${abs_top_builddir:-$src}
clang=${CLANG:-clang}
max_len=8192
case "$target" in
screenfile)
	# the screen-file parser with the field types and the book's kinds it
	# checks names against: the whole book layer as its folder holds it
	# (a file added there needs no list kept by hand), but its command-line
	# front ends and the bank import, which need layers above it
	files="src/ui/screenfile.c src/ui/sf-lines.c src/ui/sf-layout.c src/ui/sf-fields.c
		src/ui/sf-grid.c src/ui/sf-views.c src/ui/sf-check.c src/ui/fieldtype.c
		src/ui/ft-number.c src/ui/ft-exact.c src/ui/ft-secret.c src/fisc/discount.c src/ui/ft-date.c
		src/ui/ft-list.c src/ui/ft-ente.c src/ui/ft-code.c src/util/codelist.c src/util/decimal.c
		src/util/idcheck.c src/util/sha256.c src/util/late-interest.c src/pdf/pdf.c
		$(cd "$src" && ls src/book/*.c | grep -v -e '/cli\.c$' -e '-cli\.c$' -e '/pn-import\.c$')"
	# the F24 kind names its text rendering and its PDF command (cairo)
	pkgs="sqlite3 libcrypto cairo-pdf fontconfig" ;;
keyfile)
	files="src/term/keymap.c src/ui/actions.c"
	pkgs="ncursesw" ;;
authorized_key)
	files="src/users/keys.c"
	pkgs="libssh libcrypto" ;;
fatturapa_read)
	# the whole fiscal core, as its folder holds it: a file added there is
	# in the target without a list to keep
	files="src/util/decimal.c src/util/idcheck.c src/util/xml.c
		$(cd "$src" && echo src/fisc/*.c)"
	pkgs="libxml-2.0 libxslt libcrypto"
	max_len=65536 ;;
statement_read)
	files="src/bank/statement.c src/bank/camt.c src/bank/csv.c src/bank/csv-head.c src/util/xml.c"
	pkgs="libxml-2.0" ;;
mime_read)
	files="src/mail/mime.c src/mail/mime-words.c src/util/base64.c"
	pkgs="" ;;
*)
	echo "usage: $0 screenfile|keyfile|authorized_key|fatturapa_read|statement_read|mime_read [RUNS]" >&2
	exit 2 ;;
esac
command -v "$clang" >/dev/null 2>&1 || { echo "SKIP: no clang"; exit 77; }
[ -f "$bld/config.h" ] || { echo "SKIP: no config.h in $bld (run configure)"; exit 77; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' \
	> "$work/probe.c"
"$clang" $flags "$work/probe.c" -o "$work/probe" 2>/dev/null ||
	{ echo "SKIP: $clang cannot build with -fsanitize=fuzzer"; exit 77; }
libs=""
[ -z "$pkgs" ] || libs=$(pkg-config --cflags --libs $pkgs) || exit 1
paths=""
for f in $files src/util/util.c src/util/temp-guard.c src/util/i18n.c; do paths="$paths $src/$f"; done
"$clang" $flags -std=gnu11 -I"$bld" -I"$src/src" -DLOCALEDIR='"/nonexistent"' \
	-DPKGDATADIR='"/nonexistent"' -o "$work/fuzz" "$src/fuzz/$target.c" $paths $libs ||
	exit 1
mkdir "$work/corpus"
case "$target" in
screenfile) cp "$src"/screens/*.scr "$work/corpus/" 2>/dev/null ;;
keyfile) cp "$src"/keymaps/*.keys "$work/corpus/" 2>/dev/null ;;
authorized_key)
	# Real public keys (made once with ssh-keygen), one file each, and a
	# comment line.
	i=0
	while read -r key; do
		i=$((i + 1))
		echo "$key" > "$work/corpus/key$i"
	done <<KEYS
ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHA6WSeNFSKKt+vRTsCYrnWmPMb4w81GvEff4pgu7NrDNRIKohV2jGKcS4GTOhYYqr3C0o2lwDgbGXUDbkV3nRo= fuzz-ecdsa256
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA5OOYzxd7HLgnLpHXK+YdH0srxbNQDXXirVwJNrWuzt fuzz-ed25519
ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDvfLAD/qnKWaJUvTl7oKSWnEb9RtHbGy9jB7iPtkYebinbqjYC4r56Y8YkpwcJtltxj7WxaQvWfceQQJWMtX7p1nKNVIZDGYZYqx/Piormu/jrQ4nPOKUN+pB1AgEzUO01TiWVKajLemfjz8ym3/GTCBX+JOmYuJRPnAfcsyEU2Q== fuzz-rsa1024
ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDgu9a111tNREwgb+QAisDgJpBP3rtB4Pn/4xNj8pfgGtngm2CGZEjft2AvJyk4cMXwvgEhUkYDZK/NztOF2kLPleKYPtScq8ZPOeCPOM23fxwQRXuNG2x4oFG0sC9f+jFUAT5hzC2Aj9pKLHc5oyCHc7oX4nj09pznFJ6T2G/nG4d0Ae6GyzkIE9tE85fR3aYBJidZxdKe56+itmBBwwQ5uLYU4FukoohKnLIuLtesJTTvRR6tkdSo8JPq8iyjn8NNKuiiAw0Yp8env2uCKeOBHhFN+0aLbDXgC+4rpbNj6jhtG4tqrTkVtVeRbzelzOjgXpi35WzEbaj3E2hcYTfb fuzz-rsa2048
KEYS
	printf '# a comment\n' > "$work/corpus/comment" ;;
fatturapa_read)
	if [ -n "$SCRIVANO_FATTURAPA" ] && [ -d "$SCRIVANO_FATTURAPA/samples" ]; then
		cp "$SCRIVANO_FATTURAPA"/samples/*.xml "$work/corpus/"
	fi
	printf '<p:FatturaElettronica xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2"/>' \
		> "$work/corpus/min.xml" ;;
statement_read)
	# A CSV with a preamble and Dare/Avere, a signed one, and a camt.053.
	printf 'Banca;;\nData contabile;Data valuta;Descrizione;Dare;Avere\n03/03/2026;03/03/2026;"BONIFICO; X";;1.220,00\n05/03/2026;04/03/2026;POS;45,90;\nSaldo finale;;;;1.174,10\n' \
		> "$work/corpus/dare-avere.csv"
	printf '"Data","Importo (EUR)","Causale","Valuta"\n"2026-03-02","-123,45","SDD","EUR"\n' \
		> "$work/corpus/signed.csv"
	printf '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>IT60X0542811101000000123456</IBAN></Id></Acct><Ntry><Amt Ccy="EUR">12.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Cdtr><Pty><Nm>X</Nm></Pty></Cdtr></RltdPties><RmtInf><Ustrd>a</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>' \
		> "$work/corpus/camt.xml" ;;
mime_read)
	# A PEC envelope: multipart/signed, daticert.xml, the receipt inside
	# postacert.eml (RFC 2231 and RFC 2047 names, base64, quoted-printable).
	printf 'Subject: =?UTF-8?Q?POSTA_CERTIFICATA?=\r\nContent-Type: multipart/signed; boundary="o"\r\n\r\n--o\r\nContent-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9 =\r\nx\r\n--m\r\nContent-Type: application/xml; name="daticert.xml"\r\nContent-Transfer-Encoding: base64\r\n\r\nPGEvPg==\r\n--m\r\nContent-Type: message/rfc822\r\n\r\nContent-Type: multipart/mixed; boundary=i\r\n\r\n--i\r\nContent-Disposition: attachment; filename*0*=UTF-8\047\047IT01234567890_%%30; filename*1="0000A_RC_001.xml"\r\nContent-Transfer-Encoding: base64\r\n\r\nPHg+PC94Pg==\r\n--i\r\nContent-Type: text/plain; name="=?ISO-8859-1?B?6A==?="\r\n\r\nx\r\n--i--\r\n--m--\r\n--o\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n\r\nMIIB\r\n--o--\r\n' \
		> "$work/corpus/pec.eml" ;;
esac
start=$(date +%s)
"$work/fuzz" -runs="$runs" -max_len="$max_len" -rss_limit_mb=1024 -timeout=10 \
	-artifact_prefix="$work/" "$work/corpus" > "$work/log" 2>&1
rc=$?
end=$(date +%s)
grep -a -e "INITED" -e "^Done" "$work/log"
echo "fuzzed $target: $runs executions in $((end - start)) s, exit status $rc"
if [ "$rc" -ne 0 ]; then
	grep -A30 'ERROR\|SUMMARY' "$work/log" | head -60
	for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
		[ -f "$a" ] || continue
		echo "input that failed ($(basename "$a")), as hex:"
		od -An -tx1 "$a" | head -20
		[ -n "$FUZZ_KEEP" ] && cp "$a" "$FUZZ_KEEP/" && echo "kept in $FUZZ_KEEP"
	done
fi
exit "$rc"
