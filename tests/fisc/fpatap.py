"""What the FatturaPA command-line tests share (tests/fisc/cli.py,
tests/fpa-import.py): TAP lines, `scrivano fatturapa` run in English, a
book read back with sqlite3, a signer for .p7m files."""
import os
import shutil
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


def signer(folder, cn="Mario Rossi"):
    """A throwaway key and self-signed certificate for CN cn in folder,
    to sign .p7m files with openssl cms: (openssl, key, certificate), or
    None when there is no openssl."""
    openssl = shutil.which("openssl")
    if not openssl:
        return None
    key, crt = os.path.join(folder, "k.pem"), os.path.join(folder, "c.pem")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", crt, "-days", "2", "-subj", "/CN=%s/C=IT" % cn],
                   capture_output=True, check=True)
    return openssl, key, crt
