"""Import in the prima nota's list (issue 12 point 7) end to end: a real
OpenSSH client logs in to a real `scrivano serve`, opens the prima nota,
and with Esc b imports an Italian bank's CSV from the book's import folder
(import/anna/ beside the book), asked which account; one movement matches
an unreconciled entry (now reconciled), one is new ("da classificare").
Filtered on the account, Esc b takes that account without asking: a
camt.053 goes in the same way, and the CSV again adds nothing. A name
with a folder in it is refused."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, book_rows  # noqa: E402

tap = Tap()

F9, F10 = "\x1b[20~", "\x1b[21~"
ENTER, ESC_B = "\r", "\x1bb"
IBAN = "IT60X0542811101000000123456"

CSV = "\r\n".join([
    "Intesa Sanpaolo;;;;;", "IBAN: %s;;;;;" % IBAN, ";;;;;",
    "Data contabile;Data valuta;Descrizione;Accrediti;Addebiti;Descrizione estesa",
    "03/03/2026;03/03/2026;BONIFICO A VOSTRO FAVORE;1.220,00;;BONIFICO DA ROSSI SRL",
    "05/03/2026;04/03/2026;PAGAMENTO POS;;45,90;POS 1234 ESSELUNGA MILANO", ""])

CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<BkToCstmrStmt><GrpHdr><MsgId>M-1</MsgId><CreDtTm>2026-05-01T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S-4</Id><Acct><Id><IBAN>%s</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">123.45</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-04-04</Dt></BookgDt><AcctSvcrRef>BK-0404-1</AcctSvcrRef>
<NtryDtls><TxDtls><RmtInf><Ustrd>Bolletta ENEL marzo</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">2.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-04-10</Dt></BookgDt><AcctSvcrRef>BK-0410-7</AcctSvcrRef>
<AddtlNtryInf>Commissioni bonifico</AddtlNtryInf></Ntry>
</Stmt></BkToCstmrStmt></Document>
""" % IBAN


def prepare(srv, book):
    subprocess.run([SCRIVANO, "book", "init", book], check=True, capture_output=True,
                   env=srv.env)
    subprocess.run(["sqlite3", book, """
UPDATE pn_accounts SET iban = '%s' WHERE name = 'Banca';
INSERT INTO pn_entries (account_id, date, description, amount, causale)
  SELECT id, '2026-03-02', 'Fattura 12 Rossi', 122000, 'IC' FROM pn_accounts WHERE name = 'Banca';
INSERT INTO pn_entries (account_id, date, description, amount, causale)
  SELECT id, '2026-04-02', 'ENEL marzo', -12345, 'PF' FROM pn_accounts WHERE name = 'Banca';
""" % IBAN], check=True)
    folder = os.path.join(os.path.dirname(book), "import", "anna")
    os.makedirs(folder, 0o700)
    with open(os.path.join(folder, "intesa.csv"), "w") as f:
        f.write(CSV)
    with open(os.path.join(folder, "aprile.xml"), "w") as f:
        f.write(CAMT)
    srv.give_datadir()
    return folder


def test_import(c, folder):
    c.send("6")
    tap.ok("6 opens the prima nota's list", c.wait_for("F5 New", 5), c.screen_text())
    c.send(ESC_B)
    tap.ok("Esc b asks for a file, naming the import folder",
           c.wait_for("Bank statement", 5) and "import/anna" in c.flat_text(), c.screen_text())
    c.send("intesa.csv" + ENTER)
    tap.ok("then the account, the list having no account filter",
           c.wait_for("Into which account", 5), c.screen_text())
    c.send("Banca" + ENTER)
    tap.ok("the report: 1 matched, 1 new, 0 already in",
           c.wait_for("1 matched, 1 new, 0 already in", 10), c.screen_text())
    tap.ok("the new entry shows on the list",
           c.wait_for("PAGAMENTO PO", 5), c.screen_text())
    c.send(F9)
    c.wait_for("Show only", 5)
    c.send("account = Banca" + ENTER)
    c.wait_for("account = Banca", 5)
    c.send(ESC_B)
    c.wait_for("Bank statement", 5)
    c.send("aprile.xml" + ENTER)
    tap.ok("filtered on Banca, Esc b imports the camt.053 into it without asking",
           c.wait_for("Imported into Banca: 1 matched, 1 new, 0 already in", 10) and
           "Into which account" not in c.screen_text(), c.screen_text())
    c.send(ESC_B)
    c.wait_for("Bank statement", 5)
    c.send("intesa.csv" + ENTER)
    tap.ok("the CSV again: 0 matched, 0 new, 2 already in",
           c.wait_for("0 matched, 0 new, 2 already in", 10), c.screen_text())
    c.send(ESC_B)
    c.wait_for("Bank statement", 5)
    c.send("../anna.sqlite" + ENTER)
    tap.ok("a name with a folder in it is refused",
           c.wait_for("without a folder", 5), c.screen_text())
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        book = srv.book_path("anna")
        folder = prepare(srv, book)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu", c.wait_for("Main menu", 10), c.screen_text())
            test_import(c, folder)
            c.send(F10)
            c.wait_for("End the session?", 5)
            c.send("y")
            tap.is_eq("F10 on the menu ends the session cleanly", c.wait_exit(10), 0)
        tap.is_eq("in the book: both matched entries reconciled, two new ones DC, reconciled",
                  book_rows(book, "SELECT date, amount, causale, reconciled FROM pn_entries "
                                  "ORDER BY date, id"),
                  [("2026-03-02", 122000, "IC", 1), ("2026-03-05", -4590, "DC", 1),
                   ("2026-04-02", -12345, "PF", 1), ("2026-04-10", -250, "DC", 1)])
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
