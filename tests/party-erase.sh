#!/bin/sh
# `scrivano party erase`: a person with an issued invoice keeps the name,
# codice fiscale and address the invoice reads, loses telephone, e-mail
# and notes, and the report lists both with why; the history verifies
# after the erasure and holds none of the erased values, nor does any byte
# of the file (free pages and WAL included); a person named by no record
# is deleted whole; a company and an unknown number are refused with
# nothing changed; after the erasure, a change behind the program's back
# in a redacted entry, in the erasure's own entry or in the kept row is
# still found by verify.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
MAKE_DOC=${abs_top_builddir:-.}/tests/doc-make
b=$d/anna.sqlite
q() { sqlite3 "$b" "$1"; }
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# what the book holds: every party, and the history's length
state() { q "SELECT (SELECT group_concat(id || kind || name || phone || email || notes || version, ',') FROM parties),
	(SELECT count(*) FROM history)"; }
# the erased values, anywhere in the file's bytes
in_bytes() { cat "$b" "$b-wal" 2>/dev/null | grep -a -c -e "$1"; }

company="company:name=Rossi Srl|piva=12345678903|cf=12345678903|address=Via Roma|street_no=1|cap=20100|city=Milano|province=MI|regime=RF01"
lonely="party:role=C|kind=P|last_name=Bianchi|first_name=Ottavio|cf=BNCTTV75C12H501V|phone=06 5550111|email=ottavio.bianchi@example.org|notes=Ha chiesto solo un preventivo a voce"
firm="party:role=C|kind=C|name=Gialli Costruzioni Srl|piva=01234567897|phone=051 5550122|notes=Cliente storico"
person="party:role=C|kind=P|last_name=Verdi|first_name=Giuseppina|cf=VRDGPP80A41F205B|address=Via Zamboni|street_no=7|cap=40126|city=Bologna|province=BO|phone=347 5550199|email=giuseppina.verdi@example.org|notes=Preferisce essere chiamata la sera"
"$MAKE_DOC" "$b" "$company" "$lonely" "$firm" "$person" \
	"doc:direction=S|kind=FAT|type=TD01|state=I|number=1/2026|numbering=F|year=2026|seq=1|date=2026-01-07|taxable=10000|tax=2200|total=12200|payable=12200" \
	"lines:description=Consulenza fiscale|quantity=1.00|unit=pz|unit_price=100.00|total=100.00|vat_rate=2200" \
	"vat:vat_rate=2200|taxable=10000|tax=2200|esigibilita=I" >"$d/out" 2>"$d/err"
check $? "a person with no record (1), a company (2), a person with invoice 1/2026 issued (3)"
sed 's/^/# /' "$d/err"
"$S" book verify "$b" >"$d/out" 2>&1; check $? "the book verifies clean before the erasure"
[ "$(in_bytes '5550199')" -gt 0 ] && [ "$(in_bytes 'giuseppina.verdi@example.org')" -gt 0 ] &&
	[ "$(in_bytes 'chiamata la sera')" -gt 0 ]
check $? "before it, the file's bytes hold the telephone, e-mail and notes"

# Refusals: nothing changes.
before=$(state)
"$S" party erase 2 --book "$b" >"$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "Gialli Costruzioni Srl (number 2) is a company: its data are not personal data; nothing was erased" "$d/err"
check $? "a company is refused: status 1, named"
sed 's/^/# /' "$d/err"
"$S" party erase 9 --book "$b" >"$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "there is no customer or supplier number 9" "$d/err"; check $? "an unknown number is refused: status 1"
"$S" party erase x1 --book "$b" >"$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "'x1' is not a customer's or supplier's number" "$d/err"; check $? "a number that is not one: status 1"
"$S" party erase 3 >"$d/out" 2>"$d/err"
[ $? = 2 ] && grep -q "\-\-book BOOK is needed" "$d/err"; check $? "without --book: status 2"
"$S" party forget 3 --book "$b" >"$d/out" 2>"$d/err"
[ $? = 2 ] && grep -q "unknown subcommand 'forget'" "$d/err"; check $? "an unknown subcommand: status 2"
[ "$(state)" = "$before" ]; check $? "the refusals changed nothing"

# The person with an invoice.
"$S" party erase 3 --book "$b" >"$d/report" 2>"$d/err"
check $? "scrivano party erase 3"
sed 's/^/# /' "$d/report" "$d/err"
sed -n '/^Erased:/,/^$/p' "$d/report" >"$d/erased"
sed -n '/^Kept/,/^$/p' "$d/report" >"$d/kept"
grep -q "^  Telephone: erased$" "$d/erased" && grep -q "^  E-mail: erased$" "$d/erased" &&
	grep -q "^  Notes: erased$" "$d/erased"
check $? "the report lists telephone, e-mail and notes as erased"
grep -q "Invoice 1/2026 of 07/01/2026: kept until 07/01/2036" "$d/kept" &&
	grep -q "ten years, art. 2220 codice civile" "$d/kept" && grep -q "codice fiscale and address" "$d/kept"
check $? "and what is kept: the names, codice fiscale and address, for invoice 1/2026, ten years"
[ "$(q "SELECT name || '|' || cf || '|' || address || '|' || city || '|' || phone || '|' || email || '|' || notes FROM parties WHERE id = 3")" = \
	"Verdi Giuseppina|VRDGPP80A41F205B|Via Zamboni|Bologna|||" ]
check $? "the record keeps name, codice fiscale and address; telephone, e-mail and notes are empty"
"$S" document print 1 --book "$b" >"$d/print" 2>&1 && grep -q "Verdi Giuseppina" "$d/print" &&
	grep -q "Via Zamboni 7" "$d/print" && [ "$(q "SELECT party_id || state FROM documents WHERE id = 1")" = 3I ]
check $? "the invoice still names Verdi Giuseppina at Via Zamboni 7, issued"
"$S" book verify "$b" >"$d/out" 2>&1; check $? "the history verifies after the erasure"
sed 's/^/# /' "$d/out"
[ "$(q "SELECT count(*) FROM history WHERE op = 'erase' AND tbl = 'parties' AND rid = '3'")" = 1 ]
check $? "the history records the erasure"
[ "$(q "SELECT count(*) FROM history WHERE before || after LIKE '%5550199%' OR before || after LIKE '%giuseppina.verdi%' OR before || after LIKE '%chiamata la sera%'")" = 0 ]
check $? "and no history entry keeps the erased values"
[ "$(in_bytes '5550199')" = 0 ] && [ "$(in_bytes 'giuseppina.verdi@example.org')" = 0 ] &&
	[ "$(in_bytes 'chiamata la sera')" = 0 ]
check $? "no byte of the file keeps them (free pages and WAL included)"

# The person no record names: deleted whole.
"$S" party erase 1 --book "$b" >"$d/report" 2>"$d/err"
check $? "scrivano party erase 1"
grep -q "the whole record, deleted: no record the law keeps names it" "$d/report" &&
	grep -q "^  Telephone: erased$" "$d/report" && ! grep -q "^Kept" "$d/report"
check $? "the report says the record was deleted whole"
[ "$(q "SELECT count(*) FROM parties WHERE id = 1")" = 0 ]; check $? "it is gone"
"$S" book verify "$b" >"$d/out" 2>&1; check $? "the history verifies"
sed 's/^/# /' "$d/out"
[ "$(in_bytes 'Ottavio')" = 0 ] && [ "$(in_bytes '5550111')" = 0 ] && [ "$(in_bytes 'BNCTTV75C12H501V')" = 0 ]
check $? "no byte of the file keeps its name, telephone or codice fiscale"
"$S" party erase 1 --book "$b" >"$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "there is no customer or supplier number 1" "$d/err"; check $? "erasing it again: it is not there"
"$S" party erase 3 --book "$b" >"$d/report" 2>"$d/err" && grep -q "^  no field left to erase$" "$d/report" &&
	"$S" book verify "$b" >"$d/out" 2>&1
check $? "erasing the kept person again: no field left to erase, and it verifies"

# Tampering after the erasure: each change on a copy of the book as the
# erasure left it; verify must say status 1 and name what it found.
cp "$b" "$d/copy.sqlite"
tampered() { # SQL, what verify must say, the check's words
	cp "$d/copy.sqlite" "$b"
	q "$1"
	"$S" book verify "$b" >"$d/out" 2>&1
	[ $? = 1 ] && grep -q "$2" "$d/out"
	check $? "$3"
	sed 's/^/# /' "$d/out"
}
red=$(q "SELECT seq FROM history WHERE tbl = 'parties' AND rid = '3' AND op = 'insert'")
tampered "UPDATE history SET after = json_set(after, '$.phone', '347 5550199') WHERE seq = $red" \
	"history entry $red: its hash does not match its content" "a value put back in a redacted entry is found"
tampered "UPDATE history SET after = replace(after, '[[', '[[1') WHERE seq = (SELECT min(seq) FROM history WHERE op = 'erase' AND rid = '3')" \
	"its hash does not match its content" "a change in the erasure's own entry is found"
tampered "UPDATE history SET after = 'not JSON' WHERE seq = (SELECT max(seq) FROM history WHERE op = 'erase')" \
	"its hash does not match its content" "an erasure's entry made into no JSON is found as a change, not an error"
tampered "UPDATE parties SET city = 'Modena' WHERE id = 3" \
	"parties 3: differs from its last history entry" "a change of the kept row is found"
echo "1..$n"
