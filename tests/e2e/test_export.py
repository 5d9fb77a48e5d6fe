"""CSV out of a list end to end, through the real OpenSSH client: the
suppliers list filtered (F9 city = Milano) and sorted (Esc r: by name,
descending), then Export (Esc e) asks Italian or plain and writes a new
file into the book's export folder, named in the message, that holds the
rows as the list shows them; Cancel writes nothing; a long list shows its
progress while it is written."""

import glob
import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env  # noqa: E402

tap = Tap()
F2, F9, F10 = "\x1bOQ", "\x1b[20~", "\x1b[21~"
EXPORT, REVERSE = "\x1be", "\x1br"
ENTER = "\r"
BOM = b"\xef\xbb\xbf"
EXPORTED = re.compile(r"Exported (\d+) rows? to (/\S+\.csv)")


def make_book(srv, user, others=0):
    path = srv.book_path(user)
    r = subprocess.run([SCRIVANO, "book", "init", path], capture_output=True, text=True,
                       env=base_env(), timeout=30)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    db = sqlite3.connect(path)
    db.executemany("INSERT INTO parties (role, name, piva, city) VALUES (?, ?, ?, ?)", [
        ("S", "Alfa Carta S.r.l.", "01234567897", "Milano"),
        ("B", "Zeta Toner; Inchiostri", "", "Milano"),
        ("S", "=SUM(A1:A9)", "", "Milano"),
        ("S", "Beta Buste S.p.A.", "", "Torino"),
        ("C", "Cliente Milanese", "", "Milano"),
    ])
    db.executemany("INSERT INTO parties (role, name, city) VALUES ('S', ?, 'Parma')",
                   [("Fornitore %04d" % i,) for i in range(others)])
    db.commit()
    db.close()
    srv.give_datadir()  # made here, as root (umask 077): the service user's


def to_suppliers(c):
    c.wait_for(re.compile(r"Quit$"), 10)
    c.send("3")
    return c.wait_for(re.compile(r"Back$"), 5) and c.wait_for("Suppliers", 5)



def export(c, answer):
    """Esc e, then the answer; the message's (rows, path), or None."""
    c.send(EXPORT)
    if not c.wait_for("Export the list as CSV", 5):
        return None
    c.send(answer)
    if not c.wait_for(EXPORTED, 10):
        return None
    m = EXPORTED.search(c.flat_text())
    return (int(m.group(1)), m.group(2)) if m else None


def test_filtered_sorted(srv):
    make_book(srv, "anna")
    folder = os.path.join(os.path.realpath(os.path.dirname(srv.book_path("anna"))),
                          "export", "anna")
    with srv.client("anna", "pw", term="xterm", cols=200) as c:
        tap.ok("the suppliers list", to_suppliers(c), c.screen_text())
        c.send(F9)
        c.wait_for("Show only", 5)
        c.send("city = Milano" + ENTER)
        tap.ok("filtered: city = Milano", c.wait_for("only City = Milano", 5), c.screen_text())
        c.send(REVERSE)
        tap.ok("sorted: by name, descending", c.wait_for("Sorted by Name, descending.", 5),
               c.screen_text())
        c.send(EXPORT)
        asked = c.wait_for("Export the list as CSV", 5)
        screen = c.screen_text()
        tap.ok("Esc e asks Italian or plain", asked and "Enter Italian CSV" in screen and
               "F2 Plain CSV" in screen and "F10 Cancel" in screen, screen)
        c.send(ENTER)
        done = c.wait_for(EXPORTED, 10)
        m = EXPORTED.search(c.flat_text())
        tap.ok("Enter writes Italian CSV and names the file", done and m, c.screen_text())
        rows, path = (int(m.group(1)), m.group(2)) if m else (0, "")
        tap.is_eq("three rows: the suppliers of Milano", rows, 3)
        tap.ok("in the book's export folder, by screen and time, .csv",
               os.path.dirname(path) == folder and
               re.match(r"suppliers-\d{8}-\d{6}\.csv$", os.path.basename(path)), path)
        data = open(path, "rb").read() if os.path.isfile(path) else b""
        tap.ok("the file begins with the UTF-8 BOM", data.startswith(BOM), data[:20])
        tap.is_eq("it holds the list as shown: headings, then the rows in its order, "
                  "quoted and defused",
                  data[len(BOM):].decode("utf-8", "replace").split("\r\n"),
                  ["Name;City;Role;P.IVA",
                   '"Zeta Toner; Inchiostri";Milano;B;',
                   "Alfa Carta S.r.l.;Milano;S;01234567897",
                   "\"'=SUM(A1:A9)\";Milano;S;",
                   ""])
        tap.ok("the file is private (0600)", os.path.isfile(path) and
               os.stat(path).st_mode & 0o777 == 0o600)

        got = export(c, F2)
        tap.ok("F2 writes plain CSV, another file", got is not None and got[1] != path,
               c.screen_text())
        plain = open(got[1], "rb").read() if got and os.path.isfile(got[1]) else b""
        tap.is_eq("plain: ',' and no BOM",
                  plain.decode("utf-8", "replace").split("\r\n")[:2],
                  ["Name,City,Role,P.IVA", "Zeta Toner; Inchiostri,Milano,B,"])

        c.send(EXPORT)
        c.wait_for("Export the list as CSV", 5)
        c.send(F10)
        tap.ok("F10 cancels", c.wait_for("Not exported.", 5), c.screen_text())
        tap.is_eq("and writes nothing", len(glob.glob(os.path.join(folder, "*.csv"))), 2)
        tap.is_eq("the session ends cleanly", c.end_session(), 0)


def test_progress(srv):
    make_book(srv, "bice", others=1500)
    with srv.client("bice", "pw", term="xterm", cols=200) as c:
        to_suppliers(c)
        before = len(c.raw)
        got = export(c, ENTER)
        tap.ok("a long list is exported whole", got is not None and got[0] == 1504,
               c.screen_text())
        tap.ok("showing its progress on the way",
               b"Exporting: 500 rows so far" in bytes(c.raw[before:]),
               repr(bytes(c.raw[before:])[-300:]))
        tap.is_eq("the session ends cleanly", c.end_session(), 0)


def main():
    with Server(users={u: "pw" for u in ("anna", "bice")}, tap=tap) as srv:
        test_filtered_sorted(srv)
        test_progress(srv)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
