"""Reverse charge integrated (issue 15, point 4) end to end: a supplier's
FatturaPA file of a building subcontract (one line under reverse charge,
Natura N6.3, and one line with VAT at 22%) is imported with `scrivano
fatturapa import`; through a real OpenSSH client, the purchase's form
offers Self-invoice (reverse charge), which asks the rate (22 offered)
and opens the new draft: a TD16 of the N6.3 line only, its VAT on screen
and in the book the figures worked out by hand below, linked to the
purchase and its line; issued, it takes 1/YEAR in the self-invoices' own
numbering; the purchase then no longer offers the command."""

import datetime
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env, book_rows, money  # noqa: E402

tap = Tap()

F10, F11 = "\x1b[21~", "\x1b[23~"
ENTER, DOWN, HOME, PGDN = "\r", "\x1b[B", "\x1bOH", "\x1b[6~"

YEAR = datetime.date.today().year
SUPPLIER = "Edilizia Rossi S.r.l."
# the purchase, two days ago (a self-invoice is never dated before it)
PDATE = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()

# ---- by hand ----
# line 1, "Posa in opera cartongesso", N6.3 (subappalto edile): 1234,57, no VAT
# line 2, "Noleggio ponteggio", 100,00 at 22%: VAT 22,00 (the supplier's own)
# the supplier's total: 1234,57 + 100,00 + 22,00 = 1356,57
# the self-invoice integrates line 1 only, at 22%:
#   VAT 1234,57 x 22% = 271,6054, rounded half away = 271,61
#   total 1234,57 + 271,61 = 1506,18
TAXABLE, TAX, TOTAL = 123457, 27161, 150618

XML = """<?xml version="1.0" encoding="UTF-8"?>
<p:FatturaElettronica xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2" versione="FPR12">
  <FatturaElettronicaHeader>
    <DatiTrasmissione>
      <IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>00743110157</IdCodice></IdTrasmittente>
      <ProgressivoInvio>00042</ProgressivoInvio>
      <FormatoTrasmissione>FPR12</FormatoTrasmissione>
      <CodiceDestinatario>0000000</CodiceDestinatario>
    </DatiTrasmissione>
    <CedentePrestatore>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>00743110157</IdCodice></IdFiscaleIVA>
        <Anagrafica><Denominazione>%(supplier)s</Denominazione></Anagrafica>
        <RegimeFiscale>RF01</RegimeFiscale>
      </DatiAnagrafici>
      <Sede><Indirizzo>Via Po</Indirizzo><NumeroCivico>4</NumeroCivico><CAP>10100</CAP>
        <Comune>Torino</Comune><Provincia>TO</Provincia><Nazione>IT</Nazione></Sede>
    </CedentePrestatore>
    <CessionarioCommittente>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>01234567897</IdCodice></IdFiscaleIVA>
        <Anagrafica><Denominazione>Costruzioni Bianchi S.r.l.</Denominazione></Anagrafica>
      </DatiAnagrafici>
      <Sede><Indirizzo>Via Roma</Indirizzo><NumeroCivico>1</NumeroCivico><CAP>20100</CAP>
        <Comune>Milano</Comune><Provincia>MI</Provincia><Nazione>IT</Nazione></Sede>
    </CessionarioCommittente>
  </FatturaElettronicaHeader>
  <FatturaElettronicaBody>
    <DatiGenerali>
      <DatiGeneraliDocumento>
        <TipoDocumento>TD01</TipoDocumento>
        <Divisa>EUR</Divisa>
        <Data>%(date)s</Data>
        <Numero>12/B</Numero>
        <ImportoTotaleDocumento>1356.57</ImportoTotaleDocumento>
      </DatiGeneraliDocumento>
    </DatiGenerali>
    <DatiBeniServizi>
      <DettaglioLinee>
        <NumeroLinea>1</NumeroLinea>
        <Descrizione>Posa in opera cartongesso</Descrizione>
        <Quantita>1.00</Quantita>
        <PrezzoUnitario>1234.57</PrezzoUnitario>
        <PrezzoTotale>1234.57</PrezzoTotale>
        <AliquotaIVA>0.00</AliquotaIVA>
        <Natura>N6.3</Natura>
      </DettaglioLinee>
      <DettaglioLinee>
        <NumeroLinea>2</NumeroLinea>
        <Descrizione>Noleggio ponteggio</Descrizione>
        <Quantita>1.00</Quantita>
        <PrezzoUnitario>100.00</PrezzoUnitario>
        <PrezzoTotale>100.00</PrezzoTotale>
        <AliquotaIVA>22.00</AliquotaIVA>
      </DettaglioLinee>
      <DatiRiepilogo>
        <AliquotaIVA>0.00</AliquotaIVA>
        <Natura>N6.3</Natura>
        <ImponibileImporto>1234.57</ImponibileImporto>
        <Imposta>0.00</Imposta>
        <RiferimentoNormativo>Inversione contabile art. 17 c. 6 lett. a DPR 633/72</RiferimentoNormativo>
      </DatiRiepilogo>
      <DatiRiepilogo>
        <AliquotaIVA>22.00</AliquotaIVA>
        <ImponibileImporto>100.00</ImponibileImporto>
        <Imposta>22.00</Imposta>
        <EsigibilitaIVA>I</EsigibilitaIVA>
      </DatiRiepilogo>
    </DatiBeniServizi>
  </FatturaElettronicaBody>
</p:FatturaElettronica>
"""



def make_book(srv):
    path = srv.new_book("anna")
    import sqlite3
    db = sqlite3.connect(path)
    db.execute("UPDATE company SET name = 'Costruzioni Bianchi S.r.l.', piva = '01234567897', "
               "cf = '01234567897', sdi = 'M5UXCR1', address = 'Via Roma', street_no = '1', "
               "cap = '20100', city = 'Milano', province = 'MI'")
    db.commit()
    db.close()
    xml = os.path.join(srv.top, "IT00743110157_00042.xml")
    with open(xml, "w", encoding="utf-8") as f:
        f.write(XML % {"supplier": SUPPLIER, "date": PDATE})
    r = subprocess.run([SCRIVANO, "fatturapa", "import", "--book", path, xml],
                       capture_output=True, text=True, env=base_env(), timeout=60)
    tap.is_eq("scrivano fatturapa import takes the supplier's invoice", r.returncode, 0)
    tap.ok("and says so", "imported 1 document(s)" in r.stdout, r.stdout + r.stderr)
    srv.give_datadir()  # made here, as root: the service user's
    return path


def command(c, label):
    """F11 and the command label, first in the menu of those offered."""
    c.send(F11)
    if not c.wait_for("Commands", 5):
        return False
    shown = c.wait_for(label, 5)
    c.send(ENTER)
    return shown


def open_purchase(c):
    """Documents (item 14), Purchase invoices (the 12th line), the first row."""
    c.send(HOME + DOWN * 13 + ENTER)
    c.wait_for("Self-invoices", 5)
    c.send(HOME + DOWN * 11 + ENTER)
    c.wait_for("12/B", 5)
    c.send(ENTER)
    return c.wait_for(re.compile(r"Purchase invoice 12/B, registered"), 5)


def integrate(c, book):
    pid = book_rows(book, "SELECT id FROM documents WHERE kind = 'FA'")[0][0]
    tap.ok("the imported purchase opens, registered", open_purchase(c), c.screen_text())
    tap.ok("its commands offer Self-invoice (reverse charge), which asks the rate, 22 offered",
           command(c, "Self-invoice (reverse charge)") and
           c.wait_for("VAT rate of the self-invoice's lines", 5) and
           c.wait_for(re.compile(r"\b22\b"), 5), c.screen_text())
    c.send(ENTER)
    tap.ok("it makes the draft and opens it",
           c.wait_for("A new self-invoice draft, TD16: check its VAT, then Issue.", 15) and
           c.wait_for(re.compile(r"Kind\s+\[AUT"), 5), c.screen_text())
    tap.ok("the supplier's N6.3 line only, its total",
           re.search(r"Posa in op.*\[\s*1\.234,57\]", c.screen_text()) and
           "Noleggio" not in c.screen_text(), c.screen_text())
    tap.ok("its totals on screen are the ones by hand: 1.234,57 + 271,61 = 1.506,18",
           c.wait_for(re.compile(r"Taxable\s+\[%s\s*\]\s+VAT\s+\[%s" % (
               re.escape(money(TAXABLE)), re.escape(money(TAX)))), 5) and
           re.search(r"Total\s+\[%s" % re.escape(money(TOTAL)), c.screen_text()),
           c.screen_text())
    tap.ok("linked to the purchase",
           re.search(r"Linked documents\s+\[FA 12/B", c.screen_text()), c.screen_text())
    rows = book_rows(book, "SELECT id, type, state, direction, party_id, taxable, tax, total, "
                           "sdi FROM documents WHERE kind = 'AUT'")
    aid = rows[0][0] if rows else 0
    party = book_rows(book, "SELECT party_id FROM documents WHERE id = ?", pid)[0][0]
    tap.is_eq("in the book: a draft TD16 of the supplier, the figures by hand, to the "
              "company's own SDI code",
              [r[1:] for r in rows], [("TD16", "D", "S", party, TAXABLE, TAX, TOTAL, "M5UXCR1")])
    tap.is_eq("its line: the purchase's N6.3 line at 22%, no Natura, from that line",
              book_rows(book, "SELECT l.description, l.total, l.vat_rate, l.natura, "
                              "f.natura, f.document_id FROM document_lines l JOIN "
                              "document_lines f ON f.id = l.from_line WHERE l.document_id = ?",
                        aid),
              [("Posa in opera cartongesso", "1234.57", 2200, "", "N6.3", pid)])
    tap.is_eq("its VAT summary: one block at 22%",
              book_rows(book, "SELECT vat_rate, natura, taxable, tax FROM document_vat WHERE "
                              "document_id = ?", aid), [(2200, "", TAXABLE, TAX)])
    tap.is_eq("the documents linked", book_rows(book, "SELECT from_id, to_id FROM "
                                                      "document_links"), [(pid, aid)])
    # Issue: the self-invoices' own numbering
    ok = command(c, "Issue") and c.wait_for("Issue this document?", 10)
    c.send("y")
    n = "1/%d" % YEAR
    tap.ok("Issue numbers it %s" % n, ok and c.wait_for("Issued as %s." % n, 15),
           c.screen_text())
    tap.is_eq("in its own numbering, AUT",
              book_rows(book, "SELECT state, number, numbering FROM documents WHERE id = ?",
                        aid), [("I", n, "AUT")])
    return aid


def not_again(c):
    """Back on the purchase: the command is no longer offered."""
    c.send(F10)
    back = c.wait_for(re.compile(r"Purchase invoice 12/B, registered"), 5)
    c.send(F11)
    shown = c.wait_for("Commands", 5) and c.wait_for("Paid", 5)
    tap.ok("the purchase, integrated, no longer offers Self-invoice",
           back and shown and "Self-invoice" not in c.screen_text(), c.screen_text())
    c.send(F10)


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap, env={"SCRIVANO_TODAY": None}) as srv:
        book = make_book(srv)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu", c.wait_for("Main menu", 10), c.screen_text())
            integrate(c, book)
            not_again(c)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
