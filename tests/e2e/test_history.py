"""The history end to end through OpenSSH: anna creates a customer in the
form and changes its city; the History key (Esc h) on the form shows both
entries, each with the account that wrote it, and the change with the city's
old and new value; the same key on the list's row shows the same; and
`scrivano book verify` finds the book clean."""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, book_rows  # noqa: E402

tap = Tap()

F2, F5, F10 = "\x1bOQ", "\x1b[15~", "\x1b[21~"
TAB, ENTER, END, BACKSPACE, HISTORY = "\t", "\r", "\x05", "\x7f", "\x1bh"


def entry_lines(text):
    """The history's lines, from its first entry on."""
    lines = text.splitlines()
    first = next((i for i, l in enumerate(lines) if re.search(r"\d+\. \d{4}-\d\d-\d\d ", l)),
                 len(lines))
    return lines[first:]


def check_history(c, where):
    tap.ok("Esc h shows the history (%s)" % where,
           c.wait_for("History of", 5) and c.wait_for("Cancel", 5), c.screen_text())
    lines = entry_lines(c.screen_text())
    text = "\n".join(lines)
    created = [l for l in lines if re.search(r"\d+\. .* UTC, anna: created", l)]
    changed = [l for l in lines if re.search(r"\d+\. .* UTC, anna: changed", l)]
    tap.ok("an entry for the creation, by anna (%s)" % where, len(created) == 1, text)
    tap.ok("and one for the change, by anna, after it (%s)" % where,
           len(changed) == 1 and created and lines.index(changed[0]) > lines.index(created[0]),
           text)
    after = lines[lines.index(changed[0]):] if changed else []
    tap.ok("the change names the city, from Bologna to Milano, and nothing else (%s)" % where,
           any(re.search(r"City\s+Bologna\s+Milano", l) for l in after)
           and not any("Name" in l for l in after), text)
    c.send(F10)


def test_history(srv):
    book = srv.book_path("anna")
    with srv.client("anna", "pw-anna", term="xterm", rows=40) as c:
        tap.ok("the main menu", c.wait_for("Main menu", 10) and c.wait_for("Quit", 5),
               c.screen_text())
        c.send(ENTER)
        tap.ok("the customers' list", c.wait_for("F5 New", 5), c.screen_text())
        c.send(F5)
        c.wait_for("F2 Save", 5)
        c.send("Rossi Storico Srl" + TAB + "02112340159" + TAB + TAB + "Via Roma 1" + TAB
               + "40121" + TAB + "Bologna" + TAB)
        c.send(F2)
        tap.ok("the customer is saved", c.wait_for("Saved", 5), c.screen_text())
        c.send(F10)
        c.wait_for("Rossi Storico", 5)
        c.send(ENTER)
        c.wait_for("F2 Save", 5)
        c.send(TAB * 5 + END + BACKSPACE * 10 + "Milano")
        c.send(F2)
        tap.ok("its city changed and saved", c.wait_for("Saved", 5), c.screen_text())
        c.send(HISTORY)
        check_history(c, "in the form")
        c.wait_for("F2 Save", 5)
        c.send(F10)
        c.wait_for("F5 New", 5)
        c.send(HISTORY)
        check_history(c, "on the list's row")
        c.wait_for("F5 New", 5)
        c.send(F10)
        c.wait_for("Main menu", 5)
        c.send(F10)
        c.send("y")
        tap.is_eq("the session ends cleanly", c.wait_exit(10), 0)
    tap.is_eq("the book holds the change",
              book_rows(book, "SELECT city FROM parties WHERE name = 'Rossi Storico Srl'"),
              [("Milano",)])
    tap.is_eq("its history entries are anna's",
              book_rows(book, "SELECT DISTINCT account FROM history WHERE tbl = 'parties'"),
              [("anna",)])
    run = subprocess.run([SCRIVANO, "book", "verify", book], capture_output=True, text=True)
    tap.is_eq("scrivano book verify finds the book clean", (run.returncode, run.stderr),
              (0, ""))


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        test_history(srv)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
