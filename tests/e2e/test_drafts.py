"""Drafts end to end (book/drafts.c, ui/resume.c, the form's part): what a
bookkeeper typed into a new supplier survives a client killed with kill -9
in the middle of a contact line, and a server restart (SIGTERM, start
again) in the middle of a P.IVA. Through a real OpenSSH client: the next
login offers the draft ("Unsaved Suppliers - New ..."), F2 resumes it with
the cursor in the field and at the character it was, Save writes the
record and its contact, and no draft is left. A draft of a session that
still runs is not offered to another login of the same user; F8 discards
one; a draft of a record someone saved since is refused on save (the
stale-record rule), nothing written over the other change."""

import os
import re
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402

tap = Tap()

F2, F5, F8, F10 = "\x1bOQ", "\x1b[15~", "\x1b[19~", "\x1b[21~"
TAB = "\t"
# screens/parties.scr: the fields in the order the cursor visits them
ORDER = ["name", "piva", "cf", "address", "cap", "city", "pr", "stno", "co", "vc", "email",
         "phone", "pec", "sdi", "ro", "ki", "pa", "pao", "last_name", "first_name", "tp", "mp",
         "dd", "intp", "intd", "pl", "notes", "abi", "cab", "bl", "contacts"]


def tabs(src, dst):
    return TAB * (ORDER.index(dst) - ORDER.index(src))


def count(book, table):
    return book_rows(book, "SELECT count(*) FROM " + table)[0][0]


def new_supplier(c):
    c.send("3")
    c.wait_for("F5 New", 10)
    c.send(F5)
    return c.wait_for("Suppliers - New", 5) and c.wait_for("F2 Save", 5)



def test_killed_client(srv, book):
    with srv.client("anna", "secret") as c:
        c.wait_for("Main menu", 10)
        new_supplier(c)
        c.send("Cartiera Alpina S.r.l." + TAB + "07654321012" + tabs("piva", "address"))
        c.send("Via Po" + TAB + "10123" + TAB + "Torino" + TAB + "TO" + tabs("pr", "sdi"))
        c.send("ABC1234" + tabs("sdi", "contacts") + "Marta Gallo" + TAB + "Ordi")
        typed = c.wait_for(re.compile(r"\[Marta Gallo\s*\] \[Ordi\s*\]"), 5)
        tap.ok("a supplier and the start of a contact line are typed", typed, c.screen_text())
        # a live session's draft is not another login's to take
        with srv.client("anna", "secret") as other:
            tap.ok("a second login while the first types gets the menu, no offer",
                   other.wait_for("Main menu", 10) and other.settle() and
                   "Unsaved" not in other.screen_text(), other.screen_text())
            other.send(F10)
            other.send("y")
            other.wait_exit(10)
        c.kill()
    tap.ok("the client is killed; its session ends", srv.wait_sessions(0, 10), srv.log())
    tap.is_eq("nothing is saved in the register", count(book, "parties"), 0)
    tap.is_eq("one draft is kept in the book", count(book, "drafts"), 1)
    with srv.client("anna", "secret") as c:
        offer = c.wait_for("Unsaved Suppliers - New \"Cartiera Alpina S.r.l.\" from", 10)
        tap.ok("the next login offers it: what, whose name, when", offer, c.screen_text())
        c.settle()
        tap.ok("with F2 Resume, F8 Discard, F10 Later",
               re.search(r"F2 Resume\s+F8 Discard\s+F10 Later", c.screen_text()),
               c.screen_text())
        c.send(F2)
        back = c.wait_for(re.compile(r"\[Marta Gallo\s*\] \[Ordi\s*\]"), 5) and \
            c.wait_for("F2 Save", 5) and c.settle()
        tap.ok("F2 resumes it: the form with the contact line as it was", back and
               "Suppliers - New" in c.screen_text() and "Cartiera Alpina S.r.l." in
               c.screen_text() and "07654321012" in c.screen_text(), c.screen_text())
        row, col = c.cursor()
        line = c.screen.display[row]
        tap.ok("the cursor is in the contact's role, after what was typed",
               "[Marta Gallo" in line and line[:col].endswith("[Ordi"),
               "cursor at %d,%d of %r" % (row, col, line))
        c.send("ni" + TAB + "011 5551234")
        c.send(F2)
        tap.ok("Save writes it", c.wait_for("Saved.", 5), c.screen_text())
        tap.is_eq("the supplier quits cleanly", c.end_session(), 0)
    tap.is_eq("the supplier is in the book as typed before and after the kill",
              book_rows(book, "SELECT role, name, piva, address, cap, city, province, sdi "
                              "FROM parties"),
              [("S", "Cartiera Alpina S.r.l.", "07654321012", "Via Po", "10123", "Torino",
                "TO", "ABC1234")])
    tap.is_eq("its contact too", book_rows(book, "SELECT name, role, phone FROM party_contacts"),
              [("Marta Gallo", "Ordini", "011 5551234")])
    tap.is_eq("and no draft is left", count(book, "drafts"), 0)


def test_server_restart(srv, book):
    with srv.client("anna", "secret") as c:
        c.wait_for("Main menu", 10)
        new_supplier(c)
        c.send("Legatoria Po" + TAB + "0123456")
        tap.ok("a second supplier is being typed", c.wait_for("[0123456 ", 5), c.screen_text())
        srv.stop(signal.SIGTERM)
        c.wait_exit(10)
    tap.is_eq("the server stops on SIGTERM with a form open", srv.returncode, 0)
    tap.is_eq("what was typed is a draft", count(book, "drafts"), 1)
    srv.start()
    with srv.client("anna", "secret") as c:
        tap.ok("after the restart the login offers it",
               c.wait_for("Unsaved Suppliers - New \"Legatoria Po\"", 10), c.screen_text())
        c.send(F2)
        c.wait_for("Suppliers - New", 5) and c.wait_for("F2 Save", 5) and c.settle()
        row, col = c.cursor()
        line = c.screen.display[row]
        tap.ok("the cursor is in the P.IVA, after its seventh digit",
               "Partita IVA" in line and line[:col].endswith("[0123456"),
               "cursor at %d,%d of %r" % (row, col, line))
        c.send("7897" + tabs("piva", "sdi") + "XYZ9876" + F2)
        tap.ok("the P.IVA completed, Save writes it", c.wait_for("Saved.", 5), c.screen_text())
        tap.is_eq("and the session ends cleanly", c.end_session(), 0)
    tap.is_eq("the second supplier is in the book",
              book_rows(book, "SELECT name, piva, sdi FROM parties WHERE name LIKE 'Legat%'"),
              [("Legatoria Po", "01234567897", "XYZ9876")])
    tap.is_eq("no draft is left", count(book, "drafts"), 0)


def test_discard_and_stale(srv, book):
    # a draft over an existing record, then someone else saves the record
    with srv.client("anna", "secret") as c:
        c.wait_for("Main menu", 10)
        c.send("3")
        c.wait_for("Cartiera Alpina", 10)
        c.send("\r")
        c.wait_for("Suppliers - Edit", 5)
        c.send(tabs("name", "city") + "Ivrea")
        c.wait_for("[Ivrea ", 5)
        c.kill()
    srv.wait_sessions(0, 10)
    with srv.client("anna", "secret") as c:
        c.wait_for("Unsaved Suppliers - Edit", 10)
        c.send(F10)  # later
        tap.ok("F10 leaves the draft for later: the menu", c.wait_for("Main menu", 5),
               c.screen_text())
        c.send(F10)
        c.send("y")
        c.wait_exit(10)
    tap.is_eq("and the draft stays", count(book, "drafts"), 1)
    book_rows(book, "UPDATE parties SET city = 'Biella', version = version + 1 "
                    "WHERE name LIKE 'Cartiera%'")
    with srv.client("anna", "secret") as c:
        c.wait_for("Unsaved Suppliers - Edit", 10)
        c.send(F2)
        c.wait_for("F2 Save", 5)
        c.send(F2)
        tap.ok("a draft of a record saved since by someone else is refused",
               c.wait_for("Not saved: changed by someone else since you opened it", 5),
               c.screen_text())
        tap.ok("and the refusal is readable whole on 80 columns",
               c.wait_for("What you typed is still here.", 2), c.screen_text())
        c.send(F10)
        tap.ok("leaving asks whether to save", c.wait_for("Save changes?", 5), c.screen_text())
        c.send("n")
        c.wait_for("F5 New", 5)
        c.send(F10)
        c.send("y")
        c.wait_exit(10)
    tap.is_eq("the other change stays", book_rows(
        book, "SELECT city FROM parties WHERE name LIKE 'Cartiera%'"), [("Biella",)])
    tap.is_eq("leaving without saving removed the draft", count(book, "drafts"), 0)
    # discard
    with srv.client("anna", "secret") as c:
        c.wait_for("Main menu", 10)
        new_supplier(c)
        c.send("Da scartare")
        c.wait_for("[Da scartare", 5)
        c.kill()
    srv.wait_sessions(0, 10)
    with srv.client("anna", "secret") as c:
        c.wait_for("Unsaved Suppliers - New \"Da scartare\"", 10)
        c.send(F8)
        tap.ok("F8 discards it", c.wait_for("Draft discarded.", 5), c.screen_text())
        c.send(F10)
        c.send("y")
        c.wait_exit(10)
    tap.is_eq("and it is gone from the book", count(book, "drafts"), 0)
    tap.is_eq("nothing of it is in the register",
              count(book, "parties WHERE name = 'Da scartare'"), 0)


def main():
    with Server(users={"anna": "secret"}, tap=tap) as srv:
        book = srv.book_path("anna")
        test_killed_client(srv, book)
        test_server_restart(srv, book)
        test_discard_and_stale(srv, book)
    return tap.done()


sys.exit(main())
