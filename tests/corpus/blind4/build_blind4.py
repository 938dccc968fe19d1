#!/usr/bin/env python3
"""Builds tests/corpus/blind4/blind4.jsonl from the annotated sources in this folder
({nl,fr,de,en,mixed}.txt), reusing ../build.py: build.read_sources(this folder), and every message
is rendered with build.render(), so markers, offsets and format are exactly those of
corpus.jsonl. All checksum-bearing values are typed in literally; they are verified below
(value = text at offsets, no blanks at the edges, no overlaps, known labels, IBAN mod-97,
Luhn, BSN 11-check, Belgian national number, NIR key, Steuer-ID, SVNR, AHV, PPSN, NINO, SSN).

    python3 tests/corpus/blind4/build_blind4.py [--out FILE]   (default: blind4.jsonl here)
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import build  # noqa: E402  (tests/corpus/build.py)

SOURCES = ["nl.txt", "fr.txt", "de.txt", "en.txt", "mixed.txt"]
IBAN_LEN = {"NL": 18, "BE": 16, "FR": 27, "DE": 22, "AT": 20, "CH": 21, "GB": 22, "IE": 22, "LU": 20}


def read_sources():
    return build.read_sources(HERE)


def ok_iban(v):
    s = v.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s) or IBAN_LEN.get(s[:2]) != len(s):
        return False
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1


def luhn(d):
    total = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total % 10 == 0


def ok_card(v):
    d = re.sub(r"[ -]", "", v)
    return d.isdigit() and 13 <= len(d) <= 19 and luhn(d)


def ok_bsn(d):
    return len(d) == 9 and (sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])) % 11 == 0


def ok_be_nn(d):
    if len(d) != 11:
        return False
    base, cc = d[:9], int(d[9:])
    return 97 - int(base) % 97 == cc or 97 - int("2" + base) % 97 == cc


def ok_steuer_id(d):
    if len(d) != 11 or d[0] == "0":
        return False
    counts = collections.Counter(d[:10]).values()
    if sorted(counts)[-1] not in (2, 3) or sum(1 for c in counts if c > 1) != 1:
        return False
    product = 10
    for ch in d[:10]:
        total = (int(ch) + product) % 10 or 10
        product = (total * 2) % 11
    check = 11 - product
    return (0 if check == 10 else check) == int(d[10])


def ok_nir(d):
    return len(d) == 15 and 97 - int(d[:13]) % 97 == int(d[13:])


def ok_svnr(d):
    w = [3, 7, 9, 5, 8, 4, 2, 1, 6]
    body = d[:3] + d[4:]
    return len(d) == 10 and sum(int(x) * y for x, y in zip(body, w)) % 11 == int(d[3])


def ok_ahv(d):
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12]))
    return len(d) == 13 and d.startswith("756") and (10 - total % 10) % 10 == int(d[12])


def ok_ppsn(v):
    m = re.fullmatch(r"(\d{7})([A-W])([A-IW]?)", v.replace(" ", "").upper())
    if not m:
        return False
    total = sum(int(c) * (8 - i) for i, c in enumerate(m.group(1)))
    if m.group(3):
        total += 9 * ("WABCDEFGHI".index(m.group(3)))
    return "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == m.group(2)


def national_id_kind(v, tags):
    d = re.sub(r"[ .\-/]", "", v)
    if re.fullmatch(r"\d{3}-\d{2}-\d{4}", v):
        a, g, s = v.split("-")
        return "ssn", a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"
    if re.fullmatch(r"[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]", v):
        return "nino", v[:2] not in ("GB", "NK", "TN", "ZZ", "BG", "KN", "NT") and v[0] not in "DFIQUV" \
            and v[1] not in "DFIOQUV"
    if re.fullmatch(r"\d{7} ?[A-W][A-IW]?", v):
        return "ppsn", ok_ppsn(v)
    if not d.isdigit():
        return "unknown", False
    if len(d) == 13 and d.startswith("756"):
        return "ahv", ok_ahv(d)
    if len(d) == 15:
        return "nir", ok_nir(d)
    if re.fullmatch(r"\d{4} \d{6}", v):
        return "svnr", ok_svnr(d)
    if len(d) == 9:
        return "bsn", ok_bsn(d)
    if len(d) == 11:
        if {"be", "befr"} & set(tags):
            return "be_nn", ok_be_nn(d)
        return "steuer_id", ok_steuer_id(d)
    return "unknown", False


def check(rec):
    errs = []
    text, spans, tags = rec["text"], rec["spans"], rec.get("tags", [])
    prev_end = -1
    for sp in sorted(spans, key=lambda s: s["start"]):
        v = sp["value"]
        if sp["label"] not in build.LABELS:
            errs.append("unknown label %s" % sp["label"])
        if text[sp["start"]:sp["end"]] != v:
            errs.append("offset mismatch %r" % v)
        if not v or v != v.strip() or "{" in v or "|" in v:
            errs.append("bad value %r" % v)
        if sp["start"] < prev_end:
            errs.append("overlap at %r" % v)
        prev_end = sp["end"]
        if sp["label"] == "IBAN" and not ok_iban(v):
            errs.append("invalid IBAN %r" % v)
        if sp["label"] == "CREDIT_CARD" and not ok_card(v):
            errs.append("invalid card %r" % v)
        if sp["label"] == "NATIONAL_ID":
            kind, good = national_id_kind(v, tags)
            if not good:
                errs.append("invalid national id (%s) %r" % (kind, v))
    if "{{" in text or "}}" in text:
        errs.append("marker left in text")
    return errs


def main():
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(HERE, "blind4.jsonl")
    present = sorted(n for n in os.listdir(HERE) if n.endswith(".txt"))
    if present != sorted(SOURCES):
        raise SystemExit("unexpected source files: %s" % present)
    records, seen, failed = [], set(), False
    for r in read_sources():
        if r["id"] in seen:
            raise SystemExit("duplicate id " + r["id"])
        seen.add(r["id"])
        rec = build.render(r["id"], r["lang"], "".join(r["lines"]).strip("\n"))
        if r["tags"]:
            rec["tags"] = r["tags"]
        for e in check(rec):
            print("%s: %s" % (rec["id"], e), file=sys.stderr)
            failed = True
        records.append(rec)
    if failed:
        raise SystemExit("checks failed")
    records.sort(key=lambda x: (["nl", "fr", "de", "en", "mx"].index(x["id"].split("-")[0]), x["id"]))
    with open(out, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    by_label = collections.Counter(s["label"] for r in records for s in r["spans"])
    print("%d records, %d spans -> %s" % (len(records), sum(by_label.values()), out))
    if "-v" in sys.argv:
        for group in ["nl", "fr", "de", "en", "mx"]:
            c = collections.Counter(s["label"] for r in records if r["id"].startswith(group + "-")
                                    for s in r["spans"])
            n = sum(1 for r in records if r["id"].startswith(group + "-"))
            print("%-3s %2d msgs %3d spans  %s" % (group, n, sum(c.values()), dict(sorted(c.items()))))
        print("all %s" % dict(sorted(by_label.items())))


if __name__ == "__main__":
    main()
