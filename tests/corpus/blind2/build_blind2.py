#!/usr/bin/env python3
"""Builds tests/corpus/blind2/blind2.jsonl from the annotated sources in this folder.

Reuses tests/corpus/build.py: build.read_sources(this folder) and build.render(). Same marker format ({{LABEL|value}}), same JSONL format and
code-point offsets as corpus.jsonl. Values are typed literally (no @generators), checked by
verify() below. Standard library only.
    python3 tests/corpus/blind2/build_blind2.py [--out FILE]   (default blind2/blind2.jsonl)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import build  # noqa: E402  tests/corpus/build.py


def read_blind2_sources():
    return build.read_sources(HERE)


# ---- independent checks -------------------------------------------------------------------
def _digits(s):
    return "".join(c for c in s if c.isdigit())


def iban_ok(v):
    s = v.replace(" ", "")
    if not (s[:2].isalpha() and s[2:4].isdigit()):
        return False
    n = int("".join(str(int(c, 36)) for c in s[4:] + s[:4]))
    return n % 97 == 1


def luhn_ok(v):
    d = _digits(v)
    if len(d) < 13 or len(_digits(v)) != len(v.replace(" ", "").replace("-", "")):
        return False
    t = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch) * (2 if i % 2 else 1)
        t += x - 9 if x > 9 else x
    return t % 10 == 0


def bsn_ok(d):
    return len(d) == 9 and (sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])) % 11 == 0


def be_nn_ok(d):
    if len(d) != 11:
        return False
    cc = int(d[9:])
    return 97 - int(d[:9]) % 97 == cc or 97 - int("2" + d[:9]) % 97 == cc


def nir_ok(d):
    return len(d) == 15 and 97 - int(d[:13]) % 97 == int(d[13:])


def steuer_ok(d):
    if len(d) != 11 or d[0] == "0":
        return False
    counts = sorted((d[:10].count(c) for c in set(d[:10])), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
        return False
    p = 10
    for c in d[:10]:
        t = (int(c) + p) % 10 or 10
        p = (t * 2) % 11
    return (11 - p) % 10 == int(d[10])


def svnr_ok(d):
    if len(d) != 10:
        return False
    w = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]
    return sum(int(a) * b for a, b in zip(d, w)) % 11 == int(d[3])


def ahv_ok(d):
    if len(d) != 13 or not d.startswith("756"):
        return False
    t = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12]))
    return (10 - t % 10) % 10 == int(d[12])


def ppsn_ok(v):
    s = v.replace(" ", "").upper()
    if not (len(s) in (8, 9) and s[:7].isdigit() and s[7].isalpha()):
        return False
    t = sum(int(c) * (8 - i) for i, c in enumerate(s[:7]))
    if len(s) == 9 and s[8] != "W":
        t += (ord(s[8]) - 64) * 9
    return "WABCDEFGHIJKLMNOPQRSTUV"[t % 23] == s[7]


def nino_ok(v):
    s = v.replace(" ", "").upper()
    return (len(s) == 9 and s[0] not in "DFIQUV" and s[1] not in "DFIOQUV" and s[2:8].isdigit()
            and s[8] in "ABCD" and s[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"))


def ssn_ok(v):
    d = _digits(v)
    return len(d) == 9 and d[:3] not in ("000", "666") and d[0] != "9" and d[3:5] != "00" and d[5:] != "0000"


def rvnr_ok(v):
    s = v.replace(" ", "").upper()
    if len(s) != 12 or not s[8].isalpha():
        return False
    n = s[:8] + "%02d" % (ord(s[8]) - 64) + s[9:11]
    w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    return sum(sum(map(int, str(int(a) * b))) for a, b in zip(n, w)) % 10 == int(s[11])


DOC_CUES = ("passport", "paspoort", "passeport", "pass-nr", "reisepass", "id-kaart", "licence")
CHECKS = [("bsn", lambda v: bsn_ok(_digits(v)) and len(_digits(v)) == len(v.replace(" ", "").replace(".", ""))),
          ("be_nn", lambda v: be_nn_ok(_digits(v))), ("nir", lambda v: nir_ok(_digits(v))),
          ("steuer_id", lambda v: steuer_ok(_digits(v))), ("svnr", lambda v: svnr_ok(_digits(v))),
          ("ahv", lambda v: ahv_ok(_digits(v))), ("ssn", lambda v: ("-" in v or " " in v) and len(_digits(v)) == 9 and ssn_ok(v)),
          ("ppsn", ppsn_ok), ("nino", nino_ok), ("rvnr", rvnr_ok)]


def national_id_kind(v, before):
    """(kinds whose check the value passes, is_document). Identity-document numbers (passport,
    ID card, driving licence: no public check digit) are recognised by the cue before them."""
    kinds = [k for k, f in CHECKS if f(v)]
    doc = any(c in before.lower() for c in DOC_CUES)
    return kinds, doc


def verify(records):
    problems = []
    for r in records:
        t, last_end = r["text"], -1
        for sp in sorted(r["spans"], key=lambda s: s["start"]):
            v = sp["value"]
            if t[sp["start"]:sp["end"]] != v:
                problems.append("%s: offset mismatch %r" % (r["id"], v))
            if v != v.strip() or not v:
                problems.append("%s: blank at span edge %r" % (r["id"], v))
            if sp["start"] < last_end:
                problems.append("%s: overlap at %r" % (r["id"], v))
            last_end = sp["end"]
            lab = sp["label"]
            if lab == "IBAN" and not iban_ok(v):
                problems.append("%s: bad IBAN %r" % (r["id"], v))
            if lab == "CREDIT_CARD" and not luhn_ok(v):
                problems.append("%s: bad card %r" % (r["id"], v))
            if lab == "NATIONAL_ID":
                kinds, doc = national_id_kind(v, t[max(0, sp["start"] - 40):sp["start"]])
                if not kinds and not doc:
                    problems.append("%s: NATIONAL_ID passes no check %r" % (r["id"], v))
                if "-v" in sys.argv:
                    print("%s %-28r %s" % (r["id"], v, "document" if doc else "/".join(kinds)))
    return problems


def main():
    records, seen = [], set()
    for r in read_blind2_sources():
        if r["id"] in seen:
            raise SystemExit("duplicate id " + r["id"])
        seen.add(r["id"])
        body = "".join(r["lines"]).strip("\n")
        if "@" in "".join(m.group(2)[:1] for m in build.MARK.finditer(body)):
            raise SystemExit("%s: generators are not used in blind2; type values literally" % r["id"])
        rec = build.render(r["id"], r["lang"], body)
        if r["tags"]:
            rec["tags"] = r["tags"]
        records.append(rec)
    problems = verify(records)
    if problems:
        raise SystemExit("\n".join(problems))
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(HERE, "blind2.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("%d records, %d spans -> %s" % (len(records), sum(len(r["spans"]) for r in records), out))


if __name__ == "__main__":
    main()
