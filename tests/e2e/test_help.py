"""Help where the cursor is (issue 10, point 7), end to end: a real OpenSSH
client on an 80x24 terminal opens a new supplier and presses F1 on its
partita IVA field. A box beside the field shows the field's label, the help
text of screens/parties.scr and the field's rule in words, each whole
(wrapped at the terminal's width, nothing cut at the box's edge), and the
field stays in sight; a second F1 shows the keys, whose long lines wrap
too; Back returns to the form as it was. F1 on a cell of the contacts grid
shows that column's help. The same in Italian, with LANG=it_IT.UTF-8 sent
by the client: the Italian help text, rule and keys."""

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap  # noqa: E402

tap = Tap()

F1, F5, F10, PGDN = "\x1bOP", "\x1b[15~", "\x1b[21~", "\x1b[6~"
TAB = "\t"
# the parties form: the P.IVA is the second field, the contacts grid comes
# after the 30 fields (screens/parties.scr)
TABS_PIVA_TO_GRID = 29

ENGLISH = {
    "menu": "Main menu", "suppliers": "Suppliers", "new": "Suppliers - New",
    "label": "Partita IVA", "keys": "Keys", "on_this_screen": "On this screen:",
    "help": "The party's VAT number. In Italy 11 digits with a valid check digit; for a "
            "party abroad its VAT number without the country code (2 to 28 letters and "
            "digits), the country being the VAT country. A party in Italy needs it or the "
            "codice fiscale.",
    "rules": ["Text, as typed; blanks at its start and end are dropped.",
              "Optional: it may be left empty.",
              "Letters become capitals.",
              "At most 28 characters; the field shows 16 at a time."],
    "key_line": "F1 Keys",
    # the New action's line of the keys screen, 76 columns with its keys:
    # cut at 80 columns before the keys screen wrapped
    "long_key": "add a new record; in a line grid, a line at the end",
    "contact": "Contact", "contact_help": "A contact person at the party.",
}
ITALIAN = {
    "menu": "Menu principale", "suppliers": "Fornitori", "new": "Fornitori - Nuovo",
    "label": "Partita IVA", "keys": "Tasti", "on_this_screen": "In questa schermata:",
    "help": "Il numero di partita IVA della controparte. In Italia 11 cifre con la cifra di "
            "controllo corretta; per una controparte estera il suo numero IVA senza il codice "
            "del paese (da 2 a 28 lettere e cifre), il paese essendo il paese IVA. Una "
            "controparte in Italia deve avere questa o il codice fiscale.",
    "rules": ["Testo, come scritto; gli spazi all'inizio e alla fine vengono tolti.",
              "Facoltativo: può restare vuoto.",
              "Le lettere diventano maiuscole.",
              "Al massimo 28 caratteri; il campo ne mostra 16 alla volta."],
    "key_line": "F1 Tasti",
    "long_key": "aggiunge una nuova scheda; in una griglia di righe, una riga in fondo",
    "contact": "Referente", "contact_help": "Una persona di riferimento presso la controparte.",
}


def box(c, title):
    """The box on the screen whose top border holds ` title `: its inner
    lines (border and blanks at their ends dropped), and whether every
    line of it ends at its right border (nothing drawn past it)."""
    lines = c.screen.display
    top = next((y for y, l in enumerate(lines) if re.search(r"┌─ %s ─" % re.escape(title), l)),
               None)
    if top is None:
        return None, False
    left = lines[top].index("┌")
    right = lines[top].rindex("┐")
    inner, closed = [], True
    for l in lines[top + 1:]:
        if l[left] == "└":
            break
        closed = closed and l[left] == "│" and l[right] == "│"
        inner.append(l[left + 1:right].strip())
    return inner, closed


def wait_until(c, cond, timeout=5):
    """Waits until cond() holds for the screen as painted so far; True or
    False."""
    end = time.time() + timeout
    while not cond():
        left = end - time.time()
        if left <= 0 or (not c.pump(min(left, 0.1)) and c.master is None):
            return cond()
    return True


def wait_gone(c, pattern, timeout=5):
    """Waits until nothing on the screen matches pattern (a regex)."""
    return wait_until(c, lambda: not re.search(pattern, c.screen_text()), timeout)


def box_text(c, title):
    return joined(box(c, title)[0] or [])


def joined(lines):
    """The box's text as one paragraph: its lines joined by a blank."""
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


def check_help(c, t, lang):
    c.send("3")
    tap.ok("%s: 3 opens the suppliers" % lang, c.wait_for(t["suppliers"], 10), c.screen_text())
    c.send(F5)
    tap.ok("%s: F5 opens a new supplier" % lang, c.wait_for(t["new"], 5), c.screen_text())
    c.send(TAB)  # the cursor moves to the partita IVA
    c.send(F1)
    tap.ok("%s: F1 on the P.IVA field opens a box named by its label" % lang,
           c.wait_for(re.compile(r"┌─ %s ─" % t["label"]), 5), c.screen_text())
    wait_until(c, lambda: t["rules"][-1] in box_text(c, t["label"]))  # drawn to its end
    inner, closed = box(c, t["label"])
    text = joined(inner or [])
    tap.ok("%s: the box shows the field's help text whole" % lang, t["help"] in text,
           c.screen_text())
    for rule in t["rules"]:
        tap.ok("%s: and its rule: %s" % (lang, rule), rule in text, c.screen_text())
    tap.ok("%s: its text is wrapped inside the box, nothing cut at its edge" % lang,
           closed and inner and all(len(l) <= 74 for l in inner), c.screen_text())
    tap.ok("%s: the P.IVA field stays in sight beside the box" % lang,
           re.search(r"%s\s+\[\s*\]\s+Codice fiscale" % t["label"], c.screen_text()),
           c.screen_text())
    tap.ok("%s: the key line offers F1 for the keys" % lang,
           c.screen.display[-1].startswith(t["key_line"]), c.screen.display[-1])
    c.send(F1)
    tap.ok("%s: a second F1 shows the keys" % lang, c.wait_for(t["on_this_screen"], 5),
           c.screen_text())
    wait_until(c, lambda: t["on_this_screen"] in box_text(c, t["keys"]))
    if t["long_key"] not in box_text(c, t["keys"]):
        # the parties' commands (dunning's) take the first page's end
        c.send("\x1b[6~")
    wait_until(c, lambda: t["long_key"] in box_text(c, t["keys"]))
    inner, closed = box(c, t["keys"])
    if t["long_key"] not in joined(inner or []):
        # the commands of the parties' records come first: the line may
        # begin at the foot of the page and go on at the top of the next
        first = inner or []
        c.send(PGDN)
        wait_until(c, lambda: box_text(c, t["keys"]) != joined(first))
        more, more_closed = box(c, t["keys"])
        inner, closed = first + (more or []), closed and more_closed
    tap.ok("%s: the keys screen wraps its long lines: '%s' whole" % (lang, t["long_key"]),
           t["long_key"] in joined(inner or []) and closed, c.screen_text())
    c.send(F10)
    tap.ok("%s: Back from the keys returns to the form, the help box closed" % lang,
           wait_gone(c, r"┌─ (%s|%s) ─" % (t["label"], t["keys"])) and c.wait_for(t["new"], 5),
           c.screen_text())
    c.send(TAB * TABS_PIVA_TO_GRID)
    c.send(F1)
    tap.ok("%s: F1 in the contacts grid shows the column's help" % lang,
           c.wait_for(re.compile(r"┌─ %s ─" % t["contact"]), 5) and
           c.wait_for(t["contact_help"], 5), c.screen_text())
    c.send(F10)
    tap.ok("%s: and Back closes it" % lang,
           wait_gone(c, re.escape(t["contact_help"])) and c.wait_for(t["new"], 5),
           c.screen_text())


def main():
    # two users: what one session leaves open is never offered to the other
    with Server(users={"anna": "pw-anna", "bruno": "pw-bruno"}, tap=tap) as srv:
        with srv.client("anna", "pw-anna", cols=80, rows=24) as c:
            tap.ok("the main menu is painted", c.wait_for(ENGLISH["menu"], 10), c.screen_text())
            check_help(c, ENGLISH, "English")
        with srv.client("bruno", "pw-bruno", cols=80, rows=24,
                        env={"LANG": "it_IT.UTF-8"}) as c:
            tap.ok("with LANG=it_IT.UTF-8 the menu is in Italian",
                   c.wait_for(ITALIAN["menu"], 10), c.screen_text())
            check_help(c, ITALIAN, "Italian")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
