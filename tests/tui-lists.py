# Drives `scrivano tui` on a real pty and reads the screen back with pyte:
# the customers list sorted by another column, reversed and filtered; and
# the line grid of the articles form (stock movements) — typing lines, a
# bad cell refused, insert, move, delete, the running total, save, and the
# rows read back from the book.
import fcntl
import os
import pty
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import termios
import time

import pyte

SCROLL = re.compile(rb"\x1b\[([0-9]*)([ST])")


def feed_scrolling(screen, stream, data):
    """Feeds data to pyte, doing the scroll-up/down sequences (CSI n S,
    CSI n T) that ncurses sends and this pyte does not know: n index (or
    reverse index) at the scrolling region's edge, the cursor kept."""
    pos = 0
    for m in SCROLL.finditer(data):
        stream.feed(data[pos:m.start()])
        pos = m.end()
        count = int(m.group(1) or b"1")
        top, bottom = screen.margins or (0, screen.lines - 1)
        y, x = screen.cursor.y, screen.cursor.x
        for _ in range(count):
            if m.group(2) == b"S":
                screen.cursor.y = bottom
                screen.index()
            else:
                screen.cursor.y = top
                screen.reverse_index()
        screen.cursor.y, screen.cursor.x = y, x
    stream.feed(data[pos:])

SCRIVANO = os.environ["SCRIVANO"]
n = 0
failed = 0


def check(cond, what):
    global n, failed
    n += 1
    print("%sok %d - %s" % ("" if cond else "not ", n, what))
    if not cond:
        failed += 1
    return cond


class Tui:
    def __init__(self, book, cols=80, rows=24):
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        env = dict(os.environ, TERM="xterm", LANG="C.UTF-8", SCRIVANO_TODAY="2026-11-21")
        env.pop("LC_ALL", None)
        env.pop("LANGUAGE", None)
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(SCRIVANO, [SCRIVANO, "tui", "--book", book], env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def pump(self, wait=0.05):
        while True:
            r, _, _ = select.select([self.fd], [], [], wait)
            if not r:
                return
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            feed_scrolling(self.screen, self.stream, data)

    def send(self, data, pause=0.12):
        os.write(self.fd, data.encode())
        self.pump(pause)

    def text(self):
        return "\n".join(self.screen.display)

    def wait_for(self, s, timeout=3.0):
        end = time.time() + timeout
        while time.time() < end:
            self.pump(0.05)
            if s in self.text():
                return True
        return False

    def line(self, y):
        return self.screen.display[y]

    def row_of(self, s):
        for y, l in enumerate(self.screen.display):
            if s in l:
                return y
        return -1

    def highlighted(self):
        for y in range(self.screen.lines):
            row = self.screen.buffer[y]
            t = "".join(row[x].data for x in range(self.screen.columns) if row[x].reverse)
            if t.strip() and y not in (0, self.screen.lines - 1):
                return t.strip()
        return ""

    def finish(self, timeout=3.0):
        end = time.time() + timeout
        while time.time() < end:
            self.pump(0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                return os.WIFEXITED(status) and os.WEXITSTATUS(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None


F = {1: "\x1bOP", 2: "\x1bOQ", 3: "\x1bOR", 5: "\x1b[15~", 6: "\x1b[17~", 7: "\x1b[18~", 9: "\x1b[20~",
     8: "\x1b[19~", 10: "\x1b[21~", 12: "\x1b[24~"}
TAB, BACKTAB, BACKSPACE, ENTER = "\t", "\x1b[Z", "\x7f", "\r"
UP, DOWN, INSERT = "\x1b[A", "\x1b[B", "\x1b[2~"

tmp = tempfile.mkdtemp()
book = os.path.join(tmp, "book.sqlite")
subprocess.run([SCRIVANO, "book", "init", book], stdout=subprocess.DEVNULL, check=True)
db = sqlite3.connect(book)
parties = [("Alfa srl", "Torino", "C"), ("Beta spa", "Bari", "S"), ("Gamma snc", "Roma", "C"),
           ("Delta srl", "Milano", "B"), ("Epsilon sas", "Roma", "S")]
db.executemany("INSERT INTO parties (name, city, role, cf) VALUES (?, ?, ?, '01234567897')",
               parties)
db.commit()
db.close()

# ---- the list: sort, reverse, filter ----
t = Tui(book)
check(t.wait_for("Main menu"), "the main menu shows")
t.send(ENTER)
check(t.wait_for("Alfa srl"), "the customers list opens")
check(t.highlighted().startswith("Alfa srl"), "in name order: %s" % t.highlighted())
check("F6 Sort" in t.line(23) and "F9 Filter" in t.line(23),
      "the key line offers Sort and Filter: " + t.line(23).strip())
t.send("\x1b[B" * 4)  # to Gamma
t.send(F[6])
check(t.wait_for("Sorted by City."), "F6 sorts by the next column, City")
check("by City" in t.line(1), "the box's title says so: " + t.line(1).strip())
check(t.highlighted().startswith("Gamma snc"), "the cursor stays on its row: %s" % t.highlighted())
ys = [t.row_of(p[0]) for p in sorted(parties, key=lambda p: (p[1], parties.index(p)))]
check(ys == sorted(ys) and -1 not in ys, "the rows are in city order (ties by id): %s" % ys)
t.send("\x1br")
check(t.wait_for("Sorted by City, descending."), "Esc-r reverses")
check(t.row_of("Alfa srl") < t.row_of("Beta spa"), "Torino now above Bari")
t.send("\x1bOH")
t.send("ro")
check(t.highlighted().startswith("Epsilon sas"),
      "typing seeks in the sort column, descending: %s" % t.highlighted())
t.send(F[9])
check(t.wait_for("Show only"), "F9 asks for a filter")
t.send("role = s" + ENTER, 0.3)
check("only Role = S" in t.line(1), "the title shows the filter: " + t.line(1).strip())
check("Beta spa" in t.text() and "Epsilon sas" in t.text() and "Alfa srl" not in t.text(),
      "only the suppliers show")
t.send(F[9])
t.send("\x15" + "town = Roma" + ENTER, 0.3)  # ^U: to the start; the old text stays after
check(t.wait_for('no column is called "town"'), "an unknown column is refused, saying so")
check("only Role = S" in t.line(1), "and the filter in force stays")
t.send(F[9])
t.wait_for("Show only")
t.send("\x15" + "\x04" * 40 + ENTER, 0.3)  # ^D deletes to an empty line
check(t.wait_for("No filter: every row shows."), "an empty filter shows every row")
check("Alfa srl" in t.text() and "Gamma snc" in t.text(), "all five again")
t.send(F[10])
t.send(F[10])
check(t.finish() == 0, "quits with status 0")

# ---- the articles form: a line grid of stock movements ----


def moves():
    db = sqlite3.connect(book)
    r = db.execute("SELECT position, date, quantity, reason FROM stock_moves "
                   "ORDER BY position").fetchall()
    db.close()
    return r


def total_line():
    y = t.row_of("Total")
    return t.line(y) if y >= 0 else ""


t = Tui(book)
t.wait_for("Main menu")
t.send(DOWN * 3 + ENTER)  # Articles: after the register and its two views
check(t.wait_for("Articles"), "Articles opens")
t.send(F[5])
check(t.wait_for("Articles - New"), "F5: a new article")
t.send("VITE6" + TAB + "Vite M6")
for _ in range(12):
    if "Add line" in t.line(23):
        break
    t.send(TAB, 0.08)
check("F5 Add line" in t.line(23) and "F12 Leave" in t.line(23),
      "Tab reaches the grid; its key line: " + t.line(23).strip())
t.send("1/3/2026" + TAB + "10,5" + TAB + "carico" + TAB)
t.send("2/3/2026" + TAB + "-2" + TAB + "vendita" + TAB)
check("01/03/2026" in t.text() and "vendita" in t.text(), "two lines typed")
check("8,50" in total_line(), "the footer's total: " + total_line().strip())
t.send(UP + TAB + "x" + TAB)
check(t.wait_for("Line 2, Quantity:"), "a bad quantity is refused naming line and column")
t.send(BACKSPACE + "-2" + TAB)
t.send(INSERT)
t.send("5/3/2026" + TAB + "1" + TAB)
check("9,50" in total_line(), "an inserted line counts: " + total_line().strip())
y5, y1 = t.row_of("05/03/2026"), t.row_of("01/03/2026")
t.send("\x1bu")
check(t.row_of("05/03/2026") < t.row_of("01/03/2026") and y5 > y1,
      "Esc-u moves the line up")
t.send(F[8])
check(t.wait_for("Delete line 1?"), "F8 asks before deleting a line")
t.send("y")
check("05/03/2026" not in t.text() and "8,50" in total_line(), "the line goes, the total follows")
t.send(F[2], 0.4)
check(t.wait_for("Saved."), "F2 saves the article with its lines")
check(moves() == [(1, "2026-03-01", 10500, "carico"), (2, "2026-03-02", -2000, "vendita")],
      "the book holds the lines in order: %r" % (moves(),))
check(t.row_of("Stock on hand") >= 0 and "8,50" in t.line(t.row_of("Stock on hand")),
      "the stock on hand is their sum")
t.send(F[12])
check("Tab Next" in t.line(23), "F12 leaves the grid: " + t.line(23).strip())
t.send(F[10])
check(t.wait_for("VITE6"), "back in the list, the article")
t.send(F[10])
t.send(F[10])
check(t.finish() == 0, "quits with status 0")

print("1..%d" % n)
sys.exit(1 if failed else 0)
