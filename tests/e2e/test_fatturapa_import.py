"""Supplier invoices in from the TUI (issue 15 point 5) end to end: a real
OpenSSH client logs in to a real `scrivano serve`; a supplier's signed
.p7m (made here with openssl, carrying an attachment) and a file that is
no invoice lie in the book's import folder (import/anna/ beside the
book). In the Purchase invoices list, Import (Esc b) reads the folder:
the report shows in the pager, the purchase then in the list with its
supplier, number, date and total. Its command Original shows the
supplier's file as text (the supplier, the buyer, the lines) in the pager;
Attachments writes the attached file into the export folder and says
where, and again refuses to overwrite it, saying why. Import again: the file is already in, nothing is added. SQLite
holds the purchase with its original file, byte for byte, and the
attachment."""

import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env, book_rows  # noqa: E402

tap = Tap()

F10 = "\x1b[21~"
ENTER, DOWN, HOME, ESC_B = "\r", "\x1b[B", "\x1bOH", "\x1bb"
FPA = os.environ.get("SCRIVANO_FATTURAPA", "")
SCHEDA = b"%PDF-1.4\n% scheda tecnica\n" + bytes(range(200)) + b"\n%%EOF\n"
# FPR01 of the official samples: SOCIETA' ALPHA SRL to DITTA BETA, one
# line, 5,00 + 22% = 6,10
LINE = "DESCRIZIONE DELLA FORNITURA"


def signed_invoice(folder):
    """FPR01 with an attachment, signed as a .p7m (DER) into folder; its
    bytes."""
    with open(os.path.join(FPA, "samples", "IT01234567890_FPR01.xml"), encoding="utf-8") as f:
        xml = f.read()
    allegato = ("<Allegati><NomeAttachment>scheda.pdf</NomeAttachment><FormatoAttachment>PDF"
                "</FormatoAttachment><Attachment>%s</Attachment></Allegati>" %
                base64.encodebytes(SCHEDA).decode())
    xml = xml.replace("</FatturaElettronicaBody>", allegato + "</FatturaElettronicaBody>", 1)
    work = tempfile.mkdtemp(prefix="scrivano-e2e-p7m-")
    try:
        src, key, crt = (os.path.join(work, n) for n in ("in.xml", "k.pem", "c.pem"))
        with open(src, "w", encoding="utf-8") as f:
            f.write(xml)
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                        key, "-out", crt, "-days", "2", "-subj", "/CN=Alpha Firma"],
                       capture_output=True, check=True)
        out = os.path.join(folder, "IT01234567890_00001.xml.p7m")
        subprocess.run(["openssl", "cms", "-sign", "-nodetach", "-binary", "-outform", "DER",
                        "-in", src, "-signer", crt, "-inkey", key, "-out", out],
                       capture_output=True, check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(out, "rb") as f:
        return f.read()


def prepare(srv):
    book = srv.book_path("anna")
    subprocess.run([SCRIVANO, "book", "init", book], check=True, capture_output=True,
                   env=base_env())
    folder = os.path.join(os.path.dirname(book), "import", "anna")
    os.makedirs(folder, 0o700)
    data = signed_invoice(folder)
    with open(os.path.join(folder, "leggimi.txt"), "w") as f:
        f.write("not an invoice\n")
    srv.give_datadir()
    return book, data


def to_purchases(c):
    c.send(HOME + DOWN * 13 + ENTER)
    if not c.wait_for("Purchase invoices", 5):
        return False
    c.send(HOME + DOWN * 11 + ENTER)
    return c.wait_for(re.compile(r"Purchase invoices.*(Nothing here yet|Protocol)", re.S), 5)



def test_import(c, book, data):
    tap.ok("Documents, Purchase invoices: the list", to_purchases(c), c.screen_text())
    c.send(ESC_B)
    tap.ok("Import (Esc b) reads the import folder; the report in the pager",
           c.wait_for("Print preview", 15) and
           c.wait_for("Files imported: 1 (documents 1, attachments 1); already in: 0;", 5),
           c.screen_text())
    tap.ok("the report names the file imported and the one skipped",
           "imported: IT01234567890_00001.xml.p7m: 1 document(s) from SOCIETA' ALPHA SRL"
           in c.screen_text() and "skipped, not .xml nor .p7m: leggimi.txt" in c.screen_text(),
           c.screen_text())
    c.send(F10)
    tap.ok("back in the list: the purchase with its supplier, number, date, protocol and total",
           c.wait_for(re.compile(r"\[?123\s.*18/12/2014.*SOCIETA' ALPHA SR.*1/2014.*6,10"),
                      10), c.screen_text())
    tap.ok("and the summary on the status line",
           "Files imported: 1" in c.screen_text(), c.screen_text())
    tap.ok("Original: the command is offered", c.pick_command("Original"), c.screen_text())
    tap.ok("Original shows the supplier's file in the pager: the supplier and the buyer",
           c.wait_for("Print preview", 10) and c.wait_for("SOCIETA' ALPHA SRL", 5) and
           "DITTA BETA" in c.screen_text(), c.screen_text())
    c.send(DOWN * 14)
    tap.ok("and, scrolled, the line with its amount",
           c.wait_for(re.compile(LINE + r"\s+5,00\s+1,00\s+5,00"), 5), c.screen_text())
    c.send(F10)
    c.wait_for("Purchase invoices", 5)
    tap.ok("Attachments: the command is offered", c.pick_command("Attachments"), c.screen_text())
    tap.ok("Attachments writes the file into the export folder and says where",
           c.wait_for("1 attachment(s) written into", 10) and
           "/export/anna." in c.screen_text(), c.screen_text())
    out = os.path.join(os.path.dirname(book), "export", "anna", "scheda.pdf")
    with open(out, "rb") if os.path.exists(out) else open(os.devnull, "rb") as f:
        tap.ok("the attachment is there, byte for byte", f.read() == SCHEDA, out)
    c.pick_command("Attachments")
    tap.ok("Attachments again: the file there is not overwritten, and the message says why",
           c.wait_for("0 attachment(s) written into", 10) and
           "refused: attachment 1:" in c.flat_text() and "already exists" in c.flat_text(),
           c.screen_text())
    c.send(ESC_B)
    tap.ok("Import again: the file is already in",
           c.wait_for("Files imported: 0 (documents 0, attachments 0); already in: 1;", 15),
           c.screen_text())
    c.send(F10)
    c.wait_for("Purchase invoices", 5)


def main():
    if not FPA or not shutil.which("openssl"):
        tap.skip("supplier invoices from the TUI", "no FatturaPA samples or no openssl")
        return tap.done()
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        book, data = prepare(srv)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu", c.wait_for("Main menu", 10), c.screen_text())
            test_import(c, book, data)
            c.send(F10)
            c.wait_for("Documents", 5)
            c.send(F10)
            c.wait_for("Main menu", 5)
            c.send(F10)
            c.wait_for("End the session?", 5)
            c.send("y")
            tap.is_eq("the session ends cleanly", c.wait_exit(10), 0)
        tap.is_eq("SQLite: one purchase, its supplier, its total",
                  book_rows(book, "SELECT d.kind, d.direction, d.number, d.date, d.total, "
                                  "p.name, p.role FROM documents d JOIN parties p ON "
                                  "p.id = d.party_id"),
                  [("FA", "P", "123", "2014-12-18", 610, "SOCIETA' ALPHA SRL", "S")])
        tap.ok("its original file: the .p7m byte for byte, signed",
               book_rows(book, "SELECT f.content, f.signed, f.signer FROM documents d JOIN "
                               "document_files f ON f.id = d.file_id") ==
               [(data, 1, "Alpha Firma")])
        tap.is_eq("and its attachment",
                  book_rows(book, "SELECT name, format, content FROM document_attachments"),
                  [("scheda.pdf", "PDF", SCHEDA)])
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
