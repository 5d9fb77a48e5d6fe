# What the form and list engine does for the documents, on a real pty
# with a screen file of the test's own (the shipped share, but for
# screens/parties.scr: a documents screen under that name, so the menu's
# first three items open it and its two views): a list's `total` line
# over the rows its view and filter pass; a view of the table's field
# `kind`, which the form does not show, presetting New before the kind's
# init (an invoice is TD01, a credit note TD04); the customer chosen
# filling the header (fill); an article chosen filling its line; the
# totals and the line's total following what is typed (compute, child
# rows); the draft saved as computed; an issued invoice read only.
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptytui import DOWN, ENTER, F, TAB, check, done  # noqa: E402
from ptytui import SCRIVANO, Tui  # noqa: E402

SCREEN = """screen parties "Test documents"
view customers "Invoices"  where kind in FAT
view suppliers "Credit notes"  where kind in NC
table documents

list
  Number        Date        Total         State
  [number     ] [date      ] [dtotal     ] [st]
  total dtotal
end

layout
  Type [type]  State [st]  Number [number      ]  Date [date      ]
  Party [party                         ]  Office [pao   ]  Split [sp]
  Terms [terms               ]
  grid lines rows 4
    Article  Description       Qty      Price      VAT     Total
    [art   ] [desc           ] [qty   ] [price   ] [vt   ] [total     ]
  end
  Taxable [taxable     ]  VAT [tax         ]  Total [dtotal      ]
end

fields
  type     text     readonly
  st       text     field state  readonly
  number   text     readonly
  date     date     required
  party    lookup   lookup parties  field party_id  required
  pao      text     field pa_office  readonly
  sp       text     field split_payment  readonly
  terms    text     field pay_terms
  lines.art    lookup   lookup articles  field article_id
  lines.desc   text     field description
  lines.qty    text     field quantity
  lines.price  text     field unit_price
  lines.vt     percent  field vat_rate
  lines.total  text     readonly
  taxable  money    readonly
  tax      money    readonly
  dtotal   money    field total  readonly
end
"""

root = os.environ.get("SCRIVANO_SHARE", os.getcwd())
tmp = tempfile.mkdtemp()
share = os.path.join(tmp, "share")
os.makedirs(os.path.join(share, "screens"))
for name in os.listdir(root):
    if name not in ("screens",) and os.path.isdir(os.path.join(root, name)):
        os.symlink(os.path.join(root, name), os.path.join(share, name))
for name in os.listdir(os.path.join(root, "screens")):
    if name.endswith(".scr") and name != "parties.scr":
        os.symlink(os.path.join(root, "screens", name), os.path.join(share, "screens", name))
with open(os.path.join(share, "screens", "parties.scr"), "w") as f:
    f.write(SCREEN)

book = os.path.join(tmp, "book.sqlite")
subprocess.run([SCRIVANO, "book", "init", book], stdout=subprocess.DEVNULL, check=True)
db = sqlite3.connect(book)
db.execute("UPDATE company SET name = 'Studio Bianchi Srl', piva = '01234567897', regime = 'RF01'")
db.execute("INSERT INTO parties (name, role, piva, public_admin, pa_office, pay_days, pay_method) "
           "VALUES ('Comune di Prova', 'C', '01234567897', 1, 'UFE3K0', 30, 'MP05')")
party = db.execute("SELECT id FROM parties").fetchone()[0]
db.execute("INSERT INTO articles (code, description, unit, unit_price, vat_rate) "
           "VALUES ('CARTA', 'Carta A4 80 g', 'RISMA', 450000000, 2200)")
for seq, total in ((1, 12200), (2, 24400)):
    db.execute("INSERT INTO documents (direction, party_id, type, number, date, taxable, tax, "
               "total, payable, kind, state, numbering, year, seq) VALUES ('S', ?, 'TD01', ?, "
               "'2026-01-10', ?, ?, ?, ?, 'FAT', 'I', 'F', 2026, ?)",
               (party, "%d/2026" % seq, total * 100 // 122, total - total * 100 // 122, total,
                total, seq))
db.commit()
db.close()

t = Tui(book, env={"SCRIVANO_TODAY": "2026-02-02", "SCRIVANO_SHARE": share}, pause=0.12)
check(t.wait_for("Main menu"), "the main menu shows")
t.send(DOWN + ENTER)
check(t.wait_for("1/2026"), "the Invoices view lists the invoices")
foot = t.line(20)
check("Total" in foot and "366,00" in foot,
      "the list's total line sums every row shown: %s" % foot.strip())
t.send(F[9])
check(t.wait_for("Show only"), "Filter asks")
t.send("number = 2/2026" + ENTER, 0.3)
foot = t.line(20)
check("244,00" in foot and "366,00" not in foot,
      "the total follows the filter: %s" % foot.strip())
t.send(F[9])
t.wait_for("Show only")
t.send("\x7f" * 40 + ENTER, 0.3)
check(t.wait_for("366,00"), "and back without it")
t.send("\x1bOH")  # Home: the first row

# an issued invoice: read only, and says why
t.send(ENTER)
check(t.wait_for("Invoice 1/2026, issued"), "an issued invoice's form says so in its title")
check("F2 Save" not in t.line(23), "and its key line offers no Save: %s" % t.line(23).strip())
t.send("x")
check(t.wait_for("is no longer a draft (issued): it is never changed; a credit note corrects it."),
      "typing in it is refused with the reason")
t.send(F[2])
check(t.wait_for("it is never changed"), "so is Save")
t.send(F[7])
check(t.wait_for("Page 1 of") and t.wait_for("Studio Bianchi Srl"),
      "Print previews the printed page, the company's header from the book")
t.send(F[10])
check(t.wait_for("Invoice 1/2026, issued"), "Cancel goes back to the form")
t.send(F[10])
check(t.wait_for("366,00") and "Save changes?" not in t.text(),
      "Back leaves it with nothing to save")

# a new invoice: the view's kind before init, the party's and the article's fills
t.send(F[5])
check(t.wait_for("New"), "New opens a form")
check("TD01" in t.text() and "D" == t.text().split("State [")[1][:1],
      "a new invoice of the Invoices view: TD01, a draft")
check("02/02/2026" in t.text(), "dated today")
t.send(TAB + "Comune" + TAB)
check(t.wait_for("UFE3K0"), "the customer chosen brings its PA office code")
check("Split [1" in t.flat_text(), "and split payment, a PA")
check("30" in t.text().split("Terms [")[1][:10], "and its payment days as the terms")
t.send(TAB)  # into the grid
t.send("CARTA" + TAB)
check(t.wait_for("Carta A4 80 g"), "the article chosen fills the line's description")
check("4.50" in t.text() and "22" in t.text(), "its price and VAT rate")
t.send(TAB)  # description
t.send("2.00" + TAB)
check(t.wait_for("9.00"), "the line's total follows the quantity: 2 x 4.50 = 9.00")
check(t.wait_for("10,98"), "and the totals under the grid: 9.00 + 22% = 10,98")
check("1,98" in t.text(), "the VAT 1,98")
t.send(F[2])
check(t.wait_for("Saved."), "the draft is saved")
db = sqlite3.connect(book)
row = db.execute("SELECT kind, type, state, direction, total, payable, pa_office, pay_terms "
                 "FROM documents WHERE state = 'D'").fetchone()
check(row == ("FAT", "TD01", "D", "S", 1098, 900, "UFE3K0", "30"),
      "the book has the draft as computed (split payment: 9,00 payable): %s" % (row,))
db.close()
# issued from the form: the number taken, and the form read only at once
t.send("\x1bc")  # Commands (Esc c)
check(t.wait_for("Commands") and "Issue" in t.text() and "Credit note" not in t.text(),
      "Commands on the draft offer Issue, not a credit note")
t.send(ENTER)
check(t.wait_for("Issue this document?"), "Issue asks first")
t.send("y")
check(t.wait_for("Issued as 3/2026."), "and takes the next number of the year, 3/2026")
check(t.wait_for("Invoice 3/2026, issued"), "the form is read only at once")
t.send("1")
check(t.wait_for("it is never changed"), "and refuses a change")
t.send(F[10])
t.send(F[10])
t.wait_for("Main menu")
db = sqlite3.connect(book)
row = db.execute("SELECT state, number, total FROM documents WHERE seq = 3").fetchone()
check(row == ("I", "3/2026", 1098), "issued in the book, its totals as computed: %s" % (row,))
line = db.execute("SELECT line_no, description, quantity, unit_price, l.total, vat_rate "
                  "FROM document_lines l JOIN documents d ON d.id = l.document_id "
                  "WHERE d.seq = 3").fetchall()
check(line == [(1, "Carta A4 80 g", "2.00", "4.50", "9.00", 2200)],
      "and its line, numbered and computed: %s" % (line,))
vat = db.execute("SELECT v.taxable, v.tax, esigibilita FROM document_vat v JOIN documents d "
                 "ON d.id = v.document_id WHERE d.seq = 3").fetchall()
check(vat == [(900, 198, "S")], "and its VAT summary: %s" % (vat,))
db.close()

# the Credit notes view makes credit notes
t.send(DOWN + ENTER)
check(t.wait_for("Credit notes"), "the Credit notes view opens")
t.send(F[5])
check(t.wait_for("New") and t.wait_for("TD04"), "New there makes a TD04")
t.send(F[10])
if t.wait_for("Save changes?", 1.0):
    t.send("n")
t.send(F[10])
t.wait_for("Main menu")
t.send(F[10])
if t.wait_for("End the session?"):
    t.send("y")
check(t.finish() == 0, "the program ends")
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(done())
