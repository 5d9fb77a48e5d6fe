"""Ri.Ba. (issue 16 point 3) end to end: a real OpenSSH client logs in to
a real `scrivano serve` whose today is 01/06/2026 (SCRIVANO_TODAY). The
book (made through the record interface by tests/doc-make) has the
company's SIA code, Banca's Italian IBAN and four receivables: Verdi's
due 15/06/2026, Rossi's two instalments due 30/06 and 31/07, both
customers with their bank's ABI and CAB, and Bianchi's due 15/07, whose
bank is not known. In Open items > Receivables, the
command Present by Ri.Ba. on the first row offers its due date to the end
of its month; accepted, it says two receipts were written: the file in
the export folder reads back with the tests' own reader (tests/
ribaread.py) to Verdi's and Rossi's June items (number, debtor, amount,
due date, invoice), and in the SQLite file both are presented (R) on the
day through Banca, July's open. The command is no longer offered on a
presented row; Ri.Ba. unpaid on Verdi's, with a fee of 4,50, says the
item is open again and the fee is a prima nota entry: in the book the
item is O, no longer presented, and the entry takes 4,50 out of Banca,
causale SB, Verdi's, the invoice as its reference. The list shows the
item open again, to be presented again (or paid, or reminded). Last,
July's items are refused, naming Bianchi, whose bank is not known:
nothing is written."""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import SCRIVANO, Server, Tap, base_env, book_rows  # noqa: E402
import ribaread  # noqa: E402

tap = Tap()

ENTER, HOME, DOWN = "\r", "\x1bOH", "\x1b[B"
BACKSPACE = "\x7f"
TODAY = "2026-06-01"
IBAN = "IT60X0542811101000000123456"
DOC_MAKE = os.path.join(os.environ.get("abs_top_builddir", "."), "tests", "doc-make")


def doc_make(path, *parts):
    r = subprocess.run([DOC_MAKE, path] + list(parts), capture_output=True, text=True,
                       env=base_env(), timeout=30)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)


def make_book(srv):
    path = srv.book_path("anna")
    r = subprocess.run([SCRIVANO, "book", "init", path], capture_output=True, text=True,
                       env=base_env(), timeout=30)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    line = ("lines:line_no=1|description=Consulenza|quantity=1.00|unit_price=%s|total=%s|"
            "vat_rate=2200")
    doc_make(path, "company:name=Ferramenta Bianchi S.r.l.|piva=01234567897|sia=B7K2Q|"
             "address=Via Roma|street_no=1|cap=20100|city=Milano|province=MI",
             "party:role=C|name=Rossi Forniture S.r.l.|piva=12345678903|bank_abi=03069|"
             "bank_cab=09606|address=Via Verdi 5|cap=10100|city=Torino|province=TO",
             "doc:kind=FAT|direction=S|type=TD01|state=I|number=1/2026|numbering=F|year=2026|"
             "seq=1|date=2026-05-10|total=122000|payable=122000",
             line % ("1000.00", "1000.00"),
             "payments:mode=MP12|due=2026-06-30|amount=61000",
             "payments:mode=MP12|due=2026-07-31|amount=61000")
    doc_make(path, "party:role=C|name=Verdi Caffè Snc|piva=00743110157|bank_abi=08327|"
             "bank_cab=03200|address=Piazza Duomo 2|cap=50100|city=Firenze|province=FI",
             "doc:kind=FAT|direction=S|type=TD01|state=I|number=2/2026|numbering=F|year=2026|"
             "seq=2|date=2026-05-12|total=24400|payable=24400",
             line % ("200.00", "200.00"),
             "payments:mode=MP12|due=2026-06-15|amount=24400")
    doc_make(path, "party:role=C|name=Bianchi Luca|piva=00488410010",
             "doc:kind=FAT|direction=S|type=TD01|state=I|number=3/2026|numbering=F|year=2026|"
             "seq=3|date=2026-05-14|total=12200|payable=12200",
             line % ("100.00", "100.00"),
             "payments:mode=MP12|due=2026-07-15|amount=12200")
    import sqlite3
    db = sqlite3.connect(path)
    db.execute("UPDATE pn_accounts SET iban = ? WHERE name = 'Banca'", (IBAN,))
    db.commit()
    db.close()
    srv.give_datadir()
    return path


def items(book):
    return book_rows(book, "SELECT p.name, i.due, i.state, coalesce(i.presented, '-'), "
                           "coalesce(a.name, '-') FROM open_items i JOIN parties p ON "
                           "p.id = i.party_id LEFT JOIN pn_accounts a ON a.id = i.riba_account "
                           "ORDER BY i.due")


def present(c, book):
    c.send("O")
    c.settle()
    c.send(ENTER)
    tap.ok("Open items opens its menu", c.wait_for("Overdue receivables", 5), c.screen_text())
    c.send("1")
    tap.ok("Receivables: Verdi's first, by due date",
           c.wait_for(re.compile(r"15/06/2026\s+Verdi Caff"), 5), c.screen_text())
    c.send(HOME)
    c.settle()
    ok = c.pick_command("Present by Ri.Ba.") and c.wait_for("Ri.Ba. of the items due from", 5)
    tap.ok("Present by Ri.Ba. asks the due dates, offering the row's to its month's end",
           ok and c.wait_for("15/06/2026 30/06/2026", 5), c.screen_text())
    c.send(ENTER)
    tap.ok("two receipts written, it says",
           c.wait_for(re.compile(r"Ri\.Ba\.: 2 receipts, 854,00, written to"), 10),
           c.screen_text())
    folder = os.path.join(os.path.dirname(book), "export", "anna")
    files = sorted(f for f in os.listdir(folder) if f.startswith("riba-")) \
        if os.path.isdir(folder) else []
    tap.ok("one file in the export folder", len(files) == 1, files)
    got, why = [], ""
    if files:
        try:
            with open(os.path.join(folder, files[0]), "rb") as f:
                got = ribaread.read(f.read())
        except ribaread.Fault as e:
            why = str(e)
    tap.ok("the tests' reader takes it (120 + CR LF, the CBI set, EF agreeing)",
           got != [], why)
    ids = book_rows(book, "SELECT i.id FROM open_items i JOIN parties p ON p.id = i.party_id "
                          "WHERE i.due IN ('2026-06-15', '2026-06-30') ORDER BY i.due")
    tap.is_eq("and gives back the two June items: number, debtor, amount, due date, invoice",
              [(r["number"], r["debtor"], r["cents"], r["due"], r["doc"], r["doc_date"])
               for r in got],
              [(ids[0][0], "VERDI CAFFE SNC", 24400, "2026-06-15", "FAT 2/2026", "2026-05-12"),
               (ids[1][0], "ROSSI FORNITURE S.R.L.", 61000, "2026-06-30", "FAT 1/2026",
                "2026-05-10")])
    tap.is_eq("with their banks' ABI and CAB",
              [(r["abi"], r["cab"]) for r in got], [("08327", "03200"), ("03069", "09606")])
    tap.is_eq("in the book both are presented on the day through Banca, July's open",
              items(book),
              [("Verdi Caffè Snc", "2026-06-15", "R", TODAY, "Banca"),
               ("Rossi Forniture S.r.l.", "2026-06-30", "R", TODAY, "Banca"),
               ("Bianchi Luca", "2026-07-15", "O", "-", "-"),
               ("Rossi Forniture S.r.l.", "2026-07-31", "O", "-", "-")])
    tap.ok("the list shows them presented",
           c.wait_for(re.compile(r"15/06/2026\s+Verdi Caff.*\s+R\s"), 5), c.screen_text())
    return ids[0][0]


def unpaid(c, book, verdi):
    c.send(HOME)
    c.settle()
    offered = c.pick_command("Present by Ri.Ba.", most=12)
    tap.ok("a presented item is not offered Present by Ri.Ba. again", not offered,
           c.screen_text())
    c.send("\x1b")
    c.settle()
    c.send(HOME)
    c.settle()
    ok = c.pick_command("Ri.Ba. unpaid") and c.wait_for("the bank's fee (0: none)", 5)
    tap.ok("Ri.Ba. unpaid on Verdi's asks the bank's fee", ok, c.screen_text())
    c.send(BACKSPACE * 8 + "4,50" + ENTER)
    tap.ok("it says the item is open again and the fee is an entry",
           c.wait_for(re.compile(r"Item %d is open again; the bank's fee of 4,50 is prima nota "
                                 r"entry \d+" % verdi), 10), c.screen_text())
    tap.is_eq("in the book the item is open again, no longer presented",
              items(book)[0], ("Verdi Caffè Snc", "2026-06-15", "O", "-", "-"))
    tap.is_eq("the fee: 4,50 out of Banca on the day, causale SB, Verdi's, the invoice",
              book_rows(book, "SELECT e.amount, e.date, a.name, e.causale, p.name, e.doc_ref "
                              "FROM pn_entries e JOIN pn_accounts a ON a.id = e.account_id "
                              "JOIN parties p ON p.id = e.party_id"),
              [(-450, TODAY, "Banca", "SB", "Verdi Caffè Snc", "FAT 2/2026")])
    tap.is_eq("the fee pays nothing of the item",
              book_rows(book, "SELECT count(*) FROM item_links"), [(0,)])
    tap.ok("the list shows it open",
           c.wait_for(re.compile(r"15/06/2026\s+Verdi Caff.*244,00\s+O\s"), 5),
           c.screen_text())
    c.send(HOME)
    c.settle()
    ok = c.pick_command("Present by Ri.Ba.") and c.wait_for("Ri.Ba. of the items due from", 5)
    tap.ok("open, it may be presented again", ok, c.screen_text())
    c.send("\x1b")
    c.settle()


def refused(c, book):
    """July's items: Bianchi has no bank's ABI and CAB."""
    c.send(HOME + DOWN * 3)
    c.settle()
    ok = c.pick_command("Present by Ri.Ba.") and c.wait_for("31/07/2026 31/07/2026", 5)
    c.send(BACKSPACE * 21 + "01/07/2026 31/07/2026" + ENTER)
    tap.ok("July's items are refused: Bianchi has no bank's ABI and CAB, the message names it",
           ok and c.wait_for(re.compile(r"not done: Bianchi Luca \(item \d+, FAT 3/2026\) has "
                                        r"no bank ABI"), 10), c.screen_text())
    folder = os.path.join(os.path.dirname(book), "export", "anna")
    tap.is_eq("nothing written: still one file, July's items open",
              (len(os.listdir(folder)), [r[2] for r in items(book)[2:]]), (1, ["O", "O"]))


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap, env={"SCRIVANO_TODAY": TODAY}) as srv:
        book = make_book(srv)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu", c.wait_for("Main menu", 10), c.screen_text())
            verdi = present(c, book)
            unpaid(c, book, verdi)
            refused(c, book)
            c.to_main_menu()
            tap.is_eq("the session ends cleanly", c.end_session(), 0)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
