#!/bin/sh
# `scrivano fatturapa export`: two January invoices and a February one,
# issued, exported by number into a folder (the names printed, each file
# valid for `xmllint --schema` against $SCRIVANO_FATTURAPA's XSD and for
# `scrivano fatturapa check`), again (the same files kept, none made), a
# month as one zip (`unzip -l`: January's two, not February's), a file
# imported into another book giving the same totals; refused with nothing
# stored: a draft, a document that breaks the schema (00200 and its field
# named), no schema installed; usage errors are status 2.
. "$(dirname "$0")/tap.sh"
S=${SCRIVANO:?}
FP=${SCRIVANO_FATTURAPA:-}
if [ -z "$FP" ] || [ ! -f "$FP/Schema_del_file_xml_FatturaPA_v1.2.2.xsd" ]; then
	echo "1..0 # SKIP no FatturaPA schema (SCRIVANO_FATTURAPA)"
	exit 0
fi
XSD=$FP/Schema_del_file_xml_FatturaPA_v1.2.2.xsd
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
b=$d/studio.sqlite
q() { sqlite3 "$b" "$1"; }
export LANG=C LC_ALL=C
files() { q "SELECT count(*) || ' ' || coalesce(group_concat(name, ' '), '') FROM sdi_files"; }

"$S" book init "$b" >/dev/null 2>&1; check $? "a new book"
# the company, a customer, three invoices (two in January), a draft, and an
# invoice whose Causale line is longer than the schema's 200 characters
long=$(printf 'x%.0s' $(seq 1 250))
q "UPDATE company SET name = 'Studio Bianchi Srl', piva = '01234567897', address = 'Via Roma',
     street_no = '1', cap = '20100', city = 'Milano', province = 'MI';
   INSERT INTO parties (role, kind, name, piva, country, address, cap, city, province, sdi)
     VALUES ('C', 'C', 'Rossi Srl', '09876540015', 'IT', 'Via Verdi', '10100', 'Torino', 'TO',
     'ABC1234');
   INSERT INTO documents (direction, kind, state, party_id, type, date, pay_terms, pay_method,
     causale) VALUES
     ('S', 'FAT', 'D', 1, 'TD01', '2026-01-05', '30', 'MP05', ''),
     ('S', 'FAT', 'D', 1, 'TD01', '2026-01-20', '', '', ''),
     ('S', 'FAT', 'D', 1, 'TD01', '2026-02-03', '', '', ''),
     ('S', 'FAT', 'D', 1, 'TD01', '2026-02-04', '', '', ''),
     ('S', 'FAT', 'D', 1, 'TD01', '2026-02-05', '', '', '$long');
   INSERT INTO document_lines (document_id, seq, line_no, description, quantity, unit_price,
     total, vat_rate) VALUES
     (1, 1, 1, 'Consulenza', '1.00', '100.00', '100.00', 2200),
     (1, 2, 2, 'Trasferta', '2.00', '25.50', '51.00', 1000),
     (2, 1, 1, 'Corso', '3.00', '80.00', '240.00', 2200),
     (3, 1, 1, 'Assistenza', '1.00', '60.00', '60.00', 2200),
     (4, 1, 1, 'Bozza', '1.00', '10.00', '10.00', 2200),
     (5, 1, 1, 'Servizio', '1.00', '10.00', '10.00', 2200)"
check $? "a company, a customer, five documents"
for i in 1 2 3 5; do "$S" document issue $i --book "$b" >/dev/null 2>&1 || echo "# issue $i failed"; done
[ "$(q "SELECT group_concat(state, '') FROM documents")" = "IIIDI" ]; check $? "four issued, one draft"

mkdir "$d/out"
"$S" fatturapa export --book "$b" --output "$d/out" 1 2 > "$d/o" 2>"$d/e"
[ $? = 0 ]; check $? "export 1 2: status 0"
sed 's/^/# /' "$d/o" "$d/e"
[ "$(cat "$d/o")" = "$d/out/IT01234567897_00001.xml
$d/out/IT01234567897_00002.xml" ]; check $? "the files' names printed, progressivo 00001 and 00002"
for f in "$d"/out/*.xml; do
	xmllint --nonet --noout --schema "$XSD" "$f" 2>"$d/x"; check $? "xmllint --schema: $(basename "$f")"
	sed 's/^/# /' "$d/x"
	"$S" fatturapa check --quiet "$f" > "$d/c"; check $? "scrivano fatturapa check: $(basename "$f")"
	sed 's/^/# /' "$d/c"
done
grep -q "<ImportoTotaleDocumento>178.10</ImportoTotaleDocumento>" "$d/out/IT01234567897_00001.xml"
check $? "the first's total 122.00 + 56.10"
grep -q "<CodiceDestinatario>ABC1234</CodiceDestinatario>" "$d/out/IT01234567897_00001.xml"
check $? "to the customer's SDI code"
[ "$(q "SELECT group_concat(sdi_state, '') FROM documents WHERE id IN (1, 2)")" = "XX" ]
check $? "both documents' SdI state X (made)"
[ "$(sha256sum < "$d/out/IT01234567897_00001.xml" | cut -d' ' -f1)" = "$(q "SELECT sha256 FROM sdi_files WHERE id = 1")" ]
check $? "the file written is the one stored (its SHA-256)"

before=$(files)
"$S" fatturapa export --book "$b" --output "$d/out" 1 > "$d/o" 2>&1
[ $? = 0 ] && grep -q "IT01234567897_00001.xml (kept: unchanged since made)" "$d/o"
check $? "again: the same file kept"
[ "$(files)" = "$before" ]; check $? "no file made"

"$S" fatturapa export --book "$b" --output "$d/out" 4 > "$d/o" 2>"$d/e"
[ $? = 1 ] && grep -q "is a draft: issue it first" "$d/e"; check $? "a draft: status 1, said"
"$S" fatturapa export --book "$b" --output "$d/out" 5 > "$d/o" 2>"$d/e"
[ $? = 1 ] && grep -q "FAT 4/2026 not exported: 00200: .*Causale" "$d/e"
check $? "the schema's rule and its field named: status 1"
sed 's/^/# /' "$d/e"
SCRIVANO_FATTURAPA=$d/none "$S" fatturapa export --book "$b" 3 > "$d/o" 2>"$d/e"
[ $? = 1 ] && grep -q -- "--with-fatturapa-schema=DIR installs it" "$d/e"
check $? "no schema: status 1, how to install it"
[ "$(files)" = "$before" ] && [ "$(q "SELECT sdi_state FROM documents WHERE id = 5")" = "" ]
check $? "the refusals stored nothing"
[ ! -e "$d/out/IT01234567897_00003.xml" ]; check $? "and wrote no file"

"$S" fatturapa export --book "$b" --period 2026-01 --zip "$d/gennaio.zip" > "$d/o" 2>"$d/e"
[ $? = 0 ] && grep -q "gennaio.zip: 2 file(s) of 2026-01" "$d/o"; check $? "January as a zip"
[ "$(unzip -Z1 "$d/gennaio.zip" | tr '\n' ' ')" = "IT01234567897_00001.xml IT01234567897_00002.xml " ]
check $? "unzip -l: January's two files"
unzip -l "$d/gennaio.zip" | sed 's/^/# /'
unzip -p "$d/gennaio.zip" IT01234567897_00002.xml | cmp -s - "$d/out/IT01234567897_00002.xml"
check $? "the zip holds the stored bytes"
"$S" fatturapa export --book "$b" --period 2026-02 --zip "$d/feb.zip" > "$d/o" 2>"$d/e"
[ $? = 1 ] && [ "$(unzip -Z1 "$d/feb.zip")" = "IT01234567897_00003.xml" ]
check $? "February: its good invoice zipped, the bad one reported, status 1"

# the file into another book: the same totals
o=$d/other.sqlite
"$S" book init "$o" >/dev/null 2>&1
"$S" fatturapa import --book "$o" "$d/out/IT01234567897_00001.xml" > "$d/o" 2>&1
check $? "imported into another book"
sed 's/^/# /' "$d/o"
[ "$(sqlite3 "$o" "SELECT total || ' ' || taxable || ' ' || tax || ' ' || payable FROM documents")" = \
  "$(q "SELECT total || ' ' || taxable || ' ' || tax || ' ' || payable FROM documents WHERE id = 1")" ]
check $? "with the same totals"
[ "$(sqlite3 "$o" "SELECT group_concat(amount) FROM document_payments")" = \
  "$(q "SELECT group_concat(amount) FROM document_payments WHERE document_id = 1")" ]
check $? "and the same payments"

"$S" fatturapa export --book "$b" > "$d/o" 2>&1; [ $? = 2 ]; check $? "no document nor period: status 2"
"$S" fatturapa export --book "$b" --zip "$d/z.zip" 1 > "$d/o" 2>&1; [ $? = 2 ]; check $? "--zip without --period: status 2"
"$S" fatturapa export --book "$b" --period 2026-13 > "$d/o" 2>&1; [ $? = 2 ]; check $? "a month 13: status 2"
"$S" fatturapa export --book "$b" x1 > "$d/o" 2>&1; [ $? = 2 ]; check $? "a number that is not: status 2"
"$S" fatturapa export --book "$d/nobook.sqlite" 1 > "$d/o" 2>&1
[ $? = 1 ] && [ ! -e "$d/nobook.sqlite" ]; check $? "no such book: status 1, none made"
echo "1..$n"
