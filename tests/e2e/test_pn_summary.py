"""The prima nota's summary of a year (issue 12 point 6) end to end: a real
OpenSSH client logs in to a real `scrivano serve` whose book holds entries
over several months of this year and the last (a transfer among them), types
one more entry in the prima nota, opens the summary from the main menu and
reads the totals by month (giroconti left out) and by causale, the bar
chart's bars (their heights proportional to the months' totals, drawn with
line-drawing characters) on an xterm and on a vt100, one account's
summary, the year before (PgUp), and F7's print preview; on a Wyse 60 (no
emulator: its bytes) the bars come in its own graphics mode."""

import datetime
import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env  # noqa: E402

tap = Tap()

F2, F4, F5, F7, F10 = "\x1bOQ", "\x1bOS", "\x1b[15~", "\x1b[18~", "\x1b[21~"
TAB, END, PGUP = "\t", "\x05", "\x1b[5~"
CTRL_T, CTRL_P, CTRL_X, CTRL_Y = "\x14", "\x10", "\x18", "\x19"
YEAR = datetime.date.today().year
CASSA, BANCA = 1, 2
# (account, month, day, cents, causale); one more is typed: Banca, Dec, +300,00 IC
ENTRIES = [(BANCA, 1, 10, 100000, "IC"), (BANCA, 2, 3, -50000, "PF"),
           (BANCA, 3, 20, -12345, "SB"), (BANCA, 4, 2, 200000, "IC"),
           (BANCA, 6, 30, -80000, "F24"), (CASSA, 3, 5, 25000, "IC"),
           (CASSA, 5, 8, -4000, "SB")]
# month -> (in, out) of all accounts, giroconti left out, the typed one in
MONTHS = {1: (100000, 0), 2: (0, 50000), 3: (25000, 12345), 4: (200000, 0), 5: (0, 4000),
          6: (0, 80000), 12: (30000, 0)}
CHART_X, CHART_TOP, CHART_ROWS = 43, 5, 11


def make_book(srv, user):
    path = srv.book_path(user)
    r = subprocess.run([SCRIVANO, "book", "init", path], capture_output=True, text=True,
                       env=base_env(), timeout=30)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    db = sqlite3.connect(path)
    db.executemany("INSERT INTO pn_entries (account_id, date, description, amount, causale) "
                   "VALUES (?, ?, 'movimento', ?, ?)",
                   [(a, "%d-%02d-%02d" % (YEAR, m, d), c, k) for a, m, d, c, k in ENTRIES])
    db.execute("INSERT INTO pn_entries (account_id, date, description, amount, causale) "
               "VALUES (?, ?, 'conto vecchio', 70000, 'IC')", (BANCA, "%d-11-15" % (YEAR - 1)))
    # a transfer from cash to the bank: two legs that name each other
    one = db.execute("INSERT INTO pn_entries (account_id, date, description, amount, causale) "
                     "VALUES (?, ?, 'versamento', -10000, 'GC')",
                     (CASSA, "%d-04-10" % YEAR)).lastrowid
    two = db.execute("INSERT INTO pn_entries (account_id, date, description, amount, causale, "
                     "pair_id) VALUES (?, ?, 'versamento', 10000, 'GC', ?)",
                     (BANCA, "%d-04-10" % YEAR, one)).lastrowid
    db.execute("UPDATE pn_entries SET pair_id = ? WHERE id = ?", (two, one))
    db.commit()
    db.close()
    srv.give_datadir()
    return path


def euro(cents):
    s = "%d,%02d" % (abs(cents) // 100, abs(cents) % 100)
    whole, dec = s.split(",")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return ".".join([whole] + groups) + "," + dec


def heights(months):
    top = max(max(v) for v in months.values())
    h = {}
    for m in range(1, 13):
        i, o = months.get(m, (0, 0))
        h[m] = tuple(0 if v == 0 else max(1, (v * 2 * CHART_ROWS + top) // (2 * top))
                     for v in (i, o))
    return h


def bars(c):
    """Each month's bars as drawn: the rows of ▒ over the base line in its
    first column (in), of │ in its second (out), and whether each is one
    unbroken bar standing on the base line."""
    lines = c.screen.display
    got, whole = {}, True
    for m in range(1, 13):
        col = []
        for x, glyph in ((CHART_X + 3 * (m - 1), "▒"), (CHART_X + 3 * (m - 1) + 1, "│")):
            cells = [lines[y][x] == glyph for y in range(CHART_TOP, CHART_TOP + CHART_ROWS)]
            n = sum(cells)
            whole = whole and cells == [False] * (CHART_ROWS - n) + [True] * n
            col.append(n)
        got[m] = tuple(col)
    base = lines[CHART_TOP + CHART_ROWS][CHART_X:CHART_X + 35]
    return got, whole and base == "─" * 35


def month_row(c, name, cin, cout):
    return re.search(r"^ %s\s+%s\s+%s\s" % (name, re.escape(euro(cin)), re.escape(euro(cout))),
                     c.screen_text(), re.M)


def type_entry(c):
    c.send("6")
    c.wait_for("F5 New", 5)
    c.send(F5)
    c.wait_for("Prima nota - New", 5)
    c.wait_for("F2 Save", 5)
    c.send("15/12/%d" % YEAR + TAB + TAB + "Banca" + TAB + "Incasso fattura 40" + TAB + "300" +
           TAB + TAB + "IC" + F2)
    tap.ok("an entry typed in the prima nota is saved", c.wait_for("Saved.", 5), c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def check_all_accounts(c, term):
    want = heights(MONTHS)
    got, whole = bars(c)
    tap.is_eq("%s: each month's bars are as tall as its totals, in proportion" % term, got, want)
    tap.ok("%s: drawn with line-drawing characters, each bar whole on the base line" % term,
           whole, c.screen_text())


def test_xterm(srv, book):
    with srv.client("anna", "pw-anna", term="xterm") as c:
        c.wait_for("F10 Quit", 10)
        type_entry(c)
        c.send("9")
        tap.ok("9 opens the summary of this year, all accounts",
               c.wait_for("Prima nota summary", 5) and
               c.wait_for(re.compile(r"Year %d\s+Account\s+All accounts" % YEAR), 5),
               c.screen_text())
        bad = [m for m in range(1, 13)
               if not month_row(c, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                    "Sep", "Oct", "Nov", "Dec"][m - 1], *MONTHS.get(m, (0, 0)))]
        tap.is_eq("each month's totals in and out, the giroconto left out", bad, [])
        tap.ok("the year's totals", month_row(c, "Total", 355000, 146345), c.screen_text())
        tap.ok("the giroconto's legs are counted apart",
               "Giroconti (left out of the months): in 100,00, out 100,00" in c.screen_text(),
               c.screen_text())
        check_all_accounts(c, "xterm")
        c.send(END)
        tap.ok("the causali are below (End)",
               c.wait_for(re.compile(r"IC Incasso da cliente\s+3\.550,00\s+0,00\s+4$", re.M), 5),
               c.screen_text())
        text = c.screen_text()
        tap.ok("each causale's totals and entries",
               re.search(r"PF Pagamento a fornitore\s+0,00\s+500,00\s+1$", text, re.M) and
               re.search(r"SB Spese bancarie\s+0,00\s+163,45\s+2$", text, re.M) and
               re.search(r"F24 Pagamento F24.*\s0,00\s+800,00\s+1$", text, re.M) and
               re.search(r"GC Giroconto tra conti\s+100,00\s+100,00\s+2$", text, re.M), text)
        tap.ok("they add up to every entry of the year",
               re.search(r"Total\s+3\.650,00\s+1\.563,45\s+10$", text, re.M), text)
        c.send(F4)
        tap.ok("F4 chooses the next account: Banca",
               c.wait_for(re.compile(r"Account\s+Banca"), 5), c.screen_text())
        c.send("\x1b[H")
        tap.ok("its months only", c.wait_for(re.compile(r"^ Mar\s+0,00\s+123,45", re.M), 5) and
               month_row(c, "May", 0, 0) and month_row(c, "Dec", 30000, 0), c.screen_text())
        c.send(PGUP)
        tap.ok("PgUp shows the year before",
               c.wait_for(re.compile(r"Year %d\s+Account\s+Banca" % (YEAR - 1)), 5) and
               c.wait_for(re.compile(r"^ Nov\s+700,00\s+0,00", re.M), 5) and
               month_row(c, "Jan", 0, 0), c.screen_text())
        got, whole = bars(c)
        tap.ok("with one bar, full height, in November",
               got[11] == (CHART_ROWS, 0) and sum(sum(v) for v in got.values()) == CHART_ROWS and
               whole, c.screen_text())
        c.send(F7)
        tap.ok("F7 shows the print preview of the summary",
               c.wait_for("Print preview - Page 1 of 1", 5) and
               "Prima nota summary %d - Banca" % (YEAR - 1) in c.screen_text() and
               re.search(r"Nov\s+700,00\s+0,00", c.screen_text()), c.screen_text())
        c.send(F10)
        tap.ok("and Cancel prints nothing", c.wait_for("Not printed.", 5) and
               b"\x1b[5i" not in c.raw, c.screen_text())
        c.send(F10)
        c.wait_for("F10 Quit", 5)
        c.send(F10)
        tap.ok("F10 on the menu asks", c.wait_for("End the session?", 5), c.screen_text())
        c.send("y")
        tap.is_eq("and y ends the session", c.wait_exit(10), 0)


def test_vt100(srv):
    with srv.client("anna", "pw-anna", term="vt100") as c:
        c.wait_for("Quit", 10)
        c.send("9")
        tap.ok("vt100: the summary opens",
               c.wait_for(re.compile(r"Year %d\s+Account\s+All accounts" % YEAR), 5),
               c.screen_text())
        check_all_accounts(c, "vt100")
        text = c.text()
        tap.ok("vt100: the bars come in the DEC graphics set, not as Unicode",
               ("\x1b(0" in text or "\x1b)0" in text) and "▒" not in text and "│" not in text,
               repr(text[-400:]))
        c.send(CTRL_P)
        tap.ok("vt100: ^P shows the print preview", c.wait_for("Print preview", 5),
               c.screen_text())
        c.send(CTRL_X)
        c.wait_for("Not printed.", 5)
        c.send(CTRL_X)
        c.wait_for("Quit", 5)
        c.send(CTRL_X)
        c.wait_for("End the session?", 5)
        c.send("y")
        tap.is_eq("vt100: the session ends", c.wait_exit(10), 0)


def raw_wait(c, pattern, timeout=10):
    """For a Wyse, which pyte cannot draw: waits until the bytes received
    match pattern (a bytes regex)."""
    import time
    end = time.time() + timeout
    while not re.search(pattern, bytes(c.raw)):
        if time.time() > end or not c.pump(0.1):
            return False
    return True


def test_wy60(srv):
    with srv.client("anna", "pw-anna", term="wy60") as c:
        raw_wait(c, rb"Quit")
        start = len(c.raw)
        c.send("9")
        tap.ok("wy60: the summary opens",
               raw_wait(c, rb"Entries") and raw_wait(c, rb"Back"), repr(c.raw[-300:]))
        c.settle()
        raw = bytes(c.raw[start:])
        graphics = b"".join(re.findall(rb"\x1bcE(.*?)\x1bcD", raw, re.S))
        tap.ok("wy60: bars in the Wyse's own graphics (2 checkerboard, 3 vertical line), "
               "no ANSI sequence",
               b"2" in graphics and b"3" in graphics and b"\x1b[" not in raw, repr(raw[:400]))
        c.send(CTRL_X)
        raw_wait(c, rb"Quit")
        c.send(CTRL_X)
        raw_wait(c, rb"End the session")
        c.send("y")
        tap.is_eq("wy60: the session ends", c.wait_exit(10), 0)


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        book = make_book(srv, "anna")
        test_xterm(srv, book)
        test_vt100(srv)
        test_wy60(srv)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
