# Drives `scrivano tui` on a real pty and reads the screen back with pyte:
# the customers list sorted by another column, reversed and filtered; and
# the line grid of the articles form (stock movements) — typing lines, a
# bad cell refused, insert, move, delete, the running total, save, and the
# rows read back from the book.
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptytui import BACKSPACE, DOWN, ENTER, F, INSERT, TAB, UP, check, done  # noqa: E402
from ptytui import SCRIVANO, Tui  # noqa: E402


def open_tui(book):
    """The program on a pty, 80x24, on a fixed day."""
    return Tui(book, env={"SCRIVANO_TODAY": "2026-11-21"}, pause=0.12)


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
t = open_tui(book)
check(t.wait_for("Main menu"), "the main menu shows")
t.send(ENTER)
check(t.wait_for("Alfa srl"), "the customers list opens")
check(t.highlighted().startswith("Alfa srl"), "in name order: %s" % t.highlighted())
# the customers have commands (dunning's): F11 Commands takes the place
# F6 Sort and F9 Filter had on 80 columns (the last column stays blank);
# F1 lists every key, and F6 and F9 work (below)
check("F11 Commands" in t.line(23) and "F10 Back" in t.line(23),
      "the key line offers the customers' commands: " + t.line(23).strip())
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
t.send("y")  # ends the session
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


t = open_tui(book)
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
t.send("y")  # ends the session
check(t.finish() == 0, "quits with status 0")

sys.exit(done())
