#!/usr/bin/env python3
"""Builds tests/corpus/blind3/blind3.jsonl from the annotated sources nl/fr/de/en/mixed.txt.

Reuses tests/corpus/build.py (imported, not copied): build.read_sources(this folder), and its render()
strips the {{LABEL|value}} markers and computes code-point offsets. The values in these
sources are typed in literally (no @generators), so the checks below verify them.

    python3 tests/corpus/blind3/build_blind3.py [--out FILE]   (default blind3/blind3.jsonl)

Besides building, it verifies every record: span text equals value, no surrounding blanks,
no overlaps, known labels, and the public check digits of IBAN, CREDIT_CARD and NATIONAL_ID.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import build  # noqa: E402  tests/corpus/build.py


def read_blind3_sources():
    return build.read_sources(HERE)


# ---- independent checks -------------------------------------------------------------
def iban_ok(v):
    s = v.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    lengths = {"NL": 18, "BE": 16, "FR": 27, "DE": 22, "AT": 20, "CH": 21, "GB": 22, "IE": 22, "LU": 20}
    if lengths.get(s[:2]) != len(s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def luhn_ok(v):
    d = re.sub(r"[ -]", "", v)
    if not d.isdigit() or not 13 <= len(d) <= 19:
        return False
    t = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        t += x
    return t % 10 == 0


def bsn_ok(d):
    return len(d) == 9 and (sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])) % 11 == 0


def be_nn_ok(d):
    if len(d) != 11:
        return False
    base, cc = int(d[:9]), int(d[9:])
    return 97 - base % 97 == cc or 97 - int("2" + d[:9]) % 97 == cc


def nir_ok(d):
    return len(d) == 15 and d[0] in "12" and 97 - int(d[:13]) % 97 == int(d[13:])


def steuer_id_ok(d):
    if len(d) != 11 or d[0] == "0":
        return False
    counts = sorted((d[:10].count(c) for c in set(d[:10])), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
        return False
    product = 10
    for c in d[:10]:
        s = (int(c) + product) % 10 or 10
        product = (s * 2) % 11
    check = 11 - product
    return (0 if check == 10 else check) == int(d[10])


def svnr_ok(d):
    if len(d) != 10:
        return False
    w = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6]
    return sum(int(x) * y for x, y in zip(d, w)) % 11 == int(d[3])


def ahv_ok(d):
    if len(d) != 13 or not d.startswith("756"):
        return False
    t = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12]))
    return (10 - t % 10) % 10 == int(d[12])


def nino_ok(v):
    s = v.replace(" ", "").upper()
    m = re.fullmatch(r"([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])\d{6}[A-D]", s)
    return bool(m) and s[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")


def ppsn_ok(v):
    s = v.replace(" ", "").upper()
    m = re.fullmatch(r"(\d{7})([A-W])([A-IW]?)", s)
    if not m:
        return False
    t = sum(int(c) * (8 - i) for i, c in enumerate(m.group(1)))
    if m.group(3):
        t += 9 * (ord(m.group(3)) - 64 if m.group(3) != "W" else 0)
    return "WABCDEFGHIJKLMNOPQRSTUV"[t % 23] == m.group(2)


def ssn_ok(v):
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", v)
    if not m:
        return False
    a, g, s = m.groups()
    return a not in ("000", "666") and a < "900" and g != "00" and s != "0000"


def national_id_ok(v, country):
    d = re.sub(r"[ .\-/]", "", v)
    if country in ("nl",):
        return bsn_ok(d)
    if country in ("be", "befr"):
        return be_nn_ok(d)
    if country == "fr":
        return nir_ok(d)
    if country == "de":
        return steuer_id_ok(d)
    if country == "at":
        return svnr_ok(d)
    if country in ("ch", "chfr"):
        return ahv_ok(d)
    if country == "uk":
        return nino_ok(v)
    if country == "ie":
        return ppsn_ok(v)
    if country == "us":
        return ssn_ok(v)
    return False


def verify(rec):
    errs = []
    text, spans = rec["text"], rec["spans"]
    country = rec.get("tags", [""])[0]
    last_end = -1
    for sp in sorted(spans, key=lambda s: s["start"]):
        v = sp["value"]
        if text[sp["start"]:sp["end"]] != v:
            errs.append("offset mismatch %r" % v)
        if v != v.strip() or not v:
            errs.append("blank around %r" % v)
        if sp["start"] < last_end:
            errs.append("overlap at %r" % v)
        last_end = sp["end"]
        if sp["label"] not in build.LABELS:
            errs.append("unknown label " + sp["label"])
        if sp["label"] == "IBAN" and not iban_ok(v):
            errs.append("bad IBAN %r" % v)
        if sp["label"] == "CREDIT_CARD" and not luhn_ok(v):
            errs.append("bad card %r" % v)
        if sp["label"] == "NATIONAL_ID" and not national_id_ok(v, country):
            errs.append("bad national id %r (%s)" % (v, country))
    return errs


def main():
    records, seen, problems = [], set(), []
    for r in read_blind3_sources():
        if r["id"] in seen:
            raise SystemExit("duplicate id " + r["id"])
        seen.add(r["id"])
        rec = build.render(r["id"], r["lang"], "".join(r["lines"]).strip("\n"))
        if r["tags"]:
            rec["tags"] = r["tags"]
        for e in verify(rec):
            problems.append("%s: %s" % (rec["id"], e))
        records.append(rec)
    if problems:
        raise SystemExit("\n".join(problems))
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(HERE, "blind3.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("%d records, %d spans -> %s" % (len(records), sum(len(r["spans"]) for r in records), out))


if __name__ == "__main__":
    main()
