#!/bin/sh
# `scrivano primanota import`: an Italian bank's CSV and a camt.053 into the
# bank account of a new book, where one movement matches an unreconciled
# entry (reconciled now) and one is new ("da classificare"); the same file
# again adds nothing; a malformed file, another IBAN, an unknown account and
# a movement in a locked period (after one that would go in) add nothing,
# with messages naming the file and the line.
. "$(dirname "$0")/tap.sh"
d=$(mktemp -d) || exit 1
trap '[ -n "$KEEP" ] || rm -rf "$d"' EXIT
S=${SCRIVANO:?}
b=$d/anna.sqlite
IBAN=IT60X0542811101000000123456
q() { sqlite3 "$b" "$1"; }
export LANG=C LC_ALL=C

"$S" book init "$b" >/dev/null 2>&1; check $? "a new book (Cassa and Banca)"
q "UPDATE pn_accounts SET iban = '$IBAN', bank = 'Intesa Sanpaolo' WHERE name = 'Banca';
   INSERT INTO pn_entries (account_id, date, description, amount, causale)
     SELECT id, '2026-03-02', 'Fattura 12/2026 Rossi', 122000, 'IC' FROM pn_accounts WHERE name = 'Banca';
   INSERT INTO pn_entries (account_id, date, description, amount, causale)
     SELECT id, '2026-04-02', 'Bolletta ENEL marzo', -12345, 'PF' FROM pn_accounts WHERE name = 'Banca';"
check $? "Banca with its IBAN, an unreconciled receipt of 1.220,00 and a bill of 123,45"

# Intesa Sanpaolo's export: a preamble with the IBAN, Accrediti/Addebiti.
printf '%s\r\n' "Intesa Sanpaolo;;;;;" \
	"Conto corrente n. 1000/00012345 intestato a STUDIO BIANCHI;;;;;" \
	"IBAN: $IBAN;;;;;" "Periodo dal 01/03/2026 al 31/03/2026;;;;;" ";;;;;" \
	"Data contabile;Data valuta;Descrizione;Accrediti;Addebiti;Descrizione estesa" \
	'03/03/2026;03/03/2026;BONIFICO A VOSTRO FAVORE;1.220,00;;"BONIFICO DA ROSSI SRL; SALDO FATT. 12/2026"' \
	"05/03/2026;04/03/2026;PAGAMENTO POS;;45,90;POS 1234 ESSELUNGA MILANO" \
	";;;;;" "Saldo contabile finale;;;11.174,10;;" > "$d/intesa.csv"

"$S" primanota import "$d/intesa.csv" --account banca --book "$b" > "$d/out" 2>"$d/err"
check $? "import the CSV into Banca (its name in any case)"
[ "$(cat "$d/out")" = "1 matched, 1 new, 0 already in" ]; check $? "reports 1 matched, 1 new, 0 already in"
sed 's/^/# /' "$d/out" "$d/err"
[ "$(q "SELECT reconciled FROM pn_entries WHERE description = 'Fattura 12/2026 Rossi'")" = 1 ]
check $? "the receipt of 1.220,00 two days before is reconciled now"
[ "$(q "SELECT date, value_date, amount, causale, reconciled FROM pn_entries WHERE amount = -4590")" = "2026-03-05|2026-03-04|-4590|DC|1" ]
check $? "the POS payment is a new entry: booking and value date, -45,90, causale DC (da classificare), reconciled"
q "SELECT description, import_ref FROM pn_entries WHERE amount = -4590" | grep -q '^PAGAMENTO POS - POS 1234 ESSELUNGA MILANO|hash:'
check $? "its description the movement's text, the bank's reference kept"
[ "$(q "SELECT count(*) FROM pn_entries")" = 3 ]; check $? "three entries in all"

"$S" primanota import "$d/intesa.csv" --account Banca --book "$b" > "$d/out" 2>&1
check $? "the same file again"
[ "$(cat "$d/out")" = "0 matched, 0 new, 2 already in" ]; check $? "reports 0 matched, 0 new, 2 already in"
[ "$(q "SELECT count(*) FROM pn_entries")" = 3 ]; check $? "and adds nothing"

# camt.053.001.02: the ENEL debit (matches the bill), a fee (new), a pending one.
cat > "$d/stmt.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-20260501-0001</MsgId><CreDtTm>2026-05-01T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>0001-2026-04</Id><CreDtTm>2026-05-01T06:00:00</CreDtTm>
      <Acct><Id><IBAN>$IBAN</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <Amt Ccy="EUR">123.45</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-04-04</Dt></BookgDt><ValDt><Dt>2026-04-03</Dt></ValDt>
        <NtryDtls><TxDtls><Refs><EndToEndId>ENEL-2026-03-998877</EndToEndId></Refs>
          <RltdPties><Cdtr><Nm>ENEL ENERGIA S.P.A.</Nm></Cdtr></RltdPties>
          <RmtInf><Ustrd>Bolletta marzo 2026</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">2.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-04-10</Dt></BookgDt><ValDt><Dt>2026-04-10</Dt></ValDt>
        <AcctSvcrRef>2026041000077</AcctSvcrRef>
        <AddtlNtryInf>Commissioni bonifico</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">99.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>PDNG</Sts>
        <BookgDt><Dt>2026-04-30</Dt></BookgDt>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
EOF
"$S" primanota import "$d/stmt.xml" --account Banca --book "$b" > "$d/out" 2>"$d/err"
check $? "import the camt.053"
[ "$(cat "$d/out")" = "1 matched, 1 new, 0 already in" ]; check $? "camt: 1 matched, 1 new, 0 already in"
[ "$(q "SELECT reconciled FROM pn_entries WHERE description = 'Bolletta ENEL marzo'")" = 1 ]
check $? "the ENEL bill is reconciled"
[ "$(q "SELECT causale, reconciled, description FROM pn_entries WHERE amount = -250")" = "DC|1|Commissioni bonifico" ]
check $? "the fee is new, da classificare"
"$S" primanota import "$d/stmt.xml" --account Banca --format camt --book "$b" > "$d/out" 2>&1
[ "$(cat "$d/out")" = "0 matched, 0 new, 2 already in" ] && [ "$(q "SELECT count(*) FROM pn_entries")" = 4 ]
check $? "camt again (--format camt): 0 matched, 0 new, 2 already in, nothing added"

# A malformed file: the third row's amount.
sed 's/;;45,90;/;;45,9x;/' "$d/intesa.csv" | sed 's/03\/03\/2026;03/04\/03\/2026;04/' > "$d/bad.csv"
"$S" primanota import "$d/bad.csv" --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ]; check $? "a malformed CSV: exit status 1"
grep -q "bad.csv:8: .*nothing was imported" "$d/err"; check $? "the message names the file and line 8"
sed 's/^/# /' "$d/err"
[ "$(q "SELECT count(*) FROM pn_entries")" = 4 ]; check $? "nothing added"
printf '<Document><BkToCstmrStmt><Stmt><Ntry>' > "$d/cut.xml"
"$S" primanota import "$d/cut.xml" --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "cut.xml.*nothing was imported" "$d/err"; check $? "a cut camt.053: refused, named"
sed 's/^/# /' "$d/err"

# Another bank's statement.
sed "s/$IBAN/IT02A0301503200000003517230/" "$d/stmt.xml" > "$d/other.xml"
"$S" primanota import "$d/other.xml" --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q "IBAN IT02A0301503200000003517230, but account Banca has IBAN $IBAN: nothing was imported" "$d/err"
check $? "a statement of another IBAN is refused, naming both"
"$S" primanota import "$d/stmt.xml" --account Posta --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ] && grep -q 'no account is called "Posta"' "$d/err"; check $? "an unknown account is refused"
[ "$(q "SELECT count(*) FROM pn_entries")" = 4 ]; check $? "nothing added by either"

# A locked period: the first movement would go in, the second is locked.
q "UPDATE company SET lock_date = '2026-05-31'"
printf '%s\n' "Data contabile;Data valuta;Descrizione;Importo" \
	"02/06/2026;02/06/2026;VERSAMENTO CONTANTI;500,00" \
	"28/05/2026;28/05/2026;PRELIEVO BANCOMAT;-200,00" > "$d/locked.csv"
"$S" primanota import "$d/locked.csv" --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ $? = 1 ]; check $? "a movement in the locked period: exit status 1"
grep -q "locked.csv: line 3 (2026-05-28, CSV): .*locked.*nothing was imported" "$d/err"
check $? "the message names the movement's line and the lock"
sed 's/^/# /' "$d/err"
[ "$(q "SELECT count(*) FROM pn_entries")" = 4 ]; check $? "the whole import added nothing (not the June one either)"

# Usage.
"$S" primanota import "$d/stmt.xml" --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q -- "--account NAME is needed" "$d/out"; check $? "no --account: usage, status 2"
"$S" primanota import "$d/stmt.xml" --account Banca --format ofx --book "$b" > "$d/out" 2>&1
[ $? = 2 ] && grep -q "unknown format 'ofx'" "$d/out"; check $? "an unknown --format: status 2"
"$S" primanota import "$d/stmt.xml" --account Banca --book "$d/none.sqlite" > "$d/out" 2>&1
[ $? = 1 ] && grep -q "no book" "$d/out" && [ ! -e "$d/none.sqlite" ]; check $? "a missing book is named, not made"
"$S" primanota export > "$d/out" 2>&1
[ $? = 2 ]; check $? "an unknown subcommand: status 2"

# --map: a bank whose headers the reader does not know.
printf '%s\n' "Giorno;Causale banca;Movimento" "15/06/2026;ACCREDITO STIPENDIO;1.500,00" > "$d/odd.csv"
printf '%s\n' "booking Giorno" "text Causale banca" "amount Movimento" > "$d/odd.map"
q "UPDATE company SET lock_date = NULL"
"$S" primanota import "$d/odd.csv" --map "$d/odd.map" --format csv --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ "$(cat "$d/out")" = "0 matched, 1 new, 0 already in" ]; check $? "--map: a column map for unknown headers"
sed 's/^/# /' "$d/err"

# A long file: a progress line.
{ echo "Data contabile;Data valuta;Descrizione;Importo"
  i=1; while [ $i -le 450 ]; do printf '01/07/2026;01/07/2026;POS %d;-%d,00\n' $i $i; i=$((i + 1)); done; } > "$d/long.csv"
"$S" primanota import "$d/long.csv" --account Banca --book "$b" > "$d/out" 2>"$d/err"
[ "$(cat "$d/out")" = "0 matched, 450 new, 0 already in" ] && grep -q "importing: 400 of 450 movements" "$d/err"
check $? "450 movements: progress lines on stderr, then the report"
echo "1..$n"
