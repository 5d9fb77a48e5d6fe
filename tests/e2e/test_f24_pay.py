"""Paying an F24 on the screen (issue 13 part 4) end to end: a real OpenSSH
client logs in to a real `scrivano serve`, opens an F24 draft of the book,
marks it to pay through its commands menu (Esc c, To pay, the due date
offered), then Pay: the form of screens/f24-pay.scr offers today and Banca
and shows the saldo finale; with the bank's reference and a receipt file
placed in the book's import folder it is saved. The book then holds the
F24 paid, one prima nota entry of the saldo finale on Banca (causale F24,
linked both ways), and the receipt with the file's SHA-256; a change to the
paid F24 is refused on the screen, and Export receipt writes the same bytes
into the export folder. Print (F7) shows the F24 section by section in the
print preview, and the PDF command writes the model's PDF into the export
folder (read back with pdftotext)."""

import datetime
import hashlib
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, book_rows  # noqa: E402

tap = Tap()

F2, F7, F10 = "\x1bOQ", "\x1b[18~", "\x1b[21~"
ENTER, TAB, ESC_C = "\r", "\t", "\x1bc"
RECEIPT = b"%PDF-1.4\nQuietanza F24 Ritenute marzo\n\x00\x01\xff fine\n"


def prepare(srv, book):
    subprocess.run([SCRIVANO, "book", "init", book], check=True, capture_output=True,
                   env=srv.env)
    subprocess.run(["sqlite3", book, """
INSERT INTO f24 (description, state, cf, name) VALUES
  ('Ritenute marzo', 'D', '12345678903', 'Rossi Srl');
INSERT INTO f24_erario (f24_id, position, code, year, debit) VALUES
  (1, 1, '1001', '2026', 123456), (1, 2, '1040', '2026', 20000);
"""], check=True)
    folder = os.path.join(os.path.dirname(book), "import", "anna")
    os.makedirs(folder, 0o700)
    with open(os.path.join(folder, "quietanza.pdf"), "wb") as f:
        f.write(RECEIPT)
    srv.give_datadir()


def commands(c, pick):
    """Esc c, then the command labelled pick: its first letter."""
    c.send(ESC_C)
    shown = c.wait_for("Commands", 5)
    return shown and c.wait_for(pick, 5)


def test_pay(c):
    c.send("F" + ENTER)
    tap.ok("the menu opens the F24s' list", c.wait_for("Ritenute marzo", 5), c.screen_text())
    c.send(ENTER)
    tap.ok("Enter opens the F24's form", c.wait_for("Codice fiscale", 5), c.screen_text())
    tap.ok("a draft's commands: To pay", commands(c, "To pay"), c.screen_text())
    c.send(ENTER)
    tap.ok("To pay asks the due date, offered", c.wait_for("Due date (dd/mm/yyyy)", 5),
           c.screen_text())
    c.send(ENTER)
    tap.ok("the F24 is to pay", c.wait_for(re.compile(r"State +\[T "), 5), c.screen_text())
    tap.ok("its commands now offer Pay", commands(c, "Pay") and "Pay" in c.screen_text(),
           c.screen_text())
    c.send("p")
    tap.ok("Pay opens the payment form", c.wait_for("Receipt file", 5), c.screen_text())
    today = datetime.date.today()
    text = c.flat_text()
    tap.ok("it shows the saldo finale and offers today and Banca",
           "1.434,56" in text and today.strftime("%d/%m/%Y") in text and "Banca" in text,
           c.screen_text())
    c.send(TAB + TAB + "CRO 0416-77" + TAB + "quietanza.pdf")
    c.wait_for("quietanza.pdf", 5)
    c.send(F2)
    tap.ok("saving it pays: Saved.", c.wait_for("Saved.", 10), c.screen_text())
    c.send(F10)
    tap.ok("back in the F24's form, it shows paid today from Banca with the reference",
           c.wait_for("Codice fiscale", 5) and
           c.wait_for(re.compile(r"Paid on +\[%s\] +from \[Banca" %
                                 re.escape(today.strftime("%d/%m/%Y"))), 5) and
           "CRO 0416-77" in c.screen_text(),
           c.screen_text())
    return today


def test_paid_stays(c):
    c.send("x")
    c.wait_for("Ritenute marzox", 5) or c.wait_for("xRitenute marzo", 5)
    c.send(F2)
    tap.ok("a change of the paid F24 is refused on the screen",
           c.wait_for("is paid", 5), c.screen_text())
    c.send(F10)
    if c.wait_for("Save changes?", 5):
        c.send("n")
    tap.ok("leaving without saving", c.wait_for("F5 New", 5) or c.wait_for("Main menu", 5),
           c.screen_text())


def test_export(c, book):
    c.send(ENTER)
    c.wait_for("Codice fiscale", 5)
    tap.ok("a paid F24's commands: Cancel payment, Attach and Export receipt",
           commands(c, "Export receipt") and "Cancel payment" in c.screen_text() and
           "Attach receipt" in c.screen_text() and "To pay" not in c.screen_text(),
           c.screen_text())
    c.send("e")
    tap.ok("Export receipt offers the stored name in the export folder",
           c.wait_for("quietanza.pdf", 5) and "export/anna" in c.flat_text(), c.screen_text())
    c.send(ENTER)
    tap.ok("and writes it", c.wait_for("written to", 5), c.screen_text())
    path = os.path.join(os.path.dirname(book), "export", "anna", "quietanza.pdf")
    with open(path, "rb") as f:
        tap.ok("the exported file has the receipt's bytes", f.read() == RECEIPT)
    c.send(F10)
    c.wait_for("F5 New", 5)


def test_print_pdf(c, book):
    c.send(ENTER)
    c.wait_for("Codice fiscale", 5)
    c.send(F7)
    tap.ok("Print shows the F24 in the print preview, section by section",
           c.wait_for("Print preview", 5) and c.wait_for("ERARIO", 5) and
           "1001" in c.screen_text() and "1.234,56" in c.screen_text(), c.screen_text())
    c.send(F10)
    tap.ok("Cancel leaves the preview", c.wait_for("Codice fiscale", 5), c.screen_text())
    tap.ok("the PDF command is offered", commands(c, "PDF"), c.screen_text())
    # the menu picks by first letter: P is Pay's letter on a draft, on a
    # paid F24 the first command starting with P is PDF
    c.send("p")
    tap.ok("PDF offers its file name in the export folder",
           c.wait_for("F24-1-", 5) and "export/anna" in c.flat_text(), c.screen_text())
    c.send(ENTER)
    tap.ok("and writes it", c.wait_for("Written to", 10), c.screen_text())
    folder = os.path.join(os.path.dirname(book), "export", "anna")
    pdfs = [f for f in os.listdir(folder) if f.startswith("F24-1-") and f.endswith(".pdf")]
    tap.ok("a PDF of F24 1 is in the export folder", len(pdfs) == 1, repr(os.listdir(folder)))
    if pdfs:
        text = subprocess.run(["pdftotext", "-layout", os.path.join(folder, pdfs[0]), "-"],
                              capture_output=True, text=True).stdout
        tap.ok("pdftotext reads the codes and the saldo finale in it",
               "1001" in text and "1040" in text and re.search(r"SALDO FINALE.*1\.434,56", text)
               is not None, text[-800:])
    c.send(F10)
    c.wait_for("F5 New", 5)


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        book = srv.book_path("anna")
        prepare(srv, book)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu", c.wait_for("Main menu", 10), c.screen_text())
            today = test_pay(c)
            test_paid_stays(c)
            test_export(c, book)
            test_print_pdf(c, book)
            # back from the list to the menu, where F10 asks to end
            for _ in range(4):
                c.send(F10)
                if c.wait_for("End the session?", 3):
                    break
            c.send("y")
            tap.is_eq("F10 on the menu ends the session cleanly", c.wait_exit(10), 0)
        check_book(book, today)
    return tap.done()


def check_book(book, today):
    tap.is_eq("in the book: the F24 paid today with the bank's reference",
              book_rows(book, "SELECT state, paid_date, pay_reference FROM f24"),
              [("P", today.isoformat(), "CRO 0416-77")])
    tap.is_eq("one prima nota entry: the saldo finale out of Banca, causale F24, linked",
              book_rows(book, "SELECT a.name, e.amount, e.causale, e.description, e.f24_id, "
                              "e.id = f.pay_entry_id FROM pn_entries e JOIN pn_accounts a "
                              "ON a.id = e.account_id JOIN f24 f ON f.id = e.f24_id"),
              [("Banca", -143456, "F24", "F24 Ritenute marzo", 1, 1)])
    tap.is_eq("the stored receipt's SHA-256 is the file's",
              book_rows(book, "SELECT name, sha256, size FROM f24_receipts"),
              [("quietanza.pdf", hashlib.sha256(RECEIPT).hexdigest(), len(RECEIPT))])
    tap.is_eq("and its bytes",
              book_rows(book, "SELECT content FROM f24_receipts"), [(RECEIPT,)])


if __name__ == "__main__":
    sys.exit(main())
