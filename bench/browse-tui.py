# The browse list through `scrivano tui` on a pty, read back with pyte:
# time from Enter on the menu to the list painted, and from End (and Home)
# to the last (first) name painted, on a big book and, as the peer, on a
# small one in the same run. Usage: browse-tui.py BIG.sqlite SMALL.sqlite
# (env SCRIVANO, SCRIVANO_SHARE). Prints medians and ratios; asserts nothing.
import os
import pty
import select
import sqlite3
import statistics
import sys
import time

import pyte

SCRIVANO = os.environ["SCRIVANO"]
RUNS = 10


class Tui:
    def __init__(self, book):
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        env = dict(os.environ, TERM="xterm", LANG="C.UTF-8")
        env.pop("LC_ALL", None)
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(SCRIVANO, [SCRIVANO, "tui", "--book", book], env)
        self.pid, self.fd = pid, fd

    def pump(self, wait):
        r, _, _ = select.select([self.fd], [], [], wait)
        if r:
            try:
                self.stream.feed(os.read(self.fd, 65536))
            except OSError:
                pass

    def wait_for(self, s, timeout=10.0):
        end = time.time() + timeout
        while time.time() < end:
            if s in "\n".join(self.screen.display):
                return True
            self.pump(0.01)
        return False

    def timed(self, keys, s):
        """Seconds from sending keys to s on the screen."""
        t0 = time.perf_counter()
        os.write(self.fd, keys.encode())
        if not self.wait_for(s):
            return None
        return time.perf_counter() - t0

    def close(self):
        os.write(self.fd, b"\x1b[21~\x1b[21~\x1b[21~")
        time.sleep(0.2)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


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
        if not t.wait_for("Main menu"):
            sys.exit("the menu did not show")
        times["open the list"].append(t.timed("\r", first))
        for _ in range(3):
            times["End"].append(t.timed("\x1bOF", last))
            times["Home"].append(t.timed("\x1bOH", first))
        t.close()
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
