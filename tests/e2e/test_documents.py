"""Documents (issue 14) end to end: a real OpenSSH client logs in to a real
`scrivano serve` and, from the main menu's Documents, types a quote of
three lines (an article, a line described freely, a line with a 10+5
discount); the totals under the grid follow as it is typed and are the
ones written out by hand below; the quote is issued, converted to an
order, the order to a delivery note (the article's stock goes down), the
delivery note to an invoice, issued as 1/2026; a line of the issued
invoice cannot be changed (the message says why); a credit note is made
for one of its lines. Then two sessions issue a draft each at the same
moment: consecutive numbers, no duplicate, no gap."""

import datetime
import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import SCRIVANO, Server, Tap, base_env, book_rows, money  # noqa: E402

tap = Tap()

F1, F2, F5, F8 = "\x1bOP", "\x1bOQ", "\x1b[15~", "\x1b[19~"
F10 = "\x1b[21~"
TAB, ENTER, PGDN, PGUP, DOWN, HOME = "\t", "\r", "\x1b[6~", "\x1b[5~", "\x1b[B", "\x1bOH"

CUSTOMER = "Rossi Forniture S.r.l."
YEAR = datetime.date.today().year

# ---- the expected figures, by hand (DOMAIN.md: the summary per rate,
# rounded half away from zero; PrezzoTotale = quantity x price less the
# discounts in cascade) ----
# line 1, the article VITE8: 10 pz x 0,50          =   5,00
# line 2, free text "Consulenza tecnica": 2 h x 45 =  90,00
# line 3, "Staffe inox" 4 pz x 12,50 less 10% then 5%:
#         12,50 x 0,90 = 11,25; x 0,95 = 10,6875; x 4 = 42,75
# taxable at 22%: 5,00 + 90,00 + 42,75            = 137,75
# VAT: 137,75 x 22% = 30,305, rounded half away   =  30,31
# total 137,75 + 30,31                             = 168,06; no bollo (all
# taxed), no withholding: payable 168,06.
LINE_TOTALS = ["5.00", "90.00", "42.75"]
TAXABLE, TAX, TOTAL = 13775, 3031, 16806



def make_book(srv):
    path = srv.new_book("anna")
    db = sqlite3.connect(path)
    db.execute("UPDATE company SET name = 'Ferramenta Bianchi S.r.l.', piva = '01234567897', "
               "cf = '01234567897', address = 'Via Roma', street_no = '1', cap = '20100', "
               "city = 'Milano', province = 'MI'")
    db.execute("INSERT INTO parties (role, kind, name, piva, cf, address, street_no, cap, "
               "city, province, country, sdi, pay_terms, pay_method) VALUES ('C', 'C', ?, "
               "'12345678903', '12345678903', 'Via Verdi', '5', '10100', 'Torino', 'TO', "
               "'IT', 'ABC1234', 'TP02', 'MP05')", (CUSTOMER,))
    # an article: 0,50 a piece (prices are kept with 8 decimals), 22%, 100 in stock
    db.execute("INSERT INTO articles (code, description, unit, unit_price, vat_rate) VALUES "
               "('VITE8', 'Viti M8 acciaio', 'pz', 50000000, 2200)")
    db.execute("INSERT INTO stock_moves (article_id, position, date, quantity, reason) VALUES "
               "(1, 1, '%d-01-02', 100000, 'Inventario')" % YEAR)
    db.commit()
    db.close()
    srv.give_datadir()  # made here, as root: the service user's
    return path


def stock(book):
    return book_rows(book, "SELECT coalesce(sum(quantity), 0) FROM stock_moves "
                           "WHERE article_id = 1")[0][0]


def docs(book):
    return book_rows(book, "SELECT id, kind, state, number, direction, type FROM documents "
                           "ORDER BY id")


def lines_of(book, doc):
    return book_rows(book, "SELECT coalesce(code, ''), description, quantity, unit_price, "
                           "coalesce(discounts, ''), total, vat_rate FROM document_lines "
                           "WHERE document_id = ? ORDER BY seq", doc)


def to_documents(c):
    """From the main menu to the menu of documents (item 14)."""
    c.send(HOME + DOWN * 13 + ENTER)  # the menu keeps the item last opened
    return c.wait_for("Purchase invoices", 5)


def type_quote(c, book):
    tap.ok("Documents opens the menu of its kinds",
           to_documents(c) and "Quotes" in c.screen_text() and
           "Delivery notes" in c.screen_text(), c.screen_text())
    c.send("2")
    tap.ok("Quotes opens their list, empty",
           c.wait_for("Nothing here yet", 5) and "Quotes" in c.screen_text(), c.screen_text())
    c.send(F5)
    tap.ok("New opens the form, a quote",
           c.wait_for("Quotes - New (1/4)", 5) and
           re.search(r"Kind\s+\[PRE", c.screen_text()), c.screen_text())
    # kind, date (offers today), operation date, party, series, then the grid
    c.send(TAB + TAB + TAB + CUSTOMER + TAB + TAB)
    # line 1: the article; its description, unit, price and VAT come with it
    c.send("VITE8" + TAB + TAB)
    tap.ok("the article fills the line: description, unit, price and VAT",
           c.wait_for(re.compile(r"\[VITE8 \] \[Viti M8 acci\] \[\s*1,00\s*\] \[pz\] "
                                 r"\[\s*0,50\] \[\s*\] \[22,00\]"), 5), c.screen_text())
    # quantity, unit, price, discounts, VAT, the total (computed: not typed), next line
    c.send("10" + TAB * 6)
    tap.ok("its total follows: 10 x 0,50",
           c.wait_for(re.compile(r"\[22,00\] \[\s*5,00\]"), 5), c.screen_text())
    # line 2: no article (a blank, then Tab), a description of its own
    c.send(" " + TAB + "Consulenza tecnica" + TAB + "2" + TAB + "h" + TAB + "45" + TAB + TAB +
           "22" + TAB + TAB)
    tap.ok("the second line's total: 2 x 45,00",
           c.wait_for(re.compile(r"\[Consulenza t\].*\[\s*90,00\]"), 5), c.screen_text())
    # line 3: a discount of 10% then 5%
    c.send(" " + TAB + "Staffe inox" + TAB + "4" + TAB + "pz" + TAB + "12,50" + TAB + "10+5" +
           TAB + "22" + TAB + TAB)
    tap.ok("the third line's total: 4 x 12,50 less 10+5 = 42,75",
           c.wait_for(re.compile(r"\[10\+5 \] \[22,00\] \[\s*42,75\]"), 5), c.screen_text())
    # Tab on the new blank line: the lines are done (the next page's VAT details)
    c.send(TAB)
    tap.ok("Tab on the blank line leaves for the lines' VAT details, page 2",
           c.wait_for("Quotes - New (2/4)", 5) and
           re.search(r"\[Staffe inox\s*\] \[\s*\] \[\s*\] \[No", c.screen_text()),
           c.screen_text())
    c.send(PGUP)
    tap.ok("the totals under the grid are the ones by hand: 137,75 + 30,31 = 168,06",
           c.wait_for(re.compile(r"Taxable\s+\[%s\s*\]\s+VAT\s+\[%s" % (
               re.escape(money(TAXABLE)), re.escape(money(TAX)))), 5) and
           re.search(r"Total\s+\[%s\s*\]\s+Payable\s+\[%s" % (
               re.escape(money(TOTAL)), re.escape(money(TOTAL))), c.screen_text()),
           c.screen_text())
    c.send(F2)
    tap.ok("the quote is saved", c.wait_for("Saved.", 5), c.screen_text())
    rows = docs(book)
    tap.is_eq("the book has a draft quote, a sale with no TipoDocumento and no number",
              [r[1:] for r in rows], [("PRE", "D", "", "S", "")])
    qid = rows[0][0] if rows else 0
    got = lines_of(book, qid)
    tap.is_eq("its three lines, prices and totals as exact decimals, the discount as the "
              "book keeps it",
              [(g[0], g[1], g[2], g[3], g[4], g[5], g[6]) for g in got],
              [("VITE8", "Viti M8 acciaio", "10.00", "0.50", "", "5.00", 2200),
               ("", "Consulenza tecnica", "2.00", "45.00", "", "90.00", 2200),
               ("", "Staffe inox", "4.00", "12.50", "SC 10.00%; SC 5.00%", "42.75", 2200)])
    tap.is_eq("and the totals by hand in cents",
              book_rows(book, "SELECT taxable, tax, total, payable FROM documents WHERE "
                              "id = ?", qid), [(TAXABLE, TAX, TOTAL, TOTAL)])
    return qid



def issue(c, what, number):
    """Issue, confirmed: the message names the number it took."""
    ok = c.pick_command("Issue") and c.wait_for("Issue this document?", 10)
    c.send("y")
    return tap.ok("%s: Issue gives it number %s" % (what, number),
                  ok and c.wait_for("Issued as %s." % number, 15), c.screen_text())


def doc(book, kind):
    rows = book_rows(book, "SELECT id, state, number FROM documents WHERE kind = ? ORDER BY id "
                           "DESC LIMIT 1", kind)
    return rows[0] if rows else (0, "", "")


def flow(c, book, qid):
    n = "1/%d" % YEAR
    issue(c, "the quote", n)
    tap.is_eq("in the book the quote is issued, numbered in the quotes' own sequence",
              book_rows(book, "SELECT state, number, numbering, seq FROM documents WHERE "
                              "id = ?", qid), [("I", n, "PRE", 1)])
    tap.ok("its title says so", re.search(r"Quote %s, issued" % re.escape(n), c.screen_text()),
           c.screen_text())
    # quote -> order (the first conversion offered)
    tap.ok("the issued quote converts to an order",
           c.pick_command("Convert to order") and
           c.wait_for("A new draft Customer order: check it, then Issue.", 15), c.screen_text())
    oid = doc(book, "ORD")[0]
    tap.is_eq("the order is a draft with the quote's three lines",
              [(g[0], g[1], g[2]) for g in lines_of(book, oid)],
              [("VITE8", "Viti M8 acciaio", "10.00"), ("", "Consulenza tecnica", "2.00"),
               ("", "Staffe inox", "4.00")])
    tap.is_eq("linked to the quote", book_rows(book, "SELECT from_id, to_id FROM "
                                                     "document_links"), [(qid, oid)])
    issue(c, "the order", n)
    # order -> DDT: the article's goods go out
    before = stock(book)
    tap.ok("the issued order converts to a delivery note",
           c.pick_command("Convert to DDT") and
           c.wait_for("A new draft Delivery note: check it, then Issue.", 15), c.screen_text())
    did = doc(book, "DDT")[0]
    tap.is_eq("the delivery note takes the 10 pieces of VITE8 out of stock (100 -> 90)",
              (before, stock(book)), (100000, 90000))
    issue(c, "the delivery note", n)
    tap.is_eq("issued, its stock movement stays",
              book_rows(book, "SELECT quantity, document_id FROM stock_moves WHERE "
                              "document_id IS NOT NULL"), [(-10000, did)])
    # DDT -> invoice (after the order's: the DDT's line is the one taken)
    tap.ok("the issued delivery note converts to an invoice",
           c.pick_command("Convert to invoice") and
           c.wait_for("A new draft Invoice: check it, then Issue.", 15), c.screen_text())
    fid = doc(book, "FAT")[0]
    tap.ok("the invoice names the delivery note it comes from",
           re.search(r"Linked documents\s+\[DDT 1/%d" % YEAR, c.screen_text()), c.screen_text())
    tap.ok("the invoice's totals on screen are the quote's, by hand",
           c.wait_for(re.compile(r"Taxable\s+\[%s\s*\]\s+VAT\s+\[%s" % (
               re.escape(money(TAXABLE)), re.escape(money(TAX)))), 5) and
           re.search(r"Total\s+\[%s\s*\]\s+Payable\s+\[%s" % (
               re.escape(money(TOTAL)), re.escape(money(TOTAL))), c.screen_text()),
           c.screen_text())
    issue(c, "the invoice", n)
    tap.is_eq("the invoice in the book: TD01, issued as 1/%d, the totals by hand" % YEAR,
              book_rows(book, "SELECT type, state, number, taxable, tax, total, payable FROM "
                              "documents WHERE id = ?", fid),
              [("TD01", "I", n, TAXABLE, TAX, TOTAL, TOTAL)])
    tap.is_eq("its VAT summary: one block at 22%",
              book_rows(book, "SELECT vat_rate, taxable, tax FROM document_vat WHERE "
                              "document_id = ?", fid), [(2200, TAXABLE, TAX)])
    tap.is_eq("an invoice after a delivery note moves no stock again", stock(book), 90000)
    return fid


def refuse_change(c, book, fid):
    before = lines_of(book, fid)
    c.send(TAB * 5)  # the header's fields, then the lines
    c.send("X")
    tap.ok("typing in a line of the issued invoice is refused, saying why",
           c.wait_for("is no longer a draft (issued): it is never changed; a credit note "
                      "corrects it.", 5), c.screen_text())
    c.send(F2)
    tap.is_eq("and its lines are as they were", lines_of(book, fid), before)


def credit_note(c, book, fid):
    n = "2/%d" % YEAR
    tap.ok("the issued invoice makes a credit note",
           c.pick_command("Credit note") and
           c.wait_for("A new draft Credit note: check it, then Issue.", 15), c.screen_text())
    nid = doc(book, "NC")[0]
    # to the lines (kind, date, operation date, party, series), the second line, deleted
    # twice: the credit note is for the first line only
    c.send(TAB * 5 + DOWN + F8)
    tap.ok("Delete asks first", c.wait_for("Delete line 2?", 5), c.screen_text())
    c.send("y")
    c.wait_for("Delete line", 0.5)
    c.send(F8)
    c.wait_for("Delete line 2?", 5)
    c.send("y")
    c.send(F2)
    tap.ok("the credit note for one line is saved", c.wait_for("Saved.", 5), c.screen_text())
    # 10 x 0,50 = 5,00 + 22% 1,10 = 6,10
    tap.ok("its totals on screen: 5,00 + 1,10 = 6,10",
           c.wait_for(re.compile(r"Taxable\s+\[5,00\s*\]\s+VAT\s+\[1,10"), 5) and
           re.search(r"Total\s+\[6,10", c.screen_text()), c.screen_text())
    issue(c, "the credit note", n)
    tap.is_eq("the credit note in the book: TD04, 2/%d in the invoices' sequence, one line"
              % YEAR,
              book_rows(book, "SELECT type, state, number, taxable, tax, total FROM documents "
                              "WHERE id = ?", nid), [("TD04", "I", n, 500, 110, 610)])
    tap.is_eq("the line it credits, linked to the invoice's",
              book_rows(book, "SELECT l.description, f.document_id FROM document_lines l "
                              "JOIN document_lines f ON f.id = l.from_line WHERE "
                              "l.document_id = ?", nid), [("Viti M8 acciaio", fid)])


def invoice_pdf(srv, book, fid):
    """The issued invoice as a PDF (scrivano document pdf, the same layout the
    screens' PDF uses), read back with pdftotext."""
    out = os.path.join(srv.top, "fattura.pdf")
    r = subprocess.run([SCRIVANO, "document", "pdf", str(fid), out, "--book", book],
                       capture_output=True, text=True, env=base_env(), timeout=60)
    tap.is_eq("scrivano document pdf writes the invoice", (r.returncode, r.stderr), (0, ""))
    t = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True,
                       timeout=60)
    text = t.stdout
    tap.ok("its text holds the number 1/%d" % YEAR, ("1/%d" % YEAR) in text, text)
    tap.ok("and the totals: 137,75 taxable, 30,31 VAT, 168,06 total",
           all(money(v) in text for v in (TAXABLE, TAX, TOTAL)), text)
    tap.ok("and the customer", CUSTOMER in text, text)


def the_lists(c, book):
    """The register's lists: every document in All documents, with its
    kind, number, party, total and state, the totals of the rows shown
    under them; a view shows its kind only; Filter by state."""
    c.to_main_menu()
    to_documents(c)
    c.send(ENTER)  # All documents
    rows = book_rows(book, "SELECT kind, number, total FROM documents ORDER BY id")
    shown = c.wait_for("All documents", 5) and c.wait_for("Total", 5)
    text = c.screen_text()
    tap.ok("All documents lists the five, each with kind, number, party, total and state",
           shown and all(re.search(r"%s\s+%s\s+\S+\s+Rossi Forniture.*%s\s+I\b" % (
               k, re.escape(n), re.escape(money(t))), text) for k, n, t in rows), text)
    want = money(sum(r[2] for r in rows))
    tap.ok("under them the total of the rows shown, %s" % want,
           re.search(r"Total\s+%s" % re.escape(want), text), text)
    c.send(F10)
    c.wait_for("Purchase invoices", 5)
    c.send("8")  # Credit notes
    tap.ok("the view of credit notes shows the credit note only",
           c.wait_for("Credit notes", 5) and c.wait_for("2/%d" % YEAR, 5) and
           "1/%d" % YEAR not in c.screen_text() and
           re.search(r"Total\s+6,10", c.screen_text()), c.screen_text())
    c.send(F10)
    c.wait_for("Purchase invoices", 5)



def end_session(c, what):
    tap.ok("%s: back to the main menu and out" % what, c.end_session() == 0,
           c.screen_text())


def add_draft_invoices(book, n):
    """n draft invoices of one line each (20,00 at 22%), as a session left them."""
    today = datetime.date.today().isoformat()
    db = sqlite3.connect(book)
    ids = []
    for i in range(n):
        cur = db.execute("INSERT INTO documents (direction, kind, state, party_id, type, date) "
                         "VALUES ('S', 'FAT', 'D', 1, 'TD01', ?)", (today,))
        ids.append(cur.lastrowid)
        db.execute("INSERT INTO document_lines (document_id, seq, line_no, description, "
                   "quantity, unit_price, total, vat_rate) VALUES (?, 1, 1, ?, '1.00', "
                   "'20.00', '20.00', 2200)", (cur.lastrowid, "Trasporto %d" % (i + 1)))
    db.commit()
    db.close()
    return ids


def two_sessions(srv, book):
    """Two sessions, each on a draft invoice, confirm Issue at the same
    moment: the book gives them the next two numbers, one each."""
    ids = add_draft_invoices(book, 2)
    with srv.client("anna", "pw-anna", term="xterm") as a, \
            srv.client("anna", "pw-anna", term="xterm") as b:
        for c in (a, b):
            c.wait_for("Main menu", 10)
            to_documents(c)
            c.send("5")  # Invoices
            c.wait_for(re.compile(r"Trasporto|F5 New"), 5)
        # the drafts (no number yet) are listed first, in the order made
        a.send(ENTER)
        b.send(DOWN + ENTER)
        shown = all(c.wait_for("Invoices - Edit", 5) for c in (a, b))
        tap.ok("each session opens one of the two drafts",
               shown and "Trasporto 1" in a.flat_text() and "Trasporto 2" in b.flat_text(),
               a.screen_text() + b.screen_text())
        asked = True
        for c in (a, b):
            asked = c.pick_command("Issue") and c.wait_for("Issue this document?", 5) and asked
        tap.ok("both ask to confirm Issue", asked, a.screen_text() + b.screen_text())
        a.send("y")
        b.send("y")  # at once: neither waits for the other's answer
        said = [c.wait_for(re.compile(r"Issued as \d+/%d\." % YEAR), 20) for c in (a, b)]
        tap.ok("both are issued", all(said), a.screen_text() + b.screen_text())
        got = sorted(book_rows(book, "SELECT number FROM documents WHERE id IN (?, ?)", *ids))
        tap.is_eq("they took the next two numbers of the invoices' sequence, 3 and 4 (after "
                  "the invoice 1 and the credit note 2)", got,
                  [("3/%d" % YEAR,), ("4/%d" % YEAR,)])
        seqs = [r[0] for r in book_rows(book, "SELECT seq FROM documents WHERE numbering = 'F' "
                                              "AND year = ? ORDER BY seq", YEAR)]
        tap.is_eq("the sequence has no gap and no duplicate", seqs, [1, 2, 3, 4])
        for c, n in ((a, "a"), (b, "b")):
            m = re.search(r"Issued as (\d+/%d)\." % YEAR, c.flat_text())
            tap.ok("session %s says the number its draft took" % n,
                   m is not None and (m.group(1),) in got, c.screen_text())
        end_session(a, "the first session")
        end_session(b, "the second session")


def main():
    with Server(users={"anna": "pw-anna"}, tap=tap,
                env={"SCRIVANO_TODAY": None}) as srv:
        book = make_book(srv)
        with srv.client("anna", "pw-anna", term="xterm") as c:
            tap.ok("the main menu lists Documents",
                   c.wait_for("Main menu", 10) and c.wait_for("Documents", 5), c.screen_text())
            qid = type_quote(c, book)
            fid = flow(c, book, qid)
            refuse_change(c, book, fid)
            credit_note(c, book, fid)
            the_lists(c, book)
            end_session(c, "the session")
        invoice_pdf(srv, book, fid)
        two_sessions(srv, book)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
