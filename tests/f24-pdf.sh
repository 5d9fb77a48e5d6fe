#!/bin/sh
# `scrivano f24 pdf` and `scrivano f24 print`: a book with an F24 holding
# Erario 6001 (debit) and 6099 (credit), INPS DM10 and IMU 3918 with its
# codice comune, made through the record interface (tests/f24-make); the
# PDF read back with poppler (pdftotext -layout: the codes, the amounts as
# the model prints them, the sections' saldi, the saldo finale, the
# accented name; pdfinfo: one A4 page; pdffonts: every font embedded;
# pdftoppm renders it, and the same with no fonts on the machine); 8
# Erario rows take a second page; an existing file is refused unless
# --force; usage mistakes and a missing F24 write nothing.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
MAKE_F24=${abs_top_builddir:-.}/tests/f24-make
b=$d/anna.sqlite
export LANG=C.UTF-8 LC_ALL=C.UTF-8

company="company:name=Società Rossi Srl,piva=12345678903,address=Via Roma 1,city=Milano,province=MI"
id=$("$MAKE_F24" "$b" "$company" "f24:description=Ritenute e IVA marzo" \
	erario:code=6001,year=2026,debit=123456 erario:code=6099,year=2025,credit=30000 \
	inps:sede=4900,causale=DM10,matricola=4912345678,period_from=01/2026,debit=80000 \
	locali:ente=F205,acconto=1,immobili=2,code=3918,year=2026,debit=40050 2>"$d/err")
check $? "an F24 with Erario, INPS and IMU rows in a new book"
sed 's/^/# /' "$d/err"

"$S" f24 pdf "$id" "$d/f24.pdf" --book "$b" >"$d/out" 2>"$d/err"
check $? "scrivano f24 pdf $id writes it"
sed 's/^/# /' "$d/out" "$d/err"
pdftotext -layout "$d/f24.pdf" "$d/f24.txt" 2>"$d/err" && [ ! -s "$d/err" ]
check $? "pdftotext reads it"
for w in "MODELLO DI PAGAMENTO UNIFICATO" "SEZIONE ERARIO" "SEZIONE INPS" "SEZIONE REGIONI" \
	"SEZIONE IMU E ALTRI TRIBUTI LOCALI" "SEZIONE INAIL" "ALTRI ENTI PREVIDENZIALI" \
	"SALDO FINALE" "ESTREMI DEL VERSAMENTO" "Società Rossi Srl" "Via Roma 1"; do
	grep -q "$w" "$d/f24.txt"; check $? "the page says '$w'"
done
row() { grep -E "$1" "$d/f24.txt" >/dev/null; }
row '^ *6001 +2026 +1\.234,56 *$'; check $? "Erario 6001, anno 2026, debit 1.234,56"
row '^ *6099 +2025 +300,00 *$'; check $? "Erario 6099, anno 2025, credit 300,00"
row '^ *4900 +DM10 +4912345678 +01/2026 +800,00 *$'; check $? "INPS 4900 DM10 with matricola and period, 800,00"
row '^ *F205 +X +2 +3918 +2026 +400,50 *$'; check $? "IMU: F205, acconto, 2 immobili, 3918, 2026, 400,50"
row 'TOTALE +1\.234,56 +300,00 +934,56 *$'; check $? "Erario's TOTALE A 1.234,56, B 300,00, SALDO (A-B) 934,56"
row 'TOTALE +800,00 +0,00 +800,00 *$'; check $? "INPS's TOTALE C, D and SALDO (C-D)"
row 'TOTALE +400,50 +0,00 +400,50 *$'; check $? "IMU's TOTALE G, H and SALDO (G-H)"
row 'SALDO FINALE +EURO +2\.135,06 *$'; check $? "saldo finale EURO 2.135,06"
[ "$(grep -c 'TOTALE' "$d/f24.txt")" = 6 ]; check $? "six sections, each with its TOTALE"
pdfinfo "$d/f24.pdf" > "$d/info" 2>&1
grep -q '^Pages: *1$' "$d/info"; check $? "one page"
size=$(sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' "$d/info")
[ "$(echo "$size" | awk '{ printf "%.0f x %.0f", $1, $2 }')" = "595 x 842" ]
check $? "the page is A4: 595 x 842 points ($size)"
pdffonts "$d/f24.pdf" | awk 'NR > 2 { n++; if ($(NF-4) != "yes") bad++ } END { exit !(n > 0 && bad == 0) }'
check $? "every font is embedded"
pdffonts "$d/f24.pdf" | sed 's/^/# /'
pdftoppm -r 50 -png "$d/f24.pdf" "$d/page" 2>"$d/err" && [ ! -s "$d/err" ] && [ -s "$d/page-1.png" ]
check $? "pdftoppm -r 50 renders it without a message"
printf '<?xml version="1.0"?><fontconfig><cachedir>%s/fc</cachedir></fontconfig>\n' "$d" > "$d/nofonts.conf"
FONTCONFIG_FILE=$d/nofonts.conf pdftoppm -r 50 -png "$d/f24.pdf" "$d/bare" 2>"$d/err" &&
	[ ! -s "$d/err" ] && cmp -s "$d/page-1.png" "$d/bare-1.png"
check $? "on a machine with no fonts it renders the same"
sed 's/^/# /' "$d/err" | head -3

"$S" f24 print "$id" --book "$b" > "$d/print" 2>"$d/err"
check $? "scrivano f24 print $id"
grep -q '^6001 .* 1\.234,56$' "$d/print" && grep -q 'SALDO FINALE EUR  *2\.135,06$' "$d/print"
check $? "prints the rows and the saldo finale as text"

# Eight Erario rows: six on the model's first page, two on a second.
set --
for m in 1 2 3 4 5 6 7 8; do set -- "$@" "erario:code=600$m,year=2026,debit=${m}000"; done
id2=$("$MAKE_F24" "$b" "f24:description=Otto righe" "$@" 2>"$d/err")
check $? "an F24 with 8 Erario rows"
sed 's/^/# /' "$d/err"
"$S" f24 pdf "$id2" "$d/eight.pdf" --book "$b" 2>"$d/err"; check $? "its PDF"
pdfinfo "$d/eight.pdf" 2>&1 | grep -q '^Pages: *2$'; check $? "takes two pages"
pdftotext -layout -f 1 -l 1 "$d/eight.pdf" "$d/p1.txt"
pdftotext -layout -f 2 -l 2 "$d/eight.pdf" "$d/p2.txt"
grep -q '^ *6006 ' "$d/p1.txt" && ! grep -q '^ *6007 ' "$d/p1.txt"; check $? "page 1 holds rows 1 to 6"
grep -q '^ *6007 ' "$d/p2.txt" && grep -q '^ *6008 ' "$d/p2.txt" && ! grep -q '^ *6001 ' "$d/p2.txt"
check $? "page 2 holds rows 7 and 8"
grep -q 'Modello 1 di 2' "$d/p1.txt" && grep -q 'Modello 2 di 2' "$d/p2.txt"; check $? "each page says Modello N di 2"
grep -q 'SALDO FINALE *EURO *210,00$' "$d/p1.txt" && grep -q 'SALDO FINALE *EURO *150,00$' "$d/p2.txt"
check $? "each page's saldo finale is its rows' (210,00 and 150,00)"

# An existing file is refused, unless --force.
sum=$(cksum < "$d/f24.pdf")
"$S" f24 pdf "$id2" "$d/f24.pdf" --book "$b" >"$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q 'already exists; --force replaces it' "$d/err"
check $? "an existing file is refused: $(cat "$d/err")"
[ "$(cksum < "$d/f24.pdf")" = "$sum" ]; check $? "and left as it was"
"$S" f24 pdf "$id2" "$d/f24.pdf" --force --book "$b" 2>"$d/err" &&
	pdftotext "$d/f24.pdf" - | grep -q 'Modello 2 di 2'
check $? "--force replaces it"
ls "$d" | grep -q 'f24.pdf\.' ; [ $? = 1 ]; check $? "no temporary file is left beside it"

# Mistakes write nothing.
"$S" f24 pdf 99 "$d/none.pdf" --book "$b" 2>"$d/err"
[ $? = 1 ] && grep -q 'there is no F24 99' "$d/err" && [ ! -e "$d/none.pdf" ]
check $? "an F24 that is not there: $(cat "$d/err")"
"$S" f24 pdf "$id" "$d/none.pdf" 2>"$d/err"
[ $? = 2 ] && grep -q -- '--book BOOK is needed' "$d/err" && [ ! -e "$d/none.pdf" ]
check $? "without --book: usage"
"$S" f24 pdf x1 "$d/none.pdf" --book "$b" 2>"$d/err"
[ $? = 1 ] && grep -q "'x1' is not an F24's number" "$d/err"; check $? "a bad number: refused"
"$S" f24 pdf "$id" "$d/no/such/dir.pdf" --book "$b" 2>"$d/err"
[ $? = 1 ] && grep -q 'nothing was written' "$d/err"; check $? "a folder that is not there: $(cat "$d/err")"
"$S" f24 pdf "$id" "$d/none.pdf" --book "$d/nobook.sqlite" 2>"$d/err"
[ $? = 1 ] && [ ! -e "$d/nobook.sqlite" ]; check $? "a book that is not there is not made"
"$S" f24 frobnicate 2>"$d/err"
[ $? = 2 ] && grep -q "unknown subcommand 'frobnicate'" "$d/err"; check $? "an unknown subcommand: usage"
echo "1..$n"
