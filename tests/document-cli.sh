#!/bin/sh
# `scrivano document`: a quote of three lines (an article, a text line, a
# line with two chained discounts) is issued as 1/2026, becomes an order,
# the order a DDT (the article's stock goes down), the DDT an invoice
# (issued as 1/2026, the stock untouched, its payments by the terms
# 30/60 FM), the invoice a credit note for
# its third line (2/2026, its total the fiscal core's); the book holds the
# numbers, the links both ways and each line's origin; a draft source, a
# second credit of the same line, an issue again, a state going back, bad
# numbers and kinds are refused with status 1 and nothing changed; usage
# is status 2; list filters and totals its rows.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
b=$d/anna.sqlite
q() { sqlite3 "$b" "$1"; }
export LANG=C LC_ALL=C
# what the book holds: documents, lines, links, stock
state() { q "SELECT (SELECT group_concat(id || kind || state || number || version, ',') FROM documents),
	(SELECT count(*) FROM document_lines), (SELECT count(*) FROM document_links),
	(SELECT coalesce(sum(quantity), 0) FROM stock_moves)"; }
new_doc() { sed -n 's/^document \([0-9]*\): .*/\1/p' "$d/out"; }

"$S" book init "$b" >/dev/null 2>&1; check $? "a new book"
q "INSERT INTO parties (role, kind, name, piva, country) VALUES
     ('C', 'C', 'Cliente Srl', '01234567897', 'IT');
   INSERT INTO articles (code, description, unit, unit_price, vat_rate)
     VALUES ('CARTA', 'Carta A4', 'pz', 1000000000, 2200);
   INSERT INTO stock_moves (article_id, position, date, quantity, reason)
     VALUES (1, 1, '2026-01-01', 10000, 'inventario');
   INSERT INTO documents (direction, kind, state, party_id, type, date, pay_terms, pay_method)
     VALUES ('S', 'PRE', 'D', 1, '', '2026-01-05', '30/60 FM', 'MP05');
   INSERT INTO document_lines (document_id, seq, line_no, description, quantity, unit,
     unit_price, discounts, total, vat_rate, line_type, article_id, code) VALUES
     (1, 1, 1, 'Carta A4', '4.00', 'pz', '10.00', '', '40.00', 2200, '', 1, 'CARTA'),
     (1, 2, 2, 'Consegna entro marzo', '', '', '0.00', '', '0.00', 2200, 'T', NULL, ''),
     (1, 3, 3, 'Toner', '2.00', 'pz', '50.00', 'SC 10.00%; SC 5.00%', '0.00', 2200, '', NULL, '')"
check $? "a customer, an article with 10 in stock, a draft quote of three lines"

before=$(state)
"$S" document convert 1 --to ORD --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "PRE draft 1 is a draft: issue it first" "$d/err"; check $? "a draft quote is not converted: status 1"
"$S" document convert 1 --book "$b" > "$d/out" 2>"$d/err"
[ $? = 2 ] && grep -q "convert: --to KIND is needed" "$d/err"; check $? "convert without --to: status 2"
"$S" document issue x1 --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "'x1' is not a document's number" "$d/err"; check $? "a number that is not one: status 1"
"$S" document issue 9 --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "there is no document number 9" "$d/err"; check $? "a document that is not there: status 1"
"$S" document frobnicate 1 --book "$b" > "$d/out" 2>"$d/err"
[ $? = 2 ] && grep -q "unknown subcommand 'frobnicate'" "$d/err"; check $? "an unknown subcommand: status 2"
[ "$(state)" = "$before" ]; check $? "the refusals changed nothing"

"$S" document issue 1 --book "$b" > "$d/out" 2>&1
[ $? = 0 ] && grep -q "^PRE 1/2026 issued (document 1): total 153,11" "$d/out"; check $? "the quote is issued as PRE 1/2026, its total computed: 153,11"
sed 's/^/# /' "$d/out"
[ "$(q "SELECT total || ' ' || taxable || ' ' || tax FROM documents WHERE id = 1")" = "15311 12550 2761" ]
check $? "the book holds the fiscal core's totals (40,00 + 85,50 at 22%)"
[ "$(q "SELECT total FROM document_lines WHERE document_id = 1 AND seq = 3")" = "85.50" ]
check $? "the discounted line's total: 2 x 50 less 10% then 5%"

"$S" document convert 1 --to ORD --date 2026-01-07 --book "$b" > "$d/out" 2>&1
ord=$(new_doc); [ -n "$ord" ] && grep -q "ORD draft $ord, 3 lines" "$d/out"; check $? "the quote becomes order $ord, a draft of three lines"
"$S" document issue "$ord" --book "$b" > "$d/out" 2>&1
grep -q "^ORD 1/2026 issued" "$d/out"; check $? "the order is issued as ORD 1/2026"
"$S" document convert "$ord" --to DDT --date 2026-01-10 --book "$b" > "$d/out" 2>&1
ddt=$(new_doc); [ -n "$ddt" ]; check $? "the order becomes DDT $ddt"
[ "$(q "SELECT sum(quantity) FROM stock_moves WHERE article_id = 1")" = "6000" ]
check $? "the DDT takes 4 of the paper out of stock: 6 left"
"$S" document issue "$ddt" --book "$b" > "$d/out" 2>&1
grep -q "^DDT 1/2026 issued" "$d/out"; check $? "the DDT is issued as DDT 1/2026"
"$S" document convert "$ord" --to DDT --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "everything of ORD 1/2026 was already delivered" "$d/err"; check $? "the order delivered is not delivered again"
"$S" document convert "$ddt" --to FAT --date 2026-01-12 --book "$b" > "$d/out" 2>&1
fat=$(new_doc); [ -n "$fat" ]; check $? "the DDT becomes invoice $fat"
"$S" document issue "$fat" --book "$b" > "$d/out" 2>"$d/err"
grep -q "^FAT 1/2026 issued (document $fat): total 153,11" "$d/out"; check $? "the invoice is issued as 1/2026, total 153,11"
[ ! -s "$d/err" ]; check $? "two days after its DDT: no warning"
[ "$(q "SELECT sum(quantity) FROM stock_moves WHERE article_id = 1")" = "6000" ]
check $? "an invoice after its DDT moves no stock"
[ "$(q "SELECT group_concat(mode || ' ' || due || ' ' || amount, ', ') FROM (SELECT * FROM document_payments WHERE document_id = $fat ORDER BY seq)")" = "MP05 2026-02-28 7656, MP05 2026-03-31 7655" ]
check $? "its schedule from the quote's terms, 30/60 FM: two instalments at the end of the month, the odd cent first"
[ "$(q "SELECT kind || type || state || numbering || year || '/' || seq FROM documents WHERE id = $fat")" = "FATTD01IF2026/1" ]
check $? "the book: FAT, TD01, issued, numbering F, 2026, seq 1"
[ "$(q "SELECT group_concat(from_id || '>' || to_id, ' ') FROM (SELECT * FROM document_links ORDER BY to_id)")" = "1>$ord $ord>$ddt $ddt>$fat" ]
check $? "each document linked to its source"
[ "$(q "SELECT count(*) FROM document_lines l JOIN document_lines f ON f.id = l.from_line WHERE l.document_id = $fat AND f.document_id = $ddt")" = 3 ]
check $? "each line of the invoice from its line of the DDT"
"$S" document show "$ddt" --book "$b" > "$d/out" 2>&1
grep -q "^From ORD 1/2026 of 2026-01-07 (document $ord, issued)" "$d/out" &&
	grep -q "^Made into FAT 1/2026 of 2026-01-12 (document $fat, issued)" "$d/out"
check $? "show: the DDT names the order it came from and the invoice made from it"

before=$(state)
"$S" document issue "$fat" --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "document 1/2026 is already issued" "$d/err"; check $? "the invoice is not issued again"
"$S" document convert "$fat" --to ORD --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "FAT 1/2026 can't become ORD: it may become NC, ND" "$d/err"; check $? "an invoice is not made an order"
"$S" document credit-note "$fat" --lines 4 --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "lines 4: the lines' numbers, 1 to 3" "$d/err"; check $? "a line the invoice has not: status 1"
[ "$(state)" = "$before" ]; check $? "nothing changed"

"$S" document credit-note "$fat" --lines 3 --date 2026-01-20 --book "$b" > "$d/out" 2>&1
nc=$(new_doc); [ -n "$nc" ] && grep -q "NC draft $nc, 1 lines" "$d/out"; check $? "a credit note $nc for the invoice's third line"
"$S" document issue "$nc" --book "$b" > "$d/out" 2>&1
grep -q "^NC 2/2026 issued (document $nc): total 104,31" "$d/out"; check $? "issued as 2/2026 (one numbering with invoices), total 104,31"
[ "$(q "SELECT type || ' ' || total || ' ' || (SELECT description || ' ' || quantity FROM document_lines WHERE document_id = $nc) FROM documents WHERE id = $nc")" = "TD04 10431 Toner 2.00" ]
check $? "the book: a TD04 of the Toner line, 104,31"
"$S" document credit-note "$fat" --lines 3 --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "everything of FAT 1/2026 was already credited" "$d/err"; check $? "the same line is not credited twice"

"$S" document state "$fat" sent --book "$b" > "$d/out" 2>&1
grep -q "document $fat is sent" "$d/out"; check $? "the invoice is sent"
"$S" document state "$fat" paid --book "$b" > "$d/out" 2>&1
[ "$(q "SELECT state FROM documents WHERE id = $fat")" = P ]; check $? "then paid"
before=$(state)
"$S" document state "$fat" sent --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "already paid" "$d/err"; check $? "a paid invoice is not sent again"
"$S" document state "$fat" draft --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "a document moves on to sent or paid" "$d/err"; check $? "nor made a draft"
[ "$(state)" = "$before" ]; check $? "nothing changed"

"$S" document list --kind FAT --book "$b" > "$d/out" 2>&1
grep -q "^ *$fat  FAT  *1/2026  *2026-01-12 paid  *Cliente Srl  *125,50  *27,61  *153,11" "$d/out" &&
	grep -q "^1 documents: taxable 125,50, VAT 27,61, total 153,11" "$d/out"
check $? "list --kind FAT: the invoice, and its totals"
"$S" document list --from 2026-01-12 --to 2026-01-31 --book "$b" > "$d/out" 2>&1
grep -q "^2 documents: taxable 40,00, VAT 8,80, total 48,80 (credit notes less)" "$d/out"
check $? "list of a period: the invoice less the credit note"
sed 's/^/# /' "$d/out"
"$S" document list --state draft --book "$b" > "$d/out" 2>&1
grep -q "^0 documents" "$d/out"; check $? "list --state draft: none left"
"$S" document list --kind XX --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "kind XX: not a kind of document" "$d/err"; check $? "an unknown kind: status 1"
echo "1..$n"
