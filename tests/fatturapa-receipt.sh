#!/bin/sh
# `scrivano fatturapa receipt`: an invoice issued and exported with the
# command line; its notifica di scarto imported (the outcome line, each
# error's code, text and suggestion under it; the file and the document
# rejected), the same file again already imported (status 0, nothing
# stored), a signed .p7m ricevuta di consegna of the corrected invoice's
# new file (delivered); refused with nothing stored and status 1: a message
# of no file of the book, not XML, a kind the name contradicts; usage
# errors are status 2, a book that does not exist is not made.
. "$(dirname "$0")/tap.sh"
S=${SCRIVANO:?}
FP=${SCRIVANO_FATTURAPA:-}
if [ -z "$FP" ] || [ ! -f "$FP/Schema_del_file_xml_FatturaPA_v1.2.2.xsd" ]; then
	echo "1..0 # SKIP no FatturaPA schema (SCRIVANO_FATTURAPA)"
	exit 0
fi
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
b=$d/studio.sqlite
q() { sqlite3 "$b" "$1"; }
export LANG=C LC_ALL=C LANGUAGE=
NS=http://www.fatturapa.gov.it/sdi/messaggi/v1.0
msg() { # root sdi_id nome_file rest
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<types:%s xmlns:types="%s" versione="1.0">\n<IdentificativoSdI>%s</IdentificativoSdI><NomeFile>%s</NomeFile>\n%s\n</types:%s>\n' \
		"$1" "$NS" "$2" "$3" "$4" "$1"
}
messages() { q "SELECT count(*) FROM sdi_messages"; }

"$S" book init "$b" >/dev/null 2>&1; check $? "a new book"
q "UPDATE company SET name = 'Studio Bianchi Srl', piva = '01234567897', address = 'Via Roma',
     street_no = '1', cap = '20100', city = 'Milano', province = 'MI';
   INSERT INTO parties (role, kind, name, piva, country, address, cap, city, province, sdi)
     VALUES ('C', 'C', 'Rossi Srl', '09876540015', 'IT', 'Via Verdi', '10100', 'Torino', 'TO',
     'ABC1234');
   INSERT INTO documents (direction, kind, state, party_id, type, date)
     VALUES ('S', 'FAT', 'D', 1, 'TD01', '2026-01-05');
   INSERT INTO document_lines (document_id, seq, line_no, description, quantity, unit_price,
     total, vat_rate) VALUES (1, 1, 1, 'Consulenza', '1.00', '100.00', '100.00', 2200)"
"$S" document issue 1 --book "$b" >/dev/null 2>&1 &&
	SCRIVANO_FATTURAPA=$FP "$S" fatturapa export --book "$b" --output "$d" 1 >/dev/null 2>&1
check $? "an invoice issued and exported (IT01234567897_00001.xml)"

msg NotificaScarto 4711 IT01234567897_00001.xml '<ListaErrori><Errore><Codice>00404</Codice><Descrizione>Fattura duplicata</Descrizione><Suggerimento>Verificare il numero</Suggerimento></Errore><Errore><Codice>00423</Codice><Descrizione>PrezzoTotale errato</Descrizione></Errore></ListaErrori><MessageId>1</MessageId>' \
	> "$d/IT01234567897_00001_NS_001.xml"
"$S" fatturapa receipt --book "$b" "$d/IT01234567897_00001_NS_001.xml" > "$d/o" 2>&1
[ $? = 0 ]; check $? "the NS: status 0"
sed 's/^/# /' "$d/o"
[ "$(cat "$d/o")" = "IT01234567897_00001_NS_001.xml: rejection (notifica di scarto) for FAT 1/2026 (file IT01234567897_00001.xml): now rejected, was made
  00404 Fattura duplicata (Verificare il numero)
  00423 PrezzoTotale errato" ]; check $? "what it was and what it moved, each error under it"
[ "$(q "SELECT f.state || f.sdi_id || d.sdi_state FROM sdi_files f JOIN documents d ON d.id = f.document")" = "R4711R" ]
check $? "the file and the document rejected, SdI's id on the file"

"$S" fatturapa receipt --book "$b" "$d/IT01234567897_00001_NS_001.xml" > "$d/o" 2>&1
[ $? = 0 ] && grep -q "already imported" "$d/o"; check $? "again: already imported, status 0"
[ "$(messages)" = 1 ]; check $? "nothing stored twice"

# corrected and exported again: 00002, then its RC, signed
SCRIVANO_FATTURAPA=$FP "$S" fatturapa export --book "$b" --output "$d" 1 > "$d/o" 2>&1
grep -q IT01234567897_00002.xml "$d/o"; check $? "exported again: a new file, 00002"
msg RicevutaConsegna 4712 IT01234567897_00002.xml '<DataOraConsegna>2026-01-06T10:00:00.000+01:00</DataOraConsegna><MessageId>2</MessageId>' > "$d/rc.xml"
if command -v openssl >/dev/null; then
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$d/k.pem" -out "$d/c.pem" -days 2 \
		-subj "/CN=Sistema di Interscambio" >/dev/null 2>&1
	openssl cms -sign -nodetach -binary -outform DER -in "$d/rc.xml" -signer "$d/c.pem" \
		-inkey "$d/k.pem" -out "$d/IT01234567897_00002_RC_001.xml.p7m" >/dev/null 2>&1
	"$S" fatturapa receipt --book "$b" "$d/IT01234567897_00002_RC_001.xml.p7m" > "$d/o" 2>&1
	[ $? = 0 ] && grep -q "now delivered, was made" "$d/o"; check $? "a signed RC: delivered"
	sed 's/^/# /' "$d/o"
	[ "$(q "SELECT sdi_state || state FROM documents")" = "CS" ]
	check $? "the document delivered, and sent"
	[ "$(q "SELECT signed || signer FROM sdi_messages WHERE kind = 'RC'")" = "1Sistema di Interscambio" ]
	check $? "the .p7m kept signed, its signer named"
else
	for i in 1 2 3; do echo "ok # SKIP no openssl"; n=$((n + 1)); done
fi

# refusals: status 1, nothing stored
before=$(messages)
msg RicevutaConsegna 9 IT09999999999_0000Z.xml '' > "$d/IT09999999999_0000Z_RC_001.xml"
"$S" fatturapa receipt --book "$b" "$d/IT09999999999_0000Z_RC_001.xml" > "$d/o" 2>&1
[ $? = 1 ] && grep -q "which is no file of this book: nothing was imported" "$d/o"
check $? "a message of no file of the book: status 1, named"
echo "not xml" > "$d/x_RC_001.xml"
"$S" fatturapa receipt --book "$b" "$d/x_RC_001.xml" > "$d/o" 2>&1
[ $? = 1 ] && grep -q "not well-formed XML" "$d/o"; check $? "not XML: status 1"
cp "$d/rc.xml" "$d/IT01234567897_00002_NS_009.xml"
"$S" fatturapa receipt --book "$b" "$d/IT01234567897_00002_NS_009.xml" > "$d/o" 2>&1
[ $? = 1 ] && grep -q "says NS, but it holds a RicevutaConsegna" "$d/o"
check $? "a name that says NS over an RC: status 1"
[ "$(messages)" = "$before" ]; check $? "none of them stored"

"$S" fatturapa receipt "$d/rc.xml" > "$d/o" 2>&1; [ $? = 2 ]; check $? "no --book: status 2"
"$S" fatturapa receipt --book "$b" > "$d/o" 2>&1; [ $? = 2 ]; check $? "no file: status 2"
"$S" fatturapa receipt --book "$d/none.sqlite" "$d/rc.xml" > "$d/o" 2>&1
[ $? = 1 ] && [ ! -e "$d/none.sqlite" ]; check $? "a book that does not exist: status 1, not made"
echo "1..$n"
