"""The FatturaPA export end to end (issue 15, point 1): a real OpenSSH
client logs in to a real `scrivano serve`; an invoice is issued in the TUI
and its commands' Export XML writes its file into the book's export folder
(export/anna beside the book), where it passes `xmllint --schema` against
the official XSD and `scrivano fatturapa check`; its SdI state (X, made)
shows on the form and in the list. An invoice whose Causale the schema
refuses (a line longer than 200 characters) shows the rule (00200) on
screen, and no file is stored nor written."""

import datetime
import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env, book_rows  # noqa: E402
from harness import fatturapa_schema_copy as schema_copy  # noqa: E402

tap = Tap()

F10, F11 = "\x1b[21~", "\x1b[23~"
ENTER, DOWN, HOME = "\r", "\x1b[B", "\x1bOH"
YEAR = datetime.date.today().year
XSD = "Schema_del_file_xml_FatturaPA_v1.2.2.xsd"


def make_book(srv):
    path = srv.book_path("anna")
    r = subprocess.run([SCRIVANO, "book", "init", path], capture_output=True, text=True,
                       env=base_env(), timeout=30)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    today = datetime.date.today().isoformat()
    db = sqlite3.connect(path)
    db.execute("UPDATE company SET name = 'Ferramenta Bianchi S.r.l.', piva = '01234567897', "
               "address = 'Via Roma', street_no = '1', cap = '20100', city = 'Milano', "
               "province = 'MI'")
    db.execute("INSERT INTO parties (role, kind, name, piva, address, street_no, cap, city, "
               "province, country, sdi) VALUES ('C', 'C', 'Rossi Forniture S.r.l.', "
               "'09876540015', 'Via Verdi', '5', '10100', 'Torino', 'TO', 'IT', 'ABC1234')")
    # two drafts: one the schema takes, one whose Causale is too long for it
    for causale in ("", "x" * 250):
        cur = db.execute("INSERT INTO documents (direction, kind, state, party_id, type, date, "
                         "sdi, causale) VALUES ('S', 'FAT', 'D', 1, 'TD01', ?, 'ABC1234', ?)",
                         (today, causale))
        db.execute("INSERT INTO document_lines (document_id, seq, line_no, description, "
                   "quantity, unit_price, total, vat_rate) VALUES (?, 1, 1, ?, '2.00', "
                   "'45.00', '90.00', 2200)",
                   (cur.lastrowid, "Consulenza" if not causale else "Causale lunga"))
    db.commit()
    db.close()
    srv.give_datadir()
    return path



def open_draft(c, n):
    """From the main menu: Documents, Invoices, the n-th row (0: first)."""
    c.send(HOME + DOWN * 13 + ENTER)
    c.wait_for("Purchase invoices", 5)
    c.send("5")  # Invoices
    c.wait_for(re.compile(r"Consulenza|F5 New|Invoices"), 5)
    c.send(DOWN * n + ENTER)
    return c.wait_for("Invoices - Edit", 5)


def issue(c, number):
    c.send(F11)
    ok = c.wait_for("Commands", 5) and c.wait_for("Issue", 5)
    c.send(ENTER)
    ok = ok and c.wait_for("Issue this document?", 10)
    c.send("y")
    return tap.ok("issued in the TUI as %s" % number,
                  ok and c.wait_for("Issued as %s." % number, 15), c.screen_text())



def main():
    xsd_dir = schema_copy()
    if xsd_dir is None:
        print("1..0 # SKIP no FatturaPA schema (SCRIVANO_FATTURAPA)")
        return 0
    with Server(users={"anna": "pw-anna"}, tap=tap,
                env={"SCRIVANO_TODAY": None, "SCRIVANO_FATTURAPA": xsd_dir}) as srv:
        book = make_book(srv)
        folder = os.path.join(os.path.dirname(book), "export", "anna")
        good, bad = "1/%d" % YEAR, "2/%d" % YEAR
        name = "IT01234567897_00001.xml"
        with srv.client("anna", "pw-anna", term="xterm") as c:
            c.wait_for("Main menu", 10)
            tap.ok("the first draft opens", open_draft(c, 0), c.screen_text())
            issue(c, good)
            tap.ok("no SdI state before the export",
                   re.search(r"SdI \[\s*\]", c.screen_text()), c.screen_text())
            tap.ok("its commands offer Export XML", c.pick_command("Export XML"), c.screen_text())
            tap.ok("Export XML says the file it wrote into the export folder",
                   c.wait_for("Exported %s into the export folder." % name, 15),
                   c.screen_text())
            tap.ok("the form shows the SdI state X (made)",
                   c.wait_for(re.compile(r"SdI \[X"), 5), c.screen_text())
            path = os.path.join(folder, name)
            tap.ok("the file is in the book's export folder", os.path.isfile(path),
                   str(os.listdir(folder)) if os.path.isdir(folder) else folder)
            r = subprocess.run(["xmllint", "--nonet", "--noout", "--schema",
                                os.path.join(xsd_dir, XSD), path],
                               capture_output=True, text=True, timeout=60)
            tap.is_eq("xmllint --schema: valid", (r.returncode, r.stderr.strip()),
                      (0, "%s validates" % path))
            r = subprocess.run([SCRIVANO, "fatturapa", "check", "--quiet", path],
                               capture_output=True, text=True, env=base_env(), timeout=60)
            tap.is_eq("scrivano fatturapa check: no error", (r.returncode, r.stdout), (0, ""))
            tap.is_eq("the book holds it, state X",
                      book_rows(book, "SELECT name, state FROM sdi_files"), [(name, "X")])
            # the list: its row shows the state and the SdI state
            c.send(F10)
            tap.ok("the list shows the invoice issued (I) and made (X)",
                   c.wait_for(re.compile(r"FAT\s+%s\s.*\bI\s+X\b" % re.escape(good)), 5),
                   c.screen_text())
            # the second: refused by the schema, the rule on screen, nothing kept
            # the drafts come first in the list: Home, the first row
            c.send(HOME + ENTER)
            tap.ok("the second opens", c.wait_for("[Causale lung]", 5), c.screen_text())
            issue(c, bad)
            c.pick_command("Export XML")
            tap.ok("a document the schema refuses: the rule 00200 on screen",
                   c.wait_for("FAT %s not exported: 00200" % bad, 15), c.screen_text())
            tap.ok("and the field it is about", "Element 'Causale'" in c.flat_text(),
                   c.screen_text())
            tap.is_eq("no file stored for it",
                      book_rows(book, "SELECT count(*) FROM sdi_files"), [(1,)])
            tap.is_eq("nor written", sorted(os.listdir(folder)), [name])
            tap.is_eq("its SdI state stays empty",
                      book_rows(book, "SELECT sdi_state FROM documents WHERE number = ?", bad),
                      [("",)])
            tap.ok("nor shown", re.search(r"SdI \[\s*\]", c.screen_text()), c.screen_text())
            c.to_main_menu()
            c.send(F10)
            c.wait_for("End the session?", 5)
            c.send("y")
            c.wait_exit(10)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
