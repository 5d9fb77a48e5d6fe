"""What the PEC tests share (tests/pec-send.py, tests/pec-fetch.py,
tests/e2e/test_pec.py): a self-signed certificate for 127.0.0.1 made with
openssl, a local SMTP server (Debian's python3-aiosmtpd, with TLS or
STARTTLS and a login), a local IMAP server (dovecot, run as an unprivileged
user with a configuration file of its own and a passwd-file user: never
the system's service), and a book with an issued invoice and its PEC
settings. Network only on 127.0.0.1, on free ports. Standard library,
aiosmtpd and the programs."""

import base64
import email
import email.policy
import os
import pwd
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "e2e"))
from harness import book_rows as rows, free_port  # noqa: E402

SCRIVANO = os.environ.get("SCRIVANO", "src/scrivano")
USER = "fatture@pec.example.it"
PASSWORD = "pec-secret"
SDI = "sdi01@pec.fatturapa.it"


def make_cert(top):
    """A self-signed certificate for 127.0.0.1 (its own CA): (cert, key)."""
    cert, key = os.path.join(top, "cert.pem"), os.path.join(top, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


class Smtp:
    """aiosmtpd on 127.0.0.1: implicit TLS (starttls=False) or STARTTLS
    required; AUTH PLAIN/LOGIN for USER and PASSWORD only; answering DATA
    after delay seconds. messages: the (mail_from, rcpt_tos, bytes)
    received."""

    def __init__(self, cert, key, starttls=False, delay=0):
        import asyncio
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        self.messages = []
        outer = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                await asyncio.sleep(delay)  # a slow server: the progress shows
                outer.messages.append((envelope.mail_from, list(envelope.rcpt_tos),
                                       envelope.original_content or envelope.content))
                return "250 2.0.0 Message accepted for delivery"

        def auth(server, session, envelope, mechanism, data):
            good = (isinstance(data, LoginPassword) and data.login == USER.encode()
                    and data.password == PASSWORD.encode())
            return AuthResult(success=good, handled=False)

        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(cert, key)
        self.port = free_port()
        kw = dict(hostname="127.0.0.1", port=self.port, authenticator=auth,
                  auth_require_tls=starttls, decode_data=False)
        if starttls:
            kw.update(tls_context=ctx, require_starttls=True)
        else:
            kw.update(ssl_context=ctx)
        self.controller = Controller(Handler(), **kw)
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def message(self, i=-1):
        return email.message_from_bytes(self.messages[i][2], policy=email.policy.default)


class Dovecot:
    """dovecot's IMAP on 127.0.0.1 with TLS (imaps), as an unprivileged
    user (the test's own, or nobody when the test runs as root) with its
    own configuration, run folder and passwd-file user USER; its Maildir is
    maildir (put messages with deliver())."""

    def __init__(self, top, cert, key):
        self.top = os.path.join(top, "dovecot")
        os.makedirs(self.top)
        if os.getuid() == 0:
            pw = pwd.getpwnam("nobody")
        else:
            pw = pwd.getpwuid(os.getuid())
        self.user, self.uid, self.gid = pw.pw_name, pw.pw_uid, pw.pw_gid
        import grp
        group = grp.getgrgid(self.gid).gr_name
        d = self.top
        for sub in ("run", "state", "home"):
            os.makedirs(os.path.join(d, sub))
        shutil.copy(cert, os.path.join(d, "cert.pem"))
        shutil.copy(key, os.path.join(d, "key.pem"))
        self.maildir = os.path.join(d, "mail", USER)
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(self.maildir, sub))
        with open(os.path.join(d, "passwd"), "w") as f:
            f.write("%s:{PLAIN}%s\n" % (USER, PASSWORD))
        self.port = free_port()
        self.conf = os.path.join(d, "dovecot.conf")
        with open(self.conf, "w") as f:
            f.write("""base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{d}/cert.pem
ssl_key = <{d}/key.pem
default_internal_user = {u}
default_internal_group = {g}
default_login_user = {u}
mail_location = maildir:{d}/mail/%u
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = static
  args = uid={u} gid={g} home={d}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {p}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-reader {{
    user = {u}
  }}
  unix_listener stats-writer {{
    user = {u}
  }}
}}
""".format(d=d, u=self.user, g=group, p=self.port))
        self._own(top)
        cmd = ["/usr/sbin/dovecot", "-F", "-c", self.conf]
        if os.getuid() == 0:
            cmd = ["setpriv", "--reuid=%d" % self.uid, "--regid=%d" % self.gid,
                   "--clear-groups", "--"] + cmd
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        deadline = time.time() + 15
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("dovecot did not start: " + self.log())

    def _own(self, top):
        if os.getuid() != 0:
            return
        os.chown(top, self.uid, self.gid)
        for root, dirs, files in os.walk(self.top):
            for n in dirs + files + [""]:
                os.chown(os.path.join(root, n), self.uid, self.gid)

    def deliver(self, name, data, seen=False):
        """A message into the INBOX, already read (\\Seen) or new."""
        if seen:
            path = os.path.join(self.maildir, "cur", name + ":2,S")
        else:
            path = os.path.join(self.maildir, "new", name)
        with open(path, "wb") as f:
            f.write(data)
        if os.getuid() == 0:
            os.chown(path, self.uid, self.gid)
        return path

    def flags(self):
        """The file names in cur/ and new/, with their flags."""
        return sorted(os.listdir(os.path.join(self.maildir, "cur"))
                      + ["new/" + n for n in os.listdir(os.path.join(self.maildir, "new"))])

    def log(self):
        try:
            with open(os.path.join(self.top, "dovecot.log")) as f:
                return f.read()
        except OSError:
            return ""

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run(*args, env=None):
    """scrivano ARGS: (status, stdout, stderr)."""
    e = dict(os.environ, LANG="C", LC_ALL="C")
    if env:
        e.update(env)
    p = subprocess.run([SCRIVANO] + list(args), capture_output=True, text=True, env=e)
    return p.returncode, p.stdout, p.stderr


def make_book(book):
    """A new book with the company profile, a customer, an invoice issued as
    1/2026: its id."""
    st, out, err = run("book", "init", book)
    if st != 0:
        raise RuntimeError("book init: " + err)
    db = sqlite3.connect(book)
    db.executescript("""
    UPDATE company SET kind = 'C', name = 'Scrivano Srl', piva = '01234567897',
      cf = '01234567897', regime = 'RF01', address = 'Via Roma', street_no = '1',
      cap = '20121', city = 'Milano', province = 'MI', country = 'IT',
      pec = 'fatture@pec.example.it' WHERE id = 1;
    INSERT INTO parties (role, kind, name, piva, address, cap, city, province, country,
      sdi) VALUES ('C', 'C', 'Cliente Srl', '12345678903', 'Via Verdi 2', '00184',
      'Roma', 'RM', 'IT', 'ABC1234');
    INSERT INTO documents (direction, kind, state, party_id, type, date, pay_terms, pay_method)
      VALUES ('S', 'FAT', 'D', 1, 'TD01', '2026-03-02', '', 'MP05');
    INSERT INTO document_lines (document_id, seq, line_no, description, quantity, unit,
      unit_price, discounts, total, vat_rate, line_type, article_id, code) VALUES
      (1, 1, 1, 'Consulenza', '2.00', 'h', '50.00', '', '100.00', 2200, '', NULL, '');
    """)
    db.commit()
    db.close()
    st, out, err = run("document", "issue", "1", "--book", book)
    if st != 0:
        raise RuntimeError("document issue: " + out + err)
    return 1


def pec_settings(book, port, security="TLS", ca="", password=PASSWORD, imap_port=993,
                 imap_security="TLS"):
    """The PEC settings, as a test sets them (the form is test_pec.py's)."""
    rows(book, "UPDATE pec_settings SET smtp_host = '127.0.0.1', smtp_port = ?,"
         " smtp_security = ?, imap_host = '127.0.0.1', imap_port = ?, imap_security = ?,"
         " username = ?, password = ?, from_address = ?, ca_file = ? WHERE id = 1",
         port, security, imap_port, imap_security, USER, password, USER, ca)


def tempfile_dir():
    import tempfile
    return tempfile.mkdtemp(prefix="scrivano-pec-")


def delivery_receipt(file, sdi_id=4242):
    """SdI's RicevutaConsegna (RC) of file."""
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<types:RicevutaConsegna xmlns:types="http://www.fatturapa.gov.it/sdi/messaggi/v1.0" """
           """xmlns:ds="http://www.w3.org/2000/09/xmldsig#" versione="1.0">
  <IdentificativoSdI>%d</IdentificativoSdI>
  <NomeFile>%s</NomeFile>
  <Hash>6b1f0c3a</Hash>
  <DataOraRicezione>2026-03-02T10:00:00.000+01:00</DataOraRicezione>
  <DataOraConsegna>2026-03-02T10:05:00.000+01:00</DataOraConsegna>
  <Destinatario><Codice>ABC1234</Codice><Descrizione>Cliente Srl</Descrizione></Destinatario>
  <MessageId>901</MessageId>
</types:RicevutaConsegna>
""" % (sdi_id, file)).encode()


def b64(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def pec_envelope(file, name, receipt):
    """What a PEC provider delivers: SdI's message about file, its
    attachment receipt named name, as postacert.eml."""
    inner = ("From: sdi01@pec.fatturapa.it\r\nTo: %s\r\n"
             "Subject: Ricevuta di consegna %s\r\n"
             "Content-Type: multipart/mixed; boundary=\"sdi\"\r\n\r\n"
             "--sdi\r\nContent-Type: text/plain\r\n\r\nRicevuta di consegna.\r\n"
             "--sdi\r\nContent-Type: application/octet-stream; name=\"%s\"\r\n"
             "Content-Transfer-Encoding: base64\r\n"
             "Content-Disposition: attachment; filename=\"%s\"\r\n\r\n%s\r\n"
             "--sdi--\r\n") % (USER, file, name, name, b64(receipt))
    return ("Return-Path: <posta-certificata@pec.example.it>\r\n"
            "From: \"Per conto di: sdi01@pec.fatturapa.it\" <posta-certificata@pec.example.it>\r\n"
            "To: %s\r\nSubject: POSTA CERTIFICATA: Ricevuta di consegna %s\r\n"
            "X-Trasporto: posta-certificata\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
            " micalg=sha-256; boundary=\"out\"\r\n\r\n"
            "--out\r\nContent-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n"
            "--mix\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            "Messaggio di posta certificata: il messaggio originale =E8 allegato.\r\n"
            "--mix\r\nContent-Type: application/xml; name=\"daticert.xml\"\r\n"
            "Content-Disposition: inline; filename=\"daticert.xml\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n%s\r\n"
            "--mix\r\nContent-Type: message/rfc822; name=\"postacert.eml\"\r\n"
            "Content-Disposition: inline; filename=\"postacert.eml\"\r\n\r\n%s\r\n"
            "--mix--\r\n"
            "--out\r\nContent-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "Content-Disposition: attachment; filename=\"smime.p7s\"\r\n\r\nMIIBAA==\r\n"
            "--out--\r\n") % (USER, file, b64(b"<postacert tipo=\"posta-certificata\"/>"),
                              inner)
