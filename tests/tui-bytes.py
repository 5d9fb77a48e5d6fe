# Slow links: the bytes `scrivano tui` writes to its terminal for (a) the
# first paint of the customers form, (b) typing one character in a field,
# (c) scrolling the customer list by one row, on xterm and on vt100 (80x24,
# a book of 60 customers, on a local pty: the same bytes the relay gets).
# Each must stay within a bound set from the figures measured when this
# test was written (README, "Slow links"), with a margin; a full repaint on
# a keystroke or a list scrolled by repainting every row goes far past it.
# Prints the figures as TAP comments.
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptytui import SCRIVANO, Tui, check, done  # noqa: E402

# (TERM, what) -> most bytes allowed. Measured: see the README's table.
# Measured (the register's parties form): xterm 1987 / 16 / 209, vt100
# 1866 / 12 / 224 bytes. A form that grows moves the first figure: measure
# again and move its bound with the README.
BOUNDS = {
    ("xterm", "form"): 2400, ("xterm", "char"): 32, ("xterm", "scroll"): 300,
    ("vt100", "form"): 2300, ("vt100", "char"): 32, ("vt100", "scroll"): 300,
}
KEYS = {
    "xterm": {"new": b"\x1b[15~", "down": b"\x1bOB", "back": b"\x1b[21~"},
    "vt100": {"new": b"\x1b5", "down": b"\x1bOB", "back": b"\x1b0"},
}
QUIET = 0.3  # seconds without output: the program has answered


def measure(book, term):
    k = KEYS[term]
    t = Tui(book, term=term, pause=QUIET)
    try:
        first = t.pump(QUIET, timeout=10)
        t.send(b"\r")  # the customer list
        got = {"menu": len(first)}
        # to the last row on the page, then one more: the list scrolls
        for _ in range(17):
            t.send(k["down"])
        got["scroll"] = len(t.send(k["down"]))
        got["form"] = len(t.send(k["new"]))
        got["char"] = len(t.send(b"a"))
        t.send(k["back"])
        t.send(b"n")  # Save changes? No: leaves no draft for the next run
        return got, bytes(t.raw)
    finally:
        t.terminate()


def main():
    tmp = tempfile.mkdtemp()
    book = os.path.join(tmp, "book.sqlite")
    subprocess.run([SCRIVANO, "book", "init", book], check=True, capture_output=True)
    db = sqlite3.connect(book)
    db.executemany("INSERT INTO parties (name, city) VALUES (?, ?)",
                   [("Cliente %02d" % i, "Bologna") for i in range(60)])
    db.commit()
    db.close()
    for term in ("xterm", "vt100"):
        got, out = measure(book, term)
        print("# %s: first paint of the menu %d bytes, customers form %d, one character %d, "
              "one-row scroll %d" % (term, got["menu"], got["form"], got["char"],
                                     got["scroll"]), flush=True)
        for what, desc in (("form", "the first paint of the customers form"),
                           ("char", "typing one character in a field"),
                           ("scroll", "scrolling the list by one row")):
            bound = BOUNDS[(term, what)]
            check(0 < got[what] <= bound,
                  "%s: %s costs %d bytes (bound %d)" % (term, desc, got[what], bound))
        # xterm clears with CSI H CSI 2 J, vt100 with CSI H CSI J
        check(out.count(b"\x1b[H\x1b[2J") + out.count(b"\x1b[H\x1b[J") == 1,
              "%s: the screen is cleared once, at the start, never on a key" % term)
    return done()


if __name__ == "__main__":
    sys.exit(main())
