"""End-to-end tests of the relay between the SSH channel and the forms' pty,
through the real OpenSSH client: a paste larger than every buffer keeps the
connection's process within a fixed bound of memory (the relay holds what
the pty cannot take yet, libssh's window holds the client back), and the
server goes on: closing the client ends the session, the next login works."""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap  # noqa: E402

tap = Tap()
MENU = re.compile(r"Quit\s*$", re.M)
# The paste is larger than what the relay (2 MiB) and libssh (its window and
# a half, 1.9 MB) may hold, so that the old relay, which let libssh take all
# a client sent, shows. It goes to a window too small for the forms, where
# each key costs them least (a beep: too many keys wait at the notice).
PASTE = 6 << 20
BOUND = 5376       # kB of growth allowed


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def bar(c):
    """The rows of the menu's bar (reverse video, below the title line)."""
    return sorted({y for y, row in c.screen.buffer.items() for ch in row.values()
                   if ch.reverse and 0 < y < c.rows - 1})


def test_paste(srv):
    with srv.client("anna", "secret") as c:
        painted = c.wait_for(MENU, 10) and srv.wait_sessions(1)
        c.resize(40, 10)
        painted = painted and c.wait_for("too small", 10)
        c.settle()
        conn = srv.sessions()[0] if painted else None
        before = rss_kb(conn) if conn else 0
        most = before
        chunk = b"z" * 65536  # a key the menu ignores
        for _ in range(PASTE // len(chunk)):
            c.send(chunk)
            most = max(most, rss_kb(conn)) if conn else 0
        most = max(most, rss_kb(conn)) if conn else 0
        desc = ("a 6 MB paste: the connection's process grows by %d kB at most (bound %d)"
                % (most - before, BOUND))
        if os.environ.get("SCRIVANO_SANITIZED"):
            # AddressSanitizer's allocator keeps what is freed in quarantine
            # and adds its shadow: the process's size says nothing there
            tap.skip(desc, "a sanitizer build (.ci/run): memory is not the program's own")
        else:
            tap.ok(desc, painted and most - before < BOUND,
                   "%d kB before, %d kB at most" % (before, most))
        # The forms still have megabytes of keys to read (some 100 kB a
        # second at the notice): the user closes the terminal.
    tap.ok("closing the client then ends the session, logged as such",
           srv.wait_log(r"logout anna .*: the client left", 15) and srv.wait_sessions(0, 15),
           srv.log())
    with srv.client("anna", "secret") as c:
        tap.ok("and the next login gets the forms", c.wait_for(MENU, 10), c.screen_text())


def main():
    t0 = time.time()
    with Server(users={"anna": "secret"}, tap=tap) as srv:
        test_paste(srv)
    tap.diag("%.1f s" % (time.time() - t0))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
