# The key line offers the same keys in English and in Italian on every
# kind of screen (menu, list, search prompt, question, help, form, form
# with pages, line grid, F4 list) and terminal that pyte can read (not
# the Wyse), at 80x24, and no Italian
# label is cut: the labels are longer than the English ones, and the line
# once dropped F9 Filtro that the English showed.
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptytui import ENTER, TAB, Tui, check, done  # noqa: E402

tmp = tempfile.mkdtemp()
book = os.path.join(tmp, "book.sqlite")
ESC = "\x1b"
HELP, SEARCH, CHOOSE, NEW, DELETE, BACK = ESC + "1", ESC + "3", ESC + "4", ESC + "5", ESC + "8", ESC + "0"


def translations():
    """Every msgstr of the Italian catalogs (a label shown whole is one)."""
    top = os.environ.get("SCRIVANO_SHARE", os.path.join(os.path.dirname(__file__), ".."))
    out = set()
    for name in os.listdir(os.path.join(top, "po", "it")):
        with open(os.path.join(top, "po", "it", name), encoding="utf-8") as f:
            out.update(re.findall(r'^msgstr "(.+)"$', f.read(), re.M))
    return out


def keyline(t):
    """The bottom row as (key, label) pairs: keys are in reverse video."""
    row = t.screen.buffer[t.screen.lines - 1]
    pairs, key, label, in_key = [], "", "", False
    for x in range(t.screen.columns):
        c = row[x]
        if c.reverse and not in_key:
            if key:
                pairs.append((key, label.strip()))
            key, label, in_key = c.data, "", True
        elif c.reverse:
            key += c.data
        else:
            in_key = False
            label += c.data
    if key:
        pairs.append((key, label.strip()))
    return pairs


def settle(t, before, timeout=3.0):
    """Reads until the key line differs from before; its pairs."""
    for _ in range(int(timeout / 0.05)):
        if keyline(t) != before:
            break
        t.pump(0.05)
    t.pump(0.1)
    return keyline(t)


def stop(t):
    """Kills the program (SIGTERM makes it wait for a last key)."""
    os.kill(t.pid, signal.SIGKILL)
    os.waitpid(t.pid, 0)
    os.close(t.fd)


def walk(term, lang):
    """The key line of each kind of screen: {kind: [(key, label)]}."""
    t = Tui(book, term=term, lang=lang, pause=0.05)
    seen = {}
    t.wait_for("scrivano")
    seen["menu"] = settle(t, [])
    t.send(ENTER)
    seen["list"] = settle(t, seen["menu"])
    t.send(SEARCH)
    seen["prompt"] = settle(t, seen["list"])
    t.send(BACK)
    settle(t, seen["prompt"])
    t.send(DELETE)
    seen["question"] = settle(t, seen["list"])
    t.send(BACK)
    settle(t, seen["question"])
    t.send(HELP)
    seen["help"] = settle(t, seen["list"])
    t.send(BACK)
    settle(t, seen["help"])
    t.send(NEW)
    seen["form"] = settle(t, seen["list"])
    for _ in range(6):  # to the province, a code list
        t.send(TAB)
    t.send(CHOOSE)
    seen["pick"] = settle(t, seen["form"])
    t.send(BACK)
    settle(t, seen["pick"])
    for _ in range(40):  # on to the contacts grid
        t.send(TAB)
        if keyline(t) != seen["form"]:
            break
    seen["grid"] = keyline(t)
    stop(t)
    # the company profile: a form of two pages
    t = Tui(book, term=term, lang=lang, pause=0.05)
    t.wait_for("scrivano")
    menu = settle(t, [])
    t.send("\x1b[B" * 4 + ENTER)
    seen["pages"] = settle(t, menu)
    stop(t)
    return seen


subprocess.run([os.environ["SCRIVANO"], "book", "init", book], check=True, stdout=subprocess.DEVNULL)
db = sqlite3.connect(book)
db.execute("INSERT INTO parties (name) VALUES ('Alfa Srl')")
db.commit()
db.close()

italian = translations()
for term in ("xterm", "vt100", "vt220", "putty", "linux"):
    en, it = walk(term, "C.UTF-8"), walk(term, "it_IT.UTF-8")
    for kind in en:
        keys_en = [k for k, _ in en[kind]]
        keys_it = [k for k, _ in it.get(kind, [])]
        check(len(keys_en) > 0 and keys_en == keys_it,
              "%s %s: the same keys in both languages: %s / %s" % (term, kind, en[kind], it.get(kind)))
        cut = [lab for _, lab in it.get(kind, []) if lab not in italian]
        check(not cut, "%s %s: no Italian label cut or untranslated: %s" % (term, kind, cut))
sys.exit(done())
