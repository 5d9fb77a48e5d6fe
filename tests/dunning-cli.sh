#!/bin/sh
# `scrivano dunning list|letter`: a book with an invoice of two instalments
# (tests/doc-make) both overdue on 15/06/2026; a letter's interest for the
# days late against the hand computation below; --dry-run records nothing,
# a letter recorded is in the history and the next one is a level up; the
# PDF reads back with pdftotext; the Italian text; a half-year without a
# rate, a bad level, an unknown party and a letter text with an unknown
# placeholder are refused naming what is wrong, and record nothing.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
MAKE_DOC=${abs_top_builddir:-.}/tests/doc-make
b=$d/anna.sqlite
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LANGUAGE

"$MAKE_DOC" "$b" "company:name=Alfa Srl|piva=12345678903" \
	"party:role=C|name=Rossi Srl|piva=01234567897" \
	"doc:kind=FAT|direction=S|type=TD01|state=I|number=1/2026|numbering=F|year=2026|seq=1|date=2026-03-31|total=122000|payable=122000" \
	"lines:line_no=1|description=Consulenza|quantity=1.00|unit_price=1000.00|total=1000.00|vat_rate=2200" \
	"payments:mode=MP05|due=2026-04-30|amount=61000" \
	"payments:mode=MP05|due=2026-05-31|amount=61000" >/dev/null
check $? "a book with an issued invoice of two instalments"
letters() { sqlite3 "$b" "SELECT count(*) FROM dunning_letters"; }

out=$("$S" dunning list --book "$b")
check $? "dunning list"
[ "$out" = "No reminder letters sent." ]
check $? "none sent yet"

# On 15/06/2026, at 10.15% (2026H1) over 365 days: the first instalment
# 46 days late, 61000 * 1015 * 46 / 3650000 = 780.29 -> 7,80; the second
# 15 days, 61000 * 1015 * 15 / 3650000 = 254.44 -> 2,54; 10,34 in all.
out=$("$S" dunning letter --party rossi --date 2026-06-15 --dry-run --book "$b" 2>"$d/err")
check $? "dunning letter --dry-run"
echo "$out" | grep -q "^FAT 1/2026  *1/2  *2026-04-30  *46  *610,00  *7,80$"
check $? "the first instalment: 46 days, interest 7,80"
echo "$out" | grep -q "^FAT 1/2026  *2/2  *2026-05-31  *15  *610,00  *2,54$"
check $? "the second: 15 days, interest 2,54"
echo "$out" | grep -q "^Total  *1.220,00  *10,34$"
check $? "the totals"
echo "$out" | grep -q "amounts to 10,34 (10,15% from 2026-01-01)" &&
	echo "$out" | grep -q "^Alfa Srl$" && echo "$out" | grep -q "Rossi Srl$"
check $? "the interest and its rate in the text, the company, the customer"
[ "$(letters)" = 0 ] && [ ! -s "$d/err" ]
check $? "--dry-run records nothing"

"$S" dunning letter --party rossi --date 2026-06-15 --book "$b" >/dev/null 2>"$d/err"
check $? "dunning letter"
grep -q "reminder letter of level 1 to Rossi Srl recorded" "$d/err" && [ "$(letters)" = 1 ]
check $? "level 1 recorded"
out=$("$S" dunning list --party Rossi --book "$b")
echo "$out" | grep -q "^2026-06-15  level 1  Rossi Srl: open 1.220,00, interest 10,34$" &&
	echo "$out" | grep -q "^    FAT 1/2026 1/2 due 2026-04-30: 610,00, 46 days, interest 7,80$"
check $? "the history: the letter and its items"

"$S" dunning letter --party rossi --date 2026-06-15 --pdf "$d/second.pdf" --book "$b" >/dev/null 2>"$d/err"
check $? "dunning letter --pdf"
grep -q "level 2 to Rossi Srl recorded" "$d/err"
check $? "the next letter is level 2"
pdftotext -layout "$d/second.pdf" - >"$d/pdf.txt" 2>/dev/null
grep -q "second reminder" "$d/pdf.txt" && grep -q "1.230,34" "$d/pdf.txt" &&
	grep -q "7,80" "$d/pdf.txt"
check $? "its PDF: the second level's text, the total with interest, an item's interest"

out=$(LANGUAGE=it LANG=it_IT.UTF-8 "$S" dunning letter --party rossi --level 1 --date 2026-06-15 --dry-run --book "$b" 2>/dev/null)
echo "$out" | grep -q "^Oggetto: sollecito di pagamento$" && echo "$out" | grep -q "15/06/2026"
check $? "in Italian, the Italian text"

"$S" dunning letter --party rossi --date 2026-07-05 --book "$b" >/dev/null 2>"$d/err"
[ $? = 1 ] && grep -q "no late-payment rate for the half-year from 01/07/2026 in data/interessi-mora.txt" "$d/err"
check $? "a day of 2026H2, which has no rate, refused"
"$S" dunning letter --party rossi --level 4 --book "$b" >/dev/null 2>"$d/err"
[ $? = 2 ] && grep -q -- "--level is 1, 2 or 3, not 4" "$d/err"
check $? "--level 4 refused"
"$S" dunning letter --party Nobody --book "$b" >/dev/null 2>"$d/err"
[ $? = 1 ]
check $? "an unknown party refused"
mkdir -p "$d/letters/anna"
printf 'Dear {party},\npay {totl}\n' >"$d/letters/anna/dunning-3.en.txt"
"$S" dunning letter --party rossi --date 2026-06-15 --book "$b" >/dev/null 2>"$d/err"
[ $? = 1 ] && grep -q "letters/anna/dunning-3.en.txt:2: {totl} is not a placeholder" "$d/err"
check $? "the book's own text is used, and its unknown placeholder refused with file and line"
[ "$(letters)" = 2 ]
check $? "none of them recorded anything"
printf 'Dear {party}, pay {total}.\n' >"$d/letters/anna/dunning-3.en.txt"
out=$("$S" dunning letter --party rossi --date 2026-06-15 --book "$b" 2>/dev/null)
[ "$out" = "Dear Rossi Srl, pay 1.230,34." ]
check $? "the book's own text for level 3"
# a day past its month's length is no date: refused, nothing recorded
for day in 2026-02-31 2026-02-29 2026-04-31; do
	"$S" dunning letter --party rossi --date $day --book "$b" >/dev/null 2>"$d/err"
	[ $? = 2 ] && grep -q "not $day" "$d/err" && [ "$(letters)" = 3 ]
	check $? "--date $day refused as no date, nothing recorded"
done
echo "1..$n"
