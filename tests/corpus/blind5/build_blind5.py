#!/usr/bin/env python3
"""Builds tests/corpus/blind5/blind5.jsonl from the annotated sources in this folder.

Reuses tests/corpus/build.py: build.read_sources(this folder) reads {nl,fr,de,en,mixed}.txt
and build.render() strips the {{LABEL|value}} markers and computes code-point offsets.

All values are typed in literally (no @generators); the checks below verify offsets, overlaps,
the label vocabulary, check digits (IBAN, Luhn, BSN, Belgian NN and eID card, NIR, Steuer-ID,
AHV, PPSN, SVNR, Rentenversicherungsnummer, DVLA licence) and that a labelled name or value
does not also occur unlabelled elsewhere in the same message. Standard library only.
    python3 tests/corpus/blind5/build_blind5.py [--out FILE]
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
sys.path.insert(0, CORPUS)
import build  # noqa: E402  tests/corpus/build.py
FILES = ["nl", "fr", "de", "en", "mixed"]
PER_FILE = 12


# ---------------------------------------------------------------- check digits
def iban_ok(v):
    s = v.replace(" ", "")
    lengths = {"NL": 18, "BE": 16, "FR": 27, "DE": 22, "AT": 20, "CH": 21, "GB": 22, "IE": 22, "LU": 20}
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s) or lengths.get(s[:2]) != len(s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def luhn_ok(v):
    d = re.sub(r"[ -]", "", v)
    if not d.isdigit() or not 13 <= len(d) <= 19:
        return False
    total = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch) * (2 if i % 2 else 1)
        total += x - 9 if x > 9 else x
    return total % 10 == 0


def bsn_ok(d):
    return len(d) == 9 and (sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])) % 11 == 0


def be_nn_ok(d):
    base, cc = int(d[:9]), int(d[9:])
    return 97 - base % 97 == cc or 97 - int("2" + d[:9]) % 97 == cc


def be_eid_ok(d):
    return (int(d[:10]) % 97 or 97) == int(d[10:])


def nir_ok(d):
    return 97 - int(d[:13]) % 97 == int(d[13:])


def steuer_ok(d):
    if len(d) != 11 or d[0] == "0":
        return False
    counts = collections.Counter(d[:10]).values()
    if sorted(counts)[-1] not in (2, 3) or sum(1 for c in counts if c > 1) != 1:
        return False
    product = 10
    for ch in d[:10]:
        total = (int(ch) + product) % 10 or 10
        product = total * 2 % 11
    check = 11 - product
    return (0 if check == 10 else check) == int(d[10])


def ahv_ok(d):
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12]))
    return d.startswith("756") and (10 - total % 10) % 10 == int(d[12])


def ppsn_ok(v):
    d = v[:7]
    total = sum(int(c) * (8 - i) for i, c in enumerate(d))
    return "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == v[7]


def svnr_ok(d):
    w = [3, 7, 9, 5, 8, 4, 2, 1, 6]
    digits = d[:3] + d[4:]
    return sum(int(x) * y for x, y in zip(digits, w)) % 11 == int(d[3])


def rv_ok(v):
    s = v.replace(" ", "")
    digits = s[:8] + "%02d" % (ord(s[8]) - 64) + s[9:11]
    w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    return sum(sum(map(int, str(int(c) * x))) for c, x in zip(digits, w)) % 10 == int(s[11])


def dvla_ok(v):
    m = re.fullmatch(r"([A-Z9]{5})(\d)([0156]\d)([0-3]\d)(\d)([A-Z9]{2})\d([A-Z]{2})", v)
    if not m:
        return False
    month = int(m.group(3)) % 50
    return 1 <= month <= 12 and 1 <= int(m.group(4)) <= 31


# Document numbers without a public check digit, accepted as written (passports, licences).
UNCHECKED_DOCS = {"NX4R8KT12", "NX4R8KT21", "A38291047", "850172300114"}


def national_id_ok(v):
    d = re.sub(r"[ .\-/]", "", v)
    if v in UNCHECKED_DOCS:
        return "document (no check digit)"
    if re.fullmatch(r"\d\d\.\d\d\.\d\d-\d{3}\.\d\d", v):
        return "be_nn" if be_nn_ok(d) else None
    if re.fullmatch(r"\d{3}-\d{7}-\d{2}", v):
        return "be_eid" if be_eid_ok(d) else None
    if re.fullmatch(r"756\.\d{4}\.\d{4}\.\d\d", v):
        return "ahv" if ahv_ok(d) else None
    if re.fullmatch(r"[12] \d\d \d\d \d[\dAB] \d{3} \d{3} \d\d", v):
        return "nir" if nir_ok(d) else None
    if re.fullmatch(r"\d{4} \d{6}", v):
        return "svnr" if svnr_ok(d) else None
    if re.fullmatch(r"\d{3}-\d\d-\d{4}", v):
        area = int(v[:3])
        return "ssn" if 0 < area < 900 and area != 666 and v[4:6] != "00" and v[7:] != "0000" else None
    if re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d\d ?\d\d ?\d\d ?[A-D]", v):
        return "nino"
    if re.fullmatch(r"\d{7}[A-W]W?", v):
        return "ppsn" if ppsn_ok(v) else None
    if re.fullmatch(r"\d\d ?\d{6} ?[A-Z] ?\d{3}", v):
        return "rv" if rv_ok(v) else None
    if re.fullmatch(r"[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}", v):
        return "dvla" if dvla_ok(v) else None
    if re.fullmatch(r"\d{9}", d) and bsn_ok(d):
        return "bsn"
    if re.fullmatch(r"\d{11}", d):
        return "steuer_id" if steuer_ok(d) else None
    return None


# ---------------------------------------------------------------- checks
def check(rec, build):
    errs = []
    text, spans = rec["text"], rec["spans"]
    last_end = -1
    for sp in sorted(spans, key=lambda s: s["start"]):
        if sp["label"] not in build.LABELS:
            errs.append("unknown label %s" % sp["label"])
        if text[sp["start"]:sp["end"]] != sp["value"]:
            errs.append("offset mismatch for %r" % sp["value"])
        if sp["value"] != sp["value"].strip() or not sp["value"]:
            errs.append("blank around %r" % sp["value"])
        if sp["start"] < last_end:
            errs.append("overlap at %r" % sp["value"])
        last_end = sp["end"]
        v, lab = sp["value"], sp["label"]
        if lab == "IBAN" and not iban_ok(v):
            errs.append("bad IBAN %r" % v)
        if lab == "CREDIT_CARD" and not luhn_ok(v):
            errs.append("bad card %r" % v)
        if lab == "NATIONAL_ID" and not national_id_ok(v):
            errs.append("bad or unknown national id %r" % v)
        if lab == "PERSON" and re.match(
                r"(?i)(dhr|mevr|mw|mr|mrs|ms|dr|herr|frau|madame|monsieur|mme)\.?\s", v):
            errs.append("title inside PERSON %r" % v)
    # every occurrence of a labelled value must be labelled (catches missed name mentions)
    covered = [(s["start"], s["end"]) for s in spans]
    for sp in spans:
        if sp["label"] == "CITY":  # a city outside a postal address stays unlabelled
            continue
        v = sp["value"]
        for m in re.finditer(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text):
            if not any(a <= m.start() and m.end() <= b for a, b in covered):
                errs.append("unlabelled repeat of %s %r at %d" % (sp["label"], v, m.start()))
    return errs


def main():
    sources = build.read_sources(HERE)
    by_file = collections.Counter(r["id"].split("-")[0] for r in sources)
    problems = []
    for f in FILES:
        if by_file.get(f) != PER_FILE:
            problems.append("%s.txt: %s messages, expected %d" % (f, by_file.get(f), PER_FILE))
    order = {f: i for i, f in enumerate(FILES)}
    sources.sort(key=lambda r: (order[r["id"].split("-")[0]], r["id"]))
    records, seen = [], set()
    for r in sources:
        if r["id"] in seen:
            problems.append("duplicate id " + r["id"])
        seen.add(r["id"])
        if not re.fullmatch(r"(nl|fr|de|en|mixed)-f\d{3}", r["id"]):
            problems.append("bad id " + r["id"])
        body = "".join(r["lines"]).strip("\n")
        if "@" in body and re.search(r"\{\{[A-Z_]+\|@", body):
            problems.append("%s: generators are not used in blind5" % r["id"])
        rec = build.render(r["id"], r["lang"], body)
        if r["tags"]:
            rec["tags"] = r["tags"]
        problems += ["%s: %s" % (r["id"], e) for e in check(rec, build)]
        records.append(rec)
    if problems:
        print("\n".join(problems))
        raise SystemExit("%d problem(s)" % len(problems))
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(HERE, "blind5.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    labels = collections.Counter(s["label"] for r in records for s in r["spans"])
    langs = collections.Counter(r["id"].split("-")[0] for r in records)
    print("%d records, %d spans -> %s" % (len(records), sum(labels.values()), out))
    print("per file:", dict(langs))
    print("per label:", dict(sorted(labels.items())))


if __name__ == "__main__":
    main()
