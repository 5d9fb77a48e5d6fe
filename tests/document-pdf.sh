#!/bin/sh
# `scrivano document pdf` and `scrivano document print`: a book with an
# invoice of two VAT rates (an article's line, a description-only line, a
# "10+5" discount), issued as 1/2026, made through the record interface
# (tests/doc-make); its PDF read back with poppler (pdftotext: the title
# with the number, the company, the party, the lines, the VAT summary, the
# totals, the payment schedule; pdftotext -bbox: the party inside a DL
# envelope's window; pdfinfo: one A4 page; pdffonts: every font embedded;
# pdftoppm renders it, the same with no fonts on the machine); a
# forfettario's and a split payment's legal notes; a draft says DRAFT and
# has no number; 60 lines take two pages, the first ending with the total
# carried forward and the second starting with it; an existing file is
# refused unless --force; mistakes write nothing.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
MAKE_DOC=${abs_top_builddir:-.}/tests/doc-make
b=$d/anna.sqlite
export LANG=C.UTF-8 LC_ALL=C.UTF-8

company="company:name=Società Rossi Srl|piva=12345678903|cf=12345678903|address=Via Roma|street_no=1|cap=20100|city=Milano|province=MI|regime=RF01"
customer="party:role=C|name=Bianchi Costruzioni SpA|piva=01234567897|address=Corso Francia|street_no=22|cap=10100|city=Torino|province=TO|sdi=ABC1234"
# By hand: 2 x 60.00 at 22% = 120.00 (VAT 26.40); 52.63157895 less 10%
# then 5% = 45.00 at 10% (VAT 4.50): taxable 165.00, VAT 30.90, total 195.90.
id=$("$MAKE_DOC" "$b" "$company" "$customer" \
	"doc:direction=S|kind=FAT|type=TD01|state=I|number=1/2026|numbering=F|year=2026|seq=1|date=2026-01-07|sdi=ABC1234|taxable=16500|tax=3090|total=19590|payable=19590|pay_method=MP05|pay_terms=30/60|iban=IT60X0542811101000000123456|order_ref=PO-77" \
	"lines:code=ART01|description=Trapano a percussione|quantity=2.00|unit=pz|unit_price=60.00|total=120.00|vat_rate=2200" \
	"lines:line_type=T|description=Consegna al cantiere di via Po|unit_price=0.00|total=0.00" \
	"lines:description=Manuale d'uso|quantity=1.00|unit=pz|unit_price=52.63157895|discounts=SC 10.00%; SC 5.00%|total=45.00|vat_rate=1000" \
	"vat:vat_rate=2200|taxable=12000|tax=2640|esigibilita=I" "vat:vat_rate=1000|taxable=4500|tax=450|esigibilita=I" \
	"payments:terms=TP01|mode=MP05|due=2026-02-06|amount=9795|iban=IT60X0542811101000000123456" \
	"payments:terms=TP01|mode=MP05|due=2026-03-08|amount=9795|iban=IT60X0542811101000000123456" 2>"$d/err")
check $? "an invoice issued as 1/2026 in a new book"
sed 's/^/# /' "$d/err"

"$S" document pdf "$id" "$d/inv.pdf" --book "$b" >"$d/out" 2>"$d/err"
check $? "scrivano document pdf $id writes it"
sed 's/^/# /' "$d/out" "$d/err"
pdftotext -layout "$d/inv.pdf" "$d/inv.txt" 2>"$d/err" && [ ! -s "$d/err" ]
check $? "pdftotext reads it"
has() { grep -E "$1" "$d/inv.txt" >/dev/null; }
has '^ *Invoice 1/2026 of 07/01/2026 *$'; check $? "the title: the kind, the number 1/2026 and the date"
has '^ *Società Rossi Srl *$' && has '^ *VAT no\. IT12345678903 *$' && has 'Tax regime: RF01'
check $? "the company's header: name, partita IVA, regime"
has ' Bianchi Costruzioni SpA *$' && has ' Corso Francia 22 *$' && has ' 10100 Torino \(TO\) *$' &&
	has ' SDI code: ABC1234 *$'
check $? "the party: name, address, SDI code"
has 'Order: PO-77'; check $? "the order's reference"
has '^ *ART01 +Trapano a percussione +2,00 +pz +60,00 +22% +120,00 *$'
check $? "the article's line: code, description, quantity, unit, price, VAT, total"
has '^ *Consegna al cantiere di via Po *$'; check $? "the description-only line"
has '^ *Manuale d.uso +1,00 +pz +52,63157895 +10\+5 +10% +45,00 *$'
check $? "the discounted line: the price's 8 decimals, the discount as typed '10+5'"
has '^ *22% +120,00 +26,40' && has '^ *10% +45,00 +4,50'; check $? "the VAT summary, a row a rate"
has 'Taxable amount +165,00 *$' && has ' VAT +30,90 *$' && has 'Document total +195,90 *$' &&
	has 'Amount payable +195,90 *$'
check $? "the totals: taxable 165,00, VAT 30,90, total and payable 195,90"
has '06/02/2026 +97,95 +MP05 +IT60X0542811101000000123456' && has '08/03/2026 +97,95 +MP05'
check $? "the payment schedule: two instalments of 97,95 by bonifico to the IBAN"
has 'Method: MP05 bonifico'; check $? "the payment method named"
has 'Page 1 of 1'; check $? "Page 1 of 1"

# The party's name sits inside the window of a DL envelope: from 110 mm
# (311.8 pt) from the left, 50 to 90 mm (141.7 to 255.1 pt) from the top.
pdftotext -bbox "$d/inv.pdf" "$d/bbox.html"
python3 - "$d/bbox.html" <<'PY'
import re, sys
words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                   open(sys.argv[1], encoding='utf-8').read())
w = [x for x in words if x[4] == 'Bianchi']
ok = len(w) == 1 and float(w[0][0]) >= 311.8 and float(w[0][2]) <= 566 and \
     141.7 <= float(w[0][1]) and float(w[0][3]) <= 255.1
print('# Bianchi at', w)
sys.exit(0 if ok else 1)
PY
check $? "the party's name is where a DL envelope's window shows it"

pdfinfo "$d/inv.pdf" > "$d/info" 2>&1
grep -q '^Pages: *1$' "$d/info"; check $? "one page"
size=$(sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' "$d/info")
[ "$(echo "$size" | awk '{ printf "%.0f x %.0f", $1, $2 }')" = "595 x 842" ]
check $? "the page is A4: 595 x 842 points ($size)"
grep -q '^Title: *Invoice 1/2026 of 07/01/2026$' "$d/info"; check $? "the file's title is the document's"
pdffonts "$d/inv.pdf" | awk 'NR > 2 { n++; if ($(NF-4) != "yes") bad++ } END { exit !(n > 0 && bad == 0) }'
check $? "every font is embedded"
pdftoppm -r 50 -png "$d/inv.pdf" "$d/page" 2>"$d/err" && [ ! -s "$d/err" ] && [ -s "$d/page-1.png" ]
check $? "pdftoppm -r 50 renders it without a message"
printf '<?xml version="1.0"?><fontconfig><cachedir>%s/fc</cachedir></fontconfig>\n' "$d" > "$d/nofonts.conf"
FONTCONFIG_FILE=$d/nofonts.conf pdftoppm -r 50 -png "$d/inv.pdf" "$d/bare" 2>"$d/err" &&
	[ ! -s "$d/err" ] && cmp -s "$d/page-1.png" "$d/bare-1.png"
check $? "on a machine with no fonts it renders the same"

"$S" document print "$id" --book "$b" > "$d/print" 2>"$d/err"
check $? "scrivano document print $id"
grep -q '^Invoice 1/2026 of 07/01/2026$' "$d/print" && grep -q 'Document total  *195,90$' "$d/print" &&
	grep -q '^                                        Bianchi Costruzioni SpA$' "$d/print"
check $? "prints the title, the party and the totals as text"
awk '{ if (length($0) > 76) bad++ } END { exit bad > 0 }' "$d/print"; check $? "no printed line is wider than 76"

# A forfettario's draft with the bollo charged: its sentences; DRAFT, no number.
id2=$("$MAKE_DOC" "$b" "party:role=C|kind=P|first_name=Mario|last_name=Verdi|cf=VRDMRA80A01F205T|city=Torino" \
	"doc:direction=S|kind=FAT|type=TD01|state=D|date=2026-02-10|regime=RF19|taxable=50200|total=50200|bollo=200|bollo_charged=1|payable=50200" \
	"lines:description=Consulenza|quantity=1.00|unit_price=500.00|total=500.00|natura=N2.2" \
	"lines:line_type=B|description=Rivalsa imposta di bollo|quantity=1.00|unit_price=2.00|total=2.00|natura=N1" \
	"vat:natura=N2.2|taxable=50000" "vat:natura=N1|taxable=200" 2>"$d/err")
check $? "a forfettario's draft"
sed 's/^/# /' "$d/err"
"$S" document pdf "$id2" "$d/forf.pdf" --book "$b" 2>"$d/err"; check $? "its PDF"
pdftotext "$d/forf.pdf" - | tr '\n' ' ' | tr -s ' ' > "$d/forf.txt"
grep -q "Operazione effettuata ai sensi dell'art. 1, commi da 54 a 89, della Legge n. 190/2014 (regime forfettario): operazione senza applicazione dell'IVA" "$d/forf.txt"
check $? "the forfettario's sentence"
grep -q "Imposta di bollo assolta in modo virtuale ai sensi del DM 17/06/2014" "$d/forf.txt"
check $? "the virtual bollo's sentence"
grep -q 'Invoice - DRAFT (not issued: no number) of 10/02/2026' "$d/forf.txt" &&
	grep -q 'DRAFT: not a valid document until issued' "$d/forf.txt"
check $? "a draft says DRAFT and has no number"
grep -q 'Verdi Mario' "$d/forf.txt"; check $? "the person's name"

# Split payment for a PA.
id3=$("$MAKE_DOC" "$b" "party:role=C|name=Comune di Asti|cf=00072360050|public_admin=1|pa_office=UFX9K2" \
	"doc:direction=S|kind=FAT|type=TD01|state=I|number=3/2026|numbering=F|year=2026|seq=3|date=2026-02-12|split_payment=1|pa_office=UFX9K2|taxable=100000|tax=22000|total=122000|payable=100000" \
	"lines:description=Manutenzione impianti|quantity=1.00|unit_price=1000.00|total=1000.00|vat_rate=2200" \
	"vat:vat_rate=2200|taxable=100000|tax=22000|esigibilita=S" 2>"$d/err")
check $? "a split payment's invoice to a PA"
sed 's/^/# /' "$d/err"
"$S" document pdf "$id3" "$d/split.pdf" --book "$b" 2>"$d/err"; check $? "its PDF"
pdftotext -layout "$d/split.pdf" "$d/split.txt"
grep -q 'VAT under split payment  *-220,00 *$' "$d/split.txt" && grep -q 'Amount payable  *1\.000,00 *$' "$d/split.txt"
check $? "the VAT under split payment taken off the amount payable"
grep -q "Scissione dei pagamenti ai sensi dell'art. 17-ter del DPR 633/72" "$d/split.txt"
check $? "the split payment's sentence"
grep -q 'PA office: UFX9K2' "$d/split.txt"; check $? "the PA office code"

# Sixty lines: two pages, the amount carried forward from one to the next.
set --
for i in $(seq 1 60); do
	set -- "$@" "lines:code=A$i|description=Articolo numero $i|quantity=1.00|unit=pz|unit_price=10.00|total=10.00|vat_rate=2200"
done
id4=$("$MAKE_DOC" "$b" "party:role=C|name=Grande Cliente Srl|piva=01234567897" \
	"doc:direction=S|kind=FAT|type=TD01|state=I|number=4/2026|numbering=F|year=2026|seq=4|date=2026-02-20|taxable=60000|tax=13200|total=73200|payable=73200" \
	"$@" "vat:vat_rate=2200|taxable=60000|tax=13200" 2>"$d/err")
check $? "an invoice of 60 lines"
sed 's/^/# /' "$d/err"
"$S" document pdf "$id4" "$d/long.pdf" --book "$b" 2>"$d/err"; check $? "its PDF"
pages=$(pdfinfo "$d/long.pdf" 2>&1 | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 2 ]; check $? "takes more than one page ($pages)"
pdftotext -layout -f 1 -l 1 "$d/long.pdf" "$d/p1.txt"
pdftotext -layout -f 2 -l 2 "$d/long.pdf" "$d/p2.txt"
last1=$(grep -oE '^ *A[0-9]+ ' "$d/p1.txt" | tail -1 | tr -d ' A')
carried=$(sed -n 's/.*Carried forward (continues) *\([0-9.,]*\) *$/\1/p' "$d/p1.txt")
[ -n "$last1" ] && [ "$carried" = "$(printf '%d,00' $((last1 * 10)))" ]
check $? "page 1 ends with the total of its $last1 lines carried forward ($carried)"
grep -Eq "^ *Brought forward +$carried *$" "$d/p2.txt"; check $? "page 2 starts with it brought forward"
grep -Eq "^ *A$((last1 + 1)) " "$d/p2.txt" && ! grep -Eq "^ *A$last1 " "$d/p2.txt"
check $? "page 2 goes on with line $((last1 + 1))"
grep -q "Page 1 of $pages" "$d/p1.txt" && grep -q "Page 2 of $pages" "$d/p2.txt"
check $? "each page says Page N of $pages"
pdftotext -layout -f "$pages" -l "$pages" "$d/long.pdf" - | grep -Eq 'Document total +732,00 *$'
check $? "the totals on the last page"
grep -q 'Invoice 4/2026 of 20/02/2026' "$d/p2.txt"; check $? "page 2's heading names the invoice"

# A delivery note without prices: transport, no totals, the signatures.
id5=$("$MAKE_DOC" "$b" "party:role=C|name=Magazzini Roma Srl|piva=01234567897" \
	"doc:direction=S|kind=DDT|type=|state=I|number=7/2026|numbering=DDT|year=2026|seq=7|date=2026-03-05|carrier=Trasporti Veloci Srl|packages=3|weight=12.50|transport_start=2026-03-05 08:30" \
	"lines:code=VT-10|description=Viti autofilettanti|quantity=100.00|unit=pz|unit_price=0.00|total=0.00" 2>"$d/err")
check $? "a delivery note"
sed 's/^/# /' "$d/err"
"$S" document pdf "$id5" "$d/ddt.pdf" --book "$b" 2>"$d/err" && pdftotext -layout "$d/ddt.pdf" "$d/ddt.txt"
check $? "its PDF"
grep -Eq '^ *Delivery note 7/2026 of 05/03/2026 *$' "$d/ddt.txt" &&
	grep -Eq 'Carrier: Trasporti Veloci Srl +Packages: 3 +Weight \(kg\): 12,50 +Transport started: 05/03/2026 08:30' "$d/ddt.txt"
check $? "its title and transport data"
grep -Eq '^ *VT-10 +Viti autofilettanti +100,00 +pz *$' "$d/ddt.txt" && ! grep -q 'Document total' "$d/ddt.txt"
check $? "its line without prices, and no totals"
grep -Eq "Driver's signature +Carrier's signature +Recipient's signature" "$d/ddt.txt"
check $? "the signatures' places"

# A draft of the same three lines computed by the fiscal core and numbered
# at issue (scrivano document issue): its PDF shows the core's figures and
# the number the book took.
id6=$("$MAKE_DOC" "$b" "party:role=C|name=Verdi Impianti Srl|piva=01234567897|sdi=ABC1234" \
	"doc:direction=S|kind=FAT|type=TD01|state=D|date=2026-03-10|sdi=ABC1234" \
	"lines:code=ART01|description=Trapano a percussione|quantity=2.00|unit=pz|unit_price=60.00|total=0.00|vat_rate=2200" \
	"lines:line_type=T|description=Consegna al cantiere di via Po|unit_price=0.00|total=0.00" \
	"lines:description=Manuale d'uso|quantity=1.00|unit=pz|unit_price=52.63157895|discounts=SC 10.00%; SC 5.00%|total=0.00|vat_rate=1000" 2>"$d/err")
check $? "a draft invoice of the same three lines, no figures"
sed 's/^/# /' "$d/err"
"$S" document issue "$id6" --book "$b" >"$d/out" 2>&1
check $? "issued: $(cat "$d/out")"
number=$(sed -n 's/^FAT \([0-9]*\/2026\) issued.*/\1/p' "$d/out")
"$S" document pdf "$id6" "$d/issued.pdf" --book "$b" 2>"$d/err" && pdftotext -layout "$d/issued.pdf" "$d/issued.txt"
check $? "its PDF"
grep -Eq "^ *Invoice $number of 10/03/2026 *\$" "$d/issued.txt" && [ -n "$number" ]
check $? "the number the book took at issue ($number) in the title"
grep -Eq 'Taxable amount +165,00 *$' "$d/issued.txt" && grep -Eq ' VAT +30,90 *$' "$d/issued.txt" &&
	grep -Eq 'Document total +195,90 *$' "$d/issued.txt" &&
	grep -Eq '^ *Manuale d.uso +1,00 +pz +52,63157895 +10\+5 +10% +45,00 *$' "$d/issued.txt"
check $? "the fiscal core's figures, as by hand: the discounted line 45,00, total 195,90"

# An existing file is refused, unless --force.
sum=$(cksum < "$d/inv.pdf")
"$S" document pdf "$id4" "$d/inv.pdf" --book "$b" >"$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q 'already exists; --force replaces it' "$d/err"
check $? "an existing file is refused: $(cat "$d/err")"
[ "$(cksum < "$d/inv.pdf")" = "$sum" ]; check $? "and left as it was"
"$S" document pdf "$id4" "$d/inv.pdf" --force --book "$b" 2>"$d/err" &&
	pdftotext "$d/inv.pdf" - | grep -q 'Invoice 4/2026'
check $? "--force replaces it"
ls "$d" | grep -q 'inv.pdf\.' ; [ $? = 1 ]; check $? "no temporary file is left beside it"

# Mistakes write nothing.
"$S" document pdf 99 "$d/none.pdf" --book "$b" 2>"$d/err"
[ $? = 1 ] && grep -q 'there is no document 99' "$d/err" && [ ! -e "$d/none.pdf" ]
check $? "a document that is not there: $(cat "$d/err")"
"$S" document pdf "$id" "$d/none.pdf" 2>"$d/err"
[ $? = 2 ] && grep -q -- '--book BOOK is needed' "$d/err" && [ ! -e "$d/none.pdf" ]
check $? "without --book: usage"
"$S" document pdf x1 "$d/none.pdf" --book "$b" 2>"$d/err"
[ $? = 1 ] && grep -q "'x1' is not a document's number" "$d/err"; check $? "a bad number: refused"
"$S" document pdf "$id" "$d/no/such/dir.pdf" --book "$b" 2>"$d/err"
[ $? = 1 ] && grep -q 'nothing was written' "$d/err"; check $? "a folder that is not there: $(cat "$d/err")"
"$S" document pdf "$id" "$d/none.pdf" --book "$d/nobook.sqlite" 2>"$d/err"
[ $? = 1 ] && [ ! -e "$d/nobook.sqlite" ]; check $? "a book that is not there is not made"
"$S" document print "$id" --force --book "$b" 2>"$d/err"
[ $? = 2 ] && grep -q "unknown option" "$d/err"; check $? "print takes no --force"
"$S" document print 99 --book "$b" 2>"$d/err"
[ $? = 1 ] && grep -q 'there is no document 99' "$d/err"; check $? "print of a document that is not there"
"$S" document frobnicate 2>"$d/err"
[ $? = 2 ] && grep -q "unknown subcommand 'frobnicate'" "$d/err"; check $? "an unknown subcommand: usage"
echo "1..$n"
