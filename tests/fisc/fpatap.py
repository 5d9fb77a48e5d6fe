"""What the FatturaPA command-line tests share (tests/fisc/cli.py,
tests/fpa-import.py): TAP lines, `scrivano fatturapa` run in English, a
book read back with sqlite3."""
import os
import sqlite3
import subprocess

SCRIVANO = os.environ.get("SCRIVANO", "")
count = 0


def ok(cond, what):
    global count
    count += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (count, what))
    return cond


def skip(what):
    global count
    count += 1
    print("ok %d # SKIP %s" % (count, what))


def plan():
    print("1..%d" % count)


def run(*args, env=None, timeout=120):
    """scrivano fatturapa ARGS in English: exit status, stdout, stderr."""
    e = dict(os.environ, LANGUAGE="", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    if env:
        e.update(env)
    p = subprocess.run([SCRIVANO, "fatturapa"] + list(args), capture_output=True, text=True,
                       env=e, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def db(path, sql, args=()):
    """The rows of sql on the book at path (committed: it may change it)."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(sql, args).fetchall()
        con.commit()
        return rows
    finally:
        con.close()
