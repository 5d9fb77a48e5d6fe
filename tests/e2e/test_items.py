"""Open items (issue 16 point 1) end to end: a real OpenSSH client logs in
to a real `scrivano serve` whose today is 20/05/2026 (SCRIVANO_TODAY,
which the server passes on to the forms) and types an invoice dated
02/03/2026 with the schedule 30/60: issued, it has two open items, due
01/04/2026 and 01/05/2026, 610,00 each. A bank CSV imported into the prima
nota has a line of 610,00 from the customer naming the invoice: the report
says it may pay open items, and the entry's command Settle open items
offers it as the payment of the first instalment, naming it; accepted
with y, the item is paid and the entry linked (read back with sqlite3).
The second instalment is overdue: the Overdue receivables list shows it,
19 days past due, and the ageing puts it in 0-30 days. The party's
statement (a command of the item) shows the invoice, both instalments
(the first paid, the second open and overdue), the payment and the
running balance; as a PDF in the export folder it reads the same with
pdftotext. Last, Pay on the overdue one of less than is open: partly
paid, by a new prima nota entry linked to it."""

import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env, book_rows  # noqa: E402

tap = Tap()

F2, F5, F7 = "\x1bOQ", "\x1b[15~", "\x1b[18~"
F10 = "\x1b[21~"
TAB, ENTER, PGDN, DOWN, HOME = "\t", "\r", "\x1b[6~", "\x1b[B", "\x1bOH"
ESC_B = "\x1bb"

CUSTOMER = "Rossi Forniture S.r.l."
IBAN = "IT60X0542811101000000123456"
TODAY = "2026-05-20"

CSV = "\r\n".join([
    "Intesa Sanpaolo;;;;;", "IBAN: %s;;;;;" % IBAN, ";;;;;",
    "Data contabile;Data valuta;Descrizione;Accrediti;Addebiti;Descrizione estesa",
    "03/04/2026;03/04/2026;BONIFICO A VOSTRO FAVORE;610,00;;"
    "BONIFICO DA ROSSI FORNITURE SRL RATA 1 FT 1/2026",
    "05/04/2026;05/04/2026;PAGAMENTO POS;;45,90;POS 1234 ESSELUNGA MILANO", ""])


def make_book(srv):
    path = srv.book_path("anna")
    r = subprocess.run([SCRIVANO, "book", "init", path], capture_output=True, text=True,
                       env=base_env(), timeout=30)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    db = sqlite3.connect(path)
    db.execute("UPDATE company SET name = 'Ferramenta Bianchi S.r.l.', piva = '01234567897', "
               "cf = '01234567897', address = 'Via Roma', street_no = '1', cap = '20100', "
               "city = 'Milano', province = 'MI'")
    db.execute("INSERT INTO parties (role, kind, name, piva, cf, address, street_no, cap, "
               "city, province, country, sdi, pay_method) VALUES ('C', 'C', ?, "
               "'12345678903', '12345678903', 'Via Verdi', '5', '10100', 'Torino', 'TO', "
               "'IT', 'ABC1234', 'MP05')", (CUSTOMER,))
    db.execute("UPDATE pn_accounts SET iban = ? WHERE name = 'Banca'", (IBAN,))
    db.commit()
    db.close()
    folder = os.path.join(os.path.dirname(path), "import", "anna")
    os.makedirs(folder, 0o700)
    with open(os.path.join(folder, "intesa.csv"), "w") as f:
        f.write(CSV)
    srv.give_datadir()
    return path


def items(book):
    return book_rows(book, "SELECT seq, due, amount, paid, state FROM open_items ORDER BY seq")


def type_invoice(c, book):
    c.send(HOME + DOWN * 13 + ENTER)
    c.wait_for("Purchase invoices", 5)
    c.send("5")
    c.wait_for(re.compile(r"Invoices"), 5)
    c.send(F5)
    tap.ok("a new invoice", c.wait_for("Invoices - New (1/4)", 5), c.screen_text())
    # kind, date (today offered: typing replaces it), operation date, party, series, the lines
    c.send(TAB + "02/03/2026" + TAB + TAB + CUSTOMER + TAB + TAB)
    c.send(" " + TAB + "Consulenza" + TAB + "1" + TAB + "h" + TAB + "1000" + TAB + TAB +
           "22" + TAB + TAB)
    tap.ok("its line: 1 x 1.000,00 at 22%",
           c.wait_for(re.compile(r"\[Consulenza\s*\].*\[\s*1\.000,00\]"), 5), c.screen_text())
    c.send(TAB)
    c.wait_for("Invoices - New (2/4)", 5)
    c.send(PGDN)
    tap.ok("the third page: where it goes and how it is paid",
           c.wait_for("Invoices - New (3/4)", 5), c.screen_text())
    # SDI code, PA office, PEC, split payment, then the payment schedule
    c.send(TAB * 4 + "30/60" + TAB)
    c.send(F2)
    tap.ok("the invoice is saved", c.wait_for("Saved.", 5), c.screen_text())
    tap.is_eq("with two instalments, 30 and 60 days after its date",
              book_rows(book, "SELECT due, amount FROM document_payments ORDER BY seq"),
              [("2026-04-01", 61000), ("2026-05-01", 61000)])
    tap.is_eq("a draft has no open items", items(book), [])
    ok = c.pick_command("Issue") and c.wait_for("Issue this document?", 10)
    c.send("y")
    tap.ok("issued as 1/2026", ok and c.wait_for("Issued as 1/2026.", 15), c.screen_text())
    tap.is_eq("issued, it has two open items receivable of 610,00, open",
              items(book), [(1, "2026-04-01", 61000, 0, "O"), (2, "2026-05-01", 61000, 0, "O")])
    c.to_main_menu()


def bank_line(c, book):
    c.send("6")
    c.wait_for("F5 New", 5)
    c.send(ESC_B)
    c.wait_for("Bank statement", 5)
    c.send("intesa.csv" + ENTER)
    c.wait_for("Into which account", 5)
    c.send("Banca" + ENTER)
    tap.ok("the import's report: two new, one may pay open items",
           c.wait_for(re.compile(r"0 matched, 2 new, 0 already in; 1 may pay open items"), 10),
           c.screen_text())
    entry = book_rows(book, "SELECT id FROM pn_entries WHERE amount = 61000")
    entry = entry[0][0] if entry else 0
    tap.ok("the line is a new entry, not linked yet",
           entry != 0 and book_rows(book, "SELECT count(*) FROM item_links")[0][0] == 0)
    # the list is in date order: the bank line of 03/04 is the first row
    c.send(HOME)
    c.settle()
    offered = c.pick_command("Settle open items")
    tap.ok("Settle open items offers it as the payment of the first instalment, naming it",
           offered and c.wait_for("This entry pays FAT 1/2026 (Rossi Forniture S.r.l.), "
                                  "instalment 1 of 2 due", 10) and
           c.wait_for("2026-04-01: 610,00. Settle it?", 5), c.screen_text())
    c.send("y")
    tap.ok("accepted with y", c.wait_for("Settled: FAT 1/2026", 10), c.screen_text())
    tap.is_eq("the first item is paid, the second still open",
              items(book), [(1, "2026-04-01", 61000, 61000, "P"), (2, "2026-05-01", 61000, 0, "O")])
    tap.is_eq("and linked to the entry for its amount",
              book_rows(book, "SELECT l.entry_id, i.seq, l.amount FROM item_links l JOIN "
                              "open_items i ON i.id = l.item_id"), [(entry, 1, 61000)])
    tap.is_eq("the entry takes the causale IC and the customer",
              book_rows(book, "SELECT causale, party_id FROM pn_entries WHERE id = ?", entry),
              [("IC", 1)])
    c.send(HOME)
    c.settle()
    c.pick_command("Settle open items")
    tap.ok("offered again, the entry says it pays an item already",
           c.wait_for("pays 1 open item already", 10), c.screen_text())
    c.to_main_menu()


def overdue_and_statement(c, srv, book):
    c.send("O")
    c.settle()
    c.send(ENTER)
    tap.ok("Open items opens its menu", c.wait_for("Overdue receivables", 5), c.screen_text())
    c.send("3")
    tap.ok("Overdue receivables lists the second instalment, 19 days past due",
           c.wait_for(re.compile(r"01/05/2026\s+Rossi Fornitur\s+FAT 1/2026\s+2\s+610,00\s+O"
                                 r"\s+19\b"), 5) and "01/04/2026" not in c.screen_text(),
           c.screen_text())
    ok = c.pick_command("Statement")
    shown = ok and c.wait_for("Statement of account as of 2026-05-20", 10)
    text = c.screen_text()
    tap.ok("the statement: the invoice and its amount",
           shown and re.search(r"2026-03-02 FAT 1/2026\s+1\.220,00\s+1\.220,00", text), text)
    tap.ok("both instalments: the first paid, the second open and overdue",
           re.search(r"1/2 paid\s+2026-04-01", text) and
           re.search(r"2/2 open 610,00\s+2026-05-01 overdue", text), text)
    tap.ok("the payment, with the balance after it",
           re.search(r"2026-04-03 BONIFICO A VOSTRO FA\s+610,00\s+610,00", text), text)
    tap.ok("the balance, all of it past due",
           "Balance 610,00, of which past due 610,00" in text, text)
    c.send(F10)
    c.wait_for("Overdue receivables", 5)
    ok = c.pick_command("Statement PDF") and c.wait_for("a new file in", 5)
    c.send(ENTER)
    tap.ok("Statement PDF writes it into the export folder",
           ok and c.wait_for("Written to", 10), c.screen_text())
    folder = os.path.join(os.path.dirname(book), "export", "anna")
    pdfs = [f for f in os.listdir(folder) if f.endswith(".pdf")] if os.path.isdir(folder) else []
    txt = ""
    if pdfs:
        txt = subprocess.run(["pdftotext", "-layout", os.path.join(folder, pdfs[0]), "-"],
                             capture_output=True, text=True).stdout
    tap.ok("the PDF reads back: both instalments, the second 19 days late",
           re.search(r"instalment 1 of 2: paid\s+2026-04-01", txt) and
           re.search(r"instalment 2 of 2: open 610,00, 19 days late\s+2026-05-01", txt), txt)
    c.to_main_menu()
    c.send("O")
    c.settle()
    c.send(ENTER)
    c.wait_for("Overdue receivables", 5)
    c.send("4")
    tap.ok("Ageing of receivables: 610,00 in 0-30 days, and its total under it",
           c.wait_for(re.compile(r"Rossi Fornit {15}610,00"), 5) and
           re.search(r"Total\s+0,00\s+610,00\s+0,00\s+0,00\s+0,00", c.screen_text()),
           c.screen_text())


def pay_part(c, book):
    """Pay on the overdue instalment, of less than is open: partly paid."""
    c.send(F10)
    c.wait_for("Overdue receivables", 5)
    c.send("3")
    c.wait_for("FAT 1/2026", 5)
    ok = c.pick_command("Pay") and c.wait_for("Pay open items", 5)
    tap.ok("Pay opens its form: the item, what is open, today, the first bank account",
           ok and re.search(r"Items paid\s+\[2\s*\]", c.screen_text()) and
           re.search(r"Still open\s+\[\s*610,00", c.screen_text()) and
           re.search(r"Payment date\s+\[20/05/2026\]", c.screen_text()) and
           re.search(r"Amount paid\s+\[\s*610,00", c.screen_text()) and
           re.search(r"Through\s+\[Banca", c.screen_text()), c.screen_text())
    # items, then the date, then the amount: typing replaces what is offered
    c.send(TAB + TAB + "200" + TAB)
    c.send(F2)
    tap.ok("saved", c.wait_for("Saved", 5), c.screen_text())
    tap.is_eq("the second instalment is partly paid, 200,00 of 610,00",
              items(book)[1], (2, "2026-05-01", 61000, 20000, "A"))
    tap.is_eq("by a new prima nota entry on Banca, causale IC, linked to it",
              book_rows(book, "SELECT e.amount, e.causale, e.date, i.seq FROM pn_entries e "
                              "JOIN item_links l ON l.entry_id = e.id JOIN open_items i ON "
                              "i.id = l.item_id WHERE e.amount = 20000"),
              [(20000, "IC", "2026-05-20", 2)])


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap, env={"SCRIVANO_TODAY": TODAY}) as srv:
        book = make_book(srv)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu", c.wait_for("Main menu", 10), c.screen_text())
            type_invoice(c, book)
            bank_line(c, book)
            overdue_and_statement(c, srv, book)
            pay_part(c, book)
            tap.is_eq("the session ends cleanly", c.end_session(), 0)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
