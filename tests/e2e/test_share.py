"""The accountant's access end to end through OpenSSH (issue 17, point 6).
anna types a customer into her book; `scrivano user share anna --with studio
--read-only` lets the account studio in: studio logs in, is offered a
choice of books (its own and anna's, read-only), picks anna's, reads the
customer, and is refused a save with the book layer's message, what it
typed still on the screen and nothing of the book changed; a restore of
anna's book is refused while studio has it open. A third account, terzo,
is offered no choice and cannot name anna's book. Shared read-write,
studio's change is saved in anna's book and her history names studio;
unshared, studio's next login offers anna's book no more."""

import hashlib
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, book_rows  # noqa: E402

tap = Tap()

F2, F5, F10 = "\x1bOQ", "\x1b[15~", "\x1b[21~"
TAB, ENTER, END, BACKSPACE, DOWN = "\t", "\r", "\x05", "\x7f", "\x1b[B"
REFUSED = "this book is shared with you read-only"
CUSTOMER = "Rossi Condiviso Srl"


def user_cmd(srv, *args):
    r = subprocess.run([SCRIVANO, "user"] + list(args) + ["--data", srv.datadir],
                       capture_output=True, text=True, env=srv.env, timeout=30)
    srv.give_datadir()
    return r


def file_sha(path):
    """The book's bytes: its file and what its -wal holds (none, or empty,
    is the same)."""
    h = hashlib.sha256()
    for name in (path, path + "-wal"):
        if os.path.exists(name):
            with open(name, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def the_row(book):
    """The customer's whole row, every column as SQLite holds it."""
    return book_rows(book, "SELECT * FROM parties WHERE name = ?", CUSTOMER)


def anna_types_a_customer(srv):
    with srv.client("anna", "pw-anna") as c:
        tap.ok("anna, whose book is shared with no one yet, gets her main menu",
               c.wait_for("Main menu", 10) and c.wait_for("Quit", 5)
               and "Choose a book" not in c.screen_text(), c.screen_text())
        c.send(ENTER)
        c.wait_for("F5 New", 5)
        c.send(F5)
        c.wait_for("F2 Save", 5)
        c.send(CUSTOMER + TAB + "02112340159" + TAB + TAB + "Via Roma 1" + TAB
               + "40121" + TAB + "Bologna" + TAB)
        c.send(F2)
        tap.ok("anna saves a customer in her book", c.wait_for("Saved", 5), c.screen_text())
        tap.is_eq("and ends her session", c.end_session(), 0)


def pick_anna(c, mode):
    """At the chooser: anna's line, highlighted and opened."""
    tap.ok("studio is offered a choice of books after login (%s)" % mode,
           c.wait_for("Choose a book", 10) and c.wait_for("Quit", 5), c.screen_text())
    shown = c.screen_text()
    tap.ok("the choice names studio's own book and anna's, %s (%s)" % (mode, mode),
           "studio (your own)" in shown and any("anna" in l and mode in l
                                               for l in shown.splitlines()), shown)
    for _ in range(3):
        if c.highlighted("anna"):
            break
        c.send(DOWN)
        c.settle()
    c.send(ENTER)
    tap.ok("picking anna's book opens its main menu, the title saying whose (%s)" % mode,
           c.wait_for("Main menu", 5) and c.wait_for("Book of anna, %s" % mode, 5),
           c.screen_text())


def open_customer(c):
    c.send(ENTER)
    tap.ok("studio reads anna's customer in the list",
           c.wait_for("F5 New", 5) and c.wait_for(CUSTOMER, 5), c.screen_text())
    c.send(ENTER)
    tap.ok("and opens it", c.wait_for("F2 Save", 5) and c.wait_for("Bologna", 5),
           c.screen_text())
    c.send(TAB * 5 + END + BACKSPACE * 10 + "Milano")


def test_read_only(srv):
    book = srv.book_path("anna")
    r = user_cmd(srv, "share", "anna", "--with", "studio", "--read-only")
    tap.is_eq("scrivano user share anna --with studio --read-only", r.returncode, 0)
    backup = os.path.join(srv.top, "anna-copy.sqlite")
    subprocess.run([SCRIVANO, "book", "backup", book, backup], capture_output=True, timeout=60)
    row, sha = the_row(book), file_sha(book)
    history = book_rows(book, "SELECT count(*) FROM history")
    tap.ok("anna's book has no -shm before studio's login (its last session closed it)",
           not os.path.exists(book + "-shm"), os.listdir(os.path.dirname(book)))
    with srv.client("studio", "pw-studio") as c:
        pick_anna(c, "read-only")
        open_customer(c)
        c.send(F2)
        tap.ok("a save is refused with the book layer's message",
               c.wait_for(REFUSED, 5), c.screen_text())
        tap.ok("what studio typed stays on the screen", "Milano" in c.screen_text(),
               c.screen_text())
        tap.is_eq("the customer's row in anna's book is as it was, byte for byte",
                  the_row(book), row)
        tap.is_eq("anna's history has no entry more", book_rows(
            book, "SELECT count(*) FROM history"), history)
        tap.is_eq("anna's book file (and its -wal) is unchanged", file_sha(book), sha)
        rs = subprocess.run([SCRIVANO, "book", "restore", backup, book], capture_output=True,
                            text=True, timeout=60)
        tap.ok("a restore of anna's book is refused while studio has it open",
               rs.returncode != 0 and "is open" in rs.stderr, rs.stderr)
        c.send(F10)
        if c.wait_for("Save changes?", 3):
            c.send("n")
        tap.is_eq("studio's session ends cleanly", c.end_session(), 0)
    tap.is_eq("after it, the row is still as it was", the_row(book), row)


def own_book_only(srv, user, why):
    """user logs in and gets its own book at once: no choice, nothing of
    anna's on the screen or in the customers' list."""
    with srv.client(user, "pw-" + user) as c:
        tap.ok("%s: %s is offered no choice, straight to its main menu" % (why, user),
               c.wait_for("Main menu", 10) and c.wait_for("Quit", 5)
               and "Choose a book" not in c.screen_text()
               and "anna" not in c.screen_text(), c.screen_text())
        c.send(ENTER)
        tap.ok("and the customers are %s's own: none of anna's" % user,
               c.wait_for("F5 New", 5) and CUSTOMER not in c.screen_text(), c.screen_text())
        tap.is_eq("%s's session ends cleanly" % user, c.end_session(), 0)


def test_third_account(srv):
    anna = srv.book_path("anna")
    own_book_only(srv, "terzo", "with no book shared")
    with srv.client("terzo", "pw-terzo", command="tui --book " + anna) as c:
        status = c.wait_exit(10)
        tap.ok("terzo cannot name anna's book in a command: refused",
               status not in (None, 0) and CUSTOMER not in c.text(), (status, c.text()))


def test_read_write(srv):
    book = srv.book_path("anna")
    r = user_cmd(srv, "share", "anna", "--with", "studio", "--read-write")
    tap.ok("sharing again read-write changes the mode",
           r.returncode == 0 and "it was read-only" in r.stdout, r.stdout + r.stderr)
    with srv.client("studio", "pw-studio") as c:
        pick_anna(c, "read-write")
        open_customer(c)
        c.send(F2)
        tap.ok("read-write, studio's save goes through", c.wait_for("Saved", 5),
               c.screen_text())
        tap.is_eq("studio's session ends cleanly", c.end_session(), 0)
    tap.is_eq("the change is in anna's book",
              book_rows(book, "SELECT city FROM parties WHERE name = ?", CUSTOMER),
              [("Milano",)])
    got = subprocess.run(["sqlite3", book, "SELECT account, op FROM history WHERE tbl = "
                          "'parties' ORDER BY seq"], capture_output=True, text=True)
    tap.is_eq("anna's history names anna for the creation and studio for the change",
              got.stdout.split(), ["anna|insert", "studio|change"])
    run = subprocess.run([SCRIVANO, "book", "verify", book], capture_output=True, text=True)
    tap.is_eq("scrivano book verify finds anna's book clean", (run.returncode, run.stderr),
              (0, ""))


def test_unshared(srv):
    """Unshared while studio works in anna's book: that session goes on as
    it began (as every registry change, it applies from the next login),
    and the next login offers anna's book no more."""
    book = srv.book_path("anna")
    with srv.client("studio", "pw-studio") as c:
        pick_anna(c, "read-write")
        c.send(ENTER)
        c.wait_for(CUSTOMER, 5)
        c.send(ENTER)
        c.wait_for("F2 Save", 5)
        r = user_cmd(srv, "unshare", "anna", "--with", "studio")
        tap.ok("scrivano user unshare anna --with studio, while studio is in anna's book",
               r.returncode == 0 and "a session open on it now goes on" in r.stdout,
               r.stdout + r.stderr)
        c.send(TAB * 5 + END + BACKSPACE * 10 + "Parma")
        c.send(F2)
        tap.ok("the session open at that moment goes on as it began: its save goes through",
               c.wait_for("Saved", 5), c.screen_text())
        tap.is_eq("studio's session ends cleanly", c.end_session(), 0)
    tap.is_eq("that change is in anna's book",
              book_rows(book, "SELECT city FROM parties WHERE name = ?", CUSTOMER), [("Parma",)])
    own_book_only(srv, "studio", "unshared, at its next login")


def main():
    users = {"anna": "pw-anna", "studio": "pw-studio", "terzo": "pw-terzo"}
    with Server(users=users, tap=tap) as srv:
        anna_types_a_customer(srv)
        test_read_only(srv)
        test_third_account(srv)
        test_read_write(srv)
        test_unshared(srv)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
