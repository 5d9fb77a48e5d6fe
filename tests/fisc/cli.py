#!/usr/bin/python3
"""scrivano fatturapa check/show/import/html on the official samples
($SCRIVANO_FATTURAPA), on broken and hostile files, and on signed .p7m files
made here with openssl; the books are read back with sqlite3."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fpatap import db, ok, plan, run, signer, skip  # noqa: E402

FPA = os.environ.get("SCRIVANO_FATTURAPA", "")
if not FPA:
    skip("no FatturaPA samples")
    plan()
    sys.exit(0)
SAMPLES = os.path.join(FPA, "samples")
NAMES = sorted(os.listdir(SAMPLES))
tmp = tempfile.mkdtemp(prefix="scrivano-fpa-")


def sample(name):
    return os.path.join(SAMPLES, "IT01234567890_%s.xml" % name)


def variant(name, frm, to, out):
    with open(sample(name), encoding="utf-8") as f:
        text = f.read()
    assert frm in text, frm
    path = os.path.join(tmp, out)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(frm, to, 1))
    return path


def test_check():
    clean = [sample(x) for x in ("FPA01", "FPA02", "FPA03", "FPR01", "FPR02", "FPR04")]
    rc, out, err = run("check", *clean)
    ok(rc == 0, "check: six samples, exit 0 (%d) %s" % (rc, err.strip()))
    ok(out.count(": no errors") == 6, "check: each says no errors")
    ok("warning W001: seller: partita IVA 01234567890: wrong check digit" in out,
       "check: the placeholder partita IVA is only a warning")
    rc, out, err = run("check", sample("FPR03"))
    want = ("{0}: warning W001: seller: partita IVA 01234567890: wrong check digit\n"
            "{0}: warning W003: buyer: codice fiscale 09876543210: wrong check digit\n"
            "{0}: 00422: ImponibileImporto 27.00 is not the sum of its lines 25.00 plus "
            "Arrotondamento 0.00 (body 1, summary 1)\n").format(sample("FPR03"))
    ok(rc == 1 and out == want,
       "check: FPR03 body 1 declares 27.00 for lines of 25.00: exactly its 00422 and the "
       "placeholder identifiers' warnings, exit 1: %r" % out)
    bad = variant("FPR01", "<Imposta>1.10</Imposta>", "<Imposta>1.30</Imposta>", "bad.xml")
    rc, out, err = run("check", "--quiet", bad)
    ok(rc == 1 and out == "%s: 00421: Imposta 1.30 does not match 22.00%% of 5.00 "
       "(body 1, summary 1)\n" % bad, "check --quiet: exactly the 00421 line: %r" % out)
    xsd = os.path.join(FPA, "Schema_del_file_xml_FatturaPA_v1.2.2.xsd")
    rc, out, err = run("check", "--schema", xsd, sample("FPA01"))
    ok(rc == 0 and "no errors" in out, "check --schema: the sample is valid")
    invalid = variant("FPR01", "<Divisa>EUR</Divisa>", "<Divisa>eur</Divisa>", "invalid.xml")
    rc, out, err = run("check", "--schema", xsd, invalid)
    ok(rc == 1 and "00200:" in out and "Divisa" in out, "check --schema: an invalid Divisa: %s"
       % out.strip().splitlines()[-1])
    hostile = variant("FPR01", "<p:FatturaElettronica ",
                      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                      "<p:FatturaElettronica ", "hostile.xml")
    rc, out, err = run("check", hostile)
    ok(rc == 1 and "DOCTYPE" in out, "check: a DOCTYPE is refused: %s" % out.strip())
    broken = variant("FPR01", "</DatiRiepilogo>", "</DatiRiepilog>", "broken.xml")
    rc, out, err = run("check", broken)
    ok(rc == 1 and ":99: not well-formed XML" in out, "check: names the line: %s" % out.strip())
    rc, out, err = run("check")
    ok(rc == 2 and "usage" in err, "check without files: usage, exit 2")
    rc, out, err = run("frobnicate")
    ok(rc == 2 and "frobnicate" in err, "an unknown verb: exit 2")


def test_show():
    for name in NAMES:
        rc, out, err = run("show", os.path.join(SAMPLES, name))
        ok(rc == 0 and max(len(l) for l in out.splitlines()) <= 80 and
           "Amount payable" in out and "VAT summary" in out,
           "show %s: exit 0, at most 80 columns, summary and totals" % name)
    rc, out, err = run("show", sample("FPR02"))
    ok("BETA GAMMA" in out and "30,50" in out and "TP01 MP01 contanti" in out and
       "30/01/2015" in out, "show FPR02: buyer, total 30,50, payment due 30/01/2015")
    rc, out, err = run("show", sample("FPA03"))
    ok("Document 2 of 2" in out and "2.440,00" in out, "show FPA03: both bodies")
    rc, out, err = run("show", "--width", "120", sample("FPR02"))
    ok(rc == 0 and max(len(l) for l in out.splitlines()) <= 120, "show --width 120")
    rc, out, err = run("show", os.path.join(tmp, "none.xml"))
    ok(rc == 1 and "none.xml" in err, "show: a missing file: %s" % err.strip())
    loc = os.environ.get("SCRIVANO_LOCALEDIR")
    if loc:
        rc, out, err = run("show", sample("FPR02"),
                           env={"LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": ""})
        ok("Riepilogo IVA" in out and "Da pagare" in out, "show in Italian")
    else:
        skip("no SCRIVANO_LOCALEDIR")


def test_import():
    for name in NAMES:
        book = os.path.join(tmp, "one-%s.sqlite" % name)
        rc, out, err = run("import", "--book", book, os.path.join(SAMPLES, name))
        docs = db(book, "SELECT count(*) FROM documents")[0][0]
        lines = db(book, "SELECT count(*) FROM document_lines")[0][0]
        blob = db(book, "SELECT length(content) FROM document_files")[0][0]
        ok(rc == 0 and docs >= 1 and lines >= 1 and
           blob == os.path.getsize(os.path.join(SAMPLES, name)),
           "import %s: %d document(s), %d line(s), original kept" % (name, docs, lines))
    book = os.path.join(tmp, "all.sqlite")
    rc, out, err = run("import", "--book", book, sample("FPA01"))
    db(book, "UPDATE parties SET role = 'C'")
    rc, out, err = run("import", "--book", book, sample("FPA03"), sample("FPR01"))
    ok(rc == 0 and "now also a supplier" in out, "a customer who sends an invoice becomes both")
    ok(db(book, "SELECT role, piva FROM parties") == [("B", "01234567890")],
       "one party, role B, matched by partita IVA")
    before = db(book, "SELECT count(*) FROM documents")[0][0]
    files = db(book, "SELECT count(*) FROM document_files")[0][0]
    rc, out, err = run("import", "--book", book, sample("FPR02"))
    ok(rc == 0 and "already imported: no. 123 of 2014-12-18" in out and
       "already in: 1; refused: 0" in out,
       "the same supplier, number and date is skipped as already in: %s" % out.strip())
    if os.environ.get("SCRIVANO_LOCALEDIR"):
        rc, out, err = run("import", "--book", book, sample("FPR02"),
                           env={"LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": ""})
        ok(rc == 0 and "n. 123 del 18/12/2014" in out,
           "in Italian the skip writes the date 18/12/2014: %s" % out.strip())
    else:
        skip("no SCRIVANO_LOCALEDIR")
    ok(db(book, "SELECT count(*) FROM documents")[0][0] == before and
       db(book, "SELECT count(*) FROM document_files")[0][0] == files,
       "and the refused file changed nothing")
    row = db(book, "SELECT d.total, d.payable, v.vat_rate, v.taxable, v.tax, p.due, p.amount "
             "FROM documents d JOIN document_vat v ON v.document_id = d.id "
             "JOIN document_payments p ON p.document_id = d.id WHERE d.number = '456'")
    ok(row == [(244000, 244000, 2200, 200000, 44000, "2017-02-20", 244000)],
       "FPA03 body 2 stored with its summary and schedule: %r" % row)
    rc, out, err = run("import", sample("FPR01"))
    ok(rc == 2, "import without --book: usage")


def test_import_person():
    """A supplier who is a person (Anagrafica/Nome and Cognome) is kept as a
    person of the register, with the name it derives ("Cognome Nome"); a
    company stays a company."""
    person = variant("FPR01", "<Denominazione>SOCIETA' ALPHA SRL</Denominazione>",
                     "<Nome>MARIO</Nome><Cognome>ROSSI</Cognome>", "person.xml")
    book = os.path.join(tmp, "person.sqlite")
    rc, out, err = run("import", "--book", book, person)
    rows = db(book, "SELECT kind, name, last_name, first_name, vat_country, piva, address, "
              "city, cap, province, country FROM parties")
    ok(rc == 0 and rows == [("P", "ROSSI MARIO", "ROSSI", "MARIO", "IT", "01234567890",
                             "VIALE ROMA 543", "SASSARI", "07100", "SS", "IT")],
       "a supplier named by Nome and Cognome is imported as a person: %r %s" % (rows, err))
    book = os.path.join(tmp, "company.sqlite")
    rc, out, err = run("import", "--book", book, sample("FPR01"))
    rows = db(book, "SELECT kind, name, last_name, first_name FROM parties")
    ok(rc == 0 and rows == [("C", "SOCIETA' ALPHA SRL", "", "")],
       "a supplier named by Denominazione is imported as a company: %r" % rows)


def test_import_refused():
    """The supplier goes through the register's rules: a cedente whose
    partita IVA is not 11 digits, or whose address names a province that
    does not exist, is refused with the field named, and the book holds
    nothing of the file: no party, no document, no row, no original."""
    cases = (("piva", "<IdCodice>01234567890</IdCodice>\n        </IdFiscaleIVA>",
              "<IdCodice>0123456789X</IdCodice>\n        </IdFiscaleIVA>",
              "the supplier SOCIETA' ALPHA SRL cannot be kept in the register: "
              "Partita IVA: must be 11 digits"),
             ("province", "<Provincia>SS</Provincia>", "<Provincia>ZZ</Provincia>",
              "the supplier SOCIETA' ALPHA SRL cannot be kept in the register: Province: "))
    for what, frm, to, says in cases:
        path = variant("FPR01", frm, to, "refused-%s.xml" % what)
        book = os.path.join(tmp, "refused-%s.sqlite" % what)
        rc, out, err = run("import", "--book", book, path)
        ok(rc == 1 and ("%s: not imported: %s" % (path, says)) in err,
           "a cedente with a bad %s is refused, the field named: %s" % (what, err.strip()))
        counts = db(book, "SELECT (SELECT count(*) FROM parties), (SELECT count(*) FROM "
                    "documents), (SELECT count(*) FROM document_lines), (SELECT count(*) FROM "
                    "document_files)") if os.path.exists(book) else [(0, 0, 0, 0)]
        ok(counts == [(0, 0, 0, 0)], "and nothing of the file is in the book: %r" % counts)


def test_p7m():
    made = signer(tmp)
    if made is None:
        skip("no openssl to sign with")
        return
    openssl, key, crt = made
    p7m = os.path.join(tmp, "IT01234567890_FPR01.xml.p7m")
    subprocess.run([openssl, "cms", "-sign", "-nodetach", "-binary", "-outform", "DER", "-in",
                    sample("FPR01"), "-signer", crt, "-inkey", key, "-out", p7m],
                   capture_output=True, check=True)
    rc, out, err = run("show", p7m)
    ok(rc == 0 and "DITTA BETA" in out and "signed by Mario Rossi; the signature verifies" in out,
       "show .p7m: content and a verified signature")
    rc, out, err = run("check", p7m)
    ok(rc == 0 and "no errors" in out, "check .p7m")
    with open(p7m, "rb") as f:
        der = f.read()
    b64 = os.path.join(tmp, "b64.xml.p7m")
    subprocess.run([openssl, "base64", "-in", p7m, "-out", b64], check=True)
    rc, out, err = run("show", b64)
    ok(rc == 0 and "the signature verifies" in out, "a base64 .p7m")
    i = der.find(b"DITTA BETA")
    bad = os.path.join(tmp, "tampered.xml.p7m")
    with open(bad, "wb") as f:
        f.write(der[:i] + b"DITTA BETO" + der[i + 10:])
    rc, out, err = run("show", bad)
    ok(rc == 0 and "DITTA BETO" in out and "signature does not verify" in out,
       "a tampered .p7m: readable, and the signature does not verify")
    book = os.path.join(tmp, "signed.sqlite")
    rc, out, err = run("import", "--book", book, p7m)
    ok(rc == 0 and db(book, "SELECT signed, signature_ok, signer, length(content) "
                      "FROM document_files") == [(1, 1, "Mario Rossi", len(der))],
       "import .p7m keeps the signed original")
    junk = os.path.join(tmp, "junk.p7m")
    with open(junk, "wb") as f:
        f.write(b"\x30\x82\x01\x00" + b"\x00" * 300)
    rc, out, err = run("check", junk)
    ok(rc == 1 and "CMS" in out, "a broken .p7m: %s" % out.strip())
    # A .p7m that is no signed file at all (text, or a bare XML renamed)
    # says so, instead of "not well-formed XML".
    for what, data in (("text", b"this is not a signature\n"),
                       ("XML", open(sample("FPR01"), "rb").read())):
        plain = os.path.join(tmp, "plain.xml.p7m")
        with open(plain, "wb") as f:
            f.write(data)
        for verb in (["check"], ["show"], ["import", "--book", os.path.join(tmp, "p.sqlite")]):
            rc, out, err = run(*verb, plain)
            ok(rc == 1 and "not a signed file" in out + err and "well-formed" not in out + err,
               "a .p7m holding %s: %s says it is not a signed file: %s" %
               (what, verb[0], (out + err).strip()))


def test_html():
    for xsl in ("Foglio_di_stile_fatturaordinaria_v1.2.2.xsl", "FoglioStileAssoSoftware.xsl"):
        out_path = os.path.join(tmp, "out.html")
        rc, out, err = run("html", "--xsl", os.path.join(FPA, xsl), "--output", out_path,
                           sample("FPR02"))
        with open(out_path, encoding="utf-8", errors="replace") as f:
            html = f.read()
        ok(rc == 0 and "<html" in html and "BETA GAMMA" in html and err == "",
           "html through %s" % xsl)
    rc, out, err = run("html", "--xsl", os.path.join(tmp, "none.xsl"), sample("FPR02"))
    ok(rc == 1 and "none.xsl" in err, "html: a missing stylesheet: %s" % err.strip())
    rc, out, err = run("html", sample("FPR02"), env={"SCRIVANO_FATTURAPA": ""})
    ok(rc == 2 and "--xsl" in err, "html without --xsl nor SCRIVANO_FATTURAPA: usage")
    rc, out, err = run("html", sample("FPR02"))
    ok(rc == 0 and "<html" in out and "BETA GAMMA" in out,
       "html without --xsl: the Agenzia's stylesheet of SCRIVANO_FATTURAPA")


try:
    test_check()
    test_show()
    test_import()
    test_import_person()
    test_import_refused()
    test_p7m()
    test_html()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
plan()
