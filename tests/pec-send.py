"""`scrivano fatturapa send` against a local SMTP server (Debian's
python3-aiosmtpd on 127.0.0.1, a free port, TLS with a certificate this
test makes, given as the CA file setting): an issued invoice is exported
by send itself, and its FatturaPA file mailed to SdI's address; the
message read back has the file as its attachment, byte for byte the
sdi_files row's and valid against the official schema, and the Message-ID
the book keeps; the file and the document go to state S. Before that,
settings that are missing (no file made then), a server that is down, a
certificate not trusted and a refused login (over STARTTLS) each give
their message, name the server's answer, and send nothing: the file made
stays made, the document issued. After it, the file is not sent twice."""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "e2e"))
import pecfix  # noqa: E402
from harness import Tap  # noqa: E402

if not os.path.isfile(os.path.join(os.environ.get("SCRIVANO_FATTURAPA", ""),
                                   "Schema_del_file_xml_FatturaPA_v1.2.2.xsd")):
    print("1..0 # SKIP no FatturaPA schema (SCRIVANO_FATTURAPA): send makes the file")
    sys.exit(0)
tap = Tap()
top = tempfile.mkdtemp(prefix="scrivano-pec-send-")
cert, key = pecfix.make_cert(top)
book = os.path.join(top, "anna.sqlite")
doc = pecfix.make_book(book)
smtps = pecfix.Smtp(cert, key)
starttls = pecfix.Smtp(cert, key, starttls=True)


def state():
    return pecfix.rows(book, "SELECT f.state, f.sent, f.message_id, d.state, d.sdi_state"
                       " FROM sdi_files f JOIN documents d ON d.id = f.document")


def send():
    return pecfix.run("fatturapa", "send", "--book", book, str(doc))


try:
    before = state()
    tap.is_eq("the invoice is issued, with no file yet", pecfix.rows(
        book, "SELECT state, sdi_state, (SELECT count(*) FROM sdi_files) FROM documents"),
        [("I", "", 0)])
    st, out, err = send()
    tap.ok("with no mail server in the settings, send refuses naming it",
           st == 1 and "SMTP server" in err, err)
    tap.is_eq("and makes no file for a mail that cannot go", state(), [])

    down = pecfix.free_port()
    pecfix.pec_settings(book, down, ca=cert)
    st, out, err = send()
    tap.diag(err)
    tap.ok("a server that is down: status 1, the server and curl's reason named",
           st == 1 and "127.0.0.1:%d" % down in err and "connect" in err, err)
    before = state()
    tap.is_eq("nothing is sent: the file the export made stays made, the document issued",
              [(r[0], r[2], r[3], r[4]) for r in before], [("X", "", "I", "X")])
    xml = pecfix.rows(book, "SELECT xml FROM sdi_files")[0][0]

    pecfix.pec_settings(book, smtps.port)
    st, out, err = send()
    tap.diag(err)
    tap.ok("a certificate not trusted (no CA file): refused, the TLS failure named",
           st == 1 and "certificate" in err, err)
    tap.is_eq("and nothing changed", state(), before)

    pecfix.pec_settings(book, starttls.port, security="STARTTLS", ca=cert,
                        password="wrong")
    st, out, err = send()
    tap.diag(err)
    tap.ok("a refused login (STARTTLS): the server's own answer named",
           st == 1 and "535" in err and "Login denied" in err, err)
    tap.is_eq("and nothing changed", state(), before)
    tap.is_eq("no message reached either server", len(smtps.messages) +
              len(starttls.messages), 0)

    pecfix.pec_settings(book, smtps.port, ca=cert)
    st, out, err = send()
    tap.ok("sent: status 0, the file and the Message-ID named", st == 0 and
           "IT01234567897_00001.xml mailed to SdI (%s)" % pecfix.SDI in out, out + err)
    tap.ok("the progress said it connected and sent", "Connecting to 127.0.0.1" in err and
           "Sent: the server said: 250" in err, err)
    tap.is_eq("one message reached the server", len(smtps.messages), 1)
    if smtps.messages:
        frm, rcpt, raw = smtps.messages[0]
        tap.is_eq("from the PEC mailbox to SdI's address", (frm, rcpt),
                  (pecfix.USER, [pecfix.SDI]))
        m = smtps.message(0)
        files = [p for p in m.iter_attachments()]
        tap.is_eq("one attachment, named as the file",
                  [p.get_filename() for p in files], ["IT01234567897_00001.xml"])
        tap.ok("application/xml, its bytes the book's file's",
               files and files[0].get_content_type() == "application/xml" and
               files[0].get_content() in (xml, xml.decode()), files and files[0].get_content())
        xsd = os.path.join(os.environ.get("SCRIVANO_FATTURAPA", ""),
                           "Schema_del_file_xml_FatturaPA_v1.2.2.xsd")
        got = os.path.join(top, "got.xml")
        with open(got, "wb") as f:
            f.write(files[0].get_payload(decode=True) if files else b"")
        v = subprocess.run(["xmllint", "--noout", "--schema", xsd, got], capture_output=True,
                           text=True)
        tap.ok("the file mailed passes xmllint --schema", v.returncode == 0, v.stderr)
        tap.ok("Date, From, To and Subject", m["Date"] and m["From"] == pecfix.USER and
               m["To"] == pecfix.SDI and "IT01234567897_00001.xml" in m["Subject"], str(m))
        after = state()
        tap.ok("the file is sent, with the message's Message-ID and the time",
               after[0][0] == "S" and after[0][2] == m["Message-ID"] and
               after[0][1].startswith("20"), after)
        tap.is_eq("the document is sent too, and its SdI state", after[0][3] + after[0][4], "SS")
    st, out, err = send()
    tap.ok("a file sent once is not sent again", st == 1 and "sent already" in err, err)
    tap.is_eq("no second message", len(smtps.messages), 1)
    st, out, err = pecfix.run("fatturapa", "send", str(doc))
    tap.ok("without --book: the usage, status 2", st == 2 and "fatturapa send --book" in err, err)
    st, out, err = pecfix.run("fatturapa", "send", "--book", book, "x1")
    tap.ok("a document number that is none: status 2", st == 2, err)
finally:
    smtps.stop()
    starttls.stop()
sys.exit(tap.done())
