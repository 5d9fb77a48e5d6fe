#!/usr/bin/env python3
"""Prints the lines of data/f24-codici.txt for the codici tributo of the
Agenzia delle Entrate's table of Erario and Regioni codes (the
TABELLA_EREL_*.xlsx of "Tabelle dei codici tributo e altri codici per il
modello F24") that the file does not list yet:

    tools/f24-codici-gen.py TABELLA_EREL_11_11_2025.xlsx data/f24-codici.txt

Each row's columns become the line's attributes (format in the file's
header): TIPO TRIBUTO Erario, Regioni, Enti locali as ER, RG, EL;
ANNO DI RIFERIMENTO AAAA as A; RATEAZIONE/MESE RIF. NNRR or FFFF as r
(rateazione allowed), 00MM as M (mese rif. required), the others
(0000, a region, a province, a comune: fields of their own here) none;
MODALITA' DI UTILIZZO E (debit and credit) or R (credit only) as C, D as
-. The xlsx is read with the standard library (an xlsx is a zip of XML)."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def cells(path):
    z = zipfile.ZipFile(path)
    strings = [
        "".join(t.text or "" for t in si.iter(NS + "t"))
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(NS + "si")
    ]
    for name in sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet")):
        for row in ET.fromstring(z.read(name)).iter(NS + "row"):
            out = {}
            for c in row.findall(NS + "c"):
                col = re.match(r"[A-Z]+", c.get("r")).group()
                v = c.find(NS + "v")
                if v is None:
                    out[col] = "".join(t.text or "" for t in c.iter(NS + "t"))
                else:
                    out[col] = strings[int(v.text)] if c.get("t") == "s" else v.text
            yield out


SECTIONS = {"Erario": "ER", "Regioni": "RG"}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: tools/f24-codici-gen.py TABELLA_EREL.xlsx data/f24-codici.txt")
    with open(sys.argv[2], encoding="utf-8") as f:
        listed = {l.split()[0] for l in f if l.strip() and not l.startswith("#")}
    for r in cells(sys.argv[1]):
        code, use, kind = r.get("A", ""), r.get("B", ""), r.get("C", "")
        if not re.fullmatch(r"[0-9A-Z]{4}", code) or use not in ("D", "E", "R"):
            continue
        if code in listed:
            continue
        section = SECTIONS.get(kind, "EL" if kind.startswith("Enti locali") else None)
        if section is None:
            sys.exit("%s: unknown TIPO TRIBUTO %r" % (code, kind))
        refs = ("A" if r.get("E") == "AAAA" else "") + \
            {"NNRR": "r", "FFFF": "r", "00MM": "M"}.get(r.get("D", ""), "")
        text = re.sub(r"\s+", " ", r.get("I", "")).strip()
        if not text:
            sys.exit("%s: no description" % code)
        print("%s  %s %s %s  %s" % (code, section, refs or "-", "C" if use in "ER" else "-", text))


main()
