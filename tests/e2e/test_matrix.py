"""Every terminal an office still has, by every charset: for TERM in {vt100,
vt220, linux, xterm, xterm-256color, putty, screen, wy60} and charset in
{UTF-8, ISO-8859-15, CP850, KOI8-R}, a real OpenSSH client logs in (the
charset from the user's setting in half of the cells, from the LANG the
client sends in the other half), opens the customers, adds one whose name
has accented letters (Cyrillic where the charset has it) with the keys
that terminal sends, saves and quits. Checked: the row stored in the book
(always UTF-8), the list on the screen as the terminal shows it (pyte, in
the terminal's charset) for the ANSI terminals, boxes drawn with the
terminal's own line drawing where the charset is not UTF-8, and for the
wy60 that no ANSI sequence reached it and the name came back in its
charset, landing right: the test's own small Wyse 60 emulator decodes the
cursor addressing (ESC = row+32 col+32) and the other Wyse sequences, and
the name must stand in the list's first row under the Name heading. The 32
cells run eight at a time."""

import concurrent.futures
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env, book_rows  # noqa: E402

tap = Tap()
TERMS = ["vt100", "vt220", "linux", "xterm", "xterm-256color", "putty", "screen", "wy60"]
# charset -> (Python codec, LANG a client would send, the name typed)
CHARSETS = {
    "UTF-8": ("utf-8", "en_US.UTF-8", "Caffè Società Ромашка €"),
    "ISO-8859-15": ("iso8859_15", "en_GB.ISO-8859-15", "Caffè Società Müller €"),
    "CP850": ("cp850", "en_GB.CP850", "Caffè Società Ñandú"),
    "KOI8-R": ("koi8_r", "ru_RU.KOI8-R", "Ромашка Ёлка"),
}
# The key each terminal sends for New: its own F5 (F6 on a vt220, whose
# F5 sends nothing), ^N on a vt100 (whose "F5" is a keypad key).
NEW_KEY = {"vt100": "\x0e", "vt220": "\x1b[17~", "linux": "\x1b[[E", "xterm": "\x1b[15~",
           "xterm-256color": "\x1b[15~", "putty": "\x1b[15~", "screen": "\x1b[15~",
           "wy60": "\x01D\r"}
TAB = "\t"


def scrivano(*args):
    r = subprocess.run([SCRIVANO] + list(args), capture_output=True, text=True, env=base_env(),
                       input="pw\n", timeout=30)
    if r.returncode != 0:
        raise RuntimeError("%s: %s" % (args, r.stderr))


def user_of(term, charset):
    return "u-%s-%s" % (term, charset.lower())


def stored(srv, user):
    path = srv.book_path(user)
    if not os.path.exists(path):
        return None
    return book_rows(path, "SELECT name, role FROM parties")


def wait_text(c, text, timeout=5):
    """Waits until text was received (for the Wyse, whose screen pyte
    cannot draw)."""
    end = time.time() + timeout
    while text not in c.text():
        if time.time() > end or not c.pump(0.05) and c.master is None:
            return text in c.text()
    return True


class Wyse:
    """A Wyse 60 screen, enough for what ncurses sends it (terminfo wy60):
    text at the cursor (with auto margins), cursor addressing and moves,
    clears, line insert and delete; attributes and modes are read and
    ignored. Any sequence it does not know goes to `unknown`."""

    ARGS = {"=": 2, "G": 1, "`": 1, "d": 1, "w": 1, "e": 1, "H": 1, "A": 2, "~": 1}
    PLAIN = set("+{TYREj()'rqOlIW10P")
    TAB = 8

    def __init__(self, rows=24, cols=80):
        self.rows, self.cols = rows, cols
        self.grid = [[" "] * cols for _ in range(rows)]
        self.y = self.x = 0
        self.insert = False
        self.unknown = []

    def text(self):
        return ["".join(r) for r in self.grid]

    def _clear(self, y0, x0):
        for y in range(y0, self.rows):
            for x in range(x0 if y == y0 else 0, self.cols):
                self.grid[y][x] = " "

    def _down(self):
        if self.y == self.rows - 1:
            self.grid = self.grid[1:] + [[" "] * self.cols]
        else:
            self.y += 1

    def _put(self, ch):
        row = self.grid[self.y]
        if self.insert:
            row.insert(self.x, ch)
            row.pop()
        else:
            row[self.x] = ch
        self.x += 1
        if self.x == self.cols:  # am without xenl: the wrap is at once
            self.x = 0
            self._down()

    def _esc(self, s, i):
        """Does the sequence after an ESC at s[i]; returns where it ends."""
        c = s[i] if i < len(s) else ""
        if c == "=" and i + 2 < len(s):
            self.y = min(ord(s[i + 1]) - 32, self.rows - 1)
            self.x = min(ord(s[i + 2]) - 32, self.cols - 1)
        elif c == "c":  # ESC c E / D: line drawing on, off; ESC c B0 and the like
            return i + (2 if s[i + 1:i + 2] in ("E", "D") else 3)
        elif c == "+":
            self._clear(0, 0)
            self.y = self.x = 0
        elif c == "{":
            self.y = self.x = 0
        elif c == "T":
            self._clear_line()
        elif c == "Y":
            self._clear(self.y, self.x)
        elif c in ("R", "E"):
            del self.grid[self.y if c == "R" else self.rows - 1]
            self.grid.insert(self.rows - 1 if c == "R" else self.y, [" "] * self.cols)
        elif c == "j":
            if self.y > 0:
                self.y -= 1
            else:
                self.grid = [[" "] * self.cols] + self.grid[:-1]
        elif c == "W":
            del self.grid[self.y][self.x]
            self.grid[self.y].append(" ")
        elif c in ("q", "r"):
            self.insert = c == "q"
        elif c == "F":  # status line text up to CR
            end = s.find("\r", i)
            return len(s) if end < 0 else end + 1
        elif c not in self.PLAIN and c not in self.ARGS:
            self.unknown.append(repr(s[i:i + 3]))
        return i + 1 + self.ARGS.get(c, 0)

    def _clear_line(self):
        for x in range(self.x, self.cols):
            self.grid[self.y][x] = " "

    def feed(self, s):
        i = 0
        while i < len(s):
            ch = s[i]
            i += 1
            if ch == "\x1b":
                i = self._esc(s, i)
            elif ch == "\r":
                self.x = 0
            elif ch == "\n":
                self._down()
            elif ch == "\b":  # bw: from the first column to the line above's end
                if self.x > 0:
                    self.x -= 1
                elif self.y > 0:
                    self.y, self.x = self.y - 1, self.cols - 1
            elif ch == "\t":
                self.x = min((self.x // self.TAB + 1) * self.TAB, self.cols - 1)
            elif ch == "\x0c":
                self.x = min(self.x + 1, self.cols - 1)
            elif ch == "\x0b":  # up; from the top line to the bottom one (ll is ESC { ^K)
                self.y = self.y - 1 if self.y > 0 else self.rows - 1
            elif ch >= " " and ch != "\x7f":
                self._put(ch)
            # other controls (NUL padding, ^G, ^N, ^T) draw nothing


def wyse_lands(raw, codec, name):
    """Whether name stands in the customers list's first row, under the Name
    heading, on the screen the Wyse shows (whose title is on the top line
    and keys on the bottom one); with what it shows."""
    w = Wyse()
    w.feed(raw.decode(codec, errors="replace"))
    lines = w.text()
    heads = [y for y, ln in enumerate(lines) if "Name" in ln and "City" in ln]
    ok = (not w.unknown and len(heads) == 1 and heads[0] + 1 < len(lines) and
          lines[0].startswith(" scrivano | Main menu > Customers & suppliers") and
          lines[-1].startswith("F1 Help  F3 Search") and
          lines[heads[0] + 1].find(name) == lines[heads[0]].find("Name") and
          sum(ln.count(name) for ln in lines) == 1)
    return ok, "\n".join(lines + ["unknown: %s" % w.unknown])


def cell(srv, term, charset, by_setting):
    """Runs one cell; returns a list of (description, ok, diagnostics)."""
    codec, lang, name = CHARSETS[charset]
    user = user_of(term, charset)
    env = {"LANG": "C.UTF-8" if by_setting else lang}
    out = []
    start = time.time()
    wyse = term == "wy60"
    with srv.client(user, "pw", term=term, encoding=codec, env=env) as c:
        wait = (lambda s, t=5: wait_text(c, s, t)) if wyse else c.wait_for
        wait("Quit", 10)
        c.settle(0.1)
        c.send("\r")
        wait("Role", 5)
        c.settle(0.1)
        c.send(NEW_KEY[term])
        opened = wait("Partita IVA", 5)
        c.settle(0.1)
        c.send(name + TAB + TAB + "RSSMRA80A01H501U" + TAB)  # an Italian party needs a CF
        c.send("\x1b2")
        saved = wait("Saved.", 5)
        c.send("\x1b0")
        listed = wait(name, 5)
        c.settle(0.2)
        shown = c.screen_text()
        at_list = bytes(c.raw)
        c.send("\x1b0")
        c.wait_for("Main menu", 5)
        c.send("\x1b0")
        c.send("y")  # yes, end the session
        status = c.wait_exit(10)
        raw = bytes(c.raw)
    out.append(("the terminal's New key opens the form, Esc 2 saves",
                opened and saved, shown))
    out.append(("the session ends cleanly", status == 0, "exit status %r" % status))
    out.append(("the book holds the name in UTF-8", stored(srv, user) == [(name, "C")],
                "stored %r" % stored(srv, user)))
    if term == "wy60":
        out.append(("no ANSI sequence (ESC [) reached the Wyse", b"\x1b[" not in raw,
                    repr(raw[:200])))
        out.append(("the name came back in the terminal's charset",
                    name.encode(codec) in raw, repr(raw[-600:])))
        out.append(("on the Wyse screen (cursor addressing decoded) the name lands in the "
                    "list's first row under Name",) + wyse_lands(at_list, codec, name))
    else:
        out.append(("the list shows the name as typed", listed and name in shown, shown))
        out.append(("boxes are drawn (a corner on the screen)", "┌" in shown or "└" in shown,
                    shown))
        if charset != "UTF-8":
            out.append(("boxes use the terminal's line drawing (ACS), not converted Unicode",
                        b"\x1b(0" in raw or b"\x0e" in raw, repr(raw[:300])))
    return out, time.time() - start


def main():
    cells = [(t, cs, i % 2 == 0) for i, t in enumerate(TERMS) for cs in CHARSETS]
    srv = Server(users={user_of(t, cs): "pw" for t, cs, _ in cells}, tap=tap,
                 args=["--max-startups-per-address", "10", "--max-startups", "10"])
    for term, cs, by_setting in cells:
        if by_setting and cs != "UTF-8":
            scrivano("user", "set", user_of(term, cs), "charset", cs, "--data", srv.datadir)
    with srv:
        began = time.time()
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            futures = [pool.submit(cell, srv, *c) for c in cells]
            results = [f.result() for f in futures]
        for (term, cs, by_setting), (checks, took) in zip(cells, results):
            how = "setting" if by_setting else "LANG"
            for desc, ok, diag in checks:
                tap.ok("%s, %s (by %s): %s" % (term, cs, how, desc), ok, diag)
        tap.diag("32 cells in %.1f s" % (time.time() - began))
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
