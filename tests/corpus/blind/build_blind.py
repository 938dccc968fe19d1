#!/usr/bin/env python3
"""Builds tests/corpus/blind/blind.jsonl from the annotated blind sources (nl/fr/de/en/mixed.txt).

Same marker format ({{LABEL|value}}) and '### <id> <lang> [tags]' message headers as
tests/corpus/src/*.txt; parsing and rendering are build.py's own functions (imported, not
copied). All values here are literal (no @generators). Afterwards every record is checked:
span value equals the text at its code-point offsets, no overlaps, no blanks at span edges,
and checksums (IBAN mod-97, Luhn, BSN 11-check, Belgian NN, French NIR, Swiss AHV, Irish PPSN,
Austrian SVNR, German Steuer-ID) hold. Standard library only.
    python3 tests/corpus/blind/build_blind.py [--out FILE]   (default tests/corpus/blind/blind.jsonl)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import build  # noqa: E402  tests/corpus/build.py


def read_blind_sources():
    return build.read_sources(HERE)


def iban_ok(v):
    s = v.replace(" ", "")
    n = {"NL": 18, "BE": 16, "FR": 27, "DE": 22, "AT": 20, "CH": 21, "GB": 22, "IE": 22, "LU": 20}
    if len(s) != n.get(s[:2], -1):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def luhn_ok(v):
    d = [int(c) for c in v if c.isdigit()]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def national_ok(v, lang=None):
    """True/False for formats with a public check, None for documents without one."""
    d = re.sub(r"[ .\-/]", "", v)
    if re.fullmatch(r"\d{9}", v):  # BSN in Dutch messages (elsewhere e.g. a UK passport number)
        s = sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])
        return s % 11 == 0 if lang == "nl" else None
    if re.fullmatch(r"\d\d\.\d\d\.\d\d-\d{3}\.\d\d", v):  # Belgian national number
        return 97 - int(d[:9]) % 97 == int(d[9:]) or 97 - int("2" + d[:9]) % 97 == int(d[9:])
    if re.fullmatch(r"[12] \d\d \d\d \d\d \d{3} \d{3} \d\d", v):  # French NIR
        return 97 - int(d[:13]) % 97 == int(d[13:])
    if v.startswith("756."):  # Swiss AHV, EAN-13 check
        tot = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12]))
        return (10 - tot % 10) % 10 == int(d[12])
    if re.fullmatch(r"\d{7}[A-W][A-IW]?", v):  # Irish PPSN
        tot = sum(int(c) * (8 - i) for i, c in enumerate(d[:7]))
        if len(d) == 9:
            tot += 9 * (ord(d[8]) - 64) if d[8] != "W" else 0
        return "WABCDEFGHIJKLMNOPQRSTUV"[tot % 23] == d[7]
    if re.fullmatch(r"\d{4} \d{6}", v):  # Austrian SVNR
        w = [3, 7, 9, 5, 8, 4, 2, 1, 6]
        digits = d[:3] + d[4:]
        return sum(int(x) * y for x, y in zip(digits, w)) % 11 == int(d[3])
    if re.fullmatch(r"\d\d \d{3} \d{3} \d{3}", v):  # German Steuer-ID, ISO 7064 MOD 11,10
        p = 10
        for c in d[:10]:
            t = (int(c) + p) % 10 or 10
            p = t * 2 % 11
        return (11 - p) % 10 == int(d[10])
    return None


def check(rec):
    errs, text, last = [], rec["text"], None
    for sp in sorted(rec["spans"], key=lambda s: (s["start"], s["end"])):
        v = sp["value"]
        if text[sp["start"]:sp["end"]] != v:
            errs.append("offset mismatch %r" % v)
        if v != v.strip() or not v:
            errs.append("blank at edge %r" % v)
        if last and sp["start"] < last["end"]:
            errs.append("overlap %r / %r" % (last["value"], v))
        last = sp
        if sp["label"] == "IBAN" and not iban_ok(v):
            errs.append("bad IBAN %r" % v)
        if sp["label"] == "CREDIT_CARD" and not luhn_ok(v):
            errs.append("bad Luhn %r" % v)
        if sp["label"] == "NATIONAL_ID" and national_ok(v, rec["lang"]) is False:
            errs.append("bad national id %r" % v)
    return errs


def main():
    records, seen, errors = [], set(), []
    for r in read_blind_sources():
        if r["id"] in seen:
            raise SystemExit("duplicate id " + r["id"])
        seen.add(r["id"])
        body = "".join(r["lines"]).strip("\n")
        rec = build.render(r["id"], r["lang"], body)
        if r["tags"]:
            rec["tags"] = r["tags"]
        errors += ["%s: %s" % (r["id"], e) for e in check(rec)]
        records.append(rec)
    if errors:
        raise SystemExit("\n".join(errors))
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(HERE, "blind.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("%d records, %d spans -> %s" % (len(records), sum(len(r["spans"]) for r in records), out))


if __name__ == "__main__":
    main()
