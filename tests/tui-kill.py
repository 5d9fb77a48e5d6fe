# Nothing saved is ever lost: `scrivano tui` on a real pty saves customers
# one after another, and is killed with SIGKILL at random moments (while a
# name is being typed, right after the save key, a moment after it, after
# the screen said "Saved."), then started again on the same book. After the
# run: PRAGMA integrity_check is ok, every customer whose save the screen
# acknowledged is in the book once, and `scrivano book verify` is clean.
# KILL_SAVES (default 200) and KILL_SECONDS (default 40) bound the run;
# bench/kill.sh runs it with thousands. KILL_SEED repeats a run.
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptytui import F, TAB, ENTER, SCRIVANO, Tui, check, done  # noqa: E402

SAVES = int(os.environ.get("KILL_SAVES", "200"))
SECONDS = float(os.environ.get("KILL_SECONDS", "40"))
SEED = int(os.environ.get("KILL_SEED", str(int(time.time()))))
rng = random.Random(SEED)
print("# seed %d, at most %d saves in %.0f s" % (SEED, SAVES, SECONDS), flush=True)

tmp = tempfile.mkdtemp(prefix="scrivano-kill-")
book = os.path.join(tmp, "kill.sqlite")
subprocess.run([SCRIVANO, "book", "init", book], check=True, stdout=subprocess.DEVNULL)

acked = []  # names the screen said were saved
sent = 0    # saves whose key was sent
kills = {"typing": 0, "save key": 0, "after save key": 0, "acknowledged": 0}
starts = 0
t = None


def kill(where):
    kills[where] += 1
    os.kill(t.pid, signal.SIGKILL)
    os.waitpid(t.pid, 0)
    os.close(t.fd)


def start():
    """A new session, on the customers' list; a draft the killed one left
    is discarded. True when the list is there."""
    global t, starts
    starts += 1
    t = Tui(book, term="xterm", cols=80, rows=24, pause=0.01)
    for _ in range(20):
        shown = wait_any(("Unsaved", "Quit"), 5)
        if shown == "Unsaved":  # a draft the killed session left
            t.send(F[8], 0.05)  # discarded
            continue
        if shown is None:
            stuck("a new session's menu")
            return False
        break
    t.send(ENTER, 0.01)
    if t.wait_for("F5 New", 5):
        return True
    stuck("a new session")
    return False


def wait_any(texts, timeout):
    """The first of texts on the screen, or None after timeout."""
    end = time.time() + timeout
    while time.time() < end:
        t.pump(0.03)
        for s in texts:
            if s in t.text():
                return s
    return None


def stuck(where):
    check(False, "the session goes on (%s)" % where)
    print("# " + t.text().replace("\n", "\n# "), flush=True)


def status_line():
    return t.line(t.screen.lines - 3) + " " + t.line(t.screen.lines - 2)


end = time.time() + SECONDS
alive = start()
check(alive, "the first session opens the customers' list")
n = 0
while alive and n < SAVES and time.time() < end:
    n += 1
    name = "Cliente %05d" % n
    point = rng.random()
    t.send(F[5], 0.01)
    if not t.wait_for("F2 Save", 5):
        stuck("the new form")
        break
    if point < 0.06:  # between keystrokes, halfway through the name
        cut = rng.randrange(1, len(name))
        t.send(name[:cut], 0.0)
        time.sleep(rng.random() * 0.01)
        kill("typing")
        alive = start()
        continue
    t.send(name + TAB + "01234567897", 0.01)
    if "Saved." in status_line():
        t.pump(0.05)
    t.send(F[2], 0.0)
    sent += 1
    if point < 0.12:  # right after the save key
        kill("save key")
        alive = start()
        continue
    if point < 0.18:  # a moment after it, the save under way or just done
        time.sleep(rng.random() * 0.02)
        t.pump(0.0)
        if "Saved." in status_line():
            acked.append(name)
        kill("after save key")
        alive = start()
        continue
    if not t.wait_for("Saved.", 5):
        check(False, "save %d acknowledged: %s" % (n, status_line().strip()))
        break
    acked.append(name)
    if point < 0.22:  # after the acknowledgement
        kill("acknowledged")
        alive = start()
        continue
    t.send(F[10], 0.01)
    if not t.wait_for("F5 New", 5):
        stuck("back to the list")
        break

if alive:
    kill("acknowledged")
print("# %d saves sent, %d acknowledged, %d sessions; killed: %s"
      % (sent, len(acked), starts, ", ".join("%s %d" % kv for kv in kills.items())), flush=True)
check(len(acked) >= min(SAVES, 50) // 2, "many saves were acknowledged (%d)" % len(acked))
check(sum(kills.values()) >= 5, "the UI was killed again and again (%d)" % sum(kills.values()))

db = sqlite3.connect(book)
check(db.execute("PRAGMA integrity_check").fetchall() == [("ok",)], "integrity_check is ok")
names = [r[0] for r in db.execute("SELECT name FROM parties")]
missing = [a for a in acked if a not in names]
check(not missing, "every acknowledged save is in the book (%d missing: %s)"
      % (len(missing), " ".join(missing[:5])))
check(len(names) == len(set(names)), "none twice")
check(len(names) <= sent, "nothing more than what was saved (%d rows)" % len(names))
db.close()
run = subprocess.run([SCRIVANO, "book", "verify", book], capture_output=True, text=True)
check(run.returncode == 0, "the history verifies: %s%s" % (run.stdout.strip(), run.stderr.strip()))
if not os.environ.get("KEEP"):
    for f in os.listdir(tmp):
        os.unlink(os.path.join(tmp, f))
    os.rmdir(tmp)
sys.exit(done())
