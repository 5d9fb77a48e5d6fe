# The browse list through `scrivano tui` on a pty, read back with pyte:
# time from Enter on the menu to the list painted, and from End (and Home)
# to the last (first) name painted, on a big book and, as the peer, on a
# small one in the same run. Usage: browse-tui.py BIG.sqlite SMALL.sqlite
# (env SCRIVANO, SCRIVANO_SHARE). Prints medians and ratios; asserts nothing.
import os
import sqlite3
import statistics
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "tests"))
from ptytui import F, Tui  # noqa: E402

RUNS = 10


def shown(t, s, timeout=10.0):
    """Whether s shows on t's screen within timeout, looked for after each
    chunk read (not after the output pauses, as Tui.wait_for does)."""
    end = time.time() + timeout
    while time.time() < end:
        if s in t.text():
            return True
        t.read_once(0.01)
    return False


def timed(t, keys, s):
    """Seconds from sending keys to s on the screen."""
    t0 = time.perf_counter()
    os.write(t.fd, keys.encode())
    if not shown(t, s):
        return None
    return time.perf_counter() - t0


def edge_names(book):
    db = sqlite3.connect(book)
    q = "SELECT name FROM parties ORDER BY name COLLATE NOCASE %s, id %s LIMIT 1"
    first = db.execute(q % ("", "")).fetchone()[0]
    last = db.execute(q % ("DESC", "DESC")).fetchone()[0]
    n = db.execute("SELECT count(*) FROM parties").fetchone()[0]
    db.close()
    return first, last, n


def run(book):
    first, last, n = edge_names(book)
    times = {"open the list": [], "End": [], "Home": []}
    for _ in range(RUNS):
        t = Tui(book)
        if not shown(t, "Main menu"):
            sys.exit("the menu did not show")
        times["open the list"].append(timed(t, "\r", first))
        for _ in range(3):
            times["End"].append(timed(t, "\x1bOF", last))
            times["Home"].append(timed(t, "\x1bOH", first))
        t.send(F[10] * 3)
        t.finish()
    return n, {k: statistics.median(v) for k, v in times.items() if None not in v}


big_n, big = run(sys.argv[1])
small_n, small = run(sys.argv[2])
print("\nthrough scrivano tui on a pty (80x24), medians, milliseconds")
print("%-20s %12s %12s %8s" % ("", "%d rows" % big_n, "%d rows" % small_n, "ratio"))
for k in ("open the list", "End", "Home"):
    if k in big and k in small:
        print("%-20s %12.1f %12.1f %7.2fx" % (k, big[k] * 1e3, small[k] * 1e3, big[k] / small[k]))
    else:
        print("%-20s did not show in time" % k)
