"""`scrivano fatturapa fetch` against a local IMAP server (Debian's
dovecot-imapd on 127.0.0.1, started by this test as an unprivileged user
with a configuration file and a passwd-file user of its own, TLS with a
certificate this test makes): the INBOX holds SdI's receipt of a file the
book sent, inside a PEC envelope (postacert.eml beside daticert.xml, the
provider's signature around them) and already read in a mail client
(\\Seen), and a message that is not from SdI, unread. Every message is
read, whatever its flag; the receipt is found by its file name and
imported (the file and the document delivered, SdI's id kept), the other
message skipped; the unread message stays unread on the server; read
again, the receipt is already seen. A wrong password and a server that is
down are named, and import nothing."""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "e2e"))
import pecfix  # noqa: E402
from harness import Tap  # noqa: E402

FILE = "IT01234567897_00001.xml"
RC = "IT01234567897_00001_RC_001.xml"
OTHER = ("From: newsletter@example.it\r\nTo: %s\r\nSubject: Offerte\r\n\r\n"
         "Nessun allegato.\r\n" % pecfix.USER)

tap = Tap()
top = tempfile.mkdtemp(prefix="scrivano-pec-fetch-")
cert, key = pecfix.make_cert(top)
book = os.path.join(top, "anna.sqlite")
doc = pecfix.make_book(book)
pecfix.rows(book, "INSERT INTO sdi_files (document, name, xml, sha256, made, sent, message_id,"
            " state) VALUES (?, ?, '<x/>', '', '2026-03-02 09:00:00', '2026-03-02 09:01:00',"
            " '<1@pec.example.it>', 'S')", doc, FILE)
pecfix.rows(book, "UPDATE documents SET state = 'S', sdi_state = 'S' WHERE id = ?", doc)
imap = pecfix.Dovecot(top, cert, key)


def fetch():
    return pecfix.run("fatturapa", "fetch", "--book", book)


try:
    imap.deliver("1000.pec", pecfix.pec_envelope(FILE, RC, pecfix.delivery_receipt(FILE))
                 .encode("latin-1"), seen=True)
    imap.deliver("1001.other", OTHER.encode())
    down = pecfix.free_port()
    pecfix.pec_settings(book, 465, ca=cert, imap_port=down)
    st, out, err = fetch()
    tap.diag(err)
    tap.ok("an IMAP server that is down: status 1, named",
           st == 1 and "127.0.0.1:%d" % down in err, err)
    pecfix.pec_settings(book, 465, ca=cert, imap_port=imap.port, password="wrong")
    st, out, err = fetch()
    tap.diag(err)
    tap.ok("a wrong password: status 1, the server's answer named",
           st == 1 and "Login denied" in err and "AUTHENTICATIONFAILED" in err, err)
    tap.is_eq("nothing imported", pecfix.rows(book, "SELECT state FROM sdi_files"), [("S",)])

    pecfix.pec_settings(book, 465, ca=cert, imap_port=imap.port)
    st, out, err = fetch()
    tap.diag(out + err)
    tap.ok("read: status 0", st == 0, out + err)
    tap.ok("the progress said which message it read", "Reading message 2 of 2" in err, err)
    tap.ok("the receipt found inside the PEC envelope, though already read", RC in out, out)
    tap.ok("the report: two messages read, one with no SdI answer skipped",
           "2 messages read" in out and "1 messages with none skipped" in out
           and "0 errors" in out, out)
    tap.ok("the receipt is imported", "1 new SdI answers imported" in out, out)
    tap.is_eq("the file is delivered, with SdI's id; the document too", pecfix.rows(
        book, "SELECT f.state, f.sdi_id, d.sdi_state FROM sdi_files f"
        " JOIN documents d ON d.id = f.document"), [("C", "4242", "C")])
    tap.is_eq("the receipt is kept by its name", pecfix.rows(
        book, "SELECT file_name, kind FROM sdi_messages"), [(RC, "RC")])
    tap.ok("the message that was unread stays unread on the server",
           [n for n in imap.flags() if "other" in n and ":2,S" in n] == [],
           imap.flags())
    tap.ok("the one read stays read", [n for n in imap.flags() if "pec" in n and ":2,S" in n],
           imap.flags())
    st, out, err = fetch()
    tap.diag(out)
    tap.ok("read again: the receipt is already seen, nothing imported twice",
           st == 0 and "0 new SdI answers imported, 1 already seen" in out and
           "already imported" in out, out + err)
    tap.is_eq("one receipt in the book", pecfix.rows(book, "SELECT count(*) FROM sdi_messages"),
              [(1,)])
    st, out, err = pecfix.run("fatturapa", "fetch", "--book", book, "extra")
    tap.ok("an extra word: the usage, status 2", st == 2 and "fatturapa fetch --book" in err, err)
finally:
    imap.stop()
sys.exit(tap.done())
