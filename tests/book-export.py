# scrivano book export FILE OUT.zip (src/cli/book-export*.c, src/book/book-dump.c):
# a demo book with rows in every register (documents made and issued with
# `scrivano document`, one exported to SdI and rejected by a notifica di
# scarto, supplier invoices imported from the samples, one with
# attachments, one signed; an F24 paid with its receipt, prima nota
# entries) exported; each table's CSV read back with Python's csv module in
# both styles and compared cell by cell to the book's rows read with
# sqlite3; every file the book keeps in the zip byte for byte; every
# FatturaPA file valid against the schema, the issued invoice never
# exported among them (the book unchanged by it); the PEC password
# nowhere; the README naming every file, in Italian too; the closing
# report; names as sent that are no file's names (a folder, "..", an escape; a
# receipt's name made safe that is another's as sent; a table and a column
# named "../../evil", "../y"), each its own file, none leaving its folder; two
# tables, two columns, two receipts whose names made safe (or but for case)
# are one, each its own file by a counter; one
# moment of the book while a writer commits; a progress line on
# a terminal only; SIGINT, SIGTERM or SIGHUP while it writes leave no
# temporary and OUT as it was; refusals that leave nothing.
import csv
import io
import json
import os
import pty
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import zipfile
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "fisc"))
from fpatap import db  # noqa: E402

SCRIVANO = os.environ.get("SCRIVANO", "")
FPA = os.environ.get("SCRIVANO_FATTURAPA", "")
XSD = os.path.join(FPA, "Schema_del_file_xml_FatturaPA_v1.2.2.xsd")
count = 0
if not FPA or not os.path.isfile(XSD):
    print("1..0 # SKIP no FatturaPA schema (SCRIVANO_FATTURAPA)")
    sys.exit(0)


def ok(cond, what):
    global count
    count += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (count, what))
    return cond


def run(*args, env=None, stderr=subprocess.PIPE, user=None):
    """scrivano ARGS in English (or env's language): status, stdout, stderr."""
    e = dict(os.environ, LANGUAGE="", LC_ALL="", LANG="C.UTF-8", SCRIVANO_TODAY="2026-03-10")
    e.update(env or {})
    e = {k: v for k, v in e.items() if v is not None}
    cmd = [SCRIVANO] + list(args)
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + cmd
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=stderr, env=e, timeout=300)
    return p.returncode, p.stdout.decode(), (p.stderr or b"").decode()


def q(sql, args=()):
    return db(book, sql, args)


def qs(script):
    con = sqlite3.connect(book)
    try:
        con.executescript(script)
    finally:
        con.close()


def on_tty(*args):
    """scrivano ARGS with stderr on a terminal: status, stdout, what the
    terminal got (bytes)."""
    master, slave = pty.openpty()
    rc, so, se = run(*args, stderr=slave)
    os.close(slave)
    got = b""
    try:
        while True:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            got += chunk
    except OSError:  # EIO: the terminal's other end is closed
        pass
    os.close(master)
    return rc, so, got


def must(rc_out_err, what):
    rc, out, err = rc_out_err
    if rc != 0:
        print("# %s: %s %s" % (what, out, err))
    return ok(rc == 0, what)


tmp = tempfile.mkdtemp()
book = os.path.join(tmp, "anna.sqlite")
out = os.path.join(tmp, "anna.zip")
INTERNAL = {"drafts", "draft_items", "pn_days"}
PASSWORD = "Pec-Segreta-4711"

# ---- a book with rows in every register ----
must(run("book", "demo", book), "a demo book: parties, contacts, articles, stock")
q("""INSERT INTO documents (direction, kind, state, party_id, type, date, pay_terms, pay_method)
       VALUES ('S', 'FAT', 'D', 1, 'TD01', '2026-03-02', '30/60 FM', 'MP05'),
              ('S', 'FAT', 'D', 2, 'TD01', '2026-03-03', '', ''),
              ('S', 'PRE', 'D', 1, '', '2026-03-04', '', '')""")
q("""INSERT INTO document_lines (document_id, seq, line_no, description, quantity, unit,
       unit_price, discounts, total, vat_rate, article_id, code) VALUES
       (1, 1, 1, 'Carta A4; "extra" bianca', '4.00', 'pz', '1234.50', '', '4938.00', 2200,
        1, 'CARTA'),
       (1, 2, 2, 'Consulenza', '1.00', '', '100.00', '', '100.00', 2200, NULL, ''),
       (2, 1, 1, 'Toner', '2.00', 'pz', '50.00', '', '100.00', 1000, NULL, ''),
       (3, 1, 1, 'Preventivo', '3.00', 'h', '60.00', '', '180.00', 2200, NULL, '')""")
for doc in ("1", "2", "3"):
    must(run("document", "issue", doc, "--book", book), "document %s issued" % doc)
must(run("document", "convert", "3", "--to", "ORD", "--book", book),
     "the quote converted into an order (a link)")
must(run("document", "credit-note", "1", "--lines", "2", "--book", book),
     "a credit note for the invoice's second line")
fpdir = os.path.join(tmp, "fpa")
os.mkdir(fpdir)
must(run("fatturapa", "export", "--book", book, "--output", fpdir, "1"),
     "invoice 1 exported: the book keeps its FatturaPA file")
kept_name = q("SELECT name FROM sdi_files")[0][0]
ns = os.path.join(tmp, kept_name.replace(".xml", "_NS_001.xml"))
with open(ns, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<types:NotificaScarto '
            'xmlns:types="http://www.fatturapa.gov.it/sdi/messaggi/v1.0" versione="1.0">'
            '<IdentificativoSdI>4711</IdentificativoSdI><NomeFile>%s</NomeFile>'
            '<ListaErrori><Errore><Codice>00404</Codice><Descrizione>Fattura duplicata'
            '</Descrizione></Errore></ListaErrori><MessageId>1</MessageId>'
            '</types:NotificaScarto>\n' % kept_name)
must(run("fatturapa", "receipt", "--book", book, ns), "SdI's notifica di scarto imported")
samples = os.path.join(FPA, "samples")


def variant(name, number):
    """Sample name as the supplier's invoice number number (the samples
    share one number: the book would take them for one invoice)."""
    with open(os.path.join(samples, name), encoding="utf-8") as f:
        text = f.read()
    path = os.path.join(tmp, name.replace(".xml", "-%s.xml" % number))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("<Numero>123</Numero>", "<Numero>%s</Numero>" % number, 1))
    return path


must(run("fatturapa", "import", "--book", book, os.path.join(samples, "IT01234567890_FPR04.xml"),
         variant("IT01234567890_FPR01.xml", "124")),
     "two supplier invoices imported from the samples, one with attachments")
openssl = shutil.which("openssl")
if openssl:
    key, crt = os.path.join(tmp, "k.pem"), os.path.join(tmp, "c.pem")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", crt, "-days", "2", "-subj", "/CN=Mario Rossi/C=IT"],
                   capture_output=True, check=True)
    p7m = os.path.join(tmp, "IT01234567890_FPR02.xml.p7m")
    subprocess.run([openssl, "cms", "-sign", "-nodetach", "-binary", "-in",
                    variant("IT01234567890_FPR02.xml", "125"), "-signer", crt, "-inkey",
                    key, "-outform", "DER", "-out", p7m], check=True, capture_output=True)
    must(run("fatturapa", "import", "--book", book, p7m), "a signed supplier invoice imported")
qs("""INSERT INTO f24 (description, state, due_date, cf, name) VALUES
       ('Ritenute febbraio', 'T', '2026-03-16', '01234567897', 'Studio Demo S.r.l.');
     INSERT INTO f24_erario (f24_id, position, code, year, debit) VALUES (1, 1, '1001', '2026', 123456);
     INSERT INTO f24_inps (f24_id, position, sede, causale, matricola, period_from, period_to, debit)
       VALUES (1, 1, '1300', 'DM10', '1234567890', '02/2026', '02/2026', 50000);
     INSERT INTO f24_regioni (f24_id, position, region, code, year, debit) VALUES (1, 1, '08', '3802', '2026', 1000);
     INSERT INTO f24_locali (f24_id, position, ente, code, year, debit) VALUES (1, 1, 'A944', '3847', '2026', 2000);
     INSERT INTO f24_inail (f24_id, position, sede, ditta, cc, reference, causale, debit)
       VALUES (1, 1, '13100', '12345678', '12', '123456', 'P', 3000);
     INSERT INTO f24_altri (f24_id, position, ente, causale, debit) VALUES (1, 1, '0001', 'AF', 4000);
     INSERT INTO f24 (description, state, due_date, cf, name, model) VALUES
       ('IMU acconto', 'D', '', '01234567897', 'Studio Demo S.r.l.', 'S'),
       ('Sanzione', 'D', '', '01234567897', 'Studio Demo S.r.l.', 'E');
     INSERT INTO f24_semplificato (f24_id, position, section, code, ente, year, debit)
       VALUES (2, 1, 'EL', '3918', 'A944', '2026', 15000);
     INSERT INTO f24_elide (f24_id, position, tipo, elementi, code, year, debit)
       VALUES (3, 1, 'R', 'TT123456789', '1501', '2026', 7000)""")
receipt = os.path.join(tmp, "quietanza.pdf")
with open(receipt, "wb") as f:
    f.write(b"%PDF-1.4\nquietanza\n\x00\x01\xff bytes\n")
must(run("f24", "pay", "1", "--date", "2026-03-16", "--account", "Banca", "--receipt", receipt,
         "--book", book), "the F24 paid from Banca with its receipt: a prima nota entry")
q("""INSERT INTO pn_entries (account_id, date, value_date, description, amount, causale, party_id,
       notes) VALUES
       (1, '2026-03-01', NULL, '=SUM(A1:A9)', -12345, 'Spese', NULL, 'two
lines'),
       (2, '2026-03-05', '2026-03-06', 'Incasso; "Caffè"', 1234567, 'Incasso', 1, ''),
       (2, '2026-03-07', NULL, '@pagamento', -99, '', 4, '')""")
# no sample has a withholding: one for a supplier's invoice
q("INSERT INTO document_withholdings (document_id, seq, type, rate, amount, causale) SELECT id, 1, "
  "'RT01', 2000, 1234, 'A' FROM documents WHERE direction = 'P' ORDER BY id LIMIT 1")
q("INSERT INTO custom_values (kind, record_id, name, value) VALUES ('parties', 1, 'vat_reg', 'A-1')")
q("UPDATE pec_settings SET username = 'anna@pec.example', password = ?", (PASSWORD,))
# a history entry holding the password, as a save of the PEC settings writes it
q("""INSERT INTO history (time, account, session, kind, tbl, rid, op, before, after, prev, hash)
       VALUES ('2026-03-10T10:00:00Z', 'anna', '1', 'pec', 'pec_settings', '1', 'change',
       '{"password":""}', ?, '', '')""", (json.dumps({"password": PASSWORD, "smtp_host": "x"}),))

tables = [t for (t,) in q("SELECT name FROM sqlite_master WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite_%' ORDER BY name") if t not in INTERNAL]
# the registers this test fills (a table a later step adds may be empty,
# and is exported and compared all the same)
FILLED = """company parties party_contacts articles stock_moves pn_accounts pn_entries f24
    f24_erario f24_inps f24_regioni f24_locali f24_inail f24_altri f24_semplificato f24_elide
    f24_receipts documents document_lines document_vat document_withholdings document_payments
    document_links document_files document_attachments sdi_files sdi_messages sdi_message_errors
    pec_settings custom_values history""".split()
empty = [t for t in FILLED if t not in tables or q('SELECT count(*) FROM "%s"' % t)[0][0] == 0]
ok(not empty, "every register of the book has rows (empty: %s)" % ", ".join(empty))


def dump(path):
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


before = dump(book)
rc, stdout, stderr = run("book", "export", book, out)
ok(rc == 0 and os.path.isfile(out), "exported: status 0, the zip made (%s)" % stderr.strip())
print("# " + stdout.replace("\n", "\n# "))
ok(dump(book) == before, "the export changed nothing in the book")
z = zipfile.ZipFile(out)
names = z.namelist()
ok(not [n for n in os.listdir(tmp) if n.startswith("anna.zip.")],
   "no temporary left beside the zip")


# ---- the CSVs against the book ----
def columns(t):
    return [r[1] for r in q('PRAGMA table_info("%s")' % t)]


def rows(t):
    try:
        return q('SELECT * FROM "%s" ORDER BY rowid' % t)
    except sqlite3.OperationalError:  # without rowid: by its primary key
        pk = [r[1] for r in sorted(q('PRAGMA table_info("%s")' % t), key=lambda r: r[5])
              if r[5] > 0]
        return q('SELECT * FROM "%s" ORDER BY %s' % (t, ", ".join('"%s"' % c for c in pk)))


def read_csv(name, sep, bom):
    data = z.read(name)
    if bom != data.startswith(b"\xef\xbb\xbf"):
        return None
    text = data.decode("utf-8-sig" if bom else "utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


def unguard(cell):
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell


ITALIAN_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$")
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
EVERY = {"raw", "date", "yesno", "iban"} | {("number", k) for k in list(range(9)) + ["text"]}


def fits(v, it, pl):
    """The renderings of book value v that Italian cell it and plain cell pl
    agree with: raw (as kept), date, a number of scale s (or of the text's
    own), yes/no, an IBAN in groups of four."""
    kinds = set()
    s = str(v)
    if s == it == pl == "":
        return EVERY
    if it == pl == s:
        kinds.add("raw")
    if isinstance(v, str) and it == pl and " " in pl and pl.replace(" ", "") == v:
        kinds.add("iban")
    m = ISO_DATE.match(s)
    if m and pl == s and it == "%s/%s/%s" % (m.group(3), m.group(2), m.group(1)):
        kinds.add("date")
    if PLAIN_NUMBER.match(pl) and ITALIAN_NUMBER.match(it) and \
            Decimal(it.replace(".", "").replace(",", ".")) == Decimal(pl):
        for scale in range(0, 9):
            if isinstance(v, int) and Decimal(pl) * (10 ** scale) == v:
                kinds.add(("number", scale))
        if isinstance(v, str) and PLAIN_NUMBER.match(v) and Decimal(v) == Decimal(pl):
            kinds.add(("number", "text"))
    if s in ("0", "1") and it == pl == ("Yes" if s == "1" else "No"):
        kinds.add("yesno")
    return kinds


def redacted(t, col, v, row, cols):
    """The value the export gives for a secret: the password empty, and in
    the history as the mark."""
    if t == "pec_settings" and col == "password":
        return ""
    if t == "history" and col in ("before", "after") and row[cols.index("tbl")] == "pec_settings":
        j = json.loads(v)
        if j.get("password"):
            j["password"] = "********"
        return j
    return v


files_named = set()
kinds_of = {}
bad = []
for t in tables:
    cols = columns(t)
    it_rows = read_csv("italian/%s.csv" % t, ";", True) if "italian/%s.csv" % t in names else None
    pl_rows = read_csv("plain/%s.csv" % t, ",", False) if "plain/%s.csv" % t in names else None
    if it_rows is None or pl_rows is None:
        bad.append("%s: missing, or its byte order mark wrong" % t)
        continue
    if it_rows[0] != cols or pl_rows[0] != cols:
        bad.append("%s: header %s, not %s" % (t, pl_rows[0], cols))
        continue
    book_rows = rows(t)
    if len(it_rows) - 1 != len(book_rows) or len(pl_rows) - 1 != len(book_rows):
        bad.append("%s: %d and %d rows, the book %d" % (t, len(it_rows) - 1, len(pl_rows) - 1,
                                                         len(book_rows)))
        continue
    for r, (brow, irow, prow) in enumerate(zip(book_rows, it_rows[1:], pl_rows[1:])):
        for c, col in enumerate(cols):
            v, it, pl = brow[c], unguard(irow[c]), unguard(prow[c])
            want = redacted(t, col, v, brow, cols)
            if isinstance(want, dict):
                same = it == pl and json.loads(it) == want
            elif v is None:
                same = it == pl == ""
            elif isinstance(v, bytes):
                same = it == pl and pl in names and z.read(pl) == v
                files_named.add(pl)
            elif want != v:
                same = it == pl == want
            else:
                k = fits(v, it, pl)
                kinds_of[(t, col)] = kinds_of.get((t, col), k) & k
                same = bool(k) and bool(kinds_of[(t, col)])
            if not same:
                bad.append("%s row %d %s: book %r, italian %r, plain %r" % (t, r + 1, col, v, it,
                                                                            pl))
for b in bad[:20]:
    print("# " + b)
ok(not bad, "every table's CSV, in both styles, holds the book's rows cell by cell")
ok(kinds_of.get(("documents", "total")) == {("number", 2)} and
   kinds_of.get(("pn_entries", "amount")) == {("number", 2)},
   "amounts are written as money: 1.234,56 and 1234.56 (%s, %s)" % (
       kinds_of.get(("documents", "total")), kinds_of.get(("pn_entries", "amount"))))
ok(kinds_of.get(("documents", "date")) == {"date"} and
   kinds_of.get(("pn_entries", "date")) == {"date"},
   "dates as dd/mm/yyyy and YYYY-MM-DD (%s, %s)" % (kinds_of.get(("documents", "date")),
                                                     kinds_of.get(("pn_entries", "date"))))
ok(kinds_of.get(("parties", "name")) == {"raw"} and kinds_of.get(("documents", "party_id")) ==
   {"raw", ("number", 0)}, "text as it is, a customer as its record number")
csvs = {n for n in names if n.endswith(".csv")}
ok(csvs == {"%s/%s.csv" % (s, t) for t in tables for s in ("italian", "plain")},
   "a CSV per table and style, no more: drafts and the running totals left out")

# ---- the files ----
blobs = {}
for t, col in (("sdi_files", "xml"), ("sdi_messages", "content"), ("document_files", "content"),
               ("document_attachments", "content"), ("f24_receipts", "content")):
    for (data,) in q('SELECT "%s" FROM "%s"' % (col, t)):
        blobs.setdefault(t, []).append(data)
ok(all(len(blobs.get(t, [])) > 0 for t in ("sdi_files", "sdi_messages", "document_files",
                                             "document_attachments", "f24_receipts")),
   "the book keeps files of every kind")
ok(files_named == {n for n in names if not n.endswith(".csv") and n != "README.txt"
                   and not n.startswith("fatturapa/unsent/")},
   "every file in the zip is named by its row, and every row's file is in it")
originals = [n for n in names if n.startswith("originals/")]
ok(len(originals) == len(blobs["document_files"]) and
   any(n.endswith(".p7m") for n in originals) == bool(openssl),
   "the received originals, the .p7m as signed (%s)" % originals)
unsent = sorted(n for n in names if n.startswith("fatturapa/unsent/"))
issued = q("SELECT count(*) FROM documents WHERE direction = 'S' AND state <> 'D' AND kind IN "
           "('FAT','NC') AND id NOT IN (SELECT document FROM sdi_files)")[0][0]
ok(len(unsent) == issued == 1, "the issued invoice never exported has a file made for the zip: %s"
   % unsent)
xmls = [n for n in names if (n.startswith("fatturapa/") or n.startswith("originals/"))
        and (n.endswith(".xml") or n.endswith(".xml.p7m"))]
invalid = []
for n in xmls:
    path = os.path.join(tmp, "x.xml")
    with open(path, "wb") as f:
        f.write(z.read(n))
    if n.endswith(".p7m"):  # the signed file's content
        subprocess.run([openssl, "cms", "-verify", "-noverify", "-inform", "DER", "-in", path,
                        "-out", path + ".xml"], capture_output=True)
        path += ".xml"
    p = subprocess.run(["xmllint", "--noout", "--schema", XSD, path], capture_output=True)
    if p.returncode != 0:
        invalid.append(n)
ok(len(xmls) == (5 if openssl else 4) and not invalid, "every FatturaPA file of the zip, made or received, is valid "
   "against the schema (%s; invalid: %s)" % (xmls, invalid))
everything = b"".join(z.read(n) for n in names)
ok(PASSWORD.encode() not in everything, "the PEC password is nowhere in the zip")

# ---- the README and the report ----
readme = z.read("README.txt").decode()
unlisted = [n for n in names if n != "README.txt" and n not in readme]
ok(not unlisted, "the README names every file (not: %s)" % unlisted[:5])
ok(book in readme and re.search(r"as it was on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d", readme),
   "it says which book and when")
marked = readme.split("made for this export", 1)
ok(unsent and len(marked) == 2 and all(n in marked[1] for n in unsent),
   "the invoice's file made for the zip is marked as such")
total = sum(len(rows(t)) for t in tables)
ok(re.search(r"exported to %s: %d files, %d rows" % (re.escape(out), len(names), total), stdout),
   "the report: %d files, %d rows" % (len(names), total))

rc, so, se = run("book", "export", book, out)
ok(rc == 1 and "already exists" in se and z.read("README.txt") == zipfile.ZipFile(out).read(
    "README.txt"), "an existing zip is refused: status 1 (%s)" % se.strip())
rc, so, se = run("book", "export", "--force", book, out, env={"LANG": "it_IT.UTF-8", "LANGUAGE": None})
readme_it = zipfile.ZipFile(out).read("README.txt").decode()
ok(rc == 0 and "Il libro intero" in readme_it and "italian/parties.csv" in readme_it,
   "--force replaces it; the README in the user's language")

# ---- names as sent are no file's names ----
hostile = os.path.join(tmp, "hostile.sqlite")
shutil.copy(book, hostile)
con = sqlite3.connect(hostile)
doc_id = con.execute("SELECT min(document_id) FROM document_attachments").fetchone()[0]
for seq, name in ((101, "../../etc/passwd"), (102, "/etc/shadow"), (103, "a\x1b[2Jb.pdf"),
                  (104, "..")):
    con.execute("INSERT INTO document_attachments (document_id, seq, name, sha256, content) "
                "VALUES (?, ?, ?, '', x'00')", (doc_id, seq, name))
# a receipt's name made safe is another receipt's name as sent
sent = con.execute("SELECT file_name FROM sdi_messages").fetchone()[0]
stem = sent.rsplit(".", 1)[0]
for n in (stem + "..xml", stem + "__xml"):
    con.execute("INSERT INTO sdi_messages (file_name, content, sha256, kind, sdi_file, sdi_id, "
                "answers, state_from, state_to) SELECT ?, content, sha256, kind, sdi_file, "
                "sdi_id, answers, state_from, state_to FROM sdi_messages WHERE file_name = ?",
                (n, sent))
# a book may hold a table of any name (a later step's, or one made to harm)
con.execute('CREATE TABLE "../../evil" (x, "../y" BLOB)')
con.execute('INSERT INTO "../../evil" VALUES (1, x\'00\')')
con.commit()
con.close()
hzip = os.path.join(tmp, "hostile.zip")
rc, so, se = run("book", "export", hostile, hzip)
hnames = zipfile.ZipFile(hzip).namelist() if rc == 0 else []
ok(rc == 0 and len(hnames) == len(set(hnames)) == len(names) + 9,
   "hostile names exported, each its own file (%s)" % se.strip())
bad_names = [n for n in hnames if n.startswith("/") or ".." in n.split("/") or
             any(ord(c) < 32 for c in n)]
ok(hnames and not bad_names, "no name in the zip leaves its folder or holds a control "
   "character (%s)" % bad_names)

# ---- names made safe that are one: each made its own by a counter ----
clash = os.path.join(tmp, "clash.sqlite")
shutil.copy(book, clash)
con = sqlite3.connect(clash)
con.execute('CREATE TABLE "a.b" (x)')
con.execute('CREATE TABLE "a_b" (x)')
con.execute('INSERT INTO "a.b" VALUES (\'dot\')')
con.execute('INSERT INTO "a_b" VALUES (\'underscore\')')
con.execute('CREATE TABLE blobs ("c.d" BLOB, "c_d" BLOB)')
con.execute("INSERT INTO blobs VALUES (x'01', x'02')")
# a receipt's name made safe after its row's number, that another's is as sent
top = con.execute("SELECT max(rowid) FROM sdi_messages").fetchone()[0] + 100
for rowid, n, body in ((top, "zz?.xml", b"made safe"), (top + 1, "%d-zz__xml" % top, b"as sent"),
                       (top + 2, "Case.xml", b"upper"), (top + 3, "case.xml", b"lower")):
    con.execute("INSERT INTO sdi_messages (id, file_name, content, sha256, kind, sdi_file, "
                "sdi_id, answers, state_from, state_to) SELECT ?, ?, ?, sha256, kind, "
                "sdi_file, sdi_id, answers, state_from, state_to FROM sdi_messages "
                "WHERE file_name = ?", (rowid, n, body, sent))
con.commit()
con.close()
czip = os.path.join(tmp, "clash.zip")
rc, so, se = run("book", "export", clash, czip)
cz = zipfile.ZipFile(czip) if rc == 0 else None
cnames = cz.namelist() if cz else []
ok(rc == 0 and len({n.lower() for n in cnames}) == len(cnames),
   "names made safe that are one: exported, every name its own, case aside (%s)" % se.strip())


def csv_cells(zf, name):
    r = list(csv.reader(io.StringIO(zf.read(name).decode(), newline="")))
    return r[1:] if r else []


ok(cz and {"italian/a_b.csv", "italian/a_b-2.csv", "plain/a_b.csv", "plain/a_b-2.csv"} <=
   set(cnames) and sorted(csv_cells(cz, "plain/a_b.csv") + csv_cells(cz, "plain/a_b-2.csv")) ==
   [["dot"], ["underscore"]] and csv_cells(cz, "italian/a_b.csv") ==
   csv_cells(cz, "plain/a_b.csv"),
   "tables a.b and a_b: a_b.csv and a_b-2.csv, each with its own rows, alike in both styles")
cells = csv_cells(cz, "plain/blobs.csv")[0] if cz else []
ok(len(cells) == 2 and cells[0] != cells[1] and all(c in cnames for c in cells) and
   [cz.read(c) for c in cells] == [b"\x01", b"\x02"],
   "columns c.d and c_d of a row: two files, each cell naming its own (%s)" % cells)
rec = {n: cz.read(n) for n in cnames if n.startswith("sdi-receipts/")} if cz else {}
ok(sorted(v for v in rec.values() if v in (b"made safe", b"as sent", b"upper", b"lower")) ==
   [b"as sent", b"lower", b"made safe", b"upper"],
   "receipts whose names (made safe, or but for case) are one: each its own file (%s)" %
   sorted(n for n, v in rec.items() if v in (b"made safe", b"as sent", b"upper", b"lower")))

# ---- one moment of the book while a writer commits ----
big = os.path.join(tmp, "big.sqlite")
run("book", "init", big)
con = sqlite3.connect(big)
con.executemany("INSERT INTO parties (name, city) VALUES (?, 'Roma')",
                (("Seeded %06d" % i,) for i in range(40000)))
con.commit()
con.close()
stop = threading.Event()


def writer():
    con = sqlite3.connect(big, timeout=30)
    n = 0
    while not stop.is_set():
        n += 1
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO parties (name) VALUES (?)", ("Writer %d" % n,))
        con.execute("INSERT INTO pn_entries (account_id, date, description, amount) VALUES "
                    "(1, '2026-01-01', ?, 1)", ("Writer %d" % n,))
        con.commit()
    con.close()


th = threading.Thread(target=writer)
th.start()
bigzip = os.path.join(tmp, "big.zip")
rc, so, tty_err = on_tty("book", "export", big, bigzip)
stop.set()
th.join()


def writer_rows(zf, name, col):
    r = list(csv.reader(io.StringIO(zf.read(name).decode(), newline="")))
    i = r[0].index(col)
    return {row[i] for row in r[1:] if row[i].startswith("Writer")}


bz = zipfile.ZipFile(bigzip)
p_names = writer_rows(bz, "plain/parties.csv", "name")
e_names = writer_rows(bz, "plain/pn_entries.csv", "description")
ok(rc == 0 and p_names == e_names and len(p_names) > 0,
   "while a writer commits, the zip is one moment: %d parties and %d entries of its "
   "transactions" % (len(p_names), len(e_names)))
ok(b"rows so far" in tty_err, "a progress line on the terminal (%r)" % tty_err[-60:])
rc, so, small = on_tty("book", "export", "--force", book, out)
ok(rc == 0 and b"%" not in small and b"so far" not in small,
   "none for a small book, even on a terminal (%r)" % small[-60:])
rc, so, se = run("book", "export", big, os.path.join(tmp, "big2.zip"))
ok(rc == 0 and "rows so far" not in se, "and none when stderr is not one")


# ---- a signal while it writes: no temporary left, OUT as it was ----
def temps(base):
    d, b = os.path.dirname(base), os.path.basename(base) + "."
    return [os.path.join(d, n) for n in os.listdir(d) if n.startswith(b)]


def interrupted(sig, base, force, writing):
    """export big to base, stopped (SIGSTOP) once a temporary is beside
    base (writing: once one has bytes, the zip being written), then sig
    and SIGCONT: its status, the temporaries left."""
    e = dict(os.environ, LANGUAGE="", LC_ALL="", LANG="C.UTF-8")
    p = subprocess.Popen([SCRIVANO, "book", "export"] + (["--force"] if force else []) +
                         [big, base], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=e)
    seen = False
    while p.poll() is None and not seen:
        try:
            seen = any(os.path.getsize(t) > 0 or not writing for t in temps(base))
        except OSError:
            pass
    if seen:
        p.send_signal(signal.SIGSTOP)
        p.send_signal(sig)
        p.send_signal(signal.SIGCONT)
    p.wait(timeout=300)
    p.stderr.close()
    return seen, p.returncode, temps(base)


for sig, writing in ((signal.SIGINT, False), (signal.SIGTERM, True), (signal.SIGHUP, True)):
    base = os.path.join(tmp, "cut.zip")
    seen, rc, left = interrupted(sig, base, False, writing)
    ok(seen and rc == -sig and not left and not os.path.exists(base),
       "%s while it %s: ended by it, no temporary left, no OUT (%s, %s)" %
       (signal.Signals(sig).name, "writes the zip" if writing else "reads the book", rc, left))
prev = os.path.join(tmp, "prev.zip")
shutil.copy(out, prev)
was = open(prev, "rb").read()
seen, rc, left = interrupted(signal.SIGINT, prev, True, True)
ok(seen and rc == -signal.SIGINT and not left and open(prev, "rb").read() == was,
   "SIGINT with --force over an OUT: no temporary left, OUT as it was (%s, %s)" % (rc, left))


# ---- refusals: a clear message, nothing left ----
def listing():
    return sorted(os.listdir(tmp))


def refused(args, what, words, user=None):
    was = listing()
    rc, so, se = run("book", "export", *args, user=user)
    now = listing()
    ok(rc == 1 and words in se and "nothing was exported" in se and now == was,
       "%s: status 1, said, nothing left (%s)" % (what, se.strip()))
    if now != was:
        print("# new: %s, gone: %s" % (set(now) - set(was), set(was) - set(now)))


refused([os.path.join(tmp, "none.sqlite"), os.path.join(tmp, "n.zip")], "no such book",
        "no book")
text = os.path.join(tmp, "notes.txt")
with open(text, "w") as f:
    f.write("not a book\n" * 100)
refused([text, os.path.join(tmp, "n.zip")], "a text file", "not an SQLite database")
other = os.path.join(tmp, "other.sqlite")
con = sqlite3.connect(other)
con.execute("CREATE TABLE t (x)")
con.commit()
con.close()
was = open(other, "rb").read()
refused([other, os.path.join(tmp, "n.zip")], "another program's database",
        "not a scrivano book")
ok(open(other, "rb").read() == was, "which is left as it was")
refused([book, os.path.join(tmp, "nowhere", "n.zip")], "a folder that does not exist",
        "nowhere")
refused([book, os.path.join(text, "n.zip")], "a file taken for a folder", "is not a folder")
refused([book, tmp], "a folder as the zip", "is a folder")
refused([book, book], "the book itself", "is the book itself")
locked = os.path.join(tmp, "locked")
os.mkdir(locked, 0o555)
if os.getuid() == 0:
    # root writes anywhere: the refusal as another user, on a copy it may read
    shared = os.path.join(tmp, "shared")
    os.mkdir(shared)
    shutil.copy(book, os.path.join(shared, "b.sqlite"))
    os.chmod(tmp, 0o755)
    os.chmod(shared, 0o777)
    os.chmod(os.path.join(shared, "b.sqlite"), 0o666)
    refused([os.path.join(shared, "b.sqlite"), os.path.join(locked, "n.zip")],
            "a folder not writable", "Permission denied", user=65534)
else:
    refused([book, os.path.join(locked, "n.zip")], "a folder not writable",
            "Permission denied")
rc, so, se = run("book", "export", book)
ok(rc == 2 and "scrivano book export FILE OUT.zip" in se, "one argument: the usage, status 2")

print("1..%d" % count)
