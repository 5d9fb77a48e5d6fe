"""The prima nota of issue 12 end to end: a real OpenSSH client logs in to a
real `scrivano serve` and, through the keys a bookkeeper types, creates a
bank account with an IBAN and an opening balance (ABI and CAB read from
it), types three entries on it (the last one back-dated) and a transfer
from cash, reads the running balances of both accounts on the list (right
after the back-dated entry), filters one month of the bank account, reads
the month's totals in the period view, locks the month in the company
profile and is refused an edit of one of its entries, with nothing
changed in the book. Bad input on the way: both columns filled, an unknown
causale, a transfer to itself."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402

tap = Tap()

F2, F5, F9, F10 = "\x1bOQ", "\x1b[15~", "\x1b[20~", "\x1b[21~"
TAB, ENTER, BACKSPACE, PGDN = "\t", "\r", "\x7f", "\x1b[6~"

ACCOUNT = ["name", "ty", "iban", "bank", "opening", "odate", "cl", "notes"]
ENTRY = ["date", "vdate", "account", "description", "income", "expense", "causale", "to",
         "party", "doc", "mp", "rc", "notes"]


def tabs(src, dst, order):
    return TAB * (order.index(dst) - order.index(src))


def back_to_menu(c):
    c.send(F10)
    c.wait_for("F5 New", 5)
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def test_account(c):
    c.send("8")
    tap.ok("8 opens the accounts, Cassa and Banca already there",
           c.wait_for("F5 New", 5) and re.search(r"Banca\s+B\b", c.screen_text()) and
           re.search(r"Cassa\s+C\b", c.screen_text()), c.screen_text())
    c.send(F5)
    c.wait_for("F2 Save", 5)
    c.send("Banca Intesa" + TAB + TAB + "IT60X0542811101000000123456" + TAB + "Intesa Sanpaolo")
    c.send(TAB + "1.500" + TAB + "01/01/2026" + F2)
    tap.ok("the bank account is saved",
           c.wait_for("Saved.", 5), c.screen_text())
    tap.ok("with ABI and CAB read from its IBAN",
           re.search(r"ABI\s+\[05428\s*\]\s+CAB\s+\[11101", c.screen_text()), c.screen_text())
    tap.ok("and its balance is the opening one",
           re.search(r"Balance\s+\[\s*1\.500,00", c.screen_text()), c.screen_text())
    back_to_menu(c)


def new_entry(c, date, account, what, income="", expense="", causale="", to=""):
    c.send(F5)
    c.wait_for("Prima nota - New", 5)
    c.wait_for("F2 Save", 5)
    c.send(date + TAB + TAB + account + TAB + what + TAB + income + TAB + expense + TAB +
           causale + TAB + to + F2)


def test_entries(c, book):
    c.send("6")
    tap.ok("6 opens the prima nota, empty",
           c.wait_for("Nothing here yet", 5) and "Prima nota" in c.screen_text(), c.screen_text())
    new_entry(c, "05/03/2026", "Banca Intesa", "Incasso fattura 12", income="1.220",
              expense="5", causale="IC")
    tap.ok("an amount in both columns is refused",
           c.wait_for("Out: an entry goes in Entrate or in Uscite, not both", 5),
           c.screen_text())
    tap.is_eq("and nothing is written", book_rows(book, "SELECT count(*) FROM pn_entries")[0][0],
              0)
    c.send(BACKSPACE * 6 + TAB + "XX" + F2)
    tap.ok("an unknown causale is refused",
           c.wait_for("Causale: 'XX' is not in the list; F4 shows it", 5), c.screen_text())
    c.send(BACKSPACE * 2 + "IC" + F2)
    tap.ok("the first entry is saved", c.wait_for("Saved.", 5), c.screen_text())
    tap.ok("its balance is the opening plus it",
           re.search(r"Balance\s+\[\s*2\.720,00", c.screen_text()), c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    new_entry(c, "10/03/2026", "Banca Intesa", "Pagamento fornitore Alfa", expense="300,50",
              causale="PF")
    tap.ok("the second entry is saved", c.wait_for("Saved.", 5), c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    new_entry(c, "15/02/2026", "Banca Intesa", "Spese tenuta conto", expense="12",
              causale="SB")
    tap.ok("a third, back-dated entry is saved", c.wait_for("Saved.", 5), c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    new_entry(c, "12/03/2026", "Cassa", "Versamento contanti", expense="500", to="Cassa")
    tap.ok("a transfer to the same account is refused",
           c.wait_for("Transfer to: an account cannot transfer to itself", 5), c.screen_text())
    c.send(BACKSPACE * 5 + "Banca Intesa" + F2)
    tap.ok("the transfer from cash to the bank is saved", c.wait_for("Saved.", 5),
           c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    c.settle()
    screen = c.screen_text()
    rows = [
        (r"15/02/2026\s+Spese tenuta.*12,00\s+1\.488,00", "the back-dated entry: 1.488,00"),
        (r"05/03/2026\s+Incasso fatt.*1\.220,00\s+2\.708,00", "the income: 2.708,00"),
        (r"10/03/2026\s+Pagamento fo.*300,50\s+2\.407,50", "the payment: 2.407,50"),
        (r"12/03/2026\s+Versamento c.*Banca In.*500,00\s+2\.907,50",
         "the transfer's leg on the bank: 2.907,50"),
        (r"12/03/2026\s+Versamento c.*Cassa.*500,00\s+-500,00",
         "the transfer's leg on cash: -500,00"),
    ]
    for pattern, what in rows:
        tap.ok("the list shows each row's running balance: " + what,
               re.search(pattern, screen), screen)
    tap.is_eq("the transfer is two legs in the book, one on each account",
              book_rows(book, "SELECT a.name, e.amount, e.causale FROM pn_entries e JOIN "
                              "pn_accounts a ON a.id = e.account_id WHERE e.pair_id IS NOT NULL "
                              "ORDER BY e.amount"),
              [("Cassa", -50000, "GC"), ("Banca Intesa", 50000, "GC")])
    c.send(F9)
    c.wait_for("Show only", 5)
    c.send("account = Banca Intesa; date >= 01/03/2026; date <= 31/03/2026" + ENTER)
    c.wait_for("only", 5)
    c.settle()
    screen = c.screen_text()
    tap.ok("filtered on the bank account and March, the list shows its three March entries",
           "Spese tenuta" not in screen and "Incasso fatt" in screen and
           "Pagamento fo" in screen and re.search(r"Versamento c.*2\.907,50", screen) and
           "-500,00" not in screen, screen)
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def test_period(c):
    c.send("7")
    tap.ok("7 opens the period view", c.wait_for("Prima nota by period", 5) and
           c.wait_for("F2 Save", 5), c.screen_text())
    c.send("Banca Intesa" + TAB + "M" + TAB + "15/03/2026" + F2)
    c.wait_for("Closing balance", 5)
    tap.ok("March of the bank account opens at 1.488,00",
           c.wait_for(re.compile(r"Opening balance\s+\[\s*1\.488,00"), 5), c.screen_text())
    screen = c.screen_text()
    tap.ok("its totals: in 1.720,00", re.search(r"Total in\s+\[\s*1\.720,00", screen), screen)
    tap.ok("out 300,50", re.search(r"Total out\s+\[\s*300,50", screen), screen)
    tap.ok("and it closes at 2.907,50", re.search(r"Closing balance\s+\[\s*2\.907,50", screen),
           screen)
    tap.ok("from 1 to 31 March", re.search(r"First day\s+\[01/03/2026\].*Last day\s+"
                                           r"\[31/03/2026\]", screen), screen)
    c.send(F10)
    if c.wait_for("Save changes?", 2):
        c.send("n")
    c.wait_for("F10 Quit", 5)


def test_lock(c, book):
    c.send("5")
    c.wait_for("Company profile (1/2)", 5)
    c.wait_for("F2 Save", 5)
    c.send(TAB + "Rossi Srl" + TAB * 3 + "01234567897" + PGDN)
    c.wait_for("Company profile (2/2)", 5)
    c.send(TAB * 9 + "31/03/2026" + F2)
    tap.ok("the company profile locks the period up to 31 March", c.wait_for("Saved.", 5),
           c.screen_text())
    tap.is_eq("the lock date is in the book",
              book_rows(book, "SELECT lock_date FROM company")[0][0], "2026-03-31")
    c.send(F10)
    c.wait_for("F10 Quit", 5)
    c.send("6")
    c.wait_for("F5 New", 5)
    c.send(ENTER)
    c.wait_for("Prima nota - Edit", 5)
    c.wait_for("F2 Save", 5)
    c.send(TAB * 3 + "x" + F2)
    tap.ok("an edit of an entry of the locked month is refused, saying why",
           c.wait_for("Date: the period up to 2026-03-31 is locked", 5), c.screen_text())
    tap.is_eq("and nothing changed in the book",
              book_rows(book, "SELECT count(*) FROM pn_entries WHERE description = 'x' OR "
                              "version <> 1")[0][0], 0)
    c.send(F10)
    if c.wait_for("Save changes?", 2):
        c.send("n")
    c.wait_for("F5 New", 5)
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        book = srv.book_path("anna")
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu lists the prima nota's screens",
                   c.wait_for("Main menu", 10) and c.wait_for("Cash & bank accounts", 5) and
                   "Prima nota by period" in c.screen_text(), c.screen_text())
            test_account(c)
            test_entries(c, book)
            test_period(c)
            test_lock(c, book)
            c.send(F10)
            c.send("y")
            tap.is_eq("F10 on the menu ends the session cleanly", c.wait_exit(10), 0)
        tap.is_eq("the entries are in the book as one signed amount in cents each",
                  book_rows(book, "SELECT date, amount, causale FROM pn_entries ORDER BY date, "
                                  "id"),
                  [("2026-02-15", -1200, "SB"), ("2026-03-05", 122000, "IC"),
                   ("2026-03-10", -30050, "PF"), ("2026-03-12", -50000, "GC"),
                   ("2026-03-12", 50000, "GC")])
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
