# scrivano book backup and restore (src/book/backup.c, src/cli/backup.c):
# backups taken while a session types customers into a book on a pty, each
# opening, verifying and holding every row saved before it started; the
# same while a writer commits into a book in rollback mode; restore refused
# while the session is open, then done, the replaced book kept; damaged
# backups refused with the book unchanged; a data folder of users backed up
# at once, with the retention keeping exactly N daily and M monthly; a
# SIGTERM while it copies leaves no temporary.
import hashlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptytui import ENTER, F, TAB, Tui, check, done  # noqa: E402
from ptytui import SCRIVANO  # noqa: E402

tmp = tempfile.mkdtemp()
SEEDED = 30000  # rows enough that a backup and its check take a moment


def run(*args, env=None):
    """scrivano with args: (exit status, stdout, stderr)."""
    r = subprocess.run([SCRIVANO] + list(args), capture_output=True, text=True,
                       env=dict(os.environ, **(env or {})))
    return r.returncode, r.stdout, r.stderr


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def names(path):
    """The names of the book's parties; a book that cannot be read has a
    name of its own, saying why, that no other book has."""
    try:
        db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        r = {n for (n,) in db.execute("SELECT name FROM parties")}
        db.close()
        return r
    except sqlite3.Error as e:
        return {"(%s unreadable: %s)" % (path, e)}


def pragma(path, what):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    r = db.execute("PRAGMA " + what).fetchall()
    db.close()
    return r


def seed(book, prefix, n):
    db = sqlite3.connect(book)
    db.executemany("INSERT INTO parties (name, city, role, cf) VALUES (?, 'Roma', 'C', "
                   "'01234567897')", (("%s %06d" % (prefix, i),) for i in range(n)))
    db.commit()
    db.close()


def listing(d):
    return sorted(os.listdir(d))


book = os.path.join(tmp, "book.sqlite")
run("book", "init", book)
seed(book, "Seeded", SEEDED)
version = pragma(book, "user_version")[0][0]

# ---- backups while a session types ----
t = Tui(book, env={"SCRIVANO_TODAY": "2026-11-21"}, pause=0.1)
check(t.wait_for("Main menu", 8), "the session shows the main menu")
t.send(ENTER)
check(t.wait_for("Seeded 000000", 8), "and the customers list")
acked = []  # (name, when) of each save the screen acknowledged


def type_customer(name):
    t.send(F[5])
    if not t.wait_for("Customers & suppliers - New", 8):
        return False
    t.send(name + TAB + "01234567897")
    t.send(F[2], 0.2)
    ok = t.wait_for("Customers & suppliers - Edit", 8) and "Saved." in t.text()
    if ok:
        acked.append((name, time.time()))
    t.send(F[10])
    t.wait_for("F5 New", 8)
    return ok


def examine(out, before):
    """What a backup taken while typing must be: the problems found."""
    if not os.path.exists(out):
        return ["no file"]
    try:
        return examine_file(out, before)
    except sqlite3.Error as e:
        return ["unreadable: %s" % e]


def examine_file(out, before):
    bad = []
    if pragma(out, "integrity_check") != [("ok",)]:
        bad.append("integrity_check fails")
    if pragma(out, "user_version")[0][0] != version:
        bad.append("not at the book's schema version")
    got = names(out)
    if not before <= got or len([n for n in got if n.startswith("Seeded")]) != SEEDED:
        bad.append("rows saved before it are missing: %s" % sorted(before - got))
    with open(out, "rb") as f:
        f.seek(18)
        if f.read(2) != b"\x01\x01":
            bad.append("not in rollback-journal mode: a -wal would be needed")
    if os.path.exists(out + "-wal") or [n for n in os.listdir(tmp)
                                        if n.startswith(os.path.basename(out) + ".")]:
        bad.append("a WAL or temporary is left beside it")
    return bad


saved_ok = type_customer("Typed before")
# backups one after another, the whole time the session types
backups = []  # (file, names acknowledged before it started, start, end, status, output, problems)
stop = threading.Event()


def backer():
    while not stop.is_set():
        before, start = {n for n, _ in acked}, time.time()
        out = os.path.join(tmp, "during-%d.sqlite" % (len(backups) % 3))
        rc, so, se = run("book", "backup", book, out, "--force")
        end = time.time()
        backups.append((out, before, start, end, rc, so + se, examine(out, before)))


th = threading.Thread(target=backer)
th.start()
for k in range(10):
    saved_ok &= type_customer("Typed %02d" % k)
stop.set()
th.join()
check(saved_ok, "the session saved every customer typed (%d)" % len(acked))
during = [n for n, when in acked if any(b[2] <= when <= b[3] for b in backups)]
check(len(backups) >= 5 and during,
      "saves were acknowledged while backups ran (%d backups, %d saves during them)"
      % (len(backups), len(during)))
failed = [b for b in backups if b[4] != 0 or "checked" not in b[5]]
check(not failed, "every backup taken while typing succeeds and says it is checked%s"
      % (": " + failed[0][5].strip() if failed else ""))
bad = [b for b in backups if b[6]]
check(not bad, "every one is intact, at the book's version, a file of its own, and holds every "
      "row saved before it started%s" % (": %s %s" % (bad[0][0], bad[0][6]) if bad else ""))
check(max(len(b[1]) for b in backups) > min(len(b[1]) for b in backups),
      "the backups saw the rows grow (%d to %d typed)"
      % (min(len(b[1]) for b in backups), max(len(b[1]) for b in backups)))
last = backups[-1][0]
check(type_customer("Typed last"), "one more customer, after the last backup")

other = os.path.join(tmp, "other.sqlite")
rc, so, se = run("book", "backup", book, other)
check(rc == 0 and names(other) == names(book), "a backup without a session: " + so.strip())
rc, so, se = run("book", "backup", book, other)
check(rc == 1 and "already exists" in se, "an existing OUT is refused: " + se.strip())
rc, so, se = run("book", "backup", book, book, "--force")
check(rc == 1 and "is the book itself" in se, "the book onto itself is refused: " + se.strip())
rc, so, se = run("book", "backup", os.path.join(tmp, "none.sqlite"), os.path.join(tmp, "n2"))
check(rc == 1 and "no book" in se and not os.path.exists(os.path.join(tmp, "none.sqlite")),
      "a missing book is refused, not made: " + se.strip())

# ---- restore refused while the session has the book open ----
book_sha, files = sha(book), listing(tmp)
rc, so, se = run("book", "restore", last, book)
check(rc == 1 and "is open" in se and "nothing was changed" in se,
      "restore while the session is open is refused: " + se.strip())
check(sha(book) == book_sha and listing(tmp) == files, "and the book is unchanged, nothing added")
# the session dies as in a crash: its WAL stays beside the book, holding saves
os.kill(t.pid, signal.SIGKILL)
os.waitpid(t.pid, 0)
check(os.path.getsize(book + "-wal") > 0, "the killed session left its WAL beside the book")

# ---- restore of a backup ----
old_rows = names(book)
check(old_rows - names(last), "the book has rows the backup lacks (typed after it)")
rc, so, se = run("book", "restore", last, book)
kept = re.search(r"kept as (\S+)", so)
check(rc == 0 and "restored from %s" % last in so and kept is not None,
      "restore succeeds and names where the replaced book is kept: " + (so + se).strip())
kept = kept.group(1) if kept else ""
check(names(book) == names(last) and sha(book) == sha(last),
      "the book's rows are the backup's (byte for byte)")
check(os.path.dirname(kept) == tmp and re.match(r"book\.sqlite\.replaced-\d{8}-\d{6}$",
                                                os.path.basename(kept)) is not None,
      "the replaced book is kept beside it with a timestamp: " + os.path.basename(kept))
check(os.path.exists(kept) and os.path.exists(kept + "-wal") and names(kept) == old_rows,
      "and it holds the rows it had, its WAL moved with it")
check(not os.path.exists(book + "-wal"), "no WAL of the old book is left beside the new")
rc, so, se = run("book", "init", book)
check(rc == 0 and "ready" in so, "the restored book opens as a book: " + so.strip())
rc, so, se = run("book", "verify", book)
# The rows seed() wrote with sqlite3 are outside the history, and verify
# says so of each; anything else it reports (a broken chain, a row typed in
# the session that differs from its entry) the backup or the restore broke.
outside = re.compile(r"^parties \d+: not in the history: written outside scrivano$")
other = [line for line in (so + se).splitlines() if line and not outside.match(line)]
check(rc in (0, 1) and not other,
      "scrivano book verify on the restored book: its chain holds, every row written "
      "by scrivano matches its entry (only the rows seeded with sqlite3 are named): " +
      "; ".join(other[:5]))
t = Tui(book, env={"SCRIVANO_TODAY": "2026-11-21"}, pause=0.1)
t.wait_for("Main menu", 8)
if "F2 Resume" in t.text():  # the backup caught a form being typed: its draft is kept too
    t.send(F[10])
    t.wait_for("Main menu", 8)
t.send(ENTER)
if not check(t.wait_for("F5 New", 8) and type_customer("Typed after restore"),
             "a session types into the restored book"):
    print("# " + t.text().replace("\n", "\n# "))
t.send(F[10])
t.send("y")
t.finish()

# ---- damaged backups refused, the book unchanged ----
good = os.path.join(tmp, "good.sqlite")
check(run("book", "backup", book, good)[0] == 0, "a good backup to damage")
damaged = os.path.join(tmp, "damaged")
os.mkdir(damaged)


def damage(name, how):
    path = os.path.join(damaged, name)
    shutil.copyfile(good, path)
    how(path)
    return path


def truncate(path):
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) // 2)


def flip_page(path):
    root = sqlite3.connect(path).execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'parties'").fetchone()[0]
    size = pragma(path, "page_size")[0][0]
    with open(path, "r+b") as f:
        f.seek((root - 1) * size)
        page = f.read(size)
        f.seek((root - 1) * size)
        f.write(bytes(b ^ 0xFF for b in page))


def set_sql(sql):
    def how(path):
        db = sqlite3.connect(path)
        db.executescript(sql)
        db.close()
    return how


def not_a_db(path):
    with open(path, "w") as f:
        f.write("name;city\nAlfa;Roma\n")


def plain_db(path):
    os.unlink(path)
    set_sql("CREATE TABLE notes (t TEXT)")(path)


def with_wal(path):
    with open(path + "-wal", "wb") as f:
        f.write(b"\x37\x7f\x06\x82" + bytes(28))


cases = [
    ("live.sqlite", with_wal, "has a WAL file beside it"),
    ("truncated.sqlite", truncate, "is damaged"),
    ("flipped.sqlite", flip_page, "fails its integrity check"),
    ("csv.sqlite", not_a_db, "not an SQLite database"),
    ("newer.sqlite", set_sql("PRAGMA user_version = %d" % (version + 1)),
     "has schema version %d; this scrivano knows up to %d" % (version + 1, version)),
    ("plain.sqlite", plain_db, "not a scrivano book"),
    ("no-table.sqlite", set_sql("DROP TABLE articles"), "lacks table articles"),
]
for name, how, says in cases:
    path = damage(name, how)
    book_sha, back_sha, files = sha(book), sha(path), listing(tmp)
    rc, so, se = run("book", "restore", path, book)
    check(rc == 1 and says in se and "nothing was changed" in se,
          "restore of %s is refused: %s" % (name, se.strip()))
    check(sha(book) == book_sha and sha(path) == back_sha and listing(tmp) == files,
          "%s: the book and the backup are unchanged, nothing left beside them" % name)
rc, so, se = run("book", "restore", book, book)
check(rc == 1 and "is the book itself" in se, "the book onto itself is refused")

# ---- backup in rollback mode while a writer commits ----
rb = os.path.join(tmp, "rollback.sqlite")
run("book", "init", rb)
seed(rb, "Seeded", SEEDED)
db = sqlite3.connect(rb)
db.execute("PRAGMA journal_mode = DELETE")
db.close()
committed = []
stop = threading.Event()


def writer():
    w = sqlite3.connect(rb, timeout=20, isolation_level=None)
    i = 0
    while not stop.is_set():
        w.execute("BEGIN IMMEDIATE")
        w.execute("INSERT INTO parties (name, cf) VALUES (?, '01234567897')", ("Written %d" % i,))
        w.execute("COMMIT")
        committed.append("Written %d" % i)
        i += 1
        time.sleep(0.005)
    w.close()


th = threading.Thread(target=writer)
th.start()
rb_results = []
for r in range(3):
    time.sleep(0.2)
    before = set(committed)
    out = os.path.join(tmp, "rb-%d.sqlite" % r)
    rc, so, se = run("book", "backup", rb, out)
    rb_results.append((out, before, rc, so + se))
stop.set()
th.join()
check(pragma(rb, "journal_mode") == [("delete",)],
      "the second book is still in rollback mode: the backups left it as it was")
for out, before, rc, msg in rb_results:
    base = os.path.basename(out)
    check(rc == 0 and pragma(out, "integrity_check") == [("ok",)],
          "%s: the backup in rollback mode, a writer committing, is sound: %s" % (base, msg.strip()))
    check(before and before <= names(out),
          "%s: it holds the %d rows committed before it started" % (base, len(before)))

# ---- a data folder: every user's book, the retention ----
data = os.path.join(tmp, "data")
for user in ("anna", "bruno", "carla", "dario"):
    subprocess.run([SCRIVANO, "user", "add", user, "--data", data], input="pw\n", text=True,
                   capture_output=True, check=True)
for user in ("anna", "bruno"):
    run("book", "init", os.path.join(data, "books", user + ".sqlite"))
    seed(os.path.join(data, "books", user + ".sqlite"), user.capitalize(), 3)
with open(os.path.join(data, "books", "dario.sqlite"), "w") as f:
    f.write("not a book\n")  # carla has none yet; dario's is broken
to = os.path.join(tmp, "backups")
os.mkdir(to)


def fake(name):
    with open(os.path.join(to, name), "w") as f:
        f.write("an old backup\n")


anna_old = ["2026-09-%02d" % d for d in range(1, 31)] + ["2026-10-%02d" % d for d in range(1, 32)] \
    + ["2026-11-%02d" % d for d in range(1, 21)] + ["2025-%02d-15" % m for m in range(1, 13)] \
    + ["2026-%02d-%02d" % (m, d) for m in range(1, 9) for d in (3, 15)]
for d in anna_old:
    fake("anna-%s.sqlite" % d)
dario_old = ["dario-2026-11-%02d.sqlite" % d for d in range(1, 7)]
for n in dario_old:
    fake(n)
others = ["annabel-2026-01-01.sqlite", "anna-x-2026-01-01.sqlite", "anna-2026-01-01.sqlite.txt",
          "anna-2026-02-30x.sqlite", "notes.txt"]
for n in others:
    fake(n)
rc, so, se = run("book", "backup", "--data", data, "--to", to, "--keep-daily", "3",
                 "--keep-monthly", "4", env={"SCRIVANO_TODAY": "2026-11-21"})
report = so + se
check(rc == 1, "the data-folder run fails, as one book failed (status %d)" % rc)
for user in ("anna", "bruno"):
    out = os.path.join(to, "%s-2026-11-21.sqlite" % user)
    check(re.search(r"^%s: backed up to %s \(\d+ KiB, schema version %d, checked\)$"
                    % (user, re.escape(out), version), report, re.M) is not None,
          "the report says %s's book is backed up, with its size" % user)
    check(os.path.exists(out) and names(out) == names(os.path.join(data, "books",
                                                                   user + ".sqlite")),
          "%s's backup, named by user and date, holds %s's rows" % (user, user))
check(re.search(r"^carla: no book yet", report, re.M) is not None, "carla has no book yet: said")
check(re.search(r"^dario: FAILED: .*dario\.sqlite.*not an SQLite database", report, re.M)
      is not None, "dario's broken book is a failure, with why")
anna_kept = sorted(n for n in os.listdir(to) if re.match(r"anna-\d{4}-\d\d-\d\d\.sqlite$", n))
want = ["anna-%s.sqlite" % d for d in
        ("2026-08-15", "2026-09-30", "2026-10-31", "2026-11-19", "2026-11-20", "2026-11-21")]
check(anna_kept == want, "retention keeps exactly anna's 3 daily and 4 monthly: %s" % anna_kept)
removed = len(anna_old) + 1 - len(want)
check(len(re.findall(r"^anna: removed by retention: ", report, re.M)) == removed,
      "the report names each of the %d removed" % removed)
check(sorted(n for n in os.listdir(to) if n.startswith("dario")) == dario_old,
      "a book that failed keeps all its old backups")
check(all(os.path.exists(os.path.join(to, n)) for n in others),
      "files not USER-DATE.sqlite of a user are left alone")
check(re.search(r"^books backed up: 2 \(\d+ KiB\); removed by retention: %d; failed: 1$"
                % removed, report, re.M) is not None, "the report's last line counts it all")
check(not [n for n in os.listdir(to) if re.search(r"\.sqlite\.\w{6}$", n)],
      "no temporary is left in the backup folder")

os.unlink(os.path.join(data, "books", "dario.sqlite"))
for d in range(1, 41):  # bruno: 40 more days; the defaults keep 7 daily, 12 monthly
    fake("bruno-2026-%02d-%02d.sqlite" % (10 + (d > 31), d - 31 * (d > 31)))
rc, so, se = run("book", "backup", "--data", data, "--to", to, env={"SCRIVANO_TODAY": "2026-11-21"})
bruno = sorted(n for n in os.listdir(to) if re.match(r"bruno-\d{4}-\d\d-\d\d\.sqlite$", n))
check(rc == 0 and "failed: 0" in so, "again without dario's book: status 0")
check(bruno == ["bruno-2026-10-31.sqlite"] + ["bruno-2026-11-%02d.sqlite" % d
                                              for d in (4, 5, 6, 7, 8, 9, 21)],
      "by default 7 daily and 12 monthly: %s" % bruno)

# ---- the session lock made by root goes to whom sessions run as ----
if os.geteuid() == 0:
    import pwd
    nobody = pwd.getpwnam("nobody")
    books = os.path.join(tmp, "books")
    os.mkdir(books, 0o700)
    os.chown(books, nobody.pw_uid, nobody.pw_gid)
    made = os.path.join(books, "anna.sqlite")
    run("book", "init", made)
    check(os.stat(made + "-lock").st_uid == nobody.pw_uid,
          "a lock file root makes in the service user's folder is the service user's")
else:
    check(True, "# SKIP the lock file root makes: not root")

# ---- a SIGTERM while it copies: no temporary (nor its journal) left ----
cut_book = os.path.join(tmp, "cut.sqlite")
run("book", "init", cut_book)
seed(cut_book, "Cut", SEEDED)
cut_dir = os.path.join(tmp, "cut")
os.mkdir(cut_dir)
cut_out = os.path.join(cut_dir, "cut-backup.sqlite")
p = subprocess.Popen([SCRIVANO, "book", "backup", cut_book, cut_out],
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
seen = False
while p.poll() is None and not seen:
    seen = any(n.startswith("cut-backup.sqlite.") for n in os.listdir(cut_dir))
if seen:
    p.send_signal(signal.SIGSTOP)
    p.send_signal(signal.SIGTERM)
    p.send_signal(signal.SIGCONT)
p.wait(timeout=300)
check(seen and p.returncode == -signal.SIGTERM and listing(cut_dir) == [],
      "SIGTERM during a backup: ended by it, nothing left beside OUT (%s, %s)" %
      (p.returncode, listing(cut_dir)))

# ---- usage ----
for args, says in ((["--data", data], "usage"), (["--to", to], "usage"),
                   (["--data", data, "--to", to, "--keep-daily", "x"], "takes a number"),
                   (["--data", data, "--to", to, "--keep-daily", "0"], "at least"),
                   ([book, good, "--keep-daily", "2"], "usage")):
    rc, so, se = run("book", "backup", *args)
    check(rc == 2 and says in se, "book backup %s: refused (%s)" % (" ".join(args), says))
rc, so, se = run("book", "backup", "--data", data, "--to", book)
check(rc == 1 and "is not a folder" in se, "--to a file is refused: " + se.strip())

shutil.rmtree(tmp)
sys.exit(done())
