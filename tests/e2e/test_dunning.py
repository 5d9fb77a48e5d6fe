"""Dunning (issue 16 point 2) end to end, through a real OpenSSH client and
a real `scrivano serve` whose today is 20/05/2026 (SCRIVANO_TODAY). The
open items' own test makes the start (tests/e2e/test_items.py, its
checks counted here): an invoice of 02/03/2026 typed with the schedule
30/60, issued with two instalments of 610,00 due 01/04 and 01/05/2026; a
bank CSV line imported into the prima nota is offered as the payment of
the first and accepted: the item is paid and the entry linked. The
second is overdue. On it, Reminder letter (level 1 offered, the customer
having none) makes and records a letter whose interest is 3,22 by the
test's own hand computation; Show reminder letter shows it in the pager,
F7 there prints it (the terminal's printer job read back), Reminder
letter PDF writes it into the export folder (pdftotext); the book holds
the letter and its line; the history shows it on the item and on the
customer, whose next letter is offered at level 2; the party's
statement shows both instalments, the first paid, the second overdue.
Last, the customer's form marks it Blocked (for new documents)."""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402
import test_items  # noqa: E402

tap = Tap()
test_items.tap = tap  # its steps' checks count in this test

F2, F7, F10 = "\x1bOQ", "\x1b[18~", "\x1b[21~"
ENTER, TAB = "\r", "\t"
START, STOP = b"\x1b[5i", b"\x1b[4i"

# The second instalment, 610,00 due 01/05/2026, paid nothing by 20/05/2026:
# late from 02/05 to 20/05, 19 days, at 2026H1's 2,15% + 8 = 10,15% over
# 365 days: 61000 cents * 1015 * 19 / (10000 * 365) = 322.30 -> 3,22.
DAYS = (20 - 1)
INTEREST = (61000 * 1015 * DAYS * 2 + 10000 * 365) // (2 * 10000 * 365)
assert DAYS == 19 and INTEREST == 322


def money(cents):
    return "%d,%02d" % (cents // 100, cents % 100)


def to_overdue(c):
    c.to_main_menu()
    c.send("O")
    c.settle()
    c.send(ENTER)
    c.wait_for("Overdue receivables", 5)
    c.send("3")
    return c.wait_for(re.compile(r"01/05/2026\s+Rossi Fornitur\s+FAT 1/2026\s+2\s+610,00"), 5)


def letter(c, book):
    tap.ok("the second instalment is overdue, 19 days", to_overdue(c) and
           re.search(r"610,00\s+O\s+19\b", c.screen_text()), c.screen_text())
    ok = c.pick_command("Reminder letter") and c.wait_for("Reminder letter's level", 5)
    tap.ok("Reminder letter asks the level, 1 offered: the customer has no letter yet",
           ok and re.search(r"level \(1, 2 or 3\):[\s│]*│  1  ", c.screen_text()),
           c.screen_text())
    c.send(ENTER)
    tap.ok("the letter is recorded: overdue 610,00, interest %s" % money(INTEREST),
           c.wait_for("Reminder 1 recorded: overdue 610,00, interest %s" % money(INTEREST), 10),
           c.screen_text())
    tap.is_eq("the book holds it: the customer, level 1, today, what is overdue, the interest",
              book_rows(book, "SELECT party_id, level, date, open, interest FROM dunning_letters"),
              [(1, 1, "2026-05-20", 61000, INTEREST)])
    tap.is_eq("and its line: the second instalment, 19 days late, its interest",
              book_rows(book, "SELECT i.seq, l.due, l.open, l.days, l.interest FROM dunning_lines "
                              "l JOIN open_items i ON i.id = l.item_id"),
              [(2, "2026-05-01", 61000, DAYS, INTEREST)])


def show_print_pdf(c, book):
    ok = c.pick_command("Show reminder letter") and c.wait_for("Subject: payment reminder", 10)
    text = c.screen_text()
    tap.ok("Show reminder letter: the level 1 text to the customer",
           ok and "Rossi Forniture S.r.l." in text and "Dear Sirs," in text, text)
    tap.ok("the overdue instalment, its days late and interest",
           re.search(r"FAT 1/2026\s+2/2\s+2026-05-01\s+19\s+610,00\s+%s" % money(INTEREST), text),
           text)
    before = len(c.raw)
    c.send(F7)
    ok = c.wait_for("Sent to the terminal's printer.", 10)
    raw = bytes(c.raw[before:])
    i = raw.find(START)
    j = raw.find(STOP, i + 1) if i >= 0 else -1
    job = raw[i + len(START):j].decode("utf-8", "replace") if i >= 0 and j > 0 else ""
    tap.ok("F7 prints it: the printer's job holds the letter, its item and the interest",
           ok and "Subject: payment reminder" in job and "amounts to %s" % money(INTEREST) in job
           and re.search(r"Total\s+610,00\s+%s" % money(INTEREST), job), job[:600])
    to_overdue(c)
    ok = c.pick_command("Reminder letter PDF") and c.wait_for("a new file in", 5)
    c.send(ENTER)
    tap.ok("Reminder letter PDF writes it into the export folder",
           ok and c.wait_for("Written to", 10), c.screen_text())
    folder = os.path.join(os.path.dirname(book), "export", "anna")
    pdfs = [f for f in os.listdir(folder) if f.startswith("Reminder")] \
        if os.path.isdir(folder) else []
    txt = ""
    if pdfs:
        txt = subprocess.run(["pdftotext", "-layout", os.path.join(folder, pdfs[0]), "-"],
                             capture_output=True, text=True).stdout
    tap.ok("the PDF reads back: the letter, the instalment 19 days late, the interest",
           "payment reminder" in txt and
           re.search(r"FAT 1/2026\s+2/2\s+2026-05-01\s+19\s+610,00\s+%s" % money(INTEREST), txt)
           and "Total due" not in txt and "1.220,00" not in txt, txt)


def history_and_statement(c):
    ok = c.pick_command("Reminder letters sent") and c.wait_for("level 1", 10)
    tap.ok("Reminder letters sent, on the item: the letter and its item",
           ok and re.search(r"2026-05-20\s+level 1\s+Rossi Forniture S.r.l.: open 610,00, "
                            r"interest %s" % money(INTEREST), c.screen_text()) and
           "FAT 1/2026 2/2 due 2026-05-01: 610,00, 19 days" in c.screen_text(), c.screen_text())
    to_overdue(c)
    ok = c.pick_command("Statement") and c.wait_for("Statement of account as of 2026-05-20", 10)
    text = c.screen_text()
    tap.ok("the party's statement shows both: the first paid, the second open and overdue",
           ok and re.search(r"1/2 paid\s+2026-04-01", text) and
           re.search(r"2/2 open 610,00\s+2026-05-01 overdue", text) and
           "Balance 610,00, of which past due 610,00" in text, text)
    c.to_main_menu()
    c.send("1")
    c.wait_for("F5 New", 5)
    ok = c.pick_command("Reminder letters sent") and c.wait_for("level 1", 10)
    tap.ok("on the customer too, its dunning history",
           ok and "Rossi Forniture S.r.l.: open 610,00" in c.screen_text(), c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    ok = c.pick_command("Reminder letter") and c.wait_for("Reminder letter's level", 5)
    tap.ok("the customer's next letter is offered at level 2",
           ok and re.search(r"level \(1, 2 or 3\):[\s│]*│  2  ", c.screen_text()),
           c.screen_text())
    c.send("\x1b")
    c.settle()


def blocked(c, book):
    """The customer's form marks it blocked for new documents."""
    c.to_main_menu()
    c.send("1")
    c.wait_for("F5 New", 5)
    c.send(ENTER)
    ok = c.wait_for(re.compile(r"Blocked\? \[No \]"), 5)
    tap.ok("the customer's form shows Blocked? No", ok, c.screen_text())
    # from the name, the 30th field (test_form.py's order: ..., notes, abi, cab, bl)
    c.send(TAB * 29 + "y" + TAB)
    c.send(F2)
    tap.ok("marked Blocked and saved", c.wait_for("Saved", 5) and
           re.search(r"Blocked\? \[Yes\]", c.screen_text()), c.screen_text())
    tap.is_eq("the book has the customer blocked",
              book_rows(book, "SELECT blocked FROM parties WHERE id = 1"), [(1,)])


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap, env={"SCRIVANO_TODAY": "2026-05-20"}) as srv:
        book = test_items.make_book(srv)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu", c.wait_for("Main menu", 10), c.screen_text())
            test_items.type_invoice(c, book)
            test_items.bank_line(c, book)
            letter(c, book)
            show_print_pdf(c, book)
            history_and_statement(c)
            blocked(c, book)
            tap.is_eq("the session ends cleanly", c.end_session(), 0)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
