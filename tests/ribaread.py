#!/usr/bin/env python3
"""The tests' own reader of a CBI Ri.Ba. presentation file, written from
the record layouts (not from scrivano's writer): it checks the file's
shape and gives back its receipts.

The shape: every record 120 characters and CR LF; only upper-case
letters, digits, blank and . , - / ' ( ) + : ?; IB first, EF last, each
receipt the records 14 20 30 40 50 51 70 in that order with the same
progressive number (1, 2, ...); EF's sender, bank, day and name as IB's,
its count of receipts, total of their amounts and count of records
agreeing with what the file holds.

    ribaread.py FILE   prints one line a receipt:
                       number|debtor|cents|due YYYY-MM-DD|invoice|invoice date|ABI|CAB
                       or the first fault, exit 1."""
import re
import sys

ALLOWED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-/'()+:?")
ORDER = ["14", "20", "30", "40", "50", "51", "70"]


class Fault(Exception):
    pass


def cut(rec, first, last):
    """Positions first..last, 1-based as the CBI layouts number them."""
    return rec[first - 1:last]


def day(ddmmyy):
    if not re.fullmatch(r"\d{6}", ddmmyy):
        raise Fault("not a DDMMYY date: %r" % ddmmyy)
    return "20%s-%s-%s" % (ddmmyy[4:6], ddmmyy[2:4], ddmmyy[0:2])


def records(data):
    if not data.endswith(b"\r\n"):
        raise Fault("the file does not end with CR LF")
    recs = data[:-2].split(b"\r\n")
    for i, raw in enumerate(recs, 1):
        if len(raw) != 120:
            raise Fault("record %d is %d characters, not 120" % (i, len(raw)))
        bad = set(raw.decode("latin-1")) - ALLOWED
        if bad:
            raise Fault("record %d has characters outside the CBI set: %r"
                        % (i, "".join(sorted(bad))))
    return [r.decode("ascii") for r in recs]


def read(data):
    """The receipts of a file's bytes, as dicts; Fault on a bad file."""
    recs = records(data)
    if len(recs) < 2 or cut(recs[0], 1, 3) != " IB" or cut(recs[-1], 1, 3) != " EF":
        raise Fault("the file does not open with IB and close with EF")
    body = recs[1:-1]
    if len(body) % 7 != 0 or not body:
        raise Fault("%d records between IB and EF: not seven a receipt" % len(body))
    ib, ef = recs[0], recs[-1]
    if cut(ib, 4, 39) != cut(ef, 4, 39):
        raise Fault("EF's sender, bank, day or name differ from IB's")
    if cut(ib, 114, 114) != "E":
        raise Fault("IB's currency is not E")
    out = []
    for k in range(len(body) // 7):
        group = body[7 * k:7 * k + 7]
        for rec, code in zip(group, ORDER):
            if cut(rec, 1, 3) != " " + code:
                raise Fault("receipt %d: record %r where %s was due"
                            % (k + 1, cut(rec, 1, 3), code))
            if cut(rec, 4, 10) != "%07d" % (k + 1):
                raise Fault("receipt %d: record %s numbered %s"
                            % (k + 1, code, cut(rec, 4, 10)))
        r14, r20, r30, r40, r50, r51, r70 = group
        if cut(r14, 29, 33) != "30000" or cut(r14, 47, 47) != "-":
            raise Fault("receipt %d: causale or sign wrong" % (k + 1))
        if cut(r14, 120, 120) != "E":
            raise Fault("receipt %d: currency is not E" % (k + 1))
        if cut(r14, 48, 52) != cut(ib, 9, 13):
            raise Fault("receipt %d: the creditor's ABI is not IB's" % (k + 1))
        ref = re.match(r"FATT\. (.+) DEL (\d\d)/(\d\d)/(\d{4})", cut(r50, 11, 50))
        if ref is None:
            raise Fault("receipt %d: no invoice in record 50" % (k + 1))
        out.append({
            "number": int(cut(r51, 11, 20)),
            "debtor": cut(r30, 11, 70).rstrip(),
            "fiscal": cut(r30, 71, 86).rstrip(),
            "cents": int(cut(r14, 34, 46)),
            "due": day(cut(r14, 23, 28)),
            "doc": ref.group(1),
            "doc_date": "%s-%s-%s" % (ref.group(4), ref.group(3), ref.group(2)),
            "abi": cut(r14, 70, 74),
            "cab": cut(r14, 75, 79),
            "creditor": cut(r20, 11, 34).rstrip(),
            "city": cut(r40, 46, 67).rstrip(),
        })
    if int(cut(ef, 46, 52)) != len(out):
        raise Fault("EF counts %s receipts, the file holds %d" % (cut(ef, 46, 52), len(out)))
    if int(cut(ef, 53, 67)) != sum(r["cents"] for r in out):
        raise Fault("EF's total %s is not the receipts' %d"
                    % (cut(ef, 53, 67), sum(r["cents"] for r in out)))
    if cut(ef, 68, 82) != "0" * 15:
        raise Fault("EF has positive amounts")
    if int(cut(ef, 83, 89)) != len(recs):
        raise Fault("EF counts %s records, the file has %d" % (cut(ef, 83, 89), len(recs)))
    return out


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-3].strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], "rb") as f:
            got = read(f.read())
    except (OSError, Fault) as e:
        print("ribaread: %s" % e, file=sys.stderr)
        return 1
    for r in got:
        print("%(number)d|%(debtor)s|%(cents)d|%(due)s|%(doc)s|%(doc_date)s|%(abi)s|%(cab)s"
              % r)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
