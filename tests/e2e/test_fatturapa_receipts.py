"""SdI's receipts end to end (issue 15, point 3): a real OpenSSH client logs
in to a real `scrivano serve`; an invoice issued in the TUI is exported
(Export XML), then its commands' SdI receipt imports a notifica di scarto
from the book's import folder: the form shows it rejected (SdI [R]) with
the code on screen, and the rejection's codes and texts on its third page.
The rejected invoice is corrected in the form (its operation date) and
saved under the same number, exported again as a new file (progressivo
00002), and a ricevuta di consegna of that file moves it to delivered
(SdI [C]); the first file stays rejected. A receipt imported twice is
already seen; one of no file of the book is refused on screen."""

import datetime
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, Tap, book_rows  # noqa: E402
from test_fatturapa_export import make_book, open_draft, schema_copy  # noqa: E402

tap = Tap()

F2, F10, F11 = "\x1bOQ", "\x1b[21~", "\x1b[23~"
ENTER, TAB = "\r", "\t"
PGDN, PGUP = "\x1b[6~", "\x1b[5~"
YEAR = datetime.date.today().year
NS = "http://www.fatturapa.gov.it/sdi/messaggi/v1.0"


def message(root, sdi_id, nome_file, rest):
    """An SdI message written by hand (the MessaggiTypes element names)."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<types:%s xmlns:types="%s" versione="1.0">\n'
            '  <IdentificativoSdI>%s</IdentificativoSdI>\n  <NomeFile>%s</NomeFile>\n'
            '%s</types:%s>\n' % (root, NS, sdi_id, nome_file, rest, root))


def scarto(nome_file):
    return message("NotificaScarto", "111222", nome_file,
                   "  <DataOraRicezione>%d-01-02T10:00:00.000+01:00</DataOraRicezione>\n"
                   "  <ListaErrori>\n"
                   "    <Errore><Codice>00305</Codice><Descrizione>1.4.1.1.2 IdCodice non "
                   "valido</Descrizione><Suggerimento>Verificare la partita IVA del "
                   "cessionario</Suggerimento></Errore>\n"
                   "    <Errore><Codice>00404</Codice><Descrizione>Fattura duplicata"
                   "</Descrizione></Errore>\n"
                   "  </ListaErrori>\n  <MessageId>77</MessageId>\n" % YEAR)


def consegna(nome_file):
    return message("RicevutaConsegna", "333444", nome_file,
                   "  <DataOraRicezione>%d-01-03T10:00:00.000+01:00</DataOraRicezione>\n"
                   "  <DataOraConsegna>%d-01-03T10:05:00.000+01:00</DataOraConsegna>\n"
                   "  <Destinatario><Codice>ABC1234</Codice></Destinatario>\n"
                   "  <MessageId>78</MessageId>\n" % (YEAR, YEAR))



def receipt(c, name):
    """The command SdI receipt with the file name typed at its prompt."""
    ok = c.pick_command("SdI receipt") and c.wait_for("SdI receipt file to import", 5)
    c.send(name + ENTER)
    return ok


def issue(c, number):
    """The commands' Issue, confirmed."""
    c.send(F11)
    ok = c.wait_for("Commands", 5) and c.wait_for("Issue", 5)
    c.send(ENTER)
    ok = ok and c.wait_for("Issue this document?", 10)
    c.send("y")
    return tap.ok("issued in the TUI as %s" % number,
                  ok and c.wait_for("Issued as %s." % number, 15), c.screen_text())


def put(folder, name, text):
    with open(os.path.join(folder, name), "w") as f:
        f.write(text)


def main():
    xsd_dir = schema_copy()
    if xsd_dir is None:
        print("1..0 # SKIP no FatturaPA schema (SCRIVANO_FATTURAPA)")
        return 0
    with Server(users={"anna": "pw-anna"}, tap=tap,
                env={"SCRIVANO_TODAY": None, "SCRIVANO_FATTURAPA": xsd_dir}) as srv:
        book = make_book(srv)
        imports = os.path.join(os.path.dirname(book), "import", "anna")
        os.makedirs(imports, 0o700)
        first, second = "IT01234567897_00001.xml", "IT01234567897_00002.xml"
        ns_name, rc_name = "IT01234567897_00001_NS_001.xml", "IT01234567897_00002_RC_001.xml"
        put(imports, ns_name, scarto(first))
        put(imports, rc_name, consegna(second))
        put(imports, "IT09999999999_0000Z_RC_001.xml", consegna("IT09999999999_0000Z.xml"))
        srv.give_datadir()
        number = "1/%d" % YEAR
        with srv.client("anna", "pw-anna", term="xterm") as c:
            c.wait_for("Main menu", 10)
            tap.ok("the draft opens", open_draft(c, 0), c.screen_text())
            issue(c, number)
            tap.ok("its commands offer Export XML", c.pick_command("Export XML"), c.screen_text())
            tap.ok("exported", c.wait_for("Exported %s into the export folder." % first, 15),
                   c.screen_text())
            tap.ok("SdI [X], made", c.wait_for(re.compile(r"SdI \[X"), 5), c.screen_text())

            # the notifica di scarto
            tap.ok("SdI receipt asks for a file of the import folder", receipt(c, ns_name),
                   c.screen_text())
            tap.ok("the NS imported: rejected, with its codes on screen",
                   c.wait_for("now rejected, was made: 00305 1.4.1.1.2 IdCodice non valido; "
                              "00404 Fattura duplicata", 15), c.flat_text())
            tap.ok("the form shows SdI [R]", c.wait_for(re.compile(r"SdI \[R"), 5),
                   c.screen_text())
            tap.is_eq("the book: the file and the document rejected, SdI's id kept",
                      book_rows(book, "SELECT f.state, f.sdi_id, d.sdi_state FROM sdi_files f "
                                "JOIN documents d ON d.id = f.document"), [("R", "111222", "R")])
            c.send(PGDN + PGDN)
            tap.ok("the third page shows the rejection's codes and texts",
                   c.wait_for(re.compile(r"SdI errors +\[00305 1\.4\.1\.1\.2 IdCodice non "
                                         r"valido; 00404"), 5), c.screen_text())
            c.send(PGUP + PGUP)
            c.wait_for("Operation date", 5)

            # the same receipt again: already seen; a receipt of no file of the book
            receipt(c, ns_name)
            tap.ok("imported again: already imported, nothing changed",
                   c.wait_for("already imported", 15), c.flat_text())
            receipt(c, "IT09999999999_0000Z_RC_001.xml")
            tap.ok("a receipt of no file of the book: refused on screen",
                   c.wait_for("which is no file of this book", 15), c.flat_text())
            tap.is_eq("two messages refused or seen store nothing more",
                      book_rows(book, "SELECT count(*) FROM sdi_messages"), [(1,)])

            # corrected under its number: the operation date typed, saved
            today = datetime.date.today()
            c.send(TAB + TAB)
            c.send(today.strftime("%d/%m/%Y") + F2)
            tap.ok("the rejected invoice's correction is saved",
                   c.wait_for(re.compile(r"[Ss]aved"), 10), c.screen_text())
            tap.is_eq("the book: the operation date corrected, the same number and state",
                      book_rows(book, "SELECT op_date, number, state FROM documents WHERE id = 1"),
                      [(today.isoformat(), number, "I")])
            tap.ok("exported again", c.pick_command("Export XML"), c.screen_text())
            tap.ok("as a new file, progressivo 00002",
                   c.wait_for("Exported %s into the export folder." % second, 15),
                   c.flat_text())
            tap.ok("SdI [X] again", c.wait_for(re.compile(r"SdI \[X"), 5), c.screen_text())

            # the ricevuta di consegna of the new file
            receipt(c, rc_name)
            tap.ok("the RC imported: delivered",
                   c.wait_for("now delivered, was made", 15), c.flat_text())
            tap.ok("the form shows SdI [C]", c.wait_for(re.compile(r"SdI \[C"), 5),
                   c.screen_text())
            tap.is_eq("the book: the first file rejected, the second delivered, the document "
                      "delivered and sent",
                      book_rows(book, "SELECT (SELECT group_concat(name || ' ' || state, '; ') "
                                "FROM sdi_files), sdi_state, state, number FROM documents WHERE id = 1"),
                      [("%s R; %s C" % (first, second), "C", "S", number)])
            c.to_main_menu()
            c.send(F10)
            c.wait_for("End the session?", 5)
            c.send("y")
            c.wait_exit(10)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
