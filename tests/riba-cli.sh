#!/bin/sh
# `scrivano items riba|unpaid`: a book with two customers' invoices
# (tests/doc-make), one customer without its bank's ABI and CAB: its item
# is refused, naming it, and nothing is written; the other's two
# instalments go into a Ri.Ba. file in the book's export folder, which the
# tests' own reader (tests/ribaread.py) takes back to the items (debtor,
# amount, due date, invoice); they are presented and not offered again;
# one comes back unpaid with a fee: open again, the fee in the prima nota.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
MAKE_DOC=${abs_top_builddir:-.}/tests/doc-make
READ="python3 ${srcdir:-.}/tests/ribaread.py"
b=$d/anna.sqlite
q() { sqlite3 "$b" "$1"; }
export LANG=C.UTF-8 LC_ALL=C.UTF-8

"$MAKE_DOC" "$b" "company:name=Alfa Società Srl|piva=12345678903|sia=A1B2C|address=Via Roma|street_no=1|cap=20100|city=Milano|province=MI" \
	"party:role=C|name=Rossi Srl|piva=01234567897|bank_abi=03069|bank_cab=09606|address=Corso Italia 5|cap=10121|city=Torino|province=TO" \
	"doc:kind=FAT|direction=S|type=TD01|state=I|number=1/2026|numbering=F|year=2026|seq=1|date=2026-05-10|total=122000|payable=122000" \
	"lines:line_no=1|description=Consulenza|quantity=1.00|unit_price=1000.00|total=1000.00|vat_rate=2200" \
	"payments:mode=MP12|due=2026-06-30|amount=61000" \
	"payments:mode=MP12|due=2026-07-31|amount=61000" >/dev/null
check $? "a book with an invoice of two instalments for Rossi, whose bank is known"
"$MAKE_DOC" "$b" "party:role=C|name=Verdi Spa|piva=00743110157" \
	"doc:kind=FAT|direction=S|type=TD01|state=I|number=2/2026|numbering=F|year=2026|seq=2|date=2026-05-12|total=24400|payable=24400" \
	"lines:line_no=1|description=Consulenza|quantity=1.00|unit_price=200.00|total=200.00|vat_rate=2200" \
	"payments:mode=MP12|due=2026-06-20|amount=24400" >/dev/null
check $? "and one for Verdi, whose is not"
q "UPDATE pn_accounts SET iban = 'IT60X0542811101000000123456' WHERE name = 'Banca'"
rossi1=$(q "SELECT i.id FROM open_items i JOIN parties p ON p.id = i.party_id WHERE p.name = 'Rossi Srl' AND i.seq = 1")
rossi2=$(q "SELECT i.id FROM open_items i JOIN parties p ON p.id = i.party_id WHERE p.name = 'Rossi Srl' AND i.seq = 2")
exp=$d/export/anna

"$S" items riba --from 2026-06-01 --to 2026-06-30 --date 2026-06-01 --book "$b" >"$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "Verdi Spa (item .*FAT 2/2026) has no bank ABI and CAB" "$d/err"
check $? "June's items: Verdi has no bank's ABI and CAB, refused naming it"
[ -z "$(ls "$exp" 2>/dev/null)" ] && [ "$(q "SELECT count(*) FROM open_items WHERE state = 'R'")" = 0 ]
check $? "no file written, no item presented"

"$S" items riba --from 2026-06-21 --to 2026-07-31 --date 2026-06-01 --book "$b" >"$d/out" 2>"$d/err"
check $? "Rossi's two presented: $(cat "$d/err")"
f=$(ls "$exp"/riba-*.txt 2>/dev/null)
[ -n "$f" ] && grep -q "^Ri.Ba.: 2 receipts, 1.220,00, written to $f; they are presented.$" "$d/out"
check $? "into the export folder, as it says: $(cat "$d/out")"
$READ "$f" >"$d/read" 2>"$d/err"
check $? "the tests' reader takes the file: $(cat "$d/err")"
cat >"$d/want" <<EOT
$rossi1|ROSSI SRL|61000|2026-06-30|FAT 1/2026|2026-05-10|03069|09606
$rossi2|ROSSI SRL|61000|2026-07-31|FAT 1/2026|2026-05-10|03069|09606
EOT
cmp -s "$d/read" "$d/want"
check $? "and gives back the items: number, debtor, amount, due date, invoice, bank"
diff "$d/want" "$d/read" | sed 's/^/# /'
python3 - "$f" "${srcdir:-.}/tests" <<'EOT'
import sys
sys.path.insert(0, sys.argv[2])
import ribaread
r = ribaread.read(open(sys.argv[1], "rb").read())
sys.exit(0 if r[0]["creditor"] == "ALFA SOCIETA SRL" and r[0]["city"] == "TORINO" else 1)
EOT
check $? "the creditor without its accent, the debtor's city"
[ "$(q "SELECT group_concat(state || ' ' || presented, ',') FROM open_items WHERE id IN ($rossi1, $rossi2)")" = "R 2026-06-01,R 2026-06-01" ]
check $? "both presented on the day"

sed '2s/^ 14/ 15/' "$f" >"$d/bad1"
! $READ "$d/bad1" >/dev/null 2>&1
check $? "the reader refuses a record out of its place"
sed '$s/0000002/0000003/' "$f" >"$d/bad2"
! $READ "$d/bad2" >/dev/null 2>&1
check $? "and an EF whose count disagrees"
printf '%s' "$(cat "$f")" >"$d/bad3"
! $READ "$d/bad3" >/dev/null 2>&1
check $? "and a file whose last record has no CR LF"

"$S" items riba --from 2026-06-21 --to 2026-07-31 --book "$b" >/dev/null 2>"$d/err"
[ $? = 1 ] && grep -q "no open receivables due from .* that are not presented" "$d/err"
check $? "presented items are not offered again"
[ "$(ls "$exp" | wc -l)" = 1 ]
check $? "and no second file"
"$S" items list --state presented --book "$b" | grep -q "^2 items$"
check $? "items list --state presented: the two"

"$S" items unpaid "$rossi1" --fee 4,50 --date 2026-07-02 --book "$b" >"$d/out" 2>"$d/err"
check $? "the first unpaid, fee 4,50: $(cat "$d/err")"
grep -q "^Item $rossi1 is open again; the bank's fee of 4,50 is prima nota entry [0-9]*.$" "$d/out"
check $? "it says so: $(cat "$d/out")"
[ "$(q "SELECT state || coalesce(presented, '-') FROM open_items WHERE id = $rossi1")" = "O-" ]
check $? "the item is open again"
[ "$(q "SELECT e.amount || ' ' || e.causale || ' ' || e.date || ' ' || a.name || ' ' || p.name FROM pn_entries e JOIN pn_accounts a ON a.id = e.account_id JOIN parties p ON p.id = e.party_id")" = "-450 SB 2026-07-02 Banca Rossi Srl" ]
check $? "the fee out of Banca, Rossi's, causale SB"
"$S" items unpaid "$rossi1" --book "$b" >/dev/null 2>"$d/err"
[ $? = 1 ] && grep -q "is not presented by Ri.Ba." "$d/err"
check $? "an open item is not unpaid"
"$S" items unpaid "$rossi2" --fee -1 --book "$b" >/dev/null 2>"$d/err"
[ $? = 2 ] && grep -q "\-\-fee is an amount" "$d/err"
check $? "a fee below 0 is refused"
"$S" items unpaid abc --book "$b" >/dev/null 2>"$d/err"
[ $? = 2 ] && grep -q "unpaid takes the item's number, not abc" "$d/err"
check $? "unpaid takes an item's number"
"$S" items riba --from 2026-06-01 --book "$b" >/dev/null 2>"$d/err"
[ $? = 2 ] && grep -q "riba needs --from DATE and --to DATE" "$d/err"
check $? "riba needs both dates"
"$S" items riba --from 2026-07-01 --to 2026-06-01 --book "$b" >/dev/null 2>"$d/err"
[ $? = 1 ] && grep -q "the first not after the second" "$d/err"
check $? "the first date not after the second"
"$S" items riba --from 2026-06-01 --to 2026-07-31 --account Nessuno --book "$b" >/dev/null 2>"$d/err"
[ $? = 1 ] && grep -q "there is no account Nessuno" "$d/err"
check $? "an unknown account is named"
"$S" items list --fee 1 --book "$b" >/dev/null 2>"$d/err"
[ $? = 2 ] && grep -q "\-\-fee goes with unpaid" "$d/err"
check $? "--fee goes with unpaid only"
[ "$(q "SELECT count(*) FROM pn_entries")" = 1 ] && [ "$(ls "$exp" | wc -l)" = 1 ]
check $? "the refusals wrote nothing"
echo "1..$n"
