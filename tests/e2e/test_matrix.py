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
charset. The 32 cells run eight at a time."""

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
        shown = c.screen_text()
        c.settle(0.1)
        c.send("\x1b0")
        c.wait_for("Main menu", 5)
        c.send("\x1b0")
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
