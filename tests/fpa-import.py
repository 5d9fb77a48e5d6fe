#!/usr/bin/python3
"""Supplier invoices in (src/bridge/fpa-import.c, fpa-batch.c,
doc-received.c, fatturapa-kept.c): a folder and a list of files, each .p7m
form made here with openssl (DER, base64 with and without line breaks, PEM
CMS and PKCS7), a .p7m that is no signed file, a lotto of two bodies in one
transaction, the attachments kept and written out (a hostile name refused,
a compressed one kept as sent), the original kept byte for byte, html
through $SCRIVANO_FATTURAPA's stylesheet and the PDF read back with
pdftotext. The books are read back with sqlite3."""
import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "fisc"))
from fpatap import db, ok, plan, run, signer, skip  # noqa: E402

FPA = os.environ.get("SCRIVANO_FATTURAPA", "")
if not FPA:
    skip("no FatturaPA samples")
    plan()
    sys.exit(0)
SAMPLES = os.path.join(FPA, "samples")
XSL = os.path.join(FPA, "Foglio_di_stile_fatturaordinaria_v1.2.2.xsl")
tmp = tempfile.mkdtemp(prefix="scrivano-fpa-import-")


def sample(name):
    return os.path.join(SAMPLES, "IT01234567890_%s.xml" % name)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def variant(name, frm, to, out, count=1):
    text = read(sample(name)).decode("utf-8")
    assert frm in text, frm
    return write(os.path.join(tmp, out), text.replace(frm, to, count))


def allegato(name, data, fmt=None, descr=None, compression=None, wrap=True):
    b64 = base64.encodebytes(data).decode() if wrap else base64.b64encode(data).decode()
    x = "<Allegati><NomeAttachment>%s</NomeAttachment>" % name
    if compression:
        x += "<AlgoritmoCompressione>%s</AlgoritmoCompressione>" % compression
    if fmt:
        x += "<FormatoAttachment>%s</FormatoAttachment>" % fmt
    if descr:
        x += "<DescrizioneAttachment>%s</DescrizioneAttachment>" % descr
    return x + "<Attachment>%s</Attachment></Allegati>" % b64


def test_folder():
    """A folder: its .xml and .p7m files in name order, the others named
    as skipped, hidden ones not seen; run again, every file is already
    in and nothing changes."""
    folder = os.path.join(tmp, "inbox")
    os.mkdir(folder)
    shutil.copy(sample("FPA01"), os.path.join(folder, "b.xml"))
    shutil.copy(sample("FPA03"), os.path.join(folder, "a.XML"))
    write(os.path.join(folder, "notes.txt"), "not an invoice\n")
    write(os.path.join(folder, ".hidden.xml"), "<x/>")
    os.mkdir(os.path.join(folder, "old.xml"))
    book = os.path.join(tmp, "folder.sqlite")
    rc, out, err = run("import", "--book", book, folder)
    ok(rc == 0 and "Files imported: 2 (documents 3, attachments 0); already in: 0; refused: 0; "
       "skipped: 1." in out, "a folder: two files, three documents, one skipped: %s" % out)
    ok("skipped, not .xml nor .p7m: %s/notes.txt" % folder in out and ".hidden" not in out + err
       and "old.xml" not in out + err, "the file skipped is named; hidden files and folders unseen")
    ok(out.index("a.XML: imported") < out.index("b.xml: imported"),
       "the files go in name order")
    ok(db(book, "SELECT name FROM document_files ORDER BY id") == [("a.XML",), ("b.xml",)],
       "their originals kept, in that order")
    docs = db(book, "SELECT count(*) FROM documents")
    rc, out, err = run("import", "--book", book, folder, sample("FPR01"))
    ok(rc == 0 and "Files imported: 1 (documents 1, attachments 0); already in: 2; refused: 0; "
       "skipped: 1." in out and out.count("skipped: %s/" % folder) == 2,
       "again with one more file: the two already in are skipped and named: %s" % out)
    ok(db(book, "SELECT count(*) FROM documents")[0][0] == docs[0][0] + 1 and
       db(book, "SELECT count(*) FROM document_files")[0][0] == 3,
       "and only the new file's document is added")
    bad = variant("FPR02", "<Provincia>SS</Provincia>", "<Provincia>ZZ</Provincia>",
                  "bad-province.xml")
    fresh = os.path.join(tmp, "refused.sqlite")
    rc, out, err = run("import", "--book", fresh, bad, os.path.join(tmp, "missing.xml"))
    ok(rc == 1 and "refused: 2" in out and "refused: %s: not imported: the supplier" % bad in out
       and "missing.xml" in out and "missing.xml" in err,
       "refused files: exit 1, each with why in the report and on stderr: %s" % out)
    rc, out, err = run("import", "--book", book, os.path.join(tmp, "nofolder") + "/")
    ok(rc == 1 and "nofolder" in out + err, "a folder that is not there: %s" % (out + err))


def test_progress():
    """Ten files or more on a terminal: a progress line on stderr,
    rewritten in place; none when stderr is not a terminal."""
    import pty
    folder = os.path.join(tmp, "many")
    os.mkdir(folder)
    for i in range(12):
        variant("FPR01", "<Numero>123</Numero>", "<Numero>P%d</Numero>" % i,
                os.path.join("many", "f%02d.xml" % i))
    book = os.path.join(tmp, "many.sqlite")
    master, slave = pty.openpty()
    e = dict(os.environ, LANGUAGE="", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    p = subprocess.Popen([os.environ["SCRIVANO"], "fatturapa", "import", "--book", book, folder],
                         stdout=subprocess.PIPE, stderr=slave, env=e)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    out = p.communicate(timeout=60)[0].decode()
    os.close(master)
    ok(p.returncode == 0 and b"\rImporting: file 1 of 12..." in seen and
       b"\rImporting: file 12 of 12..." in seen and "Files imported: 12" in out,
       "twelve files on a terminal: a progress line on stderr, file 1 to 12 of 12")
    rc, out, err = run("import", "--book", os.path.join(tmp, "many2.sqlite"), folder)
    ok(rc == 0 and "Importing" not in err, "and none when stderr is not a terminal")


def sign(openssl, key, crt, src, out, form):
    """src signed into out as form: DER, PEM (CMS), PKCS7 (PEM under the
    older label), B64 (base64 of the DER in lines of 64) or B64ONE (one
    line)."""
    args = [openssl, "cms", "-sign", "-nodetach", "-binary", "-in", src, "-signer", crt,
            "-inkey", key]
    if form == "PEM" or form == "PKCS7":
        subprocess.run(args + ["-outform", "PEM", "-out", out], check=True, capture_output=True)
        if form == "PKCS7":
            pem = read(out).replace(b"BEGIN CMS", b"BEGIN PKCS7").replace(b"END CMS",
                                                                         b"END PKCS7")
            write(out, pem)
        return
    subprocess.run(args + ["-outform", "DER", "-out", out], check=True, capture_output=True)
    if form == "B64":
        subprocess.run([openssl, "base64", "-in", out, "-out", out + ".b64"], check=True)
        os.replace(out + ".b64", out)
    elif form == "B64ONE":
        subprocess.run([openssl, "base64", "-A", "-in", out, "-out", out + ".b64"], check=True)
        os.replace(out + ".b64", out)


def test_p7m():
    made = signer(tmp)
    if made is None:
        skip("no openssl to sign with")
        return
    openssl, key, crt = made
    for form in ("DER", "B64", "B64ONE", "PEM", "PKCS7"):
        p7m = os.path.join(tmp, "IT01234567890_%s.xml.p7m" % form)
        sign(openssl, key, crt, sample("FPR02"), p7m, form)
        data = read(p7m)
        if form == "B64ONE":
            assert b"\n" not in data.strip()
        book = os.path.join(tmp, "p7m-%s.sqlite" % form)
        rc, out, err = run("import", "--book", book, p7m)
        rows = db(book, "SELECT signed, signature_ok, signer, content, sha256 FROM "
                  "document_files") if os.path.exists(book) else []
        ok(rc == 0 and len(rows) == 1 and rows[0][:3] == (1, 1, "Mario Rossi") and
           rows[0][3] == data and rows[0][4] == hashlib.sha256(data).hexdigest(),
           "a .p7m in %s: imported, the signature verified, the file kept byte for byte "
           "with its SHA-256 %s" % (form, (out + err).strip()[-200:]))
        ok(db(book, "SELECT number, total FROM documents") == [("123", 3050)] if rows else False,
           "and its document read from the signed content (%s)" % form)
    # a .p7m that is not a signed file says so, not "not well-formed XML"
    cases = (("a certificate", read(crt)), ("text", b"just some words\n"),
             ("XML", read(sample("FPR01"))), ("broken DER", b"\x30\x82\x01\x00" + b"\0" * 64),
             ("bad base64", b"MIIBogYJKoZIhvcNAQcCoIIB!!!!\n"))
    for what, data in cases:
        path = write(os.path.join(tmp, "plain.xml.p7m"), data)
        book = os.path.join(tmp, "plain.sqlite")
        rc, out, err = run("import", "--book", book, path)
        ok(rc == 1 and "not a signed file" in out + err and "well-formed" not in out + err,
           "a .p7m holding %s: not a signed file: %s" % (what, err.strip()))
        ok(db(book, "SELECT count(*) FROM document_files") == [(0,)],
           "and nothing of it is kept (%s)" % what)


def test_lotto():
    """One header, two bodies: one purchase each, from the one file, in
    one transaction; a body the book refuses leaves nothing of the file."""
    book = os.path.join(tmp, "lotto.sqlite")
    rc, out, err = run("import", "--book", book, sample("FPA03"))
    rows = db(book, "SELECT kind, number, date, total, file_id, file_body FROM documents "
              "ORDER BY file_body")
    ok(rc == 0 and rows == [("FA", "12", "2017-01-18", 3050, 1, 1),
                            ("FA", "456", "2017-01-20", 244000, 1, 2)],
       "a lotto: two purchases of one file, bodies 1 and 2: %r" % rows)
    ok(db(book, "SELECT d.number, count(l.id) FROM documents d JOIN document_lines l ON "
          "l.document_id = d.id GROUP BY d.id ORDER BY d.id") == [("12", 2), ("456", 1)] and
       db(book, "SELECT d.number, p.due, p.amount FROM documents d JOIN document_payments p ON "
          "p.document_id = d.id ORDER BY d.id") == [("12", "2017-02-18", 3050),
                                                    ("456", "2017-02-20", 244000)] and
       db(book, "SELECT d.number, v.taxable, v.tax FROM documents d JOIN document_vat v ON "
          "v.document_id = d.id ORDER BY d.id") == [("12", 2500, 550), ("456", 200000, 44000)],
       "each with its lines, its VAT summary and its payment schedule")
    ok(db(book, "SELECT number, pay_method FROM documents ORDER BY id") ==
       [("12", "MP01"), ("456", "MP19")],
       "and the header's payment method, from the schedule, as the form shows it")
    iban = variant("FPR02", "<ModalitaPagamento>MP01</ModalitaPagamento>",
                   "<ModalitaPagamento>MP05</ModalitaPagamento><IBAN>IT60X0542811101000000123456"
                   "</IBAN>", "iban.xml")
    b = os.path.join(tmp, "iban.sqlite")
    rc, out, err = run("import", "--book", b, iban)
    ok(rc == 0 and db(b, "SELECT pay_method, iban FROM documents") ==
       [("MP05", "IT60X0542811101000000123456")] and
       db(b, "SELECT mode, iban, amount FROM document_payments") ==
       [("MP05", "IT60X0542811101000000123456", 3050)],
       "a bank transfer's IBAN: in the header and the schedule %s" % err)
    # body 2 repeats a document already in the book (FPA01's): the whole
    # file is skipped, its body 1 not stored either
    other = os.path.join(tmp, "lotto2.sqlite")
    rc, out, err = run("import", "--book", other, sample("FPA01"))
    two = variant("FPA03", "<Data>2017-01-20</Data>\n        <Numero>456</Numero>",
                  "<Data>2017-01-18</Data>\n        <Numero>123</Numero>", "lotto-dup.xml")
    before = db(other, "SELECT count(*) FROM documents")[0][0]
    rc, out, err = run("import", "--book", other, two)
    ok(rc == 0 and "already in: 1" in out and
       db(other, "SELECT count(*) FROM documents")[0][0] == before and
       db(other, "SELECT count(*) FROM document_files")[0][0] == 1,
       "a lotto whose body 2 is in the book already: nothing of it, body 1 included: %s" %
       out.strip())
    rc, out, err = run("import", "--book", other, sample("FPA03"))
    ok(rc == 0 and db(other, "SELECT count(*) FROM documents")[0][0] == before + 2,
       "the lotto as sent: both bodies")


PDF = b"%PDF-1.4\n% a little PDF\n" + bytes(range(256)) + b"\n%%EOF\n"
ZIP = b"PK\x03\x04" + b"\x00" * 26 + b"zipped bytes as sent"


def attached_file():
    body = (allegato("fattura.pdf", PDF, "PDF", "Copia di cortesia") +
            allegato("../../evil.sh", b"#!/bin/sh\necho owned\n", descr="hostile") +
            allegato("dati.zip", ZIP, "ZIP", compression="ZIP", wrap=False))
    return variant("FPR02", "</FatturaElettronicaBody>", body + "</FatturaElettronicaBody>",
                   "attached.xml")


def test_attachments():
    path = attached_file()
    book = os.path.join(tmp, "attach.sqlite")
    rc, out, err = run("import", "--book", book, path)
    rows = db(book, "SELECT seq, name, format, description, compression, content, sha256 FROM "
              "document_attachments ORDER BY seq")
    ok(rc == 0 and "3 attachment(s) kept" in out and
       [r[:5] for r in rows] == [(1, "fattura.pdf", "PDF", "Copia di cortesia", ""),
                                 (2, "../../evil.sh", "", "hostile", ""),
                                 (3, "dati.zip", "ZIP", "", "ZIP")],
       "three attachments kept with name, format, description, compression: %r" %
       [r[:5] for r in rows])
    ok(len(rows) == 3 and rows[0][5] == PDF and rows[2][5] == ZIP and
       rows[0][6] == hashlib.sha256(PDF).hexdigest(),
       "their bytes as sent (base64 in lines and on one line), the ZIP not uncompressed")
    ok(read(path) == db(book, "SELECT content FROM document_files")[0][0],
       "the original file, attachments and all, byte for byte")
    doc = db(book, "SELECT id FROM documents")[0][0]
    rc, out, err = run("attachments", "--book", book, str(doc))
    ok(rc == 0 and "fattura.pdf\t%d\tPDF\t%s\tCopia di cortesia" %
       (len(PDF), hashlib.sha256(PDF).hexdigest()) in out and "../../evil.sh" in out and
       "compressed ZIP by the supplier: kept and written as sent" in out,
       "attachments lists them, the compressed one said so: %s" % out)
    dest = os.path.join(tmp, "out")
    os.mkdir(dest)
    rc, out, err = run("attachments", "--book", book, "--extract", dest, str(doc))
    ok(rc == 1 and sorted(os.listdir(dest)) == ["dati.zip", "fattura.pdf"] and
       read(os.path.join(dest, "fattura.pdf")) == PDF and
       read(os.path.join(dest, "dati.zip")) == ZIP,
       "--extract writes the two safe ones byte for byte: %s" % sorted(os.listdir(dest)))
    ok('refused: attachment 2, "../../evil.sh": its name has ".." in it; not written' in out
       and not os.path.exists(os.path.join(tmp, "evil.sh")) and
       not os.path.exists(os.path.join(os.path.dirname(tmp), "evil.sh")),
       "the hostile name is refused with a clear message, nothing written outside: %s" % out)
    write(os.path.join(dest, "fattura.pdf"), b"mine")
    rc, out, err = run("attachments", "--book", book, "--extract", dest, str(doc))
    ok(rc == 1 and "already exists" in out and read(os.path.join(dest, "fattura.pdf")) == b"mine",
       "an existing file is not overwritten without --force: %s" % out)
    rc, out, err = run("attachments", "--book", book, "--extract", dest, "--force", str(doc))
    ok(rc == 1 and read(os.path.join(dest, "fattura.pdf")) == PDF,
       "--force overwrites it (the hostile one still refused)")
    for i, (name, why) in enumerate((("a/b.pdf", "a folder in it"),
                                     (".profile", "starts with a dot"),
                                     ("x\tb.pdf", "control characters"),
                                     ("..", '".." in it'))):
        p = variant("FPR02", "</FatturaElettronicaBody>",
                    allegato(name, b"x") + "</FatturaElettronicaBody>", "hostile.xml")
        b = os.path.join(tmp, "hostile-%d.sqlite" % i)
        rc, out, err = run("import", "--book", b, p)
        d = os.path.join(tmp, "hostile-out-%d" % i)
        os.mkdir(d)
        rc2, out2, err2 = run("attachments", "--book", b, "--extract", d, "1")
        ok(rc == 0 and rc2 == 1 and why in out2 and os.listdir(d) == [] and "\t" not in out2,
           "an attachment named %r is kept but not written: %s" % (name, out2.strip()))
    rc, out, err = run("attachments", "--book", book, "99")
    ok(rc == 1 and "there is no document 99" in err, "attachments of no document: %s" % err)
    b = os.path.join(tmp, "fpr04.sqlite")
    rc, out, err = run("import", "--book", b, sample("FPR04"))
    rc, out, err = run("attachments", "--book", b, "1")
    ok(rc == 0 and "LogoA.jpg" in out, "the official sample's attachment too: %s" % out)
    broken = variant("FPR02", "</FatturaElettronicaBody>",
                     "<Allegati><NomeAttachment>a.pdf</NomeAttachment><Attachment>@@not base64"
                     "@@</Attachment></Allegati></FatturaElettronicaBody>", "broken.xml")
    b = os.path.join(tmp, "broken-attach.sqlite")
    rc, out, err = run("import", "--book", b, broken)
    ok(rc == 1 and "<Attachment> of a.pdf is not base64" in err and
       db(b, "SELECT count(*) FROM documents") == [(0,)],
       "an attachment that is not base64 refuses the file, the line named: %s" % err.strip())


def test_html_pdf():
    book = os.path.join(tmp, "render.sqlite")
    run("import", "--book", book, sample("FPR02"))
    html = os.path.join(tmp, "doc.html")
    rc, out, err = run("html", "--book", book, "--xsl", XSL, "--output", html, "1")
    text = read(html).decode("utf-8", "replace") if os.path.exists(html) else ""
    ok(rc == 0 and "<html" in text and "SOCIETA' ALPHA SRL" in text and "BETA GAMMA" in text,
       "html --book: the stored original through the Agenzia's stylesheet %s" % err)
    rc, out, err = run("html", "--book", book, "1")
    ok(rc == 0 and "<html" in out and "BETA GAMMA" in out,
       "html --book without --xsl: the stylesheet of SCRIVANO_FATTURAPA")
    rc, out, err = run("html", "--book", book, "7")
    ok(rc == 1 and "there is no document 7" in err, "html of no document: %s" % err.strip())
    pdftotext = shutil.which("pdftotext")
    out_pdf = os.path.join(tmp, "doc.pdf")
    rc, out, err = run("pdf", "--book", book, "-o", out_pdf, "1")
    if pdftotext:
        t = subprocess.run([pdftotext, "-layout", out_pdf, "-"], capture_output=True,
                           text=True).stdout if os.path.exists(out_pdf) else ""
        ok(rc == 0 and "SOCIETA' ALPHA SRL" in t and "Purchase invoice 123 of 18/12/2014" in t
           and "FORNITURE VARIE PER UFFICIO" in t and "30,50" in t,
           "pdf: the purchase as an A4 PDF, read back: supplier, number, lines, total")
    else:
        skip("no pdftotext")
    rc, out, err = run("pdf", "--book", book, "-o", out_pdf, "1")
    ok(rc == 1 and "already exists" in err, "pdf: an existing file needs --force: %s" % err)
    rc, out, err = run("pdf", "--book", book, "--force", "-o", out_pdf, "1")
    ok(rc == 0, "pdf --force")
    rc, out, err = run("pdf", "--book", book, "1")
    ok(rc == 2 and "usage" in err, "pdf without -o: usage")
    rc, out, err = run("pdf", "--book", os.path.join(tmp, "none.sqlite"), "-o", out_pdf, "1")
    ok(rc == 1 and not os.path.exists(os.path.join(tmp, "none.sqlite")),
       "a book that is not there is not made: %s" % err.strip())


try:
    test_folder()
    test_progress()
    test_p7m()
    test_lotto()
    test_attachments()
    test_html_pdf()
finally:
    shutil.rmtree(tmp, ignore_errors=True)
plan()
