#!/bin/sh
# `scrivano export`: a list as CSV from the command line, Italian and plain,
# filtered and sorted as the list would be, quoted by RFC 4180, formulas
# defused; a bad screen name, option or filter is refused with a message.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
S=${SCRIVANO:?}
b=$d/anna.sqlite
CR=$(printf '\r')
BOM=$(printf '\357\273\277')

"$S" book demo "$b" >/dev/null 2>&1; check $? "a demo book"
sqlite3 "$b" "
INSERT INTO parties (role, name, piva, city) VALUES ('S', '=HYPERLINK(\"http://x\")', '', 'Milano');
INSERT INTO parties (role, name, city) VALUES ('S', 'Bar \"Da Gino\"; e figli', 'Milano');
INSERT INTO parties (role, name, city) VALUES ('C', 'Cliente di Milano', 'Milano');
UPDATE articles SET supplier_id = (SELECT id FROM parties WHERE name LIKE 'Grafiche%')
  WHERE code = 'CARTA-A4';
INSERT INTO stock_moves (article_id, position, date, quantity)
  SELECT id, 99, '2026-01-10', 1000000 FROM articles WHERE code = 'CARTA-A4';
" 2>"$d/err"; check $? "with suppliers in Milano, a formula and a quote in names, a big stock"

LANG=C LC_ALL=C "$S" export --book "$b" --filter 'city = Milano' --sort name --reverse \
	--output "$d/it.csv" suppliers > "$d/out" 2>&1
check $? "export suppliers, filtered and sorted, into a file"
grep -q "^4 rows exported to $d/it.csv" "$d/out"; check $? "and says how many rows went where"
head -c 3 "$d/it.csv" | grep -q "^$BOM"; check $? "Italian: the file begins with the UTF-8 BOM"
tr -d '\r' < "$d/it.csv" | sed "1s/^$BOM//" > "$d/it.txt"
[ "$(sed -n 1p "$d/it.txt")" = "Name;City;Role;P.IVA" ]; check $? "a header row of the list's headings, ';' between"
[ "$(sed -n 2p "$d/it.txt")" = "Verdi Giuseppe;Milano;S;09345678123" ] &&
[ "$(sed -n 3p "$d/it.txt")" = "Grafiche Lombarde S.r.l.;Milano;S;07654321012" ] &&
[ "$(sed -n 4p "$d/it.txt")" = '"Bar ""Da Gino""; e figli";Milano;S;' ] &&
[ "$(sed -n 5p "$d/it.txt")" = '"'"'"'=HYPERLINK(""http://x"")";Milano;S;' ]
check $? "the suppliers of Milano only, by name descending; quotes doubled, a ';' quoted, the formula prefixed with an apostrophe"
sed -n 5p "$d/it.txt" | sed 's/^/# /'
[ "$(wc -l < "$d/it.txt")" = 5 ]; check $? "no customer, nobody from elsewhere"
[ "$(grep -c "$CR\$" "$d/it.csv")" = 5 ]; check $? "every row ends in CR LF"

"$S" export --book "$b" --format plain --sort code articles > "$d/plain.csv" 2>"$d/err"
check $? "export articles, plain, to stdout"
head -c 3 "$d/plain.csv" | grep -q "^$BOM"; [ $? = 1 ]; check $? "plain: no BOM by default"
tr -d '\r' < "$d/plain.csv" > "$d/plain.txt"
[ "$(sed -n 1p "$d/plain.txt")" = "Code,Description,Stock on hand,Unit,Supplier" ]; check $? "plain: ',' between headings"
grep -q '^CARTA-A4,"Carta per fotocopie A4 80 g, risma da 500 fogli",1152.50,RS,Grafiche Lombarde S.r.l.$' "$d/plain.txt"
check $? "plain: 1152.50 (no grouping, a decimal point), a ',' quoted, the lookup by its name"
grep '^CARTA' "$d/plain.txt" | sed 's/^/# /'
"$S" export --book "$b" --sort code articles > "$d/it2.csv" 2>"$d/err"
grep -q '^CARTA-A4;Carta per fotocopie A4 80 g, risma da 500 fogli;1.152,50;RS;Grafiche Lombarde S.r.l.' "$d/it2.csv"
check $? "Italian: 1.152,50, as the list shows it"
"$S" export --book "$b" --format plain --bom -o - articles | head -c 3 | grep -q "^$BOM"
check $? "--bom gives a plain file the BOM; -o - is stdout"
"$S" export --book "$b" --no-bom customers | head -c 4 | grep -q "^Name"
check $? "--no-bom leaves it out of an Italian one"

LC_ALL=C.UTF-8 LANG=it_IT.UTF-8 LANGUAGE=it "$S" export --book "$b" --no-bom articles | head -1 | tr -d '\r' > "$d/head"
[ "$(cat "$d/head")" = "Codice;Descrizione;Giacenza;U.M.;Fornitore" ]; check $? "headings in the user's language"

"$S" export --book "$b" nonsense > "$d/out" 2>&1
[ $? = 2 ] && grep -q "no list is called 'nonsense'; the lists are: accounts, articles, documents, quotes, orders, ddt, invoices, deferred, advances, credit_notes, debit_notes, parcelle, supplier_orders, purchases, self_invoices, f24e, f24_elide, f24s, f24_semplificato, f24, f24o, f24due, ageing, ageing_receivables, ageing_payables, items, receivables, payables, overdue, items_paid, parties, customers, suppliers, primanota, vat" "$d/out"
check $? "a screen that is no list is refused, naming those that are"
"$S" export --book "$b" company > "$d/out" 2>&1
[ $? = 2 ] && grep -q "no list is called 'company'" "$d/out"; check $? "so is a form without a list"
"$S" export --book "$b" --colour red suppliers > "$d/out" 2>&1
[ $? = 2 ] && grep -q "unknown option" "$d/out" && grep -q usage "$d/out"; check $? "an unknown option shows the usage"
"$S" export --book "$b" --format excel suppliers > "$d/out" 2>&1
[ $? = 2 ] && grep -q "unknown format 'excel'" "$d/out"; check $? "an unknown format is refused"
"$S" export --book "$b" --filter 'colour = red' suppliers > "$d/out" 2>&1
[ $? = 2 ] && grep -q 'no column is called "colour"' "$d/out"; check $? "a filter on no column is refused"
"$S" export --book "$b" --sort notes suppliers > "$d/out" 2>&1
[ $? = 2 ] && grep -q 'cannot be sorted by Notes, only by Name, City, Role, Partita IVA' "$d/out"
check $? "an order the list does not have is refused, naming those it has"
"$S" export --book "$b" --sort colour suppliers > "$d/out" 2>&1
[ $? = 2 ] && grep -q 'no column is called "colour"; the list sorts by Name, City' "$d/out"
check $? "so is an order by no column"
"$S" export --book "$d/none.sqlite" suppliers > "$d/out" 2>&1
[ $? = 1 ] && grep -q "no book" "$d/out" && [ ! -e "$d/none.sqlite" ]; check $? "a missing book is refused, not made"
"$S" export suppliers > "$d/out" 2>&1
[ $? = 2 ] && grep -q -- "--book BOOK is needed" "$d/out"; check $? "--book is needed"
"$S" export --book "$b" --output "$d/no/such/dir.csv" suppliers > "$d/out" 2>&1
[ $? = 1 ] && grep -q "No such file" "$d/out"; check $? "a file that cannot be made is reported"
echo "1..$n"
