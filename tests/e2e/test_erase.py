"""Erase personal data on the customers' form (issue 17 point 5) end to end
through OpenSSH: the book holds a company, a person named by no record
and a person with an issued invoice (made through the record interface, so every row has its history).
On the form of a person no record names, the command deletes the record
and the form closes saying so. The company's form offers no such command;
on the other person's, the command
asks for confirmation (No changes nothing), then Yes erases: the report in
the pager lists the telephone, e-mail and notes as erased and the invoice
as what keeps the name; the form shows the record without them. The book
then keeps the name, codice fiscale and address, the history verifies and
no byte of the file holds the erased values."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, book_rows  # noqa: E402

tap = Tap()

F10, ENTER, DOWN = "\x1b[21~", "\r", "\x1b[B"
ERASE = "Erase personal data"
ERASED = ("347 5550199", "giuseppina.verdi@example.org", "chiamata la sera", "5550111",
          "Ottavio")

COMPANY = ("company:name=Rossi Srl|piva=12345678903|cf=12345678903|address=Via Roma|"
           "street_no=1|cap=20100|city=Milano|province=MI|regime=RF01")
FIRM = "party:role=C|kind=C|name=Gialli Costruzioni Srl|piva=01234567897|phone=051 5550122"
LONELY = ("party:role=C|kind=P|last_name=Bianchi|first_name=Ottavio|cf=BNCTTV75C12H501V|"
          "phone=06 5550111")
PERSON = ("party:role=C|kind=P|last_name=Verdi|first_name=Giuseppina|cf=VRDGPP80A41F205B|"
          "address=Via Zamboni|street_no=7|cap=40126|city=Bologna|province=BO|"
          "phone=347 5550199|email=giuseppina.verdi@example.org|"
          "notes=Preferisce essere chiamata la sera")
INVOICE = ("doc:direction=S|kind=FAT|type=TD01|state=I|number=1/2026|numbering=F|year=2026|"
           "seq=1|date=2026-01-07|taxable=10000|tax=2200|total=12200|payable=12200")
LINE = ("lines:description=Consulenza fiscale|quantity=1.00|unit=pz|unit_price=100.00|"
        "total=100.00|vat_rate=2200")
VAT = "vat:vat_rate=2200|taxable=10000|tax=2200|esigibilita=I"


def doc_make():
    top = os.environ.get("abs_top_builddir") or os.path.join(
        os.path.dirname(os.path.abspath(SCRIVANO)), "..")
    return os.path.join(top, "tests", "doc-make")


def file_holds(book, text):
    data = b""
    for name in (book, book + "-wal"):
        if os.path.exists(name):
            with open(name, "rb") as f:
                data += f.read()
    return text.encode() in data


def prepare(srv, book):
    run = subprocess.run([doc_make(), book, COMPANY, FIRM, LONELY, PERSON, INVOICE, LINE,
                          VAT],
                         capture_output=True, text=True, env=srv.env)
    tap.is_eq("a company, a person named by no record, a person with invoice 1/2026 issued",
              run.returncode, 0)
    if run.returncode:
        tap.diag(run.stderr)
    srv.give_datadir()
    tap.ok("the file holds the person's telephone, e-mail and notes",
           all(file_holds(book, v) for v in ERASED))


def test_erase(srv, book):
    with srv.client("anna", "pw-anna", term="xterm", rows=30) as c:
        tap.ok("the main menu", c.wait_for("Main menu", 10) and c.wait_for("Quit", 5),
               c.screen_text())
        c.send(ENTER)
        tap.ok("the customers' list", c.wait_for("Verdi Giuseppina", 5), c.screen_text())
        c.send(ENTER)
        tap.ok("the form of the person no record names", c.wait_for("5550111", 5),
               c.screen_text())
        c.pick_command(ERASE)
        c.wait_for("cannot be undone", 5)
        c.send("y")
        tap.ok("the report: the whole record deleted",
               c.wait_for("the whole record, deleted", 10), c.screen_text())
        c.send(F10)
        tap.ok("after it the form closes, saying done, not an error",
               c.wait_for("F5 New", 5) and c.wait_for(ERASE + ": done.", 5)
               and "no longer in the book" not in c.screen_text(), c.screen_text())
        tap.is_eq("the record is gone from the book",
                  book_rows(book, "SELECT count(*) FROM parties WHERE last_name = 'Bianchi'"),
                  [(0,)])
        c.send("\x1b[H")  # Home: the list's first row
        c.settle()
        c.send(ENTER)
        tap.ok("the company's form", c.wait_for("Gialli Costruzioni Srl", 5)
               and c.wait_for("F2 Save", 5), c.screen_text())
        c.send(c.F11)
        tap.ok("a company's commands do not offer " + ERASE,
               c.wait_for("Commands", 5) and c.wait_for("Reminder letter", 5)
               and ERASE not in c.screen_text(), c.screen_text())
        c.send(F10)  # the commands' menu
        c.settle()
        c.send(F10)  # the form
        c.wait_for("F5 New", 5)
        c.send(DOWN)
        c.settle()
        c.send(ENTER)
        tap.ok("the person's form", c.wait_for("5550199", 5), c.screen_text())
        tap.ok("her commands offer " + ERASE, c.pick_command(ERASE), c.screen_text())
        tap.ok("it asks for confirmation", c.wait_for("cannot be undone", 5), c.screen_text())
        c.send("n")
        tap.ok("No: not run", c.wait_for(ERASE + ": not run.", 5), c.screen_text())
        tap.is_eq("and nothing changed",
                  book_rows(book, "SELECT phone FROM parties WHERE last_name = 'Verdi'"),
                  [("347 5550199",)])
        c.pick_command(ERASE)
        c.wait_for("cannot be undone", 5)
        c.send("y")
        tap.ok("Yes: the report in the pager",
               c.wait_for(ERASE + " - Verdi Giuseppina", 10) and c.wait_for("Erased:", 5),
               c.screen_text())
        text = c.screen_text()
        tap.ok("it lists the telephone, e-mail and notes as erased",
               "Telephone: erased" in text and "E-mail: erased" in text
               and "Notes: erased" in text, text)
        tap.ok("and the invoice that keeps the name, ten years",
               "Invoice 1/2026 of 07/01/2026: kept until 07/01/2036" in text, text)
        tap.ok("the session rewrote the file (VACUUM) while it had the book open",
               "The file was rewritten (VACUUM)" in text, text)
        c.send(F10)
        tap.ok("back in the form: done", c.wait_for(ERASE + ": done.", 5), c.screen_text())
        text = c.screen_text()
        tap.ok("the form shows her name and address, not the telephone",
               "Verdi" in text and "Via Zamboni" in text and "5550199" not in text, text)
        tap.is_eq("the session ends cleanly", c.end_session(), 0)
    tap.is_eq("the book keeps name, codice fiscale and address; telephone, e-mail, notes gone",
              book_rows(book, "SELECT name, cf, address, phone, email, notes FROM parties "
                        "WHERE id = 3"),
              [("Verdi Giuseppina", "VRDGPP80A41F205B", "Via Zamboni", "", "", "")])
    tap.is_eq("the invoice still names her",
              book_rows(book, "SELECT party_id, number FROM documents"), [(3, "1/2026")])
    run = subprocess.run([SCRIVANO, "book", "verify", book], capture_output=True, text=True)
    tap.is_eq("scrivano book verify finds the book clean", (run.returncode, run.stderr),
              (0, ""))
    tap.ok("no byte of the file holds the erased values",
           not any(file_holds(book, v) for v in ERASED),
           [v for v in ERASED if file_holds(book, v)])


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        book = srv.book_path("anna")
        prepare(srv, book)
        test_erase(srv, book)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
