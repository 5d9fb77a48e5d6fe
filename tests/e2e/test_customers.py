"""The walking skeleton end to end: a real OpenSSH client logs in to a real
`scrivano serve`, opens Customers & suppliers from the menu, creates a
customer with the keys a bookkeeper would type (a bad P.IVA refused first,
nothing written), saves, goes back and quits; then the screen (read through
pyte) and the user's own SQLite book are both checked. Also: the ESC-digit
keys on a vt100, the window-change that resizes the list, the Italian menu
that follows the client's LANG, and a second user who sees none of the
first user's records."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402

tap = Tap()

# xterm's function keys, as the OpenSSH client passes them through.
F2, F5, F8, F10 = "\x1bOQ", "\x1b[15~", "\x1b[19~", "\x1b[21~"
TAB, ENTER = "\t", "\r"


def open_customers(c, new_key="F5 New"):
    ok = c.wait_for("Main menu", 10) and c.wait_for(re.compile(r"Quit$"), 5)
    tap.ok("the main menu is painted after login", ok, c.screen_text())
    for item in ("Customers & suppliers", "Articles", "Prima nota", "F24", "Documents"):
        tap.ok("the menu lists %s" % item, item in c.screen_text())
    c.send(ENTER)
    # The key line is painted last: wait for it, not for the first words.
    tap.ok("Enter on the first item opens the customer list",
           c.wait_for(new_key, 5) and "Customers & suppliers" in c.screen_text()
           and "Role" in c.screen_text(), c.screen_text())


def test_create_customer(srv):
    book = srv.book_path("anna")
    with srv.client("anna", "pw-anna", term="xterm") as c:
        open_customers(c)
        tap.ok("the bottom line shows the keys of the list",
               "F5 New" in c.screen_text() and "F10 Back" in c.screen_text(), c.screen_text())
        c.send(F5)
        tap.ok("F5 opens an empty form",
               c.wait_for("F2 Save", 5) and "Partita IVA" in c.screen_text(), c.screen_text())
        c.send("Caffè Società Rossi" + TAB + "12345678901" + TAB + "RSSMRA80A01H501U" + TAB)
        c.send("Via Roma 1" + TAB + "40121" + TAB + "Bologna" + TAB + "bo" + TAB)
        c.send(F2)
        tap.ok("a bad partita IVA is refused on save, naming the field",
               c.wait_for("Partita IVA: wrong check digit", 5), c.screen_text())
        tap.is_eq("and nothing is written to the book",
                  book_rows(book, "SELECT count(*) FROM parties")[0][0], 0)
        # The cursor stands on the refused field: clear it and type a good one.
        c.send("\x7f" * 11 + "02112340159")
        c.send(F2)
        tap.ok("with a good P.IVA the save succeeds", c.wait_for("Saved", 5), c.screen_text())
        c.send(F10)
        tap.ok("F10 goes back to the list, which shows the new customer",
               c.wait_for("F5 New", 5) and "Caffè Società Rossi" in c.screen_text(),
               c.screen_text())
        c.send(F10)
        tap.ok("F10 again goes back to the menu", c.wait_for("Enter Open", 5), c.screen_text())
        c.send(F10)
        c.send("y")  # yes, end the session
        status = c.wait_exit(10)
        tap.is_eq("F10 on the menu ends the session cleanly (exit status 0)", status, 0)
    got = book_rows(book, "SELECT name, piva, cf, address, cap, city, province, country, role "
                          "FROM parties")
    tap.is_eq("the row is in anna's book, as typed (province upper-cased, country default)",
              got, [("Caffè Società Rossi", "02112340159", "RSSMRA80A01H501U", "Via Roma 1",
                     "40121", "Bologna", "BO", "IT", "C")])
    tap.is_eq("the book is in WAL mode", book_rows(book, "PRAGMA journal_mode")[0][0], "wal")
    tap.ok("the book carries its schema version",
           book_rows(book, "PRAGMA user_version")[0][0] >= 1)


def test_escape_digits_on_vt100(srv):
    """vt100 has no F5 or F10: ESC then a digit does the same."""
    book = srv.book_path("anna")
    with srv.client("anna", "pw-anna", term="vt100") as c:
        open_customers(c, new_key="New")
        tap.ok("the key line shows keys a vt100 has (no F5 there)",
               "F5" not in c.screen_text().splitlines()[-1], c.screen_text())
        c.send("\x1b5")
        tap.ok("ESC 5 opens a new form on a vt100",
               c.wait_for("Partita IVA", 5) and c.wait_for("Save", 5), c.screen_text())
        # a party in Italy needs a partita IVA or a codice fiscale: the CF
        c.send("Bruno Bianchi" + TAB + TAB + "BNCBRN80A01A944Q" + TAB)
        c.send("\x1b2")
        tap.ok("ESC 2 saves", c.wait_for("Saved", 5), c.screen_text())
        c.send("\x1b0")
        tap.ok("ESC 0 goes back to the list", c.wait_for("Bruno Bianchi", 5), c.screen_text())
        c.send("\x1b0")
        tap.ok("and again to the menu", c.wait_for("Enter Open", 5), c.screen_text())
        c.send("\x1b0")
        c.send("y")  # yes, end the session
        tap.is_eq("ESC 0 quits from the menu", c.wait_exit(10), 0)
    tap.is_eq("the second customer is in the book",
              book_rows(book, "SELECT count(*) FROM parties WHERE name = 'Bruno Bianchi'")[0][0], 1)


def test_resize(srv):
    with srv.client("anna", "pw-anna", cols=80, rows=24) as c:
        open_customers(c)
        c.resize(100, 30)
        tap.ok("after a window-change the screen is redrawn at the new size",
               c.wait_for(re.compile(r"^.{81,}$", re.M), 5) and
               c.wait_for(re.compile(r"\n.*F10 Back( .*)?$"), 5) and len(c.screen.display) == 30,
               c.screen_text())
        c.send(F10)
        c.wait_for("Main menu", 5)
        c.send(F10)
        c.send("y")  # yes, end the session
        c.wait_exit(10)


def test_italian(srv):
    with srv.client("anna", "pw-anna", env={"LANG": "it_IT.UTF-8"}) as c:
        ok = c.wait_for("Clienti e fornitori", 10)
        tap.ok("with LANG=it_IT.UTF-8 sent by the client the menu is in Italian", ok,
               c.screen_text())
        c.send(F10)
        c.send("y")  # yes, end the session
        c.wait_exit(10)


def test_second_user(srv):
    with srv.client("bruno", "pw-bruno") as c:
        open_customers(c)
        shown = c.screen_text()
        tap.ok("a second user does not see the first user's customers",
               "Caffè Società Rossi" not in shown and "Bruno Bianchi" not in shown, shown)
        c.send(F10)
        c.wait_for("Main menu", 5)
        c.send(F10)
        c.send("y")  # yes, end the session
        c.wait_exit(10)
    tap.is_eq("and has a book of his own, empty",
              book_rows(srv.book_path("bruno"), "SELECT count(*) FROM parties")[0][0], 0)


def main():
    with Server(users={"anna": "pw-anna", "bruno": "pw-bruno"}, tap=tap) as srv:
        test_create_customer(srv)
        test_escape_digits_on_vt100(srv)
        test_resize(srv)
        test_italian(srv)
        test_second_user(srv)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
