# Drives `scrivano tui` on a real pty, reads the screen back with pyte and
# checks what a person would see: menu, list, form, a refused save, saving,
# incremental search, delete with a question, a version conflict, resizing,
# ESC-digit keys on a vt100, the Italian catalog, and a clean exit.
import os
import signal
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptytui import BACKSPACE, ENTER, F, TAB, Tui, check, done  # noqa: E402

tmp = tempfile.mkdtemp()
book = os.path.join(tmp, "book.sqlite")


def rows():
    db = sqlite3.connect(book)
    r = db.execute("SELECT name, piva, cf, city, version FROM parties ORDER BY name").fetchall()
    db.close()
    return r


t = Tui(book)
check(t.wait_for("Main menu"), "the main menu shows")
check("F1 Help  Enter Open  F10 Quit" in t.line(23), "its key line: " + t.line(23).strip())
for item in ("Customers & suppliers", "Articles", "Prima nota", "F24", "Documents"):
    check(item in t.text(), "the menu lists " + item)
t.send("\x1b[B" * 13)  # Down to Documents
t.send(ENTER)
check(t.wait_for("Purchase invoices") and "All documents" in t.text(),
      "Documents opens the menu of its kinds")
check("F10 Back" in t.line(23), "whose key line goes back: " + t.line(23).strip())
t.send(F[10])
check(t.wait_for("Main menu") and "End the session?" not in t.text(),
      "Back there returns to the main menu, asking nothing")
t.send("\x1b[A" * 13)
t.send(ENTER)
check(t.wait_for("Nothing here yet"), "Customers opens an empty list")
check("F5 New" in t.line(23) and "F8 Delete" in t.line(23) and "F10 Back" in t.line(23),
      "the list's key line: " + t.line(23).strip())

t.send(F[5])
check(t.wait_for("Customers & suppliers - New"), "F5 opens a new form")
t.send("Caffè Società srl" + TAB + "01234567890" + TAB + "01234567890" + TAB, 0.3)
check(t.wait_for("Codice fiscale: wrong check digit"), "a bad CF is refused on leaving the field")
check(t.screen.cursor.y == t.row_of("Codice fiscale [") and t.screen.cursor.x > 60,
      "the cursor stays on the CF field")
t.send(BACKSPACE + "7" + TAB + TAB + TAB + "Milano")
check("wrong check digit" not in t.text(), "after the fix the cursor moves on")
t.send("\x1b[Z" + "2012")  # BackTab to the CAP, a CAP one digit short
t.send(F[2], 0.3)
check(t.wait_for("CAP: must be 5 digits"), "a bad field is refused on save, naming it")
check(t.screen.cursor.y == t.row_of("CAP            ["), "the cursor is on the CAP field")
t.send("1")
t.send(F[2], 0.3)
check(t.wait_for("Partita IVA: wrong check digit"), "the register's rules refuse the P.IVA on save")
check(t.screen.cursor.y == t.row_of("Partita IVA    [") and t.screen.cursor.x < 40,
      "the cursor goes to the P.IVA field")
check(rows() == [], "nothing was written")
t.send(BACKSPACE + "7")
t.send(F[2], 0.3)
check(t.wait_for("Saved."), "after the fix it saves")
check(rows() == [("Caffè Società srl", "01234567897", "01234567897", "Milano", 1)],
      "the book holds the customer, accents and all: %r" % (rows(),))
check("Customers & suppliers - Edit" in t.text(), "the form now edits the saved record")
t.send(F[10])
check(t.wait_for("Caffè Società srl"), "back in the list, the customer shows")
y = t.row_of("Caffè Società srl")
check("Milano" in t.line(y) and "01234567897" in t.line(y), "with city and P.IVA")

# a second customer with ESC 5 / ^O / ESC 0
t.send("\x1b5")
check(t.wait_for("Customers & suppliers - New"), "Esc 5 is New")
t.send("Rossi Mario" + TAB + TAB + "rssmra80a01h501u")
check("RSSMRA80A01H501U" in t.text(), "the CF is upper-cased as it is typed")
t.send("\x0f", 0.3)  # ^O
check(t.wait_for("Saved."), "^O saves")
t.send("\x1b0")
check(t.wait_for("Rossi Mario"), "Esc 0 goes back to the list")
t.send("r")
y = t.row_of("Rossi Mario")
check("Rossi Mario" in t.reversed_text(y), "typing r jumps to Rossi")
t.send(BACKSPACE + "c")
check("Caffè" in t.reversed_text(t.row_of("Caffè Società srl")), "typing c jumps to Caffè")

# a version conflict: someone else saves the record while the form is open
t.send(ENTER)
check(t.wait_for("Customers & suppliers - Edit"), "Enter opens the highlighted record")
db = sqlite3.connect(book)
db.execute("UPDATE parties SET city = 'Roma', version = version + 1 WHERE name LIKE 'Caff%'")
db.commit()
db.close()
t.send("\x1b[A" * 0 + TAB * 5 + "\x05" + " Centro")  # to City, End, type
t.send(F[2], 0.3)
check(t.wait_for("Not saved: changed by someone else"), "a record changed elsewhere is refused")
check("Milano Centro" in t.text(), "what was typed stays on the screen")
check([r[3] for r in rows() if r[0].startswith("Caff")] == ["Roma"], "the other save is kept")
t.send(F[10])
check(t.wait_for("Save changes?"), "leaving with changes asks first")
t.send("n")
check(t.wait_for("F5 New"), "n leaves the form without saving")

# delete with a question
t.send("\x1b[B")  # to Rossi
t.send(F[8])
check(t.wait_for('Delete "Rossi Mario"?'), "F8 asks before deleting")
t.send("n")
check(len(rows()) == 2, "n keeps it")
t.send(F[8])
t.wait_for('Delete "Rossi Mario"?')
t.send("y", 0.3)
check(t.wait_for("Deleted."), "y deletes it")
check([r[0] for r in rows()] == ["Caffè Società srl"], "the book has one customer left")
check("Rossi" not in t.text(), "and the list shows it no more")

# help from the list
t.send(F[1])
check(t.wait_for("On this screen:"), "F1 shows the help")
check("F5 Esc-5 ^N" in t.text(), "with every key of an action")
t.send(F[10])

# resize
t.resize(100, 30)
os.kill(t.pid, signal.SIGWINCH)
ok_resize = False
end = time.time() + 3
while time.time() < end and not ok_resize:
    t.pump(0.1)
    # pyte shows the line-drawing set's corner as its letter, k
    ok_resize = "F10 Back" in t.line(29) and t.line(1).rstrip()[-1:] in ("k", "┐") and \
        len(t.line(1).rstrip()) == 100
check(ok_resize, "after a resize to 100x30 the frame is redrawn to fit")

t.send(F[10])
t.send(F[10])
check(t.wait_for("End the session?"), "F10 at the menu asks before ending the session")
t.send("y")
check(t.finish() == 0, "y then quits with status 0")

# a vt100: no F5, no BackTab; ESC digit and Ctrl keys work
t = Tui(book, term="vt100")
check(t.wait_for("Main menu"), "vt100: the main menu shows")
t.send(ENTER)
t.wait_for("Caffè")
check("^N New" in t.line(23), "vt100: the key line shows ^N for New: " + t.line(23).strip())
t.send("\x1b")
time.sleep(0.3)
t.send("5")
check(t.wait_for("Customers & suppliers - New"), "vt100: Esc, a pause, then 5 is New")
t.send("Bianchi" + TAB + "12345678903" + "\x1b[Z")  # BackTab is unknown on a vt100: ignored
check("Customers & suppliers - New" in t.text(), "an unknown sequence does not leave the form")
t.send("\x0b" + "\x05" + "X")  # ^K to the name (^P prints), ^E (End) into its text
check("BianchiX" in t.text(), "^K goes to the previous field, ^E into its text")
t.send(TAB + TAB + "RSSMRA80A01H501U")  # a party in Italy needs a P.IVA or a CF
t.send("\x1b2", 0.3)
check(t.wait_for("Saved."), "Esc 2 saves")
t.send("\x18")  # ^X
t.send("\x18")
t.send("\x18")
check(t.wait_for("End the session?"), "^X three times asks before ending the session")
t.send("y")
check(t.finish() == 0, "and y quits")

# Italian
t = Tui(book, lang="it_IT.UTF-8")
check(t.wait_for("Menu principale"), "Italian: Menu principale")
check("Clienti e fornitori" in t.text(), "Italian: Clienti e fornitori")
check("F1 Aiuto" in t.line(23) and "F10 Esci" in t.line(23), "Italian key line: " + t.line(23).strip())
t.send(ENTER)
t.send(F[5])
check(t.wait_for("Città"), "Italian form labels")
check("Codice SDI" in t.text() and "Indirizzo" in t.text(), "Italian labels fit")
t.send(F[10])
t.send(F[10])
t.send(F[10])
t.send("y")  # ends the session
check(t.finish() == 0, "Italian: quits with status 0")

# a longer list: read by pages as the cursor moves
db = sqlite3.connect(book)
db.executemany("INSERT INTO parties (name) VALUES (?)", [("Cliente %03d" % i,) for i in range(60, 0, -1)])
db.commit()
db.close()
t = Tui(book)
t.wait_for("Main menu")
t.send(ENTER)
check(t.wait_for("Cliente 016"), "a long list fills the page")
check("Cliente 017" not in t.text(), "and no more than the page")


def current():
    for y in range(t.screen.lines):
        r = t.reversed_text(y)
        if r.startswith("Cliente") or r.startswith("Caff") or r.startswith("Bianchi"):
            return r.split("  ")[0]
    return None


check(current() == "BianchiX", "the cursor starts on the first name")
t.send("\x1b[6~")
check(current() == "Cliente 017", "PgDn shows the next page: %s" % current())
t.send("\x1bOF")
check(current() == "Cliente 060", "End goes to the last name: %s" % current())
t.send("\x1bOA" * 20, 0.5)
check(current() == "Cliente 040", "Up scrolls back one name at a time: %s" % current())
t.send("\x1bOH")
check(current() == "BianchiX", "Home goes to the first: %s" % current())
t.send("cliente 05")
check(current() == "Cliente 050", "typing a name's start jumps to it: %s" % current())
t.send("x")
check(t.wait_for('Name: nothing starts with "cliente 05x".'), "a start no name has is said")
t.send(F[3])
check(t.wait_for("Find in Name:"), "F3 asks what to find")
t.send("ffè" + ENTER)
check(current() == "Caffè Società srl", "and finds it: %s" % current())
t.send(F[10])
t.send(F[10])
t.send("y")  # ends the session
check(t.finish() == 0, "quits with status 0")

# a Wyse 60: its own codes, never an ANSI sequence
t = Tui(book, term="wy60")
t.pump(1.0)
t.send(ENTER, 0.5)
t.send("\x0e", 0.5)  # ^N: New
t.send("Caffè", 0.3)
t.send("\x18", 0.3)  # ^X, then n: leave without saving
t.send("n", 0.3)
t.send("\x18\x18", 0.3)
t.send("y")  # ends the session
check(t.finish() == 0, "wy60: runs and quits with status 0")
out = bytes(t.raw)
check(len(out) > 500 and b"\x1b[" not in out, "wy60: %d bytes, none an ANSI sequence" % len(out))
check(b"\x00" * 8 not in out, "wy60: no padding NULs")


# the form engine on a screen of its own (a copy of the share folder): a
# lookup, a choice list, two pages, a read-only field, F4 lists
import shutil

share = os.path.join(tmp, "share")
for d in ("keymaps", "data"):
    shutil.copytree(os.path.join(os.environ["SCRIVANO_SHARE"], d), os.path.join(share, d))
os.makedirs(os.path.join(share, "screens"))
with open(os.path.join(share, "screens", "parties.scr"), "w") as f:
    f.write("""screen parties "Customers & suppliers"
table  parties
list
  Name                              City
  [name                           ] [city              ]
end
layout
  Name           [name                                  ]
  Partita IVA    [piva       ]
  Referred by    [address                               ]
  Role           [ro]
end
layout
  City           [city                     ]  Prov. [pr]
  SDI code       [sdi    ]
end
fields
  name     text     required  max 80
  piva     partita_iva
  address  lookup   lookup parties  label "Referred by"
  ro       choice   field role  choices "C=Customer,S=Supplier,B=Both"  default C
  city     text     max 60
  pr       province field province
  sdi      sdi_code readonly
end
""")
os.environ["SCRIVANO_SHARE"] = share
F[4] = "\x1bOS"
PGDN, PGUP = "\x1b[6~", "\x1b[5~"
book2 = os.path.join(tmp, "book2.sqlite")


def party(name):
    db = sqlite3.connect(book2)
    r = db.execute("SELECT id, piva, address, role, city, province FROM parties WHERE name = ?",
                   (name,)).fetchall()
    db.close()
    return r


t = Tui(book2)
t.wait_for("Main menu")
t.send(ENTER)
t.wait_for("Nothing here yet")
t.send(F[5])
check(t.wait_for("Customers & suppliers - New (1/2)"), "a form with two layouts shows page 1/2")
check("City" not in t.text(), "page 1 does not show page 2's fields")
t.send("Alfa srl" + TAB + "07654321004" + TAB + "nob" + TAB, 0.3)
check(t.wait_for("Referred by: nothing starts with 'nob'"), "a lookup to nothing is refused on leaving it")
check(t.screen.cursor.y == t.row_of("Referred by    ["), "the cursor stays on the lookup field")
t.send(BACKSPACE * 3 + TAB + BACKSPACE + "x" + TAB, 0.3)
check(t.wait_for("Role: 'X' is not in the list; F4 shows it"), "a code not among the choices is refused")
t.send(F[4], 0.3)
check(t.wait_for("Customer") and "S      Supplier" in t.text(), "F4 lists the choices with their descriptions")
t.send("s", 0.3)
check("S      Supplier" in t.reversed_text(t.row_of("S      Supplier")), "typing searches the list")
t.send(ENTER, 0.3)
check("[S ]" in t.line(t.row_of("Role           [")), "Enter fills the field with the code")
t.send(TAB, 0.3)
check(t.wait_for("Customers & suppliers - New (2/2)"), "Tab from page 1's last field goes to page 2")
t.send(PGUP, 0.3)
check(t.wait_for("(1/2)") and "Partita IVA" in t.text(), "PgUp goes back to page 1")
t.send(PGDN, 0.3)
check(t.wait_for("(2/2)") and t.screen.cursor.y == t.row_of("City           ["), "PgDn to page 2, on its first field")
t.send("Milano" + TAB + F[4], 0.3)
check(t.wait_for("TO     Torino"), "F4 on a province lists data/provinces.txt")
t.send("mil", 0.3)
check("Milano" in t.reversed_text(t.row_of("MI     Milano")), "incremental search finds Milano")
t.send(ENTER + TAB, 0.3)
check(t.wait_for("(1/2)") and t.screen.cursor.y == t.row_of("Name           ["),
      "Tab skips the read-only SDI code and wraps to the first field")
t.send(F[2], 0.5)
check(t.wait_for("Saved."), "the form saves")
alfa = party("Alfa srl")
check(len(alfa) == 1 and alfa[0][3:] == ("S", "Milano", "MI"), "role and province as chosen: %r" % (alfa,))
t.send(F[10])
t.wait_for("Alfa srl")
t.send(F[5])
t.wait_for("- New (1/2)")
t.send("Beta spa" + TAB + "12345678903" + TAB + "alf" + TAB, 0.3)
check("Alfa srl" in t.line(t.row_of("Referred by    [")), "a typed name that exists fills the lookup without the list")
t.send("\x1b[Z" + BACKSPACE * 8 + F[4], 0.3)
check(t.wait_for("Search:") and "Alfa srl" in t.text(), "F4 on a lookup lists the target table")
t.send(ENTER + F[2], 0.5)
check(t.wait_for("Saved."), "saved with the chosen record")
beta = party("Beta spa")
check(len(beta) == 1 and beta[0][2] == str(alfa[0][0]), "the lookup keeps the target's id: %r" % (beta,))
t.send(F[10])
t.send(F[10])
t.send(F[10])
t.send("y")  # ends the session
check(t.finish() == 0, "quits with status 0")

sys.exit(done())
