"""Terminals end to end, through the real OpenSSH client: printing on the
terminal's own printer, sent from the print preview (the exact bytes the
client receives: controller
mode, the printer's charset unconverted by the relay, a form feed, then a
redraw; ANSI and Wyse; what a list prints is what it shows: its view, its
order, its filters and a column of the user's own), a user's own key file
from their settings, an
unknown TERM that works as a vt100, a window below 80x24 that shows a
notice and keeps what is typed, and a taller window that lists more rows."""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env, share_with_own_field  # noqa: E402

tap = Tap()
F2, F5, F6, F7, F10 = "\x1bOQ", "\x1b[15~", "\x1b[17~", "\x1b[18~", "\x1b[21~"
F9, REVERSE = "\x1b[20~", "\x1br"
TAB, ENTER = "\t", "\r"
APC = b"\x1b_scrivano-print;"


def scrivano(*args):
    return subprocess.run([SCRIVANO] + list(args), capture_output=True, text=True,
                          env=base_env(), timeout=30)


def fill_book(srv, user, names):
    """A book made before the first login, with customers."""
    path = srv.book_path(user)
    r = scrivano("book", "init", path)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    db = sqlite3.connect(path)
    db.executemany("INSERT INTO parties (name, city) VALUES (?, ?)",
                   [(n, "Bologna") for n in names])
    db.commit()
    db.close()
    srv.give_datadir()  # made here, as root: the service user's, as the server's books are


def set_user(srv, user, setting, value):
    r = scrivano("user", "set", user, setting, value, "--data", srv.datadir)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)


def job_in(raw, start, stop):
    """The bytes between the first start and the stop after it, or None."""
    i = raw.find(start)
    j = raw.find(stop, i + len(start)) if i >= 0 else -1
    return bytes(raw[i + len(start):j]) if i >= 0 and j >= 0 else None


def to_list(c, new_label="New"):
    c.wait_for(re.compile(r"Quit$"), 10)
    c.send(ENTER)
    return c.wait_for(new_label, 5) and c.wait_for(re.compile(r"Back$"), 5)


def quit_from_list(c, back="\x1b0"):
    c.send(back)
    c.wait_for("Main menu", 5)
    c.send(back)
    c.send("y")  # yes, end the session
    return c.wait_exit(10)


def test_print_ansi(srv):
    fill_book(srv, "anna", ["Caffè Società", "Ditta € Uno"])
    set_user(srv, "anna", "printer-charset", "CP850")
    with srv.client("anna", "pw", term="xterm") as c:
        tap.ok("the list shows Print on F7", to_list(c) and "F7 Print" in c.screen_text(),
               c.screen_text())
        before = len(c.raw)
        c.send(F7)
        c.wait_for("Print preview", 5)
        c.send(F7)  # Send, in the preview
        ok = c.wait_for("Sent to the terminal's printer.", 5)
        c.settle()
        raw = bytes(c.raw[before:])
        tap.ok("F7, then F7 (Send) in the preview, prints and says so", ok, c.screen_text())
        job = job_in(raw, b"\x1b[5i", b"\x1b[4i")
        tap.ok("the client receives CSI 5 i ... CSI 4 i", job is not None, repr(raw[:300]))
        job = job or b""
        tap.ok("the job is in the printer's charset, CP850 (è 0x8A, à 0x85), not UTF-8",
               b"Caff\x8a Societ\x85" in job and "è".encode() not in job, repr(job))
        tap.ok("the euro sign, which CP850 lacks, is printed EUR", b"Ditta EUR Uno" in job,
               repr(job))
        tap.ok("lines end in CR LF and the job in a form feed",
               b"\r\n" in job and job.endswith(b"\f") and b"\n" not in job.replace(b"\r\n", b""),
               repr(job))
        tap.ok("the list's headings and count are printed",
               b"Name" in job and b"City" in job and b"2 records" in job, repr(job))
        tap.ok("no wrapped job reaches the client (the relay unwrapped it)", APC not in c.raw)
        after = raw[raw.find(b"\x1b[4i"):]
        tap.ok("the screen is redrawn after the job (cleared and painted again)",
               b"\x1b[H\x1b[2J" in after or b"\x1b[2J" in after, repr(after[:200]))
        tap.ok("and shows the list again", "Caffè Società" in c.screen_text()
               and "F7 Print" in c.screen_text(), c.screen_text())
        tap.is_eq("the session ends cleanly", quit_from_list(c), 0)


def test_print_wyse(srv):
    fill_book(srv, "wyse", ["Caffè Wyse"])
    set_user(srv, "wyse", "charset", "ISO-8859-15")
    with srv.client("wyse", "pw", term="wy60", encoding="iso8859_15") as c:
        to_list(c, "Print")
        before = len(c.raw)
        c.send("\x10")  # ^P
        c.wait_for("Print preview", 5)
        c.send("\x10")  # ^P again: Send
        c.wait_for("Sent to the terminal's printer.", 5)
        c.settle()
        raw = bytes(c.raw[before:])
        job = job_in(raw, b"\x1bd#", b"\x14")
        tap.ok("on a wy60, ^P prints in Wyse controller mode (ESC d # ... DC4)",
               job is not None and job.endswith(b"\f"), repr(raw[:300]))
        tap.ok("in the screen's charset when no printer charset is set (Latin-9: è 0xE8)",
               job is not None and b"Caff\xe8 Wyse" in job, repr(job))
        tap.ok("and no ANSI sequence reaches the Wyse", b"\x1b[" not in c.raw)
        tap.is_eq("the session ends cleanly", quit_from_list(c), 0)


def test_print_as_shown():
    """The Suppliers list (a view), sorted by City descending, filtered,
    with a column of the user's own: the job holds that and nothing else."""
    top = tempfile.mkdtemp(prefix="scrivano-e2e-print-")
    os.chmod(top, 0o755)
    try:
        with Server(users={"pia": "pw"}, tap=tap,
                    env={"SCRIVANO_SHARE": share_with_own_field(top)}) as srv:
            path = srv.book_path("pia")
            r = scrivano("book", "init", path)
            if r.returncode != 0:
                raise RuntimeError(r.stderr)
            db = sqlite3.connect(path)
            for role, name, city, reg in (("S", "Alfa", "Bologna", "R-ALFA"),
                                          ("B", "Beta", "Milano", "R-BETA"),
                                          ("C", "Cliente", "Milano", "R-CLI"),
                                          ("S", "Gamma", "Milano", "R-GAMMA"),
                                          ("S", "Delta", "Torino", "R-DELTA")):
                cur = db.execute("INSERT INTO parties (role, name, city) VALUES (?, ?, ?)",
                                 (role, name, city))
                db.execute("INSERT INTO custom_values VALUES ('parties', ?, 'vat_reg', ?)",
                           (cur.lastrowid, reg))
            db.commit()
            db.close()
            srv.give_datadir()
            with srv.client("pia", "pw", term="xterm") as c:
                c.wait_for(re.compile(r"Quit$"), 10)
                c.send("3")
                c.wait_for("F5 New", 5)
                c.send(F6)
                c.wait_for("Sorted by City.", 5)
                c.send(REVERSE)
                c.wait_for("descending", 5)
                c.send(F9)
                c.wait_for("Show only", 5)
                c.send("city <> Torino" + ENTER)
                shown = c.wait_for("only City <> Torino", 5) and \
                    re.search(r"Gamma.*\n.*Beta.*\n.*Alfa", c.screen_text())
                tap.ok("the suppliers list is sorted by City descending, without Torino",
                       shown and "Delta" not in c.screen_text() and
                       "Cliente" not in c.screen_text(), c.screen_text())
                before = len(c.raw)
                c.send(F7)
                c.wait_for("Print preview", 5)
                c.send(F7)
                c.wait_for("Sent to the terminal's printer.", 5)
                c.settle()
                job = job_in(bytes(c.raw[before:]), b"\x1b[5i", b"\x1b[4i") or b""
                text = job.decode("utf-8", "replace").replace("\r\n", "\n")
                lines = [ln for ln in text.split("\n")
                         if re.match(r"\s*(Alfa|Beta|Gamma|Delta|Cliente)\b", ln)]
                tap.is_eq("the job prints the rows the list shows, in its order",
                          [ln.split()[0] for ln in lines], ["Gamma", "Beta", "Alfa"])
                tap.ok("with the user's own column and its values",
                       "Reg." in text and len(lines) == 3 and all(re.search(r"\b%s\s+R-%s\b" % (role, n.upper()), ln)
                                              for role, n, ln in zip("SBS", ("Gamma", "Beta", "Alfa"),
                                                                     lines)), text)
                head = [ln for ln in text.split("\n") if ln.startswith("Name")]
                tap.ok("each column under its heading",
                       len(head) == 1 and len(lines) == 3 and
                       all(ln.index("R-") == head[0].index("Reg.") and
                           ln.index("Milano" if "Milano" in ln else "Bologna") ==
                           head[0].index("City") and not ln.startswith(" ") for ln in lines),
                       text)
                tap.ok("and a title that says the view, the order and the filter, and the count",
                       re.search(r"^Suppliers - by City, descending - only City <> Torino", text)
                       and "3 records" in text, text)
                tap.is_eq("the session ends cleanly", quit_from_list(c, F10), 0)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_user_keys(srv):
    keys = os.path.join(srv.top, "carla.keys")
    with open(keys, "w") as f:
        f.write("# Carla prints with F6\nprint F6 ^P Esc-7\n")
    set_user(srv, "carla", "keys", keys)
    with srv.client("carla", "pw", term="xterm") as c:
        tap.ok("a user's own key file: the key line shows F6 Print",
               to_list(c) and "F6 Print" in c.screen_text(), c.screen_text())
        c.send(F6)
        c.wait_for("Print preview", 5)
        c.send(F6)
        tap.ok("and F6 prints", c.wait_for("Sent to the terminal's printer.", 5),
               c.screen_text())
        tap.is_eq("the session ends cleanly", quit_from_list(c), 0)
    with open(keys, "w") as f:
        f.write("print F6\nhalp F1\n")
    with srv.client("carla", "pw", term="xterm") as c:
        tap.ok("a mistake in it, made after it was set, is shown and the session goes on",
               c.wait_for("carla.keys:2: unknown action 'halp'", 10)
               and c.wait_for(re.compile(r"Quit$"), 5), c.screen_text())
        c.send(F10)
        c.send("y")  # yes, end the session
        tap.is_eq("and quits cleanly", c.wait_exit(10), 0)


def test_broken_shared_keys():
    """A typo in a shared key file (keymaps/xterm.keys) costs a message, not
    the session: the forms go on with the built-in keys, the status line
    names the file and line, and the log keeps it."""
    top = tempfile.mkdtemp(prefix="scrivano-e2e-keys-")
    os.chmod(top, 0o755)
    try:
        share = os.path.join(top, "share")
        for d in ("screens", "keymaps", "data"):
            shutil.copytree(os.path.join(os.environ["SCRIVANO_SHARE"], d),
                            os.path.join(share, d))
        path = os.path.join(share, "keymaps", "xterm.keys")
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        lines.insert(len(lines) - 1, "sav F2")
        typo = len(lines) - 1
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        with Server(users={"anna": "pw"}, tap=tap, env={"SCRIVANO_SHARE": share}) as srv:
            where = "xterm.keys:%d: unknown action 'sav'" % typo
            with srv.client("anna", "pw", term="xterm") as c:
                shown = c.wait_for(where, 10)
                tap.ok("an xterm session starts anyway, and its status line names the "
                       "broken file and line", shown and "Main menu" in c.screen_text(),
                       c.screen_text())
                tap.ok("the built-in keys work: F10 quits", to_list(c) and
                       quit_from_list(c) == 0, c.screen_text())
            tap.ok("the log names the file and line",
                   srv.wait_log(r"session of anna \(TERM xterm\): \S*" + re.escape(where)),
                   srv.log())
            with srv.client("anna", "pw", term="vt100") as c:
                tap.ok("a vt100 session (another key file) shows no such message",
                       c.wait_for("Main menu", 10) and c.settle() is not False and
                       "unknown action" not in c.screen_text(), c.screen_text())
        env = base_env(SCRIVANO_SHARE=share)
        r = subprocess.run([SCRIVANO, "tui", "--check"], capture_output=True, text=True,
                           env=env, timeout=30)
        tap.ok("scrivano tui --check still fails on it, naming the line",
               r.returncode == 1 and where in r.stderr, r.stderr)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_unknown_term(srv):
    with srv.client("anna", "pw", term="nosuch-term") as c:
        tap.ok("an unknown TERM gets a one-line notice",
               c.wait_for("Unknown terminal type 'nosuch-term': working as a vt100.", 10),
               c.screen_text())
        tap.ok("and vt100 keys: ^N New on the key line",
               to_list(c, "^N New"), c.screen_text())
        c.send("\x1b5")
        tap.ok("Esc 5 opens a new form", c.wait_for("Customers & suppliers - New", 5),
               c.screen_text())
        c.send("\x1b0")
        c.wait_for("^N New", 5)
        tap.is_eq("the session ends cleanly", quit_from_list(c), 0)


def test_small_window(srv):
    with srv.client("anna", "pw", term="xterm", cols=60, rows=20) as c:
        tap.ok("below 80x24 a notice says what is needed",
               c.wait_for("Window too small: needs 80×24 (now 60×20).", 10), c.screen_text())
        c.send(ENTER)  # typed at the notice: opens the customers once it fits
        c.settle()
        tap.ok("keys typed meanwhile do nothing yet", "Main menu" not in c.screen_text(),
               c.screen_text())
        c.resize(80, 24)
        tap.ok("when the window grows the screen comes back by itself, and the Enter typed "
               "at the notice has opened the list",
               c.wait_for("F5 New", 5) and "Caffè Società" in c.screen_text(), c.screen_text())
        c.resize(79, 24)
        tap.ok("one column short: the notice again",
               c.wait_for("Window too small: needs 80×24 (now 79×24).", 5), c.screen_text())
        c.resize(80, 24)
        c.wait_for("F5 New", 5)
        tap.is_eq("the session ends cleanly", quit_from_list(c), 0)


def test_tall_window(srv):
    names = ["Cliente %02d" % i for i in range(60)]
    fill_book(srv, "dora", names)
    counts = {}
    for rows in (24, 40):
        with srv.client("dora", "pw", term="xterm", cols=80, rows=rows) as c:
            to_list(c)
            c.settle()
            counts[rows] = len(re.findall(r"Cliente \d\d", c.screen_text()))
            quit_from_list(c)
    tap.ok("a taller window lists more rows (%s)" % counts,
           counts.get(40, 0) - counts.get(24, 0) == 16 and counts.get(24, 0) >= 15)


def main():
    users = {u: "pw" for u in ("anna", "wyse", "carla", "dora")}
    with Server(users=users, tap=tap) as srv:
        test_print_ansi(srv)
        test_print_wyse(srv)
        test_user_keys(srv)
        test_unknown_term(srv)
        test_small_window(srv)
        test_tall_window(srv)
    test_print_as_shown()
    test_broken_shared_keys()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
