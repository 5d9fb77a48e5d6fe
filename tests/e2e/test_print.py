"""Print preview end to end, through the real OpenSSH client: Print (F7)
on a list shows the pages first ("Page 1 of N", PgDn turns them) and sends
nothing to the terminal's printer until the user chooses Send, then the
client receives CSI 5 i ... CSI 4 i with every page; Cancel sends nothing;
Save as text writes a new file in the book's export folder and names it;
Print on a supplier's form prints its fields and its contacts grid; long
values wrap instead of being cut, in lists and forms."""

import glob
import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env  # noqa: E402

tap = Tap()
F2, F7, F10, PGDN = "\x1bOQ", "\x1b[18~", "\x1b[21~", "\x1b[6~"
ENTER = "\r"
START, STOP = b"\x1b[5i", b"\x1b[4i"
LONG_NAME = ("Consorzio Agrario Interprovinciale delle Cooperative di Trasformazione "
             "Latte Emilia")
NOTES = ("Consegne solo al mattino, dal lunedi al venerdi; il cancello sul retro in "
         "via Emilia resta chiuso ad agosto e nei giorni festivi, telefonare prima")


def make_book(srv, user, customers=(), supplier=None):
    path = srv.book_path(user)
    r = subprocess.run([SCRIVANO, "book", "init", path], capture_output=True, text=True,
                       env=base_env(), timeout=30)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    db = sqlite3.connect(path)
    db.executemany("INSERT INTO parties (name, city) VALUES (?, 'Bologna')",
                   [(n,) for n in customers])
    if supplier:
        cur = db.execute("INSERT INTO parties (role, name, piva, city, notes) "
                         "VALUES ('S', ?, '01234567897', 'Parma', ?)", supplier)
        db.execute("INSERT INTO party_contacts (party_id, position, name, role, phone, email) "
                   "VALUES (?, 1, 'Mario Rossi', 'Acquisti', '0521 123456', "
                   "'mario.rossi@example.it')", (cur.lastrowid,))
    db.commit()
    db.close()
    srv.give_datadir()  # made here, as root (umask 077): the service user's


def job_in(raw, start=START, stop=STOP):
    i = raw.find(start)
    j = raw.find(stop, i + len(start)) if i >= 0 else -1
    return bytes(raw[i + len(start):j]) if i >= 0 and j >= 0 else None


def to_list(c, key=ENTER):
    c.wait_for(re.compile(r"Quit$"), 10)
    c.send(key)
    return c.wait_for(re.compile(r"Back$"), 5)



def test_preview_send(srv):
    names = ["Cliente %03d" % i for i in range(80)] + [LONG_NAME]
    make_book(srv, "anna", names)
    with srv.client("anna", "pw", term="xterm") as c:
        to_list(c)
        before = len(c.raw)
        c.send(F7)
        shown = c.wait_for("Print preview - Page 1 of 2", 5) and \
            c.wait_for(re.compile(r"Save as text file.*\n(.*\n)*.*Cancel$"), 5)
        tap.ok("F7 on a list shows the preview: Page 1 of 2", shown, c.screen_text())
        screen = c.screen_text()
        tap.ok("with the choice: Send to the terminal printer / Save as text file / Cancel",
               "F7 Send to the terminal printer" in screen and "F2 Save as text file" in screen
               and "F10 Cancel" in screen, screen)
        tap.ok("showing the first page's rows", "Cliente 000" in screen, screen)
        c.send(PGDN)
        tap.ok("PgDn turns to page 2 of 2",
               c.wait_for("Page 2 of 2", 5) and c.wait_for("Cliente 057", 5), c.screen_text())
        tap.ok("which holds the rows after the first page's",
               "Cliente 057" in c.screen_text() and "Cliente 056" not in c.screen_text(),
               c.screen_text())
        tap.ok("nothing reaches the printer while the preview shows",
               START not in c.raw[before:], repr(bytes(c.raw[before:])[-200:]))
        c.send(F7)
        ok = c.wait_for("Sent to the terminal's printer.", 5)
        c.settle()
        tap.ok("F7 in the preview sends", ok, c.screen_text())
        job = job_in(bytes(c.raw[before:])) or b""
        text = job.decode("utf-8", "replace").replace("\r\n", "\n")
        tap.ok("the client receives CSI 5 i ... CSI 4 i with both pages, a form feed "
               "between them",
               "Page 1 of 2" in text and "Page 2 of 2" in text and
               text.count("\f") == 2 and "Cliente 000" in text and "Cliente 079" in text
               and "81 records" in text, text[:400])
        lines = text.split("\n")
        at = [i for i, ln in enumerate(lines) if ln.startswith("Consorzio Agrario")]
        # the Name column is 31 wide: the name goes on under itself there
        name = " ".join(" ".join(ln[:33].split()) for ln in lines[at[0]:at[0] + 4]) \
            if at else ""
        tap.ok("a name longer than its column wraps onto the lines below, not cut",
               len(at) == 1 and name.startswith(LONG_NAME) and "Bologna" in lines[at[0]]
               and all(len(ln.lstrip("\f")) <= 76 for ln in lines), "\n".join(lines[at[0]:at[0] + 4])
               if at else text)
        tap.ok("the list is shown again", c.wait_for("F7 Print", 5), c.screen_text())

        before = len(c.raw)
        c.send(F7)
        c.wait_for("Print preview", 5)
        c.send(F10)
        ok = c.wait_for("Not printed.", 5) and c.wait_for("F7 Print", 5)
        tap.ok("F10 in the preview cancels: back to the list", ok, c.screen_text())
        tap.ok("and nothing was sent", START not in c.raw[before:])
        tap.is_eq("the session ends cleanly", c.end_session(), 0)


def test_preview_save(srv):
    make_book(srv, "bice", ["Alfa Srl", "Beta Spa"])
    # wide, so that the whole path in the message shows
    with srv.client("bice", "pw", term="xterm", cols=200) as c:
        to_list(c)
        before = len(c.raw)
        c.send(F7)
        c.wait_for("Print preview - Page 1 of 1", 5)
        c.send(F2)
        shown = c.wait_for(re.compile(r"Saved as (/\S+\.txt)"), 5)
        m = re.search(r"Saved as (/\S+\.txt)", c.screen_text())
        tap.ok("F2 in the preview saves as a text file and says where", shown and m,
               c.screen_text())
        path = m.group(1) if m else ""
        folder = os.path.join(os.path.realpath(os.path.dirname(srv.book_path("bice"))),
                              "export", "bice")
        tap.ok("in the book's export folder (export/bice beside the book), by screen and time",
               os.path.dirname(path) == folder and
               re.match(r"parties-\d{8}-\d{6}\.txt$", os.path.basename(path)), path)
        tap.ok("the folder is private (0700)", os.path.isdir(folder) and
               os.stat(folder).st_mode & 0o777 == 0o700)
        content = open(path, encoding="utf-8").read() if os.path.isfile(path) else ""
        tap.ok("the file holds the pages, as text",
               "Alfa Srl" in content and "Beta Spa" in content and "2 records" in content
               and "Page 1 of 1" in content, content)
        tap.ok("nothing was sent to the printer", START not in c.raw[before:])
        c.wait_for("F7 Print", 5)
        c.send(F7)
        c.wait_for("Print preview", 5)
        c.send(F2)
        c.wait_for(re.compile(r"Saved as (?!%s)/\S+\.txt" % re.escape(path)), 5)
        files = glob.glob(os.path.join(folder, "parties-*.txt"))
        tap.ok("a second save, in the same second or not, makes another file",
               len(files) == 2 and open(path, encoding="utf-8").read() == content, files)
        tap.is_eq("the session ends cleanly", c.end_session(), 0)


def test_form(srv):
    make_book(srv, "caro", supplier=("Cartiera Alpina S.r.l.", NOTES))
    with srv.client("caro", "pw", term="xterm") as c:
        to_list(c, "3")  # Suppliers
        c.wait_for("Cartiera Alpina", 5)
        c.send(ENTER)
        tap.ok("the supplier's form opens", c.wait_for("Suppliers - Edit", 5), c.screen_text())
        before = len(c.raw)
        c.send(F7)
        shown = c.wait_for("Print preview - Page 1 of 1", 5)
        tap.ok("F7 on a form shows its preview", shown, c.screen_text())
        tap.ok("with the record's fields, label: value",
               c.wait_for(re.compile(r"Name:\s+Cartiera Alpina S\.r\.l\."), 5), c.screen_text())
        tap.ok("and nothing sent yet", START not in c.raw[before:])
        c.send(F7)
        ok = c.wait_for("Sent to the terminal's printer.", 5)
        c.settle()
        job = job_in(bytes(c.raw[before:])) or b""
        text = job.decode("utf-8", "replace").replace("\r\n", "\n")
        tap.ok("F7 sends the record", ok and text.startswith("Suppliers - Cartiera Alpina"),
               text[:300])
        tap.ok("every field, label: value",
               all(re.search(p, text) for p in (r"\nName:\s+Cartiera Alpina S\.r\.l\.\n",
                                                r"\nPartita IVA:\s+01234567897\n",
                                                r"\nCity:\s+Parma\n", r"\nRole:\s+S",
                                                r"\nE-mail:\s*\n")), text)
        tap.ok("the contacts grid as a table: headings, then the line, its e-mail wrapped "
               "in its column",
               re.search(r"\nContact\s+Role\s+Telephone\s+E-mail\n"
                         r"Mario Rossi\s+Acquisti\s+0521 123456\s+mario\.rossi@example\n"
                         r" +\.it\n",
                         text), text)
        notes = [ln for ln in text.split("\n")]
        i = next((k for k, ln in enumerate(notes) if ln.startswith("Notes:")), -1)
        col = notes[i].index("Consegne") if i >= 0 else -1
        tail = notes[i:i + 3] if i >= 0 else []
        tap.ok("the long notes wrap under themselves, every word kept",
               i >= 0 and len(tail) == 3 and all(len(ln) <= 76 for ln in tail) and
               all(ln[:col].strip() == "" and ln[col] != " " for ln in tail[1:2]) and
               " ".join(ln[col:].strip() for ln in tail if ln[col:].strip()) == NOTES,
               "\n".join(tail))
        tap.ok("the form is shown again", c.wait_for("Suppliers - Edit", 5), c.screen_text())
        c.send(F10)
        c.wait_for("F7 Print", 5)
        tap.is_eq("the session ends cleanly", c.end_session(), 0)


def main():
    with Server(users={u: "pw" for u in ("anna", "bice", "caro")}, tap=tap) as srv:
        test_preview_send(srv)
        test_preview_save(srv)
        test_form(srv)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
