"""Drives `scrivano tui --book BOOK` on a local pty and reads the screen
back with pyte (no server, no ssh: tests/e2e/harness.py is for those).

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from ptytui import ENTER, F, Tui, check, done

    t = Tui(book, term="vt100", cols=80, rows=24, lang="C.UTF-8",
            env={"SCRIVANO_TODAY": "2026-11-21"}, pause=0.15)
    t.wait_for("Main menu")            # True / False, after the output pauses
    t.send(F[10])                      # str or bytes; then reads until quiet
    t.line(23), t.row_of("Alfa"), t.reversed_text(y), t.highlighted()
    t.resize(100, 30)                  # TIOCSWINSZ (the child gets SIGWINCH)
    check(t.finish() == 0, "quits")    # exit status, or None (then killed)
    sys.exit(done())                   # prints the plan

t.raw holds every byte the program wrote. Environment: SCRIVANO (the
binary, required); the rest is passed on, but for LC_ALL, LANGUAGE and
NCURSES_NO_UTF8_ACS, which would override the terminal asked for.
"""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

import pyte

SCRIVANO = os.environ.get("SCRIVANO", "")

F = {1: "\x1bOP", 2: "\x1bOQ", 3: "\x1bOR", 5: "\x1b[15~", 6: "\x1b[17~", 7: "\x1b[18~",
     8: "\x1b[19~", 9: "\x1b[20~", 10: "\x1b[21~", 12: "\x1b[24~"}
TAB, BACKTAB, BACKSPACE, ENTER = "\t", "\x1b[Z", "\x7f", "\r"
UP, DOWN, INSERT = "\x1b[A", "\x1b[B", "\x1b[2~"

class Screen(pyte.Screen):
    """pyte's screen, with the scrolling a real xterm does and pyte lacks:
    SU and SD (CSI n S, CSI n T), which ncurses uses to scroll a region."""

    def scroll_up(self, count=None):
        y, x = self.cursor.y, self.cursor.x
        bottom = self.margins.bottom if self.margins else self.lines - 1
        for _ in range(count or 1):
            self.cursor.y = bottom
            self.index()
        self.cursor.y, self.cursor.x = y, x

    def scroll_down(self, count=None):
        y, x = self.cursor.y, self.cursor.x
        top = self.margins.top if self.margins else 0
        for _ in range(count or 1):
            self.cursor.y = top
            self.reverse_index()
        self.cursor.y, self.cursor.x = y, x


class ByteStream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down")


_count = 0
_failed = 0


def check(cond, what):
    """One TAP line, `ok N - what` or `not ok N - what`; returns cond."""
    global _count, _failed
    _count += 1
    print("%sok %d - %s" % ("" if cond else "not ", _count, what), flush=True)
    if not cond:
        _failed += 1
    return cond


def done():
    """Prints the plan; the exit status for the test (1 when a check failed)."""
    print("1..%d" % _count, flush=True)
    return 1 if _failed else 0


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


class Tui:
    def __init__(self, book, term="xterm", cols=80, rows=24, lang="C.UTF-8", env=None,
                 pause=0.15):
        self.screen = Screen(cols, rows)
        self.stream = ByteStream(self.screen)
        self.raw = bytearray()
        self.pause = pause
        self.status = None
        child_env = dict(os.environ, TERM=term, LANG=lang, **(env or {}))
        for v in ("LC_ALL", "LANGUAGE", "NCURSES_NO_UTF8_ACS"):
            child_env.pop(v, None)
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(SCRIVANO, [SCRIVANO, "tui", "--book", book], child_env)
        self.pid, self.fd = pid, fd
        self.resize(cols, rows)

    def resize(self, cols, rows):
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.screen.resize(rows, cols)

    def read_once(self, wait):
        """Reads what the program wrote within wait seconds, at most one
        chunk, onto the screen; the bytes (b"" for none, or at its end)."""
        r, _, _ = select.select([self.fd], [], [], wait)
        if not r:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return b""
        self.raw += data
        feed_scrolling(self.screen, self.stream, data)
        return data

    def pump(self, wait=0.05, timeout=5.0):
        """Reads until nothing comes for wait seconds (timeout at most);
        the bytes read."""
        got = bytearray()
        end = time.time() + timeout
        while time.time() < end:
            data = self.read_once(wait)
            if not data:
                break
            got += data
        return bytes(got)

    def send(self, data, pause=None):
        """Sends keys (str or bytes), then reads until the output pauses
        for `pause` seconds (the constructor's by default); the bytes read."""
        if isinstance(data, str):
            data = data.encode()
        os.write(self.fd, data)
        return self.pump(self.pause if pause is None else pause)

    def text(self):
        return "\n".join(self.screen.display)

    def flat_text(self):
        """The screen's lines stripped and joined by one blank: a message
        the status line wrapped reads as one line."""
        return " ".join(l.strip() for l in self.screen.display if l.strip())

    def wait_for(self, s, timeout=3.0):
        """Until s is on the screen (it may run on from one line to the
        next); True or False."""
        end = time.time() + timeout
        while time.time() < end:
            self.pump(0.05)
            if s in self.text() or s in self.flat_text():
                return True
        return False

    def line(self, y):
        return self.screen.display[y]

    def row_of(self, s):
        for y, l in enumerate(self.screen.display):
            if s in l:
                return y
        return -1

    def reversed_text(self, y):
        """The characters of row y shown in reverse video, stripped."""
        row = self.screen.buffer[y]
        return "".join(row[x].data for x in range(self.screen.columns) if row[x].reverse).strip()

    def highlighted(self):
        """The first reverse-video text below the title row and above the
        key line: the list's cursor row."""
        for y in range(1, self.screen.lines - 1):
            t = self.reversed_text(y)
            if t:
                return t
        return ""

    def finish(self, timeout=3.0):
        """Waits for the program to end: its exit status, or None when it
        did not end in time (then it is killed)."""
        end = time.time() + timeout
        while time.time() < end:
            self.pump(0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = status
                return os.WIFEXITED(status) and os.WEXITSTATUS(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return None

    def terminate(self):
        """Ends the program with SIGTERM and waits for it."""
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)
