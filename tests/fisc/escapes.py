#!/usr/bin/python3
"""Text from a hostile invoice never reaches the terminal as a control
sequence: C1 controls and carriage returns in the XML (legal in XML 1.0 as
character references), and escape sequences in the common name of a .p7m
signer's certificate (made here with openssl), through check, show and
import; the signer stored in the book is clean too."""
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile

n = 0
SCRIVANO = os.environ.get("SCRIVANO", "")
FPA = os.environ.get("SCRIVANO_FATTURAPA", "")
# C0 controls but the newline, DEL, and C1 controls as UTF-8 (U+0080-U+009F).
CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def ok(cond, what):
    global n
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, what), flush=True)
    return cond


def skip(what):
    global n
    n += 1
    print("ok %d # SKIP %s" % (n, what))


def run(*args):
    e = dict(os.environ, LANGUAGE="", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    p = subprocess.run([SCRIVANO, "fatturapa"] + list(args), capture_output=True, env=e,
                       timeout=60)
    return p.returncode, p.stdout + p.stderr


def clean(what, out):
    bad = CONTROL.search(out)
    return ok(bad is None, "%s: no control characters in the output%s"
              % (what, "" if bad is None else " (found %r near %r)"
                 % (bad.group(0), out[max(0, bad.start() - 20):bad.end() + 20])))


def sample():
    with open(os.path.join(FPA, "samples", "IT01234567890_FPR01.xml"), "rb") as f:
        return f.read()


def test_xml(tmp):
    src = sample()
    name = re.search(rb"<Denominazione>[^<]*</Denominazione>", src).group(0)
    c1 = os.path.join(tmp, "c1.xml")
    with open(c1, "wb") as f:
        f.write(src.replace(name, b"<Denominazione>A&#x9B;2JB&#13;OVERWRITTEN</Denominazione>",
                            1))
    rc, out = run("show", c1)
    ok(rc == 0 and b"OVERWRITTEN" in out, "show reads a name with a C1 control and a CR")
    clean("show", out)
    date = os.path.join(tmp, "date.xml")
    with open(date, "wb") as f:
        f.write(re.sub(rb"<Data>([^<]*)</Data>", rb"<Data>\1T&#x9B;2J&#13;X</Data>", src,
                       count=1))
    rc, out = run("check", date)
    ok(b"W010" in out, "check quotes the odd date in a warning")
    clean("check's warning", out)
    bad = os.path.join(tmp, "baddate.xml")
    with open(bad, "wb") as f:
        f.write(re.sub(rb"<Data>([^<]*)</Data>", rb"<Data>&#x9B;2J&#13;X</Data>", src, count=1))
    rc, out = run("check", bad)
    ok(rc == 1 and b"not a date" in out, "check refuses a date that is no date")
    clean("check's error", out)


def test_p7m(tmp):
    openssl = shutil.which("openssl")
    if not openssl:
        skip("no openssl to sign with")
        return
    key, crt = os.path.join(tmp, "k.pem"), os.path.join(tmp, "c.pem")
    subj = "/CN=Evil\x1b]0;pwned\x07\x1b[2J\u009bName"
    r = subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", crt, "-days", "2", "-utf8", "-subj", subj],
                       capture_output=True)
    if r.returncode != 0:
        skip("openssl refuses the subject: %s" % r.stderr.decode(errors="replace").strip())
        return
    p7m = os.path.join(tmp, "IT01234567890_FPR01.xml.p7m")
    src = os.path.join(tmp, "in.xml")
    with open(src, "wb") as f:
        f.write(sample())
    subprocess.run([openssl, "cms", "-sign", "-nodetach", "-binary", "-outform", "DER", "-in",
                    src, "-signer", crt, "-inkey", key, "-out", p7m],
                   capture_output=True, check=True)
    for verb in ("check", "show"):
        rc, out = run(verb, p7m)
        ok(rc == 0 and b"signed by Evil" in out and b"Name" in out,
           "%s names the signer of a .p7m" % verb)
        clean("%s of a .p7m" % verb, out)
    book = os.path.join(tmp, "b.sqlite")
    rc, out = run("import", "--book", book, p7m)
    clean("import of a .p7m", out)
    db = sqlite3.connect(book)
    try:
        rows = db.execute("SELECT signer FROM document_files").fetchall()
    finally:
        db.close()
    ok(rc == 0 and len(rows) == 1 and rows[0][0].startswith("Evil")
       and CONTROL.search(rows[0][0].encode()) is None,
       "the signer stored in the book has no control characters: %r" % (rows,))


if not SCRIVANO or not FPA:
    skip("no SCRIVANO binary or no FatturaPA samples")
else:
    tmpdir = tempfile.mkdtemp(prefix="scrivano-escapes-")
    try:
        test_xml(tmpdir)
        test_p7m(tmpdir)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
print("1..%d" % n)
