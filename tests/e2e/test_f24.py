"""The F24 ordinario in the TUI (issue 13) end to end: a real OpenSSH
client logs in to a real `scrivano serve`, opens F24 from the main menu
and types a form: Erario 6001 (debit) and 6099 (a credit larger than the
Erario debits, offsetting the other sections), an INPS DM10 row, IMU 3918
with its codice comune. The section totals, saldi and the saldo finale
follow on screen and are in the SQLite file. Refused, with nothing saved:
3918 typed in the Erario grid, and an F24 whose credits exceed all its
debits. Then the commands menu (F11): To pay offers the due date by the
16th rule (a past date refused), Copy opens a new draft one month on; the
main menu's line counts the F24s due and overdue, and its due list shows
them."""

import datetime
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402

tap = Tap()

F1, F2, F5, F10, F11, F12 = "\x1bOP", "\x1bOQ", "\x1b[15~", "\x1b[21~", "\x1b[23~", "\x1b[24~"
TAB, ENTER, BACKSPACE, PGDN, PGUP = "\t", "\r", "\x7f", "\x1b[6~", "\x1b[5~"
HOME = "\x1bOH"


def easter(y):
    a, b, c = y % 19, y // 100, y % 100
    d, e, f = b // 4, b % 4, (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    return datetime.date(y, (h + l_ - 7 * m + 114) // 31, (h + l_ - 7 * m + 114) % 31 + 1)


def holiday(d):
    fixed = {(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25),
             (12, 26)}
    return (d.weekday() >= 5 or (d.month, d.day) in fixed or
            (d.year >= 2026 and (d.month, d.day) == (10, 4)) or
            d == easter(d.year) + datetime.timedelta(days=1))


def working_day(d):
    if d.month == 8 and d.day < 20:
        d = d.replace(day=20)
    while holiday(d):
        d += datetime.timedelta(days=1)
    return d


def due_for(y, m):
    """The 16th rule, written again here from DOMAIN.md: the 16th of the
    month after (y, m), moved to a working day."""
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return working_day(datetime.date(y, m, 16))


def dmy(d):
    return d.strftime("%d/%m/%Y")


def f24s(book):
    return book_rows(book, "SELECT id, description, state, due_date, template FROM f24 "
                           "ORDER BY id")


def test_type_form(c, book, today):
    c.send("F" + ENTER)
    tap.ok("the menu's F24 opens an empty list",
           c.wait_for("Nothing here yet", 5) and "Saldo finale" in c.screen_text(),
           c.screen_text())
    tap.ok("its key line offers the commands", "F11 Commands" in c.screen_text(),
           c.screen_text())
    c.send(F5)
    tap.ok("New opens the form's first page",
           c.wait_for("F24 - New (1/4)", 5) and c.wait_for("Codice fiscale", 5),
           c.screen_text())
    c.send("Versamenti" + TAB + TAB + TAB + "12345678903" + TAB + "Rossi Srl" + PGDN)
    tap.ok("PgDn goes to the Erario and INPS grids", c.wait_for("F24 - New (2/4)", 5) and
           "ERARIO" in c.screen_text(), c.screen_text())
    # Erario: 6001 debit 100, 6099 credit 300 (more than the Erario debits)
    c.send("6001" + TAB + TAB + str(today.year) + TAB + "100" + TAB + TAB + TAB + TAB)
    c.send("6099" + TAB + TAB + str(today.year - 1) + TAB + TAB + "300" + TAB)
    tap.ok("the Erario totals follow the rows",
           c.wait_for(re.compile(r"Total\s+100,00\s+300,00"), 5), c.screen_text())
    tap.ok("and its saldo, below zero",
           c.wait_for(re.compile(r"Saldo Erario\s+\[-200,00"), 5), c.screen_text())
    c.send(F12)
    c.send("4900" + TAB + "DM10" + TAB + "4912345678" + TAB + "%02d/%d" % (today.month,
                                                                          today.year))
    c.send(TAB + TAB + "800" + TAB + TAB)
    tap.ok("the INPS row's debit is its total and saldo",
           c.wait_for(re.compile(r"Saldo INPS\s+\[800,00"), 5), c.screen_text())
    c.send(F12)
    tap.ok("the Regioni and IMU grids are page 3", c.wait_for("F24 - New (3/4)", 5),
           c.screen_text())
    c.send(F12)
    c.send("F205" + TAB + "0" + TAB + "0" + TAB + "1" + TAB + "0" + TAB + "1" + TAB + "3918" +
           TAB + TAB + str(today.year) + TAB + "400" + TAB)
    tap.ok("the IMU row's saldo follows",
           c.wait_for(re.compile(r"Saldo IMU e tributi locali\s+\[400,00"), 5),
           c.screen_text())
    c.send(F12)
    tap.ok("the saldo finale under the last grids: 1.000,00, the Erario credit offsetting "
           "the others", c.wait_for(re.compile(r"SALDO FINALE\s+\[1\.000,00"), 5),
           c.screen_text())
    c.send(F2)
    tap.ok("the F24 is saved", c.wait_for("Saved.", 5), c.screen_text())
    tap.is_eq("the book has the F24 as a draft", f24s(book),
              [(1, "Versamenti", "D", "", 0)])
    tap.is_eq("the Erario rows in cents",
              book_rows(book, "SELECT code, year, debit, credit FROM f24_erario ORDER BY "
                              "position"),
              [("6001", str(today.year), 10000, None),
               ("6099", str(today.year - 1), None, 30000)])
    tap.is_eq("the INPS row",
              book_rows(book, "SELECT sede, causale, matricola, period_from, debit FROM "
                              "f24_inps"),
              [("4900", "DM10", "4912345678", "%02d/%d" % (today.month, today.year), 80000)])
    tap.is_eq("the IMU row with its comune",
              book_rows(book, "SELECT ente, acconto, immobili, code, year, debit FROM "
                              "f24_locali"),
              [("F205", "1", 1, "3918", str(today.year), 40000)])
    db = sqlite3.connect(book)
    saldo = db.execute("SELECT coalesce(sum(coalesce(debit, 0) - coalesce(credit, 0)), 0) "
                       "FROM (SELECT debit, credit FROM f24_erario UNION ALL SELECT debit, "
                       "credit FROM f24_inps UNION ALL SELECT debit, credit FROM f24_locali)"
                       ).fetchone()[0]
    db.close()
    tap.is_eq("the book's saldo finale, in cents", saldo, 100000)


def test_wrong_section(c, book):
    # from page 4 back to the Erario grid, a new line with an IMU code
    c.send(PGUP + PGUP)
    c.wait_for("F24 - Edit (2/4)", 5)
    c.send(F5 + "3918" + TAB)
    tap.ok("3918 typed in the Erario grid is refused there",
           c.wait_for("Codice tributo", 5) and c.wait_for("3918", 5) and
           re.search(r"not|list", c.screen_text().splitlines()[-2]), c.screen_text())
    c.send(F10)
    tap.ok("leaving asks to save", c.wait_for("Save changes?", 5), c.screen_text())
    c.send("n")
    tap.ok("n leaves for the list", c.wait_for("F5 New", 5), c.screen_text())
    tap.is_eq("nothing of it was saved",
              book_rows(book, "SELECT count(*) FROM f24_erario WHERE code = '3918'")[0][0], 0)


def test_credit_too_big(c, book, today):
    c.send(F5)
    c.wait_for("F24 - New (1/4)", 5)
    c.send("Troppo credito" + TAB + TAB + TAB + "12345678903" + TAB + "Rossi Srl" + PGDN)
    c.wait_for("F24 - New (2/4)", 5)
    c.send("6001" + TAB + TAB + str(today.year) + TAB + "100" + TAB + TAB + TAB + TAB)
    c.send("6099" + TAB + TAB + str(today.year - 1) + TAB + TAB + "300" + TAB)
    c.send(F12 + F12 + F12 + F12 + F12)
    tap.ok("a saldo finale below zero shows as it is typed",
           c.wait_for(re.compile(r"SALDO FINALE\s+\[-200,00"), 5), c.screen_text())
    c.send(F2)
    tap.ok("and the save is refused, naming the rule",
           c.wait_for("the saldo finale would be below zero", 5), c.screen_text())
    tap.is_eq("nothing was written", len(f24s(book)), 1)
    c.send(F10)
    c.wait_for("Save changes?", 5)
    c.send("n")
    c.wait_for("F5 New", 5)


def test_commands(c, book, today):
    c.send(ENTER)  # the one F24 of the list
    c.wait_for("F24 - Edit (1/4)", 5)
    c.send(F1)
    c.wait_for("F1 Keys", 5)
    c.send(F1)
    tap.ok("F1 twice lists the F24's commands with their help",
           c.wait_for("Commands of this screen's records", 5) and
           "set the draft to pay by a due date" in c.flat_text() and
           "a new draft with the same rows" in c.flat_text(), c.screen_text())
    c.send(F10)
    c.wait_for("F24 - Edit (1/4)", 5)
    c.send(F11)
    tap.ok("F11 opens the commands menu of a draft",
           c.wait_for("Commands", 5) and "To pay" in c.screen_text() and
           "Copy" in c.screen_text() and "Template" in c.screen_text(), c.screen_text())
    # the latest period is this month's (INPS da, and 6001's year): due the 16th after
    want = max(due_for(today.year, today.month), working_day(today))
    c.send(ENTER)
    tap.ok("To pay offers the due date by the 16th rule, " + dmy(want),
           c.wait_for("Due date (dd/mm/yyyy):", 5) and c.wait_for(dmy(want), 5),
           c.screen_text())
    c.send(BACKSPACE * 10 + dmy(today - datetime.timedelta(days=1)) + ENTER)
    tap.ok("a due date in the past is refused",
           c.wait_for("is past", 5), c.screen_text())
    tap.is_eq("and the F24 stays a draft", f24s(book)[0][2], "D")
    soon = today + datetime.timedelta(days=3)
    c.send(F11)
    c.wait_for("Commands", 5)
    c.send("t")  # To pay, by its first letter
    c.wait_for("Due date (dd/mm/yyyy):", 5)
    c.send(BACKSPACE * 10 + dmy(soon) + ENTER)
    tap.ok("To pay sets it to pay", c.wait_for("To pay by " + dmy(soon), 5) and
           re.search(r"State\s+\[T", c.screen_text()), c.screen_text())
    tap.is_eq("in the book, with its due date", f24s(book)[0][2:4], ("T", soon.isoformat()))
    c.send(F11)
    c.wait_for("Commands", 5)
    tap.ok("to pay, it is offered Copy only",
           "Copy" in c.screen_text() and "To pay" not in c.screen_text() and
           "Template" not in c.screen_text().split("Commands")[1], c.screen_text())
    c.send(ENTER)
    tap.ok("Copy opens the new draft", c.wait_for("Copied: a new draft", 5) and
           re.search(r"State\s+\[D", c.screen_text()), c.screen_text())
    rows = f24s(book)
    tap.is_eq("the book has the copy, a draft", [r[2:4] for r in rows], [("T", soon.isoformat()),
                                                                         ("D", "")])
    nm, ny = (today.month + 1, today.year) if today.month < 12 else (1, today.year + 1)
    tap.is_eq("its INPS period one month on",
              book_rows(book, "SELECT period_from FROM f24_inps WHERE f24_id = ?", rows[1][0]),
              [("%02d/%d" % (nm, ny),)])
    tap.is_eq("its IVA mensile 6001 is now 6002",
              book_rows(book, "SELECT code FROM f24_erario WHERE f24_id = ? ORDER BY position",
                        rows[1][0]), [("6002",), ("6099",)])
    c.send(F10)  # the copy
    c.wait_for("F24 - Edit (1/4)", 5)
    c.send(F10)  # the original
    c.wait_for("F5 New", 5)
    c.send(F10)
    c.wait_for("F10 Quit", 5)
    return soon


def test_menu_line(c, book, today, soon):
    tap.ok("the main menu says one F24 is due, and by when",
           c.wait_for("1 F24 due by " + dmy(soon), 5), c.screen_text())
    # one more to pay, past its date (as a book a week old would have it)
    late = today - datetime.timedelta(days=7)
    db = sqlite3.connect(book)
    db.execute("UPDATE f24 SET state = 'T', due_date = ? WHERE id = 2", (late.isoformat(),))
    db.commit()
    db.close()
    c.send("\x1b[B\x1b[A")  # a key: the menu is drawn again
    tap.ok("and one overdue",
           c.wait_for("1 F24 due by %s, 1 F24 overdue since %s" % (dmy(soon), dmy(late)), 5),
           c.screen_text())
    c.send(HOME + "F" + "F" + ENTER)  # the first item, then F24, then F24 due and overdue
    tap.ok("the due list shows both, filtered on the due date",
           c.wait_for("F24 due", 5) and c.wait_for("only", 5) and
           len(re.findall(r"Versamenti", c.screen_text())) == 2, c.screen_text())
    c.send(F11)
    tap.ok("F11 in a list offers the highlighted row's commands",
           c.wait_for("Commands", 5) and "Copy" in c.screen_text(), c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def test_vt220(srv):
    """A VT220, whose F11 is Esc: F14 and Esc c open the commands."""
    with srv.client("anna", "pw-anna", term="vt220") as c:
        c.wait_for("Main menu", 10)
        c.send("F" + ENTER)
        tap.ok("on a VT220 the F24 list's key line offers F14 Commands",
               c.wait_for("F14 Commands", 5), c.screen_text())
        c.send("\x1bc")
        tap.ok("and Esc c opens the menu of commands",
               c.wait_for("Commands", 5) and "Copy" in c.screen_text(), c.screen_text())
        c.send("\x1b0")
        c.wait_for("F14 Commands", 5)
        c.send("\x1b0")
        c.wait_for("Main menu", 5)
        c.send("\x1b0")
        c.wait_for("End the session?", 5)
        c.send("y")
        tap.is_eq("the VT220 session ends cleanly", c.wait_exit(10), 0)


def main():
    today = datetime.date.today()
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        book = srv.book_path("anna")
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu lists F24",
                   c.wait_for("Main menu", 10) and c.wait_for("F24", 5), c.screen_text())
            test_type_form(c, book, today)
            test_wrong_section(c, book)
            test_credit_too_big(c, book, today)
            soon = test_commands(c, book, today)
            test_menu_line(c, book, today, soon)
            c.send(F10)
            c.wait_for("End the session?", 5)
            c.send("y")
            tap.is_eq("F10 on the menu ends the session cleanly", c.wait_exit(10), 0)
        test_vt220(srv)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
