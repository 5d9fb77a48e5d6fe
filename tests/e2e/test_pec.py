"""The PEC settings and Send to SdI end to end (issue 15): a real OpenSSH
client logs in to a real `scrivano serve`, opens PEC settings from the
main menu and types the local SMTP server (aiosmtpd on 127.0.0.1 with TLS,
its certificate as the CA file), the user and the password, which shows
as * while typed; saved, the book keeps the password, and the form opened
again shows that one is kept, never the password. Then an issued invoice's
commands (Esc c) offer Send to SdI: confirmed, the file is made (the
export, against the official schema) and mailed, the status line telling
the progress while the server takes its time, then naming the file; the
server has the message with the file as its attachment, and the book the
file and the document sent with the message's Message-ID. Last, SdI's
delivery receipt waits in the PEC mailbox (a local dovecot IMAP server):
the invoice's command Fetch SdI's answers reads it, says what it
imported, and the form and the book show the invoice delivered (C)."""

import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import Server, Tap, book_rows, fatturapa_schema_copy  # noqa: E402
import pecfix  # noqa: E402

tap = Tap()

F2, F10 = "\x1bOQ", "\x1b[21~"
ENTER, TAB = "\r", "\t"
FILE = "IT01234567897_00001.xml"


def prepare(srv, book, cert):
    pecfix.make_book(book)
    ca = os.path.join(srv.datadir, "ca.pem")
    shutil.copy(cert, ca)
    srv.give_datadir()
    return ca


def test_settings(c, book, ca, port):
    c.pick("PEC settings")
    tap.ok("the menu's PEC settings opens the PEC settings",
           c.wait_for("PEC settings", 5) and c.wait_for("Outgoing mail (SMTP)", 5),
           c.screen_text())
    tap.ok("SdI's first address is offered", "sdi01@pec.fatturapa.it" in c.screen_text(),
           c.screen_text())
    c.send("127.0.0.1" + TAB + str(port) + TAB + TAB + "127.0.0.1" + TAB + TAB + TAB)
    c.send(pecfix.USER + TAB + pecfix.PASSWORD)
    c.wait_for("*" * len(pecfix.PASSWORD), 5)
    tap.ok("the password shows as * while typed",
           "*" * len(pecfix.PASSWORD) in c.screen_text() and
           pecfix.PASSWORD not in c.screen_text(), c.screen_text())
    c.send(TAB + TAB + TAB + ca)
    c.wait_for(ca, 5)
    c.send(F2)
    tap.ok("saved", c.wait_for("Saved.", 10), c.screen_text())
    tap.is_eq("the book keeps the password", book_rows(
        book, "SELECT password, smtp_port, username, ca_file FROM pec_settings"),
        [(pecfix.PASSWORD, port, pecfix.USER, ca)])
    tap.ok("the saved form shows none of it",
           pecfix.PASSWORD not in c.screen_text() and
           re.search(r"Password kept +\[Yes", c.screen_text()), c.screen_text())
    c.send(F10)
    c.wait_for("Main menu", 5)
    c.pick("PEC settings")
    tap.ok("opened again: a password is kept, the field is empty, nothing of it shows",
           c.wait_for("Outgoing mail (SMTP)", 5) and
           re.search(r"Password +\[ +\]", c.screen_text()) and
           re.search(r"Password kept +\[Yes", c.screen_text()) and
           "*" * len(pecfix.PASSWORD) not in c.screen_text() and
           pecfix.PASSWORD not in c.text(), c.screen_text())
    c.send(F10)
    c.wait_for("Main menu", 5)


def test_send(c, book, smtp):
    c.send("D")
    c.settle()
    c.send(ENTER)
    c.wait_for("Invoices", 5)
    c.send("5")
    tap.ok("the invoices' list", c.wait_for("1/2026", 5), c.screen_text())
    c.send(ENTER)
    c.wait_for(re.compile(r"Invoice 1/2026"), 5)
    tap.ok("an issued invoice's commands offer Send to SdI",
           c.pick_command("Send to SdI", c.ESC_C), c.screen_text())
    tap.ok("it asks first", c.wait_for("Mail this document's FatturaPA file to SdI", 5),
           c.screen_text())
    c.send("y")
    tap.ok("the status line tells the progress while the server answers",
           c.wait_for(re.compile(r"(Connecting to|Connected to|Sending to) 127\.0\.0\.1"), 10),
           c.screen_text())
    tap.ok("then names the file mailed to SdI",
           c.wait_for("%s mailed to SdI" % FILE, 20), c.screen_text())
    tap.is_eq("the server has one message", len(smtp.messages), 1)
    if smtp.messages:
        m = smtp.message(0)
        parts = list(m.iter_attachments())
        xml = book_rows(book, "SELECT xml FROM sdi_files")
        xml = xml[0][0] if xml else b"?"
        tap.ok("its attachment is the file the export made, byte for byte",
               [p.get_filename() for p in parts] == [FILE] and
               parts[0].get_payload(decode=True) == xml, m.as_string()[:2000])
        tap.is_eq("the book: the file sent with its Message-ID, the document sent",
                  book_rows(book, "SELECT f.state, f.message_id, d.state FROM sdi_files f"
                            " JOIN documents d ON d.id = f.document"),
                  [("S", m["Message-ID"], "S")])
    c.send(F10)


def test_fetch(c, book, imap):
    """SdI's receipt of the file sent, fetched from the TUI."""
    rc = FILE.replace(".xml", "_RC_001.xml")
    imap.deliver("1000.pec", pecfix.pec_envelope(FILE, rc, pecfix.delivery_receipt(FILE))
                 .encode("latin-1"))
    book_rows(book, "UPDATE pec_settings SET imap_port = ?, imap_security = 'TLS'", imap.port)
    c.wait_for("1/2026", 5)
    c.send(ENTER)
    c.wait_for(re.compile(r"Invoice 1/2026"), 5)
    tap.ok("a sent invoice's commands offer Fetch SdI's answers",
           c.pick_command("Fetch SdI's answers", c.ESC_C), c.screen_text())
    tap.ok("the status line says the receipt was imported",
           c.wait_for("1 new SdI answers imported", 20), c.screen_text())
    tap.is_eq("the book: the file and the document delivered, SdI's id kept",
              book_rows(book, "SELECT f.state, f.sdi_id, d.sdi_state FROM sdi_files f"
                        " JOIN documents d ON d.id = f.document"), [("C", "4242", "C")])
    tap.is_eq("the receipt kept by its name",
              book_rows(book, "SELECT file_name, kind FROM sdi_messages"), [(rc, "RC")])
    tap.ok("the form shows the SdI state C (delivered)",
           c.wait_for(re.compile(r"SdI \[C"), 5), c.screen_text())
    c.send(F10)


def main():
    xsd_dir = fatturapa_schema_copy()
    if xsd_dir is None:
        print("1..0 # SKIP no FatturaPA schema (SCRIVANO_FATTURAPA)")
        sys.exit(0)
    top = pecfix.tempfile_dir()
    cert, key = pecfix.make_cert(top)
    smtp = pecfix.Smtp(cert, key, delay=1.5)
    imap = pecfix.Dovecot(top, cert, key)
    try:
        with Server(users={"anna": "pw-anna"}, tap=tap,
                    env={"SCRIVANO_FATTURAPA": xsd_dir}) as srv:
            book = srv.book_path("anna")
            ca = prepare(srv, book, cert)
            with srv.client("anna", "pw-anna", term="xterm") as c:
                tap.ok("logged in", c.wait_for("Main menu", 10), c.screen_text())
                test_settings(c, book, ca, smtp.port)
                test_send(c, book, smtp)
                test_fetch(c, book, imap)
    finally:
        smtp.stop()
        imap.stop()
        shutil.rmtree(top, ignore_errors=True)


main()
sys.exit(tap.done())
