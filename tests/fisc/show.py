#!/usr/bin/python3
"""scrivano fatturapa show on files made here as other programs write them:
split payment on one VAT block of two, a ritenuta, a surcharge, a long
RiferimentoNormativo, a total net of the ritenuta with its payments, long
names of regime, payment mode and document type. At several widths, in
English and Italian: no line is wider than asked, no label is cut (a long
one is wrapped), and the rows from the document total down add up to the
amount payable; imported into a book, the document's print adds up to the
same payable."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

n = 0


def ok(cond, what):
    global n
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, what))
    return cond


SCRIVANO = os.environ.get("SCRIVANO", "")
LOCALEDIR = os.environ.get("SCRIVANO_LOCALEDIR", "")
if not SCRIVANO:
    print("ok 1 # SKIP no SCRIVANO\n1..1")
    sys.exit(0)

NORM = ("Esente art. 10 c.1 n.18 DPR 633/72, prestazioni sanitarie di diagnosi, cura e "
        "riabilitazione")
SELLER = "Laboratorio Analisi Cliniche e Diagnostica per Immagini Fratelli Esposito S.r.l."


def party(tag, piva, name, regime):
    return ("<%s><DatiAnagrafici><IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>%s</IdCodice>"
            "</IdFiscaleIVA><Anagrafica><Denominazione>%s</Denominazione></Anagrafica>%s"
            "</DatiAnagrafici><Sede><Indirizzo>Via Roma 1</Indirizzo><CAP>20100</CAP>"
            "<Comune>Milano</Comune><Provincia>MI</Provincia><Nazione>IT</Nazione></Sede></%s>"
            % (tag, piva, name, "<RegimeFiscale>%s</RegimeFiscale>" % regime if regime else "",
               tag))


def invoice(doc_type, regime, general, goods, after):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<p:FatturaElettronica versione="FPR12" '
            'xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">'
            "<FatturaElettronicaHeader><DatiTrasmissione><IdTrasmittente><IdPaese>IT</IdPaese>"
            "<IdCodice>01234560017</IdCodice></IdTrasmittente><ProgressivoInvio>00001"
            "</ProgressivoInvio><FormatoTrasmissione>FPR12</FormatoTrasmissione>"
            "<CodiceDestinatario>ABC1234</CodiceDestinatario></DatiTrasmissione>"
            + party("CedentePrestatore", "01234560017", SELLER, regime)
            + party("CessionarioCommittente", "12345670017", "Beta S.p.A.", None)
            + "</FatturaElettronicaHeader><FatturaElettronicaBody><DatiGenerali>"
            "<DatiGeneraliDocumento><TipoDocumento>%s</TipoDocumento><Divisa>EUR</Divisa>"
            "<Data>2025-03-14</Data><Numero>7</Numero>%s</DatiGeneraliDocumento></DatiGenerali>"
            "<DatiBeniServizi>%s</DatiBeniServizi>%s</FatturaElettronicaBody>"
            "</p:FatturaElettronica>\n" % (doc_type, general, goods, after))


def line(no, price, rate, extra="", disc=""):
    return ("<DettaglioLinee><NumeroLinea>%s</NumeroLinea><Descrizione>Riga %s</Descrizione>"
            "<PrezzoUnitario>%s</PrezzoUnitario>%s<PrezzoTotale>%s</PrezzoTotale>"
            "<AliquotaIVA>%s</AliquotaIVA>%s</DettaglioLinee>"
            % (no, no, price, disc, price, rate, extra))


def summary(rate, taxable, tax, esig, natura="", norm=""):
    return ("<DatiRiepilogo><AliquotaIVA>%s</AliquotaIVA>%s<ImponibileImporto>%s"
            "</ImponibileImporto><Imposta>%s</Imposta><EsigibilitaIVA>%s</EsigibilitaIVA>%s"
            "</DatiRiepilogo>" % (rate, natura and "<Natura>%s</Natura>" % natura, taxable, tax,
                                 esig, norm and "<RiferimentoNormativo>%s</RiferimentoNormativo>"
                                 % norm))


RITENUTA = ("<DatiRitenuta><TipoRitenuta>RT01</TipoRitenuta><ImportoRitenuta>%s"
            "</ImportoRitenuta><AliquotaRitenuta>20.00</AliquotaRitenuta>"
            "<CausalePagamento>A</CausalePagamento></DatiRitenuta>")
SI = "<Ritenuta>SI</Ritenuta>"

# Split payment on the 22% block only: payable 217.00 - 20.00 - 22.00.
SPLIT = invoice(
    "TD01", "RF01", RITENUTA % "20.00" + "<ImportoTotaleDocumento>217.00</ImportoTotaleDocumento>",
    line("1", "100.00", "22.00", SI)
    + line("2", "50.00", "10.00", "",
           "<ScontoMaggiorazione><Tipo>MG</Tipo><Importo>0.00</Importo></ScontoMaggiorazione>")
    + line("3", "40.00", "0.00", "<Natura>N4</Natura>")
    + summary("22.00", "100.00", "22.00", "S") + summary("10.00", "50.00", "5.00", "I")
    + summary("0.00", "40.00", "0.00", "I", "N4", NORM), "")
# A total net of the ritenuta, the payments right: payable 1020.00.
NET = invoice(
    "TD25", "RF14", RITENUTA % "200.00"
    + "<ImportoTotaleDocumento>1020.00</ImportoTotaleDocumento>",
    line("1", "1000.00", "22.00", SI) + summary("22.00", "1000.00", "220.00", "I"),
    "<DatiPagamento><CondizioniPagamento>TP02</CondizioniPagamento><DettaglioPagamento>"
    "<ModalitaPagamento>MP15</ModalitaPagamento><ImportoPagamento>1020.00</ImportoPagamento>"
    "</DettaglioPagamento></DatiPagamento>")

EN = {
    "split": ["VAT paid by the buyer (split payment)", "surcharge", NORM,
              "Withholding RT01 20,00% (causale A)", "Document total", "Amount payable"],
    "net": ["Difference per the payments (DatiPagamento)", SELLER,
            "Tax regime RF14 rivendita beni usati, oggetti d'arte, d'antiquariato o da "
            "collezione", "MP15 giroconto su conti di contabilità speciale",
            "fattura differita di cui all'art. 21, comma 4, terzo periodo lett. b) (TD25)"],
    "total": "Document total", "payable": "Amount payable",
}
IT = {
    "split": ["IVA versata dal cessionario (split payment)", "maggiorazione", NORM,
              "Ritenuta RT01 20,00% (causale A)", "Totale documento", "Da pagare"],
    "net": ["Differenza secondo i pagamenti (DatiPagamento)", SELLER,
            "Regime fiscale RF14 rivendita beni usati, oggetti d'arte, d'antiquariato o da "
            "collezione", "MP15 giroconto su conti di contabilità speciale"],
    "total": "Totale documento", "payable": "Da pagare",
}
MONEY = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d\d$")


def cents(text):
    return int(text.replace(".", "").replace(",", ""))


def show(path, width, lang):
    env = dict(os.environ, LANGUAGE=lang, LC_ALL="", LANG="it_IT.UTF-8" if lang else "C.UTF-8")
    p = subprocess.run([SCRIVANO, "fatturapa", "show", "--width", str(width), path],
                       capture_output=True, text=True, env=env, timeout=60)
    return p.returncode, p.stdout, p.stderr


def adds_up(out, words, labels=None):
    """The amounts from the document total's row to the payable's: the
    total plus each row between gives the payable. With labels, only the
    lines that have one of them count (a PDF's text has the VAT summary
    beside the totals)."""
    rows, inside = [], False
    for l in out.splitlines():
        label = l.strip()
        if label.startswith(words["total"]) or (labels and words["total"] in l):
            inside = True
        if labels and not any(x in l for x in labels):
            continue
        if inside and l.split() and MONEY.match(l.split()[-1]):
            rows.append(cents(l.split()[-1]))
        if inside and (label.startswith(words["payable"]) or (labels and words["payable"] in l)):
            break
    return len(rows) >= 2 and sum(rows[:-1]) == rows[-1], rows


def test(name, xml, payable, lang, words):
    path = os.path.join(tmp, name + ".xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(xml)
    for width in (60, 72, 80, 100, 132):
        what = "%s at %d columns%s" % (name, width, ", in Italian" if lang else "")
        rc, out, err = show(path, width, lang)
        lines = out.splitlines()
        widest = max(len(l) for l in lines) if lines else 0
        ok(rc == 0 and widest <= width, "%s: exit 0, no line over %d (%d) %s"
           % (what, width, widest, err.strip()))
        flat = " ".join(out.split())
        # The seller's box is the left half of the lines at the top.
        left = " ".join(" ".join(l[:(width - 2) // 2] for l in lines).split())
        cut = [w for w in words[name] if " ".join(w.split()) not in (left if w == SELLER
                                                                      else flat)]
        ok(not cut, "%s: no label cut %s" % (what, cut))
        good, rows = adds_up(out, words)
        ok(good and rows[-1] == payable, "%s: the rows add up to the payable %d: %s"
           % (what, payable, rows))


def test_book():
    """Imported into a book, each document keeps the same payable, and its
    print (`scrivano document print`) and its PDF have rows that add up to it."""
    global n
    book = os.path.join(tmp, "book.sqlite")
    env = dict(os.environ, LANGUAGE="", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    for i, (name, xml, payable) in enumerate((("split", SPLIT, 17500), ("net", NET, 102000))):
        path = os.path.join(tmp, "book-%s.xml" % name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(xml.replace("<Numero>7</Numero>", "<Numero>%d</Numero>" % (i + 1)))
        p = subprocess.run([SCRIVANO, "fatturapa", "import", "--book", book, path],
                           capture_output=True, text=True, env=env, timeout=60)
        ok(p.returncode == 0, "%s: imported %s" % (name, p.stderr.strip()))
        p = subprocess.run([SCRIVANO, "document", "print", str(i + 1), "--book", book],
                           capture_output=True, text=True, env=env, timeout=60)
        good, rows = adds_up(p.stdout, EN)
        ok(p.returncode == 0 and good and rows[-1] == payable,
           "%s: the book's print adds up to the payable %d: %s %s"
           % (name, payable, rows, p.stderr.strip()))
        pdf = os.path.join(tmp, "%s.pdf" % name)
        p = subprocess.run([SCRIVANO, "document", "pdf", str(i + 1), pdf, "--book", book],
                           capture_output=True, text=True, env=env, timeout=60)
        if not shutil.which("pdftotext"):
            n += 1
            print("ok %d # SKIP no pdftotext" % n)
            continue
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                              text=True, timeout=60).stdout
        good, rows = adds_up(text, EN, ("Document total", "Withholding", "split payment",
                                        "Difference", "Amount payable"))
        ok(p.returncode == 0 and good and rows[-1] == payable,
           "%s: so does its PDF: %s %s" % (name, rows, p.stderr.strip()))


tmp = tempfile.mkdtemp(prefix="scrivano-show-")
try:
    test_book()
    for lang, words in (("", EN), ("it", IT)):
        if lang and not LOCALEDIR:
            n += 1
            print("ok %d # SKIP no SCRIVANO_LOCALEDIR" % n)
            continue
        test("split", SPLIT, 17500, lang, words)
        test("net", NET, 102000, lang, words)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
print("1..%d" % n)
