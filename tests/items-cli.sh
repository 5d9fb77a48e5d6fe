#!/bin/sh
# `scrivano items list|statement`: a book with an invoice of two
# instalments and a purchase, made through the record interface
# (tests/doc-make), as issued and registered; the list as of a day puts
# each item in its ageing column and totals them, narrowed by party, side
# and state; the statement shows the document, both instalments, what is
# overdue and the ageing, and its PDF reads back with pdftotext (one A4
# page); mistakes are refused naming what is wrong, and write nothing.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
MAKE_DOC=${abs_top_builddir:-.}/tests/doc-make
b=$d/anna.sqlite
export LANG=C.UTF-8 LC_ALL=C.UTF-8

"$MAKE_DOC" "$b" "company:name=Alfa Srl|piva=12345678903" \
	"party:role=C|name=Rossi Srl|piva=01234567897" \
	"doc:kind=FAT|direction=S|type=TD01|state=I|number=1/2026|numbering=F|year=2026|seq=1|date=2026-03-31|total=122000|payable=122000" \
	"lines:line_no=1|description=Consulenza|quantity=1.00|unit_price=1000.00|total=1000.00|vat_rate=2200" \
	"payments:mode=MP05|due=2026-04-30|amount=61000" \
	"payments:mode=MP05|due=2026-05-31|amount=61000" >/dev/null
check $? "a book with an issued invoice of two instalments"
"$MAKE_DOC" "$b" "party:role=S|name=Carta Bianchi Spa|piva=00743110157" \
	"doc:kind=FA|direction=P|type=TD01|state=I|number=FPR 12/26|date=2026-04-02|total=30500|payable=30500" \
	"lines:line_no=1|description=Carta|quantity=1.00|unit_price=250.00|total=250.00|vat_rate=2200" \
	"payments:mode=MP05|due=2026-07-02|amount=30500" >/dev/null
check $? "and a registered purchase"

out=$("$S" items list --as-of 2026-06-15 --book "$b")
check $? "items list"
echo "$out" | grep -q "^ *1  2026-04-30  Rossi Srl .*FAT 1/2026 .*1/2  RO  *610,00  *610,00 *$"
check $? "the first instalment, 46 days late, in the 31-60 column"
echo "$out" | grep -q "^ *2  2026-05-31  Rossi Srl .*2/2  RO  *610,00  *610,00  *$"
check $? "the second, 15 days late, in the 0-30 column"
echo "$out" | grep -q "^ *3  2026-07-02  Carta Bianchi Spa .*PO  *305,00  *305,00  *$"
check $? "the purchase's, not due, payable"
echo "$out" | grep -q "Total  *1.525,00  *305,00  *610,00  *610,00  *0,00  *0,00$"
check $? "the totals of what is open and of each column"
echo "$out" | grep -q "^3 items$"
check $? "three items"
out=$("$S" items list --side R --party rossi --as-of 2026-06-15 --book "$b")
echo "$out" | grep -q "Total  *1.220,00" && ! echo "$out" | grep -q Carta
check $? "--side R --party rossi: the customer's only"
out=$("$S" items list --state paid --book "$b")
echo "$out" | grep -q "^0 items$"
check $? "--state paid: none yet"

out=$("$S" items statement --party Rossi --as-of 2026-06-15 --book "$b")
check $? "items statement"
echo "$out" | grep -q "^Statement of account as of 2026-06-15$" &&
	echo "$out" | grep -q "^Rossi Srl (customer)$"
check $? "the statement's heading: the day, the party"
echo "$out" | grep -q "^2026-03-31 FAT 1/2026  *1.220,00  *1.220,00$"
check $? "the invoice, its amount and the balance"
echo "$out" | grep -q "^ *1/2 open 610,00    2026-04-30 overdue$" &&
	echo "$out" | grep -q "^ *2/2 open 610,00    2026-05-31 overdue$"
check $? "both instalments, each open and overdue"
echo "$out" | grep -q "^Balance 1.220,00, of which past due 1.220,00$"
check $? "the balance and what is past due"
out=$("$S" items statement --party Rossi --as-of 2026-05-15 --book "$b")
echo "$out" | grep -q "^ *2/2 open 610,00    2026-05-31$"
check $? "as of another day, the second is not overdue yet"

"$S" items statement --party Rossi --pdf "$d/rossi.pdf" --as-of 2026-06-15 --book "$b" >/dev/null
check $? "the statement as a PDF"
txt=$(pdftotext -layout "$d/rossi.pdf" -)
echo "$txt" | grep -q "Statement of account" && echo "$txt" | grep -q "Rossi Srl" &&
	echo "$txt" | grep -q "FAT 1/2026 .*1.220,00 .*1.220,00"
check $? "pdftotext reads its heading, party and invoice"
echo "$txt" | grep -q "instalment 1 of 2: open 610,00, 46 days late  *2026-04-30" &&
	echo "$txt" | grep -q "instalment 2 of 2: open 610,00, 15 days late  *2026-05-31"
check $? "and both instalments, how late"
echo "$txt" | grep -q "Balance 1.220,00, of which past due 1.220,00" &&
	echo "$txt" | grep -q "Page 1 of 1"
check $? "the balance, the page"
pdfinfo "$d/rossi.pdf" | grep -q "Page size: .*(A4)"
check $? "an A4 page"
"$S" items statement --party Rossi --pdf "$d/rossi.pdf" --book "$b" >/dev/null 2>"$d/err"
[ $? = 1 ] && grep -q "already exists" "$d/err"
check $? "an existing file is refused without --force"
"$S" items statement --party Rossi --pdf "$d/rossi.pdf" --force --book "$b" >/dev/null
check $? "and replaced with it"

"$S" items statement --party Verdi --book "$b" >/dev/null 2>"$d/err"
[ $? = 1 ] && grep -q "there is no customer or supplier Verdi" "$d/err"
check $? "an unknown party is named"
"$S" items list --as-of 31/05/2026 --book "$b" >/dev/null 2>"$d/err"
[ $? = 2 ] && grep -q "as-of is a date" "$d/err"
check $? "a day not written YYYY-MM-DD is refused"
"$S" items list --state closed --book "$b" >/dev/null 2>"$d/err"
[ $? = 2 ] && grep -q "state is open, partly" "$d/err"
check $? "an unknown state is refused"
"$S" items list --book "$d/none.sqlite" >/dev/null 2>&1
[ $? = 1 ] && [ ! -e "$d/none.sqlite" ]
check $? "a book that is not there is not made"
# A customer's name of 121 characters (a person's surname and first name
# of 60 each) of 4 bytes each: whole and UTF-8 in the list, the statement
# and its PDF, never cut mid-character; cut to its column in the list.
half=$(python3 -c 'print("\U0001D538" * 60)')
"$MAKE_DOC" "$b" "party:role=C|kind=P|first_name=$half|last_name=$half|piva=09876543217" \
	"doc:kind=FAT|direction=S|type=TD01|state=I|number=2/2026|numbering=F|year=2026|seq=2|date=2026-04-01|total=12200|payable=12200" \
	"lines:line_no=1|description=Consulenza|quantity=1.00|unit_price=100.00|total=100.00|vat_rate=2200" \
	"payments:mode=MP05|due=2026-04-30|amount=12200" >/dev/null
check $? "a customer of a 121-character name, and an invoice to it"
cell=$(python3 -c 'print("\U0001D538" * 24)')
"$S" items list --party "$half" --as-of 2026-06-15 --book "$b" >"$d/long" 2>"$d/err"
[ $? = 0 ] && iconv -f UTF-8 -t UTF-8 "$d/long" >/dev/null &&
	grep -q "^ *[0-9]*  2026-04-30  $cell  FAT 2/2026 " "$d/long"
check $? "items list: UTF-8, the name cut to its 24 columns at a character, not 24 bytes"
"$S" items statement --party "$half" --as-of 2026-06-15 --book "$b" >"$d/long" 2>"$d/err"
[ $? = 0 ] && iconv -f UTF-8 -t UTF-8 "$d/long" >/dev/null && grep -q "$half $half" "$d/long"
check $? "items statement: UTF-8, the name whole"
"$S" items statement --party "$half" --as-of 2026-06-15 --pdf "$d/long.pdf" --book "$b" \
	>/dev/null 2>"$d/err" && pdftotext "$d/long.pdf" "$d/long.txt" &&
	iconv -f UTF-8 -t UTF-8 "$d/long.txt" >/dev/null && ! grep -q "$(printf '\357\277\275')" "$d/long.txt"
check $? "its PDF's text UTF-8, no replacement character"
echo "1..$n"
