# The title line's breadcrumb and the form's box name what is open: the
# company profile, a record that exists once, is "Company profile", never
# "Edit" or "New"; a register's form still says which it is.
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptytui import ENTER, Tui, check, done  # noqa: E402

tmp = tempfile.mkdtemp()
book = os.path.join(tmp, "book.sqlite")
subprocess.run([os.environ["SCRIVANO"], "book", "init", book], check=True,
               stdout=subprocess.DEVNULL)
DOWN, NEW, BACK = "\x1b[B", "\x1b5", "\x1b0"


def stop(t):
    os.kill(t.pid, 9)
    os.waitpid(t.pid, 0)
    os.close(t.fd)


for lang, menu, profile, parties, new in (
        ("C.UTF-8", "Main menu", "Company profile", "Customers & suppliers", "New"),
        ("it_IT.UTF-8", "Menu principale", "Dati dell'azienda", "Clienti e fornitori", "Nuovo")):
    t = Tui(book, lang=lang)
    check(t.wait_for(menu), "%s: the main menu" % lang)
    t.send(DOWN * 4 + ENTER)
    check(t.wait_for(profile + " (1/2)"), "%s: the company profile's box: %s" % (lang, t.line(2).strip()))
    title = t.line(0)
    check("%s > %s " % (menu, profile) in title, "%s: its breadcrumb names it: %s" % (lang, title.strip()))
    check(" Edit" not in title and " New" not in title and " Modifica" not in title
          and " Nuovo" not in title, "%s: and not Edit or New" % lang)
    check("- Edit" not in t.line(2) and "- New" not in t.line(2) and "- Nuovo" not in t.line(2)
          and "- Modifica" not in t.line(2), "%s: nor does its box" % lang)
    stop(t)
    t = Tui(book, lang=lang)
    t.wait_for(menu)
    t.send(ENTER)
    t.wait_for(parties)
    t.send(NEW)
    check(t.wait_for("%s - %s" % (parties, new)), "%s: a register's form says New" % lang)
    check("%s > %s" % (parties, new) in t.line(0), "%s: in its breadcrumb too: %s" % (lang, t.line(0).strip()))
    stop(t)
sys.exit(done())
