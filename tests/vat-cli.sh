#!/bin/sh
# `scrivano vat` on a quarterly company's book: the sales register with its
# totals by rate (the split payment's and the reverse charge's VAT apart),
# the purchases register as a PDF read back with pdftotext (not replaced
# without --force); the settlement of 2026Q1 (1.949,30, the hand computation
# of tests/unit/test-vat-settle.c) kept with its F24 draft (6031), not made
# twice; the bollo's draft, and the ritenute's by the payments of the open
# items, in part in two months; bad periods, amounts,
# options and a month of a quarterly company refused, nothing changed.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
b=$d/anna.sqlite
q() { sqlite3 "$b" "$1"; }
export LANG=C LC_ALL=C
# what the book holds: the F24s with their rows, the settlements kept
state() { q "SELECT (SELECT group_concat(f.id || ':' || e.code || ':' || e.debit, ',') FROM f24 f
	JOIN f24_erario e ON e.f24_id = f.id), (SELECT group_concat(period || ':' ||
	coalesce(f24_id, '-') || ':' || version, ',') FROM vat_settlements)"; }

"$S" book init "$b" >/dev/null 2>&1; check $? "a new book"
q "UPDATE company SET name = 'Studio Bianchi Srl', piva = '01234567897', vat_periodicity = 'T';
   INSERT INTO parties (id, role, name, piva) VALUES (1, 'C', 'Rossi Spa', '12345678903'),
     (2, 'C', 'Comune di Milano', '09876543217'), (3, 'S', 'Alfa Srl', '02468135799'),
     (4, 'S', 'Edile Srl', '01111111116'), (5, 'S', 'Studio Verdi', '01357924685');
   INSERT INTO documents (id, direction, kind, state, party_id, type, number, date, taxable,
     tax, total, split_payment, bollo) VALUES
     (1, 'S', 'FAT', 'I', 1, 'TD01', '1/2026', '2026-01-15', 1000000, 220000, 1220000, 0, 200),
     (2, 'S', 'FAT', 'I', 1, 'TD01', '2/2026', '2026-02-10', 500000, 50000, 550000, 0, 200),
     (3, 'S', 'FAT', 'I', 2, 'TD01', '3/2026', '2026-03-05', 200000, 44000, 244000, 1, 0),
     (4, 'S', 'NC', 'I', 1, 'TD04', '4/2026', '2026-03-20', 50000, 11000, 61000, 0, 0),
     (5, 'S', 'AUT', 'I', 4, 'TD16', '1/2026', '2026-03-10', 100000, 22000, 122000, 0, 0),
     (6, 'P', 'FA', 'I', 3, 'TD01', 'A-7', '2026-02-20', 300000, 66000, 366000, 0, 0),
     (7, 'P', 'FA', 'I', 4, 'TD01', 'B-3', '2026-03-08', 100000, 0, 100000, 0, 0),
     (8, 'P', 'FA', 'I', 5, 'TD06', 'P-1', '2026-04-01', 100000, 22000, 122000, 0, 0);
   INSERT INTO document_vat (document_id, seq, vat_rate, natura, taxable, tax, esigibilita)
     VALUES (1, 1, 2200, '', 1000000, 220000, 'I'), (2, 1, 1000, '', 500000, 50000, 'I'),
     (3, 1, 2200, '', 200000, 44000, 'S'), (4, 1, 2200, '', 50000, 11000, 'I'),
     (5, 1, 2200, '', 100000, 22000, 'I'), (6, 1, 2200, '', 300000, 66000, 'I'),
     (7, 1, 0, 'N6.7', 100000, 0, 'I'), (8, 1, 2200, '', 100000, 22000, 'I');
   INSERT INTO document_withholdings (document_id, seq, type, rate, amount, causale)
     VALUES (8, 1, 'RT01', 2000, 20000, 'A');
   INSERT INTO document_payments (document_id, seq, due, amount, paid)
     VALUES (8, 1, '2026-04-30', 102000, '2026-04-10');
   INSERT INTO vat_protocols (document_id, year, number) VALUES (5, 2026, 1), (6, 2026, 2),
     (7, 2026, 3), (8, 2026, 4);
   INSERT INTO open_items (id, document_id, seq, side, party_id, due, amount)
     VALUES (1, 8, 1, 'P', 5, '2026-04-30', 102000);
   INSERT INTO pn_entries (id, account_id, date, description, amount, causale, party_id)
     VALUES (1, (SELECT id FROM pn_accounts WHERE name = 'Banca'), '2026-05-05',
     'Payment of P-1', -61200, 'PF', 5);
   INSERT INTO item_links (item_id, entry_id, amount, date) VALUES (1, NULL, 40800, '2026-04-10'),
     (1, 1, 61200, NULL);"
check $? "Q1 2026: sales at 22% and 10%, split payment, a credit note, reverse charge, purchases"

"$S" vat register sales --period 2026Q1 --book "$b" > "$d/out" 2>&1
check $? "the sales register"
grep -q "^3/2026 .*Comune di Milano .*22% .*2.000,00 .*440,00 SP$" "$d/out"
check $? "the split-payment sale marked SP"
grep -q "^1/2026 .*Edile Srl .*22% .*1.000,00 .*220,00 RC$" "$d/out"
check $? "the self-invoice marked RC, after the invoices"
grep -q "^4/2026 .*-500,00 .*-110,00" "$d/out"; check $? "the credit note less"
grep -q "^22% .*12.500,00 .*2.090,00 .*440,00 .*220,00$" "$d/out"
check $? "22%: taxable, VAT, split payment and reverse charge in their columns"
grep -q "^10% .*5.000,00 .*500,00 .*0,00 .*0,00$" "$d/out"; check $? "10%"
[ "$(awk 'length > 76' "$d/out" | wc -l)" = 0 ]; check $? "no line past 76 columns"

"$S" vat register purchases --period 2026Q1 --pdf "$d/acquisti.pdf" --book "$b" > "$d/out" 2>&1
check $? "the purchases register as a PDF"
pdftotext -layout "$d/acquisti.pdf" "$d/pdf.txt" 2>/dev/null
grep -q "VAT purchases register 2026Q1" "$d/pdf.txt" && grep -q "A-7" "$d/pdf.txt" &&
	grep -q "N6.7" "$d/pdf.txt" && grep -q "Edile Srl" "$d/pdf.txt"
check $? "pdftotext reads its title, the purchases and the N6.7"
grep -q "^ *2 .*A-7" "$d/pdf.txt"; check $? "by protocol"
"$S" vat register purchases --period 2026Q1 --pdf "$d/acquisti.pdf" --book "$b" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "acquisti.pdf" "$d/out"; check $? "an existing PDF is not replaced: $(cat "$d/out")"
"$S" vat register purchases --period 2026Q1 --pdf "$d/acquisti.pdf" --force --book "$b" >/dev/null 2>&1
check $? "with --force it is"

before=$(state)
"$S" vat settle --period 2026Q1 --book "$b" > "$d/out" 2>&1; check $? "the settlement of 2026Q1"
grep -q "^VP4 .* 2.810,00$" "$d/out" && grep -q "^VP5 .* 880,00$" "$d/out" &&
	grep -q "^VP12 .* 19,30$" "$d/out" && grep -q "^VP14 .* 1.949,30 *0,00$" "$d/out"
check $? "its quadro VP: VP4 2.810,00, VP5 880,00, VP12 19,30, VP14 1.949,30"
grep -q "To pay: 1.949,30 with code 6031, year 2026" "$d/out"; check $? "to pay with 6031"
[ "$(state)" = "$before" ]; check $? "without --save nothing is kept"
for bad in 2026Q5 2026-13 26Q1 ""; do
	"$S" vat settle --period "$bad" --book "$b" > "$d/out" 2>&1
	[ $? = 2 ] && grep -q "is not a period" "$d/out"; check $? "period '$bad' refused: $(cat "$d/out")"
done
"$S" vat settle --period 2026-03 --save --book "$b" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "quarterly" "$d/out"; check $? "a month of a quarterly company: $(cat "$d/out")"
"$S" vat settle --period 2026Q1 --credit dieci --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q "credit dieci" "$d/out"; check $? "a bad credit refused"
"$S" vat settle --period 2026Q1 --pdf x.pdf --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q "unknown option" "$d/out"; check $? "an option settle does not take"
"$S" vat settle --period 2026Q1 > "$d/out" 2>&1
[ $? = 2 ] && grep -q "book BOOK is needed" "$d/out"; check $? "--book needed"
"$S" vat sttle --period 2026Q1 --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q "unknown subcommand 'sttle'" "$d/out"; check $? "an unknown subcommand"
"$S" vat register --period 2026Q1 --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q "register takes 1 word" "$d/out"; check $? "register needs sales or purchases"
"$S" vat settle 2026Q1 --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q "settle takes 0 word" "$d/out"; check $? "settle takes no word"
"$S" vat register both --period 2026Q1 --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q "sales or purchases" "$d/out"; check $? "register both refused"
"$S" vat settle --period 2026Q1 --book "$d/none.sqlite" > "$d/out" 2>&1
[ $? = 1 ] && [ ! -e "$d/none.sqlite" ]; check $? "no book made by a typo"
[ "$(state)" = "$before" ]; check $? "nothing changed by the refusals"

"$S" vat settle --period 2026Q1 --f24 --book "$b" > "$d/out" 2>&1; check $? "settle --f24"
grep -q "^F24 draft 1: code 6031, year 2026, 1.949,30, due 2026-05-18" "$d/out"
check $? "it says its draft: $(tail -1 "$d/out")"
[ "$(q "SELECT f.state, e.code, e.year, e.debit, f.due_date FROM f24 f JOIN f24_erario e ON
	e.f24_id = f.id")" = "D|6031|2026|194930|2026-05-18" ]; check $? "the book: a draft, 6031 2026 1,949.30"
[ "$(q "SELECT period, f24_id, to_pay FROM vat_settlements")" = "2026Q1|1|194930" ]
check $? "the settlement kept, linked to it"
before=$(state)
"$S" vat settle --period 2026Q1 --f24 --book "$b" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "delete the draft" "$d/out"; check $? "not twice: $(cat "$d/out")"
[ "$(state)" = "$before" ]; check $? "and nothing changed"

"$S" vat bollo --period 2026Q1 --f24 --book "$b" > "$d/out" 2>&1
grep -q "^Bollo: code 2521, year 2026, 4,00, due 2026-11-30" "$d/out" && grep -q "^F24 draft 2" "$d/out"
check $? "the bollo of Q1: 2521, 4,00, with Q2's and Q3's by 30 November: $(head -1 "$d/out")"
"$S" vat bollo --period 2026-03 --book "$b" > "$d/out" 2>&1
grep -q "give a quarter" "$d/out"; check $? "the bollo of a month refused"
# P-1's ritenuta of 200,00 on 1.020,00: 408,00 paid on 10 April outside the
# prima nota (40%: 80,00), 612,00 by a prima nota entry of 5 May (120,00)
"$S" vat ritenute --period 2026-04 --f24 --book "$b" > "$d/out" 2>&1
grep -q "^Ritenute: code 1040, year 2026, 80,00, due 2026-05-18" "$d/out"
check $? "the ritenute paid in April: 1040 by 18 May: $(head -1 "$d/out")"
[ "$(q "SELECT group_concat(code || ':' || debit) FROM f24_erario WHERE f24_id IN (2, 3)")" = "2521:400,1040:8000" ]
check $? "their drafts in the book"
"$S" vat ritenute --period 2026-05 --book "$b" > "$d/out" 2>&1
grep -q "^Ritenute: code 1040, year 2026, 120,00, due 2026-06-16" "$d/out"
check $? "the rest in May, by the prima nota entry's date: $(head -1 "$d/out")"
"$S" vat ritenute --period 2026-06 --book "$b" > "$d/out" 2>&1
[ $? = 0 ] && grep -q "no purchase with a ritenuta was paid in the month" "$d/out"
check $? "none in June: $(cat "$d/out")"
"$S" vat acconto --year 2026 --book "$b" > "$d/out" 2>&1
[ $? = 0 ] && grep -q "no acconto is due for 2026" "$d/out"; check $? "no acconto from an empty 2025"
for y in 26 0026 2026x; do
	"$S" vat acconto --year $y --book "$b" > "$d/out" 2>&1
	[ $? = 2 ] && grep -q "year YEAR is needed" "$d/out"; check $? "year $y refused"
done
echo "1..$n"
