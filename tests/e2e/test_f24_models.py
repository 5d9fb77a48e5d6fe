"""The F24 semplificato and Elide of issue 13 end to end: a real OpenSSH
client logs in to a real `scrivano serve` and, through the keys a
bookkeeper types, opens F24 semplificato from the main menu and types one
F24 with an IMU row whose codice ente is found by F4 from the comune's
name (Roma, H501) and an Erario row, is refused a codice ente that is no
comune, reads the grid's totals and the saldo finale the book computes;
then opens F24 Elide and types one for a rent contract's registration
(tipo F, code 1500), reads its totals; and checks both in the book's
SQLite rows (model S and E, the rows in cents)."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402

tap = Tap()

F2, F4, F5, F10 = "\x1bOQ", "\x1bOS", "\x1b[15~", "\x1b[21~"
TAB, ENTER, BACKSPACE, PGDN, DOWN = "\t", "\r", "\x7f", "\x1b[6~", "\x1b[B"

# The menu: F24 is the 10th item, F24 due and overdue the 11th, the
# semplificato the 12th, the Elide the 13th; back from a screen, the menu's
# cursor stays on its item.
SEMPLIFICATO_DOWN, ELIDE_DOWN = 11, 1


def open_item(c, downs, title):
    c.send(DOWN * downs + ENTER)
    return c.wait_for("F5 New", 5) and c.wait_for(title, 5)


def back_to_menu(c):
    c.send(F10)
    c.wait_for("F5 New", 5)
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def contribuente(c, description):
    """Types the first page of a new form: description, then (past model,
    state and dates) the codice fiscale and the name."""
    c.send(description + TAB + TAB + TAB + TAB + "RSSMRA80A01H501U" + TAB + "Rossi" + TAB)


def test_semplificato(c, book):
    tap.ok("the menu's F24 semplificato opens its list, empty",
           open_item(c, SEMPLIFICATO_DOWN, "F24 semplificato") and
           c.wait_for("Nothing here yet", 5), c.screen_text())
    c.send(F5)
    tap.ok("F5 opens a new semplificato, its model S",
           c.wait_for("F2 Save", 5) and re.search(r"Model\s+\[S\s*\]", c.screen_text()),
           c.screen_text())
    contribuente(c, "IMU acconto 2026")
    c.send(PGDN)
    tap.ok("PgDn shows the grid of the semplificato",
           c.wait_for(re.compile(r"Sz\s+Code\s+Ente"), 5), c.screen_text())
    c.send("EL" + TAB + "3918" + TAB + "Z999" + TAB)
    tap.ok("a codice ente that is no comune is refused",
           c.wait_for("'Z999' is not a comune's catastal code or name", 5), c.screen_text())
    c.send(BACKSPACE * 4 + F4)
    tap.ok("F4 on the codice ente lists the comuni",
           c.wait_for("Search:", 5) and "Abano Terme PD" in c.screen_text(), c.screen_text())
    c.send("Roma")
    tap.ok("typing a name finds the comune",
           c.wait_for(re.compile(r"Search: Roma\b"), 5) and
           re.search(r"H501\s+Roma RM", c.screen_text()), c.screen_text())
    c.send(ENTER)
    tap.ok("Enter fills the codice ente with Roma's codice catastale",
           c.wait_for(re.compile(r"\[EL\]\[3918\]\[H501\]"), 5), c.screen_text())
    # ente, then the flags R V A S, numero immobili, rateazione, anno,
    # detrazione, debit
    c.send(TAB + TAB + TAB + "Y" + TAB + TAB + "1" + TAB + TAB + "2026" + TAB + TAB + "450" +
           TAB + TAB)
    c.send("ER" + TAB + "1001" + TAB + TAB + TAB + TAB + TAB + TAB + TAB + TAB + "2026" + TAB +
           TAB + "100,50" + TAB)
    tap.ok("the grid's totals are the rows' debits as they are typed",
           c.wait_for(re.compile(r"550,50"), 5), c.screen_text())
    c.send(F2)
    tap.ok("the semplificato is saved", c.wait_for("Saved.", 5), c.screen_text())
    tap.ok("and its saldo finale, as the book computes it, is 550,50",
           c.wait_for(re.compile(r"Saldo finale\s+\[\s*550,50"), 5), c.screen_text())
    c.send(F10)
    tap.ok("the list shows it with its saldo finale",
           c.wait_for("F5 New", 5) and
           c.wait_for(re.compile(r"IMU acconto 2026\s+D\s+.*550,50"), 5), c.screen_text())
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def test_elide(c, book):
    tap.ok("the menu's F24 Elide opens its list, without the semplificato",
           open_item(c, ELIDE_DOWN, "F24 Elide") and c.wait_for("Nothing here yet", 5),
           c.screen_text())
    c.send(F5)
    tap.ok("F5 opens a new Elide, its model E",
           c.wait_for("F2 Save", 5) and re.search(r"Model\s+\[E\s*\]", c.screen_text()),
           c.screen_text())
    contribuente(c, "Registro contratto via Roma")
    # first name, address, city, province, then the coobbligato and 63
    c.send(TAB + TAB + TAB + TAB + "BNCLRA85M41F205C" + TAB + "63")
    c.send(PGDN)
    tap.ok("PgDn shows the Elide's rows",
           c.wait_for(re.compile(r"Tipo\s+Elementi identif\.\s+Code"), 5), c.screen_text())
    c.send("F" + TAB + TAB + "6001" + TAB + "2026" + TAB + "200" + F2)
    tap.ok("an Erario code on an Elide is refused",
           c.wait_for("goes in the Erario section, not in Elide", 5), c.screen_text())
    tap.is_eq("and nothing is written",
              book_rows(book, "SELECT count(*) FROM f24 WHERE model = 'E'")[0][0], 0)
    # the cursor is on the refused code: typing replaces it
    c.send("1500" + TAB + TAB + TAB)
    c.send("F" + TAB + TAB + "1505" + TAB + "2026" + TAB + "32" + TAB)
    tap.ok("the Elide's total is its rows' debits",
           c.wait_for(re.compile(r"232,00"), 5), c.screen_text())
    c.send(F2)
    tap.ok("the Elide is saved", c.wait_for("Saved.", 5), c.screen_text())
    tap.ok("and its saldo finale is 232,00",
           c.wait_for(re.compile(r"Saldo finale\s+\[\s*232,00"), 5), c.screen_text())
    c.send(F10)
    tap.ok("its list shows the Elide only",
           c.wait_for(re.compile(r"Registro contratto via\s.*232,00"), 5) and
           "IMU acconto" not in c.screen_text(), c.screen_text())
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap) as srv:
        book = srv.book_path("anna")
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu lists the F24 models",
                   c.wait_for("Main menu", 10) and c.wait_for("F24 Elide", 5) and
                   "F24 semplificato" in c.screen_text(), c.screen_text())
            test_semplificato(c, book)
            test_elide(c, book)
            c.send(F10)
            tap.ok("F10 on the menu asks", c.wait_for("End the session?", 5), c.screen_text())
            c.send("y")
            tap.is_eq("and y ends the session cleanly", c.wait_exit(10), 0)
        tap.is_eq("the book holds one F24 of each model, with its contribuente",
                  book_rows(book, "SELECT model, description, cf, name, coobligato_cf, id_code "
                                  "FROM f24 ORDER BY id"),
                  [("S", "IMU acconto 2026", "RSSMRA80A01H501U", "Rossi", "", ""),
                   ("E", "Registro contratto via Roma", "RSSMRA80A01H501U", "Rossi",
                    "BNCLRA85M41F205C", "63")])
        tap.is_eq("the semplificato's rows, in cents",
                  book_rows(book, "SELECT position, section, code, ente, acconto, immobili, "
                                  "year, debit, credit FROM f24_semplificato ORDER BY position"),
                  [(1, "EL", "3918", "H501", "1", 1, "2026", 45000, None),
                   (2, "ER", "1001", "", "0", None, "2026", 10050, None)])
        tap.is_eq("the Elide's rows, in cents",
                  book_rows(book, "SELECT position, tipo, code, year, debit FROM f24_elide "
                                  "ORDER BY position"),
                  [(1, "F", "1500", "2026", 20000), (2, "F", "1505", "2026", 3200)])
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
