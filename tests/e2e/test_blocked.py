"""A customer blocked for new documents (issue 16 point 2), end to end
through a real OpenSSH client and a real `scrivano serve`. The book has
two customers; the first, Rossi Forniture, is marked Blocked on its form
(typed, saved, read back with sqlite3). A new invoice typed for it shows
BLOCKED beside the party as soon as the party is chosen, before anything
is saved, and still once it is saved as a draft (the book's computed
field, read again from the book); a new invoice for the other customer,
Zeta Servizi, does not show it, before or after saving. In an Italian
session the blocked customer's draft shows BLOCCATO."""

import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402
import test_items  # noqa: E402

tap = Tap()

F2, F5, F10 = "\x1bOQ", "\x1b[15~", "\x1b[21~"
TAB, ENTER, DOWN, HOME = "\t", "\r", "\x1b[B", "\x1bOH"

BLOCKED_ONE = test_items.CUSTOMER  # Rossi Forniture S.r.l.
OTHER = "Zeta Servizi S.r.l."
# the party's field, then the mark beside it
PARTY_LINE = r"Party\s+\[%s\s*\]\s+\[%s\s*\]"


def make_book(srv):
    """The open items' book (its company and customer, who is the one
    blocked here), and another customer."""
    path = test_items.make_book(srv)
    db = sqlite3.connect(path)
    db.execute("INSERT INTO parties (role, kind, name, piva, cf, address, street_no, cap, "
               "city, province, country, sdi, pay_method) SELECT role, kind, ?, "
               "'00743110157', '00743110157', address, street_no, cap, city, province, "
               "country, sdi, pay_method FROM parties WHERE name = ?", (OTHER, BLOCKED_ONE))
    db.commit()
    db.close()
    return path


def mark_blocked(c, book):
    """The first customer's form: Blocked? Yes, saved (as test_dunning.py)."""
    c.send("1")
    c.wait_for("F5 New", 5)
    c.send(ENTER)
    ok = c.wait_for(re.compile(r"Blocked\? \[No \]"), 5) and BLOCKED_ONE in c.screen_text()
    tap.ok("the first customer's form: Blocked? No", ok, c.screen_text())
    # from the name, the 30th field (test_form.py's order: ..., notes, abi, cab, bl)
    c.send(TAB * 29 + "y" + TAB)
    c.send(F2)
    tap.ok("marked Blocked and saved", c.wait_for("Saved", 5) and
           re.search(r"Blocked\? \[Yes\]", c.screen_text()), c.screen_text())
    tap.is_eq("the book has the one customer blocked, not the other",
              book_rows(book, "SELECT name, blocked FROM parties ORDER BY name"),
              [(BLOCKED_ONE, 1), (OTHER, 0)])
    c.to_main_menu()


def new_invoice(c, party):
    """A new invoice from the Documents menu, its party typed: the form
    after the party's field is left."""
    c.send(HOME + DOWN * 13 + ENTER)
    c.wait_for("Purchase invoices", 5)
    c.send("5")
    c.wait_for("F5 New", 5)
    c.send(F5)
    ok = c.wait_for("Invoices - New (1/4)", 5)
    # kind, date (today offered), operation date, then the party
    c.send(TAB + TAB + TAB + party[:4] + TAB)
    return ok and c.wait_for(re.compile(r"Party\s+\[%s" % re.escape(party)), 5)


def save_draft(c):
    """A line, then Save: the draft kept, the form still on it."""
    c.send(TAB + " " + TAB + "Consulenza" + TAB + "1" + TAB + "h" + TAB + "100" + TAB + TAB +
           "22" + TAB + TAB)
    c.wait_for(re.compile(r"\[Consulenza\s*\]"), 5)
    c.send(F2)
    return c.wait_for("Saved.", 5)


def blocked_invoice(c, book):
    ok = new_invoice(c, BLOCKED_ONE)
    tap.ok("a new invoice for the blocked customer shows BLOCKED beside it, unsaved",
           ok and re.search(PARTY_LINE % (re.escape(BLOCKED_ONE), "BLOCKED"), c.screen_text()),
           c.screen_text())
    tap.is_eq("nothing is saved yet", book_rows(book, "SELECT count(*) FROM documents"), [(0,)])
    ok = save_draft(c)
    tap.ok("saved as a draft, it still shows BLOCKED",
           ok and re.search(PARTY_LINE % (re.escape(BLOCKED_ONE), "BLOCKED"), c.screen_text()),
           c.screen_text())
    c.to_main_menu()


def other_invoice(c, book):
    ok = new_invoice(c, OTHER)
    c.settle()
    text = c.screen_text()
    tap.ok("a new invoice for the other customer does not show it",
           ok and re.search(PARTY_LINE % (re.escape(OTHER), ""), text) and "BLOCKED" not in text,
           text)
    ok = save_draft(c)
    text = c.screen_text()
    tap.ok("nor once saved", ok and "BLOCKED" not in text, text)
    tap.is_eq("two drafts in the book, one for each",
              book_rows(book, "SELECT p.name FROM documents d JOIN parties p ON p.id = "
                              "d.party_id WHERE d.state = 'D' ORDER BY d.id"),
              [(BLOCKED_ONE,), (OTHER,)])
    c.to_main_menu()


def in_italian(c):
    """The saved draft opened in an Italian session: BLOCCATO."""
    c.send(HOME + DOWN * 13 + ENTER)
    c.settle()
    c.send("5")
    c.settle()
    c.send(ENTER)  # the first row: the blocked customer's draft, made first
    tap.ok("in Italian its saved draft shows BLOCCATO beside the party",
           c.wait_for(re.compile(r"\[%s\s*\]\s+\[BLOCCATO\s*\]" % re.escape(BLOCKED_ONE)), 5),
           c.screen_text())


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap, env={"SCRIVANO_TODAY": "2026-05-20"}) as srv:
        book = make_book(srv)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu", c.wait_for("Main menu", 10), c.screen_text())
            mark_blocked(c, book)
            blocked_invoice(c, book)
            other_invoice(c, book)
            tap.is_eq("the session ends cleanly", c.end_session(), 0)
        with srv.client("anna", "pw-anna", term="xterm", env={"LANG": "it_IT.UTF-8"}) as c:
            c.wait_for("F10", 10)
            in_italian(c)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
