"""The VAT settlement on the screen (issue 16 point 5) end to end: a real
OpenSSH client logs in to a real `scrivano serve` on a book of a quarterly
company whose first quarter of 2026 holds sales at 22% and 10%, a
split-payment sale, a credit note, a reverse-charge purchase with its
self-invoice and a deductible purchase (the hand computation of
tests/unit/test-vat-settle.c: 1,949.30 to pay, interest 19.30). The menu's
VAT settlements opens the list; New offers a period, 2026Q1 is typed and
its figures are computed as the cursor leaves it; saved, its F24 command
makes the draft: the status line says so, the book holds an F24 draft with
6031 2026 1,949.30 due 18 May 2026 linked to the settlement, and the form
is then frozen. Before, the purchases' list and form show each purchase's
protocol in the purchases register. The Sales register command shows the register with its
totals; the Purchases register PDF command writes the PDF into the export
folder, read back with pdftotext. Last, the Deductible VAT of a purchase
of the settled quarter is refused, naming the period and its F24."""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, book_rows  # noqa: E402

tap = Tap()

F2, F5, F10 = "\x1bOQ", "\x1b[15~", "\x1b[21~"
ENTER, TAB = "\r", "\t"
DOWN, HOME, PGDN = "\x1b[B", "\x1bOH", "\x1b[6~"

BOOK_SQL = """
UPDATE company SET name = 'Studio Bianchi Srl', piva = '01234567897', address = 'Via Roma',
  cap = '20100', city = 'Milano', province = 'MI', vat_periodicity = 'T';
INSERT INTO parties (id, role, name, piva) VALUES (1, 'C', 'Rossi Spa', '12345678903'),
  (2, 'C', 'Comune di Milano', '09876543217'), (3, 'S', 'Alfa Srl', '02468135799'),
  (4, 'S', 'Edile Srl', '01111111116');
INSERT INTO documents (id, direction, kind, state, party_id, type, number, date, taxable, tax,
  total, split_payment) VALUES
  (1, 'S', 'FAT', 'I', 1, 'TD01', '1/2026', '2026-01-15', 1000000, 220000, 1220000, 0),
  (2, 'S', 'FAT', 'I', 1, 'TD01', '2/2026', '2026-02-10', 500000, 50000, 550000, 0),
  (3, 'S', 'FAT', 'I', 2, 'TD01', '3/2026', '2026-03-05', 200000, 44000, 244000, 1),
  (4, 'S', 'NC', 'I', 1, 'TD04', '4/2026', '2026-03-20', 50000, 11000, 61000, 0),
  (5, 'S', 'AUT', 'I', 4, 'TD16', '1/2026', '2026-03-10', 100000, 22000, 122000, 0),
  (6, 'P', 'FA', 'I', 3, 'TD01', 'A-7', '2026-02-20', 300000, 66000, 366000, 0),
  (7, 'P', 'FA', 'I', 4, 'TD01', 'B-3', '2026-03-08', 100000, 0, 100000, 0);
INSERT INTO document_vat (document_id, seq, vat_rate, natura, taxable, tax, esigibilita) VALUES
  (1, 1, 2200, '', 1000000, 220000, 'I'), (2, 1, 1000, '', 500000, 50000, 'I'),
  (3, 1, 2200, '', 200000, 44000, 'S'), (4, 1, 2200, '', 50000, 11000, 'I'),
  (5, 1, 2200, '', 100000, 22000, 'I'), (6, 1, 2200, '', 300000, 66000, 'I'),
  (7, 1, 0, 'N6.7', 100000, 0, 'I');
INSERT INTO vat_protocols (document_id, year, number) VALUES (5, 2026, 1), (6, 2026, 2),
  (7, 2026, 3);
"""


def prepare(srv, book):
    subprocess.run([SCRIVANO, "book", "init", book], check=True, capture_output=True,
                   env=srv.env)
    subprocess.run(["sqlite3", book, BOOK_SQL], check=True)
    srv.give_datadir()


def test_protocol(c):
    """The purchases' list shows each one's protocol in the purchases
    register; the purchase's form, on its second page, read only."""
    c.send(HOME + DOWN * 13 + ENTER)  # Documents
    c.wait_for("Purchase invoices", 5)
    c.send(HOME + DOWN * 11 + ENTER)  # Purchase invoices
    tap.ok("the purchases list by their protocol: A-7 2/2026, B-3 3/2026",
           c.wait_for(re.compile(r"Number\s+Date\s+Supplier\s+Protocol"), 5) and
           c.wait_for(re.compile(r"A-7\s.*20/02/2026.*Alfa Srl\s.*2/2026\s+3\.660,00"), 5) and
           re.search(r"B-3\s.*Edile Srl\s.*3/2026\s+1\.000,00", c.screen_text()),
           c.screen_text())
    c.send(ENTER)
    c.wait_for("Linked documents", 5)
    c.send(PGDN)
    tap.ok("the purchase's form: its VAT protocol on the second page",
           c.wait_for(re.compile(r"VAT protocol\s+\[?\s*2/2026"), 5), c.screen_text())
    c.send(F10)
    c.wait_for("Protocol", 5)
    c.send(F10)
    c.wait_for("Purchase invoices", 5)
    c.send(F10)
    tap.ok("back to the main menu", c.wait_for("Main menu", 5), c.screen_text())


def test_settle(c):
    c.send("V")
    c.settle()
    c.send(ENTER)
    tap.ok("the menu's VAT settlements opens their list",
           c.wait_for("Main menu > VAT settlements", 5) and c.wait_for("F5 New", 5),
           c.screen_text())
    c.send(F5)
    tap.ok("New offers a period, the quarter before today's",
           c.wait_for("Cadence [T", 5), c.screen_text())
    c.send("2026q1" + TAB)
    tap.ok("2026Q1 typed: its figures computed as the cursor leaves it",
           c.wait_for("2026Q1", 5) and c.wait_for("1.949,30", 5), c.screen_text())
    text = c.flat_text()
    tap.ok("the quadro VP as the hand computation has it: VP4 2.810,00, VP5 880,00, "
           "VP6 1.930,00, VP12 19,30",
           all(v in text for v in ("2.810,00", "880,00", "1.930,00", "19,30", "440,00")),
           c.screen_text())
    tap.ok("code 6031 by 18/05/2026", "6031" in text and "18/05/2026" in text, c.screen_text())
    c.send(F2)
    tap.ok("saved", c.wait_for("Saved.", 5), c.screen_text())
    tap.ok("its commands offer the F24 draft", c.pick_command("F24 draft"), c.screen_text())
    tap.ok("the F24 command makes the draft and says so",
           c.wait_for("F24 draft 1 made", 10) and "1.949,30" in c.flat_text(),
           c.screen_text())
    tap.ok("the settlement is now frozen by its F24", c.wait_for("F24 made", 5),
           c.screen_text())


def test_registers(c, book):
    tap.ok("the Sales register command", c.pick_command("Sales register"), c.screen_text())
    tap.ok("shows the register with the split payment marked",
           c.wait_for("VAT sales register 2026Q1", 5) and "3/2026" in c.flat_text() and
           " SP" in c.flat_text(), c.screen_text())
    c.send(F10)
    tap.ok("back in the form", c.wait_for("VP14", 5), c.screen_text())
    tap.ok("the Purchases register PDF command", c.pick_command("Purchases register PDF"),
           c.screen_text())
    tap.ok("offers its file in the export folder",
           c.wait_for("registro-iva-acquisti-2026Q1.pdf", 5), c.screen_text())
    c.send(ENTER)
    tap.ok("and writes it", c.wait_for("Written to", 10), c.screen_text())
    path = os.path.join(os.path.dirname(book), "export", "anna",
                        "registro-iva-acquisti-2026Q1.pdf")
    text = ""
    if os.path.exists(path):
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                              text=True).stdout
    tap.ok("pdftotext reads the purchases by protocol, the N6.7 and the reverse charge",
           "A-7" in text and "B-3" in text and "N6.7" in text and "RC" in text and
           "220,00" in text, text[-1500:])


def test_share_frozen(c, book):
    """Deductible VAT on A-7, whose quarter is settled with its F24 draft:
    refused, naming the period and the F24; the purchase keeps its 100%."""
    tap.ok("back to the main menu from the settlement", c.to_main_menu(), c.screen_text())
    c.send(HOME + DOWN * 13 + ENTER)  # Documents
    c.wait_for("Purchase invoices", 5)
    c.send(HOME + DOWN * 11 + ENTER)  # Purchase invoices
    c.wait_for(re.compile(r"A-7\s.*Alfa Srl"), 5)
    c.send(ENTER)
    c.wait_for("Linked documents", 5)
    ok = c.pick_command("Deductible VAT") and c.wait_for("Deductible part of the VAT", 5)
    tap.ok("A-7's Deductible VAT asks the part, 100 offered",
           ok and re.search(r"\b100\b", c.screen_text()), c.screen_text())
    c.send("\x7f" * 3 + "40" + ENTER)
    tap.ok("40 refused: the VAT of A-7 is settled in 2026Q1 with F24 number 1, to be "
           "corrected in a later period",
           c.wait_for("F24 number 1", 5) and
           re.search(r"FA A-7 is settled in 2026Q1 with F24 number 1: its deductible share "
                     r"stays\. Correct it in a later period", c.flat_text()),
           c.screen_text())
    tap.is_eq("the book: A-7 still 100% deductible",
              book_rows(book, "SELECT vat_deductible FROM documents WHERE number = 'A-7'"),
              [(10000,)])


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        book = srv.book_path("anna")
        prepare(srv, book)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu", c.wait_for("Main menu", 10), c.screen_text())
            test_protocol(c)
            test_settle(c)
            test_registers(c, book)
            test_share_frozen(c, book)
            tap.is_eq("the session ends cleanly", c.end_session(), 0)
        tap.is_eq("in the book: the F24 draft of the settlement holds 6031 2026 1,949.30",
                  book_rows(book, "SELECT f.state, f.due_date, e.code, e.year, e.debit FROM f24 "
                                  "f JOIN f24_erario e ON e.f24_id = f.id"),
                  [("D", "2026-05-18", "6031", "2026", 194930)])
        tap.is_eq("and the settlement kept, linked to it",
                  book_rows(book, "SELECT period, periodicity, vp14_debit, to_pay, f24_id "
                                  "FROM vat_settlements"),
                  [("2026Q1", "T", 194930, 194930, 1)])
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
