"""The registers of issue 5 end to end: a real OpenSSH client logs in to a
real `scrivano serve` whose screens are a copy of the shipped ones, with a
field of the user's own added to the parties screen (as the README shows).
Through the keys a bookkeeper types, and nothing else, it creates from the
Suppliers entry of the menu a supplier (role S by itself; a save refused
first by the SDI-code-or-PEC rule, nothing written) with its own field and
a contact typed in the form's line grid; an article with an Italian unit
price, its usual supplier chosen with F4 and the popup's incremental search,
and two stock movements in its grid (their total shown as typed); a second
article whose supplier is typed by name; then reads them back on the screen
(pyte: the Suppliers list, not the Customers one, the reopened forms, the
stock on hand, the supplier's name in the articles list) and in the user's
SQLite book (the articles hold the party's id). Deleting the supplier is
refused while articles name it. The company profile opens straight from the
menu."""

import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows, share_with_own_field  # noqa: E402

tap = Tap()

F2, F4, F5, F8, F10 = "\x1bOQ", "\x1bOS", "\x1b[15~", "\x1b[19~", "\x1b[21~"
TAB, ENTER, BACKSPACE = "\t", "\r", "\x7f"

# The parties form's fields in the order the cursor visits them (see
# screens/parties.scr), the row of our own added after the notes, then the
# contacts grid.
ORDER = ["name", "piva", "cf", "address", "cap", "city", "pr", "stno", "co", "vc", "email",
         "phone", "pec", "sdi", "ro", "ki", "pa", "pao", "last_name", "first_name", "tp", "mp",
         "dd", "intp", "intd", "pl", "notes", "abi", "cab", "bl", "vat_reg", "contacts"]
ARTICLE = ["code", "description", "unit", "price", "vat", "nat", "category", "barcode", "supplier",
           "moves"]


def tabs(src, dst, order=ORDER):
    return TAB * (order.index(dst) - order.index(src))


def test_supplier(c, book):
    c.send("3")
    tap.ok("3 opens the suppliers",
           c.wait_for("F5 New", 5) and re.search(r"Suppliers", c.screen_text()) and
           "Customers" not in c.screen_text(), c.screen_text())
    tap.ok("the list shows the column of the user's own field", "Reg." in c.screen_text(),
           c.screen_text())
    c.send(F5)
    tap.ok("F5 opens a new supplier with the user's own field and the contacts grid",
           c.wait_for("F2 Save", 5) and "Suppliers - New" in c.screen_text() and
           "VAT register" in c.screen_text() and
           re.search(r"Contact\s+Role\s+Telephone\s+E-mail", c.screen_text()), c.screen_text())
    tap.ok("a new supplier's role is S", re.search(r"Role\s+\[S\b", c.screen_text()),
           c.screen_text())
    c.send("Cartiera Alpina S.r.l." + TAB + "07654321012" + tabs("piva", "address"))
    c.send("Via Po" + TAB + "10123" + TAB + "Torino" + TAB + "to" + TAB + "5")
    c.send(tabs("stno", "pec") + "cartiera@pec.example" + TAB + "ABC1234")
    c.send(tabs("sdi", "vat_reg") + "b12" + TAB)
    c.send("Marta Gallo" + TAB + "Ordini" + TAB + "011 5551234" + TAB + "marta@cartiera.example")
    c.send(F2)
    tap.ok("an SDI code and a PEC together are refused, naming the PEC",
           c.wait_for("PEC: give the SDI code or the PEC, not both", 5), c.screen_text())
    tap.is_eq("and nothing is written, not even the contact",
              book_rows(book, "SELECT (SELECT count(*) FROM parties) + "
                              "(SELECT count(*) FROM party_contacts)")[0][0], 0)
    # the cursor stands on the PEC: clear it, keep the code
    c.send(BACKSPACE * len("cartiera@pec.example"))
    c.send(F2)
    tap.ok("without the PEC the supplier is saved", c.wait_for("Saved.", 5), c.screen_text())
    tap.ok("the saved form shows the contact in its grid",
           re.search(r"\[Marta Gallo\s*\]\s*\[Ordini\s*\]\s*\[011 5551234\s*\]",
                     c.screen_text()), c.screen_text())
    c.send(F10)
    tap.ok("the suppliers list shows it, role S, with its own field's value",
           c.wait_for("F5 New", 5) and
           re.search(r"Cartiera Alpina S\.r\.l\..*Torino.*S\s+B12", c.screen_text()),
           c.screen_text())
    c.send(ENTER)
    tap.ok("reopened, the supplier shows its contact read from the book",
           c.wait_for("Marta Gallo", 5) and "Suppliers - Edit" in c.screen_text() and
           re.search(r"\[Marta Gallo\s*\]\s*\[Ordini\s*\]\s*\[011 5551234\s*\]\s*"
                     r"\[marta@cartiera\.exam", c.screen_text()), c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    c.send(F10)
    c.wait_for("F10 Quit", 5)
    c.send("2")
    tap.ok("the customers list does not show the supplier",
           c.wait_for("F5 New", 5) and re.search(r"Customers\b", c.screen_text()) and
           "Cartiera" not in c.screen_text(), c.screen_text())
    c.send(F5)
    tap.ok("a new customer's role is C",
           c.wait_for("Customers - New", 5) and c.wait_for("F2 Save", 5) and
           re.search(r"Role\s+\[C\b", c.screen_text()),
           c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def test_article(c, book):
    c.send("4")
    tap.ok("4 opens the articles", c.wait_for("F5 New", 5) and "Articles" in c.screen_text(),
           c.screen_text())
    c.send(F5)
    tap.ok("F5 opens a new article with the stock on hand and the movements' grid",
           c.wait_for("F2 Save", 5) and "Stock on hand" in c.screen_text() and
           re.search(r"Date\s+Quantity\s+Reason", c.screen_text()), c.screen_text())
    c.send("carta-a3" + TAB + "Carta A3 100 g" + TAB + "RS" + TAB + "12,5")
    c.send(tabs("price", "supplier", ARTICLE) + F4)
    tap.ok("F4 on the usual supplier lists the parties",
           c.wait_for("Search:", 5) and "Cartiera Alpina S.r.l." in c.screen_text(),
           c.screen_text())
    c.send("cartx")
    tap.ok("the popup's search says when nothing starts with what is typed",
           c.wait_for('Nothing starts with "cartx"', 5), c.screen_text())
    # the refused x is gone already (the search stays "cart"): Backspace
    # takes the t
    c.send(BACKSPACE)
    tap.ok("and finds the supplier by the start of its name",
           c.wait_for(re.compile(r"Search: car\b"), 5) and
           "Cartiera Alpina S.r.l." in c.screen_text(), c.screen_text())
    c.send(ENTER)
    filled = c.wait_for(re.compile(r"Supplier\s+\[Cartiera Alpina S\.r\.l\."), 5)
    c.wait_for("F2 Save", 5)
    c.settle()
    tap.ok("Enter fills the field with the supplier's name, and the list is gone",
           filled and "Search:" not in c.screen_text(), c.screen_text())
    c.send(tabs("supplier", "moves", ARTICLE))
    tap.ok("Tab goes past the read-only stock on hand into the grid",
           c.wait_for("Add line", 5), c.screen_text())
    c.send("02/03/2026" + TAB + "12,5" + TAB + "Carico" + TAB)
    c.send("05/03/2026" + TAB + "-2,5" + TAB + "Scarico")
    tap.ok("the grid's total is the sum of the movements as they are typed",
           c.wait_for(re.compile(r"Total\s+10,00?\b"), 5), c.screen_text())
    c.send(F2)
    tap.ok("the article is saved with its movements", c.wait_for("Saved.", 5), c.screen_text())
    tap.ok("and the stock on hand the book computes is shown (10)",
           c.wait_for(re.compile(r"Stock on hand\s+\[\s*10,00?\b"), 5), c.screen_text())
    c.send(F10)
    tap.ok("the list shows it by code with its stock and its supplier's name",
           c.wait_for("F5 New", 5) and
           c.wait_for(re.compile(r"CARTA-A3.*10,00?\b.*RS\s+Cartiera Alpi"), 5),
           c.screen_text())
    c.send(ENTER)
    tap.ok("reopened, the article shows both movements read from the book",
           c.wait_for(re.compile(r"\[05/03/2026\]"), 5) and "Articles - Edit" in c.screen_text() and
           re.search(r"\[02/03/2026\]\s+\[\s*12,50?\]\s+\[Carico", c.screen_text()) and
           re.search(r"\[05/03/2026\]\s+\[\s*-2,50?\]\s+\[Scarico", c.screen_text()),
           c.screen_text())
    tap.ok("and its unit price as typed", "12,5" in c.screen_text(), c.screen_text())
    tap.ok("and its usual supplier by name",
           re.search(r"Supplier\s+\[Cartiera Alpina S\.r\.l\.", c.screen_text()),
           c.screen_text())
    c.send(F10)
    c.wait_for("F5 New", 5)
    c.send(F5)
    c.wait_for("Articles - New", 5)
    c.send("buste-c4" + TAB + "Buste C4" + tabs("description", "supplier", ARTICLE))
    c.send("Cartiera Alpin" + "x" + TAB)
    tap.ok("a supplier's name that names no party is refused, the cursor stays",
           c.wait_for("Usual supplier: nothing starts with 'Cartiera Alpinx'", 5),
           c.screen_text())
    c.send(BACKSPACE * len("Cartiera Alpinx") + "CARTIERA ALPINA S.R.L." + TAB)
    filled = c.wait_for(re.compile(r"Supplier\s+\[Cartiera Alpina S\.r\.l\."), 5)
    c.settle()
    tap.ok("typed in full (any case), the name fills the field without the popup",
           filled and "Search:" not in c.screen_text(), c.screen_text())
    c.send(F2)
    tap.ok("the second article is saved", c.wait_for("Saved.", 5), c.screen_text())
    c.send(F10)
    tap.ok("the list shows both articles with their supplier's name",
           c.wait_for(re.compile(r"BUSTE-C4.*Cartiera Alpi"), 5) and
           re.search(r"CARTA-A3.*Cartiera Alpi", c.screen_text()), c.screen_text())
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def test_supplier_in_use(c):
    c.send("3")
    c.wait_for("F5 New", 5)
    c.send(F8)
    tap.ok("Delete asks about the supplier", c.wait_for('Delete "Cartiera Alpina', 5),
           c.screen_text())
    c.send("y")
    tap.ok("deleting a party that articles name as their supplier is refused, saying which",
           c.wait_for("it is the usual supplier of 2 articles (BUSTE-C4, ...)", 5),
           c.screen_text())
    tap.ok("and the supplier stays in the list", "Cartiera Alpina" in c.screen_text(),
           c.screen_text())
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def test_company(c):
    c.send("5")
    tap.ok("5 opens the company profile's form, no list",
           c.wait_for("Company profile (1/2)", 5) and "F5 New" not in c.screen_text(),
           c.screen_text())
    c.send(F10)
    c.wait_for("F10 Quit", 5)


def main():
    top = tempfile.mkdtemp(prefix="scrivano-e2e-share-")
    os.chmod(top, 0o755)  # the sessions may run as the service user
    try:
        return run(share_with_own_field(top))
    finally:
        shutil.rmtree(top, ignore_errors=True)


def run(share):
    with Server(users={"anna": "pw-anna"}, tap=tap, env={"SCRIVANO_SHARE": share}) as srv:
        book = srv.book_path("anna")
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu is painted",
                   c.wait_for("Main menu", 10) and c.wait_for("Company profile", 5),
                   c.screen_text())
            for item in ("1  Customers & suppliers", "2  Customers ", "3  Suppliers",
                         "4  Articles", "5  Company profile"):
                tap.ok("the menu lists " + item, item in c.screen_text(), c.screen_text())
            test_supplier(c, book)
            test_article(c, book)
            test_supplier_in_use(c)
            test_company(c)
            c.send(F10)
            c.send("y")  # yes, end the session
            tap.is_eq("F10 on the menu ends the session cleanly", c.wait_exit(10), 0)
        tap.is_eq("the supplier is in anna's book as typed",
                  book_rows(book, "SELECT role, kind, name, piva, address, street_no, cap, city, "
                                  "province, country, sdi, pec FROM parties"),
                  [("S", "C", "Cartiera Alpina S.r.l.", "07654321012", "Via Po", "5", "10123",
                    "Torino", "TO", "IT", "ABC1234", "")])
        tap.is_eq("its contact is in the book, under it",
                  book_rows(book, "SELECT p.name, c.position, c.name, c.role, c.phone, c.email "
                                  "FROM party_contacts c JOIN parties p ON p.id = c.party_id"),
                  [("Cartiera Alpina S.r.l.", 1, "Marta Gallo", "Ordini", "011 5551234",
                    "marta@cartiera.example")])
        tap.is_eq("its own field is in the book's custom_values",
                  book_rows(book, "SELECT c.kind, c.name, c.value FROM custom_values c "
                                  "JOIN parties p ON p.id = c.record_id"),
                  [("parties", "vat_reg", "B12")])
        tap.is_eq("the articles are in the book, price at 8 decimals, VAT 22%",
                  book_rows(book, "SELECT code, description, unit, unit_price, vat_rate, natura "
                                  "FROM articles ORDER BY id"),
                  [("CARTA-A3", "Carta A3 100 g", "RS", 1250000000, 2200, ""),
                   ("BUSTE-C4", "Buste C4", "", None, 2200, "")])
        tap.is_eq("both articles hold the supplier's id as their usual supplier",
                  book_rows(book, "SELECT a.code, a.supplier_id = p.id FROM articles a, parties p "
                                  "ORDER BY a.id"),
                  [("CARTA-A3", 1), ("BUSTE-C4", 1)])
        tap.is_eq("with its stock movements, in order",
                  book_rows(book, "SELECT m.position, m.date, m.quantity, m.reason "
                                  "FROM stock_moves m JOIN articles a ON a.id = m.article_id "
                                  "WHERE a.code = 'CARTA-A3' ORDER BY m.position"),
                  [(1, "2026-03-02", 12500, "Carico"), (2, "2026-03-05", -2500, "Scarico")])
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
