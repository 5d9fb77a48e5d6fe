"""The form engine as a bookkeeper meets it (src/ui/form.c, edit.c, grid.c,
ui.c, dialog.c), end to end through OpenSSH on an 80x24 terminal read back
with pyte: a refusal longer than the line is readable whole (English and
Italian); the first key typed into a filled field entered by Tab replaces
it, End or F3 (Edit) keep it; a character past a field's max is refused
with a beep and a message; a blank new line of a grid is left by Tab and
not saved; F10 with unsaved changes asks Save/No/Cancel and Cancel keeps
the form; F10 at the main menu asks before ending the session."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402

tap = Tap()

F2, F3, F5, F10 = "\x1bOQ", "\x1bOR", "\x1b[15~", "\x1b[21~"
TAB, BACKTAB, END = "\t", "\x1b[Z", "\x1b[F"
ORDER = ["name", "piva", "cf", "address", "cap", "city", "pr", "stno", "co", "vc", "email",
         "phone", "pec", "sdi", "ro", "ki", "pa", "pao", "last_name", "first_name", "tp", "mp",
         "dd", "intp", "intd", "pl", "notes", "abi", "cab", "bl", "contacts"]
ARTICLE = ["code", "description", "unit", "price", "vat", "nat", "category", "barcode", "supplier",
           "moves"]
LONG_EN = ("PEC: give the SDI code or the PEC, not both: with a code the PEC is not used "
           "(leave the code empty or 0000000 to deliver to the PEC)")
LONG_IT = ("PEC: indica il codice SDI o la PEC, non entrambi: con un codice la PEC non si usa "
           "(lascia il codice vuoto o 0000000 per recapitare alla PEC)")


def tabs(src, dst, order=ORDER):
    return TAB * (order.index(dst) - order.index(src))


def field(c, label):
    """The text in the brackets after label on the screen."""
    m = re.search(re.escape(label) + r"\s*\[([^\]]*)\]", c.screen_text())
    return m.group(1).rstrip() if m else None


def both_pec_and_sdi(c):
    c.send("3")
    c.wait_for("F5 New", 10)
    c.send(F5)
    c.wait_for("F2 Save", 5)
    c.send("Cartiera Alpina S.r.l." + TAB + "07654321012" + tabs("piva", "address") + "Via Po")
    c.send(tabs("address", "pec") + "cartiera@pec.example" + TAB + "ABC1234" + F2)


def test_english(srv, book):
    with srv.client("anna", "secret") as c:
        c.wait_for("Main menu", 10)
        both_pec_and_sdi(c)
        tap.ok("a refusal longer than 80 columns is readable whole", c.wait_for(LONG_EN, 5),
               c.screen_text())
        tap.ok("and the form is still there under it", "Suppliers - New" in c.screen_text(),
               c.screen_text())
        # the cursor is on the PEC: Tab to the SDI code, filled
        c.send(TAB + "XYZ9876")
        c.wait_for("[XYZ9876]", 5)
        tap.is_eq("typing into a filled field entered by Tab replaces it", field(c, "SDI code"),
                  "XYZ9876")
        c.send(BACKTAB * (ORDER.index("sdi") - ORDER.index("address")) + END + " 1")
        tap.ok("End keeps the text and moves into it", c.wait_for("[Via Po 1 ", 5),
               c.screen_text())
        c.send(tabs("address", "city") + "Torino" + TAB + BACKTAB + F3 + "X")
        tap.ok("F3 (Edit) keeps the text too", c.wait_for("[TorinoX ", 5) or
               field(c, "City") == "TorinoX", c.screen_text())
        tap.ok("the form's key line names F3 Edit", "F3 Edit" in c.screen_text(),
               c.screen_text())
        # the 81st character of the name (max 80)
        c.send(BACKTAB * ORDER.index("city") + F3 + "x" * (80 - len("Cartiera Alpina S.r.l.")))
        c.wait_for("x" * 20, 5)
        before = len(c.raw)
        c.send("y")
        tap.ok("the 81st character is refused with a message",
               c.wait_for("Name is full: at most 80 characters.", 5), c.screen_text())
        tap.ok("and a beep", b"\x07" in c.raw[before:], repr(bytes(c.raw[before:])[:200]))
        # leave with changes: Cancel keeps the form
        c.send(F10)
        tap.ok("F10 with unsaved changes asks", c.wait_for("Save changes?", 5) and
               c.wait_for("(y/n, Esc: cancel)", 5), c.screen_text())
        c.send(F10)
        tap.ok("F10 again is Cancel: the form stays as typed",
               c.wait_for("F3 Edit", 5) and "Save changes?" not in c.screen_text() and
               "Via Po 1" in c.screen_text(), c.screen_text())
        c.send(F10)
        c.wait_for("Save changes?", 5)
        c.send("n")
        tap.ok("n leaves without saving", c.wait_for("F5 New", 5), c.screen_text())
        tap.is_eq("nothing was written", book_rows(book, "SELECT count(*) FROM parties")[0][0], 0)
        # a blank new contact line: Tab leaves the grid, the line is not saved
        c.send(F5)
        c.wait_for("F2 Save", 5)
        c.send("Legatoria Po" + TAB + "07654321012" + tabs("piva", "sdi") + "ABC1234")
        c.send(tabs("sdi", "contacts"))
        c.wait_for("F12 Leave", 5)
        c.send(TAB)
        tap.ok("Tab on the blank new line leaves the grid for the next field",
               c.wait_for("F3 Edit", 5) and c.screen.display[c.cursor()[0]].find(
                   "Company name") >= 0, c.screen_text())
        c.send(F2)
        c.wait_for("Saved.", 5)
        tap.is_eq("the blank line is not saved",
                  book_rows(book, "SELECT count(*) FROM party_contacts")[0][0], 0)
        # Yes saves and leaves
        c.send(tabs("name", "address") + "Via Dora")
        c.send(F10)
        c.wait_for("Save changes?", 5)
        c.send("y")
        tap.ok("y saves and leaves", c.wait_for("F5 New", 5), c.screen_text())
        tap.is_eq("with the change", book_rows(book, "SELECT address FROM parties")[0][0],
                  "Via Dora")
        c.send(F10)
        c.wait_for("Main menu", 5)
        # an article: its movement grid's blank line with today's date
        c.send("4")
        c.wait_for("F5 New", 5)
        c.send(F5)
        c.wait_for("F2 Save", 5)
        c.send("carta-a4" + TAB + "Carta A4" + tabs("description", "moves", ARTICLE))
        c.wait_for("F12 Leave", 5)
        c.send(TAB + F2)
        c.wait_for("Saved.", 5)
        tap.is_eq("a movement line left blank (today's date only) is not saved",
                  book_rows(book, "SELECT count(*) FROM stock_moves")[0][0], 0)
        c.send(F10)
        c.wait_for("F5 New", 5)
        c.send(F10)
        c.wait_for("Main menu", 5)
        c.send(F10)
        tap.ok("F10 at the main menu asks before ending the session",
               c.wait_for("End the session?", 5), c.screen_text())
        c.send(F10)
        tap.ok("anything but yes stays", c.wait_for("Main menu", 5) and c.settle() and
               "End the session?" not in c.screen_text() and c.proc.poll() is None,
               c.screen_text())
        c.send(F10)
        c.wait_for("End the session?", 5)
        c.send("y")
        tap.is_eq("y ends it", c.wait_exit(10), 0)


def test_italian(srv, book):
    book_rows(book, "DELETE FROM parties")
    with srv.client("anna", "secret", env={"LANG": "it_IT.UTF-8"}) as c:
        c.wait_for("Menu principale", 10)
        both_pec_and_sdi(c)
        tap.ok("the Italian refusal is readable whole too", c.wait_for(LONG_IT, 5),
               c.screen_text())
        c.send(F10)
        tap.ok("Italian: leaving asks Salvare le modifiche?",
               c.wait_for("Salvare le modifiche?", 5) and c.wait_for("(s/n, Esc: annulla)", 5),
               c.screen_text())
        c.send("n")
        c.wait_for("F5", 5)
        c.send(F10)
        c.wait_for("Menu principale", 5)
        c.send(F10)
        tap.ok("Italian: the menu asks Terminare la sessione?",
               c.wait_for("Terminare la sessione?", 5), c.screen_text())
        c.send("s")
        tap.is_eq("s ends it", c.wait_exit(10), 0)


def main():
    with Server(users={"anna": "secret"}, tap=tap) as srv:
        book = srv.book_path("anna")
        test_english(srv, book)
        test_italian(srv, book)
    return tap.done()


sys.exit(main())
